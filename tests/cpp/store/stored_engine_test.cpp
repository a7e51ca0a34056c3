// The case engine on the store: written through, reloaded identical (and resumed), actors with their
// lifecycle, holiday notices added at runtime, batches, a failed write, and bad input.
#include "grassroots/store/stored_engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "grassroots/error.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "store/engines.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using std::chrono::hours;
using std::chrono::minutes;
using testing::error_message;

const DivisionCode jinyuan = DivisionCode::parse("370502005066");
const DivisionCode shengli = DivisionCode::parse("370502005");
const DivisionCode district = DivisionCode::parse("370502");  // 东营区

Instant at(int month, int day, int hour, int minute = 0) {
    return china_time(make_date(2026, month, day), hours(hour) + minutes(minute));
}

constexpr const char* notice_2027 =
    R"({"year": 2027, "papers": ["https://example.org/2027"], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "春节", "date": "2027-02-08", "isOffDay": true}, {"name": "春节", "date": "2027-02-09", "isOffDay": true}]})";

/// The same setup and the same operations on a plain engine (the reference) or a stored one.
template <class Engine>
struct Scenario {
    Engine& e;
    ActorId reporter, supervisor, commander, department;

    void setup() {
        e.add_workflow(urban_management());
        MatterCatalogue catalogue;
        catalogue.add({MatterClass::event, "0502", "占道经营", "街面秩序", "urban_management", ""});
        e.set_catalogue(catalogue);
        ResponsibilityList list;
        list.add({"event:0502", Rung::community, std::nullopt, "锦苑社区居委会", {"街道综合执法队"}, "test list"});
        list.add({"event:0502", Rung::township, shengli, "胜利街道综合执法队", {}, "test list"});
        list.add({"event:0502", Rung::county, std::nullopt, "区综合执法局", {}, "test list"});
        e.set_responsibilities(list);
        reporter = e.add_actor({"wg-1", "网格员 张三", {"grid_worker"}, jinyuan, "", ""});
        supervisor = e.add_actor({"sv-1", "监督员 李四", {"supervision_centre"}, shengli, "", ""});
        commander = e.add_actor({"cc-1", "指挥中心", {"command_centre"}, district, "", ""});
        department = e.add_actor({"dp-1", "居委会", {"department"}, district, "", "锦苑社区居委会"});
    }

    CaseId file(Instant when) {
        CaseInput input;
        input.matter = "event:0502";
        input.unit = jinyuan;
        input.description = "占道经营 \"quoted\" ✓";
        input.point = Point{118.4912345678901, 37.4612345678901};
        return e.open(input, reporter, when);
    }

