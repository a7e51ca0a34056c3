// The state of one case (CaseState): a snapshot Python holds, without the engine's definition pointer.
#include <string>

#include "casters.hpp"
#include "workflow/case_engine.hpp"
#include "workflow/workflow.hpp"

namespace grassroots::python {

void bind_case_state(py::module_& m) {
    // ---- CaseState --------------------------------------------------------------------------------------------
    py::class_<CaseView> case_class(
        m, "CaseState",
        "The state of one case, the fold of its events: a snapshot (it does not change when the engine moves on). "
        "Made by CaseEngine.state() and CaseEngine.cases.");
    case_class
        .def_property_readonly("id", [](const CaseView& v) { return v.state.id; }, "The case (its number, 'C000001'; the same as number).")
        .def_property_readonly("number", [](const CaseView& v) { return CaseEngine::case_number(v.state.id); },
                               "Its number, 'C000001'.")
        .def_property_readonly("workflow", [](const CaseView& v) { return v.workflow; }, "Its loop's id.")
        .def_property_readonly("version", [](const CaseView& v) { return v.version; },
                               "Its loop's version (fixed at filing).")
        .def_property_readonly("state", [](const CaseView& v) { return v.state.state; },
                               "Index of the current state in the loop's states.")
        .def_property_readonly("state_id", [](const CaseView& v) { return v.state_id; }, "Id of the current state.")
        .def_property_readonly("closed", [](const CaseView& v) { return v.state.closed; }, "True in a closed state.")
        .def_property_readonly("unit", [](const CaseView& v) { return v.state.unit; },
                               "Where (DivisionCode: village-level or higher).")
        .def_property_readonly("grid", [](const CaseView& v) { return text_or_none(v.state.grid); },
                               "Grid code, or None when not located in a grid.")
        .def_property_readonly("matter", [](const CaseView& v) { return v.state.matter; }, "Matter key.")
        .def_property_readonly("priority", [](const CaseView& v) { return v.state.priority; }, "How urgent.")
        .def_property_readonly("reporter", [](const CaseView& v) { return v.state.reporter; },
                               "Who filed it (int actor id; may reopen it).")
        .def_property_readonly("handler", [](const CaseView& v) { return id_or_none(v.state.handler); },
                               "Last handler (Duty.HANDLE), or None.")
        .def_property_readonly("verifier", [](const CaseView& v) { return id_or_none(v.state.verifier); },
                               "Last verifier (Duty.VERIFY), or None.")
        .def_property_readonly("handled", [](const CaseView& v) { return v.state.handled; },
                               "Handled since the last verification.")
        .def_property_readonly("verified", [](const CaseView& v) { return v.state.verified; },
                               "Last verification passed and nothing handled since.")
        .def_property_readonly("opened_at", [](const CaseView& v) { return v.state.opened_at; }, "Filed.")
        .def_property_readonly("entered_at", [](const CaseView& v) { return v.state.entered_at; },
                               "Entered the current state.")
        .def_property_readonly("updated_at", [](const CaseView& v) { return v.state.updated_at; }, "Last change.")
        .def_property_readonly("clock_started", [](const CaseView& v) { return v.state.clock_started; },
                               "When the case clock started (first clock state), or None.")
        .def_property_readonly("due", [](const CaseView& v) { return v.state.due; },
                               "When the current state's deadline falls due, or None.")
        .def_property_readonly("next_breach", [](const CaseView& v) { return v.state.next_breach; },
                               "Next timer (due, then re-armed after escalation), or None.")
        .def_property_readonly(
            "closed_at",
            [](const CaseView& v) { return v.state.closed ? v.state.closed_at : std::optional<Instant>(); },
            "When it closed, or None while open (also after a reopening).")
        .def_property_readonly("handling_due", [](const CaseView& v) { return v.state.handling_due; },
                               "Due instant of its latest handling state (one a Duty.HANDLE transition leaves), kept "
                               "after it; None if it never reached one.")
        .def_property_readonly("handled_at", [](const CaseView& v) { return v.state.handled_at; },
                               "When it was last handled (Duty.HANDLE), or None.")
        .def_property_readonly("rung", [](const CaseView& v) { return v.state.rung; }, "Rung of the ladder it sits on.")
        .def_property_readonly("start_rung", [](const CaseView& v) { return v.state.start_rung; },
                               "Rung it was filed at.")
        .def_property_readonly("transitions", [](const CaseView& v) { return v.state.transitions; },
                               "Transitions taken.")
        .def_property_readonly("reworks", [](const CaseView& v) { return v.state.reworks; },
                               "Failed verifications (返工).")
        .def_property_readonly("escalations", [](const CaseView& v) { return v.state.escalations; }, "督办 events.")
        .def_property_readonly("urges", [](const CaseView& v) { return v.state.urges; }, "催办 events.")
        .def_property_readonly("reopens", [](const CaseView& v) { return v.state.reopens; }, "Times reopened.")
        .def_property_readonly("refusals", [](const CaseView& v) { return v.state.refusals; }, "Refused attempts.")
        .def_property_readonly("last_event", [](const CaseView& v) { return v.state.last_event; },
                               "Sequence of its latest event.")
        .def("__repr__", [](const CaseView& v) {
            return "<CaseState " + CaseEngine::case_number(v.state.id) + " " + v.workflow + " v" +
                   std::to_string(v.version) + " '" + v.state_id + "' " + (v.state.closed ? "closed" : "open") +
                   ", rung " + std::string(to_string(v.state.rung)) + ">";
        });
    add_value_protocol(case_class,
                       {"id", "workflow", "version", "state", "state_id", "closed", "unit", "grid", "matter",
                        "priority", "reporter", "handler", "verifier", "handled", "verified", "opened_at",
                        "entered_at", "updated_at", "clock_started", "due", "next_breach", "closed_at", "handling_due",
                        "handled_at", "rung",
                        "start_rung", "transitions", "reworks", "escalations", "urges", "reopens", "refusals",
                        "last_event"},
                       {.repr = false, .hash = false, .pickle = false});
}
}  // namespace grassroots::python
