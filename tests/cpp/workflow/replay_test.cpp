// Replay re-executes every record through the live engine's checks: valid histories come back
// identical, forged ones (issue 14) are refused naming the line and the key, leaving no cases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "grassroots/datasets/dongying.hpp"
#include "grassroots/division/tree.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"
#include "workflow/engine_fixture.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using namespace testing;  // the fixture (workflow/engine_fixture.hpp)

const DivisionTree& divisions() {
    static const DivisionTree tree = datasets::dongying_divisions();
    return tree;
}

/// The fixture with the test catalogue and list, the division tree and a visitor (访客) who may
/// only look: the setup of both the live engine and the one replaying its record.
struct City : Fixture {
    ActorId visitor;
    City() {
        add_routing(engine);
        engine.set_divisions(&divisions());
        visitor = engine.add_actor({"vs-1", "访客", {"visitor"}, jinyuan, "", ""});
    }
};

/// Case 1 handled on time by mx-1, verified by sv-2, closed and reopened by its reporter; case 2 handled late (after its 催办 and
/// 督办 to the township); case 3 collects refusals of every kind the checks make.
std::vector<EventRecord> month() {
    City c;
    const CaseId on_time = c.file(at(9, 28, 9));
    c.to_handle(on_time, at(9, 28, 11));
    c.engine.take(on_time, "complete", c.both, at(9, 29, 10), {{"result", "已劝离"}});
    c.engine.take(on_time, "report_back", c.both, at(9, 29, 11));
    c.engine.take(on_time, "verify_pass", c.checker, at(9, 29, 12));
    c.engine.take(on_time, "evaluate", c.checker, at(9, 29, 13), {{"rating", "满意"}});
    c.engine.reopen(on_time, c.reporter, at(9, 30, 9), "复发");
    const CaseId late = c.file(at(9, 28, 9));
    c.to_handle(late, at(9, 28, 11));
    c.engine.take(late, "complete", c.both, at(10, 15, 9), {{"result", "已清理"}});  // due 10 October (调休) 17:30
    c.engine.take(late, "report_back", c.both, at(10, 15, 10));
    const CaseId refused = c.file(at(9, 28, 9));
    EXPECT_THROW(c.engine.take(refused, "submit", c.supervisor, at(9, 28, 10), {{"location", "x"}}), RuleViolation);
    c.engine.take(refused, "submit", c.supervisor, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    c.engine.take(refused, "accept", c.commander, at(9, 28, 10, 30));
    EXPECT_THROW(c.engine.take(refused, "dispatch", c.commander, at(9, 28, 11), {{"department", "区水务局"}}), RuleViolation);
    EXPECT_THROW(c.engine.take(refused, "dispatch", c.stranger, at(9, 28, 11)), PermissionDenied);
    EXPECT_THROW(c.engine.reopen(refused, c.reporter, at(9, 28, 12)), RuleViolation);
    return CaseEngine::parse_json_lines(c.engine.to_json_lines(), "month.jsonl");
}

/// The position of the first record of @p case_number of @p kind (and @p transition, if given).
std::size_t find(const std::vector<EventRecord>& records, std::string_view case_number, EventKind kind, std::string_view transition = {}) {
    const auto it = std::find_if(records.begin(), records.end(), [&](const EventRecord& r) {
        return r.case_number == case_number && r.kind == kind && (transition.empty() || r.transition == transition);
    });
    EXPECT_NE(it, records.end()) << case_number << " " << to_string(kind) << " " << transition;
    return static_cast<std::size_t>(it - records.begin());
}

/// Numbers @p records from 0 again, as a forger does after deleting lines.
void renumber(std::vector<EventRecord>& records) {
    for (std::size_t i = 0; i < records.size(); ++i) records[i].sequence = i;
}

/// The error replaying @p records into a fresh City throws; the engine must be left without cases.
InvalidInput refusal(const std::vector<EventRecord>& records) {
    City c;
    try {
        c.engine.replay(records);
    } catch (const InvalidInput& error) {
        EXPECT_EQ(c.engine.size(), 0U);
        EXPECT_TRUE(c.engine.events().empty());
        c.engine.replay(month());  // and still usable
        return error;
    }
    ADD_FAILURE() << "the forged history replayed";
    return InvalidInput("replayed");
}

/// Expects replaying @p records to be refused at line @p row, key @p field, with @p words.
void expect_refused(const std::vector<EventRecord>& records, std::size_t row, std::string_view field, std::string_view words) {
    const InvalidInput error = refusal(records);
    EXPECT_EQ(error.where().row, row) << error.what();
    EXPECT_EQ(error.where().field, field) << error.what();
    EXPECT_THAT(error.what(), HasSubstr(std::string(words)));
}

TEST(Replay, AValidMonthWithRefusalsOfEveryKindComesBackIdentical) {
    const std::vector<EventRecord> records = month();
    City c;
    c.engine.replay(records);
    EXPECT_EQ(CaseEngine::parse_json_lines(c.engine.to_json_lines(), "month.jsonl"), records);
    EXPECT_EQ(c.engine.state(CaseId(1)).escalations, 1);
    EXPECT_EQ(c.engine.state(CaseId(2)).refusals, 4);
    // A refusal keeps the fields of the attempt, so that replay can reproduce it.
    const EventRecord& missing = records[find(records, "C000003", EventKind::refused, "submit")];
    EXPECT_EQ(missing.fields, (std::vector<Field>{{"location", "x"}}));
    EXPECT_THAT(missing.reason, HasSubstr("needs fields 'category', 'description'"));
}

TEST(Replay, RefusesAVerificationRewrittenSoTheHandlerVerifies) {
    std::vector<EventRecord> records = month();
    const std::size_t verify = find(records, "C000001", EventKind::transition, "verify_pass");
    records[verify].actor = "mx-1";  // handled the case; holds supervision_centre too
    expect_refused(records, verify + 1, "actor", "separation of duties: actor 'mx-1' handled case C000001");
}

TEST(Replay, RefusesADispatchByAnActorWhoseOnlyRoleIsVisitor) {
    std::vector<EventRecord> records = month();
    const std::size_t dispatch = find(records, "C000001", EventKind::transition, "dispatch");
    records[dispatch].actor = "vs-1";
    records[dispatch].role = "visitor";
    expect_refused(records, dispatch + 1, "actor", "actor 'vs-1' (roles: visitor) may not take 'dispatch'");
}

TEST(Replay, RefusesAWholeCaseAppendedByAVisitor) {
    std::vector<EventRecord> records = month();
    const std::size_t size = records.size();
    for (std::size_t i = 0; i < size; ++i) {
        if (records[i].case_number != "C000001") continue;
        EventRecord copy = records[i];
        copy.case_number = "C000004";
        copy.sequence = records.size();
        if (!copy.actor.empty()) copy.actor = "vs-1";
        records.push_back(std::move(copy));
    }
    const InvalidInput error = refusal(records);
    EXPECT_GT(error.where().row, size) << error.what();  // on the appended case, at the latest its first transition
    EXPECT_LE(error.where().row, size + 2) << error.what();
    EXPECT_THAT(error.what(), HasSubstr("'vs-1'"));
}

TEST(Replay, RefusesALateHandlingWhoseUrgingAndEscalationWereDropped) {
    std::vector<EventRecord> records = month();
    const std::size_t urged = find(records, "C000002", EventKind::urged);
    ASSERT_EQ(records[urged + 1].kind, EventKind::escalated);
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(urged), records.begin() + static_cast<std::ptrdiff_t>(urged) + 2);
    renumber(records);
    // Kept at its late time: the live engine records the 催办 first.
    expect_refused(records, urged + 1, "at", "fell due at 2026-10-10T17:30:00+08:00: the live engine records 催办 (urged)");
    // Moved before the deadline: the rung it carries (township, after the dropped 督办) no longer fits.
    const std::size_t complete = find(records, "C000002", EventKind::transition, "complete");
    records[complete].at = at(10, 9, 9);
    expect_refused(records, complete + 1, "rung", "'rung' is 'township' where the live engine records 'community'");
}

