// The case engine: transitions, permissions, separation of duties, deadlines across holidays,
// escalation, reopening, the event record, replay and Open311.
#include "grassroots/workflow/engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "test_support.hpp"
#include "workflow/engine_fixture.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using std::chrono::hours;
using std::chrono::minutes;
using testing::error_message;
using namespace testing;  // the fixture (workflow/engine_fixture.hpp)

TEST(CaseEngine, RunsAnUrbanCaseThroughItsSevenStages) {
    Fixture f;
    const CaseId id = f.file();
    EXPECT_EQ(f.engine.state_id(id), "collect");
    EXPECT_EQ(CaseEngine::case_number(id), "C000001");
    EXPECT_EQ(f.engine.find_case("C000001"), id);
    EXPECT_EQ(CaseEngine::parse_case_number("C000042"), CaseId(41));  // whether or not the case exists
    EXPECT_THROW((void)f.engine.find_case("C000042"), NotFound);
    EXPECT_THROW((void)CaseEngine::parse_case_number("C0"), InvalidInput);
    EXPECT_THROW((void)CaseEngine::parse_case_number("東000001"), InvalidInput);
    EXPECT_THROW((void)CaseEngine::parse_case_number("C99999999999"), NotFound);
    f.to_handle(id, at(9, 28, 11));
    EXPECT_EQ(f.engine.state_id(id), "handle");
    EXPECT_EQ(f.engine.state(id).clock_started, at(9, 28, 10, 30));  // entering dispatch starts the clock
    ASSERT_TRUE(f.engine.assignment(id).has_value());
    EXPECT_EQ(f.engine.assignment(id)->primary, "街道综合执法队");
    f.engine.take(id, "complete", f.department, at(9, 29, 10), {{"result", "已劝离"}});
    f.engine.take(id, "report_back", f.department, at(9, 29, 10, 5));
    f.engine.take(id, "verify_pass", f.checker, at(9, 29, 11));
    f.engine.take(id, "evaluate", f.checker, at(9, 29, 12), {{"rating", "满意"}});
    const CaseState& s = f.engine.state(id);
    EXPECT_TRUE(s.closed);
    EXPECT_EQ(f.engine.state_id(id), "closed");
    EXPECT_EQ(s.closed_at, at(9, 29, 12));
    EXPECT_EQ(s.transitions, 7);
    EXPECT_EQ(s.handler, f.department);
    EXPECT_EQ(s.verifier, f.checker);
    EXPECT_TRUE(f.engine.available(id).empty());
    std::vector<EventKind> kinds;
    for (const Event* e : f.engine.events_of(id)) kinds.push_back(e->kind);
    EXPECT_THAT(kinds, ElementsAre(EventKind::opened, EventKind::transition, EventKind::transition, EventKind::transition,
                                   EventKind::assigned, EventKind::transition, EventKind::transition, EventKind::transition,
                                   EventKind::transition));
    const EventRecord dispatch = f.engine.describe(*f.engine.events_of(id)[3]);
    EXPECT_EQ(dispatch.actor, "cc-1");
    EXPECT_EQ(dispatch.role, "command_centre");
    EXPECT_EQ(dispatch.from, "dispatch");
    EXPECT_EQ(dispatch.to, "handle");
    EXPECT_THAT(dispatch.fields, ElementsAre(Field{"department", "街道综合执法队"}));
}

TEST(CaseEngine, HandlingDeadlineRunsOnWorkingDaysAcrossTheNationalDayHoliday) {
    Fixture f;
    const CaseId id = f.file(at(9, 30, 8));
    f.to_handle(id, at(9, 30, 10));
    // 5 working days from Wednesday 30 September: 8, 9, 10 (make-up Saturday), 12, 13 October.
    EXPECT_EQ(f.engine.state(id).due, at(10, 13, 17, 30));
    EXPECT_EQ(f.engine.state(id).handling_due, at(10, 13, 17, 30));
    EXPECT_EQ(f.engine.advance(at(10, 13, 17, 30)), 0U);  // due, not yet breached
    EXPECT_EQ(f.engine.advance(at(10, 13, 17, 31)), 2U);  // 催办 then 督办
    const CaseState& s = f.engine.state(id);
    EXPECT_EQ(s.urges, 1);
    EXPECT_EQ(s.escalations, 1);
    EXPECT_EQ(s.rung, Rung::township);  // filed on the community's code: community → township
    const auto events = f.engine.events_of(id);
    EXPECT_EQ(events[events.size() - 2]->kind, EventKind::urged);
    EXPECT_EQ(events.back()->kind, EventKind::escalated);
    EXPECT_EQ(events.back()->at, at(10, 13, 17, 30));
    EXPECT_THAT(f.engine.describe(*events.back()).note, HasSubstr("督办"));
    // Re-armed for another 5 working days: 14, 15, 16, 19, 20 October.
    EXPECT_EQ(s.next_breach, at(10, 20, 17, 30));
}

TEST(CaseEngine, EscalatesOneRungPerBreachAndStopsAtTheTop) {
    Fixture f;
    const CaseId id = f.file(at(9, 28, 8));
    f.to_handle(id, at(9, 28, 10));
    f.engine.advance(at(12, 31, 0));
    const CaseState& s = f.engine.state(id);
    EXPECT_EQ(s.rung, Rung::county);
    EXPECT_EQ(s.escalations, 2);        // community → township → county
    EXPECT_EQ(s.urges, 2);
    EXPECT_FALSE(s.next_breach.has_value());
    EXPECT_EQ(f.engine.advance(at(12, 31, 12)), 0U);
}

TEST(CaseEngine, ProcessesTimersOfAllCasesInTimeOrder) {
    Fixture f;
    const CaseId late = f.file(at(9, 28, 8));
    f.to_handle(late, at(9, 29, 10));
    const CaseId early = f.file(at(9, 28, 8));
    f.to_handle(early, at(9, 28, 10));
    f.engine.advance(at(10, 14, 0));
    std::vector<std::pair<std::uint32_t, EventKind>> breaches;
    Instant previous{};
    for (const Event& e : f.engine.events()) {
        if (e.kind != EventKind::urged && e.kind != EventKind::escalated) continue;
        breaches.emplace_back(e.case_id.value(), e.kind);
        EXPECT_GE(e.at, previous);
        previous = e.at;
    }
    EXPECT_THAT(breaches, ElementsAre(std::pair{early.value(), EventKind::urged}, std::pair{early.value(), EventKind::escalated},
                                      std::pair{late.value(), EventKind::urged}, std::pair{late.value(), EventKind::escalated}));
}

TEST(CaseEngine, ATransitionAfterTheDueTimeRecordsTheBreachFirst) {
    Fixture f;
    const CaseId id = f.file(at(9, 30, 8));
    f.to_handle(id, at(9, 30, 10));
    f.engine.take(id, "complete", f.department, at(10, 14, 9), {{"result", "done"}});  // no advance() called
    const auto events = f.engine.events_of(id);
    ASSERT_GE(events.size(), 3U);
    EXPECT_EQ(events[events.size() - 3]->kind, EventKind::urged);
    EXPECT_EQ(events[events.size() - 2]->kind, EventKind::escalated);
    EXPECT_EQ(events[events.size() - 2]->at, at(10, 13, 17, 30));
    EXPECT_EQ(events.back()->kind, EventKind::transition);
    EXPECT_EQ(f.engine.state_id(id), "feedback");
    EXPECT_EQ(f.engine.state(id).handled_at, at(10, 14, 9));
    EXPECT_EQ(f.engine.state(id).handling_due, at(10, 13, 17, 30));  // kept: the case was handled late
    EXPECT_FALSE(f.engine.state(id).next_breach.has_value());  // feedback has no deadline
}

