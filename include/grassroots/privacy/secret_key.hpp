/// @file secret_key.hpp
/// @brief Secret keys held outside the store (the vault's master key, the pseudonym key): read from
/// bytes, a key file or an environment variable, never shown.
///
/// A SecretKey's to_string() (and Python repr) gives only its size and a fingerprint — the first 8
/// hex digits of HMAC-SHA256(key, "grassroots.key.fingerprint") — which identifies a key without
/// revealing it. Error messages never carry key bytes. The bytes are wiped when the key is destroyed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "grassroots/privacy/crypto.hpp"

namespace grassroots {

/// @brief A secret key (at least 16 bytes); its bytes come out only through clear_bytes().
class SecretKey {
public:
    /// @brief The smallest key accepted, in bytes.
    static constexpr std::size_t min_size = 16;
    /// @brief The largest key accepted, in bytes.
    static constexpr std::size_t max_size = 64;

    /// @brief A key of @p bytes; InvalidInput unless min_size <= size <= max_size.
    [[nodiscard]] static SecretKey from_bytes(ByteView bytes);
    /// @brief A key written as hexadecimal text (surrounding white space ignored); InvalidInput for
    /// a non-hex character, an odd number of digits or a bad size (the text is never repeated).
    [[nodiscard]] static SecretKey from_hex(std::string_view hex);
    /// @brief A key from the file @p path: its raw bytes, or hexadecimal text if the whole file
    /// (white space trimmed) is hex digits; FileError when it cannot be read, InvalidInput for a bad size.
    [[nodiscard]] static SecretKey from_file(const std::filesystem::path& path);
    /// @brief A key from the environment variable @p name holding hexadecimal text; NotFound when
    /// the variable is unset or empty, InvalidInput when it is not a key (naming the variable only).
    [[nodiscard]] static SecretKey from_env(const std::string& name);
    /// @brief A fresh random key of @p size bytes from OpenSSL's generator (32: an AES-256 key).
    [[nodiscard]] static SecretKey generate(std::size_t size = 32);

    /// @brief Copies the key.
    SecretKey(const SecretKey&) = default;
    /// @brief Copy-assigns the key.
    SecretKey& operator=(const SecretKey&) = default;
    /// @brief Moves the key.
    SecretKey(SecretKey&&) noexcept = default;
    /// @brief Move-assigns the key.
    SecretKey& operator=(SecretKey&&) noexcept = default;
    /// @brief Wipes the bytes.
    ~SecretKey();

    /// @brief The key's bytes: call it only where the key itself is needed.
    [[nodiscard]] ByteView clear_bytes() const noexcept { return bytes_; }
    /// @brief The key's size in bytes.
    [[nodiscard]] std::size_t size() const noexcept { return bytes_.size(); }
    /// @brief 8 hex digits that identify the key without revealing it.
    [[nodiscard]] std::string fingerprint() const;

    /// @brief Equal when the bytes are equal (compared in constant time).
    friend bool operator==(const SecretKey& a, const SecretKey& b) noexcept;

private:
    explicit SecretKey(Bytes bytes) : bytes_(std::move(bytes)) {}
    Bytes bytes_;
};

/// @brief "SecretKey(32 bytes, fingerprint 1a2b3c4d)": never the key.
[[nodiscard]] std::string to_string(const SecretKey& key);

}  // namespace grassroots
