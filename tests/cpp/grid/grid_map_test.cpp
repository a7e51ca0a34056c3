#include "grassroots/grid/grid_map.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
constexpr auto lonlat = CoordinateSystem::lonlat;
constexpr auto metres = CoordinateSystem::metres;

const DivisionCode jinyuan("370502005066");   // 锦苑社区 (residents' committee, class 066)
const DivisionCode village("370502102201");   // a villagers' committee (class 201)

Grid make_grid(DivisionCode unit, unsigned sequence, Polygon shape, std::int64_t households = 0,
               GridKind kind = GridKind::comprehensive) {
    return Grid{GridCode::make(unit, sequence), kind, "第" + std::to_string(sequence) + "网格", std::move(shape),
                households};
}

Polygon rect(double x0, double y0, double x1, double y1) { return Polygon::rectangle({x0, y0}, {x1, y1}); }

// The community as a 100 m × 100 m square split 2×2; added out of code order on purpose:
// id 0 = grid 04 (NE), 1 = grid 02 (SE), 2 = grid 03 (NW), 3 = grid 01 (SW).
GridMapBuilder two_by_two() {
    GridMapBuilder builder(metres);
    builder.add(make_grid(jinyuan, 4, rect(50, 50, 100, 100), 410))
        .add(make_grid(jinyuan, 2, rect(50, 0, 100, 50), 350))
        .add(make_grid(jinyuan, 3, rect(0, 50, 50, 100), 520))
        .add(make_grid(jinyuan, 1, rect(0, 0, 50, 50), 299))
        .set_boundary(jinyuan, rect(0, 0, 100, 100));
    return builder;
}

std::string code_of(const GridMap& map, std::optional<GridId> id) {
    return id ? map.grid(*id).code.str() : std::string("none");
}

// The grid with the smallest code among all grids covering p, by testing every grid.
std::int64_t brute_force(const GridMap& map, Point p) {
    std::int64_t best = -1;
    for (std::size_t i = 0; i < map.size(); ++i) {
        const Grid& g = map.grids()[i];
        if (g.shape.covers(p) && (best < 0 || g.code < map.grids()[static_cast<std::size_t>(best)].code)) {
            best = static_cast<std::int64_t>(i);
        }
    }
    return best;
}

