// The case engine (案件引擎, the Python CaseEngine): files cases, checks roles, scopes and duties, takes
// transitions on the working-day clock, escalates on breach, and records every change as an immutable
// event. This file creates the class and binds its setup; the other methods are in
// bind_case_engine_operations.cpp, bind_case_engine_queries.cpp and bind_case_engine_record.cpp.
//
// Everything the engine hands out is a copy: CaseState, Event and EventRecord objects are
// snapshots that do not change when the engine moves on.
//
// Threads and the GIL. The C++ engine is not thread-safe; the Python CaseEngine guards it with a
// recursive mutex, taken by every method (engine_box.hpp). A thread that has to wait for it waits
// without the GIL, so advance() and replay(), which run without the GIL, cannot deadlock with other
// threads.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "calendar/date_arrays.hpp"
#include "casters.hpp"
#include "workflow/case_engine.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"

namespace grassroots::python {

namespace {

using OptionalTree = std::optional<std::shared_ptr<DivisionTree>>;
using OptionalGridMap = std::optional<std::shared_ptr<GridMap>>;

}  // namespace

void bind_engine_setup(EngineClass& engine_class) {
    engine_class
        // ---- setup ----
        .def(
            "add_workflow",
            [](const py::object& self, WorkflowDefinition definition) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.add_workflow(std::move(definition)); });
            },
            py::arg("definition"),
            "Registers a loop version (running cases keep theirs); InvalidInputError if that id and version are "
            "present.")
        .def_property_readonly(
            "workflows",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const WorkflowRegistry& registry = box.engine.workflows();
                    return std::vector<WorkflowDefinition>(registry.begin(), registry.end());
                });
            },
            "The registered loops (copies), in the order added.")
        .def_property_readonly(
            "registry",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.workflows(); });
            },
            "A copy of the engine's WorkflowRegistry (entries, ids, versions, `in`, len); adding to the copy does not "
            "change the engine (use add_workflow).")
        .def(
            "workflow",
            [](const py::object& self, const std::string& id, int version) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    return version == 0 ? box.engine.workflows().latest(id) : box.engine.workflows().get(id, version);
                });
            },
            py::arg("id"), py::arg("version") = 0,
            "The loop id at version (0 = the latest), a copy; NotFoundError.")
        .def(
            "set_divisions",
            [](const py::object& self, const OptionalTree& tree) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    std::shared_ptr<DivisionTree> kept = tree.value_or(nullptr);
                    box.engine.set_divisions(kept.get());
                    box.divisions = std::move(kept);
                });
            },
            py::arg("tree"),
            "Checks that filed division codes exist in tree (the engine keeps it alive); None = no check.")
        .def_property_readonly(
            "divisions",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.divisions ? OptionalTree(box.divisions) : std::nullopt; });
            },
            "The division tree set with set_divisions(), or None.")
        .def(
            "set_grid_map",
            [](const py::object& self, const OptionalGridMap& grids) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    std::shared_ptr<GridMap> kept = grids.value_or(nullptr);
                    box.engine.set_grid_map(kept.get());
                    box.grids = std::move(kept);
                });
            },
            py::arg("grid_map"),
            "Locates case points in grid_map (the engine keeps it alive); None = no grid lookup.")
        .def_property_readonly(
            "grid_map",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.grids ? OptionalGridMap(box.grids) : std::nullopt; });
            },
            "The grid map set with set_grid_map(), or None.")
        .def(
            "set_catalogue",
            [](const py::object& self, MatterCatalogue catalogue) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.set_catalogue(std::move(catalogue)); });
            },
            py::arg("catalogue"),
            "The matter catalogue (a copy); a responsibility list already set is validated against it "
            "(InvalidInputError).")
        .def_property_readonly(
            "catalogue", reader([](const CaseEngine& e) { return e.catalogue(); }),
            "The matter catalogue (a copy).")
        .def(
            "set_responsibilities",
            [](const py::object& self, ResponsibilityList list) {
                EngineBox& box = box_of(self);
                change(box, [&] { box.engine.set_responsibilities(std::move(list)); });
            },
            py::arg("responsibilities"),
            "The responsibility list (a copy) used by Duty.DISPATCH transitions and escalation; validated against "
            "the catalogue (InvalidInputError, keeping the old list).")
        .def_property_readonly(
            "responsibilities",
            reader([](const CaseEngine& e) { return e.responsibilities(); }),
            "The responsibility list (a copy).")
        .def_property_readonly(
            "options", reader([](const CaseEngine& e) { return e.options(); }),
            "The options (a copy).")
        .def_property_readonly(
            "calendar",
            [](const py::object& self) {
                py::object copy = py::cast(reader([](const CaseEngine& e) { return e.calendar(); })(self));
                py::setattr(copy, read_only_attribute,
                            py::str("engine.calendar is a read-only copy: changing it would not change the engine. Add a "
                                    "holiday notice with engine.add_holiday_notice(json, source); for any other change "
                                    "build a CaseEngine on a changed calendar (copy.copy(engine.calendar) is writable)"));
                return copy;
            },
            "A read-only copy of the calendar the engine counts deadlines on: its changers (add_local, "
            "add_holiday_cn, read_local, unpublished =, working_hours =) raise RuleViolationError "
            "calendar.read-only; copy.copy() of it is writable.");
}

void bind_case_engine(py::module_& m) {
    EngineClass engine_class(
        m, "CaseEngine",
        "Runs cases through versioned closed-loop definitions on the working-day clock. Every change is an Event; a "
        "case's CaseState is the fold of its events, and replay() rebuilds identical states. Refused attempts are "
        "recorded (EventKind.REFUSED) and then raised (PermissionDeniedError, RuleViolationError); unknown ids and "
        "malformed input raise InvalidInputError / NotFoundError and change nothing. A case is its case number "
        "('C000001'): open() returns it, work lists and events name it (its int index, 0 for C000001, is accepted "
        "too). Actors are given as int ids or string ids ('wg-1'). Safe to share between threads (one "
        "operation at a time); advance() and replay() run without the GIL.",
        py::dynamic_attr());
    engine_class
        .def(py::init([](Calendar calendar, const std::optional<EngineOptions>& options) {
                 return std::make_unique<EngineBox>(std::move(calendar), options.value_or(EngineOptions{}));
             }),
             py::arg("calendar"), py::arg("options") = py::none(),
             "An engine on calendar (a copy; deadlines) with options (default EngineOptions()).");
    bind_engine_setup(engine_class);
    bind_engine_operations(engine_class);
    bind_engine_queries(engine_class);
    bind_engine_record(engine_class);
}

}  // namespace grassroots::python
