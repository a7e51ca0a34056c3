#include "grassroots/division/tree.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

// A small ladder built in code, added out of order on purpose.
DivisionTree small_tree() {
    DivisionTreeBuilder builder;
    builder.add(DivisionCode("370502005066"), "锦苑社区居民委员会")
        .add(DivisionCode("37"), "山东省")
        .add(DivisionCode("370503"), "河口区")
        .add(DivisionCode("3705"), "东营市")
        .add(DivisionCode("370502"), "东营区")
        .add(DivisionCode("370502005"), "胜利街道")
        .add(DivisionCode("370502005001"), "第一社区居委会")
        .add(DivisionCode("11"), "北京市");
    return builder.build();
}

std::vector<std::string> codes_of(const DivisionTree& tree, DivisionIdRange range) {
    std::vector<std::string> out;
    for (DivisionId id : range) out.push_back(tree.code(id).str());
    return out;
}

TEST(DivisionTree, LookupByCode) {
    const DivisionTree tree = small_tree();
    EXPECT_EQ(tree.size(), 8U);
    const DivisionId jinyuan = tree.at(DivisionCode("370502005066"));
    EXPECT_EQ(tree.name(jinyuan), "锦苑社区居民委员会");
    EXPECT_EQ(tree.level(jinyuan), Level::village);
    EXPECT_EQ(tree.code(jinyuan).str(), "370502005066");
    EXPECT_FALSE(tree.find(DivisionCode("370504")).has_value());
    EXPECT_TRUE(tree.contains(DivisionCode("3705")));
    EXPECT_EQ(error_message<NotFound>([&] { (void)tree.at(DivisionCode("370504")); }),
              "no county with code 370504 in this tree");
}

TEST(DivisionTree, NavigationParentChildrenPath) {
    const DivisionTree tree = small_tree();
    const DivisionId dongying = tree.at(DivisionCode("3705"));
    EXPECT_EQ(codes_of(tree, tree.children(dongying)), (std::vector<std::string>{"370502", "370503"}));
    EXPECT_EQ(codes_of(tree, tree.roots()), (std::vector<std::string>{"11", "37"}));
    EXPECT_EQ(tree.parent(dongying), tree.find(DivisionCode("37")));
    EXPECT_FALSE(tree.parent(tree.at(DivisionCode("37"))).has_value());
    std::vector<std::string> names;
    for (DivisionId id : tree.path(tree.at(DivisionCode("370502005066")))) names.emplace_back(tree.name(id));
    EXPECT_EQ(names, (std::vector<std::string>{"山东省", "东营市", "东营区", "胜利街道", "锦苑社区居民委员会"}));
    EXPECT_TRUE(tree.children(tree.at(DivisionCode("370503"))).empty());
}

TEST(DivisionTree, SubtreeIsContiguousPreOrder) {
    const DivisionTree tree = small_tree();
    const DivisionId county = tree.at(DivisionCode("370502"));
    EXPECT_EQ(codes_of(tree, tree.subtree(county)),
              (std::vector<std::string>{"370502", "370502005", "370502005001", "370502005066"}));
    EXPECT_EQ(tree.subtree_size(county), 4U);
    EXPECT_EQ(tree.subtree_size(tree.at(DivisionCode("37"))), 7U);
}

TEST(DivisionTree, IsAncestorIsProper) {
    const DivisionTree tree = small_tree();
    const DivisionId shandong = tree.at(DivisionCode("37"));
    const DivisionId jinyuan = tree.at(DivisionCode("370502005066"));
    const DivisionId hekou = tree.at(DivisionCode("370503"));
    EXPECT_TRUE(tree.is_ancestor(shandong, jinyuan));
    EXPECT_FALSE(tree.is_ancestor(jinyuan, shandong));
    EXPECT_FALSE(tree.is_ancestor(shandong, shandong));
    EXPECT_FALSE(tree.is_ancestor(hekou, jinyuan));
    EXPECT_FALSE(tree.is_ancestor(tree.at(DivisionCode("11")), jinyuan));
    EXPECT_THROW((void)tree.is_ancestor(DivisionId{99}, jinyuan), NotFound);
    EXPECT_THROW((void)tree.name(DivisionId{}), NotFound);
}

TEST(DivisionTree, CountsPerLevel) {
    const DivisionTree tree = small_tree();
    EXPECT_EQ(tree.count(Level::province), 2U);
    EXPECT_EQ(tree.count(Level::prefecture), 1U);
    EXPECT_EQ(tree.count(Level::county), 2U);
    EXPECT_EQ(tree.count(Level::township), 1U);
    EXPECT_EQ(tree.count(Level::village), 2U);
}

