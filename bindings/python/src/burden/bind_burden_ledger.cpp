// BurdenLedger: items, staff counts, status moves, the index, comparisons and CSV. Its pandas views
// (items_frame, index_frame) are Python: grassroots/burden/_pandas.py.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "burden/burden.hpp"
#include "burden/support.hpp"
#include "casters.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

namespace grassroots::python {

namespace {

std::optional<DivisionCode> optional_code(const std::optional<UnitArgument>& unit) {
    if (!unit) return std::nullopt;
    return to_code(*unit);
}

}  // namespace

void bind_burden_ledger(py::module_& m) {
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
        .def("__repr__", [](const BurdenLedger& l) {
            return "<BurdenLedger " + std::to_string(l.items().size()) + " items, " +
                   std::to_string(l.units().size()) + " units, " + std::to_string(l.staff_counts().size()) +
                   " staff counts>";
        });
}

}  // namespace grassroots::python
