// Google Benchmark of the working-day calendar: bulk add_working_days over one million dates
// (2019-02-15 … 2026-11-16, offsets −30…30: every answer stays inside the published 2019–2026
// schedule), working_days_between, one scalar call, and building the
// rank tables of a calendar (1949–2149).
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "grassroots/calendar/calendar.hpp"

namespace gr = grassroots;

namespace {

constexpr std::size_t count = 1'000'000;

struct Inputs {
    std::vector<std::int32_t> days;
    std::vector<std::int32_t> ends;
    std::vector<std::int64_t> offsets;
};

const Inputs& inputs() {
    static const Inputs data = [] {
        Inputs in;
        std::mt19937_64 random(7);
        const auto first = static_cast<std::int32_t>(std::chrono::sys_days{gr::make_date(2019, 2, 15)}.time_since_epoch().count());
        const auto last = static_cast<std::int32_t>(std::chrono::sys_days{gr::make_date(2026, 11, 16)}.time_since_epoch().count());
        std::uniform_int_distribution<std::int32_t> day(first, last);
        std::uniform_int_distribution<std::int64_t> offset(-30, 30);
        for (std::size_t i = 0; i < count; ++i) {
            in.days.push_back(day(random));
            in.ends.push_back(day(random));
            in.offsets.push_back(offset(random));
        }
        return in;
    }();
    return data;
}

void BM_AddWorkingDaysBulk(benchmark::State& state) {
    const gr::Calendar china = gr::Calendar::china();
    const Inputs& in = inputs();
    std::vector<std::int32_t> out(count);
    for (auto _ : state) {
        china.add_working_days(in.days, in.offsets, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(BM_AddWorkingDaysBulk)->Unit(benchmark::kMillisecond);

void BM_WorkingDaysBetweenBulk(benchmark::State& state) {
    const gr::Calendar china = gr::Calendar::china();
    const Inputs& in = inputs();
    std::vector<std::int64_t> out(count);
    for (auto _ : state) {
        china.working_days_between(in.days, in.ends, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
}
BENCHMARK(BM_WorkingDaysBetweenBulk)->Unit(benchmark::kMillisecond);

void BM_AddWorkingDaysScalar(benchmark::State& state) {
    const gr::Calendar china = gr::Calendar::china();
    const Inputs& in = inputs();
    std::size_t i = 0;
    for (auto _ : state) {
        const gr::Date start{std::chrono::sys_days{std::chrono::days{in.days[i % count]}}};
        benchmark::DoNotOptimize(china.add_working_days(start, in.offsets[i % count]));
        ++i;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_AddWorkingDaysScalar);

void BM_BuildTables(benchmark::State& state) {
    for (auto _ : state) {
        gr::Calendar calendar;
        benchmark::DoNotOptimize(&calendar);
    }
}
BENCHMARK(BM_BuildTables)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
