// FollowUp, ConsultationDecision and ConsultationMeeting (协商议事): decisions and their follow-up.
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "autonomy/autonomy.hpp"
#include "autonomy/support.hpp"
#include "casters.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/error.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_consultation(py::module_& m) {
    py::class_<FollowUp> follow_class(m, "FollowUp",
                                      "A follow-up entry of a decision: the day, the new status and a note.");
    follow_class.def(py::init([](Date date, DecisionStatus status, std::string note) {
                         return FollowUp{.date = date, .status = status, .note = std::move(note)};
                     }),
                     py::arg("date"), py::arg("status"), py::arg("note") = "");
    field(follow_class, "date", &FollowUp::date, "When.");
    field(follow_class, "status", &FollowUp::status, "Status from then on.");
    field(follow_class, "note", &FollowUp::note, "What happened.");
    add_value_protocol(follow_class, {"date", "status", "note"});

    py::class_<ConsultationDecision> decision_class(m, "ConsultationDecision", "A decision of a consultation meeting.");
    decision_class.def(py::init([](std::string text, PersonId owner, Date due, DecisionStatus status,
                                   std::vector<FollowUp> history) {
                     return ConsultationDecision{.text = std::move(text), .owner = owner, .due = due, .status = status,
                                                 .history = std::move(history)};
                 }),
                 py::arg("text"), py::arg("owner"), py::arg("due"), py::arg("status") = DecisionStatus::open,
                 py::arg("history") = std::vector<FollowUp>{});
    field(decision_class, "text", &ConsultationDecision::text, "What was decided.");
    field(decision_class, "owner", &ConsultationDecision::owner, "Person id of who carries it out.");
    field(decision_class, "due", &ConsultationDecision::due, "By when.");
    field(decision_class, "status", &ConsultationDecision::status, "Current status.");
    field(decision_class, "history", &ConsultationDecision::history, "Every status change, oldest first.");
    decision_class.def("overdue", &ConsultationDecision::overdue, py::arg("on"),
                       "Not done or cancelled, and due before that day.");
    add_value_protocol(decision_class, {"text", "owner", "due", "status", "history"}, {.hash = false});

    py::class_<ConsultationMeeting>(m, "ConsultationMeeting",
                                    "A consultation meeting (协商议事, '有事好商量'): a topic, participants, and "
                                    "decisions with an owner, a due date and follow-up.")
        .def(py::init<const AutonomyChain&, std::string, Date, std::vector<PersonId>>(), py::arg("chain"),
             py::arg("topic"), py::arg("date"), py::arg("participants"),
             "A meeting of registered people of a chain, each once. InvalidInputError (empty topic, no or repeated "
             "participants) or NotFoundError.")
        .def_property_readonly("topic", &ConsultationMeeting::topic, "What was discussed.")
        .def_property_readonly("date", &ConsultationMeeting::date, "When.")
        .def_property_readonly("unit", &ConsultationMeeting::unit,
                               "The DivisionCode of the chain the meeting was held in.")
        .def_property_readonly("chain_name", &ConsultationMeeting::chain_name,
                               "The name of the chain's committee the meeting was held in.")
        .def_property_readonly("participants", [](const ConsultationMeeting& c) { return copy_of(c.participants()); },
                               "Person ids of those who took part.")
        .def_property_readonly("decisions", [](const ConsultationMeeting& c) { return copy_of(c.decisions()); },
                               "The decisions (copies), by index.")
        .def("decide", &ConsultationMeeting::decide, py::arg("chain"), py::arg("text"), py::arg("owner"),
             py::arg("due"),
             "Records a decision; returns its index. InvalidInputError (empty text, due before the meeting, another "
             "chain than the meeting's) or NotFoundError (owner not in the chain).")
        .def(
            "follow_up",
            [](ConsultationMeeting& meeting, std::int64_t index, DecisionStatus status, Date date, std::string note) {
                if (index < 0) {
                    // The C++ index is unsigned: report a negative one the way C++ reports one too large.
                    throw NotFound("consultation meeting '" + meeting.topic() + "' has no decision " +
                                   std::to_string(index) + " (it has " + std::to_string(meeting.decisions().size()) +
                                   ")");
                }
                meeting.follow_up(static_cast<std::size_t>(index), status, date, std::move(note));
            },
            py::arg("index"), py::arg("status"), py::arg("date"), py::arg("note") = "",
            "Moves a decision to a status (open → in_progress → done, open/in_progress → cancelled, or a progress "
            "note keeping open/in_progress). "
            "InvalidInputError for another move or an earlier date; NotFoundError for a bad index.")
        .def("overdue", &ConsultationMeeting::overdue, py::arg("on"), "Indices of decisions overdue on a day.")
        .def("__repr__", [](const ConsultationMeeting& c) {
            return "<ConsultationMeeting '" + c.topic() + "' on " + to_string(c.date()) + ": " +
                   plural(c.participants().size(), "participant") + ", " + plural(c.decisions().size(), "decision") +
                   ">";
        });
}

}  // namespace grassroots::python
