/// @file geometry.hpp
/// @brief Points and polygons of grids: longitude/latitude (WGS84/CGCS2000) or projected metres.
///
/// Boost.Geometry does the work (validity, areas, overlaps, the R-tree) inside the library; these
/// plain types keep its templates out of the headers users include.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "grassroots/core/enum_table.hpp"
#include "grassroots/core/point.hpp"

namespace grassroots {

/// @brief An axis-aligned box.
struct Box {
    Point min;  ///< Lower-left corner.
    Point max;  ///< Upper-right corner.
};

/// @brief How coordinates are to be read.
enum class CoordinateSystem : std::uint8_t {
    lonlat,  ///< degrees of longitude and latitude (WGS84 / CGCS2000); areas are geodesic
    metres,  ///< a projected plane in metres; areas are planar
};
/// @brief Every CoordinateSystem with its names (Python reads it).
[[nodiscard]] std::span<const EnumName<CoordinateSystem>> enum_names(CoordinateSystem) noexcept;

/// @brief A polygon with holes; rings are closed (first point = last point).
class Polygon {
public:
    /// @brief An empty polygon (area 0, contains nothing).
    Polygon() = default;
    /// @brief A polygon; throws InvalidInput for an empty or unclosed ring, fewer than 3 distinct
    /// points, a self-intersecting ring, or a hole outside the outer ring. Orientation is normalised.
    explicit Polygon(std::vector<Point> outer, std::vector<std::vector<Point>> holes = {});
    /// @brief A rectangle (closed, counter-clockwise).
    [[nodiscard]] static Polygon rectangle(Point min, Point max);

    [[nodiscard]] const std::vector<Point>& outer() const noexcept { return outer_; }  ///< Outer ring.
    [[nodiscard]] const std::vector<std::vector<Point>>& holes() const noexcept { return holes_; }  ///< Holes.
    [[nodiscard]] bool empty() const noexcept { return outer_.empty(); }  ///< No rings.
    [[nodiscard]] const Box& bounds() const noexcept { return bounds_; }  ///< Bounding box.
    /// @brief Area in square metres (geodesic for lonlat).
    [[nodiscard]] double area(CoordinateSystem system) const;
    /// @brief True when @p p is inside or on the boundary.
    [[nodiscard]] bool covers(Point p) const noexcept;
    /// @brief The centroid (planar, in the polygon's own coordinates).
    [[nodiscard]] Point centroid() const;

private:
    std::vector<Point> outer_;
    std::vector<std::vector<Point>> holes_;
    Box bounds_{};
};

/// @brief Area in m² of the intersection of two polygons.
[[nodiscard]] double overlap_area(const Polygon& a, const Polygon& b, CoordinateSystem system);
/// @brief Area in m² of @p a outside @p b.
[[nodiscard]] double area_outside(const Polygon& a, const Polygon& b, CoordinateSystem system);
/// @brief Area in m² of @p boundary not covered by any of @p parts.
[[nodiscard]] double uncovered_area(const Polygon& boundary, const std::vector<const Polygon*>& parts,
                                    CoordinateSystem system);

}  // namespace grassroots
