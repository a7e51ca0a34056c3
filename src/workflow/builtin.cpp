// The built-in closed loops, built from the compile-time checked state ids of builtin.hpp.
#include "grassroots/workflow/builtin.hpp"

#include <array>
#include <chrono>

namespace grassroots {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

StateDefinition open_state(std::string_view id, std::string name, std::optional<Deadline> deadline = std::nullopt,
                           bool starts_clock = false) {
    StateDefinition state;
    state.id = std::string(id);
    state.name = std::move(name);
    state.deadline = deadline;
    if (deadline) state.on_breach = {BreachAction::urge, BreachAction::escalate};
    state.starts_clock = starts_clock;
    return state;
}

StateDefinition closed_state(std::string_view id, std::string name) {
    StateDefinition state;
    state.id = std::string(id);
    state.name = std::move(name);
    state.closed = true;
    return state;
}

TransitionDefinition edge(std::string id, std::string_view from, std::string_view to, std::vector<std::string> roles,
                          std::vector<std::string> required_fields = {}, Duty duty = Duty::none, bool rework = false) {
    return TransitionDefinition{std::move(id),    std::string(from),          std::string(to),
                                std::move(roles), std::move(required_fields), rework, duty};
}

constexpr std::array<EnumName<HotlineKind>, 4> hotline_kinds{{
    {HotlineKind::emergency, "emergency", "紧急", "2 hours elapsed"},
    {HotlineKind::utilities, "utilities", "", "water, power, gas, heating: 24 hours elapsed"},
    {HotlineKind::general, "general", "一般", "7 working days"},
    {HotlineKind::complex, "complex", "疑难复杂", "15 working days"},
}};

}  // namespace

std::span<const EnumName<HotlineKind>> enum_names(HotlineKind) noexcept { return hotline_kinds; }

std::string_view to_string(HotlineKind kind) noexcept { return enum_name(kind); }

WorkflowDefinition urban_management() {
    namespace u = workflows::urban;
    const std::string supervision = "supervision_centre";
    const std::string command = "command_centre";
    const std::string department = "department";
    return WorkflowDefinition(
        std::string(u::loop), 1, "数字化城管案件", std::string(u::collect),
        {
            open_state(u::collect, "信息收集"),
            open_state(u::file, "案卷建立", Deadline::elapsed(minutes(30))),
            closed_state(u::cancel, "注销"),
            open_state(u::dispatch, "任务派遣", Deadline::elapsed(minutes(30)), true),
            open_state(u::handle, "任务处理", Deadline::working_days(5)),
            open_state(u::feedback, "处理反馈"),
            open_state(u::verify, "核查结案", Deadline::elapsed(hours(2))),
            open_state(u::evaluate, "综合评价"),
            closed_state(u::closed, "结案"),
        },
        {
            edge("submit", u::collect, u::file, {supervision}, {"location", "category", "description"}),
            edge("accept", u::file, u::dispatch, {command}),
            edge("cancel", u::file, u::cancel, {command}, {"reason"}),
            edge("dispatch", u::dispatch, u::handle, {command}, {"department"}, Duty::dispatch),
            edge("complete", u::handle, u::feedback, {department}, {"result"}, Duty::handle),
            edge("report_back", u::feedback, u::verify, {department}),
            edge("verify_pass", u::verify, u::evaluate, {supervision}, {}, Duty::verify),
            edge("verify_fail", u::verify, u::dispatch, {supervision}, {"reason"}, Duty::verify, true),
            edge("evaluate", u::evaluate, u::closed, {supervision}, {"rating"}),
        });
}

