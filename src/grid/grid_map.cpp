#include "grassroots/grid/grid_map.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>


#include <nlohmann/json.hpp>

#include "boost_geometry.hpp"
#include "grassroots/error.hpp"
#include "grid_support.hpp"
#include "point_in_ring.hpp"

namespace grassroots {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

// The point lookup must be inlined into the bulk loop: the processor then overlaps the cache
// misses of successive points (3× faster on 50,000 grids); the R-tree fallback stays out of line.
#if defined(__GNUC__)
#define GRASSROOTS_HOT_INLINE [[gnu::always_inline]] inline
#define GRASSROOTS_COLD [[gnu::noinline]]
#else
#define GRASSROOTS_HOT_INLINE inline
#define GRASSROOTS_COLD
#endif

// ---- kinds ---------------------------------------------------------------------------------------

namespace {

constexpr std::array<EnumName<GridKind>, 7> grid_kinds{{
    {GridKind::comprehensive, "comprehensive", "综合网格", "where people live"},
    {GridKind::school, "school", "学校专属网格", "dedicated grid of a school"},
    {GridKind::hospital, "hospital", "医院专属网格", "dedicated grid of a hospital"},
    {GridKind::enterprise, "enterprise", "企业专属网格", "dedicated grid of an enterprise"},
    {GridKind::industrial_park, "industrial_park", "工业园区专属网格", "dedicated grid of an industrial park"},
    {GridKind::business_district, "business_district", "商圈专属网格", "dedicated grid of a business district"},
    {GridKind::other_dedicated, "other_dedicated", "其他专属网格", "dedicated grid of another site"},
}};

constexpr std::array<EnumName<CoverageFinding::Kind>, 3> coverage_kinds{{
    {CoverageFinding::Kind::overlap, "overlap", "", "two grids overlap (不重叠: no overlap)"},
    {CoverageFinding::Kind::gap, "gap", "", "part of the community is in no grid (全覆盖: full coverage)"},
    {CoverageFinding::Kind::outside, "outside", "", "a grid reaches outside its community"},
}};

}  // namespace

std::span<const EnumName<GridKind>> enum_names(GridKind) noexcept { return grid_kinds; }

std::string_view to_string(GridKind kind) noexcept {
    const std::string_view name = enum_name(kind);
    return name == "?" ? "unknown" : name;
}

std::string_view chinese_name(GridKind kind) noexcept {
    const std::string_view name = enum_chinese_name(kind);
    return name == "?" ? "未知" : name;
}

GridKind parse_grid_kind(std::string_view text) {
    if (const std::optional<GridKind> kind = find_enum<GridKind>(text)) return *kind;
    throw InvalidInput("unknown grid kind '" + std::string(text) + "' (expected " + enum_alternatives<GridKind>() + ")");
}

std::span<const EnumName<CoverageFinding::Kind>> enum_names(CoverageFinding::Kind) noexcept { return coverage_kinds; }

std::string_view to_string(CoverageFinding::Kind kind) noexcept {
    const std::string_view name = enum_name(kind);
    return name == "?" ? "unknown" : name;
}

std::optional<IntRange> HouseholdBands::band(GridKind kind, DivisionCode unit) const {
    if (kind == GridKind::comprehensive) {
        return unit.village_class() == VillageClass::villagers_committee ? rural : urban;
    }
    if (const auto it = dedicated.find(kind); it != dedicated.end()) return it->second;
    return std::nullopt;
}

// ---- the index -----------------------------------------------------------------------------------

// The spatial index of a GridMap.
//
// Grids are numbered by rank in code order, so the smallest code among the grids covering a point
// is the smallest rank. Their boxes are in an R-tree (bulk-loaded, packed) keyed by rank. In front
// of it sits a uniform table of cells over all boxes, each listing (in rank order) the grids whose
// box reaches into it: a point's cell is found by arithmetic, and the first grid in its list that
// covers the point is the answer — about ten times faster than a descent of the R-tree. Cells whose
// list would be long (grids crowded into a small part of a wide map) are marked and answered by
// the R-tree instead. The outer rings are copied into one flat array, by rank, for the
// point-in-polygon test; grids that are their own bounding box need no test beyond the box.
struct GridMap::Index {
    using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
    using BBox = bg::model::box<BPoint>;
    using Value = std::pair<BBox, std::uint32_t>;
    using Tree = bgi::rtree<Value, bgi::quadratic<16>>;
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::uint32_t longest_cell = 24;      // longer lists go to the R-tree
    static constexpr double max_cells = 4.0 * 1024 * 1024;  // memory bound of the cell table

