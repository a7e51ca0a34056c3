#include "grassroots/division/code.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
using testing::expect_one_table;

TEST(DivisionCode, EachNaturalLengthNamesItsLevel) {
    EXPECT_EQ(DivisionCode("37").level(), Level::province);
    EXPECT_EQ(DivisionCode("3705").level(), Level::prefecture);
    EXPECT_EQ(DivisionCode("370502").level(), Level::county);
    EXPECT_EQ(DivisionCode("370502005").level(), Level::township);
    EXPECT_EQ(DivisionCode("370502005066").level(), Level::village);
}

TEST(DivisionCode, ZeroPaddedFormsNameTheHigherLevel) {
    EXPECT_EQ(DivisionCode("370500000000"), DivisionCode("3705"));
    EXPECT_EQ(DivisionCode("370000000000"), DivisionCode("37"));
    EXPECT_EQ(DivisionCode("370502005000"), DivisionCode("370502005"));
    EXPECT_EQ(DivisionCode("370500"), DivisionCode("3705"));  // GB/T 2260
    EXPECT_EQ(DivisionCode("370000").level(), Level::province);
    EXPECT_EQ(DivisionCode("3705").padded(), 370500000000ULL);
    EXPECT_EQ(DivisionCode("3705").padded_str(), "370500000000");
    EXPECT_EQ(DivisionCode("370500000000").str(), "3705");
}

TEST(DivisionCode, ParentWalksUpOneLevel) {
    DivisionCode code("370502005066");
    std::vector<std::string> chain;
    for (std::optional<DivisionCode> at = code; at; at = at->parent()) {
        chain.push_back(at->str());
    }
    EXPECT_EQ(chain, (std::vector<std::string>{"370502005066", "370502005", "370502", "3705", "37"}));
    EXPECT_EQ(code.ancestor(Level::prefecture), DivisionCode("3705"));
    EXPECT_EQ(code.ancestor(Level::village), code);
    EXPECT_NE(error_message<InvalidInput>([] { (void)DivisionCode("3705").ancestor(Level::county); })
                  .find("has no county ancestor"),
              std::string::npos);
}

TEST(DivisionCode, SegmentsAreNumbers) {
    DivisionCode code("370502005066");
    EXPECT_EQ(code.segment(Level::province), 37U);
    EXPECT_EQ(code.segment(Level::prefecture), 5U);
    EXPECT_EQ(code.segment(Level::county), 2U);
    EXPECT_EQ(code.segment(Level::township), 5U);
    EXPECT_EQ(code.segment(Level::village), 66U);
    EXPECT_EQ(DivisionCode("3705").segment(Level::county), 0U);
}

TEST(DivisionCode, TownshipClassComesFromDigitsSevenToNine) {
    EXPECT_EQ(DivisionCode("370502001").township_class(), TownshipClass::subdistrict);
    EXPECT_EQ(DivisionCode("370502099").township_class(), TownshipClass::subdistrict);
    EXPECT_EQ(DivisionCode("370502100").township_class(), TownshipClass::town);
    EXPECT_EQ(DivisionCode("370502199").township_class(), TownshipClass::town);
    EXPECT_EQ(DivisionCode("370502200").township_class(), TownshipClass::township);
    EXPECT_EQ(DivisionCode("370502399").township_class(), TownshipClass::township);
    EXPECT_EQ(DivisionCode("370502400").township_class(), TownshipClass::township_like);
    EXPECT_EQ(DivisionCode("370502599").township_class(), TownshipClass::township_like);
    EXPECT_EQ(DivisionCode("370502005066").township_class(), TownshipClass::subdistrict);
    EXPECT_FALSE(DivisionCode("370502").township_class().has_value());
    EXPECT_EQ(chinese_name(TownshipClass::subdistrict), "街道");
    EXPECT_EQ(chinese_name(TownshipClass::township_like), "类似乡级单位");
}