    void first_day() {
        const CaseId a = file(at(9, 28, 8));
        e.take(a, "submit", supervisor, at(9, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        e.take(a, "accept", commander, at(9, 28, 9, 30));
        e.take(a, "dispatch", commander, at(9, 28, 10), {{"department", "锦苑社区居委会"}});
        const CaseId b = file(at(9, 28, 11));
        EXPECT_THROW(e.take(b, "accept", commander, at(9, 28, 12)), RuleViolation);  // refused and recorded
        e.advance(at(10, 20, 0));  // a's handling deadline breaches: 催办, 督办
    }

    void second_day() {
        const CaseId c = file(at(10, 21, 8));
        e.take(c, "submit", supervisor, at(10, 21, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        e.take(c, "accept", commander, at(10, 21, 10));
        e.advance(at(11, 30, 0));
    }
};

class StoredEngineTest : public testing::EngineTest {
protected:
    [[nodiscard]] Store store(int busy_timeout_ms = 5000) const {
        return open(StoreOptions{.durability = Durability::normal, .busy_timeout_ms = busy_timeout_ms});
    }

    static void expect_same(const CaseEngine& a, const CaseEngine& b) {
        ASSERT_EQ(a.size(), b.size());
        ASSERT_EQ(a.events().size(), b.events().size());
        for (std::size_t i = 0; i < a.events().size(); ++i) {
            EXPECT_EQ(a.events()[i], b.events()[i]) << "event " << i;
            EXPECT_EQ(a.describe(a.events()[i]), b.describe(b.events()[i])) << "event " << i;
        }
        for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a.cases()[i], b.cases()[i]) << "case " << i;
        EXPECT_EQ(a.to_json_lines(), b.to_json_lines());
        EXPECT_EQ(a.to_open311(), b.to_open311());
        ASSERT_EQ(a.actor_count(), b.actor_count());
        for (std::uint32_t i = 0; i < a.actor_count(); ++i) {
            EXPECT_EQ(a.actor(ActorId(i)), b.actor(ActorId(i)));
            EXPECT_EQ(a.is_active(ActorId(i)), b.is_active(ActorId(i)));
        }
        EXPECT_EQ(a.catalogue().types(), b.catalogue().types());
        EXPECT_EQ(a.responsibilities().to_csv(), b.responsibilities().to_csv());
        EXPECT_EQ(a.workflows().size(), b.workflows().size());
        EXPECT_EQ(a.calendar().published_years(), b.calendar().published_years());
        EXPECT_EQ(a.next_timer(), b.next_timer());
    }

};
GRASSROOTS_ON_BOTH_ENGINES(StoredEngineTest);

TEST_P(StoredEngineTest, KeepsThePersonTheJurisdictionAndNormalisedIds) {
    {
        StoredEngine stored = StoredEngine::create(
            store(), Calendar::china(),
            EngineOptions{.jurisdiction = district, .filing_roles = {"grid_worker", "patrol"}, .recorded_refusals_per_case = 7});
        stored.add_workflow(urban_management());
        stored.add_actor({" dp-1\u3000", "执法队员", {"department"}, std::nullopt, "", "", "zhang"});
        stored.change_actor({"dp-1 ", "执法队员", {"department", "supervision_centre"}, std::nullopt, "", "", "zhang"});
    }
    const StoredEngine again = StoredEngine::load(store(), Calendar::china());
    const Actor& actor = again.engine().actor(*again.engine().find_actor("dp-1"));
    EXPECT_EQ(actor.id, "dp-1");
    EXPECT_EQ(actor.person, "zhang");
    EXPECT_EQ(actor.roles.size(), 2U);
    EXPECT_EQ(again.engine().options().jurisdiction, district);
    EXPECT_EQ(again.engine().options().filing_roles, (std::vector<std::string>{"grid_worker", "patrol"}));
    EXPECT_EQ(again.engine().options().recorded_refusals_per_case, 7U);
}

TEST_P(StoredEngineTest, ReloadsAnIdenticalEngineAndResumes) {
    CaseEngine reference(Calendar::china());
    Scenario<CaseEngine> plain{reference, {}, {}, {}, {}};
    plain.setup();
    plain.first_day();
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        run.first_day();
        expect_same(stored.engine(), reference);
    }
    StoredEngine reloaded = load_engine(store(), Calendar::china());
    expect_same(reloaded.engine(), reference);
    // Resume: the same operations on the reloaded engine and the reference, then reload again.
    Scenario<StoredEngine> resumed{reloaded, *reloaded.engine().find_actor("wg-1"), *reloaded.engine().find_actor("sv-1"),
                              *reloaded.engine().find_actor("cc-1"), *reloaded.engine().find_actor("dp-1")};
    resumed.second_day();
    plain.second_day();
    expect_same(reloaded.engine(), reference);
    expect_same(StoredEngine::load(store(), Calendar::china()).engine(), reference);
    // copy() gives the same engine again.
    expect_same(reloaded.copy(), reference);
}

TEST_P(StoredEngineTest, WritesOneStreamPerCaseInEngineOrderWithDeterministicIds) {
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        run.first_day();
    }
    const Store s = store();
    std::vector<std::string> kinds;
    for (const StreamInfo& info : s.streams()) kinds.push_back(info.stream_id + ":" + info.kind);
    EXPECT_THAT(kinds, ::testing::ElementsAre("actor-cc-1:actor", "actor-dp-1:actor", "actor-sv-1:actor", "actor-wg-1:actor",
                                              "case-C000001:case", "case-C000002:case", "catalogue:catalogue", "engine:engine",
                                              "responsibilities:responsibility_list", "workflow-urban_management:workflow"));
    const std::vector<StoredEvent> all = s.read_all();
    std::uint64_t sequence = 0;
    std::string last_correlation;
    for (const StoredEvent& event : all) {
        if (!event.stream_id.starts_with("case-")) continue;
        // The event object itself (not a JSON line inside a string); fields as [name, value] pairs.
        const nlohmann::json payload = nlohmann::json::parse(event.payload);
        EXPECT_EQ(payload.at("sequence"), sequence) << event.position;
        EXPECT_FALSE(payload.contains("line")) << event.position;
        if (payload.contains("fields")) {
            EXPECT_TRUE(payload.at("fields").is_array()) << event.position;
        }
        EXPECT_EQ(event.event_id, event.stream_id + "/" + std::to_string(event.stream_version));
        EXPECT_THAT(event.correlation_id, ::testing::StartsWith("op-"));
        ++sequence;
    }
    const std::vector<StoredEvent> a = s.read_stream("case-C000001");
    ASSERT_GE(a.size(), 5U);
    EXPECT_EQ(a[0].type, "opened");
    EXPECT_EQ(a[0].actor, "wg-1");
    EXPECT_EQ(a[0].occurred_at_us, static_cast<std::int64_t>(at(9, 28, 8).time_since_epoch().count()) * 1000000);
    EXPECT_EQ(a[3].type, "transition");
    EXPECT_EQ(a[4].type, "assigned");
    EXPECT_EQ(a[3].correlation_id, a[4].correlation_id);  // dispatch and its assignment: one operation
    EXPECT_NE(a[2].correlation_id, a[3].correlation_id);
    const std::vector<StoredEvent> b = s.read_stream("case-C000002");
    ASSERT_EQ(b.size(), 2U);
    EXPECT_EQ(b[1].type, "refused");
    EXPECT_EQ(b[1].actor, "cc-1");
}

TEST_P(StoredEngineTest, KeepsTheOrderOfATransitionsFields) {
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        run.first_day();
    }
    const StoredEvent submitted = store().read_stream("case-C000001").at(1);
    EXPECT_THAT(submitted.payload, HasSubstr(R"("fields":[["location","x"],["category","y"],["description","z"]])"));
    const StoredEngine again = load_engine(store(), Calendar::china());
    ASSERT_GE(again.engine().events().size(), 2U);
    const EventRecord loaded = again.engine().describe(again.engine().events()[1]);
    ASSERT_EQ(loaded.fields.size(), 3U);
    EXPECT_EQ(loaded.fields[0].name, "location");
    EXPECT_EQ(loaded.fields[2].name, "description");
}

