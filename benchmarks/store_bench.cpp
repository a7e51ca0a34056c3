// The store on SQLite under synchronous=FULL: single durable appends and batches of 100 events in one
// transaction (group commit), each beside raw sqlite3 inserts of the same rows into the same schema
// with the same settings, in the same run. Durable writes wait for fsync, so the rates are per second
// of wall time (UseRealTime). Bounded: each benchmark runs about a second.
//
// With GRASSROOTS_TEST_POSTGRES set (compare_store.py runs it under scripts/with-postgres --durable:
// a throwaway server with fsync on) the same on PostgreSQL, beside raw libpq inserts of the same rows.
//
//   grassroots_bench_store --benchmark_out=benchmarks/results/store_cpp.json --benchmark_out_format=json
//   benchmarks/compare_store.py then writes benchmarks/results/store.json from it.
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
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

// Appends one event per transaction to one stream, each checked against the stream's version.
void append_singly(benchmark::State& state, Store& store) {
    std::int64_t n = 0;
    for (auto _ : state) {
        const auto version = n;
        benchmark::DoNotOptimize(store.append("case-1", "case", version, {event_number(++n)}));
    }
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void BM_StoreSingleAppend(benchmark::State& state) {
    TempFile file("store_single");
    Store store = Store::open(file.path);
    append_singly(state, store);
}

// Appends batches of 100 events to 100 streams (cases), one event each, committed together.
void append_batches(benchmark::State& state, Store& store) {
    std::int64_t n = 0;
    std::vector<AppendRequest> batch(batch_size);
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < batch_size; ++i) {
            ++n;
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

void BM_StoreBatch100(benchmark::State& state) {
    TempFile file("store_batch");
    Store store = Store::open(file.path);
    append_batches(state, store);
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

// ---- PostgreSQL -------------------------------------------------------------------------------

const char* postgres_server() { return std::getenv("GRASSROOTS_TEST_POSTGRES"); }

// Runs @p sql on @p connection (throws on failure).
void pg_exec(PGconn* connection, const std::string& sql) {
    PGresult* result = PQexec(connection, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(message);
}

// A fresh schema on the benchmark's server; the URL that opens it.
std::string pg_fresh(const std::string& name) {
    const std::string server = postgres_server();
    PGconn* admin = PQconnectdb(server.c_str());
    if (PQstatus(admin) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(admin));
    PQsetNoticeProcessor(admin, [](void*, const char*) {}, nullptr);
    pg_exec(admin, "DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name);
    PQfinish(admin);
    return server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name;
}

void BM_PgStoreSingleAppend(benchmark::State& state) {
    Store store = Store::open(pg_fresh("bench_store_single"));
    append_singly(state, store);
}

void BM_PgStoreBatch100(benchmark::State& state) {
    Store store = Store::open(pg_fresh("bench_store_batch"));
    append_batches(state, store);
}

// Raw libpq on the store's schema (synchronous_commit=on): per event one prepared INSERT of the same
// row (PQexecPrepared, one round trip each); BEGIN … COMMIT around each transaction.
class RawPostgres {
public:
    explicit RawPostgres(const std::string& url) {
        { Store created = Store::open(url); }  // the same schema
        db_ = PQconnectdb(url.c_str());
        if (PQstatus(db_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(db_));
        pg_exec(db_, "INSERT INTO streams(stream_id, kind, version) VALUES ('case-1', 'case', 0)");
        PGresult* prepared = PQprepare(db_, "insert",
                                       "INSERT INTO events(position, stream_id, stream_version, event_id, type, "
                                       "schema_version, occurred_at, recorded_at, actor, correlation_id, causation_id, "
                                       "payload) VALUES ($1, 'case-1', $1, $2, 'case_reported', 1, $3, $3, 'worker-7', "
                                       "'req-1', NULL, $4)",
                                       0, nullptr);
        const bool ok = PQresultStatus(prepared) == PGRES_COMMAND_OK;
        PQclear(prepared);
        if (!ok) throw std::runtime_error(PQerrorMessage(db_));
    }
    ~RawPostgres() { PQfinish(db_); }
    RawPostgres(const RawPostgres&) = delete;
    RawPostgres& operator=(const RawPostgres&) = delete;

    void transaction(std::int64_t& n, int events) {
        pg_exec(db_, "BEGIN");
        for (int i = 0; i < events; ++i) {
            ++n;
            const std::string position = std::to_string(n);
            const std::string id = "ev-" + position;
            const std::string at = std::to_string(1'767'225'600'000'000 + n);
            const char* values[] = {position.c_str(), id.c_str(), at.c_str(), payload.c_str()};
            PGresult* result = PQexecPrepared(db_, "insert", 4, values, nullptr, nullptr, 0);
            const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
            PQclear(result);
            if (!ok) throw std::runtime_error(PQerrorMessage(db_));
        }
        pg_exec(db_, "COMMIT");
    }

private:
    PGconn* db_ = nullptr;
};

void BM_RawPgSingleInsert(benchmark::State& state) {
    RawPostgres raw(pg_fresh("bench_raw_single"));
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, 1);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void BM_RawPgBatch100(benchmark::State& state) {
    RawPostgres raw(pg_fresh("bench_raw_batch"));
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
    if (postgres_server() != nullptr) {
        PGconn* probe = PQconnectdb(postgres_server());
        benchmark::AddCustomContext("postgresql", std::to_string(PQserverVersion(probe)));
        PQfinish(probe);
        for (auto [name, function] : {std::pair{"BM_PgStoreSingleAppend", &BM_PgStoreSingleAppend},
                                      std::pair{"BM_RawPgSingleInsert", &BM_RawPgSingleInsert},
                                      std::pair{"BM_PgStoreBatch100", &BM_PgStoreBatch100},
                                      std::pair{"BM_RawPgBatch100", &BM_RawPgBatch100}}) {
            benchmark::RegisterBenchmark(name, function)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
