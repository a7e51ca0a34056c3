// The vectorised forms of the Calendar methods: NumPy date arrays in, NumPy arrays out, with the
// C++ bulk forms run without the GIL.
#pragma once

#include <pybind11/numpy.h>

#include <cstdint>
#include <mutex>
#include <shared_mutex>

#include "calendar/date_casters.hpp"
#include "grassroots/calendar/calendar.hpp"

namespace grassroots::python {

/// The bulk forms run without the GIL, so another Python thread could change the calendar under
/// them. Every change takes this lock exclusively (with the GIL held); the bulk forms take it
/// shared after releasing the GIL (and let it go before taking the GIL back), so they cannot deadlock.
/// The work must not touch Python objects: take spans of the arrays first.
std::shared_mutex& calendar_mutex();

/// The attribute that marks a Calendar object as a read-only copy (such as CaseEngine.calendar);
/// its value is the message that a change raises (RuleViolationError calendar.read-only).
inline constexpr const char* read_only_attribute = "_read_only";

/// Throws RuleViolation when the Python object holding @p calendar is marked read-only.
void refuse_if_read_only(const Calendar& calendar);

/// Applies a change to @p calendar holding calendar_mutex() exclusively (read-only copies refuse).
template <class Change>
void change(Calendar& calendar, Change&& apply) {
    refuse_if_read_only(calendar);
    const std::unique_lock lock(calendar_mutex());
    apply(calendar);
}

using Int64Array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

/// Calendar.is_working_day over an array: a bool array of the dates' shape.
py::array_t<bool> is_working_day_array(const Calendar& calendar, const DateArray& dates);

/// Calendar.add_working_days over arrays: the dates plus offsets broadcast against them.
DateArrayResult add_working_days_array(const Calendar& calendar, const DatesOrDate& dates, const Offsets& offsets);

/// One date as a 0-dimensional datetime64[D] array.
DatesOrDate one_date(Date date);

/// Calendar.working_days_between over arrays that broadcast.
py::array_t<std::int64_t> working_days_between_array(const Calendar& calendar, const DatesOrDate& start,
                                                     const DatesOrDate& end);

}  // namespace grassroots::python
