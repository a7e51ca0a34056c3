// WGS84 ↔ GCJ-02 ↔ BD-09 against published reference points. The forward pairs are those printed by the
// coordtransform library's own test (wandergis/coordtransform, test/app.js: the point 116.404, 39.915)
// and the eviltransform library's Python test (googollee/eviltransform, python/test.py: Shanghai,
// Shenzhen, Beijing); both are the same published GCJ-02 formula.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "grassroots/grid/coordinates.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::error_message;
constexpr auto wgs84 = LonLatSystem::wgs84;
constexpr auto gcj02 = LonLatSystem::gcj02;
constexpr auto bd09 = LonLatSystem::bd09;

void expect_near(Point got, Point expected, double tolerance) {
    EXPECT_NEAR(got.x, expected.x, tolerance);
    EXPECT_NEAR(got.y, expected.y, tolerance);
}

TEST(Coordinates, ForwardConversionsMatchThePublishedPairs) {
    const Point tiananmen{116.404, 39.915};
    expect_near(convert_lonlat(tiananmen, wgs84, gcj02), {116.41024449916938, 39.91640428150164}, 1e-12);
    expect_near(convert_lonlat(tiananmen, gcj02, bd09), {116.41036949371029, 39.92133699351021}, 1e-12);
    // coordtransform's bd09togcj02 is the one-step closed form; the exact inverse is within 1e-6 degrees of it.
    expect_near(convert_lonlat(tiananmen, bd09, gcj02), {116.39762729119315, 39.90865673957631}, 1e-6);
    // eviltransform (wgsLat, wgsLng → gcjLat, gcjLng), written here as lon, lat.
    expect_near(convert_lonlat({121.5272106, 31.1774276}, wgs84, gcj02), {121.531541859215, 31.17530398364597}, 1e-12);
    expect_near(convert_lonlat({113.912316, 22.543847}, wgs84, gcj02), {113.9171764808363, 22.540796131694766}, 1e-12);
    expect_near(convert_lonlat({116.377817, 39.911954}, wgs84, gcj02), {116.38404722455657, 39.91334545536069}, 1e-12);
}

TEST(Coordinates, TheIterativeInversesAreExactWhereTheOneStepApproximationsAreNot) {
    const Point gcj{116.404, 39.915};
    const Point wgs = convert_lonlat(gcj, gcj02, wgs84);
    expect_near(convert_lonlat(wgs, wgs84, gcj02), gcj, 1e-9);  // about 0.1 mm
    // coordtransform's gcj02towgs84 is the one-step approximation 2·gcj − f(gcj): here about 6 cm off.
    expect_near(wgs, {116.39775550083061, 39.91359571849836}, 1e-6);
    EXPECT_GT(std::abs(wgs.y - 39.91359571849836), 1e-7);
    const Point bd{116.404, 39.915};
    expect_near(convert_lonlat(convert_lonlat(bd, bd09, gcj02), gcj02, bd09), bd, 1e-9);
}

TEST(Coordinates, RoundTripsOverChina) {
    for (double lon = 73.5; lon < 135; lon += 3.7) {
        for (double lat = 18.2; lat < 53.5; lat += 2.9) {
            const Point p{lon, lat};
            expect_near(convert_lonlat(convert_lonlat(p, wgs84, gcj02), gcj02, wgs84), p, 1e-9);
            expect_near(convert_lonlat(convert_lonlat(p, wgs84, bd09), bd09, wgs84), p, 1e-9);
            expect_near(convert_lonlat(convert_lonlat(p, bd09, gcj02), gcj02, bd09), p, 1e-9);
            expect_near(convert_lonlat(convert_lonlat(p, gcj02, wgs84), wgs84, gcj02), p, 1e-9);
            const Point moved = convert_lonlat(p, wgs84, gcj02);
            EXPECT_GT(std::hypot(moved.x - p.x, moved.y - p.y), 1e-4) << "GCJ-02 shifts every point in China";
        }
    }
}

TEST(Coordinates, PointsOutsideChinaAreLeftUnchanged) {
    for (const Point p : {Point{2.35, 48.86}, Point{-74.0, 40.7}, Point{139.69, 35.69}, Point{116.4, -33.9}}) {
        for (const LonLatSystem from : {wgs84, gcj02, bd09}) {
            for (const LonLatSystem to : {wgs84, gcj02, bd09}) EXPECT_EQ(convert_lonlat(p, from, to), p);
        }
    }
    EXPECT_TRUE(in_china_box({118.5, 37.4}));
    EXPECT_FALSE(in_china_box({139.69, 35.69}));  // Tokyo
}

TEST(Coordinates, VectorisedEqualsOneByOneAndMayWriteInPlace) {
    std::vector<double> lon{116.404, 121.5272106, 2.35, 118.5};
    std::vector<double> lat{39.915, 31.1774276, 48.86, 37.4};
    std::vector<double> out_lon(4), out_lat(4);
    convert_lonlat(lon, lat, bd09, wgs84, out_lon, out_lat);
    for (std::size_t i = 0; i < lon.size(); ++i) {
        EXPECT_EQ((Point{out_lon[i], out_lat[i]}), convert_lonlat({lon[i], lat[i]}, bd09, wgs84));
    }
    convert_lonlat(lon, lat, bd09, wgs84, lon, lat);
    EXPECT_EQ(lon, out_lon);
    EXPECT_EQ(lat, out_lat);
}

TEST(Coordinates, BadPointsAreRefusedByPositionBeforeAnythingIsWritten) {
    EXPECT_THAT(error_message<InvalidInput>([] { (void)convert_lonlat({39.9, 116.4}, gcj02, wgs84); }),
                HasSubstr("convert_lonlat: point (39.9, 116.4) is not a longitude in [-180, 180] and latitude in [-90, 90]"));
    std::vector<double> lon{116.4, std::numeric_limits<double>::quiet_NaN()};
    std::vector<double> lat{39.9, 39.9};
    std::vector<double> out_lon{0, 0}, out_lat{0, 0};
    EXPECT_THAT(error_message<InvalidInput>([&] { convert_lonlat(lon, lat, gcj02, wgs84, out_lon, out_lat); }),
                HasSubstr("point 1 (nan, 39.9)"));
    EXPECT_EQ(out_lon, (std::vector<double>{0, 0}));
    std::vector<double> short_lat{39.9};
    EXPECT_THAT(error_message<InvalidInput>([&] { convert_lonlat(lon, short_lat, gcj02, wgs84, out_lon, out_lat); }),
                HasSubstr("2 longitudes but 1 latitudes"));
}

TEST(Coordinates, Names) {
    EXPECT_EQ(to_string(gcj02), "gcj02");
    EXPECT_EQ(chinese_name(bd09), "百度坐标");
    EXPECT_EQ(enum_names(wgs84).size(), 3U);
}

}  // namespace
}  // namespace grassroots
