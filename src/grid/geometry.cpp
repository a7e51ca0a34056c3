#include "grassroots/grid/geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>


#include "boost_geometry.hpp"
#include "grassroots/error.hpp"
#include "grid_support.hpp"
#include "point_in_ring.hpp"

namespace grassroots {

namespace {

using detail::CMulti;
using detail::CPoint;
using detail::CPolygon;
using detail::from_ring;
using detail::to_cartesian;
namespace bg = boost::geometry;
// The same shapes on the WGS84 ellipsoid, for geodesic areas. Small polygons keep their orientation.
using GPoint = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
using GPolygon = bg::model::polygon<GPoint, false, true>;

using detail::format_point;

template <class Ring>
void copy_to_geographic(const Ring& from, GPolygon::ring_type& to) {
    to.reserve(from.size());
    for (const CPoint& p : from) to.push_back(GPoint(p.x(), p.y()));
}

double area_of(const CPolygon& poly, CoordinateSystem system) {
    if (system == CoordinateSystem::metres) return std::abs(bg::area(poly));
    GPolygon g;
    copy_to_geographic(poly.outer(), g.outer());
    g.inners().resize(poly.inners().size());
    for (std::size_t i = 0; i < poly.inners().size(); ++i) copy_to_geographic(poly.inners()[i], g.inners()[i]);
    // WGS84 spheroid (CGCS2000 differs by far less than the accuracy here); Thomas' formula is
    // ~100× closer than the default (Andoyer) for grid-sized polygons: ~1e-7 against ~3e-5.
    return std::abs(bg::area(g, bg::strategy::area::geographic<bg::strategy::thomas>()));
}

double area_of(const CMulti& multi, CoordinateSystem system) {
    double total = 0;
    for (const CPolygon& poly : multi) total += area_of(poly, system);
    return total;
}

bool boxes_overlap(const Box& a, const Box& b) noexcept {
    return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

// The largest coordinate a polygon may have: 1e9 (metres: 25 times round the Earth; degrees are
// within 180 anyway). Beyond it areas and overlays overflow to infinity.
constexpr double max_coordinate = 1e9;

// Checks one ring on its own: points finite, closed, at least 3 distinct points. @p what is
// "polygon" or "hole N"; the closing message names the outer ring "polygon ring".
void check_ring_points(const std::vector<Point>& ring, const std::string& what) {
    if (ring.empty()) throw InvalidInput(what + " is empty");
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const std::string point = "(point " + std::to_string(i + 1) + " " + format_point(ring[i]) + ")";
        if (!std::isfinite(ring[i].x) || !std::isfinite(ring[i].y)) {
            throw InvalidInput(what + " has a coordinate that is not a finite number " + point);
        }
        if (std::abs(ring[i].x) > max_coordinate || std::abs(ring[i].y) > max_coordinate) {
            throw InvalidInput(what + " has a coordinate beyond ±1e9 " + point + ", where areas would overflow");
        }
    }
    if (ring.front() != ring.back()) {
        throw InvalidInput((what == "polygon" ? std::string("polygon ring") : what) + " is not closed (first point " +
                           format_point(ring.front()) + " ≠ last point " + format_point(ring.back()) + ")");
    }
    std::vector<std::pair<double, double>> distinct;
    distinct.reserve(ring.size());
    for (const Point& p : ring) distinct.emplace_back(p.x, p.y);
    std::sort(distinct.begin(), distinct.end());
    if (std::unique(distinct.begin(), distinct.end()) - distinct.begin() < 3) {
        throw InvalidInput(what + " has fewer than 3 distinct points");
    }
}

// Validates a single ring as a polygon of its own and orients it counter-clockwise.
CPolygon checked_ring(const std::vector<Point>& ring, const std::string& what) {
    check_ring_points(ring, what);
    CPolygon poly = to_cartesian(ring, {});
    bg::unique(poly);  // consecutive duplicate points
    bg::correct(poly);
    if (bg::intersects(poly)) throw InvalidInput(what + " is self-intersecting");
    bg::validity_failure_type failure = bg::no_failure;
    if (!bg::is_valid(poly, failure)) {
        switch (failure) {
        case bg::failure_self_intersections:
            throw InvalidInput(what + " is self-intersecting");
        case bg::failure_wrong_topological_dimension:
        case bg::failure_spikes:
            throw InvalidInput(what + " has no area (its points are collinear or it folds back on itself)");
        default: {
            std::string reason;
            (void)bg::is_valid(poly, reason);
            throw InvalidInput(what + " is not valid: " + reason);
        }
        }
    }
    return poly;
}

std::string hole_name(std::size_t i) { return "hole " + std::to_string(i + 1); }

}  // namespace

// ---- Polygon -------------------------------------------------------------------------------------

Polygon::Polygon(std::vector<Point> outer, std::vector<std::vector<Point>> holes) {
    if (outer.empty()) throw InvalidInput("polygon is empty");
    CPolygon poly = checked_ring(outer, "polygon");
    const CPolygon shell = holes.empty() ? CPolygon{} : poly;  // the outer ring alone
    for (std::size_t i = 0; i < holes.size(); ++i) {
        CPolygon hole = checked_ring(holes[i], hole_name(i));
        if (!bg::covered_by(hole, shell)) throw InvalidInput(hole_name(i) + " is not inside the outer ring");
        bg::reverse(hole);  // holes run clockwise
        poly.inners().push_back(std::move(hole.outer()));
    }
    if (!holes.empty()) {
        bg::validity_failure_type failure = bg::no_failure;
        if (!bg::is_valid(poly, failure)) {
            switch (failure) {
            case bg::failure_nested_interior_rings:
                throw InvalidInput("polygon has a hole inside another hole");
            case bg::failure_intersecting_interiors:
            case bg::failure_self_intersections:
                throw InvalidInput("polygon has holes that overlap each other or cross the outer ring");
            case bg::failure_disconnected_interior:
                throw InvalidInput("polygon's holes cut its interior into pieces");
            default: {
                std::string reason;
                (void)bg::is_valid(poly, reason);
                throw InvalidInput("polygon is not valid: " + reason);
            }
            }
        }
    }
    outer_ = from_ring(poly.outer());
    holes_.clear();
    holes_.reserve(poly.inners().size());
    for (const auto& ring : poly.inners()) holes_.push_back(from_ring(ring));
    bounds_ = {outer_.front(), outer_.front()};
    for (const Point& p : outer_) {
        bounds_.min.x = std::min(bounds_.min.x, p.x);
        bounds_.min.y = std::min(bounds_.min.y, p.y);
        bounds_.max.x = std::max(bounds_.max.x, p.x);
        bounds_.max.y = std::max(bounds_.max.y, p.y);
    }
}

Polygon Polygon::rectangle(Point min, Point max) {
    if (!std::isfinite(min.x) || !std::isfinite(min.y) || !std::isfinite(max.x) || !std::isfinite(max.y) ||
        !(min.x < max.x) || !(min.y < max.y)) {
        throw InvalidInput("rectangle from " + format_point(min) + " to " + format_point(max) +
                           " is not valid: the first corner must be below and left of the second");
    }
    if (std::max({std::abs(min.x), std::abs(min.y), std::abs(max.x), std::abs(max.y)}) > max_coordinate) {
        throw InvalidInput("rectangle from " + format_point(min) + " to " + format_point(max) +
                           " has a coordinate beyond ±1e9, where areas would overflow");
    }
    Polygon r;
    r.outer_ = {min, {max.x, min.y}, max, {min.x, max.y}, min};
    r.bounds_ = {min, max};
    return r;
}

namespace {

constexpr std::array<EnumName<CoordinateSystem>, 2> coordinate_systems{{
    {CoordinateSystem::lonlat, "lonlat", "",
     "x = longitude, y = latitude in degrees (WGS84 / CGCS2000); areas are geodesic"},
    {CoordinateSystem::metres, "metres", "", "a projected plane in metres; areas are planar"},
}};

}  // namespace

std::span<const EnumName<CoordinateSystem>> enum_names(CoordinateSystem) noexcept { return coordinate_systems; }

double Polygon::area(CoordinateSystem system) const {
    if (empty()) return 0;
    return area_of(to_cartesian(*this), system);
}

using detail::Side;

namespace {

Side ring_side(const std::vector<Point>& ring, Point p) noexcept { return detail::ring_side(ring.data(), ring.size(), p); }

}  // namespace

bool Polygon::covers(Point p) const noexcept {
    if (outer_.empty() || p.x < bounds_.min.x || p.x > bounds_.max.x || p.y < bounds_.min.y || p.y > bounds_.max.y) {
        return false;
    }
    switch (ring_side(outer_, p)) {
    case Side::outside:
        return false;
    case Side::boundary:
        return true;
    case Side::inside:
        break;
    }
    for (const auto& hole : holes_) {
        const Side side = ring_side(hole, p);
        if (side == Side::inside) return false;
        if (side == Side::boundary) return true;
    }
    return true;
}

Point Polygon::centroid() const {
    if (empty()) throw InvalidInput("an empty polygon has no centroid");
    CPoint c(0, 0);
    bg::centroid(to_cartesian(*this), c);
    return {c.x(), c.y()};
}

// ---- areas of overlays ---------------------------------------------------------------------------

namespace {

template <class F>
double overlay(F&& operation) {
    try {
        return operation();
    } catch (const bg::exception& error) {
        throw Error(std::string("geometry operation failed: ") + error.what());
    }
}

CMulti union_all(std::vector<CMulti> parts) {
    if (parts.empty()) return {};
    while (parts.size() > 1) {  // pairwise (cascaded) union: balanced sizes
        std::vector<CMulti> next;
        next.reserve((parts.size() + 1) / 2);
        for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
            CMulti merged;
            bg::union_(parts[i], parts[i + 1], merged);
            next.push_back(std::move(merged));
        }
        if (parts.size() % 2 == 1) next.push_back(std::move(parts.back()));
        parts = std::move(next);
    }
    return std::move(parts.front());
}

}  // namespace

