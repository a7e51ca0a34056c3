// Who may do what in the case engine (issue 14): the person behind actors, scopes and the
// jurisdiction, who may file, normalised identifiers, and revocation. Each test failed before its fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::HasSubstr;
using std::chrono::hours;
using testing::error_message;

const DivisionCode jinyuan = DivisionCode::parse("370502005066");  // 锦苑社区, 东营区
const DivisionCode dongying_district = DivisionCode::parse("370502");
const DivisionCode hekou = DivisionCode::parse("370503001001");     // a community of 河口区, another county

Instant at(int day, int hour) { return china_time(make_date(2026, 10, day), hours(hour)); }

CaseInput urban_case(DivisionCode unit) {
    CaseInput input;
    input.matter = "event:0502";
    input.workflow = "urban_management";
    input.unit = unit;
    return input;
}

/// The urban loop in an engine serving 东营区, with a worker, a centre and two handlers.
struct Engine {
    CaseEngine engine;
    ActorId reporter, supervisor, commander, department;

    explicit Engine(EngineOptions options = {}) : engine(Calendar::china(), jurisdiction_of(std::move(options))) {
        engine.add_workflow(urban_management());
        reporter = engine.add_actor({"wg-1", "网格员", {"grid_worker"}, jinyuan, "", ""});
        supervisor = engine.add_actor({"sv-1", "监督员", {"supervision_centre"}, dongying_district, "", ""});
        commander = engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, std::nullopt, "", ""});
        department = engine.add_actor({"dp-1", "执法队员", {"department"}, std::nullopt, "", "街道综合执法队", "person-zhang"});
    }
    static EngineOptions jurisdiction_of(EngineOptions options) {
        if (!options.jurisdiction) options.jurisdiction = dongying_district;
        return options;
    }
    /// A case at @p unit taken to verify, handled by @p handler.
    CaseId handled_by(ActorId handler) {
        const CaseId id = engine.open(urban_case(jinyuan), reporter, at(12, 9));
        engine.take(id, "submit", supervisor, at(12, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        engine.take(id, "accept", commander, at(12, 11));
        engine.take(id, "dispatch", commander, at(12, 12), {{"department", "街道综合执法队"}});
        engine.take(id, "complete", handler, at(12, 14), {{"result", "done"}});
        engine.take(id, "report_back", handler, at(12, 15));
        return id;
    }
};

TEST(Permissions, OnePersonWithTwoActorsMayNotHandleAndVerifyTheSameCase) {
    Engine e;
    const ActorId second = e.engine.add_actor({"sv-7", "张 (监督)", {"supervision_centre"}, std::nullopt, "", "", "person-zhang"});
    const CaseId id = e.handled_by(e.department);
    const std::string message = error_message<PermissionDenied>([&] { e.engine.take(id, "verify_pass", second, at(12, 16)); });
    EXPECT_THAT(message, HasSubstr("separation of duties: person 'person-zhang' (actor 'sv-7', handler as 'dp-1')"));
    EXPECT_EQ(e.engine.state_id(id), "verify");
    EXPECT_EQ(e.engine.state(id).refusals, 1);
    e.engine.take(id, "verify_pass", e.supervisor, at(12, 16));  // another person may
    EXPECT_EQ(e.engine.state_id(id), "evaluate");
}

TEST(Permissions, ThePersonDefaultsToTheActorIdAndIsNormalised) {
    Engine e;
    EXPECT_EQ(e.engine.actor(e.reporter).person, "wg-1");
    EXPECT_EQ(e.engine.actor(e.department).person, "person-zhang");
    const ActorId spaced = e.engine.add_actor({"x-1", "x", {"department"}, std::nullopt, "", "", "\u3000person-zhang "});
    EXPECT_EQ(e.engine.actor(spaced).person, "person-zhang");
}

TEST(Permissions, AnActorWithoutAScopeActsInTheJurisdictionOnly) {
    CaseEngine bare(Calendar::china());  // no jurisdiction, no division tree
    bare.add_workflow(urban_management());
    const ActorId reporter = bare.add_actor({"wg-1", "网格员", {"grid_worker"}, std::nullopt, "", ""});
    const std::string message = error_message<PermissionDenied>([&] { bare.open(urban_case(jinyuan), reporter, at(12, 9)); });
    EXPECT_THAT(message, HasSubstr("has no scope and the engine no jurisdiction"));
    EXPECT_EQ(bare.size(), 0U);

    Engine e;
    const CaseId id = e.engine.open(urban_case(jinyuan), e.reporter, at(12, 9));
    e.engine.take(id, "submit", e.supervisor, at(12, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    e.engine.take(id, "accept", e.commander, at(12, 11));  // no scope: the jurisdiction, which holds the case
    EXPECT_EQ(e.engine.state_id(id), "dispatch");
    // A case outside the jurisdiction is refused when filed.
    const ActorId everywhere = e.engine.add_actor({"wg-9", "网格员", {"grid_worker"}, DivisionCode::parse("37"), "", ""});
    EXPECT_THAT(error_message<InvalidInput>([&] { e.engine.open(urban_case(hekou), everywhere, at(12, 9)); }),
                HasSubstr("outside the engine's jurisdiction 370502"));
}

TEST(Permissions, OpenChecksTheReportersRoleAndScope) {
    Engine e;
    const ActorId visitor = e.engine.add_actor({"v-1", "访客", {"visitor"}, jinyuan, "", ""});
    EXPECT_THAT(error_message<PermissionDenied>([&] { e.engine.open(urban_case(jinyuan), visitor, at(12, 9)); }),
                HasSubstr("(roles: visitor) may not file a case of workflow 'urban_management'"));
    const ActorId next_door = e.engine.add_actor({"wg-2", "邻社区网格员", {"grid_worker"}, DivisionCode::parse("370502005001"), "", ""});
    EXPECT_THAT(error_message<PermissionDenied>([&] { e.engine.open(urban_case(jinyuan), next_door, at(12, 9)); }),
                HasSubstr("acts in 370502005001 but the case is in 370502005066"));
    EXPECT_EQ(e.engine.size(), 0U);
    EXPECT_EQ(e.engine.events().size(), 0U);
    // A resident files anywhere in the jurisdiction, whatever its own scope and the loop.
    const ActorId resident = e.engine.add_actor({"r-1", "居民", {"resident"}, DivisionCode::parse("370502005001"), "", ""});
    EXPECT_NO_THROW(e.engine.open(urban_case(jinyuan), resident, at(12, 9)));
    Engine county_wide(EngineOptions{.jurisdiction = DivisionCode::parse("3705")});
    const ActorId far = county_wide.engine.add_actor({"r-2", "居民", {"resident"}, std::nullopt, "", ""});
    EXPECT_NO_THROW(county_wide.engine.open(urban_case(hekou), far, at(12, 9)));
}

TEST(Permissions, FilingRolesAreConfigurable) {
    Engine e(EngineOptions{.filing_roles = {}});
    EXPECT_THAT(error_message<PermissionDenied>([&] { e.engine.open(urban_case(jinyuan), e.reporter, at(12, 9)); }),
                HasSubstr("filing roles (none)"));
    EXPECT_NO_THROW(e.engine.open(urban_case(jinyuan), e.supervisor, at(12, 9)));  // a role of the loop
}

TEST(Permissions, IdentifiersAreNormalisedWhereTheyEnter) {
    Engine e;
    EXPECT_THAT(error_message<InvalidInput>([&] { e.engine.add_actor({"dp-1 ", "again", {"department"}, std::nullopt, "", ""}); }),
                HasSubstr("'dp-1' is already registered"));
    EXPECT_THROW(e.engine.add_actor({"\uFF44\uFF50\uFF0D\uFF11", "again", {"department"}, std::nullopt, "", ""}), InvalidInput);
    EXPECT_EQ(e.engine.find_actor("dp-1\u3000"), e.department);
    EXPECT_EQ(e.engine.find_actor("\uFF44\uFF50\uFF0D\uFF11"), e.department);
    EXPECT_EQ(e.engine.find_actor("dp-1\u202E"), std::nullopt);
    EXPECT_THAT(error_message<InvalidInput>([&] { e.engine.add_actor({"ev\u202Eil", "x", {"department"}, std::nullopt, "", ""}); }),
                HasSubstr("U+202E"));
    EXPECT_THROW(e.engine.add_actor({"ok", "x", {"depart\nment"}, std::nullopt, "", ""}), InvalidInput);
    EXPECT_THROW(e.engine.add_actor({"ok", "x", {" "}, std::nullopt, "", ""}), InvalidInput);  // a role that is only a space
    EXPECT_EQ(e.engine.actor_count(), 4U);
    const ActorId spaced = e.engine.add_actor({" dp-2", "x", {"\uFF44epartment "}, std::nullopt, "", " 街道综合执法队\u3000"});
    EXPECT_EQ(e.engine.actor(spaced).id, "dp-2");
    EXPECT_EQ(e.engine.actor(spaced).roles, std::vector<std::string>{"department"});
    EXPECT_EQ(e.engine.actor(spaced).unit, "街道综合执法队");
    // change_actor finds the actor by its normalised id.
    e.engine.change_actor({"dp-2\u3000", "y", {"department"}, std::nullopt, "", ""});
    EXPECT_EQ(e.engine.actor(spaced).name, "y");
}

TEST(Permissions, ARevokedRoleOrScopeIsRefusedNextTimeAndADeactivatedActorAlways) {
    Engine e;
    const CaseId id = e.engine.open(urban_case(jinyuan), e.reporter, at(12, 9));
    e.engine.change_actor({"sv-1", "监督员", {"command_centre"}, dongying_district, "", ""});  // supervision revoked
    EXPECT_THAT(error_message<PermissionDenied>([&] {
        e.engine.take(id, "submit", e.supervisor, at(12, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    }), HasSubstr("needs one of supervision_centre"));
    e.engine.change_actor({"sv-1", "监督员", {"supervision_centre"}, DivisionCode::parse("370502006"), "", ""});  // moved away
    EXPECT_THAT(error_message<PermissionDenied>([&] {
        e.engine.take(id, "submit", e.supervisor, at(12, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
    }), HasSubstr("acts in 370502006"));
    EXPECT_EQ(e.engine.state(id).refusals, 2);
    EXPECT_TRUE(e.engine.work_list(e.supervisor).empty());
    e.engine.deactivate_actor(e.reporter);
    EXPECT_THROW(e.engine.open(urban_case(jinyuan), e.reporter, at(12, 9)), RuleViolation);
    EXPECT_TRUE(e.engine.work_list(e.reporter).empty());
    EXPECT_THROW(e.engine.change_actor({"wg-1", "x", {"grid_worker"}, jinyuan, "", ""}), RuleViolation);
}

TEST(Permissions, RefusalsRecordedPerCaseAreBoundedAndTheRestCounted) {
    Engine e(EngineOptions{.recorded_refusals_per_case = 3});
    const CaseId id = e.engine.open(urban_case(jinyuan), e.reporter, at(12, 9));
    for (int i = 0; i < 10; ++i) {
        EXPECT_THROW(e.engine.take(id, "submit", e.reporter, at(12, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}}),
                     PermissionDenied);
    }
    EXPECT_EQ(e.engine.state(id).refusals, 3);
    EXPECT_EQ(e.engine.events().size(), 4U);
    EXPECT_EQ(e.engine.unrecorded_refusals(), 7U);
}

}  // namespace
}  // namespace grassroots
