/// @file synthetic.hpp
/// @brief A deterministic synthetic city: community boundaries, grids and buildings with households.
#pragma once

#include <cstdint>
#include <vector>

#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"

namespace grassroots {

/// @brief Densities of a synthetic city. The defaults reproduce Dongying's published scale — about
/// 6,100 grids for 2.2 million people (2021) over its 1,921 village-level units — which means village
/// grids of about 120 households, well below the 300-household guideline.
struct SyntheticCityOptions {
    IntRange community_households{1000, 2000};  ///< Households of a residents' committee (社区).
    IntRange village_households{150, 450};      ///< Households of a villagers' committee (行政村).
    std::int64_t community_grid_households = 300;  ///< Target households per community grid.
    std::int64_t village_grid_households = 120;    ///< Target households per village grid.
    IntRange building_households{12, 96};       ///< Households per building (楼栋) or compound.
    Point origin{118.40, 37.30};                ///< South-west corner of the city (Dongying).
};

/// @brief The generated city: grids and community boundaries, and the buildings.
struct SyntheticCity {
    GridMap map;                            ///< Grids (codes in the 14-digit layout) and boundaries.
    std::vector<Point> buildings;           ///< Building positions (lon/lat).
    std::vector<std::int64_t> households;   ///< Households per building.
    std::vector<DivisionCode> building_unit;  ///< The community or village of each building.
};

/// @brief Lays out every village-level unit under @p root (itself, if village-level) of @p tree:
/// a square per unit sized by its households, cut into grids near the target size, numbered
/// west→east, north→south, and buildings scattered inside. The same for the same @p seed.
[[nodiscard]] SyntheticCity synthetic_city(const DivisionTree& tree, DivisionCode root, std::uint64_t seed,
                                           const SyntheticCityOptions& options = {});

}  // namespace grassroots
