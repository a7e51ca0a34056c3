// The binding functions of the autonomy area, called in order by bind_autonomy() (bindings.cpp).
#pragma once

#include "bindings.hpp"

namespace grassroots::python {

/// CommitteeKind, Sex, SubordinateKind, PartyOrganisationKind, PostKind, Severity, MeetingKind,
/// AttendanceBase and DecisionStatus.
void bind_autonomy_enums(py::module_& m);
/// IntRange, Threshold and Rule.
void bind_rule(py::module_& m);
/// RuleSet (an edition, standalone or in a book).
void bind_rule_set(py::module_& m);
/// RuleBook and rules_in_force().
void bind_rule_book(py::module_& m);
/// The chain's entities as read-only copies: Person, Group, SubordinateCommittee, PartyOrganisation, Post.
void bind_chain_entities(py::module_& m);
/// AutonomyChain and synthetic_chain().
void bind_autonomy_chain(py::module_& m);
/// Finding, ValidationReport and validate().
void bind_validation(py::module_& m);
/// MeetingRecord, MeetingResult and hold_meeting().
void bind_meeting(py::module_& m);
/// ConveningRequest, ConveningResult and check_convening().
void bind_convening(py::module_& m);
/// FollowUp, ConsultationDecision and ConsultationMeeting.
void bind_consultation(py::module_& m);

}  // namespace grassroots::python
