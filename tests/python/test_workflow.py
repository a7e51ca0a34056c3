"""Closed-loop workflow definitions: built-ins, JSON, validation, the registry, Graphviz."""

from __future__ import annotations

import json
from datetime import timedelta
import pickle

import pytest

import grassroots as gr
from grassroots import (
    BreachAction,
    Deadline,
    HotlineKind,
    StateDefinition,
    TransitionDefinition,
    WorkflowDefinition,
    WorkflowRegistry,
)


def small_loop(version: int = 1) -> WorkflowDefinition:
    states = [
        StateDefinition(id="collect", name="Collect"),
        StateDefinition(
            id="check",
            name="Check",
            deadline=Deadline.working_days(3),
            on_breach=[BreachAction.URGE, BreachAction.ESCALATE],
            starts_clock=True,
        ),
        StateDefinition(id="closed", name="Closed", closed=True),
    ]
    transitions = [
        TransitionDefinition(id="submit", from_state="collect", to_state="check", roles=["clerk"]),
        TransitionDefinition(id="close", from_state="check", to_state="closed", roles=["clerk"]),
        TransitionDefinition(id="redo", from_state="check", to_state="collect", roles=["clerk"], rework=True),
    ]
    return WorkflowDefinition("loop", version, "A loop", "collect", states, transitions)


def test_breach_action_names() -> None:
    assert BreachAction.ESCALATE.chinese_name == "督办"
    assert BreachAction.URGE.chinese_name == "催办"
    assert BreachAction.NOTIFY.chinese_name == "通知"


def test_urban_management_states_and_rework() -> None:
    d = gr.urban_management()
    assert d.id == "urban_management"
    assert d.version == 1
    assert [s.id for s in d.states] == [
        "collect", "file", "cancel", "dispatch", "handle", "feedback", "verify", "evaluate", "closed",
    ]
    assert d.initial == "collect"
    assert [s.id for s in d.states if s.starts_clock] == ["dispatch"]
    assert d.state("handle").deadline == Deadline.working_days(5)
    assert d.state("handle").on_breach == [BreachAction.URGE, BreachAction.ESCALATE]
    fail = d.transition("verify_fail")
    assert (fail.from_state, fail.to_state, fail.rework) == ("verify", "dispatch", True)
    assert [t.id for t in d.transitions if t.rework] == ["verify_fail"]


def test_other_builtins() -> None:
    general = gr.hotline_12345(HotlineKind.GENERAL)
    assert general.id == "hotline_12345_general"
    assert [s.id for s in general.states] == [
        "receive", "dispatch", "handle", "reply", "return_visit", "rating", "closed",
    ]
    assert general.state("handle").deadline == Deadline.working_days(7)
    assert gr.hotline_12345(HotlineKind.EMERGENCY).state("handle").deadline == Deadline.elapsed(timedelta(hours=2))
    assert [s.id for s in gr.whistle().states] == ["blow", "report", "joint_handling", "rating", "closed"]
    five = gr.five_step()
    assert [s.id for s in five.states] == [
        "find", "classify_and_handle", "track", "verify_and_evaluate", "adjust", "closed",
    ]
    assert any(t.rework and t.to_state == "classify_and_handle" for t in five.transitions)
    pilot = gr.explore_pilot()
    assert [s.id for s in pilot.states] == ["explore", "pilot", "evaluate", "promote", "closed"]
    assert any(t.rework and t.to_state == "pilot" for t in pilot.transitions)


def test_accessors_and_lookups() -> None:
    d = small_loop()
    assert (d.id, d.version, d.title, d.initial) == ("loop", 1, "A loop", "collect")
    assert [t.id for t in d.transitions_from("check")] == ["close", "redo"]
    assert d.transitions_from("closed") == []
    assert d.transitions_from("nowhere") == []
    with pytest.raises(gr.NotFoundError, match=r"^workflow 'loop' has no state 'nowhere'$"):
        d.state("nowhere")
    with pytest.raises(gr.NotFoundError, match=r"^workflow 'loop' has no transition 'fly'$"):
        d.transition("fly")


def test_value_types() -> None:
    s = small_loop().state("check")
    assert s == StateDefinition(
        id="check", name="Check", deadline=Deadline.working_days(3),
        on_breach=[BreachAction.URGE, BreachAction.ESCALATE], starts_clock=True,
    )
    assert s != StateDefinition(id="check", name="Check")
    assert pickle.loads(pickle.dumps(s)) == s
    assert repr(s).startswith("StateDefinition(id='check', name='Check', closed=False, deadline=")
    assert s.to_dict()["on_breach"] == ["urge", "escalate"]
    t = small_loop().transition("redo")
    assert pickle.loads(pickle.dumps(t)) == t
    assert t.to_dict() == {
        "id": "redo", "from_state": "check", "to_state": "collect", "roles": ["clerk"],
        "required_fields": [], "rework": True, "duty": "none",
    }
    assert "rework=True" in repr(t)
    d = small_loop()
    assert pickle.loads(pickle.dumps(d)) == d


