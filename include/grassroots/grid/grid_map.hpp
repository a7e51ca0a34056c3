/// @file grid_map.hpp
/// @brief Grids (网格) of communities and villages, their spatial index, coverage checks and
/// household counts (网格化服务管理).
///
/// A GridMap is built once (GridMapBuilder, GeoJSON) and is then immutable: lookups of a point's
/// grid go through an R-tree of grid boxes and an exact point-in-polygon test.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grassroots/core/strong_id.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/geometry.hpp"
#include "grassroots/core/range.hpp"
#include "grassroots/division/tree.hpp"

namespace grassroots {

/// @brief Comprehensive grids cover where people live; dedicated grids (专属网格) cover one site.
enum class GridKind : std::uint8_t {
    comprehensive,      ///< 综合网格
    school,             ///< 专属网格: 学校
    hospital,           ///< 专属网格: 医院
    enterprise,         ///< 专属网格: 企业
    industrial_park,    ///< 专属网格: 工业园区 (the seed's 工业社区)
    business_district,  ///< 专属网格: 商圈
    other_dedicated,    ///< 专属网格: other
};

/// @brief Every GridKind with its names (to_string, parsing, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<GridKind>> enum_names(GridKind) noexcept;
/// @brief "comprehensive", "school", ….
[[nodiscard]] std::string_view to_string(GridKind kind) noexcept;
/// @brief 综合网格, 学校专属网格, ….
[[nodiscard]] std::string_view chinese_name(GridKind kind) noexcept;
/// @brief The kind named by to_string(); throws InvalidInput.
[[nodiscard]] GridKind parse_grid_kind(std::string_view text);

/// @brief One grid: its code (which names its community or village), kind, name, shape and households.
struct Grid {
    GridCode code;                            ///< e.g. 37050200506601.
    GridKind kind = GridKind::comprehensive;  ///< Comprehensive or dedicated.
    std::string name;                         ///< e.g. 锦苑社区第一网格.
    Polygon shape;                            ///< Its area.
    std::int64_t households = 0;              ///< Households as recorded (0 if unknown).
};

struct GridIdTag;
/// @brief Dense id of a grid in one GridMap.
using GridId = StrongId<GridIdTag>;

/// @brief What a coverage check found for one community.
struct CoverageFinding {
    /// @brief Which principle is broken.
    enum class Kind : std::uint8_t {
        overlap,  ///< two grids overlap (no overlap: 不重叠)
        gap,      ///< part of the community is in no grid (full coverage: 全覆盖)
        outside,  ///< a grid reaches outside its community (each grid in one community)
    };
    Kind kind = Kind::overlap;  ///< Which.
    DivisionCode unit;          ///< The community or village.
    std::vector<GridId> grids;  ///< The grids involved (two for an overlap, one for outside, none for a gap).
    double area_m2 = 0;         ///< The area concerned.
    std::string message;        ///< In words, with the codes and the area.
};

/// @brief Every CoverageFinding::Kind with its names (to_string and Python read it).
[[nodiscard]] std::span<const EnumName<CoverageFinding::Kind>> enum_names(CoverageFinding::Kind) noexcept;
/// @brief "overlap", "gap" or "outside".
[[nodiscard]] std::string_view to_string(CoverageFinding::Kind kind) noexcept;

/// @brief Which features a GeoJSON export holds: a user filtering for grids gets only grids.
enum class MapFeatures : std::uint8_t {
    grids,       ///< the grids only (role "grid")
    boundaries,  ///< the community boundaries only (role "boundary")
    all,         ///< grids, then boundaries (what GridMapBuilder::from_geojson reads back whole)
};
/// @brief Every MapFeatures with its names (Python reads it).
[[nodiscard]] std::span<const EnumName<MapFeatures>> enum_names(MapFeatures) noexcept;

/// @brief Household bands per grid kind: a grid outside its band is reported.
///
/// Defaults (secondary sources, docs/domain.md §4; configurable): comprehensive grids 300–500 households
/// in communities (居委会) and 200–400 in villages (村委会, "about 300"); dedicated grids none.
struct HouseholdBands {
    IntRange urban{300, 500};                     ///< Comprehensive grids of residents' committees.
    IntRange rural{200, 400};                     ///< Comprehensive grids of villagers' committees.
    std::map<GridKind, IntRange> dedicated;       ///< Bands for dedicated kinds that have one.
    /// @brief The band for a grid of @p kind in @p unit, if any.
    [[nodiscard]] std::optional<IntRange> band(GridKind kind, DivisionCode unit) const;
};

/// @brief A grid whose households are outside its band.
struct BandFinding {
    GridId grid;               ///< Which grid.
    std::int64_t households;   ///< Its households.
    IntRange band;             ///< The band it misses.
    std::string message;       ///< In words.
};

/// @brief The grids of one or more communities, indexed for point lookups. Immutable.
class GridMap {
public:
    GridMap();                                  ///< An empty map.
    GridMap(GridMap&&) noexcept;                ///< Moves.
    GridMap& operator=(GridMap&&) noexcept;     ///< Moves.
    GridMap(const GridMap&) = delete;           ///< Not copyable (the index is large).
    GridMap& operator=(const GridMap&) = delete;  ///< Not copyable.
    ~GridMap();                                 ///< Frees the index.

