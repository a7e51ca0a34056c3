// CaseTable: columns over a DivisionTree, made from normalised NumPy columns (one call from
// grassroots/analytics/_tables.py, which normalises arrays and DataFrames), from a CaseEngine under its lock
// (engine_box.hpp) or synthetically; its columns are read-only NumPy views (zero-copy, kept alive by the
// table). CaseTable.to_pandas is Python (grassroots/analytics/_pandas.py).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/analytics/case_table.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "workflow/engine_box.hpp"
#include "analytics/analytics.hpp"
#include "analytics/support.hpp"
#include "casters.hpp"
#include "value_types.hpp"
#include "unit_argument.hpp"

namespace grassroots::python {

namespace {

/// A read-only NumPy view of @p values, kept alive by @p owner.
template <class T>
py::array view(const py::object& owner, const T* data, std::size_t size, const py::dtype& dtype) {
    py::array out(dtype, {static_cast<py::ssize_t>(size)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
    out.attr("setflags")(py::arg("write") = false);
    return out;
}

template <class T>
using Column = py::array_t<T, py::array::c_style | py::array::forcecast>;

/// A column of @p columns, or an empty one when it is absent or None.
template <class T>
Column<T> column_of(const py::dict& columns, const char* name) {
    if (!columns.contains(name) || columns[name].is_none()) return Column<T>(0);
    Column<T> out = Column<T>::ensure(columns[name]);
    if (!out) throw InvalidInput(std::string("column '") + name + "' is not a numeric array", Location{"case table", 0, name});
    if (out.ndim() != 1) throw InvalidInput(std::string("column '") + name + "' is not one-dimensional", Location{"case table", 0, name});
    return out;
}

template <class T>
std::span<const T> span_of(const Column<T>& values) {
    return {values.data(), static_cast<std::size_t>(values.size())};
}

/// 0/1 flags from an int64 column; throws InvalidInput naming the row for other values.
std::vector<std::uint8_t> flags_of(const Column<std::int64_t>& values, const char* name) {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(values.size()));
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::int64_t v = values.data()[i];
        if (v != 0 && v != 1) {
            throw InvalidInput("flags are 0 or 1 (or bool), not " + std::to_string(v) + " (index " + std::to_string(i) + ")",
                               Location{"case table", i + 1, name});
        }
        out[i] = static_cast<std::uint8_t>(v);
    }
    return out;
}

CaseTable table_from_columns(const DivisionTree& tree, const py::dict& columns, std::vector<std::string> grid_codes,
                             std::vector<std::string> matter_keys) {
    const Column<std::uint32_t> unit = column_of<std::uint32_t>(columns, "unit");
    std::vector<DivisionId> units(static_cast<std::size_t>(unit.size()));
    for (std::size_t i = 0; i < units.size(); ++i) units[i] = DivisionId{unit.data()[i]};
    const auto grid = column_of<std::int32_t>(columns, "grid");
    const auto matter = column_of<std::int32_t>(columns, "matter");
    const auto opened = column_of<std::int64_t>(columns, "opened_at");
    const auto due = column_of<std::int64_t>(columns, "handling_due");
    const auto closed_at = column_of<std::int64_t>(columns, "closed_at");
    const auto handled = column_of<std::int64_t>(columns, "handled_at");
    const auto reworks = column_of<std::int32_t>(columns, "reworks");
    const auto escalations = column_of<std::int32_t>(columns, "escalations");
    const std::vector<std::uint8_t> closed = flags_of(column_of<std::int64_t>(columns, "closed"), "closed");
    const std::vector<std::uint8_t> deferred = flags_of(column_of<std::int64_t>(columns, "deferred"), "deferred");
    const std::vector<std::uint8_t> responded = flags_of(column_of<std::int64_t>(columns, "responded"), "responded");
    const std::vector<std::uint8_t> resolved = flags_of(column_of<std::int64_t>(columns, "resolved"), "resolved");
    const std::vector<std::uint8_t> satisfied = flags_of(column_of<std::int64_t>(columns, "satisfied"), "satisfied");
    const std::vector<std::uint8_t> rated = flags_of(column_of<std::int64_t>(columns, "rated"), "rated");
    const CaseColumns c{units,     span_of(grid),      span_of(matter),  span_of(opened), span_of(due),
                        span_of(closed_at), span_of(handled), closed,  deferred,        responded,
                        resolved,  satisfied,          rated,            span_of(reworks), span_of(escalations)};
    const py::gil_scoped_release release;
    return CaseTable::from_columns(tree, c, std::move(grid_codes), std::move(matter_keys));
}

/// The table as bound to Python: it holds its tree (in C++, see Holding).
std::shared_ptr<CaseTable> with_tree(CaseTable table, const TreePtr& tree) { return holding(std::move(table), tree); }

}  // namespace

void bind_case_table(py::module_& m) {
    py::class_<CaseTable, std::shared_ptr<CaseTable>> table(m, "CaseTable",
                                "Cases as columns over one DivisionTree (kept alive by the table): unit, grid, matter, "
                                "opened_at, handling_due, closed_at, handled_at (int64 seconds since the epoch, UTC; "
                                "INT64_MIN = NaT = none), closed, deferred, responded, resolved, satisfied, rated, reworks, "
                                "escalations. Made by from_arrays(), from_pandas(), from_engine() or synthetic(); every "
                                "row is checked (InvalidInputError naming the row and column).");
    table
        .def_static(
            "_from_columns",
            [](const TreePtr& tree, const py::dict& columns, std::vector<std::string> grid_codes,
               std::vector<std::string> matter_keys) {
                return with_tree(table_from_columns(*tree, columns, std::move(grid_codes), std::move(matter_keys)), tree);
            },
            py::arg("tree"), py::arg("columns"), py::arg("grid_codes"), py::arg("matter_keys"),
            "A table from normalised columns (internal; use from_arrays).")
        .def_static(
            "from_engine",
            [](EngineBox& engine, const TreePtr& tree, std::vector<std::string> deferred_states, std::string responded_field,
               std::string resolved_field, std::string satisfied_field) {
                const EngineTableOptions options{std::move(deferred_states), std::move(responded_field),
                                                 std::move(resolved_field), std::move(satisfied_field)};
                return with_tree(read_engine_without_gil(engine,
                                                         [&](const CaseEngine& cases) {
                                                             return CaseTable::from_engine(cases, *tree, options);
                                                         }),
                                 tree);
            },
            py::arg("engine"), py::arg("tree"), py::arg("deferred_states") = std::vector<std::string>{"defer", "deferred"},
            py::arg("responded_field") = "responded", py::arg("resolved_field") = "resolved",
            py::arg("satisfied_field") = "satisfied",
            "Every case of a CaseEngine, units found in tree: deferred = has been in a state listed in deferred_states; "
            "the latest transition carrying a rating field makes the case rated, each field read as yes "
            "(yes/true/1/是) or no (no/false/0/否), ASCII case ignored, a missing one as no.")
        .def_static(
            "synthetic",
            [](const TreePtr& tree, std::size_t cases, int year, std::uint64_t seed,
               const std::optional<std::shared_ptr<GridMap>>& grids, const std::optional<UnitArgument>& scope) {
                SyntheticCaseOptions options{.cases = cases, .year = year, .seed = seed};
                options.grids = grids ? grids->get() : nullptr;
                const auto* text = scope ? std::get_if<CodeText>(&*scope) : nullptr;
                if (scope && !(text != nullptr && text->utf8.empty())) options.scope = to_code(*scope);  // "" = the whole tree
                CaseTable out;
                {
                    const py::gil_scoped_release release;
                    out = CaseTable::synthetic(*tree, options);
                }
                return with_tree(std::move(out), tree);
            },
            py::arg("tree"), py::arg("cases") = 100'000, py::arg("year") = 2025, py::arg("seed") = 2024,
            py::arg("grids") = py::none(), py::arg("scope") = py::none(),
            "A deterministic synthetic year of cases over the village-level units of tree (the same on every platform "
            "for the same arguments); rates near published ones (结案率 ≈ 96 %, 按期结案率 ≈ 89 %). grids: a GridMap "
            "(e.g. synthetic_city(...).map) whose grids the cases are filed in, in proportion to their households; "
            "without it each unit gets 1–8 made-up grid codes. scope: only the units under this code get cases "
            "(NotFoundError if it is not in the tree; None or '' = the whole tree). Placeholder rows such as "
            "350527000000 金门县 get none.")
        .def("__len__", &CaseTable::size, "Number of cases.")
        .def_property_readonly(
            "tree", [](const std::shared_ptr<CaseTable>& self) { return holding_of(self).tree; },
            "The DivisionTree of the units.")
        .def_property_readonly("grid_codes", [](const CaseTable& t) { return t.grid_codes(); }, "Grid codes, by grid index.")
        .def_property_readonly("matter_keys", [](const CaseTable& t) { return t.matter_keys(); }, "Matter keys, by matter index.")
        .def_property_readonly(
            "grid_units",
            [](const CaseTable& t) {
                std::vector<std::optional<std::string>> out;
                for (const DivisionId unit : t.grid_units()) {
                    out.push_back(unit.valid() ? std::optional<std::string>(t.tree().code(unit).str()) : std::nullopt);
                }
                return out;
            },
            "The unit (code) of each grid, None for a grid without cases.")
        .def(
            "columns",
            [](const py::object& self) {
                const CaseTable& t = self.cast<const CaseTable&>();
                const CaseColumns c = t.columns();
                const std::size_t n = t.size();
                const py::dtype flag("bool");
                StringDict out;
                static_assert(sizeof(DivisionId) == sizeof(std::uint32_t));
                out["unit"] = view(self, reinterpret_cast<const std::uint32_t*>(c.unit.data()), n, py::dtype::of<std::uint32_t>());
                out["grid"] = view(self, c.grid.data(), n, py::dtype::of<std::int32_t>());
                out["matter"] = view(self, c.matter.data(), n, py::dtype::of<std::int32_t>());
                for (const auto& [name, values] : {std::pair{"opened_at", c.opened_at}, std::pair{"handling_due", c.handling_due},
                                                   std::pair{"closed_at", c.closed_at}, std::pair{"handled_at", c.handled_at}}) {
                    out[name] = view(self, values.data(), n, py::dtype::of<std::int64_t>());
                }
                for (const auto& [name, values] : {std::pair{"closed", c.closed}, std::pair{"deferred", c.deferred},
                                                   std::pair{"responded", c.responded}, std::pair{"resolved", c.resolved},
                                                   std::pair{"satisfied", c.satisfied}, std::pair{"rated", c.rated}}) {
                    out[name] = view(self, values.data(), n, flag);
                }
                out["reworks"] = view(self, c.reworks.data(), n, py::dtype::of<std::int32_t>());
                out["escalations"] = view(self, c.escalations.data(), n, py::dtype::of<std::int32_t>());
                return out;
            },
            "Every column as a read-only NumPy view (zero-copy): unit (uint32 index into the tree), grid and matter "
            "(int32, -1 = none), instants (int64 seconds since the epoch, INT64_MIN = none), flags (bool), reworks and "
            "escalations (int32).")
        .def("memory_bytes", &CaseTable::memory_bytes, "Bytes held by the columns and lists.")
        .def("__repr__", [](const CaseTable& t) {
            return "<CaseTable: " + std::to_string(t.size()) + " cases, " + std::to_string(t.grid_codes().size()) + " grids, " +
                   std::to_string(t.matter_keys().size()) + " matters>";
        });
}

}  // namespace grassroots::python
