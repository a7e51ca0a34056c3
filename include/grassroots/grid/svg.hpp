/// @file svg.hpp
/// @brief A grid map as an SVG picture: every grid a polygon, coloured by a value (a choropleth)
/// or by its kind, with the communities' boundaries drawn over them.
#pragma once

#include <span>
#include <string>

#include "grassroots/grid/grid_map.hpp"

namespace grassroots {

/// @brief How to_svg() draws a map.
struct GridSvgOptions {
    double width = 640;  ///< Width of the picture in pixels (1 to 20,000); the height follows the map's shape.
    std::string title;   ///< A title above the map ("" for none).
};

/// @brief The map as a standalone SVG document. With @p values (one per grid, by grid id; NaN = no
/// value, drawn grey) grids are coloured on a yellow-to-red ramp from the smallest to the largest value
/// and a legend names both; without, comprehensive and dedicated grids get two colours. Degrees are
/// projected equirectangularly around the map's middle latitude. Each grid carries a tooltip (its name,
/// code and value) and the id "grid-<code>"; the text is the same for the same map and values.
/// Throws InvalidInput (changing nothing) when @p values is neither empty nor one per grid, a value is
/// infinite, or the width is out of range.
[[nodiscard]] std::string to_svg(const GridMap& map, std::span<const double> values = {}, const GridSvgOptions& options = {});

}  // namespace grassroots