TEST(GridMap, FindGridsAndBoundaries) {
    GridMapBuilder builder = two_by_two();
    builder.add(make_grid(village, 1, rect(200, 0, 300, 100)));
    EXPECT_EQ(builder.size(), 5U);
    const GridMap map = builder.build();
    EXPECT_EQ(map.size(), 5U);
    EXPECT_EQ(map.coordinates(), metres);
    EXPECT_EQ(map.grids()[0].code.str(), "37050200506604");  // ids follow the order of add()
    EXPECT_EQ(map.find(GridCode::parse("37050200506602")), GridId{1});
    EXPECT_FALSE(map.find(GridCode::parse("37050200506605")).has_value());
    EXPECT_EQ(map.grid(GridId{2}).households, 520);
    EXPECT_THROW((void)map.grid(GridId{5}), NotFound);
    EXPECT_THROW((void)map.grid(GridId{}), NotFound);

    auto codes = [&](DivisionCode unit) {
        std::vector<std::string> out;
        for (GridId id : map.grids_in(unit)) out.push_back(map.grid(id).code.str());
        return out;
    };
    EXPECT_EQ(codes(jinyuan),
              (std::vector<std::string>{"37050200506601", "37050200506602", "37050200506603", "37050200506604"}));
    EXPECT_EQ(codes(DivisionCode("370502005")).size(), 4U);  // the sub-district
    EXPECT_EQ(codes(DivisionCode("370502")).size(), 5U);     // the district
    EXPECT_EQ(codes(DivisionCode("3705")).size(), 5U);
    EXPECT_EQ(codes(village), (std::vector<std::string>{"37050210220101"}));
    EXPECT_TRUE(codes(DivisionCode("370503")).empty());
    EXPECT_TRUE(codes(DivisionCode("370502005001")).empty());

    ASSERT_NE(map.boundary(jinyuan), nullptr);
    EXPECT_DOUBLE_EQ(map.boundary(jinyuan)->area(metres), 10'000.0);
    EXPECT_EQ(map.boundary(village), nullptr);

    const GridMap empties[] = {GridMap(), GridMapBuilder(metres).build()};
    for (const GridMap& empty : empties) {
        EXPECT_EQ(empty.size(), 0U);
        EXPECT_FALSE(empty.locate({0, 0}).has_value());
        EXPECT_TRUE(empty.grids_in(jinyuan).empty());
        EXPECT_FALSE(empty.find(GridCode::parse("37050200506601")).has_value());
        EXPECT_EQ(empty.count_households(std::vector<Point>{{0, 0}}, std::vector<std::int64_t>{3}),
                  (std::vector<std::int64_t>{3}));
        EXPECT_TRUE(empty.check_coverage(jinyuan).empty());
        std::vector<std::int64_t> out(1);
        empty.locate(std::vector<double>{0}, std::vector<double>{0}, out);
        EXPECT_EQ(out[0], -1);
    }
}

TEST(GridMap, MovesKeepTheIndex) {
    GridMap map = two_by_two().build();
    GridMap moved = std::move(map);
    EXPECT_EQ(code_of(moved, moved.locate({10, 10})), "37050200506601");
    GridMap assigned;
    assigned = std::move(moved);
    EXPECT_EQ(code_of(assigned, assigned.locate({90, 90})), "37050200506604");
}

TEST(GridMap, LocateInsideOutsideAndOnSharedEdges) {
    const GridMap map = two_by_two().build();
    EXPECT_EQ(code_of(map, map.locate({10, 10})), "37050200506601");
    EXPECT_EQ(code_of(map, map.locate({90, 10})), "37050200506602");
    EXPECT_EQ(code_of(map, map.locate({10, 90})), "37050200506603");
    EXPECT_EQ(code_of(map, map.locate({90, 90})), "37050200506604");
    EXPECT_EQ(code_of(map, map.locate({150, 50})), "none");
    EXPECT_EQ(code_of(map, map.locate({-0.001, 50})), "none");
    // Shared edges go to the smallest code.
    EXPECT_EQ(code_of(map, map.locate({50, 25})), "37050200506601");  // 01 | 02
    EXPECT_EQ(code_of(map, map.locate({25, 50})), "37050200506601");  // 01 / 03
    EXPECT_EQ(code_of(map, map.locate({75, 50})), "37050200506602");  // 02 / 04
    EXPECT_EQ(code_of(map, map.locate({50, 75})), "37050200506603");  // 03 | 04
    // The vertex shared by all four grids.
    EXPECT_EQ(code_of(map, map.locate({50, 50})), "37050200506601");
    // The outer boundary belongs to the grid it bounds.
    EXPECT_EQ(code_of(map, map.locate({100, 100})), "37050200506604");
    EXPECT_EQ(code_of(map, map.locate({0, 0})), "37050200506601");
}

TEST(GridMap, LocateIrregularGridsAndHoles) {
    GridMapBuilder builder(lonlat);
    // Two triangles sharing the diagonal of a square, and a grid with a hole holding a third grid.
    builder.add(make_grid(jinyuan, 2, Polygon({{118.50, 37.40}, {118.51, 37.40}, {118.51, 37.41}, {118.50, 37.40}})))
        .add(make_grid(jinyuan, 1, Polygon({{118.50, 37.40}, {118.51, 37.41}, {118.50, 37.41}, {118.50, 37.40}})))
        .add(make_grid(jinyuan, 3,
                       Polygon({{118.52, 37.40}, {118.54, 37.40}, {118.54, 37.42}, {118.52, 37.42}, {118.52, 37.40}},
                               {{{118.525, 37.405}, {118.535, 37.405}, {118.535, 37.415}, {118.525, 37.415},
                                 {118.525, 37.405}}})))
        .add(make_grid(jinyuan, 4, rect(118.525, 37.405, 118.535, 37.415)));
    const GridMap map = builder.build();
    EXPECT_EQ(code_of(map, map.locate({118.508, 37.401})), "37050200506602");
    EXPECT_EQ(code_of(map, map.locate({118.501, 37.409})), "37050200506601");
    EXPECT_EQ(code_of(map, map.locate({118.51, 37.41})), "37050200506601");  // shared vertex
    EXPECT_EQ(code_of(map, map.locate({118.50, 37.40})), "37050200506601");
    EXPECT_EQ(code_of(map, map.locate({118.521, 37.401})), "37050200506603");
    EXPECT_EQ(code_of(map, map.locate({118.53, 37.41})), "37050200506604");    // in the hole
    EXPECT_EQ(code_of(map, map.locate({118.525, 37.41})), "37050200506603");   // the hole's edge
    EXPECT_EQ(code_of(map, map.locate({118.515, 37.41})), "none");
}

TEST(GridMap, BulkLocateEqualsScalarLocate) {
    // 30 × 30 grids of 0.002°, some split into two triangles, with a gap where a grid is missing.
    GridMapBuilder builder(lonlat);
    const double x0 = 118.40;
    const double y0 = 37.30;
    const double step = 0.002;
    std::vector<DivisionCode> units;  // 6 × 6 communities of 5 × 5 cells
    for (int u = 0; u < 36; ++u) units.emplace_back("3705020050" + std::to_string(61 + u));
    std::vector<unsigned> next(units.size(), 1);
    for (int row = 0; row < 30; ++row) {
        for (int col = 0; col < 30; ++col) {
            if (row == 7 && col == 11) continue;  // a hole in the coverage
            const std::size_t u = static_cast<std::size_t>((row / 5) * 6 + col / 5);
            const double xa = x0 + col * step;
            const double ya = y0 + row * step;
            const double xb = xa + step;
            const double yb = ya + step;
            if ((row + col) % 5 == 0) {
                builder.add(make_grid(units[u], next[u]++, Polygon({{xa, ya}, {xb, ya}, {xb, yb}, {xa, ya}})));
                builder.add(make_grid(units[u], next[u]++, Polygon({{xa, ya}, {xb, yb}, {xa, yb}, {xa, ya}})));
            } else {
                builder.add(make_grid(units[u], next[u]++, rect(xa, ya, xb, yb)));
            }
        }
    }
    const GridMap map = builder.build();

    std::mt19937_64 random(20240601);
    std::uniform_real_distribution<double> along(-0.005, 30 * step + 0.005);
    std::uniform_int_distribution<int> node(0, 30);
    const std::size_t n = 100'000;
    std::vector<double> xs(n);
    std::vector<double> ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = x0 + along(random);
        ys[i] = y0 + along(random);
        if (i % 10 == 0) xs[i] = x0 + node(random) * step;  // on vertical edges
        if (i % 15 == 0) ys[i] = y0 + node(random) * step;  // on horizontal edges (and vertices)
    }
    std::vector<std::int64_t> out(n, -2);
    map.locate(xs, ys, out);
    std::size_t inside = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::optional<GridId> one = map.locate({xs[i], ys[i]});
        const std::int64_t expected = one ? static_cast<std::int64_t>(one->value()) : -1;
        ASSERT_EQ(out[i], expected) << "point " << i << " (" << xs[i] << ", " << ys[i] << ")";
        if (i < 5'000) {
            ASSERT_EQ(out[i], brute_force(map, {xs[i], ys[i]})) << "point " << i;
        }
        inside += one ? 1 : 0;
    }
    EXPECT_GT(inside, n / 2);
    EXPECT_LT(inside, n);

    std::vector<std::int64_t> short_out(n - 1);
    EXPECT_EQ(error_message<InvalidInput>([&] { map.locate(xs, ys, short_out); }),
              "locate: x has 100000 values, y 100000 and out 99999; they must have the same length");
    EXPECT_NO_THROW(map.locate({}, {}, {}));
}