TEST(CaseEngine, RefusesAnActorWithoutTheRoleAndRecordsTheRefusal) {
    Fixture f;
    const CaseId id = f.file();
    const std::size_t before = f.engine.events().size();
    const std::string message = error_message<PermissionDenied>([&] {
        f.engine.take(id, "submit", f.department, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    });
    EXPECT_THAT(message, HasSubstr("'dp-1'"));
    EXPECT_THAT(message, HasSubstr("supervision_centre"));
    EXPECT_EQ(f.engine.state_id(id), "collect");
    EXPECT_EQ(f.engine.state(id).refusals, 1);
    ASSERT_EQ(f.engine.events().size(), before + 1);
    const EventRecord refused = f.engine.describe(f.engine.events().back());
    EXPECT_EQ(refused.kind, EventKind::refused);
    EXPECT_EQ(refused.actor, "dp-1");
    EXPECT_EQ(refused.transition, "submit");
    EXPECT_EQ(refused.reason, message);
}

TEST(CaseEngine, RefusesAnActorOutsideTheCasesScope) {
    Fixture f;
    const CaseId id = f.file();
    const std::string message = error_message<PermissionDenied>([&] {
        f.engine.take(id, "submit", f.stranger, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    });
    EXPECT_THAT(message, HasSubstr("acts in 370502006"));
    EXPECT_THAT(message, HasSubstr("370502005066"));
    EXPECT_EQ(f.engine.state(id).refusals, 1);
    EXPECT_EQ(f.engine.state_id(id), "collect");
}

TEST(CaseEngine, GridWorkersActOnlyInTheirGrid) {
    CaseEngine engine(Calendar::china());
    engine.add_workflow(WorkflowDefinition::from_json(R"({"id": "patrol", "version": 1, "title": "巡查", "initial": "found",
        "states": [{"id": "found", "name": "发现"}, {"id": "done", "name": "办结", "closed": true}],
        "transitions": [{"id": "fix", "from": "found", "to": "done", "roles": ["grid_worker"]}]})", "patrol.json"));
    GridMapBuilder builder;
    builder.add(Grid{GridCode::make(jinyuan, 1), GridKind::comprehensive, "第一网格",
                     Polygon({{118.0, 37.0}, {118.01, 37.0}, {118.01, 37.01}, {118.0, 37.01}, {118.0, 37.0}}), 300});
    builder.add(Grid{GridCode::make(jinyuan, 2), GridKind::comprehensive, "第二网格",
                     Polygon({{118.01, 37.0}, {118.02, 37.0}, {118.02, 37.01}, {118.01, 37.01}, {118.01, 37.0}}), 300});
    const GridMap grids = builder.build();
    engine.set_grid_map(&grids);
    const ActorId mine = engine.add_actor({"wg-1", "一格网格员", {"grid_worker"}, jinyuan, GridCode::make(jinyuan, 1).str(), ""});
    const ActorId theirs = engine.add_actor({"wg-2", "二格网格员", {"grid_worker"}, jinyuan, GridCode::make(jinyuan, 2).str(), ""});
    CaseInput input;
    input.matter = "event:0102";
    input.workflow = "patrol";
    input.point = Point{118.005, 37.005};
    const CaseId id = engine.open(input, mine, at(9, 28, 9));
    EXPECT_EQ(engine.state(id).grid, "37050200506601");
    EXPECT_EQ(engine.state(id).unit, jinyuan);
    EXPECT_EQ(engine.state(id).rung, Rung::grid);
    EXPECT_THAT(error_message<PermissionDenied>([&] { engine.take(id, "fix", theirs, at(9, 28, 10)); }),
                HasSubstr("acts in grid 37050200506602"));
    engine.take(id, "fix", mine, at(9, 28, 11));
    EXPECT_TRUE(engine.state(id).closed);
    // A point in no grid needs a division code; one in a grid must agree with the code given.
    input.point = Point{119.0, 38.0};
    EXPECT_THAT(error_message<InvalidInput>([&] { engine.open(input, mine, at(9, 28, 9)); }), HasSubstr("in no grid"));
    input.point = Point{118.005, 37.005};
    input.unit = other_street;
    EXPECT_THAT(error_message<InvalidInput>([&] { engine.open(input, mine, at(9, 28, 9)); }), HasSubstr("not in unit 370502006"));
    EXPECT_EQ(engine.size(), 1U);
}

TEST(CaseEngine, TheHandlerMayNotVerifyTheirOwnWork) {
    Fixture f;
    const CaseId id = f.file();
    f.to_handle(id, at(9, 28, 11));
    f.engine.take(id, "complete", f.both, at(9, 28, 14), {{"result", "done"}});
    f.engine.take(id, "report_back", f.both, at(9, 28, 15));
    EXPECT_THAT(error_message<PermissionDenied>([&] { f.engine.take(id, "verify_pass", f.both, at(9, 28, 16)); }),
                HasSubstr("separation of duties"));
    EXPECT_EQ(f.engine.state_id(id), "verify");
    f.engine.take(id, "verify_pass", f.checker, at(9, 28, 16));
    EXPECT_EQ(f.engine.state_id(id), "evaluate");
}

TEST(CaseEngine, AFailedVerificationSendsTheCaseBackAndIsCounted) {
    Fixture f;
    const CaseId id = f.file();
    f.to_handle(id, at(9, 28, 11));
    f.engine.take(id, "complete", f.department, at(9, 28, 14), {{"result", "done"}});
    f.engine.take(id, "report_back", f.department, at(9, 28, 15));
    f.engine.take(id, "verify_fail", f.checker, at(9, 28, 16), {{"reason", "摊位仍在"}});
    EXPECT_EQ(f.engine.state_id(id), "dispatch");
    EXPECT_EQ(f.engine.state(id).reworks, 1);
    EXPECT_FALSE(f.engine.state(id).verified);
    f.engine.take(id, "dispatch", f.commander, at(9, 28, 16, 10), {{"department", "街道综合执法队"}});
    f.engine.take(id, "complete", f.department, at(9, 29, 9), {{"result", "已取缔"}});
    f.engine.take(id, "report_back", f.department, at(9, 29, 9, 5));
    f.engine.take(id, "verify_pass", f.checker, at(9, 29, 10));
    f.engine.take(id, "evaluate", f.checker, at(9, 29, 10, 5), {{"rating", "满意"}});
    EXPECT_TRUE(f.engine.state(id).closed);
    EXPECT_EQ(f.engine.state(id).reworks, 1);
}

TEST(CaseEngine, ClosingNeedsAPassedVerificationAfterHandling) {
    CaseEngine engine(Calendar::china(), in_dongying_district({}));
    engine.add_workflow(WorkflowDefinition::from_json(R"({"id": "shortcut", "version": 1, "title": "t", "initial": "open",
        "states": [{"id": "open", "name": "待办"}, {"id": "handled", "name": "已办"}, {"id": "checked", "name": "已核"},
                   {"id": "done", "name": "办结", "closed": true}],
        "transitions": [{"id": "handle", "from": "open", "to": "handled", "roles": ["worker"], "duty": "handle"},
                        {"id": "close", "from": "handled", "to": "done", "roles": ["boss"]},
                        {"id": "check", "from": "handled", "to": "checked", "roles": ["boss"], "duty": "verify"},
                        {"id": "finish", "from": "checked", "to": "done", "roles": ["boss"]}]})", "shortcut.json"));
    const ActorId worker = engine.add_actor({"w", "worker", {"worker"}, std::nullopt, "", ""});
    const ActorId boss = engine.add_actor({"b", "boss", {"boss"}, std::nullopt, "", ""});
    CaseInput input;
    input.matter = "event:0101";
    input.workflow = "shortcut";
    input.unit = jinyuan;
    const CaseId id = engine.open(input, worker, at(9, 28, 9));
    engine.take(id, "handle", worker, at(9, 28, 10));
    const std::string message = error_message<RuleViolation>([&] { engine.take(id, "close", boss, at(9, 28, 11)); });
    EXPECT_THAT(message, HasSubstr("no passed verification"));
    EXPECT_EQ(engine.state_id(id), "handled");
    engine.take(id, "check", boss, at(9, 28, 12));
    engine.take(id, "finish", boss, at(9, 28, 13));
    EXPECT_TRUE(engine.state(id).closed);
}

TEST(CaseEngine, RefusesMissingFieldsAndTransitionsThatDoNotLeaveTheState) {
    Fixture f;
    const CaseId id = f.file();
    // Every missing field in one refusal (issue 15): not 'category' now and 'description' at the next try.
    EXPECT_EQ(error_message<RuleViolation>([&] { f.engine.take(id, "submit", f.supervisor, at(9, 28, 10), {{"location", "x"}}); }),
              "workflow.required-field: transition 'submit' of case C000001 needs fields 'category', 'description'");
    EXPECT_THAT(error_message<RuleViolation>([&] { f.engine.take(id, "dispatch", f.commander, at(9, 28, 10)); }),
                HasSubstr("does not leave state 'collect'"));
    EXPECT_EQ(f.engine.state(id).refusals, 2);
    // Bad input is not a refusal: nothing is recorded.
    const std::size_t before = f.engine.events().size();
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.take(id, "teleport", f.commander, at(9, 28, 10)); }),
                HasSubstr("no transition 'teleport'"));
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.take(id, "submit", f.supervisor, at(9, 27, 10)); }),
                HasSubstr("before the last event"));
    EXPECT_THAT(error_message<InvalidInput>([&] {
        f.engine.take(id, "submit", f.supervisor, at(9, 28, 10), {{"location", "x"}, {"location", "y"}});
    }), HasSubstr("given twice"));
    EXPECT_THROW(f.engine.take(CaseId(99), "submit", f.supervisor, at(9, 28, 10)), NotFound);
    EXPECT_THROW(f.engine.take(id, "submit", ActorId(99), at(9, 28, 10)), NotFound);
    EXPECT_EQ(f.engine.events().size(), before);
    EXPECT_EQ(f.engine.state_id(id), "collect");
}

