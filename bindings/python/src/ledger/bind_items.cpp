// Problems (问题台账) and measures (措施台账) of the dual ledger, as read-only copies.
#include <pybind11/stl.h>

#include <string>

#include "casters.hpp"
#include "ledger.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_ledger_items(py::module_& m) {
    py::class_<Problem> problem_class(m, "Problem", "A problem of the problem ledger (问题台账), as a read-only copy.");
    field(problem_class, "id", &Problem::id, "Dense id (int).");
    field(problem_class, "number", &Problem::number, "Unique number ('P0001' unless given).");
    field(problem_class, "title", &Problem::title, "What the problem is.");
    field(problem_class, "owner", &Problem::owner, "Who must solve it.");
    field(problem_class, "raised", &Problem::raised, "When it was entered.");
    field(problem_class, "due", &Problem::due, "When it must be struck off.");
    field(problem_class, "status", &Problem::status, "Current status.");
    field(problem_class, "source", &Problem::source, "Where it came from.");
    field(problem_class, "measures", &Problem::measures, "Ids of the linked measures, in link order.");
    field(problem_class, "history", &Problem::history, "Every change, oldest first.");
    field(problem_class, "struck_off_on", &Problem::struck_off_on, "Last 销号 (kept after a reopen), or None.");
    field(problem_class, "reopens", &Problem::reopens, "Times reopened after 销号.");
    problem_class.def("overdue", &Problem::overdue, py::arg("on"), "Not struck off and due before that day.")
        .def("struck_off_as_of", &Problem::struck_off_as_of, py::arg("on"), "Struck off at the end of that day.")
        .def("__repr__", [](const Problem& p) {
            return "<Problem " + p.number + " '" + p.title + "' " + std::string(to_string(p.status)) + ", " +
                   std::to_string(p.measures.size()) + " measures>";
        });
    add_value_protocol(problem_class,
                       {"id", "number", "title", "owner", "raised", "due", "status", "source", "measures", "history",
                        "struck_off_on", "reopens"},
                       {.repr = false, .hash = false, .pickle = false});

    py::class_<Measure> measure_class(m, "Measure", "A measure of the measure ledger (措施台账), as a read-only copy.");
    field(measure_class, "id", &Measure::id, "Dense id (int).");
    field(measure_class, "number", &Measure::number, "Unique number ('M0001' unless given).");
    field(measure_class, "title", &Measure::title, "What is to be done.");
    field(measure_class, "owner", &Measure::owner, "Who carries it out.");
    field(measure_class, "responsible", &Measure::responsible, "The person answering for it (责任人), '' if not named.");
    field(measure_class, "created", &Measure::created, "When it was entered.");
    field(measure_class, "due", &Measure::due, "When it must be done.");
    field(measure_class, "status", &Measure::status, "Current status.");
    field(measure_class, "problems", &Measure::problems, "Ids of the linked problems, in link order.");
    field(measure_class, "history", &Measure::history, "Every change, oldest first.");
    field(measure_class, "completed_on", &Measure::completed_on, "When it was last done (kept after a reopen), or None.");
    field(measure_class, "completed_by", &Measure::completed_by, "Who last marked it done.");
    measure_class.def("overdue", &Measure::overdue, py::arg("on"), "Not done and due before that day.")
        .def("done_as_of", &Measure::done_as_of, py::arg("on"), "Done at the end of that day.")
        .def("__repr__", [](const Measure& x) {
            return "<Measure " + x.number + " '" + x.title + "' " + std::string(to_string(x.status)) + ", " +
                   std::to_string(x.problems.size()) + " problems>";
        });
    add_value_protocol(measure_class,
                       {"id", "number", "title", "owner", "responsible", "created", "due", "status", "problems",
                        "history", "completed_on", "completed_by"},
                       {.repr = false, .hash = false, .pickle = false});
}

}  // namespace grassroots::python
