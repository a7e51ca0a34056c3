// Each KPI formula on small hand-computed cases, the published check (23,974 of 24,932 = 96.16 %;
// 22,345 on time = 89.62 %), the options (deferred cases, on time by handling or by closing, the
// period basis, the cut-off), empty denominators and bad options.
#include "grassroots/analytics/kpi.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <set>

#include "analytics_test_support.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using testing::CaseRow;
using testing::cst;
using testing::dongying;
using testing::error_message;
using testing::TableBuilder;

constexpr const char* unit_a = "370502005066";  // 锦苑社区, 胜利街道, 东营区
constexpr const char* unit_b = "370502005058";  // 龙潭社区, 胜利街道
constexpr const char* unit_c = "370502006002";  // 东现河社区, 胜园街道, 东营区
constexpr const char* unit_d = "370503001002";  // 河滨路居委会, 河口街道, 河口区

/// Eight cases of March 2025 (see docs/analytics.md, "A worked example").
CaseTable march_cases() {
    TableBuilder b(dongying());
    // 1: handled and closed on time; rated yes/yes/yes.
    b.add({.unit = unit_a, .opened_at = cst(3, 3, 9), .handling_due = cst(3, 10, 17, 30), .closed_at = cst(3, 7, 15),
           .handled_at = cst(3, 7, 10), .grid = 0, .matter = 0, .responded = true, .resolved = true, .satisfied = true});
    // 2: handled late; one rework, one escalation; rated yes/no/no.
    b.add({.unit = unit_a, .opened_at = cst(3, 4, 9), .handling_due = cst(3, 11, 17, 30), .closed_at = cst(3, 12, 11),
           .handled_at = cst(3, 12, 9), .grid = 0, .matter = 0, .responded = true, .resolved = false, .satisfied = false,
           .reworks = 1, .escalations = 1});
    // 3: deferred; handled on time but closed after the deadline.
    b.add({.unit = unit_a, .opened_at = cst(3, 5, 9), .handling_due = cst(3, 12, 17, 30), .closed_at = cst(3, 13, 10),
           .handled_at = cst(3, 12, 17), .grid = 1, .matter = 1, .deferred = true});
    // 4: open and overdue.
    b.add({.unit = unit_b, .opened_at = cst(3, 10, 9), .handling_due = cst(3, 17, 17, 30), .escalations = 2});
    // 5: open, due in April.
    b.add({.unit = unit_b, .opened_at = cst(3, 20, 9), .handling_due = cst(4, 2, 17, 30)});
    // 6: filed in February, due and closed in March.
    b.add({.unit = unit_c, .opened_at = cst(2, 25, 9), .handling_due = cst(3, 4, 17, 30), .closed_at = cst(3, 3, 12),
           .handled_at = cst(3, 3, 9), .matter = 1});
    // 7: deferred; closed on 2 April, after the cut-off: open and overdue at the cut-off.
    b.add({.unit = unit_c, .opened_at = cst(3, 25, 9), .handling_due = cst(3, 31, 17, 30), .closed_at = cst(4, 2, 10),
           .handled_at = cst(3, 31, 16), .deferred = true});
    // 8: on time; two reworks; rated yes/yes/no.
    b.add({.unit = unit_d, .opened_at = cst(3, 6, 9), .handling_due = cst(3, 13, 17, 30), .closed_at = cst(3, 13, 10),
           .handled_at = cst(3, 13, 9), .grid = 2, .matter = 1, .responded = true, .resolved = true, .satisfied = false,
           .reworks = 2});
    return b.build({"37050200506601", "37050200506602", "37050300100201"}, {"event:0502", "component:0101"});
}

KpiOptions march() { return KpiOptions::dates(make_date(2025, 3, 1), make_date(2025, 4, 1)); }

