// Google Benchmark of autonomy-chain validation.
//
// BM_ValidateNational: a synthetic chain for every village-level unit of the national NBS tables
// (620,573 units; the committee kind follows each code's village class), each validated against
// the edition in force on 2024-06-01. Chains are generated in batches outside the timed region;
// only validate() is timed (manual time). Counters: units, entities, entities per second.
// BM_ValidateDongying: the same for Dongying's 1,921 village-level units, repeated.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "grassroots/autonomy/synthetic.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/tree.hpp"

namespace gr = grassroots;

namespace {

const gr::Date elected = gr::make_date(2021, 5, 20);
const gr::Date on = gr::make_date(2024, 6, 1);

std::vector<gr::DivisionCode> village_codes(const gr::DivisionTree& tree) {
    std::vector<gr::DivisionCode> codes;
    for (gr::DivisionId id : tree.ids()) {
        if (tree.level(id) == gr::Level::village) codes.push_back(tree.code(id));
    }
    return codes;
}

// Validates chains for @p codes in batches; returns the seconds spent in validate().
void validate_all(benchmark::State& state, const std::vector<gr::DivisionCode>& codes) {
    const gr::RuleSet residents = gr::rules_in_force(gr::CommitteeKind::residents, on);
    const gr::RuleSet villagers = gr::rules_in_force(gr::CommitteeKind::villagers, on);
    constexpr std::size_t batch = 4096;
    std::size_t entities = 0;
    std::size_t errors = 0;
    std::size_t units = 0;
    for (auto _ : state) {
        double seconds = 0;
        for (std::size_t begin = 0; begin < codes.size(); begin += batch) {
            std::vector<gr::AutonomyChain> chains;
            chains.reserve(batch);
            for (std::size_t i = begin; i < std::min(codes.size(), begin + batch); ++i) {
                chains.push_back(gr::synthetic_chain(codes[i], "单位", elected, /*seed=*/i));
            }
            const auto start = std::chrono::steady_clock::now();
            for (const gr::AutonomyChain& chain : chains) {
                const gr::ValidationReport report =
                    gr::validate(chain, chain.kind() == gr::CommitteeKind::residents ? residents : villagers, on);
                entities += report.entities_checked;
                errors += report.count(gr::Severity::error);
            }
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            units += chains.size();
        }
        state.SetIterationTime(seconds);
    }
    state.counters["units"] = static_cast<double>(units) / static_cast<double>(state.iterations());
    state.counters["entities"] = static_cast<double>(entities) / static_cast<double>(state.iterations());
    state.counters["entities_per_second"] = benchmark::Counter(static_cast<double>(entities), benchmark::Counter::kIsRate);
    state.counters["errors"] = static_cast<double>(errors);
}

void BM_ValidateNational(benchmark::State& state) {
    const char* env = std::getenv("GRASSROOTS_NBS_DIR");
    const std::filesystem::path folder = env != nullptr ? env : GRASSROOTS_SHARED_DATA "/divisions";
    static const std::vector<gr::DivisionCode> codes = village_codes(gr::DivisionTree::read_nbs(folder));
    validate_all(state, codes);
}
BENCHMARK(BM_ValidateNational)->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);

void BM_ValidateDongying(benchmark::State& state) {
    static const std::vector<gr::DivisionCode> codes = village_codes(gr::datasets::dongying_divisions());
    validate_all(state, codes);
}
BENCHMARK(BM_ValidateDongying)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
