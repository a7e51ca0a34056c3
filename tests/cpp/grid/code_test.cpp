#include "grassroots/grid/code.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

TEST(GridCode, UnitGridLayout) {
    const GridCode code = GridCode::parse("37050200506601");
    EXPECT_EQ(code.unit(), DivisionCode("370502005066"));
    EXPECT_EQ(code.sequence(), 1U);
    EXPECT_FALSE(code.whole_unit());
    EXPECT_EQ(code.str(), "37050200506601");
    EXPECT_EQ(code.layout().name(), "unit-grid-14");
    EXPECT_TRUE(GridCode::parse("37050200506600").whole_unit());
    EXPECT_EQ(GridCode::make(DivisionCode("370502005066"), 7), GridCode::parse("37050200506607"));
    EXPECT_EQ(GridCode::make(DivisionCode("370502005066"), 7).str(), "37050200506607");
    EXPECT_LT(GridCode::parse("37050200506602"), GridCode::parse("37050200506610"));
    EXPECT_LT(GridCode::parse("37050200506699"), GridCode::parse("37050200506701"));
}

TEST(GridCode, BeijingLayout) {
    const auto beijing = GridCodeLayout::beijing();
    const GridCode code = GridCode::parse("110101001001012", beijing);
    EXPECT_EQ(code.unit(), DivisionCode("110101001001"));
    EXPECT_EQ(code.sequence(), 12U);
    EXPECT_EQ(beijing->length(), 15);
    EXPECT_EQ(GridCode::make(DivisionCode("110101001001"), 12, beijing).str(), "110101001001012");
}

TEST(GridCode, BadCodesSayWhichPartIsWrong) {
    EXPECT_EQ(error_message<InvalidInput>([] { (void)GridCode::parse("3705020050660"); }),
              "grid code '3705020050660' (unit-grid-14): has 13 digits; expected 14");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)GridCode::parse("3705020050660x"); }),
              "grid code '3705020050660x' (unit-grid-14): character 14 ('x') is not a digit");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)GridCode::parse("37050200006601"); }),
              "grid code '37050200006601' (unit-grid-14): its community part is not a village-level code: division code "
              "'370502000066': township segment is 000 but the village segment below it is 066");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)GridCode::make(DivisionCode("370502005066"), 100); }),
              "grid sequence 100 does not fit the 2-digit sequence of layout 'unit-grid-14'");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)GridCode::make(DivisionCode("370502005"), 1); }),
              "a grid belongs to a village-level unit; 370502005 is a township");
}

TEST(GridCodeLayout, LayoutsAreDataAndChecked) {
    const GridCodeLayout custom("shanghai-16", {{"township", 9}, {"community", 3}, {"grid", 4}});
    EXPECT_EQ(custom.length(), 16);
    EXPECT_EQ(error_message<InvalidInput>([] { GridCodeLayout("x", {{"county", 6}, {"grid", 3}}); }),
              "grid code layout 'x': the segments before the sequence have 6 digits; they must spell the 12-digit "
              "village-level code");
    EXPECT_THROW(GridCodeLayout("y", {{"township", 9}, {"community", 3}, {"grid", 5}}), InvalidInput);
    EXPECT_THROW(GridCodeLayout("", {{"township", 12}, {"grid", 2}}), InvalidInput);
}

}  // namespace
}  // namespace grassroots