/// Counts of a row whose cases all have a handling deadline (as under the default basis).
KpiCounts counts(std::int64_t cases, std::int64_t deferred, std::int64_t closed, std::int64_t closed_deferred,
                 std::int64_t on_time, std::int64_t on_time_deferred, std::int64_t closed_late, std::int64_t overdue_open,
                 std::int64_t rated, std::int64_t responded, std::int64_t resolved, std::int64_t satisfied,
                 std::int64_t reworks, std::int64_t reworked, std::int64_t escalations, std::int64_t closed_after_cutoff = 0) {
    return {.cases = cases, .deferred = deferred, .with_deadline = cases, .deferred_with_deadline = deferred,
            .closed = closed, .closed_deferred = closed_deferred, .closed_after_cutoff = closed_after_cutoff,
            .on_time = on_time, .on_time_deferred = on_time_deferred, .closed_late = closed_late,
            .overdue_open = overdue_open, .rated = rated, .responded = responded, .resolved = resolved,
            .satisfied = satisfied, .reworks = reworks, .reworked = reworked, .escalations = escalations};
}

const KpiRow& row(const KpiReport& report, const char* code) { return report.unit(DivisionCode::parse(code)); }

TEST(Kpis, CountEveryNumeratorAndDenominatorPerUnit) {
    const CaseTable table = march_cases();
    const KpiReport report = compute_kpis(table, march());
    EXPECT_EQ(row(report, unit_a).counts, counts(3, 1, 3, 1, 2, 1, 1, 0, 2, 2, 1, 1, 1, 1, 1));
    EXPECT_EQ(row(report, unit_b).counts, counts(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2));
    EXPECT_EQ(row(report, unit_c).counts, counts(2, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1));
    EXPECT_EQ(row(report, unit_d).counts, counts(1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 2, 1, 0));
    // Rolled up: township, county, city and province.
    EXPECT_EQ(row(report, "370502005").counts, counts(4, 1, 3, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 3));
    EXPECT_EQ(row(report, "370502006").counts, row(report, unit_c).counts);
    EXPECT_EQ(row(report, "370502").counts, counts(6, 2, 4, 1, 3, 1, 1, 2, 2, 2, 1, 1, 1, 1, 3, 1));
    EXPECT_EQ(row(report, "370503").counts, row(report, unit_d).counts);
    EXPECT_EQ(row(report, "3705").counts, counts(7, 2, 5, 1, 4, 1, 1, 2, 3, 3, 2, 1, 3, 2, 3, 1));
    EXPECT_EQ(row(report, "37").counts, row(report, "3705").counts);
    EXPECT_EQ(report.units().size(), dongying().size());
    const KpiRow& township = row(report, "370502005");
    EXPECT_EQ(report.code(township), DivisionCode::parse("370502005"));
    EXPECT_EQ(report.name(township), "胜利街道");
    EXPECT_EQ(report.level(township), Level::township);
    EXPECT_EQ(report.cutoff(), china_time(make_date(2025, 4, 1), std::chrono::minutes(0)));
}

