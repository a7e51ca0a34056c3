// Google Benchmark of point → grid lookup: a synthetic Jiangsu (江苏省, 21,958 village-level units,
// 76,659 grids at Dongying's densities) and ten million household points near its buildings.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

#include "grassroots/division/tree.hpp"
#include "grassroots/grid/synthetic.hpp"

namespace gr = grassroots;

namespace {

struct Fixture {
    gr::SyntheticCity city;
    std::vector<double> x;
    std::vector<double> y;
};

const Fixture& fixture() {
    static const Fixture data = [] {
        const char* env = std::getenv("GRASSROOTS_NBS_DIR");
        const std::filesystem::path folder = env != nullptr ? env : GRASSROOTS_SHARED_DATA "/divisions";
        const gr::DivisionTree tree = gr::DivisionTree::read_nbs(folder);
        Fixture f{gr::synthetic_city(tree, gr::DivisionCode("32"), /*seed=*/1), {}, {}};
        std::mt19937_64 random(3);
        std::uniform_int_distribution<std::size_t> building(0, f.city.buildings.size() - 1);
        std::uniform_real_distribution<double> jitter(-0.0004, 0.0004);  // about ±40 m
        constexpr std::size_t points = 10'000'000;
        f.x.reserve(points);
        f.y.reserve(points);
        for (std::size_t i = 0; i < points; ++i) {
            const gr::Point& b = f.city.buildings[building(random)];
            f.x.push_back(b.x + jitter(random));
            f.y.push_back(b.y + jitter(random));
        }
        return f;
    }();
    return data;
}

void BM_LocateBulk(benchmark::State& state) {
    const Fixture& f = fixture();
    std::vector<std::int64_t> out(f.x.size());
    for (auto _ : state) {
        f.city.map.locate(f.x, f.y, out);
        benchmark::DoNotOptimize(out.data());
    }
    std::size_t located = 0;
    for (std::int64_t g : out) located += g >= 0 ? 1 : 0;
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.x.size()));
    state.counters["grids"] = static_cast<double>(f.city.map.size());
    state.counters["points"] = static_cast<double>(f.x.size());
    state.counters["located_share"] = static_cast<double>(located) / static_cast<double>(f.x.size());
}
BENCHMARK(BM_LocateBulk)->Unit(benchmark::kSecond)->Iterations(3);

void BM_LocateOne(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(f.city.map.locate(gr::Point{f.x[i % f.x.size()], f.y[i % f.y.size()]}));
        ++i;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_LocateOne);

}  // namespace

BENCHMARK_MAIN();
