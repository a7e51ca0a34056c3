// The event store on SQLite and PostgreSQL: open and migrations, appends (expected versions, idempotency, group
// commit), reads, canonical JSON, and bad input (each changes nothing).
#include "grassroots/store/store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>
#include <atomic>

#include "grassroots/error.hpp"
#include "store/engines.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

// The store's behaviour on each engine (engines.hpp).
class StoreTest : public testing::EngineTest {
protected:
    static NewEvent event(std::string id, std::string payload = R"({"b":2,"a":1})") {
        return NewEvent{.event_id = std::move(id), .type = "case_opened", .payload = std::move(payload),
                        .actor = "worker-7", .correlation_id = "req-1", .causation_id = ""};
    }
};
GRASSROOTS_ON_BOTH_ENGINES(StoreTest);

// What only a file can get wrong (SQLite only).
class StoreFileTest : public StoreTest {};
INSTANTIATE_TEST_SUITE_P(Engines, StoreFileTest, ::testing::Values(testing::Engine::sqlite), testing::engine_name);

TEST_P(StoreTest, OpensANewFileAtTheCurrentSchema) {
    Store store = open();
    EXPECT_THAT(store.applied_schema_versions(), ElementsAre(1, 2));
    EXPECT_EQ(store.last_position(), 0);
    EXPECT_TRUE(store.streams().empty());
    EXPECT_TRUE(store.read_all().empty());
    EXPECT_EQ(store.stream_version("nothing"), 0);
    EXPECT_EQ(store.options().durability, Durability::full);
}

TEST_P(StoreTest, AppendsAndReadsBack) {
    Store store = open();
    const AppendResult first = store.append("case-1", "case", 0, {event("e1"), event("e2")});
    EXPECT_EQ(first.first_position, 1);
    EXPECT_EQ(first.last_position, 2);
    EXPECT_EQ(first.stream_version, 2);
    EXPECT_FALSE(first.duplicate);
    const AppendResult second = store.append("case-2", "case", 0, {event("e3")});
    EXPECT_EQ(second.first_position, 3);
    EXPECT_EQ(second.stream_version, 1);
    const AppendResult third = store.append("case-1", "case", 2, {event("e4", "{}")});
    EXPECT_EQ(third.first_position, 4);
    EXPECT_EQ(third.stream_version, 3);

    const auto events = store.read_stream("case-1");
    ASSERT_EQ(events.size(), 3U);
    EXPECT_EQ(events[0].position, 1);
    EXPECT_EQ(events[0].stream_version, 1);
    EXPECT_EQ(events[0].event_id, "e1");
    EXPECT_EQ(events[0].type, "case_opened");
    EXPECT_EQ(events[0].payload, R"({"a":1,"b":2})");  // canonical: keys sorted, compact
    EXPECT_EQ(events[0].actor, "worker-7");
    EXPECT_EQ(events[0].correlation_id, "req-1");
    EXPECT_EQ(events[0].causation_id, "");
    EXPECT_GT(events[0].recorded_at_us, 1'600'000'000'000'000);
    EXPECT_EQ(events[0].occurred_at_us, events[0].recorded_at_us);  // not given: when recorded
    EXPECT_EQ(events[2].position, 4);
    EXPECT_EQ(events[2].stream_version, 3);

    EXPECT_EQ(store.read_stream("case-1", 2).size(), 2U);
    EXPECT_EQ(store.read_stream("case-1", 1, 1).size(), 1U);
    EXPECT_TRUE(store.read_stream("no-such-stream").empty());
    const auto tail = store.read_all(2);
    ASSERT_EQ(tail.size(), 2U);
    EXPECT_EQ(tail[0].event_id, "e3");
    EXPECT_EQ(tail[1].event_id, "e4");
    EXPECT_EQ(store.read_all(0, 3).size(), 3U);
    EXPECT_EQ(store.last_position(), 4);
    EXPECT_EQ(store.stream_version("case-1"), 3);
    EXPECT_THAT(store.streams(), ElementsAre(StreamInfo{"case-1", "case", 3}, StreamInfo{"case-2", "case", 1}));
}

TEST_P(StoreTest, KeepsEventsAcrossReopening) {
    std::vector<StoredEvent> before;
    {
        Store store = open({.durability = Durability::normal});
        NewEvent given = event("e1");
        given.occurred_at_us = 1'700'000'000'000'000;
        given.schema_version = 3;
        given.causation_id = "cmd-9";
        (void)store.append("ledger-1", "ledger_item", 0, {given});
        before = store.read_all();
    }
    Store again = open();
    EXPECT_EQ(again.read_all(), before);
    EXPECT_EQ(before[0].occurred_at_us, 1'700'000'000'000'000);
    EXPECT_EQ(before[0].schema_version, 3);
    EXPECT_EQ(before[0].causation_id, "cmd-9");
    EXPECT_THAT(again.applied_schema_versions(), ElementsAre(1, 2));
}

TEST_P(StoreTest, AVersionConflictNamesTheStreamAndBothVersionsAndWritesNothing) {
    Store store = open();
    (void)store.append("case-1", "case", 0, {event("e1")});
    const std::string message =
        error_message<RuleViolation>([&] { (void)store.append("case-1", "case", 0, {event("e2")}); });
    EXPECT_THAT(message, HasSubstr("'case-1'"));
    EXPECT_THAT(message, HasSubstr("expected version 0"));
    EXPECT_THAT(message, HasSubstr("at version 1"));
    EXPECT_THAT(error_message<RuleViolation>([&] { (void)store.append("case-2", "case", 5, {event("e2")}); }),
                HasSubstr("expected version 5, but the stream is at version 0"));
    EXPECT_EQ(store.last_position(), 1);
    EXPECT_EQ(store.stream_version("case-2"), 0);
    // any_version skips the check.
    EXPECT_EQ(store.append("case-1", "case", any_version, {event("e2")}).stream_version, 2);
}

TEST_P(StoreTest, ARepeatedEventIdReturnsTheOriginalPositionsWithoutWriting) {
    Store store = open();
    const AppendResult original = store.append("case-1", "case", 0, {event("e1"), event("e2")});
    (void)store.append("case-1", "case", 2, {event("e3")});
    const AppendResult again = store.append("case-1", "case", 0, {event("e1"), event("e2")});
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.first_position, original.first_position);
    EXPECT_EQ(again.last_position, original.last_position);
    EXPECT_EQ(again.stream_version, 2);
    EXPECT_EQ(store.last_position(), 3);
    // Partly repeated, or repeated into another stream: refused, nothing written.
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.append("case-1", "case", 3, {event("e3"), event("e9")}); }),
                HasSubstr("'e9' is new"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.append("case-2", "case", 0, {event("e1")}); }),
                HasSubstr("already stored in stream 'case-1'"));
    EXPECT_EQ(store.last_position(), 3);
}

