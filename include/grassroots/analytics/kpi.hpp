/// @file kpi.hpp
/// @brief KPIs of closed-loop cases (结案率, 按期结案率, 三率, rework, time to close, overdue) and
/// their roll-up up the administrative ladder, for every unit at once and per time bucket.
///
/// Counts (numerators and denominators) are accumulated per village-level unit in one pass over a
/// CaseTable, summed up the ladder in one backward pass over the tree's pre-order, and only then
/// divided: a township's rate is its cases' rate, never an average of its communities' rates.
/// Rates with an empty denominator are NaN (None in Python), never 0. The definitions, with formula
/// and source, are data: kpi_definitions().
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grassroots/analytics/case_table.hpp"
#include "grassroots/core/instant.hpp"
#include "grassroots/core/date.hpp"
#include "grassroots/core/enum_table.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/division/tree.hpp"

namespace grassroots {

class Calendar;

/// @brief One KPI as published: id, names, formula, source and the options that change it.
struct KpiDefinition {
    std::string id;            ///< Stable id ("closure_rate").
    std::string name;          ///< English name.
    std::string chinese_name;  ///< The Chinese term (结案率).
    std::string formula;       ///< The formula over the counts of KpiCounts.
    std::string source;        ///< Where the definition comes from.
    bool verified = false;     ///< True when the formula was checked against published figures.
    std::string options;       ///< The KpiOptions that change it ("" if none).
    /// @brief Definitions compare member by member.
    friend bool operator==(const KpiDefinition&, const KpiDefinition&) = default;
};

/// @brief Every KPI the reports compute, in report order.
[[nodiscard]] std::span<const KpiDefinition> kpi_definitions() noexcept;
/// @brief The definition with id @p id; throws NotFound.
[[nodiscard]] const KpiDefinition& kpi_definition(std::string_view id);

/// @brief Which cases belong to a period.
enum class PeriodBasis : std::uint8_t {
    handling_due,  ///< 应结案: the handling deadline falls in the period (the default).
    opened,        ///< 立案: the case was filed in the period.
};
/// @brief Every PeriodBasis with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<PeriodBasis>> enum_names(PeriodBasis) noexcept;
/// @brief "handling_due" or "opened".
[[nodiscard]] std::string_view to_string(PeriodBasis basis) noexcept;
/// @brief 应结案 or 立案.
[[nodiscard]] std::string_view chinese_name(PeriodBasis basis) noexcept;

/// @brief When a closed case counts as closed on time (按期).
enum class OnTimeRule : std::uint8_t {
    by_handling,  ///< Handled (处置) by the handling deadline, then closed (the default).
    by_closing,   ///< Closed (结案) by the handling deadline.
};
/// @brief Every OnTimeRule with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<OnTimeRule>> enum_names(OnTimeRule) noexcept;
/// @brief "by_handling" or "by_closing".
[[nodiscard]] std::string_view to_string(OnTimeRule rule) noexcept;
/// @brief 按期处置 or 按期结案.
[[nodiscard]] std::string_view chinese_name(OnTimeRule rule) noexcept;

/// @brief Width of the time buckets of compute_kpis_by_bucket().
enum class TimeBucket : std::uint8_t {
    day,    ///< China Standard Time calendar days.
    week,   ///< Monday-start weeks (as ISO 8601), labelled by their Monday.
    month,  ///< Calendar months, labelled by their first day.
};
/// @brief Every TimeBucket with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<TimeBucket>> enum_names(TimeBucket) noexcept;
/// @brief "day", "week" or "month".
[[nodiscard]] std::string_view to_string(TimeBucket bucket) noexcept;
/// @brief 日, 周 or 月.
[[nodiscard]] std::string_view chinese_name(TimeBucket bucket) noexcept;

/// @brief What a report counts and how.
struct KpiOptions {
    Instant begin{};  ///< First instant of the period.
    Instant end{};    ///< End of the period (excluded); must be after begin.
    /// @brief Cases count as closed when closed before this instant (default: the end of the period).
    std::optional<Instant> cutoff;
    PeriodBasis basis = PeriodBasis::handling_due;  ///< Which cases belong to the period.
    OnTimeRule on_time = OnTimeRule::by_handling;   ///< When a case is on time.
    /// @brief Leave deferred (缓办) cases out of 结案率 and 按期结案率, numerator and denominator.
    bool exclude_deferred = false;
    /// @brief Calendar for time to close in working days (nullptr: those figures are NaN). Kept by
    /// pointer during the computation only.
    const Calendar* calendar = nullptr;
    /// @brief Durations are counted in whole hours, rounded up, and capped here (default 90 days).
    std::int64_t cap_hours = 2160;
    /// @brief Working days to close are capped here (default 90).
    std::int64_t cap_working_days = 90;
    bool percentiles = true;  ///< Compute time-to-close percentiles.
    bool grids = true;        ///< Add grid rows (compute_kpis only).
    bool matters = true;      ///< Add matter rows (compute_kpis only).
    /// @brief Only cases in this unit's subtree (default: all).
    std::optional<DivisionCode> scope;
    /// @brief Unit rows only at these levels (default: every level).
    std::vector<Level> levels;

