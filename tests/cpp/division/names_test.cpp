// Looking units up by name: exact and fuzzy (suffix variants), within a subtree (issue 15, item 1).
#include "grassroots/division/names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/tree.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

std::vector<std::string> codes_of(const DivisionTree& tree, const std::vector<DivisionId>& ids) {
    std::vector<std::string> out;
    for (const DivisionId id : ids) out.push_back(tree.code(id).str());
    return out;
}

TEST(NameStem, StripsTheLongestSuffixOfItsFamily) {
    const auto families = name_suffix_families();
    const auto stem = [](std::string_view name) { return std::string(name_stem(name).stem); };
    EXPECT_EQ(stem("新华社区居民委员会"), "新华");
    EXPECT_EQ(stem("新华社区居委会"), "新华");
    EXPECT_EQ(stem("新华居委会"), "新华");
    EXPECT_EQ(stem("新华社区"), "新华");
    EXPECT_EQ(stem("新华街道办事处"), "新华");
    EXPECT_EQ(stem("陈家村村民委员会"), "陈家");  // the committee of the village 陈家村
    EXPECT_EQ(stem("社区"), "社区");              // a suffix alone is a name, not a suffix
    EXPECT_EQ(stem("胜利油田锦霞类似居委会"), "胜利油田锦霞类似");
    EXPECT_FALSE(name_stem("东营市").family.has_value());
    ASSERT_TRUE(name_stem("和平村委会").family.has_value());
    EXPECT_EQ(families[*name_stem("和平村委会").family].suffixes.front(), "村民委员会");
    EXPECT_NE(name_stem("新华街道").family, name_stem("新华社区").family);
}

TEST(NameQuery, FuzzyMatchesTheSameStemInTheSameFamily) {
    const NameQuery community("新华社区", NameMatch::fuzzy);
    EXPECT_TRUE(community.matches("新华社区居民委员会"));
    EXPECT_TRUE(community.matches("新华居委会"));
    EXPECT_FALSE(community.matches("新华街道"));  // another kind of unit
    EXPECT_FALSE(community.matches("新华村委会"));
    EXPECT_FALSE(community.matches("新华里社区居委会"));
    const NameQuery bare("新华", NameMatch::fuzzy);  // no suffix: any kind
    EXPECT_TRUE(bare.matches("新华街道") && bare.matches("新华村委会") && bare.matches("新华"));
    const NameQuery exact("新华社区", NameMatch::exact);
    EXPECT_TRUE(exact.matches("新华社区"));
    EXPECT_FALSE(exact.matches("新华社区居委会"));
}

TEST(DivisionTreeFind, ReturnsEveryUnitOfARepeatedName) {
    const DivisionTree tree = datasets::dongying_divisions();
    EXPECT_EQ(codes_of(tree, tree.find("陈家村委会")),
              (std::vector<std::string>{"370502006204", "370502104235", "370502105226", "370523002255"}));
    EXPECT_EQ(codes_of(tree, tree.find("东营区")), std::vector<std::string>{"370502"});
    EXPECT_TRUE(tree.find("海淀区").empty());
    EXPECT_TRUE(tree.find("").empty());
    EXPECT_TRUE(tree.find("\xE4\xB8").empty());  // not UTF-8: matches nothing
}

TEST(DivisionTreeFind, UnderLimitsToASubtree) {
    const DivisionTree tree = datasets::dongying_divisions();
    const DivisionId dongying_district = tree.at(DivisionCode("370502"));
    EXPECT_EQ(codes_of(tree, tree.find("陈家村委会", dongying_district)),
              (std::vector<std::string>{"370502006204", "370502104235", "370502105226"}));
    EXPECT_EQ(codes_of(tree, tree.find("东营区", dongying_district)), std::vector<std::string>{"370502"});  // itself
    EXPECT_TRUE(tree.find("陈家村委会", tree.at(DivisionCode("370503"))).empty());
    EXPECT_THROW((void)tree.find("陈家村委会", DivisionId{}), NotFound);
}

TEST(DivisionTreeFind, FuzzyFindsTheSuffixVariants) {
    const DivisionTree tree = datasets::dongying_divisions();
    EXPECT_TRUE(tree.find("西苑社区").empty());
    EXPECT_EQ(codes_of(tree, tree.find("西苑社区", std::nullopt, NameMatch::fuzzy)),
              (std::vector<std::string>{"370502004040", "370503102003", "370523001001"}));
    // 陈家村委会 (4), 陈家村民委员会 (2) and 陈家村村民委员会 (1); not 陈家屋子村 or 陈家大营村.
    EXPECT_EQ(tree.find("陈家村", std::nullopt, NameMatch::fuzzy).size(), 7U);
    EXPECT_EQ(tree.find("陈家", std::nullopt, NameMatch::fuzzy).size(), 7U);
    EXPECT_EQ(codes_of(tree, tree.find("胜利街道办事处", std::nullopt, NameMatch::fuzzy)), std::vector<std::string>{"370502005"});
}

}  // namespace
}  // namespace grassroots
