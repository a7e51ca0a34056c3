// The autonomy area's aggregator: registers its types before the classes that use them.
#include "autonomy/autonomy.hpp"

namespace grassroots::python {

void bind_autonomy(py::module_& m) {
    bind_autonomy_enums(m);
    bind_rule(m);
    bind_rule_set(m);
    bind_rule_book(m);
    bind_chain_entities(m);
    bind_autonomy_chain(m);
    bind_validation(m);
    bind_meeting(m);
    bind_convening(m);
    bind_consultation(m);
}

}  // namespace grassroots::python