double overlap_area(const Polygon& a, const Polygon& b, CoordinateSystem system) {
    if (a.empty() || b.empty() || !boxes_overlap(a.bounds(), b.bounds())) return 0;
    return overlay([&] {
        CMulti out;
        bg::intersection(to_cartesian(a), to_cartesian(b), out);
        return area_of(out, system);
    });
}

double area_outside(const Polygon& a, const Polygon& b, CoordinateSystem system) {
    if (a.empty()) return 0;
    if (b.empty() || !boxes_overlap(a.bounds(), b.bounds())) return a.area(system);
    return overlay([&] {
        CMulti out;
        bg::difference(to_cartesian(a), to_cartesian(b), out);
        return area_of(out, system);
    });
}

double uncovered_area(const Polygon& boundary, const std::vector<const Polygon*>& parts, CoordinateSystem system) {
    if (boundary.empty()) return 0;
    std::vector<CMulti> pieces;
    for (const Polygon* part : parts) {
        if (part == nullptr || part->empty() || !boxes_overlap(part->bounds(), boundary.bounds())) continue;
        pieces.push_back(CMulti{to_cartesian(*part)});
    }
    if (pieces.empty()) return boundary.area(system);
    return overlay([&] {
        const CMulti covered = union_all(std::move(pieces));
        CMulti out;
        bg::difference(to_cartesian(boundary), covered, out);
        return area_of(out, system);
    });
}

}  // namespace grassroots