TEST(Kpis, ComputeEveryRateFromTheSummedCounts) {
    const KpiReport report = compute_kpis(march_cases(), march());
    const KpiRates a = row(report, unit_a).rates;
    EXPECT_DOUBLE_EQ(a.closure, 1.0);
    EXPECT_DOUBLE_EQ(a.on_time_closure, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(a.response, 1.0);
    EXPECT_DOUBLE_EQ(a.resolution, 0.5);
    EXPECT_DOUBLE_EQ(a.satisfaction, 0.5);
    EXPECT_DOUBLE_EQ(a.rework, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(a.rework_share, 1.0 / 3.0);
    // 胜利街道: 3 of 4 closed = 75 %, not the average of its communities' 100 % and 0 %.
    EXPECT_DOUBLE_EQ(row(report, "370502005").rates.closure, 0.75);
    const KpiRates city = row(report, "3705").rates;
    EXPECT_DOUBLE_EQ(city.closure, 5.0 / 7.0);
    EXPECT_DOUBLE_EQ(city.on_time_closure, 4.0 / 7.0);
    EXPECT_DOUBLE_EQ(city.response, 1.0);
    EXPECT_DOUBLE_EQ(city.resolution, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(city.satisfaction, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(city.rework, 3.0 / 7.0);
    EXPECT_DOUBLE_EQ(city.rework_share, 2.0 / 7.0);
}

TEST(Kpis, ReportEmptyDenominatorsAsNaNNotZero) {
    const KpiReport report = compute_kpis(march_cases(), march());
    const KpiRow& b = row(report, unit_b);
    EXPECT_DOUBLE_EQ(b.rates.closure, 0.0);          // one case due, none closed: a real 0
    EXPECT_TRUE(std::isnan(b.rates.response));      // nobody rated
    EXPECT_TRUE(std::isnan(b.time_to_close.hours_p50));  // nothing closed
    const KpiRow& empty = row(report, "370502005059");  // 共建社区: no cases
    EXPECT_EQ(empty.counts, KpiCounts{});
    for (const double rate : {empty.rates.closure, empty.rates.on_time_closure, empty.rates.response, empty.rates.resolution,
                              empty.rates.satisfaction, empty.rates.rework, empty.rates.rework_share}) {
        EXPECT_TRUE(std::isnan(rate));
    }
}

TEST(Kpis, CanLeaveDeferredCasesOutOfTheClosureRates) {
    KpiOptions options = march();
    options.exclude_deferred = true;
    const KpiReport report = compute_kpis(march_cases(), options);
    EXPECT_DOUBLE_EQ(row(report, unit_a).rates.closure, 1.0);          // (3 − 1) / (3 − 1)
    EXPECT_DOUBLE_EQ(row(report, unit_a).rates.on_time_closure, 0.5);  // (2 − 1) / (3 − 1)
    EXPECT_DOUBLE_EQ(row(report, unit_c).rates.closure, 1.0);          // (1 − 0) / (2 − 1)
    EXPECT_DOUBLE_EQ(row(report, "370502").rates.closure, 0.75);       // (4 − 1) / (6 − 2)
    EXPECT_DOUBLE_EQ(row(report, "370502").rates.on_time_closure, 0.5);  // (3 − 1) / (6 − 2)
    EXPECT_DOUBLE_EQ(row(report, "370502").rates.rework, 1.0 / 6.0);  // other rates keep every case
    EXPECT_EQ(row(report, "370502").counts, row(compute_kpis(march_cases(), march()), "370502").counts);
    // Only deferred cases: the denominator is empty.
    TableBuilder only(dongying());
    only.add({.unit = unit_a, .opened_at = cst(3, 3, 9), .handling_due = cst(3, 10, 17, 30), .deferred = true});
    EXPECT_TRUE(std::isnan(compute_kpis(only.build(), options).unit(DivisionCode::parse(unit_a)).rates.closure));
}

TEST(Kpis, OnTimeByHandlingOrByClosing) {
    KpiOptions options = march();
    options.on_time = OnTimeRule::by_closing;
    const KpiReport report = compute_kpis(march_cases(), options);
    EXPECT_EQ(row(report, unit_a).counts.on_time, 1);  // case 3 was handled in time but closed after the deadline
    EXPECT_EQ(row(report, unit_a).counts.closed_late, 2);
    EXPECT_DOUBLE_EQ(row(report, unit_a).rates.on_time_closure, 1.0 / 3.0);
    EXPECT_EQ(to_string(OnTimeRule::by_closing), "by_closing");
    EXPECT_EQ(chinese_name(OnTimeRule::by_handling), "按期处置");
}

TEST(Kpis, OneTableServesTheNamesOfBasesRulesAndBuckets) {
    EXPECT_EQ(enum_names(PeriodBasis{}).size(), 2U);
    EXPECT_EQ(enum_names(OnTimeRule{}).size(), 2U);
    const auto buckets = enum_names(TimeBucket{});
    ASSERT_EQ(buckets.size(), 3U);
    for (std::size_t i = 0; i < buckets.size(); ++i) EXPECT_EQ(static_cast<std::size_t>(buckets[i].value), i);
    EXPECT_EQ(to_string(TimeBucket::week), "week");
    EXPECT_EQ(chinese_name(TimeBucket::month), "月");
    EXPECT_EQ(chinese_name(OnTimeRule::by_closing), "按期结案");
}

TEST(Kpis, PeriodByHandlingDeadlineOrByFiling) {
    KpiOptions options = march();
    options.basis = PeriodBasis::opened;
    const KpiReport report = compute_kpis(march_cases(), options);
    EXPECT_EQ(row(report, unit_b).counts.cases, 2);  // case 5 (due in April) joins
    EXPECT_EQ(row(report, unit_b).counts.overdue_open, 1);  // it is not overdue at the cut-off
    EXPECT_EQ(row(report, unit_c).counts.cases, 1);  // case 6 (filed in February) leaves
    EXPECT_EQ(row(report, "3705").counts.cases, 7);
    EXPECT_EQ(to_string(PeriodBasis::opened), "opened");
    EXPECT_EQ(chinese_name(PeriodBasis::handling_due), "应结案");
}

TEST(Kpis, CountCasesClosedAfterTheCutoffAsOpen) {
    KpiOptions options = march();
    options.cutoff = Instant{std::chrono::seconds{cst(4, 3, 0)}};
    const KpiReport later = compute_kpis(march_cases(), options);
    EXPECT_EQ(row(later, unit_c).counts.closed, 2);  // case 7 closed on 2 April
    EXPECT_EQ(row(later, unit_c).counts.overdue_open, 0);
    EXPECT_EQ(row(later, unit_c).counts.closed_late, 0);  // handled by the deadline
    options.cutoff = Instant{std::chrono::seconds{cst(3, 12, 10)}};
    const KpiReport earlier = compute_kpis(march_cases(), options);
    EXPECT_EQ(row(earlier, unit_a).counts.closed, 1);  // cases 2 and 3 closed later
    EXPECT_EQ(row(earlier, unit_a).counts.overdue_open, 1);  // case 2 was due on 11 March
}

TEST(Kpis, PinThePublishedCheck) {
    // 24,932 cases due; 23,974 closed, 22,345 of them on time (spread over two townships).
    TableBuilder b(dongying());
    for (int i = 0; i < 24'932; ++i) {
        CaseRow r{.unit = i % 2 == 0 ? unit_a : unit_c, .opened_at = cst(3, 3, 9), .handling_due = cst(3, 10, 17, 30)};
        if (i < 23'974) {
            r.handled_at = i < 22'345 ? cst(3, 7, 9) : cst(3, 11, 9);
            r.closed_at = r.handled_at + 3'600;
        }
        b.add(r);
    }
    const KpiReport report = compute_kpis(b.build(), march());
    const KpiRow& city = row(report, "3705");
    EXPECT_EQ(city.counts.cases, 24'932);
    EXPECT_EQ(city.counts.closed, 23'974);
    EXPECT_EQ(city.counts.on_time, 22'345);
    EXPECT_EQ(city.counts.closed_late, 23'974 - 22'345);
    EXPECT_EQ(city.counts.overdue_open, 24'932 - 23'974);
    EXPECT_DOUBLE_EQ(std::round(city.rates.closure * 10'000.0) / 100.0, 96.16);
    EXPECT_DOUBLE_EQ(std::round(city.rates.on_time_closure * 10'000.0) / 100.0, 89.62);
    EXPECT_DOUBLE_EQ(city.rates.closure, 23'974.0 / 24'932.0);
    EXPECT_DOUBLE_EQ(row(report, "370502").rates.on_time_closure, 22'345.0 / 24'932.0);
}

TEST(Kpis, TimeToCloseInHoursAndWorkingDays) {
    const Calendar china = Calendar::china();
    KpiOptions options = march();
    options.calendar = &china;
    const KpiReport report = compute_kpis(march_cases(), options);
    // 锦苑: 102, 193 and 194 hours; 4, 6 and 6 working days.
    const TimeToClose& a = row(report, unit_a).time_to_close;
    EXPECT_EQ(a.closed, 3);
    EXPECT_DOUBLE_EQ(a.hours_p50, 193.0);
    EXPECT_DOUBLE_EQ(a.hours_p90, 193.0 + 0.8 * 1.0);
    EXPECT_DOUBLE_EQ(a.hours_p95, 193.0 + 0.9 * 1.0);
    EXPECT_DOUBLE_EQ(a.working_days_p50, 6.0);
    EXPECT_DOUBLE_EQ(a.working_days_p95, 6.0);
    // The city: 102, 147, 169, 193, 194 hours; 4, 4, 5, 6, 6 working days.
    const TimeToClose& city = row(report, "3705").time_to_close;
    EXPECT_EQ(city.closed, 5);
    EXPECT_DOUBLE_EQ(city.hours_p50, 169.0);
    EXPECT_DOUBLE_EQ(city.hours_p90, 193.0 + (0.9 * 4.0 - 3.0) * 1.0);
    EXPECT_DOUBLE_EQ(city.hours_p95, 193.0 + (0.95 * 4.0 - 3.0) * 1.0);
    EXPECT_DOUBLE_EQ(city.working_days_p50, 5.0);
    EXPECT_DOUBLE_EQ(city.working_days_p90, 6.0);
    // Without a calendar, no working days.
    EXPECT_TRUE(std::isnan(row(compute_kpis(march_cases(), march()), "3705").time_to_close.working_days_p50));
}

TEST(Kpis, WorkingDaysSkipTheNationalDayHoliday) {
    // Filed Tuesday 30 September 2025, closed Thursday 9 October: 1–8 October are off, so only the
    // 9th is a working day after the filing day; 9 days and 2 hours are 218 hours.
    TableBuilder b(dongying());
    b.add({.unit = unit_a, .opened_at = cst(9, 30, 9), .handling_due = cst(10, 10, 17, 30), .closed_at = cst(10, 9, 11),
           .handled_at = cst(10, 9, 10)});
    const Calendar china = Calendar::china();
    KpiOptions options = KpiOptions::dates(make_date(2025, 10, 1), make_date(2025, 11, 1));
    options.calendar = &china;
    const KpiReport report = compute_kpis(b.build(), options);
    const TimeToClose& t = report.unit(DivisionCode::parse(unit_a)).time_to_close;
    EXPECT_DOUBLE_EQ(t.working_days_p50, 1.0);
    EXPECT_DOUBLE_EQ(t.hours_p50, 218.0);
}

TEST(Kpis, RoundHoursUpAndCapThem) {
    TableBuilder b(dongying());
    b.add({.unit = unit_a, .opened_at = cst(3, 3, 9), .handling_due = cst(3, 10, 17, 30), .closed_at = cst(3, 3, 9, 1),
           .handled_at = cst(3, 3, 9)});
    b.add({.unit = unit_b, .opened_at = cst(1, 2, 9), .handling_due = cst(3, 10, 17, 30), .closed_at = cst(3, 28, 9),
           .handled_at = cst(3, 28, 9)});
    KpiOptions options = march();
    options.cap_hours = 1'000;
    const KpiReport report = compute_kpis(b.build(), options);
    EXPECT_DOUBLE_EQ(row(report, unit_a).time_to_close.hours_p50, 1.0);     // one minute is one hour
    EXPECT_DOUBLE_EQ(row(report, unit_b).time_to_close.hours_p50, 1'000.0);  // 85 days capped
    EXPECT_DOUBLE_EQ(row(report, "370502005").time_to_close.hours_p50, 500.5);
}

TEST(Kpis, GridAndMatterRows) {
    const KpiReport report = compute_kpis(march_cases(), march());
    ASSERT_EQ(report.grids().size(), 3U);
    const KpiRow& grid = report.grid("37050200506601");
    EXPECT_EQ(grid.counts.cases, 2);
    EXPECT_EQ(grid.counts.on_time, 1);
    EXPECT_DOUBLE_EQ(grid.time_to_close.hours_p50, 148.0);
    EXPECT_DOUBLE_EQ(grid.time_to_close.hours_p90, 102.0 + 92.0 * 0.9);
    EXPECT_EQ(report.grid_units()[2], dongying().at(DivisionCode::parse(unit_d)));
    const KpiRow& matter = report.matter("component:0101");
    EXPECT_EQ(matter.counts.cases, 3);
    EXPECT_EQ(matter.counts.closed, 3);
    EXPECT_DOUBLE_EQ(matter.time_to_close.hours_p50, 169.0);
    EXPECT_EQ(report.matters().size(), 2U);
    EXPECT_THROW((void)report.grid("nope"), NotFound);
    EXPECT_THROW((void)report.matter("event:9999"), NotFound);
    KpiOptions without = march();
    without.grids = false;
    without.matters = false;
    const KpiReport lean = compute_kpis(march_cases(), without);
    EXPECT_TRUE(lean.grids().empty());
    EXPECT_TRUE(lean.matters().empty());
}

TEST(Kpis, RefuseBadOptions) {
    const CaseTable table = march_cases();
    KpiOptions options = march();
    options.end = options.begin;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)compute_kpis(table, options); }),
                HasSubstr("field 'end': the period is empty"));
    options = march();
    options.cap_hours = 0;
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)compute_kpis(table, options); }),
                HasSubstr("cap_hours is 0 (expected 1–65,535)"));
    options = march();
    options.scope = DivisionCode::parse("110101");
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)compute_kpis(table, options); }),
                HasSubstr("scope 110101 is not a unit of the tree"));
    options = march();
    const Calendar empty;  // no notices: 2025 is not covered
    options.calendar = &empty;
    EXPECT_THROW((void)compute_kpis(table, options), NotFound);
}