def test_json_round_trip() -> None:
    d = small_loop()
    text = d.to_json()
    back = WorkflowDefinition.from_json(text, "loop.json")
    assert back == d
    assert back.to_json() == text
    doc = json.loads(text)
    assert doc["states"][1]["deadline"] == {"unit": "working_days", "amount": 3}
    urban = gr.urban_management()
    assert WorkflowDefinition.from_json(urban.to_json()) == urban


def test_json_missing_deadline_unit() -> None:
    doc = json.loads(small_loop().to_json())
    doc["states"][1]["deadline"] = {"amount": 2}
    with pytest.raises(
        gr.InvalidInputError, match=r"^loop\.json, field 'states\[1\]\.deadline': deadline has no unit$"
    ):
        WorkflowDefinition.from_json(json.dumps(doc), "loop.json")
    with pytest.raises(gr.InvalidInputError, match=r"^<text>, field 'states\[1\]\.deadline': deadline has no unit$"):
        WorkflowDefinition.from_json(json.dumps(doc))


def test_unreachable_state() -> None:
    d = small_loop()
    states = [*d.states, StateDefinition(id="x", name="X")]
    transitions = [*d.transitions, TransitionDefinition(id="leave_x", from_state="x", to_state="closed", roles=["clerk"])]
    with pytest.raises(gr.InvalidInputError, match=r"^state 'x' is unreachable from 'collect'$"):
        WorkflowDefinition("loop", 1, "A loop", "collect", states, transitions)


def test_registry() -> None:
    registry = WorkflowRegistry()
    assert len(registry) == 0
    registry.add(small_loop(1))
    registry.add(small_loop(3))
    registry.add(small_loop(2))
    assert len(registry) == 3
    assert registry.get("loop", 2).version == 2
    assert registry.latest("loop").version == 3
    with pytest.raises(gr.NotFoundError):
        registry.get("loop", 4)
    with pytest.raises(gr.NotFoundError):
        registry.latest("other")
    with pytest.raises(gr.InvalidInputError):
        registry.add(small_loop(2))
    assert len(registry) == 3


def test_registry_lists_its_entries_in_the_order_added() -> None:
    registry = WorkflowRegistry()
    assert registry.entries == [] and registry.ids == [] and list(registry) == [] and "loop" not in registry
    registry.add(small_loop(3))
    registry.add(gr.five_step())
    registry.add(small_loop(1))
    assert registry.entries == [("loop", 3), ("five_step", 1), ("loop", 1)]
    assert registry.ids == ["loop", "five_step"]  # each once, by first addition
    assert registry.versions("loop") == [1, 3] and registry.versions("nope") == []
    assert [(d.id, d.version) for d in registry] == registry.entries
    assert all(isinstance(d, WorkflowDefinition) for d in registry)
    assert "loop" in registry and ("loop", 1) in registry and ("loop", 2) not in registry
    assert "Loop" not in registry and ("five_step", 3) not in registry
    assert repr(registry) == "<WorkflowRegistry of 3 definitions: loop, five_step>"
    with pytest.raises(TypeError):
        _ = 3 in registry  # type: ignore[operator]
    with pytest.raises(gr.InvalidInputError):
        registry.add(small_loop(1))
    assert len(registry) == 3 and registry.entries[-1] == ("loop", 1)


def test_to_dot() -> None:
    dot = small_loop().to_dot()
    assert "doublecircle" in dot
    assert "dashed" in dot


def test_pandas_views_are_python_over_column_primitives() -> None:
    # Calls go one way, Python -> C++: the views are Python functions typed -> pandas.DataFrame.
    import typing

    import pandas as pd

    from grassroots.workflow import _pandas

    for cls, name in [(gr.MatterCatalogue, "to_pandas"), (gr.ResponsibilityList, "to_pandas"),
                      (gr.CaseEngine, "to_pandas"), (gr.CaseEngine, "events_frame")]:
        method = getattr(cls, name)
        assert method.__module__ == "grassroots.workflow._pandas", (cls, name)
        assert typing.get_type_hints(method, {"pd": pd, **vars(_pandas)})["return"] is pd.DataFrame
    assert not hasattr(gr, "_workflow_pandas") or not hasattr(gr._workflow_pandas, "cases_frame")