    [[nodiscard]] CoordinateSystem coordinates() const noexcept { return coordinates_; }  ///< How to read points.
    /// @brief The EPSG code of the coordinate reference system, when recorded (4490 CGCS2000, 4326 WGS84, or a
    /// projected system in metres).
    [[nodiscard]] std::optional<int> epsg() const noexcept { return epsg_; }
    [[nodiscard]] std::size_t size() const noexcept { return grids_.size(); }            ///< Number of grids.
    [[nodiscard]] const Grid& grid(GridId id) const;                                     ///< Throws NotFound.
    [[nodiscard]] std::span<const Grid> grids() const noexcept { return grids_; }         ///< All grids, by id.
    [[nodiscard]] std::optional<GridId> find(const GridCode& code) const noexcept;       ///< By code.
    /// @brief Grids of @p unit, or of every village-level unit under it for a higher-level code.
    [[nodiscard]] std::vector<GridId> grids_in(DivisionCode unit) const;
    /// @brief The boundary recorded for a community, if any.
    [[nodiscard]] const Polygon* boundary(DivisionCode unit) const noexcept;
    /// @brief Every recorded community boundary, by unit code.
    [[nodiscard]] std::span<const std::pair<DivisionCode, Polygon>> boundaries() const noexcept { return boundaries_; }

    /// @brief The grid containing @p p. A point on an edge shared by several grids belongs to the
    /// one with the smallest code; a point in no grid gives nothing.
    [[nodiscard]] std::optional<GridId> locate(Point p) const;
    /// @brief locate() for many points: out[i] is the grid id or -1.
    void locate(std::span<const double> x, std::span<const double> y, std::span<std::int64_t> out) const;

    /// @brief Overlaps, gaps inside the community's boundary and grids reaching outside it
    /// (overlaps only, when no boundary is recorded). Areas below @p tolerance_m2 are ignored.
    [[nodiscard]] std::vector<CoverageFinding> check_coverage(DivisionCode unit, double tolerance_m2 = 1.0) const;
    /// @brief Households per grid from points with counts (buildings, households); points in no
    /// grid are counted in the last element.
    [[nodiscard]] std::vector<std::int64_t> count_households(std::span<const Point> points,
                                                             std::span<const std::int64_t> households) const;
    /// @brief Grids whose @p households (one per grid, e.g. from count_households or Grid::households)
    /// are outside their band.
    [[nodiscard]] std::vector<BandFinding> check_bands(std::span<const std::int64_t> households,
                                                       const HouseholdBands& bands = {}) const;

    /// @brief The map as a GeoJSON FeatureCollection: grids (properties role "grid", code, kind, name, unit,
    /// households) and/or community boundaries (role "boundary", unit), as @p features says.
    [[nodiscard]] std::string to_geojson(MapFeatures features = MapFeatures::grids) const;

private:
    friend class GridMapBuilder;
    struct Index;
    CoordinateSystem coordinates_ = CoordinateSystem::lonlat;
    std::optional<int> epsg_;
    std::vector<Grid> grids_;
    std::vector<std::pair<DivisionCode, Polygon>> boundaries_;  // sorted by unit
    std::unique_ptr<Index> index_;
};

/// @brief Collects grids and community boundaries, validates them together and builds a GridMap.
class GridMapBuilder {
public:
    /// @brief A builder for coordinates of @p system.
    explicit GridMapBuilder(CoordinateSystem system = CoordinateSystem::lonlat) : coordinates_(system) {}
    /// @brief Adds a grid; throws InvalidInput for an empty shape or a whole-unit ("00") code.
    GridMapBuilder& add(Grid grid);
    /// @brief Records the boundary of a community (for gap and outside checks); one per unit.
    GridMapBuilder& set_boundary(DivisionCode unit, Polygon boundary);
    /// @brief Records the coordinate reference system by its EPSG code: 4326 (WGS84) or 4490 (CGCS2000) for
    /// lon/lat, any other code in 1024…32767 for metres; throws InvalidInput otherwise.
    GridMapBuilder& set_epsg(int code);
    /// @brief Number of grids added.
    [[nodiscard]] std::size_t size() const noexcept { return grids_.size(); }
    /// @brief Validates (no duplicate codes; lon/lat within range) and builds; all or nothing.
    [[nodiscard]] GridMap build() const;
    /// @brief As build(), and every grid's community must be a unit of @p tree (unknown parent
    /// → InvalidInput naming the grid).
    [[nodiscard]] GridMap build(const DivisionTree& tree) const;

    /// @brief Reads a GeoJSON FeatureCollection of Polygon features with properties code (string),
    /// kind, name, households, and optionally role "boundary" for community boundaries. Throws
    /// InvalidInput naming the feature for bad geometry, an unknown kind or a duplicate code.
    static GridMapBuilder from_geojson(std::string_view json, std::string_view source,
                                       CoordinateSystem system = CoordinateSystem::lonlat,
                                       std::shared_ptr<const GridCodeLayout> layout = GridCodeLayout::unit_grid());
    /// @brief from_geojson() over a file (gzip allowed, within the input limits); errors name the file.
    static GridMapBuilder read_geojson(const std::filesystem::path& path,
                                       CoordinateSystem system = CoordinateSystem::lonlat,
                                       std::shared_ptr<const GridCodeLayout> layout = GridCodeLayout::unit_grid());

private:
    CoordinateSystem coordinates_;
    std::optional<int> epsg_;
    std::vector<Grid> grids_;
    std::vector<std::pair<DivisionCode, Polygon>> boundaries_;
};

}  // namespace grassroots
