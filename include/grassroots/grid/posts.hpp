/// @file posts.hpp
/// @brief Grid posts (网格定岗): who serves which grid in which role over which dates, the daily
/// checks of the staffing rules, history, coverage reports up the ladder, and a staffing optimiser.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/core/date.hpp"
#include "grassroots/core/strong_id.hpp"
#include "grassroots/grid/grid_map.hpp"

namespace grassroots {

/// @brief A role in a grid.
enum class GridRole : std::uint8_t {
    chief,             ///< 网格长 grid chief (often the community party secretary or a committee member)
    full_time,         ///< 专职网格员 full-time grid worker: exactly one per grid on every day
    part_time,         ///< 兼职网格员 part-time grid worker (building heads, volunteers, couriers, …)
    community_worker,  ///< 社区工作者 posted to a grid (网格定岗, "两员融合")
    liaison,           ///< 网格指导员 township liaison
};

/// @brief Who a part-time grid worker is.
enum class PartTimeKind : std::uint8_t {
    building_head,  ///< 楼栋长
    volunteer,      ///< 志愿者
    party_member,   ///< 党员
    courier,        ///< 快递员 (the seed: 460+ delivery couriers in Dongying)
    property_staff, ///< 物业人员
    other,          ///< other
};

/// @brief Every GridRole with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<GridRole>> enum_names(GridRole) noexcept;
/// @brief "chief", "full_time", "part_time", "community_worker", "liaison".
[[nodiscard]] std::string_view to_string(GridRole role) noexcept;
/// @brief 网格长, 专职网格员, 兼职网格员, 社区工作者, 网格指导员.
[[nodiscard]] std::string_view chinese_name(GridRole role) noexcept;
/// @brief Every PartTimeKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<PartTimeKind>> enum_names(PartTimeKind) noexcept;
/// @brief "building_head", "volunteer", ….
[[nodiscard]] std::string_view to_string(PartTimeKind kind) noexcept;
/// @brief 楼栋长, 志愿者, 党员, 快递员, 物业人员, 其他.
[[nodiscard]] std::string_view chinese_name(PartTimeKind kind) noexcept;

struct GridWorkerIdTag;
struct GridAssignmentIdTag;
/// @brief A worker registered in one GridStaffing.
using GridWorkerId = StrongId<GridWorkerIdTag>;
/// @brief An assignment of one GridStaffing.
using GridAssignmentId = StrongId<GridAssignmentIdTag>;

/// @brief A person who can hold grid posts.
struct GridWorker {
    std::string name;                         ///< Name.
    DivisionCode home;                        ///< The community or village the worker belongs to.
    std::optional<PartTimeKind> part_time;    ///< Set for part-time workers.
    bool may_serve_elsewhere = false;         ///< Explicitly allowed to hold posts outside home.
    std::optional<Point> location;            ///< Where the worker lives (for travel distance).
};

/// @brief A post held from start to end (inclusive; open while end is empty).
struct GridAssignment {
    GridWorkerId worker;            ///< Who.
    GridId grid;                    ///< Which grid.
    GridRole role = GridRole::full_time;  ///< In which role.
    Date start{};                   ///< First day.
    std::optional<Date> end;        ///< Last day, if ended.
    /// @brief True on @p day.
    [[nodiscard]] bool active_on(Date day) const noexcept { return start <= day && (!end || day <= *end); }
};

/// @brief Limits of the staffing rules (local policy; defaults are configurable, not law).
struct StaffingRules {
    std::int64_t part_time_max_grids = 2;   ///< Grids one part-time worker may serve at once.
    std::int64_t liaison_max_grids = 60;    ///< Grids one township liaison may cover.
    bool require_chief = false;             ///< Report grids without a grid chief.
};

/// @brief A broken staffing rule over a run of days.
struct StaffingFinding {
    std::string rule_id;                  ///< e.g. "full_time.exactly_one".
    std::optional<GridId> grid;           ///< The grid concerned, if one.
    std::optional<GridWorkerId> worker;   ///< The worker concerned, if one.
    Date first{};                         ///< First day it holds.
    Date last{};                          ///< Last day it holds.
    std::string message;                  ///< In words, with codes, names and dates.
};

/// @brief One row of a coverage report: a unit of the ladder and its grids' staffing on a day.
struct StaffingSummary {
    DivisionCode unit;                      ///< Community, township, county, ….
    std::int64_t grids = 0;                 ///< Grids under it.
    std::int64_t grids_without_full_time = 0;  ///< Grids with no full-time worker that day.
    std::int64_t full_time_workers = 0;     ///< Distinct full-time workers.
    std::int64_t part_time_workers = 0;     ///< Distinct part-time workers.
    std::int64_t workers_over_load = 0;     ///< Workers above their limit that day.
    std::int64_t households = 0;            ///< Households of the grids.
    double households_per_full_time = 0;    ///< households / full_time_workers (0 if none).
};

/// @brief The posts of the grids of one GridMap, over time.
class GridStaffing {
public:
    /// @brief Staffing for the grids of @p map (which must outlive it).
    explicit GridStaffing(const GridMap& map) : map_(&map) {}

