// The case engine on the store: appending through the engine (one transaction per operation, and
// batched), loading (replaying) a stored engine, and reopening a city-year — beside raw sqlite3
// reading the same rows in the same run. Bounded: each benchmark runs once or for about a second.
//
//   grassroots_bench_stored_engine --benchmark_out=benchmarks/results/stored_engine_cpp.json --benchmark_out_format=json
//   GRASSROOTS_CITY_CASES=300000 sets the city-year's size (default 300,000 cases).
//   benchmarks/compare_stored_engine.py then writes benchmarks/results/stored_engine.json from it.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "grassroots/store/stored_engine.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "urban_city.hpp"

namespace gr = grassroots;

namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& name)
        : path(fs::temp_directory_path() / ("grassroots_bench_" + std::to_string(::getpid()) + "_" + name + ".db")) {
        remove();
    }
    ~TempFile() { remove(); }
    void remove() const {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    }
};

/// A stored engine with the urban loop and an actor per role, as a city would set it up.
struct City : bench_city::UrbanRoles, bench_city::Fields {
    gr::StoredEngine engine;

    City(const fs::path& file, gr::Durability durability)
        : engine(gr::StoredEngine::create(gr::Store::open(file, {.durability = durability}), gr::Calendar::china())) {
        UrbanRoles::operator=(UrbanRoles::set_up(engine));
    }

    /// Case @p i through the seven stages (8 operations, 9 events).
    void run_case(std::size_t i) {
        const gr::Instant t = bench_city::filing_time(i);
        const gr::CaseId id = engine.open(input, reporter, t);
        engine.take(id, "submit", supervisor, t + minutes(10), submit);
        engine.take(id, "accept", commander, t + minutes(20));
        engine.take(id, "dispatch", commander, t + minutes(30), dispatch);
        engine.take(id, "complete", department, t + hours(24), complete);
        engine.take(id, "report_back", department, t + hours(24) + minutes(5));
        engine.take(id, "verify_pass", checker, t + hours(25));
        engine.take(id, "evaluate", checker, t + hours(25) + minutes(10), evaluate);
    }

    /// @p cases cases, their operations committed @p per_commit cases at a time.
    void run_cases(std::size_t first, std::size_t cases, std::size_t per_commit) {
        for (std::size_t i = first; i < first + cases; i += per_commit) {
            engine.begin_batch();
            for (std::size_t j = i; j < std::min(first + cases, i + per_commit); ++j) run_case(j);
            engine.commit_batch();
        }
    }
};

/// Raw sqlite3 reading every event row of @p file in position order (the columns a load reads).
std::size_t raw_read(const fs::path& file) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT position, stream_id, stream_version, event_id, type, schema_version, occurred_at, "
                       "recorded_at, actor, correlation_id, causation_id, payload FROM events ORDER BY position",
                       -1, &statement, nullptr);
    std::size_t rows = 0;
    std::size_t bytes = 0;
    std::vector<std::string> kept;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        kept.clear();  // each row's text copied out, as a reader would, then dropped
        for (int c : {1, 3, 4, 8, 9, 10, 11}) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            const int size = sqlite3_column_bytes(statement, c);
            kept.emplace_back(text != nullptr ? text : "", static_cast<std::size_t>(size));
            bytes += kept.back().size();
        }
        bytes += static_cast<std::size_t>(sqlite3_column_int64(statement, 0) + sqlite3_column_int64(statement, 6));
        ++rows;
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    benchmark::DoNotOptimize(bytes);
    return rows;
}

// Appending through the engine: one transaction per operation (FULL: each waits for fsync).
void BM_StoredEngineAppendPerOperation(benchmark::State& state) {
    TempFile file("stored_per_op");
    City city(file.path, gr::Durability::full);
    std::size_t next = 0;
    for (auto _ : state) city.run_case(next++);
    state.SetItemsProcessed(static_cast<std::int64_t>(city.engine.engine().events().size()));
    state.counters["events_per_transaction"] = static_cast<double>(city.engine.engine().events().size()) /
                                               static_cast<double>(next * 8);
}

// Appending through the engine, the operations of 100 cases (~900 events) per transaction (FULL).
void BM_StoredEngineAppendBatched(benchmark::State& state) {
    TempFile file("stored_batched");
    City city(file.path, gr::Durability::full);
    std::size_t next = 0;
    for (auto _ : state) {
        city.run_cases(next, 100, 100);
        next += 100;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(city.engine.engine().events().size()));
    state.counters["events_per_transaction"] = static_cast<double>(city.engine.engine().events().size()) /
                                               static_cast<double>(next / 100);
}

std::map<std::size_t, std::unique_ptr<TempFile>>& stores() {
    static std::map<std::size_t, std::unique_ptr<TempFile>> built;
    return built;
}

