// pybind11 type casters shared by the binding files: grassroots::Date <-> datetime.date.
#pragma once

#include <pybind11/pybind11.h>

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

}  // namespace pybind11::detail
