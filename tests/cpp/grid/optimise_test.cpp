#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "grassroots/grid/posts.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
constexpr auto metres = CoordinateSystem::metres;

const DivisionCode jinyuan("370502005066");
const DivisionCode neighbour("370502005067");

GridWorker at(std::string name, DivisionCode home, std::optional<Point> location, bool elsewhere = false) {
    return GridWorker{std::move(name), home, std::nullopt, elsewhere, location};
}

// A 10 m square grid centred on (x, y).
Grid square(DivisionCode unit, unsigned sequence, double x, double y) {
    return Grid{GridCode::make(unit, sequence), GridKind::comprehensive, "网格",
                Polygon::rectangle({x - 5, y - 5}, {x + 5, y + 5}), 300};
}

std::vector<GridId> all_grids(const GridMap& map) {
    std::vector<GridId> ids;
    for (std::uint32_t g = 0; g < map.size(); ++g) ids.emplace_back(g);
    return ids;
}

// The independent reference distance (haversine, R = 6,371,008.8 m).
double reference_distance(Point a, Point b, CoordinateSystem system) {
    if (system == metres) return std::hypot(a.x - b.x, a.y - b.y);
    const double rad = std::acos(-1.0) / 180.0;
    const double s = std::sin((b.y - a.y) * rad / 2);
    const double t = std::sin((b.x - a.x) * rad / 2);
    const double h = s * s + std::cos(a.y * rad) * std::cos(b.y * rad) * t * t;
    return 2 * 6'371'008.8 * std::asin(std::sqrt(h));
}

TEST(Optimise, GreedyTakesTheNearestAndPaysLater) {
    // The 2 × 2 crossing: grids at x = 0 and x = 100; 甲 at x = 40 is nearest to both, 乙 at x = -50.
    // Greedy gives grid 01 甲 (40) and grid 02 乙 (150): the two trips cross; uncrossed they cost 110.
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(jinyuan, 2, 100, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const GridWorkerId jia = staffing.add_worker(at("甲", jinyuan, Point{40, 0}));
    const GridWorkerId yi = staffing.add_worker(at("乙", jinyuan, Point{-50, 0}));
    const std::vector<GridWorkerId> workers{jia, yi};
    const std::vector<GridId> grids = all_grids(map);

    const StaffingPlan greedy = greedy_full_time(staffing, grids, workers);
    EXPECT_EQ(greedy.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{jia, yi}));
    EXPECT_DOUBLE_EQ(greedy.total_distance_m, 40 + 150);
    EXPECT_DOUBLE_EQ(greedy.max_distance_m, 150);
    EXPECT_EQ(greedy.unstaffed, 0);

    const StaffingPlan best = optimise_full_time(staffing, grids, workers);
    EXPECT_EQ(best.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{yi, jia}));
    EXPECT_DOUBLE_EQ(best.total_distance_m, 50 + 60);
    EXPECT_DOUBLE_EQ(best.max_distance_m, 60);
    EXPECT_EQ(best.unstaffed, 0);
}

TEST(Optimise, WhenEachNearestWorkerIsFreeGreedyIsOptimal) {
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(jinyuan, 2, 100, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const GridWorkerId right = staffing.add_worker(at("右", jinyuan, Point{110, 0}));
    const GridWorkerId left = staffing.add_worker(at("左", jinyuan, Point{-10, 0}));
    const std::vector<GridWorkerId> workers{right, left};
    const std::vector<GridId> grids = all_grids(map);
    for (const StaffingPlan& plan : {optimise_full_time(staffing, grids, workers), greedy_full_time(staffing, grids, workers)}) {
        EXPECT_EQ(plan.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{left, right}));
        EXPECT_DOUBLE_EQ(plan.total_distance_m, 20);
        EXPECT_DOUBLE_EQ(plan.max_distance_m, 10);
    }
}

