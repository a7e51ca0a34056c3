// Calendar: China's working-day calendar (工作日) — notices, local rules, working days and working time.
#include <pybind11/chrono.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <Python.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/calendar.hpp"
#include "calendar/date_arrays.hpp"
#include "calendar/date_casters.hpp"
#include "calendar/support.hpp"
#include "casters.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

using std::chrono::microseconds;
using std::chrono::seconds;
using CalendarClass = py::class_<Calendar>;

std::string years_text(const std::vector<int>& years) {
    if (years.empty()) {
        return "no notices";
    }
    std::string text = "notices ";
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        text += (i == 0 ? "" : ", ") + std::to_string(years[i]) + (j > i ? "–" + std::to_string(years[j]) : "");
        i = j + 1;
    }
    return text;
}

/// Constructors, notices and local rules, the unpublished-years policy, copies and repr.
void add_notices(CalendarClass& cls) {
    cls.def(py::init<>(), "A calendar with no notices: every year unpublished.")
        .def_static("china", &Calendar::china,
                    "China's schedule 2019–2026 shipped in the library, with each year's notice (a fresh copy).")
        .def_static(
            "from_holiday_cn",
            [](const IterableOf<std::filesystem::path>& paths) {
                std::vector<std::filesystem::path> files;
                if (PyUnicode_Check(paths.ptr()) || PyBytes_Check(paths.ptr())) {
                    files.push_back(paths.cast<std::filesystem::path>());  // one path, not its characters
                } else {
                    for (const py::handle path : paths) {
                        files.push_back(path.cast<std::filesystem::path>());
                    }
                }
                return Calendar::from_holiday_cn(files);
            },
            py::arg("paths"),
            "A calendar from holiday-cn JSON files (one per year, e.g. 2026.json). InvalidInputError naming the "
            "file for malformed JSON, a bad date, conflicting values or a year loaded twice; FileError for a file "
            "that cannot be read.")
        .def(
            "add_holiday_cn",
            [](Calendar& c, std::string_view json, std::string_view source) {
                change(c, [&](Calendar& calendar) { calendar.add_holiday_cn(json, source); });
            },
            py::arg("json_text"), py::arg("source"),
            "Adds one holiday-cn JSON document (its text; source names it in errors). All or nothing.")
        .def(
            "add_local",
            [](Calendar& c, Date date, bool working, std::string name, std::string source) {
                change(c, [&](Calendar& calendar) {
                    calendar.add_local(date, working, std::move(name), std::move(source));
                });
            },
            py::arg("date"), py::arg("working"), py::arg("name"), py::arg("source") = "local rule",
            "Adds a local holiday (working=False) or working day; it wins over the notices. InvalidInputError when "
            "the date already has a local rule with the other value.")
        .def(
            "read_local",
            [](Calendar& c, const std::filesystem::path& path) {
                change(c, [&](Calendar& calendar) { calendar.read_local(path); });
            },
            py::arg("path"),
            "Reads local rules from 'date,working,name' CSV (working: 1/0, true/false, work/off). All or "
            "nothing; errors name the file and row.")
        .def_property(
            "unpublished", &Calendar::unpublished,
            [](Calendar& c, UnpublishedYears policy) {
                change(c, [&](Calendar& calendar) { calendar.set_unpublished(policy); });
            },
            "What queries about unpublished years do: UnpublishedYears.RAISE (default) or WEEKDAY_RULE.")
        .def("is_published", &Calendar::is_published, py::arg("year"), "True when the notice for year is loaded.")
        .def_property_readonly("published_years", &Calendar::published_years,
                               "The years whose notices are loaded, ascending.")
        .def_property_readonly(
            "notices",
            [](const Calendar& c) { return std::vector<HolidayNotice>(c.notices().begin(), c.notices().end()); },
            "The notices loaded (copies), by year.")
        .def("is_covered", &Calendar::is_covered, py::arg("date"),
             "True when a loaded notice covers the day (from 29 December on, the next year's notice is needed too).");
    cls.def("__copy__", [](const Calendar& c) { return Calendar(c); })
        .def("__deepcopy__", [](const Calendar& c, const py::object&) { return Calendar(c); }, py::arg("memo"))
        .def("__repr__", [](const Calendar& c) {
            return "<Calendar: " + years_text(c.published_years()) + ", unpublished years " +
                   (c.unpublished() == UnpublishedYears::raise ? "raise" : "by the weekday rule") + ", hours " +
                   c.working_hours().to_string() + ">";
        });
}

