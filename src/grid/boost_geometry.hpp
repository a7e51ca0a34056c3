// Internal: Boost.Geometry for the grid sources — its headers (quietened: they warn under the
// project's -Wconversion/-Wshadow), the planar model types, and conversions from Polygon.
#pragma once

#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#pragma GCC diagnostic pop

#include "grassroots/grid/geometry.hpp"

namespace grassroots::detail {

namespace bg = boost::geometry;

// Planar polygons in the polygon's own coordinates (lon/lat degrees or metres): counter-clockwise
// outer ring, clockwise holes, closed — the orientation Polygon normalises to.
using CPoint = bg::model::d2::point_xy<double>;
using CPolygon = bg::model::polygon<CPoint, false, true>;
using CMulti = bg::model::multi_polygon<CPolygon>;
using CBox = bg::model::box<CPoint>;

template <class Ring>
void append_ring(Ring& ring, const std::vector<Point>& points) {
    ring.reserve(points.size());
    for (const Point& p : points) ring.push_back(typename Ring::value_type(p.x, p.y));
}

inline CPolygon to_cartesian(const std::vector<Point>& outer, const std::vector<std::vector<Point>>& holes) {
    CPolygon poly;
    append_ring(poly.outer(), outer);
    poly.inners().resize(holes.size());
    for (std::size_t i = 0; i < holes.size(); ++i) append_ring(poly.inners()[i], holes[i]);
    return poly;
}

inline CPolygon to_cartesian(const Polygon& polygon) { return to_cartesian(polygon.outer(), polygon.holes()); }

inline std::vector<Point> from_ring(const CPolygon::ring_type& ring) {
    std::vector<Point> out;
    out.reserve(ring.size());
    for (const CPoint& p : ring) out.push_back({p.x(), p.y()});
    return out;
}

}  // namespace grassroots::detail