TEST(Optimise, FewestUnstaffedComeBeforeDistance) {
    // 锦苑's grid at x = 0, the neighbour's at x = 1000. 甲 may serve anywhere and lives beside
    // 锦苑's grid; 乙 lives 5 km away and may serve only 锦苑. Greedy gives 甲 to 锦苑 and leaves
    // the neighbour unstaffed; the optimiser sends 乙 the long way so that both grids are staffed.
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(neighbour, 1, 1000, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const GridWorkerId jia = staffing.add_worker(at("甲", jinyuan, Point{0, 10}, true));
    const GridWorkerId yi = staffing.add_worker(at("乙", jinyuan, Point{0, 5000}));
    const std::vector<GridWorkerId> workers{jia, yi};
    const std::vector<GridId> grids = all_grids(map);

    const StaffingPlan greedy = greedy_full_time(staffing, grids, workers);
    EXPECT_EQ(greedy.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{jia, std::nullopt}));
    EXPECT_EQ(greedy.unstaffed, 1);
    EXPECT_DOUBLE_EQ(greedy.total_distance_m, 10);

    const StaffingPlan best = optimise_full_time(staffing, grids, workers);
    EXPECT_EQ(best.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{yi, jia}));
    EXPECT_EQ(best.unstaffed, 0);
    EXPECT_DOUBLE_EQ(best.total_distance_m, 5000 + std::hypot(1000.0, 10.0));
    EXPECT_DOUBLE_EQ(best.max_distance_m, 5000);
}

TEST(Optimise, TooFewWorkersLeaveTheFarthestGridUnstaffed) {
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(jinyuan, 2, 100, 0)).add(square(jinyuan, 3, 200, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const GridWorkerId a = staffing.add_worker(at("甲", jinyuan, Point{0, 0}));
    const GridWorkerId b = staffing.add_worker(at("乙", jinyuan, Point{90, 0}));
    const std::vector<GridWorkerId> workers{a, b};
    const std::vector<GridId> grids = all_grids(map);
    for (const StaffingPlan& plan : {optimise_full_time(staffing, grids, workers), greedy_full_time(staffing, grids, workers)}) {
        EXPECT_EQ(plan.unstaffed, 1);
        EXPECT_EQ(plan.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{a, b, std::nullopt}));
        EXPECT_DOUBLE_EQ(plan.total_distance_m, 10);
        EXPECT_DOUBLE_EQ(plan.max_distance_m, 10);
    }
    // No candidates at all: every grid unstaffed.
    const StaffingPlan none = optimise_full_time(staffing, grids, {});
    EXPECT_EQ(none.unstaffed, 3);
    EXPECT_EQ(none.total_distance_m, 0);
}

TEST(Optimise, WorkersServeTheirOwnCommunityUnlessAllowed) {
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(neighbour, 1, 1000, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    // 丙 lives right on the neighbour's grid but belongs to 锦苑; 丁 belongs to the neighbour.
    const GridWorkerId bing = staffing.add_worker(at("丙", jinyuan, Point{1000, 0}));
    const GridWorkerId ding = staffing.add_worker(at("丁", neighbour, Point{0, 0}));
    const std::vector<GridWorkerId> workers{bing, ding};
    const std::vector<GridId> grids = all_grids(map);
    for (const StaffingPlan& plan : {optimise_full_time(staffing, grids, workers), greedy_full_time(staffing, grids, workers)}) {
        EXPECT_EQ(plan.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{bing, ding}));
        EXPECT_DOUBLE_EQ(plan.total_distance_m, 2000);
    }
    // Only 丙 as a candidate: he cannot take the neighbour's grid, which he lives on.
    const std::vector<GridWorkerId> only{bing};
    const StaffingPlan one = optimise_full_time(staffing, std::vector<GridId>{GridId{1}}, only);
    EXPECT_EQ(one.unstaffed, 1);
    EXPECT_EQ(one.worker_of_grid.size(), 2U);  // by grid id of the whole map
    EXPECT_FALSE(one.worker_of_grid[1]);
    // Allowed elsewhere, both take the grid they live on.
    GridStaffing allowed(map);
    const GridWorkerId bing2 = allowed.add_worker(at("丙", jinyuan, Point{1000, 0}, true));
    const GridWorkerId ding2 = allowed.add_worker(at("丁", neighbour, Point{0, 0}, true));
    const std::vector<GridWorkerId> both{bing2, ding2};
    const StaffingPlan best = optimise_full_time(allowed, grids, both);
    EXPECT_EQ(best.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{ding2, bing2}));
    EXPECT_DOUBLE_EQ(best.total_distance_m, 0);
}