// ---- no silent empties (issue 15 item 2) -------------------------------------------------------------

/// Three cases known only by unit, filing and closing: no handling deadline, no handling time.
CaseTable cases_without_deadlines() {
    TableBuilder b(dongying());
    b.add({.unit = unit_a, .opened_at = cst(3, 3, 9), .closed_at = cst(3, 7, 15)});
    b.add({.unit = unit_a, .opened_at = cst(3, 4, 9)});
    b.add({.unit = unit_b, .opened_at = cst(3, 10, 9), .closed_at = cst(3, 12, 10)});
    return b.build();
}

const KpiDiagnostic* find_diagnostic(std::span<const KpiDiagnostic> all, std::string_view kpi) {
    for (const KpiDiagnostic& d : all) {
        if (std::find(d.kpis.begin(), d.kpis.end(), kpi) != d.kpis.end()) return &d;
    }
    return nullptr;
}

TEST(KpiEmpties, RefuseAColumnTheOptionsNeedThatNoCaseHas) {
    const CaseTable table = cases_without_deadlines();
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)compute_kpis(table, march()); }),
                HasSubstr("field 'basis': the period basis handling_due (应结案: a case counts in the period of its handling "
                          "deadline) needs the column handling_due"));
    EXPECT_THROW((void)compute_kpis_by_bucket(table, march(), TimeBucket::week), InvalidInput);
    TableBuilder b(dongying());
    b.add({.unit = unit_a, .opened_at = cst(3, 3, 9), .handling_due = cst(3, 10, 17, 30), .closed_at = cst(3, 7, 15)});
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)compute_kpis(b.build(), march()); }),
                HasSubstr("field 'on_time': the on-time rule by_handling (按期处置: handled by the handling deadline) needs "
                          "the column handled_at"));
    KpiOptions by_closing = march();
    by_closing.on_time = OnTimeRule::by_closing;
    EXPECT_DOUBLE_EQ(compute_kpis(b.build(), by_closing).unit(DivisionCode::parse(unit_a)).rates.on_time_closure, 1.0);
}

