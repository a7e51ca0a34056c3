// The privacy area's binding functions (bindings.cpp calls them in this order). The area sits on
// core only, so its files use none of src/common/ (which counts as division): dates are converted
// here by hand and the enums are built by bind_named_enum below.
#pragma once

#include <pybind11/pybind11.h>

#include <cctype>
#include <string>

#include "grassroots/core/enum_table.hpp"

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

/// A Python enum from the C++ table enum_names(E), members in upper case, as bind_enum in
/// common/value_types.hpp does.
template <NamedEnum E>
py::enum_<E> bind_named_enum(py::module_& m, const char* name, const char* doc) {
    py::enum_<E> cls(m, name, doc);
    for (const EnumName<E>& entry : enum_names(E{})) {
        std::string member(entry.name);
        for (char& c : member) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const std::string text = entry.chinese.empty() ? std::string(entry.doc)
                                                       : std::string(entry.chinese) + ": " + std::string(entry.doc);
        cls.value(member.c_str(), entry.value, text.c_str());
    }
    return cls;
}

}  // namespace grassroots::python