// Stores written before case events were stored as objects hold {"line": "<the JSON line>"}: they
// load as they are (no migration: the hash chain covers the payloads), and later events are objects.
TEST_P(StoredEngineTest, CaseEventsStoredAsJsonLinesStillLoadBesideObjects) {
    CaseEngine reference(Calendar::china());
    Scenario<CaseEngine> plain{reference, {}, {}, {}, {}};
    plain.setup();
    plain.first_day();
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine>{stored, {}, {}, {}, {}}.setup();
    }
    std::size_t old_form = 0;
    {
        Store s = store();
        std::map<std::string, std::int64_t> versions;
        for (const Event& event : reference.events()) {
            const std::string stream = "case-" + CaseEngine::case_number(event.case_id);
            const std::int64_t version = ++versions[stream];
            const nlohmann::json payload{{"line", reference.to_json_line(event)}};
            (void)s.append(stream, "case", version - 1,
                           {NewEvent{.event_id = stream + "/" + std::to_string(version), .type = std::string(to_string(event.kind)),
                                     .payload = payload.dump()}});
            ++old_form;
        }
    }
    StoredEngine reloaded = load_engine(store(), Calendar::china());
    expect_same(reloaded.engine(), reference);
    Scenario<StoredEngine> resumed{reloaded, *reloaded.engine().find_actor("wg-1"), *reloaded.engine().find_actor("sv-1"),
                                   *reloaded.engine().find_actor("cc-1"), *reloaded.engine().find_actor("dp-1")};
    resumed.second_day();
    plain.second_day();
    std::size_t lines = 0;
    std::size_t objects = 0;
    for (const StoredEvent& event : store().read_all()) {
        if (event.stream_id.starts_with("case-")) ++(event.payload.starts_with(R"({"line":)") ? lines : objects);
    }
    EXPECT_EQ(lines, old_form);
    EXPECT_EQ(objects, reference.events().size() - old_form);
    expect_same(StoredEngine::load(store(), Calendar::china()).engine(), reference);
}

