// The burden ledger (减负台账) and the burden index — "小马拉大车".
//
// Item ids are plain ints; units are given as str or DivisionCode and returned as DivisionCode.
// Per-kind quantities are dicts keyed by BurdenKind.
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "grassroots/burden/burden.hpp"
#include "grassroots/error.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace pybind11::detail {

template <>
struct type_caster<grassroots::BurdenItemId> : strong_id_caster<grassroots::BurdenItemId> {};

}  // namespace pybind11::detail

namespace grassroots::python {

namespace {

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._burden_pandas").attr(name); }

std::optional<DivisionCode> optional_code(const std::optional<UnitArgument>& unit) {
    if (!unit) return std::nullopt;
    return to_code(*unit);
}

/// Per-kind quantities as {BurdenKind: quantity}.
std::map<BurdenKind, std::int64_t> by_kind(const std::array<std::int64_t, burden_kind_count>& values) {
    std::map<BurdenKind, std::int64_t> out;
    for (const BurdenKind kind : all_burden_kinds) out.emplace(kind, values[static_cast<std::size_t>(kind)]);
    return out;
}

}  // namespace

void bind_burden(py::module_& m) {
    bind_enum<BurdenKind>(
        m, "BurdenKind", "Kinds of burden a village-level unit carries (小马拉大车).",
        {{"PLAQUE", BurdenKind::plaque, "挂牌: a plaque hung at the unit (quantity: plaques)"},
         {"CERTIFICATE", BurdenKind::certificate, "证明事项: a type of certificate the unit issues (quantity: types)"},
         {"MEETING", BurdenKind::meeting, "会议: a meeting to attend or hold (quantity: meetings a year)"},
         {"INSPECTION", BurdenKind::inspection, "督查检查: an inspection or check (quantity: times a year)"},
         {"REPORTING_APP", BurdenKind::reporting_app, "政务APP / 填报系统: an app to report in (quantity: apps)"},
         {"ACCOUNT", BurdenKind::account, "政务新媒体账号: a government new-media account (quantity: accounts)"},
         {"PUSHED_TASK", BurdenKind::pushed_task, "摊派任务: a task pushed down by a department (quantity: tasks a year)"}},
        "The Chinese term, e.g. 挂牌.");
    bind_enum<BurdenStatus>(m, "BurdenStatus", "Status of a burden item.",
                            {{"ALLOWED", BurdenStatus::allowed, "保留: allowed to stay"},
                             {"TO_REMOVE", BurdenStatus::to_remove, "拟清理: flagged for removal, still in force"},
                             {"REMOVED", BurdenStatus::removed, "已清理: removed"}},
                            "保留, 拟清理 or 已清理.");

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

    py::class_<BurdenWeights>(m, "BurdenWeights",
                              "Weights per kind for the burden index. The defaults (plaque 1, certificate type 2, "
                              "meeting a year 0.5, inspection a year 1, reporting app 3, account 2, pushed task 2) are "
                              "unverified placeholders; set your own.")
        .def(py::init([](const std::optional<std::map<BurdenKind, double>>& weights, std::optional<std::string> source) {
                 BurdenWeights out;
                 if (weights) {
                     for (const auto& [kind, weight] : *weights) out.set(kind, weight);
                     out.source = "user weights";
                 }
                 if (source) out.source = std::move(*source);
                 return out;
             }),
             py::arg("weights") = py::none(), py::arg("source") = py::none(),
             "The defaults, with the given kinds replaced (InvalidInputError for a negative weight).")
        .def_static("defaults", &BurdenWeights::defaults, "The default weights (unverified placeholders).")
        .def("__getitem__", [](const BurdenWeights& w, BurdenKind kind) { return w[kind]; }, py::arg("kind"))
        .def("__setitem__", &BurdenWeights::set, py::arg("kind"), py::arg("weight"))
        .def("set", &BurdenWeights::set, py::arg("kind"), py::arg("weight"),
             "Sets the weight of a kind (InvalidInputError for a negative or non-finite weight).")
        .def_readwrite("source", &BurdenWeights::source, "Where the weights come from.")
        .def(
            "to_dict",
            [](const BurdenWeights& w) {
                std::map<std::string, double> out;
                for (const BurdenKind kind : all_burden_kinds) out.emplace(std::string(to_string(kind)), w[kind]);
                return out;
            },
            "{kind name: weight}.")
        .def(
            "__eq__",
            [](const BurdenWeights& self, const py::object& other) -> py::object {
                if (!py::isinstance<BurdenWeights>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
                return py::bool_(self == other.cast<const BurdenWeights&>());
            },
            py::arg("other"))
        .def("__repr__", [](const BurdenWeights& w) {
            std::string text = "BurdenWeights(";
            for (const BurdenKind kind : all_burden_kinds) {
                text += std::string(to_string(kind)) + "=" + py::repr(py::float_(w[kind])).cast<std::string>() +
                        (kind == BurdenKind::pushed_task ? "" : ", ");
            }
            return text + ", source='" + w.source + "')";
        });

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

    py::class_<BurdenComparison>(m, "BurdenComparison", "Before/after comparison of the burden across two days (减负成效).")
        .def_property_readonly("before", [](const BurdenComparison& c) { return c.before; }, "The first day.")
        .def_property_readonly("after", [](const BurdenComparison& c) { return c.after; }, "The second day.")
        .def_property_readonly("units", [](const BurdenComparison& c) { return c.units; }, "One per unit, in code order.")
        .def_property_readonly("kinds", [](const BurdenComparison& c) { return c.kinds; }, "One per kind, in kind order.")
        .def(
            "kind", [](const BurdenComparison& c, BurdenKind kind) { return c.kinds.at(static_cast<std::size_t>(kind)); },
            py::arg("kind"), "The change of one kind.")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("comparison_frame")(self); },
            "One row per unit (index: unit code): staff, weighted and index before and after, change, items, added, "
            "removed. Needs pandas.")
        .def(
            "kinds_frame", [](const py::object& self) { return pandas_helper("kinds_frame")(self); },
            "One row per kind (index: kind, categorical): before, after, added, removed. Needs pandas.")
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