WorkflowDefinition hotline_12345(HotlineKind kind) {
    namespace h = workflows::hotline;
    const std::string centre = "hotline_centre";
    const std::string department = "department";
    Deadline limit = Deadline::elapsed(hours(2));
    std::string title = "12345 接诉即办（紧急）";
    switch (kind) {
        case HotlineKind::emergency: break;
        case HotlineKind::utilities:
            limit = Deadline::elapsed(hours(24));
            title = "12345 接诉即办（水电气热）";
            break;
        case HotlineKind::general:
            limit = Deadline::working_days(7);
            title = "12345 接诉即办（一般）";
            break;
        case HotlineKind::complex:
            limit = Deadline::working_days(15);
            title = "12345 接诉即办（疑难复杂）";
            break;
    }
    return WorkflowDefinition(
        std::string(h::loop) + "_" + std::string(to_string(kind)), 1, title, std::string(h::receive),
        {
            open_state(h::receive, "受理"),
            open_state(h::dispatch, "派单", std::nullopt, true),
            open_state(h::handle, "办理", limit),
            open_state(h::reply, "答复"),
            open_state(h::return_visit, "回访"),
            open_state(h::rating, "评价"),
            closed_state(h::closed, "办结"),
        },
        {
            edge("accept", h::receive, h::dispatch, {centre}, {"caller", "description"}),
            edge("dispatch", h::dispatch, h::handle, {centre}, {"department"}, Duty::dispatch),
            edge("complete", h::handle, h::reply, {department}, {"result"}, Duty::handle),
            edge("reply", h::reply, h::return_visit, {department}, {"reply"}),
            edge("visit", h::return_visit, h::rating, {centre}, {}, Duty::verify),
            edge("rate", h::rating, h::closed, {centre}, {"responded", "resolved", "satisfied"}),
        });
}

WorkflowDefinition whistle() {
    namespace w = workflows::whistle;
    const std::string township = "township";
    const std::string department = "department";
    StateDefinition report = open_state(w::report, "报到", Deadline::elapsed(minutes(30)));
    report.on_breach = {BreachAction::escalate};
    return WorkflowDefinition(
        std::string(w::loop), 1, "吹哨报到", std::string(w::blow),
        {
            open_state(w::blow, "吹哨"),
            report,
            open_state(w::joint_handling, "联合处置"),
            open_state(w::rating, "评价"),
            closed_state(w::closed, "办结"),
        },
        {
            edge("blow", w::blow, w::report, {township}, {"whistle_kind", "departments"}, Duty::dispatch),
            edge("report", w::report, w::joint_handling, {department}),
            edge("resolve", w::joint_handling, w::rating, {township, department}, {"result"}, Duty::handle),
            edge("rate", w::rating, w::closed, {township}, {"ratings"}, Duty::verify),
        });
}

WorkflowDefinition five_step() {
    namespace f = workflows::five_step;
    const std::string lead = "lead_office";
    const std::string unit = "responsible_unit";
    return WorkflowDefinition(
        std::string(f::loop), 1, "五步闭环", std::string(f::find),
        {
            open_state(f::find, "发现问题"),
            open_state(f::classify_and_handle, "分类办理"),
            open_state(f::track, "跟踪问效"),
            open_state(f::verify_and_evaluate, "核查评估"),
            open_state(f::adjust, "动态调整"),
            closed_state(f::closed, "销号"),
        },
        {
            edge("classify", f::find, f::classify_and_handle, {lead}, {"category"}),
            edge("handle", f::classify_and_handle, f::track, {unit}, {"result"}, Duty::handle),
            edge("track", f::track, f::verify_and_evaluate, {lead}),
            edge("verify_pass", f::verify_and_evaluate, f::adjust, {lead}, {}, Duty::verify),
            edge("verify_fail", f::verify_and_evaluate, f::classify_and_handle, {lead}, {"reason"}, Duty::verify, true),
            edge("adjust", f::adjust, f::closed, {lead}),
        });
}

WorkflowDefinition explore_pilot() {
    namespace e = workflows::explore_pilot;
    const std::string office = "innovation_office";
    const std::string pilot_unit = "pilot_unit";
    return WorkflowDefinition(
        std::string(e::loop), 1, "探索—试点—评估—推广", std::string(e::explore),
        {
            open_state(e::explore, "探索"),
            open_state(e::pilot, "试点"),
            open_state(e::evaluate, "评估"),
            open_state(e::promote, "推广"),
            closed_state(e::closed, "完成"),
        },
        {
            edge("start_pilot", e::explore, e::pilot, {office}, {"pilot_units"}),
            edge("submit", e::pilot, e::evaluate, {pilot_unit}, {"report"}, Duty::handle),
            edge("approve", e::evaluate, e::promote, {office}, {}, Duty::verify),
            edge("revise", e::evaluate, e::pilot, {office}, {"reason"}, Duty::verify, true),
            edge("finish", e::promote, e::closed, {office}),
        });
}

}  // namespace grassroots
