#include "grassroots/grid/posts.hpp"

#include <cmath>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <tuple>
#include <utility>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<GridRole>, 5> grid_roles{{
    {GridRole::chief, "chief", "网格长", "grid chief"},
    {GridRole::full_time, "full_time", "专职网格员", "full-time grid worker: exactly one per grid on every day"},
    {GridRole::part_time, "part_time", "兼职网格员", "part-time grid worker (building heads, volunteers, couriers, …)"},
    {GridRole::community_worker, "community_worker", "社区工作者", "community worker posted to a grid (网格定岗)"},
    {GridRole::liaison, "liaison", "网格指导员", "township liaison"},
}};
constexpr std::array<EnumName<PartTimeKind>, 6> part_time_kinds{{
    {PartTimeKind::building_head, "building_head", "楼栋长", "building head"},
    {PartTimeKind::volunteer, "volunteer", "志愿者", "volunteer"},
    {PartTimeKind::party_member, "party_member", "党员", "party member"},
    {PartTimeKind::courier, "courier", "快递员", "delivery courier"},
    {PartTimeKind::property_staff, "property_staff", "物业人员", "property-management staff"},
    {PartTimeKind::other, "other", "其他", "other"},
}};

// Days as integers, for sweeps.
using DayNumber = std::int64_t;

DayNumber day_number(Date date) { return static_cast<DayNumber>(std::chrono::sys_days{date}.time_since_epoch().count()); }

Date date_of(DayNumber day) {
    return Date{std::chrono::sys_days{std::chrono::days{static_cast<std::chrono::days::rep>(day)}}};
}

// "on 2026-03-02" or "from 2026-03-01 to 2026-03-05".
std::string period(DayNumber first, DayNumber last) {
    if (first == last) return "on " + to_string(date_of(first));
    return "from " + to_string(date_of(first)) + " to " + to_string(date_of(last));
}

void check_term(Date start, const std::optional<Date>& end) {
    if (!start.ok()) throw InvalidInput("an assignment's start date is not a valid date");
    if (end && !end->ok()) throw InvalidInput("an assignment's end date is not a valid date");
    if (end && *end < start) {
        throw InvalidInput("an assignment ends on " + to_string(*end) + ", before it starts on " + to_string(start));
    }
}

// One assignment's days inside the checked range, as a run of one item under one key.
struct Interval {
    std::uint32_t key;
    std::uint32_t item;
    DayNumber from;  // inclusive
    DayNumber to;    // inclusive
};

// For every key in [0, key_count), calls emit(key, from, to, items) for each maximal run of days in
// [lo, hi] on which the set of distinct items of that key is the same (items sorted; runs with no
// item are reported too). Cost: O(I log I + key_count) for I intervals, whatever the range.
template <class Emit>
void sweep(std::size_t key_count, const std::vector<Interval>& intervals, DayNumber lo, DayNumber hi, Emit&& emit) {
    struct Event {
        std::uint32_t key;
        DayNumber day;
        int delta;
        std::uint32_t item;
    };
    std::vector<Event> events;
    events.reserve(intervals.size() * 2);
    for (const Interval& i : intervals) {
        events.push_back({i.key, i.from, +1, i.item});
        if (i.to < hi) events.push_back({i.key, i.to + 1, -1, i.item});
    }
    std::sort(events.begin(), events.end(),
              [](const Event& a, const Event& b) { return std::tie(a.key, a.day) < std::tie(b.key, b.day); });

    std::size_t e = 0;
    std::map<std::uint32_t, int> active;
    std::vector<std::uint32_t> current;
    std::vector<std::uint32_t> pending;
    for (std::size_t key = 0; key < key_count; ++key) {
        active.clear();
        pending.clear();
        DayNumber pending_from = lo;
        while (e < events.size() && events[e].key == key) {
            const DayNumber day = events[e].day;
            for (; e < events.size() && events[e].key == key && events[e].day == day; ++e) {
                int& count = active[events[e].item];
                count += events[e].delta;
                if (count == 0) active.erase(events[e].item);
            }
            current.clear();
            for (const auto& [item, count] : active) current.push_back(item);
            if (current != pending) {
                if (day > pending_from) emit(static_cast<std::uint32_t>(key), pending_from, day - 1, pending);
                pending.swap(current);
                pending_from = day;
            }
        }
        emit(static_cast<std::uint32_t>(key), pending_from, hi, pending);
    }
}

}  // namespace

