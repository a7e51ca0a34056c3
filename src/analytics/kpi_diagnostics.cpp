// The columns a report's options need, and a report's diagnostics: nothing in the period, and rates
// left undefined (NaN) on unit rows that have cases — so that no empty is silent.
#include "analytics/kpi_diagnostics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "grassroots/error.hpp"

namespace grassroots::detail {

namespace {

constexpr std::size_t example_count = 5;  // units named in a diagnostic's message

bool any_set(std::span<const std::int64_t> instants) {
    return std::any_of(instants.begin(), instants.end(), [](std::int64_t at) { return at != CaseTable::null_time; });
}

/// Rates that can be undefined on a row with cases, each with why (rules as data); the three 三率
/// share their denominator, so the first stands for all.
struct UndefinedRate {
    std::array<std::string_view, 3> kpis;
    double KpiRates::*rate;
    std::string_view reason;
};
constexpr std::array<UndefinedRate, 3> undefined_rates{{
    {{"closure_rate"}, &KpiRates::closure, "every case is deferred (缓办) and exclude_deferred leaves them out"},
    {{"on_time_closure_rate"}, &KpiRates::on_time_closure,
     "no case has a handling deadline (column handling_due; 按期 needs one), or every one that has is deferred and "
     "left out"},
    {{"response_rate", "resolution_rate", "satisfaction_rate"}, &KpiRates::response, "no case is rated (回访)"},
}};

std::vector<std::string> rate_ids() {
    std::vector<std::string> ids;
    for (const KpiDefinition& definition : kpi_definitions()) {
        if (definition.id.ends_with("_rate") || definition.id.ends_with("_share")) ids.push_back(definition.id);
    }
    return ids;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : std::string(separator)) + part;
    return text;
}

KpiDiagnostic empty_period(const KpiOptions& o) {
    KpiDiagnostic d{KpiDiagnosticKind::empty_period, rate_ids(), 1, {}, {}};
    d.message = "no case of the table falls in the period " + to_string(o.begin) + " – " + to_string(o.end) + " under basis " +
                std::string(to_string(o.basis)) + " (" + std::string(chinese_name(o.basis)) + ")" +
                (o.scope ? " within scope " + o.scope->str() : "") +
                ": every count is 0 and every rate undefined (NaN); check the period, the basis and the scope";
    return d;
}

KpiDiagnostic empty_buckets(const BucketView& b) {
    std::vector<std::string> days;
    for (const Date start : b.empty) days.push_back(to_string(start));
    KpiDiagnostic d{KpiDiagnosticKind::empty_period, rate_ids(), static_cast<std::int64_t>(b.empty.size()), {}, {}};
    d.message = std::to_string(b.empty.size()) + " of " + std::to_string(b.starts.size()) + " " + std::string(to_string(b.width)) +
                " buckets hold no case (" + joined(days) + "): their rows have 0 counts and undefined (NaN) rates";
    return d;
}

/// The diagnostic of @p rule over @p rows, or count 0 when every row with cases has the rate.
KpiDiagnostic undefined(const UndefinedRate& rule, const DivisionTree& tree, std::span<const KpiRow> rows, const BucketView& b) {
    KpiDiagnostic d{KpiDiagnosticKind::undefined_rate, {}, 0, {}, {}};
    for (const std::string_view id : rule.kpis) {
        if (!id.empty()) d.kpis.emplace_back(id);
    }
    std::vector<std::string> examples;
    for (const KpiRow& row : rows) {
        if (row.counts.cases == 0 || !std::isnan(row.rates.*rule.rate)) continue;
        if (++d.count > static_cast<std::int64_t>(example_count)) continue;
        const DivisionId unit{row.index};
        d.units.push_back(tree.code(unit));
        examples.push_back(tree.code(unit).str() + " " + std::string(tree.name(unit)) +
                           (row.bucket >= 0 ? " (" + std::string(to_string(b.width)) + " of " +
                                                  to_string(b.starts[static_cast<std::size_t>(row.bucket)]) + ")"
                                            : ""));
    }
    const std::string more = d.count > static_cast<std::int64_t>(example_count)
                                 ? " and " + std::to_string(d.count - static_cast<std::int64_t>(example_count)) + " more"
                                 : "";
    d.message = joined(d.kpis) + " undefined (NaN) on " + std::to_string(d.count) + " unit row" + (d.count == 1 ? "" : "s") +
                " with cases: " + std::string(rule.reason) + " — " + joined(examples, "; ") + more;
    return d;
}

}  // namespace

void require_columns(const CaseColumns& c, const KpiOptions& o) {
    if (c.unit.empty()) return;
    const bool deadlines = any_set(c.handling_due);
    if (o.basis == PeriodBasis::handling_due && !deadlines) {
        throw InvalidInput(
            "the period basis handling_due (应结案: a case counts in the period of its handling deadline) needs the column "
            "handling_due, and no case of the table has one; give each case its handling deadline (处置时限), or count "
            "cases by filing with basis opened (立案; Python: basis=PeriodBasis.OPENED)",
            Location{"KPI options", 0, "basis"});
    }
    if (o.on_time == OnTimeRule::by_handling && deadlines && any_set(c.closed_at) && !any_set(c.handled_at)) {
        throw InvalidInput(
            "the on-time rule by_handling (按期处置: handled by the handling deadline) needs the column handled_at, and no "
            "case of the table has one; give when each case was handled, or judge by closing with on_time by_closing "
            "(按期结案; Python: on_time=OnTimeRule.BY_CLOSING)",
            Location{"KPI options", 0, "on_time"});
    }
}

std::vector<KpiDiagnostic> diagnose(const DivisionTree& tree, const KpiOptions& options, std::int64_t in_period,
                                    std::span<const KpiRow> rows, const BucketView& buckets) {
    if (in_period == 0) return {empty_period(options)};
    std::vector<KpiDiagnostic> out;
    if (!buckets.empty.empty()) out.push_back(empty_buckets(buckets));
    for (const UndefinedRate& rule : undefined_rates) {
        KpiDiagnostic d = undefined(rule, tree, rows, buckets);
        if (d.count > 0) out.push_back(std::move(d));
    }
    return out;
}

}  // namespace grassroots::detail