// A damaged case event, in either form, is refused by the checked reader, naming the store's
// position and the key; nothing is loaded.
TEST_P(StoredEngineTest, ADamagedCaseEventIsRefusedNamingItsPosition) {
    const auto damaged = [&](const std::string& payload) {
        reset_store();
        {
            StoredEngine stored = StoredEngine::create(store(), Calendar::china());
            Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
            run.setup();
            run.first_day();
        }
        Store s = store();
        const std::int64_t version = s.stream_version("case-C000002");
        const auto appended = s.append("case-C000002", "case", version,
                                       {NewEvent{.event_id = "case-C000002/" + std::to_string(version + 1), .type = "transition",
                                                 .payload = payload}});
        const std::string message = error_message<InvalidInput>([&] { (void)load_engine(store(), Calendar::china()); });
        EXPECT_THAT(message, HasSubstr(std::to_string(appended.last_position))) << message;
        return message;
    };
    const std::string head = R"({"at":"2026-09-28T12:00:00+08:00","case":"C000002","kind":"transition","rung":"community",)";
    EXPECT_THAT(damaged(head + R"("fields":[["a","b","c"]],"sequence":8})"), HasSubstr("'fields' must be [name, value] pairs"));
    EXPECT_THAT(damaged(head + R"("fields":[["a","b"],["a","c"]],"sequence":8})"), HasSubstr("field 'a' is given twice"));
    EXPECT_THAT(damaged(head + R"("sequense":8})"), HasSubstr("sequense"));
    EXPECT_THAT(damaged(R"({"line":"{\"sequence\":8,\"case\":\"C000002\",\"kind\":\"flew\"}"})"), HasSubstr("flew"));
}

TEST_P(StoredEngineTest, ActorsChangeAndDeactivateAndSurviveReload) {
    ActorId worker;
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        const CaseId a = run.file(at(9, 28, 8));
        stored.change_actor({"sv-1", "监督员 李四", {"supervision_centre", "command_centre"}, shengli, "", ""});
        stored.take(a, "submit", run.supervisor, at(9, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        stored.take(a, "accept", run.supervisor, at(9, 28, 9, 30));  // now also command centre
        worker = run.reporter;
        stored.deactivate_actor(worker);
        const std::size_t events = stored.engine().events().size();
        EXPECT_EQ(error_message<RuleViolation>([&] { (void)run.file(at(9, 28, 10)); }),
                  "workflow.actor-inactive: actor 'wg-1' is deactivated and may not act");
        EXPECT_EQ(stored.engine().events().size(), events);  // nothing recorded
        EXPECT_THROW(stored.deactivate_actor(worker), RuleViolation);
        EXPECT_THROW(stored.change_actor({"wg-1", "x", {"grid_worker"}, std::nullopt, "", ""}), RuleViolation);
        EXPECT_THROW(stored.change_actor({"nobody", "x", {"grid_worker"}, std::nullopt, "", ""}), NotFound);
        EXPECT_THROW(stored.change_actor({"sv-1", "x", {}, std::nullopt, "", ""}), InvalidInput);
        EXPECT_EQ(stored.engine().actor(run.supervisor).roles.size(), 2U);
    }
    StoredEngine reloaded = StoredEngine::load(store(), Calendar::china());
    EXPECT_FALSE(reloaded.engine().is_active(worker));
    EXPECT_EQ(reloaded.engine().state_id(CaseId(0)), "dispatch");  // the deactivated reporter's case replays
    EXPECT_EQ(reloaded.engine().actor(*reloaded.engine().find_actor("sv-1")).roles,
              (std::vector<std::string>{"supervision_centre", "command_centre"}));
    CaseInput input;
    input.matter = "event:0502";
    input.unit = jinyuan;
    EXPECT_THROW((void)reloaded.open(input, worker, at(9, 29, 8)), RuleViolation);
    EXPECT_EQ(store().read_stream("actor-wg-1").back().type, "actor_deactivated");
}

TEST_P(StoredEngineTest, EachEventReplaysAgainstTheSetupInForceWhenItWasRecorded) {
    // Replay re-executes every event through the engine's checks: an accept taken in a role that was
    // revoked later must meet the actor as it was then, so setup changes are applied in their place.
    const Actor centre{"sv-1", "监督员 李四", {"supervision_centre"}, shengli, "", ""};
    Actor both = centre;
    both.roles.push_back("command_centre");
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        const CaseId a = run.file(at(9, 28, 8));
        stored.change_actor(both);
        stored.take(a, "submit", run.supervisor, at(9, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        stored.take(a, "accept", run.supervisor, at(9, 28, 9, 30));  // as command centre
        stored.change_actor(centre);                                 // revoked
        (void)stored.save_snapshot();
        const CaseId b = run.file(at(9, 28, 10));
        stored.change_actor(both);
        stored.take(b, "submit", run.supervisor, at(9, 28, 11), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        stored.take(b, "accept", run.supervisor, at(9, 28, 11, 30));
        stored.change_actor(centre);
    }
    for (const bool snapshot : {true, false}) {
        if (!snapshot) (void)store().delete_snapshots();
        StoredEngine reloaded = StoredEngine::load(store(), Calendar::china());
        EXPECT_EQ(reloaded.loaded_from_snapshot(), snapshot);
        EXPECT_EQ(reloaded.engine().state_id(CaseId(0)), "dispatch");
        EXPECT_EQ(reloaded.engine().state_id(CaseId(1)), "dispatch");
        EXPECT_EQ(reloaded.engine().actor(*reloaded.engine().find_actor("sv-1")).roles, centre.roles);
        expect_same(reloaded.copy(), reloaded.engine());
    }
}

TEST_P(StoredEngineTest, HolidayNoticesAddedAtRuntimeAreUsedAfterReload) {
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        EXPECT_FALSE(stored.engine().calendar().is_published(2027));
        stored.add_holiday_notice(notice_2027, "2027.json");
        EXPECT_TRUE(stored.engine().calendar().is_published(2027));
        EXPECT_THROW(stored.add_holiday_notice(notice_2027, "again.json"), InvalidInput);  // nothing written
    }
    EXPECT_EQ(store().stream_version("calendar"), 1);
    StoredEngine reloaded = StoredEngine::load(store(), Calendar::china());
    EXPECT_TRUE(reloaded.engine().calendar().is_published(2027));
    EXPECT_FALSE(reloaded.engine().calendar().is_working_day(make_date(2027, 2, 8)));
    // A calendar missing a year the engine was created with is refused.
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)StoredEngine::load(store(), Calendar()); }),
                HasSubstr("lacks it"));
}