/// Working days: one day, or NumPy arrays of days (the vectorised overloads follow the scalar ones).
void add_working_days(CalendarClass& cls) {
    cls.def("day", &Calendar::day, py::arg("date"),
             "Everything about one day (DayInfo). NotFoundError for an uncovered day under UnpublishedYears.RAISE.")
        .def("is_working_day", py::overload_cast<Date>(&Calendar::is_working_day, py::const_), py::arg("date"),
             "Is the day a working day.")
        .def("is_working_day", &is_working_day_array, py::arg("dates"),
             "Vectorised: a bool array of the dates' shape.")
        .def("holiday_name", &Calendar::holiday_name, py::arg("date"),
             "The holiday's name (e.g. 国庆节), also on its make-up working days; None on ordinary days.")
        .def("next_working_day", &Calendar::next_working_day, py::arg("date"), "The first working day after date.")
        .def(
            "next_working_day",
            [](const Calendar& c, const DateArray& dates) {
                return add_working_days_array(c, DatesOrDate{dates.values}, Offsets{Int64Array::ensure(py::int_(1))});
            },
            py::arg("dates"), "Vectorised: a datetime64[D] array.")
        .def("previous_working_day", &Calendar::previous_working_day, py::arg("date"),
             "The last working day before date.")
        .def(
            "previous_working_day",
            [](const Calendar& c, const DateArray& dates) {
                return add_working_days_array(c, DatesOrDate{dates.values}, Offsets{Int64Array::ensure(py::int_(-1))});
            },
            py::arg("dates"), "Vectorised: a datetime64[D] array.")
        .def("add_working_days", py::overload_cast<Date, std::int64_t>(&Calendar::add_working_days, py::const_),
             py::arg("date"), py::arg("n"),
             "The n-th working day after date (before it for negative n; date itself for 0) — from the make-up "
             "Saturday 2026-02-14, one working day later is 2026-02-24.")
        .def("add_working_days", &add_working_days_array, py::arg("dates"), py::arg("n"),
             "Vectorised: dates (datetime64 array, sequence of dates, or one date) plus n (an int, or ints "
             "broadcast against the dates) as a datetime64[D] array. InvalidInputError when the shapes do not match.")
        .def("working_days_between",
             py::overload_cast<Date, Date>(&Calendar::working_days_between, py::const_), py::arg("start"),
             py::arg("end"), "Working days in [start, end): start inclusive, end exclusive; negative when end < start.")
        .def(
            "working_days_between",
            [](const Calendar& c, const DateArray& start, const DatesOrDate& end) {
                return working_days_between_array(c, DatesOrDate{start.values}, end);
            },
            py::arg("start"), py::arg("end"),
            "Vectorised: an int64 array; start and end are arrays that broadcast (end may be one date).")
        .def(
            "working_days_between",
            [](const Calendar& c, Date start, const DateArray& end) {
                return working_days_between_array(c, one_date(start), DatesOrDate{end.values});
            },
            py::arg("start"), py::arg("end"), "Vectorised: from one date to each of an array of dates.");
}

/// Working hours and working time between instants.
void add_working_time(CalendarClass& cls) {
    cls.def_property(
            "working_hours", [](const Calendar& c) { return c.working_hours(); },
            [](Calendar& c, WorkingHours hours) {
                change(c, [&](Calendar& calendar) { calendar.set_working_hours(std::move(hours)); });
            },
            "The working-hours schedule (a copy; default WorkingHours.standard()); assign to change it.")
        .def(
            "add_working_time",
            [](const Calendar& c, Instant start, microseconds amount) {
                return c.add_working_time(start, whole<seconds>(amount, "the amount of working time", "seconds"));
            },
            py::arg("start"), py::arg("amount"),
            "The instant at which amount (timedelta, whole seconds) of working time after start has passed: an "
            "aware datetime in CST. InvalidInputError for a negative amount.")
        .def("working_time_between", &Calendar::working_time_between, py::arg("start"), py::arg("end"),
             "Working time between two instants (timedelta); negative when end is before start.")
        .def_static("range", &Calendar::range,
                    "First and last day the calendar can answer for: (1949-01-01, 2149-12-31).");
}

}  // namespace

void bind_calendar_class(py::module_& m) {
    CalendarClass cls(
        m, "Calendar", py::dynamic_attr(),
        "China's working-day calendar (工作日): weekdays, public holidays and make-up working days (调休) from the "
        "State Council's yearly notices, local rules, and working hours. A year whose notice is not published is "
        "never guessed: queries about it raise NotFoundError unless unpublished = UnpublishedYears.WEEKDAY_RULE.");
    add_notices(cls);
    add_working_days(cls);
    add_working_time(cls);
}

}  // namespace grassroots::python