    py::class_<BurdenLedger>(m, "BurdenLedger",
                             "The burden ledgers (减负台账) of village-level units with their staff counts: plaques, "
                             "certificates, meetings, inspections, apps, accounts and pushed-down tasks, each allowed, "
                             "to remove or removed; the burden index is weighted quantity in force per staff member.")
        .def(py::init([](const std::optional<BurdenWeights>& weights) {
                 BurdenLedger ledger;
                 if (weights) ledger.set_weights(*weights);
                 return ledger;
             }),
             py::arg("weights") = py::none(), "An empty ledger (default weights unless given).")
        .def(
            "set_staff", [](BurdenLedger& l, const UnitArgument& unit, int staff) { l.set_staff(to_code(unit), staff); },
            py::arg("unit"), py::arg("staff"),
            "Sets the staff count of a village-level unit (InvalidInputError above village level or below 1).")
        .def(
            "staff", [](const BurdenLedger& l, const UnitArgument& unit) { return l.staff(to_code(unit)); },
            py::arg("unit"), "The staff count of a unit, or None.")
        .def_property_readonly("staff_counts", &BurdenLedger::staff_counts, "{DivisionCode: staff count}.")
        .def_property("weights", &BurdenLedger::weights, &BurdenLedger::set_weights,
                      "The kind weights (a copy; assign to replace).")
        .def(
            "add",
            [](BurdenLedger& l, const UnitArgument& unit, BurdenKind kind, std::string name, Date added, int quantity,
               std::string source_department, std::string note) {
                return l.add(BurdenItemInput{.unit = to_code(unit),
                                             .kind = kind,
                                             .name = std::move(name),
                                             .source_department = std::move(source_department),
                                             .quantity = quantity,
                                             .added = added,
                                             .note = std::move(note)});
            },
            py::arg("unit"), py::arg("kind"), py::arg("name"), py::arg("added"), py::kw_only(), py::arg("quantity") = 1,
            py::arg("source_department") = "", py::arg("note") = "",
            "Adds an item (allowed); returns its id. InvalidInputError for a unit above village level, an empty name, "
            "a quantity below 1.")
        .def("flag", &BurdenLedger::flag, py::arg("item"), py::arg("date"), py::arg("note") = "",
             "Flags an allowed item for removal (→ to_remove).")
        .def("keep", &BurdenLedger::keep, py::arg("item"), py::arg("date"), py::arg("note") = "",
             "Takes the flag off a to_remove item (→ allowed).")
        .def("remove", &BurdenLedger::remove, py::arg("item"), py::arg("date"), py::arg("note") = "",
             "Removes an item (→ removed; not in force from that day).")
        .def("item", &BurdenLedger::item, py::arg("id"), "A copy of item id (NotFoundError).")
        .def_property_readonly(
            "items", [](const BurdenLedger& l) { return std::vector<BurdenItem>(l.items().begin(), l.items().end()); },
            "Every item (copies), by id.")
        .def(
            "items_of", [](const BurdenLedger& l, const UnitArgument& unit) { return l.items_of(to_code(unit)); },
            py::arg("unit"), "Ids of the items of a unit.")
        .def("units", &BurdenLedger::units, "Every unit with items or a staff count, in code order.")
        .def(
            "index",
            [](const BurdenLedger& l, Date on, const std::optional<UnitArgument>& within) {
                return l.index(on, optional_code(within));
            },
            py::arg("on"), py::arg("within") = py::none(),
            "The index of every unit on a day (in code order); within: only that division's subtree.")
        .def(
            "index_of", [](const BurdenLedger& l, const UnitArgument& unit, Date on) { return l.index_of(to_code(unit), on); },
            py::arg("unit"), py::arg("on"), "The index of one unit on a day.")
        .def(
            "top",
            [](const BurdenLedger& l, Date on, std::size_t n, const std::optional<UnitArgument>& within) {
                return l.top(on, n, optional_code(within));
            },
            py::arg("on"), py::arg("n") = 10, py::arg("within") = py::none(),
            "The n units with the highest index on a day (units without a staff count left out).")
        .def(
            "compare",
            [](const BurdenLedger& l, Date before, Date after, const std::optional<UnitArgument>& within) {
                return l.compare(before, after, optional_code(within));
            },
            py::arg("before"), py::arg("after"), py::arg("within") = py::none(),
            "What was in force on each day, per unit and per kind (InvalidInputError when after is before before).")
        .def("items_csv", &BurdenLedger::items_csv,
             "items.csv: unit,kind,name,source_department,quantity,status,added,flagged,removed,note.")
        .def("staff_csv", &BurdenLedger::staff_csv, "staff.csv: unit,staff.")
        .def_static(
            "parse_csv",
            [](std::string_view items, std::string_view staff, const std::optional<BurdenWeights>& weights) {
                return BurdenLedger::parse_csv(items, staff, weights ? *weights : BurdenWeights{});
            },
            py::arg("items"), py::arg("staff") = "", py::arg("weights") = py::none(),
            "Reads items.csv and staff.csv text back (kinds and statuses in English or Chinese); "
            "InvalidInputError naming file, row and field.")
        .def(
            "items_frame",
            [](const py::object& self, const std::optional<Date>& on) { return pandas_helper("items_frame")(self, on); },
            py::arg("on") = py::none(),
            "One row per item (index: id): unit, kind, name, source_department (categoricals), quantity, status, "
            "added, flagged, removed (datetimes), note, and in_force (on that day) when on is given. Needs pandas.")
        .def(
            "index_frame",
            [](const py::object& self, Date on, const std::optional<UnitArgument>& within) {
                return pandas_helper("index_frame")(self, on, within);
            },
            py::arg("on"), py::arg("within") = py::none(),
            "One row per unit (index: unit code): staff, items, one quantity column per kind, weighted, index. "
            "Needs pandas.")
        .def("__repr__", [](const BurdenLedger& l) {
            return "<BurdenLedger " + std::to_string(l.items().size()) + " items, " +
                   std::to_string(l.units().size()) + " units, " + std::to_string(l.staff_counts().size()) +
                   " staff counts>";
        });
}

}  // namespace grassroots::python
