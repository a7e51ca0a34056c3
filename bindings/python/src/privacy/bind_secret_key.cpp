// SecretKey: from bytes, hex, a key file or an environment variable; repr shows size and fingerprint
// only; pickling is refused. Also find_identifier, IdentifierKind and mask_name.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "grassroots/privacy/screening.hpp"
#include "grassroots/privacy/secret_key.hpp"
#include "privacy/privacy.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

ByteView key_view(const py::bytes& data) {
    const std::string_view text(data);
    return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

}  // namespace

void bind_secret_key(py::module_& m) {
    py::class_<SecretKey> key(m, "SecretKey",
                              "A secret key kept outside the store (the vault's master key, the pseudonym key). repr "
                              "shows its size and an 8-hex-digit fingerprint, never the key; errors never carry it; "
                              "it cannot be pickled. clear_bytes() is the one way to the bytes.");
    key.def(py::init([](const py::bytes& data) { return SecretKey::from_bytes(key_view(data)); }), py::arg("data"),
            "A key of 16 to 64 bytes; InvalidInputError otherwise.");
    key.def_static("from_hex", &SecretKey::from_hex, py::arg("text"),
                   "A key written as hexadecimal text (white space around ignored).");
    key.def_static("from_file", &SecretKey::from_file, py::arg("path"),
                   "A key from a file: its raw bytes, or hexadecimal text. FileError when the "
                   "file cannot be read, InvalidInputError for a bad size.");
    key.def_static("from_env", &SecretKey::from_env, py::arg("name"),
                   "A key from an environment variable holding hexadecimal text; NotFoundError when it is unset.");
    key.def_static("generate", &SecretKey::generate, py::arg("size") = 32,
                   "A fresh random key of size bytes (32: AES-256) from OpenSSL's generator.");
    key.def("clear_bytes",
            [](const SecretKey& self) {
                const ByteView bytes = self.clear_bytes();
                return py::bytes(reinterpret_cast<const char*>(bytes.data()), bytes.size());
            },
            "The key's bytes: call it only where the key itself is needed (e.g. to write a key file).");
    key.def_property_readonly("size", &SecretKey::size, "The key's size in bytes.");
    key.def_property_readonly("fingerprint", &SecretKey::fingerprint,
                              "8 hex digits identifying the key without revealing it.");
    key.def("__repr__", [](const SecretKey& self) { return to_string(self); });
    key.def(
        "__eq__",
        [](const SecretKey& self, const py::object& other) {
            return py::isinstance<SecretKey>(other) && self == other.cast<const SecretKey&>();
        },
        py::arg("other"));
    key.attr("__hash__") = py::none();
    const std::string refusal = "a SecretKey cannot be pickled: a pickle would carry the key";
    key.def("__reduce_ex__", [refusal](const SecretKey&, int) -> py::object { throw py::type_error(refusal); },
            py::arg("protocol"));
    key.def("__reduce__", [refusal](const SecretKey&) -> py::object { throw py::type_error(refusal); });
    key.def("__copy__", [](const py::object& self) { return self; });
    key.def("__deepcopy__", [](const py::object& self, const py::object&) { return self; }, py::arg("memo"));

    bind_enum<IdentifierKind>(m, "IdentifierKind", "A kind of raw identifier find_identifier finds.");
    m.def(
        "find_identifier",
        [](std::string_view text) -> py::object {
            const auto match = find_identifier(text);
            if (!match) return py::none();
            return py::make_tuple(match->kind, match->offset, match->length);
        },
        py::arg("text"),
        "(kind, offset, length) of the first valid citizen ID number or mobile number in text (offsets in UTF-8 "
        "bytes), or None. The rule: a run of ASCII digits touching no letter or digit — 17 digits and a check "
        "character forming a valid GB 11643 number, 15 digits forming a first-generation number (born 1920 or "
        "later), or 11 digits 1[3-9]… (also after +86), also grouped 3-4-4 by spaces or dashes (138 1234 5678).");
    m.def("mask_name", &mask_name, py::arg("name"), "The name masked: its first character kept, '*' for each other.");
}

}  // namespace grassroots::python
