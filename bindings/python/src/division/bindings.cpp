// The division area's aggregator: registers its types before the classes that use them.
#include "division/division.hpp"

namespace grassroots::python {

void bind_division(py::module_& m) {
    bind_division_enums(m);
    bind_division_code(m);
    bind_unit(m);
    bind_division_tree(m);
    bind_division_tree_builder(m);
}

}  // namespace grassroots::python
