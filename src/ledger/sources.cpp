// Raising ledger problems from consultation-meeting decisions and from cases of the case engine.
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/error.hpp"
#include "grassroots/ledger/ledger.hpp"
#include "grassroots/workflow/engine.hpp"

namespace grassroots {

ProblemId DualLedger::raise_from_decision(const AutonomyChain& chain, const ConsultationMeeting& meeting,
                                          std::size_t decision, Date raised, std::string actor, std::string department) {
    if (decision >= meeting.decisions().size()) {
        throw NotFound("consultation meeting '" + meeting.topic() + "' has no decision " + std::to_string(decision) +
                       " (it has " + std::to_string(meeting.decisions().size()) + ")");
    }
    const ConsultationDecision& d = meeting.decisions()[decision];
    const Person& owner = chain.person(d.owner);  // NotFound when the meeting is not of this chain
    if (d.status == DecisionStatus::cancelled) {
        throw InvalidInput("decision " + std::to_string(decision) + " of consultation meeting '" + meeting.topic() +
                           "' was cancelled; it cannot be raised as a problem");
    }
    if (raised.ok() && raised < meeting.date()) {
        throw InvalidInput("a problem from consultation meeting '" + meeting.topic() + "' cannot be raised on " +
                           to_string(raised) + ", before the meeting (" + to_string(meeting.date()) + ")");
    }
    ProblemInput input;
    input.title = d.text;
    input.owner = OwnerUnit{chain.unit(), std::move(department)};
    input.raised = raised;
    input.due = d.due;
    input.actor = std::move(actor);
    input.note = "from consultation meeting '" + meeting.topic() + "' of " + to_string(meeting.date()) +
                 ", decision " + std::to_string(decision) + ", owner " + owner.name;
    input.source = ProblemSource{ProblemSourceKind::consultation, chain.unit().str() + "/" + to_string(meeting.date()) +
                                                                      "/" + meeting.topic() + "#" + std::to_string(decision)};
    return add_problem(std::move(input));
}

ProblemId DualLedger::raise_from_case(const CaseEngine& engine, StrongId<CaseIdTag> id, Date raised, Date due,
                                      std::string actor, std::string title) {
    const CaseState& state = engine.state(id);  // NotFound for an unknown case
    const CaseInput& filed = engine.input(id);
    const std::optional<Assignment> assignment = engine.assignment(id);
    const CaseSource source{.number = CaseEngine::case_number(id),
                            .unit = state.unit,
                            .filed = china_date(state.opened_at),
                            .matter = filed.matter,
                            .description = filed.description,
                            .state = engine.state_id(id),
                            .primary = assignment ? assignment->primary : std::string()};
    return raise_from_case(source, raised, due, std::move(actor), std::move(title));
}

ProblemId DualLedger::raise_from_case(const CaseSource& source, Date raised, Date due, std::string actor,
                                      std::string title) {
    if (raised.ok() && raised < source.filed) {
        throw InvalidInput("a problem from case " + source.number + " cannot be raised on " + to_string(raised) +
                           ", before the case was filed (" + to_string(source.filed) + ")");
    }
    ProblemInput input;
    input.title = !title.empty() ? std::move(title) : !source.description.empty() ? source.description : source.matter;
    input.owner = OwnerUnit{source.unit, source.primary};
    input.raised = raised;
    input.due = due;
    input.actor = std::move(actor);
    input.note = "from case " + source.number + " (" + source.matter + ", " + source.state + ")";
    input.source = ProblemSource{ProblemSourceKind::workflow_case, source.number};
    return add_problem(std::move(input));
}

}  // namespace grassroots
