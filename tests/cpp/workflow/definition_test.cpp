// Workflow definitions: validation messages, JSON round trip and errors, Graphviz, the registry.
#include "grassroots/workflow/definition.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/grid/grid_map.hpp"
#include "grassroots/workflow/engine.hpp"
#include "test_support.hpp"

namespace grassroots {
namespace {

using ::testing::ElementsAre;
using testing::error_message;

StateDefinition open(std::string id) {
    StateDefinition s;
    s.id = std::move(id);
    s.name = s.id;
    return s;
}

StateDefinition final_state(std::string id) {
    StateDefinition s = open(std::move(id));
    s.closed = true;
    return s;
}

TransitionDefinition go(std::string id, std::string from, std::string to, bool rework = false) {
    return TransitionDefinition{std::move(id), std::move(from), std::move(to), {"clerk"}, {}, rework};
}

/// collect → check → closed, check → collect (rework).
std::vector<StateDefinition> good_states() {
    StateDefinition check = open("check");
    check.deadline = Deadline::working_days(3);
    check.on_breach = {BreachAction::urge, BreachAction::escalate};
    check.starts_clock = true;
    return {open("collect"), check, final_state("closed")};
}

std::vector<TransitionDefinition> good_transitions() {
    return {go("submit", "collect", "check"), go("close", "check", "closed"), go("redo", "check", "collect", true)};
}

WorkflowDefinition good() {
    return WorkflowDefinition("loop", 1, "A loop", "collect", good_states(), good_transitions());
}

std::string build_error(int version, std::string initial, std::vector<StateDefinition> states, std::vector<TransitionDefinition> transitions) {
    return error_message<InvalidInput>([&] { (void)WorkflowDefinition("loop", version, "A loop", initial, states, transitions); });
}

TEST(WorkflowBreachAction, Names) {
    EXPECT_EQ(to_string(BreachAction::escalate), "escalate");
    EXPECT_EQ(to_string(BreachAction::urge), "urge");
    EXPECT_EQ(to_string(BreachAction::notify), "notify");
    EXPECT_EQ(chinese_name(BreachAction::escalate), "督办");
    EXPECT_EQ(chinese_name(BreachAction::urge), "催办");
    EXPECT_EQ(chinese_name(BreachAction::notify), "通知");
}

TEST(WorkflowDefinition, AccessorsAndLookups) {
    const WorkflowDefinition d = good();
    EXPECT_EQ(d.id(), "loop");
    EXPECT_EQ(d.version(), 1);
    EXPECT_EQ(d.title(), "A loop");
    EXPECT_EQ(d.initial(), "collect");
    EXPECT_EQ(d.states().size(), 3U);
    EXPECT_EQ(d.transitions().size(), 3U);
    EXPECT_TRUE(d.state("check").starts_clock);
    EXPECT_EQ(d.state("check").deadline, Deadline::working_days(3));
    EXPECT_TRUE(d.transition("redo").rework);
    const auto from_check = d.transitions_from("check");
    ASSERT_EQ(from_check.size(), 2U);
    EXPECT_EQ(from_check[0]->id, "close");
    EXPECT_EQ(from_check[1]->id, "redo");
    EXPECT_TRUE(d.transitions_from("closed").empty());
    EXPECT_TRUE(d.transitions_from("nowhere").empty());
    EXPECT_EQ(error_message<NotFound>([&] { (void)d.state("nowhere"); }), "workflow 'loop' has no state 'nowhere'");
    EXPECT_EQ(error_message<NotFound>([&] { (void)d.transition("fly"); }), "workflow 'loop' has no transition 'fly'");
}

TEST(WorkflowDefinition, RejectsBadVersionAndIds) {
    EXPECT_EQ(build_error(0, "collect", good_states(), good_transitions()), "version must be at least 1, got 0");
    EXPECT_EQ(error_message<InvalidInput>([] { (void)WorkflowDefinition("", 1, "t", "collect", good_states(), good_transitions()); }),
              "workflow id is empty");
    EXPECT_EQ(build_error(1, "collect", {}, {}), "workflow 'loop' has no states");
    auto states = good_states();
    states.push_back(open("check"));
    EXPECT_EQ(build_error(1, "collect", states, good_transitions()), "duplicate state id 'check'");
    auto transitions = good_transitions();
    transitions.push_back(go("close", "collect", "closed"));
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "duplicate transition id 'close'");
    states = good_states();
    states[0].id = "";
    EXPECT_EQ(build_error(1, "collect", states, good_transitions()), "a state has an empty id");
    transitions = good_transitions();
    transitions[0].id = "";
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "a transition has an empty id");
}

