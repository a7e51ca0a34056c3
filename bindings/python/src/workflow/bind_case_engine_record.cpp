// CaseEngine: the event record (JSON lines, replay, Open311), the column primitives of the pandas
// views, and its repr.
#include <optional>
#include <string>
#include <vector>

#include "casters.hpp"
#include "workflow/case_engine.hpp"
#include "workflow/support.hpp"

namespace grassroots::python {

void bind_engine_record(EngineClass& engine_class) {
    engine_class
        // ---- the record ----
        .def(
            "to_json_line",
            [](const py::object& self, const EventArgument& event) {
                EngineBox& box = box_of(self);
                return read(box, [&] { return box.engine.to_json_line(own_event(box.engine, event)); });
            },
            py::arg("event"), "One event (or its sequence) as a JSON object on one line (no newline).")
        .def(
            "to_json_lines",
            [](const py::object& self) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    const py::gil_scoped_release release;
                    return box.engine.to_json_lines();
                });
            },
            "Every event as JSON lines (what parse_json_lines() reads).")
        .def_static(
            "parse_json_lines",
            [](const std::string& text, const std::string& source) {
                const py::gil_scoped_release release;
                return CaseEngine::parse_json_lines(text, source);
            },
            py::arg("text"), py::arg("source") = "<text>",
            "Reads JSON lines written by to_json_lines() into EventRecords; InvalidInputError naming source, line "
            "(.row) and key (.field).")
        .def(
            "replay",
            [](const py::object& self, const std::vector<EventRecord>& records, bool more_follow) {
                EngineBox& box = box_of(self);
                change(box, [&] {
                    const py::gil_scoped_release release;
                    box.engine.replay(records, more_follow ? ReplayEnd::more_follow : ReplayEnd::complete);
                });
            },
            py::arg("records"), py::arg("more_follow") = false,
            "Re-executes records (EventRecord, e.g. from parse_json_lines()) through the operations the live engine "
            "runs, on this engine, which must have no cases yet and the same loops, actors, lists and calendar; "
            "rebuilds identical states and timers. Each record must be the event the live engine records for it "
            "(refusals included): a history it could not have produced (a missing role or scope, a verifier who "
            "handled, a late handling without its urging and escalation, a unit outside the division tree …) raises "
            "InvalidInputError naming the record (.row) and key (.field), leaving the engine empty. Records that end "
            "inside an operation are refused unless more_follow (the rest comes in the next call). Callbacks are not "
            "called. Runs without the GIL.")
        .def(
            "to_open311",
            [](const py::object& self, const std::optional<CaseArgument>& id) {
                EngineBox& box = box_of(self);
                return read(box, [&] {
                    return id ? box.engine.to_open311(case_id(box.engine, *id)) : box.engine.to_open311();
                });
            },
            py::arg("case") = py::none(),
            "Open311 GeoReport v2 service requests as JSON text: an array for every case, or one object for case. "
            "expected_datetime is the current state's due instant as first set (escalation does not move it).")
        .def(
            "open311",
            [](const py::object& self) {
                return py::reinterpret_steal<Requests>(
                    py::module_::import("json").attr("loads")(self.attr("to_open311")()).release());
            },
            "to_open311() parsed: a list of dicts, one per case.")
        // ---- column primitives of the pandas views (grassroots/workflow/_pandas.py) ----
        .def("_case_columns", [](const py::object& self) { return case_columns(box_of(self)); },
             "Columns for to_pandas() (internal).")
        .def("_event_columns", [](const py::object& self) { return event_columns(box_of(self)); },
             "Columns for events_frame() (internal).")
        .def("__repr__", [](const py::object& self) {
            EngineBox& box = box_of(self);
            return read(box, [&] {
                return "<CaseEngine: " + plural(box.engine.size(), "case", "cases") + ", " +
                       plural(box.engine.events().size(), "event", "events") + ", " + plural(box.engine.actor_count(), "actor", "actors") +
                       ", " + plural(box.engine.workflows().size(), "workflow", "workflows") + ">";
            });
        });
}

}  // namespace grassroots::python