TEST_P(StoreTest, ABatchCommitsInOneTransactionAllOrNothing) {
    Store store = open();
    const auto results = store.append_batch({
        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 0, .events = {event("a1"), event("a2")}},
        AppendRequest{.stream_id = "b", .kind = "case", .expected_version = 0, .events = {event("b1")}},
        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 2, .events = {event("a3")}},
    });
    ASSERT_EQ(results.size(), 3U);
    EXPECT_EQ(results[1].first_position, 3);
    EXPECT_EQ(results[2].stream_version, 3);
    // The third append conflicts: the first two are rolled back with it.
    EXPECT_THAT(error_message<RuleViolation>([&] {
                    (void)store.append_batch({
                        AppendRequest{.stream_id = "c", .kind = "case", .expected_version = 0, .events = {event("c1")}},
                        AppendRequest{.stream_id = "b", .kind = "case", .expected_version = 1, .events = {event("b2")}},
                        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 1, .events = {event("a4")}},
                    });
                }),
                HasSubstr("stream 'a': expected version 1, but the stream is at version 3"));
    EXPECT_EQ(store.last_position(), 4);
    EXPECT_EQ(store.stream_version("c"), 0);
    EXPECT_EQ(store.stream_version("b"), 1);
    EXPECT_TRUE(store.append_batch({}).empty());
}

