// Secret keys from bytes, hex text, a file or an environment variable; wiped on destruction, shown
// only by size and fingerprint.
#include "grassroots/privacy/secret_key.hpp"

#include <openssl/crypto.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

void check_size(std::size_t size, std::string_view where) {
    if (size < SecretKey::min_size || size > SecretKey::max_size) {
        throw InvalidInput(std::string(where) + ": a key must have " + std::to_string(SecretKey::min_size) + " to " +
                           std::to_string(SecretKey::max_size) + " bytes, not " + std::to_string(size));
    }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool all_hex(std::string_view text) {
    for (char c : text) {
        if (hex_value(c) < 0) return false;
    }
    return !text.empty();
}

// Hex text as bytes; InvalidInput (naming @p where, never the text) when it is not hex.
Bytes parse_hex(std::string_view text, std::string_view where) {
    text = trimmed(text);
    if (text.size() % 2 != 0) {
        throw InvalidInput(std::string(where) + ": hexadecimal key text has an odd number of digits (" +
                           std::to_string(text.size()) + ")");
    }
    Bytes out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = hex_value(text[i]);
        const int low = hex_value(text[i + 1]);
        if (high < 0 || low < 0) {
            throw InvalidInput(std::string(where) + ": character " + std::to_string(i + (high < 0 ? 1 : 2)) +
                               " of the key text is not a hexadecimal digit");
        }
        out.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    return out;
}

}  // namespace

SecretKey::~SecretKey() {
    if (!bytes_.empty()) {
        OPENSSL_cleanse(bytes_.data(), bytes_.size());
    }
}

SecretKey SecretKey::from_bytes(ByteView bytes) {
    check_size(bytes.size(), "SecretKey");
    return SecretKey(Bytes(bytes.begin(), bytes.end()));
}

SecretKey SecretKey::from_hex(std::string_view hex) {
    Bytes bytes = parse_hex(hex, "SecretKey");
    check_size(bytes.size(), "SecretKey");
    return SecretKey(std::move(bytes));
}

SecretKey SecretKey::from_file(const std::filesystem::path& path) {
    const std::string where = "key file " + path.string();
    if (std::filesystem::is_directory(path)) {
        throw FileError(where + ": is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw FileError(where + ": cannot be read (missing or not permitted)");
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Bytes bytes;
    if (all_hex(trimmed(content))) {
        bytes = parse_hex(content, where);
    } else {
        bytes.assign(content.begin(), content.end());
    }
    OPENSSL_cleanse(content.data(), content.size());
    check_size(bytes.size(), where);
    return SecretKey(std::move(bytes));
}

SecretKey SecretKey::from_env(const std::string& name) {
    const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
        throw NotFound("environment variable " + (name.empty() ? std::string("''") : name) +
                       " is not set (it should hold the key as hexadecimal text)");
    }
    const std::string where = "environment variable " + name;
    Bytes bytes = parse_hex(value, where);
    check_size(bytes.size(), where);
    return SecretKey(std::move(bytes));
}

SecretKey SecretKey::generate(std::size_t size) {
    check_size(size, "SecretKey::generate");
    return SecretKey(random_bytes(size));
}

std::string SecretKey::fingerprint() const {
    const Bytes mac = hmac(bytes_, to_bytes("grassroots.key.fingerprint"));
    return to_hex(ByteView(mac).first(4));
}

bool operator==(const SecretKey& a, const SecretKey& b) noexcept {
    return a.bytes_.size() == b.bytes_.size() && CRYPTO_memcmp(a.bytes_.data(), b.bytes_.data(), a.bytes_.size()) == 0;
}

std::string to_string(const SecretKey& key) {
    return "SecretKey(" + std::to_string(key.size()) + " bytes, fingerprint " + key.fingerprint() + ")";
}

}  // namespace grassroots
