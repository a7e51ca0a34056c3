#include "grassroots/grid/geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
constexpr auto lonlat = CoordinateSystem::lonlat;
constexpr auto metres = CoordinateSystem::metres;

std::vector<Point> square(double x0, double y0, double side) {
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}

// Signed area of a ring (shoelace), positive for counter-clockwise.
double signed_area(const std::vector<Point>& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return sum / 2;
}

TEST(Geometry, GeodesicAreaOfASmallSquareNearDongying) {
    // 0.01° × 0.01° at 37.4°N: about 1,110 m north–south × 885 m east–west.
    const Polygon cell = Polygon::rectangle({118.50, 37.40}, {118.51, 37.41});
    const double area = cell.area(lonlat);
    EXPECT_NEAR(area, 983'000.0, 983'000.0 * 0.005);
    // The same cell further north is smaller (meridians converge).
    EXPECT_LT(Polygon::rectangle({118.50, 60.0}, {118.51, 60.01}).area(lonlat), area * 0.7);
}

TEST(Geometry, PlanarAreaInMetres) {
    const Polygon p(square(500'000, 4'140'000, 100));
    EXPECT_DOUBLE_EQ(p.area(metres), 10'000.0);
    EXPECT_DOUBLE_EQ(Polygon().area(metres), 0.0);
    // A hole is subtracted.
    const Polygon holed(square(0, 0, 100), {square(10, 10, 20)});
    EXPECT_DOUBLE_EQ(holed.area(metres), 10'000.0 - 400.0);
}

TEST(Polygon, OrientationIsNormalised) {
    // Clockwise outer ring and counter-clockwise hole, as some sources write them.
    std::vector<Point> outer = square(0, 0, 10);
    std::reverse(outer.begin(), outer.end());
    const Polygon p(outer, {square(2, 2, 2)});
    EXPECT_GT(signed_area(p.outer()), 0);
    ASSERT_EQ(p.holes().size(), 1U);
    EXPECT_LT(signed_area(p.holes()[0]), 0);
    EXPECT_EQ(p.outer().front(), p.outer().back());
    EXPECT_DOUBLE_EQ(p.area(metres), 96.0);
    EXPECT_EQ(p.bounds().min, (Point{0, 0}));
    EXPECT_EQ(p.bounds().max, (Point{10, 10}));
}

TEST(Polygon, RectangleIsClosedCounterClockwise) {
    const Polygon r = Polygon::rectangle({1, 2}, {4, 6});
    ASSERT_EQ(r.outer().size(), 5U);
    EXPECT_EQ(r.outer().front(), r.outer().back());
    EXPECT_DOUBLE_EQ(signed_area(r.outer()), 12.0);
    EXPECT_FALSE(r.empty());
    EXPECT_EQ(error_message<InvalidInput>([] { (void)Polygon::rectangle({4, 2}, {1, 6}); }),
              "rectangle from (4, 2) to (1, 6) is not valid: the first corner must be below and left of the second");
    EXPECT_THROW((void)Polygon::rectangle({0, 0}, {0, 1}), InvalidInput);
}

TEST(Polygon, BadPolygonsSayWhatIsWrong) {
    EXPECT_EQ(error_message<InvalidInput>([] {
                  Polygon({{118.5, 37.4}, {118.6, 37.5}, {118.5, 37.5}, {118.6, 37.4}});
              }),
              "polygon ring is not closed (first point (118.5, 37.4) ≠ last point (118.6, 37.4))");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {1, 0}, {0, 0}}); }),
              "polygon has fewer than 3 distinct points");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {1, 0}, {1, 0}, {0, 0}, {0, 0}}); }),
              "polygon has fewer than 3 distinct points");
    // A bow-tie: its two edges cross at (0.5, 0.5).
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}); }),
              "polygon is self-intersecting");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {2, 2}, {2, 0}, {0, 1}, {0, 0}}); }),
              "polygon is self-intersecting");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(std::vector<Point>{}); }), "polygon is empty");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({}, {square(0, 0, 1)}); }), "polygon is empty");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {1, 0}, {2, 0}, {0, 0}}); }),
              "polygon has no area (its points are collinear or it folds back on itself)");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon({{0, 0}, {1, 0}, {1, std::nan("")}, {0, 0}}); }),
              "polygon has a coordinate that is not a finite number (point 3 (1, nan))");
}

TEST(Polygon, BadHolesSayWhichHole) {
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {square(1, 1, 1), square(20, 20, 1)}); }),
              "hole 2 is not inside the outer ring");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {square(8, 8, 4)}); }),
              "hole 1 is not inside the outer ring");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {{{1, 1}, {2, 1}, {2, 2}}}); }),
              "hole 1 is not closed (first point (1, 1) ≠ last point (2, 2))");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {{}}); }), "hole 1 is empty");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  Polygon(square(0, 0, 10), {{{1, 1}, {3, 3}, {3, 1}, {1, 3}, {1, 1}}});
              }),
              "hole 1 is self-intersecting");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {square(2, 2, 4), square(3, 3, 1)}); }),
              "polygon has a hole inside another hole");
    EXPECT_EQ(error_message<InvalidInput>([] { Polygon(square(0, 0, 10), {square(2, 2, 4), square(5, 5, 2)}); }),
              "polygon has holes that overlap each other or cross the outer ring");
}

