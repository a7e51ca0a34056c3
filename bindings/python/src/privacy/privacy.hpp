// The privacy area's binding functions (bindings.cpp calls them in this order). The area sits on
// core only, so its files use the core-level helpers in src/core_helpers/ (bind_enum, the date
// caster), never src/common/ (which counts as division).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// The privacy submodule (module.cpp calls it; declared in common/bindings.hpp too).
void bind_privacy(py::module_& m);
/// CitizenId, PhoneNumber and citizen_id_check_character (Sex is bound by the autonomy area).
void bind_identity(py::module_& m);
/// HashAlgorithm, Cipher, digest, hmac, pseudonym, cipher_available, generate_key, encrypt, decrypt.
void bind_crypto(py::module_& m);
/// SecretKey, IdentifierKind, find_identifier and mask_name.
void bind_secret_key(py::module_& m);

}  // namespace grassroots::python