TEST(WorkflowDefinition, RejectsUnknownStates) {
    EXPECT_EQ(build_error(1, "start", good_states(), good_transitions()), "initial state 'start' is not a state");
    auto transitions = good_transitions();
    transitions.push_back(go("dispatch", "filed", "check"));
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "transition 'dispatch' goes from unknown state 'filed'");
    transitions = good_transitions();
    transitions.push_back(go("dispatch", "check", "handled"));
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "transition 'dispatch' goes to unknown state 'handled'");
}

TEST(WorkflowDefinition, RejectsTransitionWithoutRoles) {
    auto transitions = good_transitions();
    transitions[1].roles.clear();
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "transition 'close' has no roles");
}

TEST(WorkflowDefinition, ClosedStatesAreFinal) {
    auto transitions = good_transitions();
    transitions.push_back(go("reopen", "closed", "collect"));
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "closed state 'closed' has outgoing transition 'reopen'");
    auto states = good_states();
    states[2].deadline = Deadline::elapsed(std::chrono::hours(1));
    EXPECT_EQ(build_error(1, "collect", states, good_transitions()), "closed state 'closed' has a deadline");
    states = good_states();
    states[2].on_breach = {BreachAction::notify};
    EXPECT_EQ(build_error(1, "collect", states, good_transitions()), "closed state 'closed' has breach actions");
}

TEST(WorkflowDefinition, RejectsUnreachableAndDeadEndStates) {
    auto states = good_states();
    states.push_back(open("x"));
    auto transitions = good_transitions();
    transitions.push_back(go("leave_x", "x", "closed"));
    EXPECT_EQ(build_error(1, "collect", states, transitions), "state 'x' is unreachable from 'collect'");
    transitions = good_transitions();
    transitions.push_back(go("to_x", "check", "x"));
    EXPECT_EQ(build_error(1, "collect", states, transitions), "open state 'x' has no outgoing transition");
}

TEST(WorkflowDefinition, RequiresAReachableClosedState) {
    EXPECT_EQ(build_error(1, "a", {open("a"), open("b")}, {go("ab", "a", "b"), go("ba", "b", "a")}),
              "no closed state is reachable from 'a'");
    // A trap cycle: c ⇄ d can never close although 'end' exists.
    EXPECT_EQ(build_error(1, "a", {open("a"), open("c"), open("d"), final_state("end")},
                          {go("ac", "a", "c"), go("ae", "a", "end"), go("cd", "c", "d"), go("dc", "d", "c")}),
              "no closed state is reachable from 'c'");
}

TEST(WorkflowDefinition, JsonRoundTrip) {
    const WorkflowDefinition d = good();
    const std::string json = d.to_json();
    const WorkflowDefinition back = WorkflowDefinition::from_json(json, "loop.json");
    EXPECT_EQ(back, d);
    EXPECT_EQ(back.to_json(), json);
    const auto document = nlohmann::json::parse(json);
    EXPECT_EQ(document["states"][1]["deadline"]["unit"], "working_days");
    EXPECT_EQ(document["states"][1]["deadline"]["amount"], 3);
    EXPECT_EQ(document["states"][1]["on_breach"][1], "escalate");
}

