// Names of the case enums and the equality of case states.
#include "grassroots/workflow/case.hpp"

#include <array>
#include <charconv>

#include "grassroots/error.hpp"
#include "grassroots/workflow/definition.hpp"

namespace grassroots {

namespace {

constexpr std::array<EnumName<Priority>, 4> priorities{{
    {Priority::low, "low", "低", "can wait"},
    {Priority::normal, "normal", "一般", "the default"},
    {Priority::high, "high", "较急", "before normal cases"},
    {Priority::urgent, "urgent", "紧急", "at once"},
}};
constexpr std::array<EnumName<EventKind>, 8> event_kinds{{
    {EventKind::opened, "opened", "立案", "the case was filed"},
    {EventKind::transition, "transition", "流转", "a transition was taken"},
    {EventKind::refused, "refused", "拒绝", "an attempt was refused; nothing else changed"},
    {EventKind::assigned, "assigned", "派遣", "routed to its primary and cooperating units"},
    {EventKind::escalated, "escalated", "督办", "deadline breached, moved one rung up"},
    {EventKind::urged, "urged", "催办", "deadline breached, the handler was urged"},
    {EventKind::notified, "notified", "通知", "deadline breached, the parties were notified"},
    {EventKind::reopened, "reopened", "重新打开", "reopened by its reporter"},
}};

}  // namespace

std::span<const EnumName<Priority>> enum_names(Priority) noexcept { return priorities; }
std::string_view to_string(Priority priority) noexcept { return enum_name(priority); }
std::string_view chinese_name(Priority priority) noexcept { return enum_chinese_name(priority); }
Priority parse_priority(std::string_view text) { return parse_enum<Priority>(text, "priority"); }

std::span<const EnumName<EventKind>> enum_names(EventKind) noexcept { return event_kinds; }
std::string_view to_string(EventKind kind) noexcept { return enum_name(kind); }
std::string_view chinese_name(EventKind kind) noexcept { return enum_chinese_name(kind); }
EventKind parse_event_kind(std::string_view text) { return parse_enum<EventKind>(text, "event kind"); }

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

EventView::EventView(std::uint64_t sequence_number, CaseId case_id) noexcept : sequence(sequence_number) {
    // "C" and the id + 1 with at least six digits, as CaseEngine::case_number() writes it.
    char digits[20];
    const auto value = case_id.valid() ? static_cast<std::uint64_t>(case_id.value()) + 1 : 0;
    const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    auto length = static_cast<std::size_t>(end - digits);
    number_[number_length_++] = 'C';
    if (!case_id.valid()) {
        digits[0] = '?';
        length = 1;
    }
    for (std::size_t pad = length; pad < 6; ++pad) number_[number_length_++] = '0';
    for (std::size_t i = 0; i < length; ++i) number_[number_length_++] = digits[i];
}

EventRecord EventView::to_record() const {
    EventRecord r;
    r.sequence = sequence;
    r.case_number = std::string(case_number());
    r.kind = kind;
    r.at = at;
    r.actor = std::string(actor);
    r.role = std::string(role);
    r.from = std::string(from);
    r.to = std::string(to);
    r.transition = std::string(transition);
    r.rung = rung;
    r.note = std::string(note);
    r.fields.assign(fields.begin(), fields.end());
    r.reason = std::string(reason);
    if (assignment) r.assignment = *assignment;
    if (input) r.input = *input;
    r.workflow = std::string(workflow);
    r.workflow_version = workflow_version;
    if (unit) r.unit = unit->str();
    r.grid = std::string(grid);
    return r;
}

}  // namespace grassroots
