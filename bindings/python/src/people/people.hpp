// The people area's binding functions (bindings.cpp calls them in this order).
#pragma once

#include <pybind11/pybind11.h>

namespace grassroots::python {

namespace py = pybind11;

/// Rating, parse_rating, ScoringKind and QuotaRounding.
void bind_review_enums(py::module_& m);
/// CommunityWorker and Workforce.
void bind_workforce(py::module_& m);
/// EvidenceValue, ReviewEvidence, HandledCase, evidence_from_handled_cases, evidence_from_cases.
void bind_review_evidence(py::module_& m);
/// ScoringStep, Scoring, Indicator and QuotaOptions.
void bind_scoring(py::module_& m);
/// ReviewRules, add_months, GradeProgress, next_grade.
void bind_review_rules(py::module_& m);
/// IndicatorScore, QuotaAdjustment, WorkerReview, QuotaPool, ReviewOutcome and review().
void bind_review_outcome(py::module_& m);
/// Volunteer, VolunteerTeam, VolunteerProject, ServiceRecord, VolunteerTotals, VolunteerRegistry.
void bind_volunteers(py::module_& m);
/// UnitCount, PartyMemberRegistration, ResidentPartyMembers (党员回家).
void bind_party_members(py::module_& m);
/// SocialOrganisationKind, SocialOrganisation, UnitHouseholds, households_of, ParticipationShare and
/// SocialOrganisationRegistry.
void bind_social_organisations(py::module_& m);

}  // namespace grassroots::python
