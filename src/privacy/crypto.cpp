// Thin RAII wrappers over OpenSSL 3's EVP interfaces (EVP_MD, EVP_MAC, EVP_CIPHER, RAND): every
// algorithm is OpenSSL's, fetched by name from the default provider.
#include "grassroots/privacy/crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<HashAlgorithm>, 2> hash_names{{
    {HashAlgorithm::sha256, "sha256", "", "SHA-256 (FIPS 180-4)"},
    {HashAlgorithm::sm3, "sm3", "SM3 密码杂凑算法", "SM3 (GB/T 32905-2016)"},
}};

constexpr std::array<EnumName<Cipher>, 2> cipher_names{{
    {Cipher::aes_256_gcm, "aes_256_gcm", "", "AES-256-GCM: 32-byte key"},
    {Cipher::sm4_gcm, "sm4_gcm", "SM4 分组密码算法", "SM4-GCM (GB/T 32907-2016): 16-byte key, where OpenSSL offers it"},
}};

template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* pointer) const noexcept { Free(pointer); }
};
using MdPtr = std::unique_ptr<EVP_MD, Deleter<EVP_MD_free>>;
using MacPtr = std::unique_ptr<EVP_MAC, Deleter<EVP_MAC_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, Deleter<EVP_MAC_CTX_free>>;
using CipherPtr = std::unique_ptr<EVP_CIPHER, Deleter<EVP_CIPHER_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX_free>>;

// The OpenSSL error queue as text (and emptied), for messages.
std::string openssl_errors() {
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        text += (text.empty() ? "" : "; ") + std::string(buffer);
    }
    return text.empty() ? "no detail" : text;
}

[[noreturn]] void fail(std::string_view what) {
    throw Error("OpenSSL: " + std::string(what) + " failed (" + openssl_errors() + ")");
}

void check(int result, std::string_view what) {
    if (result != 1) fail(what);
}

int as_int(std::size_t size, std::string_view what) {
    if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw InvalidInput(std::string(what) + " is too long (" + std::to_string(size) + " bytes)");
    }
    return static_cast<int>(size);
}

const char* openssl_name(HashAlgorithm algorithm) noexcept {
    return algorithm == HashAlgorithm::sm3 ? "SM3" : "SHA256";
}

const char* openssl_name(Cipher cipher) noexcept { return cipher == Cipher::sm4_gcm ? "SM4-GCM" : "AES-256-GCM"; }

MdPtr fetch_md(HashAlgorithm algorithm) {
    MdPtr md(EVP_MD_fetch(nullptr, openssl_name(algorithm), nullptr));
    if (!md) {
        ERR_clear_error();
        throw NotFound("the digest " + std::string(openssl_name(algorithm)) + " is not offered by this OpenSSL (" +
                       OpenSSL_version(OPENSSL_VERSION) + ")");
    }
    return md;
}

// The digest fetched once per process (a fetch costs about as much as hashing an event); kept to the
// end, never freed. If it is missing the fetch throws, and the next call tries again.
const EVP_MD* fetched_md(HashAlgorithm algorithm) {
    if (algorithm == HashAlgorithm::sm3) {
        static const EVP_MD* const sm3 = fetch_md(HashAlgorithm::sm3).release();
        return sm3;
    }
    static const EVP_MD* const sha256 = fetch_md(HashAlgorithm::sha256).release();
    return sha256;
}

CipherPtr fetch_cipher(Cipher cipher) {
    CipherPtr found(EVP_CIPHER_fetch(nullptr, openssl_name(cipher), nullptr));
    if (!found) {
        ERR_clear_error();
        throw NotFound("the cipher " + std::string(openssl_name(cipher)) + " is not offered by this OpenSSL (" +
                       OpenSSL_version(OPENSSL_VERSION) + "); use aes_256_gcm or an OpenSSL that has it");
    }
    return found;
}

void check_key(ByteView key, Cipher cipher) {
    if (key.size() != key_size(cipher)) {
        throw InvalidInput(std::string(to_string(cipher)) + " needs a key of " + std::to_string(key_size(cipher)) +
                           " bytes, got " + std::to_string(key.size()));
    }
}

std::string pseudonym_of(const std::string& text, ByteView key, HashAlgorithm algorithm) {
    if (key.size() < min_pseudonym_key_size) {
        throw InvalidInput("a pseudonym key needs at least " + std::to_string(min_pseudonym_key_size) +
                           " bytes, got " + std::to_string(key.size()));
    }
    return to_hex(hmac(key, ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), algorithm));
}

}  // namespace

std::span<const EnumName<HashAlgorithm>> enum_names(HashAlgorithm) noexcept { return hash_names; }
std::string_view to_string(HashAlgorithm algorithm) noexcept { return enum_name(algorithm); }
std::span<const EnumName<Cipher>> enum_names(Cipher) noexcept { return cipher_names; }
std::string_view to_string(Cipher cipher) noexcept { return enum_name(cipher); }

Bytes to_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

std::string to_hex(ByteView bytes) {
    static constexpr std::string_view digits = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (std::uint8_t byte : bytes) {
        text.push_back(digits[byte >> 4]);
        text.push_back(digits[byte & 0x0f]);
    }
    return text;
}

Bytes digest(ByteView data, HashAlgorithm algorithm) {
    const EVP_MD* md = fetched_md(algorithm);
    Bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
    unsigned int size = 0;
    check(EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr), "EVP_Digest");
    out.resize(size);
    return out;
}

