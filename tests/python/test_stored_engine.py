"""The case engine on the store from Python: written through, reloaded identical (DataFrames, states,
events) and resumed, actors with their lifecycle, holiday notices at runtime, work lists and timers,
batches and bad input. Mirrors tests/cpp/store/stored_engine_test.cpp."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from typing import Any

import pandas as pd
import pytest

import grassroots as gr
import grassroots.store as gs
from grassroots import Actor, CaseInput, MatterCatalogue, MatterClass, MatterType, ResponsibilityEntry, ResponsibilityList, Rung

JINYUAN = "370502005066"
SHENGLI = "370502005"
CST = dt.timezone(dt.timedelta(hours=8))
SUBMIT = {"location": "x", "category": "y", "description": "z"}
NOTICE_2027 = (
    '{"year": 2027, "papers": ["https://example.org/2027"], "days": ['
    '{"name": "春节", "date": "2027-02-08", "isOffDay": true}, {"name": "春节", "date": "2027-02-09", "isOffDay": true}]}'
)


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CST)


def setup(e: Any) -> None:
    e.add_workflow(gr.urban_management())
    catalogue = MatterCatalogue()
    catalogue.add(MatterType(MatterClass.EVENT, "0502", "占道经营", "街面秩序", "urban_management"))
    e.set_catalogue(catalogue)
    rows = ResponsibilityList()
    rows.add(ResponsibilityEntry("event:0502", Rung.COMMUNITY, "锦苑社区居委会", ["街道综合执法队"], source="test list"))
    rows.add(ResponsibilityEntry("event:0502", Rung.TOWNSHIP, "胜利街道综合执法队", scope=SHENGLI))
    rows.add(ResponsibilityEntry("event:0502", Rung.COUNTY, "区综合执法局"))
    e.set_responsibilities(rows)
    e.add_actor(Actor("wg-1", "网格员 张三", ["grid_worker"], scope=JINYUAN))
    e.add_actor(Actor("sv-1", "监督员 李四", ["supervision_centre"], scope=SHENGLI))
    e.add_actor(Actor("cc-1", "指挥中心", ["command_centre"], scope="370502"))
    e.add_actor(Actor("dp-1", "居委会", ["department"], scope="370502", unit="锦苑社区居委会"))


def file(e: Any, when: dt.datetime) -> str:
    return e.open(CaseInput("event:0502", unit=JINYUAN, description="占道经营 ✓", point=(118.49123456789, 37.4612345678)), "wg-1", when)


def first_day(e: Any) -> None:
    a = file(e, at(9, 28, 8))
    e.take(a, "submit", "sv-1", at(9, 28, 9), SUBMIT)
    e.take(a, "accept", "cc-1", at(9, 28, 9, 30))
    e.take(a, "dispatch", "cc-1", at(9, 28, 10), {"department": "锦苑社区居委会"})
    b = file(e, at(9, 28, 11))
    with pytest.raises(gr.RuleViolationError):
        e.take(b, "accept", "cc-1", at(9, 28, 12))  # refused and recorded
    e.advance(at(10, 20, 0))


def second_day(e: Any) -> None:
    c = file(e, at(10, 21, 8))
    e.take(c, "submit", "sv-1", at(10, 21, 9), SUBMIT)
    e.take(c, "accept", "cc-1", at(10, 21, 10))
    e.advance(at(11, 30, 0))


def same(a: gr.CaseEngine, b: gr.CaseEngine) -> None:
    pd.testing.assert_frame_equal(a.to_pandas(), b.to_pandas())
    pd.testing.assert_frame_equal(a.events_frame(), b.events_frame())
    assert a.to_json_lines() == b.to_json_lines()
    assert [s.to_dict() for s in a.cases] == [s.to_dict() for s in b.cases]
    assert a.actors == b.actors


@pytest.fixture
def path(store_location: str) -> str:
    return store_location  # a SQLite file, and a PostgreSQL schema (conftest.py)


def test_reloads_an_identical_engine_and_resumes(path: str) -> None:
    reference = gr.CaseEngine(gr.Calendar.china())
    setup(reference)
    first_day(reference)
    with gs.StoredEngine.create(path, gr.Calendar.china(), durability=gs.Durability.NORMAL) as stored:
        setup(stored)
        first_day(stored)
        same(stored.to_engine(), reference)
    reloaded = gs.StoredEngine.load(path, gr.Calendar.china())
    assert len(reloaded) == 2 and reloaded.event_count == len(reference.events)
    same(reloaded.to_engine(), reference)
    second_day(reloaded)
    second_day(reference)
    same(reloaded.to_engine(), reference)
    reloaded.close()
    assert repr(reloaded) == "StoredEngine(closed)"
    with pytest.raises(gr.InvalidInputError, match="closed"):
        len(reloaded)
    again = gs.StoredEngine.load_or_create(path, gr.Calendar.china())
    same(again.to_engine(), reference)
    assert again.state("C000001").to_dict() == reference.state(0).to_dict()


def test_the_store_holds_one_stream_per_case_with_deterministic_ids(path: str) -> None:
    with gs.StoredEngine.create(path, gr.Calendar.china()) as stored:
        setup(stored)
        first_day(stored)
    store = gs.open(path)
    kinds = {s.stream_id: s.kind for s in store.streams()}
    assert kinds["case-C000001"] == "case" and kinds["workflow-urban_management"] == "workflow"
    assert kinds["actor-wg-1"] == "actor" and kinds["catalogue"] == "catalogue"
    events = store.read_stream("case-C000001")
    assert [e.event_id for e in events][:2] == ["case-C000001/1", "case-C000001/2"]
    assert events[0].type == "opened" and events[0].actor == "wg-1"
    assert events[0].occurred_at == at(9, 28, 8)
    assert events[0].payload["sequence"] == 0 and "line" not in events[0].payload  # the event object itself
    assert events[1].payload["fields"] == [[k, v] for k, v in SUBMIT.items()]  # pairs: their order kept
    frame = store.to_pandas()
    assert len(frame) == store.last_position


def append_as_json_lines(path: str, engine: gr.CaseEngine) -> None:
    """Appends @p engine's events as stores held case events before the object form: {"line": …}."""
    store = gs.open(path)
    versions: dict[str, int] = {}
    for line in engine.to_json_lines().splitlines():
        record = json.loads(line)
        stream = "case-" + record["case"]
        versions[stream] = versions.get(stream, 0) + 1
        event = gs.NewEvent(f"{stream}/{versions[stream]}", record["kind"], {"line": line})
        store.append(stream, "case", versions[stream] - 1, [event])
    del store


