// The workflow area (grassroots._core.workflow): closed-loop definitions, the matter catalogue,
// responsibility lists and the case engine. Types are registered before they are used.
#include "workflow/workflow.hpp"

namespace grassroots::python {

void bind_workflow(py::module_& m) {
    bind_states_and_transitions(m);
    bind_workflow_definition(m);
    bind_workflow_registry(m);
    bind_matter_types(m);
    bind_matter_catalogue(m);
    bind_routing(m);
    bind_responsibility_list(m);
    bind_case_input(m);
    bind_actor_and_options(m);
    bind_events(m);
    bind_case_state(m);
    bind_case_engine(m);
}

}  // namespace grassroots::python
