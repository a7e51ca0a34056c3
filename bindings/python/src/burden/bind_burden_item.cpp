// BurdenKind, BurdenStatus (from their name tables) and BurdenItem.
#include <pybind11/stl.h>

#include "burden/burden.hpp"
#include "burden/support.hpp"
#include "casters.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_burden_item(py::module_& m) {
    bind_enum<BurdenKind>(m, "BurdenKind", "Kinds of burden a village-level unit carries (小马拉大车).",
                          "The Chinese term, e.g. 挂牌.");
    bind_enum<BurdenStatus>(m, "BurdenStatus", "Status of a burden item.", "保留, 拟清理 or 已清理.");

    py::class_<BurdenItem> item_class(m, "BurdenItem", "One item of a unit's burden ledger (a read-only copy).");
    field(item_class, "id", &BurdenItem::id, "Dense id (int).");
    field(item_class, "unit", &BurdenItem::unit, "The village-level unit carrying it (DivisionCode).");
    field(item_class, "kind", &BurdenItem::kind, "What it is.");
    field(item_class, "name", &BurdenItem::name, "What it is called.");
    field(item_class, "source_department", &BurdenItem::source_department, "Who put it there ('' if unknown).");
    field(item_class, "quantity", &BurdenItem::quantity, "Counted quantity: plaques, meetings a year, ….");
    field(item_class, "status", &BurdenItem::status, "Current status.");
    field(item_class, "added", &BurdenItem::added, "When it came into force.");
    field(item_class, "flagged", &BurdenItem::flagged, "When it was flagged for removal, or None.");
    field(item_class, "removed", &BurdenItem::removed, "When it was removed, or None.");
    field(item_class, "note", &BurdenItem::note, "Free text (latest note).");
    item_class.def("in_force", &BurdenItem::in_force, py::arg("on"),
                   "Added on or before that day and not removed by then.");
    add_value_protocol(item_class,
                       {"id", "unit", "kind", "name", "source_department", "quantity", "status", "added", "flagged",
                        "removed", "note"},
                       {.pickle = false});
}

}  // namespace grassroots::python
