#include "grassroots/grid/synthetic.hpp"

#include <gtest/gtest.h>

#include "grassroots/datasets/dongying.hpp"
#include "grassroots/error.hpp"

namespace grassroots {
namespace {

const DivisionTree& dongying() {
    static const DivisionTree tree = datasets::dongying_divisions();
    return tree;
}

TEST(SyntheticCity, DongyingAtRealisticDensities) {
    const SyntheticCity city = synthetic_city(dongying(), DivisionCode("3705"), 1);
    // 1,921 village-level units: 6,098 grids and 2.2 million people in the 2021 report.
    EXPECT_GT(city.map.size(), 4'800U);
    EXPECT_LT(city.map.size(), 7'000U);
    std::int64_t households = 0;
    for (std::int64_t h : city.households) households += h;
    EXPECT_GT(households, 750'000);   // about 2.6 people per household: 2.0–2.6 million people
    EXPECT_LT(households, 1'000'000);
    EXPECT_EQ(city.buildings.size(), city.households.size());
    EXPECT_EQ(city.buildings.size(), city.building_unit.size());
    EXPECT_TRUE(city.map.boundary(DivisionCode("370502005066")) != nullptr);
}

TEST(SyntheticCity, SameSeedSameCity) {
    const SyntheticCity a = synthetic_city(dongying(), DivisionCode("370502"), 42);
    const SyntheticCity b = synthetic_city(dongying(), DivisionCode("370502"), 42);
    const SyntheticCity c = synthetic_city(dongying(), DivisionCode("370502"), 43);
    ASSERT_EQ(a.buildings.size(), b.buildings.size());
    EXPECT_EQ(a.buildings.front(), b.buildings.front());
    EXPECT_EQ(a.map.size(), b.map.size());
    EXPECT_NE(a.buildings.front(), c.buildings.front());
}

TEST(SyntheticCity, BuildingsLieInGridsOfTheirOwnUnitAndCoverageIsClean) {
    const SyntheticCity city = synthetic_city(dongying(), DivisionCode("370502005"), 7);  // 胜利街道
    for (std::size_t i = 0; i < city.buildings.size(); ++i) {
        const auto grid = city.map.locate(city.buildings[i]);
        ASSERT_TRUE(grid.has_value()) << i;
        EXPECT_EQ(city.map.grid(*grid).code.unit(), city.building_unit[i]);
    }
    const auto counted = city.map.count_households(city.buildings, city.households);
    for (std::size_t g = 0; g < city.map.size(); ++g) {
        EXPECT_EQ(counted[g], city.map.grids()[g].households) << city.map.grids()[g].code.str();
    }
    EXPECT_EQ(counted.back(), 0);
    EXPECT_TRUE(city.map.check_coverage(DivisionCode("370502005066")).empty());
    const auto grids = city.map.grids_in(DivisionCode("370502005066"));
    ASSERT_FALSE(grids.empty());
    EXPECT_EQ(city.map.grid(grids.front()).code.str(), "37050200506601");
    EXPECT_EQ(city.map.grid(grids.front()).name, "锦苑社区居民委员会第一网格");
}

TEST(SyntheticCity, BadInput) {
    SyntheticCityOptions options;
    options.village_households = IntRange{10, 5};
    EXPECT_THROW((void)synthetic_city(dongying(), DivisionCode("3705"), 1, options), InvalidInput);
    EXPECT_THROW((void)synthetic_city(dongying(), DivisionCode("3706"), 1), NotFound);
}

}  // namespace
}  // namespace grassroots
