// CaseTable::synthetic: a deterministic year of cases over a tree's village-level units, with rates
// near published ones (结案率 about 96 %, 按期结案率 about 90 %). splitmix64 and integer or exactly
// rounded arithmetic only, so a seed gives the same table on every platform.
#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string_view>

#include "analytics/analytics_support.hpp"
#include "core/synthetic_support.hpp"
#include "grassroots/analytics/case_table.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/error.hpp"
#include "grassroots/grid/code.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/matter.hpp"

namespace grassroots {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr std::int64_t hour = 3'600;
constexpr std::int64_t day_seconds = detail::seconds_per_day;
constexpr std::int64_t close_of_day = 17 * hour + 30 * 60;  // deadlines in working days fall due at 17:30

/// Handling limit in working days of a matter type, by its category.
std::int64_t limit_days(const MatterType& type) {
    if (type.category == "突发事件") return 3;
    if (type.category == "施工管理") return 7;
    if (type.matter_class == MatterClass::event && type.code == "0101") return 15;  // 私搭乱建
    return 5;
}

/// Matter weights: the first types of each class are the common ones (integers, skewed).
std::uint64_t matter_weight(std::size_t rank) { return rank < 4 ? 40 : rank < 10 ? 12 : 4; }

/// A village-level row that gets no cases, and why (rules as data).
struct SkippedRow {
    bool (*applies)(DivisionCode code);
    std::string_view why;
};
constexpr std::array<SkippedRow, 1> skipped_rows{{
    // NBS 统计用区划代码 2023: village-level segments run 001–599. A row whose own segment is 000 is a
    // placeholder for a unit whose villages are not published — the one such row is 350527000000
    // 金门县 (Fujian), listed for completeness; it is no village and can have no grid code.
    {[](DivisionCode code) { return code.is_placeholder(); },
     "a placeholder row (own segment 000), e.g. 350527000000 金门县: no village is published under it"},
}};

/// True when @p id is a village-level unit that may get cases.
bool takes_cases(const DivisionTree& tree, DivisionId id) {
    if (tree.level(id) != Level::village) return false;
    const DivisionCode code = tree.code(id);
    return std::none_of(skipped_rows.begin(), skipped_rows.end(), [&](const SkippedRow& rule) { return rule.applies(code); });
}

std::int64_t epoch_day(Date date) { return sys_days{date}.time_since_epoch().count(); }

/// A grid of the run [first, first + count) of @p cumulative, in proportion to its weight; -1 for
/// an empty run. @p draw is a raw random number.
std::int32_t pick_grid(std::uint64_t draw, const std::vector<std::uint64_t>& cumulative, std::int32_t first, std::int32_t count) {
    if (count == 0) return -1;
    const auto begin = cumulative.begin() + first;
    const auto end = begin + count;
    return first + static_cast<std::int32_t>(std::upper_bound(begin, end, draw % *(end - 1)) - begin);
}

}  // namespace

