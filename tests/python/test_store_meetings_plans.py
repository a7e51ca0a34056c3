"""grassroots.store save/load of consultation meetings, meetings and their votes, review schemes and
grid re-division plans: each reloads identical (DataFrames and values compared), unchanged saves
write nothing, and wrong chains, rule sets, kinds and corrupted payloads are clear errors."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import grassroots as gr
import grassroots.store as gs

D = dt.date
JINYUAN = "370502005066"  # 东营区胜利街道锦苑社区
NAME = "锦苑社区居民委员会"


@pytest.fixture
def store(store_location: str) -> gs.Store:  # SQLite and PostgreSQL (conftest.py)
    return gs.open(store_location, durability=gs.Durability.NORMAL)


def residents_chain() -> gr.AutonomyChain:
    """Two groups of 40 adults each, all registered (persons 0–79)."""
    chain = gr.AutonomyChain(gr.CommitteeKind.RESIDENTS, JINYUAN, NAME, D(2021, 6, 1))
    groups = [chain.add_group("第一居民小组", 20, 40), chain.add_group("第二居民小组", 20, 40)]
    for i in range(80):
        chain.add_person(f"居民{i}", gr.Sex.FEMALE if i % 2 == 0 else gr.Sex.MALE, D(1970 + i % 30, 3, 1),
                         groups[i % 2], household=i)
    return chain


def consultation(chain: gr.AutonomyChain) -> gr.ConsultationMeeting:
    meeting = gr.ConsultationMeeting(chain, "加装电梯议事会", D(2024, 3, 5), list(range(6)))
    lift = meeting.decide(chain, "3号楼加装电梯：征求全体住户意见", 1, D(2024, 4, 30))
    parking = meeting.decide(chain, "规划非机动车停放点", 2, D(2024, 3, 31))
    meeting.decide(chain, "每月公示进度", 3, D(2024, 12, 31))
    meeting.follow_up(lift, gr.DecisionStatus.IN_PROGRESS, D(2024, 3, 10), "已发放意见表")
    meeting.follow_up(lift, gr.DecisionStatus.DONE, D(2024, 4, 28), "同意率 92%")
    meeting.follow_up(parking, gr.DecisionStatus.CANCELLED, D(2024, 3, 20), "并入小区改造")
    return meeting


def test_consultation_meetings_reload_identical_over_their_chain(store: gs.Store) -> None:
    chain = residents_chain()
    gs.save(store, "chain", chain, "民政局")
    meeting = consultation(chain)
    assert gs.save(store, "consult", meeting, "社区 王芳", chain_stream="chain") == 1
    loaded = gs.load_consultation(store, "consult", chain)
    pd.testing.assert_frame_equal(loaded.decisions_frame(D(2024, 6, 1)), meeting.decisions_frame(D(2024, 6, 1)))
    assert (loaded.topic, loaded.date, loaded.participants) == (meeting.topic, meeting.date, meeting.participants)
    assert loaded.decisions == meeting.decisions
    assert (loaded.unit, loaded.chain_name) == (gr.DivisionCode(JINYUAN), NAME)
    position = store.last_position
    assert gs.save(store, "consult", loaded, "社区 王芳", expected_version=1, chain_stream="chain") == 1
    assert store.last_position == position
    meeting.follow_up(2, gr.DecisionStatus.IN_PROGRESS, D(2024, 5, 1), "四月已公示")
    assert gs.save(store, "consult", meeting, "社区 王芳", expected_version=1, chain_stream="chain") == 2
    assert gs.load_consultation(store, "consult", chain, 1).decisions[2].history == []


def test_consultation_meetings_need_their_chain(store: gs.Store) -> None:
    chain = residents_chain()
    meeting = consultation(chain)
    with pytest.raises(gr.NotFoundError, match="no stream 'chain'"):
        gs.save(store, "consult", meeting, "a", chain_stream="chain")
    with pytest.raises(TypeError):
        gs.save(store, "consult", meeting, "a")  # type: ignore[call-overload]  # chain_stream is required
    gs.save(store, "chain", chain, "a")
    gs.save(store, "consult", meeting, "a", chain_stream="chain")
    other = gr.AutonomyChain(gr.CommitteeKind.RESIDENTS, "370502005067", "别的社区居民委员会", D(2021, 6, 1))
    with pytest.raises(gr.InvalidInputError, match="stream 'consult' version 1: it was held in 锦苑社区居民委员会"):
        gs.load_consultation(store, "consult", other)
    renamed = gr.AutonomyChain(gr.CommitteeKind.RESIDENTS, JINYUAN, NAME, D(2021, 6, 1))
    for i in range(80):
        renamed.add_person(f"别人{i}", gr.Sex.MALE, D(1980, 1, 1))
    with pytest.raises(gr.InvalidInputError, match="person 0 is 别人0 in the chain given, not 居民0"):
        gs.load_consultation(store, "consult", renamed)


def record(present: int, votes: int) -> gr.MeetingRecord:
    return gr.MeetingRecord(gr.MeetingKind.RESIDENTS_MEETING, D(2024, 6, 1), list(range(present)),
                            list(range(votes)), motion="同意使用公共收益改造健身广场")


def test_meetings_reload_with_their_votes_and_results(store: gs.Store) -> None:
    chain = residents_chain()
    gs.save(store, "chain", chain, "a")
    book = gr.RuleBook.china()
    rules = book.in_force(gr.CommitteeKind.RESIDENTS, D(2024, 6, 1))
    for present, votes in [(41, 21), (41, 20), (40, 40)]:
        stream = f"meeting-{present}-{votes}"
        assert gs.save(store, stream, record(present, votes), "社区", chain_stream="chain", rules=rules) == 1
        loaded_record, result = gs.load_meeting(store, stream, chain, rules)
        assert loaded_record == record(present, votes)
        assert result == gr.hold_meeting(chain, rules, record(present, votes))
    assert gs.load_meeting(store, "meeting-41-21", chain, rules)[1].passed
    assert not gs.load_meeting(store, "meeting-41-20", chain, rules)[1].passed
    assert not gs.load_meeting(store, "meeting-40-40", chain, rules)[1].quorate
    # The rules changed since: the result decided again differs, named.
    rules.override_threshold("meeting.quorum", gr.Threshold(2, 3, False), "本地规定")
    with pytest.raises(gr.InvalidInputError, match="required_present is 41 stored, 54 decided again"):
        gs.load_meeting(store, "meeting-41-21", chain, rules)
    later = book.in_force(gr.CommitteeKind.RESIDENTS, D(2026, 6, 1))
    with pytest.raises(gr.InvalidInputError, match="decided under the rules 'rc-2018', not 'rc-2025'"):
        gs.load_meeting(store, "meeting-41-21", chain, later)
    bad = gr.MeetingRecord(gr.MeetingKind.RESIDENTS_MEETING, D(2024, 6, 1), list(range(41)), [*range(21), 60])
    with pytest.raises(gr.InvalidInputError):
        gs.save(store, "meeting-bad", bad, "a", chain_stream="chain", rules=later)  # 60 voted, was not present
    assert store.stream_version("meeting-bad") == 0


def test_review_schemes_reload_identical(store: gs.Store) -> None:
    rules = gr.ReviewRules.defaults()
    rules.override_parameter("quota.excellent_percent", 15, "东营区 2025 年办法第十条")
    assert gs.save(store, "rules", rules, "区民政局") == 1
    loaded = gs.load_review_rules(store, "rules")
    pd.testing.assert_frame_equal(loaded.to_pandas(), rules.to_pandas())
    assert (loaded.id, loaded.title, loaded.effective_from) == (rules.id, rules.title, rules.effective_from)
    assert loaded.indicators == rules.indicators
    assert loaded.parameters == rules.parameters and loaded.quota == rules.quota
    assert loaded.parameter("quota.excellent_percent").override_note == "东营区 2025 年办法第十条"
    assert gs.save(store, "rules", loaded, "区民政局", expected_version=1) == 1
    with pytest.raises(gr.InvalidInputError, match="not a redivision stream"):
        gs.load_redivision(store, "rules")
    payload = store.read_stream("rules")[0].payload
    payload["indicators"][0]["weight"] = 0.9
    store.append("rules", "review_rules", None, [gs.NewEvent("forged", "review_rules_saved", payload)])
    with pytest.raises(gr.InvalidInputError, match="stream 'rules' version 2: corrupted payload: review rules"):
        gs.load_review_rules(store, "rules")


def test_redivision_plans_reload_identical(store: gs.Store) -> None:
    city = gr.synthetic_city(gr.datasets.dongying(), "370502005", 7)
    bands = gr.HouseholdBands(urban=gr.IntRange(300, 500))
    plan = gr.redivide(city.map, JINYUAN, city.buildings, city.households, bands=bands)
    assert gs.save(store, "plan", plan, "街道 网格办") == 1
    loaded = gs.load_redivision(store, "plan")
    pd.testing.assert_frame_equal(loaded.map.to_pandas(), plan.map.to_pandas())
    assert loaded.changes == plan.changes
    assert list(loaded.households) == list(plan.households) and not loaded.households.flags.writeable
    assert loaded.remaining == plan.remaining
    assert repr(loaded) == repr(plan)
    assert gs.save(store, "plan", loaded, "街道 网格办", expected_version=1) == 1
    payload = store.read_stream("plan")[0].payload
    payload["households"] = payload["households"][1:]
    store.append("plan", "redivision", None, [gs.NewEvent("forged", "redivision_saved", payload)])
    with pytest.raises(gr.InvalidInputError, match="stream 'plan' version 2: corrupted payload: field 'households'"):
        gs.load_redivision(store, "plan")