TEST_P(StoredEngineTest, ABatchIsWrittenInOneTransactionAtCommit) {
    StoredEngine stored = StoredEngine::create(store(), Calendar::china());
    Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
    run.setup();
    const std::int64_t before = store().last_position();
    stored.begin_batch();
    EXPECT_THROW(stored.begin_batch(), InvalidInput);
    run.file(at(9, 28, 8));
    run.file(at(9, 28, 9));
    EXPECT_EQ(stored.pending(), 2U);
    EXPECT_EQ(store().last_position(), before);
    EXPECT_EQ(stored.commit_batch(), 2U);
    EXPECT_EQ(stored.pending(), 0U);
    EXPECT_EQ(store().last_position(), before + 2);
    EXPECT_THROW(stored.commit_batch(), InvalidInput);
}

/// Another connection holding the write lock of the test's store until release(): on SQLite a
/// BEGIN IMMEDIATE transaction, on PostgreSQL the tables locked against writes (reads still go).
class WriteLock {
public:
    WriteLock(bool postgres, const std::string& location) {
        if (postgres) {
            server_ = PQconnectdb(location.c_str());
            ok_ = PQstatus(server_) == CONNECTION_OK && run("BEGIN") && run("LOCK TABLE streams, events IN EXCLUSIVE MODE");
        } else {
            ok_ = sqlite3_open(location.c_str(), &file_) == SQLITE_OK &&
                  sqlite3_exec(file_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
        }
    }
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;
    ~WriteLock() { release(); }
    [[nodiscard]] bool held() const { return ok_; }
    void release() {
        // ROLLBACK waits until the server has dropped the locks; PQfinish alone returns before the
        // backend has gone, so the next write could still meet them (seen under load).
        if (server_ != nullptr) {
            (void)run("ROLLBACK");
            PQfinish(server_);
        }
        if (file_ != nullptr) {
            sqlite3_exec(file_, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(file_);
        }
        server_ = nullptr;
        file_ = nullptr;
    }

private:
    bool run(const char* sql) {
        PGresult* result = PQexec(server_, sql);
        const bool done = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        return done;
    }
    PGconn* server_ = nullptr;
    sqlite3* file_ = nullptr;
    bool ok_ = false;
};

TEST_P(StoredEngineTest, AFailedWriteLeavesEngineAndStoreAgreeing) {
    StoredEngine stored = StoredEngine::create(store(0), Calendar::china());
    Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
    run.setup();
    const CaseId a = run.file(at(9, 28, 8));
    // Another connection holds the write lock: the next write fails at once (busy timeout 0; 1 ms
    // lock timeout on PostgreSQL).
    WriteLock other(postgres(), location_);
    ASSERT_TRUE(other.held());
    EXPECT_THROW(stored.take(a, "submit", run.supervisor, at(9, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}}),
                 FileError);
    EXPECT_FALSE(stored.broken());
    EXPECT_EQ(stored.engine().state_id(a), "collect");  // the operation is gone from the engine too
    EXPECT_EQ(stored.engine().events().size(), 1U);
    EXPECT_THROW(stored.add_actor({"new", "x", {"grid_worker"}, std::nullopt, "", ""}), FileError);
    EXPECT_FALSE(stored.engine().find_actor("new").has_value());
    other.release();
    stored.take(a, "submit", run.supervisor, at(9, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    EXPECT_EQ(stored.engine().state_id(a), "file");
    expect_same(StoredEngine::load(store(), Calendar::china()).engine(), stored.engine());
}

TEST_P(StoredEngineTest, BadInputIsRefusedAndWritesNothing) {
    EXPECT_THAT(error_message<NotFound>([&] { (void)StoredEngine::load(store(), Calendar::china()); }), HasSubstr("holds no case engine"));
    {
        StoredEngine stored = StoredEngine::load_or_create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        const std::int64_t before = store().last_position();
        EXPECT_THROW(stored.add_workflow(urban_management()), InvalidInput);
        EXPECT_THROW(stored.add_actor({"wg-1", "dup", {"x"}, std::nullopt, "", ""}), InvalidInput);
        CaseInput input;
        input.matter = "event:9999";
        input.unit = jinyuan;
        EXPECT_THROW((void)stored.open(input, run.reporter, at(9, 28, 8)), InvalidInput);
        EXPECT_EQ(store().last_position(), before);
    }
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)StoredEngine::create(store(), Calendar::china()); }),
                HasSubstr("already holds a case engine"));
    EXPECT_EQ(StoredEngine::load_or_create(store(), Calendar::china()).engine().actor_count(), 4U);  // open() loads
}

