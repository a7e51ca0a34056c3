// SecretKey (bytes, hex, key file, environment variable; never shown) and screening text for raw
// identifiers (positives and near-misses) and masking names.
#include "grassroots/privacy/secret_key.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "grassroots/error.hpp"
#include "grassroots/privacy/screening.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::error_message;

const std::string hex32 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST(SecretKey, ComesFromBytesHexFileAndEnvironmentAlike) {
    Bytes raw(32);
    for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<std::uint8_t>(i);
    const SecretKey key = SecretKey::from_bytes(raw);
    EXPECT_EQ(SecretKey::from_hex(hex32), key);
    EXPECT_EQ(SecretKey::from_hex("  " + hex32 + "\n"), key);

    const auto dir = std::filesystem::temp_directory_path() / ("grassroots_key_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    {
        std::ofstream(dir / "hex.key") << hex32 << "\n";
        std::ofstream raw_file(dir / "raw.key", std::ios::binary);
        raw_file.write(reinterpret_cast<const char*>(raw.data()), static_cast<std::streamsize>(raw.size()));
    }
    EXPECT_EQ(SecretKey::from_file(dir / "hex.key"), key);
    EXPECT_EQ(SecretKey::from_file(dir / "raw.key"), key);
    EXPECT_THAT(error_message<FileError>([&] { (void)SecretKey::from_file(dir / "missing.key"); }),
                HasSubstr("missing.key"));
    std::filesystem::remove_all(dir);

    ::setenv("GRASSROOTS_TEST_KEY", hex32.c_str(), 1);
    EXPECT_EQ(SecretKey::from_env("GRASSROOTS_TEST_KEY"), key);
    ::setenv("GRASSROOTS_TEST_KEY", "zz", 1);
    const std::string bad = error_message<InvalidInput>([] { (void)SecretKey::from_env("GRASSROOTS_TEST_KEY"); });
    EXPECT_THAT(bad, HasSubstr("GRASSROOTS_TEST_KEY"));
    EXPECT_THAT(bad, Not(HasSubstr("zz")));
    ::unsetenv("GRASSROOTS_TEST_KEY");
    EXPECT_THROW((void)SecretKey::from_env("GRASSROOTS_TEST_KEY"), NotFound);
}

TEST(SecretKey, IsShownOnlyBySizeAndFingerprint) {
    const SecretKey key = SecretKey::from_hex(hex32);
    const std::string shown = to_string(key);
    EXPECT_THAT(shown, HasSubstr("32 bytes"));
    EXPECT_THAT(shown, HasSubstr(key.fingerprint()));
    EXPECT_THAT(shown, Not(HasSubstr("0001020304")));
    EXPECT_EQ(key.fingerprint().size(), 8U);
    EXPECT_NE(SecretKey::generate().fingerprint(), key.fingerprint());
}

TEST(SecretKey, RefusesBadSizesAndText) {
    EXPECT_THAT(error_message<InvalidInput>([] { (void)SecretKey::from_bytes(Bytes(15)); }), HasSubstr("not 15"));
    EXPECT_THROW((void)SecretKey::from_bytes(Bytes(65)), InvalidInput);
    EXPECT_THAT(error_message<InvalidInput>([] { (void)SecretKey::from_hex("abc"); }), HasSubstr("odd"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)SecretKey::from_hex(std::string(32, 'g')); }),
                HasSubstr("not a hexadecimal digit"));
    EXPECT_THROW((void)SecretKey::generate(8), InvalidInput);
}

TEST(Screening, FindsValidIdNumbersAndMobileNumbers) {
    auto kind = [](std::string_view text) { return find_identifier(text).value().kind; };
    EXPECT_EQ(kind("11010519491231002X"), IdentifierKind::citizen_id);
    EXPECT_EQ(kind("身份证11010519491231002x。"), IdentifierKind::citizen_id);
    EXPECT_EQ(kind("id: 370502199001011233"), IdentifierKind::citizen_id);
    EXPECT_EQ(kind("13812345678"), IdentifierKind::mobile_phone);
    EXPECT_EQ(kind("电话 13812345678，请回电"), IdentifierKind::mobile_phone);
    EXPECT_EQ(kind("+8613812345678"), IdentifierKind::mobile_phone);
    const auto match = find_identifier("call 19912345678 now").value();
    EXPECT_EQ(match.offset, 5U);
    EXPECT_EQ(match.length, 11U);
}

