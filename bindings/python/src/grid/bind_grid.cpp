// Grids (网格化服务管理) and grid posts (网格定岗): grid codes with their layouts, polygons, the grid
// map with its point index, coverage and household-band checks, GeoJSON, household points, the
// synthetic city, staffing and the staffing optimiser.
//
// Points are (x, y) tuples (longitude/latitude in degrees, or metres, as the map's CoordinateSystem
// says); ids of grids, workers and assignments are plain ints (ids.hpp). Bulk data are NumPy arrays:
// GridMap.locate(xs, ys) reads C-contiguous float64 arrays in place (no copy) and runs without the
// GIL. A GridMap is immutable and held by std::shared_ptr, shared by the GridStaffing and
// SyntheticCity objects that refer to it, so it lives as long as any of them.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <Python.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "bindings.hpp"
#include "casters.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/geometry.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/grid/households.hpp"
#include "grassroots/grid/posts.hpp"
#include "grassroots/grid/redivision.hpp"
#include "grassroots/grid/synthetic.hpp"
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

namespace {

using MapPtr = std::shared_ptr<GridMap>;
using LayoutPtr = std::shared_ptr<GridCodeLayout>;
using OptionalLayout = std::optional<LayoutPtr>;  // GridCodeLayout | None in the stubs
using OptionalTree = std::optional<std::shared_ptr<DivisionTree>>;
using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;
// Household counts: integers only (a float array is refused rather than truncated).
using CountArray = py::array_t<std::int64_t, py::array::c_style>;
using Ring = std::vector<Point>;

// str first: a variant must be default-constructible, and GridCode is not.
using CodeArgument = std::variant<std::string, GridCode>;

py::object pandas_helper(const char* name) { return py::module_::import("grassroots._grid_pandas").attr(name); }

// ---- layouts and codes --------------------------------------------------------------------------

bool same_layout(const GridCodeLayout& a, const GridCodeLayout& b) {
    if (a.name() != b.name() || a.segments().size() != b.segments().size()) return false;
    for (std::size_t i = 0; i < a.segments().size(); ++i) {
        if (a.segments()[i].name != b.segments()[i].name || a.segments()[i].width != b.segments()[i].width) {
            return false;
        }
    }
    return true;
}

// The shipped layouts are shared objects; Python holds them without const (it only reads them).
LayoutPtr shared_layout(std::shared_ptr<const GridCodeLayout> layout) {
    return std::const_pointer_cast<GridCodeLayout>(std::move(layout));
}

std::shared_ptr<const GridCodeLayout> layout_or_default(const OptionalLayout& layout) {
    return layout && *layout ? std::shared_ptr<const GridCodeLayout>(*layout) : GridCodeLayout::unit_grid();
}

// A code's layout as a Python object: the shipped one it uses, or a copy (GridCode gives out only a
// reference to its layout).
LayoutPtr layout_of(const GridCode& code) {
    for (auto builtin : {GridCodeLayout::unit_grid(), GridCodeLayout::beijing()}) {
        if (&code.layout() == builtin.get()) return shared_layout(std::move(builtin));
    }
    return std::make_shared<GridCodeLayout>(code.layout());
}

std::vector<std::pair<std::string, int>> segments_of(const GridCodeLayout& layout) {
    std::vector<std::pair<std::string, int>> out;
    for (const GridCodeSegment& s : layout.segments()) out.emplace_back(s.name, s.width);
    return out;
}

std::string layout_repr(const GridCodeLayout& layout) {
    if (same_layout(layout, *GridCodeLayout::unit_grid())) return "GridCodeLayout.unit_grid()";
    if (same_layout(layout, *GridCodeLayout::beijing())) return "GridCodeLayout.beijing()";
    return "GridCodeLayout(" + std::string(py::repr(py::str(layout.name()))) + ", " +
           std::string(py::repr(py::cast(segments_of(layout)))) + ")";
}

std::string code_repr(const GridCode& code) {
    std::string text = "GridCode('" + code.str() + "'";
    if (!same_layout(code.layout(), *GridCodeLayout::unit_grid())) text += ", layout=" + layout_repr(code.layout());
    return text + ")";
}

GridCode to_grid_code(const CodeArgument& code) {
    if (const auto* c = std::get_if<GridCode>(&code)) return *c;
    return GridCode::parse(std::get<std::string>(code));
}

// A code given as text to a map: read in the layout of the map's grids that has as many digits
// (the 14-digit layout when none has).
GridCode code_in_map(const GridMap& map, const CodeArgument& code) {
    if (const auto* c = std::get_if<GridCode>(&code)) return *c;
    const std::string& text = std::get<std::string>(code);
    for (const Grid& grid : map.grids()) {
        if (static_cast<std::size_t>(grid.code.layout().length()) == text.size()) {
            return GridCode::parse(text, layout_of(grid.code));
        }
    }
    return GridCode::parse(text);
}

GridCode make_code(const UnitArgument& unit, std::int64_t sequence, const OptionalLayout& layout) {
    const auto chosen = layout_or_default(layout);
    if (sequence < 0 || sequence > std::numeric_limits<unsigned>::max()) {
        throw InvalidInput("grid sequence " + std::to_string(sequence) + " does not fit the " +
                           std::to_string(chosen->sequence_width()) + "-digit sequence of layout '" + chosen->name() +
                           "'");
    }
    return GridCode::make(to_code(unit), static_cast<unsigned>(sequence), chosen);
}

// ---- polygons -----------------------------------------------------------------------------------

py::tuple ring_tuple(const Ring& ring) {
    py::tuple out(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) out[i] = py::make_tuple(ring[i].x, ring[i].y);
    return out;
}

StringDict geo_interface(const Polygon& polygon) {
    py::tuple rings(1 + polygon.holes().size());
    rings[0] = ring_tuple(polygon.outer());
    for (std::size_t i = 0; i < polygon.holes().size(); ++i) rings[i + 1] = ring_tuple(polygon.holes()[i]);
    StringDict out;
    out["type"] = py::str("Polygon");
    out["coordinates"] = rings;
    return out;
}

std::string polygon_repr(const Polygon& polygon) {
    std::size_t points = polygon.outer().size();
    for (const Ring& hole : polygon.holes()) points += hole.size();
    if (points <= 12) {
        std::string text = "Polygon(" + std::string(py::repr(py::cast(polygon.outer())));
        if (!polygon.holes().empty()) text += ", holes=" + std::string(py::repr(py::cast(polygon.holes())));
        return text + ")";
    }
    const Box& b = polygon.bounds();
    return "<Polygon of " + std::to_string(points) + " points, " + std::to_string(polygon.holes().size()) +
           (polygon.holes().size() == 1 ? " hole" : " holes") + ", bounds " +
           std::string(py::repr(py::make_tuple(b.min.x, b.min.y, b.max.x, b.max.y))) + ">";
}

// ---- grids --------------------------------------------------------------------------------------

StringDict grid_properties(const Grid& grid) {
    StringDict out;
    out["code"] = py::str(grid.code.str());
    out["kind"] = py::str(std::string(to_string(grid.kind)));
    out["name"] = py::str(grid.name);
    out["unit"] = py::str(grid.code.unit().str());
    out["households"] = py::int_(grid.households);
    return out;
}

std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string map_repr(const GridMap& map) {
    std::vector<DivisionCode> units;
    for (const Grid& g : map.grids()) units.push_back(g.code.unit());
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    return "<GridMap of " + plural(map.size(), "grid") + " in " + plural(units.size(), "unit") + ", " +
           (map.coordinates() == CoordinateSystem::lonlat ? "lon/lat" : "metres") + ">";
}

std::string shape_text(const py::array& values) { return py::str(values.attr("shape")); }

std::size_t checked_pair(const py::array& xs, const py::array& ys, const char* what) {
    if (xs.ndim() != ys.ndim() || !std::equal(xs.shape(), xs.shape() + xs.ndim(), ys.shape())) {
        throw InvalidInput(std::string(what) + ": xs has shape " + shape_text(xs) + " and ys " + shape_text(ys) +
                           "; they must have the same shape");
    }
    return static_cast<std::size_t>(xs.size());
}

py::array_t<std::int64_t> locate_many(const GridMap& map, const DoubleArray& xs, const DoubleArray& ys) {
    const std::size_t n = checked_pair(xs, ys, "locate");
    py::array_t<std::int64_t> out(std::vector<py::ssize_t>(xs.shape(), xs.shape() + xs.ndim()));
    const std::span<const double> x(xs.data(), n);
    const std::span<const double> y(ys.data(), n);
    const std::span<std::int64_t> ids(out.mutable_data(), n);
    {
        const py::gil_scoped_release release;
        map.locate(x, y, ids);
    }
    return out;
}

template <class T>
py::array_t<T> array_of(const std::vector<T>& values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

template <class Array>
Array read_only(Array values) {
    values.attr("flags").attr("writeable") = false;
    return values;
}

// An (N, 2) float64 array of points, read-only.
py::array_t<double> points_array(const std::vector<Point>& points) {
    py::array_t<double> out({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
    double* data = out.mutable_data();
    for (std::size_t i = 0; i < points.size(); ++i) {
        data[2 * i] = points[i].x;
        data[2 * i + 1] = points[i].y;
    }
    return read_only(out);
}

std::span<const std::int64_t> view(const CountArray& values) {
    return {values.data(), static_cast<std::size_t>(values.size())};
}

py::array_t<std::int64_t> count_points(const GridMap& map, const std::vector<Point>& points,
                                       const CountArray& households) {
    std::vector<std::int64_t> counts;
    {
        const py::gil_scoped_release release;
        counts = map.count_households(points, view(households));
    }
    return array_of(counts);
}

std::vector<Point> points_from(const DoubleArray& points) {
    if (points.ndim() != 2 || points.shape(1) != 2) {
        throw InvalidInput("count_households: points must be an (N, 2) array of x, y; got shape " +
                           shape_text(points));
    }
    std::vector<Point> out(static_cast<std::size_t>(points.shape(0)));
    const double* data = points.data();
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = {data[2 * i], data[2 * i + 1]};
    return out;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError("cannot open file '" + path.string() + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw FileError("cannot read file '" + path.string() + "'");
    return text.str();
}

MapPtr build(const GridMapBuilder& builder, const OptionalTree& tree) {
    return std::make_shared<GridMap>(tree && *tree ? builder.build(**tree) : builder.build());
}

// ---- household points and the synthetic city -----------------------------------------------------

/// HouseholdPoints as Python holds it: points and counts as read-only arrays.
struct PointsView {
    std::vector<std::string> ids;
    py::array_t<double> points;
    py::array_t<std::int64_t> households;
};

PointsView view_of(HouseholdPoints&& read) {
    PointsView out;
    out.ids = std::move(read.ids);
    out.points = points_array(read.points);
    out.households = read_only(array_of(read.households));
    return out;
}

/// SyntheticCity as Python holds it: the map shared, buildings and counts as read-only arrays.
struct CityView {
    MapPtr map;
    py::array_t<double> buildings;
    py::array_t<std::int64_t> households;
    std::vector<DivisionCode> building_unit;
};

/// Redivision as Python holds it: the new map shared, households as a read-only array.
struct RedivisionView {
    MapPtr map;
    std::vector<RedivisionChange> changes;
    py::array_t<std::int64_t> households;
    std::vector<BandFinding> remaining;
};

// ---- staffing -----------------------------------------------------------------------------------

/// GridStaffing with the map it refers to kept alive. check(), summary() and the optimisers run
/// without the GIL; they hold the lock shared, and every change takes it exclusively (with the GIL
/// held), so another Python thread cannot change the posts under them. The work between releasing
/// the GIL and taking it back must not touch Python objects.
struct Staffing {
    explicit Staffing(MapPtr grid_map) : map(std::move(grid_map)), staffing(*map) {}

    MapPtr map;  // before staffing, which points into it
    GridStaffing staffing;
    mutable std::shared_mutex mutex;

    template <class Change>
    auto change(Change&& apply) {
        const std::unique_lock lock(mutex);
        return apply(staffing);
    }

    template <class Work>
    auto without_gil(Work&& work) const {
        const py::gil_scoped_release release;
        const std::shared_lock lock(mutex);
        return work(staffing);
    }
};

GridWorker make_worker(std::string name, const UnitArgument& home, std::optional<PartTimeKind> part_time,
                       bool may_serve_elsewhere, std::optional<Point> location) {
    return GridWorker{std::move(name), to_code(home), part_time, may_serve_elsewhere, location};
}

template <class T>
std::vector<T> copy_of(std::span<const T> items) {
    return std::vector<T>(items.begin(), items.end());
}

}  // namespace

void bind_grid(py::module_& m) {
    // ---- enums ----------------------------------------------------------------------------------
    bind_enum<CoordinateSystem>(
        m, "CoordinateSystem", "How coordinates are read.",
        {{"LONLAT", CoordinateSystem::lonlat,
          "x = longitude, y = latitude in degrees (WGS84 / CGCS2000); areas are geodesic"},
         {"METRES", CoordinateSystem::metres, "a projected plane in metres; areas are planar"}});
    bind_enum<GridKind>(
        m, "GridKind", "Comprehensive grids cover where people live; dedicated grids (专属网格) cover one site.",
        {{"COMPREHENSIVE", GridKind::comprehensive, "综合网格"},
         {"SCHOOL", GridKind::school, "专属网格: 学校"},
         {"HOSPITAL", GridKind::hospital, "专属网格: 医院"},
         {"ENTERPRISE", GridKind::enterprise, "专属网格: 企业"},
         {"INDUSTRIAL_PARK", GridKind::industrial_park, "专属网格: 工业园区"},
         {"BUSINESS_DISTRICT", GridKind::business_district, "专属网格: 商圈"},
         {"OTHER_DEDICATED", GridKind::other_dedicated, "专属网格: other"}},
        "综合网格, 学校专属网格, ….");
    bind_enum<CoverageFinding::Kind>(
        m, "CoverageFindingKind", "Which coverage principle a finding breaks.",
        {{"OVERLAP", CoverageFinding::Kind::overlap, "two grids overlap (不重叠: no overlap)"},
         {"GAP", CoverageFinding::Kind::gap, "part of the community is in no grid (全覆盖: full coverage)"},
         {"OUTSIDE", CoverageFinding::Kind::outside, "a grid reaches outside its community"}});
    bind_enum<GridRole>(m, "GridRole", "A role in a grid.",
                        {{"CHIEF", GridRole::chief, "网格长 grid chief"},
                         {"FULL_TIME", GridRole::full_time, "专职网格员: exactly one per grid on every day"},
                         {"PART_TIME", GridRole::part_time, "兼职网格员 (building heads, volunteers, couriers, …)"},
                         {"COMMUNITY_WORKER", GridRole::community_worker, "社区工作者 posted to a grid (网格定岗)"},
                         {"LIAISON", GridRole::liaison, "网格指导员 township liaison"}},
                        "网格长, 专职网格员, 兼职网格员, 社区工作者 or 网格指导员.");
    bind_enum<PartTimeKind>(m, "PartTimeKind", "Who a part-time grid worker is.",
                            {{"BUILDING_HEAD", PartTimeKind::building_head, "楼栋长"},
                             {"VOLUNTEER", PartTimeKind::volunteer, "志愿者"},
                             {"PARTY_MEMBER", PartTimeKind::party_member, "党员"},
                             {"COURIER", PartTimeKind::courier, "快递员"},
                             {"PROPERTY_STAFF", PartTimeKind::property_staff, "物业人员"},
                             {"OTHER", PartTimeKind::other, "其他"}},
                            "楼栋长, 志愿者, 党员, 快递员, 物业人员 or 其他.");

    // ---- GridCodeLayout, GridCode ---------------------------------------------------------------
    py::class_<GridCodeLayout, LayoutPtr> layout_class(
        m, "GridCodeLayout",
        "How a place writes grid codes (网格编码): segments whose first ones spell the 12-digit code of the "
        "community or village, then the grid's sequence number.");
    layout_class
        .def(py::init([](std::string name, const std::vector<std::pair<std::string, int>>& segments) {
                 std::vector<GridCodeSegment> parts;
                 for (const auto& [segment, width] : segments) parts.push_back({segment, width});
                 return std::make_shared<GridCodeLayout>(std::move(name), std::move(parts));
             }),
             py::arg("name"), py::arg("segments"),
             "A layout from (name, width) segments; the widths before the last (the sequence, 1–4 digits) must "
             "add up to 12. InvalidInputError otherwise.")
        .def_static("unit_grid", [] { return shared_layout(GridCodeLayout::unit_grid()); },
                    "14 digits: township 9 + community 3 + sequence 2 (unit grids, 万米单元网格).")
        .def_static("beijing", [] { return shared_layout(GridCodeLayout::beijing()); },
                    "15 digits: county 6 + township 3 + community 3 + grid 3 (Beijing).")
        .def_property_readonly("name", &GridCodeLayout::name, "e.g. 'unit-grid-14'.")
        .def_property_readonly("segments", &segments_of, "The (name, width) segments.")
        .def_property_readonly("length", &GridCodeLayout::length, "Total digits.")
        .def_property_readonly("sequence_width", &GridCodeLayout::sequence_width, "Digits of the sequence.")
        .def("__repr__", &layout_repr)
        .def(
            "__eq__",
            [](const GridCodeLayout& a, const py::object& b) {
                return py::isinstance<GridCodeLayout>(b) && same_layout(a, b.cast<const GridCodeLayout&>());
            },
            py::arg("other"))
        .def("__hash__",
             [](const GridCodeLayout& l) { return py::hash(py::make_tuple(l.name(), py::tuple(py::cast(segments_of(l))))); })
        .def(
            "to_dict",
            [](const GridCodeLayout& l) {
                StringDict out;
                out["name"] = py::str(l.name());
                out["segments"] = py::cast(segments_of(l));
                return out;
            },
            "{'name': ..., 'segments': [(name, width), …]} (the constructor's keywords).")
        .def("__reduce__", [](const py::object& self) {
            const auto& l = self.cast<const GridCodeLayout&>();
            return py::make_tuple(py::type::handle_of(self), py::make_tuple(l.name(), segments_of(l)));
        });

    py::class_<GridCode> code_class(
        m, "GridCode",
        "A validated grid code (网格编码): the community or village it belongs to and its sequence there. Codes "
        "compare, order and hash by unit and sequence (the same grid written in two layouts is equal).");
    code_class
        .def(py::init([](const std::string& text, const OptionalLayout& layout) {
                 return GridCode::parse(text, layout_or_default(layout));
             }),
             py::arg("code"), py::arg("layout") = py::none(),
             "Parses a code in a layout (default: the 14-digit unit-grid layout); InvalidInputError naming the "
             "wrong part.")
        .def_static("make", &make_code, py::arg("unit"), py::arg("sequence"), py::arg("layout") = py::none(),
                    "The code of grid sequence of a community or village (str or DivisionCode; 0 = the whole unit). "
                    "InvalidInputError for a unit above village level or a sequence too wide for the layout.")
        .def_property_readonly("unit", &GridCode::unit, "The community or village (DivisionCode).")
        .def_property_readonly("sequence", &GridCode::sequence, "Grid number in the unit.")
        .def_property_readonly("whole_unit", &GridCode::whole_unit, "True for sequence 0 ('00': the whole unit).")
        .def_property_readonly("layout", &layout_of, "Its GridCodeLayout.")
        .def("__str__", &GridCode::str, "The digits.")
        .def("__repr__", &code_repr)
        .def(
            "__eq__",
            [](const GridCode& a, const py::object& b) { return py::isinstance<GridCode>(b) && a == b.cast<const GridCode&>(); },
            py::arg("other"))
        .def(
            "__ne__",
            [](const GridCode& a, const py::object& b) {
                return !(py::isinstance<GridCode>(b) && a == b.cast<const GridCode&>());
            },
            py::arg("other"))
        .def("__lt__", [](const GridCode& a, const GridCode& b) { return a < b; }, py::arg("other"))
        .def("__le__", [](const GridCode& a, const GridCode& b) { return a <= b; }, py::arg("other"))
        .def("__gt__", [](const GridCode& a, const GridCode& b) { return a > b; }, py::arg("other"))
        .def("__ge__", [](const GridCode& a, const GridCode& b) { return a >= b; }, py::arg("other"))
        .def("__hash__", [](const GridCode& c) { return py::hash(py::make_tuple(c.unit().padded(), c.sequence())); })
        .def(
            "to_dict",
            [](const GridCode& c) {
                StringDict out;
                out["code"] = py::str(c.str());
                out["unit"] = py::str(c.unit().str());
                out["sequence"] = py::int_(c.sequence());
                out["layout"] = py::str(c.layout().name());
                return out;
            },
            "{'code', 'unit', 'sequence', 'layout' (its name)}.")
        .def(py::pickle([](const GridCode& c) { return py::make_tuple(c.str(), layout_of(c)); },
                        [](const py::tuple& state) {
                            return GridCode::parse(state[0].cast<std::string>(),
                                                   layout_or_default(state[1].cast<OptionalLayout>()));
                        }));

    // ---- Polygon --------------------------------------------------------------------------------
    py::class_<Polygon> polygon_class(
        m, "Polygon",
        "A polygon with holes; rings are lists of (x, y) points, closed (first point = last point). Orientation "
        "is normalised (outer ring counter-clockwise). __geo_interface__ makes shapely.geometry.shape(p) work.");
    polygon_class
        .def(py::init([](Ring outer, std::vector<Ring> holes) { return Polygon(std::move(outer), std::move(holes)); }),
             py::arg("outer"), py::arg("holes") = std::vector<Ring>{},
             "A polygon. InvalidInputError for an empty or unclosed ring, fewer than 3 distinct points, a "
             "self-intersecting ring, or a hole outside the outer ring.")
        .def_static("rectangle", &Polygon::rectangle, py::arg("min"), py::arg("max"),
                    "The rectangle from its lower-left to its upper-right corner.")
        .def_property_readonly("outer", &Polygon::outer, "The outer ring (counter-clockwise, closed).")
        .def_property_readonly("holes", &Polygon::holes, "The holes (clockwise, closed).")
        .def_property_readonly(
            "bounds",
            [](const Polygon& p) {
                const Box& b = p.bounds();
                return std::make_tuple(b.min.x, b.min.y, b.max.x, b.max.y);
            },
            "(min_x, min_y, max_x, max_y), as shapely gives them.")
        .def_property_readonly("centroid", &Polygon::centroid, "The planar centroid, in the polygon's coordinates.")
        .def("area", &Polygon::area, py::arg("coordinates"),
             "Area in m²: geodesic (WGS84) for CoordinateSystem.LONLAT, planar for METRES.")
        .def("covers", &Polygon::covers, py::arg("point"), "True when the point is inside or on the boundary.")
        .def_property_readonly("__geo_interface__", &geo_interface,
                               "{'type': 'Polygon', 'coordinates': (outer, *holes)} (GeoJSON-like).")
        .def("__repr__", &polygon_repr);
    add_value_protocol(polygon_class, {"outer", "holes"}, {.repr = false, .hash = false});
    polygon_class.def("__hash__", [](const Polygon& p) {
        py::tuple holes(p.holes().size());
        for (std::size_t i = 0; i < p.holes().size(); ++i) holes[i] = ring_tuple(p.holes()[i]);
        return py::hash(py::make_tuple(ring_tuple(p.outer()), holes));
    });

    // ---- Grid -----------------------------------------------------------------------------------
    py::class_<Grid> grid_class(m, "Grid", "One grid (网格): its code (which names its community), kind, name, shape "
                                           "and recorded households.");
    grid_class.def(py::init([](const CodeArgument& code, Polygon shape, GridKind kind, std::string name,
                               std::int64_t households) {
                       return Grid{to_grid_code(code), kind, std::move(name), std::move(shape), households};
                   }),
                   py::arg("code"), py::arg("shape"), py::arg("kind") = GridKind::comprehensive, py::arg("name") = "",
                   py::arg("households") = 0,
                   "A grid; a str code is read in the 14-digit layout (give a GridCode for another).");
    field(grid_class, "code", &Grid::code, "Its GridCode, e.g. 37050200506601.");
    field(grid_class, "shape", &Grid::shape, "Its Polygon.");
    field(grid_class, "kind", &Grid::kind, "Comprehensive or dedicated.");
    field(grid_class, "name", &Grid::name, "e.g. 锦苑社区第一网格.");
    field(grid_class, "households", &Grid::households, "Households as recorded (0 if unknown).");
    grid_class
        .def_property_readonly("unit", [](const Grid& g) { return g.code.unit(); },
                               "The community or village (code.unit).")
        .def_property_readonly(
            "__geo_interface__",
            [](const Grid& g) {
                StringDict out;
                out["type"] = py::str("Feature");
                out["properties"] = grid_properties(g);
                out["geometry"] = geo_interface(g.shape);
                return out;
            },
            "A GeoJSON-like Feature with properties code, kind, name, unit, households.")
        .def("__repr__", [](const Grid& g) {
            return "<Grid " + g.code.str() + " " + std::string(to_string(g.kind)) + " " +
                   std::string(py::repr(py::str(g.name))) + ", " + plural(static_cast<std::size_t>(g.households), "household") +
                   ">";
        });
    add_value_protocol(grid_class, {"code", "shape", "kind", "name", "households"}, {.repr = false});

    // ---- findings and bands ---------------------------------------------------------------------
    py::class_<CoverageFinding> coverage_class(m, "CoverageFinding",
                                               "What a coverage check found for one community or village.");
    coverage_class.def(py::init([](CoverageFinding::Kind kind, const UnitArgument& unit, std::vector<GridId> grids,
                                   double area_m2, std::string message) {
                           return CoverageFinding{kind, to_code(unit), std::move(grids), area_m2, std::move(message)};
                       }),
                       py::arg("kind"), py::arg("unit"), py::arg("grids"), py::arg("area_m2"), py::arg("message"));
    field(coverage_class, "kind", &CoverageFinding::kind, "Which principle is broken.");
    field(coverage_class, "unit", &CoverageFinding::unit, "The community or village.");
    field(coverage_class, "grids", &CoverageFinding::grids,
          "Grid ids involved: two for an overlap, one for outside, none for a gap.");
    field(coverage_class, "area_m2", &CoverageFinding::area_m2, "The area concerned, in m².");
    field(coverage_class, "message", &CoverageFinding::message, "In words, with the codes and the area.");
    add_value_protocol(coverage_class, {"kind", "unit", "grids", "area_m2", "message"}, {.hash = false});

    const HouseholdBands default_bands;
    py::class_<HouseholdBands> bands_class(
        m, "HouseholdBands",
        "Households per grid by kind (secondary sources; configurable): comprehensive grids 300–500 in "
        "communities (居委会), 200–400 in villages (村委会); dedicated grids only where a band is given.");
    bands_class.def(py::init([](IntRange urban, IntRange rural, std::map<GridKind, IntRange> dedicated) {
                        HouseholdBands bands;
                        bands.urban = urban;
                        bands.rural = rural;
                        bands.dedicated = std::move(dedicated);
                        return bands;
                    }),
                    py::arg("urban") = default_bands.urban, py::arg("rural") = default_bands.rural,
                    py::arg("dedicated") = default_bands.dedicated);
    field(bands_class, "urban", &HouseholdBands::urban, "IntRange for comprehensive grids of residents' committees.");
    field(bands_class, "rural", &HouseholdBands::rural, "IntRange for comprehensive grids of villagers' committees.");
    field(bands_class, "dedicated", &HouseholdBands::dedicated, "IntRange by dedicated GridKind, for those with one.");
    bands_class.def(
        "band", [](const HouseholdBands& b, GridKind kind, const UnitArgument& unit) { return b.band(kind, to_code(unit)); },
        py::arg("kind"), py::arg("unit"), "The band for a grid of this kind in this unit, or None.");
    add_value_protocol(bands_class, {"urban", "rural", "dedicated"}, {.hash = false});

    py::class_<BandFinding> band_class(m, "BandFinding", "A grid whose households are outside its band.");
    band_class.def(py::init([](GridId grid, std::int64_t households, IntRange band, std::string message) {
                       return BandFinding{grid, households, band, std::move(message)};
                   }),
                   py::arg("grid"), py::arg("households"), py::arg("band"), py::arg("message"));
    field(band_class, "grid", &BandFinding::grid, "Grid id.");
    field(band_class, "households", &BandFinding::households, "Its households.");
    field(band_class, "band", &BandFinding::band, "The IntRange it misses.");
    field(band_class, "message", &BandFinding::message, "In words.");
    add_value_protocol(band_class, {"grid", "households", "band", "message"});

    // ---- GridMap --------------------------------------------------------------------------------
    py::class_<GridMap, MapPtr> map_class(
        m, "GridMap",
        "The grids of one or more communities, indexed for point lookups; immutable. Build it with GridMapBuilder, "
        "GridMapBuilder.from_geojson() or GridMap.read_geojson(). Grid ids are ints (0 … len-1, in the order the "
        "grids were added).");
    map_class.def(py::init([] { return std::make_shared<GridMap>(); }), "An empty map.")
        .def_static(
            "read_geojson",
            [](const std::filesystem::path& path, CoordinateSystem coordinates, const OptionalLayout& layout,
               const OptionalTree& tree) {
                const auto chosen = layout_or_default(layout);
                const py::gil_scoped_release release;
                const GridMapBuilder builder =
                    GridMapBuilder::from_geojson(read_text(path), path.filename().string(), coordinates, chosen);
                return build(builder, tree);
            },
            py::arg("path"), py::arg("coordinates") = CoordinateSystem::lonlat, py::arg("layout") = py::none(),
            py::arg("tree") = py::none(),
            "Reads a GeoJSON FeatureCollection file (see GridMapBuilder.from_geojson) and builds the map (checking "
            "every unit against tree, if given). Errors name the file and the feature.")
        .def_property_readonly("coordinates", &GridMap::coordinates, "How its points are read.")
        .def("__len__", &GridMap::size)
        .def(
            "grid", [](const GridMap& map, GridId id) { return map.grid(id); }, py::arg("id"),
            "The grid with this id (a copy); NotFoundError.")
        .def_property_readonly("grids", [](const GridMap& map) { return copy_of(map.grids()); },
                               "All grids (copies), by id.")
        .def_property_readonly(
            "codes",
            [](const GridMap& map) {
                std::vector<std::string> out;
                out.reserve(map.size());
                for (const Grid& g : map.grids()) out.push_back(g.code.str());
                return out;
            },
            "The grid codes as str, by id (index it with locate()'s ids).")
        .def(
            "find",
            [](const GridMap& map, const CodeArgument& code) { return map.find(code_in_map(map, code)); },
            py::arg("code"),
            "The id of the grid with this code (GridCode, or str read in the layout of the map's grids), or None.")
        .def(
            "__contains__",
            [](const GridMap& map, const CodeArgument& code) { return map.find(code_in_map(map, code)).has_value(); },
            py::arg("code"))
        .def(
            "grids_in", [](const GridMap& map, const UnitArgument& unit) { return map.grids_in(to_code(unit)); },
            py::arg("unit"),
            "Ids of the grids of a community or village, or of every one under a higher-level code, in code order.")
        .def(
            "boundary",
            [](const GridMap& map, const UnitArgument& unit) -> std::optional<Polygon> {
                const Polygon* shape = map.boundary(to_code(unit));
                return shape != nullptr ? std::optional<Polygon>(*shape) : std::nullopt;
            },
            py::arg("unit"), "The boundary recorded for a community or village (a copy), or None.")
        .def("locate", py::overload_cast<Point>(&GridMap::locate, py::const_), py::arg("point"),
             "The id of the grid containing an (x, y) point, or None. A point on an edge shared by several grids "
             "belongs to the one with the smallest code.")
        .def("locate", &locate_many, py::arg("xs"), py::arg("ys"),
             "Vectorised: grid ids (int64, -1 for none) for arrays of x and y of the same shape. C-contiguous "
             "float64 arrays are read in place; the lookup runs without the GIL.")
        .def(
            "check_coverage",
            [](const GridMap& map, const UnitArgument& unit, double tolerance_m2) {
                const DivisionCode code = to_code(unit);
                const py::gil_scoped_release release;
                return map.check_coverage(code, tolerance_m2);
            },
            py::arg("unit"), py::arg("tolerance_m2") = 1.0,
            "Overlaps, gaps inside the recorded boundary and grids reaching outside it (overlaps only without a "
            "boundary), for a community or village or every one under a higher-level code. Areas up to "
            "tolerance_m2 are ignored.")
        .def(
            "count_households",
            [](const GridMap& map, const DoubleArray& points, const CountArray& households) {
                return count_points(map, points_from(points), households);
            },
            py::arg("points"), py::arg("households"),
            "Households per grid from an (N, 2) array of points and N counts: an int64 array of len(map) + 1, the "
            "last element counting the points in no grid.")
        .def(
            "count_households",
            [](const GridMap& map, const DoubleArray& xs, const DoubleArray& ys, const CountArray& households) {
                const std::size_t n = checked_pair(xs, ys, "count_households");
                std::vector<Point> points(n);
                for (std::size_t i = 0; i < n; ++i) points[i] = {xs.data()[i], ys.data()[i]};
                return count_points(map, points, households);
            },
            py::arg("xs"), py::arg("ys"), py::arg("households"), "As above, from arrays of x and y.")
        .def(
            "check_bands",
            [](const GridMap& map, const std::optional<CountArray>& households, const HouseholdBands& bands) {
                if (households) return map.check_bands(view(*households), bands);
                std::vector<std::int64_t> recorded;
                for (const Grid& g : map.grids()) recorded.push_back(g.households);
                return map.check_bands(recorded, bands);
            },
            py::arg("households") = py::none(), py::arg("bands") = HouseholdBands{},
            "Grids whose households (one count per grid, optionally followed by count_households()'s count in no "
            "grid; None: the recorded Grid.households) are outside their band.")
        .def(
            "to_geojson",
            [](const GridMap& map) {
                const py::gil_scoped_release release;
                return map.to_geojson();
            },
            "The map as a GeoJSON FeatureCollection: grids (properties code, kind, name, unit, households), then "
            "boundaries (role 'boundary', unit).")
        .def(
            "write_geojson",
            [](const GridMap& map, const std::filesystem::path& path) {
                const py::gil_scoped_release release;
                const std::string text = map.to_geojson();
                std::ofstream out(path, std::ios::binary);
                if (!out) throw FileError("cannot write file '" + path.string() + "'");
                out << text;
                if (!out) throw FileError("cannot write file '" + path.string() + "'");
            },
            py::arg("path"), "Writes to_geojson() to a file.")
        .def(
            "to_pandas", [](const py::object& self) { return pandas_helper("map_frame")(self); },
            "One row per grid (index: grid id): code, unit, kind (categorical), name, households, area_m2. Needs "
            "pandas.")
        .def(
            "coverage_frame",
            [](const py::object& self, const IterableOf<CoverageFinding>& findings) {
                return pandas_helper("coverage_frame")(self, findings);
            },
            py::arg("findings"),
            "check_coverage()'s findings as a DataFrame: kind (categorical), unit, grid, other_grid, code, "
            "other_code, area_m2, message. Needs pandas.")
        .def(
            "bands_frame",
            [](const py::object& self, const IterableOf<BandFinding>& findings) {
                return pandas_helper("bands_frame")(self, findings);
            },
            py::arg("findings"),
            "check_bands()'s findings as a DataFrame: grid, code, kind (categorical), households, band_min, "
            "band_max, message. Needs pandas.")
        .def(
            "_columns",
            [](const GridMap& map) {
                const auto grids = map.grids();
                std::vector<double> areas(grids.size());
                {
                    const py::gil_scoped_release release;
                    for (std::size_t i = 0; i < grids.size(); ++i) areas[i] = grids[i].shape.area(map.coordinates());
                }
                py::list code, unit, name;
                py::array_t<std::int8_t> kind(static_cast<py::ssize_t>(grids.size()));
                py::array_t<std::int64_t> households(static_cast<py::ssize_t>(grids.size()));
                for (std::size_t i = 0; i < grids.size(); ++i) {
                    code.append(py::str(grids[i].code.str()));
                    unit.append(py::str(grids[i].code.unit().str()));
                    name.append(py::str(grids[i].name));
                    kind.mutable_data()[i] = static_cast<std::int8_t>(grids[i].kind);
                    households.mutable_data()[i] = grids[i].households;
                }
                py::dict columns;
                columns["code"] = code;
                columns["unit"] = unit;
                columns["kind"] = kind;
                columns["name"] = name;
                columns["households"] = households;
                columns["area_m2"] = array_of(areas);
                return columns;
            },
            "Columns for to_pandas() (internal).")
        .def("__repr__", &map_repr);

    // ---- GridMapBuilder -------------------------------------------------------------------------
    py::class_<GridMapBuilder>(m, "GridMapBuilder",
                               "Collects grids and community boundaries, validates them together and builds a "
                               "GridMap (all or nothing).")
        .def(py::init<CoordinateSystem>(), py::arg("coordinates") = CoordinateSystem::lonlat,
             "A builder for points in these coordinates.")
        .def(
            "add", [](GridMapBuilder& b, Grid grid) -> GridMapBuilder& { return b.add(std::move(grid)); },
            py::arg("grid"), py::return_value_policy::reference_internal,
            "Adds a grid (its id is the number of grids added before it); returns the builder. InvalidInputError "
            "for a whole-unit ('00') code or a negative household count.")
        .def(
            "set_boundary",
            [](GridMapBuilder& b, const UnitArgument& unit, Polygon boundary) -> GridMapBuilder& {
                return b.set_boundary(to_code(unit), std::move(boundary));
            },
            py::arg("unit"), py::arg("boundary"), py::return_value_policy::reference_internal,
            "Records the boundary of a community or village (for gap and outside checks), once per unit; returns "
            "the builder.")
        .def("__len__", &GridMapBuilder::size)
        .def("build", &build, py::arg("tree") = py::none(),
             "Validates (no duplicate codes; lon/lat in range; with a DivisionTree, every unit in it) and builds "
             "the map.")
        .def_static(
            "from_geojson",
            [](const std::string& text, const std::string& source, CoordinateSystem coordinates,
               const OptionalLayout& layout) {
                const auto chosen = layout_or_default(layout);
                const py::gil_scoped_release release;
                return GridMapBuilder::from_geojson(text, source, coordinates, chosen);
            },
            py::arg("text"), py::arg("source") = "<text>", py::arg("coordinates") = CoordinateSystem::lonlat,
            py::arg("layout") = py::none(),
            "Reads a GeoJSON FeatureCollection of Polygon features with properties code (str), kind, name, "
            "households, and role 'boundary' (with unit) for community boundaries. InvalidInputError naming "
            "source and feature.");

    // ---- household points -----------------------------------------------------------------------
    py::class_<PointsView>(m, "HouseholdPoints",
                           "Points with an id and a household count (one row per household or building), as "
                           "read-only NumPy arrays.")
        .def_readonly("ids", &PointsView::ids, "Row ids (building or household numbers), a list of str.")
        .def_readonly("points", &PointsView::points, "(N, 2) float64 array of x, y (longitude, latitude or metres).")
        .def_readonly("households", &PointsView::households, "int64 array of households at each point.")
        .def("__len__", [](const PointsView& p) { return p.ids.size(); })
        .def("__repr__", [](const PointsView& p) {
            return "<HouseholdPoints: " + plural(p.ids.size(), "point") + ">";
        });
    m.def(
        "parse_household_points",
        [](const std::string& text, const std::string& source) {
            HouseholdPoints read;
            {
                const py::gil_scoped_release release;
                read = parse_household_points(text, source);
            }
            return view_of(std::move(read));
        },
        py::arg("text"), py::arg("source") = "<text>",
        "Parses CSV with the header 'id,lon,lat[,households]' (degrees) or 'id,x,y[,households]' (metres); "
        "households defaults to 1. InvalidInputError naming source, row and field.");
    m.def(
        "read_household_points",
        [](const std::filesystem::path& path) {
            HouseholdPoints read;
            {
                const py::gil_scoped_release release;
                read = read_household_points(path);
            }
            return view_of(std::move(read));
        },
        py::arg("path"), "Reads such a CSV file (gzip allowed); FileError when it cannot be read.");

    // ---- synthetic city -------------------------------------------------------------------------
    py::class_<CityView>(m, "SyntheticCity",
                         "A generated city: grids and community boundaries (map), and buildings with households.")
        .def_property_readonly("map", [](const CityView& c) { return c.map; }, "The GridMap (14-digit codes, lon/lat).")
        .def_readonly("buildings", &CityView::buildings,
                      "(N, 2) float64 array of building positions (longitude, latitude), read-only.")
        .def_readonly("households", &CityView::households, "int64 array of households per building, read-only.")
        .def_property_readonly(
            "building_unit", [](const CityView& c) { return c.building_unit; },
            "The community or village of each building: a list of DivisionCode (compare with Grid.unit).")
        .def("__repr__", [](const CityView& c) {
            return "<SyntheticCity: " + plural(c.map->size(), "grid") + ", " + plural(c.building_unit.size(), "building") +
                   ">";
        });
    const SyntheticCityOptions default_options;
    m.def(
        "synthetic_city",
        [](const DivisionTree& tree, const UnitArgument& root, std::uint64_t seed, IntRange community_households,
           IntRange village_households, std::int64_t community_grid_households, std::int64_t village_grid_households,
           IntRange building_households, Point origin) {
            const DivisionCode code = to_code(root);
            const SyntheticCityOptions options{community_households, village_households, community_grid_households,
                                               village_grid_households, building_households, origin};
            SyntheticCity city;
            {
                const py::gil_scoped_release release;
                city = synthetic_city(tree, code, seed, options);
            }
            CityView view;
            view.map = std::make_shared<GridMap>(std::move(city.map));
            view.buildings = points_array(city.buildings);
            view.households = read_only(array_of(city.households));
            view.building_unit = std::move(city.building_unit);
            return view;
        },
        py::arg("tree"), py::arg("root"), py::arg("seed"), py::kw_only(),
        py::arg("community_households") = default_options.community_households,
        py::arg("village_households") = default_options.village_households,
        py::arg("community_grid_households") = default_options.community_grid_households,
        py::arg("village_grid_households") = default_options.village_grid_households,
        py::arg("building_households") = default_options.building_households,
        py::arg("origin") = default_options.origin,
        "A deterministic synthetic city for every village-level unit under root (str or DivisionCode) of tree: a "
        "square per unit sized by its households, cut into grids near the target size, numbered west→east, "
        "north→south, with buildings inside. The defaults reproduce Dongying's published scale.");

    // ---- re-division ----------------------------------------------------------------------------
    bind_enum<RedivisionChange::Kind>(m, "RedivisionChangeKind", "A split or a merge of grids.",
                                      {{"SPLIT", RedivisionChange::Kind::split, "one grid cut into several"},
                                       {"MERGE", RedivisionChange::Kind::merge, "several grids joined into one"}});
    const RedivisionOptions default_redivision;
    py::class_<RedivisionOptions> redivision_options_class(m, "RedivisionOptions",
                                                           "How to re-divide: household bands and building adjacency.");
    redivision_options_class.def(py::init([](HouseholdBands bands, double adjacency_m) {
                                     return RedivisionOptions{std::move(bands), adjacency_m};
                                 }),
                                 py::arg("bands") = default_redivision.bands,
                                 py::arg("adjacency_m") = default_redivision.adjacency_m);
    field(redivision_options_class, "bands", &RedivisionOptions::bands, "The HouseholdBands each grid should be in.");
    field(redivision_options_class, "adjacency_m", &RedivisionOptions::adjacency_m,
          "Buildings closer than this many metres are adjacent.");
    add_value_protocol(redivision_options_class, {"bands", "adjacency_m"}, {.hash = false});

    py::class_<RedivisionChange> change_class(m, "RedivisionChange", "One split or merge of grids.");
    change_class.def(py::init([](RedivisionChange::Kind kind, std::vector<GridCode> from, std::vector<GridCode> to) {
                         return RedivisionChange{kind, std::move(from), std::move(to)};
                     }),
                     py::arg("kind"), py::arg("from_"), py::arg("to"));
    field(change_class, "kind", &RedivisionChange::kind, "SPLIT or MERGE.");
    change_class.def_property_readonly(
        "from_", [](const RedivisionChange& c) { return c.from; },
        "GridCodes in the old map (a split: one; a merge: two or more).");
    field(change_class, "to", &RedivisionChange::to, "GridCodes in the new map (a split: two or more; a merge: one).");
    add_value_protocol(change_class, {"kind", "from_", "to"}, {.hash = false});

    py::class_<RedivisionView>(m, "Redivision", "A re-divided map and what changed.")
        .def_property_readonly("map", [](const RedivisionView& r) { return r.map; }, "The new GridMap.")
        .def_readonly("changes", &RedivisionView::changes,
                      "RedivisionChanges: splits in old code order, then merges in new code order.")
        .def_readonly("households", &RedivisionView::households,
                      "int64 array of households per grid of the new map, counted from the buildings; read-only.")
        .def_readonly("remaining", &RedivisionView::remaining,
                      "BandFindings (ids in the new map) for the unit's grids still out of band, with why.")
        .def("__repr__", [](const RedivisionView& r) {
            return "<Redivision: " + plural(r.map->size(), "grid") + ", " + plural(r.changes.size(), "change") + ", " +
                   std::to_string(r.remaining.size()) + " still out of band>";
        });
    m.def(
        "redivide",
        [](const GridMap& map, const UnitArgument& unit, const DoubleArray& buildings, const CountArray& households,
           const std::optional<HouseholdBands>& bands, double adjacency_m) {
            const DivisionCode code = to_code(unit);
            if (buildings.ndim() != 2 || buildings.shape(1) != 2) {
                throw InvalidInput("redivide: buildings must be an (N, 2) array of x, y; got shape " +
                                   shape_text(buildings));
            }
            std::vector<Point> points(static_cast<std::size_t>(buildings.shape(0)));
            const double* xy = buildings.data();
            for (std::size_t i = 0; i < points.size(); ++i) points[i] = {xy[2 * i], xy[2 * i + 1]};
            if (households.ndim() != 1) {
                throw InvalidInput("redivide: households must be a 1-D array; got shape " + shape_text(households));
            }
            RedivisionOptions options;
            if (bands) options.bands = *bands;
            options.adjacency_m = adjacency_m;
            Redivision result;
            {
                const py::gil_scoped_release release;
                result = redivide(map, code, points, view(households), options);
            }
            RedivisionView out;
            out.map = std::make_shared<GridMap>(std::move(result.map));
            out.changes = std::move(result.changes);
            out.households = read_only(array_of(result.households));
            out.remaining = std::move(result.remaining);
            return out;
        },
        py::arg("map"), py::arg("unit"), py::arg("buildings"), py::arg("households"), py::kw_only(),
        py::arg("bands") = py::none(), py::arg("adjacency_m") = default_redivision.adjacency_m,
        "Re-divides the grids of a community or village (str or DivisionCode) so that each is in its household "
        "band: grids above it are cut by axis-parallel lines at household-weighted cuts while the buildings on "
        "each side stay connected (buildings closer than adjacency_m are adjacent), grids below it are merged "
        "with a neighbour of the unit when the total stays within the band. Unchanged grids keep their codes; new "
        "grids take the smallest free sequence numbers, north→south then west→east. buildings: (N, 2) array; "
        "households: N int64 counts; bands: HouseholdBands (None: the defaults).");

    // ---- staffing: workers, assignments, rules, findings ----------------------------------------
    py::class_<GridWorker> worker_class(m, "GridWorker", "A person who can hold grid posts.");
    worker_class.def(py::init(&make_worker), py::arg("name"), py::arg("home"), py::arg("part_time") = py::none(),
                     py::arg("may_serve_elsewhere") = false, py::arg("location") = py::none());
    field(worker_class, "name", &GridWorker::name, "Name.");
    field(worker_class, "home", &GridWorker::home, "The community or village the worker belongs to.");
    field(worker_class, "part_time", &GridWorker::part_time, "PartTimeKind for part-time workers, else None.");
    field(worker_class, "may_serve_elsewhere", &GridWorker::may_serve_elsewhere,
          "Explicitly allowed to hold posts outside home.");
    field(worker_class, "location", &GridWorker::location, "Where the worker lives, (x, y), or None.");
    add_value_protocol(worker_class, {"name", "home", "part_time", "may_serve_elsewhere", "location"});

    py::class_<GridAssignment> assignment_class(m, "GridAssignment",
                                                "A post held from start to end (inclusive; end None while open).");
    assignment_class.def(py::init([](GridWorkerId worker, GridId grid, GridRole role, Date start,
                                     std::optional<Date> end) {
                             return GridAssignment{worker, grid, role, start, end};
                         }),
                         py::arg("worker"), py::arg("grid"), py::arg("role"), py::arg("start"),
                         py::arg("end") = py::none());
    field(assignment_class, "worker", &GridAssignment::worker, "Worker id.");
    field(assignment_class, "grid", &GridAssignment::grid, "Grid id.");
    field(assignment_class, "role", &GridAssignment::role, "GridRole.");
    field(assignment_class, "start", &GridAssignment::start, "First day.");
    field(assignment_class, "end", &GridAssignment::end, "Last day, or None while open.");
    assignment_class.def("active_on", &GridAssignment::active_on, py::arg("day"), "True when held on that day.");
    add_value_protocol(assignment_class, {"worker", "grid", "role", "start", "end"});

    const StaffingRules default_rules;
    py::class_<StaffingRules> rules_class(m, "StaffingRules",
                                          "Limits of the staffing rules (local policy; configurable, not law).");
    rules_class.def(py::init([](std::int64_t part_time_max_grids, std::int64_t liaison_max_grids, bool require_chief) {
                        return StaffingRules{part_time_max_grids, liaison_max_grids, require_chief};
                    }),
                    py::arg("part_time_max_grids") = default_rules.part_time_max_grids,
                    py::arg("liaison_max_grids") = default_rules.liaison_max_grids,
                    py::arg("require_chief") = default_rules.require_chief);
    field(rules_class, "part_time_max_grids", &StaffingRules::part_time_max_grids,
          "Grids one part-time worker may serve at once.");
    field(rules_class, "liaison_max_grids", &StaffingRules::liaison_max_grids, "Grids one township liaison may cover.");
    field(rules_class, "require_chief", &StaffingRules::require_chief, "Report grids without exactly one grid chief.");
    add_value_protocol(rules_class, {"part_time_max_grids", "liaison_max_grids", "require_chief"});

    py::class_<StaffingFinding> finding_class(m, "StaffingFinding", "A broken staffing rule over a run of days.");
    finding_class.def(py::init([](std::string rule_id, std::optional<GridId> grid, std::optional<GridWorkerId> worker,
                                  Date first, Date last, std::string message) {
                          return StaffingFinding{std::move(rule_id), grid, worker, first, last, std::move(message)};
                      }),
                      py::arg("rule_id"), py::arg("grid"), py::arg("worker"), py::arg("first"), py::arg("last"),
                      py::arg("message"));
    field(finding_class, "rule_id", &StaffingFinding::rule_id,
          "'full_time.exactly_one', 'full_time.one_grid', 'part_time.load', 'liaison.load', 'chief.exactly_one' "
          "or 'post.home'.");
    field(finding_class, "grid", &StaffingFinding::grid, "Grid id concerned, or None.");
    field(finding_class, "worker", &StaffingFinding::worker, "Worker id concerned, or None.");
    field(finding_class, "first", &StaffingFinding::first, "First day it holds.");
    field(finding_class, "last", &StaffingFinding::last, "Last day it holds.");
    field(finding_class, "message", &StaffingFinding::message, "In words, with codes, names and dates.");
    add_value_protocol(finding_class, {"rule_id", "grid", "worker", "first", "last", "message"});

    py::class_<StaffingSummary> summary_class(
        m, "StaffingSummary", "One row of a coverage report: a unit of the ladder and its grids' staffing on a day.");
    summary_class.def(py::init([](const UnitArgument& unit, std::int64_t grids, std::int64_t grids_without_full_time,
                                  std::int64_t full_time_workers, std::int64_t part_time_workers,
                                  std::int64_t workers_over_load, std::int64_t households,
                                  double households_per_full_time) {
                          return StaffingSummary{to_code(unit),      grids,      grids_without_full_time,
                                                 full_time_workers,  part_time_workers, workers_over_load,
                                                 households,         households_per_full_time};
                      }),
                      py::arg("unit"), py::arg("grids"), py::arg("grids_without_full_time"),
                      py::arg("full_time_workers"), py::arg("part_time_workers"), py::arg("workers_over_load"),
                      py::arg("households"), py::arg("households_per_full_time"));
    field(summary_class, "unit", &StaffingSummary::unit, "Community, township, county, ….");
    field(summary_class, "grids", &StaffingSummary::grids, "Grids under it.");
    field(summary_class, "grids_without_full_time", &StaffingSummary::grids_without_full_time,
          "Grids with no full-time worker that day.");
    field(summary_class, "full_time_workers", &StaffingSummary::full_time_workers, "Distinct full-time workers.");
    field(summary_class, "part_time_workers", &StaffingSummary::part_time_workers, "Distinct part-time workers.");
    field(summary_class, "workers_over_load", &StaffingSummary::workers_over_load, "Workers above their limit.");
    field(summary_class, "households", &StaffingSummary::households, "Households of the grids.");
    field(summary_class, "households_per_full_time", &StaffingSummary::households_per_full_time,
          "households / full_time_workers (0 if none).");
    add_value_protocol(summary_class, {"unit", "grids", "grids_without_full_time", "full_time_workers",
                                       "part_time_workers", "workers_over_load", "households",
                                       "households_per_full_time"});

    py::class_<StaffingPlan> plan_class(m, "StaffingPlan",
                                        "A full-time staffing plan: the worker of each grid (or None) and its cost.");
    plan_class.def(py::init([](std::vector<std::optional<GridWorkerId>> worker_of_grid, double total_distance_m,
                               double max_distance_m, std::int64_t unstaffed) {
                       return StaffingPlan{std::move(worker_of_grid), total_distance_m, max_distance_m, unstaffed};
                   }),
                   py::arg("worker_of_grid"), py::arg("total_distance_m"), py::arg("max_distance_m"),
                   py::arg("unstaffed"));
    field(plan_class, "worker_of_grid", &StaffingPlan::worker_of_grid,
          "Worker id per grid id of the whole map (None: not staffed or not asked for).");
    field(plan_class, "total_distance_m", &StaffingPlan::total_distance_m, "Sum of worker-to-grid distances (m).");
    field(plan_class, "max_distance_m", &StaffingPlan::max_distance_m, "Longest single distance (m).");
    field(plan_class, "unstaffed", &StaffingPlan::unstaffed, "Grids asked for that were left without a worker.");
    add_value_protocol(plan_class, {"worker_of_grid", "total_distance_m", "max_distance_m", "unstaffed"},
                       {.hash = false});

    // ---- GridStaffing ---------------------------------------------------------------------------
    py::class_<Staffing>(m, "GridStaffing",
                         "The posts (网格定岗) of the grids of one GridMap over time: workers, assignments, history, "
                         "the daily rule checks and coverage reports. Keeps its map alive. Ids are ints.")
        .def(py::init<MapPtr>(), py::arg("map"), "Staffing for the grids of a map.")
        .def_property_readonly("map", [](const Staffing& s) { return s.map; }, "The GridMap.")
        .def(
            "add_worker",
            [](Staffing& s, GridWorker worker) {
                return s.change([&](GridStaffing& staffing) { return staffing.add_worker(std::move(worker)); });
            },
            py::arg("worker"),
            "Registers a GridWorker; returns its id. InvalidInputError for an empty name, a home above village "
            "level or a location that is not finite.")
        .def(
            "add_worker",
            [](Staffing& s, std::string name, const UnitArgument& home, std::optional<PartTimeKind> part_time,
               bool may_serve_elsewhere, std::optional<Point> location) {
                GridWorker worker = make_worker(std::move(name), home, part_time, may_serve_elsewhere, location);
                return s.change([&](GridStaffing& staffing) { return staffing.add_worker(std::move(worker)); });
            },
            py::arg("name"), py::arg("home"), py::arg("part_time") = py::none(),
            py::arg("may_serve_elsewhere") = false, py::arg("location") = py::none(),
            "Registers a worker from its fields; returns its id.")
        .def(
            "assign",
            [](Staffing& s, GridWorkerId worker, GridId grid, GridRole role, Date start, std::optional<Date> end) {
                return s.change(
                    [&](GridStaffing& staffing) { return staffing.assign(worker, grid, role, start, end); });
            },
            py::arg("worker"), py::arg("grid"), py::arg("role"), py::arg("start"), py::arg("end") = py::none(),
            "Posts a worker to a grid in a role from start (to end, inclusive); returns the assignment id. "
            "NotFoundError for unknown ids, InvalidInputError for end before start or a part-time post of a worker "
            "without a part-time kind. Rules are checked by check(), so plans can be drafted.")
        .def(
            "end_assignment",
            [](Staffing& s, GridAssignmentId id, Date end) {
                s.change([&](GridStaffing& staffing) { staffing.end_assignment(id, end); });
            },
            py::arg("assignment"), py::arg("end"),
            "Ends an assignment on a day; InvalidInputError if before its start or already ended.")
        .def_property_readonly("workers", [](const Staffing& s) { return copy_of(s.staffing.workers()); },
                               "All workers (copies), by id.")
        .def_property_readonly("assignments", [](const Staffing& s) { return copy_of(s.staffing.assignments()); },
                               "All assignments (copies), by id.")
        .def(
            "worker", [](const Staffing& s, GridWorkerId id) { return s.staffing.worker(id); }, py::arg("id"),
            "The worker with this id (a copy); NotFoundError.")
        .def(
            "holders",
            [](const Staffing& s, GridId grid, GridRole role, Date day) { return s.staffing.holders(grid, role, day); },
            py::arg("grid"), py::arg("role"), py::arg("day"), "Ids of the workers holding a role in a grid on a day.")
        .def(
            "history", [](const Staffing& s, GridId grid) { return s.staffing.history(grid); }, py::arg("grid"),
            "Ids of every assignment of a grid, oldest first.")
        .def(
            "posts_of", [](const Staffing& s, GridWorkerId worker) { return s.staffing.posts_of(worker); },
            py::arg("worker"), "Ids of every assignment of a worker, oldest first.")
        .def(
            "check",
            [](const Staffing& s, Date first, Date last, const StaffingRules& rules) {
                return s.without_gil([&](const GridStaffing& staffing) { return staffing.check(first, last, rules); });
            },
            py::arg("first"), py::arg("last"), py::arg("rules") = StaffingRules{},
            "Checks every day of [first, last]: exactly one full-time worker per grid; a full-time worker in one "
            "grid; part-time and liaison loads; posts inside the worker's own community (liaisons: township) "
            "unless allowed. Consecutive days with the same problem are one finding.")
        .def(
            "summary",
            [](const Staffing& s, const UnitArgument& root, Level level, Date day, const StaffingRules& rules) {
                const DivisionCode code = to_code(root);
                return s.without_gil(
                    [&](const GridStaffing& staffing) { return staffing.summary(code, level, day, rules); });
            },
            py::arg("root"), py::arg("level"), py::arg("day"), py::arg("rules") = StaffingRules{},
            "One StaffingSummary per unit at level under root (e.g. each community of a township) that has grids, "
            "on a day.")
        .def(
            "findings_frame",
            [](const py::object& self, const IterableOf<StaffingFinding>& findings) {
                return pandas_helper("findings_frame")(self, findings);
            },
            py::arg("findings"),
            "check()'s findings as a DataFrame: rule_id, grid, code, worker, worker_name, first, last, message. "
            "Needs pandas.")
        .def(
            "summary_frame",
            [](const py::object& /*self*/, const IterableOf<StaffingSummary>& rows) {
                return pandas_helper("summary_frame")(rows);
            },
            py::arg("rows"), "summary()'s rows as a DataFrame, one column per field (unit as str). Needs pandas.")
        .def(
            "roster",
            [](const py::object& self, const std::optional<Date>& on) { return pandas_helper("roster")(self, on); },
            py::arg("on") = py::none(),
            "One row per assignment (index: assignment id): worker, worker_name, grid, code, role (categorical), "
            "start, end, and active (held on that day) when on is given. Needs pandas.")
        .def("__repr__", [](const Staffing& s) {
            return "<GridStaffing of " + plural(s.map->size(), "grid") + ": " +
                   plural(s.staffing.workers().size(), "worker") + ", " +
                   plural(s.staffing.assignments().size(), "assignment") + ">";
        });

    m.def(
        "optimise_full_time",
        [](const Staffing& s, const std::vector<GridId>& grids, const std::vector<GridWorkerId>& candidates) {
            return s.without_gil(
                [&](const GridStaffing& staffing) { return optimise_full_time(staffing, grids, candidates); });
        },
        py::arg("staffing"), py::arg("grids"), py::arg("candidates"),
        "One full-time worker for each of the grids from the candidates (each worker once, only in their own "
        "community unless allowed), minimising first the unstaffed grids, then the total distance from worker to "
        "grid centroid: exact, as a minimum-cost flow. Current holders are not kept.");
    m.def(
        "greedy_full_time",
        [](const Staffing& s, const std::vector<GridId>& grids, const std::vector<GridWorkerId>& candidates) {
            return s.without_gil(
                [&](const GridStaffing& staffing) { return greedy_full_time(staffing, grids, candidates); });
        },
        py::arg("staffing"), py::arg("grids"), py::arg("candidates"),
        "The greedy baseline: grids in code order each take the nearest eligible free candidate.");
}

}  // namespace grassroots::python
