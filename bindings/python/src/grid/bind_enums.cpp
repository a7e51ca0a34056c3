// The enums of grids and grid posts, from their name tables (src/grid/*.cpp); RedivisionChangeKind is
// bound with the re-division (bind_redivision.cpp).
#include "grid.hpp"

namespace grassroots::python {

void bind_grid_enums(py::module_& m) {
    bind_enum<CoordinateSystem>(m, "CoordinateSystem", "How coordinates are read.");
    bind_enum<MapFeatures>(m, "MapFeatures", "Which features a GeoJSON export holds.");
    bind_enum<GridKind>(m, "GridKind",
                        "Comprehensive grids cover where people live; dedicated grids (专属网格) cover one site.",
                        "综合网格, 学校专属网格, ….");
    bind_enum<CoverageFinding::Kind>(m, "CoverageFindingKind", "Which coverage principle a finding breaks.");
    bind_enum<GridRole>(m, "GridRole", "A role in a grid.", "网格长, 专职网格员, 兼职网格员, 社区工作者 or 网格指导员.");
    bind_enum<PartTimeKind>(m, "PartTimeKind", "Who a part-time grid worker is.",
                            "楼栋长, 志愿者, 党员, 快递员, 物业人员 or 其他.");
}

}  // namespace grassroots::python