std::span<const EnumName<GridRole>> enum_names(GridRole) noexcept { return grid_roles; }
std::string_view to_string(GridRole role) noexcept { return enum_name(role); }
std::string_view chinese_name(GridRole role) noexcept { return enum_chinese_name(role); }
std::span<const EnumName<PartTimeKind>> enum_names(PartTimeKind) noexcept { return part_time_kinds; }
std::string_view to_string(PartTimeKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(PartTimeKind kind) noexcept { return enum_chinese_name(kind); }

// ---- registration and posts ----------------------------------------------------------------------

GridWorkerId GridStaffing::add_worker(GridWorker worker) {
    if (worker.name.empty()) throw InvalidInput("a grid worker needs a name");
    if (worker.home.level() != Level::village) {
        throw InvalidInput("grid worker " + worker.name + " must belong to a community or village; " +
                           worker.home.str() + " is a " + std::string(to_string(worker.home.level())));
    }
    if (worker.location && (!std::isfinite(worker.location->x) || !std::isfinite(worker.location->y))) {
        throw InvalidInput("grid worker " + worker.name + " has a location that is not a finite point");
    }
    workers_.push_back(std::move(worker));
    return GridWorkerId{static_cast<std::uint32_t>(workers_.size() - 1)};
}

const GridWorker& GridStaffing::worker(GridWorkerId id) const {
    if (!id.valid() || id.value() >= workers_.size()) {
        throw NotFound("grid worker " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " is not registered");
    }
    return workers_[id.value()];
}

GridAssignmentId GridStaffing::assign(GridWorkerId worker_id, GridId grid_id, GridRole role, Date start,
                                      std::optional<Date> end) {
    const GridWorker& who = worker(worker_id);
    (void)map_->grid(grid_id);
    if (static_cast<std::size_t>(role) >= grid_roles.size()) throw InvalidInput("unknown grid role");
    check_term(start, end);
    if (role == GridRole::part_time && !who.part_time) {
        throw InvalidInput(who.name + " has no part-time kind and cannot hold a part-time post");
    }
    assignments_.push_back(GridAssignment{worker_id, grid_id, role, start, end});
    return GridAssignmentId{static_cast<std::uint32_t>(assignments_.size() - 1)};
}

void GridStaffing::end_assignment(GridAssignmentId id, Date end) {
    if (!id.valid() || id.value() >= assignments_.size()) {
        throw NotFound("assignment " + (id.valid() ? std::to_string(id.value()) : std::string("(invalid)")) +
                       " does not exist");
    }
    GridAssignment& a = assignments_[id.value()];
    if (a.end) throw InvalidInput("assignment " + std::to_string(id.value()) + " already ended on " + to_string(*a.end));
    check_term(a.start, end);
    a.end = end;
}

// ---- queries --------------------------------------------------------------------------------------

std::vector<GridWorkerId> GridStaffing::holders(GridId grid, GridRole role, Date day) const {
    (void)map_->grid(grid);
    std::vector<GridWorkerId> out;
    for (const GridAssignment& a : assignments_) {
        if (a.grid == grid && a.role == role && a.active_on(day) &&
            std::find(out.begin(), out.end(), a.worker) == out.end()) {
            out.push_back(a.worker);
        }
    }
    return out;
}

namespace {

template <class Select>
std::vector<GridAssignmentId> oldest_first(std::span<const GridAssignment> assignments, Select&& select) {
    std::vector<GridAssignmentId> out;
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        if (select(assignments[i])) out.emplace_back(static_cast<std::uint32_t>(i));
    }
    std::stable_sort(out.begin(), out.end(), [&](GridAssignmentId a, GridAssignmentId b) {
        return assignments[a.value()].start < assignments[b.value()].start;
    });
    return out;
}

}  // namespace

std::vector<GridAssignmentId> GridStaffing::history(GridId grid) const {
    (void)map_->grid(grid);
    return oldest_first(assignments_, [&](const GridAssignment& a) { return a.grid == grid; });
}

std::vector<GridAssignmentId> GridStaffing::posts_of(GridWorkerId worker_id) const {
    (void)worker(worker_id);
    return oldest_first(assignments_, [&](const GridAssignment& a) { return a.worker == worker_id; });
}

// ---- the daily checks -----------------------------------------------------------------------------

