// Re-division of grids: splits above the band, merges below it, over the building adjacency graph.
#include "grassroots/grid/redivision.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>


#include "../core/synthetic_support.hpp"
#include "boost_geometry.hpp"
#include "distance.hpp"
#include "grassroots/error.hpp"
#include "grid_support.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<RedivisionChange::Kind>, 2> change_kinds{{
    {RedivisionChange::Kind::split, "split", "", "one grid cut into several"},
    {RedivisionChange::Kind::merge, "merge", "", "several grids joined into one"},
}};

}  // namespace

std::span<const EnumName<RedivisionChange::Kind>> enum_names(RedivisionChange::Kind) noexcept { return change_kinds; }

std::string_view to_string(RedivisionChange::Kind kind) noexcept {
    const std::string_view name = enum_name(kind);
    return name == "?" ? "unknown" : name;
}

namespace {

namespace bg = boost::geometry;
using detail::CBox;
using detail::CMulti;
using detail::CPoint;
using detail::CPolygon;
using detail::from_ring;
using detail::to_cartesian;

constexpr double metres_per_degree = 111'320.0;

// The single polygon of @p multi, or nothing when it is empty, in pieces or not valid.
std::optional<Polygon> single(const CMulti& multi) {
    if (multi.size() != 1) return std::nullopt;
    try {
        std::vector<std::vector<Point>> holes;
        for (const auto& ring : multi.front().inners()) holes.push_back(from_ring(ring));
        return Polygon(from_ring(multi.front().outer()), std::move(holes));
    } catch (const InvalidInput&) {
        return std::nullopt;
    }
}

// One grid of the unit while re-dividing.
struct Part {
    Polygon shape;
    GridKind kind = GridKind::comprehensive;
    std::vector<std::size_t> buildings;   // indices into the unit's buildings
    std::int64_t households = 0;          // of those buildings
    std::set<std::size_t> sources;        // indices of the old grids it comes from
    std::optional<std::size_t> unchanged; // the old grid, while it is untouched
    std::string why;                      // why it could not be brought into band
};

// The buildings of the unit and their adjacency graph.
struct Buildings {
    std::vector<Point> points;
    std::vector<std::int64_t> households;
    std::vector<std::vector<std::uint32_t>> adjacent;
    CoordinateSystem system = CoordinateSystem::metres;

    void connect(double adjacency_m) {
        adjacent.assign(points.size(), {});
        if (points.empty()) return;
        // Local plane in metres for the cell hash; exact distances decide the edges.
        const double lat0 = points.front().y * 3.14159265358979323846 / 180.0;
        const auto project = [&](Point p) {
            if (system == CoordinateSystem::metres) return p;
            return Point{p.x * metres_per_degree * std::cos(lat0), p.y * metres_per_degree};
        };
        const double cell = adjacency_m * 1.05;  // margin for the projection's error
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells;
        const auto key = [](std::int64_t cx, std::int64_t cy) {
            return (static_cast<std::uint64_t>(cx) << 32U) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffU);
        };
        std::vector<std::pair<std::int64_t, std::int64_t>> at(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            const Point q = project(points[i]);
            at[i] = {static_cast<std::int64_t>(std::floor(q.x / cell)), static_cast<std::int64_t>(std::floor(q.y / cell))};
            cells[key(at[i].first, at[i].second)].push_back(static_cast<std::uint32_t>(i));
        }
        for (std::size_t i = 0; i < points.size(); ++i) {
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    const auto it = cells.find(key(at[i].first + dx, at[i].second + dy));
                    if (it == cells.end()) continue;
                    for (const std::uint32_t j : it->second) {
                        if (j <= i) continue;
                        if (detail::distance_m(points[i], points[j], system) < adjacency_m) {
                            adjacent[i].push_back(j);
                            adjacent[j].push_back(static_cast<std::uint32_t>(i));
                        }
                    }
                }
            }
        }
    }

    // True when @p set (building indices) is connected in the graph (an empty set is).
    [[nodiscard]] bool connected(const std::vector<std::size_t>& set) const {
        if (set.size() <= 1) return true;
        std::unordered_map<std::size_t, bool> seen;
        for (const std::size_t b : set) seen.emplace(b, false);
        std::vector<std::size_t> stack{set.front()};
        seen[set.front()] = true;
        std::size_t reached = 1;
        while (!stack.empty()) {
            const std::size_t b = stack.back();
            stack.pop_back();
            for (const std::uint32_t n : adjacent[b]) {
                const auto it = seen.find(n);
                if (it == seen.end() || it->second) continue;
                it->second = true;
                ++reached;
                stack.push_back(n);
            }
        }
        return reached == set.size();
    }

    [[nodiscard]] bool linked(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) const {
        const std::set<std::size_t> other(b.begin(), b.end());
        for (const std::size_t i : a) {
            for (const std::uint32_t n : adjacent[i]) {
                if (other.count(n) != 0) return true;
            }
        }
        return false;
    }
};

