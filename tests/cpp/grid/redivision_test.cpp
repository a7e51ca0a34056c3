#include "grassroots/grid/redivision.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "grassroots/datasets/dongying.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
constexpr auto metres = CoordinateSystem::metres;

const DivisionCode jinyuan("370502005066");  // 锦苑社区 (residents' committee)
const DivisionCode other("370502005067");    // a neighbouring unit

Polygon rect(double x0, double y0, double x1, double y1) { return Polygon::rectangle({x0, y0}, {x1, y1}); }

Grid make_grid(DivisionCode unit, unsigned sequence, Polygon shape, std::int64_t households) {
    return Grid{GridCode::make(unit, sequence), GridKind::comprehensive, "第" + std::to_string(sequence) + "网格",
                std::move(shape), households};
}

// Three grids 100 m wide and 200 m tall, west to east: 01, 02, 03; and one grid of another unit.
GridMap toy_map() {
    GridMapBuilder builder(metres);
    builder.add(make_grid(jinyuan, 1, rect(0, 0, 100, 200), 0))
        .add(make_grid(jinyuan, 2, rect(100, 0, 200, 200), 0))
        .add(make_grid(jinyuan, 3, rect(200, 0, 300, 200), 0))
        .add(make_grid(other, 1, rect(300, 0, 400, 200), 123))
        .set_boundary(jinyuan, rect(0, 0, 300, 200));
    return builder.build();
}

struct Points {
    std::vector<Point> at;
    std::vector<std::int64_t> households;
    void add(double x, double y, std::int64_t h) {
        at.push_back({x, y});
        households.push_back(h);
    }
};

RedivisionOptions options(double adjacency_m = 50) {
    RedivisionOptions o;
    o.bands.urban = {300, 500};
    o.adjacency_m = adjacency_m;
    return o;
}


const Grid& by_code(const GridMap& map, const char* code) {
    const auto id = map.find(GridCode::parse(code));
    EXPECT_TRUE(id.has_value()) << code;
    return map.grid(*id);
}

TEST(Redivision, SplitsAnOversizedGridNorthFirstAndKeepsTheOthers) {
    const GridMap map = toy_map();
    Points b;
    b.add(50, 50, 200);
    b.add(50, 150, 200);   // 01: 400
    for (double y : {20.0, 60.0, 100.0, 140.0, 180.0}) {
        for (double x : {120.0, 150.0, 180.0}) b.add(x, y, 50);  // 02: 750, rows 40 m apart
    }
    b.add(250, 100, 350);  // 03: 350
    const Redivision r = redivide(map, jinyuan, b.at, b.households, options());
    ASSERT_EQ(r.map.size(), 5U);
    EXPECT_TRUE(r.remaining.empty());
    // 01 and 03 keep code, name and shape; 02 becomes 02 (north) and 04 (south).
    EXPECT_EQ(by_code(r.map, "37050200506601").name, "第1网格");
    EXPECT_EQ(by_code(r.map, "37050200506603").shape.bounds().min.x, 200);
    const Grid& north = by_code(r.map, "37050200506602");
    const Grid& south = by_code(r.map, "37050200506604");
    EXPECT_EQ(north.households, 450);
    EXPECT_EQ(south.households, 300);
    EXPECT_DOUBLE_EQ(north.shape.bounds().min.y, 80);
    EXPECT_DOUBLE_EQ(south.shape.bounds().max.y, 80);
    EXPECT_EQ(north.name, "第2网格（拆分一）");
    EXPECT_EQ(south.name, "第2网格（拆分二）");
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].kind, RedivisionChange::Kind::split);
    EXPECT_EQ(to_string(r.changes[0].kind), "split");
    EXPECT_EQ(r.changes[0].from.front().str(), "37050200506602");
    ASSERT_EQ(r.changes[0].to.size(), 2U);
    EXPECT_EQ(r.changes[0].to[1].str(), "37050200506604");
    // The other unit is copied unchanged; households are counted per new grid.
    EXPECT_EQ(by_code(r.map, "37050200506701").households, 123);
    ASSERT_EQ(r.households.size(), r.map.size());
    EXPECT_EQ(r.households[r.map.find(south.code)->value()], 300);
    EXPECT_TRUE(r.map.check_coverage(jinyuan).empty());
    EXPECT_TRUE(r.map.boundary(jinyuan) != nullptr);
}