TEST(CaseEngine, TheReporterMayReopenAClosedCaseWithinTheWindow) {
    Fixture f;  // default window: 5 working days
    auto close = [&](CaseId id, Instant when) {
        f.engine.take(id, "submit", f.supervisor, when, {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        f.engine.take(id, "cancel", f.commander, when + minutes(2), {{"reason", "不属于受理范围"}});
    };
    const CaseId id = f.file(at(9, 29, 9));
    close(id, at(9, 29, 10));
    EXPECT_THAT(error_message<PermissionDenied>([&] { f.engine.reopen(id, f.checker, at(9, 30, 9)); }), HasSubstr("only the reporter"));
    // Closed on 29 September: 5 working days are 30 September, 8, 9, 10 (make-up Saturday) and 12 October.
    const CaseId late = f.file(at(9, 29, 9));
    close(late, at(9, 29, 10));
    EXPECT_THAT(error_message<RuleViolation>([&] { f.engine.reopen(late, f.reporter, at(10, 13, 9)); }),
                HasSubstr("ended at 2026-10-12T17:30"));
    f.engine.reopen(id, f.reporter, at(10, 12, 17), "摊主又回来了");
    EXPECT_FALSE(f.engine.state(id).closed);
    EXPECT_EQ(f.engine.state_id(id), "dispatch");  // the loop's clock-start state
    EXPECT_EQ(f.engine.state(id).reopens, 1);
    EXPECT_EQ(f.engine.state(id).refusals, 1);
    EXPECT_EQ(f.engine.state(late).refusals, 1);
    EXPECT_TRUE(f.engine.state(late).closed);
    EXPECT_THAT(error_message<RuleViolation>([&] { f.engine.reopen(id, f.reporter, at(10, 12, 18)); }), HasSubstr("is not closed"));
}

TEST(CaseEngine, RunningCasesStayOnTheirVersion) {
    Fixture f;
    const CaseId old_case = f.file();
    WorkflowDefinition v2 = WorkflowDefinition::from_json(
        [] {
            std::string json = urban_management().to_json();
            json.replace(json.find("\"version\": 1"), 12, "\"version\": 2");
            return json;
        }(),
        "urban-v2.json");
    f.engine.add_workflow(std::move(v2));
    const CaseId new_case = f.file();
    EXPECT_EQ(f.engine.state(old_case).definition->version(), 1);
    EXPECT_EQ(f.engine.state(new_case).definition->version(), 2);
    EXPECT_THROW(f.engine.add_workflow(urban_management()), InvalidInput);
}

TEST(CaseEngine, RefusesBadCaseInputAndChangesNothing) {
    Fixture f;
    CaseInput input;
    input.workflow = "urban_management";
    input.unit = jinyuan;
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.open(input, f.reporter, at(9, 28, 9)); }), HasSubstr("no matter type"));
    input.matter = "event:0502";
    input.workflow = "nope";
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.open(input, f.reporter, at(9, 28, 9)); }), HasSubstr("nope"));
    input.workflow = "urban_management";
    input.unit.reset();
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.open(input, f.reporter, at(9, 28, 9)); }),
                HasSubstr("neither a point nor a division code"));
    // Every missing required field at once (issue 15), not one per attempt.
    try {
        (void)f.engine.open(CaseInput{}, f.reporter, at(9, 28, 9));
        ADD_FAILURE() << "an empty case input was accepted";
    } catch (const InvalidInput& error) {
        EXPECT_EQ(error.problem(), "case has no matter type; case has neither a point nor a division code");
        EXPECT_EQ(error.where().field, "matter, unit");
    }
    input.unit = jinyuan;
    input.attachments.push_back(Attachment{"", "image/jpeg", 10, ""});
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.open(input, f.reporter, at(9, 28, 9)); }), HasSubstr("attachments[0]"));
    EXPECT_THROW(f.engine.open(CaseInput{}, ActorId(42), at(9, 28, 9)), NotFound);
    EXPECT_EQ(f.engine.size(), 0U);
    EXPECT_TRUE(f.engine.events().empty());
    EXPECT_THROW(f.engine.add_actor({"wg-1", "dup", {"x"}, std::nullopt, "", ""}), InvalidInput);
    EXPECT_THROW(f.engine.add_actor({"new", "no roles", {}, std::nullopt, "", ""}), InvalidInput);
}

