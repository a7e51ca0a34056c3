// The binding functions of grids (网格) and grid posts (网格定岗), called in this order by bind_grid()
// (bindings.cpp), and what they share: ids as ints, points as (x, y) tuples, the map held by
// std::shared_ptr, and helpers defined in support.cpp.
#pragma once

#include <pybind11/numpy.h>

#include <Python.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/coordinates.hpp"
#include "grassroots/grid/geometry.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/grid/redivision.hpp"
#include "ids.hpp"
#include "unit_argument.hpp"
#include "value_types.hpp"

// ---- casters: ids as ints, points as (x, y) tuples ----------------------------------------------
namespace pybind11::detail {

template <>
struct type_caster<grassroots::GridId> : strong_id_caster<grassroots::GridId> {};
template <>
struct type_caster<grassroots::GridWorkerId> : strong_id_caster<grassroots::GridWorkerId> {};
template <>
struct type_caster<grassroots::GridAssignmentId> : strong_id_caster<grassroots::GridAssignmentId> {};

/// A Point is an (x, y) tuple in Python; any sequence of two numbers loads (a list, a NumPy row).
template <>
struct type_caster<grassroots::Point> {
    PYBIND11_TYPE_CASTER(grassroots::Point, const_name("tuple[float, float]"));

    bool load(handle source, bool convert) {
        if (!source || PyUnicode_Check(source.ptr()) || PyBytes_Check(source.ptr()) ||
            PySequence_Check(source.ptr()) == 0) {
            return false;
        }
        const Py_ssize_t size = PySequence_Size(source.ptr());
        if (size != 2) {
            if (size < 0) PyErr_Clear();
            return false;
        }
        double xy[2] = {0, 0};
        for (Py_ssize_t i = 0; i < 2; ++i) {
            const object item = reinterpret_steal<object>(PySequence_GetItem(source.ptr(), i));
            if (!item) {
                PyErr_Clear();
                return false;
            }
            make_caster<double> number;
            if (!number.load(item, convert)) return false;
            xy[i] = cast_op<double>(number);
        }
        value = grassroots::Point{xy[0], xy[1]};
        return true;
    }

    static handle cast(grassroots::Point point, return_value_policy /*policy*/, handle /*parent*/) {
        return make_tuple(point.x, point.y).release();
    }
};

}  // namespace pybind11::detail

namespace grassroots::python {

/// GridCodeLayout, GridCode.
void bind_grid_codes(py::module_& m);
/// CoordinateSystem, GridKind, CoverageFindingKind, GridRole, PartTimeKind.
void bind_grid_enums(py::module_& m);
/// Polygon.
void bind_polygon(py::module_& m);
/// Grid, CoverageFinding, HouseholdBands, BandFinding.
void bind_grid_values(py::module_& m);
/// GridMap (its pandas views are Python: grassroots/grid/_pandas.py).
void bind_grid_map(py::module_& m);
/// GridMapBuilder.
void bind_grid_map_builder(py::module_& m);
/// HouseholdPoints, parse_household_points, read_household_points.
void bind_household_points(py::module_& m);
/// SyntheticCity, synthetic_city.
void bind_synthetic_city(py::module_& m);
/// RedivisionChangeKind, RedivisionOptions, RedivisionChange, Redivision, redivide.
void bind_redivision(py::module_& m);
/// GridWorker, GridAssignment, StaffingRules, StaffingFinding, StaffingSummary, StaffingPlan.
void bind_staffing_values(py::module_& m);
/// GridStaffing (its pandas views are Python: grassroots/grid/_pandas.py).
void bind_grid_staffing(py::module_& m);
/// optimise_full_time, greedy_full_time.
void bind_staffing_optimiser(py::module_& m);
/// LonLatSystem and the vectorised WGS84 ↔ GCJ-02 ↔ BD-09 conversion.
void bind_coordinates(py::module_& m);

using MapPtr = std::shared_ptr<GridMap>;
using LayoutPtr = std::shared_ptr<GridCodeLayout>;
using OptionalLayout = std::optional<LayoutPtr>;  // GridCodeLayout | None in the stubs
using OptionalTree = std::optional<std::shared_ptr<DivisionTree>>;
using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;
// Household counts: integers only (a float array is refused rather than truncated).
using CountArray = py::array_t<std::int64_t, py::array::c_style>;
// str first: a variant must be default-constructible, and GridCode is not.
using CodeArgument = std::variant<CodeText, GridCode>;  // CodeText: unit_argument.hpp

/// A shipped layout as Python holds it (without const).
LayoutPtr shared_layout(std::shared_ptr<const GridCodeLayout> layout);
/// The layout given, or the 14-digit unit-grid layout.
std::shared_ptr<const GridCodeLayout> layout_or_default(const OptionalLayout& layout);
/// A code's layout as a Python object: the shipped one it uses, or a copy.
LayoutPtr layout_of(const GridCode& code);
/// A ring as a tuple of (x, y) tuples.
py::tuple ring_tuple(const std::vector<Point>& ring);
/// {'type': 'Polygon', 'coordinates': (outer, *holes)}.
StringDict geo_interface(const Polygon& polygon);
/// "3 grids", "1 grid".
std::string plural(std::size_t count, const char* noun);
/// The shape of an array as text, "(3, 2)".
std::string shape_text(const py::array& values);
/// A view of a count array.
std::span<const std::int64_t> view(const CountArray& values);
/// An (N, 2) float64 array of points, read-only.
py::array_t<double> points_array(const std::vector<Point>& points);
/// A Redivision as Python holds it: the plan shared (its map is handed out as a MapPtr that keeps the
/// plan alive), households as a read-only array.
struct RedivisionView {
    std::shared_ptr<Redivision> plan;       ///< Never null; not changed after the view is made.
    py::array_t<std::int64_t> households;    ///< A read-only copy of plan->households.
};
/// The Python view of @p plan (grassroots.store loads plans too).
RedivisionView redivision_view(Redivision plan);
/// A worker from its fields (home: str or DivisionCode).
GridWorker make_worker(std::string name, const UnitArgument& home, std::optional<PartTimeKind> part_time,
                       bool may_serve_elsewhere, std::optional<Point> location);

/// A NumPy array holding a copy of @p values.
template <class T>
py::array_t<T> array_of(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

/// @p values made read-only.
template <class Array>
Array read_only(Array values) {
    values.attr("flags").attr("writeable") = false;
    return values;
}

/// A copy of @p items.
template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

}  // namespace grassroots::python
