#include "grassroots/grid/svg.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

Polygon rect(double x0, double y0, double x1, double y1) { return Polygon::rectangle({x0, y0}, {x1, y1}); }

GridMap two_grids() {
    GridMapBuilder builder(CoordinateSystem::lonlat);
    builder.add(Grid{GridCode::parse("37050200506601"), GridKind::comprehensive, "锦苑<社区>第一网格", rect(118.50, 37.40, 118.505, 37.405), 356})
        .add(Grid{GridCode::parse("37050200506602"), GridKind::school, "胜利一中专属网格", rect(118.505, 37.40, 118.51, 37.405), 0})
        .set_boundary(DivisionCode("370502005066"), rect(118.50, 37.40, 118.51, 37.405));
    return builder.build();
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

TEST(GridSvg, ColoursGridsByValueFromTheSmallestToTheLargest) {
    const std::vector<double> values{2.0, 10.0};
    const std::string svg = to_svg(two_grids(), values, {.width = 400, .title = "结案率 & more"});
    EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400.0\"", 0), 0U) << svg;
    EXPECT_NE(svg.find("id=\"grid-37050200506601\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#ffffcc\""), std::string::npos) << svg;  // the smallest: the ramp's first colour
    EXPECT_NE(svg.find("fill=\"#800026\""), std::string::npos) << svg;  // the largest: its last
    EXPECT_NE(svg.find("<title>锦苑&lt;社区&gt;第一网格 37050200506601: 2</title>"), std::string::npos) << svg;
    EXPECT_NE(svg.find(">结案率 &amp; more</text>"), std::string::npos);
    EXPECT_NE(svg.find(">10</text>"), std::string::npos);  // the legend names the range
    EXPECT_EQ(count(svg, "fill=\"none\""), 1U);               // the community's boundary
}

TEST(GridSvg, WithoutValuesColoursByKindAndKeepsTheShape) {
    const std::string svg = to_svg(two_grids());
    EXPECT_NE(svg.find("fill=\"#cfe3f3\""), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#f6d8ae\""), std::string::npos);
    EXPECT_EQ(svg.find("linearGradient"), std::string::npos);
    // 0.01° of longitude by 0.005° of latitude at 37.4°N: 1.59 times as wide as high, so 624 px of map
    // across (640 less the margins) are 393 px high (409 with the margins).
    EXPECT_NE(svg.find("height=\"408.8\""), std::string::npos) << svg;
    EXPECT_NE(svg.find("d=\"M8.0,400.8L320.0,400.8L320.0,8.0L8.0,8.0L8.0,400.8Z\""), std::string::npos) << svg;
}

TEST(GridSvg, NanIsNoValue) {
    const std::vector<double> values{std::nan(""), 3.0};
    const std::string svg = to_svg(two_grids(), values);
    EXPECT_NE(svg.find("fill=\"#d9d9d9\""), std::string::npos);
    EXPECT_NE(svg.find(": no value</title>"), std::string::npos);
}

TEST(GridSvg, RefusesValuesThatDoNotFitTheMap) {
    const GridMap map = two_grids();
    const std::vector<double> one{1.0};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)to_svg(map, one); }),
              "field 'values': a map picture needs one value per grid (2), not 1");
    const std::vector<double> infinite{1.0, std::numeric_limits<double>::infinity()};
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)to_svg(map, infinite); }),
              "row 2, field 'values': the value of grid 37050200506602 is infinite");
    GridSvgOptions zero_width;
    zero_width.width = 0;
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)to_svg(map, {}, zero_width); }),
              "field 'width': the width of a map picture must be 1 to 20000 pixels, not 0");
}

TEST(GridSvg, AnEmptyMapIsAnEmptyPicture) {
    const std::string svg = to_svg(GridMap{});
    EXPECT_NE(svg.find("height=\"16.0\""), std::string::npos) << svg;
    EXPECT_EQ(svg.find("<path"), std::string::npos);
}

}  // namespace
}  // namespace grassroots