TEST(KpiEmpties, OnTimeNeedsADeadlineUnderBasisOpened) {
    KpiOptions options = march();
    options.basis = PeriodBasis::opened;
    const KpiReport report = compute_kpis(cases_without_deadlines(), options);
    const KpiRow& city = row(report, "3705");
    EXPECT_DOUBLE_EQ(city.rates.closure, 2.0 / 3.0);
    EXPECT_TRUE(std::isnan(city.rates.on_time_closure));  // not 结案率 again: no case has a deadline
    EXPECT_EQ(city.counts.with_deadline, 0);
    EXPECT_EQ(city.counts.closed_late, 0);
    const KpiDiagnostic* d = find_diagnostic(report.diagnostics(), "on_time_closure_rate");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->kind, KpiDiagnosticKind::undefined_rate);
    EXPECT_THAT(d->message, HasSubstr("handling_due"));
    // With the worked example's deadlines, basis opened keeps 按期结案率 over the cases that have one.
    const KpiReport with_deadlines = compute_kpis(march_cases(), options);  // the row refers into it
    const KpiRow& b = row(with_deadlines, unit_b);
    EXPECT_EQ(b.counts.with_deadline, 2);
    EXPECT_DOUBLE_EQ(b.rates.on_time_closure, 0.0);
}

