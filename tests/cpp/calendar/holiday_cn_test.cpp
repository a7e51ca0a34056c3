// holiday-cn JSON files: the shipped schedule equals them date for date; bad files are refused.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "grassroots/calendar/calendar.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;
using testing::shared_data;

std::vector<std::filesystem::path> holiday_cn_files(const std::filesystem::path& folder, int first, int last) {
    std::vector<std::filesystem::path> files;
    for (int year = first; year <= last; ++year) files.push_back(folder / "holiday-cn" / (std::to_string(year) + ".json"));
    return files;
}

/// Expects the shipped schedule to equal every date listed in @p files (years first–last, the last one
/// unpublished), and every day of first–(last - 1) to agree with a calendar loaded from them.
void expect_shipped_schedule_equals(const std::filesystem::path& folder, int first, int last, std::size_t at_least) {
    const std::vector<std::filesystem::path> files = holiday_cn_files(folder, first, last);
    const Calendar shipped = Calendar::china();
    const Calendar loaded = Calendar::from_holiday_cn(files);
    for (int year = first; year <= last; ++year) EXPECT_EQ(loaded.is_published(year), shipped.is_published(year)) << year;
    std::size_t listed = 0;
    for (const auto& file : files) {
        std::ifstream in(file);
        const auto document = nlohmann::json::parse(in);
        for (const auto& entry : document["days"]) {
            const Date date = parse_date(entry["date"].get<std::string>());
            const bool working = !entry["isOffDay"].get<bool>();
            EXPECT_EQ(shipped.is_working_day(date), working) << to_string(date);
            EXPECT_EQ(shipped.holiday_name(date), entry["name"].get<std::string>()) << to_string(date);
            ++listed;
        }
    }
    EXPECT_GT(listed, at_least);
    for (auto day = std::chrono::sys_days{make_date(first, 1, 1)}; day <= std::chrono::sys_days{make_date(last - 1, 12, 28)};
         day += std::chrono::days{1}) {
        ASSERT_EQ(shipped.is_working_day(Date{day}), loaded.is_working_day(Date{day})) << to_string(Date{day});
    }
}

// tests/data/holiday-cn holds 2025–2027 (2027.json is empty: not published), so a fresh clone checks them.
TEST(HolidayCn, ShippedScheduleEqualsTheFixtureYears) { expect_shipped_schedule_equals(testing::test_data(), 2025, 2027, 60U); }

TEST(HolidayCn, ShippedScheduleEqualsEveryDateOfEveryYear) {
    GRASSROOTS_REQUIRE_SHARED_DATA();
    expect_shipped_schedule_equals(shared_data(), 2019, 2027, 280U);
    EXPECT_EQ(Calendar::from_holiday_cn(holiday_cn_files(shared_data(), 2019, 2027)).published_years(),
              Calendar::china().published_years());
}

Calendar load(std::string_view json) {
    Calendar calendar;
    calendar.add_holiday_cn(json, "bad.json");
    return calendar;
}

TEST(HolidayCn, BadFilesAreRefusedWithTheirName) {
    EXPECT_NE(error_message<InvalidInput>([] { (void)load("{\"year\": 2026, \"days\": ["); }).find("bad.json: malformed JSON"),
              std::string::npos);
    EXPECT_EQ(error_message<InvalidInput>([] { (void)load("{\"days\": []}"); }), "bad.json, field 'year': 'year' must be an integer in 1949–9999");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)load(R"({"year": 2026, "days": [{"name": "x", "date": "2026-02-30", "isOffDay": true}]})");
              }),
              "bad.json, field 'days[0]': date 2026-02-30 does not exist");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)load(R"({"year": 2026, "days": [{"name": "x", "date": "2026-02-16"}]})");
              }),
              "bad.json, field 'days[0]': each day needs a string 'name', a string 'date' and a boolean 'isOffDay'");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)load(R"({"year": 2026, "days": [{"name": "x", "date": "2024-02-16", "isOffDay": true}]})");
              }),
              "bad.json, field 'days[0]': date 2024-02-16 is neither in 2026 nor in the December before");
    EXPECT_EQ(error_message<InvalidInput>([] {
                  (void)load(R"({"year": 2026, "days": [{"name": "a", "date": "2026-02-14", "isOffDay": false},
                                                        {"name": "b", "date": "2026-02-14", "isOffDay": true}]})");
              }),
              "bad.json, field 'days[1]': 2026-02-14 is listed twice with conflicting values");
}

TEST(HolidayCn, NothingHalfLoaded) {
    Calendar calendar;
    calendar.add_holiday_cn(R"({"year": 2026, "papers": ["p"], "days": [{"name": "春节", "date": "2026-02-16", "isOffDay": true}]})", "a.json");
    EXPECT_EQ(error_message<InvalidInput>([&] {
                  calendar.add_holiday_cn(R"({"year": 2026, "days": [{"name": "x", "date": "2026-03-02", "isOffDay": true}]})", "b.json");
              }),
              "b.json, field 'year': the 2026 schedule is already loaded (from p)");
    EXPECT_TRUE(calendar.is_working_day(make_date(2026, 3, 2)));
    // A later file that contradicts an earlier one on a shared date changes nothing.
    EXPECT_THROW(calendar.add_holiday_cn(
                     R"({"year": 2027, "days": [{"name": "x", "date": "2027-01-01", "isOffDay": true},
                                               {"name": "y", "date": "2026-02-16", "isOffDay": false}]})",
                     "c.json"),
                 InvalidInput);
    EXPECT_FALSE(calendar.is_published(2027));
    EXPECT_EQ(calendar.notices().size(), 1U);
    // An empty file (notice not out yet) publishes nothing.
    calendar.add_holiday_cn(R"({"year": 2027, "papers": [], "days": []})", "2027.json");
    EXPECT_FALSE(calendar.is_published(2027));
    const std::vector<std::filesystem::path> missing{"/nonexistent/2026.json"};
    EXPECT_THROW((void)Calendar::from_holiday_cn(missing), FileError);
}

}  // namespace
}  // namespace grassroots
