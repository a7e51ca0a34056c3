// Names of the case enums and the equality of case states.
#include "grassroots/workflow/case.hpp"

#include <array>

#include "core/enum_names.hpp"
#include "grassroots/error.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots {

namespace {

constexpr std::array<std::string_view, 4> priority_names{"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 4> priority_chinese{"低", "一般", "较急", "紧急"};
constexpr std::array<std::string_view, 8> event_names{"opened",    "transition", "refused", "assigned",
                                                      "escalated", "urged",      "notified", "reopened"};
constexpr std::array<std::string_view, 8> event_chinese{"立案", "流转", "拒绝", "派遣", "督办", "催办", "通知", "重新打开"};

}  // namespace

std::string_view to_string(Priority priority) noexcept { return detail::name_of(priority, priority_names); }
std::string_view chinese_name(Priority priority) noexcept { return detail::name_of(priority, priority_chinese); }
Priority parse_priority(std::string_view text) { return detail::value_of<Priority>(text, priority_names, "priority"); }

std::string_view to_string(EventKind kind) noexcept { return detail::name_of(kind, event_names); }
std::string_view chinese_name(EventKind kind) noexcept { return detail::name_of(kind, event_chinese); }
EventKind parse_event_kind(std::string_view text) { return detail::value_of<EventKind>(text, event_names, "event kind"); }

bool operator==(const CaseState& a, const CaseState& b) {
    const bool same_definition =
        (a.definition == nullptr && b.definition == nullptr) ||
        (a.definition != nullptr && b.definition != nullptr && a.definition->id() == b.definition->id() &&
         a.definition->version() == b.definition->version());
    return same_definition && a.id == b.id && a.state == b.state && a.closed == b.closed && a.unit == b.unit &&
           a.grid == b.grid && a.matter == b.matter && a.priority == b.priority && a.reporter == b.reporter &&
           a.handler == b.handler && a.verifier == b.verifier && a.handled == b.handled && a.verified == b.verified &&
           a.opened_at == b.opened_at && a.entered_at == b.entered_at && a.updated_at == b.updated_at &&
           a.clock_started == b.clock_started && a.due == b.due && a.next_breach == b.next_breach &&
           a.closed_at == b.closed_at && a.handling_due == b.handling_due && a.handled_at == b.handled_at && a.rung == b.rung && a.start_rung == b.start_rung &&
           a.assignment == b.assignment && a.transitions == b.transitions && a.reworks == b.reworks &&
           a.escalations == b.escalations && a.urges == b.urges && a.reopens == b.reopens &&
           a.refusals == b.refusals && a.last_event == b.last_event && a.last_event_at == b.last_event_at;
}

}  // namespace grassroots