TEST(KpiEmpties, ReportAPeriodWithoutCases) {
    const KpiReport report = compute_kpis(march_cases(), KpiOptions::dates(make_date(2030, 1, 1), make_date(2030, 2, 1)));
    ASSERT_EQ(report.diagnostics().size(), 1U);
    const KpiDiagnostic& d = report.diagnostics()[0];
    EXPECT_EQ(d.kind, KpiDiagnosticKind::empty_period);
    EXPECT_THAT(d.message, HasSubstr("no case of the table falls in the period 2030-01-01"));
    EXPECT_EQ(to_string(d.kind), "empty_period");
    EXPECT_EQ(enum_names(KpiDiagnosticKind{}).size(), 2U);
}

TEST(KpiEmpties, ReportUndefinedRatesByKpiAndUnit) {
    const KpiReport report = compute_kpis(march_cases(), march());
    const KpiDiagnostic* d = find_diagnostic(report.diagnostics(), "response_rate");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->kpis, (std::vector<std::string>{"response_rate", "resolution_rate", "satisfaction_rate"}));
    EXPECT_EQ(d->count, 3);  // 龙潭社区, 东现河社区 and 胜园街道 have cases, none rated
    EXPECT_EQ(d->units.front(), DivisionCode::parse(unit_b));
    EXPECT_THAT(d->message, HasSubstr("370502005058 龙潭社区"));
    EXPECT_EQ(find_diagnostic(report.diagnostics(), "closure_rate"), nullptr);  // every unit with cases has one
}