TEST(CaseEngine, ADeadlineIntoAnUnpublishedYearIsRefusedUnlessTheCalendarMayGuess) {
    Fixture f;
    const CaseId id = f.file(at(12, 28, 8));
    f.engine.take(id, "submit", f.supervisor, at(12, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    f.engine.take(id, "accept", f.commander, at(12, 28, 9, 30));
    const std::size_t before = f.engine.events().size();
    // Handling takes 5 working days from 28 December 2026: into 2027, whose holidays are not published.
    EXPECT_THAT(error_message<NotFound>([&] { f.engine.take(id, "dispatch", f.commander, at(12, 28, 10), {{"department", "d"}}); }),
                HasSubstr("deadline of state 'handle'"));
    EXPECT_EQ(f.engine.events().size(), before);
    EXPECT_EQ(f.engine.state_id(id), "dispatch");

    Calendar guessing = Calendar::china();
    guessing.set_unpublished(UnpublishedYears::weekday_rule);
    CaseEngine engine(guessing, in_dongying_district({}));
    engine.add_workflow(urban_management());
    const ActorId all = engine.add_actor({"all", "all roles", {"grid_worker", "supervision_centre", "command_centre"}, std::nullopt, "", ""});
    CaseInput input;
    input.matter = "event:0502";
    input.workflow = "urban_management";
    input.unit = jinyuan;
    const CaseId late = engine.open(input, all, at(12, 28, 8));
    engine.take(late, "submit", all, at(12, 28, 9), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    engine.take(late, "accept", all, at(12, 28, 9, 30));
    engine.take(late, "dispatch", all, at(12, 28, 10), {{"department", "d"}});
    // 29, 30, 31 December, then 1 January 2027 is a Friday (not known to be a holiday), 4 January.
    EXPECT_EQ(engine.state(late).due, china_time(make_date(2027, 1, 4), hours(17) + minutes(30)));
}

/// A catalogue of three matters and a list giving each a primary unit per rung.
TEST(CaseEngine, WorkListsAndTimersSayWhatWaitsOnWhomAndWhatBreachesNext) {
    Fixture f;
    add_routing(f.engine);
    const CaseId early = f.file(at(9, 28, 8));
    f.to_handle(early, at(9, 28, 10));
    const CaseId late = f.file(at(9, 29, 8));
    f.to_handle(late, at(9, 29, 10));
    const CaseId fresh = f.file(at(9, 29, 11));
    EXPECT_EQ(f.engine.work_list("锦苑社区居委会"), (std::vector<CaseId>{early, late}));  // soonest deadline first
    EXPECT_EQ(f.engine.work_list("街道综合执法队"), (std::vector<CaseId>{early, late}));  // cooperating counts
    EXPECT_TRUE(f.engine.work_list("nobody").empty());
    EXPECT_EQ(f.engine.work_list(f.supervisor), std::vector<CaseId>{fresh});  // the one it may submit
    EXPECT_EQ(f.engine.next_timer(), f.engine.state(early).next_breach);
    const Instant after_early = *f.engine.state(early).next_breach + std::chrono::seconds(1);
    EXPECT_EQ(f.engine.due_before(after_early), std::vector<CaseId>{early});
    EXPECT_TRUE(f.engine.due_before(*f.engine.state(early).next_breach).empty());  // due, not yet before
    EXPECT_EQ(f.engine.due_before(at(12, 31, 0)), (std::vector<CaseId>{early, late}));
    f.engine.deactivate_actor(f.supervisor);
    EXPECT_TRUE(f.engine.work_list(f.supervisor).empty());
    EXPECT_THROW((void)f.engine.work_list(ActorId(999)), NotFound);
}

TEST(CaseEngine, ADeactivatedActorIsRefusedAndItsEventsStillReplay) {
    Fixture f;
    const CaseId id = f.file();
    f.engine.deactivate_actor(f.reporter);
    EXPECT_FALSE(f.engine.is_active(f.reporter));
    const std::size_t events = f.engine.events().size();
    EXPECT_EQ(error_message<RuleViolation>([&] { (void)f.file(); }), "workflow.actor-inactive: actor 'wg-1' is deactivated and may not act");
    EXPECT_THROW(f.engine.reopen(id, f.reporter, at(9, 28, 10)), RuleViolation);
    EXPECT_EQ(f.engine.events().size(), events);
    EXPECT_THROW(f.engine.deactivate_actor(f.reporter), RuleViolation);
    f.engine.change_actor({"sv-1", "监督员", {"supervision_centre", "command_centre"}, std::nullopt, "", ""});
    f.engine.take(id, "submit", f.supervisor, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    f.engine.take(id, "accept", f.supervisor, at(9, 28, 11));  // a role it gained
    EXPECT_THROW(f.engine.change_actor({"zz", "x", {"a"}, std::nullopt, "", ""}), NotFound);
    EXPECT_THROW(f.engine.change_actor({"sv-1", "x", {""}, std::nullopt, "", ""}), InvalidInput);
    Fixture other;
    other.engine.deactivate_actor(other.reporter);
    other.engine.change_actor({"sv-1", "监督员", {"supervision_centre", "command_centre"}, std::nullopt, "", ""});
    other.engine.replay(CaseEngine::parse_json_lines(f.engine.to_json_lines()));
    EXPECT_EQ(other.engine.state(id), f.engine.state(id));
}

TEST(CaseEngine, AHolidayNoticeAddedWhileRunningMovesLaterDeadlines) {
    Fixture f;
    EXPECT_FALSE(f.engine.calendar().is_published(2027));
    f.engine.add_holiday_notice(R"({"year": 2027, "papers": ["p"], "days": [{"name": "元旦", "date": "2027-01-04", "isOffDay": true}]})",
                                "2027.json");
    EXPECT_TRUE(f.engine.calendar().is_published(2027));
    EXPECT_FALSE(f.engine.calendar().is_working_day(make_date(2027, 1, 4)));
    EXPECT_THROW(f.engine.add_holiday_notice("{", "bad.json"), InvalidInput);
}

TEST(CaseEngine, DispatchRoutesByTheResponsibilityListAndEscalationReroutes) {
    Fixture f;
    add_routing(f.engine);
    const ActorId street_team = f.engine.add_actor({"dp-2", "执法队员", {"department"}, std::nullopt, "", "胜利街道综合执法队"});
    const ActorId water = f.engine.add_actor({"dp-3", "供水公司抢修", {"department"}, std::nullopt, "", "供水公司"});
    const CaseId id = f.file(at(9, 30, 8));
    f.to_handle(id, at(9, 30, 10));
    Assignment assigned = *f.engine.assignment(id);
    EXPECT_EQ(assigned.primary, "锦苑社区居委会");  // events: territory first
    EXPECT_EQ(assigned.cooperating, std::vector<std::string>{"街道综合执法队"});
    EXPECT_EQ(assigned.rung, Rung::community);
    EXPECT_EQ(assigned.territory, "370502005066");
    // Not assigned to the street team yet: its handling is refused and recorded.
    EXPECT_THAT(error_message<PermissionDenied>([&] {
        f.engine.take(id, "complete", street_team, at(10, 8, 9), {{"result", "done"}});
    }), HasSubstr("assigned to 锦苑社区居委会"));
    // The deadline passes: 督办 one rung up, re-routed to the township's primary.
    f.engine.advance(at(10, 14, 0));
    assigned = *f.engine.assignment(id);
    EXPECT_EQ(f.engine.state(id).rung, Rung::township);
    EXPECT_EQ(assigned.primary, "胜利街道综合执法队");
    EXPECT_EQ(assigned.territory, "370502005");
    EXPECT_TRUE(f.engine.describe(f.engine.events().back()).assignment.has_value());
    f.engine.take(id, "complete", street_team, at(10, 14, 9), {{"result", "done"}});
    EXPECT_EQ(f.engine.state(id).handler, street_team);
    // Components: owner first.
    CaseInput cover;
    cover.matter = "component:0101";
    cover.unit = jinyuan;
    const CaseId broken = f.engine.open(cover, f.reporter, at(10, 8, 9));
    EXPECT_EQ(f.engine.state(broken).definition->id(), "urban_management");  // the matter type's loop
    f.to_handle(broken, at(10, 8, 11), "供水公司");
    EXPECT_EQ(f.engine.assignment(broken)->primary, "供水公司");
    f.engine.take(broken, "complete", water, at(10, 8, 15), {{"result", "已更换井盖"}});
    // A matter outside the catalogue is refused at filing.
    cover.matter = "component:0999";
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.open(cover, f.reporter, at(10, 8, 9)); }), HasSubstr("not in the catalogue"));
}

TEST(CaseEngine, DispatchToAUnitTheListDoesNotNameIsRefusedAndRecorded) {
    Fixture f;
    add_routing(f.engine);
    // A component: 供水公司 is primary (owner first); 锦苑社区居委会 and 物业公司 cooperate.
    CaseInput cover;
    cover.matter = "component:0101";
    cover.unit = jinyuan;
    const CaseId id = f.engine.open(cover, f.reporter, at(10, 8, 9));
    f.engine.take(id, "submit", f.supervisor, at(10, 8, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    f.engine.take(id, "accept", f.commander, at(10, 8, 10, 30));
    const std::size_t before = f.engine.events().size();
    try {
        f.engine.take(id, "dispatch", f.commander, at(10, 8, 10, 40), {{"department", "街道综合执法队"}});
        ADD_FAILURE() << "did not throw";
    } catch (const RuleViolation& error) {
        EXPECT_EQ(error.rule_id(), "workflow.department-not-responsible");
        EXPECT_THAT(error.what(), HasSubstr("to '街道综合执法队'"));
        EXPECT_THAT(error.what(), HasSubstr("routes it to '供水公司'"));
        EXPECT_THAT(error.what(), HasSubstr("cooperating: 锦苑社区居委会, 物业公司"));
        EXPECT_THAT(error.what(), HasSubstr("allow_dispatch_override"));
    }
    // Recorded as a refusal, and nothing else changed.
    ASSERT_EQ(f.engine.events().size(), before + 1);
    const EventRecord refused = f.engine.describe(f.engine.events().back());
    EXPECT_EQ(refused.kind, EventKind::refused);
    EXPECT_EQ(refused.transition, "dispatch");
    EXPECT_THAT(refused.reason, HasSubstr("供水公司"));
    EXPECT_EQ(f.engine.state_id(id), "dispatch");
    EXPECT_EQ(f.engine.state(id).refusals, 1);
    EXPECT_FALSE(f.engine.assignment(id).has_value());
    // A cooperating unit is accepted as recorded: the assignment stays as routed.
    f.engine.take(id, "dispatch", f.commander, at(10, 8, 10, 45), {{"department", "物业公司"}});
    EXPECT_EQ(f.engine.assignment(id)->primary, "供水公司");
    EXPECT_TRUE(f.engine.assignment(id)->routed_primary.empty());
    // With no responsibility list the dispatcher's choice stands (no comparison).
    Fixture unlisted;
    const CaseId chosen = unlisted.file();
    unlisted.to_handle(chosen, at(9, 28, 11), "任意单位");
    EXPECT_EQ(unlisted.engine.assignment(chosen)->primary, "任意单位");
    EXPECT_EQ(unlisted.engine.assignment(chosen)->basis, "chosen by the dispatcher");
}

TEST(CaseEngine, AnEngineMayAllowTheDispatcherToOverrideTheRoutedPrimary) {
    EngineOptions options;
    options.allow_dispatch_override = true;
    Fixture f(options);
    add_routing(f.engine);
    const ActorId team = f.engine.add_actor({"dp-2", "执法队员", {"department"}, std::nullopt, "", "胜利街道综合执法队"});
    const ActorId community = f.engine.add_actor({"dp-4", "社区干部", {"department"}, std::nullopt, "", "锦苑社区居委会"});
    const CaseId id = f.file(at(9, 30, 8));
    f.to_handle(id, at(9, 30, 10), "胜利街道综合执法队");  // routed: 锦苑社区居委会 (cooperating: 街道综合执法队)
    const Assignment assigned = *f.engine.assignment(id);
    EXPECT_EQ(assigned.primary, "胜利街道综合执法队");
    EXPECT_EQ(assigned.routed_primary, "锦苑社区居委会");
    EXPECT_EQ(assigned.cooperating, std::vector<std::string>{"街道综合执法队"});
    EXPECT_EQ(assigned.rung, Rung::community);
    EXPECT_THAT(assigned.basis, HasSubstr("re-assigned by the dispatcher from 锦苑社区居委会"));
    EXPECT_EQ(f.engine.state(id).refusals, 0);
    // The assigned event carries both, in JSON lines too.
    const Event& event = f.engine.events().back();
    EXPECT_EQ(event.kind, EventKind::assigned);
    EXPECT_EQ(f.engine.describe(event).assignment, assigned);
    EXPECT_THAT(f.engine.to_json_line(event), HasSubstr(R"("primary":"胜利街道综合执法队")"));
    EXPECT_THAT(f.engine.to_json_line(event), HasSubstr(R"("routed_primary":"锦苑社区居委会"})"));
    // The assignment follows the dispatcher: the routed primary may no longer handle.
    EXPECT_THROW(f.engine.take(id, "complete", community, at(10, 8, 9), {{"result", "done"}}), PermissionDenied);
    // Replay rebuilds the same state from the record.
    Fixture b(options);
    add_routing(b.engine);
    b.engine.add_actor({"dp-2", "执法队员", {"department"}, std::nullopt, "", "胜利街道综合执法队"});
    b.engine.add_actor({"dp-4", "社区干部", {"department"}, std::nullopt, "", "锦苑社区居委会"});
    b.engine.replay(CaseEngine::parse_json_lines(f.engine.to_json_lines(), "override.jsonl"));
    EXPECT_EQ(b.engine.cases()[0], f.engine.cases()[0]);
    EXPECT_EQ(b.engine.assignment(id), f.engine.assignment(id));
    EXPECT_EQ(b.engine.to_json_lines(), f.engine.to_json_lines());
    f.engine.take(id, "complete", team, at(10, 8, 10), {{"result", "done"}});
    EXPECT_EQ(f.engine.state(id).handler, team);
}

TEST(CaseEngine, RefusesAListThatLeavesAMatterWithoutAPrimary) {
    Fixture f;
    add_routing(f.engine);
    ResponsibilityList partial;
    partial.add({"event:0502", Rung::community, std::nullopt, "锦苑社区居委会", {}, "test list"});
    EXPECT_THAT(error_message<InvalidInput>([&] { f.engine.set_responsibilities(partial); }), HasSubstr("component:0101"));
    EXPECT_EQ(f.engine.responsibilities().entries().size(), 5U);  // the old list stays
}

/// A month of mixed activity: refusals, reworks, escalations, a reopening.
void busy_month(Fixture& f) {
    for (int i = 0; i < 6; ++i) {
        const CaseId id = f.file(at(9, 28 + i % 3, 9));
        f.to_handle(id, at(9, 28 + i % 3, 11));
        if (i % 2 == 0) {
            f.engine.take(id, "complete", f.department, at(10, 8, 9), {{"result", "done"}});
            f.engine.take(id, "report_back", f.department, at(10, 8, 10));
            if (i == 2) {
                EXPECT_THROW(f.engine.take(id, "verify_pass", f.stranger, at(10, 8, 11)), PermissionDenied);
                f.engine.take(id, "verify_fail", f.checker, at(10, 8, 11), {{"reason", "未整改"}});
                continue;
            }
            f.engine.take(id, "verify_pass", f.checker, at(10, 8, 11));
            f.engine.take(id, "evaluate", f.checker, at(10, 8, 12), {{"rating", "满意"}}, "居民认可");
        }
    }
    f.engine.reopen(CaseId(0), f.reporter, at(10, 9, 9), "复发");
    f.engine.advance(at(10, 31, 0));
}

TEST(CaseEngine, ReplayingTheJsonLinesRebuildsIdenticalStates) {
    Fixture a;
    busy_month(a);
    const std::string lines = a.engine.to_json_lines();
    Fixture b;
    b.engine.replay(CaseEngine::parse_json_lines(lines, "month.jsonl"));
    ASSERT_EQ(b.engine.size(), a.engine.size());
    for (std::size_t i = 0; i < a.engine.size(); ++i) EXPECT_EQ(b.engine.cases()[i], a.engine.cases()[i]) << i;
    EXPECT_EQ(b.engine.to_json_lines(), lines);
    EXPECT_TRUE(std::equal(a.engine.events().begin(), a.engine.events().end(), b.engine.events().begin(), b.engine.events().end()));
    // Timers come back too: advancing both engines further records the same events.
    a.engine.advance(at(12, 31, 0));
    b.engine.advance(at(12, 31, 0));
    EXPECT_EQ(b.engine.to_json_lines(), a.engine.to_json_lines());
}

TEST(CaseEngine, ReplayRefusesRecordsThatDoNotFitAndStaysEmpty) {
    Fixture a;
    busy_month(a);
    std::vector<EventRecord> records = CaseEngine::parse_json_lines(a.engine.to_json_lines());
    {
        Fixture b;
        std::vector<EventRecord> broken = records;
        broken[5].actor = "ghost";
        EXPECT_THAT(error_message<InvalidInput>([&] { b.engine.replay(broken); }), HasSubstr("unknown actor 'ghost'"));
        EXPECT_EQ(b.engine.size(), 0U);
        EXPECT_TRUE(b.engine.events().empty());
        b.engine.replay(records);  // the engine is still usable
        EXPECT_EQ(b.engine.size(), a.engine.size());
        EXPECT_THAT(error_message<InvalidInput>([&] { b.engine.replay(records); }), HasSubstr("without cases"));
    }
    {
        Fixture b;
        std::vector<EventRecord> broken = records;
        std::swap(broken[1], broken[2]);
        EXPECT_THAT(error_message<InvalidInput>([&] { b.engine.replay(broken); }), HasSubstr("sequence"));
    }
    EXPECT_THAT(error_message<InvalidInput>([] { (void)CaseEngine::parse_json_lines("{\"sequence\": 0}\n", "bad.jsonl"); }),
                HasSubstr("bad.jsonl, row 1, field 'case'"));
    EXPECT_THAT(error_message<InvalidInput>([] { (void)CaseEngine::parse_json_lines("\n{oops\n", "bad.jsonl"); }), HasSubstr("row 2"));
}

TEST(CaseEngine, SinksReceiveEveryEventAsItHappens) {
    Fixture f;
    std::ostringstream out;
    f.engine.add_sink(std::make_shared<JsonLinesSink>(out));
    busy_month(f);
    EXPECT_EQ(out.str(), f.engine.to_json_lines());
    EXPECT_THROW(f.engine.add_sink(nullptr), InvalidInput);
}

/// The routing of add_routing() and a loop whose deadline only notifies (通知).
void varied_setup(CaseEngine& engine) {
    add_routing(engine);
    engine.add_workflow(WorkflowDefinition::from_json(R"({"id": "notice", "version": 1, "title": "通知", "initial": "open",
        "states": [{"id": "open", "name": "待办", "deadline": {"unit": "elapsed_hours", "amount": 1}, "on_breach": ["notify"]},
                   {"id": "done", "name": "办结", "closed": true}],
        "transitions": [{"id": "finish", "from": "open", "to": "done", "roles": ["grid_worker"]}]})", "notice.json"));
}

/// A record with every kind of event and every key, and text that JSON must escape: quotes,
/// backslashes, control characters, DEL, Chinese, U+2028 and characters outside the BMP. Returns
/// the case filed with every input field.
CaseId varied_month(Fixture& f) {
    varied_setup(f.engine);
    busy_month(f);
    const std::string awkward = "\"引号\" \\ 反斜杠 \t制表\n换行\r\b\f \x01\x1f\x7f 😀 /";
    CaseInput input;
    input.matter = "component:0101";
    input.workflow = "urban_management";
    input.workflow_version = 1;
    input.point = Point{118.0, 37.4600125};
    input.unit = jinyuan;
    input.address = "锦苑社区 \"3号楼\"";
    input.owner = "供水公司";
    input.description = awkward;
    input.priority = Priority::urgent;
    input.attachments = {Attachment{"照片 \"1\".jpg", "image/jpeg", 123456, "https://example.org/a\\b?c=1&d=\"2\""},
                         Attachment{"plan.pdf", "", 0, ""}};
    const CaseId id = f.engine.open(input, f.reporter, at(9, 30, 8));
    EXPECT_THROW(f.engine.take(id, "accept", f.commander, at(9, 30, 8, 30)), RuleViolation);  // refused
    f.engine.take(id, "submit", f.supervisor, at(9, 30, 9), {{"location", awkward}, {"category", "公用设施"}, {"description", "\u2028 \u00e9"}},
                  "备注 " + awkward);
    f.engine.take(id, "accept", f.commander, at(9, 30, 9, 30));
    f.engine.take(id, "dispatch", f.commander, at(9, 30, 10), {{"department", "供水公司"}});
    CaseInput notice;
    notice.matter = "event:0102";
    notice.workflow = "notice";
    notice.unit = jinyuan;
    f.engine.open(notice, f.reporter, at(9, 30, 8));
    f.engine.advance(at(10, 31, 0));  // 催办, 督办 with re-routing, 通知
    return id;
}

TEST(CaseEngine, JsonLinesAreWhatAnNlohmannDocumentWritesAndTheSinkWritesTheSameBytes) {
    Fixture f;
    std::ostringstream out;
    f.engine.add_sink(std::make_shared<JsonLinesSink>(out));
    const CaseId id = varied_month(f);
    const std::string lines = f.engine.to_json_lines();
    EXPECT_EQ(out.str(), lines);
    std::set<EventKind> kinds;
    std::string buffer = "kept|";
    for (const Event& event : f.engine.events()) {
        kinds.insert(event.kind);
        const std::string line = f.engine.to_json_line(event);
        // Byte for byte what nlohmann writes for the same document (escapes, numbers, compact form).
        EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(), line);
        EXPECT_EQ(CaseEngine::parse_json_lines(line).at(0), f.engine.describe(event));
        f.engine.append_json_line(event, buffer);
        EXPECT_EQ(buffer, "kept|" + line);
        buffer.resize(5);
    }
    EXPECT_EQ(kinds.size(), 8U);  // every kind of event
    // The opened event with every key, in full.
    const Event& opened = *f.engine.events_of(id).front();
    EXPECT_EQ(f.engine.to_json_line(opened),
              R"({"sequence":)" + std::to_string(opened.sequence) +
                  R"(,"case":"C000007","kind":"opened","at":"2026-09-30T08:00:00+08:00","actor":"wg-1","to":"collect",)"
                  R"("rung":"community","workflow":"urban_management","workflow_version":1,"unit":"370502005066",)"
                  R"("input":{"matter":"component:0101","workflow":"urban_management","workflow_version":1,"point":[118.0,37.4600125],)"
                  R"("unit":"370502005066","address":"锦苑社区 \"3号楼\"","owner":"供水公司",)"
                  R"("description":"\"引号\" \\ 反斜杠 \t制表\n换行\r\b\f \u0001\u001f)" "\x7f" R"( 😀 /","priority":"urgent",)"
                  R"("attachments":[{"name":"照片 \"1\".jpg","media_type":"image/jpeg","bytes":123456,"url":"https://example.org/a\\b?c=1&d=\"2\""},)"
                  R"({"name":"plan.pdf","media_type":"","bytes":0,"url":""}]}})");
    // And the record replays.
    Fixture b;
    varied_setup(b.engine);
    b.engine.replay(CaseEngine::parse_json_lines(lines, "varied.jsonl"));
    EXPECT_EQ(b.engine.to_json_lines(), lines);
    for (std::size_t i = 0; i < f.engine.size(); ++i) EXPECT_EQ(b.engine.cases()[i], f.engine.cases()[i]) << i;
}

