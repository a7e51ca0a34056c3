// compute_kpis and compute_kpis_by_bucket: one pass over the case table accumulating counts (and
// duration histograms) per unit — per grid for the cases in one, added to their unit after the
// pass — one backward pass over the tree's pre-order adding every unit into its parent, then the
// rates, divided only after the counts are summed.
#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <utility>

#include "analytics/analytics_support.hpp"
#include "analytics/kpi_diagnostics.hpp"
#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/error.hpp"

namespace grassroots {

/// Builds reports (friend of KpiReport and BucketReport).
struct KpiReportAccess {
    static KpiReport unit_report(const CaseTable& table, const KpiOptions& options);
    static BucketReport bucket_report(const CaseTable& table, const KpiOptions& options, TimeBucket bucket);
};

namespace {

constexpr std::uint32_t no_row = 0xFFFFFFFFU;
constexpr std::array<double, 3> quantiles{0.5, 0.9, 0.95};
constexpr std::int64_t null_time = CaseTable::null_time;
constexpr std::int64_t cap_limit = 65'535;  // durations are kept as uint16

std::int64_t seconds(Instant at) { return at.time_since_epoch().count(); }

/// The options checked and turned into what the passes read.
struct Plan {
    const DivisionTree* tree = nullptr;
    CaseColumns c;
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::int64_t cutoff = 0;
    bool basis_due = true;
    bool by_handling = true;
    bool scoped = false;
    std::uint32_t scope_first = 0;  // the scope's subtree is [scope_first, scope_end)
    std::uint32_t scope_end = 0;
};

Plan make_plan(const CaseTable& table, const KpiOptions& options) {
    Plan plan;
    plan.tree = &table.tree();
    plan.c = table.columns();
    plan.begin = seconds(options.begin);
    plan.end = seconds(options.end);
    if (plan.end <= plan.begin || plan.begin == null_time) {
        throw InvalidInput("the period is empty: end " + to_string(options.end) + " is not after begin " + to_string(options.begin),
                           Location{"KPI options", 0, "end"});
    }
    for (const auto& [value, name] : {std::pair{options.cap_hours, "cap_hours"}, std::pair{options.cap_working_days, "cap_working_days"}}) {
        if (value < 1 || value > cap_limit) {
            throw InvalidInput(std::string(name) + " is " + std::to_string(value) + " (expected 1–65,535)", Location{"KPI options", 0, name});
        }
    }
    detail::require_columns(plan.c, options);
    plan.cutoff = options.cutoff ? seconds(*options.cutoff) : plan.end;
    plan.basis_due = options.basis == PeriodBasis::handling_due;
    plan.by_handling = options.on_time == OnTimeRule::by_handling;
    if (options.scope) {
        const std::optional<DivisionId> scope = plan.tree->find(*options.scope);
        if (!scope) throw InvalidInput("scope " + options.scope->str() + " is not a unit of the tree", Location{"KPI options", 0, "scope"});
        plan.scoped = true;
        plan.scope_first = scope->value();
        plan.scope_end = plan.tree->subtree_ends()[scope->value()];
    }
    return plan;
}

/// What one case contributes, or nothing when it is outside the period or the scope.
struct Facts {
    bool in = false;
    bool timed = false;  // has a handling deadline
    bool closed = false;
    bool closed_after_cutoff = false;
    bool on_time = false;
    bool overdue_open = false;
};

inline Facts facts(const Plan& p, std::size_t i) noexcept {
    Facts f;
    const std::int64_t at = p.basis_due ? p.c.handling_due[i] : p.c.opened_at[i];
    if (at < p.begin || at >= p.end) return f;  // null_time is below every begin
    if (p.scoped) {
        const std::uint32_t unit = p.c.unit[i].value();
        if (unit < p.scope_first || unit >= p.scope_end) return f;
    }
    f.in = true;
    const std::int64_t closed_at = p.c.closed_at[i];
    const std::int64_t due = p.c.handling_due[i];
    f.timed = due != null_time;
    f.closed = closed_at != null_time && closed_at < p.cutoff;
    f.closed_after_cutoff = closed_at != null_time && !f.closed;
    const std::int64_t reference = p.by_handling ? p.c.handled_at[i] : closed_at;
    f.on_time = f.closed && f.timed && reference != null_time && reference <= due;
    f.overdue_open = !f.closed && f.timed && due < p.cutoff;
    return f;
}

inline void add(KpiCounts& k, const CaseColumns& c, std::size_t i, const Facts& f) noexcept {
    const std::int64_t deferred = c.deferred[i];
    const std::int64_t reworks = c.reworks[i];
    k.cases += 1;
    k.deferred += deferred;
    k.with_deadline += f.timed;
    k.deferred_with_deadline += f.timed & (deferred != 0);
    k.closed += f.closed;
    k.closed_deferred += f.closed & (deferred != 0);
    k.closed_after_cutoff += f.closed_after_cutoff;
    k.on_time += f.on_time;
    k.on_time_deferred += f.on_time & (deferred != 0);
    k.closed_late += f.closed & f.timed & !f.on_time;
    k.overdue_open += f.overdue_open;
    k.rated += c.rated[i];
    k.responded += c.responded[i];
    k.resolved += c.resolved[i];
    k.satisfied += c.satisfied[i];
    k.reworks += reworks;
    k.reworked += reworks > 0;
    k.escalations += c.escalations[i];
}

/// Working days in (filing day, closing day], from prefix sums over a window of days around the
/// period; pairs reaching outside the part of it the calendar covers ask the calendar.
class WorkingDays {
public:
    WorkingDays(const Calendar& calendar, std::int64_t first, std::int64_t last) : calendar_(&calendar), first_(first) {
        const bool guess = calendar.unpublished() == UnpublishedYears::weekday_rule;
        const auto size = static_cast<std::size_t>(last - first + 1);
        through_.resize(size);
        // The longest run of covered days that holds the window's last day (the cut-off) is used.
        std::int32_t working = 0;
        std::int64_t run_start = 0;
        for (std::size_t d = 0; d < size; ++d) {
            const Date date{std::chrono::sys_days{std::chrono::days{first + static_cast<std::int64_t>(d)}}};
            if (guess || calendar.is_covered(date)) {
                working += calendar.is_working_day(date) ? 1 : 0;
            } else {
                run_start = static_cast<std::int64_t>(d) + 1;
            }
            through_[d] = working;
        }
        covered_first_ = run_start;
    }
    [[nodiscard]] std::int64_t between(std::int64_t filed_day, std::int64_t closed_day) const {
        const std::int64_t a = filed_day - first_;
        const std::int64_t b = closed_day - first_;
        if (a >= covered_first_ && b < static_cast<std::int64_t>(through_.size())) [[likely]] {
            return through_[static_cast<std::size_t>(b)] - through_[static_cast<std::size_t>(a)];
        }
        const auto day = [](std::int64_t d) { return Date{std::chrono::sys_days{std::chrono::days{d + 1}}}; };
        return calendar_->working_days_between(day(filed_day), day(closed_day));  // [filed + 1, closed + 1)
    }

private:
    const Calendar* calendar_;
    std::int64_t first_;
    std::int64_t covered_first_ = 0;     // days before it (in the window) are not all covered
    std::vector<std::int32_t> through_;  // working days in [first, first + d], over covered days
};

/// Durations of the closed cases in whole hours (rounded up) and working days, capped.
class Durations {
public:
    Durations(const Plan& p, const KpiOptions& o) : cap_hours_(o.cap_hours), cap_days_(o.cap_working_days) {
        if (o.calendar == nullptr || !o.percentiles) return;
        // A window from two years before the period to the cut-off holds nearly every case.
        working_.emplace(*o.calendar, detail::china_day(p.begin) - 731, detail::china_day(std::max(p.cutoff, p.end)));
    }
    [[nodiscard]] std::uint16_t hours(std::int64_t filed, std::int64_t closed) const noexcept {
        return static_cast<std::uint16_t>(std::min((closed - filed + 3'599) / 3'600, cap_hours_));
    }
    [[nodiscard]] std::uint16_t working_days(std::int64_t filed, std::int64_t closed) const {
        return static_cast<std::uint16_t>(std::min(working_->between(detail::china_day(filed), detail::china_day(closed)), cap_days_));
    }
    [[nodiscard]] bool has_working_days() const noexcept { return working_.has_value(); }
    [[nodiscard]] std::size_t hour_bins() const noexcept { return static_cast<std::size_t>(cap_hours_) + 1; }
    [[nodiscard]] std::size_t day_bins() const noexcept { return static_cast<std::size_t>(cap_days_) + 1; }

private:
    std::int64_t cap_hours_;
    std::int64_t cap_days_;
    std::optional<WorkingDays> working_;
};

// ---- percentiles: linear interpolation between closest ranks, as pandas and NumPy ----------

/// The 0-based ranks a percentile needs and the weight of the upper one.
struct Ranks {
    std::array<std::int64_t, 3> low{};
    std::array<std::int64_t, 3> high{};
    std::array<double, 3> fraction{};
    explicit Ranks(std::int64_t n) {
        for (std::size_t k = 0; k < quantiles.size(); ++k) {
            const double position = quantiles[k] * static_cast<double>(n - 1);
            low[k] = static_cast<std::int64_t>(position);
            fraction[k] = position - static_cast<double>(low[k]);
            high[k] = fraction[k] > 0.0 ? low[k] + 1 : low[k];
        }
    }
    /// The six ranks ascending, each with its slot (0–2 low, 3–5 high).
    [[nodiscard]] std::array<std::pair<std::int64_t, std::size_t>, 6> wanted() const {
        std::array<std::pair<std::int64_t, std::size_t>, 6> out{};
        for (std::size_t k = 0; k < 3; ++k) {
            out[k] = {low[k], k};
            out[k + 3] = {high[k], k + 3};
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    /// The percentiles from the values at the six ranks.
    [[nodiscard]] std::array<double, 3> combine(const std::array<double, 6>& values) const {
        std::array<double, 3> out{};
        for (std::size_t k = 0; k < 3; ++k) {
            out[k] = fraction[k] == 0.0 ? values[k] : values[k] + (values[k + 3] - values[k]) * fraction[k];
        }
        return out;
    }
};

constexpr std::array<double, 3> no_percentiles{TimeToClose::none, TimeToClose::none, TimeToClose::none};

/// Percentiles of the values counted in @p bins (bins[v] = how many cases took v).
std::array<double, 3> from_histogram(std::span<const std::uint32_t> bins, std::int64_t n) {
    if (n <= 0) return no_percentiles;
    const Ranks ranks(n);
    std::array<double, 6> values{};
    std::int64_t seen = 0;
    std::size_t next = 0;
    const auto wanted = ranks.wanted();
    for (std::size_t v = 0; v < bins.size() && next < wanted.size(); ++v) {
        seen += bins[v];
        while (next < wanted.size() && wanted[next].first < seen) values[wanted[next++].second] = static_cast<double>(v);
    }
    return ranks.combine(values);
}

void set_hours(TimeToClose& t, const std::array<double, 3>& p) {
    t.hours_p50 = p[0];
    t.hours_p90 = p[1];
    t.hours_p95 = p[2];
}
void set_working_days(TimeToClose& t, const std::array<double, 3>& p) {
    t.working_days_p50 = p[0];
    t.working_days_p90 = p[1];
    t.working_days_p95 = p[2];
}

/// The durations of the closed cases, gathered in the pass and grouped after it — by grid for the
/// cases in one, by unit for the others — so that each group's values give its percentiles
/// (through a scratch histogram) and are added to its unit's histograms group by group, with those
/// increments in cache instead of scattered over every unit's histogram.
class GroupedDurations {
public:
    explicit GroupedDurations(std::size_t capacity)
        : group_(new std::uint32_t[capacity]), value_(new std::uint32_t[capacity]) {}  // uninitialised
    void add(std::size_t group, std::uint16_t hours, std::uint16_t days) noexcept {
        group_[size_] = static_cast<std::uint32_t>(group);
        value_[size_++] = static_cast<std::uint32_t>(hours) | (static_cast<std::uint32_t>(days) << 16U);
    }
    /// Groups the values (@p sizes: values per group), then calls @p each(group, values) per group.
    template <class Each>
    void for_each_group(const std::vector<std::size_t>& sizes, Each&& each) const {
        std::vector<std::size_t> at(sizes.size() + 1, 0);
        for (std::size_t g = 0; g < sizes.size(); ++g) at[g + 1] = at[g] + sizes[g];
        std::vector<std::uint32_t> grouped(size_);
        std::vector<std::size_t> next(at.begin(), at.end() - 1);
        for (std::size_t i = 0; i < size_; ++i) grouped[next[group_[i]]++] = value_[i];
        for (std::size_t g = 0; g < sizes.size(); ++g) each(g, std::span<const std::uint32_t>(grouped).subspan(at[g], sizes[g]));
    }

private:
    // Sized for every case up front (untouched pages cost nothing), filled to size_.
    std::unique_ptr<std::uint32_t[]> group_;
    std::unique_ptr<std::uint32_t[]> value_;  // hours | working days << 16
    std::size_t size_ = 0;
};

// ---- units: slots for the units that have cases, and the roll-up ------------------------------

/// Dense slots for the units with cases (and, after close(), their ancestors), so that national
/// trees cost memory only where there are cases.
class UnitSlots {
public:
    explicit UnitSlots(const DivisionTree& tree) : tree_(&tree), slot_(tree.size(), -1) {}
    /// The slot of @p unit, made on first use (@p made tells the caller to grow its arrays).
    std::size_t get(std::uint32_t unit, bool& made) {
        std::int32_t& slot = slot_[unit];
        made = slot < 0;
        if (made) {
            slot = static_cast<std::int32_t>(units_.size());
            units_.push_back(unit);
        }
        return static_cast<std::size_t>(slot);
    }
    /// Gives every ancestor of a slotted unit a slot; calls @p grow once per new slot.
    template <class Grow>
    void close(Grow&& grow) {
        const std::span<const std::uint32_t> parents = tree_->parent_indices();
        for (std::size_t s = 0; s < units_.size(); ++s) {  // units_ grows inside: ancestors are visited too
            const std::uint32_t parent = parents[units_[s]];
            bool made = false;
            if (parent != DivisionTree::no_parent) {
                get(parent, made);
                if (made) grow();
            }
        }
    }
    /// Calls @p add(child slot, parent slot) for every slotted unit, deepest (last in pre-order) first.
    template <class Add>
    void roll_up(Add&& add) const {
        std::vector<std::uint32_t> order(units_);
        std::sort(order.begin(), order.end(), std::greater<>());
        const std::span<const std::uint32_t> parents = tree_->parent_indices();
        for (const std::uint32_t unit : order) {
            const std::uint32_t parent = parents[unit];
            if (parent != DivisionTree::no_parent) add(static_cast<std::size_t>(slot_[unit]), static_cast<std::size_t>(slot_[parent]));
        }
    }
    /// The slot of @p unit, or -1.
    [[nodiscard]] std::int32_t find(std::uint32_t unit) const noexcept { return slot_[unit]; }
    [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }

private:
    const DivisionTree* tree_;
    std::vector<std::int32_t> slot_;
    std::vector<std::uint32_t> units_;
};

/// The unit ids a report lists: every unit at the asked levels, inside the scope or above it.
std::vector<std::uint32_t> listed_units(const Plan& p, const KpiOptions& o) {
    std::vector<std::uint32_t> out;
    const DivisionTree& tree = *p.tree;
    for (std::uint32_t u = 0; u < tree.size(); ++u) {
        const DivisionId id{u};
        if (!o.levels.empty() && std::find(o.levels.begin(), o.levels.end(), tree.level(id)) == o.levels.end()) continue;
        if (p.scoped && !(u >= p.scope_first && u < p.scope_end) && !tree.is_ancestor(id, DivisionId{p.scope_first})) continue;
        out.push_back(u);
    }
    return out;
}

KpiOptions stored(const KpiOptions& options) {
    KpiOptions copy = options;
    copy.calendar = nullptr;
    return copy;
}

}  // namespace

KpiReport KpiReportAccess::unit_report(const CaseTable& table, const KpiOptions& options) {
    const Plan p = make_plan(table, options);
    const Durations durations(p, options);
    const bool percentiles = options.percentiles;
    const bool working_days = percentiles && durations.has_working_days();
    const std::size_t hour_bins = durations.hour_bins();
    const std::size_t day_bins = durations.day_bins();
    // Cases in a grid are counted per grid and added to their unit after the pass (one add per case
    // instead of two); grid rows are reported only when asked for.
    const std::size_t grid_count = table.grid_codes().size();
    const std::span<const DivisionId> grid_units = table.grid_units();
    const std::size_t matter_count = options.matters ? table.matter_keys().size() : 0;

    UnitSlots slots(*p.tree);
    std::vector<KpiCounts> counts;  // per unit slot
    std::vector<std::uint32_t> unit_hours, unit_days;  // per unit slot: a histogram of durations
    std::vector<KpiCounts> grid_counts(grid_count), matter_counts(matter_count);
    std::vector<std::uint32_t> matter_hours(percentiles ? matter_count * hour_bins : 0);
    std::vector<std::uint32_t> matter_days(working_days ? matter_count * day_bins : 0);
    GroupedDurations durations_of(percentiles ? table.size() : 0);  // groups: grids, then unit slots
    const auto grow = [&] {
        counts.emplace_back();
        if (percentiles) unit_hours.resize(unit_hours.size() + hour_bins);
        if (working_days) unit_days.resize(unit_days.size() + day_bins);
    };

    // The pass over the cases.
    const CaseColumns& c = p.c;
    std::int64_t in_period = 0;
    for (std::size_t i = 0; i < c.unit.size(); ++i) {
        const Facts f = facts(p, i);
        if (!f.in) continue;
        ++in_period;
        const std::int32_t grid = grid_count != 0 ? c.grid[i] : -1;
        const std::int32_t matter = matter_count != 0 ? c.matter[i] : -1;
        std::size_t s = 0;
        if (grid >= 0) {
            add(grid_counts[static_cast<std::size_t>(grid)], c, i, f);
        } else {
            bool made = false;
            s = slots.get(c.unit[i].value(), made);
            if (made) grow();
            add(counts[s], c, i, f);
        }
        if (matter >= 0) add(matter_counts[static_cast<std::size_t>(matter)], c, i, f);
        if (!f.closed || !percentiles) continue;
        const std::uint16_t hours = durations.hours(c.opened_at[i], c.closed_at[i]);
        const std::uint16_t days = working_days ? durations.working_days(c.opened_at[i], c.closed_at[i]) : 0;
        durations_of.add(grid >= 0 ? static_cast<std::size_t>(grid) : grid_count + s, hours, days);
        if (matter >= 0) {
            ++matter_hours[static_cast<std::size_t>(matter) * hour_bins + hours];
            if (working_days) ++matter_days[static_cast<std::size_t>(matter) * day_bins + days];
        }
    }

    // Durations grouped by grid (each grid's percentiles) and by unit for the cases in no grid, and
    // added to the units' histograms; then the grids' counts to their units'.
    std::vector<std::size_t> grid_slot(grid_count, 0);
    std::vector<std::size_t> group_sizes(grid_count + slots.size(), 0);
    for (std::size_t g = 0; g < grid_count; ++g) group_sizes[g] = static_cast<std::size_t>(grid_counts[g].closed);
    for (std::size_t u = 0; u < slots.size(); ++u) group_sizes[grid_count + u] = static_cast<std::size_t>(counts[u].closed);
    for (std::size_t g = 0; g < grid_count; ++g) {
        if (grid_counts[g].cases == 0) continue;
        bool made = false;
        grid_slot[g] = slots.get(grid_units[g].value(), made);
        if (made) grow();
        counts[grid_slot[g]] += grid_counts[g];
    }
    std::vector<TimeToClose> grid_time(options.grids ? grid_count : 0);
    if (percentiles) {
        std::vector<std::uint32_t> hours(hour_bins, 0);
        std::vector<std::uint32_t> days(day_bins, 0);
        durations_of.for_each_group(group_sizes, [&](std::size_t g, std::span<const std::uint32_t> values) {
            if (values.empty()) return;
            const bool is_grid = g < grid_count;
            const std::size_t slot = is_grid ? grid_slot[g] : g - grid_count;
            std::uint32_t* unit_h = &unit_hours[slot * hour_bins];
            std::uint32_t* unit_d = working_days ? &unit_days[slot * day_bins] : nullptr;
            for (const std::uint32_t v : values) {
                ++unit_h[v & 0xFFFFU];
                if (working_days) ++unit_d[v >> 16U];
            }
            if (!is_grid || !options.grids) return;
            for (const std::uint32_t v : values) {
                ++hours[v & 0xFFFFU];
                ++days[v >> 16U];
            }
            const auto n = static_cast<std::int64_t>(values.size());
            set_hours(grid_time[g], from_histogram(hours, n));
            if (working_days) set_working_days(grid_time[g], from_histogram(days, n));
            for (const std::uint32_t v : values) {
                hours[v & 0xFFFFU] = 0;
                days[v >> 16U] = 0;
            }
        });
    }

    // The roll-up: one backward pass over the pre-order.
    slots.close(grow);
    slots.roll_up([&](std::size_t child, std::size_t parent) {
        counts[parent] += counts[child];
        if (percentiles) {
            for (std::size_t b = 0; b < hour_bins; ++b) unit_hours[parent * hour_bins + b] += unit_hours[child * hour_bins + b];
        }
        if (working_days) {
            for (std::size_t b = 0; b < day_bins; ++b) unit_days[parent * day_bins + b] += unit_days[child * day_bins + b];
        }
    });

    // Rows: rates divided only now.
    KpiReport report;
    report.options_ = stored(options);
    report.cutoff_ = Instant{std::chrono::seconds{p.cutoff}};
    report.tree_ = p.tree;
    report.unit_row_.assign(p.tree->size(), no_row);
    const auto make_row = [&](std::uint32_t index, const KpiCounts& row_counts) {
        KpiRow row;
        row.index = index;
        row.counts = row_counts;
        row.rates = compute_rates(row_counts, options.exclude_deferred);
        row.time_to_close.closed = row_counts.closed;
        return row;
    };
    for (const std::uint32_t u : listed_units(p, options)) {
        const std::int32_t s = slots.find(u);
        KpiRow row = make_row(u, s >= 0 ? counts[static_cast<std::size_t>(s)] : KpiCounts{});
        if (s >= 0) {
            const auto slot = static_cast<std::size_t>(s);
            if (percentiles) set_hours(row.time_to_close, from_histogram(std::span(unit_hours).subspan(slot * hour_bins, hour_bins), row.counts.closed));
            if (working_days) set_working_days(row.time_to_close, from_histogram(std::span(unit_days).subspan(slot * day_bins, day_bins), row.counts.closed));
        }
        report.unit_row_[u] = static_cast<std::uint32_t>(report.units_.size());
        report.units_.push_back(row);
    }
    for (std::size_t m = 0; m < matter_count; ++m) {
        KpiRow row = make_row(static_cast<std::uint32_t>(m), matter_counts[m]);
        if (percentiles) set_hours(row.time_to_close, from_histogram(std::span(matter_hours).subspan(m * hour_bins, hour_bins), row.counts.closed));
        if (working_days) set_working_days(row.time_to_close, from_histogram(std::span(matter_days).subspan(m * day_bins, day_bins), row.counts.closed));
        report.matters_.push_back(row);
    }
    if (options.grids) {
        for (std::size_t g = 0; g < grid_count; ++g) {
            KpiRow row = make_row(static_cast<std::uint32_t>(g), grid_counts[g]);
            if (percentiles) {
                row.time_to_close = grid_time[g];
                row.time_to_close.closed = row.counts.closed;
            }
            report.grids_.push_back(row);
        }
    }
    report.grid_codes_ = table.grid_codes();
    report.grid_units_.assign(grid_units.begin(), grid_units.end());
    report.matter_keys_ = table.matter_keys();
    report.diagnostics_ = detail::diagnose(*p.tree, options, in_period, report.units_, {});
    return report;
}

namespace {

/// Days since 1970-01-01 → bucket index, over the days of a period, and the buckets' first days.
struct Buckets {
    std::int64_t first_day = 0;
    std::vector<std::int32_t> of_day;
    std::vector<Date> starts;

