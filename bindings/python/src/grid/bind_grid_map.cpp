// The grid map (its point index, coverage and household-band checks, GeoJSON) and its builder. The
// pandas views are Python (grassroots/grid/_pandas.py) over GridMap._columns().
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "grassroots/core/files.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/svg.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

// A code given as text to a map: read in the layout of the map's grids that has as many digits
// (the 14-digit layout when none has).
GridCode code_in_map(const GridMap& map, const CodeArgument& code) {
    if (const auto* c = std::get_if<GridCode>(&code)) return *c;
    const std::string& text = std::get<CodeText>(code).utf8;
    for (const Grid& grid : map.grids()) {
        if (static_cast<std::size_t>(grid.code.layout().length()) == text.size()) {
            return GridCode::parse(text, layout_of(grid.code));
        }
    }
    return GridCode::parse(text);
}

std::string map_repr(const GridMap& map) {
    std::vector<DivisionCode> units;
    for (const Grid& g : map.grids()) units.push_back(g.code.unit());
    std::sort(units.begin(), units.end());
    units.erase(std::unique(units.begin(), units.end()), units.end());
    return "<GridMap of " + plural(map.size(), "grid") + " in " + plural(units.size(), "unit") + ", " +
           (map.coordinates() == CoordinateSystem::lonlat ? "lon/lat" : "metres") + ">";
}

std::size_t checked_pair(const py::array& xs, const py::array& ys, const char* what) {
    if (xs.ndim() != ys.ndim() || !std::equal(xs.shape(), xs.shape() + xs.ndim(), ys.shape())) {
        throw InvalidInput(std::string(what) + ": xs has shape " + shape_text(xs) + " and ys " + shape_text(ys) +
                           "; they must have the same shape");
    }
    return static_cast<std::size_t>(xs.size());
}

py::array_t<std::int64_t> locate_many(const GridMap& map, const DoubleArray& xs, const DoubleArray& ys) {
    const std::size_t n = checked_pair(xs, ys, "locate_ids");
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

MapPtr build(const GridMapBuilder& builder, const OptionalTree& tree) {
    return std::make_shared<GridMap>(tree && *tree ? builder.build(**tree) : builder.build());
}

/// Construction, reading GeoJSON, grids and codes, point lookups.
void def_map_lookups(py::class_<GridMap, MapPtr>& cls) {
    cls.def(py::init([] { return std::make_shared<GridMap>(); }), "An empty map.")
        .def_static(
            "read_geojson",
            [](const std::filesystem::path& path, CoordinateSystem coordinates, const OptionalLayout& layout,
               const OptionalTree& tree) {
                const auto chosen = layout_or_default(layout);
                const py::gil_scoped_release release;
                return build(GridMapBuilder::read_geojson(path, coordinates, chosen), tree);
            },
            py::arg("path"), py::arg("coordinates") = CoordinateSystem::lonlat, py::arg("layout") = py::none(),
            py::arg("tree") = py::none(),
            "Reads a GeoJSON FeatureCollection file (see from_geojson) and builds the map (checking every unit "
            "against tree, if given). Errors name the file and the feature.")
        .def_static(
            "from_geojson",
            [](const std::string& text, const std::string& source, CoordinateSystem coordinates,
               const OptionalLayout& layout, const OptionalTree& tree) {
                const auto chosen = layout_or_default(layout);
                const py::gil_scoped_release release;
                return build(GridMapBuilder::from_geojson(text, source, coordinates, chosen), tree);
            },
            py::arg("text"), py::arg("source") = "<text>", py::arg("coordinates") = CoordinateSystem::lonlat,
            py::arg("layout") = py::none(), py::arg("tree") = py::none(),
            "Reads GeoJSON text: a FeatureCollection of Polygon features with properties code (str), kind, name, "
            "households, and role 'boundary' (with unit) for community boundaries; builds the map. Errors name "
            "source and the feature.")
        .def_property_readonly("coordinates", &GridMap::coordinates, "How its points are read.")
        .def_property_readonly("epsg", &GridMap::epsg,
                               "The EPSG code of its coordinate reference system when recorded (4490 CGCS2000, 4326 "
                               "WGS84, or a projected system in metres), else None.")
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
            "The grid codes as str, by id (index it with locate_ids()'s ids).")
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
        .def_property_readonly(
            "boundaries", [](const GridMap& map) { return copy_of(map.boundaries()); },
            "Every recorded community boundary as (unit, polygon) pairs (copies), in unit order.")
        .def("locate_ids", py::overload_cast<Point>(&GridMap::locate, py::const_), py::arg("point"),
             "The id of the grid containing an (x, y) point, or None (locate() gives its code). A point on an edge "
             "shared by several grids belongs to the one with the smallest code.")
        .def("locate_ids", &locate_many, py::arg("xs"), py::arg("ys"),
             "Vectorised: grid ids (int64, -1 for none) for arrays of x and y of the same shape. C-contiguous "
             "float64 arrays are read in place; the lookup runs without the GIL.");
}

