// Review evidence from the case engine: cases handled and handled on time per community worker.
#include "grassroots/people/case_evidence.hpp"

#include <unordered_map>

#include "grassroots/workflow/engine.hpp"
#include "people_support.hpp"

namespace grassroots {

ReviewEvidence evidence_from_handled_cases(std::span<const HandledCase> cases, const Workforce& workforce, Date first,
                                           Date last) {
    detail::check_period(first, last, "case evidence");
    std::unordered_map<std::string_view, std::size_t> worker_of_actor;
    for (std::size_t i = 0; i < workforce.size(); ++i) {
        const CommunityWorker& worker = workforce.workers()[i];
        if (worker.actor.empty()) continue;
        const auto [where, added] = worker_of_actor.emplace(worker.actor, i);
        if (!added) {
            throw InvalidInput("community workers '" + workforce.workers()[where->second].id + "' and '" + worker.id +
                               "' both name actor '" + worker.actor + "'");
        }
    }
    std::vector<std::int64_t> handled(workforce.size(), 0);
    std::vector<std::int64_t> on_time(workforce.size(), 0);
    for (const HandledCase& c : cases) {
        const Date day = china_date(c.handled_at);
        if (day < first || last < day) continue;
        const auto found = worker_of_actor.find(c.actor);
        if (found == worker_of_actor.end()) continue;
        ++handled[found->second];
        if (!c.handling_due || c.handled_at <= *c.handling_due) ++on_time[found->second];
    }
    ReviewEvidence out;
    for (std::size_t i = 0; i < workforce.size(); ++i) {
        const CommunityWorker& worker = workforce.workers()[i];
        if (worker.actor.empty()) continue;
        out.set(worker.id, std::string(case_evidence_key::cases_handled), static_cast<double>(handled[i]));
        out.set(worker.id, std::string(case_evidence_key::cases_on_time), static_cast<double>(on_time[i]));
        if (handled[i] > 0) {
            out.set(worker.id, std::string(case_evidence_key::on_time_rate),
                    static_cast<double>(on_time[i]) / static_cast<double>(handled[i]));
        }
    }
    return out;
}

ReviewEvidence evidence_from_cases(const CaseEngine& engine, const Workforce& workforce, Date first, Date last) {
    detail::check_period(first, last, "case evidence");
    for (const CommunityWorker& worker : workforce.workers()) {
        if (!worker.actor.empty() && !engine.find_actor(worker.actor)) {
            throw NotFound("community worker '" + worker.id + "' names actor '" + worker.actor +
                           "', which the case engine does not have");
        }
    }
    std::vector<HandledCase> cases;
    for (const CaseState& state : engine.cases()) {
        if (!state.handler.valid() || !state.handled_at) continue;
        cases.push_back(HandledCase{engine.actor(state.handler).id, *state.handled_at, state.handling_due});
    }
    return evidence_from_handled_cases(cases, workforce, first, last);
}

}  // namespace grassroots