std::vector<StaffingFinding> GridStaffing::check(Date first, Date last, const StaffingRules& rules) const {
    if (!first.ok() || !last.ok()) throw InvalidInput("check: the range's dates must be valid dates");
    if (last < first) {
        throw InvalidInput("check: the range ends on " + to_string(last) + ", before it starts on " + to_string(first));
    }
    const DayNumber lo = day_number(first);
    const DayNumber hi = day_number(last);
    const std::span<const Grid> grids = map_->grids();

    // The days of each assignment inside [lo, hi].
    auto clip = [&](const GridAssignment& a) -> std::optional<std::pair<DayNumber, DayNumber>> {
        const DayNumber from = std::max(day_number(a.start), lo);
        const DayNumber to = a.end ? std::min(day_number(*a.end), hi) : hi;
        if (from > to) return std::nullopt;
        return std::pair{from, to};
    };
    std::array<std::vector<Interval>, grid_roles.size()> by_grid;    // role → (grid, worker)
    std::array<std::vector<Interval>, grid_roles.size()> by_worker;  // role → (worker, grid)
    for (const GridAssignment& a : assignments_) {
        const auto days = clip(a);
        if (!days) continue;
        const auto r = static_cast<std::size_t>(a.role);
        by_grid[r].push_back({a.grid.value(), a.worker.value(), days->first, days->second});
        by_worker[r].push_back({a.worker.value(), a.grid.value(), days->first, days->second});
    }

    std::vector<StaffingFinding> findings;
    auto add = [&](std::string rule_id, std::optional<GridId> grid, std::optional<GridWorkerId> worker_id,
                   DayNumber from, DayNumber to, std::string message) {
        findings.push_back({std::move(rule_id), grid, worker_id, date_of(from), date_of(to), std::move(message)});
    };
    auto names = [&](const std::vector<std::uint32_t>& worker_ids) {
        std::string out;
        for (const std::uint32_t w : worker_ids) out += (out.empty() ? "" : ", ") + workers_[w].name;
        return out;
    };
    auto codes = [&](std::vector<std::uint32_t> grid_ids) {
        std::sort(grid_ids.begin(), grid_ids.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return grids[a].code < grids[b].code; });
        std::string out;
        for (const std::uint32_t g : grid_ids) out += (out.empty() ? "" : ", ") + grids[g].code.str();
        return out;
    };

    // Exactly one holder per grid and day.
    auto exactly_one = [&](GridRole role, const char* rule_id, const char* one, const char* many) {
        sweep(grids.size(), by_grid[static_cast<std::size_t>(role)], lo, hi,
              [&](std::uint32_t g, DayNumber from, DayNumber to, const std::vector<std::uint32_t>& holders_now) {
                  if (holders_now.size() == 1) return;
                  const std::string& code = grids[g].code.str();
                  add(rule_id, GridId{g}, std::nullopt, from, to,
                      holders_now.empty()
                          ? "grid " + code + " has no " + one + " " + period(from, to)
                          : "grid " + code + " has " + std::to_string(holders_now.size()) + " " + many + " (" +
                                names(holders_now) + ") " + period(from, to));
              });
    };
    exactly_one(GridRole::full_time, "full_time.exactly_one", "full-time worker", "full-time workers");
    if (rules.require_chief) exactly_one(GridRole::chief, "chief.exactly_one", "grid chief", "grid chiefs");

    // Loads per worker and day.
    sweep(workers_.size(), by_worker[static_cast<std::size_t>(GridRole::full_time)], lo, hi,
          [&](std::uint32_t w, DayNumber from, DayNumber to, const std::vector<std::uint32_t>& served) {
              if (served.size() < 2) return;
              add("full_time.one_grid", std::nullopt, GridWorkerId{w}, from, to,
                  "full-time worker " + workers_[w].name + " serves " + std::to_string(served.size()) + " grids (" +
                      codes(served) + ") " + period(from, to));
          });
    sweep(workers_.size(), by_worker[static_cast<std::size_t>(GridRole::part_time)], lo, hi,
          [&](std::uint32_t w, DayNumber from, DayNumber to, const std::vector<std::uint32_t>& served) {
              if (static_cast<std::int64_t>(served.size()) <= rules.part_time_max_grids) return;
              add("part_time.load", std::nullopt, GridWorkerId{w}, from, to,
                  "part-time worker " + workers_[w].name + " serves " + std::to_string(served.size()) + " grids (" +
                      codes(served) + ") " + period(from, to) + "; the limit is " +
                      std::to_string(rules.part_time_max_grids));
          });
    sweep(workers_.size(), by_worker[static_cast<std::size_t>(GridRole::liaison)], lo, hi,
          [&](std::uint32_t w, DayNumber from, DayNumber to, const std::vector<std::uint32_t>& served) {
              if (static_cast<std::int64_t>(served.size()) <= rules.liaison_max_grids) return;
              add("liaison.load", std::nullopt, GridWorkerId{w}, from, to,
                  "liaison " + workers_[w].name + " covers " + std::to_string(served.size()) + " grids " +
                      period(from, to) + "; the limit is " + std::to_string(rules.liaison_max_grids));
          });

    // Posts outside the worker's community (liaisons: township). Each (grid, worker, liaison?) that
    // breaks the rule is one key, so consecutive posts of the same pair merge.
    std::vector<std::tuple<std::uint32_t, std::uint32_t, bool>> pairs;
    std::map<std::tuple<std::uint32_t, std::uint32_t, bool>, std::uint32_t> pair_index;
    std::vector<Interval> outside;
    for (const GridAssignment& a : assignments_) {
        const GridWorker& who = workers_[a.worker.value()];
        const DivisionCode unit = grids[a.grid.value()].code.unit();
        const bool liaison = a.role == GridRole::liaison;
        const bool inside = liaison ? who.home.ancestor(Level::township).is_ancestor_of(unit)
                                    : (who.may_serve_elsewhere || unit == who.home);
        if (inside) continue;
        const auto days = clip(a);
        if (!days) continue;
        const std::tuple<std::uint32_t, std::uint32_t, bool> pair{a.grid.value(), a.worker.value(), liaison};
        const auto [it, added] = pair_index.try_emplace(pair, static_cast<std::uint32_t>(pairs.size()));
        if (added) pairs.push_back(pair);
        outside.push_back({it->second, 0, days->first, days->second});
    }
    sweep(pairs.size(), outside, lo, hi,
          [&](std::uint32_t k, DayNumber from, DayNumber to, const std::vector<std::uint32_t>& held) {
              if (held.empty()) return;
              const auto [g, w, liaison] = pairs[k];
              const GridWorker& who = workers_[w];
              add("post.home", GridId{g}, GridWorkerId{w}, from, to,
                  liaison ? "liaison " + who.name + " of township " + who.home.ancestor(Level::township).str() +
                                " covers grid " + grids[g].code.str() + " of another township " + period(from, to)
                          : who.name + " of " + who.home.str() + " holds a post in grid " + grids[g].code.str() +
                                " of another community " + period(from, to));
          });

    // Chronological; then by rule, grid code and worker.
    std::sort(findings.begin(), findings.end(), [&](const StaffingFinding& a, const StaffingFinding& b) {
        if (a.first != b.first) return a.first < b.first;
        if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
        if (a.grid != b.grid) {
            if (!a.grid || !b.grid) return !a.grid;
            return grids[a.grid->value()].code < grids[b.grid->value()].code;
        }
        return a.worker < b.worker;
    });
    return findings;
}

