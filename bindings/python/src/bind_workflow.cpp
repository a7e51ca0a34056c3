// Closed-loop workflow definitions (闭环流程): states, transitions, deadlines, a registry, built-ins.
//
// States and transitions are value types; a WorkflowDefinition is validated when built and
// round-trips through JSON. Definitions handed out by a registry are copies.
#include <pybind11/stl.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "value_types.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots::python {

namespace {

/// A WorkflowRegistry that also counts its definitions (for len()).
struct Registry {
    WorkflowRegistry registry;
    std::size_t size = 0;
};

}  // namespace

void bind_workflow(py::module_& m) {
    bind_enum<BreachAction>(m, "BreachAction", "What happens when a state's deadline is breached.",
                            {{"ESCALATE", BreachAction::escalate, "督办: escalate one rung up the hierarchy"},
                             {"URGE", BreachAction::urge, "催办: urge the handler"},
                             {"NOTIFY", BreachAction::notify, "通知: notify the parties"}});
    bind_enum<HotlineKind>(m, "HotlineKind", "Kinds of 12345 hotline request, each with its own handling limit.",
                           {{"EMERGENCY", HotlineKind::emergency, "紧急: 2 hours elapsed"},
                            {"UTILITIES", HotlineKind::utilities, "water, power, gas, heating: 24 hours elapsed"},
                            {"GENERAL", HotlineKind::general, "一般: 7 working days"},
                            {"COMPLEX", HotlineKind::complex, "疑难复杂: 15 working days"}});

    // ---- StateDefinition ------------------------------------------------------------------------
    py::class_<StateDefinition> state_class(m, "StateDefinition", "One state of a closed loop.");
    state_class.def(py::init([](std::string id, std::string name, bool closed, std::optional<Deadline> deadline,
                                std::vector<BreachAction> on_breach, bool starts_clock) {
                        return StateDefinition{std::move(id), std::move(name), closed, deadline, std::move(on_breach),
                                               starts_clock};
                    }),
                    py::arg("id"), py::arg("name"), py::arg("closed") = false, py::arg("deadline") = py::none(),
                    py::arg("on_breach") = std::vector<BreachAction>{}, py::arg("starts_clock") = false,
                    "A state; a closed (final) state has no deadline, breach actions or way out.");
    field(state_class, "id", &StateDefinition::id, "Stable identifier ('dispatch').");
    field(state_class, "name", &StateDefinition::name, "Display name ('任务派遣').");
    field(state_class, "closed", &StateDefinition::closed, "True for final states.");
    field(state_class, "deadline", &StateDefinition::deadline, "Time allowed in this state (a Deadline), or None.");
    field(state_class, "on_breach", &StateDefinition::on_breach, "Actions taken when the deadline is breached.");
    field(state_class, "starts_clock", &StateDefinition::starts_clock,
          "True when entering this state starts the case clock.");
    add_value_protocol(state_class, {"id", "name", "closed", "deadline", "on_breach", "starts_clock"}, {.hash = false});

    // ---- TransitionDefinition -------------------------------------------------------------------
    py::class_<TransitionDefinition> transition_class(m, "TransitionDefinition",
                                                      "An allowed move from one state to another and who may take it.");
    transition_class.def(
        py::init([](std::string id, std::string from, std::string to, std::vector<std::string> roles,
                    std::vector<std::string> required_fields, bool rework) {
            return TransitionDefinition{std::move(id),    std::move(from),           std::move(to),
                                        std::move(roles), std::move(required_fields), rework};
        }),
        py::arg("id"), py::arg("from_state"), py::arg("to_state"), py::arg("roles"),
        py::arg("required_fields") = std::vector<std::string>{}, py::arg("rework") = false,
        "A transition from state from_state to state to_state, allowed to roles (at least one).");
    field(transition_class, "id", &TransitionDefinition::id, "Stable identifier ('dispatch').");
    field(transition_class, "from_state", &TransitionDefinition::from, "Id of the source state.");
    field(transition_class, "to_state", &TransitionDefinition::to, "Id of the target state.");
    field(transition_class, "roles", &TransitionDefinition::roles, "Roles allowed to take the transition.");
    field(transition_class, "required_fields", &TransitionDefinition::required_fields,
          "Fields the actor must fill in.");
    field(transition_class, "rework", &TransitionDefinition::rework, "True when the move sends work back (返工).");
    add_value_protocol(transition_class, {"id", "from_state", "to_state", "roles", "required_fields", "rework"},
                       {.hash = false});

    // ---- WorkflowDefinition ---------------------------------------------------------------------
    py::class_<WorkflowDefinition>(m, "WorkflowDefinition", "A validated, versioned closed-loop definition.")
        .def(py::init<std::string, int, std::string, std::string, std::vector<StateDefinition>,
                      std::vector<TransitionDefinition>>(),
             py::arg("id"), py::arg("version"), py::arg("title"), py::arg("initial"), py::arg("states"),
             py::arg("transitions"), "Builds and validates a definition; raises InvalidInputError naming the first problem.")
        .def_property_readonly("id", [](const WorkflowDefinition& d) { return d.id(); }, "Loop id.")
        .def_property_readonly("version", &WorkflowDefinition::version, "Version, from 1.")
        .def_property_readonly("title", [](const WorkflowDefinition& d) { return d.title(); }, "Display title.")
        .def_property_readonly("initial", [](const WorkflowDefinition& d) { return d.initial(); }, "Initial state id.")
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

    // ---- WorkflowRegistry -----------------------------------------------------------------------
    py::class_<Registry>(m, "WorkflowRegistry",
                         "Definitions by id and version; a running case stays on the version it started with.")
        .def(py::init<>(), "An empty registry.")
        .def(
            "add",
            [](Registry& r, WorkflowDefinition definition) {
                r.registry.add(std::move(definition));
                ++r.size;
            },
            py::arg("definition"), "Adds a definition; raises InvalidInputError if its id and version are already present.")
        .def("get", [](const Registry& r, const std::string& id, int version) { return r.registry.get(id, version); },
             py::arg("id"), py::arg("version"), "The definition id at version (a copy); raises NotFoundError.")
        .def("latest", [](const Registry& r, const std::string& id) { return r.registry.latest(id); }, py::arg("id"),
             "The highest version of id (a copy); raises NotFoundError.")
        .def("__len__", [](const Registry& r) { return r.size; }, "The number of definitions (all ids and versions).");

    // ---- built-in loops -------------------------------------------------------------------------
    m.def("urban_management", &urban_management, "数字化城管: 7 stages plus 注销 cancel and 结案 closed, version 1.");
    m.def("hotline_12345", &hotline_12345, py::arg("kind"),
          "12345 接诉即办 for requests of this kind: id 'hotline_12345_<kind>', version 1.");
    m.def("whistle", &whistle, "吹哨报到: departments must report within 30 min elapsed, version 1.");
    m.def("five_step", &five_step, "五步闭环: a failed verification sends the problem back, version 1.");
    m.def("explore_pilot", &explore_pilot, "探索—试点—评估—推广: evaluation can send a project back to pilot, version 1.");
}

}  // namespace grassroots::python
