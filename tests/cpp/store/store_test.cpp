// The event store on SQLite: open and migrations, appends (expected versions, idempotency, group
// commit), reads, canonical JSON, and bad input (each changes nothing).
#include "grassroots/store/store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "grassroots/error.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::error_message;

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("grassroots_store_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        file_ = dir_ / "test.db";
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    static NewEvent event(std::string id, std::string payload = R"({"b":2,"a":1})") {
        return NewEvent{.event_id = std::move(id), .type = "case_opened", .payload = std::move(payload),
                        .actor = "worker-7", .correlation_id = "req-1", .causation_id = ""};
    }

    // Runs one SQL statement on the file directly (outside the store).
    void raw_sql(const std::string& sql) const {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
        char* error = nullptr;
        const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        ASSERT_EQ(code, SQLITE_OK) << message;
    }

    std::filesystem::path dir_, file_;
};

TEST_F(StoreTest, OpensANewFileAtTheCurrentSchema) {
    Store store = Store::open(file_);
    EXPECT_THAT(store.applied_schema_versions(), ElementsAre(1, 2));
    EXPECT_EQ(store.last_position(), 0);
    EXPECT_TRUE(store.streams().empty());
    EXPECT_TRUE(store.read_all().empty());
    EXPECT_EQ(store.stream_version("nothing"), 0);
    EXPECT_EQ(store.options().durability, Durability::full);
}

TEST_F(StoreTest, AppendsAndReadsBack) {
    Store store = Store::open(file_);
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

TEST_F(StoreTest, KeepsEventsAcrossReopening) {
    std::vector<StoredEvent> before;
    {
        Store store = Store::open(file_, {.durability = Durability::normal});
        NewEvent given = event("e1");
        given.occurred_at_us = 1'700'000'000'000'000;
        given.schema_version = 3;
        given.causation_id = "cmd-9";
        (void)store.append("ledger-1", "ledger_item", 0, {given});
        before = store.read_all();
    }
    Store again = Store::open(file_);
    EXPECT_EQ(again.read_all(), before);
    EXPECT_EQ(before[0].occurred_at_us, 1'700'000'000'000'000);
    EXPECT_EQ(before[0].schema_version, 3);
    EXPECT_EQ(before[0].causation_id, "cmd-9");
    EXPECT_THAT(again.applied_schema_versions(), ElementsAre(1, 2));
}

TEST_F(StoreTest, AVersionConflictNamesTheStreamAndBothVersionsAndWritesNothing) {
    Store store = Store::open(file_);
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

TEST_F(StoreTest, ARepeatedEventIdReturnsTheOriginalPositionsWithoutWriting) {
    Store store = Store::open(file_);
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

TEST_F(StoreTest, ABatchCommitsInOneTransactionAllOrNothing) {
    Store store = Store::open(file_);
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

TEST_F(StoreTest, BadAppendsAreRefusedWithWhatAndWhereAndWriteNothing) {
    Store store = Store::open(file_);
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
    EXPECT_THAT(refused(bad), HasSubstr("event 1: the payload is not valid JSON"));
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

TEST_F(StoreTest, CanonicalJsonSortsKeysAndIsCompact) {
    EXPECT_EQ(canonical_json(R"( { "z": [1, {"y": 2, "x": 1}], "a": "社区" } )"),
              R"({"a":"社区","z":[1,{"x":1,"y":2}]})");
    EXPECT_THAT(error_message<InvalidInput>([] { (void)canonical_json("3"); }), HasSubstr("not number"));
}

TEST_F(StoreTest, ANonSqliteFileIsRefusedClearly) {
    std::ofstream(file_) << "case_id,status\n1,open\n this is a CSV file, not a database at all........\n";
    const std::string message = error_message<FileError>([&] { (void)Store::open(file_); });
    EXPECT_THAT(message, HasSubstr(file_.string()));
    EXPECT_THAT(message, HasSubstr("not a SQLite database"));
}

TEST_F(StoreTest, AMissingFolderOrADirectoryIsRefusedClearly) {
    EXPECT_THAT(error_message<FileError>([&] { (void)Store::open(dir_ / "no" / "such" / "x.db"); }),
                HasSubstr("cannot open the store"));
    EXPECT_THAT(error_message<FileError>([&] { (void)Store::open(dir_); }), HasSubstr("is a directory"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(""); }), HasSubstr("path is empty"));
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)Store::open(file_, {.busy_timeout_ms = -1}); }),
                HasSubstr("busy_timeout_ms -1"));
}

TEST_F(StoreTest, AStoreWrittenByANewerVersionIsRefused) {
    { (void)Store::open(file_); }
    raw_sql("INSERT INTO schema_versions(version, description) VALUES (7, 'from the future')");
    const std::string message = error_message<FileError>([&] { (void)Store::open(file_); });
    EXPECT_THAT(message, HasSubstr("newer version of grassroots"));
    EXPECT_THAT(message, HasSubstr("schema version 7"));
    EXPECT_THAT(message, HasSubstr(file_.string()));
}

TEST_F(StoreTest, SqlErrorsCarryTheFileAndSqliteText) {
    Store store = Store::open(file_);
    (void)store.append("s", "case", 0, {event("e1")});
    raw_sql("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    Store again = Store::open(file_);
    const std::string message = error_message<FileError>([&] { (void)again.append("s", "case", 1, {event("e2")}); });
    EXPECT_THAT(message, HasSubstr(file_.string()));
    EXPECT_THAT(message, HasSubstr("disk says no"));
    EXPECT_EQ(again.stream_version("s"), 1);  // rolled back: the stream row is untouched
}

}  // namespace
}  // namespace grassroots