    enum class Shape : std::uint8_t { rectangle, ring, ring_with_holes };
    struct Entry {                   // what the hot path reads of one grid, in one place
        Box box;                     // bounding box
        std::size_t ring_begin = 0;  // outer ring in ring_points
        std::uint32_t ring_size = 0;
        Shape shape = Shape::ring;
    };

    Tree tree;
    std::vector<std::uint32_t> by_code;  // rank → id
    std::vector<Entry> entries;          // rank → box and outer ring
    std::vector<Point> ring_points;      // outer rings, concatenated
    std::vector<const Polygon*> shapes;  // rank → shape (into GridMap::grids_, whose buffer moves with it)

    // The cell table: nx × ny cells over `extent`; cell c lists cell_ranks[cell_begin[c] … cell_begin[c+1]),
    // or the single entry `none` when the R-tree answers for it.
    Box extent{};
    std::size_t nx = 0;
    std::size_t ny = 0;
    double x_scale = 0;  // cells per unit of x
    double y_scale = 0;
    std::vector<std::uint32_t> cell_begin;
    std::vector<std::uint32_t> cell_ranks;

    Index(std::span<const Grid> grids, std::vector<std::uint32_t> order) : by_code(std::move(order)) {
        std::vector<Value> values;
        values.reserve(by_code.size());
        entries.reserve(by_code.size());
        shapes.reserve(by_code.size());
        for (std::uint32_t rank = 0; rank < by_code.size(); ++rank) {
            const Polygon& shape = grids[by_code[rank]].shape;
            const Box& b = shape.bounds();
            values.emplace_back(BBox(BPoint(b.min.x, b.min.y), BPoint(b.max.x, b.max.y)), rank);
            shapes.push_back(&shape);
            const auto& outer = shape.outer();
            Entry entry{b, ring_points.size(), static_cast<std::uint32_t>(outer.size()),
                        shape.holes().empty() ? Shape::ring : Shape::ring_with_holes};
            if (is_rectangle(shape)) entry.shape = Shape::rectangle;
            ring_points.insert(ring_points.end(), outer.begin(), outer.end());
            entries.push_back(entry);
        }
        tree = Tree(values.begin(), values.end());  // packing (STR) constructor
        build_cells();
    }

    // A polygon without holes whose outer ring is its bounding box.
    static bool is_rectangle(const Polygon& shape) noexcept {
        const auto& ring = shape.outer();
        if (!shape.holes().empty() || ring.size() != 5) return false;
        const Box& b = shape.bounds();
        for (const Point& p : ring) {
            if ((p.x != b.min.x && p.x != b.max.x) || (p.y != b.min.y && p.y != b.max.y)) return false;
        }
        return true;  // four corners of the box, and Polygon refused a self-intersecting order
    }

    // The column / row of a coordinate inside the extent. Monotonic in x, so a point inside a box
    // falls in one of the cells the box was entered in.
    [[nodiscard]] std::size_t column(double x) const noexcept {
        const double c = (x - extent.min.x) * x_scale;
        return c <= 0 ? 0 : c >= static_cast<double>(nx - 1) ? nx - 1 : static_cast<std::size_t>(c);
    }
    [[nodiscard]] std::size_t row(double y) const noexcept {
        const double r = (y - extent.min.y) * y_scale;
        return r <= 0 ? 0 : r >= static_cast<double>(ny - 1) ? ny - 1 : static_cast<std::size_t>(r);
    }

