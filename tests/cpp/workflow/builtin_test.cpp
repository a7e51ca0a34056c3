// The built-in loops: shapes, roles, limits, JSON round trips and Graphviz.
#include "grassroots/workflow/builtin.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "grassroots/workflow/case.hpp"
#include "grassroots/workflow/matter.hpp"
#include "grassroots/workflow/routing.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

namespace w = workflows;

std::vector<WorkflowDefinition> all_builtins() {
    return {urban_management(), hotline_12345(HotlineKind::emergency), hotline_12345(HotlineKind::utilities),
            hotline_12345(HotlineKind::general), hotline_12345(HotlineKind::complex), whistle(), five_step(), explore_pilot()};
}

std::vector<std::string> ids(const std::vector<StateDefinition>& states) {
    std::vector<std::string> out;
    for (const auto& s : states) out.push_back(s.id);
    return out;
}

template <std::size_t N>
std::vector<std::string> ids(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

static_assert(w::distinct(std::array<std::string_view, 3>{"a", "b", "c"}));
static_assert(!w::distinct(std::array<std::string_view, 3>{"a", "b", "a"}));
static_assert(w::urban::dispatch == "dispatch");

TEST(BuiltinWorkflows, EveryBuiltinRoundTripsThroughJson) {
    for (const WorkflowDefinition& d : all_builtins()) {
        const WorkflowDefinition back = WorkflowDefinition::from_json(d.to_json(), d.id() + ".json");
        EXPECT_EQ(back, d) << d.id();
        EXPECT_EQ(back.to_json(), d.to_json()) << d.id();
    }
}

TEST(BuiltinWorkflows, IdsAreDistinctAndRegistrable) {
    WorkflowRegistry registry;
    for (WorkflowDefinition& d : all_builtins()) registry.add(std::move(d));
    EXPECT_EQ(registry.latest("urban_management").version(), 1);
    EXPECT_EQ(registry.get("hotline_12345_complex", 1).state("handle").deadline, Deadline::working_days(15));
    EXPECT_EQ(registry.latest("whistle").initial(), "blow");
}

TEST(BuiltinWorkflows, StateIdsMatchTheCompileTimeConstants) {
    EXPECT_EQ(ids(urban_management().states()), ids(w::urban::states));
    EXPECT_EQ(ids(hotline_12345(HotlineKind::general).states()), ids(w::hotline::states));
    EXPECT_EQ(ids(whistle().states()), ids(w::whistle::states));
    EXPECT_EQ(ids(five_step().states()), ids(w::five_step::states));
    EXPECT_EQ(ids(explore_pilot().states()), ids(w::explore_pilot::states));
}

TEST(BuiltinUrban, ShapeRolesAndLimits) {
    const WorkflowDefinition d = urban_management();
    EXPECT_EQ(d.id(), "urban_management");
    EXPECT_EQ(d.initial(), w::urban::collect);
    ASSERT_EQ(d.states().size(), 9U);  // 7 stages + 注销 cancel + 结案 closed
    EXPECT_TRUE(d.state(w::urban::cancel).closed);
    EXPECT_EQ(d.state(w::urban::cancel).name, "注销");
    EXPECT_TRUE(d.state(w::urban::closed).closed);
    EXPECT_EQ(std::count_if(d.states().begin(), d.states().end(), [](const auto& s) { return s.closed; }), 2);
    EXPECT_EQ(d.state(w::urban::collect).name, "信息收集");
    EXPECT_EQ(d.state(w::urban::verify).name, "核查结案");
    // The clock starts at dispatch, and only there.
    for (const auto& s : d.states()) EXPECT_EQ(s.starts_clock, s.id == w::urban::dispatch) << s.id;
    EXPECT_EQ(d.state(w::urban::file).deadline, Deadline::elapsed(std::chrono::minutes(30)));
    EXPECT_EQ(d.state(w::urban::dispatch).deadline, Deadline::elapsed(std::chrono::minutes(30)));
    EXPECT_EQ(d.state(w::urban::handle).deadline, Deadline::working_days(5));
    EXPECT_EQ(d.state(w::urban::verify).deadline, Deadline::elapsed(std::chrono::hours(2)));
    EXPECT_EQ(d.state(w::urban::handle).on_breach, (std::vector{BreachAction::urge, BreachAction::escalate}));
    // Failed verification re-dispatches as rework; it is the only rework edge.
    const auto& fail = d.transition("verify_fail");
    EXPECT_EQ(fail.from, w::urban::verify);
    EXPECT_EQ(fail.to, w::urban::dispatch);
    EXPECT_TRUE(fail.rework);
    EXPECT_EQ(std::count_if(d.transitions().begin(), d.transitions().end(), [](const auto& t) { return t.rework; }), 1);
    // Roles: 监督中心 collects, verifies, evaluates; 指挥中心 files and dispatches; departments handle.
    const auto roles_from = [&](std::string_view state) {
        std::vector<std::string> roles;
        for (const auto* t : d.transitions_from(state)) roles.insert(roles.end(), t->roles.begin(), t->roles.end());
        return roles;
    };
    for (auto s : {w::urban::collect, w::urban::verify, w::urban::evaluate}) {
        for (const auto& r : roles_from(s)) EXPECT_EQ(r, "supervision_centre") << s;
    }
    for (auto s : {w::urban::file, w::urban::dispatch}) {
        for (const auto& r : roles_from(s)) EXPECT_EQ(r, "command_centre") << s;
    }
    for (auto s : {w::urban::handle, w::urban::feedback}) {
        for (const auto& r : roles_from(s)) EXPECT_EQ(r, "department") << s;
    }
    EXPECT_EQ(d.transitions_from(w::urban::file).size(), 2U);  // 立案 or 注销
}

TEST(BuiltinUrban, DotHasDashedReworkAndDoubleCircles) {
    const std::string dot = urban_management().to_dot();
    for (auto s : w::urban::states) EXPECT_NE(dot.find("\"" + std::string(s) + "\" [label="), std::string::npos) << s;
    EXPECT_NE(dot.find("\"verify\" -> \"dispatch\" [label=\"verify_fail\\n(supervision_centre)\", style=dashed]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("shape=doublecircle"), std::string::npos);
    EXPECT_NE(dot.find("任务派遣"), std::string::npos);
}

TEST(BuiltinHotline, HandleLimitsByKind) {
    EXPECT_EQ(hotline_12345(HotlineKind::emergency).state("handle").deadline, Deadline::elapsed(std::chrono::hours(2)));
    EXPECT_EQ(hotline_12345(HotlineKind::utilities).state("handle").deadline, Deadline::elapsed(std::chrono::hours(24)));
    EXPECT_EQ(hotline_12345(HotlineKind::general).state("handle").deadline, Deadline::working_days(7));
    EXPECT_EQ(hotline_12345(HotlineKind::complex).state("handle").deadline, Deadline::working_days(15));
    EXPECT_EQ(hotline_12345(HotlineKind::utilities).id(), "hotline_12345_utilities");
    EXPECT_EQ(to_string(HotlineKind::emergency), "emergency");
    EXPECT_EQ(to_string(HotlineKind::complex), "complex");
    const WorkflowDefinition d = hotline_12345(HotlineKind::general);
    EXPECT_EQ(d.initial(), w::hotline::receive);
    EXPECT_EQ(d.state(w::hotline::return_visit).name, "回访");
    EXPECT_TRUE(d.state(w::hotline::closed).closed);
    // A straight line: receive → dispatch → handle → reply → return_visit → rating → closed.
    for (std::size_t i = 0; i + 1 < w::hotline::states.size(); ++i) {
        const auto out = d.transitions_from(w::hotline::states[i]);
        ASSERT_EQ(out.size(), 1U) << w::hotline::states[i];
        EXPECT_EQ(out[0]->to, w::hotline::states[i + 1]);
    }
}

TEST(BuiltinWhistle, DepartmentsReportWithinThirtyMinutes) {
    const WorkflowDefinition d = whistle();
    EXPECT_EQ(d.initial(), w::whistle::blow);
    EXPECT_EQ(d.state(w::whistle::report).deadline, Deadline::elapsed(std::chrono::minutes(30)));
    EXPECT_EQ(d.state(w::whistle::report).on_breach, std::vector{BreachAction::escalate});
    EXPECT_EQ(d.transition("report").roles, std::vector<std::string>{"department"});
    EXPECT_EQ(d.transition("rate").roles, std::vector<std::string>{"township"});
    EXPECT_EQ(d.states().size(), 5U);
}

TEST(BuiltinFiveStep, FailedVerificationIsRework) {
    const WorkflowDefinition d = five_step();
    EXPECT_EQ(d.initial(), w::five_step::find);
    const auto& fail = d.transition("verify_fail");
    EXPECT_EQ(fail.from, w::five_step::verify_and_evaluate);
    EXPECT_EQ(fail.to, w::five_step::classify_and_handle);
    EXPECT_TRUE(fail.rework);
    EXPECT_EQ(d.states().size(), 6U);
}

TEST(BuiltinExplorePilot, EvaluationCanSendBackToPilot) {
    const WorkflowDefinition d = explore_pilot();
    EXPECT_EQ(d.initial(), w::explore_pilot::explore);
    const auto& revise = d.transition("revise");
    EXPECT_EQ(revise.from, w::explore_pilot::evaluate);
    EXPECT_EQ(revise.to, w::explore_pilot::pilot);
    EXPECT_TRUE(revise.rework);
    EXPECT_NE(d.to_dot().find("style=dashed"), std::string::npos);
}

}  // namespace
}  // namespace grassroots

namespace grassroots {
namespace {

TEST(BuiltinWorkflows, DutiesMarkDispatchHandlingAndVerification) {
    const WorkflowDefinition urban = urban_management();
    EXPECT_EQ(urban.transition("dispatch").duty, Duty::dispatch);
    EXPECT_EQ(urban.transition("complete").duty, Duty::handle);
    EXPECT_EQ(urban.transition("verify_pass").duty, Duty::verify);
    EXPECT_EQ(urban.transition("verify_fail").duty, Duty::verify);
    EXPECT_TRUE(urban.transition("verify_fail").rework);
    EXPECT_EQ(urban.reopen_to(), "dispatch");
    for (const WorkflowDefinition& d : {urban, hotline_12345(HotlineKind::general), whistle(), five_step(), explore_pilot()}) {
        EXPECT_TRUE(d.has_verification()) << d.id();
        const auto& t = d.transitions();
        EXPECT_EQ(std::count_if(t.begin(), t.end(), [](const TransitionDefinition& x) { return x.duty == Duty::handle; }), 1) << d.id();
    }
}

/// Every value of a workflow enum once, in value order, with a name that round-trips and a doc.
template <class Enum>
void expect_table(std::size_t size) {
    const auto names = enum_names(Enum{});
    ASSERT_EQ(names.size(), size);
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(names[i].value), i);
        EXPECT_EQ(enum_name(names[i].value), names[i].name);
        EXPECT_EQ(find_enum<Enum>(names[i].name), names[i].value);
        EXPECT_FALSE(names[i].doc.empty()) << names[i].name;
    }
}

TEST(WorkflowEnums, OneTableEachInValueOrder) {
    expect_table<BreachAction>(3);
    expect_table<Duty>(4);
    expect_table<HotlineKind>(4);
    expect_table<MatterClass>(2);
    expect_table<Rung>(5);
    expect_table<Priority>(4);
    expect_table<EventKind>(8);
    EXPECT_EQ(to_string(HotlineKind::utilities), "utilities");
    EXPECT_EQ(chinese_name(Duty::none), "无");
    EXPECT_EQ(parse_rung("乡镇/街道"), Rung::township);
    EXPECT_EQ(testing::error_message<InvalidInput>([] { (void)parse_priority("soon"); }),
              "unknown priority 'soon' (expected low, normal, high, urgent)");
}

}  // namespace
}  // namespace grassroots
