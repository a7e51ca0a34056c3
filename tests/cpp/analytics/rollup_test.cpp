// The roll-up against a brute-force count per unit on a synthetic year; scope and level filters;
// time buckets (days, Monday weeks, months) summing to the whole period.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analytics_test_support.hpp"
#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::cst;
using testing::dongying;
using testing::error_message;

const CaseTable& year_of_cases() {
    static const CaseTable table = CaseTable::synthetic(dongying(), {.cases = 30'000, .year = 2025, .seed = 11});
    return table;
}

KpiOptions year_2025() { return KpiOptions::dates(make_date(2025, 1, 1), make_date(2026, 1, 1)); }

/// Linear-interpolation percentile of sorted @p values (pandas' default).
double percentile(const std::vector<double>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(position);
    const double fraction = position - static_cast<double>(low);
    return fraction == 0.0 ? sorted[low] : sorted[low] + (sorted[low + 1] - sorted[low]) * fraction;
}

TEST(Rollup, EqualsABruteForceCountForEveryUnit) {
    const CaseTable& table = year_of_cases();
    const DivisionTree& tree = dongying();
    const KpiOptions options = year_2025();
    const KpiReport report = compute_kpis(table, options);
    const CaseColumns c = table.columns();
    const std::int64_t begin = options.begin.time_since_epoch().count();
    const std::int64_t end = options.end.time_since_epoch().count();
    std::vector<KpiCounts> expected(tree.size());
    std::vector<std::vector<double>> hours(tree.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (c.handling_due[i] < begin || c.handling_due[i] >= end) continue;
        const bool closed = c.closed_at[i] != CaseTable::null_time && c.closed_at[i] < end;
        const bool on_time = closed && c.handled_at[i] != CaseTable::null_time && c.handled_at[i] <= c.handling_due[i];
        KpiCounts one;
        one.cases = 1;
        one.deferred = c.deferred[i];
        one.with_deadline = 1;  // it is in the period by its deadline
        one.deferred_with_deadline = c.deferred[i];
        one.closed = closed;
        one.closed_deferred = closed && c.deferred[i] != 0;
        one.closed_after_cutoff = !closed && c.closed_at[i] != CaseTable::null_time;
        one.on_time = on_time;
        one.on_time_deferred = on_time && c.deferred[i] != 0;
        one.closed_late = closed && !on_time;
        one.overdue_open = !closed && c.handling_due[i] < end;
        one.rated = c.rated[i];
        one.responded = c.responded[i];
        one.resolved = c.resolved[i];
        one.satisfied = c.satisfied[i];
        one.reworks = c.reworks[i];
        one.reworked = c.reworks[i] > 0;
        one.escalations = c.escalations[i];
        for (const DivisionId unit : tree.path(c.unit[i])) {  // the unit and every ancestor
            expected[unit.value()] += one;
            if (closed) hours[unit.value()].push_back(std::min<double>(std::ceil(static_cast<double>(c.closed_at[i] - c.opened_at[i]) / 3600.0), 2160.0));
        }
    }
    for (const KpiRow& row : report.units()) {
        ASSERT_EQ(row.counts, expected[row.index]) << tree.code(DivisionId{row.index}).str();
        std::vector<double>& sorted = hours[row.index];
        if (sorted.empty()) continue;
        std::sort(sorted.begin(), sorted.end());
        ASSERT_DOUBLE_EQ(row.time_to_close.hours_p50, percentile(sorted, 0.5)) << row.index;
        ASSERT_DOUBLE_EQ(row.time_to_close.hours_p90, percentile(sorted, 0.9)) << row.index;
        ASSERT_DOUBLE_EQ(row.time_to_close.hours_p95, percentile(sorted, 0.95)) << row.index;
    }
    EXPECT_GT(report.unit(DivisionCode::parse("3705")).counts.cases, 28'000);
}

TEST(Rollup, GridRowsAgreeWithTheirUnits) {
    const CaseTable& table = year_of_cases();
    const KpiReport report = compute_kpis(table, year_2025());
    // Every case in a grid lies in the grid's unit: a unit's grid rows add up to at most its own.
    std::vector<KpiCounts> by_unit(dongying().size());
    for (const KpiRow& grid : report.grids()) {
        const DivisionId unit = report.grid_units()[grid.index];
        if (!unit.valid()) {  // a grid none of the cases lies in
            EXPECT_EQ(grid.counts.cases, 0);
            continue;
        }
        by_unit[unit.value()] += grid.counts;
    }
    std::int64_t in_grids = 0;
    for (const KpiRow& row : report.units()) {
        if (dongying().level(DivisionId{row.index}) != Level::village) continue;
        EXPECT_LE(by_unit[row.index].cases, row.counts.cases);
        in_grids += by_unit[row.index].cases;
    }
    const std::int64_t all = report.unit(DivisionCode::parse("37")).counts.cases;
    EXPECT_NEAR(static_cast<double>(in_grids) / static_cast<double>(all), 0.92, 0.01);
    // A grid's percentiles (selected from its values) match a brute force.
    const CaseColumns c = table.columns();
    const KpiRow& grid = report.grids()[0];
    std::vector<double> hours;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (c.grid[i] != 0 || c.handling_due[i] < year_2025().begin.time_since_epoch().count() ||
            c.handling_due[i] >= year_2025().end.time_since_epoch().count() || c.closed_at[i] == CaseTable::null_time ||
            c.closed_at[i] >= year_2025().end.time_since_epoch().count()) {
            continue;
        }
        hours.push_back(std::min<double>(std::ceil(static_cast<double>(c.closed_at[i] - c.opened_at[i]) / 3600.0), 2160.0));
    }
    std::sort(hours.begin(), hours.end());
    ASSERT_EQ(grid.time_to_close.closed, static_cast<std::int64_t>(hours.size()));
    EXPECT_DOUBLE_EQ(grid.time_to_close.hours_p90, percentile(hours, 0.9));
    EXPECT_DOUBLE_EQ(grid.time_to_close.hours_p50, percentile(hours, 0.5));
    // Matter rows add up to the cases with a matter (all of them here).
    KpiCounts matters;
    for (const KpiRow& row : report.matters()) matters += row.counts;
    EXPECT_EQ(matters, report.unit(DivisionCode::parse("37")).counts);
}

TEST(Rollup, ScopeAndLevelsLimitTheRows) {
    KpiOptions options = year_2025();
    options.scope = DivisionCode::parse("370502005");  // 胜利街道
    options.levels = {Level::prefecture, Level::township, Level::village};
    const KpiReport scoped = compute_kpis(year_of_cases(), options);
    const KpiReport whole = compute_kpis(year_of_cases(), year_2025());
    // The township's own subtree and its ancestors (at the asked levels) are listed.
    EXPECT_EQ(scoped.unit(DivisionCode::parse("370502005")).counts, whole.unit(DivisionCode::parse("370502005")).counts);
    EXPECT_EQ(scoped.unit(DivisionCode::parse("3705")).counts, whole.unit(DivisionCode::parse("370502005")).counts);
    EXPECT_EQ(scoped.unit(DivisionCode::parse("370502005066")).counts, whole.unit(DivisionCode::parse("370502005066")).counts);
    EXPECT_THAT(error_message<NotFound>([&] { (void)scoped.unit(DivisionCode::parse("370502")); }),
                HasSubstr("left out by levels or scope"));
    EXPECT_THROW((void)scoped.unit(DivisionCode::parse("370502006")), NotFound);
    EXPECT_THROW((void)scoped.unit(DivisionCode::parse("110101")), NotFound);
    const DivisionTree& tree = dongying();
    for (const KpiRow& row : scoped.units()) EXPECT_NE(tree.level(DivisionId{row.index}), Level::county);
}

TEST(Buckets, MonthsAddUpToTheYear) {
    const KpiReport year = compute_kpis(year_of_cases(), year_2025());
    const BucketReport months = compute_kpis_by_bucket(year_of_cases(), year_2025(), TimeBucket::month);
    ASSERT_EQ(months.starts().size(), 12U);
    EXPECT_EQ(months.starts()[0], make_date(2025, 1, 1));
    EXPECT_EQ(months.starts()[11], make_date(2025, 12, 1));
    ASSERT_EQ(months.rows().size(), 12U * dongying().size());
    EXPECT_EQ(months.bucket(), TimeBucket::month);
    for (const char* code : {"37", "370502", "370502005", "370502005066"}) {
        KpiCounts sum;
        for (const Date start : months.starts()) sum += months.row(DivisionCode::parse(code), start).counts;
        EXPECT_EQ(sum, year.unit(DivisionCode::parse(code)).counts) << code;
    }
    const KpiRow& march = months.row(DivisionCode::parse("3705"), make_date(2025, 3, 1));
    EXPECT_EQ(march.bucket, 2);
    EXPECT_EQ(months.start(march), make_date(2025, 3, 1));
    EXPECT_EQ(months.code(march), DivisionCode::parse("3705"));
    EXPECT_DOUBLE_EQ(march.rates.closure, static_cast<double>(march.counts.closed) / static_cast<double>(march.counts.cases));
    EXPECT_TRUE(std::isnan(march.time_to_close.hours_p50));
    EXPECT_THROW((void)months.row(DivisionCode::parse("3705"), make_date(2025, 3, 2)), NotFound);
    EXPECT_THROW((void)months.row(DivisionCode::parse("110101"), make_date(2025, 3, 1)), NotFound);
}

TEST(Buckets, WeeksStartOnMondayAndDaysAreCstDays) {
    // 2025-01-01 is a Wednesday: the first week bucket starts on Monday 30 December 2024.
    const BucketReport weeks = compute_kpis_by_bucket(year_of_cases(), year_2025(), TimeBucket::week);
    EXPECT_EQ(weeks.starts()[0], make_date(2024, 12, 30));
    EXPECT_EQ(weeks.starts()[1], make_date(2025, 1, 6));
    EXPECT_EQ(weeks.starts().back(), make_date(2025, 12, 29));
    EXPECT_EQ(weeks.starts().size(), 53U);
    for (const Date start : weeks.starts()) {
        EXPECT_EQ(std::chrono::weekday{std::chrono::sys_days{start}}, std::chrono::Monday);
    }
    // A case due at 23:30 CST on 3 March counts on 3 March (UTC would say the 3rd too, 15:30), and one
    // due at 00:30 CST on 4 March counts on the 4th (UTC: 16:30 on the 3rd).
    testing::TableBuilder b(dongying());
    b.add({.unit = "370502005066", .opened_at = cst(3, 1, 9), .handling_due = cst(3, 3, 23, 30)});
    b.add({.unit = "370502005066", .opened_at = cst(3, 1, 9), .handling_due = cst(3, 4, 0, 30)});
    const BucketReport days =
        compute_kpis_by_bucket(b.build(), KpiOptions::dates(make_date(2025, 3, 1), make_date(2025, 3, 8)), TimeBucket::day);
    ASSERT_EQ(days.starts().size(), 7U);
    EXPECT_EQ(days.row(DivisionCode::parse("370502005066"), make_date(2025, 3, 3)).counts.cases, 1);
    EXPECT_EQ(days.row(DivisionCode::parse("370502005066"), make_date(2025, 3, 4)).counts.cases, 1);
    EXPECT_EQ(days.row(DivisionCode::parse("3705"), make_date(2025, 3, 4)).counts.overdue_open, 1);
    EXPECT_EQ(to_string(TimeBucket::week), "week");
    EXPECT_EQ(chinese_name(TimeBucket::month), "月");
}

TEST(Buckets, FollowLevelsAndScope) {
    KpiOptions options = year_2025();
    options.levels = {Level::county};
    const BucketReport months = compute_kpis_by_bucket(year_of_cases(), options, TimeBucket::month);
    EXPECT_EQ(months.units().size(), 7U);
    EXPECT_EQ(months.rows().size(), 7U * 12U);
    EXPECT_THROW((void)months.row(DivisionCode::parse("3705"), make_date(2025, 1, 1)), NotFound);
}

}  // namespace
}  // namespace grassroots
