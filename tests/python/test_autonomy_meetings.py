"""Meetings (quorum and vote at the exact boundaries), convening rights and consultation decisions."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
import pytest

import grassroots as gr
from grassroots import AttendanceBase, AutonomyChain, DecisionStatus, MeetingKind, MeetingRecord, Sex

ELECTED = date(2021, 5, 1)
DAY = date(2022, 3, 1)
NAME = "锦苑社区居民委员会"


def small_chain() -> AutonomyChain:
    """One group of 5 households and 10 adults; persons 0–9 are those adults (two per household),
    person 10 is a child of household 1; persons 0, 2 and 4 are the group's representatives."""
    chain = AutonomyChain(gr.CommitteeKind.RESIDENTS, "370502005066", NAME, ELECTED)
    group = chain.add_group("第一居民小组", 5, 10)
    for i in range(10):
        chain.add_person(f"居民{i}", Sex.FEMALE, date(1970, 1, 1), group, household=i // 2 + 1)
    chain.add_person("小明", Sex.MALE, date(2010, 1, 1), group, household=1)
    for representative in (0, 2, 4):
        chain.elect_representative(group, representative, ELECTED)
    return chain


def rules_2018() -> gr.RuleSet:
    return gr.rules_in_force(gr.CommitteeKind.RESIDENTS, DAY)


def meeting(
    attendees: list[int], votes_for: list[int], base: AttendanceBase = AttendanceBase.ALL_ADULTS, motion: str = ""
) -> MeetingRecord:
    return MeetingRecord(
        kind=MeetingKind.RESIDENTS_MEETING, date=DAY, attendees=attendees, votes_for=votes_for, base=base, motion=motion
    )


def test_exactly_half_present_is_not_a_quorum() -> None:
    result = gr.hold_meeting(small_chain(), rules_2018(), meeting(list(range(5)), [0, 1, 2]))
    assert (result.base, result.present, result.required_present) == (10, 5, 6)
    assert not result.quorate and not result.passed
    assert (result.quorum_rule, result.decision_rule) == ("meeting.quorum", "meeting.decision")
    assert result.explanation == (
        "5 of 10 present (more than 1/2 needs 6): not quorate; "
        "3 of 5 for (more than 1/2 needs 3): not passed (no quorum)"
    )


def test_half_plus_one_is_a_quorum_and_half_the_votes_do_not_pass() -> None:
    chain, rules = small_chain(), rules_2018()
    result = gr.hold_meeting(chain, rules, meeting(list(range(6)), [0, 1, 2], motion="加装电梯"))
    assert result.quorate and result.required_present == 6
    assert (result.votes_for, result.required_votes, result.passed) == (3, 4, False)
    assert result.explanation == (
        "6 of 10 present (more than 1/2 needs 6): quorate; 3 of 6 for (more than 1/2 needs 4): not passed")
    passed = gr.hold_meeting(chain, rules, meeting(list(range(6)), [0, 1, 2, 3]))
    assert passed.passed and passed.rules_verified
    assert passed.to_dict() == {
        "base": 10, "present": 6, "required_present": 6, "quorate": True, "votes_for": 4, "required_votes": 4,
        "passed": True, "quorum_rule": "meeting.quorum", "decision_rule": "meeting.decision", "rules_verified": True,
        "explanation": "6 of 10 present (more than 1/2 needs 6): quorate; 4 of 6 for (more than 1/2 needs 4): passed",
    }
    assert pickle.loads(pickle.dumps(passed)) == passed


def test_other_attendance_bases() -> None:
    chain, rules = small_chain(), rules_2018()
    by_household = gr.hold_meeting(chain, rules, meeting([0, 2, 4], [0, 2], base=AttendanceBase.HOUSEHOLDS))
    assert (by_household.base, by_household.required_present, by_household.passed) == (5, 3, True)
    two = gr.hold_meeting(chain, rules, meeting([0, 2], [0, 2], base=AttendanceBase.HOUSEHOLDS))
    assert not two.quorate
    by_representatives = gr.hold_meeting(chain, rules, meeting([0, 2], [0], base=AttendanceBase.GROUP_REPRESENTATIVES))
    assert (by_representatives.base, by_representatives.quorate, by_representatives.passed) == (3, True, False)


def test_an_overridden_quorum_is_applied_and_flagged() -> None:
    rules = rules_2018()
    rules.override_threshold("meeting.quorum", gr.Threshold(1, 2, False), "local test rule")
    result = gr.hold_meeting(small_chain(), rules, meeting(list(range(5)), [0, 1, 2]))
    assert result.quorate and result.passed and not result.rules_verified


def test_meeting_errors() -> None:
    chain, rules = small_chain(), rules_2018()
    cases: list[tuple[type[Exception], str, MeetingRecord]] = [
        (gr.InvalidInputError, "voter 居民5 (person 5) is not among the attendees", meeting([0, 1, 2], [5])),
        (gr.InvalidInputError, "attendee 居民0 (person 0) is listed twice", meeting([0, 0], [])),
        (gr.InvalidInputError,
         "attendee 小明 (person 10) is under 18 on 2022-03-01 and cannot attend a meeting of all adults",
         meeting([10], [])),
        (gr.InvalidInputError, "attendees 居民0 (person 0) and 居民1 (person 1) are both from household 1",
         meeting([0, 1], [], base=AttendanceBase.HOUSEHOLDS)),
        (gr.InvalidInputError, "attendee 居民1 (person 1) is not a representative on 2022-03-01",
         meeting([0, 1], [], base=AttendanceBase.GROUP_REPRESENTATIVES)),
        (gr.InvalidInputError,
         f"a 村民会议 (villagers_meeting) belongs to a 村民委员会, not to {NAME} (a 居民委员会)",
         MeetingRecord(kind=MeetingKind.VILLAGERS_MEETING, date=DAY, attendees=[0])),
        (gr.InvalidInputError,
         "the 居民代表会议 (residents_representatives_assembly) exists from the 2025 revision of the residents' "
         "committee law, in force 2026-01-01; edition 'rc-2018' has no rule 'assembly.quorum'",
         MeetingRecord(kind=MeetingKind.RESIDENTS_REPRESENTATIVES_ASSEMBLY, date=DAY, attendees=[0])),
        (gr.NotFoundError, f"person 99 is not registered in {NAME}", meeting([99], [])),
    ]
    for error, message, record in cases:
        with pytest.raises(error) as info:
            gr.hold_meeting(chain, rules, record)
        assert str(info.value) == message
    with pytest.raises(gr.InvalidInputError, match="^edition 'vc-2018' governs 村民委员会"):
        gr.hold_meeting(chain, gr.RuleBook.china().edition("vc-2018"), meeting([0], []))


def test_meeting_record_is_a_keyword_built_value() -> None:
    record = MeetingRecord(kind=MeetingKind.RESIDENTS_MEETING, date=DAY, attendees=[0, 1])
    assert record.votes_for == [] and record.base == AttendanceBase.ALL_ADULTS and record.motion == ""
    assert record.to_dict() == {
        "kind": "residents_meeting", "date": DAY, "attendees": [0, 1], "votes_for": [], "base": "all_adults",
        "motion": "",
    }
    assert repr(record) == (
        "MeetingRecord(kind=MeetingKind.RESIDENTS_MEETING, date=datetime.date(2022, 3, 1), attendees=[0, 1], "
        "votes_for=[], base=AttendanceBase.ALL_ADULTS, motion='')")
    assert pickle.loads(pickle.dumps(record)) == record
    with pytest.raises(TypeError):
        hash(record)
    with pytest.raises(TypeError):
        MeetingRecord(kind=MeetingKind.RESIDENTS_MEETING, date=DAY, attendees=["居民0"])  # type: ignore[list-item]


def test_convening_rights() -> None:
    chain, rules = small_chain(), rules_2018()

    def request(
        residents: Sequence[int] = (),
        households: Sequence[int] = (),
        groups: Sequence[int] = (),
        representatives: Sequence[int] = (),
    ) -> gr.ConveningResult:
        asked = gr.ConveningRequest(MeetingKind.RESIDENTS_MEETING, DAY, residents, households, groups, representatives)
        return gr.check_convening(chain, rules, asked)

    one = request(residents=[0])
    assert not one.must_convene and one.met_rule == ""
    assert one.explanation == (
        "adults: 1 of 10 (at least 1/5 needs 2): not met; households: 0 of 5 (at least 1/5 needs 1): not met; "
        "groups: 0 of 1 (at least 1/3 needs 1): not met")
    two = request(residents=[0, 1])  # exactly one fifth: 以上 includes the boundary
    assert two.must_convene and two.met_rule == "meeting.convene.adults"
    assert request(households=[3]).met_rule == "meeting.convene.households"
    assert request(groups=[0]).met_rule == "meeting.convene.groups"
    with pytest.raises(gr.InvalidInputError, match=f"^household 6 is not one of the 5 households of {NAME}$"):
        request(households=[6])
    with pytest.raises(gr.InvalidInputError, match="^requester 小明 \\(person 10\\) is under 18 on 2022-03-01$"):
        request(residents=[10])
    with pytest.raises(gr.InvalidInputError, match="is not made by representatives$"):
        request(representatives=[0])
    with pytest.raises(gr.NotFoundError, match=f"^group 4 is not in {NAME}$"):
        request(groups=[4])


def test_consultation_decisions_and_follow_up() -> None:
    chain = small_chain()
    consultation = gr.ConsultationMeeting(chain, "停车难", DAY, [0, 1, 2, 3])
    assert (consultation.topic, consultation.date, consultation.participants) == ("停车难", DAY, [0, 1, 2, 3])
    assert consultation.decide(chain, "划定临时停车位", 0, date(2022, 4, 1)) == 0
    assert consultation.decide(chain, "联系物业", 1, date(2022, 3, 15)) == 1
    consultation.follow_up(0, DecisionStatus.IN_PROGRESS, date(2022, 3, 5), "已开工")
    consultation.follow_up(0, DecisionStatus.IN_PROGRESS, date(2022, 3, 12), "划线过半")  # a progress note
    consultation.follow_up(0, DecisionStatus.DONE, date(2022, 3, 20), "完成")
    first, second = consultation.decisions
    assert first.status == DecisionStatus.DONE
    assert first.history == [
        gr.FollowUp(date(2022, 3, 5), DecisionStatus.IN_PROGRESS, "已开工"),
        gr.FollowUp(date(2022, 3, 12), DecisionStatus.IN_PROGRESS, "划线过半"),
        gr.FollowUp(date=date(2022, 3, 20), status=DecisionStatus.DONE, note="完成"),
    ]
    assert second.status == DecisionStatus.OPEN and second.history == []
    assert consultation.overdue(date(2022, 3, 15)) == [] and consultation.overdue(date(2022, 3, 16)) == [1]
    assert second.overdue(date(2022, 3, 16)) and not first.overdue(date(2022, 5, 1))
    assert repr(consultation) == "<ConsultationMeeting '停车难' on 2022-03-01: 4 participants, 2 decisions>"
    assert pickle.loads(pickle.dumps(first)) == first


def test_illegal_decision_moves_and_inputs() -> None:
    chain = small_chain()
    consultation = gr.ConsultationMeeting(chain, "停车难", DAY, [0, 1])
    consultation.decide(chain, "划定临时停车位", 0, date(2022, 4, 1))
    consultation.follow_up(0, DecisionStatus.CANCELLED, date(2022, 3, 2), "改由物业负责")
    with pytest.raises(gr.InvalidInputError, match="^decision '划定临时停车位' cannot move from cancelled to in_progress"):
        consultation.follow_up(0, DecisionStatus.IN_PROGRESS, date(2022, 3, 3), "重启")
    assert consultation.decisions[0].status == DecisionStatus.CANCELLED
    assert len(consultation.decisions[0].history) == 1
    with pytest.raises(gr.NotFoundError, match="^consultation meeting '停车难' has no decision 1 \\(it has 1\\)$"):
        consultation.follow_up(1, DecisionStatus.DONE, date(2022, 3, 3), "")
    with pytest.raises(gr.NotFoundError, match="^consultation meeting '停车难' has no decision -1 \\(it has 1\\)$"):
        consultation.follow_up(-1, DecisionStatus.DONE, date(2022, 3, 3), "")
    due_early = "^decision '联系物业' is due on 2022-02-01, before the meeting on 2022-03-01$"
    with pytest.raises(gr.InvalidInputError, match=due_early):
        consultation.decide(chain, "联系物业", 1, date(2022, 2, 1))
    with pytest.raises(gr.NotFoundError, match=f"^person 99 is not registered in {NAME}$"):
        consultation.decide(chain, "联系物业", 99, date(2022, 4, 1))
    other = gr.synthetic_chain("370502005067", "另一社区居民委员会", ELECTED, 1)
    with pytest.raises(gr.InvalidInputError) as info:
        consultation.decide(other, "联系物业", 1, date(2022, 4, 1))
    assert str(info.value) == (
        f"consultation meeting '停车难' was held in {NAME} (370502005066), not in 另一社区居民委员会 (370502005067)")
    with pytest.raises(gr.InvalidInputError, match="^participant 居民1 \\(person 1\\) is listed twice$"):
        gr.ConsultationMeeting(chain, "停车难", DAY, [1, 1])
    with pytest.raises(gr.InvalidInputError, match="^a consultation meeting needs a topic$"):
        gr.ConsultationMeeting(chain, "", DAY, [1])
    assert len(consultation.decisions) == 1


def test_decisions_frame() -> None:
    chain = small_chain()
    consultation = gr.ConsultationMeeting(chain, "停车难", DAY, [0, 1])
    consultation.decide(chain, "划定临时停车位", 0, date(2022, 4, 1))
    consultation.decide(chain, "联系物业", 1, date(2022, 3, 15))
    consultation.follow_up(0, DecisionStatus.IN_PROGRESS, date(2022, 3, 5), "已开工")
    frame = consultation.decisions_frame(date(2022, 4, 2))
    assert frame.index.name == "decision"
    assert list(frame.columns) == ["text", "owner", "due", "status", "follow_ups", "last_follow_up", "overdue"]
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == ["open", "in_progress", "done", "cancelled"]
    assert np.issubdtype(frame["due"].dtype, np.datetime64)
    assert np.issubdtype(frame["last_follow_up"].dtype, np.datetime64)
    assert frame["owner"].dtype == np.int64 and frame["overdue"].dtype == bool
    assert list(frame["status"]) == ["in_progress", "open"] and list(frame["overdue"]) == [True, True]
    assert frame.loc[0, "last_follow_up"] == pd.Timestamp("2022-03-05") and pd.isna(frame.loc[1, "last_follow_up"])
    assert "overdue" not in consultation.decisions_frame().columns