// A batch first runs without looking its event ids up; one repeating a stored append runs again
// with the look-up: the repeat answers its original positions, the rest is written after them.
TEST_P(StoreTest, ABatchRepeatingAStoredAppendAnswersItAndWritesTheRest) {
    Store store = open();
    const AppendResult original = store.append("a", "case", 0, {event("a1"), event("a2")});
    const auto results = store.append_batch({
        AppendRequest{.stream_id = "b", .kind = "case", .expected_version = 0, .events = {event("b1")}},
        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 0, .events = {event("a1"), event("a2")}},
        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 2, .events = {event("a3")}},
    });
    ASSERT_EQ(results.size(), 3U);
    EXPECT_FALSE(results[0].duplicate);
    EXPECT_EQ(results[0].first_position, 3);
    EXPECT_TRUE(results[1].duplicate);
    EXPECT_EQ(results[1].first_position, original.first_position);
    EXPECT_EQ(results[1].last_position, original.last_position);
    EXPECT_EQ(results[2].first_position, 4);
    EXPECT_EQ(results[2].stream_version, 3);
    EXPECT_EQ(store.last_position(), 4);
    // Repeated again whole, with the versions it expected then: every append answers as before.
    const auto again = store.append_batch({
        AppendRequest{.stream_id = "b", .kind = "case", .expected_version = 0, .events = {event("b1")}},
        AppendRequest{.stream_id = "a", .kind = "case", .expected_version = 2, .events = {event("a3")}},
    });
    EXPECT_TRUE(again[0].duplicate && again[1].duplicate);
    EXPECT_EQ(again[1].first_position, 4);
    EXPECT_EQ(store.last_position(), 4);
}

// Each store keeps the versions of the streams it wrote; another store writing the same streams in
// between must not make it accept a stale expected version or give a version twice.
TEST_P(StoreTest, TwoStoresOnOneStoreSeeEachOthersStreamVersions) {
    Store first = open();
    Store second = open();
    (void)first.append("s", "case", 0, {event("f1")});
    EXPECT_EQ(second.append("s", "case", 1, {event("s1")}).stream_version, 2);
    EXPECT_THAT(error_message<RuleViolation>([&] { (void)first.append("s", "case", 1, {event("f2")}); }),
                HasSubstr("expected version 1, but the stream is at version 2"));
    EXPECT_EQ(first.append("s", "case", any_version, {event("f2")}).stream_version, 3);
    EXPECT_EQ(second.append("s", "case", any_version, {event("s2")}).stream_version, 4);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)first.append("s", "ledger_item", 4, {event("f3")}); }),
                HasSubstr("of kind 'case'"));
    std::vector<std::int64_t> versions;
    for (const StoredEvent& e : first.read_stream("s")) versions.push_back(e.stream_version);
    EXPECT_THAT(versions, ElementsAre(1, 2, 3, 4));
    EXPECT_TRUE(first.verify().ok);
}

TEST_P(StoreTest, BadAppendsAreRefusedWithWhatAndWhereAndWriteNothing) {
    Store store = open();
    auto refused = [&](AppendRequest request) {
        return error_message<InvalidInput>([&] { (void)store.append(request); });
    };
    const AppendRequest good{.stream_id = "s", .kind = "case", .expected_version = 0, .events = {event("e1")}};
    AppendRequest bad = good;
    bad.stream_id = "";
    EXPECT_THAT(refused(bad), HasSubstr("stream id is empty"));
    bad = good;
    bad.kind = "";
    EXPECT_THAT(refused(bad), HasSubstr("kind is empty"));
    bad = good;
    bad.expected_version = -2;
    EXPECT_THAT(refused(bad), HasSubstr("expected version -2 is negative"));
    bad = good;
    bad.events.clear();
    EXPECT_THAT(refused(bad), HasSubstr("no events"));
    bad = good;
    bad.events = {event("e1"), event("")};
    EXPECT_THAT(refused(bad), HasSubstr("event 2: the event id is empty"));
    bad.events = {event("e1"), event("e1")};
    EXPECT_THAT(refused(bad), HasSubstr("'e1' appears twice"));
    bad.events = {event("e1", "[1, 2]")};
    EXPECT_THAT(refused(bad), HasSubstr("must be a JSON object, not array"));
    bad.events = {event("e1", "{\"a\": ")};
    EXPECT_THAT(refused(bad), HasSubstr("event 1 ('e1'): the payload is not valid JSON"));
    bad.events = {event("e1", "{\"a\": \"\xff\"}")};
    EXPECT_THAT(refused(bad), HasSubstr("payload"));
    bad.events = {event("e1")};
    bad.events[0].type = "";
    EXPECT_THAT(refused(bad), HasSubstr("event type is empty"));
    bad.events = {event("e1")};
    bad.events[0].schema_version = 0;
    EXPECT_THAT(refused(bad), HasSubstr("schema version 0 is below 1"));
    EXPECT_EQ(store.last_position(), 0);
    (void)store.append(good);
    bad = good;
    bad.kind = "ledger_item";
    bad.expected_version = 1;
    bad.events = {event("e2")};
    EXPECT_THAT(refused(bad), HasSubstr("stream 's' is of kind 'case', not 'ledger_item'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.read_stream("s", 0); }), HasSubstr("from_version 0"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.read_all(-1); }), HasSubstr("after_position -1"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)store.read_all(0, -1); }), HasSubstr("limit -1"));
    EXPECT_EQ(store.last_position(), 1);
}

TEST_P(StoreTest, CanonicalJsonSortsKeysAndIsCompact) {
    EXPECT_EQ(canonical_json(R"( { "z": [1, {"y": 2, "x": 1}], "a": "社区" } )"),
              R"({"a":"社区","z":[1,{"x":1,"y":2}]})");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)canonical_json("3"); }), HasSubstr("not number"));
}

