#include "grassroots/grid/synthetic.hpp"

#include <cmath>

#include "../core/synthetic_support.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr double metres_per_degree = 111'320.0;
constexpr double row_width_m = 30'000.0;       // units are laid out in rows about 30 km wide
constexpr double community_density = 8'000.0;  // households per km² in a community
constexpr double village_density = 400.0;      // households per km² in a village (with its fields)

struct Placement {
    double x = 0;           // metres east of the origin
    double y = 0;           // metres north of the origin
    double row_height = 0;  // tallest square in the current row
};

}  // namespace

SyntheticCity synthetic_city(const DivisionTree& tree, DivisionCode root, std::uint64_t seed,
                             const SyntheticCityOptions& options) {
    const auto check_range = [](const IntRange& r, const char* what) {
        if (r.min < 1 || r.max < r.min) {
            throw InvalidInput(std::string("synthetic city: ") + what + " needs 1 ≤ min ≤ max");
        }
    };
    check_range(options.community_households, "community_households");
    check_range(options.village_households, "village_households");
    check_range(options.building_households, "building_households");
    if (options.community_grid_households < 1 || options.village_grid_households < 1) {
        throw InvalidInput("synthetic city: grid targets must be at least 1 household");
    }
    const DivisionId top = tree.at(root);
    detail::Random random(seed);
    const double cos_lat = std::cos(options.origin.y * 3.14159265358979323846 / 180.0);
    const auto to_lonlat = [&](double x, double y) {
        return Point{options.origin.x + x / (metres_per_degree * cos_lat), options.origin.y + y / metres_per_degree};
    };

    SyntheticCity city;
    GridMapBuilder builder(CoordinateSystem::lonlat);
    Placement at;
    for (DivisionId id : tree.subtree(top)) {
        const DivisionCode unit = tree.code(id);
        if (unit.level() != Level::village || unit.is_placeholder()) continue;
        const bool village = unit.village_class() == VillageClass::villagers_committee;
        const IntRange& range = village ? options.village_households : options.community_households;
        const std::int64_t households = random.between(range.min, range.max);
        const double side = std::sqrt(static_cast<double>(households) / (village ? village_density : community_density)) * 1000.0;
        if (at.x > 0 && at.x + side > row_width_m) {  // next row, further north
            at.x = 0;
            at.y += at.row_height + 200.0;
            at.row_height = 0;
        }
        const double x0 = at.x;
        const double y0 = at.y;
        at.x += side + 200.0;  // 200 m between units
        at.row_height = std::max(at.row_height, side);

        builder.set_boundary(unit, Polygon::rectangle(to_lonlat(x0, y0), to_lonlat(x0 + side, y0 + side)));

        // Grids: rows of cells, numbered west→east, north→south; the last row takes the remainder.
        const std::int64_t target = village ? options.village_grid_households : options.community_grid_households;
        const auto count = static_cast<std::size_t>(std::max<std::int64_t>(1, std::llround(static_cast<double>(households) / static_cast<double>(target))));
        const auto columns = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(count))));
        const std::size_t rows = (count + columns - 1) / columns;
        struct Cell { double x0, y0, x1, y1; };
        std::vector<Cell> cells;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t in_row = r + 1 < rows ? columns : count - columns * (rows - 1);
            const double top_y = y0 + side - side * static_cast<double>(r) / static_cast<double>(rows);
            const double bottom_y = y0 + side - side * static_cast<double>(r + 1) / static_cast<double>(rows);
            for (std::size_t c = 0; c < in_row; ++c) {
                cells.push_back({x0 + side * static_cast<double>(c) / static_cast<double>(in_row), bottom_y,
                                 x0 + side * static_cast<double>(c + 1) / static_cast<double>(in_row), top_y});
            }
        }

        // Buildings until the unit's households are housed; each counted in its cell.
        std::vector<std::int64_t> cell_households(cells.size(), 0);
        const IntRange building = village ? IntRange{1, std::max<std::int64_t>(1, options.building_households.min / 4)}
                                          : options.building_households;
        std::int64_t housed = 0;
        while (housed < households) {
            const std::int64_t size = std::min(random.between(building.min, building.max), households - housed);
            // Keep buildings 1 m inside the unit so that none sits on a grid edge.
            const double bx = x0 + 1.0 + random.unit() * (side - 2.0);
            const double by = y0 + 1.0 + random.unit() * (side - 2.0);
            for (std::size_t k = 0; k < cells.size(); ++k) {
                const Cell& cell = cells[k];
                if (bx > cell.x0 && bx < cell.x1 && by > cell.y0 && by < cell.y1) {
                    cell_households[k] += size;
                    break;
                }
            }
            city.buildings.push_back(to_lonlat(bx, by));
            city.households.push_back(size);
            city.building_unit.push_back(unit);
            housed += size;
        }
        const std::string name(tree.name(id));
        for (std::size_t k = 0; k < cells.size(); ++k) {
            const Cell& cell = cells[k];
            builder.add(Grid{GridCode::make(unit, static_cast<unsigned>(k + 1)), GridKind::comprehensive,
                             name + "第" + detail::chinese_number(k + 1) + "网格",
                             Polygon::rectangle(to_lonlat(cell.x0, cell.y0), to_lonlat(cell.x1, cell.y1)), cell_households[k]});
        }
    }
    city.map = builder.build(tree);
    return city;
}

}  // namespace grassroots
