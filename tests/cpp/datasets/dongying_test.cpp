#include "grassroots/datasets/dongying.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace grassroots {
namespace {

TEST(Dongying, EmbeddedTreeHasEveryUnit) {
    const DivisionTree tree = datasets::dongying_divisions();
    EXPECT_EQ(tree.size(), 1'982U);
    EXPECT_EQ(tree.count(Level::province), 1U);
    EXPECT_EQ(tree.count(Level::prefecture), 1U);
    EXPECT_EQ(tree.count(Level::county), 7U);
    EXPECT_EQ(tree.count(Level::township), 52U);
    EXPECT_EQ(tree.count(Level::village), 1'921U);
    EXPECT_EQ(tree.name(tree.at(DivisionCode("370502005066"))), "锦苑社区居民委员会");
}

TEST(Dongying, EmbeddedTextNamesItsSource) {
    EXPECT_NE(datasets::dongying_divisions_csv().find("National Bureau of Statistics"), std::string_view::npos);
}

TEST(Dongying, EmbeddedDataEqualsTheReferenceTable) {
    GRASSROOTS_REQUIRE_SHARED_DATA();
    const DivisionTree reference = DivisionTree::read_csv(testing::shared_data() / "divisions" / "dongying.csv");
    const DivisionTree shipped = datasets::dongying_divisions();
    std::ostringstream a;
    std::ostringstream b;
    reference.write_csv(a);
    shipped.write_csv(b);
    EXPECT_EQ(a.str(), b.str());
}

}  // namespace
}  // namespace grassroots