def test_case_events_stored_as_json_lines_still_load(path: str) -> None:
    reference = gr.CaseEngine(gr.Calendar.china())
    setup(reference)
    first_day(reference)
    with gs.StoredEngine.create(path, gr.Calendar.china()) as stored:
        setup(stored)
    append_as_json_lines(path, reference)
    lines = len(reference.events)
    with gs.StoredEngine.load(path, gr.Calendar.china()) as reloaded:
        same(reloaded.to_engine(), reference)
        second_day(reloaded)
    second_day(reference)
    forms = [("line" in e.payload) for e in gs.open(path).read_all() if e.stream_id.startswith("case-")]
    assert forms.count(True) == lines and forms.count(False) == len(reference.events) - lines
    same(gs.StoredEngine.load(path, gr.Calendar.china()).to_engine(), reference)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"case": "C000002", "kind": "transition", "fields": [["a", "b", "c"]]}, r"'fields' must be \[name, value\] pairs"),
        ({"case": "C000002", "kind": "transition", "fields": [["a", "b"], ["a", "c"]]}, "field 'a' is given twice"),
        ({"case": "C000002", "kind": "transition", "sequense": 8}, "sequense"),
        ({"line": '{"sequence": 8, "case": "C000002", "kind": "flew"}'}, "flew"),
    ],
)
def test_a_damaged_case_event_is_refused_naming_its_position(path: str, payload: dict[str, Any], message: str) -> None:
    with gs.StoredEngine.create(path, gr.Calendar.china()) as stored:
        setup(stored)
        first_day(stored)
    store = gs.open(path)
    if "line" not in payload:
        payload = {"at": "2026-09-28T12:00:00+08:00", "rung": "community", "sequence": 8, **payload}
    version = store.stream_version("case-C000002")
    result = store.append("case-C000002", "case", version, [gs.NewEvent(f"case-C000002/{version + 1}", "transition", payload)])
    del store
    with pytest.raises(gr.InvalidInputError, match=message) as error:
        gs.StoredEngine.load(path, gr.Calendar.china())
    assert f"row {result.last_position}" in str(error.value)


def test_actor_lifecycle_and_notices_survive_reload(path: str) -> None:
    with gs.StoredEngine.create(path, gr.Calendar.china()) as stored:
        setup(stored)
        a = file(stored, at(9, 28, 8))
        stored.change_actor(Actor("sv-1", "监督员 李四", ["supervision_centre", "command_centre"], scope=SHENGLI))
        stored.take(a, "submit", "sv-1", at(9, 28, 9), SUBMIT)
        stored.take(a, "accept", "sv-1", at(9, 28, 9, 30))
        stored.deactivate_actor("wg-1")
        with pytest.raises(gr.RuleViolationError, match="deactivated"):
            file(stored, at(9, 28, 10))
        stored.add_holiday_notice(NOTICE_2027, "2027.json")
        with pytest.raises(gr.InvalidInputError):
            stored.add_holiday_notice(NOTICE_2027, "again.json")
    reloaded = gs.StoredEngine.load(path, gr.Calendar.china())
    assert not reloaded.is_active("wg-1") and reloaded.is_active("sv-1")
    assert reloaded.actor("sv-1").roles == ["supervision_centre", "command_centre"]
    with pytest.raises(gr.RuleViolationError):
        file(reloaded, at(9, 29, 8))
    engine = reloaded.to_engine()
    assert engine.calendar.is_published(2027)
    assert not engine.calendar.is_working_day(dt.date(2027, 2, 8))
    with pytest.raises(gr.InvalidInputError, match="lacks it"):
        gs.StoredEngine.load(path, gr.Calendar())


