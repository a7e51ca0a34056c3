// pybind11 type casters shared by the binding files: grassroots::Date <-> datetime.date and
// grassroots::Instant <-> datetime.datetime.
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>

#include "grassroots/core/instant.hpp"
#include "grassroots/core/date.hpp"

namespace pybind11::detail {

/// grassroots::Date (std::chrono::year_month_day) is datetime.date in Python. A datetime.datetime
/// is refused (it is a date subclass, but its time would be silently dropped).
template <>
struct type_caster<std::chrono::year_month_day> {
    PYBIND11_TYPE_CASTER(std::chrono::year_month_day, const_name("datetime.date"));

    bool load(handle source, bool /*convert*/) {
        if (!source) return false;
        auto datetime = module_::import("datetime");
        if (!isinstance(source, datetime.attr("date")) || isinstance(source, datetime.attr("datetime"))) {
            return false;
        }
        value = std::chrono::year_month_day{std::chrono::year{source.attr("year").cast<int>()},
                                            std::chrono::month{source.attr("month").cast<unsigned>()},
                                            std::chrono::day{source.attr("day").cast<unsigned>()}};
        return value.ok();
    }

    static handle cast(const std::chrono::year_month_day& date, return_value_policy /*policy*/, handle /*parent*/) {
        return module_::import("datetime")
            .attr("date")(static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                          static_cast<unsigned>(date.day()))
            .release();
    }
};

/// grassroots::Instant (std::chrono::sys_seconds) is datetime.datetime in Python. An aware datetime
/// is converted to UTC by its own offset; a naive one is China Standard Time (UTC+8). Fractions of
/// a second are dropped (floored). Results are aware, in CST: tzinfo=timezone(timedelta(hours=8)).
/// A datetime.date that is not a datetime is refused (it is a day, not an instant). This full
/// specialisation takes precedence over pybind11/chrono.h's system_clock caster (naive local time).
template <>
struct type_caster<std::chrono::sys_seconds> {
    PYBIND11_TYPE_CASTER(std::chrono::sys_seconds, const_name("datetime.datetime"));

    bool load(handle source, bool /*convert*/) {
        using namespace std::chrono;
        if (!source) return false;
        auto datetime = module_::import("datetime");
        if (!isinstance(source, datetime.attr("datetime"))) return false;
        const year_month_day date{year{source.attr("year").cast<int>()}, month{source.attr("month").cast<unsigned>()},
                                  day{source.attr("day").cast<unsigned>()}};
        if (!date.ok()) return false;
        microseconds offset = grassroots::china_utc_offset;
        const object utc_offset = source.attr("utcoffset")();
        if (!utc_offset.is_none()) {
            offset = days{utc_offset.attr("days").cast<long long>()} + seconds{utc_offset.attr("seconds").cast<long long>()} +
                     microseconds{utc_offset.attr("microseconds").cast<long long>()};
        }
        const microseconds local = sys_days{date}.time_since_epoch() + hours{source.attr("hour").cast<long long>()} +
                                   minutes{source.attr("minute").cast<long long>()} +
                                   seconds{source.attr("second").cast<long long>()} +
                                   microseconds{source.attr("microsecond").cast<long long>()};
        value = sys_seconds{floor<seconds>(local - offset)};
        return true;
    }

    static handle cast(std::chrono::sys_seconds instant, return_value_policy /*policy*/, handle /*parent*/) {
        using namespace std::chrono;
        const sys_seconds local = instant + grassroots::china_utc_offset;
        const sys_days midnight = floor<days>(local);
        const year_month_day date{midnight};
        const hh_mm_ss<seconds> time{local - midnight};
        auto datetime = module_::import("datetime");
        const object china = datetime.attr("timezone")(datetime.attr("timedelta")(arg("hours") = 8));
        return datetime
            .attr("datetime")(static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                              static_cast<unsigned>(date.day()), time.hours().count(), time.minutes().count(),
                              time.seconds().count(), 0, china)
            .release();
    }
};

}  // namespace pybind11::detail