// 400 small square grids, 30 diamonds overlapping them and each other, and (optionally) two
// grids far away, so that the index's cells in the crowd hold too many grids and the R-tree answers.
GridMap crowded_map(bool with_far_grids) {
    GridMapBuilder builder(metres);
    std::vector<DivisionCode> units;
    for (int u = 0; u < 10; ++u) units.emplace_back("3705020050" + std::to_string(61 + u));
    unsigned sequence = 0;
    auto add = [&](Polygon shape) {
        builder.add(make_grid(units[sequence / 99], sequence % 99 + 1, std::move(shape)));
        ++sequence;
    };
    for (int row = 0; row < 20; ++row) {
        for (int col = 0; col < 20; ++col) add(rect(col * 10.0, row * 10.0, col * 10.0 + 10, row * 10.0 + 10));
    }
    for (int k = 0; k < 30; ++k) {
        const double cx = 15.0 + 6 * k;
        const double cy = 100.0 + (k % 7) * 9;
        add(Polygon({{cx, cy - 8}, {cx + 8, cy}, {cx, cy + 8}, {cx - 8, cy}, {cx, cy - 8}}));
    }
    if (with_far_grids) {
        add(rect(100'000, 100'000, 100'010, 100'010));
        add(rect(-50'000, 80'000, -49'000, 81'000));
    }
    return builder.build();
}

