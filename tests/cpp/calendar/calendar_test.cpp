#include "grassroots/calendar/calendar.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

Date d(int y, unsigned m, unsigned day) { return make_date(y, m, day); }

TEST(Calendar, SpringFestival2026WithMakeUpSaturdays) {
    const Calendar china = Calendar::china();
    EXPECT_TRUE(china.is_working_day(d(2026, 2, 13)));   // Friday
    EXPECT_TRUE(china.is_working_day(d(2026, 2, 14)));   // Saturday, make-up working day
    for (unsigned day = 15; day <= 23; ++day) EXPECT_FALSE(china.is_working_day(d(2026, 2, day))) << day;
    EXPECT_TRUE(china.is_working_day(d(2026, 2, 24)));
    EXPECT_TRUE(china.is_working_day(d(2026, 2, 28)));   // Saturday, make-up working day
    EXPECT_FALSE(china.is_working_day(d(2026, 3, 1)));   // ordinary Sunday
    EXPECT_EQ(china.holiday_name(d(2026, 2, 17)), "春节");
    EXPECT_EQ(china.holiday_name(d(2026, 2, 14)), "春节");  // the make-up day carries the holiday's name
    EXPECT_EQ(china.holiday_name(d(2026, 3, 2)), std::nullopt);
    const DayInfo saturday = china.day(d(2026, 2, 14));
    EXPECT_EQ(saturday.kind, DayKind::makeup_workday);
    EXPECT_FALSE(saturday.provisional);
    EXPECT_NE(saturday.source.find("content_7047091"), std::string::npos);
    EXPECT_EQ(china.day(d(2026, 2, 16)).kind, DayKind::holiday);
    EXPECT_EQ(china.day(d(2026, 3, 1)).kind, DayKind::weekend);
    EXPECT_EQ(china.day(d(2026, 3, 2)).kind, DayKind::workday);
    for (const char* text : {"2026-01-04", "2026-05-09", "2026-09-20", "2026-10-10"}) {
        EXPECT_EQ(china.day(parse_date(text)).kind, DayKind::makeup_workday) << text;
    }
}

TEST(Calendar, NationalDay2025) {
    const Calendar china = Calendar::china();
    for (unsigned day = 1; day <= 8; ++day) EXPECT_FALSE(china.is_working_day(d(2025, 10, day))) << day;
    EXPECT_TRUE(china.is_working_day(d(2025, 9, 28)));   // Sunday make-up
    EXPECT_TRUE(china.is_working_day(d(2025, 10, 11)));  // Saturday make-up
    EXPECT_TRUE(china.is_working_day(d(2025, 10, 9)));
    EXPECT_EQ(china.next_working_day(d(2025, 9, 30)), d(2025, 10, 9));
    EXPECT_EQ(china.previous_working_day(d(2025, 10, 9)), d(2025, 9, 30));
    EXPECT_EQ(china.working_days_between(d(2025, 9, 29), d(2025, 10, 13)), 5);  // 9-29, 9-30, 10-9, 10-10, 10-11
}

TEST(Calendar, AddWorkingDaysAcrossHolidaysAndFromAMakeUpSaturday) {
    const Calendar china = Calendar::china();
    EXPECT_EQ(china.add_working_days(d(2026, 2, 13), 1), d(2026, 2, 14));
    EXPECT_EQ(china.add_working_days(d(2026, 2, 14), 1), d(2026, 2, 24));  // from the make-up Saturday
    EXPECT_EQ(china.add_working_days(d(2026, 2, 14), 7), d(2026, 3, 3));   // 24,25,26,27,28(Sat),3-2,3-3
    EXPECT_EQ(china.add_working_days(d(2026, 2, 15), 1), d(2026, 2, 24));  // from inside the holiday
    EXPECT_EQ(china.add_working_days(d(2026, 2, 24), -1), d(2026, 2, 14));
    EXPECT_EQ(china.add_working_days(d(2026, 2, 21), -2), d(2026, 2, 13));
    EXPECT_EQ(china.add_working_days(d(2026, 2, 21), 0), d(2026, 2, 21));
    EXPECT_EQ(china.working_days_between(d(2026, 2, 14), d(2026, 3, 3)), 7);   // [start, end)
    EXPECT_EQ(china.working_days_between(d(2026, 3, 3), d(2026, 2, 14)), -7);
    EXPECT_EQ(china.working_days_between(d(2026, 2, 15), d(2026, 2, 15)), 0);
    for (int n = -40; n <= 40; ++n) {  // from a working day, [start, start + n) holds n working days
        const Date start = d(2026, 2, 10);
        EXPECT_EQ(china.working_days_between(start, china.add_working_days(start, n)), n) << n;
    }
}

TEST(Calendar, YearEndsAndDecemberDatesOfTheNextNotice) {
    const Calendar china = Calendar::china();
    // 2018-12-29 is a Saturday made a working day by the 2019 notice; 12-30/31 are off.
    EXPECT_TRUE(china.is_working_day(d(2018, 12, 29)));
    EXPECT_FALSE(china.is_working_day(d(2018, 12, 31)));
    EXPECT_EQ(china.holiday_name(d(2018, 12, 31)), "元旦");
    EXPECT_THROW((void)china.is_working_day(d(2018, 12, 28)), NotFound);  // 2018 itself is not loaded
    EXPECT_EQ(china.add_working_days(d(2019, 12, 31), 1), d(2020, 1, 2));
    EXPECT_TRUE(china.is_covered(d(2025, 12, 31)));
    EXPECT_FALSE(china.is_covered(d(2026, 12, 29)));  // a 2027 New Year arrangement could still reach back
    EXPECT_TRUE(china.is_covered(d(2026, 12, 28)));
}

