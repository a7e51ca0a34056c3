// The binding functions of the calendar area, called in order by bind_calendar() (bindings.cpp).
#pragma once

#include "bindings.hpp"

namespace grassroots::python {

/// DayKind, UnpublishedYears, DeadlineKind, CHINA_STANDARD_TIME and parse_instant().
void bind_calendar_enums(py::module_& m);
/// DayInfo and HolidayNotice.
void bind_day_info(py::module_& m);
/// WorkingHours.
void bind_working_hours(py::module_& m);
/// Calendar.
void bind_calendar_class(py::module_& m);
/// Deadline.
void bind_deadline(py::module_& m);

}  // namespace grassroots::python