    void build_cells() {
        if (entries.empty()) {  // one cell with nothing in it
            nx = ny = 1;
            cell_begin.assign(2, 0);
            return;
        }
        extent = entries.front().box;
        for (const Entry& entry : entries) {
            const Box& b = entry.box;
            extent.min.x = std::min(extent.min.x, b.min.x);
            extent.min.y = std::min(extent.min.y, b.min.y);
            extent.max.x = std::max(extent.max.x, b.max.x);
            extent.max.y = std::max(extent.max.y, b.max.y);
        }
        const double width = extent.max.x - extent.min.x;
        const double height = extent.max.y - extent.min.y;
        // About two cells per grid, shaped like the extent; fewer when large boxes would be
        // entered in too many cells.
        const double grids = static_cast<double>(entries.size());
        double target = std::min(max_cells, 2.0 * grids);
        std::vector<std::uint32_t> counts;
        for (;;) {
            const double aspect = width > 0 && height > 0 ? width / height : width > 0 ? 1e12 : height > 0 ? 1e-12 : 1;
            nx = static_cast<std::size_t>(std::clamp(std::round(std::sqrt(target * aspect)), 1.0, target));
            ny = static_cast<std::size_t>(std::clamp(std::round(target / static_cast<double>(nx)), 1.0, target));
            x_scale = width > 0 ? static_cast<double>(nx) / width : 0;
            y_scale = height > 0 ? static_cast<double>(ny) / height : 0;
            counts.assign(nx * ny, 0);
            double entered = 0;
            for (const Entry& entry : entries) {
                const Box& b = entry.box;
                const std::size_t c0 = column(b.min.x), c1 = column(b.max.x), r0 = row(b.min.y), r1 = row(b.max.y);
                entered += static_cast<double>((c1 - c0 + 1) * (r1 - r0 + 1));
                for (std::size_t r = r0; r <= r1; ++r) {
                    for (std::size_t c = c0; c <= c1; ++c) ++counts[r * nx + c];
                }
            }
            if (entered <= 8.0 * grids + target || target <= 1) break;
            target = std::max(1.0, target / 4);
        }
        cell_begin.assign(nx * ny + 1, 0);
        for (std::size_t cell = 0; cell < nx * ny; ++cell) {
            const std::uint32_t length = counts[cell] > longest_cell ? 1 : counts[cell];
            cell_begin[cell + 1] = cell_begin[cell] + length;
        }
        cell_ranks.assign(cell_begin.back(), none);
        std::vector<std::uint32_t> next(cell_begin.begin(), cell_begin.end() - 1);
        for (std::uint32_t rank = 0; rank < entries.size(); ++rank) {  // ascending: lists come out in rank order
            const Box& b = entries[rank].box;
            const std::size_t c0 = column(b.min.x), c1 = column(b.max.x), r0 = row(b.min.y), r1 = row(b.max.y);
            for (std::size_t r = r0; r <= r1; ++r) {
                for (std::size_t c = c0; c <= c1; ++c) {
                    const std::size_t cell = r * nx + c;
                    if (counts[cell] <= longest_cell) cell_ranks[next[cell]++] = rank;
                }
            }
        }
    }

    // True when the grid of @p rank covers @p p, which lies in its box.
    [[nodiscard]] GRASSROOTS_HOT_INLINE bool covers(std::uint32_t rank, Point p) const noexcept {
        const Entry& entry = entries[rank];
        if (entry.shape == Shape::rectangle) return true;
        switch (detail::ring_side(ring_points.data() + entry.ring_begin, entry.ring_size, p)) {
        case detail::Side::outside:
            return false;
        case detail::Side::boundary:
            return true;
        case detail::Side::inside:
            break;
        }
        return entry.shape == Shape::ring || shapes[rank]->covers(p);
    }