TEST(DivisionCode, VillageClassComesFromDigitsTenToTwelve) {
    EXPECT_EQ(DivisionCode("370502005001").village_class(), VillageClass::residents_committee);
    EXPECT_EQ(DivisionCode("370502005199").village_class(), VillageClass::residents_committee);
    EXPECT_EQ(DivisionCode("370502005200").village_class(), VillageClass::villagers_committee);
    EXPECT_EQ(DivisionCode("370502005399").village_class(), VillageClass::villagers_committee);
    EXPECT_EQ(DivisionCode("370502005400").village_class(), VillageClass::village_like);
    EXPECT_EQ(DivisionCode("370502005599").village_class(), VillageClass::village_like);
    EXPECT_FALSE(DivisionCode("370502005").village_class().has_value());
    EXPECT_EQ(chinese_name(VillageClass::residents_committee), "居委会");
    EXPECT_EQ(chinese_name(VillageClass::villagers_committee), "村委会");
}

TEST(DivisionCode, CountySegmentZeroIsRealForCitiesWithoutCounties) {
    // Dongguan (东莞市) files its townships under 441900.
    DivisionCode town("441900003");
    EXPECT_EQ(town.level(), Level::township);
    EXPECT_EQ(town.parent()->str(), "441900");
    EXPECT_EQ(town.parent()->level(), Level::county);
    EXPECT_EQ(town.parent()->parent(), DivisionCode("4419"));
    EXPECT_EQ(DivisionCode::parse("441900", Level::county).level(), Level::county);
    EXPECT_EQ(DivisionCode("441900").level(), Level::prefecture);  // padded GB/T 2260 form
}

TEST(DivisionCode, StatedLevelAcceptsPaddedFormsAndPlaceholders) {
    EXPECT_EQ(DivisionCode::parse("370500000000", Level::prefecture), DivisionCode("3705"));
    const DivisionCode jinmen_town = DivisionCode::parse("350527000", Level::township);
    EXPECT_TRUE(jinmen_town.is_placeholder());
    EXPECT_FALSE(jinmen_town.township_class().has_value());
    const DivisionCode jinmen_village = DivisionCode::parse("350527000000", Level::village);
    EXPECT_EQ(jinmen_village.level(), Level::village);
    EXPECT_EQ(jinmen_village.parent(), jinmen_town);
    EXPECT_FALSE(DivisionCode("350527").is_placeholder());
}

TEST(DivisionCode, BadCodesSayWhichPartIsWrong) {
    auto message = [](std::string_view text) {
        return error_message<InvalidInput>([&] { (void)DivisionCode::parse(text); });
    };
    EXPECT_EQ(message(""), "division code is empty");
    EXPECT_EQ(message("37a5"), "division code '37a5': character 3 ('a') is not a digit");
    // A unit's name where its code belongs: whole characters in the message, and where to look names up.
    EXPECT_EQ(message("东营区"), "division code '东营区': character 1 ('东') is not a digit (a name is not a code: "
                                 "look units up by name with DivisionTree::find)");
    EXPECT_EQ(message("3705０2"), "division code '3705０2': character 5 ('０') is not a digit");
    EXPECT_EQ(message("37050"), "division code '37050': has 5 digits; expected 2, 4, 6, 9 or 12");
    EXPECT_EQ(message("3705020050661"), "division code '3705020050661': has 13 digits; expected 2, 4, 6, 9 or 12");
    EXPECT_EQ(message("00"), "division code '00': province segment 00 is not in 01–99");
    EXPECT_EQ(message("370005"),
              "division code '370005': prefecture segment is 00 but the county segment below it is 05");
    EXPECT_EQ(message("370502000066"),
              "division code '370502000066': township segment is 000 but the village segment below it is 066");
    EXPECT_NE(message("370502600").find("township segment 600 is not in 001–599"), std::string::npos);
    EXPECT_NE(message("370502005600").find("village segment 600 is not in 001–599"), std::string::npos);
    EXPECT_NE(message("350527000").find("needs its level stated"), std::string::npos);
}

TEST(DivisionCode, StatedLevelMustMatchTheDigits) {
    const std::string message =
        error_message<InvalidInput>([] { (void)DivisionCode::parse("370502005", Level::county); });
    EXPECT_EQ(message,
              "division code '370502005': level 'county' does not match the code (a county code has 6 "
              "digits, or 12 ending in zeros)");
    EXPECT_THROW((void)DivisionCode::parse("370502005066", Level::county), InvalidInput);
    EXPECT_THROW((void)DivisionCode::parse("3705", Level::village), InvalidInput);
}

