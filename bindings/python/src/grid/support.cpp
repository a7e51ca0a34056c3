// Helpers shared by the grid binding files (declared in grid.hpp).
#include <pybind11/stl.h>

#include <string>
#include <utility>

#include "grid.hpp"

namespace grassroots::python {

// The shipped layouts are shared objects; Python holds them without const (it only reads them).
LayoutPtr shared_layout(std::shared_ptr<const GridCodeLayout> layout) {
    return std::const_pointer_cast<GridCodeLayout>(std::move(layout));
}

py::tuple ring_tuple(const std::vector<Point>& ring) {
    py::tuple out(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) out[i] = py::make_tuple(ring[i].x, ring[i].y);
    return out;
}

std::shared_ptr<const GridCodeLayout> layout_or_default(const OptionalLayout& layout) {
    return layout && *layout ? std::shared_ptr<const GridCodeLayout>(*layout) : GridCodeLayout::unit_grid();
}

// GridCode gives out only a reference to its layout.
LayoutPtr layout_of(const GridCode& code) {
    for (auto builtin : {GridCodeLayout::unit_grid(), GridCodeLayout::beijing()}) {
        if (&code.layout() == builtin.get()) return shared_layout(std::move(builtin));
    }
    return std::make_shared<GridCodeLayout>(code.layout());
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

std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string shape_text(const py::array& values) { return py::str(values.attr("shape")); }

std::span<const std::int64_t> view(const CountArray& values) {
    return {values.data(), static_cast<std::size_t>(values.size())};
}

py::array_t<double> points_array(const std::vector<Point>& points) {
    py::array_t<double> out({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
    double* data = out.mutable_data();
    for (std::size_t i = 0; i < points.size(); ++i) {
        data[2 * i] = points[i].x;
        data[2 * i + 1] = points[i].y;
    }
    return read_only(out);
}

GridWorker make_worker(std::string name, const UnitArgument& home, std::optional<PartTimeKind> part_time,
                       bool may_serve_elsewhere, std::optional<Point> location) {
    return GridWorker{std::move(name), to_code(home), part_time, may_serve_elsewhere, location};
}

}  // namespace grassroots::python
