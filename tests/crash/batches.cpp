// Recognisable batches, and the consistency checks of a store after a crash (raw SQL, so the checks
// do not trust the code under test).
#include "batches.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace grassroots::testing {

std::vector<AppendRequest> make_batch(std::int64_t number, std::uint64_t seed, std::vector<std::int64_t>& versions) {
    std::mt19937_64 rng(seed * 1'000'003 + static_cast<std::uint64_t>(number));
    std::vector<int> order(crash_streams);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    const int appends = std::uniform_int_distribution<int>(1, 3)(rng);
    std::vector<int> sizes;
    int total = 0;
    for (int a = 0; a < appends; ++a) {
        sizes.push_back(std::uniform_int_distribution<int>(1, 3)(rng));
        total += sizes.back();
    }
    std::vector<AppendRequest> batch;
    int index = 0;
    for (int a = 0; a < appends; ++a) {
        const int stream = order[static_cast<std::size_t>(a)];
        AppendRequest request{.stream_id = "crash-" + std::to_string(stream), .kind = "crash",
                              .expected_version = versions[static_cast<std::size_t>(stream)], .events = {}};
        for (int e = 0; e < sizes[static_cast<std::size_t>(a)]; ++e, ++index) {
            const int pad = std::uniform_int_distribution<int>(0, 9)(rng) == 0
                                ? 6000
                                : std::uniform_int_distribution<int>(0, 600)(rng);
            const nlohmann::json payload{
                {"batch", number}, {"i", index}, {"n", total}, {"pad", std::string(static_cast<std::size_t>(pad), 'x')}};
            request.events.push_back(NewEvent{.event_id = "b" + std::to_string(number) + "-" + std::to_string(index),
                                              .type = "crash_tested",
                                              .payload = payload.dump(), .actor = "crash-test",
                                              .correlation_id = "", .causation_id = ""});
        }
        versions[static_cast<std::size_t>(stream)] += static_cast<std::int64_t>(request.events.size());
        batch.push_back(std::move(request));
    }
    return batch;
}

std::vector<std::int64_t> stream_versions(const Store& store) {
    std::vector<std::int64_t> out;
    for (int s = 0; s < crash_streams; ++s) {
        out.push_back(store.stream_version("crash-" + std::to_string(s)));
    }
    return out;
}

std::int64_t next_batch(const Store& store) {
    const std::int64_t last = store.last_position();
    if (last == 0) {
        return 0;
    }
    const auto events = store.read_all(last - 1, 1);
    return nlohmann::json::parse(events.at(0).payload).at("batch").get<std::int64_t>() + 1;
}

namespace {

// Runs @p sql and returns every row's columns as int64.
std::vector<std::vector<std::int64_t>> rows(sqlite3* db, const char* sql, const std::string& context) {
    sqlite3_stmt* statement = nullptr;
    std::vector<std::vector<std::int64_t>> out;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << context << ": cannot run " << sql << ": " << sqlite3_errmsg(db);
        return out;
    }
    int code = 0;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        std::vector<std::int64_t> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            row.push_back(sqlite3_column_int64(statement, c));
        }
        out.push_back(std::move(row));
    }
    if (code != SQLITE_DONE) {
        ADD_FAILURE() << context << ": " << sql << ": " << sqlite3_errmsg(db);
    }
    sqlite3_finalize(statement);
    return out;
}

}  // namespace

StoreFacts check_store(const std::string& path, const std::string& context) {
    StoreFacts facts;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << context << ": cannot open " << path << ": " << sqlite3_errmsg(db);
        sqlite3_close(db);
        return facts;
    }
    {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr);
        const bool row = sqlite3_step(statement) == SQLITE_ROW;
        const std::string result = row ? reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)) : "no row";
        sqlite3_finalize(statement);
        EXPECT_EQ(result, "ok") << context << ": integrity_check";
    }
    const auto count = rows(db, "SELECT count(*), coalesce(max(position), 0), coalesce(min(position), 1) FROM events",
                            context);
    if (count.empty()) {
        sqlite3_close(db);
        return facts;
    }
    facts.events = count[0][0];
    EXPECT_EQ(count[0][1], facts.events) << context << ": holes in the positions (count vs max)";
    EXPECT_EQ(count[0][2], 1) << context << ": positions do not start at 1";
    // Per batch: its size as written in each payload, its event count, first and last positions.
    const auto batches = rows(db,
                              "SELECT json_extract(payload, '$.batch') AS b, count(*), min(json_extract(payload, '$.n')),"
                              " max(json_extract(payload, '$.n')), min(position), max(position) "
                              "FROM events GROUP BY b ORDER BY b",
                              context);
    std::int64_t expected_first = 1;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        const auto& row = batches[b];
        EXPECT_EQ(row[0], static_cast<std::int64_t>(b)) << context << ": batch " << b << " is missing";
        EXPECT_EQ(row[1], row[2]) << context << ": batch " << row[0] << " is partial: " << row[1] << " of " << row[2]
                                  << " events";
        EXPECT_EQ(row[2], row[3]) << context << ": batch " << row[0] << " disagrees on its size";
        EXPECT_EQ(row[4], expected_first) << context << ": batch " << row[0] << " does not follow the one before";
        EXPECT_EQ(row[5] - row[4] + 1, row[1]) << context << ": batch " << row[0] << " is not contiguous";
        expected_first = row[5] + 1;
        facts.batch_last_position.push_back(row[5]);
    }
    facts.batches = static_cast<std::int64_t>(batches.size());
    // Streams: version = number of events = highest stream version, versions 1…v without repeats.
    const auto bad_streams = rows(db,
                                  "SELECT count(*) FROM streams s LEFT JOIN (SELECT stream_id, count(*) AS c, "
                                  "max(stream_version) AS m, count(DISTINCT stream_version) AS d, min(stream_version) "
                                  "AS lo FROM events GROUP BY stream_id) e USING (stream_id) WHERE s.version != "
                                  "coalesce(e.c, 0) OR s.version != coalesce(e.m, 0) OR e.c != e.d OR e.lo != 1",
                                  context);
    EXPECT_EQ(bad_streams.at(0).at(0), 0) << context << ": stream versions disagree with their events";
    const auto orphans =
        rows(db, "SELECT count(*) FROM events WHERE stream_id NOT IN (SELECT stream_id FROM streams)", context);
    EXPECT_EQ(orphans.at(0).at(0), 0) << context << ": events of unknown streams";
    sqlite3_close(db);
    return facts;
}

void expect_chain_verifies(const Store& store, const std::string& context) {
    const VerifyReport report = store.verify();
    EXPECT_TRUE(report.ok) << context << ": the hash chain breaks at position " << report.first_broken_position
                           << " (" << report.findings.size() << " findings)";
    EXPECT_EQ(report.last_position, store.last_position()) << context << ": verify stopped early";
}

}  // namespace grassroots::testing