TEST(WorkflowDefinition, JsonDeadlineUnits) {
    const auto with_deadline = [](const std::string& deadline) {
        return R"({"id":"loop","version":2,"title":"t","initial":"a","states":[{"id":"a","name":"A","deadline":)" + deadline +
               R"(},{"id":"z","name":"Z","closed":true}],"transitions":[{"id":"az","from":"a","to":"z","roles":["clerk"]}]})";
    };
    const auto deadline_of = [&](const std::string& deadline) {
        return *WorkflowDefinition::from_json(with_deadline(deadline), "loop.json").state("a").deadline;
    };
    EXPECT_EQ(deadline_of(R"({"unit":"elapsed_hours","amount":2})"), Deadline::elapsed(std::chrono::hours(2)));
    EXPECT_EQ(deadline_of(R"({"unit":"elapsed_minutes","amount":30})"), Deadline::elapsed(std::chrono::minutes(30)));
    EXPECT_EQ(deadline_of(R"({"unit":"working_hours","amount":24})"), Deadline::working_hours(std::chrono::hours(24)));
    EXPECT_EQ(deadline_of(R"({"unit":"working_minutes","amount":90})"), Deadline::working_hours(std::chrono::minutes(90)));
    EXPECT_EQ(deadline_of(R"({"unit":"working_days","amount":7})"), Deadline::working_days(7));
    // Minutes that are whole hours are written as hours; others as minutes; both read back.
    for (const Deadline& d : {Deadline::elapsed(std::chrono::minutes(30)), Deadline::working_hours(std::chrono::minutes(90)),
                              Deadline::elapsed(std::chrono::hours(24))}) {
        auto states = good_states();
        states[1].deadline = d;
        const WorkflowDefinition w("loop", 1, "t", "collect", states, good_transitions());
        EXPECT_EQ(WorkflowDefinition::from_json(w.to_json(), "x.json"), w);
    }
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)deadline_of(R"({"amount":2})"); }),
              "loop.json, field 'states[0].deadline': deadline has no unit");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)deadline_of(R"({"unit":"fortnights","amount":2})"); }),
              "loop.json, field 'states[0].deadline.unit': unknown deadline unit 'fortnights' (expected elapsed_hours, "
              "elapsed_minutes, working_hours, working_minutes or working_days)");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)deadline_of(R"({"unit":"working_days","amount":0})"); }),
              "loop.json, field 'states[0].deadline.amount': deadline amount must be positive, got 0");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)deadline_of(R"({"unit":"working_days"})"); }),
              "loop.json, field 'states[0].deadline.amount': missing 'amount'");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)deadline_of(R"("2h")"); }),
              "loop.json, field 'states[0].deadline': expected a deadline object with unit and amount");
}

TEST(WorkflowDefinition, JsonErrorsNameSourceAndPath) {
    nlohmann::json base = nlohmann::json::parse(good().to_json());
    const auto error_for = [](const nlohmann::json& document) {
        return error_message<InvalidInput>([&] { (void)WorkflowDefinition::from_json(document.dump(), "loop.json"); });
    };
    const std::string malformed = error_message<InvalidInput>([] { (void)WorkflowDefinition::from_json("{\"id\": ", "loop.json"); });
    EXPECT_EQ(malformed.rfind("loop.json: malformed JSON: ", 0), 0U) << malformed;
    EXPECT_EQ(error_for(nlohmann::json::array()),
              "loop.json: expected a JSON object with id, version, title, initial, states and transitions");
    auto doc = base;
    doc.erase("id");
    EXPECT_EQ(error_for(doc), "loop.json, field 'id': missing 'id'");
    doc = base;
    doc["version"] = "1";
    EXPECT_EQ(error_for(doc), "loop.json, field 'version': 'version' must be an integer");
    doc["version"] = 0;
    EXPECT_EQ(error_for(doc), "loop.json, field 'version': version must be between 1 and 1000000, got 0");
    doc = base;
    doc["states"] = nlohmann::json::object();
    EXPECT_EQ(error_for(doc), "loop.json, field 'states': 'states' must be an array");
    doc = base;
    doc["states"][2]["closed"] = "yes";
    EXPECT_EQ(error_for(doc), "loop.json, field 'states[2].closed': 'closed' must be true or false");
    doc = base;
    doc["states"][1]["on_breach"][0] = "shout";
    EXPECT_EQ(error_for(doc), "loop.json, field 'states[1].on_breach[0]': unknown breach action 'shout' (expected escalate, urge or notify)");
    doc = base;
    doc["states"][1].erase("name");
    EXPECT_EQ(error_for(doc), "loop.json, field 'states[1].name': missing 'name'");
    doc = base;
    doc["transitions"][0]["roles"][0] = 7;
    EXPECT_EQ(error_for(doc), "loop.json, field 'transitions[0].roles[0]': expected a string");
    doc = base;
    doc["transitions"][0].erase("roles");
    EXPECT_EQ(error_for(doc), "loop.json, field 'transitions[0].roles': missing 'roles'");
    doc = base;
    doc["transitions"][2] = 5;
    EXPECT_EQ(error_for(doc), "loop.json, field 'transitions[2]': expected a transition object");
    // Misspelt keys are refused rather than silently ignored.
    doc = base;
    doc["states"][1]["dedline"] = doc["states"][1]["deadline"];
    EXPECT_EQ(error_for(doc), "loop.json, field 'states[1].dedline': unknown key 'dedline'");
    doc = base;
    doc["transitions"][2]["rewrok"] = true;
    EXPECT_EQ(error_for(doc), "loop.json, field 'transitions[2].rewrok': unknown key 'rewrok'");
    doc = base;
    doc["states"][1]["deadline"]["units"] = "working_days";
    EXPECT_EQ(error_for(doc), "loop.json, field 'states[1].deadline.units': unknown key 'units'");
    doc = base;
    doc["owner"] = "city";
    EXPECT_EQ(error_for(doc), "loop.json, field 'owner': unknown key 'owner'");
    // Validation errors of the definition itself name the source.
    doc = base;
    doc["transitions"][0]["to"] = "nowhere";
    EXPECT_EQ(error_for(doc), "loop.json: transition 'submit' goes to unknown state 'nowhere'");
    doc = base;
    doc["transitions"].push_back({{"id", "reopen"}, {"from", "closed"}, {"to", "collect"}, {"roles", {"clerk"}}});
    EXPECT_EQ(error_for(doc), "loop.json: closed state 'closed' has outgoing transition 'reopen'");
    doc = base;
    doc["states"].push_back({{"id", "x"}, {"name", "X"}});
    EXPECT_EQ(error_for(doc), "loop.json: state 'x' is unreachable from 'collect'");
}

