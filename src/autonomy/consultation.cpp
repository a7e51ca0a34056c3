#include "grassroots/autonomy/consultation.hpp"

#include <array>
#include <unordered_set>

#include "grassroots/error.hpp"

namespace grassroots {

namespace {

/// "王芳 (person 12)"; throws NotFound for an unknown person.
std::string describe(const AutonomyChain& chain, PersonId id) {
    const Person& who = chain.person(id);
    return who.name + " (person " + std::to_string(id.value()) + ")";
}

/// open → in_progress → done, open/in_progress → cancelled, and notes that keep a live status.
bool allowed(DecisionStatus from, DecisionStatus to) noexcept {
    switch (from) {
        case DecisionStatus::open:
            return to == DecisionStatus::open || to == DecisionStatus::in_progress || to == DecisionStatus::cancelled;
        case DecisionStatus::in_progress:
            return to == DecisionStatus::in_progress || to == DecisionStatus::done || to == DecisionStatus::cancelled;
        default:
            return false;  // done and cancelled are final
    }
}

}  // namespace

namespace {

constexpr std::array<EnumName<DecisionStatus>, 4> decision_status_names{{
    {DecisionStatus::open, "open", "待办", "decided, not started"},
    {DecisionStatus::in_progress, "in_progress", "办理中", "being carried out"},
    {DecisionStatus::done, "done", "已办结", "carried out (final)"},
    {DecisionStatus::cancelled, "cancelled", "已撤销", "withdrawn (final)"},
}};

}  // namespace

std::span<const EnumName<DecisionStatus>> enum_names(DecisionStatus) noexcept { return decision_status_names; }
std::string_view chinese_name(DecisionStatus status) noexcept { return enum_chinese_name(status); }
std::string_view to_string(DecisionStatus status) noexcept { return enum_name(status); }

bool ConsultationDecision::overdue(Date on) const noexcept {
    return status != DecisionStatus::done && status != DecisionStatus::cancelled && due < on;
}

ConsultationMeeting::ConsultationMeeting(const AutonomyChain& chain, std::string topic, Date date,
                                         std::vector<PersonId> participants)
    : unit_(chain.unit()), chain_name_(chain.name()), topic_(std::move(topic)), date_(date),
      participants_(std::move(participants)) {
    if (topic_.empty()) {
        throw InvalidInput("a consultation meeting needs a topic");
    }
    if (!date_.ok()) {
        throw InvalidInput("the date of consultation meeting '" + topic_ + "' is not a valid date");
    }
    if (participants_.empty()) {
        throw InvalidInput("consultation meeting '" + topic_ + "' has no participants");
    }
    std::unordered_set<PersonId> seen;
    for (const PersonId id : participants_) {
        const std::string who = describe(chain, id);
        if (!seen.insert(id).second) {
            throw InvalidInput("participant " + who + " is listed twice");
        }
    }
}

std::size_t ConsultationMeeting::decide(const AutonomyChain& chain, std::string text, PersonId owner, Date due) {
    if (chain.unit() != unit_ || chain.name() != chain_name_) {
        throw InvalidInput("consultation meeting '" + topic_ + "' was held in " + chain_name_ + " (" + unit_.str() +
                           "), not in " + chain.name() + " (" + chain.unit().str() + ")");
    }
    if (text.empty()) {
        throw InvalidInput("a decision of consultation meeting '" + topic_ + "' needs a text");
    }
    if (!due.ok()) {
        throw InvalidInput("the due date of decision '" + text + "' is not a valid date");
    }
    if (due < date_) {
        throw InvalidInput("decision '" + text + "' is due on " + to_string(due) + ", before the meeting on " +
                           to_string(date_));
    }
    (void)chain.person(owner);  // NotFound for an unknown owner
    decisions_.push_back(ConsultationDecision{std::move(text), owner, due, DecisionStatus::open, {}});
    return decisions_.size() - 1;
}

void ConsultationMeeting::follow_up(std::size_t index, DecisionStatus status, Date date, std::string note) {
    if (index >= decisions_.size()) {
        throw NotFound("consultation meeting '" + topic_ + "' has no decision " + std::to_string(index) + " (it has " +
                       std::to_string(decisions_.size()) + ")");
    }
    ConsultationDecision& decision = decisions_[index];
    if (!allowed(decision.status, status)) {
        throw InvalidInput("decision '" + decision.text + "' cannot move from " + std::string(to_string(decision.status)) +
                           " to " + std::string(to_string(status)) +
                           " (allowed: open → in_progress → done, open/in_progress → cancelled, or a note keeping open/in_progress)");
    }
    if (!date.ok()) {
        throw InvalidInput("the date of a follow-up of decision '" + decision.text + "' is not a valid date");
    }
    if (date < date_) {
        throw InvalidInput("follow-up of decision '" + decision.text + "' on " + to_string(date) +
                           " is before the meeting on " + to_string(date_));
    }
    if (!decision.history.empty() && date < decision.history.back().date) {
        throw InvalidInput("follow-up of decision '" + decision.text + "' on " + to_string(date) +
                           " is before the last follow-up on " + to_string(decision.history.back().date));
    }
    decision.history.push_back(FollowUp{date, status, std::move(note)});
    decision.status = status;
}

std::vector<std::size_t> ConsultationMeeting::overdue(Date on) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < decisions_.size(); ++i) {
        if (decisions_[i].overdue(on)) {
            out.push_back(i);
        }
    }
    return out;
}

}  // namespace grassroots