/// A store holding an engine that ran @p cases cases (built once, NORMAL, 1000 cases per transaction).
const fs::path& stored_city(std::size_t cases) {
    auto& built = stores();
    if (!built.contains(cases)) {
        auto file = std::make_unique<TempFile>("city_" + std::to_string(cases));
        City city(file->path, gr::Durability::normal);
        city.run_cases(0, cases, 1000);
        built.emplace(cases, std::move(file));
    }
    return built.at(cases)->path;
}

// Loading: the engine rebuilt from the store (read, parse, replay — or restore the snapshot and
// replay what follows), timed once per iteration. Arguments: cases, snapshot (0: none, 1: one at the end).
void BM_StoredEngineLoad(benchmark::State& state) {
    const fs::path& file = stored_city(static_cast<std::size_t>(state.range(0)));
    {
        gr::StoredEngine setup = gr::StoredEngine::load(gr::Store::open(file), gr::Calendar::china());
        if (state.range(1) != 0) {
            (void)setup.save_snapshot();
        } else {
            gr::Store::open(file).delete_snapshots();
        }
    }
    std::size_t events = 0;
    bool from_snapshot = false;
    for (auto _ : state) {
        const gr::StoredEngine loaded = gr::StoredEngine::load(gr::Store::open(file), gr::Calendar::china());
        events = loaded.engine().events().size();
        from_snapshot = loaded.loaded_from_snapshot();
        benchmark::DoNotOptimize(events);
    }
    if (from_snapshot != (state.range(1) != 0)) state.SkipWithError("the load did not use the snapshot as asked");
    state.SetItemsProcessed(static_cast<std::int64_t>(events * state.iterations()));
    state.counters["events"] = static_cast<double>(events);
    state.counters["cases"] = static_cast<double>(state.range(0));
}

/// The event lines of the stored city of @p cases cases (the bytes its case events hold).
const std::string& city_lines(std::size_t cases) {
    static std::map<std::size_t, std::string> lines;
    if (!lines.contains(cases)) {
        lines.emplace(cases, gr::StoredEngine::load(gr::Store::open(stored_city(cases)), gr::Calendar::china()).engine().to_json_lines());
    }
    return lines.at(cases);
}

// Loading's parts, to tell them apart: decoding the event lines into records (no store, no replay).
void BM_DecodeEventLines(benchmark::State& state) {
    const std::string& lines = city_lines(static_cast<std::size_t>(state.range(0)));
    std::size_t records = 0;
    for (auto _ : state) {
        records = gr::CaseEngine::parse_json_lines(lines).size();
        benchmark::DoNotOptimize(records);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(records * state.iterations()));
    state.counters["events"] = static_cast<double>(records);
}

// … and replaying decoded records into an engine with the city's setup (CaseEngine::replay alone).
void BM_ReplayRecords(benchmark::State& state) {
    const std::vector<gr::EventRecord> records = gr::CaseEngine::parse_json_lines(city_lines(static_cast<std::size_t>(state.range(0))));
    for (auto _ : state) {
        state.PauseTiming();
        auto engine = std::make_unique<gr::CaseEngine>(gr::Calendar::china());
        (void)bench_city::UrbanRoles::set_up(*engine);
        state.ResumeTiming();
        engine->replay(records);
        benchmark::DoNotOptimize(engine->events().size());
        state.PauseTiming();
        engine.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(records.size() * state.iterations()));
    state.counters["events"] = static_cast<double>(records.size());
}

// The peer: raw sqlite3 reading the same rows (every column a load reads) in position order.
void BM_RawSqliteRead(benchmark::State& state) {
    const fs::path& file = stored_city(static_cast<std::size_t>(state.range(0)));
    std::size_t rows = 0;
    for (auto _ : state) rows = raw_read(file);
    state.SetItemsProcessed(static_cast<std::int64_t>(rows * state.iterations()));
    state.counters["events"] = static_cast<double>(rows);
}

std::int64_t city_cases() {
    const char* given = std::getenv("GRASSROOTS_CITY_CASES");
    return given != nullptr ? std::atoll(given) : 300'000;
}

}  // namespace

BENCHMARK(BM_StoredEngineAppendPerOperation)->MinTime(1.0)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StoredEngineAppendBatched)->MinTime(1.0)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoredEngineLoad)->ArgNames({"cases", "snapshot"})->Args({20'000, 0})->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteRead)->ArgNames({"cases"})->Arg(20'000)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeEventLines)->ArgNames({"cases"})->Arg(20'000)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayRecords)->ArgNames({"cases"})->Arg(20'000)->Iterations(3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoredEngineLoad)
    ->ArgNames({"cases", "snapshot"})
    ->Apply([](benchmark::internal::Benchmark* b) {
        b->Args({city_cases(), 0});
        b->Args({city_cases(), 1});
    })
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteRead)->ArgNames({"cases"})->Apply([](benchmark::internal::Benchmark* b) { b->Arg(city_cases()); })->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::AddCustomContext("sqlite", sqlite3_libversion());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    stores().clear();
    return 0;
}
