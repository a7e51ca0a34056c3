// Closed-loop workflow definitions (闭环流程): the states and transitions of a loop and the enums they
// use. States and transitions are value types.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "value_types.hpp"
#include "workflow/workflow.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots::python {

void bind_states_and_transitions(py::module_& m) {
    bind_enum<BreachAction>(m, "BreachAction", "What happens when a state's deadline is breached.");
    bind_enum<Duty>(m, "Duty",
                    "The duty a transition performs, which the case engine uses for routing and separation of duties.",
                    "无, 派遣, 处置 or 核查.");
    bind_enum<HotlineKind>(m, "HotlineKind", "Kinds of 12345 hotline request, each with its own handling limit.");

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
                    std::vector<std::string> required_fields, bool rework, Duty duty) {
            return TransitionDefinition{std::move(id),    std::move(from),           std::move(to),
                                        std::move(roles), std::move(required_fields), rework, duty};
        }),
        py::arg("id"), py::arg("from_state"), py::arg("to_state"), py::arg("roles"),
        py::arg("required_fields") = std::vector<std::string>{}, py::arg("rework") = false,
        py::arg("duty") = Duty::none,
        "A transition from state from_state to state to_state, allowed to roles (at least one). duty says what the "
        "case engine does with it (DISPATCH routes, HANDLE records the handler, VERIFY checks separation of duties; "
        "a rework transition may only have duty VERIFY or NONE).");
    field(transition_class, "id", &TransitionDefinition::id, "Stable identifier ('dispatch').");
    field(transition_class, "from_state", &TransitionDefinition::from, "Id of the source state.");
    field(transition_class, "to_state", &TransitionDefinition::to, "Id of the target state.");
    field(transition_class, "roles", &TransitionDefinition::roles, "Roles allowed to take the transition.");
    field(transition_class, "required_fields", &TransitionDefinition::required_fields,
          "Fields the actor must fill in.");
    field(transition_class, "rework", &TransitionDefinition::rework, "True when the move sends work back (返工).");
    field(transition_class, "duty", &TransitionDefinition::duty,
          "What the move does for routing and separation of duties (Duty).");
    add_value_protocol(transition_class, {"id", "from_state", "to_state", "roles", "required_fields", "rework", "duty"},
                       {.hash = false});

}

}  // namespace grassroots::python