// The same document spelled differently reads as the same record: keys in another order, escaped
// key names, whitespace (spaces, tabs) between tokens.
TEST(CaseEngine, JsonLinesReadTheSameRecordHoweverTheDocumentIsSpelled) {
    Fixture f;
    varied_month(f);
    for (const Event& event : f.engine.events()) {
        const EventRecord expected = f.engine.describe(event);
        const nlohmann::ordered_json node = nlohmann::ordered_json::parse(f.engine.to_json_line(event));
        std::vector<std::string> keys;
        for (const auto& item : node.items()) keys.push_back(item.key());
        nlohmann::ordered_json backwards = nlohmann::ordered_json::object();
        for (auto key = keys.rbegin(); key != keys.rend(); ++key) backwards[*key] = node.at(*key);
        EXPECT_EQ(CaseEngine::parse_json_lines(backwards.dump()).at(0), expected) << backwards.dump();
        std::string spaced = node.dump(1, '\t');
        std::replace(spaced.begin(), spaced.end(), '\n', ' ');
        EXPECT_EQ(CaseEngine::parse_json_lines(spaced).at(0), expected) << spaced;
        std::string escaped = node.dump();
        escaped.replace(escaped.find("\"sequence\""), 10, "\"\\u0073equence\"");
        EXPECT_EQ(CaseEngine::parse_json_lines(escaped + "\r\n  \n").at(0), expected) << escaped;
    }
}