TEST(GridMap, LocateAmongCrowdedAndOverlappingGrids) {
    for (const bool far : {false, true}) {
        const GridMap map = crowded_map(far);
        std::mt19937_64 random(7);
        std::uniform_real_distribution<double> crowd(-5, 205);
        std::uniform_int_distribution<int> line(0, 20);
        for (int i = 0; i < 20'000; ++i) {
            Point p{crowd(random), crowd(random)};
            if (i % 3 == 0) p.x = line(random) * 10.0;
            if (i % 4 == 0) p.y = line(random) * 10.0;
            const std::optional<GridId> id = map.locate(p);
            ASSERT_EQ(id ? static_cast<std::int64_t>(id->value()) : -1, brute_force(map, p))
                << p.x << ", " << p.y << (far ? " (with far grids)" : "");
        }
        EXPECT_FALSE(map.locate({50'000, 50'000}).has_value());
        EXPECT_FALSE(map.locate({std::nan(""), 5}).has_value());
        EXPECT_FALSE(map.locate({INFINITY, 5}).has_value());
        if (far) {
            EXPECT_EQ(map.locate({100'005, 100'005}), GridId{430});
            EXPECT_EQ(map.locate({-49'500, 80'500}), GridId{431});
        }
    }
}

TEST(Coverage, CleanSplitHasNoFindings) {
    const GridMap map = two_by_two().build();
    EXPECT_TRUE(map.check_coverage(jinyuan).empty());
    EXPECT_TRUE(map.check_coverage(DivisionCode("370502")).empty());

    // The same on lon/lat.
    GridMapBuilder builder(lonlat);
    builder.add(make_grid(jinyuan, 1, rect(118.50, 37.40, 118.505, 37.405)))
        .add(make_grid(jinyuan, 2, rect(118.505, 37.40, 118.51, 37.405)))
        .add(make_grid(jinyuan, 3, rect(118.50, 37.405, 118.505, 37.41)))
        .add(make_grid(jinyuan, 4, rect(118.505, 37.405, 118.51, 37.41)))
        .set_boundary(jinyuan, rect(118.50, 37.40, 118.51, 37.41));
    EXPECT_TRUE(builder.build().check_coverage(jinyuan).empty());
}

