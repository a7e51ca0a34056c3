#include "grassroots/calendar/deadline.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using namespace std::chrono_literals;
using testing::error_message;
using testing::expect_one_table;

Instant at(const char* text) { return parse_instant(text); }

TEST(Instant, ChinaStandardTimeAndOffsets) {
    EXPECT_EQ(to_string(at("2026-02-13T10:00")), "2026-02-13T10:00:00+08:00");
    EXPECT_EQ(at("2026-02-13T02:00Z"), at("2026-02-13T10:00"));
    EXPECT_EQ(at("2026-02-13T03:00:00+01:00"), at("2026-02-13T10:00"));
    EXPECT_EQ(china_date(at("2026-02-12T17:00Z")), make_date(2026, 2, 13));  // 01:00 CST next day
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_instant("2026-02-13 25:00"); }),
              "instant '2026-02-13 25:00' has a time out of range");
    EXPECT_THROW((void)parse_instant("2026-02-13T10:00+0800"), InvalidInput);
}

TEST(WorkingHours, DefaultScheduleWithLunchBreak) {
    const WorkingHours hours = WorkingHours::standard();
    EXPECT_EQ(hours.per_day(), 450min);
    EXPECT_EQ(hours.to_string(), "08:30-12:00,13:30-17:30");
    EXPECT_EQ(hours.worked_before(12h + 30min), 210min);  // lunch does not count
    EXPECT_EQ(hours.time_after(210min), 12h);             // ends at noon, not 13:30
    EXPECT_EQ(hours.time_after(211min), 13h + 31min);
    EXPECT_EQ(WorkingHours::parse("09:00-17:00").per_day(), 480min);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)WorkingHours::parse("09:00-12:00,11:00-17:00"); }),
              "working period 2 starts before period 1 ends (periods must be in order and not overlap)");
    EXPECT_THROW((void)WorkingHours::parse("9-12"), InvalidInput);
    EXPECT_THROW((void)WorkingHours::parse("12:00-09:00"), InvalidInput);
}

TEST(WorkingTime, AddAndMeasureAcrossLunchNightsAndHolidays) {
    const Calendar china = Calendar::china();
    // Friday 16:30 + 2 working hours: 1 h on Friday, then Saturday 2026-02-14 is a make-up working day.
    EXPECT_EQ(to_string(china.add_working_time(at("2026-02-13T16:30"), 2h)), "2026-02-14T09:30:00+08:00");
    // Saturday 16:30 + 2 h: the Spring Festival holiday follows; work resumes on 02-24.
    EXPECT_EQ(to_string(china.add_working_time(at("2026-02-14T16:30"), 2h)), "2026-02-24T09:30:00+08:00");
    // Half-day remainder: 11:00 + 3 h = 1 h before lunch, 2 h after it.
    EXPECT_EQ(to_string(china.add_working_time(at("2026-03-02T11:00"), 3h)), "2026-03-02T15:30:00+08:00");
    // Exactly a day's work from the opening ends at close the same day.
    EXPECT_EQ(to_string(china.add_working_time(at("2026-03-02T08:30"), 450min)), "2026-03-02T17:30:00+08:00");
    EXPECT_EQ(to_string(china.add_working_time(at("2026-03-02T20:00"), 30min)), "2026-03-03T09:00:00+08:00");
    EXPECT_EQ(china.working_time_between(at("2026-02-13T16:30"), at("2026-02-24T09:30")), 1h + 450min + 1h);
    EXPECT_EQ(china.working_time_between(at("2026-02-24T09:30"), at("2026-02-13T16:30")), -(1h + 450min + 1h));
    EXPECT_EQ(china.working_time_between(at("2026-02-16T09:00"), at("2026-02-16T17:00")), 0s);
    EXPECT_THROW((void)china.add_working_time(at("2026-03-02T08:30"), -1s), InvalidInput);
}

TEST(Deadline, ThreeKindsDueRemainingOverdue) {
    const Calendar china = Calendar::china();
    const Instant start = at("2026-02-13T10:00");
    const Deadline emergency = Deadline::elapsed(2h);
    EXPECT_EQ(to_string(emergency.due(china, start)), "2026-02-13T12:00:00+08:00");
    EXPECT_EQ(emergency.remaining(china, start, at("2026-02-13T11:30")), 30min);
    EXPECT_EQ(emergency.overdue_by(china, start, at("2026-02-13T12:45")), 45min);
    EXPECT_EQ(emergency.to_string(), "2 hours");

    // 24 working hours: 6 h on Friday, 7.5 h on make-up Saturday 02-14, 7.5 h on 02-24, 3 h on 02-25.
    const Deadline utilities = Deadline::working_hours(24h);
    EXPECT_EQ(to_string(utilities.due(china, start)), "2026-02-25T11:30:00+08:00");
    EXPECT_EQ(utilities.to_string(), "24 working hours");

    const Deadline general = Deadline::working_days(7);
    // 7 working days after Friday 02-13: 14 (Sat), 24, 25, 26, 27, 28 (Sat), 3-02 → close of business.
    EXPECT_EQ(to_string(general.due(china, start)), "2026-03-02T17:30:00+08:00");
    EXPECT_EQ(general.remaining(china, start, at("2026-03-02T12:00")), 5h + 30min - 1h - 30min);  // 13:30–17:30 = 4 h
    EXPECT_FALSE(general.is_overdue(china, start, at("2026-03-02T17:30")));
    EXPECT_TRUE(general.is_overdue(china, start, at("2026-03-03T08:31")));
    EXPECT_EQ(general.overdue_by(china, start, at("2026-03-03T09:30")), 1h);  // working time past due
    EXPECT_EQ(general.overdue_by(china, start, at("2026-03-02T09:00")), 0s);

    // A deadline that starts on a make-up Saturday.
    EXPECT_EQ(to_string(Deadline::working_days(1).due(china, at("2026-02-14T09:00"))), "2026-02-24T17:30:00+08:00");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)Deadline::working_days(0); }),
              "a deadline needs a positive number of working days, got 0");
    EXPECT_THROW((void)Deadline::elapsed(0min), InvalidInput);
}

TEST(Deadline, CustomWorkingHoursChangeDueTimes) {
    Calendar calendar = Calendar::china();
    calendar.set_working_hours(WorkingHours::parse("09:00-12:00,14:00-18:00"));
    EXPECT_EQ(to_string(Deadline::working_days(1).due(calendar, at("2026-03-02T10:00"))), "2026-03-03T18:00:00+08:00");
    EXPECT_EQ(to_string(Deadline::working_hours(4h).due(calendar, at("2026-03-02T10:00"))), "2026-03-02T16:00:00+08:00");
}

TEST(CalendarEnums, OneTableEachServesNames) {
    expect_one_table<DayKind>(4);
    expect_one_table<UnpublishedYears>(2);
    expect_one_table<DeadlineKind>(3);
    EXPECT_EQ(to_string(DayKind::makeup_workday), "makeup_workday");
    EXPECT_EQ(chinese_name(DayKind::makeup_workday), "调休上班");
    EXPECT_EQ(chinese_name(DeadlineKind::working_hours), "工作时");
}

}  // namespace
}  // namespace grassroots
