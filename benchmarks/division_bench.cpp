// Google Benchmark of the division tree on the national NBS tables (665,276 units).
// Pass --benchmark_format=json for machine-readable output; scripts/bench does.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <vector>

#include "grassroots/division/tree.hpp"

namespace gr = grassroots;

namespace {

const std::filesystem::path& nbs_folder() {
    static const std::filesystem::path folder = [] {
        const char* env = std::getenv("GRASSROOTS_NBS_DIR");
        return std::filesystem::path(env != nullptr ? env : GRASSROOTS_SHARED_DATA "/divisions");
    }();
    return folder;
}

const gr::DivisionTree& national() {
    static const gr::DivisionTree tree = gr::DivisionTree::read_nbs(nbs_folder());
    return tree;
}

// Random (ancestor candidate, unit) pairs: half are real ancestor pairs, half random pairs.
std::vector<std::pair<gr::DivisionId, gr::DivisionId>> query_pairs(std::size_t count) {
    const auto& tree = national();
    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(tree.size() - 1));
    std::vector<std::pair<gr::DivisionId, gr::DivisionId>> pairs;
    pairs.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const gr::DivisionId b{pick(random)};
        gr::DivisionId a{pick(random)};
        if (i % 2 == 0) {
            const auto path = tree.path(b);
            a = path[i / 2 % path.size()];
        }
        pairs.emplace_back(a, b);
    }
    return pairs;
}

void BM_ReadNbs(benchmark::State& state) {
    for (auto _ : state) {
        const gr::DivisionTree tree = gr::DivisionTree::read_nbs(nbs_folder());
        benchmark::DoNotOptimize(tree.size());
        state.counters["units"] = static_cast<double>(tree.size());
        state.counters["structure_bytes_per_unit"] =
            static_cast<double>(tree.structure_bytes()) / static_cast<double>(tree.size());
        state.counters["name_bytes_per_unit"] =
            static_cast<double>(tree.name_bytes()) / static_cast<double>(tree.size());
    }
}
BENCHMARK(BM_ReadNbs)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_IsAncestor(benchmark::State& state) {
    const auto& tree = national();
    const auto pairs = query_pairs(1 << 20);
    std::size_t i = 0;
    std::size_t hits = 0;
    for (auto _ : state) {
        const auto& [a, b] = pairs[i++ & (pairs.size() - 1)];
        hits += tree.is_ancestor(a, b) ? 1 : 0;
    }
    benchmark::DoNotOptimize(hits);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_IsAncestor);

void BM_FindByCode(benchmark::State& state) {
    const auto& tree = national();
    std::vector<gr::DivisionCode> codes;
    for (const auto& [a, b] : query_pairs(1 << 16)) codes.push_back(tree.code(b));
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(tree.find(codes[i++ & (codes.size() - 1)]));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FindByCode);

void BM_Rollup(benchmark::State& state) {
    const auto& tree = national();
    std::vector<double> values(tree.size());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i % 1000);
    for (auto _ : state) {
        auto sums = tree.rollup(std::span<const double>(values));
        benchmark::DoNotOptimize(sums.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(tree.size()));
}
BENCHMARK(BM_Rollup)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
