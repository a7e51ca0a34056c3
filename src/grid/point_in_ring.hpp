// Internal: the point-in-ring test shared by Polygon::covers and the GridMap hot path. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>

#include "grassroots/grid/geometry.hpp"

namespace grassroots::detail {

/// Where a point lies relative to a ring.
enum class Side : std::uint8_t { outside, inside, boundary };

/// Crossing number with a half-open rule, and exact detection of points on vertices and
/// horizontal edges; points on other edges are found up to rounding. Each edge is evaluated from
/// its lower end, so an edge shared by two polygons gives the same answer in both whichever way
/// they run: a point off the edge by rounding is inside exactly one of them.
/// @p ring holds @p n points, closed (first = last).
inline Side ring_side(const Point* ring, std::size_t n, Point p) noexcept {
    bool inside = false;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const Point& a = ring[i];
        const Point& b = ring[i + 1];
        const bool a_above = a.y > p.y;
        const bool b_above = b.y > p.y;
        if (a_above != b_above) {
            const Point& lo = a_above ? b : a;
            const Point& hi = a_above ? a : b;
            const double cross = (hi.x - lo.x) * (p.y - lo.y) - (hi.y - lo.y) * (p.x - lo.x);
            if (cross == 0) return Side::boundary;
            if (cross > 0) inside = !inside;
        } else if (a.y == p.y) {
            if (a.x == p.x) return Side::boundary;
            if (b.y == p.y && ((a.x <= p.x && p.x <= b.x) || (b.x <= p.x && p.x <= a.x))) return Side::boundary;
        }
    }
    return inside ? Side::inside : Side::outside;
}

}  // namespace grassroots::detail
