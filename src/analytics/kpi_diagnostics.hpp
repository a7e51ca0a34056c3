// Internal: what compute_kpis and compute_kpis_by_bucket check besides the options — columns the
// options need, which no case has (refused) — and the diagnostics of a report: a period or time
// buckets holding no case, and unit rows whose rates are undefined (reported, turned into warnings
// in Python).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "grassroots/analytics/case_table.hpp"
#include "grassroots/analytics/kpi.hpp"

namespace grassroots::detail {

/// The buckets of a BucketReport, for its diagnostics (empty for a KpiReport).
struct BucketView {
    std::vector<Date> empty;       ///< first days of the buckets holding no case
    std::span<const Date> starts;  ///< every bucket's first day, indexed by KpiRow::bucket
    TimeBucket width = TimeBucket::month;
};

/// Throws InvalidInput when the options need a column no case of the table has: handling_due under
/// PeriodBasis::handling_due, handled_at under OnTimeRule::by_handling.
void require_columns(const CaseColumns& columns, const KpiOptions& options);

/// The diagnostics of a report: an empty period (@p in_period cases) or empty buckets, then one per
/// undefined rate over the unit rows @p rows that have cases.
[[nodiscard]] std::vector<KpiDiagnostic> diagnose(const DivisionTree& tree, const KpiOptions& options, std::int64_t in_period,
                                                  std::span<const KpiRow> rows, const BucketView& buckets);

}  // namespace grassroots::detail
