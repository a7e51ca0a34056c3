// A validated, versioned closed-loop definition (WorkflowDefinition); it round-trips through JSON.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "workflow/workflow.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots::python {

void bind_workflow_definition(py::module_& m) {
    py::class_<WorkflowDefinition>(m, "WorkflowDefinition", "A validated, versioned closed-loop definition.")
        .def(py::init<std::string, int, std::string, std::string, std::vector<StateDefinition>,
                      std::vector<TransitionDefinition>, std::string>(),
             py::arg("id"), py::arg("version"), py::arg("title"), py::arg("initial"), py::arg("states"),
             py::arg("transitions"), py::arg("reopen_to") = "",
             "Builds and validates a definition; raises InvalidInputError naming the first problem. reopen_to is the "
             "open state a reopened case returns to ('' = the first state that starts the clock, else the initial "
             "state).")
        .def_property_readonly("id", [](const WorkflowDefinition& d) { return d.id(); }, "Loop id.")
        .def_property_readonly("version", &WorkflowDefinition::version, "Version, from 1.")
        .def_property_readonly("title", [](const WorkflowDefinition& d) { return d.title(); }, "Display title.")
        .def_property_readonly("initial", [](const WorkflowDefinition& d) { return d.initial(); }, "Initial state id.")
        .def_property_readonly("reopen_to", [](const WorkflowDefinition& d) { return d.reopen_to(); },
                               "Id of the state a reopened case returns to (resolved when the definition is built).")
        .def_property_readonly("has_verification", &WorkflowDefinition::has_verification,
                               "True when some transition has Duty.VERIFY (then closing needs a passed verification).")
        .def_property_readonly("states", [](const WorkflowDefinition& d) { return d.states(); },
                               "All states in declaration order.")
        .def_property_readonly("transitions", [](const WorkflowDefinition& d) { return d.transitions(); },
                               "All transitions in declaration order.")
        .def("state", [](const WorkflowDefinition& d, const std::string& id) { return d.state(id); }, py::arg("id"),
             "The state with this id; raises NotFoundError.")
        .def("transition", [](const WorkflowDefinition& d, const std::string& id) { return d.transition(id); },
             py::arg("id"), "The transition with this id; raises NotFoundError.")
        .def(
            "transitions_from",
            [](const WorkflowDefinition& d, const std::string& state) {
                std::vector<TransitionDefinition> out;
                for (const TransitionDefinition* t : d.transitions_from(state)) out.push_back(*t);
                return out;
            },
            py::arg("state"), "The transitions leaving this state, in declaration order (empty if none).")
        .def("to_json", &WorkflowDefinition::to_json, "The definition as JSON (the format from_json reads).")
        .def_static(
            "from_json",
            [](const std::string& text, const std::string& source) { return WorkflowDefinition::from_json(text, source); },
            py::arg("text"), py::arg("source") = "<text>",
            "Reads a definition from JSON; errors name source and the JSON path.")
        .def("to_dot", &WorkflowDefinition::to_dot,
             "A Graphviz digraph: closed states double circles, rework edges dashed.")
        .def(
            "__eq__",
            [](const WorkflowDefinition& a, const py::object& b) {
                return py::isinstance<WorkflowDefinition>(b) && a == b.cast<const WorkflowDefinition&>();
            },
            py::arg("other"))
        .def("__repr__",
             [](const WorkflowDefinition& d) {
                 return "WorkflowDefinition(id=" + std::string(py::repr(py::str(d.id()))) +
                        ", version=" + std::to_string(d.version()) + ")";
             })
        .def(py::pickle([](const WorkflowDefinition& d) { return d.to_json(); },
                        [](const std::string& json) { return WorkflowDefinition::from_json(json, "<pickle>"); }));

}

}  // namespace grassroots::python
