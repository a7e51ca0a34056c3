// Household points: ids, (x, y) points and household counts read from CSV, as read-only NumPy arrays.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "grassroots/grid/households.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

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

}  // namespace

void bind_household_points(py::module_& m) {
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
}

}  // namespace grassroots::python