TEST(Optimise, UnknownIdsThrowAndDuplicatesAreIgnored) {
    GridMapBuilder builder(metres);
    builder.add(square(jinyuan, 1, 0, 0)).add(square(jinyuan, 2, 100, 0));
    const GridMap map = builder.build();
    GridStaffing staffing(map);
    const GridWorkerId a = staffing.add_worker(at("甲", jinyuan, Point{0, 0}));
    const GridWorkerId nowhere = staffing.add_worker(at("乙", jinyuan, std::nullopt));  // distance 0 anywhere
    const std::vector<GridId> grids{GridId{1}, GridId{0}, GridId{1}};
    const std::vector<GridWorkerId> workers{a, a, nowhere};
    const StaffingPlan plan = optimise_full_time(staffing, grids, workers);
    EXPECT_EQ(plan.unstaffed, 0);
    EXPECT_EQ(plan.worker_of_grid, (std::vector<std::optional<GridWorkerId>>{a, nowhere}));
    EXPECT_DOUBLE_EQ(plan.total_distance_m, 0);
    EXPECT_EQ(error_message<NotFound>([&] { (void)optimise_full_time(staffing, std::vector<GridId>{GridId{5}}, workers); }),
              "no grid with id 5 in this map of 2 grids");
    EXPECT_EQ(error_message<NotFound>([&] {
                  (void)greedy_full_time(staffing, grids, std::vector<GridWorkerId>{GridWorkerId{9}});
              }),
              "grid worker 9 is not registered");
    const StaffingPlan empty = optimise_full_time(staffing, {}, workers);
    EXPECT_EQ(empty.worker_of_grid.size(), 2U);
    EXPECT_EQ(empty.unstaffed, 0);
}

// ---- the optimum against brute force ----------------------------------------------------------------

struct Instance {
    GridMap map;
    GridStaffing staffing;
    std::vector<GridId> grids;
    std::vector<GridWorkerId> workers;
    explicit Instance(GridMap m) : map(std::move(m)), staffing(map) {}
};

// Whole-metre cost of worker w in grid g, or -1 when not eligible.
std::int64_t pair_cost(const Instance& in, GridId g, GridWorkerId w) {
    const Grid& grid = in.map.grid(g);
    const GridWorker& who = in.staffing.worker(w);
    if (!who.may_serve_elsewhere && who.home != grid.code.unit()) return -1;
    if (!who.location) return 0;
    return std::llround(reference_distance(*who.location, grid.shape.centroid(), in.map.coordinates()));
}

// (unstaffed, total cost) of the best injective assignment, by exhaustive search.
std::pair<std::int64_t, std::int64_t> brute_force(const Instance& in) {
    std::pair<std::int64_t, std::int64_t> best{std::numeric_limits<std::int64_t>::max(), 0};
    std::vector<bool> taken(in.workers.size(), false);
    auto search = [&](auto&& self, std::size_t g, std::int64_t unstaffed, std::int64_t cost) -> void {
        if (g == in.grids.size()) {
            best = std::min(best, std::pair{unstaffed, cost});
            return;
        }
        self(self, g + 1, unstaffed + 1, cost);
        for (std::size_t w = 0; w < in.workers.size(); ++w) {
            if (taken[w]) continue;
            const std::int64_t c = pair_cost(in, in.grids[g], in.workers[w]);
            if (c < 0) continue;
            taken[w] = true;
            self(self, g + 1, unstaffed, cost + c);
            taken[w] = false;
        }
    };
    search(search, 0, 0, 0);
    return best;
}

// (unstaffed, total cost) of a plan, checking that it is a valid one.
std::pair<std::int64_t, std::int64_t> score(const Instance& in, const StaffingPlan& plan) {
    EXPECT_EQ(plan.worker_of_grid.size(), in.map.size());
    std::int64_t unstaffed = 0;
    std::int64_t cost = 0;
    double total = 0;
    std::vector<GridWorkerId> used;
    for (const GridId g : in.grids) {
        const auto& w = plan.worker_of_grid[g.value()];
        if (!w) {
            ++unstaffed;
            continue;
        }
        EXPECT_TRUE(std::find(in.workers.begin(), in.workers.end(), *w) != in.workers.end());
        EXPECT_TRUE(std::find(used.begin(), used.end(), *w) == used.end()) << "worker used twice";
        used.push_back(*w);
        const std::int64_t c = pair_cost(in, g, *w);
        EXPECT_GE(c, 0) << "ineligible worker";
        cost += c;
        const GridWorker& who = in.staffing.worker(*w);
        if (who.location) total += reference_distance(*who.location, in.map.grid(g).shape.centroid(), in.map.coordinates());
    }
    EXPECT_EQ(plan.unstaffed, unstaffed);
    EXPECT_NEAR(plan.total_distance_m, total, 1e-6 * (1 + total));
    return {unstaffed, cost};
}

