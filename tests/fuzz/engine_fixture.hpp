// The engine the record fuzz targets replay into and restore into: the urban loop on the shipped
// calendar with one actor per role (as tests/cpp/workflow/engine_test.cpp), and the small history
// engine_seeds.cpp writes as their seeds.
#pragma once

#include <chrono>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/division/code.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots::fuzz {

/// An engine with the urban loop and its actors, and no cases.
inline CaseEngine make_engine() {
    static const Calendar calendar = Calendar::china();
    static const WorkflowDefinition loop = urban_management();
    const DivisionCode jinyuan = DivisionCode::parse("370502005066");
    const DivisionCode shengli = DivisionCode::parse("370502005");
    CaseEngine engine(calendar, EngineOptions{.jurisdiction = DivisionCode::parse("370502")});  // 东营区: scope-less actors act there
    engine.add_workflow(loop);
    engine.add_actor({"wg-1", "网格员", {"grid_worker"}, jinyuan, "", ""});
    engine.add_actor({"sv-1", "监督员", {"supervision_centre"}, shengli, "", ""});
    engine.add_actor({"sv-2", "监督员", {"supervision_centre"}, std::nullopt, "", ""});
    engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, std::nullopt, "", ""});
    engine.add_actor({"dp-1", "执法队员", {"department"}, std::nullopt, "", "街道综合执法队"});
    return engine;
}

/// Two cases: one run through its seven stages, one left to breach its deadline (催办, 督办).
inline void run_seed_history(CaseEngine& engine) {
    using std::chrono::hours;
    const auto at = [](unsigned day, int hour) { return china_time(make_date(2026, 9, day), hours(hour)); };
    const ActorId reporter = *engine.find_actor("wg-1"), supervisor = *engine.find_actor("sv-1");
    const ActorId checker = *engine.find_actor("sv-2"), commander = *engine.find_actor("cc-1");
    const ActorId department = *engine.find_actor("dp-1");
    for (unsigned day : {21U, 22U}) {
        CaseInput input;
        input.matter = "event:0502";
        input.workflow = "urban_management";
        input.unit = DivisionCode::parse("370502005066");
        input.description = "占道经营";
        const CaseId id = engine.open(input, reporter, at(day, 9));
        engine.take(id, "submit", supervisor, at(day, 10), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        engine.take(id, "accept", commander, at(day, 11));
        engine.take(id, "dispatch", commander, at(day, 12), {{"department", "街道综合执法队"}});
        if (day == 21U) {
            engine.take(id, "complete", department, at(day, 13), {{"result", "已劝离"}});
            engine.take(id, "report_back", department, at(day, 14));
            engine.take(id, "verify_pass", checker, at(day, 15));
            engine.take(id, "evaluate", checker, at(day, 16), {{"rating", "满意"}});
        }
    }
    (void)engine.advance(at(30, 18));
}

}  // namespace grassroots::fuzz
