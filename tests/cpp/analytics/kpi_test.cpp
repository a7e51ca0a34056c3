// Each KPI formula on small hand-computed cases, the published check (23,974 of 24,932 = 96.16 %;
// 22,345 on time = 89.62 %), the options (deferred cases, on time by handling or by closing, the
// period basis, the cut-off), empty denominators and bad options.
#include "grassroots/analytics/kpi.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
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

KpiCounts counts(std::int64_t cases, std::int64_t deferred, std::int64_t closed, std::int64_t closed_deferred,
                 std::int64_t on_time, std::int64_t on_time_deferred, std::int64_t closed_late, std::int64_t overdue_open,
                 std::int64_t rated, std::int64_t responded, std::int64_t resolved, std::int64_t satisfied,
                 std::int64_t reworks, std::int64_t reworked, std::int64_t escalations) {
    return {cases, deferred, closed, closed_deferred, on_time, on_time_deferred, closed_late, overdue_open,
            rated, responded, resolved, satisfied, reworks, reworked, escalations};
}

const KpiRow& row(const KpiReport& report, const char* code) { return report.unit(DivisionCode::parse(code)); }

TEST(Kpis, CountEveryNumeratorAndDenominatorPerUnit) {
    const CaseTable table = march_cases();
    const KpiReport report = compute_kpis(table, march());
    EXPECT_EQ(row(report, unit_a).counts, counts(3, 1, 3, 1, 2, 1, 1, 0, 2, 2, 1, 1, 1, 1, 1));
    EXPECT_EQ(row(report, unit_b).counts, counts(1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2));
    EXPECT_EQ(row(report, unit_c).counts, counts(2, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0));
    EXPECT_EQ(row(report, unit_d).counts, counts(1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 0, 2, 1, 0));
    // Rolled up: township, county, city and province.
    EXPECT_EQ(row(report, "370502005").counts, counts(4, 1, 3, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 3));
    EXPECT_EQ(row(report, "370502006").counts, row(report, unit_c).counts);
    EXPECT_EQ(row(report, "370502").counts, counts(6, 2, 4, 1, 3, 1, 1, 2, 2, 2, 1, 1, 1, 1, 3));
    EXPECT_EQ(row(report, "370503").counts, row(report, unit_d).counts);
    EXPECT_EQ(row(report, "3705").counts, counts(7, 2, 5, 1, 4, 1, 1, 2, 3, 3, 2, 1, 3, 2, 3));
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
    EXPECT_DOUBLE_EQ(a.reworks_per_case, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(a.rework_share, 1.0 / 3.0);
    // 胜利街道: 3 of 4 closed = 75 %, not the average of its communities' 100 % and 0 %.
    EXPECT_DOUBLE_EQ(row(report, "370502005").rates.closure, 0.75);
    const KpiRates city = row(report, "3705").rates;
    EXPECT_DOUBLE_EQ(city.closure, 5.0 / 7.0);
    EXPECT_DOUBLE_EQ(city.on_time_closure, 4.0 / 7.0);
    EXPECT_DOUBLE_EQ(city.response, 1.0);
    EXPECT_DOUBLE_EQ(city.resolution, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(city.satisfaction, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(city.reworks_per_case, 3.0 / 7.0);
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
                              empty.rates.satisfaction, empty.rates.reworks_per_case, empty.rates.rework_share}) {
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
    EXPECT_DOUBLE_EQ(row(report, "370502").rates.reworks_per_case, 1.0 / 6.0);  // other rates keep every case
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

TEST(KpiDefinitions, CarryFormulaSourceAndOptions) {
    std::set<std::string> ids;
    for (const KpiDefinition& d : kpi_definitions()) {
        EXPECT_TRUE(ids.insert(d.id).second) << d.id;
        EXPECT_FALSE(d.chinese_name.empty()) << d.id;
        EXPECT_FALSE(d.formula.empty()) << d.id;
        EXPECT_FALSE(d.source.empty()) << d.id;
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