CaseTable CaseTable::synthetic(const DivisionTree& tree, const SyntheticCaseOptions& options) {
    if (options.year < 1950 || options.year > 2148) {
        throw InvalidInput("synthetic cases: year " + std::to_string(options.year) + " is outside 1950–2148",
                           Location{"", 0, "year"});
    }
    // Units and their integer weights; grids per unit.
    detail::Random random(options.seed);
    std::vector<DivisionId> units;
    std::vector<std::uint64_t> unit_cumulative;
    // Each unit's grids are a run of the table's grid list, drawn by cumulative integer weight.
    std::vector<std::int32_t> first_grid;
    std::vector<std::int32_t> grid_count;
    std::vector<std::uint64_t> grid_cumulative;  // per grid, restarting at each unit
    CaseTable table;
    auto c = CaseTableAccess::columns(table);
    std::uint64_t total_weight = 0;
    std::optional<DivisionId> scope;
    if (options.scope) {
        scope = tree.find(*options.scope);
        if (!scope) throw NotFound("synthetic cases: scope " + options.scope->str() + " is not a unit of the tree");
    }
    for (const DivisionId id : scope ? tree.subtree(*scope) : tree.ids()) {  // a scope's units only: fast on national trees
        if (!takes_cases(tree, id)) continue;
        const DivisionCode code = tree.code(id);
        const bool community = code.village_class() == VillageClass::residents_committee;
        total_weight += community ? 30 + random.next() % 31 : 8 + random.next() % 13;
        units.push_back(id);
        unit_cumulative.push_back(total_weight);
        const auto made_up = static_cast<std::int32_t>(1 + random.next() % 8);
        first_grid.push_back(static_cast<std::int32_t>(c.grid_codes.size()));
        if (options.grids == nullptr) {
            grid_count.push_back(made_up);
            for (std::int32_t g = 1; g <= made_up; ++g) {
                c.grid_codes.push_back(GridCode::make(code, static_cast<unsigned>(g)).str());
                grid_cumulative.push_back(static_cast<std::uint64_t>(g));
            }
            continue;
        }
        const std::vector<GridId> in_unit = options.grids->grids_in(code);
        const bool counted = std::all_of(in_unit.begin(), in_unit.end(),
                                         [&](GridId g) { return options.grids->grid(g).households > 0; });
        std::uint64_t weight = 0;
        for (const GridId g : in_unit) {
            const Grid& grid = options.grids->grid(g);
            weight += counted ? static_cast<std::uint64_t>(grid.households) : 1;
            c.grid_codes.push_back(grid.code.str());
            grid_cumulative.push_back(weight);
        }
        grid_count.push_back(static_cast<std::int32_t>(in_unit.size()));
    }
    if (units.empty()) {
        if (scope) {
            throw InvalidInput("synthetic cases need village-level units: " + options.scope->str() + " has none",
                               Location{"", 0, "scope"});
        }
        throw InvalidInput("synthetic cases need village-level units: the tree has no village-level unit", Location{"", 0, "tree"});
    }
    // Matters: the sample catalogue, weighted, with their handling limits.
    const MatterCatalogue catalogue = MatterCatalogue::urban_sample();
    std::vector<std::uint64_t> matter_cumulative;
    std::vector<std::int64_t> matter_limit;
    std::uint64_t matter_total = 0;
    std::array<std::size_t, 2> rank_in_class{};
    for (const MatterType& type : catalogue.types()) {
        c.matter_keys.push_back(type.key());
        matter_total += matter_weight(rank_in_class[static_cast<std::size_t>(type.matter_class)]++);
        matter_cumulative.push_back(matter_total);
        matter_limit.push_back(limit_days(type));
    }

    // Due days: the n-th working day after each day of the year (and a margin), for each limit.
    Calendar calendar = Calendar::china();
    calendar.set_unpublished(UnpublishedYears::weekday_rule);
    const Date first = make_date(options.year, 1, 1);
    const std::int64_t first_day = epoch_day(first);
    const std::int64_t year_days = epoch_day(make_date(options.year + 1, 1, 1)) - first_day;
    const std::int64_t snapshot = (epoch_day(make_date(options.year + 1, 1, 31)) * day_seconds) - detail::china_offset_seconds;
    constexpr std::array<std::int64_t, 4> limits{3, 5, 7, 15};
    const std::int64_t span_days = year_days + 2;
    std::vector<std::int64_t> due_day(static_cast<std::size_t>(span_days) * limits.size());
    for (std::int64_t d = 0; d < span_days; ++d) {
        const Date date{sys_days{days{first_day + d}}};
        for (std::size_t k = 0; k < limits.size(); ++k) {
            due_day[static_cast<std::size_t>(d) * limits.size() + k] = epoch_day(calendar.add_working_days(date, limits[k]));
        }
    }
    const auto limit_slot = [&](std::int64_t limit) {
        return static_cast<std::size_t>(std::find(limits.begin(), limits.end(), limit) - limits.begin());
    };

    const std::size_t n = options.cases;
    for (auto* column : {&c.grid, &c.matter, &c.reworks, &c.escalations}) column->resize(n);
    for (auto* column : {&c.opened_at, &c.handling_due, &c.closed_at, &c.handled_at}) column->resize(n, null_time);
    for (auto* column : {&c.closed, &c.deferred, &c.responded, &c.resolved, &c.satisfied, &c.rated}) column->resize(n, 0);
    c.unit.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t u = static_cast<std::size_t>(
            std::upper_bound(unit_cumulative.begin(), unit_cumulative.end(), random.next() % total_weight) - unit_cumulative.begin());
        c.unit[i] = units[u];
        c.grid[i] = random.chance(0.08) ? -1 : pick_grid(random.next(), grid_cumulative, first_grid[u], grid_count[u]);
        const std::size_t m = static_cast<std::size_t>(
            std::upper_bound(matter_cumulative.begin(), matter_cumulative.end(), random.next() % matter_total) - matter_cumulative.begin());
        c.matter[i] = static_cast<std::int32_t>(m);

        // Filed mostly in the daytime (07:00–21:00 CST), dispatched within 10–90 minutes.
        const std::int64_t day = random.between(0, year_days - 1);
        const std::int64_t time_of_day = random.chance(0.9) ? random.between(7 * hour, 21 * hour - 1) : random.between(0, day_seconds - 1);
        const std::int64_t opened = (first_day + day) * day_seconds - detail::china_offset_seconds + time_of_day;
        const std::int64_t dispatched = opened + random.between(600, 5'400);
        const std::int64_t dispatch_day = detail::china_day(dispatched) - first_day;
        const std::int64_t due = due_day[static_cast<std::size_t>(dispatch_day) * limits.size() + limit_slot(matter_limit[m])] * day_seconds -
                                 detail::china_offset_seconds + close_of_day;
        c.opened_at[i] = opened;
        c.handling_due[i] = due;

        const bool deferred = random.chance(0.02);
        c.deferred[i] = deferred ? 1 : 0;
        const int reworks = random.chance(0.05) ? (random.chance(0.1) ? 2 : 1) : 0;
        c.reworks[i] = reworks;
        std::int64_t handled = null_time;
        if (random.chance(0.97)) {
            if (random.chance(deferred ? 0.6 : 0.92)) {  // on time: early in the allowed time, more often than not
                const std::int64_t allowed = due - dispatched;
                handled = dispatched + std::min(random.between(0, allowed), random.between(0, allowed));
            } else {
                handled = due + random.between(hour, (deferred ? 30 : 10) * day_seconds);
            }
        }
        if (handled != null_time && handled < snapshot) {
            c.handled_at[i] = handled;
            const std::int64_t closing = handled + random.between(hour, 48 * hour) + reworks * 24 * hour;
            if (closing < snapshot) {
                c.closed_at[i] = closing;
                c.closed[i] = 1;
                if (random.chance(0.4)) {
                    const bool resolved = random.chance(0.85);
                    c.rated[i] = 1;
                    c.responded[i] = random.chance(0.98) ? 1 : 0;
                    c.resolved[i] = resolved ? 1 : 0;
                    c.satisfied[i] = random.chance(resolved ? 0.96 : 0.4) ? 1 : 0;
                }
            }
        }
        const bool late = c.handled_at[i] == null_time ? snapshot > due : c.handled_at[i] > due;
        c.escalations[i] = late ? static_cast<std::int32_t>(1 + random.next() % 2) : 0;
    }
    CaseTableAccess::finish(table, tree);
    return table;
}

}  // namespace grassroots
