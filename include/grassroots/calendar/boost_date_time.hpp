/// @file boost_date_time.hpp
/// @brief Conversions between grassroots dates and instants and Boost.Date_Time types, for systems
/// that already use boost::gregorian and boost::posix_time.
///
/// Not included by grassroots.hpp (it pulls in Boost.Date_Time headers). Instants convert to and
/// from boost::posix_time::ptime in UTC; use china_date()/china_time() for CST wall-clock values.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/core/date.hpp"

namespace grassroots {

/// @brief The same day as a boost::gregorian::date.
[[nodiscard]] inline boost::gregorian::date to_boost(Date date) {
    return {static_cast<unsigned short>(static_cast<int>(date.year())), static_cast<unsigned short>(static_cast<unsigned>(date.month())),
            static_cast<unsigned short>(static_cast<unsigned>(date.day()))};
}

/// @brief The same day as a grassroots Date; throws InvalidInput for a special value (not-a-date).
[[nodiscard]] inline Date from_boost(const boost::gregorian::date& date) {
    if (date.is_special()) {
        return make_date(0, 0, 0);  // make_date reports the invalid date
    }
    const auto ymd = date.year_month_day();
    return make_date(ymd.year, ymd.month, ymd.day);
}

/// @brief The instant as a UTC boost::posix_time::ptime.
[[nodiscard]] inline boost::posix_time::ptime to_boost(Instant instant) {
    const auto day = std::chrono::floor<std::chrono::days>(instant);
    const auto seconds = (instant - day).count();
    return {to_boost(Date{day}), boost::posix_time::seconds(static_cast<long>(seconds))};
}

/// @brief The instant of a UTC boost::posix_time::ptime (whole seconds; fractions dropped).
[[nodiscard]] inline Instant from_boost(const boost::posix_time::ptime& utc) {
    const Date day = from_boost(utc.date());
    return Instant{std::chrono::sys_days{day}} + std::chrono::seconds{utc.time_of_day().total_seconds()};
}

}  // namespace grassroots
