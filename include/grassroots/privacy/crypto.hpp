/// @file crypto.hpp
/// @brief Keyed pseudonyms (HMAC-SHA256, HMAC-SM3) and per-person authenticated encryption
/// (AES-256-GCM, SM4-GCM) over OpenSSL 3: thin wrappers, no hand-written cryptography.
///
/// Bytes are std::vector<std::uint8_t>; inputs are spans of them. The caller owns the keys.
/// An encrypted value is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes), with a fresh random
/// nonce per call; decryption verifies the tag and throws rather than return anything unverified.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/privacy/identity.hpp"

namespace grassroots {

/// @brief A byte string (keys, digests, ciphertexts).
using Bytes = std::vector<std::uint8_t>;
/// @brief A read-only view of bytes.
using ByteView = std::span<const std::uint8_t>;

/// @brief The bytes of @p text.
[[nodiscard]] Bytes to_bytes(std::string_view text);
/// @brief Lower-case hexadecimal of @p bytes.
[[nodiscard]] std::string to_hex(ByteView bytes);

/// @brief A hash function, for digests and HMAC.
enum class HashAlgorithm {
    sha256,  ///< SHA-256 (FIPS 180-4).
    sm3,     ///< SM3 (GB/T 32905-2016).
};
/// @brief The name table of HashAlgorithm.
[[nodiscard]] std::span<const EnumName<HashAlgorithm>> enum_names(HashAlgorithm) noexcept;
/// @brief "sha256" or "sm3".
[[nodiscard]] std::string_view to_string(HashAlgorithm algorithm) noexcept;

/// @brief An authenticated cipher (AEAD) for the vault.
enum class Cipher {
    aes_256_gcm,  ///< AES-256 in GCM mode (32-byte key).
    sm4_gcm,      ///< SM4 (GB/T 32907-2016) in GCM mode (16-byte key), where OpenSSL offers it.
};
/// @brief The name table of Cipher.
[[nodiscard]] std::span<const EnumName<Cipher>> enum_names(Cipher) noexcept;
/// @brief "aes_256_gcm" or "sm4_gcm".
[[nodiscard]] std::string_view to_string(Cipher cipher) noexcept;

/// @brief The digest of @p data.
[[nodiscard]] Bytes digest(ByteView data, HashAlgorithm algorithm = HashAlgorithm::sha256);
/// @brief HMAC of @p message under @p key; throws InvalidInput for an empty key.
[[nodiscard]] Bytes hmac(ByteView key, ByteView message, HashAlgorithm algorithm = HashAlgorithm::sha256);

/// @brief The smallest key pseudonym() accepts, in bytes.
inline constexpr std::size_t min_pseudonym_key_size = 16;

/// @brief The keyed pseudonym of a citizen ID number: hex HMAC of its normalised 18 characters;
/// throws InvalidInput for a key shorter than min_pseudonym_key_size.
[[nodiscard]] std::string pseudonym(const CitizenId& id, ByteView key, HashAlgorithm algorithm = HashAlgorithm::sha256);
/// @brief The keyed pseudonym of a phone number: hex HMAC of its 11 digits (see above).
[[nodiscard]] std::string pseudonym(const PhoneNumber& phone, ByteView key,
                                    HashAlgorithm algorithm = HashAlgorithm::sha256);

/// @brief True when the OpenSSL in use offers @p cipher (SM4-GCM needs OpenSSL 3.1 or later).
[[nodiscard]] bool cipher_available(Cipher cipher);
/// @brief The key size of @p cipher in bytes (32 for AES-256-GCM, 16 for SM4-GCM).
[[nodiscard]] std::size_t key_size(Cipher cipher) noexcept;
/// @brief The nonce size of every cipher here, in bytes.
inline constexpr std::size_t nonce_size = 12;
/// @brief The tag size of every cipher here, in bytes.
inline constexpr std::size_t tag_size = 16;

/// @brief @p count bytes from OpenSSL's random generator; throws Error if it fails.
[[nodiscard]] Bytes random_bytes(std::size_t count);
/// @brief A fresh random key for @p cipher.
[[nodiscard]] Bytes generate_key(Cipher cipher = Cipher::aes_256_gcm);

/// @brief Encrypts @p plaintext under @p key, binding @p associated_data: nonce ‖ ciphertext ‖ tag.
/// Throws InvalidInput for a key of the wrong size and NotFound when OpenSSL lacks @p cipher.
[[nodiscard]] Bytes encrypt(ByteView plaintext, ByteView key, ByteView associated_data = {},
                            Cipher cipher = Cipher::aes_256_gcm);
/// @brief Decrypts what encrypt() made; throws InvalidInput when the input is too short, the key
/// has the wrong size, or the tag does not verify (a changed byte, the wrong key or the wrong
/// associated data), and NotFound when OpenSSL lacks @p cipher. Never returns unverified bytes.
[[nodiscard]] Bytes decrypt(ByteView sealed, ByteView key, ByteView associated_data = {},
                            Cipher cipher = Cipher::aes_256_gcm);

}  // namespace grassroots