/// Coverage and household checks, GeoJSON output, the columns of to_pandas() and the repr.
void def_map_checks(py::class_<GridMap, MapPtr>& cls) {
    cls
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
            [](const GridMap& map, MapFeatures features) {
                const py::gil_scoped_release release;
                return map.to_geojson(features);
            },
            py::arg("features") = MapFeatures::grids,
            "The map as a GeoJSON FeatureCollection: by default the grids only (properties role 'grid', code, kind, "
            "name, unit, households); MapFeatures.BOUNDARIES the community boundaries (role 'boundary', unit); "
            "MapFeatures.ALL both, which from_geojson reads back whole.")
        .def(
            "write_geojson",
            [](const GridMap& map, const std::filesystem::path& path, MapFeatures features) {
                const py::gil_scoped_release release;
                write_file_atomically(path, map.to_geojson(features));
            },
            py::arg("path"), py::arg("features") = MapFeatures::grids,
            "Writes to_geojson(features) to a file atomically (a temporary file, fsync, rename).")
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
        .def(
            "_svg",
            [](const GridMap& map, const std::vector<double>& values, double width, std::string title) {
                return to_svg(map, values, GridSvgOptions{.width = width, .title = std::move(title)});
            },
            py::arg("values"), py::arg("width"), py::arg("title"), "The SVG picture for to_svg() (internal).")
        .def("__repr__", &map_repr);
}

}  // namespace

void bind_grid_map(py::module_& m) {
    py::class_<GridMap, MapPtr> cls(
        m, "GridMap",
        "The grids of one or more communities, indexed for point lookups; immutable. Build it with GridMapBuilder, "
        "GridMap.from_geojson() (text), GridMap.read_geojson() (a file) or GridMap.from_geopandas(). Grid ids are ints (0 … len-1, in the order the "
        "grids were added).");
    def_map_lookups(cls);
    def_map_checks(cls);
}

void bind_grid_map_builder(py::module_& m) {
    py::class_<GridMapBuilder>(m, "GridMapBuilder",
                               "Collects grids and community boundaries, validates them together and builds a "
                               "GridMap (all or nothing).")
        .def(py::init([](CoordinateSystem coordinates, std::optional<int> epsg) {
                 GridMapBuilder builder(coordinates);
                 if (epsg) builder.set_epsg(*epsg);
                 return builder;
             }),
             py::arg("coordinates") = CoordinateSystem::lonlat, py::arg("epsg") = py::none(),
             "A builder for points in these coordinates, with the EPSG code of their reference system if known "
             "(4326 WGS84 or 4490 CGCS2000 for lon/lat; a projected code for metres).")
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
            "source and feature.")
        .def_static(
            "read_geojson",
            [](const std::filesystem::path& path, CoordinateSystem coordinates, const OptionalLayout& layout) {
                const auto chosen = layout_or_default(layout);
                const py::gil_scoped_release release;
                return GridMapBuilder::read_geojson(path, coordinates, chosen);
            },
            py::arg("path"), py::arg("coordinates") = CoordinateSystem::lonlat, py::arg("layout") = py::none(),
            "from_geojson() over a file (gzip allowed); errors name the file and the feature.");
}

}  // namespace grassroots::python