TEST(Replay, RefusesAnEscalationBeforeItsDueInstant) {
    std::vector<EventRecord> records = month();
    const std::size_t urged = find(records, "C000002", EventKind::urged);
    records[urged].at = at(10, 10, 17);
    records[urged + 1].at = at(10, 10, 17);
    expect_refused(records, urged + 1, "at", "before its deadline falls due (2026-10-10T17:30:00+08:00)");
    records = month();
    records[urged + 1].at = at(10, 14, 9);  // the 督办 recorded days after its 催办
    expect_refused(records, urged + 2, "at", "'at' is 2026-10-14T09:00:00+08:00 where the live engine records 2026-10-10T17:30:00+08:00");
}

TEST(Replay, RefusesMissingRequiredFieldsReopeningsOutOfTheWindowAndInventedDeadlines) {
    std::vector<EventRecord> records = month();
    const std::size_t submit = find(records, "C000001", EventKind::transition, "submit");
    records[submit].fields.pop_back();
    expect_refused(records, submit + 1, "fields", "transition 'submit' of case C000001 needs field 'description'");
    records = month();
    const std::size_t reopened = find(records, "C000001", EventKind::reopened);
    records[reopened].at = at(12, 30, 9);
    expect_refused(records, reopened + 1, "transition", "the reopen window of case C000001 (5 working days) ended at");
    records[reopened].at = at(9, 30, 9);
    records[reopened].actor = "sv-1";
    expect_refused(records, reopened + 1, "actor", "only the reporter of case C000001 may reopen it, not 'sv-1'");
    records = month();
    const std::size_t evaluate = find(records, "C000001", EventKind::transition, "evaluate");
    records[evaluate].kind = EventKind::urged;  // a 催办 while no deadline is pending
    expect_refused(records, evaluate + 1, "kind", "no deadline of the case is pending");
}

