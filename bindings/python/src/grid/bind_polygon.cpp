// Polygons with holes; __geo_interface__ makes shapely.geometry.shape(p) work.
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "grid.hpp"

namespace grassroots::python {

namespace {

using Ring = std::vector<Point>;

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

}  // namespace

void bind_polygon(py::module_& m) {
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
}

}  // namespace grassroots::python
