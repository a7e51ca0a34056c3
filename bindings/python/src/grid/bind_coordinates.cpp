// WGS84 ↔ GCJ-02 ↔ BD-09: the enum and the vectorised conversion over NumPy arrays (the GIL released).
// grassroots.grid.convert_lonlat (Python, grassroots/grid/_geo.py) adds names as text and scalars.
#include <algorithm>
#include <vector>

#include "grassroots/error.hpp"
#include "grid.hpp"

namespace grassroots::python {

namespace {

py::tuple convert_arrays(const DoubleArray& lon, const DoubleArray& lat, LonLatSystem source, LonLatSystem target) {
    if (lon.ndim() != lat.ndim() || !std::equal(lon.shape(), lon.shape() + lon.ndim(), lat.shape())) {
        throw InvalidInput("convert_lonlat: lon has shape " + shape_text(lon) + " and lat " + shape_text(lat) +
                           "; they must have the same shape");
    }
    const std::vector<py::ssize_t> shape(lon.shape(), lon.shape() + lon.ndim());
    py::array_t<double> out_lon(shape);
    py::array_t<double> out_lat(shape);
    const auto n = static_cast<std::size_t>(lon.size());
    {
        const py::gil_scoped_release release;
        convert_lonlat({lon.data(), n}, {lat.data(), n}, source, target, {out_lon.mutable_data(), n},
                       {out_lat.mutable_data(), n});
    }
    return py::make_tuple(out_lon, out_lat);
}

}  // namespace

void bind_coordinates(py::module_& m) {
    bind_enum<LonLatSystem>(m, "LonLatSystem", "How a longitude/latitude pair was published.",
                            "WGS84坐标, 国测局坐标 or 百度坐标.");
    m.def("_convert_lonlat", &convert_arrays, py::arg("lon"), py::arg("lat"), py::arg("source"), py::arg("target"),
          "Arrays of longitude and latitude (same shape) from one LonLatSystem to another: a tuple of two new "
          "float64 arrays (internal: grassroots.grid.convert_lonlat adds names and scalars).");
    m.def("in_china_box", &in_china_box, py::arg("lonlat"),
          "True for an (x, y) lon/lat point inside the rough box around China where the GCJ-02 formulas apply.");
}

}  // namespace grassroots::python