TEST(Replay, RefusesAForgedAssignment) {
    std::vector<EventRecord> records = month();
    const std::size_t assigned = find(records, "C000001", EventKind::assigned);
    records[assigned].assignment->primary = "区水务局";
    expect_refused(records, assigned + 1, "assignment", "'区水务局, 街道综合执法队' at community where the live engine records '锦苑社区居委会");
    records = month();
    const std::size_t orphan = find(records, "C000001", EventKind::assigned);
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(orphan) - 1);  // the dispatch that routed it
    renumber(records);
    expect_refused(records, orphan, "kind", "an assigned event without the dispatch that routed it");
}

TEST(Replay, RefusesUnitsOutsideTheTreeAndMattersOutsideTheCatalogue) {
    std::vector<EventRecord> records = month();
    records[0].unit = "370502005598";
    records[0].input->unit = DivisionCode::parse("370502005598");
    expect_refused(records, 1, "unit", "division 370502005598 is not in the division tree");
    records = month();
    records[0].input->matter = "event:9999";
    expect_refused(records, 1, "matter", "matter 'event:9999' is not in the catalogue");
    records = month();
    records[0].unit = "370502005";  // the filed unit is the community's
    expect_refused(records, 1, "unit", "'unit' is '370502005' where the live engine records '370502005066'");
}

/// Two grids of 锦苑社区 side by side.
const GridMap& two_grids() {
    static const GridMap grids = [] {
        GridMapBuilder builder;
        builder.add(Grid{GridCode::make(jinyuan, 1), GridKind::comprehensive, "第一网格",
                         Polygon({{118.0, 37.0}, {118.01, 37.0}, {118.01, 37.01}, {118.0, 37.01}, {118.0, 37.0}}), 300});
        builder.add(Grid{GridCode::make(jinyuan, 2), GridKind::comprehensive, "第二网格",
                         Polygon({{118.01, 37.0}, {118.02, 37.0}, {118.02, 37.01}, {118.01, 37.01}, {118.01, 37.0}}), 300});
        return builder.build();
    }();
    return grids;
}

/// A patrol loop whose grid workers act only in their grid; with @p map, cases are located in two_grids().
CaseEngine patrol(bool map) {
    CaseEngine engine(Calendar::china());
    engine.add_workflow(WorkflowDefinition::from_json(R"({"id": "patrol", "version": 1, "title": "巡查", "initial": "found",
        "states": [{"id": "found", "name": "发现"}, {"id": "done", "name": "办结", "closed": true}],
        "transitions": [{"id": "fix", "from": "found", "to": "done", "roles": ["grid_worker"]}]})", "patrol.json"));
    if (map) engine.set_grid_map(&two_grids());
    engine.add_actor({"wg-1", "一格网格员", {"grid_worker"}, jinyuan, GridCode::make(jinyuan, 1).str(), ""});
    return engine;
}