TEST_P(StoredEngineTest, SnapshotsAreADroppableCache) {
    CaseEngine reference(Calendar::china());
    Scenario<CaseEngine> plain{reference, {}, {}, {}, {}};
    plain.setup();
    plain.first_day();
    std::int64_t position = 0;
    {
        StoredEngine stored = StoredEngine::create(store(), Calendar::china());
        Scenario<StoredEngine> run{stored, {}, {}, {}, {}};
        run.setup();
        run.first_day();
        stored.begin_batch();
        EXPECT_THROW((void)stored.save_snapshot(), InvalidInput);
        stored.commit_batch();
        position = stored.save_snapshot();
        EXPECT_EQ(position, store().last_position());
        Scenario<StoredEngine> more{stored, run.reporter, run.supervisor, run.commander, run.department};
        more.second_day();  // events after the snapshot
        stored.add_actor({"late", "后来的人", {"grid_worker"}, std::nullopt, "", ""});  // setup after it too
    }
    plain.second_day();
    reference.add_actor({"late", "后来的人", {"grid_worker"}, std::nullopt, "", ""});
    StoredEngine from_snapshot = StoredEngine::load(store(), Calendar::china());
    EXPECT_TRUE(from_snapshot.loaded_from_snapshot());
    expect_same(from_snapshot.engine(), reference);
    // Deleting the snapshots changes nothing but speed.
    EXPECT_EQ(store().delete_snapshots(), 1);
    StoredEngine replayed = StoredEngine::load(store(), Calendar::china());
    EXPECT_FALSE(replayed.loaded_from_snapshot());
    expect_same(replayed.engine(), reference);
    // A stale format or unreadable bytes are ignored: the engine is replayed instead.
    Store s = store();
    s.save_snapshot("case-engine", position, CaseEngine::snapshot_format + 1, "from another version");
    EXPECT_FALSE(StoredEngine::load(store(), Calendar::china()).loaded_from_snapshot());
    s.save_snapshot("case-engine", position, CaseEngine::snapshot_format, "garbage");
    StoredEngine after_garbage = StoredEngine::load(store(), Calendar::china());
    EXPECT_FALSE(after_garbage.loaded_from_snapshot());
    expect_same(after_garbage.engine(), reference);
    // A snapshot that does not fit the events after it (here: an empty engine's, at the last position).
    CaseEngine empty(Calendar::china());
    s.save_snapshot("case-engine", s.last_position(), CaseEngine::snapshot_format, empty.snapshot());
    StoredEngine after_misfit = StoredEngine::load(store(), Calendar::china());
    EXPECT_FALSE(after_misfit.loaded_from_snapshot());
    expect_same(after_misfit.engine(), reference);
    // The latest snapshot replaces older ones; bad arguments are refused.
    (void)after_misfit.save_snapshot();
    EXPECT_EQ(s.latest_snapshot("case-engine")->position, s.last_position());
    EXPECT_TRUE(StoredEngine::load(store(), Calendar::china()).loaded_from_snapshot());
    EXPECT_THROW(s.save_snapshot("", 0, 1, "x"), InvalidInput);
    EXPECT_THROW(s.save_snapshot("x", s.last_position() + 1, 1, "x"), InvalidInput);
    EXPECT_FALSE(s.latest_snapshot("nothing").has_value());
}

