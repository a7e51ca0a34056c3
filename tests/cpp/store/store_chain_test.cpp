// Tamper evidence through the Store: the chain is written by appends, and edits made behind the
// store's back with raw sqlite3 (a byte flipped in a payload, an actor or a hash; an event deleted,
// two swapped, one inserted; the tail truncated) are each caught at the right position. Also:
// anchors (automatic, on demand, exported), the algorithm fixed in the store, the migration of a
// v1 store, and retention.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "grassroots/error.hpp"
#include "grassroots/store/chain.hpp"
#include "grassroots/store/store.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

const Bytes key = to_bytes("the auditor's anchor key, 32 b.");

class StoreChainTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("grassroots_chain_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        file_ = dir_ / "chain.db";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // A store with @p n events over three streams.
    Store filled(int n, StoreOptions options = {}) {
        Store store = Store::open(file_, options);
        for (int i = 1; i <= n; ++i) {
            const std::string stream = "case-" + std::to_string(i % 3);
            (void)store.append(stream, "case", any_version,
                               {NewEvent{.event_id = "e" + std::to_string(i), .type = "noted",
                                         .payload = R"({"n":)" + std::to_string(i) + "}", .actor = "worker-7"}});
        }
        return store;
    }

    void raw_sql(const std::string& sql) const {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(code, SQLITE_OK) << message << "\n" << sql;
    }

    VerifyReport verify_file(const std::vector<Anchor>& anchors = {}, std::optional<Bytes> k = std::nullopt) {
        return Store::open(file_).verify(anchors, k);
    }

    std::filesystem::path dir_, file_;
};

TEST_F(StoreChainTest, AppendsChainEveryEventAndVerify) {
    Store store = filled(10);
    const auto events = store.read_all();
    Bytes previous = chain_genesis();
    for (const StoredEvent& e : events) {
        previous = chain_hash(previous, e);
        EXPECT_EQ(e.hash, to_hex(previous)) << e.position;
    }
    const VerifyReport report = store.verify();
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.events_checked, 10);
    EXPECT_EQ(report.head_hash, events.back().hash);
    EXPECT_EQ(store.chain_algorithm(), HashAlgorithm::sha256);
    EXPECT_THAT(store.applied_schema_versions(), ElementsAre(1, 2));
    // A batch chains too, across its appends.
    (void)store.append_batch({{.stream_id = "b1", .kind = "case", .expected_version = 0,
                               .events = {{.event_id = "b1-1", .type = "t"}, {.event_id = "b1-2", .type = "t"}}},
                              {.stream_id = "b2", .kind = "case", .expected_version = 0,
                               .events = {{.event_id = "b2-1", .type = "t"}}}});
    EXPECT_TRUE(store.verify().ok);
    EXPECT_EQ(store.verify().events_checked, 13);
}

TEST_F(StoreChainTest, AFlippedByteInAPayloadAnActorOrAHashIsCaughtWhereItIs) {
    { Store store = filled(8); }
    raw_sql("UPDATE events SET payload = '{\"n\":5 }' WHERE position = 5");
    VerifyReport report = verify_file();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_position, 5);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::hash_mismatch);
    EXPECT_EQ(report.findings.size(), 1u);

    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    { Store store = filled(8); }
    raw_sql("UPDATE events SET actor = 'worker-8' WHERE position = 3");
    EXPECT_EQ(verify_file().first_broken_position, 3);

    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::string hash = filled(8).read_all(5, 1).at(0).hash;
    hash[0] = hash[0] == '0' ? '1' : '0';  // flip bits of the first byte of event 6's hash
    raw_sql("UPDATE events SET hash = x'" + hash + "' WHERE position = 6");
    report = verify_file();
    EXPECT_EQ(report.first_broken_position, 6);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::hash_mismatch);
}

TEST_F(StoreChainTest, ADeletedSwappedOrInsertedEventIsCaught) {
    { Store store = filled(9); }
    raw_sql("DELETE FROM events WHERE position = 4");
    VerifyReport report = verify_file();
    EXPECT_EQ(report.first_broken_position, 4);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::gap);

    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    { Store store = filled(9); }
    // Swap positions 2 and 5 (whole rows move; positions are the rows' keys).
    raw_sql("UPDATE events SET position = -2 WHERE position = 2; UPDATE events SET position = 2 WHERE position = 5; "
            "UPDATE events SET position = 5 WHERE position = -2");
    report = verify_file();
    EXPECT_EQ(report.first_broken_position, 2);
    EXPECT_FALSE(report.ok);

    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    { Store store = filled(9); }
    // Insert an event after position 6: the later ones move up one.
    raw_sql("UPDATE events SET position = position + 100 WHERE position > 6;"
            "UPDATE events SET position = position - 99 WHERE position > 100;"
            "INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, occurred_at, "
            "recorded_at, actor, payload, hash) SELECT 7, 'case-x', 1, 'forged', 'noted', 1, occurred_at, recorded_at, "
            "actor, '{}', hash FROM events WHERE position = 6");
    raw_sql("INSERT INTO streams(stream_id, kind, version) VALUES ('case-x', 'case', 1)");
    report = verify_file();
    EXPECT_EQ(report.first_broken_position, 7);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::hash_mismatch);
}

