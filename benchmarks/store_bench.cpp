// The store on SQLite under synchronous=FULL: single durable appends and batches of 100 events in one
// transaction (group commit), each beside raw sqlite3 inserts of the same rows into the same schema
// with the same settings, in the same run. Durable writes wait for fsync, so the rates are per second
// of wall time (UseRealTime). Bounded: each benchmark runs about a second.
//
//   grassroots_bench_store --benchmark_out=benchmarks/results/store_cpp.json --benchmark_out_format=json
//   benchmarks/compare_store.py then writes benchmarks/results/store.json from it.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "grassroots/store/store.hpp"

namespace {

namespace fs = std::filesystem;
using grassroots::AppendRequest;
using grassroots::NewEvent;
using grassroots::Store;

constexpr int batch_size = 100;

// A ~300-byte payload, as a case event would carry (keys already sorted, compact).
const std::string payload =
    R"({"address":"东营区胜利街道锦苑社区12号楼3单元","category":"urban_management","description":"路灯不亮，夜间出行不便，请尽快维修。","grid":"370502005066-G03","matter":"street_light","reporter":"resident","unit":"370502005066"})";

// A fresh store file in the temporary folder (removed with its WAL files by the destructor).
struct TempFile {
    fs::path path;
    explicit TempFile(const char* name)
        : path(fs::temp_directory_path() / ("grassroots_bench_" + std::to_string(::getpid()) + "_" + name + ".db")) {
        remove();
    }
    ~TempFile() { remove(); }
    void remove() const {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    }
};

NewEvent event_number(std::int64_t n) {
    return NewEvent{.event_id = "ev-" + std::to_string(n), .type = "case_reported", .payload = payload,
                    .occurred_at_us = 1'767'225'600'000'000 + n, .actor = "worker-7", .correlation_id = "req-1", .causation_id = ""};
}

void BM_StoreSingleAppend(benchmark::State& state) {
    TempFile file("store_single");
    Store store = Store::open(file.path);
    std::int64_t n = 0;
    for (auto _ : state) {
        const auto version = n;
        benchmark::DoNotOptimize(store.append("case-1", "case", version, {event_number(++n)}));
    }
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void BM_StoreBatch100(benchmark::State& state) {
    TempFile file("store_batch");
    Store store = Store::open(file.path);
    std::int64_t n = 0;
    std::vector<AppendRequest> batch(batch_size);
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < batch_size; ++i) {
            ++n;
            // 100 appends to 100 streams (cases), one event each, committed together.
            batch[static_cast<std::size_t>(i)] =
                AppendRequest{.stream_id = "case-" + std::to_string(n % 1000), .kind = "case",
                              .expected_version = grassroots::any_version, .events = {event_number(n)}};
        }
        state.ResumeTiming();
        benchmark::DoNotOptimize(store.append_batch(batch));
    }
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = batch_size;
}

// Raw sqlite3 on a file with the store's schema and settings (WAL, synchronous=FULL): per event one
// prepared INSERT of the same row; BEGIN IMMEDIATE … COMMIT around each transaction.
class RawSqlite {
public:
    explicit RawSqlite(const fs::path& path) {
        { Store created = Store::open(path); }  // the same schema
        check(sqlite3_open(path.c_str(), &db_));
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("INSERT INTO streams(stream_id, kind, version) VALUES ('case-1', 'case', 0)");
        check(sqlite3_prepare_v2(db_,
                                 "INSERT INTO events(stream_id, stream_version, event_id, type, schema_version, "
                                 "occurred_at, recorded_at, actor, correlation_id, causation_id, payload) "
                                 "VALUES ('case-1', ?, ?, 'case_reported', 1, ?, ?, 'worker-7', 'req-1', NULL, ?)",
                                 -1, &insert_, nullptr));
    }
    ~RawSqlite() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    void transaction(std::int64_t& n, int events) {
        exec("BEGIN IMMEDIATE");
        for (int i = 0; i < events; ++i) {
            ++n;
            const std::string id = "ev-" + std::to_string(n);
            sqlite3_bind_int64(insert_, 1, n);
            sqlite3_bind_text(insert_, 2, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert_, 3, 1'767'225'600'000'000 + n);
            sqlite3_bind_int64(insert_, 4, 1'767'225'600'000'000 + n);
            sqlite3_bind_text(insert_, 5, payload.c_str(), static_cast<int>(payload.size()), SQLITE_STATIC);
            if (sqlite3_step(insert_) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
            sqlite3_reset(insert_);
        }
        exec("COMMIT");
    }

private:
    void check(int code) const {
        if (code != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    void exec(const char* sql) const { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr)); }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
};

void BM_RawSqliteSingleInsert(benchmark::State& state) {
    TempFile file("raw_single");
    RawSqlite raw(file.path);
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, 1);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void BM_RawSqliteBatch100(benchmark::State& state) {
    TempFile file("raw_batch");
    RawSqlite raw(file.path);
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, batch_size);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = batch_size;
}

}  // namespace

BENCHMARK(BM_StoreSingleAppend)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteSingleInsert)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StoreBatch100)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteBatch100)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    benchmark::AddCustomContext("sqlite", sqlite3_libversion());
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
