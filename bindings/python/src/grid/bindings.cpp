// Grids (网格化服务管理) and grid posts (网格定岗): grid codes with their layouts, polygons, the grid
// map with its point index, coverage and household-band checks, GeoJSON, household points, the
// synthetic city, re-division, staffing and the staffing optimiser.
//
// Points are (x, y) tuples (longitude/latitude in degrees, or metres, as the map's CoordinateSystem
// says); ids of grids, workers and assignments are plain ints (ids.hpp). Bulk data are NumPy arrays:
// GridMap.locate_ids(xs, ys) reads C-contiguous float64 arrays in place (no copy) and runs without the
// GIL. A GridMap is immutable and held by std::shared_ptr, shared by the GridStaffing and
// SyntheticCity objects that refer to it, so it lives as long as any of them. The pandas views are
// Python (grassroots/grid/_pandas.py); geopandas, shapely, locate by code and the coordinate helpers
// are Python over these primitives (grassroots/grid/_geo.py).
#include "grid.hpp"

namespace grassroots::python {

void bind_grid(py::module_& m) {
    bind_grid_enums(m);
    bind_grid_codes(m);
    bind_polygon(m);
    bind_grid_values(m);
    bind_grid_map(m);
    bind_grid_map_builder(m);
    bind_household_points(m);
    bind_synthetic_city(m);
    bind_redivision(m);
    bind_staffing_values(m);
    bind_grid_staffing(m);
    bind_staffing_optimiser(m);
    bind_coordinates(m);
}

}  // namespace grassroots::python