TEST(DivisionTree, RollupSumsEverySubtree) {
    const DivisionTree tree = small_tree();
    std::vector<std::int64_t> households(tree.size(), 0);
    households[tree.at(DivisionCode("370502005066")).value()] = 1200;
    households[tree.at(DivisionCode("370502005001")).value()] = 800;
    households[tree.at(DivisionCode("370503")).value()] = 5;
    const auto sums = tree.rollup(std::span<const std::int64_t>(households));
    EXPECT_EQ(sums[tree.at(DivisionCode("370502005")).value()], 2000);
    EXPECT_EQ(sums[tree.at(DivisionCode("3705")).value()], 2005);
    EXPECT_EQ(sums[tree.at(DivisionCode("37")).value()], 2005);
    EXPECT_EQ(sums[tree.at(DivisionCode("11")).value()], 0);

    const std::vector<double> ones(tree.size(), 1.0);
    const auto counts = tree.rollup(std::span<const double>(ones));
    EXPECT_DOUBLE_EQ(counts[tree.at(DivisionCode("37")).value()], 7.0);

    const std::vector<double> short_values(3, 1.0);
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)tree.rollup(std::span<const double>(short_values)); }),
              "rollup needs one value per unit: got 3 values for 8 units");
}

TEST(DivisionTreeBuilder, DuplicateCodeNamesBothRows) {
    DivisionTreeBuilder builder;
    builder.add(DivisionCode("37"), "山东省", Location{"a.csv", 2, ""});
    builder.add(DivisionCode("37"), "山东", Location{"a.csv", 9, ""});
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)builder.build(); }),
              "a.csv, row 9, field 'code': duplicate code 37 (first at a.csv, row 2)");
}

TEST(DivisionTreeBuilder, MissingParentIsNamed) {
    DivisionTreeBuilder builder;
    builder.add(DivisionCode("37"), "山东省", Location{"a.csv", 2, ""});
    builder.add(DivisionCode("370502"), "东营区", Location{"a.csv", 3, ""});
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)builder.build(); }),
              "a.csv, row 3, field 'parent': the parent prefecture 3705 of county 370502 is not in the table");
    // The builder keeps its units: adding the parent makes the same build succeed.
    builder.add(DivisionCode("3705"), "东营市");
    EXPECT_EQ(builder.build().size(), 3U);
}

TEST(DivisionTreeBuilder, DeclaredParentMustBeExtendedByTheCode) {
    DivisionTreeBuilder builder;
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  builder.add(DivisionCode("370502"), "东营区", DivisionCode("3706"), Location{"t.csv", 4, ""});
              }),
              "t.csv, row 4, field 'parent': code 370502 does not extend its parent's code 3706 (prefecture)");
    EXPECT_EQ(builder.size(), 0U);
}

TEST(DivisionTreeBuilder, NamesMustBeNonEmptyUtf8) {
    DivisionTreeBuilder builder;
    EXPECT_EQ(error_message<InvalidInput>([&] { builder.add(DivisionCode("37"), ""); }),
              "field 'name': the name of province 37 is empty");
    EXPECT_EQ(error_message<InvalidInput>([&] { builder.add(DivisionCode("37"), "\xE5\xB1"); }),
              "field 'name': the name of province 37 is not valid UTF-8 (byte 1)");
    EXPECT_THROW(builder.add(DivisionCode("37"), "ab\xFF"), InvalidInput);
    EXPECT_EQ(error_message<InvalidInput>([&] { builder.add(DivisionCode("37"), "山东\n省"); }),
              "field 'name': the name of province 37 has a control character (byte 7)");
    EXPECT_EQ(builder.size(), 0U);
}

TEST(DivisionTree, EmptyTree) {
    const DivisionTree tree = DivisionTreeBuilder{}.build();
    EXPECT_TRUE(tree.empty());
    EXPECT_TRUE(tree.roots().empty());
    EXPECT_FALSE(tree.find(DivisionCode("37")).has_value());
}

TEST(DivisionTree, CompactStructure) {
    const DivisionTree tree = small_tree();
    EXPECT_EQ(tree.code_keys().size(), tree.size());
    EXPECT_EQ(tree.parent_indices()[0], DivisionTree::no_parent);
    EXPECT_LE(tree.structure_bytes(), sizeof(DivisionTree) + 64 * tree.size());
}

}  // namespace
}  // namespace grassroots
