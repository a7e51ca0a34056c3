// The autonomy enums, from their C++ name tables.
#include "autonomy/autonomy.hpp"
#include "grassroots/autonomy/chain.hpp"
#include "grassroots/autonomy/consultation.hpp"
#include "grassroots/autonomy/meeting.hpp"
#include "grassroots/autonomy/rules.hpp"
#include "grassroots/autonomy/validation.hpp"
#include "value_types.hpp"

namespace grassroots::python {

void bind_autonomy_enums(py::module_& m) {
    bind_enum<CommitteeKind>(m, "CommitteeKind", "Which kind of self-governing committee a law or chain is about.",
                             "居民委员会 or 村民委员会.");
    bind_enum<Sex>(m, "Sex", "Sex, recorded because the law sets shares of women.", "女 or 男.");
    bind_enum<SubordinateKind>(m, "SubordinateKind", "Kinds of subordinate committee (下属委员会), law art. 13.",
                               "The Chinese name, e.g. 治安保卫委员会.");
    bind_enum<PartyOrganisationKind>(m, "PartyOrganisationKind", "Kinds of party organisation (党组织), top down.",
                                     "The Chinese name, e.g. 网格党支部.");
    bind_enum<PostKind>(m, "PostKind", "Kinds of post a person can hold.", "The Chinese name, e.g. 主任.");
    bind_enum<Severity>(m, "Severity", "How serious a finding is (info < warning < error).");
    bind_enum<MeetingKind>(m, "MeetingKind", "Which body meets.", "居民会议, 居民代表会议, 村民会议 or 村民代表会议.");
    bind_enum<AttendanceBase>(m, "AttendanceBase", "Who a residents' or villagers' meeting is made of.");
    bind_enum<DecisionStatus>(m, "DecisionStatus", "Follow-up status of a consultation decision.");
}

}  // namespace grassroots::python