    Buckets(const Plan& p, TimeBucket width) {
        first_day = detail::china_day(p.begin);
        const std::int64_t last_day = detail::china_day(p.end - 1);
        of_day.resize(static_cast<std::size_t>(last_day - first_day + 1));
        std::int64_t current = std::numeric_limits<std::int64_t>::min();
        for (std::int64_t d = first_day; d <= last_day; ++d) {
            std::int64_t start = d;
            if (width == TimeBucket::week) {
                start = d - (((d + 3) % 7) + 7) % 7;  // 1970-01-01 was a Thursday: Monday-based weekday
            } else if (width == TimeBucket::month) {
                const Date date{std::chrono::sys_days{std::chrono::days{d}}};
                start = std::chrono::sys_days{date.year() / date.month() / 1}.time_since_epoch().count();
            }
            if (start != current) {
                current = start;
                starts.emplace_back(std::chrono::sys_days{std::chrono::days{start}});
            }
            of_day[static_cast<std::size_t>(d - first_day)] = static_cast<std::int32_t>(starts.size() - 1);
        }
    }
};

}  // namespace

BucketReport KpiReportAccess::bucket_report(const CaseTable& table, const KpiOptions& options, TimeBucket width) {
    const Plan p = make_plan(table, options);
    const Buckets buckets(p, width);
    const std::size_t bucket_count = buckets.starts.size();
    UnitSlots slots(*p.tree);
    std::vector<KpiCounts> counts;  // slot-major: counts[slot * buckets + bucket]
    const auto grow = [&] { counts.resize(counts.size() + bucket_count); };
    const CaseColumns& c = p.c;
    const std::span<const std::int64_t> period_instant = p.basis_due ? c.handling_due : c.opened_at;
    std::vector<std::int64_t> bucket_cases(bucket_count, 0);
    for (std::size_t i = 0; i < c.unit.size(); ++i) {
        const Facts f = facts(p, i);
        if (!f.in) continue;
        bool made = false;
        const std::size_t s = slots.get(c.unit[i].value(), made);
        if (made) grow();
        const auto b = static_cast<std::size_t>(buckets.of_day[static_cast<std::size_t>(detail::china_day(period_instant[i]) - buckets.first_day)]);
        add(counts[s * bucket_count + b], c, i, f);
        ++bucket_cases[b];
    }
    slots.close(grow);
    slots.roll_up([&](std::size_t child, std::size_t parent) {
        for (std::size_t b = 0; b < bucket_count; ++b) counts[parent * bucket_count + b] += counts[child * bucket_count + b];
    });

    BucketReport report;
    report.options_ = stored(options);
    report.cutoff_ = Instant{std::chrono::seconds{p.cutoff}};
    report.bucket_ = width;
    report.tree_ = p.tree;
    report.starts_ = buckets.starts;
    for (const std::uint32_t u : listed_units(p, options)) report.units_.emplace_back(u);
    report.rows_.reserve(bucket_count * report.units_.size());
    for (std::size_t b = 0; b < bucket_count; ++b) {
        for (const DivisionId unit : report.units_) {
            KpiRow row;
            row.index = unit.value();
            row.bucket = static_cast<std::int32_t>(b);
            const std::int32_t s = slots.find(unit.value());
            if (s >= 0) row.counts = counts[static_cast<std::size_t>(s) * bucket_count + b];
            row.rates = compute_rates(row.counts, options.exclude_deferred);
            row.time_to_close.closed = row.counts.closed;
            report.rows_.push_back(row);
        }
    }
    std::vector<Date> empty_buckets;
    for (std::size_t b = 0; b < bucket_count; ++b) {
        if (bucket_cases[b] == 0) empty_buckets.push_back(buckets.starts[b]);
    }
    std::int64_t in_period = 0;
    for (const std::int64_t n : bucket_cases) in_period += n;
    report.diagnostics_ = detail::diagnose(*p.tree, options, in_period, report.rows_, {empty_buckets, report.starts_, width});
    return report;
}

KpiReport compute_kpis(const CaseTable& table, const KpiOptions& options) { return KpiReportAccess::unit_report(table, options); }

BucketReport compute_kpis_by_bucket(const CaseTable& table, const KpiOptions& options, TimeBucket bucket) {
    return KpiReportAccess::bucket_report(table, options, bucket);
}

}  // namespace grassroots
