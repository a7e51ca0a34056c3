// The case engine's test fixture: an engine on the 2026 calendar with the urban loop, one actor
// per role, and the test catalogue and responsibility list (engine_test.cpp, replay_test.cpp).
#pragma once

#include <string>

#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots::testing {

using std::chrono::hours;
using std::chrono::minutes;

inline const DivisionCode jinyuan = DivisionCode::parse("370502005066");   // 锦苑社区
inline const DivisionCode shengli = DivisionCode::parse("370502005");      // 胜利街道
inline const DivisionCode other_street = DivisionCode::parse("370502006");

inline Instant at(int month, int day, int hour, int minute = 0) {
    return china_time(make_date(2026, month, day), hours(hour) + minutes(minute));
}

/// @p options serving 东营区 (370502) unless they name a jurisdiction: actors without a scope act there.
inline EngineOptions in_dongying_district(EngineOptions options) {
    if (!options.jurisdiction) options.jurisdiction = DivisionCode::parse("370502");
    return options;
}

/// An engine on the 2026 calendar with the urban loop and one actor per role.
struct Fixture {
    CaseEngine engine{Calendar::china()};
    ActorId reporter, supervisor, checker, commander, department, stranger, both;

    explicit Fixture(EngineOptions options = {}) : engine(Calendar::china(), in_dongying_district(options)) {
        engine.add_workflow(urban_management());
        reporter = engine.add_actor({"wg-1", "网格员 张三", {"grid_worker"}, jinyuan, "", ""});
        supervisor = engine.add_actor({"sv-1", "监督员 李四", {"supervision_centre"}, shengli, "", ""});
        checker = engine.add_actor({"sv-2", "监督员 王五", {"supervision_centre"}, std::nullopt, "", ""});
        commander = engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, std::nullopt, "", ""});
        department = engine.add_actor({"dp-1", "城管执法队员", {"department"}, std::nullopt, "", "街道综合执法队"});
        stranger = engine.add_actor({"sv-9", "邻街监督员", {"supervision_centre"}, other_street, "", ""});
        both = engine.add_actor({"mx-1", "身兼两职", {"department", "supervision_centre"}, std::nullopt, "", ""});
    }

    CaseId file(Instant when = at(9, 28, 9)) {
        CaseInput input;
        input.matter = "event:0502";
        input.workflow = "urban_management";
        input.unit = jinyuan;
        input.description = "占道经营";
        return engine.open(input, reporter, when);
    }

    /// Takes the case from collect to handle (dispatched at @p dispatched to @p unit).
    void to_handle(CaseId id, Instant dispatched, const std::string& unit = "街道综合执法队") {
        engine.take(id, "submit", supervisor, dispatched - hours(1), {{"location", "x"}, {"category", "y"}, {"description", "z"}});
        engine.take(id, "accept", commander, dispatched - minutes(30));
        engine.take(id, "dispatch", commander, dispatched, {{"department", unit}});
    }
};

/// The test catalogue (three matters) and a responsibility list routing them by rung.
inline void add_routing(CaseEngine& engine) {
    MatterCatalogue catalogue;
    catalogue.add({MatterClass::event, "0502", "占道经营", "街面秩序", "urban_management", ""});
    catalogue.add({MatterClass::component, "0101", "上水井盖", "公用设施", "urban_management", "供水公司"});
    catalogue.add({MatterClass::event, "0102", "暴露垃圾", "市容环境", "urban_management", ""});
    engine.set_catalogue(catalogue);
    ResponsibilityList list;
    list.add({"event:0502", Rung::community, std::nullopt, "锦苑社区居委会", {"街道综合执法队"}, "test list"});
    list.add({"event:0502", Rung::township, shengli, "胜利街道综合执法队", {"市场监管所"}, "test list"});
    list.add({"event:0502", Rung::county, std::nullopt, "区综合执法局", {}, "test list"});
    list.add({"component:0101", Rung::community, std::nullopt, "锦苑社区居委会", {"物业公司"}, "test list"});
    list.add({"event:0102", Rung::community, std::nullopt, "锦苑社区居委会", {}, "test list"});
    engine.set_responsibilities(list);
}

}  // namespace grassroots::testing