TEST(Replay, TheGridIsLocatedAgainWhenTheMapIsSetAndItsWorkersChecked) {
    CaseEngine live = patrol(true);
    CaseInput input;
    input.matter = "event:0102";
    input.workflow = "patrol";
    input.point = Point{118.005, 37.005};
    const CaseId id = live.open(input, ActorId(0), at(9, 28, 9));
    live.take(id, "fix", ActorId(0), at(9, 28, 10));
    std::vector<EventRecord> records = CaseEngine::parse_json_lines(live.to_json_lines());
    patrol(false).replay(records);  // without a map the recorded grid is taken
    records[0].grid = GridCode::make(jinyuan, 2).str();
    CaseEngine mapped = patrol(true);
    EXPECT_THAT(error_message<InvalidInput>([&] { mapped.replay(records); }),
                HasSubstr("row 1, field 'grid': replay: 'grid' is '37050200506602' where the live engine records '37050200506601'"));
    CaseEngine unmapped = patrol(false);
    EXPECT_THAT(error_message<InvalidInput>([&] { unmapped.replay(records); }),
                HasSubstr("row 1, field 'actor': replay: the live engine refuses this: actor 'wg-1' acts in grid 37050200506601 "
                          "but the case is in grid 37050200506602"));  // the reporter may not file there
    records[0].grid = GridCode::make(DivisionCode::parse("370502006001"), 1).str();  // in another unit than the one filed
    records[0].input->unit = jinyuan;
    EXPECT_THAT(error_message<InvalidInput>([&] { unmapped.replay(records); }), HasSubstr("field 'unit'"));
}

TEST(Replay, RefusalsMustBeThoseTheLiveEngineMakes) {
    std::vector<EventRecord> records = month();
    const std::size_t refused = find(records, "C000003", EventKind::refused, "dispatch");
    records[refused].reason = "workflow.department-not-responsible: nobody";
    expect_refused(records, refused + 1, "reason", "'reason' is 'workflow.department-not-responsible: nobody' where the live engine records");
    records = month();
    const std::size_t accepted = find(records, "C000001", EventKind::transition, "accept");
    records[accepted].kind = EventKind::refused;
    records[accepted].to = records[accepted].from;
    records[accepted].reason = "不予受理";
    expect_refused(records, accepted + 1, "reason", "the live engine accepts this attempt (it records 'transition')");
    records = month();
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(refused));  // deleted, not renumbered
    expect_refused(records, refused + 1, "sequence", "where " + std::to_string(refused) + " was expected");
}

TEST(Replay, ARefusalDeletedAndRenumberedIsAHistoryTheLiveEngineCouldHaveMadeAndReplays) {
    // The documented limit (docs/security.md, "What replay trusts"): an attempt that was never made
    // leaves no trace for replay to miss; the store's hash chain shows that a line was removed.
    std::vector<EventRecord> records = month();
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(find(records, "C000003", EventKind::refused, "dispatch")));
    renumber(records);
    City c;
    c.engine.replay(records);
    EXPECT_EQ(c.engine.state(CaseId(2)).refusals, 3);
}

TEST(Replay, ATruncatedRecordIsRefusedWhereTheCutShows) {
    const std::vector<EventRecord> records = month();
    // Cut inside an operation: the dispatch without the assignment it records with it.
    const std::size_t assigned = find(records, "C000001", EventKind::assigned);
    const std::vector<EventRecord> cut(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(assigned));
    expect_refused(cut, assigned, "kind", "the records end inside an operation (cut short?): the live engine also records 'assigned'");
    // Cut inside a line: not JSON.
    City live;
    live.engine.replay(records);
    std::string text = live.engine.to_json_lines();
    text.resize(text.size() - 10);
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)CaseEngine::parse_json_lines(text, "cut.jsonl"); }),
                HasSubstr("cut.jsonl, row " + std::to_string(records.size())));
    // Cut between operations: a history that stops earlier, which replay cannot tell apart.
    City c;
    c.engine.replay(std::span(records).first(assigned + 1));
    EXPECT_EQ(c.engine.state_id(CaseId(0)), "handle");
}

TEST(Replay, ChunksMayEndInsideAnOperationWhenMoreFollow) {
    const std::vector<EventRecord> records = month();
    const std::size_t assigned = find(records, "C000001", EventKind::assigned);
    City c;
    c.engine.replay(std::span(records).first(assigned), ReplayEnd::more_follow);
    c.engine.replay(std::span(records).subspan(assigned), ReplayEnd::more_follow);
    c.engine.replay({});  // the end: nothing is left unconfirmed
    EXPECT_EQ(c.engine.events().size(), records.size());
    City d;
    d.engine.replay(std::span(records).first(assigned), ReplayEnd::more_follow);
    EXPECT_THAT(error_message<InvalidInput>([&] { d.engine.replay({}); }), HasSubstr("end inside an operation"));
    EXPECT_EQ(d.engine.size(), 0U);
}

}  // namespace
}  // namespace grassroots