// Cuts @p part into pieces each at most @p max households; pieces that cannot be cut further
// carry the reason. The pieces replace the part in @p out.
void split(Part part, std::int64_t max, const Buildings& buildings, std::vector<Part>& out) {
    if (part.households <= max) {
        out.push_back(std::move(part));
        return;
    }
    const auto refuse = [&](std::string why) {
        part.why = std::move(why);
        out.push_back(std::move(part));
    };
    if (part.buildings.size() < 2) {
        refuse("it has a single building of " + detail::group_thousands(part.households) +
               " households, which cannot be split");
        return;
    }
    const Box& box = part.shape.bounds();
    const double x_scale = buildings.system == CoordinateSystem::lonlat
                               ? std::cos((box.min.y + box.max.y) / 2 * 3.14159265358979323846 / 180.0)
                               : 1.0;
    const bool across_x = (box.max.x - box.min.x) * x_scale >= box.max.y - box.min.y;
    // Parts needed, and the left share that balances them.
    const std::int64_t pieces = (part.households + max - 1) / max;
    const double target = static_cast<double>(part.households) * static_cast<double>(pieces / 2) /
                          static_cast<double>(pieces);
    std::string why = "its buildings are all on one line";
    for (const bool along_x : {across_x, !across_x}) {
        const auto coordinate = [&](std::size_t b) { return along_x ? buildings.points[b].x : buildings.points[b].y; };
        std::vector<std::size_t> order = part.buildings;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return coordinate(a) < coordinate(b); });
        // The cut between order[k] and order[k + 1] (distinct coordinates) closest to the target.
        std::optional<std::size_t> best;
        double best_gap = std::numeric_limits<double>::infinity();
        std::int64_t left = 0;
        for (std::size_t k = 0; k + 1 < order.size(); ++k) {
            left += buildings.households[order[k]];
            if (!(coordinate(order[k]) < coordinate(order[k + 1]))) continue;
            const double gap = std::abs(static_cast<double>(left) - target);
            if (gap < best_gap) {
                best_gap = gap;
                best = k;
            }
        }
        if (!best) continue;
        const double cut = (coordinate(order[*best]) + coordinate(order[*best + 1])) / 2;
        const CBox low = along_x ? CBox(CPoint(box.min.x, box.min.y), CPoint(cut, box.max.y))
                                 : CBox(CPoint(box.min.x, box.min.y), CPoint(box.max.x, cut));
        const CBox high = along_x ? CBox(CPoint(cut, box.min.y), CPoint(box.max.x, box.max.y))
                                  : CBox(CPoint(box.min.x, cut), CPoint(box.max.x, box.max.y));
        const CPolygon shape = to_cartesian(part.shape);
        CMulti low_shape;
        CMulti high_shape;
        try {
            bg::intersection(shape, low, low_shape);
            bg::intersection(shape, high, high_shape);
        } catch (const bg::exception&) {
            why = "cutting its shape failed";
            continue;
        }
        auto low_polygon = single(low_shape);
        auto high_polygon = single(high_shape);
        if (!low_polygon || !high_polygon) {
            why = "a cut through its household-weighted median leaves a side in more than one piece";
            continue;
        }
        Part a{std::move(*low_polygon), part.kind, {}, 0, part.sources, std::nullopt, {}};
        Part b{std::move(*high_polygon), part.kind, {}, 0, part.sources, std::nullopt, {}};
        for (std::size_t k = 0; k < order.size(); ++k) {
            Part& side = k <= *best ? a : b;
            side.buildings.push_back(order[k]);
            side.households += buildings.households[order[k]];
        }
        if (!buildings.connected(a.buildings) || !buildings.connected(b.buildings)) {
            why = "the buildings on one side of a cut through its household-weighted median are not connected";
            continue;
        }
        split(std::move(a), max, buildings, out);
        split(std::move(b), max, buildings, out);
        return;
    }
    refuse(why);
}

bool touching(const Polygon& a, const Polygon& b) {
    const Box& x = a.bounds();
    const Box& y = b.bounds();
    if (x.min.x > y.max.x || y.min.x > x.max.x || x.min.y > y.max.y || y.min.y > x.max.y) return false;
    try {
        return bg::intersects(to_cartesian(a), to_cartesian(b));
    } catch (const bg::exception&) {
        return false;
    }
}

std::optional<Polygon> union_of(const Polygon& a, const Polygon& b) {
    CMulti out;
    try {
        bg::union_(to_cartesian(a), to_cartesian(b), out);
    } catch (const bg::exception&) {
        return std::nullopt;
    }
    return single(out);
}

}  // namespace

