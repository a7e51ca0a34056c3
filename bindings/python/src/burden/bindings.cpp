// The burden ledger (减负台账) and the burden index — "小马拉大车".
//
// Item ids are plain ints; units are given as str or DivisionCode and returned as DivisionCode.
// Per-kind quantities are dicts keyed by BurdenKind. The pandas views are Python
// (grassroots/burden/_pandas.py).
#include "bindings.hpp"
#include "burden/burden.hpp"

namespace grassroots::python {

void bind_burden(py::module_& m) {
    bind_burden_item(m);
    bind_burden_weights(m);
    bind_burden_comparison(m);
    bind_burden_ledger(m);
}

}  // namespace grassroots::python
