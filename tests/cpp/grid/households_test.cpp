#include "grassroots/grid/households.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

TEST(HouseholdPoints, ReadsDegreesOrMetresWithOptionalCounts) {
    const HouseholdPoints buildings = parse_household_points(
        "id,lon,lat,households\n3号楼,118.5012,37.4501,36\n5号楼,118.5020,37.4507,48\n", "buildings.csv");
    ASSERT_EQ(buildings.size(), 2U);
    EXPECT_EQ(buildings.ids[0], "3号楼");
    EXPECT_EQ(buildings.points[1], (Point{118.5020, 37.4507}));
    EXPECT_EQ(buildings.households[1], 48);
    const HouseholdPoints households = parse_household_points("id,x,y\nh1,10.5,20\nh2,11,21\n");
    EXPECT_EQ(households.households, (std::vector<std::int64_t>{1, 1}));
}

TEST(HouseholdPoints, BadRowsNameFileRowAndField) {
    const auto error = [](const char* text) {
        return error_message<InvalidInput>([&] { (void)parse_household_points(text, "b.csv"); });
    };
    EXPECT_EQ(error("id,lng,lat\n"), "b.csv, row 1: header is not 'id,lon,lat[,households]' or 'id,x,y[,households]'");
    EXPECT_EQ(error("id,lon,lat\na,118.5,abc\n"), "b.csv, row 2, field 'lat': 'abc' is not a number");
    EXPECT_EQ(error("id,lon,lat\na,218.5,37\n"), "b.csv, row 2, field 'lon': longitude '218.5' is outside -180…180");
    EXPECT_EQ(error("id,lon,lat,households\na,118.5,37,-3\n"),
              "b.csv, row 2, field 'households': households '-3' is not a whole number in 0…10000000");
    EXPECT_EQ(error("id,lon,lat\na,118.5,37\na,118.6,37\n"), "b.csv, row 3, field 'id': duplicate id 'a' (first at row 2)");
    EXPECT_EQ(error("id,lon,lat\na,118.5\n"), "b.csv, row 2: expected 3 fields, found 2");
    EXPECT_THROW((void)read_household_points("/nonexistent/points.csv"), FileError);
}

}  // namespace
}  // namespace grassroots
