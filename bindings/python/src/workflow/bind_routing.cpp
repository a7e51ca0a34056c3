// The escalation ladder (Rung) and the rows and results of routing (ResponsibilityEntry, Assignment).
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "unit_argument.hpp"
#include "value_types.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/routing.hpp"

namespace grassroots::python {

void bind_routing(py::module_& m) {
    bind_enum<Rung>(m, "Rung", "A rung of the escalation ladder: grid → community → township → county → city.",
                    "网格, 社区/村, 乡镇/街道, 县/区 or 市.")
        .def_property_readonly("division_level", &division_level,
                               "The division Level of the rung (GRID and COMMUNITY: VILLAGE, CITY: PREFECTURE).");
    m.def("rung_of", &rung_of, py::arg("level"),
          "The rung of a division Level; InvalidInputError for the province level.");

    // ---- ResponsibilityEntry, Assignment ------------------------------------------------------------
    py::class_<ResponsibilityEntry> entry_class(m, "ResponsibilityEntry", "One row of a responsibility list.");
    entry_class.def(py::init([](std::string matter, Rung rung, std::string primary, std::vector<std::string> cooperating,
                                const std::optional<UnitArgument>& scope, std::string source) {
                        return ResponsibilityEntry{std::move(matter),
                                                   rung,
                                                   scope ? std::optional<DivisionCode>(to_code(*scope)) : std::nullopt,
                                                   std::move(primary),
                                                   std::move(cooperating),
                                                   std::move(source)};
                    }),
                    py::arg("matter"), py::arg("rung"), py::arg("primary"),
                    py::arg("cooperating") = std::vector<std::string>{}, py::arg("scope") = py::none(),
                    py::arg("source") = "",
                    "A row: primary unit (主体责任) and cooperating units (配合责任) for matter at rung, within the "
                    "subtree of scope (str or DivisionCode; None = everywhere). The list checks it when it is added.");
    field(entry_class, "matter", &ResponsibilityEntry::matter, "Matter key ('event:0102').");
    field(entry_class, "rung", &ResponsibilityEntry::rung, "Rung of the ladder the row is for.");
    field(entry_class, "primary", &ResponsibilityEntry::primary, "主体责任单位 (exactly one).");
    field(entry_class, "cooperating", &ResponsibilityEntry::cooperating, "配合责任单位.");
    field(entry_class, "scope", &ResponsibilityEntry::scope, "Applies within this unit's subtree (DivisionCode); None = everywhere.");
    field(entry_class, "source", &ResponsibilityEntry::source, "Which list, e.g. 《\"属地管理\"事项主体责任和配合责任清单》.");
    add_value_protocol(entry_class, {"matter", "rung", "primary", "cooperating", "scope", "source"}, {.hash = false});

    py::class_<Assignment> assignment_class(m, "Assignment", "Where a case is routed: its primary unit and cooperators, and why.");
    assignment_class.def(py::init([](std::string primary, std::vector<std::string> cooperating, Rung rung,
                                     std::string territory, std::string basis, std::string routed_primary) {
                             return Assignment{std::move(primary), std::move(cooperating), rung, std::move(territory),
                                               std::move(basis), std::move(routed_primary)};
                         }),
                         py::arg("primary"), py::arg("cooperating"), py::arg("rung"), py::arg("territory"),
                         py::arg("basis"), py::arg("routed_primary") = "", "An assignment (as route() returns).");
    field(assignment_class, "primary", &Assignment::primary, "The unit that must handle the case.");
    field(assignment_class, "cooperating", &Assignment::cooperating, "Units that must cooperate.");
    field(assignment_class, "rung", &Assignment::rung, "Rung of the ladder the case sits on.");
    field(assignment_class, "territory", &Assignment::territory, "Code of the territorial unit at that rung (grid or division code).");
    field(assignment_class, "basis", &Assignment::basis, "In words: which rule chose the primary.");
    field(assignment_class, "routed_primary", &Assignment::routed_primary,
          "The primary the responsibility list named when the dispatcher re-assigned the case to another unit "
          "(EngineOptions.allow_dispatch_override); '' when the primary is the routed one.");
    add_value_protocol(assignment_class, {"primary", "cooperating", "rung", "territory", "basis", "routed_primary"}, {.hash = false});
}

}  // namespace grassroots::python
