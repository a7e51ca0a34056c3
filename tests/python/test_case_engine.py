"""The case engine from Python: the urban loop's seven stages, deadlines across the National Day
holiday, roles, scopes and separation of duties, rework, reopening, escalation with re-routing, the
event record and replay, callbacks, pandas views, Open311 and bad input. Mirrors
tests/cpp/workflow/engine_test.cpp."""

from __future__ import annotations

import copy
import datetime as dt
import gc
import json
import pickle
import sys
import threading
from typing import Any, Callable, Optional

import pandas as pd
import pytest

import grassroots as gr
from grassroots import (
    Actor,
    Assignment,
    Attachment,
    CaseEngine,
    CaseInput,
    CaseState,
    DivisionCode,
    Duty,
    EngineOptions,
    Event,
    EventKind,
    EventRecord,
    Field,
    MatterCatalogue,
    MatterClass,
    MatterType,
    Priority,
    ResponsibilityEntry,
    ResponsibilityList,
    Rung,
    StateDefinition,
    TransitionDefinition,
    WorkflowDefinition,
)

JINYUAN = "370502005066"  # 锦苑社区
SHENGLI = "370502005"  # 胜利街道
OTHER_STREET = "370502006"
CST = dt.timezone(dt.timedelta(hours=8))
SUBMIT = {"location": "x", "category": "y", "description": "z"}


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """An aware instant in 2026, China Standard Time."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CST)


class Fixture:
    """An engine on the 2026 calendar with the urban loop and one actor per role."""

    def __init__(self, options: Optional[EngineOptions] = None) -> None:
        options = options or EngineOptions()
        if options.jurisdiction is None:  # 东营区: the actors without a scope act in all of it
            options = EngineOptions(options.reopen_window, options.top_rung, options.allow_dispatch_override, "370502",
                                    options.filing_roles, options.recorded_refusals_per_case)
        self.engine = CaseEngine(gr.Calendar.china(), options)
        self.engine.add_workflow(gr.urban_management())
        add = self.engine.add_actor
        self.reporter = add(Actor("wg-1", "网格员 张三", ["grid_worker"], scope=JINYUAN))
        self.supervisor = add(Actor("sv-1", "监督员 李四", ["supervision_centre"], scope=SHENGLI))
        self.checker = add(Actor("sv-2", "监督员 王五", ["supervision_centre"]))
        self.commander = add(Actor("cc-1", "指挥中心", ["command_centre"]))
        self.department = add(Actor("dp-1", "城管执法队员", ["department"], unit="街道综合执法队"))
        self.stranger = add(Actor("sv-9", "邻街监督员", ["supervision_centre"], scope=DivisionCode(OTHER_STREET)))
        self.both = add(Actor("mx-1", "身兼两职", ["department", "supervision_centre"]))

    def file(self, when: dt.datetime = at(9, 28, 9)) -> str:
        case = CaseInput("event:0502", workflow="urban_management", unit=JINYUAN, description="占道经营")
        return self.engine.open(case, self.reporter, when)

    def to_handle(self, case: str, dispatched: dt.datetime, unit: str = "街道综合执法队") -> None:
        """Takes the case from collect to handle (dispatched at dispatched to unit)."""
        self.engine.take(case, "submit", self.supervisor, dispatched - dt.timedelta(hours=1), SUBMIT)
        self.engine.take(case, "accept", self.commander, dispatched - dt.timedelta(minutes=30))
        self.engine.take(case, "dispatch", self.commander, dispatched, {"department": unit})


@pytest.fixture()
def f() -> Fixture:
    return Fixture()


def kinds(engine: CaseEngine, case: int | str) -> list[EventKind]:
    return [e.kind for e in engine.events_of(case)]


# ---- the loop --------------------------------------------------------------------------------------


def test_runs_an_urban_case_through_its_seven_stages(f: Fixture) -> None:
    case = f.file()
    assert case == "C000001" and len(f.engine) == 1  # the number every frame, repr and event shows
    assert f.engine.state_id(case) == "collect"
    assert CaseEngine.case_number(case) == "C000001"
    assert f.engine.find_case("C000001") == case
    f.to_handle(case, at(9, 28, 11))
    assert f.engine.state_id("C000001") == "handle"
    assert f.engine.state(case).clock_started == at(9, 28, 10, 30)  # entering dispatch starts the clock
    assigned = f.engine.assignment(case)
    assert isinstance(assigned, Assignment) and assigned.primary == "街道综合执法队"
    assert f.engine.available(case) == ["complete"]
    f.engine.take(case, "complete", f.department, at(9, 29, 10), {"result": "已劝离"})
    f.engine.take(case, "report_back", "dp-1", at(9, 29, 10, 5))  # actors by their string id too
    f.engine.take("C000001", "verify_pass", f.checker, at(9, 29, 11))
    f.engine.take(case, "evaluate", f.checker, at(9, 29, 12), [Field("rating", "满意")], note="居民认可")
    s = f.engine.state(case)
    assert isinstance(s, CaseState)
    assert s.closed and s.state_id == "closed" and f.engine.state_id(case) == "closed"
    assert (s.workflow, s.version, s.number) == ("urban_management", 1, "C000001")
    assert gr.urban_management().states[s.state].id == "closed"
    assert s.closed_at == at(9, 29, 12)
    assert s.transitions == 7
    assert s.handler == f.department and s.verifier == f.checker and s.reporter == f.reporter
    assert s.handled_at == at(9, 29, 10)
    assert s.unit == DivisionCode(JINYUAN) and s.grid is None and s.matter == "event:0502"
    assert s.rung == Rung.COMMUNITY == s.start_rung and s.priority == Priority.NORMAL
    assert f.engine.available(case) == []
    assert kinds(f.engine, case) == [
        EventKind.OPENED, EventKind.TRANSITION, EventKind.TRANSITION, EventKind.TRANSITION, EventKind.ASSIGNED,
        EventKind.TRANSITION, EventKind.TRANSITION, EventKind.TRANSITION, EventKind.TRANSITION,
    ]
    dispatch = f.engine.describe(f.engine.events_of(case)[3])
    assert (dispatch.actor, dispatch.role, dispatch.from_state, dispatch.to_state) == ("cc-1", "command_centre", "dispatch", "handle")
    assert dispatch.fields == [Field("department", "街道综合执法队")]
    last = f.engine.describe(f.engine.events[-1].sequence)
    assert last.note == "居民认可" and last.fields == [Field("rating", "满意")]
    opened = f.engine.describe(0)
    assert opened.input == f.engine.input(case) and opened.unit == JINYUAN and opened.workflow == "urban_management"
    # A snapshot does not follow the engine.
    before = f.engine.state(case)
    f.engine.reopen(case, f.reporter, at(9, 30, 9))
    assert before.closed and not f.engine.state(case).closed


def test_events_are_compact_and_spelled_out_by_describe(f: Fixture) -> None:
    case = f.file()
    f.to_handle(case, at(9, 28, 11))
    events = f.engine.events
    assert [e.sequence for e in events] == list(range(len(events)))
    dispatch = events[3]
    assert isinstance(dispatch, Event)
    assert dispatch.case_id == case and dispatch.actor == f.commander and dispatch.kind == EventKind.TRANSITION
    loop = gr.urban_management()
    assert loop.states[dispatch.from_state].id == "dispatch" and loop.states[dispatch.to_state].id == "handle"
    assert loop.transitions[dispatch.transition].id == "dispatch"
    assert dispatch.role is not None and f.engine.role_name(dispatch.role) == "command_centre"
    assert dispatch.previous == 2 and events[0].previous is None
    assert events[0].from_state is None and events[0].transition is None
    assert dispatch == f.engine.events_of(case)[3] and dispatch != events[2]
    assert hash(dispatch) == hash(f.engine.events[3])
    assert dispatch.to_dict()["kind"] == "transition"
    assert f.engine.event_records() == [f.engine.describe(e) for e in events]
    assert f.engine.to_json_line(dispatch) == f.engine.to_json_lines().splitlines()[3]
    with pytest.raises(gr.NotFoundError, match="sequence 99"):
        f.engine.describe(99)
    other = Fixture()
    other.file(at(9, 28, 8))  # another time: not the same event
    with pytest.raises(gr.NotFoundError, match="not an event of this engine"):
        f.engine.describe(other.engine.events[0])


# ---- deadlines ---------------------------------------------------------------------------------------


def test_handling_deadline_runs_on_working_days_across_the_national_day_holiday(f: Fixture) -> None:
    case = f.file(at(9, 30, 8))
    f.to_handle(case, at(9, 30, 10))
    # 5 working days from Wednesday 30 September: 8, 9, 10 (make-up Saturday), 12, 13 October.
    s = f.engine.state(case)
    assert s.due == at(10, 13, 17, 30) == s.handling_due
    assert s.due is not None and s.due.isoformat() == "2026-10-13T17:30:00+08:00"
    assert f.engine.advance(at(10, 13, 17, 30)) == 0  # due, not yet breached
    assert f.engine.advance(at(10, 13, 17, 31)) == 2  # 催办 then 督办
    s = f.engine.state(case)
    assert (s.urges, s.escalations, s.rung) == (1, 1, Rung.TOWNSHIP)  # community → township
    assert kinds(f.engine, case)[-2:] == [EventKind.URGED, EventKind.ESCALATED]
    escalated = f.engine.events_of(case)[-1]
    assert escalated.at == at(10, 13, 17, 30) and escalated.actor is None  # the clock
    assert "督办" in f.engine.describe(escalated).note
    # Re-armed for another 5 working days: 14, 15, 16, 19, 20 October.
    assert s.next_breach == at(10, 20, 17, 30)


def test_escalates_one_rung_per_breach_and_stops_at_the_top(f: Fixture) -> None:
    case = f.file(at(9, 28, 8))
    f.to_handle(case, at(9, 28, 10))
    f.engine.advance(at(12, 31, 0))
    s = f.engine.state(case)
    assert (s.rung, s.escalations, s.urges) == (Rung.COUNTY, 2, 2)
    assert s.next_breach is None
    assert f.engine.advance(at(12, 31, 12)) == 0
    low = Fixture(EngineOptions(top_rung=Rung.TOWNSHIP))
    case = low.file(at(9, 28, 8))
    low.to_handle(case, at(9, 28, 10))
    low.engine.advance(at(12, 31, 0))
    assert low.engine.state(case).rung == Rung.TOWNSHIP and low.engine.state(case).escalations == 1


def test_a_transition_after_the_due_time_records_the_breach_first(f: Fixture) -> None:
    case = f.file(at(9, 30, 8))
    f.to_handle(case, at(9, 30, 10))
    f.engine.take(case, "complete", f.department, at(10, 14, 9), {"result": "done"})  # no advance()
    assert kinds(f.engine, case)[-3:] == [EventKind.URGED, EventKind.ESCALATED, EventKind.TRANSITION]
    s = f.engine.state(case)
    assert s.state_id == "feedback" and s.next_breach is None
    assert s.handled_at == at(10, 14, 9) and s.handling_due == at(10, 13, 17, 30)  # handled late


# ---- permissions and duties ----------------------------------------------------------------------------


def test_refuses_an_actor_without_the_role_and_records_the_refusal(f: Fixture) -> None:
    case = f.file()
    before = len(f.engine.events)
    with pytest.raises(gr.PermissionDeniedError, match=r"'dp-1'.*supervision_centre") as raised:
        f.engine.take(case, "submit", f.department, at(9, 28, 10), SUBMIT)
    assert isinstance(raised.value, PermissionError)
    s = f.engine.state(case)
    assert s.state_id == "collect" and s.refusals == 1
    assert len(f.engine.events) == before + 1
    refused = f.engine.describe(f.engine.events[-1])
    assert refused.kind == EventKind.REFUSED == f.engine.events[-1].kind
    assert (refused.actor, refused.transition, refused.reason) == ("dp-1", "submit", str(raised.value))


def test_refuses_an_actor_outside_the_cases_scope(f: Fixture) -> None:
    case = f.file()
    with pytest.raises(gr.PermissionDeniedError, match=r"acts in 370502006 .*370502005066"):
        f.engine.take(case, "submit", f.stranger, at(9, 28, 10), SUBMIT)
    assert f.engine.state(case).refusals == 1 and f.engine.state_id(case) == "collect"


def test_grid_workers_act_only_in_their_grid() -> None:
    engine = CaseEngine(gr.Calendar.china())
    engine.add_workflow(WorkflowDefinition(
        "patrol", 1, "巡查", "found",
        [StateDefinition("found", "发现"), StateDefinition("done", "办结", closed=True)],
        [TransitionDefinition("fix", "found", "done", ["grid_worker"])],
    ))
    builder = gr.GridMapBuilder()
    first, second = gr.GridCode.make(JINYUAN, 1), gr.GridCode.make(JINYUAN, 2)
    builder.add(gr.Grid(first, gr.Polygon.rectangle((118.0, 37.0), (118.01, 37.01)), name="第一网格", households=300))
    builder.add(gr.Grid(second, gr.Polygon.rectangle((118.01, 37.0), (118.02, 37.01)), name="第二网格", households=300))
    engine.set_grid_map(builder.build())  # the engine keeps the map alive
    gc.collect()
    assert engine.grid_map is not None and len(engine.grid_map) == 2
    mine = engine.add_actor(Actor("wg-1", "一格网格员", ["grid_worker"], scope=JINYUAN, grid=first))
    theirs = engine.add_actor(Actor("wg-2", "二格网格员", ["grid_worker"], scope=JINYUAN, grid=str(second)))
    case_input = CaseInput("event:0102", workflow="patrol", point=(118.005, 37.005))
    case = engine.open(case_input, mine, at(9, 28, 9))
    s = engine.state(case)
    assert (s.grid, s.unit, s.rung) == ("37050200506601", DivisionCode(JINYUAN), Rung.GRID)
    with pytest.raises(gr.PermissionDeniedError, match="acts in grid 37050200506602"):
        engine.take(case, "fix", theirs, at(9, 28, 10))
    engine.take(case, "fix", mine, at(9, 28, 11))
    assert engine.state(case).closed
    with pytest.raises(gr.InvalidInputError, match="in no grid"):
        engine.open(CaseInput("event:0102", workflow="patrol", point=(119.0, 38.0)), mine, at(9, 28, 9))
    with pytest.raises(gr.InvalidInputError, match="not in unit 370502006"):
        engine.open(CaseInput("event:0102", workflow="patrol", point=(118.005, 37.005), unit=OTHER_STREET), mine, at(9, 28, 9))
    assert len(engine) == 1
    assert engine.open311()[0]["lat"] == 37.005 and engine.open311()[0]["address_id"] == "37050200506601"
    engine.set_grid_map(None)
    assert engine.grid_map is None


def test_the_handler_may_not_verify_their_own_work(f: Fixture) -> None:
    case = f.file()
    f.to_handle(case, at(9, 28, 11))
    f.engine.take(case, "complete", f.both, at(9, 28, 14), {"result": "done"})
    f.engine.take(case, "report_back", f.both, at(9, 28, 15))
    with pytest.raises(gr.PermissionDeniedError, match="separation of duties"):
        f.engine.take(case, "verify_pass", f.both, at(9, 28, 16))
    assert f.engine.state_id(case) == "verify"
    f.engine.take(case, "verify_pass", f.checker, at(9, 28, 16))
    assert f.engine.state_id(case) == "evaluate"


def test_a_failed_verification_sends_the_case_back_and_is_counted(f: Fixture) -> None:
    case = f.file()
    f.to_handle(case, at(9, 28, 11))
    f.engine.take(case, "complete", f.department, at(9, 28, 14), {"result": "done"})
    f.engine.take(case, "report_back", f.department, at(9, 28, 15))
    f.engine.take(case, "verify_fail", f.checker, at(9, 28, 16), {"reason": "摊位仍在"})
    s = f.engine.state(case)
    assert s.state_id == "dispatch" and s.reworks == 1 and not s.verified and not s.handled
    f.engine.take(case, "dispatch", f.commander, at(9, 28, 16, 10), {"department": "街道综合执法队"})
    f.engine.take(case, "complete", f.department, at(9, 29, 9), {"result": "已取缔"})
    f.engine.take(case, "report_back", f.department, at(9, 29, 9, 5))
    f.engine.take(case, "verify_pass", f.checker, at(9, 29, 10))
    f.engine.take(case, "evaluate", f.checker, at(9, 29, 10, 5), {"rating": "满意"})
    s = f.engine.state(case)
    assert s.closed and s.reworks == 1 and s.verified


def test_closing_needs_a_passed_verification_after_handling() -> None:
    loop = WorkflowDefinition(
        "shortcut", 1, "t", "open",
        [StateDefinition("open", "待办"), StateDefinition("handled", "已办"), StateDefinition("checked", "已核"),
         StateDefinition("done", "办结", closed=True)],
        [TransitionDefinition("handle", "open", "handled", ["worker"], duty=Duty.HANDLE),
         TransitionDefinition("close", "handled", "done", ["boss"]),
         TransitionDefinition("check", "handled", "checked", ["boss"], duty=Duty.VERIFY),
         TransitionDefinition("finish", "checked", "done", ["boss"])],
    )
    assert loop.has_verification and loop.reopen_to == "open"
    engine = CaseEngine(gr.Calendar.china(), EngineOptions(jurisdiction="370502"))
    engine.add_workflow(loop)
    worker = engine.add_actor(Actor("w", "worker", ["worker"]))
    boss = engine.add_actor(Actor("b", "boss", ["boss"]))
    case = engine.open(CaseInput("event:0101", workflow="shortcut", unit=JINYUAN), worker, at(9, 28, 9))
    engine.take(case, "handle", worker, at(9, 28, 10))
    with pytest.raises(gr.RuleViolationError, match="no passed verification") as raised:
        engine.take(case, "close", boss, at(9, 28, 11))
    assert raised.value.rule_id == "workflow.close-needs-verification"
    assert engine.state_id(case) == "handled"
    engine.take(case, "check", boss, at(9, 28, 12))
    engine.take(case, "finish", boss, at(9, 28, 13))
    assert engine.state(case).closed


# ---- reopening -----------------------------------------------------------------------------------------


def test_the_reporter_may_reopen_a_closed_case_within_the_window(f: Fixture) -> None:
    def close(case: str, when: dt.datetime) -> None:
        f.engine.take(case, "submit", f.supervisor, when, SUBMIT)
        f.engine.take(case, "cancel", f.commander, when + dt.timedelta(minutes=2), {"reason": "不属于受理范围"})

    case = f.file(at(9, 29, 9))
    close(case, at(9, 29, 10))
    with pytest.raises(gr.PermissionDeniedError, match="only the reporter"):
        f.engine.reopen(case, f.checker, at(9, 30, 9))
    # Closed on 29 September: 5 working days are 30 September, 8, 9, 10 (make-up Saturday) and 12 October.
    late = f.file(at(9, 29, 9))
    close(late, at(9, 29, 10))
    with pytest.raises(gr.RuleViolationError, match="ended at 2026-10-12T17:30"):
        f.engine.reopen(late, f.reporter, at(10, 13, 9))
    f.engine.reopen(case, "wg-1", at(10, 12, 17), note="摊主又回来了")
    s = f.engine.state(case)
    assert not s.closed and s.closed_at is None
    assert s.state_id == "dispatch"  # the loop's clock-start state
    assert (s.reopens, s.refusals) == (1, 1)
    assert f.engine.state(late).refusals == 1 and f.engine.state(late).closed
    assert kinds(f.engine, case)[-1] == EventKind.REOPENED
    assert f.engine.describe(f.engine.events_of(case)[-1]).note == "摊主又回来了"
    with pytest.raises(gr.RuleViolationError, match="is not closed"):
        f.engine.reopen(case, f.reporter, at(10, 12, 18))
    # A shorter window, and a definition's own reopen_to.
    short = Fixture(EngineOptions(reopen_window=gr.Deadline.working_hours(dt.timedelta(hours=1))))
    case = short.file(at(9, 29, 9))
    short.engine.take(case, "submit", short.supervisor, at(9, 29, 10), SUBMIT)
    short.engine.take(case, "cancel", short.commander, at(9, 29, 10, 2), {"reason": "重复"})
    with pytest.raises(gr.RuleViolationError, match="ended at 2026-09-29T11:02"):
        short.engine.reopen(case, short.reporter, at(9, 29, 14))


def test_definitions_carry_reopen_to_and_duties() -> None:
    urban = gr.urban_management()
    assert urban.reopen_to == "dispatch" and urban.has_verification
    assert urban.transition("dispatch").duty == Duty.DISPATCH and urban.transition("verify_fail").duty == Duty.VERIFY
    assert Duty.HANDLE.chinese_name == "处置" and [d.name for d in Duty.__members__.values()] == [
        "NONE", "DISPATCH", "HANDLE", "VERIFY"]
    states = [StateDefinition("a", "A"), StateDefinition("b", "B"), StateDefinition("z", "Z", closed=True)]
    moves = [TransitionDefinition("go", "a", "b", ["x"]), TransitionDefinition("end", "b", "z", ["x"])]
    loop = WorkflowDefinition("l", 1, "L", "a", states, moves, reopen_to="b")
    assert loop.reopen_to == "b" and not loop.has_verification
    assert WorkflowDefinition.from_json(loop.to_json()) == loop
    assert pickle.loads(pickle.dumps(loop)).reopen_to == "b"
    with pytest.raises(gr.InvalidInputError, match="reopen_to state 'z' is closed"):
        WorkflowDefinition("l", 1, "L", "a", states, moves, reopen_to="z")
    with pytest.raises(gr.InvalidInputError, match="must have duty 'verify' or none"):
        WorkflowDefinition("l", 1, "L", "a", states, [*moves, TransitionDefinition(
            "back", "b", "a", ["x"], rework=True, duty=Duty.HANDLE)])
    t = TransitionDefinition("go", "a", "b", ["x"], duty=Duty.DISPATCH)
    assert pickle.loads(pickle.dumps(t)) == t and t.to_dict()["duty"] == "dispatch" and "duty=Duty.DISPATCH" in repr(t)


def test_running_cases_stay_on_their_version(f: Fixture) -> None:
    old = f.file()
    text = gr.urban_management().to_json().replace('"version": 1', '"version": 2', 1)
    f.engine.add_workflow(WorkflowDefinition.from_json(text, "urban-v2.json"))
    new = f.file()
    assert f.engine.state(old).version == 1 and f.engine.state(new).version == 2
    assert [(w.id, w.version) for w in f.engine.workflows] == [("urban_management", 1), ("urban_management", 2)]
    registry = f.engine.registry  # a copy of the engine's registry
    assert registry.entries == [("urban_management", 1), ("urban_management", 2)] and len(registry) == 2
    assert ("urban_management", 2) in registry and "urban_management" in registry and ("urban_management", 3) not in registry
    registry.add(gr.five_step())
    assert len(f.engine.registry) == 2 and "five_step" not in f.engine.registry
    assert f.engine.workflow("urban_management").version == 2
    assert f.engine.workflow("urban_management", 1) == gr.urban_management()
    with pytest.raises(gr.InvalidInputError):
        f.engine.add_workflow(gr.urban_management())
    with pytest.raises(gr.NotFoundError):
        f.engine.workflow("nope")


# ---- routing and escalation ------------------------------------------------------------------------------


def routing() -> tuple[MatterCatalogue, ResponsibilityList]:
    """A catalogue of three matters and a list giving each a primary unit per rung."""
    catalogue = MatterCatalogue()
    catalogue.add(MatterType(MatterClass.EVENT, "0502", "占道经营", "街面秩序", "urban_management"))
    catalogue.add(MatterType(MatterClass.COMPONENT, "0101", "上水井盖", "公用设施", "urban_management", "供水公司"))
    catalogue.add(MatterType(MatterClass.EVENT, "0102", "暴露垃圾", "市容环境", "urban_management"))
    rows = ResponsibilityList()
    rows.add(ResponsibilityEntry("event:0502", Rung.COMMUNITY, "锦苑社区居委会", ["街道综合执法队"], source="test list"))
    rows.add(ResponsibilityEntry("event:0502", Rung.TOWNSHIP, "胜利街道综合执法队", ["市场监管所"], scope=SHENGLI))
    rows.add(ResponsibilityEntry("event:0502", Rung.COUNTY, "区综合执法局"))
    rows.add(ResponsibilityEntry("component:0101", Rung.COMMUNITY, "锦苑社区居委会", ["物业公司"]))
    rows.add(ResponsibilityEntry("event:0102", Rung.COMMUNITY, "锦苑社区居委会"))
    return catalogue, rows


def test_dispatch_routes_by_the_responsibility_list_and_escalation_reroutes(f: Fixture) -> None:
    catalogue, rows = routing()
    f.engine.set_catalogue(catalogue)
    f.engine.set_responsibilities(rows)
    assert f.engine.catalogue == catalogue and f.engine.responsibilities == rows
    street_team = f.engine.add_actor(Actor("dp-2", "执法队员", ["department"], unit="胜利街道综合执法队"))
    water = f.engine.add_actor(Actor("dp-3", "供水公司抢修", ["department"], unit="供水公司"))
    case = f.file(at(9, 30, 8))
    f.to_handle(case, at(9, 30, 10))
    assert f.engine.assignment(case) == Assignment(  # events: territory first
        "锦苑社区居委会", ["街道综合执法队"], Rung.COMMUNITY, "370502005066", f.engine.assignment(case).basis  # type: ignore[union-attr]
    )
    # Not assigned to the street team yet: its handling is refused and recorded.
    with pytest.raises(gr.PermissionDeniedError, match="assigned to 锦苑社区居委会"):
        f.engine.take(case, "complete", street_team, at(10, 8, 9), {"result": "done"})
    # The deadline passes: 督办 one rung up, re-routed to the township's primary.
    f.engine.advance(at(10, 14, 0))
    assigned = f.engine.assignment(case)
    assert assigned is not None and f.engine.state(case).rung == Rung.TOWNSHIP
    assert (assigned.primary, assigned.territory, assigned.rung) == ("胜利街道综合执法队", SHENGLI, Rung.TOWNSHIP)
    last = f.engine.describe(f.engine.events[-1])
    assert last.kind == EventKind.ESCALATED and last.assignment == assigned
    frame = f.engine.events_frame()
    assert frame["primary"].iloc[-1] == "胜利街道综合执法队"
    f.engine.take(case, "complete", street_team, at(10, 14, 9), {"result": "done"})
    assert f.engine.state(case).handler == street_team
    # Components: owner first; the matter type names the loop.
    broken = f.engine.open(CaseInput("component:0101", unit=JINYUAN), f.reporter, at(10, 8, 9))
    assert f.engine.state(broken).workflow == "urban_management"
    f.to_handle(broken, at(10, 8, 11), "供水公司")
    assert f.engine.assignment(broken) is not None and f.engine.assignment(broken).primary == "供水公司"  # type: ignore[union-attr]
    f.engine.take(broken, "complete", water, at(10, 8, 15), {"result": "已更换井盖"})
    with pytest.raises(gr.InvalidInputError, match="not in the catalogue") as raised:
        f.engine.open(CaseInput("component:0999", unit=JINYUAN), f.reporter, at(10, 8, 9))
    assert raised.value.field == "matter"
    # A list that leaves a matter without a primary is refused; the old one stays.
    partial = ResponsibilityList()
    partial.add(ResponsibilityEntry("event:0502", Rung.COMMUNITY, "锦苑社区居委会"))
    with pytest.raises(gr.InvalidInputError, match="component:0101"):
        f.engine.set_responsibilities(partial)
    assert len(f.engine.responsibilities) == 5


def routed_engine(options: Optional[EngineOptions] = None) -> Fixture:
    f = Fixture(options)
    catalogue, rows = routing()
    f.engine.set_catalogue(catalogue)
    f.engine.set_responsibilities(rows)
    return f


def test_dispatch_to_a_unit_the_list_does_not_name_is_refused_and_recorded() -> None:
    f = routed_engine()
    assert f.engine.options.allow_dispatch_override is False
    case = f.engine.open(CaseInput("component:0101", unit=JINYUAN), f.reporter, at(10, 8, 9))  # primary: 供水公司
    f.engine.take(case, "submit", f.supervisor, at(10, 8, 10), SUBMIT)
    f.engine.take(case, "accept", f.commander, at(10, 8, 10, 30))
    with pytest.raises(gr.RuleViolationError, match="routes it to '供水公司'") as raised:
        f.engine.take(case, "dispatch", f.commander, at(10, 8, 10, 40), {"department": "街道综合执法队"})
    assert raised.value.rule_id == "workflow.department-not-responsible"
    assert "to '街道综合执法队'" in str(raised.value) and "cooperating: 锦苑社区居委会, 物业公司" in str(raised.value)
    refused = f.engine.describe(f.engine.events[-1])
    assert refused.kind == EventKind.REFUSED and refused.transition == "dispatch" and str(raised.value).endswith(refused.reason)
    assert f.engine.state_id(case) == "dispatch" and f.engine.state(case).refusals == 1
    assert f.engine.assignment(case) is None
    # A cooperating unit is accepted as recorded: the assignment stays as routed.
    f.engine.take(case, "dispatch", f.commander, at(10, 8, 10, 45), {"department": "物业公司"})
    assigned = f.engine.assignment(case)
    assert assigned is not None and assigned.primary == "供水公司" and assigned.routed_primary == ""
    frame = f.engine.events_frame()
    assigned_rows = frame[frame["kind"] == "assigned"]
    assert assigned_rows["primary"].tolist() == ["供水公司"]
    assert frame["routed_primary"].dtype == "string" and frame["routed_primary"].isna().all()


def test_an_engine_may_allow_the_dispatcher_to_override_the_routed_primary() -> None:
    options = EngineOptions(allow_dispatch_override=True)
    assert options.allow_dispatch_override and options != EngineOptions()
    assert pickle.loads(pickle.dumps(options)) == options and options.to_dict()["allow_dispatch_override"] is True
    f = routed_engine(options)
    team = f.engine.add_actor(Actor("dp-2", "执法队员", ["department"], unit="胜利街道综合执法队"))
    community = f.engine.add_actor(Actor("dp-4", "社区干部", ["department"], unit="锦苑社区居委会"))
    case = f.file(at(9, 30, 8))
    f.to_handle(case, at(9, 30, 10), "胜利街道综合执法队")  # routed: 锦苑社区居委会 (cooperating: 街道综合执法队)
    assigned = f.engine.assignment(case)
    assert assigned is not None
    assert (assigned.primary, assigned.routed_primary) == ("胜利街道综合执法队", "锦苑社区居委会")
    assert assigned.cooperating == ["街道综合执法队"] and "re-assigned by the dispatcher" in assigned.basis
    assert assigned.to_dict()["routed_primary"] == "锦苑社区居委会" and pickle.loads(pickle.dumps(assigned)) == assigned
    record = f.engine.describe(f.engine.events[-1])
    assert record.kind == EventKind.ASSIGNED and record.assignment == assigned
    line = json.loads(f.engine.to_json_line(f.engine.events[-1]))
    assert line["assignment"]["routed_primary"] == "锦苑社区居委会"
    # The events frame shows the routed unit on the overriding assignment only.
    frame = f.engine.events_frame()
    assert frame["routed_primary"].dtype == "string"
    assigned_rows = frame[frame["kind"] == "assigned"]
    assert assigned_rows["primary"].tolist() == ["胜利街道综合执法队"]
    assert assigned_rows["routed_primary"].tolist() == ["锦苑社区居委会"]
    assert frame["routed_primary"].notna().sum() == 1
    cases = f.engine.to_pandas()  # and the case frame, on the case
    assert cases.loc[f.engine.case_number(case), ["primary", "routed_primary"]].tolist() == ["胜利街道综合执法队", "锦苑社区居委会"]
    assert cases["routed_primary"].dtype == "string"
    with pytest.raises(gr.PermissionDeniedError, match="assigned to 胜利街道综合执法队"):
        f.engine.take(case, "complete", community, at(10, 8, 9), {"result": "done"})
    # The record replays, routed primary included.
    g = routed_engine(options)
    g.engine.add_actor(Actor("dp-2", "执法队员", ["department"], unit="胜利街道综合执法队"))
    g.engine.add_actor(Actor("dp-4", "社区干部", ["department"], unit="锦苑社区居委会"))
    g.engine.replay(CaseEngine.parse_json_lines(f.engine.to_json_lines()))
    assert g.engine.cases == f.engine.cases and g.engine.assignment(case) == assigned
    f.engine.take(case, "complete", team, at(10, 8, 10), {"result": "done"})
    assert f.engine.state(case).handler == team
    # Assignment takes routed_primary as an optional last argument.
    plain = Assignment("a", [], Rung.COMMUNITY, "370502005066", "basis")
    assert plain.routed_primary == "" and "routed_primary=''" in repr(plain)


def test_a_division_tree_checks_filed_codes(f: Fixture, dongying: gr.DivisionTree) -> None:
    f.engine.set_divisions(dongying)
    assert f.engine.divisions is dongying
    with pytest.raises(gr.InvalidInputError, match="not in the division tree"):
        f.engine.open(CaseInput("event:0502", workflow="urban_management", unit="370502005199"), f.reporter, at(9, 28, 9))
    f.file()
    f.engine.set_divisions(None)
    assert f.engine.divisions is None
    # Outside wg-1's community: the district's supervision centre (no scope: the jurisdiction) files it.
    f.engine.open(CaseInput("event:0502", workflow="urban_management", unit="370502005199"), f.checker, at(9, 28, 9))
    assert len(f.engine) == 2


# ---- the record ------------------------------------------------------------------------------------------


def busy_month(f: Fixture) -> None:
    """A month of mixed activity: refusals, reworks, escalations, a reopening."""
    for i in range(6):
        case = f.file(at(9, 28 + i % 3, 9))
        f.to_handle(case, at(9, 28 + i % 3, 11))
        if i % 2 == 0:
            f.engine.take(case, "complete", f.department, at(10, 8, 9), {"result": "done"})
            f.engine.take(case, "report_back", f.department, at(10, 8, 10))
            if i == 2:
                with pytest.raises(gr.PermissionDeniedError):
                    f.engine.take(case, "verify_pass", f.stranger, at(10, 8, 11))
                f.engine.take(case, "verify_fail", f.checker, at(10, 8, 11), {"reason": "未整改"})
                continue
            f.engine.take(case, "verify_pass", f.checker, at(10, 8, 11))
            f.engine.take(case, "evaluate", f.checker, at(10, 8, 12), {"rating": "满意"}, "居民认可")
    f.engine.reopen(0, f.reporter, at(10, 9, 9), "复发")
    f.engine.advance(at(10, 31, 0))


def test_replaying_the_json_lines_rebuilds_identical_states() -> None:
    a = Fixture()
    busy_month(a)
    lines = a.engine.to_json_lines()
    records = CaseEngine.parse_json_lines(lines, "month.jsonl")
    assert records == a.engine.event_records()
    assert all(isinstance(r, EventRecord) for r in records)
    b = Fixture()
    b.engine.replay(records)
    assert len(b.engine) == len(a.engine) == 6
    assert b.engine.cases == a.engine.cases
    assert b.engine.events == a.engine.events
    assert b.engine.to_json_lines() == lines
    pd.testing.assert_frame_equal(b.engine.to_pandas(), a.engine.to_pandas())
    pd.testing.assert_frame_equal(b.engine.events_frame(), a.engine.events_frame())
    # Timers come back too: advancing both engines further records the same events.
    assert a.engine.advance(at(12, 31, 0)) == b.engine.advance(at(12, 31, 0))
    assert b.engine.to_json_lines() == a.engine.to_json_lines()
    # Records pickle and compare as values.
    assert pickle.loads(pickle.dumps(records)) == records


AWKWARD = "\"引号\" \\ 反斜杠 \t制表\n换行\r\b\f \x01\x1f\x7f \u2028 😀 /"


def test_json_lines_are_what_json_dumps_writes_for_awkward_text() -> None:
    a = Fixture()
    busy_month(a)
    filed = CaseInput("event:0502", workflow="urban_management", workflow_version=1, point=(118.0, 37.4600125), unit=JINYUAN,
                      address=f"锦苑社区 {AWKWARD}", owner="店主 \"王\"", description=AWKWARD, priority=Priority.URGENT,
                      attachments=[Attachment("照片 \"1\".jpg", "image/jpeg", 123456, "https://example.org/a\\b"),
                                   Attachment("plan.pdf")])
    case = a.engine.open(filed, a.reporter, at(9, 30, 8))
    a.engine.take(case, "submit", a.supervisor, at(9, 30, 9), {**SUBMIT, "location": AWKWARD}, note=AWKWARD)
    lines = a.engine.to_json_lines()
    assert lines.endswith("\n")
    rows = lines.split("\n")[:-1]  # not splitlines(): U+2028 is written as is, as nlohmann writes it
    for line in rows:
        # Compact JSON, non-ASCII as is, control characters escaped: what json.dumps writes.
        assert json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) == line
    opened = json.loads(rows[a.engine.events_of(case)[0].sequence])
    assert opened["input"]["description"] == AWKWARD and opened["input"]["point"] == [118.0, 37.4600125]
    assert opened["input"]["attachments"][1] == {"name": "plan.pdf", "media_type": "", "bytes": 0, "url": ""}
    records = CaseEngine.parse_json_lines(lines, "awkward.jsonl")
    assert records == a.engine.event_records()
    b = Fixture()
    b.engine.replay(records)
    assert b.engine.to_json_lines() == lines and b.engine.cases == a.engine.cases
    # Text that is not UTF-8 (a lone surrogate) never reaches the record.
    before = len(a.engine.events)
    with pytest.raises((TypeError, UnicodeError)):
        a.engine.take(case, "accept", a.commander, at(9, 30, 10), note="bad \ud800")
    assert len(a.engine.events) == before
    other = Fixture()
    other.file(at(9, 28, 8))  # another time: not the same event
    with pytest.raises(gr.NotFoundError, match="not an event of this engine"):
        a.engine.to_json_line(other.engine.events[0])


def test_replay_refuses_records_that_do_not_fit_and_stays_empty() -> None:
    a = Fixture()
    busy_month(a)
    records = CaseEngine.parse_json_lines(a.engine.to_json_lines())
    b = Fixture()
    r = records[5]
    ghost = EventRecord(**{**{name: getattr(r, name) for name in r.to_dict()}, "actor": "ghost"})
    broken = [*records[:5], ghost, *records[6:]]
    with pytest.raises(gr.InvalidInputError, match="unknown actor 'ghost'") as raised:
        b.engine.replay(broken)
    assert raised.value.row == 6 and raised.value.field == "actor"
    assert len(b.engine) == 0 and b.engine.events == []
    b.engine.replay(records)  # the engine is still usable
    assert len(b.engine) == len(a.engine)
    with pytest.raises(gr.InvalidInputError, match="without cases"):
        b.engine.replay(records)
    swapped = [records[0], records[2], records[1], *records[3:]]
    with pytest.raises(gr.InvalidInputError, match="sequence"):
        Fixture().engine.replay(swapped)
    with pytest.raises(gr.InvalidInputError, match=r"bad\.jsonl, row 1, field 'case'") as bad:
        CaseEngine.parse_json_lines('{"sequence": 0}\n', "bad.jsonl")
    assert (bad.value.source, bad.value.row, bad.value.field) == ("bad.jsonl", 1, "case")
    with pytest.raises(gr.InvalidInputError, match="row 2"):
        CaseEngine.parse_json_lines("\n{oops\n", "bad.jsonl")


# ---- replay re-executes every record (issue 14) -----------------------------------------------------
# Forged JSON lines are refused naming the line (.row) and key (.field) and leave the engine empty.
# Mirrors tests/cpp/workflow/replay_test.cpp.

DONGYING = gr.datasets.dongying()


def replay_city() -> Fixture:
    """The routed fixture with the division tree and a visitor (访客) who may only look."""
    f = routed_engine()
    f.engine.set_divisions(DONGYING)
    f.engine.add_actor(Actor("vs-1", "访客", ["visitor"], scope=JINYUAN))
    return f


def month_lines() -> list[dict[str, Any]]:
    """Case 1 handled on time by mx-1, verified by sv-2; case 2 handled after its 催办 and 督办; case 3 refused."""
    c = replay_city()
    on_time = c.file(at(9, 28, 9))
    c.to_handle(on_time, at(9, 28, 11))
    c.engine.take(on_time, "complete", c.both, at(9, 29, 10), {"result": "已劝离"})
    c.engine.take(on_time, "report_back", c.both, at(9, 29, 11))
    c.engine.take(on_time, "verify_pass", c.checker, at(9, 29, 12))
    late = c.file(at(9, 28, 9))
    c.to_handle(late, at(9, 28, 11))
    c.engine.take(late, "complete", c.both, at(10, 15, 9), {"result": "已清理"})  # due 10 October (调休) 17:30
    refused = c.file(at(9, 28, 9))
    with pytest.raises(gr.RuleViolationError):
        c.engine.take(refused, "submit", c.supervisor, at(9, 28, 10), {"location": "x"})
    c.engine.take(refused, "submit", c.supervisor, at(9, 28, 10), SUBMIT)
    return [json.loads(line) for line in c.engine.to_json_lines().split("\n")[:-1]]


def as_text(lines: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines)


def line_of(lines: list[dict[str, Any]], case: str, kind: str, transition: str = "") -> int:
    return next(i for i, line in enumerate(lines)
                if line["case"] == case and line["kind"] == kind and line.get("transition", "") in ("", transition))


def renumber(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**line, "sequence": i} for i, line in enumerate(lines)]


def expect_replay_refused(lines: list[dict[str, Any]], row: int, field: str, words: str) -> None:
    """Replaying lines is refused at row (1-based) and key field with words; the engine stays empty."""
    c = replay_city()
    with pytest.raises(gr.InvalidInputError, match=words) as raised:
        c.engine.replay(CaseEngine.parse_json_lines(as_text(lines), "forged.jsonl"))
    assert (raised.value.row, raised.value.field) == (row, field), str(raised.value)
    assert len(c.engine) == 0 and c.engine.events == []


def test_a_valid_month_with_refusals_replays_identically() -> None:
    lines = month_lines()
    c = replay_city()
    c.engine.replay(CaseEngine.parse_json_lines(as_text(lines)))
    assert c.engine.to_json_lines() == as_text(lines)
    missing = lines[line_of(lines, "C000003", "refused", "submit")]
    assert missing["fields"] == {"location": "x"} and "needs fields 'category', 'description'" in missing["reason"]


def month_edited(index: Callable[[list[dict[str, Any]]], int], **changes: Any) -> tuple[list[dict[str, Any]], int]:
    lines = month_lines()
    i = index(lines)
    lines[i] = {**lines[i], **changes}
    return lines, i + 1


def test_refuses_a_verification_rewritten_so_the_handler_verifies() -> None:
    lines, row = month_edited(lambda ls: line_of(ls, "C000001", "transition", "verify_pass"), actor="mx-1")
    expect_replay_refused(lines, row, "actor", "separation of duties: actor 'mx-1' handled case C000001")


def test_refuses_a_dispatch_by_a_visitor() -> None:
    lines, row = month_edited(lambda ls: line_of(ls, "C000001", "transition", "dispatch"), actor="vs-1", role="visitor")
    expect_replay_refused(lines, row, "actor", r"actor 'vs-1' \(roles: visitor\) may not take 'dispatch'")


def test_refuses_a_late_handling_without_its_urging_and_escalation() -> None:
    lines = month_lines()
    urged = line_of(lines, "C000002", "urged")
    assert lines[urged + 1]["kind"] == "escalated"
    lines = renumber(lines[:urged] + lines[urged + 2:])
    expect_replay_refused(lines, urged + 1, "at", "the live engine records 催办")
    lines[urged]["at"] = "2026-10-09T09:00:00+08:00"  # moved before the deadline: its rung gives it away
    expect_replay_refused(lines, urged + 1, "rung", "'rung' is 'township' where the live engine records 'community'")


def test_refuses_an_escalation_before_its_due_instant() -> None:
    lines, row = month_edited(lambda ls: line_of(ls, "C000002", "urged"), at="2026-10-10T17:00:00+08:00")
    expect_replay_refused(lines, row, "at", "before its deadline falls due")


def test_refuses_units_outside_the_tree_and_matters_outside_the_catalogue() -> None:
    lines = month_lines()
    lines[0] = {**lines[0], "unit": "370502005598", "input": {**lines[0]["input"], "unit": "370502005598"}}
    expect_replay_refused(lines, 1, "unit", "not in the division tree")
    lines = month_lines()
    lines[0] = {**lines[0], "input": {**lines[0]["input"], "matter": "event:9999"}}
    expect_replay_refused(lines, 1, "matter", "not in the catalogue")


def test_refusals_must_be_those_the_live_engine_makes() -> None:
    lines, row = month_edited(lambda ls: line_of(ls, "C000003", "refused", "submit"), reason="不予受理")
    expect_replay_refused(lines, row, "reason", "'reason' is '不予受理' where the live engine records")
    lines = month_lines()
    deleted = line_of(lines, "C000003", "refused", "submit")
    lines.pop(deleted)  # not renumbered
    expect_replay_refused(lines, deleted + 1, "sequence", f"where {deleted} was expected")


def test_a_cut_record_is_refused_where_the_cut_shows() -> None:
    lines = month_lines()
    assigned = line_of(lines, "C000001", "assigned")
    expect_replay_refused(lines[:assigned], assigned, "kind", r"end inside an operation \(cut short\?\)")
    with pytest.raises(gr.InvalidInputError, match="malformed JSON") as raised:
        CaseEngine.parse_json_lines(as_text(lines)[:-10], "cut.jsonl")
    assert raised.value.row == len(lines)
    # In chunks, an operation may span two calls; the last call ends the history.
    c = replay_city()
    records = CaseEngine.parse_json_lines(as_text(lines))
    c.engine.replay(records[:assigned], more_follow=True)
    c.engine.replay(records[assigned:])
    assert len(c.engine.events) == len(lines)


def test_exports_open311_service_requests(f: Fixture) -> None:
    busy_month(f)
    requests = json.loads(f.engine.to_open311())
    assert requests == f.engine.open311() and len(requests) == len(f.engine)
    first = requests[1]
    assert first["service_request_id"] == "C000002"
    assert first["status"] == "open"
    assert first["service_code"] == "event:0502"
    assert first["agency_responsible"] == "街道综合执法队"
    assert first["requested_datetime"] == "2026-09-29T09:00:00+08:00"
    assert first["address_id"] == "370502005066"
    assert first["lat"] is None and "expected_datetime" in first
    assert requests[4]["status"] == "closed"
    assert json.loads(f.engine.to_open311(1)) == first == json.loads(f.engine.to_open311("C000002"))
    with pytest.raises(gr.NotFoundError):
        f.engine.to_open311(99)


def test_reports_its_memory(f: Fixture) -> None:
    empty = f.engine.memory_bytes()
    busy_month(f)
    assert f.engine.memory_bytes() > empty + len(f.engine.events) * 32


# ---- callbacks ---------------------------------------------------------------------------------------------


def test_subscribers_receive_every_event_as_it_happens(f: Fixture) -> None:
    seen: list[EventRecord] = []
    states: list[str] = []

    @f.engine.subscribe
    def record(r: EventRecord) -> None:
        seen.append(r)
        states.append(f.engine.state_id(r.case_number))  # reading the engine is fine

    assert record is not None
    busy_month(f)  # includes advance(), which runs without the GIL
    assert seen == f.engine.event_records()
    assert len(states) == len(seen)
    assert any(r.kind == EventKind.ESCALATED for r in seen) and any(r.kind == EventKind.REFUSED for r in seen)
    assert f.engine.unsubscribe(record) and not f.engine.unsubscribe(record)
    f.file()
    assert len(seen) == len(f.engine.events) - 1
    # Replayed events are not announced.
    g = Fixture()
    replayed: list[EventRecord] = []
    g.engine.subscribe(replayed.append)
    g.engine.replay(f.engine.event_records())
    assert replayed == []


def test_a_failing_callback_does_not_interrupt_the_engine(f: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    calls: list[EventKind] = []

    def fail(r: EventRecord) -> None:
        calls.append(r.kind)
        raise ValueError(f"callback failed on {r.kind.name}")

    case = f.file()
    f.engine.take(case, "submit", f.supervisor, at(9, 28, 10), SUBMIT)
    f.engine.take(case, "accept", f.commander, at(9, 28, 10, 30))
    f.engine.subscribe(fail)
    f.engine.subscribe(lambda r: calls.append(r.kind))
    with pytest.raises(ValueError, match="callback failed on TRANSITION"):
        f.engine.take(case, "dispatch", f.commander, at(9, 28, 11), {"department": "街道综合执法队"})
    # The operation completed: transition and assignment recorded, both callbacks called for both.
    assert kinds(f.engine, case)[-2:] == [EventKind.TRANSITION, EventKind.ASSIGNED]
    assert f.engine.assignment(case) is not None
    assert calls == [EventKind.TRANSITION, EventKind.TRANSITION, EventKind.ASSIGNED, EventKind.ASSIGNED]
    # The first error is raised; later ones go to sys.unraisablehook.
    assert [str(u.exc_value) for u in unraisable] == ["callback failed on ASSIGNED"]
    # The same when advance() runs without the GIL: every breach is recorded.
    with pytest.raises(ValueError, match="callback failed on URGED"):
        f.engine.advance(at(12, 31, 0))
    assert f.engine.state(case).escalations == 2 and calls[-1] == EventKind.ESCALATED


def test_an_engine_in_a_reference_cycle_is_collected() -> None:
    import weakref

    f = Fixture()
    f.engine.subscribe(lambda r: f.engine.state(r.case_number))  # engine → callback → f → engine
    f.file()
    alive = weakref.ref(f.engine)
    del f
    gc.collect()
    assert alive() is None


def test_when_the_operation_fails_its_error_wins(f: Fixture, monkeypatch: pytest.MonkeyPatch) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    case = f.file()

    def fail(r: EventRecord) -> None:
        raise ValueError("callback failed")

    f.engine.subscribe(fail)
    with pytest.raises(gr.PermissionDeniedError):
        f.engine.take(case, "submit", f.department, at(9, 28, 10), SUBMIT)
    assert len(unraisable) == 1 and isinstance(unraisable[0].exc_value, ValueError)
    assert f.engine.state(case).refusals == 1


def test_callbacks_run_once_the_operation_has_finished(f: Fixture) -> None:
    case = f.file()
    f.engine.take(case, "submit", f.supervisor, at(9, 28, 10), SUBMIT)
    f.engine.take(case, "accept", f.commander, at(9, 28, 10, 30))
    seen: list[tuple[EventKind, int, bool]] = []
    f.engine.subscribe(lambda r: seen.append((r.kind, len(f.engine.events), f.engine.assignment(case) is not None)))
    f.engine.take(case, "dispatch", f.commander, at(9, 28, 11), {"department": "街道综合执法队"})
    # Both events are delivered after the dispatch recorded them both: the engine shows the whole operation.
    count = len(f.engine.events)
    assert seen == [(EventKind.TRANSITION, count, True), (EventKind.ASSIGNED, count, True)]


def test_a_callback_may_change_the_engine(f: Fixture) -> None:
    handled = f.file()
    f.to_handle(handled, at(9, 28, 11))
    seen: list[EventRecord] = []

    def meddle(r: EventRecord) -> None:
        seen.append(r)
        if r.kind == EventKind.OPENED:
            f.engine.advance(at(12, 31, 0))  # breaches the case being handled

    f.engine.subscribe(meddle)
    before = len(f.engine.events)
    f.file()
    assert len(f.engine) == 2 and f.engine.state(handled).escalations > 0
    # The change's events follow the filing, and the subscriber sees the stream in order.
    assert seen == f.engine.event_records()[before:]
    assert seen[0].kind == EventKind.OPENED and EventKind.ESCALATED in [r.kind for r in seen]


def test_errors_while_delivering_a_callbacks_change_are_raised_by_the_operation(
    f: Fixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    unraisable: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    handled = f.file()
    f.to_handle(handled, at(9, 28, 11))

    def meddle(r: EventRecord) -> None:
        if r.kind == EventKind.OPENED:
            f.engine.advance(at(12, 31, 0))  # its events are delivered after this callback returns
        elif r.kind == EventKind.ESCALATED:
            raise ValueError(f"escalated to {r.rung.name}")

    f.engine.subscribe(meddle)
    with pytest.raises(ValueError, match="escalated to TOWNSHIP"):
        f.file()
    escalations = f.engine.state(handled).escalations
    assert escalations >= 1 and len(unraisable) == escalations - 1
    # Nothing is left queued: the next operation delivers only its own events.
    f.engine.unsubscribe(meddle)
    later: list[EventRecord] = []
    f.engine.subscribe(later.append)
    f.file()
    assert [r.kind for r in later] == [EventKind.OPENED]


def test_subscribing_and_unsubscribing_from_a_callback(f: Fixture) -> None:
    late: list[int] = []

    def first(r: EventRecord) -> None:
        f.engine.unsubscribe(first)
        f.engine.subscribe(lambda record: late.append(record.sequence))

    f.engine.subscribe(first)
    f.file()
    f.file()
    # first ran once (event 0) and subscribed a callback that sees every later event.
    assert late == list(range(1, len(f.engine.events)))


def test_threads_share_an_engine(f: Fixture) -> None:
    counted: list[int] = []
    f.engine.subscribe(lambda r: counted.append(r.sequence))
    for i in range(20):
        f.to_handle(f.file(at(9, 28, 8)), at(9, 28, 10 + i % 5))
    errors: list[BaseException] = []

    def run(job: Callable[[], object]) -> None:
        try:
            for _ in range(20):
                job()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    jobs: list[Callable[[], object]] = [
        lambda: f.engine.advance(at(12, 31, 0)),
        lambda: f.engine.cases,
        lambda: f.engine.to_pandas(),
        lambda: f.engine.events_frame(),
    ]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert counted == list(range(len(f.engine.events)))
    assert all(s.escalations == 2 for s in f.engine.cases)


# ---- pandas ------------------------------------------------------------------------------------------------


def test_to_pandas_has_one_row_per_case(f: Fixture) -> None:
    busy_month(f)
    frame = f.engine.to_pandas()
    assert list(frame.index) == [f"C00000{i}" for i in range(1, 7)] and frame.index.name == "case"
    assert list(frame.columns) == [
        "workflow", "version", "state", "closed", "unit", "grid", "matter", "priority", "rung", "opened_at",
        "updated_at", "due", "closed_at", "handling_due", "handled_at", "transitions", "reworks", "escalations",
        "urges", "reopens", "refusals", "primary", "routed_primary",
    ]
    for name in ("workflow", "unit", "grid", "matter", "priority", "rung"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    assert frame["rung"].cat.ordered and list(frame["rung"].cat.categories) == ["grid", "community", "township", "county", "city"]
    assert frame["priority"].cat.ordered and list(frame["priority"].cat.categories) == ["low", "normal", "high", "urgent"]
    assert list(frame["unit"].cat.categories) == [JINYUAN] and frame["grid"].isna().all()
    for name in ("opened_at", "updated_at", "due", "closed_at", "handling_due", "handled_at"):
        dtype = frame[name].dtype
        assert isinstance(dtype, pd.DatetimeTZDtype) and str(dtype.tz) == "Asia/Shanghai", name
    for name in ("version", "transitions", "reworks", "escalations", "urges", "reopens", "refusals"):
        assert frame[name].dtype == "int64", name
    assert frame["closed"].dtype == bool and frame["state"].dtype == "string"
    states = f.engine.cases
    assert frame["opened_at"].iloc[1] == states[1].opened_at == pd.Timestamp("2026-09-29 09:00", tz="Asia/Shanghai")
    assert frame["state"].tolist() == [s.state_id for s in states]
    assert frame["closed_at"].isna().tolist() == [s.closed_at is None for s in states]
    assert frame["escalations"].tolist() == [s.escalations for s in states]
    assert frame.loc["C000003", "reworks"] == 1 and frame.loc["C000001", "reopens"] == 1
    assert frame["primary"].tolist() == [f.engine.assignment(s.id).primary for s in states]  # type: ignore[union-attr]
    # Never handled, reworked or reopened cases sit in dispatch or handle and climbed to the county.
    assert frame.groupby("rung", observed=True).size().to_dict() == {"community": 1, "county": 5}


def test_events_frame_has_one_row_per_event(f: Fixture) -> None:
    busy_month(f)
    frame = f.engine.events_frame()
    records = f.engine.event_records()
    assert len(frame) == len(records) and frame.index.name == "sequence"
    assert list(frame.columns) == ["case", "kind", "at", "actor", "role", "from", "to", "transition", "rung", "note",
                                   "reason", "primary", "routed_primary"]
    assert frame["routed_primary"].dtype == "string" and frame["routed_primary"].isna().all()
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype) and "escalated" in frame["kind"].cat.categories
    assert isinstance(frame["at"].dtype, pd.DatetimeTZDtype)
    assert frame["at"].tolist() == [r.at for r in records]
    assert frame["kind"].tolist() == [r.kind.name.lower() for r in records]
    clock = frame[frame["kind"].isin(["urged", "escalated"])]
    assert clock["actor"].isna().all() and frame["actor"].notna().sum() == len(frame) - len(clock)
    refused = frame[frame["kind"] == "refused"]
    assert refused["reason"].notna().all() and refused["actor"].tolist() == ["sv-9"]
    assert frame.loc[frame["case"] == "C000001", "kind"].iloc[0] == "opened"


def test_empty_frames() -> None:
    engine = CaseEngine(gr.Calendar.china())
    assert len(engine.to_pandas()) == 0 and len(engine.events_frame()) == 0
    assert isinstance(engine.to_pandas()["opened_at"].dtype, pd.DatetimeTZDtype)


# ---- value types and bad input ---------------------------------------------------------------------------------


def test_value_types() -> None:
    case = CaseInput("event:0502", point=[118.0, 37.0], unit=JINYUAN, priority=Priority.URGENT,
                     attachments=[Attachment("a.jpg", "image/jpeg", 10, "https://example.org/a.jpg")])
    assert case.point == (118.0, 37.0) and case.unit == DivisionCode(JINYUAN)
    assert case == pickle.loads(pickle.dumps(case)) and case != CaseInput("event:0502")
    assert case.to_dict()["priority"] == "urgent" and case.to_dict()["attachments"][0]["bytes"] == 10
    assert repr(case).startswith("CaseInput(matter='event:0502', workflow='', workflow_version=0, point=(118.0, 37.0)")
    assert Priority.URGENT.chinese_name == "紧急" and EventKind.ESCALATED.chinese_name == "督办"
    actor = Actor(id="wg-1", name="张三", roles=["grid_worker"], scope=DivisionCode(JINYUAN), grid="37050200506601")
    assert actor == pickle.loads(pickle.dumps(actor)) and actor.scope == DivisionCode(JINYUAN) and actor.unit == ""
    assert Actor("x", "x", ["r"]).scope is None
    assert hash(Field("a", "b")) == hash(Field(name="a", value="b"))
    assert hash(Attachment("a")) == hash(Attachment("a", "", 0, ""))
    options = EngineOptions()
    assert options.reopen_window == gr.Deadline.working_days(5) and options.top_rung == Rung.COUNTY
    assert pickle.loads(pickle.dumps(options)) == options  # not hashable: it holds a list (filing_roles)
    assert options.jurisdiction is None and options.filing_roles == ["grid_worker"] and options.recorded_refusals_per_case == 1000
    assert CaseEngine(gr.Calendar.china(), EngineOptions(top_rung=Rung.CITY)).options.top_rung == Rung.CITY
    record = EventRecord(0, "C000001", EventKind.OPENED, dt.datetime(2026, 9, 28, 9), fields={"a": "1", "b": "2"})
    assert record.at == at(9, 28, 9) and record.fields == [Field("a", "1"), Field("b", "2")]
    assert record.to_dict()["kind"] == "opened"
    with pytest.raises(TypeError):
        CaseInput("event:0502", point=(1.0,))  # type: ignore[arg-type]
    with pytest.raises(gr.InvalidInputError):
        CaseInput("event:0502", unit="12345")


def test_refuses_missing_fields_and_transitions_that_do_not_leave_the_state(f: Fixture) -> None:
    case = f.file()
    with pytest.raises(gr.RuleViolationError) as raised:  # every missing field in one refusal
        f.engine.take(case, "submit", f.supervisor, at(9, 28, 10), {"location": "x"})
    assert str(raised.value) == ("workflow.required-field: transition 'submit' of case C000001 needs fields "
                                 "'category', 'description'")
    assert raised.value.rule_id == "workflow.required-field" and isinstance(raised.value, ValueError)
    with pytest.raises(gr.RuleViolationError, match="does not leave state 'collect'"):
        f.engine.take(case, "dispatch", f.commander, at(9, 28, 10))
    assert f.engine.state(case).refusals == 2
    # Bad input is not a refusal: nothing is recorded.
    before = len(f.engine.events)
    with pytest.raises(gr.InvalidInputError, match="no transition 'teleport'") as bad:
        f.engine.take(case, "teleport", f.commander, at(9, 28, 10))
    assert bad.value.field == "transition"
    with pytest.raises(gr.InvalidInputError, match="before the last event"):
        f.engine.take(case, "submit", f.supervisor, at(9, 27, 10), SUBMIT)
    with pytest.raises(gr.InvalidInputError, match="given twice"):
        f.engine.take(case, "submit", f.supervisor, at(9, 28, 10), [Field("location", "x"), ("location", "y")])
    with pytest.raises(gr.NotFoundError, match="no case C000100"):
        f.engine.take(99, "submit", f.supervisor, at(9, 28, 10))
    with pytest.raises(gr.NotFoundError):
        f.engine.take("C000099", "submit", f.supervisor, at(9, 28, 10))
    with pytest.raises(gr.InvalidInputError, match="not 'C' followed by digits"):
        f.engine.take("case 1", "submit", f.supervisor, at(9, 28, 10))
    with pytest.raises(gr.NotFoundError, match="no actor with id 99"):
        f.engine.take(case, "submit", 99, at(9, 28, 10))
    with pytest.raises(gr.NotFoundError, match="no actor 'nobody'"):
        f.engine.take(case, "submit", "nobody", at(9, 28, 10))
    with pytest.raises(KeyError):  # NotFoundError is a KeyError
        f.engine.state(-1)
    with pytest.raises(TypeError):
        f.engine.take(case, "submit", f.supervisor, at(9, 28, 10), {"location": 1})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        f.engine.take(case, "submit", f.supervisor, dt.date(2026, 9, 28))  # type: ignore[arg-type]
    assert len(f.engine.events) == before and f.engine.state_id(case) == "collect"


def test_naive_datetimes_are_china_standard_time(f: Fixture) -> None:
    case = f.file(dt.datetime(2026, 9, 28, 9))  # naive: CST
    assert f.engine.state(case).opened_at == at(9, 28, 9)
    utc = dt.timezone.utc
    f.engine.take(case, "submit", f.supervisor, dt.datetime(2026, 9, 28, 2, 0, tzinfo=utc), SUBMIT)  # 10:00 CST
    assert f.engine.events[-1].at == at(9, 28, 10)
    assert f.engine.events[-1].at.utcoffset() == dt.timedelta(hours=8)
    with pytest.raises(gr.InvalidInputError, match="before the last event"):
        f.engine.take(case, "accept", f.commander, dt.datetime(2026, 9, 28, 9, 59))  # naive 09:59 CST < 10:00


def test_a_case_missing_several_required_fields_is_refused_once_naming_all(f: Fixture) -> None:
    with pytest.raises(gr.InvalidInputError) as raised:
        f.engine.open(CaseInput(""), f.reporter, at(9, 28, 9))
    assert raised.value.problem == "case has no matter type; case has neither a point nor a division code"
    assert raised.value.field == "matter, unit"
    assert len(f.engine) == 0 and len(f.engine.events) == 0


def test_cases_are_their_numbers_everywhere_and_ints_still_work(f: Fixture) -> None:
    first, second = f.file(), f.file(at(9, 28, 10))
    assert (first, second) == ("C000001", "C000002")
    assert f.engine.state(second).id == f.engine.state(1).number == "C000002"
    assert [e.case_id for e in f.engine.events] == ["C000001", "C000002"]
    assert f.engine.events_of(0) == f.engine.events_of("C000001")
    assert f.engine.work_list("sv-1") == ["C000001", "C000002"]
    f.to_handle(second, at(9, 28, 12))
    assert f.engine.due_before(at(12, 31, 0)) == ["C000002"]
    assert CaseEngine.case_number(1) == "C000002" and f.engine.find_case("C000002") == "C000002"
    assert set(f.engine.to_pandas().index) == {first, second}
    for bad, error in (("C000009", gr.NotFoundError), ("C0", gr.InvalidInputError), ("第1号", gr.InvalidInputError),
                       (7, gr.NotFoundError), (-1, gr.NotFoundError)):
        with pytest.raises(error):
            f.engine.state(bad)


def test_engine_calendar_is_a_read_only_copy(f: Fixture) -> None:
    calendar = f.engine.calendar
    assert isinstance(calendar, gr.Calendar) and calendar.published_years == list(range(2019, 2027))
    changes = (
        lambda c: c.add_local(dt.date(2026, 10, 9), False, "区运动会"),
        lambda c: setattr(c, "unpublished", gr.UnpublishedYears.WEEKDAY_RULE),
        lambda c: setattr(c, "working_hours", gr.WorkingHours.standard()),
        lambda c: c.add_holiday_cn('{"year": 2027, "papers": [], "days": []}', "2027.json"),
    )
    for change in changes:
        with pytest.raises(gr.RuleViolationError, match="engine.calendar is a read-only copy") as raised:
            change(calendar)
        assert raised.value.rule_id == "calendar.read-only"
    assert calendar.unpublished == gr.UnpublishedYears.RAISE and calendar.is_working_day(dt.date(2026, 10, 9))
    writable = copy.copy(calendar)
    writable.add_local(dt.date(2026, 10, 9), False, "区运动会")
    assert not writable.is_working_day(dt.date(2026, 10, 9))
    assert f.engine.calendar.is_working_day(dt.date(2026, 10, 9))  # the engine's own is unchanged


def test_refuses_bad_case_input_and_changes_nothing(f: Fixture) -> None:
    with pytest.raises(gr.InvalidInputError, match="no matter type") as raised:
        f.engine.open(CaseInput("", workflow="urban_management", unit=JINYUAN), f.reporter, at(9, 28, 9))
    assert raised.value.field == "matter"
    with pytest.raises(gr.InvalidInputError, match="nope"):
        f.engine.open(CaseInput("event:0502", workflow="nope", unit=JINYUAN), f.reporter, at(9, 28, 9))
    with pytest.raises(gr.InvalidInputError, match="neither a point nor a division code"):
        f.engine.open(CaseInput("event:0502", workflow="urban_management"), f.reporter, at(9, 28, 9))
    with pytest.raises(gr.InvalidInputError, match=r"attachments\[0\]"):
        f.engine.open(CaseInput("event:0502", workflow="urban_management", unit=JINYUAN,
                                attachments=[Attachment("", "image/jpeg", 10)]), f.reporter, at(9, 28, 9))
    with pytest.raises(gr.NotFoundError):
        f.engine.open(CaseInput("event:0502", workflow="urban_management", unit=JINYUAN), 42, at(9, 28, 9))
    assert len(f.engine) == 0 and f.engine.events == []
    with pytest.raises(gr.InvalidInputError, match="already registered"):
        f.engine.add_actor(Actor("wg-1", "dup", ["x"]))
    with pytest.raises(gr.InvalidInputError, match="has no roles"):
        f.engine.add_actor(Actor("new", "no roles", []))
    assert f.engine.find_actor("wg-1") == f.reporter and f.engine.find_actor("nobody") is None
    assert f.engine.actor("sv-2") == f.engine.actors[f.checker] and len(f.engine.actors) == 7
    assert "7 actors" in repr(f.engine)