TEST(KpiEmpties, ReportBucketsWithoutCases) {
    const BucketReport spring = compute_kpis_by_bucket(
        march_cases(), KpiOptions::dates(make_date(2025, 3, 1), make_date(2025, 6, 1)), TimeBucket::month);
    ASSERT_FALSE(spring.diagnostics().empty());
    EXPECT_EQ(spring.diagnostics()[0].kind, KpiDiagnosticKind::empty_period);
    EXPECT_THAT(spring.diagnostics()[0].message, HasSubstr("1 of 3 month buckets hold no case (2025-05-01)"));
}

TEST(KpiEmpties, CountCasesClosedAfterTheCutoff) {
    EXPECT_EQ(row(compute_kpis(march_cases(), march()), unit_c).counts.closed_after_cutoff, 1);  // case 7
    KpiOptions options = march();
    options.cutoff = Instant{std::chrono::seconds{cst(4, 3, 0)}};
    EXPECT_EQ(row(compute_kpis(march_cases(), options), unit_c).counts.closed_after_cutoff, 0);
}

TEST(KpiDefinitions, CarryFormulaSourceAndOptions) {
    std::set<std::string> ids;
    for (const KpiDefinition& d : kpi_definitions()) {
        EXPECT_TRUE(ids.insert(d.id).second) << d.id;
        EXPECT_FALSE(d.chinese_name.empty()) << d.id;
        EXPECT_FALSE(d.formula.empty()) << d.id;
        EXPECT_FALSE(d.source.empty()) << d.id;
        EXPECT_THAT(d.source, ::testing::Not(HasSubstr("DOMAIN.md"))) << d.id;  // sources inside the repository
        EXPECT_THAT(d.source, ::testing::Not(HasSubstr("../shared"))) << d.id;
    }
    const KpiDefinition& closure = kpi_definition("closure_rate");
    EXPECT_EQ(closure.chinese_name, "结案率");
    EXPECT_EQ(closure.formula, "closed / cases");
    EXPECT_TRUE(closure.verified);
    EXPECT_THAT(closure.source, HasSubstr("96.16 %"));
    EXPECT_THAT(closure.options, HasSubstr("exclude_deferred"));
    EXPECT_EQ(kpi_definition("on_time_closure_rate").chinese_name, "按期结案率");
    EXPECT_EQ(kpi_definition("satisfaction_rate").formula, "satisfied / rated");
    EXPECT_THROW((void)kpi_definition("happiness"), NotFound);
}

}  // namespace
}  // namespace grassroots