TEST_F(StoreChainTest, ATruncatedTailIsCaughtOnlyWithAnAnchor) {
    std::string exported;
    {
        Store store = filled(6);
        const Anchor anchor = store.anchor(key);
        EXPECT_EQ(anchor.position, 6);
        EXPECT_TRUE(anchor_signature_valid(anchor, key));
        exported = store.export_anchors();
    }
    raw_sql("DELETE FROM events WHERE position > 4; DELETE FROM anchors");
    EXPECT_TRUE(verify_file().ok);  // the limit: a chain cannot tell its tail is gone
    const VerifyReport report = verify_file(anchors_from_json_lines(exported), key);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_position, 5);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::truncated);
}

TEST_F(StoreChainTest, AppendsWriteAnchorsAtEachIntervalAndARewriteIsCaught) {
    {
        Store store = filled(25, {.anchor_key = key, .anchor_interval = 10});
        const auto anchors = store.anchors();
        ASSERT_EQ(anchors.size(), 2u);
        EXPECT_EQ(anchors[0].position, 10);
        EXPECT_EQ(anchors[1].position, 20);
        EXPECT_EQ(anchors[1].head_hash, store.read_all(19, 1).at(0).hash);
        EXPECT_TRUE(store.verify({}, key).ok);
        EXPECT_EQ(store.verify({}, key).anchors_checked, 2);
        // A batch that passes two boundaries writes both.
        std::vector<NewEvent> many;
        for (int i = 0; i < 21; ++i) many.push_back({.event_id = "m" + std::to_string(i), .type = "t"});
        (void)store.append("bulk", "case", 0, many);
        EXPECT_EQ(store.anchors().size(), 4u);
        const std::string exported = store.export_anchors();
        EXPECT_EQ(std::count(exported.begin(), exported.end(), '\n'), 4);
        EXPECT_EQ(anchors_from_json_lines(exported), store.anchors());
    }
    // Edit event 3 and recompute every later hash: the chain is consistent again, the anchors are not.
    const auto exported = Store::open(file_).export_anchors();
    {
        Store store = Store::open(file_);
        auto events = store.read_all();
        Bytes previous = from_hex(events[1].hash);
        raw_sql("UPDATE events SET payload = '{\"n\":333}' WHERE position = 3");
        events = Store::open(file_).read_all();
        std::string sql;
        for (std::size_t i = 2; i < events.size(); ++i) {
            previous = chain_hash(previous, events[i]);
            sql += "UPDATE events SET hash = x'" + to_hex(previous) + "' WHERE position = " +
                   std::to_string(events[i].position) + ";";
        }
        raw_sql(sql);
    }
    EXPECT_TRUE(verify_file().ok);
    const VerifyReport report = verify_file(anchors_from_json_lines(exported), key);
    EXPECT_EQ(report.first_broken_position, 10);
    EXPECT_EQ(report.findings.at(0).problem, ChainProblem::anchor_mismatch);
    // A forged anchor in the store is reported as such.
    raw_sql("UPDATE anchors SET created_at = created_at + 1 WHERE position = 20");
    EXPECT_EQ(verify_file({}, key).findings.at(1).problem, ChainProblem::bad_anchor_signature);
}

TEST_F(StoreChainTest, TheAlgorithmIsFixedWhenTheStoreIsCreated) {
    {
        Store store = filled(3, {.chain_algorithm = HashAlgorithm::sm3});
        EXPECT_EQ(store.chain_algorithm(), HashAlgorithm::sm3);
        const auto events = store.read_all();
        EXPECT_EQ(events[0].hash, to_hex(chain_hash(chain_genesis(), events[0], HashAlgorithm::sm3)));
        EXPECT_TRUE(store.verify().ok);
        EXPECT_EQ(store.verify().algorithm, HashAlgorithm::sm3);
    }
    EXPECT_EQ(Store::open(file_).chain_algorithm(), HashAlgorithm::sm3);  // unset: the store's own
    const std::string message =
        error_message<InvalidInput>([&] { (void)Store::open(file_, {.chain_algorithm = HashAlgorithm::sha256}); });
    EXPECT_THAT(message, HasSubstr("uses sm3"));
    EXPECT_THAT(message, HasSubstr("opened with sha256"));
}