TEST_P(StoreFileTest, ANonSqliteFileIsRefusedClearly) {
    std::ofstream(file_) << "case_id,status\n1,open\n this is a CSV file, not a database at all........\n";
    const std::string message = error_message<FileError>([&] { (void)open(); });
    EXPECT_THAT(message, HasSubstr(location_));
    EXPECT_THAT(message, HasSubstr("not a SQLite database"));
}

TEST_P(StoreFileTest, AMissingFolderOrADirectoryIsRefusedClearly) {
    EXPECT_THAT(error_message<FileError>([&] { (void)Store::open(dir_ / "no" / "such" / "x.db"); }),
                HasSubstr("cannot open the store"));
    EXPECT_THAT(error_message<FileError>([&] { (void)Store::open(dir_); }), HasSubstr("is a directory"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(""); }), HasSubstr("path is empty"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)open({.busy_timeout_ms = -1}); }),
                HasSubstr("busy_timeout_ms -1"));
}

TEST_P(StoreTest, AStoreWrittenByANewerVersionIsRefused) {
    { (void)open(); }
    raw_sql("INSERT INTO schema_versions(version, description) VALUES (7, 'from the future')");
    const std::string message = error_message<FileError>([&] { (void)open(); });
    EXPECT_THAT(message, HasSubstr("newer version of grassroots"));
    EXPECT_THAT(message, HasSubstr("schema version 7"));
    EXPECT_THAT(message, HasSubstr(location_));
}

TEST_P(StoreTest, SqlErrorsCarryTheLocationAndTheEnginesText) {
    Store store = open();
    (void)store.append("s", "case", 0, {event("e1")});
    if (postgres()) {
        raw_sql("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk says no'; "
                "END $$; CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse()");
    } else {
        raw_sql("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    }
    Store again = open();
    const std::string message = error_message<FileError>([&] { (void)again.append("s", "case", 1, {event("e2")}); });
    EXPECT_THAT(message, HasSubstr(location_));
    EXPECT_THAT(message, HasSubstr("disk says no"));
    EXPECT_EQ(again.stream_version("s"), 1);  // rolled back (and the connection usable): the stream row is untouched
}

TEST_P(StoreTest, LocationIsTheFileOrTheUrlWithoutPassword) {
    Store store = open();
    EXPECT_EQ(store.location(), location_);
    if (!postgres()) {
        EXPECT_EQ(store.path(), file_);
        return;
    }
    EXPECT_TRUE(store.path().empty());
    // The test server trusts local users: a password is accepted, and never shown.
    Store with_password = Store::open(location_ + "&password=hunter2");
    EXPECT_EQ(with_password.location(), location_);
    const std::string url = "postgresql://someone:hunter2@/no_such_database?host=" + (dir_ / "nowhere").string();
    const std::string message = error_message<FileError>([&] { (void)Store::open(url); });
    EXPECT_THAT(message, HasSubstr("postgresql://someone@/no_such_database"));
    EXPECT_THAT(message, HasSubstr("cannot connect"));
    EXPECT_THAT(message, ::testing::Not(HasSubstr("hunter2")));
}

// Two writers (each its own connection) append batches at once while a reader tails the global
// position: the reader never skips an event that commits late, sees positions in order without
// gaps, and in the end has seen every event exactly once.
TEST_P(StoreTest, ATailingReaderNeverSkipsAnEventWhileTwoWritersAppend) {
    { (void)open(); }
    constexpr int batches = 25;
    std::atomic<int> writers_done{0};
    std::vector<std::string> failures(2);
    auto writer = [&](int w) {
        try {
            Store store = open();
            for (int b = 0; b < batches; ++b) {
                std::vector<AppendRequest> batch;
                for (int i = 0; i < 4; ++i) {
                    const std::string id = "w" + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i);
                    batch.push_back({.stream_id = "s" + std::to_string(w) + "-" + std::to_string(i), .kind = "case",
                                     .expected_version = any_version, .events = {event(id), event(id + "b")}});
                }
                (void)store.append_batch(batch);
            }
        } catch (const std::exception& error) {
            failures[static_cast<std::size_t>(w)] = error.what();
        }
        ++writers_done;
    };
    std::thread first(writer, 0);
    std::thread second(writer, 1);
    Store reader = open();
    std::vector<std::int64_t> seen;
    std::int64_t after = 0;
    for (bool last_round = false; !last_round;) {
        last_round = writers_done.load() == 2;
        for (const StoredEvent& e : reader.read_all(after)) {
            seen.push_back(e.position);
            after = e.position;
        }
    }
    first.join();
    second.join();
    EXPECT_EQ(failures, std::vector<std::string>(2));
    const std::int64_t total = 2 * batches * 4 * 2;
    ASSERT_EQ(static_cast<std::int64_t>(seen.size()), total);
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i], static_cast<std::int64_t>(i) + 1) << "a gap or a skipped event at " << i;
    }
    EXPECT_EQ(reader.last_position(), total);
}