TEST(Coverage, OverlapGapAndOutsideAreReportedWithGridsAndArea) {
    GridMapBuilder builder(metres);
    builder.add(make_grid(jinyuan, 1, rect(0, 0, 55, 50)))     // reaches 5 m into grid 02: 250 m²
        .add(make_grid(jinyuan, 2, rect(50, 0, 100, 50)))
        .add(make_grid(jinyuan, 3, rect(0, 50, 50, 100)))      // 04 missing its west 10 m: a 500 m² gap
        .add(make_grid(jinyuan, 4, rect(60, 50, 100, 112)))    // 40 × 12 m = 480 m² outside
        .set_boundary(jinyuan, rect(0, 0, 100, 100));
    const GridMap map = builder.build();
    const std::vector<CoverageFinding> findings = map.check_coverage(jinyuan);
    ASSERT_EQ(findings.size(), 3U);

    EXPECT_EQ(findings[0].kind, CoverageFinding::Kind::overlap);
    EXPECT_EQ(findings[0].unit, jinyuan);
    EXPECT_EQ(findings[0].grids, (std::vector<GridId>{GridId{0}, GridId{1}}));
    EXPECT_NEAR(findings[0].area_m2, 250.0, 2.5);
    EXPECT_EQ(findings[0].message, "grids 37050200506601 and 37050200506602 overlap by 250 m²");

    EXPECT_EQ(findings[1].kind, CoverageFinding::Kind::gap);
    EXPECT_TRUE(findings[1].grids.empty());
    EXPECT_NEAR(findings[1].area_m2, 500.0, 5.0);
    EXPECT_EQ(findings[1].message, "500 m² of 370502005066 is in no grid");

    EXPECT_EQ(findings[2].kind, CoverageFinding::Kind::outside);
    EXPECT_EQ(findings[2].grids, (std::vector<GridId>{GridId{3}}));
    EXPECT_NEAR(findings[2].area_m2, 480.0, 4.8);
    EXPECT_EQ(findings[2].message, "grid 37050200506604 reaches 480 m² outside 370502005066");

    EXPECT_EQ(to_string(findings[0].kind), "overlap");
    EXPECT_EQ(to_string(findings[1].kind), "gap");
    EXPECT_EQ(to_string(findings[2].kind), "outside");

    // A tolerance above the areas hides them; a higher-level code checks every unit under it.
    EXPECT_TRUE(map.check_coverage(jinyuan, 1'000.0).empty());
    EXPECT_EQ(map.check_coverage(DivisionCode("370502005")).size(), 3U);
}

TEST(Coverage, LargeAreasOnLonLatUseThousandsSeparators) {
    GridMapBuilder builder(lonlat);
    // Two 0.01° cells overlapping by half (≈ 491,000 m²); no boundary → overlaps only.
    builder.add(make_grid(jinyuan, 1, rect(118.50, 37.40, 118.51, 37.41)))
        .add(make_grid(jinyuan, 2, rect(118.505, 37.40, 118.515, 37.41)));
    const GridMap map = builder.build();
    const auto findings = map.check_coverage(jinyuan);
    ASSERT_EQ(findings.size(), 1U);
    const double half = rect(118.505, 37.40, 118.51, 37.41).area(lonlat);
    EXPECT_NEAR(findings[0].area_m2, half, half * 0.01);
    EXPECT_NEAR(findings[0].area_m2, 491'300.0, 491'300.0 * 0.01);
    const std::string& message = findings[0].message;
    EXPECT_TRUE(message.starts_with("grids 37050200506601 and 37050200506602 overlap by 491,")) << message;
    EXPECT_TRUE(message.ends_with(" m²")) << message;
    EXPECT_EQ(message.size(), std::string("grids 37050200506601 and 37050200506602 overlap by 491,317 m²").size());
}

TEST(GridMap, CountHouseholds) {
    const GridMap map = two_by_two().build();
    const std::vector<Point> buildings{{10, 10}, {20, 20}, {90, 10}, {50, 50}, {150, 150}, {75, 75}};
    const std::vector<std::int64_t> households{100, 50, 70, 8, 30, 12};
    const std::vector<std::int64_t> counts = map.count_households(buildings, households);
    // ids: 0 = grid 04, 1 = grid 02, 2 = grid 03, 3 = grid 01; last = in no grid.
    EXPECT_EQ(counts, (std::vector<std::int64_t>{12, 70, 0, 158, 30}));
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  (void)map.count_households(buildings, std::vector<std::int64_t>{1, 2});
              }),
              "count_households: 6 points but 2 household counts");
    EXPECT_THROW((void)map.count_households(std::vector<Point>{{1, 1}}, std::vector<std::int64_t>{-1}), InvalidInput);
    EXPECT_EQ(map.count_households({}, {}), (std::vector<std::int64_t>(5, 0)));
}