    // The rank of the grid with the smallest code covering @p p, or none, from the R-tree.
    [[nodiscard]] GRASSROOTS_COLD std::uint32_t locate_in_tree(Point p) const {
        std::uint32_t best = none;
        const auto visit = [&](const Value& value) {
            if (value.second < best && covers(value.second, p)) best = value.second;
        };
        tree.query(bgi::intersects(BPoint(p.x, p.y)), boost::make_function_output_iterator(visit));
        return best;
    }

    // The id of the grid with the smallest code covering @p p, or none.
    [[nodiscard]] GRASSROOTS_HOT_INLINE std::uint32_t locate(Point p) const {
        if (!(p.x >= extent.min.x && p.x <= extent.max.x && p.y >= extent.min.y && p.y <= extent.max.y)) {
            return none;  // outside all grids (also NaN)
        }
        const std::size_t cell = row(p.y) * nx + column(p.x);
        const std::uint32_t* const ranks = cell_ranks.data();
        const Entry* const grid = entries.data();
        for (std::uint32_t k = cell_begin[cell], end = cell_begin[cell + 1]; k < end; ++k) {
            const std::uint32_t rank = ranks[k];
            if (rank == none) {
                const std::uint32_t found = locate_in_tree(p);
                return found == none ? none : by_code[found];
            }
            const Box& b = grid[rank].box;
            if (p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y && covers(rank, p)) {
                return by_code[rank];
            }
        }
        return none;
    }
};

// ---- GridMap -------------------------------------------------------------------------------------

GridMap::GridMap() = default;
GridMap::GridMap(GridMap&&) noexcept = default;
GridMap& GridMap::operator=(GridMap&&) noexcept = default;
GridMap::~GridMap() = default;

const Grid& GridMap::grid(GridId id) const {
    if (!id.valid() || id.value() >= grids_.size()) {
        throw NotFound("no grid with id " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " in this map of " + std::to_string(grids_.size()) + " grids");
    }
    return grids_[id.value()];
}

std::optional<GridId> GridMap::find(const GridCode& code) const noexcept {
    if (!index_) return std::nullopt;
    const auto& order = index_->by_code;
    const auto it = std::lower_bound(order.begin(), order.end(), code,
                                     [&](std::uint32_t id, const GridCode& c) { return grids_[id].code < c; });
    if (it == order.end() || !(grids_[*it].code == code)) return std::nullopt;
    return GridId{*it};
}

std::vector<GridId> GridMap::grids_in(DivisionCode unit) const {
    std::vector<GridId> out;
    if (!index_) return out;
    const auto& order = index_->by_code;
    // Codes order in pre-order, so the grids of a unit and of everything under it form one run.
    auto it = std::lower_bound(order.begin(), order.end(), unit,
                               [&](std::uint32_t id, DivisionCode u) { return grids_[id].code.unit() < u; });
    for (; it != order.end(); ++it) {
        const DivisionCode own = grids_[*it].code.unit();
        if (own != unit && !unit.is_ancestor_of(own)) break;
        out.emplace_back(*it);
    }
    return out;
}

const Polygon* GridMap::boundary(DivisionCode unit) const noexcept {
    const auto it = std::lower_bound(boundaries_.begin(), boundaries_.end(), unit,
                                     [](const auto& entry, DivisionCode u) { return entry.first < u; });
    return it != boundaries_.end() && it->first == unit ? &it->second : nullptr;
}

std::optional<GridId> GridMap::locate(Point p) const {
    if (!index_) return std::nullopt;
    const std::uint32_t id = index_->locate(p);
    if (id == Index::none) return std::nullopt;
    return GridId{id};
}

void GridMap::locate(std::span<const double> x, std::span<const double> y, std::span<std::int64_t> out) const {
    if (x.size() != y.size() || x.size() != out.size()) {
        throw InvalidInput("locate: x has " + std::to_string(x.size()) + " values, y " + std::to_string(y.size()) +
                           " and out " + std::to_string(out.size()) + "; they must have the same length");
    }
    if (!index_) {
        std::fill(out.begin(), out.end(), -1);
        return;
    }
    const Index& index = *index_;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::uint32_t id = index.locate({x[i], y[i]});
        out[i] = id == Index::none ? -1 : static_cast<std::int64_t>(id);
    }
}