    /// @brief The period from 00:00 CST of @p first to 00:00 CST of @p end (excluded).
    [[nodiscard]] static KpiOptions dates(Date first, Date end);
};

/// @brief Counts of one row: the numerators and denominators of every KPI.
struct KpiCounts {
    std::int64_t cases = 0;             ///< Cases of the period (应结案数 under PeriodBasis::handling_due).
    std::int64_t deferred = 0;          ///< Of which deferred (缓办).
    std::int64_t with_deadline = 0;     ///< Of which with a handling deadline (all, under handling_due).
    std::int64_t deferred_with_deadline = 0;  ///< Deferred and with a handling deadline.
    std::int64_t closed = 0;            ///< Closed before the cut-off (结案数).
    std::int64_t closed_deferred = 0;   ///< Closed and deferred.
    std::int64_t closed_after_cutoff = 0;  ///< Open at the cut-off but closed since (the cut-off's effect).
    std::int64_t on_time = 0;           ///< Closed with a handling deadline, on time (按期结案数).
    std::int64_t on_time_deferred = 0;  ///< Closed on time and deferred.
    std::int64_t closed_late = 0;       ///< Closed with a handling deadline, not on time (超期结案).
    std::int64_t overdue_open = 0;      ///< Open at the cut-off and past the handling deadline (逾期未结).
    std::int64_t rated = 0;             ///< Rated (回访评价).
    std::int64_t responded = 0;         ///< Rated and responded (响应).
    std::int64_t resolved = 0;          ///< Rated and resolved (解决).
    std::int64_t satisfied = 0;         ///< Rated and satisfied (满意).
    std::int64_t reworks = 0;           ///< Failed verifications (返工次数).
    std::int64_t reworked = 0;          ///< Cases with at least one rework.
    std::int64_t escalations = 0;       ///< 督办 events.
    /// @brief Adds every count of @p other.
    KpiCounts& operator+=(const KpiCounts& other) noexcept;
    /// @brief Counts compare member by member.
    friend bool operator==(const KpiCounts&, const KpiCounts&) = default;
};

/// @brief The rates of one row; NaN where the denominator is 0.
struct KpiRates {
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();  ///< An empty denominator.
    double closure = none;           ///< 结案率 = closed / cases.
    double on_time_closure = none;   ///< 按期结案率 = on_time / with_deadline.
    double response = none;          ///< 响应率 = responded / rated.
    double resolution = none;        ///< 解决率 = resolved / rated.
    double satisfaction = none;      ///< 满意率 = satisfied / rated.
    double rework = none;            ///< 返工率 (rework_rate) = reworks / cases: failed verifications per case.
    double rework_share = none;      ///< Share of cases reworked = reworked / cases.
};
/// @brief The rates of @p counts; with @p exclude_deferred, deferred cases are left out of 结案率
/// and 按期结案率 (numerator and denominator). 按期结案率 counts only the cases with a handling
/// deadline: a case without one is neither on time nor late.
[[nodiscard]] KpiRates compute_rates(const KpiCounts& counts, bool exclude_deferred) noexcept;

/// @brief Time-to-close percentiles of the cases closed before the cut-off (NaN when none).
///
/// Durations are closed_at − opened_at in whole hours rounded up, capped at KpiOptions::cap_hours,
/// and working days after the filing day up to the closing day, (filed, closed], capped at
/// KpiOptions::cap_working_days. Percentiles interpolate linearly between closest ranks (rank
/// (n − 1)·p, as NumPy's and pandas' default).
struct TimeToClose {
    static constexpr double none = std::numeric_limits<double>::quiet_NaN();  ///< No closed case.
    std::int64_t closed = 0;          ///< Closed cases measured.
    double hours_p50 = none;          ///< Median hours.
    double hours_p90 = none;          ///< 90th percentile, hours.
    double hours_p95 = none;          ///< 95th percentile, hours.
    double working_days_p50 = none;   ///< Median working days (NaN without a calendar).
    double working_days_p90 = none;   ///< 90th percentile, working days.
    double working_days_p95 = none;   ///< 95th percentile, working days.
};

/// @brief What a KpiDiagnostic reports.
enum class KpiDiagnosticKind : std::uint8_t {
    empty_period,    ///< No case falls in the period (or in some time buckets of it).
    undefined_rate,  ///< Unit rows with cases whose rate has a zero denominator (NaN).
};
/// @brief Every KpiDiagnosticKind with its names (to_string, chinese_name and Python read it).
[[nodiscard]] std::span<const EnumName<KpiDiagnosticKind>> enum_names(KpiDiagnosticKind) noexcept;
/// @brief "empty_period" or "undefined_rate".
[[nodiscard]] std::string_view to_string(KpiDiagnosticKind kind) noexcept;
/// @brief 无案件 or 比率无定义.
[[nodiscard]] std::string_view chinese_name(KpiDiagnosticKind kind) noexcept;

/// @brief Something a report's reader should know because the numbers alone hide it: a period (or
/// time buckets) holding no case, or unit rows whose rates are undefined. Python turns each into a
/// warning (EmptyPeriodWarning, UndefinedRateWarning).
struct KpiDiagnostic {
    KpiDiagnosticKind kind = KpiDiagnosticKind::empty_period;  ///< What is reported.
    std::vector<std::string> kpis;     ///< The KPI ids concerned (every rate for an empty period).
    std::int64_t count = 0;            ///< Rows concerned (unit rows, or unit × bucket rows; buckets when empty).
    std::vector<DivisionCode> units;   ///< The first units concerned (at most 5), in report order.
    std::string message;               ///< What, which KPIs, which units, why and what to do.
};

/// @brief One report row: a unit, grid or matter (and a time bucket) with counts and rates.
struct KpiRow {
    /// @brief Unit id (DivisionId value), grid index or matter index, by the report part.
    std::uint32_t index = 0;
    std::int32_t bucket = -1;      ///< Time bucket (BucketReport), -1 for the whole period.
    KpiCounts counts;              ///< Numerators and denominators.
    KpiRates rates;                ///< Rates of counts.
    TimeToClose time_to_close;     ///< Percentiles (NaN in bucket reports).
};

/// @brief KPIs of one period for every unit of the ladder, every grid and every matter type.
class KpiReport {
public:
    /// @brief The options used (calendar reset to nullptr).
    [[nodiscard]] const KpiOptions& options() const noexcept { return options_; }
    /// @brief The cut-off used.
    [[nodiscard]] Instant cutoff() const noexcept { return cutoff_; }
    /// @brief The tree of the case table.
    [[nodiscard]] const DivisionTree& tree() const noexcept { return *tree_; }
    /// @brief Unit rows in pre-order (index = unit id), at the levels asked for, within the scope
    /// and its ancestors.
    [[nodiscard]] std::span<const KpiRow> units() const noexcept { return units_; }
    /// @brief Grid rows (index = grid index), every grid of the table.
    [[nodiscard]] std::span<const KpiRow> grids() const noexcept { return grids_; }
    /// @brief Matter rows (index = matter index), every matter of the table.
    [[nodiscard]] std::span<const KpiRow> matters() const noexcept { return matters_; }
    /// @brief The row of unit @p code; throws NotFound (also for a unit left out by levels or scope).
    [[nodiscard]] const KpiRow& unit(DivisionCode code) const;
    /// @brief The row of grid @p code; throws NotFound.
    [[nodiscard]] const KpiRow& grid(std::string_view code) const;
    /// @brief The row of matter @p key; throws NotFound.
    [[nodiscard]] const KpiRow& matter(std::string_view key) const;
    /// @brief The code of the unit of a unit row.
    [[nodiscard]] DivisionCode code(const KpiRow& unit_row) const { return tree_->code(DivisionId{unit_row.index}); }
    /// @brief The name of the unit of a unit row.
    [[nodiscard]] std::string_view name(const KpiRow& unit_row) const { return tree_->name(DivisionId{unit_row.index}); }
    /// @brief The level of the unit of a unit row.
    [[nodiscard]] Level level(const KpiRow& unit_row) const { return tree_->level(DivisionId{unit_row.index}); }
    /// @brief Grid codes, by grid index.
    [[nodiscard]] const std::vector<std::string>& grid_codes() const noexcept { return grid_codes_; }
    /// @brief The unit of each grid, by grid index.
    [[nodiscard]] std::span<const DivisionId> grid_units() const noexcept { return grid_units_; }
    /// @brief Matter keys, by matter index.
    [[nodiscard]] const std::vector<std::string>& matter_keys() const noexcept { return matter_keys_; }
    /// @brief An empty period, and unit rows with undefined rates (grid and matter rows are not checked).
    [[nodiscard]] std::span<const KpiDiagnostic> diagnostics() const noexcept { return diagnostics_; }

private:
    friend struct KpiReportAccess;
    KpiOptions options_;
    Instant cutoff_{};
    const DivisionTree* tree_ = nullptr;
    std::vector<KpiDiagnostic> diagnostics_;
    std::vector<KpiRow> units_, grids_, matters_;
    std::vector<std::uint32_t> unit_row_;  // unit id -> row in units_, or none
    std::vector<std::string> grid_codes_;
    std::vector<DivisionId> grid_units_;
    std::vector<std::string> matter_keys_;
};

/// @brief Counts and rates per unit and time bucket (no percentiles).
class BucketReport {
public:
    /// @brief The options used (calendar reset to nullptr).
    [[nodiscard]] const KpiOptions& options() const noexcept { return options_; }
    /// @brief The cut-off used (one for every bucket).
    [[nodiscard]] Instant cutoff() const noexcept { return cutoff_; }
    /// @brief The bucket width.
    [[nodiscard]] TimeBucket bucket() const noexcept { return bucket_; }
    /// @brief The tree of the case table.
    [[nodiscard]] const DivisionTree& tree() const noexcept { return *tree_; }
    /// @brief First day (CST) of each bucket; the first may start before the period.
    [[nodiscard]] std::span<const Date> starts() const noexcept { return starts_; }
    /// @brief Rows bucket by bucket, units in pre-order within each (index = unit id).
    [[nodiscard]] std::span<const KpiRow> rows() const noexcept { return rows_; }
    /// @brief The unit ids of one bucket's rows, in order.
    [[nodiscard]] std::span<const DivisionId> units() const noexcept { return units_; }
    /// @brief The row of unit @p code in the bucket starting on @p start; throws NotFound.
    [[nodiscard]] const KpiRow& row(DivisionCode code, Date start) const;
    /// @brief The code of the unit of a row.
    [[nodiscard]] DivisionCode code(const KpiRow& row) const { return tree_->code(DivisionId{row.index}); }
    /// @brief The first day of the bucket of a row.
    [[nodiscard]] Date start(const KpiRow& row) const { return starts_.at(static_cast<std::size_t>(row.bucket)); }
    /// @brief An empty period or empty buckets, and unit rows with undefined rates.
    [[nodiscard]] std::span<const KpiDiagnostic> diagnostics() const noexcept { return diagnostics_; }

private:
    friend struct KpiReportAccess;
    std::vector<KpiDiagnostic> diagnostics_;
    KpiOptions options_;
    Instant cutoff_{};
    TimeBucket bucket_ = TimeBucket::month;
    const DivisionTree* tree_ = nullptr;
    std::vector<Date> starts_;
    std::vector<DivisionId> units_;
    std::vector<KpiRow> rows_;
};

/// @brief KPIs of the period for every unit (rolled up the ladder in one pass), every grid and every
/// matter; throws InvalidInput for an empty period, a cap outside 1–65,535, a scope not in the tree,
/// a column the options need that no case has (handling_due under PeriodBasis::handling_due,
/// handled_at under OnTimeRule::by_handling), and (from the calendar) NotFound for working days in a
/// year it does not cover. A period holding no case and undefined rates are KpiReport::diagnostics().
[[nodiscard]] KpiReport compute_kpis(const CaseTable& table, const KpiOptions& options);

/// @brief Counts and rates per unit (rolled up) and per @p bucket of the period; a case falls in the
/// bucket of its period instant (handling deadline or filing, by KpiOptions::basis). Errors as
/// compute_kpis().
[[nodiscard]] BucketReport compute_kpis_by_bucket(const CaseTable& table, const KpiOptions& options,
                                                  TimeBucket bucket);

}  // namespace grassroots