TEST(WorkflowDefinition, JsonDefaultsOptionalFields) {
    const auto d = WorkflowDefinition::from_json(
        R"({"id":"l","version":3,"title":"t","initial":"a","states":[{"id":"a","name":"A"},{"id":"z","name":"Z","closed":true}],)"
        R"("transitions":[{"id":"az","from":"a","to":"z","roles":["clerk"]}]})",
        "l.json");
    EXPECT_EQ(d.version(), 3);
    EXPECT_FALSE(d.state("a").closed);
    EXPECT_FALSE(d.state("a").deadline.has_value());
    EXPECT_TRUE(d.state("a").on_breach.empty());
    EXPECT_FALSE(d.state("a").starts_clock);
    EXPECT_TRUE(d.transition("az").required_fields.empty());
    EXPECT_FALSE(d.transition("az").rework);
    EXPECT_EQ(d.transition("az").duty, Duty::none);
    EXPECT_EQ(d.reopen_to(), "a");  // no clock state: the initial one
    EXPECT_FALSE(d.has_verification());
}

TEST(WorkflowDefinition, DutiesAndReopenState) {
    EXPECT_EQ(to_string(Duty::verify), "verify");
    EXPECT_EQ(chinese_name(Duty::dispatch), "派遣");
    std::vector<TransitionDefinition> transitions = good_transitions();
    transitions[0].duty = Duty::handle;
    transitions[1].duty = Duty::verify;
    transitions[2].duty = Duty::verify;
    const WorkflowDefinition d("loop", 1, "A loop", "collect", good_states(), transitions);
    EXPECT_TRUE(d.has_verification());
    EXPECT_EQ(d.reopen_to(), "check");  // the state that starts the clock
    const WorkflowDefinition back = WorkflowDefinition::from_json(d.to_json(), "loop.json");
    EXPECT_EQ(back, d);
    EXPECT_EQ(WorkflowDefinition("loop", 1, "A loop", "collect", good_states(), transitions, "collect").reopen_to(), "collect");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)WorkflowDefinition("loop", 1, "A loop", "collect", good_states(), transitions, "closed"); }),
              "reopen_to state 'closed' is closed");
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)WorkflowDefinition("loop", 1, "A loop", "collect", good_states(), transitions, "gone"); }),
              "reopen_to state 'gone' is not a state");
    transitions[2].duty = Duty::handle;  // a rework move that is not a verification
    EXPECT_EQ(build_error(1, "collect", good_states(), transitions), "rework transition 'redo' must have duty 'verify' or none, not 'handle'");
    nlohmann::json doc = nlohmann::json::parse(good().to_json());
    doc["transitions"][0]["duty"] = "approve";
    EXPECT_EQ(error_message<InvalidInput>([&] { (void)WorkflowDefinition::from_json(doc.dump(), "loop.json"); }),
              "loop.json, field 'transitions[0].duty': unknown duty 'approve' (expected none, dispatch, handle or verify)");
}