TEST_P(StoredEngineTest, ARestoredSnapshotEqualsTheEngineAndDamageIsRefused) {
    CaseEngine reference(Calendar::china());
    Scenario<CaseEngine> plain{reference, {}, {}, {}, {}};
    plain.setup();
    plain.first_day();
    const std::string bytes = reference.snapshot();
    CaseEngine copy(Calendar::china());
    Scenario<CaseEngine>{copy, {}, {}, {}, {}}.setup();
    copy.restore(bytes);
    expect_same(copy, reference);
    EXPECT_THROW(copy.restore(bytes), InvalidInput);  // has cases
    CaseEngine bare(Calendar::china());  // no loops or actors
    EXPECT_THAT(error_message<InvalidInput>([&] { bare.restore(bytes); }), HasSubstr("does not fit"));
    EXPECT_EQ(bare.size(), 0U);
    CaseEngine other(Calendar::china());
    Scenario<CaseEngine>{other, {}, {}, {}, {}}.setup();
    EXPECT_THAT(error_message<InvalidInput>([&] { other.restore(bytes.substr(0, bytes.size() / 2)); }), HasSubstr("truncated"));
    EXPECT_EQ(other.size(), 0U);
    EXPECT_THROW(other.restore("nonsense"), InvalidInput);
    // Replay continues after a restore.
    other.restore(bytes);
    Scenario<CaseEngine>{other, *other.find_actor("wg-1"), *other.find_actor("sv-1"), *other.find_actor("cc-1"),
                         *other.find_actor("dp-1")}.second_day();
    plain.second_day();
    expect_same(other, reference);
}

TEST_P(StoredEngineTest, AVersionOneFileMigratesToVersionTwo) {
    // The version 1 schema in each engine's spelling (as the store's DDL tokens spell it).
    const std::string blob = postgres() ? "BYTEA" : "BLOB";
    const std::string key = postgres() ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY";
    raw_sql("CREATE TABLE schema_versions (version " + key + ", description TEXT NOT NULL,"
            "  applied_at TEXT NOT NULL DEFAULT 'then');"
            "CREATE TABLE streams (stream_id TEXT PRIMARY KEY, kind TEXT NOT NULL, version BIGINT NOT NULL)" +
            (postgres() ? "" : " WITHOUT ROWID") + ";"
            "CREATE TABLE events (position " + key + ", stream_id TEXT NOT NULL REFERENCES streams(stream_id),"
            "  stream_version BIGINT NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
            "  schema_version BIGINT NOT NULL, occurred_at BIGINT NOT NULL, recorded_at BIGINT NOT NULL, actor TEXT,"
            "  correlation_id TEXT, causation_id TEXT, payload TEXT NOT NULL, hash " + blob + ", UNIQUE (stream_id, stream_version));"
            "INSERT INTO schema_versions(version, description) VALUES (1, 'streams and events');"
            "INSERT INTO streams VALUES ('s', 'k', 1);"
            "INSERT INTO events VALUES (1, 's', 1, 'e1', 't', 1, 5, 5, NULL, NULL, NULL, '{}', NULL);");
    Store s = store();
    EXPECT_THAT(s.applied_schema_versions(), ::testing::ElementsAre(1, 2));
    EXPECT_EQ(s.read_all().size(), 1U);
    s.save_snapshot("x", 1, 1, std::string("\0binary\xff", 8));
    EXPECT_EQ(s.latest_snapshot("x")->data, std::string("\0binary\xff", 8));
}

}  // namespace
}  // namespace grassroots