// Lines that are not plain records keep their refusals and messages, and a key given twice keeps
// its last value, as it always did.
TEST(CaseEngine, JsonLinesKeepTheirRefusalsWhateverReadsThem) {
    const std::string head = R"({"sequence":3,"case":"C000001","kind":"urged","at":"2026-09-30T08:00:00+08:00","rung":"community")";
    EXPECT_EQ(CaseEngine::parse_json_lines(head + "}").at(0).sequence, 3U);
    EXPECT_EQ(CaseEngine::parse_json_lines(head + R"(,"grid":"ignored"})").at(0).grid, "");
    const auto refusal = [](const std::string& line) {
        return error_message<InvalidInput>([&] { (void)CaseEngine::parse_json_lines("\n" + line, "x.jsonl"); });
    };
    EXPECT_THAT(refusal(head + "} {}"), HasSubstr("x.jsonl, row 2: malformed JSON"));
    // A key given twice is refused, naming it (nlohmann alone kept the last one silently).
    EXPECT_THAT(refusal(head + R"(,"sequence":4})"), HasSubstr("the key 'sequence' appears twice"));
    EXPECT_THAT(refusal(head + R"(,"fields":{"a":"1","b":"2","a":"3"}})"), HasSubstr("the key 'a' appears twice"));
    EXPECT_THAT(refusal(head + "}}"), HasSubstr("malformed JSON"));
    EXPECT_THAT(refusal(head), HasSubstr("malformed JSON"));
    const std::string after_sequence = head.substr(head.find(",\"case\"")) + "}";
    EXPECT_THAT(refusal(R"({"sequence":1.0)" + after_sequence), HasSubstr("field 'sequence': 'sequence' must be an integer"));
    EXPECT_THAT(refusal(R"({"sequence":-1)" + after_sequence), HasSubstr("field 'sequence'"));
    EXPECT_THAT(refusal(head + R"(,"colour":"red"})"), HasSubstr("field 'colour': unknown key 'colour'"));
    EXPECT_THAT(refusal(head + R"(,"note":7})"), HasSubstr("'note' must be a string"));
    EXPECT_THAT(refusal(head + R"(,"note":null})"), HasSubstr("'note' must be a string"));
    EXPECT_THAT(refusal(head + R"(,"fields":{"a":1}})"), HasSubstr("field 'fields.a': field values must be strings"));
    EXPECT_THAT(refusal(head + R"(,"fields":[]})"), HasSubstr("'fields' must be an object"));
    EXPECT_THAT(refusal(head + R"(,"input":{"matter":"m","priority":"normal"}})"), HasSubstr("only opened events carry 'input'"));
    EXPECT_THAT(refusal(head + R"(,"rung":"galaxy"})"), HasSubstr("field 'rung'"));
    EXPECT_THAT(refusal(head + R"(,"note":"\ud800"})"), HasSubstr("malformed JSON"));
    EXPECT_THAT(refusal(head + ",\"note\":\"a\tb\"}"), HasSubstr("malformed JSON"));
    EXPECT_THAT(refusal(head + ",\"note\":\"\xff\"}"), HasSubstr("not UTF-8"));
    EXPECT_THAT(refusal(head + R"(,"assignment":{"primary":"p"}})"), HasSubstr("field 'assignment.rung': missing 'rung'"));
    EXPECT_THAT(refusal(head + R"(,"assignment":{"primary":"p","rung":"community","cooperating":[1]}})"),
                HasSubstr("cooperating units must be strings"));
    const std::string opened = R"({"sequence":0,"case":"C000000","kind":"opened","at":"2026-09-30T08:00:00+08:00","rung":"community",)"
                               R"("workflow":"urban_management","workflow_version":1,"unit":"370502005066")";
    EXPECT_THAT(refusal(opened + "}"), HasSubstr("field 'input': an opened event needs 'input'"));
    EXPECT_THAT(refusal(opened + R"(,"input":{"matter":"m","priority":"normal","point":[1]}})"), HasSubstr("'point' must be [x, y]"));
    EXPECT_THAT(refusal(opened + R"(,"input":{"matter":"m","priority":"normal","unit":"37x"}})"), HasSubstr("field 'input.unit'"));
    EXPECT_THAT(refusal(opened + R"(,"input":{"matter":"m","priority":"normal","attachments":[{"url":"u"}]}})"),
                HasSubstr("field 'input.attachments[0].name': missing 'name'"));
    const std::vector<EventRecord> read = CaseEngine::parse_json_lines(opened + R"(,"input":{"matter":"m","priority":"urgent","point":[1,2.5]}})");
    ASSERT_TRUE(read.at(0).input.has_value());
    EXPECT_EQ(read[0].input->point->x, 1.0);
    EXPECT_EQ(read[0].input->priority, Priority::urgent);
}