TEST(WorkflowDefinition, DotShowsStatesAndDashedRework) {
    const std::string dot = good().to_dot();
    EXPECT_EQ(dot.rfind("digraph \"loop\" {", 0), 0U) << dot;
    EXPECT_NE(dot.find("\"collect\" [label="), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"closed\" [label=\"closed\", shape=doublecircle]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"check\" -> \"collect\" [label=\"redo\\n(clerk)\", style=dashed]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"collect\" -> \"check\" [label=\"submit\\n(clerk)\"]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("≤ 3 working days"), std::string::npos) << dot;
    EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
}

TEST(WorkflowRegistry, VersionsAreKeptApart) {
    WorkflowRegistry registry;
    registry.add(good());
    const WorkflowDefinition& v1 = registry.get("loop", 1);
    EXPECT_EQ(&registry.latest("loop"), &v1);
    auto states = good_states();
    states[1].deadline = Deadline::working_days(5);
    registry.add(WorkflowDefinition("loop", 2, "A loop, revised", "collect", states, good_transitions()));
    for (int i = 0; i < 100; ++i) registry.add(WorkflowDefinition("other" + std::to_string(i), 1, "t", "collect", good_states(), good_transitions()));
    // A case that started on version 1 stays on it; the reference survives later additions.
    EXPECT_EQ(&registry.get("loop", 1), &v1);
    EXPECT_EQ(v1.state("check").deadline, Deadline::working_days(3));
    EXPECT_EQ(registry.latest("loop").version(), 2);
    EXPECT_EQ(registry.get("loop", 2).title(), "A loop, revised");
    EXPECT_EQ(error_message<InvalidInput>([&] { registry.add(good()); }), "workflow 'loop' version 1 is already registered");
    EXPECT_EQ(error_message<NotFound>([&] { (void)registry.get("loop", 3); }), "no workflow 'loop' version 3");
    EXPECT_EQ(error_message<NotFound>([&] { (void)registry.latest("nope"); }), "no workflow 'nope'");
}

TEST(WorkflowRegistry, ListsItsEntriesInTheOrderAdded) {
    WorkflowRegistry registry;
    EXPECT_EQ(registry.size(), 0U);
    EXPECT_TRUE(registry.entries().empty());
    EXPECT_TRUE(registry.ids().empty());
    EXPECT_FALSE(registry.contains("loop"));
    const auto version = [](int v) { return WorkflowDefinition("loop", v, "A loop", "collect", good_states(), good_transitions()); };
    registry.add(version(3));
    registry.add(WorkflowDefinition("other", 1, "t", "collect", good_states(), good_transitions()));
    registry.add(version(1));
    using Entry = std::pair<std::string, int>;
    EXPECT_THAT(registry.entries(), ElementsAre(Entry{"loop", 3}, Entry{"other", 1}, Entry{"loop", 1}));
    EXPECT_THAT(registry.ids(), ElementsAre("loop", "other"));  // each once, by first addition
    EXPECT_THAT(registry.versions("loop"), ElementsAre(1, 3));  // lowest first
    EXPECT_TRUE(registry.versions("nope").empty());
    EXPECT_EQ(registry.size(), 3U);
    EXPECT_TRUE(registry.contains("loop", 3));
    EXPECT_TRUE(registry.contains("loop"));
    EXPECT_FALSE(registry.contains("loop", 2));
    EXPECT_FALSE(registry.contains("other", 3));
    EXPECT_FALSE(registry.contains("Loop"));
    std::vector<Entry> visited;
    for (const WorkflowDefinition& d : registry) visited.emplace_back(d.id(), d.version());
    EXPECT_EQ(visited, registry.entries());
    // A refused addition changes no listing.
    EXPECT_THROW(registry.add(version(1)), InvalidInput);
    EXPECT_EQ(registry.size(), 3U);
    EXPECT_EQ(registry.entries().size(), 3U);
}

// Found by fuzzing (workflow_definition): a number beyond double range (1e400) escaped the JSON
// readers as nlohmann's out_of_range instead of InvalidInput naming the source.
TEST(WorkflowDefinition, JsonReadersRefuseNumbersBeyondDoubleAsInvalidInput) {
    const std::string huge = R"({"id": 1e400})";
    EXPECT_NE(error_message<InvalidInput>([&] { (void)WorkflowDefinition::from_json(huge, "loop.json"); }).find("loop.json"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([&] { (void)CaseEngine::parse_json_lines(huge, "cases.jsonl"); }).find("cases.jsonl"),
              std::string::npos);
    Calendar calendar;
    EXPECT_NE(error_message<InvalidInput>([&] { calendar.add_holiday_cn(huge, "2028.json"); }).find("2028.json"),
              std::string::npos);
    EXPECT_NE(error_message<InvalidInput>([&] { (void)GridMapBuilder::from_geojson(huge, "grids.geojson"); }).find("grids.geojson"),
              std::string::npos);
}

}  // namespace
}  // namespace grassroots