def test_work_lists_and_timers(path: str) -> None:
    stored = gs.StoredEngine.create(path, gr.Calendar.china())
    setup(stored)
    a = file(stored, at(9, 28, 8))
    stored.take(a, "submit", "sv-1", at(9, 28, 9), SUBMIT)
    stored.take(a, "accept", "cc-1", at(9, 28, 9, 30))
    stored.take(a, "dispatch", "cc-1", at(9, 28, 10), {"department": "锦苑社区居委会"})
    b = file(stored, at(9, 28, 11))
    assert stored.work_list("锦苑社区居委会") == [a]
    assert stored.work_list("dp-1") == [a]
    assert stored.work_list("sv-1") == [b]
    assert stored.work_list("nobody") == []
    due = stored.state(a).next_breach
    assert stored.next_timer == due
    assert stored.due_before(due) == []
    assert stored.due_before(due + dt.timedelta(seconds=1)) == [a]
    engine = stored.to_engine()
    assert engine.work_list("锦苑社区居委会") == [a] and engine.due_before(due + dt.timedelta(seconds=1)) == [a]
    assert engine.next_timer == due
    engine.deactivate_actor("dp-1")
    assert engine.work_list("dp-1") == [] and not engine.is_active("dp-1")
    engine.change_actor(Actor("sv-1", "x", ["command_centre"]))
    assert engine.actor("sv-1").roles == ["command_centre"]


def test_a_batch_is_written_at_commit(path: str) -> None:
    stored = gs.StoredEngine.create(path, gr.Calendar.china())
    setup(stored)
    before = stored.last_position
    stored.begin_batch()
    with pytest.raises(gr.InvalidInputError):
        stored.begin_batch()
    file(stored, at(9, 28, 8))
    file(stored, at(9, 28, 9))
    assert stored.pending == 2 and stored.last_position == before
    assert stored.commit_batch() == 2
    assert stored.last_position == before + 2
    with pytest.raises(gr.InvalidInputError):
        stored.commit_batch()


def test_bad_input_is_refused_and_writes_nothing(path: str, tmp_path: pathlib.Path) -> None:
    with pytest.raises(gr.NotFoundError, match="holds no case engine"):
        gs.StoredEngine.load(path, gr.Calendar.china())
    stored = gs.StoredEngine.create(path, gr.Calendar.china())
    setup(stored)
    before = stored.last_position
    with pytest.raises(gr.InvalidInputError):
        stored.add_workflow(gr.urban_management())
    with pytest.raises(gr.InvalidInputError):
        stored.add_actor(Actor("wg-1", "dup", ["x"]))
    with pytest.raises(gr.InvalidInputError):
        stored.open(CaseInput("event:9999", unit=JINYUAN), "wg-1", at(9, 28, 8))
    with pytest.raises(gr.NotFoundError):
        stored.open(CaseInput("event:0502", unit=JINYUAN), "nobody", at(9, 28, 8))
    with pytest.raises(TypeError):
        stored.take("C000001", 5, "wg-1", at(9, 28, 8))  # type: ignore[arg-type]
    assert stored.last_position == before
    stored.close()
    with pytest.raises(gr.InvalidInputError, match="already holds"):
        gs.StoredEngine.create(path, gr.Calendar.china())
    assert gs.StoredEngine.holds_engine(path)
    with pytest.raises(gr.FileError):
        gs.StoredEngine.load(tmp_path, gr.Calendar.china())  # a folder is not a store


def test_snapshots_are_a_droppable_cache(path: str) -> None:
    reference = gr.CaseEngine(gr.Calendar.china())
    setup(reference)
    first_day(reference)
    second_day(reference)
    with gs.StoredEngine.create(path, gr.Calendar.china()) as stored:
        setup(stored)
        first_day(stored)
        position = stored.save_snapshot()
        second_day(stored)
    assert gs.open(path).snapshot_position("case-engine") == position
    fast = gs.StoredEngine.load(path, gr.Calendar.china())
    assert fast.loaded_from_snapshot
    same(fast.to_engine(), reference)
    fast.close()
    assert gs.open(path).delete_snapshots() == 1
    slow = gs.StoredEngine.load(path, gr.Calendar.china())
    assert not slow.loaded_from_snapshot
    same(slow.to_engine(), reference)
    with pytest.raises(gr.InvalidInputError):
        slow.begin_batch()
        slow.save_snapshot()


def test_the_stored_engine_example_resumes_after_a_restart(tmp_path: pathlib.Path) -> None:
    import subprocess
    import sys

    script = pathlib.Path(__file__).resolve().parents[2] / "examples/python/stored_engine.py"
    runs = [subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, check=False)
            for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert "created cases.db" in runs[0].stdout
    assert "resumed from cases.db: 1 cases, 9 events (from a snapshot: True)" in runs[1].stdout
    assert "filed C000002: now in handle" in runs[1].stdout
    assert "waiting on 街道综合执法队: 2 cases" in runs[1].stdout
