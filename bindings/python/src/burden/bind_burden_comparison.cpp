// The burden index rows and the before/after comparison (减负成效). Their pandas views
// (BurdenComparison.to_pandas, kinds_frame) are Python: grassroots/burden/_pandas.py.
#include <pybind11/stl.h>

#include <map>
#include <string>

#include "burden/burden.hpp"
#include "casters.hpp"
#include "grassroots/burden/burden.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

/// Per-kind quantities as {BurdenKind: quantity}.
std::map<BurdenKind, std::int64_t> by_kind(const std::array<std::int64_t, burden_kind_count>& values) {
    std::map<BurdenKind, std::int64_t> out;
    for (const BurdenKind kind : all_burden_kinds) out.emplace(kind, values[static_cast<std::size_t>(kind)]);
    return out;
}

void bind_index_row(py::module_& m) {
    py::class_<BurdenIndexRow> row_class(m, "BurdenIndexRow", "The burden of one unit on one day.");
    field(row_class, "unit", &BurdenIndexRow::unit, "The unit (DivisionCode).");
    field(row_class, "staff", &BurdenIndexRow::staff, "Staff members, or None when not known.");
    field(row_class, "items", &BurdenIndexRow::items, "Items in force.");
    row_class.def_property_readonly(
        "quantity", [](const BurdenIndexRow& r) { return by_kind(r.quantity); }, "Quantity in force per kind.");
    field(row_class, "weighted", &BurdenIndexRow::weighted, "Σ weight(kind) × quantity.");
    field(row_class, "index", &BurdenIndexRow::index, "weighted / staff, or None without a staff count.");
    add_value_protocol(row_class, {"unit", "staff", "items", "quantity", "weighted", "index"},
                       {.hash = false, .pickle = false});
}

void bind_changes(py::module_& m) {
    py::class_<BurdenChange> change_class(m, "BurdenChange", "One unit's burden on two days.");
    field(change_class, "unit", &BurdenChange::unit, "The unit (DivisionCode).");
    field(change_class, "staff", &BurdenChange::staff, "Staff members, or None.");
    field(change_class, "weighted_before", &BurdenChange::weighted_before, "Weighted burden on the first day.");
    field(change_class, "weighted_after", &BurdenChange::weighted_after, "Weighted burden on the second day.");
    field(change_class, "index_before", &BurdenChange::index_before, "Index on the first day, or None.");
    field(change_class, "index_after", &BurdenChange::index_after, "Index on the second day, or None.");
    field(change_class, "items_before", &BurdenChange::items_before, "Items in force on the first day.");
    field(change_class, "items_after", &BurdenChange::items_after, "Items in force on the second day.");
    field(change_class, "added", &BurdenChange::added, "Items added after the first day, up to the second.");
    field(change_class, "removed", &BurdenChange::removed, "Items removed after the first day, up to the second.");
    change_class.def_property_readonly("change", &BurdenChange::change, "weighted_after − weighted_before.");
    add_value_protocol(change_class,
                       {"unit", "staff", "weighted_before", "weighted_after", "index_before", "index_after",
                        "items_before", "items_after", "added", "removed"},
                       {.pickle = false});

    py::class_<BurdenKindChange> kind_change_class(m, "BurdenKindChange",
                                                   "Quantities of one kind on two days (after = before + added − removed).");
    field(kind_change_class, "kind", &BurdenKindChange::kind, "The kind.");
    field(kind_change_class, "before", &BurdenKindChange::before, "Quantity in force on the first day.");
    field(kind_change_class, "after", &BurdenKindChange::after, "Quantity in force on the second day.");
    field(kind_change_class, "added", &BurdenKindChange::added, "Quantity added in between.");
    field(kind_change_class, "removed", &BurdenKindChange::removed, "Quantity removed in between.");
    add_value_protocol(kind_change_class, {"kind", "before", "after", "added", "removed"}, {.pickle = false});
}

}  // namespace

void bind_burden_comparison(py::module_& m) {
    bind_index_row(m);
    bind_changes(m);
    py::class_<BurdenComparison>(m, "BurdenComparison", "Before/after comparison of the burden across two days (减负成效).")
        .def_property_readonly("before", [](const BurdenComparison& c) { return c.before; }, "The first day.")
        .def_property_readonly("after", [](const BurdenComparison& c) { return c.after; }, "The second day.")
        .def_property_readonly("units", [](const BurdenComparison& c) { return c.units; }, "One per unit, in code order.")
        .def_property_readonly("kinds", [](const BurdenComparison& c) { return c.kinds; }, "One per kind, in kind order.")
        .def(
            "kind", [](const BurdenComparison& c, BurdenKind kind) { return c.kinds.at(static_cast<std::size_t>(kind)); },
            py::arg("kind"), "The change of one kind.")
        .def("__repr__", [](const BurdenComparison& c) {
            double before = 0.0;
            double after = 0.0;
            for (const BurdenChange& u : c.units) {
                before += u.weighted_before;
                after += u.weighted_after;
            }
            return "<BurdenComparison " + to_string(c.before) + " → " + to_string(c.after) + ": " +
                   std::to_string(c.units.size()) + " units, weighted " + py::repr(py::float_(before)).cast<std::string>() +
                   " → " + py::repr(py::float_(after)).cast<std::string>() + ">";
        });
}

}  // namespace grassroots::python
