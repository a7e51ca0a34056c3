// The benchmarks' city (shared by workflow_bench.cpp and stored_engine_bench.cpp): the urban loop
// with an actor per role in 锦苑社区 (胜利街道), the fields each stage fills in, and spread filing times.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "grassroots/calendar/calendar.hpp"
#include "grassroots/workflow/builtin.hpp"
#include "grassroots/workflow/engine.hpp"

namespace bench_city {

namespace gr = grassroots;

/// Filing time of case @p i: spread over 2026 at distinct minutes from 2026-01-01 00:00 CST
/// (353 days; 104729 is prime, so the first 508,320 cases get distinct minutes).
inline gr::Instant filing_time(std::size_t i) {
    const gr::Instant first = gr::china_time(gr::make_date(2026, 1, 1), std::chrono::minutes(0));
    constexpr std::int64_t span = 353 * 24 * 60;
    return first + std::chrono::minutes((static_cast<std::int64_t>(i) * 104729 + 12345) % span);
}

/// The actors of the urban loop and the case they file, set up on an engine as a city would.
struct UrbanRoles {
    gr::ActorId reporter, supervisor, checker, commander, department;
    gr::CaseInput input;

    /// Adds the urban loop and one actor per role to @p engine (a CaseEngine or a StoredEngine).
    template <class Engine>
    static UrbanRoles set_up(Engine& engine) {
        const gr::DivisionCode community("370502005066");  // 锦苑社区
        const gr::DivisionCode street("370502005");        // 胜利街道
        engine.add_workflow(gr::urban_management());
        UrbanRoles roles;
        roles.reporter = engine.add_actor({"wg-1", "网格员 张三", {"grid_worker"}, community, "", ""});
        roles.supervisor = engine.add_actor({"sv-1", "监督员 李四", {"supervision_centre"}, street, "", ""});
        const gr::DivisionCode district("370502");         // 东营区: the city's centres act in all of it
        roles.checker = engine.add_actor({"sv-2", "监督员 王五", {"supervision_centre"}, district, "", ""});
        roles.commander = engine.add_actor({"cc-1", "指挥中心", {"command_centre"}, district, "", ""});
        roles.department = engine.add_actor({"dp-1", "城管执法队员", {"department"}, district, "", "街道综合执法队"});
        roles.input.matter = "event:0502";
        roles.input.workflow = "urban_management";
        roles.input.unit = community;
        roles.input.description = "占道经营";
        return roles;
    }
};

/// The fields each stage fills in, built once outside the timing.
struct Fields {
    std::vector<gr::Field> submit{{"location", "东营区胜利街道锦苑社区"}, {"category", "event:0502"}, {"description", "占道经营"}};
    std::vector<gr::Field> dispatch{{"department", "街道综合执法队"}};
    std::vector<gr::Field> complete{{"result", "已劝离，恢复通行"}};
    std::vector<gr::Field> verify_fail{{"reason", "现场仍有摊位"}};
    std::vector<gr::Field> evaluate{{"rating", "满意"}};
};

}  // namespace bench_city
