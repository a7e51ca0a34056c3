// KPI definitions as data, the enums' names, the rates of a row and the report lookups.
#include "grassroots/analytics/kpi.hpp"

#include <algorithm>
#include <array>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

constexpr std::string_view tianmen =
    "天门市数字化城市管理 2016年12月绩效通报 (应结案 972, 结案 911 = 93.72 %, 按期结案 737 = 75.82 %), "
    "http://www.hbcic.net.cn/info/wcm/74587.htm";
constexpr std::string_view standard =
    "GB/T 30428.4-2016 数字化城市管理信息系统 第4部分：绩效评价 (indicator names; formulas not checked against "
    "the text)";
constexpr std::string_view beijing =
    "北京市接诉即办工作条例 (2021) and the 12345 接诉即办 assessment (\"三率\": 响应率, 解决率, 满意率); "
    "counting over rated (回访) cases is grassroots' reading, not a published formula";

std::string join(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (const std::string_view part : parts) text += (text.empty() ? "" : "; ") + std::string(part);
    return text;
}

std::vector<KpiDefinition> make_definitions() {
    const std::string closure_options =
        "basis: cases = handling deadline in the period (应结案, default) or filed in the period (立案); "
        "exclude_deferred: (closed − closed_deferred) / (cases − deferred); cutoff: closed before it (default: end "
        "of the period)";
    return {
        {"closure_rate", "closure rate", "结案率", "closed / cases",
         join({"docs/analytics.md#analytics_kpis (verified on published figures)", tianmen, standard,
               "the issue's published check: 23,974 closed of 24,932 due = 96.16 %"}),
         true, closure_options},
        {"on_time_closure_rate", "on-time closure rate", "按期结案率",
         "on_time / with_deadline; on time = closed before the cut-off and handled by the handling deadline "
         "(by_handling) or closed by it (by_closing); a case without a handling deadline is neither on time nor late",
         join({"docs/analytics.md#analytics_kpis (verified on published figures)", tianmen, standard,
               "the issue's published check: 22,345 on time of 24,932 due = 89.62 %"}),
         true, closure_options + "; on_time: by_handling (default) or by_closing"},
        {"response_rate", "response rate", "响应率", "responded / rated", join({beijing, "docs/analytics.md#analytics_kpis"}), false,
         "basis, cutoff"},
        {"resolution_rate", "resolution rate", "解决率", "resolved / rated", join({beijing, "docs/analytics.md#analytics_kpis"}), false,
         "basis, cutoff"},
        {"satisfaction_rate", "satisfaction rate", "满意率", "satisfied / rated", join({beijing, "docs/analytics.md#analytics_kpis"}), false,
         "basis, cutoff"},
        {"rework_rate", "rework rate", "返工率", "reworks / cases (failed verifications per case)",
         join({"docs/workflow.md#workflow (the urban management loop: a failed verification sends the case back, 返工; "
               "counted per failed verification)",
               standard,
               "福州市数字城管季度简报 publish 返工率 (formula not stated), "
               "https://smartcity.fuzhou.gov.cn/zwgk/zwtb/202405/t20240526_4830426.htm"}),
         false, "basis"},
        {"rework_share", "share of cases reworked", "返工案件占比", "reworked / cases",
         "grassroots' companion of 返工率, docs/analytics.md#analytics_kpis",
         false, "basis"},
        {"time_to_close_hours", "time to close, hours", "结案用时（小时）",
         "p50, p90, p95 of ceil((closed_at − opened_at) / 1 h), capped at cap_hours, over the cases closed before the "
         "cut-off; linear interpolation between closest ranks (pandas' default)",
         join({"docs/analytics.md#analytics_kpis (time-to-close distributions)", standard}), false, "cap_hours, cutoff"},
        {"time_to_close_working_days", "time to close, working days", "结案用时（工作日）",
         "p50, p90, p95 of the working days in (filing day, closing day] (CST), capped at cap_working_days",
         join({"docs/analytics.md#analytics_kpis", "docs/calendar.md#calendar (working days: 国务院办公厅 yearly holiday notices)"}),
         false, "calendar, cap_working_days, cutoff"},
        {"overdue_open", "open and overdue", "逾期未结",
         "cases open at the cut-off whose handling deadline is before it",
         "docs/workflow.md#workflow (deadlines and escalation, 督办)", false, "basis, cutoff"},
        {"closed_late", "closed late", "超期结案", "closed with a handling deadline, not on time",
         "docs/analytics.md#analytics_kpis", false, "on_time, cutoff"},
    };
}

constexpr std::array<EnumName<PeriodBasis>, 2> basis_table{{
    {PeriodBasis::handling_due, "handling_due", "应结案", "the handling deadline falls in the period"},
    {PeriodBasis::opened, "opened", "立案", "the case was filed in the period"},
}};
constexpr std::array<EnumName<OnTimeRule>, 2> on_time_table{{
    {OnTimeRule::by_handling, "by_handling", "按期处置", "handled by the handling deadline, then closed"},
    {OnTimeRule::by_closing, "by_closing", "按期结案", "closed by the handling deadline"},
}};
constexpr std::array<EnumName<KpiDiagnosticKind>, 2> diagnostic_table{{
    {KpiDiagnosticKind::empty_period, "empty_period", "无案件", "no case falls in the period or in some of its buckets"},
    {KpiDiagnosticKind::undefined_rate, "undefined_rate", "比率无定义", "unit rows with cases whose rate has a zero denominator"},
}};
constexpr std::array<EnumName<TimeBucket>, 3> bucket_table{{
    {TimeBucket::day, "day", "日", "China Standard Time calendar days"},
    {TimeBucket::week, "week", "周", "Monday-start weeks (as ISO 8601), labelled by their Monday"},
    {TimeBucket::month, "month", "月", "calendar months, labelled by their first day"},
}};

