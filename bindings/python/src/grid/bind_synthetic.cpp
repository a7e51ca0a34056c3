// The synthetic city: a deterministic map of grids with buildings and households, for tests and benchmarks.
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "grassroots/grid/synthetic.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

/// SyntheticCity as Python holds it: the map shared, buildings and counts as read-only arrays.
struct CityView {
    MapPtr map;
    py::array_t<double> buildings;
    py::array_t<std::int64_t> households;
    std::vector<DivisionCode> building_unit;
};

}  // namespace

void bind_synthetic_city(py::module_& m) {
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
}

}  // namespace grassroots::python