TEST_P(StoreTest, SeveralStoresMayCreateTheSchemaAtOnce) {
    std::vector<std::string> failures(3);
    std::vector<std::thread> openers;
    for (std::size_t i = 0; i < failures.size(); ++i) {
        openers.emplace_back([&, i] {
            try {
                Store store = open();
                (void)store.append("s" + std::to_string(i), "case", 0, {event("e" + std::to_string(i))});
            } catch (const std::exception& error) {
                failures[i] = error.what();
            }
        });
    }
    for (std::thread& t : openers) {
        t.join();
    }
    EXPECT_EQ(failures, std::vector<std::string>(3));
    EXPECT_THAT(open().applied_schema_versions(), ElementsAre(1, 2));
    EXPECT_EQ(open().last_position(), 3);
}

TEST_P(StoreTest, AppendsAreChainedAnchoredAndVerifiedOnEveryEngine) {
    const Bytes key = to_bytes("an anchor key kept elsewhere!!");
    StoreOptions options;
    options.anchor_key = key;
    options.anchor_interval = 2;
    Store store = open(options);
    (void)store.append("case-1", "case", 0, {event("e1"), event("e2"), event("e3")});
    (void)store.append_batch({{.stream_id = "case-2", .kind = "case", .expected_version = 0, .events = {event("e4")}},
                              {.stream_id = "case-1", .kind = "case", .expected_version = 3, .events = {event("e5")}}});
    const auto events = store.read_all();
    Bytes previous = chain_genesis();
    for (const StoredEvent& e : events) {
        previous = chain_hash(previous, e, store.chain_algorithm());
        EXPECT_EQ(e.hash, to_hex(previous)) << e.position;
    }
    EXPECT_EQ(store.anchors().size(), 2u);  // positions 2 and 4
    const VerifyReport report = store.verify({}, key);
    EXPECT_TRUE(report.ok);
    EXPECT_EQ(report.events_checked, 5);
    EXPECT_EQ(report.anchors_checked, 2);
    EXPECT_EQ(store.anchor(key).position, 5);
    EXPECT_THROW((void)store.purge_before(events.back().recorded_at_us), RuleViolation);  // within 180 days
    EXPECT_EQ(store.purge_before(1).events_removed, 0);  // 1970: nothing that old
}

TEST_P(StoreTest, ThreadsMayShareOneStore) {
    Store store = open();
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&store, t] {
            for (int i = 0; i < 20; ++i) {
                (void)store.append("s" + std::to_string(t), "case", i,
                                   {event("t" + std::to_string(t) + "-" + std::to_string(i))});
                (void)store.read_all(store.last_position() > 5 ? store.last_position() - 5 : 0);
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    EXPECT_EQ(store.last_position(), 80);
    EXPECT_EQ(store.stream_version("s3"), 20);
}

}  // namespace
}  // namespace grassroots
