/// @file point.hpp
/// @brief A point in the plane or on the globe: a vocabulary type of grids, cases and anything located.
#pragma once

namespace grassroots {

/// @brief A point: x = longitude, y = latitude in degrees, or x/y in metres.
struct Point {
    double x = 0;  ///< Longitude (degrees) or easting (m).
    double y = 0;  ///< Latitude (degrees) or northing (m).
    /// @brief Points compare exactly.
    friend bool operator==(const Point&, const Point&) = default;
};

}  // namespace grassroots