TEST(CaseEngine, JsonLinesRefuseTextThatIsNotUtf8AndEventsOfAnotherEngine) {
    Fixture f;
    std::ostringstream out;
    f.engine.add_sink(std::make_shared<JsonLinesSink>(out));
    const CaseId id = f.file();
    const std::string first = out.str();
    // The operation completes (the event is recorded), then the sink's error is thrown.
    EXPECT_THAT(error_message<InvalidInput>([&] {
        f.engine.take(id, "submit", f.supervisor, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}},
                      "bad \xff byte");
    }), HasSubstr("event 1 of case C000001: 'note' is not valid UTF-8 (byte 0xFF at offset 4)"));
    EXPECT_EQ(f.engine.state_id(id), "file");
    EXPECT_EQ(out.str(), first);  // nothing half-written
    std::string buffer = "kept";
    EXPECT_THROW(f.engine.append_json_line(f.engine.events().back(), buffer), InvalidInput);
    EXPECT_EQ(buffer, "kept");
    EXPECT_THROW((void)f.engine.to_json_lines(), InvalidInput);
    // Overlong forms, surrogates, code points above U+10FFFF, truncated sequences and stray bytes.
    Fixture plain;
    CaseInput input;
    input.matter = "event:0502";
    input.workflow = "urban_management";
    input.unit = jinyuan;
    for (const char* bad : {"\xc0\xaf", "\xc1\xbf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
                            "\xe9\x94", "\xf0\x9f\x98", "\x80", "\xbf", "\xfe", "\xff", "\xe9\x94\x41"}) {
        input.description = std::string("ok ") + bad;
        const CaseId c = plain.engine.open(input, plain.reporter, at(9, 28, 9));
        EXPECT_THAT(error_message<InvalidInput>([&] { (void)plain.engine.to_json_line(*plain.engine.events_of(c).front()); }),
                    HasSubstr("'input.description' is not valid UTF-8 (byte 0x")) << input.description;
    }
    // The first and last code points of each length are valid, written as nlohmann writes them.
    for (const char* good : {"\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80",
                             "\xf4\x8f\xbf\xbf"}) {
        input.description = std::string("ok ") + good;
        const CaseId c = plain.engine.open(input, plain.reporter, at(9, 28, 9));
        const std::string line = plain.engine.to_json_line(*plain.engine.events_of(c).front());
        EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(), line);
    }
    // An event of another engine.
    Fixture other;
    other.file();
    other.file();
    EXPECT_THAT(error_message<InvalidInput>([&] { (void)f.engine.to_json_line(other.engine.events()[1]); }),
                HasSubstr("not an event of this engine"));
}

