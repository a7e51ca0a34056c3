// MeetingRecord, MeetingResult and hold_meeting(): quorum and vote of a meeting.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_meeting(py::module_& m) {
    py::class_<MeetingRecord> record_class(m, "MeetingRecord",
                                           "A meeting as it happened: who came and who voted for the motion.");
    record_class.def(py::init([](MeetingKind kind, Date date, std::vector<PersonId> attendees,
                                 std::vector<PersonId> votes_for, AttendanceBase base, std::string motion) {
                   return MeetingRecord{.kind = kind, .base = base, .date = date, .motion = std::move(motion),
                                        .attendees = std::move(attendees), .votes_for = std::move(votes_for)};
               }),
               py::arg("kind"), py::arg("date"), py::arg("attendees"), py::arg("votes_for") = std::vector<PersonId>{},
               py::arg("base") = AttendanceBase::all_adults, py::arg("motion") = "");
    field(record_class, "kind", &MeetingRecord::kind, "Which body.");
    field(record_class, "date", &MeetingRecord::date, "The day it met.");
    field(record_class, "attendees", &MeetingRecord::attendees, "Person ids of those present.");
    field(record_class, "votes_for", &MeetingRecord::votes_for, "Person ids of those who voted for the motion.");
    field(record_class, "base", &MeetingRecord::base, "Attendance base, for residents' and villagers' meetings.");
    field(record_class, "motion", &MeetingRecord::motion, "What was put to the vote.");
    add_value_protocol(record_class, {"kind", "date", "attendees", "votes_for", "base", "motion"}, {.hash = false});

    py::class_<MeetingResult> result_class(
        m, "MeetingResult", "Quorum and vote of a meeting, with the numbers and the rules applied.");
    result_class.def(py::init([](std::int64_t base, std::int64_t present, std::int64_t required_present, bool quorate,
                           std::int64_t votes_for, std::int64_t required_votes, bool passed, std::string quorum_rule,
                           std::string decision_rule, bool rules_verified, std::string explanation) {
                   MeetingResult out;
                   out.base = base;
                   out.present = present;
                   out.required_present = required_present;
                   out.quorate = quorate;
                   out.votes_for = votes_for;
                   out.required_votes = required_votes;
                   out.passed = passed;
                   out.quorum_rule = std::move(quorum_rule);
                   out.decision_rule = std::move(decision_rule);
                   out.rules_verified = rules_verified;
                   out.explanation = std::move(explanation);
                   return out;
               }),
               py::arg("base"), py::arg("present"), py::arg("required_present"), py::arg("quorate"),
               py::arg("votes_for"), py::arg("required_votes"), py::arg("passed"), py::arg("quorum_rule"),
               py::arg("decision_rule"), py::arg("rules_verified"), py::arg("explanation"));
    field(result_class, "base", &MeetingResult::base,
          "Size of the body (adults, households, representatives, members).");
    field(result_class, "present", &MeetingResult::present, "Attendees counted.");
    field(result_class, "required_present", &MeetingResult::required_present, "Smallest attendance that is a quorum.");
    field(result_class, "quorate", &MeetingResult::quorate, "May the meeting be held.");
    field(result_class, "votes_for", &MeetingResult::votes_for, "Votes for the motion.");
    field(result_class, "required_votes", &MeetingResult::required_votes, "Smallest number of votes that passes it.");
    field(result_class, "passed", &MeetingResult::passed, "Quorate and enough votes.");
    field(result_class, "quorum_rule", &MeetingResult::quorum_rule, "Rule id used for the quorum.");
    field(result_class, "decision_rule", &MeetingResult::decision_rule, "Rule id used for the vote.");
    field(result_class, "rules_verified", &MeetingResult::rules_verified,
          "False when either rule is an unverified default or overridden.");
    field(result_class, "explanation", &MeetingResult::explanation, "One line in plain words.");
    add_value_protocol(result_class, {"base", "present", "required_present", "quorate", "votes_for", "required_votes",
                                      "passed", "quorum_rule", "decision_rule", "rules_verified", "explanation"});

    m.def(
        "hold_meeting",
        [](const AutonomyChain& chain, const RuleSetRef& rules, const MeetingRecord& record) {
            return hold_meeting(chain, rules.get(), record);
        },
        py::arg("chain"), py::arg("rules"), py::arg("record"),
        "Decides quorum and vote of a meeting under the rules. InvalidInputError when the meeting does not fit the "
        "chain or an attendee or voter is not eligible; NotFoundError for an unknown person.");
}

}  // namespace grassroots::python
