// The immutable reference data is documented as safe to query from several threads at once
// (DivisionTree, Calendar, GridMap): several threads query one shared object and must see what one
// thread sees. Run under ThreadSanitizer by scripts/sanitize (this file includes <thread>).
#include <gtest/gtest.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/grid/grid_map.hpp"

namespace grassroots {
namespace {

constexpr int thread_count = 4;

/// Runs @p query on thread_count threads at once and expects each to give what it gives alone.
template <class Query>
void expect_same_answers_concurrently(Query query) {
    using Answer = decltype(query());
    const Answer alone = query();
    std::vector<Answer> answers(thread_count);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&answers, &query, t] { answers[t] = query(); });
    }
    for (std::thread& thread : threads) thread.join();
    for (const auto& answer : answers) EXPECT_EQ(answer, alone);
}

TEST(ConcurrentReads, OneDivisionTreeAnswersSeveralThreadsAlike) {
    const DivisionTree tree = datasets::dongying_divisions();
    expect_same_answers_concurrently([&tree] {
        std::vector<std::uint64_t> seen;
        for (const DivisionId id : tree.ids()) {
            seen.push_back(tree.code(tree.path(id).front()).key() + tree.subtree_size(id));
            seen.push_back(tree.find(tree.code(id)).has_value() ? 1U : 0U);
        }
        const std::vector<std::int64_t> ones(tree.size(), 1);
        for (const std::int64_t total : tree.rollup(ones)) seen.push_back(static_cast<std::uint64_t>(total));
        return seen;
    });
}

TEST(ConcurrentReads, OneCalendarAnswersSeveralThreadsAlike) {
    const Calendar calendar = Calendar::china();
    expect_same_answers_concurrently([&calendar] {
        std::vector<std::int64_t> seen;
        using std::chrono::sys_days;
        for (sys_days day{make_date(2019, 1, 1)}; day < sys_days{make_date(2026, 12, 1)}; day += std::chrono::days(3)) {
            seen.push_back(calendar.is_working_day(day) ? 1 : 0);
            seen.push_back((sys_days{calendar.add_working_days(day, 5)} - day).count());
            seen.push_back(calendar.holiday_name(day).has_value() ? 1 : 0);
        }
        return seen;
    });
}

TEST(ConcurrentReads, OneGridMapLocatesForSeveralThreadsAlike) {
    GridMapBuilder builder(CoordinateSystem::lonlat);
    for (unsigned i = 1; i <= 20; ++i) {
        const double x = 118.5 + 0.01 * i;
        builder.add(Grid{GridCode::make(DivisionCode::parse("370502005066"), i), GridKind::comprehensive, "网格",
                         Polygon::rectangle({x, 37.4}, {x + 0.01, 37.41}), 100});
    }
    const GridMap map = builder.build();
    expect_same_answers_concurrently([&map] {
        std::vector<std::int64_t> seen;
        for (int step = 0; step < 2000; ++step) {
            const std::optional<GridId> grid = map.locate(Point{118.5 + 0.0001 * step, 37.405});
            seen.push_back(grid ? static_cast<std::int64_t>(grid->value()) : -1);
        }
        return seen;
    });
}

}  // namespace
}  // namespace grassroots
