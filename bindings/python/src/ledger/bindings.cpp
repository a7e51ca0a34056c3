// The dual ledger (双台账): problems and measures linked many-to-many, 销号, reports, CSV.
//
// Problem and measure ids are plain ints in Python; problems, measures and history entries are
// returned as read-only copies. The pandas views are Python (grassroots/ledger/_pandas.py).
#include "ledger.hpp"

namespace grassroots::python {

void bind_ledger(py::module_& m) {
    bind_ledger_enums(m);
    bind_ledger_values(m);
    bind_ledger_items(m);
    bind_ledger_report(m);
    bind_dual_ledger(m);
}

}  // namespace grassroots::python