Redivision redivide(const GridMap& map, DivisionCode unit, std::span<const Point> buildings,
                    std::span<const std::int64_t> households, const RedivisionOptions& options) {
    if (buildings.size() != households.size()) {
        throw InvalidInput("redivide: " + std::to_string(buildings.size()) + " buildings but " +
                           std::to_string(households.size()) + " household counts");
    }
    if (unit.level() != Level::village) {
        throw InvalidInput("redivide: grids are re-divided in a village-level unit (community or village); " +
                           unit.str() + " is a " + std::string(to_string(unit.level())));
    }
    if (!(options.adjacency_m > 0) || !std::isfinite(options.adjacency_m)) {
        throw InvalidInput("redivide: adjacency_m must be a positive number of metres");
    }
    for (std::size_t i = 0; i < households.size(); ++i) {
        if (households[i] < 0) {
            throw InvalidInput("redivide: building " + std::to_string(i) + " has a negative household count (" +
                               std::to_string(households[i]) + ")");
        }
    }
    const std::vector<GridId> old_ids = map.grids_in(unit);
    if (old_ids.empty()) throw NotFound("redivide: " + unit.str() + " has no grids in this map");
    std::unordered_map<std::uint32_t, std::size_t> slot;  // grid id → index in old_ids
    for (std::size_t i = 0; i < old_ids.size(); ++i) slot.emplace(old_ids[i].value(), i);

    // Buildings of the unit, each in its old grid.
    Buildings graph;
    graph.system = map.coordinates();
    std::vector<Part> parts(old_ids.size());
    for (std::size_t i = 0; i < old_ids.size(); ++i) {
        const Grid& g = map.grid(old_ids[i]);
        parts[i].shape = g.shape;
        parts[i].kind = g.kind;
        parts[i].sources = {i};
        parts[i].unchanged = i;
    }
    for (std::size_t i = 0; i < buildings.size(); ++i) {
        const auto id = map.locate(buildings[i]);
        if (!id) continue;
        const auto it = slot.find(id->value());
        if (it == slot.end()) continue;
        Part& part = parts[it->second];
        part.buildings.push_back(graph.points.size());
        part.households += households[i];
        graph.points.push_back(buildings[i]);
        graph.households.push_back(households[i]);
    }
    graph.connect(options.adjacency_m);
    const auto band_of = [&](const Part& p) { return options.bands.band(p.kind, unit); };

    // Splits.
    std::vector<Part> after_split;
    for (Part& part : parts) {
        const auto band = band_of(part);
        if (!band || part.households <= band->max) {
            after_split.push_back(std::move(part));
            continue;
        }
        const std::size_t first = after_split.size();
        split(std::move(part), band->max, graph, after_split);
        if (after_split.size() == first + 1) {  // not split at all: still the old grid
            after_split.back().unchanged = *after_split.back().sources.begin();
        }
    }
    parts = std::move(after_split);

    // Merges: the smallest grid below its band first, with the neighbour giving the smallest total.
    for (;;) {
        std::vector<std::size_t> small;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto band = band_of(parts[i]);
            if (band && parts[i].households < band->min) small.push_back(i);
        }
        std::stable_sort(small.begin(), small.end(),
                         [&](std::size_t a, std::size_t b) { return parts[a].households < parts[b].households; });
        bool merged = false;
        for (const std::size_t i : small) {
            const auto band = band_of(parts[i]);
            std::vector<std::size_t> candidates;
            for (std::size_t j = 0; j < parts.size(); ++j) {
                if (j == i || parts[j].kind != parts[i].kind) continue;
                if (parts[i].households + parts[j].households > band->max) continue;
                if (!graph.linked(parts[i].buildings, parts[j].buildings) && !touching(parts[i].shape, parts[j].shape)) {
                    continue;
                }
                candidates.push_back(j);
            }
            std::stable_sort(candidates.begin(), candidates.end(),
                             [&](std::size_t a, std::size_t b) { return parts[a].households < parts[b].households; });
            for (const std::size_t j : candidates) {
                auto shape = union_of(parts[i].shape, parts[j].shape);
                if (!shape) continue;
                Part& keep = parts[i];
                Part& gone = parts[j];
                keep.shape = std::move(*shape);
                keep.buildings.insert(keep.buildings.end(), gone.buildings.begin(), gone.buildings.end());
                keep.households += gone.households;
                keep.sources.insert(gone.sources.begin(), gone.sources.end());
                keep.unchanged.reset();
                keep.why.clear();
                parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
                break;
            }
            if (merged) break;
            parts[i].why = "no neighbouring grid of " + unit.str() + " can take it within the band maximum of " +
                           detail::group_thousands(band->max) + " households as one contiguous grid";
        }
        if (!merged) break;
    }

    // Codes: unchanged grids keep theirs; new grids take the smallest free sequences, north→south, west→east.
    const auto layout = std::make_shared<const GridCodeLayout>(map.grid(old_ids.front()).code.layout());
    std::set<unsigned> taken;
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].unchanged) {
            taken.insert(map.grid(old_ids[*parts[i].unchanged]).code.sequence());
        } else {
            fresh.push_back(i);
        }
    }
    std::vector<Point> centroids(parts.size());
    for (const std::size_t i : fresh) centroids[i] = parts[i].shape.centroid();
    std::stable_sort(fresh.begin(), fresh.end(), [&](std::size_t a, std::size_t b) {
        if (centroids[a].y != centroids[b].y) return centroids[a].y > centroids[b].y;
        return centroids[a].x < centroids[b].x;
    });
    std::vector<std::optional<GridCode>> codes(parts.size());
    unsigned next = 1;
    for (const std::size_t i : fresh) {
        while (taken.count(next) != 0) ++next;
        codes[i] = GridCode::make(unit, next, layout);
        taken.insert(next);
    }

    // Names of split pieces: 拆分一, 拆分二, … per old grid in code order of the pieces.
    std::map<std::size_t, std::vector<std::size_t>> pieces_of;  // old grid → fresh parts that are pieces of it alone
    for (const std::size_t i : fresh) {
        if (parts[i].sources.size() == 1) pieces_of[*parts[i].sources.begin()].push_back(i);
    }
    std::vector<std::string> names(parts.size());
    for (auto& [old, pieces] : pieces_of) {
        std::sort(pieces.begin(), pieces.end(), [&](std::size_t a, std::size_t b) { return *codes[a] < *codes[b]; });
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            names[pieces[k]] = map.grid(old_ids[old]).name + "（拆分" + detail::chinese_number(k + 1) + "）";
        }
    }

    GridMapBuilder builder(map.coordinates());
    if (map.epsg()) builder.set_epsg(*map.epsg());
    for (std::size_t i = 0; i < map.size(); ++i) {
        if (slot.count(static_cast<std::uint32_t>(i)) == 0) builder.add(map.grids()[i]);
    }
    std::vector<GridCode> final_codes;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const Part& p = parts[i];
        if (p.unchanged) {
            builder.add(map.grid(old_ids[*p.unchanged]));
            final_codes.push_back(map.grid(old_ids[*p.unchanged]).code);
            continue;
        }
        std::string name = names[i];
        if (name.empty()) name = map.grid(old_ids[*p.sources.begin()]).name + "（合并）";
        builder.add(Grid{*codes[i], p.kind, std::move(name), p.shape, p.households});
        final_codes.push_back(*codes[i]);
    }
    for (const auto& [code, shape] : map.boundaries()) builder.set_boundary(code, shape);

    Redivision result;
    result.map = builder.build();
    auto counted = result.map.count_households(buildings, households);
    counted.pop_back();
    result.households = std::move(counted);

    // Changes: splits by old code, then merges by new code.
    for (std::size_t old = 0; old < old_ids.size(); ++old) {
        std::vector<GridCode> to;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (!parts[i].unchanged && parts[i].sources.count(old) != 0) to.push_back(final_codes[i]);
        }
        if (to.size() < 2) continue;
        std::sort(to.begin(), to.end());
        result.changes.push_back({RedivisionChange::Kind::split, {map.grid(old_ids[old]).code}, std::move(to)});
    }
    std::vector<RedivisionChange> merges;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].unchanged || parts[i].sources.size() < 2) continue;
        std::vector<GridCode> from;
        for (const std::size_t old : parts[i].sources) from.push_back(map.grid(old_ids[old]).code);
        std::sort(from.begin(), from.end());
        merges.push_back({RedivisionChange::Kind::merge, std::move(from), {final_codes[i]}});
    }
    std::sort(merges.begin(), merges.end(), [](const auto& a, const auto& b) { return a.to.front() < b.to.front(); });
    result.changes.insert(result.changes.end(), merges.begin(), merges.end());

    // What is still out of band, with why.
    std::unordered_map<std::string, std::string> why;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!parts[i].why.empty()) why.emplace(final_codes[i].str(), parts[i].why);
    }
    for (BandFinding& finding : result.map.check_bands(result.households, options.bands)) {
        const Grid& g = result.map.grid(finding.grid);
        if (g.code.unit() != unit) continue;
        const auto it = why.find(g.code.str());
        finding.message += it != why.end() ? ": " + it->second : std::string(": no split or merge brings it into band");
        result.remaining.push_back(std::move(finding));
    }
    return result;
}

}  // namespace grassroots
