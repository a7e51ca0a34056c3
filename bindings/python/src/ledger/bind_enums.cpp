// The enums of the dual ledger, from their name tables (src/ledger/ledger.cpp).
#include "ledger.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_ledger_enums(py::module_& m) {
    bind_enum<ProblemStatus>(m, "ProblemStatus", "Status of a problem of the dual ledger.", "整改中, 已核查 or 已销号.");
    bind_enum<MeasureStatus>(m, "MeasureStatus", "Status of a measure of the dual ledger.", "未启动, 推进中 or 已完成.");
    bind_enum<LedgerAction>(m, "LedgerAction", "What a history entry of the dual ledger records.",
                            "The Chinese term, e.g. 销号.");
    bind_enum<ProblemSourceKind>(m, "ProblemSourceKind", "Where a problem came from.", "直接登记, 协商议事 or 案件.");
}

}  // namespace grassroots::python