// ---- coverage report ------------------------------------------------------------------------------

std::vector<StaffingSummary> GridStaffing::summary(DivisionCode root, Level level, Date day,
                                                   const StaffingRules& rules) const {
    if (level < root.level()) {
        throw InvalidInput("summary: " + std::string(to_string(level)) + " level is above " + root.str() + " (a " +
                           std::string(to_string(root.level())) + ")");
    }
    if (!day.ok()) throw InvalidInput("summary: the day is not a valid date");
    const std::span<const Grid> grids = map_->grids();

    // Units at `level` under root that have grids, in code order; each grid's row.
    const std::vector<GridId> under = map_->grids_in(root);
    std::vector<DivisionCode> units;
    units.reserve(under.size());
    for (const GridId id : under) units.push_back(grids[id.value()].code.unit().ancestor(level));
    std::vector<DivisionCode> sorted_units = units;
    std::sort(sorted_units.begin(), sorted_units.end());
    sorted_units.erase(std::unique(sorted_units.begin(), sorted_units.end()), sorted_units.end());
    std::vector<StaffingSummary> rows;
    rows.reserve(sorted_units.size());
    for (const DivisionCode unit : sorted_units) rows.push_back(StaffingSummary{unit});
    std::vector<std::int64_t> row_of_grid(grids.size(), -1);
    for (std::size_t i = 0; i < under.size(); ++i) {
        const auto row = std::lower_bound(sorted_units.begin(), sorted_units.end(), units[i]) - sorted_units.begin();
        row_of_grid[under[i].value()] = row;
        StaffingSummary& summary_row = rows[static_cast<std::size_t>(row)];
        ++summary_row.grids;
        summary_row.households += grids[under[i].value()].households;
    }

    // Today's posts; loads over the whole map.
    std::vector<std::size_t> active;
    for (std::size_t i = 0; i < assignments_.size(); ++i) {
        if (assignments_[i].active_on(day)) active.push_back(i);
    }
    std::vector<std::vector<std::uint32_t>> load(workers_.size() * 3);  // worker × {full, part, liaison} → grids
    auto slot = [](GridRole role) -> std::optional<std::size_t> {
        if (role == GridRole::full_time) return 0;
        if (role == GridRole::part_time) return 1;
        if (role == GridRole::liaison) return 2;
        return std::nullopt;
    };
    for (const std::size_t i : active) {
        const GridAssignment& a = assignments_[i];
        if (const auto s = slot(a.role)) load[a.worker.value() * 3 + *s].push_back(a.grid.value());
    }
    for (auto& grids_of : load) {
        std::sort(grids_of.begin(), grids_of.end());
        grids_of.erase(std::unique(grids_of.begin(), grids_of.end()), grids_of.end());
    }
    std::vector<bool> over(workers_.size(), false);
    for (std::size_t w = 0; w < workers_.size(); ++w) {
        over[w] = load[w * 3].size() >= 2 ||
                  static_cast<std::int64_t>(load[w * 3 + 1].size()) > rules.part_time_max_grids ||
                  static_cast<std::int64_t>(load[w * 3 + 2].size()) > rules.liaison_max_grids;
    }

    // Per row: grids with a full-time worker, and distinct workers (row, worker) by kind.
    std::vector<bool> staffed(grids.size(), false);
    std::vector<std::pair<std::int64_t, std::uint32_t>> full_time;
    std::vector<std::pair<std::int64_t, std::uint32_t>> part_time;
    std::vector<std::pair<std::int64_t, std::uint32_t>> overloaded;
    for (const std::size_t i : active) {
        const GridAssignment& a = assignments_[i];
        const std::int64_t row = row_of_grid[a.grid.value()];
        if (row < 0) continue;
        if (a.role == GridRole::full_time) {
            staffed[a.grid.value()] = true;
            full_time.emplace_back(row, a.worker.value());
        } else if (a.role == GridRole::part_time) {
            part_time.emplace_back(row, a.worker.value());
        }
        if (over[a.worker.value()]) overloaded.emplace_back(row, a.worker.value());
    }
    auto count_distinct = [&](std::vector<std::pair<std::int64_t, std::uint32_t>>& pairs,
                              std::int64_t StaffingSummary::*field) {
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        for (const auto& [row, w] : pairs) ++(rows[static_cast<std::size_t>(row)].*field);
    };
    count_distinct(full_time, &StaffingSummary::full_time_workers);
    count_distinct(part_time, &StaffingSummary::part_time_workers);
    count_distinct(overloaded, &StaffingSummary::workers_over_load);
    for (std::size_t g = 0; g < grids.size(); ++g) {
        if (row_of_grid[g] >= 0 && !staffed[g]) ++rows[static_cast<std::size_t>(row_of_grid[g])].grids_without_full_time;
    }
    for (StaffingSummary& row : rows) {
        row.households_per_full_time = row.full_time_workers > 0 ? static_cast<double>(row.households) /
                                                                       static_cast<double>(row.full_time_workers)
                                                                 : 0.0;
    }
    return rows;
}

std::vector<StaffingFinding> GridStaffing::check(Date first, Date last, DivisionCode within,
                                                const StaffingRules& rules) const {
    const auto inside = [&](DivisionCode unit) { return unit == within || within.is_ancestor_of(unit); };
    std::vector<StaffingFinding> all = check(first, last, rules);
    std::vector<StaffingFinding> kept;
    for (StaffingFinding& finding : all) {
        const bool about_grid = finding.grid && inside(map_->grid(*finding.grid).code.unit());
        const bool about_worker = !finding.grid && finding.worker && inside(worker(*finding.worker).home);
        if (about_grid || about_worker) kept.push_back(std::move(finding));
    }
    return kept;
}

}  // namespace grassroots