TEST(DivisionCode, OrderIsPreOrderOfTheLadder) {
    std::vector<DivisionCode> codes{DivisionCode("370503"), DivisionCode("370502005066"),
                                    DivisionCode("37"),     DivisionCode("370502"),
                                    DivisionCode("3705"),   DivisionCode("370502005")};
    std::sort(codes.begin(), codes.end());
    std::vector<std::string> texts;
    for (auto c : codes) texts.push_back(c.str());
    EXPECT_EQ(texts, (std::vector<std::string>{"37", "3705", "370502", "370502005", "370502005066", "370503"}));
    // A county with segment 00 sorts after its prefecture, which has the same padded value.
    EXPECT_LT(DivisionCode("4419"), DivisionCode::parse("441900", Level::county));
}

TEST(DivisionCode, IsAncestorOfIsProperAndByPrefix) {
    EXPECT_TRUE(DivisionCode("37").is_ancestor_of(DivisionCode("370502005066")));
    EXPECT_TRUE(DivisionCode("370502").is_ancestor_of(DivisionCode("370502005")));
    EXPECT_FALSE(DivisionCode("370502").is_ancestor_of(DivisionCode("370502")));
    EXPECT_FALSE(DivisionCode("370502").is_ancestor_of(DivisionCode("370503001")));
    EXPECT_FALSE(DivisionCode("370502005").is_ancestor_of(DivisionCode("370502")));
}

TEST(DivisionCode, KeyRoundTrips) {
    for (const char* text : {"37", "3705", "370502", "370502005", "370502005066"}) {
        const DivisionCode code(text);
        EXPECT_EQ(DivisionCode::from_key(code.key()), code);
    }
    EXPECT_THROW((void)DivisionCode::from_key(7), InvalidInput);
    EXPECT_THROW((void)DivisionCode::from_key(370502005066ULL * 8 + 2), InvalidInput);
}

TEST(Level, NamesAndParsing) {
    EXPECT_EQ(to_string(Level::township), "township");
    EXPECT_EQ(chinese_name(Level::village), "村级");
    EXPECT_EQ(parse_level("county"), Level::county);
    EXPECT_EQ(code_length(Level::township), 9);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_level("city"); }),
              "level 'city' is not one of province, prefecture, county, township, village");
}

TEST(UrbanRuralClass, SevenCodesWithNames) {
    EXPECT_EQ(urban_rural_class(111), UrbanRuralClass::main_urban_area);
    EXPECT_EQ(urban_rural_class(220), UrbanRuralClass::village);
    EXPECT_EQ(parse_urban_rural_class("121"), UrbanRuralClass::town_centre);
    std::vector<std::string_view> names;
    for (auto value : all_urban_rural_classes) names.push_back(chinese_name(value));
    EXPECT_EQ(names, (std::vector<std::string_view>{"主城区", "城乡结合区", "镇中心区", "镇乡结合区", "特殊区域",
                                                    "乡中心区", "村庄"}));
    EXPECT_EQ(to_string(UrbanRuralClass::special_area), "special_area");
    EXPECT_NE(error_message<InvalidInput>([] { (void)urban_rural_class(113); }).find("113 is not one of"),
              std::string::npos);
    EXPECT_THROW((void)parse_urban_rural_class("11"), InvalidInput);
    EXPECT_THROW((void)parse_urban_rural_class("1a1"), InvalidInput);
}

TEST(DivisionEnums, OneTableEachServesNamesParsingAndCodes) {
    expect_one_table<Level>(5);
    expect_one_table<TownshipClass>(4);
    expect_one_table<VillageClass>(3);
    expect_one_table<UrbanRuralClass>(7);
    for (const EnumName<Level>& entry : enum_names(Level{})) EXPECT_EQ(parse_level(entry.name), entry.value);
    for (const EnumName<UrbanRuralClass>& entry : enum_names(UrbanRuralClass{})) {
        EXPECT_EQ(urban_rural_class(static_cast<int>(entry.value)), entry.value);
    }
    EXPECT_EQ(to_string(Level::township), "township");
    EXPECT_EQ(chinese_name(UrbanRuralClass::town_centre), "镇中心区");
}

}  // namespace
}  // namespace grassroots
