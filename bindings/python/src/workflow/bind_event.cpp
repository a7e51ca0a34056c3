// The events of the case engine: compact (Event, indices) and spelled out (EventRecord, names).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "casters.hpp"
#include "workflow/case_engine.hpp"
#include "workflow/workflow.hpp"

namespace grassroots::python {

namespace {

std::optional<std::uint32_t> index_or_none(std::uint32_t index, std::uint32_t none) {
    return index == none ? std::nullopt : std::optional<std::uint32_t>(index);
}

std::optional<std::uint32_t> index_or_none(std::uint16_t index) { return index_or_none(index, Event::none); }

}  // namespace

void bind_events(py::module_& m) {
    // ---- Event ------------------------------------------------------------------------------------------------
    py::class_<Event> event_class(
        m, "Event",
        "One immutable event, compact: states, transition and role are indices (CaseEngine.describe() spells them "
        "out). A copy: it does not change when the engine moves on.");
    field(event_class, "sequence", &Event::sequence, "Position in the engine's stream, from 0.");
    field(event_class, "at", &Event::at, "When (aware datetime, +08:00).");
    field(event_class, "case_id", &Event::case_id, "Which case (its number, 'C000001').");
    event_class
        .def_property_readonly("actor", [](const Event& e) { return id_or_none(e.actor); },
                               "Who (int actor id), or None for the engine's clock (breaches).")
        .def_property_readonly("kind", [](const Event& e) { return e.kind; }, "What happened (EventKind).")
        .def_property_readonly("rung", [](const Event& e) { return e.rung; }, "Rung of the case after the event.")
        .def_property_readonly("from_state", [](const Event& e) { return index_or_none(e.from); },
                               "Index of the state before, or None.")
        .def_property_readonly("to_state", [](const Event& e) { return index_or_none(e.to); },
                               "Index of the state after, or None.")
        .def_property_readonly("transition", [](const Event& e) { return index_or_none(e.transition); },
                               "Index of the transition taken or refused, or None.")
        .def_property_readonly("role", [](const Event& e) { return index_or_none(e.role); },
                               "Index of the role the actor acted in (CaseEngine.role_name()), or None.")
        .def_property_readonly(
            "previous",
            [](const Event& e) { return index_or_none(e.previous, Event::no_detail); },
            "Sequence of the case's previous event, or None for its first.");
    add_value_protocol(event_class,
                       {"sequence", "case_id", "kind", "at", "actor", "rung", "from_state", "to_state", "transition",
                        "role", "previous"},
                       {.pickle = false});

    // ---- EventRecord ------------------------------------------------------------------------------------------
    py::class_<EventRecord> record_class(
        m, "EventRecord",
        "An event spelled out with names: what JSON lines and pandas carry, and what CaseEngine.replay() reads. "
        "Text fields are '' when absent (actor '' = the engine's clock).");
    record_class.def(
        py::init([](std::uint64_t sequence, std::string case_number, EventKind kind, Instant at, std::string actor,
                    std::string role, std::string from, std::string to, std::string transition, Rung rung,
                    std::string note, const FieldList& fields, std::string reason, std::optional<Assignment> assignment,
                    std::optional<CaseInput> input, std::string workflow, int workflow_version, std::string unit,
                    std::string grid) {
            EventRecord r;
            r.sequence = sequence;
            r.case_number = std::move(case_number);
            r.kind = kind;
            r.at = at;
            r.actor = std::move(actor);
            r.role = std::move(role);
            r.from = std::move(from);
            r.to = std::move(to);
            r.transition = std::move(transition);
            r.rung = rung;
            r.note = std::move(note);
            r.fields = fields.fields;
            r.reason = std::move(reason);
            r.assignment = std::move(assignment);
            r.input = std::move(input);
            r.workflow = std::move(workflow);
            r.workflow_version = workflow_version;
            r.unit = std::move(unit);
            r.grid = std::move(grid);
            return r;
        }),
        py::arg("sequence"), py::arg("case_number"), py::arg("kind"), py::arg("at"), py::arg("actor") = "",
        py::arg("role") = "", py::arg("from_state") = "", py::arg("to_state") = "", py::arg("transition") = "",
        py::arg("rung") = Rung::community, py::arg("note") = "", py::arg("fields") = py::list(),
        py::arg("reason") = "", py::arg("assignment") = py::none(), py::arg("input") = py::none(),
        py::arg("workflow") = "", py::arg("workflow_version") = 0, py::arg("unit") = "", py::arg("grid") = "",
        "A record (as CaseEngine.describe() and parse_json_lines() make them); replay() checks it.");
    field(record_class, "sequence", &EventRecord::sequence, "Position in the stream.");
    field(record_class, "case_number", &EventRecord::case_number, "'C000001'.");
    field(record_class, "kind", &EventRecord::kind, "What happened (EventKind).");
    field(record_class, "at", &EventRecord::at, "When (aware datetime, +08:00).");
    field(record_class, "actor", &EventRecord::actor, "Actor id ('' = the engine's clock).");
    field(record_class, "role", &EventRecord::role, "Role acted in ('' if none).");
    field(record_class, "from_state", &EventRecord::from, "State id before ('' if none).");
    field(record_class, "to_state", &EventRecord::to, "State id after ('' if none).");
    field(record_class, "transition", &EventRecord::transition, "Transition id ('' if none).");
    field(record_class, "rung", &EventRecord::rung, "Rung after the event.");
    field(record_class, "note", &EventRecord::note, "Free text ('' if none).");
    field(record_class, "fields", &EventRecord::fields, "Fields given with a transition (Field), in order.");
    field(record_class, "reason", &EventRecord::reason, "Why an attempt was refused ('' if it was not).");
    field(record_class, "assignment", &EventRecord::assignment, "Routing result (ASSIGNED, ESCALATED), or None.");
    field(record_class, "input", &EventRecord::input, "The filed case (OPENED), or None.");
    field(record_class, "workflow", &EventRecord::workflow, "Loop id (OPENED; '' otherwise).");
    field(record_class, "workflow_version", &EventRecord::workflow_version, "Loop version (OPENED; 0 otherwise).");
    field(record_class, "unit", &EventRecord::unit, "Resolved division code (OPENED; '' otherwise).");
    field(record_class, "grid", &EventRecord::grid, "Resolved grid code (OPENED; '' if none).");
    add_value_protocol(record_class,
                       {"sequence", "case_number", "kind", "at", "actor", "role", "from_state", "to_state",
                        "transition", "rung", "note", "fields", "reason", "assignment", "input", "workflow",
                        "workflow_version", "unit", "grid"},
                       {.hash = false});
}

}  // namespace grassroots::python