TEST(GridMap, CheckBandsByVillageClassAndKind) {
    GridMapBuilder builder(metres);
    builder.add(make_grid(jinyuan, 1, rect(0, 0, 10, 10), 299))                       // urban: below 300
        .add(make_grid(jinyuan, 2, rect(10, 0, 20, 10), 500))                         // urban: in band
        .add(make_grid(village, 1, rect(0, 20, 10, 30), 299))                         // rural: in band
        .add(make_grid(village, 2, rect(10, 20, 20, 30), 401))                        // rural: above 400
        .add(make_grid(jinyuan, 3, rect(0, 40, 10, 50), 5, GridKind::school))         // no band by default
        .add(make_grid(jinyuan, 4, rect(10, 40, 20, 50), 5, GridKind::hospital));
    const GridMap map = builder.build();
    std::vector<std::int64_t> households;
    for (const Grid& g : map.grids()) households.push_back(g.households);

    const std::vector<BandFinding> findings = map.check_bands(households);
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_EQ(findings[0].grid, GridId{0});
    EXPECT_EQ(findings[0].households, 299);
    EXPECT_EQ(findings[0].band, (IntRange{300, 500}));
    EXPECT_EQ(findings[0].message,
              "grid 37050200506601 has 299 households, below the band 300–500 for comprehensive grids of "
              "residents' committees");
    EXPECT_EQ(findings[1].grid, GridId{3});
    EXPECT_EQ(findings[1].band, (IntRange{200, 400}));
    EXPECT_EQ(findings[1].message,
              "grid 37050210220102 has 401 households, above the band 200–400 for comprehensive grids of "
              "villagers' committees");

    HouseholdBands bands;
    bands.dedicated[GridKind::school] = {10, 100};
    bands.urban = {250, 500};
    const std::vector<BandFinding> custom = map.check_bands(households, bands);
    ASSERT_EQ(custom.size(), 2U);
    EXPECT_EQ(custom[0].grid, GridId{3});
    EXPECT_EQ(custom[1].grid, GridId{4});
    EXPECT_EQ(custom[1].message, "grid 37050200506603 has 5 households, below the band 10–100 for school grids");

    EXPECT_EQ(bands.band(GridKind::comprehensive, jinyuan), (IntRange{250, 500}));
    EXPECT_EQ(bands.band(GridKind::comprehensive, village), (IntRange{200, 400}));
    EXPECT_EQ(bands.band(GridKind::comprehensive, DivisionCode("370502005401")), (IntRange{250, 500}));  // 类似村级
    EXPECT_EQ(bands.band(GridKind::school, jinyuan), (IntRange{10, 100}));
    EXPECT_FALSE(bands.band(GridKind::hospital, jinyuan).has_value());

    // Counts from count_households carry one more element (points in no grid); it is ignored.
    households.push_back(1'000);
    EXPECT_EQ(map.check_bands(households).size(), 2U);
    households.push_back(1);
    EXPECT_THROW((void)map.check_bands(households), InvalidInput);
}

TEST(GridMap, BuilderRefusesBadGrids) {
    GridMapBuilder builder(metres);
    for (unsigned i = 0; i < 8; ++i) {
        const unsigned sequence = i == 7 ? 4 : i + 1;  // grid 7 repeats grid 3's code
        builder.add(make_grid(jinyuan, sequence, rect(i * 10.0, 0, i * 10.0 + 10, 10)));
    }
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)builder.build(); }),
              "duplicate grid code 37050200506604 (grids 3 and 7)");

    EXPECT_EQ(error_message<InvalidInput>([] {
                  GridMapBuilder().add(make_grid(jinyuan, 0, rect(0, 0, 1, 1)));
              }),
              "grid code 37050200506600 has sequence 00, which stands for the whole community 370502005066, "
              "not a grid");
    EXPECT_EQ(error_message<InvalidInput>([] { GridMapBuilder().add(make_grid(jinyuan, 1, Polygon())); }),
              "grid 37050200506601 has an empty shape");
    EXPECT_THROW(GridMapBuilder().add(make_grid(jinyuan, 1, rect(0, 0, 1, 1), -5)), InvalidInput);

    GridMapBuilder far(lonlat);
    far.add(make_grid(jinyuan, 1, rect(118.5, 37.4, 118.51, 37.41)))
        .add(make_grid(jinyuan, 2, rect(500'000, 4'140'000, 500'100, 4'140'100)));  // metres given as lon/lat
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)far.build(); }),
              "grid 37050200506602: point (500000, 4140000) is not a longitude in [-180, 180] and latitude in "
              "[-90, 90]");
    GridMapBuilder metric(metres);
    metric.add(make_grid(jinyuan, 2, rect(500'000, 4'140'000, 500'100, 4'140'100)));
    EXPECT_NO_THROW((void)metric.build());

    GridMapBuilder boundaries;
    boundaries.set_boundary(jinyuan, rect(0, 0, 1, 1));
    EXPECT_EQ(error_message<InvalidInput>([&] { boundaries.set_boundary(jinyuan, rect(0, 0, 2, 2)); }),
              "the boundary of 370502005066 is already set");
    EXPECT_THROW(boundaries.set_boundary(DivisionCode("370502005"), rect(0, 0, 1, 1)), InvalidInput);
    EXPECT_THROW(boundaries.set_boundary(village, Polygon()), InvalidInput);
}