Bytes hmac(ByteView key, ByteView message, HashAlgorithm algorithm) {
    if (key.empty()) throw InvalidInput("an HMAC key must not be empty");
    (void)fetch_md(algorithm);  // a clear NotFound before EVP_MAC_init's generic failure
    const MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) fail("EVP_MAC_fetch(HMAC)");
    const MacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) fail("EVP_MAC_CTX_new");
    std::string name = openssl_name(algorithm);
    const std::array<OSSL_PARAM, 2> params{OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name.data(), 0),
                                           OSSL_PARAM_construct_end()};
    check(EVP_MAC_init(ctx.get(), key.data(), key.size(), params.data()), "EVP_MAC_init");
    check(EVP_MAC_update(ctx.get(), message.data(), message.size()), "EVP_MAC_update");
    Bytes out(EVP_MAC_CTX_get_mac_size(ctx.get()));
    std::size_t size = 0;
    check(EVP_MAC_final(ctx.get(), out.data(), &size, out.size()), "EVP_MAC_final");
    out.resize(size);
    return out;
}

std::string pseudonym(const CitizenId& id, ByteView key, HashAlgorithm algorithm) {
    return pseudonym_of(id.clear_text(), key, algorithm);
}

std::string pseudonym(const PhoneNumber& phone, ByteView key, HashAlgorithm algorithm) {
    return pseudonym_of(phone.clear_text(), key, algorithm);
}

bool cipher_available(Cipher cipher) {
    const CipherPtr found(EVP_CIPHER_fetch(nullptr, openssl_name(cipher), nullptr));
    ERR_clear_error();
    return found != nullptr;
}

std::size_t key_size(Cipher cipher) noexcept { return cipher == Cipher::sm4_gcm ? 16 : 32; }

Bytes random_bytes(std::size_t count) {
    Bytes out(count);
    if (count > 0) check(RAND_bytes(out.data(), as_int(count, "a random byte string")), "RAND_bytes");
    return out;
}

Bytes generate_key(Cipher cipher) { return random_bytes(key_size(cipher)); }

Bytes encrypt(ByteView plaintext, ByteView key, ByteView associated_data, Cipher cipher) {
    check_key(key, cipher);
    const CipherPtr found = fetch_cipher(cipher);
    const int plain_size = as_int(plaintext.size(), "the plaintext");
    const int ad_size = as_int(associated_data.size(), "the associated data");
    Bytes out = random_bytes(nonce_size);
    out.resize(nonce_size + plaintext.size() + tag_size);
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) fail("EVP_CIPHER_CTX_new");
    check(EVP_EncryptInit_ex2(ctx.get(), found.get(), key.data(), out.data(), nullptr), "EVP_EncryptInit_ex2");
    int written = 0;
    if (ad_size > 0) {
        check(EVP_EncryptUpdate(ctx.get(), nullptr, &written, associated_data.data(), ad_size), "EVP_EncryptUpdate (AD)");
    }
    int total = 0;
    if (plain_size > 0) {
        check(EVP_EncryptUpdate(ctx.get(), out.data() + nonce_size, &written, plaintext.data(), plain_size),
              "EVP_EncryptUpdate");
        total = written;
    }
    std::array<std::uint8_t, 16> rest{};  // GCM writes nothing here; a real buffer all the same
    check(EVP_EncryptFinal_ex(ctx.get(), rest.data(), &written), "EVP_EncryptFinal_ex");
    total += written;
    if (static_cast<std::size_t>(total) != plaintext.size()) fail("GCM length");
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(tag_size),
                              out.data() + nonce_size + plaintext.size()),
          "EVP_CTRL_AEAD_GET_TAG");
    return out;
}

Bytes decrypt(ByteView sealed, ByteView key, ByteView associated_data, Cipher cipher) {
    check_key(key, cipher);
    const CipherPtr found = fetch_cipher(cipher);
    if (sealed.size() < nonce_size + tag_size) {
        throw InvalidInput("an encrypted value has at least " + std::to_string(nonce_size + tag_size) +
                           " bytes (nonce and tag), got " + std::to_string(sealed.size()));
    }
    const std::size_t body = sealed.size() - nonce_size - tag_size;
    const int body_size = as_int(body, "the ciphertext");
    const int ad_size = as_int(associated_data.size(), "the associated data");
    const CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx) fail("EVP_CIPHER_CTX_new");
    check(EVP_DecryptInit_ex2(ctx.get(), found.get(), key.data(), sealed.data(), nullptr), "EVP_DecryptInit_ex2");
    int written = 0;
    if (ad_size > 0) {
        check(EVP_DecryptUpdate(ctx.get(), nullptr, &written, associated_data.data(), ad_size), "EVP_DecryptUpdate (AD)");
    }
    Bytes out(body);
    int total = 0;
    if (body_size > 0) {
        check(EVP_DecryptUpdate(ctx.get(), out.data(), &written, sealed.data() + nonce_size, body_size),
              "EVP_DecryptUpdate");
        total = written;
    }
    // The tag is set through a non-const pointer; OpenSSL only reads it.
    Bytes tag(sealed.end() - static_cast<std::ptrdiff_t>(tag_size), sealed.end());
    check(EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_size), tag.data()),
          "EVP_CTRL_AEAD_SET_TAG");
    std::array<std::uint8_t, 16> rest{};  // GCM writes nothing here
    if (EVP_DecryptFinal_ex(ctx.get(), rest.data(), &written) != 1 || written != 0 ||
        static_cast<std::size_t>(total) != body) {
        ERR_clear_error();
        std::fill(out.begin(), out.end(), std::uint8_t{0});
        throw InvalidInput(std::string(to_string(cipher)) +
                           ": the tag does not verify (the value was changed, or the key or the associated data "
                           "is not the one it was encrypted with)");
    }
    return out;
}

}  // namespace grassroots