TEST(Calendar, UnpublishedYearsAreNeverSilentlyGuessed) {
    Calendar china = Calendar::china();
    EXPECT_EQ(error_message<NotFound>([&] { (void)china.is_working_day(d(2027, 1, 4)); }),
              "no holiday notice covers 2027-01-04: the 2027 schedule is not published (allow the weekday rule with "
              "set_unpublished(weekday_rule) for a provisional answer)");
    EXPECT_THROW((void)china.add_working_days(d(2026, 12, 24), 5), NotFound);  // runs into 2026-12-29
    EXPECT_EQ(china.add_working_days(d(2026, 12, 21), 5), d(2026, 12, 28));
    EXPECT_THROW((void)china.working_days_between(d(2026, 12, 1), d(2027, 1, 10)), NotFound);
    china.set_unpublished(UnpublishedYears::weekday_rule);
    const DayInfo monday = china.day(d(2027, 1, 4));
    EXPECT_TRUE(monday.working);
    EXPECT_TRUE(monday.provisional);
    EXPECT_EQ(china.add_working_days(d(2026, 12, 31), 1), d(2027, 1, 1));  // provisional: 2027-01-01 by the weekday rule
    EXPECT_EQ(china.published_years(), (std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
}

TEST(Calendar, LocalOverridesWinAndConflictsAreRefused) {
    Calendar calendar = Calendar::china();
    calendar.add_local(d(2026, 3, 2), false, "地方节日", "东营市 local rule");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 3, 2)));
    EXPECT_EQ(calendar.day(d(2026, 3, 2)).source, "东营市 local rule");
    calendar.add_local(d(2026, 3, 2), false, "地方节日");  // same value: fine
    EXPECT_EQ(error_message<InvalidInput>([&] { calendar.add_local(d(2026, 3, 2), true, "x"); }),
              "local rule for 2026-03-02 conflicts with an earlier one (off vs working)");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 3, 2)));
    EXPECT_EQ(calendar.add_working_days(d(2026, 2, 27), 1), d(2026, 2, 28));
    EXPECT_EQ(calendar.add_working_days(d(2026, 2, 28), 1), d(2026, 3, 3));
}

TEST(Calendar, LocalOverridesFromAFileAllOrNothing) {
    const auto dir = std::filesystem::temp_directory_path() / ("grassroots_local_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto write = [&](const char* text) {
        std::ofstream out(dir / "local.csv", std::ios::binary);
        out << text;
    };
    Calendar calendar = Calendar::china();
    write("date,working,name\n2026-03-02,off,地方节日\n2026-03-07,work,补班\n");
    calendar.read_local(dir / "local.csv");
    EXPECT_FALSE(calendar.is_working_day(d(2026, 3, 2)));
    EXPECT_TRUE(calendar.is_working_day(d(2026, 3, 7)));
    Calendar fresh = Calendar::china();
    write("date,working,name\n2026-03-09,off,x\n2026-03-10,maybe,y\n");
    EXPECT_EQ(error_message<InvalidInput>([&] { fresh.read_local(dir / "local.csv"); }),
              "local.csv, row 3, field 'working': working 'maybe' is not one of 1/0, true/false, work/off");
    EXPECT_TRUE(fresh.is_working_day(d(2026, 3, 9)));  // nothing was loaded
    write("date,working,name\n2026-03-09,off,x\n2026-03-09,work,y\n");
    EXPECT_NE(error_message<InvalidInput>([&] { fresh.read_local(dir / "local.csv"); }).find("row 3, field 'date': local rule for 2026-03-09 conflicts"),
              std::string::npos);
    write("date,name\n");
    EXPECT_THROW(fresh.read_local(dir / "local.csv"), InvalidInput);
    std::filesystem::remove_all(dir);
}

TEST(Calendar, RangeAndBadDates) {
    const Calendar china = Calendar::china();
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)china.is_working_day(d(1900, 1, 1)); }),
              "date 1900-01-01 is outside the calendar's range 1949-01-01 … 2149-12-31");
    EXPECT_EQ(Calendar::range().first, d(1949, 1, 1));
    Calendar empty;
    EXPECT_TRUE(empty.published_years().empty());
    EXPECT_THROW((void)empty.is_working_day(d(2026, 1, 5)), NotFound);
    EXPECT_EQ(chinese_name(DayKind::makeup_workday), "调休上班");
}

TEST(Calendar, BulkFormsMatchTheScalarOnes) {
    const Calendar china = Calendar::china();
    std::vector<std::int32_t> days;
    for (int k = 0; k < 600; ++k) {
        days.push_back(static_cast<std::int32_t>((std::chrono::sys_days{d(2019, 1, 3)} + std::chrono::days{k * 3}).time_since_epoch().count()));
    }
    const std::vector<std::int64_t> n{5};
    std::vector<std::int32_t> out(days.size());
    china.add_working_days(days, n, out);
    for (std::size_t k = 0; k < days.size(); ++k) {
        const Date start{std::chrono::sys_days{std::chrono::days{days[k]}}};
        EXPECT_EQ(Date{std::chrono::sys_days{std::chrono::days{out[k]}}}, china.add_working_days(start, 5));
    }
    std::vector<std::uint8_t> working(days.size());
    china.is_working_day(days, working);
    EXPECT_EQ(working[0] != 0, china.is_working_day(d(2019, 1, 3)));
    std::vector<std::int32_t> short_out(2);
    EXPECT_THROW(china.add_working_days(days, n, short_out), InvalidInput);
}

}  // namespace
}  // namespace grassroots
