#include "grassroots/privacy/crypto.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"

namespace grassroots {
namespace {

using grassroots::testing::error_message;

const Date today = make_date(2026, 12, 7);

TEST(Digest, Sm3AndSha256KnownAnswers) {
    EXPECT_EQ(to_hex(digest(to_bytes("abc"), HashAlgorithm::sm3)),
              "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    EXPECT_EQ(to_hex(digest(to_bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Hmac, Rfc4231TestCases) {
    // Test case 1: key 0x0b × 20, "Hi There".
    EXPECT_EQ(to_hex(hmac(Bytes(20, 0x0b), to_bytes("Hi There"))),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    // Test case 2: key "Jefe".
    EXPECT_EQ(to_hex(hmac(to_bytes("Jefe"), to_bytes("what do ya want for nothing?"))),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a 131-byte key (longer than the block) is hashed first.
    EXPECT_EQ(to_hex(hmac(Bytes(131, 0xaa), to_bytes("Test Using Larger Than Block-Size Key - Hash Key First"))),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Hmac, Sm3MatchesTheOpensslCommandLine) {
    // echo -n "what do ya want for nothing?" | openssl mac -digest SM3 -macopt key:Jefe HMAC
    EXPECT_EQ(to_hex(hmac(to_bytes("Jefe"), to_bytes("what do ya want for nothing?"), HashAlgorithm::sm3)),
              "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
    EXPECT_THROW((void)hmac(Bytes{}, to_bytes("x")), InvalidInput);
}

TEST(Pseudonym, IsTheHmacOfTheNormalisedNumber) {
    const Bytes key = to_bytes("0123456789abcdef");
    const CitizenId id = CitizenId::parse("11010519491231002x", today);
    EXPECT_EQ(pseudonym(id, key), "dd6a5ba2eed683e7925b20f655c01434a93591983089686662b75f63b85a9c1b");
    EXPECT_EQ(pseudonym(CitizenId::parse("110105491231002", today), key), pseudonym(id, key));
    EXPECT_EQ(pseudonym(id, key, HashAlgorithm::sm3).size(), 64U);
    EXPECT_NE(pseudonym(id, key, HashAlgorithm::sm3), pseudonym(id, key));
    EXPECT_NE(pseudonym(id, to_bytes("another key, 16+")), pseudonym(id, key));
    EXPECT_EQ(pseudonym(PhoneNumber::parse("+86 138 0013 1234"), key),
              to_hex(hmac(key, to_bytes("13800131234"))));
    const std::string message = error_message<InvalidInput>([&] { (void)pseudonym(id, to_bytes("short")); });
    EXPECT_NE(message.find("at least 16 bytes, got 5"), std::string::npos) << message;
}

TEST(Vault, AesGcmRoundTripsWithAFreshNonce) {
    const Bytes key = generate_key();
    ASSERT_EQ(key.size(), 32U);
    EXPECT_NE(generate_key(), key);
    const Bytes plain = to_bytes("张三, 11010519491231002X");
    const Bytes ad = to_bytes("person 42");
    const Bytes sealed = encrypt(plain, key, ad);
    EXPECT_EQ(sealed.size(), nonce_size + plain.size() + tag_size);
    EXPECT_EQ(decrypt(sealed, key, ad), plain);
    EXPECT_NE(encrypt(plain, key, ad), sealed);  // a fresh nonce every time
    EXPECT_EQ(decrypt(encrypt(Bytes{}, key), key), Bytes{});
}

TEST(Vault, RefusesTamperingWrongKeyAndWrongAssociatedData) {
    const Bytes key = generate_key();
    const Bytes sealed = encrypt(to_bytes("secret"), key, to_bytes("ad"));
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        Bytes changed = sealed;
        changed[i] ^= 0x01;
        EXPECT_THROW((void)decrypt(changed, key, to_bytes("ad")), InvalidInput) << "byte " << i;
    }
    const std::string wrong_key = error_message<InvalidInput>([&] { (void)decrypt(sealed, generate_key(), to_bytes("ad")); });
    EXPECT_NE(wrong_key.find("tag does not verify"), std::string::npos) << wrong_key;
    EXPECT_THROW((void)decrypt(sealed, key, to_bytes("other")), InvalidInput);
    EXPECT_THROW((void)decrypt(sealed, key), InvalidInput);
    EXPECT_THROW((void)decrypt(Bytes(27, 0), key), InvalidInput);
    Bytes truncated(sealed.begin(), sealed.end() - 1);
    EXPECT_THROW((void)decrypt(truncated, key, to_bytes("ad")), InvalidInput);
    const std::string size = error_message<InvalidInput>([&] { (void)encrypt(to_bytes("x"), Bytes(16, 1)); });
    EXPECT_NE(size.find("needs a key of 32 bytes, got 16"), std::string::npos) << size;
}

TEST(Vault, Sm4GcmWhereOpensslOffersIt) {
    const Bytes key = generate_key(Cipher::sm4_gcm);
    EXPECT_EQ(key.size(), 16U);
    if (cipher_available(Cipher::sm4_gcm)) {
        const Bytes sealed = encrypt(to_bytes("secret"), key, to_bytes("ad"), Cipher::sm4_gcm);
        EXPECT_EQ(decrypt(sealed, key, to_bytes("ad"), Cipher::sm4_gcm), to_bytes("secret"));
        EXPECT_THROW((void)decrypt(sealed, key, to_bytes("x"), Cipher::sm4_gcm), InvalidInput);
    } else {
        const std::string message =
            error_message<NotFound>([&] { (void)encrypt(to_bytes("secret"), key, {}, Cipher::sm4_gcm); });
        EXPECT_NE(message.find("SM4-GCM is not offered"), std::string::npos) << message;
    }
    EXPECT_TRUE(cipher_available(Cipher::aes_256_gcm));
}

TEST(Vault, RandomBytes) {
    EXPECT_EQ(random_bytes(0).size(), 0U);
    EXPECT_EQ(random_bytes(64).size(), 64U);
    EXPECT_EQ(to_string(Cipher::sm4_gcm), "sm4_gcm");
    EXPECT_EQ(to_string(HashAlgorithm::sm3), "sm3");
}

}  // namespace
}  // namespace grassroots