TEST(Redivision, MergesAnUndersizedGridWithItsNeighbour) {
    const GridMap map = toy_map();
    Points b;
    b.add(50, 100, 400);   // 01
    b.add(150, 100, 350);  // 02
    b.add(250, 100, 100);  // 03: below 300; 02 + 03 = 450
    const Redivision r = redivide(map, jinyuan, b.at, b.households, options());
    ASSERT_EQ(r.map.size(), 3U);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].kind, RedivisionChange::Kind::merge);
    EXPECT_EQ(to_string(r.changes[0].kind), "merge");
    ASSERT_EQ(r.changes[0].from.size(), 2U);
    EXPECT_EQ(r.changes[0].from[0].str(), "37050200506602");
    EXPECT_EQ(r.changes[0].from[1].str(), "37050200506603");
    EXPECT_EQ(r.changes[0].to.front().str(), "37050200506602");  // the smallest free sequence
    const Grid& merged = by_code(r.map, "37050200506602");
    EXPECT_EQ(merged.households, 450);
    EXPECT_NEAR(merged.shape.area(metres), 200.0 * 200.0, 1e-6);
    EXPECT_FALSE(r.map.find(GridCode::parse("37050200506603")).has_value());
    EXPECT_TRUE(r.remaining.empty());
    EXPECT_TRUE(r.map.check_coverage(jinyuan).empty());
}

TEST(Redivision, NoMergeBeyondTheMaximumIsReported) {
    const GridMap map = toy_map();
    Points b;
    b.add(50, 100, 480);
    b.add(150, 100, 480);
    b.add(250, 100, 100);  // 03 cannot go with 02 (580 > 500)
    const Redivision r = redivide(map, jinyuan, b.at, b.households, options());
    EXPECT_EQ(r.map.size(), 4U);
    EXPECT_TRUE(r.changes.empty());
    ASSERT_EQ(r.remaining.size(), 1U);
    EXPECT_EQ(r.map.grid(r.remaining[0].grid).code.str(), "37050200506603");
    EXPECT_NE(r.remaining[0].message.find("no neighbouring grid"), std::string::npos) << r.remaining[0].message;
}

TEST(Redivision, DisconnectedClustersAreNotSplit) {
    const GridMap map = toy_map();
    Points b;
    b.add(50, 100, 400);
    b.add(110, 190, 300);  // two buildings in the north 80 m apart, one in the south
    b.add(190, 190, 300);
    b.add(150, 20, 300);
    b.add(250, 100, 400);
    const Redivision r = redivide(map, jinyuan, b.at, b.households, options());
    EXPECT_EQ(r.map.size(), 4U);
    EXPECT_TRUE(r.changes.empty());
    ASSERT_EQ(r.remaining.size(), 1U);
    EXPECT_EQ(r.map.grid(r.remaining[0].grid).code.str(), "37050200506602");
    EXPECT_EQ(r.remaining[0].households, 900);
    EXPECT_NE(r.remaining[0].message.find("not connected"), std::string::npos) << r.remaining[0].message;
}

TEST(Redivision, OneBuildingOverTheMaximumIsReported) {
    const GridMap map = toy_map();
    Points b;
    b.add(50, 100, 400);
    b.add(150, 100, 700);
    b.add(250, 100, 400);
    const Redivision r = redivide(map, jinyuan, b.at, b.households, options());
    EXPECT_TRUE(r.changes.empty());
    ASSERT_EQ(r.remaining.size(), 1U);
    EXPECT_NE(r.remaining[0].message.find("single building"), std::string::npos) << r.remaining[0].message;
}

