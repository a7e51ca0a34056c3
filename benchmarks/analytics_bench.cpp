// Google Benchmark of the KPIs and their roll-up: a synthetic year of cases (10,000,000 by default;
// GRASSROOTS_BENCH_CASES to change) over Dongying's whole ladder (1,982 units), on one core.
//   BM_Kpis          compute_kpis: counts, rates and time-to-close percentiles (hours and working
//                    days on China's calendar) for every unit, grid and matter type
//   BM_KpisUnits     the same for the units only (no grid and matter rows): what compare_analytics.py
//                    compares with pandas first
//   BM_KpisNoPercentiles  units, grids and matters without percentiles (counts and rates only)
//   BM_KpisByMonth   compute_kpis_by_bucket, 12 months × 1,982 units
//   BM_Synthetic     generating the table (not part of the KPI figure)
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "grassroots/analytics/kpi.hpp"
#include "grassroots/calendar/calendar.hpp"
#include "grassroots/datasets/dongying.hpp"

namespace gr = grassroots;

namespace {

std::size_t case_count() {
    const char* text = std::getenv("GRASSROOTS_BENCH_CASES");
    return text != nullptr ? static_cast<std::size_t>(std::stoull(text)) : 10'000'000U;
}

const gr::DivisionTree& tree() {
    static const gr::DivisionTree dongying = gr::datasets::dongying_divisions();
    return dongying;
}

const gr::CaseTable& table() {
    static const gr::CaseTable cases = gr::CaseTable::synthetic(tree(), {.cases = case_count(), .year = 2025, .seed = 2024});
    return cases;
}

const gr::Calendar& china() {
    static const gr::Calendar calendar = gr::Calendar::china();
    return calendar;
}

gr::KpiOptions year() {
    gr::KpiOptions options = gr::KpiOptions::dates(gr::make_date(2025, 1, 1), gr::make_date(2026, 1, 1));
    options.calendar = &china();
    return options;
}

void report(benchmark::State& state) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(table().size()));
    state.counters["cases"] = static_cast<double>(table().size());
    state.counters["units"] = static_cast<double>(tree().size());
}

/// Times compute_kpis with @p options.
void run_kpis(benchmark::State& state, const gr::KpiOptions& options) {
    (void)table();
    for (auto _ : state) {
        const gr::KpiReport kpis = gr::compute_kpis(table(), options);
        benchmark::DoNotOptimize(kpis.units().data());
    }
    report(state);
}

void BM_Kpis(benchmark::State& state) { run_kpis(state, year()); }
BENCHMARK(BM_Kpis)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_KpisUnits(benchmark::State& state) {
    gr::KpiOptions options = year();
    options.grids = false;
    options.matters = false;
    run_kpis(state, options);
}
BENCHMARK(BM_KpisUnits)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_KpisNoPercentiles(benchmark::State& state) {
    gr::KpiOptions options = year();
    options.percentiles = false;
    run_kpis(state, options);
}
BENCHMARK(BM_KpisNoPercentiles)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_KpisByMonth(benchmark::State& state) {
    const gr::KpiOptions options = year();
    (void)table();
    for (auto _ : state) {
        const gr::BucketReport months = gr::compute_kpis_by_bucket(table(), options, gr::TimeBucket::month);
        benchmark::DoNotOptimize(months.rows().data());
    }
    report(state);
}
BENCHMARK(BM_KpisByMonth)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_Synthetic(benchmark::State& state) {
    for (auto _ : state) {
        const gr::CaseTable cases = gr::CaseTable::synthetic(tree(), {.cases = case_count(), .year = 2025, .seed = 2024});
        benchmark::DoNotOptimize(cases.columns().unit.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(case_count()));
}
BENCHMARK(BM_Synthetic)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
