// Internal: distances between points of a grid map (travel distance of grid workers). Not installed.
#pragma once

#include <cmath>

#include "grassroots/grid/geometry.hpp"

namespace grassroots::detail {

/// Mean Earth radius (IUGG R1) in metres.
inline constexpr double earth_radius_m = 6'371'008.8;

/// Great-circle distance in metres between two lon/lat points (haversine).
inline double haversine_m(Point a, Point b) noexcept {
    constexpr double radians = 3.14159265358979323846 / 180.0;
    const double phi1 = a.y * radians;
    const double phi2 = b.y * radians;
    const double dphi = (b.y - a.y) * radians;
    const double dlambda = (b.x - a.x) * radians;
    const double s = std::sin(dphi / 2);
    const double t = std::sin(dlambda / 2);
    const double h = s * s + std::cos(phi1) * std::cos(phi2) * t * t;
    return 2 * earth_radius_m * std::asin(std::sqrt(std::fmin(1.0, h)));
}

/// Distance in metres: haversine for lon/lat, Euclidean for projected metres.
inline double distance_m(Point a, Point b, CoordinateSystem system) noexcept {
    if (system == CoordinateSystem::lonlat) return haversine_m(a, b);
    return std::hypot(b.x - a.x, b.y - a.y);
}

}  // namespace grassroots::detail
