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

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
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

// The stream a benchmark's event @p n goes to, as append_batches spreads them (append_singly: case-1).
std::string batch_stream(std::int64_t n) { return "case-" + std::to_string(n % 1000); }

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
                AppendRequest{.stream_id = batch_stream(n), .kind = "case",
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

// Raw sqlite3 on a file with the store's schema and connection settings (WAL, synchronous=FULL,
// foreign_keys and secure_delete on), writing the rows the store writes: per event one prepared
// INSERT of the same event row (all its columns, a 32-byte hash included) and per stream one
// prepared upsert of its version; BEGIN IMMEDIATE … COMMIT around each transaction. What it leaves
// out is what the store adds: checks, canonical JSON, idempotency, the chain hash's computation.
// With @p events_only it writes the event rows alone, the streams' rows left out (as this benchmark
// did before 2026-12-08): a lower bound, not the same rows.
class RawSqlite {
public:
    RawSqlite(const fs::path& path, bool events_only) : events_only_(events_only) {
        { Store created = Store::open(path); }  // the same schema
        check(sqlite3_open(path.c_str(), &db_));
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA secure_delete=ON"}) {
            exec(pragma);
        }
        if (events_only_) exec("PRAGMA foreign_keys=OFF");  // its events reference streams it never writes
        insert_ = prepare("INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, "
                          "occurred_at, recorded_at, actor, correlation_id, causation_id, payload, hash) "
                          "VALUES (?, ?, ?, ?, 'case_reported', 1, ?, ?, 'worker-7', 'req-1', NULL, ?, ?)");
        upsert_ = prepare("INSERT INTO streams(stream_id, kind, version) VALUES (?, 'case', ?) "
                          "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version");
    }
    ~RawSqlite() {
        sqlite3_finalize(insert_);
        sqlite3_finalize(upsert_);
        sqlite3_close(db_);
    }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    // One transaction of @p events events: to case-1 when @p single, else spread as append_batches does.
    void transaction(std::int64_t& n, int events, bool single) {
        exec("BEGIN IMMEDIATE");
        for (int i = 0; i < events; ++i) {
            ++n;
            const std::string stream = single ? "case-1" : batch_stream(n);
            const std::int64_t version = ++versions_[stream];
            if (!events_only_) {
                bind_text(upsert_, 1, stream);
                sqlite3_bind_int64(upsert_, 2, version);
                run(upsert_);
            }
            const std::string id = "ev-" + std::to_string(n);
            hash_[0] = static_cast<unsigned char>(n);
            sqlite3_bind_int64(insert_, 1, n);
            bind_text(insert_, 2, stream);
            sqlite3_bind_int64(insert_, 3, version);
            bind_text(insert_, 4, id);
            sqlite3_bind_int64(insert_, 5, 1'767'225'600'000'000 + n);
            sqlite3_bind_int64(insert_, 6, 1'767'225'600'000'000 + n);
            bind_text(insert_, 7, payload);
            sqlite3_bind_blob(insert_, 8, hash_.data(), static_cast<int>(hash_.size()), SQLITE_STATIC);
            run(insert_);
        }
        exec("COMMIT");
    }

private:
    void check(int code) const {
        if (code != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    void exec(const char* sql) const { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr)); }
    sqlite3_stmt* prepare(const char* sql) const {
        sqlite3_stmt* statement = nullptr;
        check(sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr));
        return statement;
    }
    // The text stays alive until run() resets the statement.
    static void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
        sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
    void run(sqlite3_stmt* statement) const {
        if (sqlite3_step(statement) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
        sqlite3_reset(statement);
    }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    sqlite3_stmt* upsert_ = nullptr;
    bool events_only_;
    std::map<std::string, std::int64_t> versions_;
    std::array<unsigned char, 32> hash_{};
};

void BM_RawSqliteSingleInsert(benchmark::State& state) {
    TempFile file("raw_single");
    RawSqlite raw(file.path, false);
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, 1, true);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void raw_sqlite_batches(benchmark::State& state, bool events_only) {
    TempFile file(events_only ? "raw_batch_events" : "raw_batch");
    RawSqlite raw(file.path, events_only);
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, batch_size, false);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = batch_size;
}

void BM_RawSqliteBatch100(benchmark::State& state) { raw_sqlite_batches(state, false); }
void BM_RawSqliteBatch100EventsOnly(benchmark::State& state) { raw_sqlite_batches(state, true); }

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

// Raw libpq on the store's schema (synchronous_commit=on), writing the rows the store writes as a
// competent engineer would over a network connection: per transaction one prepared multi-row upsert
// of the streams' versions and one prepared multi-row INSERT of the event rows (every column, a
// 32-byte hash included), each one round trip (PQexecPrepared); BEGIN … COMMIT around them.
class RawPostgres {
public:
    explicit RawPostgres(const std::string& url) {
        { Store created = Store::open(url); }  // the same schema
        db_ = PQconnectdb(url.c_str());
        if (PQstatus(db_) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(db_));
    }
    ~RawPostgres() { PQfinish(db_); }
    RawPostgres(const RawPostgres&) = delete;
    RawPostgres& operator=(const RawPostgres&) = delete;

    // One transaction of @p events events: to case-1 when @p single, else spread as append_batches does.
    void transaction(std::int64_t& n, int events, bool single) {
        std::vector<std::string> stream_values;
        std::vector<std::string> event_values;
        for (int i = 0; i < events; ++i) {
            ++n;
            const std::string stream = single ? "case-1" : batch_stream(n);
            const std::string version = std::to_string(++versions_[stream]);
            const std::string at = std::to_string(1'767'225'600'000'000 + n);
            stream_values.insert(stream_values.end(), {stream, version});
            event_values.insert(event_values.end(), {std::to_string(n), stream, version, "ev-" + std::to_string(n), at, at,
                                                     payload, std::string(32, static_cast<char>(n))});
        }
        pg_exec(db_, "BEGIN");
        run(upsert_streams(events), stream_values, 2);
        run(insert_events(events), event_values, 8);
        pg_exec(db_, "COMMIT");
    }

private:
    // The multi-row upsert of @p rows streams, prepared on first use.
    const std::string& upsert_streams(int rows) {
        return prepared("upsert_" + std::to_string(rows), "INSERT INTO streams(stream_id, kind, version) VALUES ",
                        "(?, 'case', ?)", " ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version", rows, 2);
    }
    // The multi-row INSERT of @p rows events, prepared on first use.
    const std::string& insert_events(int rows) {
        return prepared("insert_" + std::to_string(rows),
                        "INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, "
                        "occurred_at, recorded_at, actor, correlation_id, causation_id, payload, hash) VALUES ",
                        "(?, ?, ?, ?, 'case_reported', 1, ?, ?, 'worker-7', 'req-1', NULL, ?, ?)", "", rows, 8);
    }
    // Prepares @p head + @p rows copies of @p row (each ? the next parameter, $1 …) + @p tail as @p name.
    const std::string& prepared(const std::string& name, const std::string& head, const std::string& row,
                                const std::string& tail, int rows, int width) {
        if (!names_.insert(name).second) return *names_.find(name);
        std::string sql = head;
        int next = 0;
        for (int r = 0; r < rows; ++r) {
            if (r > 0) sql += ", ";
            for (std::size_t at = 0; at < row.size(); ++at) {
                if (row[at] == '?') {
                    sql += '$';
                    sql += std::to_string(++next);
                } else {
                    sql += row[at];
                }
            }
        }
        if (next != rows * width) throw std::logic_error("parameter count");
        PGresult* result = PQprepare(db_, name.c_str(), (sql + tail).c_str(), 0, nullptr);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        if (!ok) throw std::runtime_error(PQerrorMessage(db_));
        return *names_.find(name);
    }
    // Runs the prepared @p name with @p values (text; every @p width-th, the hash, binary when width is 8).
    void run(const std::string& name, const std::vector<std::string>& values, int width) {
        std::vector<const char*> pointers;
        std::vector<int> lengths;
        std::vector<int> formats;
        for (std::size_t i = 0; i < values.size(); ++i) {
            pointers.push_back(values[i].data());
            lengths.push_back(static_cast<int>(values[i].size()));
            formats.push_back(width == 8 && i % 8 == 7 ? 1 : 0);
        }
        PGresult* result = PQexecPrepared(db_, name.c_str(), static_cast<int>(values.size()), pointers.data(),
                                          lengths.data(), formats.data(), 0);
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        if (!ok) throw std::runtime_error(PQerrorMessage(db_));
    }

    PGconn* db_ = nullptr;
    std::set<std::string> names_;
    std::map<std::string, std::int64_t> versions_;
};

void BM_RawPgSingleInsert(benchmark::State& state) {
    RawPostgres raw(pg_fresh("bench_raw_single"));
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, 1, true);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = 1;
}

void BM_RawPgBatch100(benchmark::State& state) {
    RawPostgres raw(pg_fresh("bench_raw_batch"));
    std::int64_t n = 0;
    for (auto _ : state) raw.transaction(n, batch_size, false);
    state.SetItemsProcessed(n);
    state.counters["events_per_transaction"] = batch_size;
}

}  // namespace

BENCHMARK(BM_StoreSingleAppend)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteSingleInsert)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StoreBatch100)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteBatch100)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteBatch100EventsOnly)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMicrosecond);

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
