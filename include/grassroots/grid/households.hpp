/// @file households.hpp
/// @brief Households and buildings as points with counts, read from CSV.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/grid/geometry.hpp"

namespace grassroots {

/// @brief The most households one point or one grid may hold when read: 10,000,000. A bound of the
/// library (no law sets it), far above any real building or grid, so that sums over a whole country
/// cannot overflow; a larger count is refused as a typing error.
inline constexpr std::int64_t max_households = 10'000'000;

/// @brief Points with an id and a household count (one row per household or per building).
struct HouseholdPoints {
    std::vector<std::string> ids;          ///< Row ids (building or household numbers).
    std::vector<Point> points;             ///< Positions.
    std::vector<std::int64_t> households;  ///< Households at each point (1 for a household row).
    /// @brief Number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return points.size(); }
};

/// @brief Parses CSV with the header `id,lon,lat[,households]` (degrees) or `id,x,y[,households]`
/// (metres); households defaults to 1. Throws InvalidInput naming the source, row and field for a
/// missing column, a non-number (NaN and infinities included), longitude/latitude out of range, a
/// count outside 0…max_households or a duplicate id.
[[nodiscard]] HouseholdPoints parse_household_points(std::string_view text, std::string_view source = "<text>");
/// @brief Reads such a CSV file (gzip allowed); throws FileError when it cannot be read.
[[nodiscard]] HouseholdPoints read_household_points(const std::filesystem::path& file);

}  // namespace grassroots