TEST(Redivision, SyntheticJinyuan) {
    static const DivisionTree tree = datasets::dongying_divisions();
    const SyntheticCity city = synthetic_city(tree, DivisionCode("370502005"), 7);
    RedivisionOptions o;
    o.bands.urban = {300, 500};
    const auto before = city.map.grids_in(jinyuan);
    const Redivision r = redivide(city.map, jinyuan, city.buildings, city.households, o);
    // Seed 7: 574 households in 02 (split), 181 in 01 and 41 in 04 (each merged with a piece of 02).
    EXPECT_EQ(r.changes.size(), 3U);
    EXPECT_TRUE(r.remaining.empty());
    // Households conserved, in the unit and in the whole map.
    std::int64_t unit_before = 0;
    for (const GridId id : before) unit_before += city.map.grid(id).households;
    std::int64_t unit_after = 0;
    for (const GridId id : r.map.grids_in(jinyuan)) {
        unit_after += r.households[id.value()];
        EXPECT_EQ(r.households[id.value()], r.map.grid(id).households) << r.map.grid(id).code.str();
    }
    EXPECT_EQ(unit_before, unit_after);
    EXPECT_EQ(std::accumulate(r.households.begin(), r.households.end(), std::int64_t{0}),
              std::accumulate(city.households.begin(), city.households.end(), std::int64_t{0}));
    EXPECT_EQ(r.map.size() - r.map.grids_in(jinyuan).size(), city.map.size() - before.size());
    // Coverage still clean; every building of the unit in a grid of the unit.
    EXPECT_TRUE(r.map.check_coverage(jinyuan).empty());
    for (std::size_t i = 0; i < city.buildings.size(); ++i) {
        if (city.building_unit[i] != jinyuan) continue;
        const auto grid = r.map.locate(city.buildings[i]);
        ASSERT_TRUE(grid.has_value()) << i;
        EXPECT_EQ(r.map.grid(*grid).code.unit(), jinyuan);
    }
    // What is out of band is reported, with a reason; the rest is in band.
    std::size_t out_of_band = 0;
    for (const GridId id : r.map.grids_in(jinyuan)) {
        if (!o.bands.urban.contains(r.households[id.value()])) ++out_of_band;
    }
    EXPECT_EQ(out_of_band, r.remaining.size());
    for (const BandFinding& f : r.remaining) EXPECT_NE(f.message.find(": "), std::string::npos);
    std::size_t out_before = 0;
    for (const GridId id : before) {
        if (!o.bands.urban.contains(city.map.grid(id).households)) ++out_before;
    }
    EXPECT_LE(out_of_band, out_before);
    // Codes stay in the unit and are unique (the builder checks); a second pass changes nothing more.
    const Redivision again = redivide(r.map, jinyuan, city.buildings, city.households, o);
    EXPECT_TRUE(again.changes.empty());
}

TEST(Redivision, EveryUnitOfATownshipKeepsItsInvariants) {
    static const DivisionTree tree = datasets::dongying_divisions();
    const SyntheticCity city = synthetic_city(tree, DivisionCode("370502005"), 11);
    std::vector<DivisionCode> units;
    for (const Grid& g : city.map.grids()) units.push_back(g.code.unit());
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    ASSERT_GT(units.size(), 5U);
    std::size_t changed = 0;
    for (const DivisionCode unit : units) {
        SCOPED_TRACE(unit.str());
        const Redivision r = redivide(city.map, unit, city.buildings, city.households);
        changed += r.changes.size();
        EXPECT_TRUE(r.map.check_coverage(unit).empty());
        std::int64_t before = 0;
        for (const GridId id : city.map.grids_in(unit)) before += city.map.grid(id).households;
        std::int64_t after = 0;
        std::size_t out_of_band = 0;
        for (const GridId id : r.map.grids_in(unit)) {
            after += r.households[id.value()];
            const Grid& g = r.map.grid(id);
            if (!HouseholdBands{}.band(g.kind, unit)->contains(r.households[id.value()])) ++out_of_band;
        }
        EXPECT_EQ(before, after);
        EXPECT_EQ(out_of_band, r.remaining.size());
    }
    EXPECT_GT(changed, 0U);
}

TEST(Redivision, BadInput) {
    const GridMap map = toy_map();
    const std::vector<Point> points{{50, 50}};
    const std::vector<std::int64_t> two{1, 2};
    EXPECT_NE(error_message<InvalidInput>([&] { (void)redivide(map, jinyuan, points, two); }).find("1 buildings but 2"),
              std::string::npos);
    EXPECT_NE(error_message<NotFound>([&] { (void)redivide(map, DivisionCode("370502005068"), {}, {}); })
                  .find("has no grids"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([&] { (void)redivide(map, DivisionCode("370502005"), {}, {}); })
                  .find("village-level"),
              std::string::npos);
    const std::vector<std::int64_t> negative{-1};
    EXPECT_NE(error_message<InvalidInput>([&] { (void)redivide(map, jinyuan, points, negative); }).find("negative"),
              std::string::npos);
    RedivisionOptions bad;
    bad.adjacency_m = 0;
    EXPECT_NE(error_message<InvalidInput>([&] { (void)redivide(map, jinyuan, {}, {}, bad); }).find("adjacency_m"),
              std::string::npos);
}

TEST(Redivision, ChangeKindNames) {
    EXPECT_EQ(to_string(RedivisionChange::Kind::split), "split");
    EXPECT_EQ(to_string(RedivisionChange::Kind::merge), "merge");
    EXPECT_EQ(to_string(static_cast<RedivisionChange::Kind>(7)), "unknown");
    EXPECT_EQ(enum_names(RedivisionChange::Kind{}).size(), 2U);
}

}  // namespace
}  // namespace grassroots
