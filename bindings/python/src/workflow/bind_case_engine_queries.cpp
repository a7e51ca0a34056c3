// CaseEngine: queries (cases, their states, inputs and assignments, events, names). Each reads a copy
// under the engine's lock.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "casters.hpp"
#include "workflow/case_engine.hpp"

namespace grassroots::python {

void bind_engine_queries(EngineClass& engine_class) {
    engine_class
        // ---- queries ----
        .def("__len__", reader([](const CaseEngine& e) { return e.size(); }),
             "The number of cases.")
        .def(
            "work_list",
            [](const py::object& self, const std::variant<ActorId, std::string>& who) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    if (const auto* actor = std::get_if<ActorId>(&who)) return box.engine.work_list(*actor);
                    const std::string& name = std::get<std::string>(who);
                    if (const std::optional<ActorId> actor = box.engine.find_actor(name)) return box.engine.work_list(*actor);
                    return box.engine.work_list(name);
                });
            },
            py::arg("unit_or_actor"),
            "The open cases (case numbers) waiting on a unit (its name, primary or cooperating) or on an actor (int id or "
            "string id: in its scope and grid, assigned to its unit, with a transition its roles allow), soonest "
            "deadline first.")
        .def(
            "due_before",
            [](const py::object& self, Instant instant) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.due_before(instant); });
            },
            py::arg("instant"),
            "The open cases (case numbers) whose next timer falls before instant, soonest first: what advance(instant) acts on.")
        .def_property_readonly(
            "next_timer", reader([](const CaseEngine& e) { return e.next_timer(); }),
            "The earliest pending timer of any case (when a server should next call advance), or None.")
        .def(
            "state",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return view_of(box.engine.state(case_id(box.engine, id))); });
            },
            py::arg("case"), "The state of case (a snapshot); NotFoundError.")
        .def_property_readonly(
            "cases",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<CaseView> out;
                    out.reserve(box.engine.size());
                    for (const CaseState& s : box.engine.cases()) out.push_back(view_of(s));
                    return out;
                });
            },
            "Every case's state (snapshots), by id.")
        .def(
            "input",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.input(case_id(box.engine, id)); });
            },
            py::arg("case"), "What was filed for case (a copy); NotFoundError.")
        .def_static("case_number", &CaseEngine::case_number, py::arg("id"),
                    "The case number of id: 'C000001' for the int index 0 (a case number is returned as it is).")
        .def(
            "find_case",
            [](const py::object& self, const CodeText& number) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.find_case(number.utf8); });
            },
            py::arg("number"), "The case number, checked: InvalidInputError when it is not 'C' followed by digits, NotFoundError when "
            "there is no such case.")
        .def(
            "state_id",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.state_id(case_id(box.engine, id)); });
            },
            py::arg("case"), "Id of the current state of case.")
        .def(
            "assignment",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.assignment(case_id(box.engine, id)); });
            },
            py::arg("case"), "The current Assignment of case, or None when it has not been routed.")
        .def(
            "available",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.available(case_id(box.engine, id)); });
            },
            py::arg("case"), "Ids of the transitions that leave the current state of case.")
        .def_property_readonly(
            "events",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const auto events = box.engine.events();
                    return std::vector<Event>(events.begin(), events.end());
                });
            },
            "Every event in order (copies).")
        .def(
            "event_records",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<EventRecord> out;
                    out.reserve(box.engine.events().size());
                    for (const Event& e : box.engine.events()) out.push_back(box.engine.describe(e));
                    return out;
                });
            },
            "Every event spelled out (EventRecord), in order: what replay() reads.")
        .def(
            "events_of",
            [](const py::object& self, const CaseArgument& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    std::vector<Event> out;
                    for (const Event* e : box.engine.events_of(case_id(box.engine, id))) out.push_back(*e);
                    return out;
                });
            },
            py::arg("case"), "The events of case in order (copies).")
        .def(
            "describe",
            [](const py::object& self, const EventArgument& event) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.describe(own_event(box.engine, event)); });
            },
            py::arg("event"),
            "An Event of this engine (or its sequence) spelled out with names; NotFoundError for another's.")
        .def(
            "role_name",
            [](const py::object& self, std::uint16_t role) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.role_name(role); });
            },
            py::arg("index"), "A role name by index (Event.role); NotFoundError.")
        .def(
            "memory_bytes",
            reader([](const CaseEngine& e) { return e.memory_bytes(); }),
            "Bytes held for cases, events and their details (approximate, capacity-based).")
        .def(
            "unrecorded_refusals",
            reader([](const CaseEngine& e) { return e.unrecorded_refusals(); }),
            "Refused attempts not recorded because their case had EngineOptions.recorded_refusals_per_case refusals "
            "already (counted since this engine was made).");
}

}  // namespace grassroots::python