TEST(Optimise, MatchesBruteForceOnSmallRandomInstances) {
    std::mt19937 rng(20260301);
    std::uniform_real_distribution<double> lon(118.45, 118.60);
    std::uniform_real_distribution<double> lat(37.35, 37.45);
    std::uniform_int_distribution<int> percent(0, 99);
    int greedy_worse = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const int n_grids = 1 + trial % 7;
        const int n_workers = trial % 9;  // from none to more than the grids
        GridMapBuilder builder;
        unsigned sequence[2] = {0, 0};
        for (int g = 0; g < n_grids; ++g) {
            const int c = percent(rng) < 60 ? 0 : 1;
            const double x = lon(rng);
            const double y = lat(rng);
            builder.add(Grid{GridCode::make(c == 0 ? jinyuan : neighbour, ++sequence[c]), GridKind::comprehensive,
                             "网格", Polygon::rectangle({x, y}, {x + 0.004, y + 0.003}), 300});
        }
        Instance in(builder.build());
        in.grids = all_grids(in.map);
        std::shuffle(in.grids.begin(), in.grids.end(), rng);
        for (int w = 0; w < n_workers; ++w) {
            const DivisionCode home = percent(rng) < 60 ? jinyuan : neighbour;
            const bool elsewhere = percent(rng) < 25;
            const std::optional<Point> where =
                percent(rng) < 10 ? std::nullopt : std::optional<Point>(Point{lon(rng), lat(rng)});
            in.workers.push_back(in.staffing.add_worker(at("员" + std::to_string(w), home, where, elsewhere)));
        }
        const auto expected = brute_force(in);
        const auto optimal = score(in, optimise_full_time(in.staffing, in.grids, in.workers));
        EXPECT_EQ(optimal, expected) << "trial " << trial;
        const auto greedy = score(in, greedy_full_time(in.staffing, in.grids, in.workers));
        EXPECT_LE(optimal, greedy) << "trial " << trial;
        if (optimal < greedy) ++greedy_worse;
    }
    EXPECT_GT(greedy_worse, 0);  // the instances are not all trivial
}

// @p communities communities of 5 grids (0.01° × 0.002° strips) around 118.5E 37.4N, 4–6 workers
// each living in their community; a share of them allowed to serve elsewhere.
Instance synthetic(unsigned communities, double elsewhere_share, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    GridMapBuilder builder;
    std::vector<DivisionCode> units;
    for (unsigned c = 0; c < communities; ++c) {
        const DivisionCode code = DivisionCode::parse("370502005" + std::to_string(1001 + c).substr(1));
        units.push_back(code);
        const double x0 = 118.40 + 0.01 * (c % 10);
        const double y0 = 37.30 + 0.01 * (c / 10);
        for (unsigned g = 0; g < 5; ++g) {
            builder.add(Grid{GridCode::make(code, g + 1), GridKind::comprehensive, "网格",
                             Polygon::rectangle({x0, y0 + 0.002 * g}, {x0 + 0.01, y0 + 0.002 * (g + 1)}), 300});
        }
    }
    Instance in(builder.build());
    in.grids = all_grids(in.map);
    for (unsigned c = 0; c < communities; ++c) {
        const int count = 4 + static_cast<int>(unit(rng) * 3);
        for (int w = 0; w < count; ++w) {
            const Point where{118.40 + 0.01 * (c % 10) + 0.01 * unit(rng), 37.30 + 0.01 * (c / 10) + 0.01 * unit(rng)};
            in.workers.push_back(in.staffing.add_worker(at("员", units[c], where, unit(rng) < elsewhere_share)));
        }
    }
    return in;
}

void expect_not_worse_than_greedy(const Instance& in) {
    const StaffingPlan best = optimise_full_time(in.staffing, in.grids, in.workers);
    const StaffingPlan greedy = greedy_full_time(in.staffing, in.grids, in.workers);
    EXPECT_LE(best.unstaffed, greedy.unstaffed);
    if (best.unstaffed == greedy.unstaffed) {
        EXPECT_LE(best.total_distance_m, greedy.total_distance_m + 0.5 * static_cast<double>(in.grids.size()));
    }
    EXPECT_LE(score(in, best), score(in, greedy));
    EXPECT_LT(score(in, best), score(in, greedy));  // these instances leave greedy room to err
}

TEST(Optimise, FiveHundredGridsOfSeparateCommunities) {
    // Nobody may serve elsewhere: 100 independent communities.
    expect_not_worse_than_greedy(synthetic(100, 0.0, 500));
}

TEST(Optimise, OneHundredGridsLinkedByWorkersAllowedElsewhere) {
    // One worker in ten may serve anywhere, which links every community into one problem.
    expect_not_worse_than_greedy(synthetic(20, 0.1, 100));
}

}  // namespace
}  // namespace grassroots
