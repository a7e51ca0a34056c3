/// @file redivision.hpp
/// @brief Re-division of grids (网格调整): splitting grids above their household band and merging
/// grids below it, over the building adjacency graph, with stable codes for unchanged grids.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "grassroots/grid/grid_map.hpp"

namespace grassroots {

/// @brief How to re-divide.
struct RedivisionOptions {
    HouseholdBands bands;       ///< The band each grid should be in.
    double adjacency_m = 150;   ///< Buildings closer than this (metres) are adjacent.
};

/// @brief One split or merge.
struct RedivisionChange {
    /// @brief Split (one grid into several) or merge (several into one).
    enum class Kind : std::uint8_t { split, merge };
    Kind kind = Kind::split;    ///< Which.
    std::vector<GridCode> from; ///< Codes in the old map (a split: one; a merge: two or more).
    std::vector<GridCode> to;   ///< Codes in the new map (a split: two or more; a merge: one).
};

/// @brief Every RedivisionChange::Kind with its names (to_string and Python read it).
[[nodiscard]] std::span<const EnumName<RedivisionChange::Kind>> enum_names(RedivisionChange::Kind) noexcept;
/// @brief "split" or "merge".
[[nodiscard]] std::string_view to_string(RedivisionChange::Kind kind) noexcept;

/// @brief The re-divided map and what changed.
struct Redivision {
    GridMap map;                              ///< The new map.
    std::vector<RedivisionChange> changes;    ///< Splits (in old code order), then merges (in new code order).
    std::vector<std::int64_t> households;     ///< Households per grid of the new map, counted from the buildings.
    std::vector<BandFinding> remaining;       ///< Grids of the unit still out of band (ids in the new map), with why.
};

/// @brief Re-divides the grids of the village-level @p unit so that each is in its band.
///
/// Buildings (with @p households each) are located with map.locate; those in grids of @p unit form
/// the adjacency graph (edges between buildings closer than adjacency_m). A grid above its band's
/// maximum is cut by an axis-parallel line across the longer side of its bounding box at the
/// household-weighted cut that balances the parts, recursively, as long as both sides' buildings
/// stay connected and each side is one polygon. A grid below its band's minimum is then merged
/// with a neighbouring grid of the same unit and kind (a graph edge between their buildings, or
/// touching shapes) whose combined households stay within the maximum, smallest total first,
/// when the union is one polygon; merging repeats until none applies. Grids that could not be
/// brought into band are listed in Redivision::remaining with the reason.
///
/// Grids not changed keep code, name, shape and recorded households; the rest of the map is copied
/// unchanged. New grids take the smallest sequence numbers of the unit not held by an unchanged
/// grid, in order of their centroids north→south, then west→east; they are named after the first
/// old grid they come from, with "（拆分一）", "（拆分二）", … or "（合并）", and record the households
/// counted from the buildings.
///
/// Throws InvalidInput when buildings and households differ in length, a count is negative,
/// @p unit is not village-level or adjacency_m is not positive; NotFound when @p unit has no grids.
[[nodiscard]] Redivision redivide(const GridMap& map, DivisionCode unit, std::span<const Point> buildings,
                                  std::span<const std::int64_t> households, const RedivisionOptions& options = {});

}  // namespace grassroots
