// The binding functions of the workflow area, one per class or tight group of classes, called in
// this order by bind_workflow() (bindings.cpp): a type is registered before a default argument or
// signature uses it.
#pragma once

#include "bindings.hpp"

namespace grassroots::python {

// Definitions (bind_definition.cpp, bind_workflow_definition.cpp, bind_workflow_registry.cpp).
/// BreachAction, Duty, HotlineKind, StateDefinition and TransitionDefinition.
void bind_states_and_transitions(py::module_& m);
/// WorkflowDefinition.
void bind_workflow_definition(py::module_& m);
/// WorkflowRegistry and the built-in loops.
void bind_workflow_registry(py::module_& m);

// Matters and routing (bind_matter.cpp, bind_matter_catalogue.cpp, bind_routing.cpp, bind_responsibility_list.cpp).
/// MatterClass, MatterCodeSegment, MatterCodeLayout and MatterType.
void bind_matter_types(py::module_& m);
/// MatterCatalogue.
void bind_matter_catalogue(py::module_& m);
/// Rung, rung_of, ResponsibilityEntry and Assignment.
void bind_routing(py::module_& m);
/// ResponsibilityList.
void bind_responsibility_list(py::module_& m);

// The case engine (bind_case_values.cpp, bind_event.cpp, bind_case_state.cpp, bind_case_engine*.cpp).
/// Priority, EventKind, Attachment, Field and CaseInput.
void bind_case_input(py::module_& m);
/// Actor and EngineOptions.
void bind_actor_and_options(py::module_& m);
/// Event and EventRecord.
void bind_events(py::module_& m);
/// CaseState.
void bind_case_state(py::module_& m);
// bind_case_engine(m) (CaseEngine) is declared in common/bindings.hpp.

}  // namespace grassroots::python