namespace {

bool boxes_overlap(const Box& a, const Box& b) noexcept {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

}  // namespace

std::vector<CoverageFinding> GridMap::check_coverage(DivisionCode unit, double tolerance_m2) const {
    std::vector<CoverageFinding> findings;
    if (unit.level() != Level::village) {
        // Every village-level unit under @p unit that has grids or a boundary, in code order.
        std::vector<DivisionCode> units;
        for (const GridId id : grids_in(unit)) units.push_back(grids_[id.value()].code.unit());
        for (const auto& [code, shape] : boundaries_) {
            if (unit.is_ancestor_of(code)) units.push_back(code);
        }
        std::sort(units.begin(), units.end());
        units.erase(std::unique(units.begin(), units.end()), units.end());
        for (const DivisionCode u : units) {
            auto more = check_coverage(u, tolerance_m2);
            findings.insert(findings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        }
        return findings;
    }

    const std::vector<GridId> ids = grids_in(unit);
    const std::string unit_text = unit.str();
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Grid& a = grids_[ids[i].value()];
        for (std::size_t j = i + 1; j < ids.size(); ++j) {
            const Grid& b = grids_[ids[j].value()];
            if (!boxes_overlap(a.shape.bounds(), b.shape.bounds())) continue;
            const double area = overlap_area(a.shape, b.shape, coordinates_);
            if (area > tolerance_m2) {
                findings.push_back({CoverageFinding::Kind::overlap, unit, {ids[i], ids[j]}, area,
                                    "grids " + a.code.str() + " and " + b.code.str() + " overlap by " +
                                        detail::format_area(area)});
            }
        }
    }
    const Polygon* outline = boundary(unit);
    if (outline == nullptr) return findings;

    std::vector<const Polygon*> parts;
    parts.reserve(ids.size());
    for (const GridId id : ids) parts.push_back(&grids_[id.value()].shape);
    const double gap = uncovered_area(*outline, parts, coordinates_);
    if (gap > tolerance_m2) {
        findings.push_back({CoverageFinding::Kind::gap, unit, {}, gap,
                            detail::format_area(gap) + " of " + unit_text + " is in no grid"});
    }
    for (const GridId id : ids) {
        const Grid& g = grids_[id.value()];
        const double outside = area_outside(g.shape, *outline, coordinates_);
        if (outside > tolerance_m2) {
            findings.push_back({CoverageFinding::Kind::outside, unit, {id}, outside,
                                "grid " + g.code.str() + " reaches " + detail::format_area(outside) + " outside " +
                                    unit_text});
        }
    }
    return findings;
}

std::vector<std::int64_t> GridMap::count_households(std::span<const Point> points,
                                                    std::span<const std::int64_t> households) const {
    if (points.size() != households.size()) {
        throw InvalidInput("count_households: " + std::to_string(points.size()) + " points but " +
                           std::to_string(households.size()) + " household counts");
    }
    std::vector<std::int64_t> counts(grids_.size() + 1, 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (households[i] < 0) {
            throw InvalidInput("count_households: point " + std::to_string(i) + " has a negative household count (" +
                               std::to_string(households[i]) + ")");
        }
        const std::uint32_t id = index_ ? index_->locate(points[i]) : Index::none;
        counts[id == Index::none ? grids_.size() : id] += households[i];
    }
    return counts;
}

std::vector<BandFinding> GridMap::check_bands(std::span<const std::int64_t> households,
                                              const HouseholdBands& bands) const {
    if (households.size() != grids_.size() && households.size() != grids_.size() + 1) {
        throw InvalidInput("check_bands: " + std::to_string(households.size()) + " household counts for " +
                           std::to_string(grids_.size()) + " grids (expected one per grid, optionally followed by "
                           "the count in no grid as count_households gives)");
    }
    std::vector<BandFinding> findings;
    for (std::size_t i = 0; i < grids_.size(); ++i) {
        const Grid& g = grids_[i];
        const std::optional<IntRange> band = bands.band(g.kind, g.code.unit());
        if (!band || band->contains(households[i])) continue;
        std::string whose;
        if (g.kind == GridKind::comprehensive) {
            whose = g.code.unit().village_class() == VillageClass::villagers_committee
                        ? "comprehensive grids of villagers' committees"
                        : "comprehensive grids of residents' committees";
        } else {
            whose = std::string(to_string(g.kind)) + " grids";
        }
        findings.push_back({GridId{static_cast<std::uint32_t>(i)}, households[i], *band,
                            "grid " + g.code.str() + " has " + detail::group_thousands(households[i]) +
                                " households, " + (households[i] < band->min ? "below" : "above") + " the band " +
                                band->to_string() + " for " + whose});
    }
    return findings;
}

namespace {

nlohmann::json rings_json(const Polygon& shape) {
    auto ring_json = [](const std::vector<Point>& ring) {
        nlohmann::json out = nlohmann::json::array();
        for (const Point& p : ring) out.push_back(nlohmann::json::array({p.x, p.y}));
        return out;
    };
    nlohmann::json rings = nlohmann::json::array();
    rings.push_back(ring_json(shape.outer()));
    for (const auto& hole : shape.holes()) rings.push_back(ring_json(hole));
    return {{"type", "Polygon"}, {"coordinates", std::move(rings)}};
}

constexpr std::array<EnumName<MapFeatures>, 3> map_features{{
    {MapFeatures::grids, "grids", "", "the grids only (role 'grid')"},
    {MapFeatures::boundaries, "boundaries", "", "the community boundaries only (role 'boundary')"},
    {MapFeatures::all, "all", "", "grids, then boundaries: what from_geojson reads back whole"},
}};

}  // namespace

std::span<const EnumName<MapFeatures>> enum_names(MapFeatures) noexcept { return map_features; }

std::string GridMap::to_geojson(MapFeatures features) const {
    nlohmann::json out = nlohmann::json::array();
    if (features != MapFeatures::boundaries) {
        for (const Grid& g : grids_) {
            out.push_back({{"type", "Feature"},
                           {"properties",
                            {{"role", "grid"},
                             {"code", g.code.str()},
                             {"kind", std::string(to_string(g.kind))},
                             {"name", g.name},
                             {"unit", g.code.unit().str()},
                             {"households", g.households}}},
                           {"geometry", rings_json(g.shape)}});
        }
    }
    if (features != MapFeatures::grids) {
        for (const auto& [unit, shape] : boundaries_) {
            out.push_back({{"type", "Feature"},
                           {"properties", {{"role", "boundary"}, {"unit", unit.str()}}},
                           {"geometry", rings_json(shape)}});
        }
    }
    const nlohmann::json collection = {{"type", "FeatureCollection"}, {"features", std::move(out)}};
    return collection.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---- GridMapBuilder ------------------------------------------------------------------------------

namespace {

std::string unit_word(DivisionCode unit) {
    return unit.village_class() == VillageClass::villagers_committee ? "village" : "community";
}

// Throws when a lon/lat point is outside [-180, 180] × [-90, 90]; @p what names the shape.
void check_lonlat(const Polygon& shape, const std::string& what) {
    auto check = [&](const std::vector<Point>& ring) {
        for (const Point& p : ring) {
            if (!(p.x >= -180 && p.x <= 180 && p.y >= -90 && p.y <= 90)) {
                throw InvalidInput(what + ": point " + detail::format_point(p) +
                                   " is not a longitude in [-180, 180] and latitude in [-90, 90]");
            }
        }
    };
    check(shape.outer());
    for (const auto& hole : shape.holes()) check(hole);
}

}  // namespace

GridMapBuilder& GridMapBuilder::add(Grid grid) {
    if (grid.code.whole_unit()) {
        throw InvalidInput("grid code " + grid.code.str() + " has sequence " +
                           std::string(static_cast<std::size_t>(grid.code.layout().sequence_width()), '0') +
                           ", which stands for the whole " + unit_word(grid.code.unit()) + " " +
                           grid.code.unit().str() + ", not a grid");
    }
    if (grid.shape.empty()) throw InvalidInput("grid " + grid.code.str() + " has an empty shape");
    if (grid.households < 0) {
        throw InvalidInput("grid " + grid.code.str() + " has a negative household count (" +
                           std::to_string(grid.households) + ")");
    }
    grids_.push_back(std::move(grid));
    return *this;
}

GridMapBuilder& GridMapBuilder::set_boundary(DivisionCode unit, Polygon boundary) {
    if (unit.level() != Level::village) {
        throw InvalidInput("a boundary is recorded for a village-level unit (community or village); " + unit.str() +
                           " is a " + std::string(to_string(unit.level())));
    }
    if (boundary.empty()) throw InvalidInput("the boundary of " + unit.str() + " is empty");
    for (const auto& entry : boundaries_) {
        if (entry.first == unit) throw InvalidInput("the boundary of " + unit.str() + " is already set");
    }
    boundaries_.emplace_back(unit, std::move(boundary));
    return *this;
}

GridMapBuilder& GridMapBuilder::set_epsg(int code) {
    const bool geographic = code == 4326 || code == 4490;
    if (coordinates_ == CoordinateSystem::lonlat && !geographic) {
        throw InvalidInput("EPSG:" + std::to_string(code) +
                           " is not a lon/lat system this map reads; expected 4326 (WGS84) or 4490 (CGCS2000)");
    }
    if (coordinates_ == CoordinateSystem::metres && (geographic || code < 1024 || code > 32767)) {
        throw InvalidInput("EPSG:" + std::to_string(code) +
                           " is not a projected system in metres (a code in 1024…32767 other than 4326 and 4490)");
    }
    epsg_ = code;
    return *this;
}

GridMap GridMapBuilder::build() const {
    if (coordinates_ == CoordinateSystem::lonlat) {
        for (const Grid& g : grids_) check_lonlat(g.shape, "grid " + g.code.str());
        for (const auto& [unit, shape] : boundaries_) check_lonlat(shape, "boundary of " + unit.str());
    }
    if (grids_.size() >= std::numeric_limits<std::uint32_t>::max()) {
        throw InvalidInput("too many grids (" + std::to_string(grids_.size()) + ") for one map");
    }
    std::vector<std::uint32_t> order(grids_.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return grids_[a].code < grids_[b].code; });
    for (std::size_t i = 1; i < order.size(); ++i) {
        if (grids_[order[i - 1]].code == grids_[order[i]].code) {
            throw InvalidInput("duplicate grid code " + grids_[order[i]].code.str() + " (grids " +
                               std::to_string(order[i - 1]) + " and " + std::to_string(order[i]) + ")");
        }
    }

    GridMap map;
    map.coordinates_ = coordinates_;
    map.epsg_ = epsg_;
    map.grids_ = grids_;
    map.boundaries_ = boundaries_;
    std::sort(map.boundaries_.begin(), map.boundaries_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    map.index_ = std::make_unique<GridMap::Index>(map.grids_, std::move(order));
    return map;
}

GridMap GridMapBuilder::build(const DivisionTree& tree) const {
    for (const Grid& g : grids_) {
        const DivisionCode unit = g.code.unit();
        if (!tree.contains(unit)) {
            throw InvalidInput("grid " + g.code.str() + ": " + unit_word(unit) + " " + unit.str() +
                               " is not in the division tree");
        }
    }
    for (const auto& [unit, shape] : boundaries_) {
        if (!tree.contains(unit)) {
            throw InvalidInput("boundary of " + unit.str() + ": " + unit_word(unit) + " " + unit.str() +
                               " is not in the division tree");
        }
    }
    return build();
}

}  // namespace grassroots