TEST(Screening, LetsNearMissesThrough) {
    EXPECT_FALSE(find_identifier("370502199001011234"));    // wrong check digit
    EXPECT_FALSE(find_identifier("11010519491231002"));     // 17 digits
    EXPECT_FALSE(find_identifier("3705021990010112330"));   // 19 digits
    EXPECT_FALSE(find_identifier("1381234567890"));         // 13 digits
    EXPECT_FALSE(find_identifier("12812345678"));           // 12x is no mobile prefix
    EXPECT_FALSE(find_identifier("1381234567"));            // 10 digits
    EXPECT_FALSE(find_identifier("order 20261207000012345678"));  // 20-digit order number
    EXPECT_FALSE(find_identifier("SO13812345678"));         // touching a letter
    EXPECT_FALSE(find_identifier("13812345678ab"));
    EXPECT_FALSE(find_identifier("4e9f13812345678c0d"));    // inside a hex pseudonym
    EXPECT_FALSE(find_identifier("990105199001011236"));    // province 99 does not exist
    EXPECT_FALSE(find_identifier("2026-12-07 case C000123"));
    EXPECT_FALSE(find_identifier(""));
}

// Documented as missed until issue 13's last part: mobile numbers split by spaces or dashes, and
// first-generation (15-digit) ID numbers.
TEST(Screening, FindsGroupedMobileNumbersAndFifteenDigitIdNumbers) {
    auto found = [](std::string_view text) {
        const auto match = find_identifier(text);
        return match ? std::make_tuple(to_string(match->kind), std::string(text.substr(match->offset, match->length)))
                     : std::make_tuple(std::string_view("none"), std::string());
    };
    using Found = std::tuple<std::string_view, std::string>;
    EXPECT_EQ(found("电话 138 1234 5678，请回电"), Found("mobile_phone", "138 1234 5678"));
    EXPECT_EQ(found("138-1234-5678"), Found("mobile_phone", "138-1234-5678"));
    EXPECT_EQ(found("call +86 138 1234 5678"), Found("mobile_phone", "+86 138 1234 5678"));
    EXPECT_EQ(found("+86-138-1234-5678"), Found("mobile_phone", "+86-138-1234-5678"));
    EXPECT_EQ(found("+86 13812345678"), Found("mobile_phone", "+86 13812345678"));
    EXPECT_EQ(found("2026-12-07 13812345678"), Found("mobile_phone", "13812345678"));
    EXPECT_EQ(found("老身份证 110105491231002"), Found("citizen_id", "110105491231002"));
    EXPECT_EQ(found("370502850101123"), Found("citizen_id", "370502850101123"));
}

TEST(Screening, LetsOrdinaryNumbersWithSeparatorsAndFifteenDigitCodesThrough) {
    for (const char* text : {
             "138 1234 567",             // 3-4-3
             "138-1234 5678",            // two kinds of separator
             "128 1234 5678",            // 12x is no mobile prefix
             "6222 138 1234 5678",       // inside a longer grouped number (a bank card)
             "138 1234 5678 9012",       // the same, at its start
             "2026-12-07 09:30",         // a date and a time
             "1,381,234,567.50 元",      // an amount
             "C-2026-000123",            // a case number
             "370502005066",             // a 12-digit division code
             "370502005066-G03",         // a grid code
             "110105001001001",          // a Beijing-style 15-digit grid code: "born 1900-10-01"
             "370502101001002",          // a town's grid: "born 1910-10-01"
             "990105491231002",          // no province 99
             "110105491331002",          // month 13
             "1101054912310021",         // 16 digits
             "ab110105491231002",        // touching a letter
         }) {
        EXPECT_FALSE(find_identifier(text)) << text;
    }
}

TEST(Screening, MasksNames) {
    EXPECT_EQ(mask_name("张三"), "张*");
    EXPECT_EQ(mask_name("欧阳娜娜"), "欧***");
    EXPECT_EQ(mask_name("Li Lei"), "L*****");
    EXPECT_EQ(mask_name("王"), "*");
    EXPECT_EQ(mask_name(""), "");
}

}  // namespace
}  // namespace grassroots
