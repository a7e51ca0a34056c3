// KpiOptions (bound over OptionsBox, which owns a copy of the calendar).
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analytics/analytics.hpp"
#include "analytics/support.hpp"
#include "casters.hpp"
#include "value_types.hpp"
#include "unit_argument.hpp"

namespace grassroots::python {

namespace {

/// A date is 00:00 CST of that day; a datetime is itself.
using InstantArgument = std::variant<Instant, Date>;
Instant to_instant(const InstantArgument& at) {
    if (const auto* instant = std::get_if<Instant>(&at)) return *instant;
    return china_time(std::get<Date>(at), std::chrono::minutes{0});
}

}  // namespace

void bind_kpi_options(py::module_& m) {
    py::class_<OptionsBox> options(m, "KpiOptions", "What a report counts and how (see docs/analytics.md).");
    options
        .def(py::init([](const InstantArgument& begin, const InstantArgument& end, const std::optional<InstantArgument>& cutoff,
                         PeriodBasis basis, OnTimeRule on_time, bool exclude_deferred, std::optional<Calendar> calendar,
                         std::int64_t cap_hours, std::int64_t cap_working_days, bool percentiles, bool grids, bool matters,
                         const std::optional<UnitArgument>& scope, std::vector<Level> levels) {
                 OptionsBox box;
                 box.options.begin = to_instant(begin);
                 box.options.end = to_instant(end);
                 if (cutoff) box.options.cutoff = to_instant(*cutoff);
                 box.options.basis = basis;
                 box.options.on_time = on_time;
                 box.options.exclude_deferred = exclude_deferred;
                 box.calendar = std::move(calendar);
                 box.options.cap_hours = cap_hours;
                 box.options.cap_working_days = cap_working_days;
                 box.options.percentiles = percentiles;
                 box.options.grids = grids;
                 box.options.matters = matters;
                 if (scope) box.options.scope = to_code(*scope);
                 box.options.levels = std::move(levels);
                 return box;
             }),
             py::arg("begin"), py::arg("end"), py::arg("cutoff") = py::none(), py::arg_v("basis", PeriodBasis::handling_due, "PeriodBasis.HANDLING_DUE"),
             py::arg_v("on_time", OnTimeRule::by_handling, "OnTimeRule.BY_HANDLING"), py::arg("exclude_deferred") = false,
             py::arg("calendar") = py::none(), py::arg("cap_hours") = 2160, py::arg("cap_working_days") = 90,
             py::arg("percentiles") = true, py::arg("grids") = true, py::arg("matters") = true,
             py::arg("scope") = py::none(), py::arg("levels") = std::vector<Level>{},
             "The period [begin, end) (dates are 00:00 CST; naive datetimes CST). cutoff: cases count as closed when "
             "closed before it (default end). calendar (copied): time to close in working days. scope: only cases "
             "under this unit. levels: unit rows only at these levels (default all).")
        .def_property_readonly("begin", [](const OptionsBox& b) { return b.options.begin; }, "First instant of the period.")
        .def_property_readonly("end", [](const OptionsBox& b) { return b.options.end; }, "End of the period (excluded).")
        .def_property_readonly("cutoff", [](const OptionsBox& b) { return b.options.cutoff; }, "The cut-off, None = end.")
        .def_property_readonly("basis", [](const OptionsBox& b) { return b.options.basis; }, "Which cases belong to the period.")
        .def_property_readonly("on_time", [](const OptionsBox& b) { return b.options.on_time; }, "When a case is on time.")
        .def_property_readonly("exclude_deferred", [](const OptionsBox& b) { return b.options.exclude_deferred; },
                               "Deferred cases left out of 结案率 and 按期结案率.")
        .def_property_readonly("calendar", [](const OptionsBox& b) { return b.calendar; }, "Calendar for working days, or None.")
        .def_property_readonly("cap_hours", [](const OptionsBox& b) { return b.options.cap_hours; }, "Cap of hours to close.")
        .def_property_readonly("cap_working_days", [](const OptionsBox& b) { return b.options.cap_working_days; },
                               "Cap of working days to close.")
        .def_property_readonly("percentiles", [](const OptionsBox& b) { return b.options.percentiles; }, "Compute percentiles.")
        .def_property_readonly("grids", [](const OptionsBox& b) { return b.options.grids; }, "Add grid rows.")
        .def_property_readonly("matters", [](const OptionsBox& b) { return b.options.matters; }, "Add matter rows.")
        .def_property_readonly("scope", [](const OptionsBox& b) {
            return b.options.scope ? std::optional<std::string>(b.options.scope->str()) : std::nullopt;
        }, "Only cases under this unit (code), or None.")
        .def_property_readonly("levels", [](const OptionsBox& b) { return b.options.levels; }, "Levels of the unit rows ([] = all).");
    add_value_protocol(options, {"begin", "end", "cutoff", "basis", "on_time", "exclude_deferred", "calendar", "cap_hours",
                                 "cap_working_days", "percentiles", "grids", "matters", "scope", "levels"},
                       {.hash = false, .pickle = false});
}

}  // namespace grassroots::python