TEST_F(StoreChainTest, AVersion1StoreIsMigratedAndItsChainComputed) {
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
        sqlite3_close(db);
    }
    // The v1 schema as the first increment wrote it, with two events and no hashes.
    raw_sql(
        "CREATE TABLE schema_versions (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT "
        "NULL DEFAULT 'then');"
        "INSERT INTO schema_versions(version, description) VALUES (1, 'streams and events');"
        "CREATE TABLE streams (stream_id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL CHECK "
        "(version >= 0)) WITHOUT ROWID;"
        "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL REFERENCES streams(stream_id), "
        "stream_version INTEGER NOT NULL CHECK (stream_version >= 1), event_id TEXT NOT NULL UNIQUE, type TEXT NOT "
        "NULL, schema_version INTEGER NOT NULL, occurred_at INTEGER NOT NULL, recorded_at INTEGER NOT NULL, actor "
        "TEXT, correlation_id TEXT, causation_id TEXT, payload TEXT NOT NULL, hash BLOB, UNIQUE (stream_id, "
        "stream_version));"
        "INSERT INTO streams VALUES ('case-1', 'case', 2);"
        "INSERT INTO events VALUES (1, 'case-1', 1, 'e1', 'opened', 1, 10, 11, 'w', NULL, NULL, '{}', NULL);"
        "INSERT INTO events VALUES (2, 'case-1', 2, 'e2', 'closed', 1, 12, 13, NULL, NULL, NULL, '{\"a\":1}', NULL);");
    Store store = Store::open(file_);
    EXPECT_THAT(store.applied_schema_versions(), ElementsAre(1, 2));
    const auto events = store.read_all();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].hash, to_hex(chain_hash(chain_genesis(), events[0])));
    EXPECT_TRUE(store.verify().ok);
    (void)store.append("case-1", "case", 2, {{.event_id = "e3", .type = "reopened"}});
    EXPECT_TRUE(store.verify().ok);
}

TEST_F(StoreChainTest, RetentionRefusesYoungEventsAndAPurgeKeepsACheckpoint) {
    using namespace std::chrono;
    const auto now = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    {
        Store store = filled(5);
        const std::string message = error_message<RuleViolation>([&] { (void)store.purge_before(now); });
        EXPECT_THAT(message, HasSubstr("retention of 180 days"));
        EXPECT_EQ(store.read_all().size(), 5u);  // nothing removed
        EXPECT_EQ(store.purge_before(now - std::int64_t{181} * 86'400'000'000).events_removed, 0);
    }
    Store store = Store::open(file_, {.anchor_key = key, .retention_days = 0});
    const Anchor before = store.anchor(key);
    const auto events = store.read_all();
    const auto later = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() + 1;
    EXPECT_THAT(error_message<RuleViolation>([&] { (void)store.purge_before(later + 60'000'000); }),
                HasSubstr("retention of 0 days"));  // a cut-off in the future is within any retention
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const PurgeResult purged = store.purge_before(later);
    EXPECT_EQ(purged.events_removed, 4);  // never the last event
    EXPECT_EQ(purged.checkpoint, (ChainCheckpoint{.position = 4, .hash = events[3].hash}));
    EXPECT_EQ(store.checkpoint(), purged.checkpoint);
    EXPECT_EQ(store.read_all().size(), 1u);
    EXPECT_EQ(store.last_position(), 5);
    VerifyReport report = store.verify({before}, key);
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.start_position, 4);
    EXPECT_EQ(report.events_checked, 1);
    (void)store.append("case-9", "case", 0, {{.event_id = "after", .type = "t"}});
    EXPECT_EQ(store.read_all().back().position, 6);
    EXPECT_TRUE(store.verify().ok);
    // An edit after the checkpoint is still caught.
    raw_sql("UPDATE events SET type = 'other' WHERE position = 6");
    EXPECT_EQ(verify_file().first_broken_position, 6);
}

TEST_F(StoreChainTest, BadChainInputIsRefusedAndChangesNothing) {
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(file_, {.anchor_key = to_bytes("short")}); }),
                HasSubstr("at least 16"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(file_, {.anchor_interval = 0}); }),
                HasSubstr("anchor_interval 0"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(file_, {.retention_days = -1}); }),
                HasSubstr("retention_days -1"));
    Store store = Store::open(file_);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.anchor(key); }), HasSubstr("no events"));
    (void)store.append("s", "case", 0, {{.event_id = "x", .type = "t"}});
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.anchor(to_bytes("short")); }), HasSubstr("at least 16"));
    const Anchor anchor = store.anchor(key);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.verify({anchor}); }), HasSubstr("without the anchor key"));
    EXPECT_EQ(store.anchors().size(), 1u);
}

}  // namespace
}  // namespace grassroots