TEST(Polygon, CoversIncludesTheBoundary) {
    const Polygon p(square(0, 0, 10), {square(4, 4, 2)});
    EXPECT_TRUE(p.covers({1, 1}));
    EXPECT_TRUE(p.covers({0, 0}));     // vertex
    EXPECT_TRUE(p.covers({10, 5}));    // vertical edge
    EXPECT_TRUE(p.covers({5, 10}));    // horizontal edge
    EXPECT_TRUE(p.covers({4, 5}));     // the hole's edge
    EXPECT_TRUE(p.covers({6, 6}));     // the hole's vertex
    EXPECT_FALSE(p.covers({5, 5}));    // in the hole
    EXPECT_FALSE(p.covers({10.000001, 5}));
    EXPECT_FALSE(p.covers({-1, 5}));
    EXPECT_FALSE(p.covers({std::nan(""), 5}));
    EXPECT_FALSE(Polygon().covers({0, 0}));

    // A concave polygon (an L): the notch is outside, its edges are on the boundary.
    const Polygon l({{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}, {0, 0}});
    EXPECT_TRUE(l.covers({1, 3}));
    EXPECT_TRUE(l.covers({3, 1}));
    EXPECT_FALSE(l.covers({3, 3}));
    EXPECT_TRUE(l.covers({2, 3}));
    EXPECT_TRUE(l.covers({3, 2}));
    EXPECT_TRUE(l.covers({2, 2}));
    // A diagonal edge: the point half-way along it.
    const Polygon triangle({{0, 0}, {4, 0}, {0, 4}, {0, 0}});
    EXPECT_TRUE(triangle.covers({2, 2}));
    EXPECT_TRUE(triangle.covers({1, 1}));
    EXPECT_FALSE(triangle.covers({2.5, 2.5}));
}

TEST(Polygon, Centroid) {
    const Point c = Polygon::rectangle({118.5, 37.4}, {118.6, 37.6}).centroid();
    EXPECT_NEAR(c.x, 118.55, 1e-12);
    EXPECT_NEAR(c.y, 37.5, 1e-12);
    const Point l = Polygon({{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}, {0, 0}}).centroid();
    EXPECT_NEAR(l.x, 5.0 / 3.0, 1e-12);
    EXPECT_NEAR(l.y, 5.0 / 3.0, 1e-12);
    EXPECT_THROW((void)Polygon().centroid(), InvalidInput);
}

TEST(Geometry, OverlapOutsideAndUncoveredAreas) {
    const Polygon a(square(0, 0, 100));
    const Polygon b(square(50, 50, 100));
    EXPECT_DOUBLE_EQ(overlap_area(a, b, metres), 2'500.0);
    EXPECT_DOUBLE_EQ(area_outside(a, b, metres), 7'500.0);
    EXPECT_DOUBLE_EQ(overlap_area(a, Polygon(square(200, 0, 10)), metres), 0.0);
    EXPECT_DOUBLE_EQ(overlap_area(a, Polygon(square(100, 0, 10)), metres), 0.0);  // touching
    EXPECT_DOUBLE_EQ(area_outside(a, Polygon(square(-10, -10, 200)), metres), 0.0);
    EXPECT_DOUBLE_EQ(area_outside(a, Polygon(), metres), 10'000.0);

    // Three quarters of a square covered: a 2×2 split with one piece missing.
    const Polygon q1(square(0, 0, 50));
    const Polygon q2(square(50, 0, 50));
    const Polygon q3(square(0, 50, 50));
    const Polygon q4(square(50, 50, 50));
    EXPECT_NEAR(uncovered_area(a, {&q1, &q2, &q3}, metres), 2'500.0, 1e-6);
    EXPECT_NEAR(uncovered_area(a, {&q1, &q2, &q3, &q4}, metres), 0.0, 1e-6);
    EXPECT_DOUBLE_EQ(uncovered_area(a, {}, metres), 10'000.0);
    const Polygon holed(square(0, 0, 100), {square(40, 40, 20)});
    EXPECT_NEAR(uncovered_area(a, {&holed}, metres), 400.0, 1e-6);
}

TEST(Geometry, OverlapAreasOnLonLatAreGeodesic) {
    const Polygon a = Polygon::rectangle({118.50, 37.40}, {118.52, 37.42});
    const Polygon b = Polygon::rectangle({118.51, 37.41}, {118.53, 37.43});
    const double quarter = Polygon::rectangle({118.51, 37.41}, {118.52, 37.42}).area(lonlat);
    EXPECT_NEAR(quarter, 982'505.0, 1.0);  // the ellipsoidal area of the 0.01° cell
    // Edges are geodesics, so an edge cut in two encloses a slightly different area than the
    // whole (here ~40 m² in 2.9 km²): the parts agree to 1e-4, not to rounding.
    EXPECT_NEAR(overlap_area(a, b, lonlat), quarter, quarter * 1e-6);
    EXPECT_NEAR(area_outside(a, b, lonlat), a.area(lonlat) - quarter, a.area(lonlat) * 1e-4);
    EXPECT_NEAR(uncovered_area(a, {&b}, lonlat), area_outside(a, b, lonlat), 1e-6);
}

}  // namespace
}  // namespace grassroots