double ratio(std::int64_t numerator, std::int64_t denominator) noexcept {
    return denominator == 0 ? KpiRates::none : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

std::span<const KpiDefinition> kpi_definitions() noexcept {
    static const std::vector<KpiDefinition> definitions = make_definitions();
    return definitions;
}

const KpiDefinition& kpi_definition(std::string_view id) {
    for (const KpiDefinition& definition : kpi_definitions()) {
        if (definition.id == id) return definition;
    }
    throw NotFound("no KPI '" + std::string(id) + "' (see kpi_definitions())");
}

std::span<const EnumName<PeriodBasis>> enum_names(PeriodBasis) noexcept { return basis_table; }
std::string_view to_string(PeriodBasis basis) noexcept { return enum_name(basis); }
std::string_view chinese_name(PeriodBasis basis) noexcept { return enum_chinese_name(basis); }
std::span<const EnumName<OnTimeRule>> enum_names(OnTimeRule) noexcept { return on_time_table; }
std::string_view to_string(OnTimeRule rule) noexcept { return enum_name(rule); }
std::string_view chinese_name(OnTimeRule rule) noexcept { return enum_chinese_name(rule); }
std::span<const EnumName<KpiDiagnosticKind>> enum_names(KpiDiagnosticKind) noexcept { return diagnostic_table; }
std::string_view to_string(KpiDiagnosticKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(KpiDiagnosticKind kind) noexcept { return enum_chinese_name(kind); }
std::span<const EnumName<TimeBucket>> enum_names(TimeBucket) noexcept { return bucket_table; }
std::string_view to_string(TimeBucket bucket) noexcept { return enum_name(bucket); }
std::string_view chinese_name(TimeBucket bucket) noexcept { return enum_chinese_name(bucket); }

KpiOptions KpiOptions::dates(Date first, Date end) {
    KpiOptions options;
    options.begin = china_time(first, std::chrono::minutes{0});
    options.end = china_time(end, std::chrono::minutes{0});
    return options;
}

KpiCounts& KpiCounts::operator+=(const KpiCounts& o) noexcept {
    cases += o.cases;
    deferred += o.deferred;
    with_deadline += o.with_deadline;
    deferred_with_deadline += o.deferred_with_deadline;
    closed += o.closed;
    closed_deferred += o.closed_deferred;
    closed_after_cutoff += o.closed_after_cutoff;
    on_time += o.on_time;
    on_time_deferred += o.on_time_deferred;
    closed_late += o.closed_late;
    overdue_open += o.overdue_open;
    rated += o.rated;
    responded += o.responded;
    resolved += o.resolved;
    satisfied += o.satisfied;
    reworks += o.reworks;
    reworked += o.reworked;
    escalations += o.escalations;
    return *this;
}

KpiRates compute_rates(const KpiCounts& c, bool exclude_deferred) noexcept {
    KpiRates rates;
    const std::int64_t due = exclude_deferred ? c.cases - c.deferred : c.cases;
    rates.closure = ratio(exclude_deferred ? c.closed - c.closed_deferred : c.closed, due);
    const std::int64_t timed = exclude_deferred ? c.with_deadline - c.deferred_with_deadline : c.with_deadline;
    rates.on_time_closure = ratio(exclude_deferred ? c.on_time - c.on_time_deferred : c.on_time, timed);
    rates.response = ratio(c.responded, c.rated);
    rates.resolution = ratio(c.resolved, c.rated);
    rates.satisfaction = ratio(c.satisfied, c.rated);
    rates.rework = ratio(c.reworks, c.cases);
    rates.rework_share = ratio(c.reworked, c.cases);
    return rates;
}

const KpiRow& KpiReport::unit(DivisionCode code) const {
    const std::optional<DivisionId> id = tree_->find(code);
    if (!id || id->value() >= unit_row_.size() || unit_row_[id->value()] == 0xFFFFFFFFU) {
        throw NotFound("no row for unit " + code.str() + (id ? " (left out by levels or scope)" : " (not in the tree)"));
    }
    return units_[unit_row_[id->value()]];
}

const KpiRow& KpiReport::grid(std::string_view code) const {
    const auto it = std::find(grid_codes_.begin(), grid_codes_.end(), code);
    if (it == grid_codes_.end()) throw NotFound("no grid '" + std::string(code) + "' in the case table");
    return grids_[static_cast<std::size_t>(it - grid_codes_.begin())];
}

const KpiRow& KpiReport::matter(std::string_view key) const {
    const auto it = std::find(matter_keys_.begin(), matter_keys_.end(), key);
    if (it == matter_keys_.end()) throw NotFound("no matter '" + std::string(key) + "' in the case table");
    return matters_[static_cast<std::size_t>(it - matter_keys_.begin())];
}

const KpiRow& BucketReport::row(DivisionCode code, Date start) const {
    const auto bucket = std::lower_bound(starts_.begin(), starts_.end(), start);
    if (bucket == starts_.end() || *bucket != start) {
        throw NotFound("no " + std::string(to_string(bucket_)) + " bucket starting on " + to_string(start));
    }
    const std::optional<DivisionId> id = tree_->find(code);
    const auto unit = id ? std::lower_bound(units_.begin(), units_.end(), *id) : units_.end();
    if (unit == units_.end() || *unit != *id) throw NotFound("no row for unit " + code.str());
    const auto b = static_cast<std::size_t>(bucket - starts_.begin());
    return rows_[b * units_.size() + static_cast<std::size_t>(unit - units_.begin())];
}

}  // namespace grassroots
