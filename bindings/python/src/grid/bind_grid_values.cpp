// One grid and what the coverage and household-band checks report.
#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "casters.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

StringDict grid_properties(const Grid& grid) {
    StringDict out;
    out["code"] = py::str(grid.code.str());
    out["kind"] = py::str(std::string(to_string(grid.kind)));
    out["name"] = py::str(grid.name);
    out["unit"] = py::str(grid.code.unit().str());
    out["households"] = py::int_(grid.households);
    return out;
}

GridCode to_grid_code(const CodeArgument& code) {
    if (const auto* c = std::get_if<GridCode>(&code)) return *c;
    return GridCode::parse(std::get<CodeText>(code).utf8);
}

}  // namespace

void bind_grid_values(py::module_& m) {
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
}

}  // namespace grassroots::python
