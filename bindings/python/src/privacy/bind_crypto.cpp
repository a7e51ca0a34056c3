// Digests, HMAC, keyed pseudonyms and the vault's AEAD: bytes in, bytes out.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "grassroots/privacy/crypto.hpp"
#include "privacy/privacy.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

// A view of a bytes object (valid while the object lives).
ByteView view(const py::bytes& data) {
    const std::string_view text(data);
    return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

py::bytes to_py(const Bytes& data) { return py::bytes(reinterpret_cast<const char*>(data.data()), data.size()); }

}  // namespace

void bind_crypto(py::module_& m) {
    bind_enum<HashAlgorithm>(m, "HashAlgorithm", "A hash function for digests, HMAC and pseudonyms.");
    bind_enum<Cipher>(m, "Cipher", "An authenticated cipher (AEAD) for the vault.");

    m.def(
        "digest", [](const py::bytes& data, HashAlgorithm algorithm) { return to_py(digest(view(data), algorithm)); },
        py::arg("data"), py::arg("algorithm") = HashAlgorithm::sha256, "The digest of data (SHA-256 or SM3).");
    m.def(
        "hmac",
        [](const py::bytes& key, const py::bytes& message, HashAlgorithm algorithm) {
            return to_py(hmac(view(key), view(message), algorithm));
        },
        py::arg("key"), py::arg("message"), py::arg("algorithm") = HashAlgorithm::sha256,
        "HMAC of message under key (HMAC-SHA256 or HMAC-SM3). Raises InvalidInputError for an empty key.");
    m.def(
        "pseudonym",
        [](const CitizenId& id, const py::bytes& key, HashAlgorithm algorithm) {
            return pseudonym(id, view(key), algorithm);
        },
        py::arg("value"), py::arg("key"), py::arg("algorithm") = HashAlgorithm::sha256,
        "The keyed pseudonym of a citizen ID number: the hex HMAC of its 18 characters under key (the caller's, "
        "at least 16 bytes). Raises InvalidInputError for a short key.");
    m.def(
        "pseudonym",
        [](const PhoneNumber& phone, const py::bytes& key, HashAlgorithm algorithm) {
            return pseudonym(phone, view(key), algorithm);
        },
        py::arg("value"), py::arg("key"), py::arg("algorithm") = HashAlgorithm::sha256,
        "The keyed pseudonym of a phone number: the hex HMAC of its 11 digits (see above).");
    m.attr("MIN_PSEUDONYM_KEY_SIZE") = min_pseudonym_key_size;
    m.attr("NONCE_SIZE") = nonce_size;
    m.attr("TAG_SIZE") = tag_size;
    m.def("cipher_available", &cipher_available, py::arg("cipher"),
          "True when the OpenSSL in use offers cipher (SM4-GCM needs OpenSSL 3.1 or later).");
    m.def("key_size", &key_size, py::arg("cipher"), "The key size of cipher in bytes.");
    m.def(
        "generate_key", [](Cipher cipher) { return to_py(generate_key(cipher)); },
        py::arg("cipher") = Cipher::aes_256_gcm, "A fresh random key for cipher from OpenSSL's generator.");
    m.def(
        "encrypt",
        [](const py::bytes& plaintext, const py::bytes& key, const py::bytes& associated_data, Cipher cipher) {
            return to_py(encrypt(view(plaintext), view(key), view(associated_data), cipher));
        },
        py::arg("plaintext"), py::arg("key"), py::arg("associated_data") = py::bytes(),
        py::arg("cipher") = Cipher::aes_256_gcm,
        "nonce ‖ ciphertext ‖ tag of plaintext under key, bound to associated_data, with a fresh random "
        "nonce. Raises InvalidInputError for a key of the wrong size, NotFoundError when OpenSSL lacks the cipher.");
    m.def(
        "decrypt",
        [](const py::bytes& sealed, const py::bytes& key, const py::bytes& associated_data, Cipher cipher) {
            return to_py(decrypt(view(sealed), view(key), view(associated_data), cipher));
        },
        py::arg("sealed"), py::arg("key"), py::arg("associated_data") = py::bytes(),
        py::arg("cipher") = Cipher::aes_256_gcm,
        "The plaintext of what encrypt() made. Raises InvalidInputError when the tag does not verify (a changed "
        "byte, the wrong key or the wrong associated data) or the input is too short; never returns unverified "
        "bytes.");
}

}  // namespace grassroots::python