TEST(GridMap, BuildAgainstTheDivisionTree) {
    DivisionTreeBuilder divisions;
    divisions.add(DivisionCode("37"), "山东省")
        .add(DivisionCode("3705"), "东营市")
        .add(DivisionCode("370502"), "东营区")
        .add(DivisionCode("370502005"), "胜利街道")
        .add(jinyuan, "锦苑社区居民委员会");
    const DivisionTree tree = divisions.build();
    EXPECT_EQ(two_by_two().build(tree).size(), 4U);

    GridMapBuilder unknown = two_by_two();
    unknown.add(make_grid(DivisionCode("370599001001"), 1, rect(200, 200, 210, 210)));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)unknown.build(tree); }),
              "grid 37059900100101: community 370599001001 is not in the division tree");
    GridMapBuilder unknown_village;
    unknown_village.add(make_grid(village, 1, rect(118.5, 37.4, 118.51, 37.41)));
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)unknown_village.build(tree); }),
              "grid 37050210220101: village 370502102201 is not in the division tree");
}

TEST(GridMap, KindNames) {
    EXPECT_EQ(to_string(GridKind::comprehensive), "comprehensive");
    EXPECT_EQ(chinese_name(GridKind::comprehensive), "综合网格");
    EXPECT_EQ(chinese_name(GridKind::school), "学校专属网格");
    for (GridKind kind : {GridKind::comprehensive, GridKind::school, GridKind::hospital, GridKind::enterprise,
                          GridKind::industrial_park, GridKind::business_district, GridKind::other_dedicated}) {
        EXPECT_EQ(parse_grid_kind(to_string(kind)), kind);
    }
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_grid_kind("schools"); }),
              "unknown grid kind 'schools' (expected comprehensive, school, hospital, enterprise, industrial_park, "
              "business_district or other_dedicated)");
}

TEST(GridMap, KindTablesInValueOrder) {
    std::size_t index = 0;
    for (const EnumName<GridKind>& entry : enum_names(GridKind{})) {
        EXPECT_EQ(static_cast<std::size_t>(entry.value), index++);
        EXPECT_EQ(to_string(entry.value), entry.name);
        EXPECT_EQ(chinese_name(entry.value), entry.chinese);
    }
    EXPECT_EQ(index, 7U);
    EXPECT_EQ(to_string(static_cast<GridKind>(99)), "unknown");
    EXPECT_EQ(chinese_name(static_cast<GridKind>(99)), "未知");
    EXPECT_EQ(to_string(CoverageFinding::Kind::overlap), "overlap");
    EXPECT_EQ(to_string(CoverageFinding::Kind::gap), "gap");
    EXPECT_EQ(to_string(CoverageFinding::Kind::outside), "outside");
    EXPECT_EQ(to_string(static_cast<CoverageFinding::Kind>(9)), "unknown");
    EXPECT_EQ(enum_names(CoordinateSystem{}).size(), 2U);
    EXPECT_EQ(enum_name(CoordinateSystem::metres), "metres");
}

}  // namespace
}  // namespace grassroots
