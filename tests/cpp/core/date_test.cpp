#include "grassroots/core/date.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace grassroots {
namespace {

using testing::error_message;

TEST(Date, ParseAndPrintIso) {
    const Date date = parse_date("2026-02-14");
    EXPECT_EQ(date, make_date(2026, 2, 14));
    EXPECT_EQ(to_string(date), "2026-02-14");
    EXPECT_EQ(to_string(make_date(905, 1, 2)), "0905-01-02");
}

TEST(Date, BadDatesSayWhy) {
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_date("2026-2-14"); }), "date '2026-2-14' is not YYYY-MM-DD");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_date("2026-02-1x"); }), "date '2026-02-1x' is not YYYY-MM-DD");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)parse_date("2025-02-29"); }), "date 2025-02-29 does not exist");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)make_date(2026, 13, 1); }), "date 2026-13-01 does not exist");
    EXPECT_NO_THROW((void)parse_date("2024-02-29"));
}

TEST(Date, AgesAndYears) {
    EXPECT_EQ(years_between(make_date(2008, 3, 1), make_date(2026, 2, 28)), 17);
    EXPECT_EQ(years_between(make_date(2008, 3, 1), make_date(2026, 3, 1)), 18);
    EXPECT_EQ(years_between(make_date(2008, 2, 29), make_date(2026, 2, 28)), 17);
    EXPECT_EQ(years_between(make_date(2008, 2, 29), make_date(2026, 3, 1)), 18);
    EXPECT_EQ(add_years(make_date(2024, 2, 29), 1), make_date(2025, 2, 28));
    EXPECT_EQ(add_years(make_date(2021, 5, 20), 5), make_date(2026, 5, 20));
}

}  // namespace
}  // namespace grassroots