/// A sink that fails on every assigned event.
struct FailingSink final : EventSink {
    int seen = 0;
    void on_event(const EventView& event) override {
        ++seen;
        if (event.kind == EventKind::assigned) throw FileError("store unavailable");
    }
};

TEST(CaseEngine, AFailingSinkDoesNotLeaveAnOperationHalfRecorded) {
    Fixture f;
    auto sink = std::make_shared<FailingSink>();
    f.engine.add_sink(sink);
    const CaseId id = f.file();
    f.engine.take(id, "submit", f.supervisor, at(9, 28, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    f.engine.take(id, "accept", f.commander, at(9, 28, 10, 5));
    EXPECT_THROW(f.engine.take(id, "dispatch", f.commander, at(9, 28, 10, 10), {{"department", "街道综合执法队"}}), FileError);
    EXPECT_EQ(f.engine.state_id(id), "handle");
    EXPECT_TRUE(f.engine.assignment(id).has_value());  // the assigned event was recorded all the same
    EXPECT_EQ(sink->seen, static_cast<int>(f.engine.events().size()));
}

/// A sink that keeps what it is given: an owning copy of every event.
struct KeepingSink final : EventSink {
    std::vector<EventRecord> records;
    void on_event(const EventView& event) override { records.push_back(event.to_record()); }
};

TEST(CaseEngine, SinksSeeEachEventSpelledOutWithoutTheEngine) {
    Fixture f;
    auto sink = std::make_shared<KeepingSink>();
    f.engine.add_sink(sink);
    varied_month(f);
    ASSERT_EQ(sink->records.size(), f.engine.events().size());
    for (const Event& event : f.engine.events()) {
        const EventRecord& kept = sink->records[event.sequence];
        EXPECT_EQ(kept, f.engine.describe(event)) << event.sequence;
        const EventView view = f.engine.view(event);
        EXPECT_EQ(view.to_record(), kept);
        EXPECT_EQ(view.case_number(), CaseEngine::case_number(event.case_id));
        std::string line;
        append_json_line(view, line);
        EXPECT_EQ(line, f.engine.to_json_line(event));
    }
    // The view carries its own case number: a copy outlives the one it was made from.
    const EventView copy = [&] { return f.engine.view(f.engine.events().back()); }();
    EXPECT_EQ(copy.case_number(), sink->records.back().case_number);
    Fixture other;
    other.file();
    other.file();
    EXPECT_THROW((void)f.engine.view(other.engine.events()[1]), InvalidInput);
}

TEST(CaseEngine, ExportsOpen311ServiceRequests) {
    Fixture f;
    busy_month(f);
    const nlohmann::json requests = nlohmann::json::parse(f.engine.to_open311());
    ASSERT_EQ(requests.size(), f.engine.size());
    const nlohmann::json& first = requests[1];
    EXPECT_EQ(first["service_request_id"], "C000002");
    EXPECT_EQ(first["status"], "open");
    EXPECT_EQ(first["service_code"], "event:0502");
    EXPECT_EQ(first["agency_responsible"], "街道综合执法队");
    EXPECT_EQ(first["requested_datetime"], "2026-09-29T09:00:00+08:00");
    EXPECT_EQ(first["address_id"], "370502005066");
    EXPECT_TRUE(first["lat"].is_null());
    EXPECT_TRUE(first.contains("expected_datetime"));
    EXPECT_EQ(requests[4]["status"], "closed");
    EXPECT_EQ(nlohmann::json::parse(f.engine.to_open311(CaseId(1))), first);
    EXPECT_THROW((void)f.engine.to_open311(CaseId(99)), NotFound);
}

TEST(CaseEngine, ReportsItsMemory) {
    Fixture f;
    const std::size_t empty = f.engine.memory_bytes();
    busy_month(f);
    EXPECT_GT(f.engine.memory_bytes(), empty + f.engine.events().size() * sizeof(Event));
}

}  // namespace
}  // namespace grassroots