    /// @brief Registers a worker; throws InvalidInput for an empty name, a home above village level or
    /// a location that is not a finite point.
    GridWorkerId add_worker(GridWorker worker);
    /// @brief Posts @p worker to @p grid in @p role from @p start (to @p end); throws NotFound for
    /// unknown ids and InvalidInput for end before start or a part-time role of a worker without a
    /// part-time kind. Rules are checked by check(), not here, so plans can be drafted.
    GridAssignmentId assign(GridWorkerId worker, GridId grid, GridRole role, Date start,
                            std::optional<Date> end = std::nullopt);
    /// @brief Ends an assignment on @p end; throws InvalidInput if before its start or already ended.
    void end_assignment(GridAssignmentId id, Date end);

    [[nodiscard]] const GridMap& map() const noexcept { return *map_; }  ///< The grids.
    [[nodiscard]] std::span<const GridWorker> workers() const noexcept { return workers_; }  ///< By id.
    [[nodiscard]] std::span<const GridAssignment> assignments() const noexcept { return assignments_; }  ///< By id.
    [[nodiscard]] const GridWorker& worker(GridWorkerId id) const;  ///< Throws NotFound.

    /// @brief Who holds @p role in @p grid on @p day.
    [[nodiscard]] std::vector<GridWorkerId> holders(GridId grid, GridRole role, Date day) const;
    /// @brief Every assignment of @p grid, oldest first (its history).
    [[nodiscard]] std::vector<GridAssignmentId> history(GridId grid) const;
    /// @brief Every assignment of @p worker, oldest first.
    [[nodiscard]] std::vector<GridAssignmentId> posts_of(GridWorkerId worker) const;

    /// @brief Checks every day of [first, last]: exactly one full-time worker per grid; a full-time
    /// worker in at most one grid; part-time and liaison load limits; posts inside the worker's own
    /// community unless allowed (liaisons: inside their township). Consecutive days with the same
    /// problem are one finding.
    [[nodiscard]] std::vector<StaffingFinding> check(Date first, Date last, const StaffingRules& rules = {}) const;
    /// @brief check() limited to @p within (a community, township, county, …): findings about its
    /// grids, and about workers who belong to it.
    [[nodiscard]] std::vector<StaffingFinding> check(Date first, Date last, DivisionCode within,
                                                     const StaffingRules& rules = {}) const;
    /// @brief One row per unit at @p level under @p root (e.g. each community of a township) on @p day.
    [[nodiscard]] std::vector<StaffingSummary> summary(DivisionCode root, Level level, Date day,
                                                       const StaffingRules& rules = {}) const;

private:
    const GridMap* map_;
    std::vector<GridWorker> workers_;
    std::vector<GridAssignment> assignments_;
};

/// @brief A staffing plan: the worker for each grid (or none) and what it costs.
struct StaffingPlan {
    std::vector<std::optional<GridWorkerId>> worker_of_grid;  ///< By grid id.
    double total_distance_m = 0;       ///< Sum of worker-to-grid distances.
    double max_distance_m = 0;         ///< Longest single distance.
    std::int64_t unstaffed = 0;        ///< Grids left without a worker.
};

/// @brief Assigns one full-time worker to each grid of @p grids from @p candidates — each worker
/// at most once and only inside their own community unless allowed — minimising first the number
/// of unstaffed grids, then the total distance from the worker's location to the grid's centroid.
/// Solved exactly as a minimum-cost flow (Boost.Graph successive shortest paths) on distances
/// rounded to whole metres, separately for each group of grids that share no candidate. Workers
/// without a location count as distance 0. The plan starts from scratch (current holders are not kept).
[[nodiscard]] StaffingPlan optimise_full_time(const GridStaffing& staffing, std::span<const GridId> grids,
                                              std::span<const GridWorkerId> candidates);
/// @brief The greedy baseline: grids in code order each take the nearest eligible free worker.
[[nodiscard]] StaffingPlan greedy_full_time(const GridStaffing& staffing, std::span<const GridId> grids,
                                            std::span<const GridWorkerId> candidates);

}  // namespace grassroots
