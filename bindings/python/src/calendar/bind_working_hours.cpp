// WorkingHours: the daily working hours of a working day (a local rule).
#include <pybind11/chrono.h>
#include <pybind11/stl.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "calendar/calendar.hpp"
#include "calendar/date_casters.hpp"
#include "grassroots/calendar/working_hours.hpp"
#include "grassroots/error.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

using std::chrono::microseconds;
using std::chrono::minutes;

minutes period_time(microseconds time, std::size_t period, const char* end) {
    if (time % minutes{1} != microseconds{0}) {
        throw InvalidInput("working period " + std::to_string(period) + ": the " + end +
                           " time must be in whole minutes (no seconds)");
    }
    return std::chrono::duration_cast<minutes>(time);
}

using PeriodPair = std::pair<TimeOfDay, TimeOfDay>;

WorkingHours hours_from(const std::vector<PeriodPair>& pairs) {
    std::vector<WorkingPeriod> periods;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const minutes start = period_time(pairs[i].first.value, i + 1, "start");
        minutes end = period_time(pairs[i].second.value, i + 1, "end");
        if (end == minutes{0}) {
            end = minutes{24 * 60};  // a period running to midnight ends at time(0, 0)
        }
        periods.push_back({start, end});
    }
    return WorkingHours(std::move(periods));
}

std::vector<PeriodPair> pairs_of(const WorkingHours& hours) {
    std::vector<PeriodPair> out;
    for (const WorkingPeriod& p : hours.periods()) {
        out.push_back({TimeOfDay{p.start}, TimeOfDay{p.end}});
    }
    return out;
}

}  // namespace

void bind_working_hours(py::module_& m) {
    py::class_<WorkingHours> hours_class(
        m, "WorkingHours",
        "The daily working hours of a working day (a local rule). The default, standard(), is 08:30–12:00 and "
        "13:30–17:30: 7.5 hours.");
    hours_class
        .def(py::init(&hours_from), py::arg("periods"),
             "Periods as (start, end) datetime.time pairs, in order, not overlapping, in whole minutes; an end "
             "of time(0, 0) means midnight at the end of the day. InvalidInputError otherwise.")
        .def_static("standard", &WorkingHours::standard, "08:30–12:00 and 13:30–17:30 (a common local rule).")
        .def_static("parse", &WorkingHours::parse, py::arg("text"),
                    "Parses '08:30-12:00,13:30-17:30'; InvalidInputError otherwise.")
        .def_property_readonly("periods", &pairs_of, "The periods as (start, end) datetime.time pairs.")
        .def_property_readonly("per_day", &WorkingHours::per_day, "Working time per working day (timedelta).")
        .def_property_readonly(
            "close", [](const WorkingHours& h) { return TimeOfDay{h.close()}; },
            "End of the last period: close of business, when working-day deadlines fall due.")
        .def("__str__", &WorkingHours::to_string, "'08:30-12:00,13:30-17:30'.")
        .def("__repr__", [](const WorkingHours& h) { return "WorkingHours.parse('" + h.to_string() + "')"; })
        .def(
            "__eq__",
            [](const WorkingHours& a, const py::object& b) {
                return py::isinstance<WorkingHours>(b) && a == b.cast<const WorkingHours&>();
            },
            py::arg("other"))
        .def("__hash__", [](const WorkingHours& h) { return py::hash(py::str(h.to_string())); })
        .def(
            "to_dict",
            [](const WorkingHours& h) {
                StringDict out;
                out["periods"] = py::cast(pairs_of(h));
                return out;
            },
            "{'periods': [(start, end), …]} (the constructor's keyword).")
        .def(py::pickle([](const WorkingHours& h) { return h.to_string(); },
                        [](const std::string& text) { return WorkingHours::parse(text); }));
}

}  // namespace grassroots::python
