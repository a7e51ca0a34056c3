// Identifier normalisation: one spelling per identifier; invisible and bidi characters refused.
#include "grassroots/core/identifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;

TEST(NormalizeIdentifier, TrimsAndFoldsFullWidthAndIdeographicSpaces) {
    EXPECT_EQ(normalize_identifier("dp-1 "), "dp-1");
    EXPECT_EQ(normalize_identifier("\u3000dp-1\u3000"), "dp-1");           // 全角空格
    EXPECT_EQ(normalize_identifier("\uFF44\uFF50\uFF0D\uFF11"), "dp-1");    // ｄｐ－１
    EXPECT_EQ(normalize_identifier("\uFF13\uFF17\uFF10\uFF15\uFF10\uFF12"), "370502");
    EXPECT_EQ(normalize_identifier("\u00A0grid_worker"), "grid_worker");    // no-break space
    EXPECT_EQ(normalize_identifier("街道综合执法队"), "街道综合执法队");  // CJK text is kept as it is
    EXPECT_EQ(normalize_identifier("a b"), "a b");                           // inner spaces are kept
    EXPECT_EQ(normalize_identifier("   "), "");
}

TEST(NormalizeIdentifier, ComposesToOneSpelling) {
    EXPECT_EQ(normalize_identifier("Zhang Lu\u0308"), "Zhang L\u00FC");  // NFC: u + combining diaeresis = ü
    EXPECT_EQ(normalize_identifier("\uF900"), "\u8C48");                  // a CJK compatibility ideograph
}

TEST(NormalizeIdentifier, RefusesControlFormatAndBidiCharactersNamingThem) {
    EXPECT_THAT(error_message<InvalidInput>([] { (void)normalize_identifier("dp-1\u202E", "id"); }),
                HasSubstr("format (invisible or bidi) character U+202E at character 5"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)normalize_identifier("dp\u200B-1", "person"); }), HasSubstr("person holds"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)normalize_identifier("dp-1\n", "id"); }), HasSubstr("control character U+000A"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)normalize_identifier(std::string("dp\0-1", 5), "id"); }),
                HasSubstr("U+0000"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)normalize_identifier("\xE4\xB8", "unit"); }), HasSubstr("unit is not valid UTF-8"));
    try {
        (void)normalize_identifier("a\tb", "roles");
    } catch (const InvalidInput& error) {
        EXPECT_EQ(error.where().field, "roles");
    }
}

}  // namespace
}  // namespace grassroots
