// Boost.Date_Time interoperability: the calendar's dates and instants convert both ways.
#include "grassroots/calendar/boost_date_time.hpp"

#include <gtest/gtest.h>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/error.hpp"

namespace grassroots {
namespace {

TEST(BoostDateTime, DatesRoundTrip) {
    const Date date = make_date(2026, 2, 14);
    const boost::gregorian::date boosted = to_boost(date);
    EXPECT_EQ(boosted, boost::gregorian::date(2026, 2, 14));
    EXPECT_EQ(boosted.day_of_week().as_number(), 6);  // Saturday — a make-up working day
    EXPECT_TRUE(Calendar::china().is_working_day(from_boost(boosted)));
    EXPECT_THROW((void)from_boost(boost::gregorian::date(boost::date_time::not_a_date_time)), InvalidInput);
}

TEST(BoostDateTime, InstantsAreUtc) {
    const Instant received = parse_instant("2026-02-13T10:00");  // CST
    const boost::posix_time::ptime utc = to_boost(received);
    EXPECT_EQ(utc, boost::posix_time::ptime(boost::gregorian::date(2026, 2, 13), boost::posix_time::hours(2)));
    EXPECT_EQ(from_boost(utc), received);
}

}  // namespace
}  // namespace grassroots
