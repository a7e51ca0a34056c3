#!/usr/bin/env python3
"""Compares grassroots' case engine with the Python `transitions` library on urban management cases.

One run measures, on the same cases (the urban management loop, ``grassroots.urban_management()``,
9 states and 9 transitions; cases filed on 锦苑社区 370502005066 across 2026 on China's working-day
calendar; every case taken through its seven stages, submit to evaluate):

* grassroots in C++: the Google Benchmark program ``grassroots_bench_workflow`` (preset ``bench``),
  run by this script in the same run; ``BM_UrbanLoop`` (seven stages), ``BM_UrbanLoopRework``
  (verify_fail and a second round, eleven transitions), ``BM_UrbanLoopJsonLines`` (with a JSON
  lines sink), and the sink alone, ``BM_JsonLinesSink`` (every event of the seven stages written again
  through one ``JsonLinesSink``), against its peer in the same program and run, ``BM_JsonLinesDom`` (an
  ``nlohmann::ordered_json`` document per event, what the sink did before), and ``BM_Replay`` (that
  record re-executed by ``CaseEngine::replay`` through the live checks, against ``BM_UrbanLoop``
  recording the same events). Its Google Benchmark JSON
  is written to benchmarks/results/workflow_cpp.json.
* the peer, ``transitions.Machine``: each case, a plain Python object, gets its own machine
  (``Machine(model=case, ..., auto_transitions=False, send_event=False)``); every transition has a
  guard (``conditions=``, a method of the model checking the time order, the actor's role and
  scope, the assigned unit for handling, separation of duties for verification, the required fields
  and a passed verification before closing) and an ``after=`` callback that records the duty,
  computes the deadline of the state entered (elapsed minutes, or working days on a table of the
  2026 working days precomputed from ``grassroots.Calendar.china()``, due at close of business) and
  appends the event (a tuple) to one list, plus an "assigned" event on dispatch. One shared machine
  with ``add_model`` per case is timed too, on fewer cases, for reference: ``add_model`` checks
  ``model in machine.models`` (a list), so filing grows with the square of the cases and the shared
  form is the slower one at 100,000 cases. The peer's deadlines are checked against grassroots'
  ``Deadline.due`` before timing.
* grassroots from Python, one ``CaseEngine.take`` call per transition, when the installed package
  has ``grassroots.CaseEngine``; otherwise this figure is skipped with a note.
* memory per case with its events: ``CaseEngine.memory_bytes() / cases`` (C++, and a glibc heap
  cross-check), against the Python heap held by the peer's cases, their machine bindings and their
  events, measured with tracemalloc (shared machine, the leaner form; one machine per case for
  reference).

Both sides are credited with seven transitions per case (eleven with rework); filing the case
(``open`` / creating the model and ``add_model``) is inside the timed region on both sides but not
counted as a transition. Ratios are grassroots speed / peer speed (for memory: peer bytes /
grassroots bytes), so higher is better. Targets (the issue): at least 1 million transitions per
second on one core and at least 100 times the peer.

    .venv/bin/python benchmarks/compare_workflow.py            # 100,000 cases, a few minutes
    .venv/bin/python benchmarks/compare_workflow.py --quick    # 10,000 cases, seconds
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

import numpy as np

import grassroots

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as common  # noqa: E402  (the helpers shared by the comparisons)

REPO = common.REPO
DEFAULT_OUT, QUICK_OUT, DEFAULT_CPP_OUT = common.result_paths("workflow")
DEFAULT_BINARY = REPO / "build" / "bench" / "benchmarks" / "grassroots_bench_workflow"

TARGET_TRANSITIONS_PER_SECOND = 1e6  # on one core
TARGET_RATIO = 100.0                 # x the transitions library
TARGET_SINK_SECONDS_PER_EVENT = 1e-6 # the JsonLinesSink alone, per event

UNIT = "370502005066"  # 锦苑社区, 胜利街道, 东营区
STREET = "370502005"
FIRST = dt.datetime(2026, 1, 1)  # CST wall clock (naive datetimes are China Standard Time in grassroots)
SPAN_MINUTES = 353 * 24 * 60     # 2026-01-01 ... 2026-12-19; every deadline stays in the 2026 schedule
STEP = 104729                    # prime: case i is filed at minute (i * STEP + 12345) mod SPAN_MINUTES

# The duties of the urban loop's transitions (as in builtin.cpp), for bindings that do not expose them.
DUTIES = {"dispatch": "dispatch", "complete": "handle", "verify_pass": "verify", "verify_fail": "verify"}

# (transition, actor, offset after filing, fields): the same stages and instants as workflow_bench.cpp.
M = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
STAGES = [
    ("submit", "supervisor", 10 * M, "submit"),
    ("accept", "commander", 20 * M, None),
    ("dispatch", "commander", 30 * M, "dispatch"),
    ("complete", "department", 24 * H, "complete"),
    ("report_back", "department", 24 * H + 5 * M, None),
]
FINISH = [
    ("verify_pass", "checker", 25 * H, None),
    ("evaluate", "checker", 25 * H + 10 * M, "evaluate"),
]
REWORK = [
    ("verify_fail", "checker", 25 * H, "verify_fail"),
    ("dispatch", "commander", 25 * H + 10 * M, "dispatch"),
    ("complete", "department", 48 * H, "complete"),
    ("report_back", "department", 48 * H + 5 * M, None),
    ("verify_pass", "checker", 49 * H, None),
    ("evaluate", "checker", 49 * H + 10 * M, "evaluate"),
]
FIELDS = {
    "submit": {"location": "东营区胜利街道锦苑社区", "category": "event:0502", "description": "占道经营"},
    "dispatch": {"department": "街道综合执法队"},
    "complete": {"result": "已劝离，恢复通行"},
    "verify_fail": {"reason": "现场仍有摊位"},
    "evaluate": {"rating": "满意"},
}
NO_FIELDS: dict[str, str] = {}


def plan(rework: bool) -> list[tuple[str, str, dt.timedelta, Optional[str]]]:
    return STAGES + (REWORK if rework else FINISH)


def filing_times(count: int) -> list[dt.datetime]:
    """Case i at minute (i * 104729 + 12345) mod 508,320 after 2026-01-01 00:00 CST (as the C++ program)."""
    return [FIRST + dt.timedelta(minutes=(i * STEP + 12345) % SPAN_MINUTES) for i in range(count)]


# ---- the peer: transitions ---------------------------------------------------------------------
class PeerActor:
    """An actor of the peer: id, roles, scope (a division code prefix, or None) and unit."""

    __slots__ = ("id", "roles", "scope", "unit")

    def __init__(self, id: str, roles: list[str], scope: Optional[str], unit: str = "") -> None:
        self.id = id
        self.roles = tuple(roles)
        self.scope = scope
        self.unit = unit


def peer_actors() -> dict[str, PeerActor]:
    return {
        "reporter": PeerActor("wg-1", ["grid_worker"], UNIT),
        "supervisor": PeerActor("sv-1", ["supervision_centre"], STREET),
        "checker": PeerActor("sv-2", ["supervision_centre"], None),
        "commander": PeerActor("cc-1", ["command_centre"], None),
        "department": PeerActor("dp-1", ["department"], None, "街道综合执法队"),
    }


class WorkingDays:
    """Working-day deadlines on a precomputed table: due at close of business of the n-th working day
    strictly after the start's date (grassroots' Deadline.working_days)."""

    def __init__(self, cal: grassroots.Calendar, first: dt.date, last: dt.date) -> None:
        days = np.arange(np.datetime64(first), np.datetime64(last) + 1, dtype="datetime64[D]")
        working = np.asarray(cal.is_working_day(days), dtype=bool)
        close = cal.working_hours.close
        close_time = (dt.time(close.seconds // 3600, close.seconds % 3600 // 60)
                      if isinstance(close, dt.timedelta) else close)
        self.days = [d.item() for d in days[working]]
        self.close = [dt.datetime.combine(d, close_time) for d in self.days]
        # For every date: index of the first working day strictly after it.
        self.after: dict[dt.date, int] = {}
        index = 0
        for d in (x.item() for x in days):
            while index < len(self.days) and self.days[index] <= d:
                index += 1
            self.after[d] = index

    def due(self, start: dt.datetime, n: int) -> dt.datetime:
        return self.close[self.after[start.date()] + n - 1]


def deadline_functions(definition: Any, working: WorkingDays) -> dict[str, Optional[Callable[[dt.datetime], dt.datetime]]]:
    """Per state id: a function from the entry instant to the due instant, or None."""
    out: dict[str, Optional[Callable[[dt.datetime], dt.datetime]]] = {}
    for state in definition.states:
        deadline = state.deadline
        if deadline is None or state.closed:
            out[state.id] = None
            continue
        kind = str(deadline.kind).split(".")[-1].lower()
        amount = int(deadline.amount)
        if kind == "elapsed":
            delta = dt.timedelta(minutes=amount)

            def elapsed(at: dt.datetime, delta: dt.timedelta = delta) -> dt.datetime:
                return at + delta
            out[state.id] = elapsed
        elif kind == "working_days":
            def working_days(at: dt.datetime, n: int = amount) -> dt.datetime:
                return working.due(at, n)
            out[state.id] = working_days
        else:
            raise SystemExit(f"state {state.id}: the peer has no {kind} deadlines")
    return out


class PeerCase:
    """One case of the peer; transitions adds its trigger methods and `state` attribute."""

    def __init__(self, number: int, unit: str, reporter: PeerActor, at: dt.datetime, log: list[tuple[Any, ...]]) -> None:
        self.number = number
        self.unit = unit
        self.reporter = reporter
        self.log = log
        self.opened_at = at
        self.entered_at = at
        self.updated_at = at
        self.due: Optional[dt.datetime] = None
        self.clock_started: Optional[dt.datetime] = None
        self.closed_at: Optional[dt.datetime] = None
        self.handler: Optional[PeerActor] = None
        self.verifier: Optional[PeerActor] = None
        self.handled = False
        self.verified = False
        self.assigned: Optional[str] = None
        self.taken = 0
        self.reworks = 0
        self.role = ""
        self.last_event = len(log)
        log.append((len(log), "opened", at, number, reporter.id, "", None, "collect", None, None, -1))


def define_peer_callbacks(definition: Any, dues: dict[str, Any]) -> list[dict[str, Any]]:
    """Adds guard_<t> and after_<t> methods to PeerCase; returns the transitions for Machine()."""
    closed = {s.id for s in definition.states if s.closed}
    starts_clock = {s.id for s in definition.states if s.starts_clock}
    specs = []
    for t in definition.transitions:
        tid, source, dest = t.id, t.from_state, t.to_state
        roles = frozenset(t.roles)
        required = tuple(t.required_fields)
        duty = str(getattr(t, "duty", DUTIES.get(tid, "none"))).split(".")[-1].lower()
        rework = bool(t.rework)
        to_closed = dest in closed
        due_of = dues[dest]
        clock = dest in starts_clock

        def guard(self: PeerCase, actor: PeerActor, at: dt.datetime, fields: dict[str, str],
                  roles: frozenset[str] = roles, required: tuple[str, ...] = required, duty: str = duty,
                  to_closed: bool = to_closed) -> bool:
            if at < self.updated_at:
                return False
            for role in actor.roles:
                if role in roles:
                    break
            else:
                return False
            if actor.scope is not None and not self.unit.startswith(actor.scope):
                return False
            if duty == "handle" and actor.unit and self.assigned is not None and actor.unit != self.assigned:
                return False
            if duty == "verify" and self.handler is actor:
                return False
            for name in required:
                if not fields.get(name):
                    return False
            if to_closed and self.handled and not self.verified:
                return False
            self.role = role
            return True

        def after(self: PeerCase, actor: PeerActor, at: dt.datetime, fields: dict[str, str], tid: str = tid,
                  source: str = source, dest: str = dest, duty: str = duty, rework: bool = rework,
                  to_closed: bool = to_closed, due_of: Any = due_of, clock: bool = clock) -> None:
            self.taken += 1
            if duty == "handle":
                self.handler = actor
                self.handled = True
                self.verified = False
            elif duty == "verify":
                self.verifier = actor
                self.verified = not rework
                if rework:
                    self.handled = False
            if rework:
                self.reworks += 1
            self.updated_at = self.entered_at = at
            if clock and self.clock_started is None:
                self.clock_started = at
            if to_closed:
                self.closed_at = at
                self.due = None
            else:
                self.due = due_of(at) if due_of is not None else None
            log = self.log
            seq = len(log)
            log.append((seq, "transition", at, self.number, actor.id, self.role, source, dest, tid,
                        dict(fields) if fields else None, self.last_event))
            self.last_event = seq
            if duty == "dispatch":
                self.assigned = fields["department"]
                log.append((seq + 1, "assigned", at, self.number, actor.id, self.role, dest, dest, None,
                            self.assigned, seq))
                self.last_event = seq + 1

        setattr(PeerCase, f"guard_{tid}", guard)
        setattr(PeerCase, f"after_{tid}", after)
        specs.append({"trigger": tid, "source": source, "dest": dest, "conditions": f"guard_{tid}",
                      "after": f"after_{tid}"})
    return specs


class Peer:
    def __init__(self, definition: Any, working: WorkingDays) -> None:
        from transitions import Machine

        self.Machine = Machine
        self.states = [s.id for s in definition.states]
        self.initial = definition.initial
        self.transitions = define_peer_callbacks(definition, deadline_functions(definition, working))
        self.actors = peer_actors()

    def machine(self, model: Any) -> Any:
        return self.Machine(model=model, states=self.states, transitions=self.transitions, initial=self.initial,
                            auto_transitions=False, send_event=False)

    def run(self, times: list[dt.datetime], stages: list[tuple[str, PeerActor, list[dt.datetime], dict[str, str]]],
            shared: bool) -> tuple[list[PeerCase], list[tuple[Any, ...]], float]:
        """Files a case per instant and takes every stage over all cases (stage by stage); returns the
        cases, the events and the CPU seconds spent filing."""
        start = time.thread_time()
        log: list[tuple[Any, ...]] = []
        reporter = self.actors["reporter"]
        cases = []
        if shared:
            machine = self.machine([])
            add = machine.add_model
            for i, at in enumerate(times):
                case = PeerCase(i, UNIT, reporter, at, log)
                add(case)
                cases.append(case)
        else:
            for i, at in enumerate(times):
                case = PeerCase(i, UNIT, reporter, at, log)
                self.machine(case)
                cases.append(case)
        filing = time.thread_time() - start
        for tid, actor, instants, fields in stages:
            for case, at in zip(cases, instants):
                getattr(case, tid)(actor, at, fields)
        return cases, log, filing


def peer_stages(actors: dict[str, Any], times: list[dt.datetime], rework: bool) -> list[tuple[str, Any, list[dt.datetime], dict[str, str]]]:
    """Per stage: transition, actor, the instants of every case and the fields (built before timing)."""
    return [(tid, actors[who], [t + offset for t in times], FIELDS[key] if key else NO_FIELDS)
            for tid, who, offset, key in plan(rework)]


def check_peer(cases: list[PeerCase], log: list[tuple[Any, ...]], rework: bool) -> dict[str, Any]:
    per_case = 11 if rework else 7
    closed = sum(1 for c in cases if getattr(c, "state") == "closed")  # the attribute transitions adds
    taken = sum(c.taken for c in cases)
    if closed != len(cases) or taken != per_case * len(cases):
        raise SystemExit(f"peer: {closed:,} of {len(cases):,} cases closed, {taken:,} transitions taken")
    return {"cases_closed": closed, "transitions": taken, "events": len(log)}


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(CPU seconds of this thread, wall seconds, result) of one call, the cyclic GC off inside it (as
    timeit and common.best_time do). CPU time is the figure: this machine may be shared, and
    the C++ side reports CPU time too (Google Benchmark's items_per_second)."""
    gc.collect()
    gc.disable()
    try:
        wall, cpu = time.perf_counter(), time.thread_time()
        result = fn()
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
    finally:
        gc.enable()
    return cpu, wall, result


def peer_timing(fn: Callable[[], tuple[list[PeerCase], list[tuple[Any, ...]], float]], rework: bool,
                repeat: int) -> dict[str, Any]:
    """Best (least CPU time) of `repeat` runs of the peer; the cases of every run are checked after its
    timing and dropped; returns the best run's CPU time, wall time, filing CPU time and counts."""
    best: Optional[dict[str, Any]] = None
    for _ in range(repeat):
        elapsed, wall, (cases, log, filing) = timed(fn)
        summary = {"time_s": elapsed, "wall_s": wall, "filing_s": filing, "cases": len(cases),
                   **check_peer(cases, log, rework)}
        del cases, log
        if best is None or elapsed < best["time_s"]:
            best = summary
    assert best is not None
    best["transitions_per_second"] = best["transitions"] / best["time_s"]
    best["transitions_only_per_second"] = best["transitions"] / (best["time_s"] - best["filing_s"])
    return best


# ---- grassroots from Python ----------------------------------------------------------------------
class GrassrootsPython:
    """grassroots.CaseEngine driven per call from Python, if the installed package has it."""

    def __init__(self) -> None:
        self.engine_class = getattr(grassroots, "CaseEngine", None)
        self.note = ""
        self.field_form: Callable[[dict[str, str]], Any] = lambda f: f

    def _actor(self, **kw: Any) -> Any:
        actor_class = getattr(grassroots, "Actor", None)
        if actor_class is not None:
            return actor_class(**kw)
        return kw

    def setup(self) -> Optional[tuple[Any, dict[str, Any], Any]]:
        if self.engine_class is None:
            self.note = ("grassroots.CaseEngine is not in the installed package (the Python bindings of the "
                         "case engine are not written yet): grassroots-from-Python figures skipped")
            return None
        engine = self.engine_class(grassroots.Calendar.china())
        engine.add_workflow(grassroots.urban_management())
        ids = {
            "reporter": engine.add_actor(self._actor(id="wg-1", name="网格员 张三", roles=["grid_worker"], scope=UNIT)),
            "supervisor": engine.add_actor(self._actor(id="sv-1", name="监督员 李四", roles=["supervision_centre"],
                                                       scope=STREET)),
            "checker": engine.add_actor(self._actor(id="sv-2", name="监督员 王五", roles=["supervision_centre"])),
            "commander": engine.add_actor(self._actor(id="cc-1", name="指挥中心", roles=["command_centre"])),
            "department": engine.add_actor(self._actor(id="dp-1", name="城管执法队员", roles=["department"],
                                                       unit="街道综合执法队")),
        }
        input_class = getattr(grassroots, "CaseInput", None)
        kw = {"matter": "event:0502", "workflow": "urban_management", "unit": UNIT, "description": "占道经营"}
        case_input = input_class(**kw) if input_class is not None else kw
        return engine, ids, case_input

    def probe(self) -> bool:
        """Runs one case untimed to find how fields are passed; False (with a note) when it fails."""
        try:
            made = self.setup()
            if made is None:
                return False
            engine, ids, case_input = made
            case = engine.open(case_input, ids["reporter"], FIRST)
            field_class = getattr(grassroots, "Field", None)
            forms: list[Callable[[dict[str, str]], Any]] = [lambda f: f, lambda f: list(f.items())]
            if field_class is not None:
                forms.insert(1, lambda f: [field_class(k, v) for k, v in f.items()])
            last: Optional[Exception] = None
            for form in forms:
                try:
                    engine.take(case, "submit", ids["supervisor"], FIRST + 10 * M, form(FIELDS["submit"]))
                    self.field_form = form
                    return True
                except TypeError as error:
                    last = error
            raise last if last else RuntimeError("no field form")
        except Exception as error:  # noqa: BLE001  (any mismatch of the API: skip with its message)
            self.note = f"grassroots.CaseEngine is present but the benchmark could not drive it: {error!r}"
            return False

    def run(self, times: list[dt.datetime], rework: bool, ids_stages: Any) -> Any:
        made = self.setup()
        assert made is not None
        engine, ids, case_input = made
        open_case = engine.open
        take = engine.take
        reporter = ids["reporter"]
        cases = [open_case(case_input, reporter, at) for at in times]
        for tid, actor, instants, fields in ids_stages(ids):
            for case, at in zip(cases, instants):
                take(case, tid, actor, at, fields)
        return engine

    def stages(self, times: list[dt.datetime], rework: bool) -> Callable[[dict[str, Any]], Any]:
        converted = {key: self.field_form(value) for key, value in FIELDS.items()}
        empty = self.field_form({})
        instants = {offset: [t + offset for t in times] for _, _, offset, _ in plan(rework)}

        def build(ids: dict[str, Any]) -> list[tuple[str, Any, list[dt.datetime], Any]]:
            return [(tid, ids[who], instants[offset], converted[key] if key else empty)
                    for tid, who, offset, key in plan(rework)]
        return build


# ---- the C++ program -----------------------------------------------------------------------------
def run_cpp(binary: Path, cases: int, out: Optional[Path], log: Callable[[str], None]) -> Optional[dict[str, Any]]:
    """Runs the Google Benchmark program; returns its figures (and writes its JSON to `out`)."""
    if not binary.is_file():
        log(f"no C++ program at {binary} (cmake --preset bench && cmake --build build/bench "
            "--target grassroots_bench_workflow): C++ figures skipped")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        target = out if out is not None else Path(tmp) / "workflow_cpp.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, GRASSROOTS_WORKFLOW_CASES=str(cases))
        log(f"running {binary.name} on {cases:,} cases")
        done = subprocess.run([str(binary), f"--benchmark_out={target}", "--benchmark_out_format=json"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stdout)
            raise SystemExit(f"{binary.name} failed with exit code {done.returncode}")
        data = json.loads(target.read_text(encoding="utf-8"))
    benchmarks: dict[str, dict[str, Any]] = {}
    for bench in data.get("benchmarks", []):
        if bench.get("run_type", "iteration") != "iteration":
            continue
        if bench.get("error_occurred"):
            raise SystemExit(f"{bench.get('name')}: {bench.get('error_message')}")
        name = bench.get("run_name", bench.get("name", "")).split("/")[0]
        benchmarks[name] = {key: bench[key] for key in
                            ("real_time", "cpu_time", "time_unit", "iterations", "items_per_second", "cases",
                             "transitions_per_case", "events_per_case", "memory_bytes_per_case",
                             "heap_bytes_per_case", "json_bytes_per_event", "filing_share",
                             "transitions_only_per_second", "events", "seconds_per_event") if key in bench}
    context = data.get("context", {})
    return {"benchmarks": benchmarks, "date": context.get("date"), "library_build_type": context.get("library_build_type"),
            "file": str(out.relative_to(REPO)) if out is not None and out.is_relative_to(REPO) else None}


# ---- the run -------------------------------------------------------------------------------------
def figure(name: str, value: Optional[float], unit: str, peer_value: Optional[float], data_size: int, *,
           higher_is_better: bool = True, **kwargs: Any) -> dict[str, Any]:
    """A figure of the JSON (common.figure) against transitions; no ratio while a side is missing."""
    ratio = None
    if value is not None and peer_value is not None and value > 0 and peer_value > 0:
        ratio = value / peer_value if higher_is_better else peer_value / value
    return common.figure(name, value, unit, peer_value, ratio, data_size,  # type: ignore[arg-type]
                         higher_is_better=higher_is_better, peer="transitions", **kwargs)


def seconds_per_event(bench: dict[str, Any]) -> Optional[float]:
    """CPU seconds per event of a sink benchmark: its seconds_per_event counter (CPU time), else cpu_time /
    events; None when the benchmark did not run."""
    if "seconds_per_event" in bench:
        return float(bench["seconds_per_event"])
    if "cpu_time" not in bench or not bench.get("events"):
        return None
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[bench.get("time_unit", "ns")]
    return float(bench["cpu_time"]) * scale / float(bench["events"])


def sink_figure(bench: dict[str, dict[str, Any]], n: int, measured: Optional[str], machine: str) -> dict[str, Any]:
    """The JsonLinesSink alone against an nlohmann document per event, both from the same C++ run."""
    sink, dom = bench.get("BM_JsonLinesSink", {}), bench.get("BM_JsonLinesDom", {})
    value, peer_value = seconds_per_event(sink), seconds_per_event(dom)
    ratio = peer_value / value if value and peer_value else None
    events = int(sink.get("events", dom.get("events", 0))) or None
    json_bytes = sink.get("json_bytes_per_event")
    size = f"{json_bytes:,.0f} bytes of JSON each" if json_bytes else "JSON"
    return common.figure(
        "Seconds per event, JsonLinesSink alone, C++", value, "s/event",  # type: ignore[arg-type]
        peer_value, ratio, events,  # type: ignore[arg-type]
        peer="nlohmann::ordered_json document per event (the sink before)",
        higher_is_better=False,
        grassroots_method=f"Google Benchmark BM_JsonLinesSink: every event of the record of {n:,} urban management "
                          f"cases taken through their seven stages ({events or 0:,} events, {size}) written again "
                          "through one JsonLinesSink to a counting, discarding stream; the sink serialises each "
                          "event straight into a buffer it reuses (CaseEngine::append_json_line) and writes it "
                          "with one call",
        peer_method="Google Benchmark BM_JsonLinesDom in the same program and run, on the same events: "
                    "CaseEngine::describe() into an EventRecord, an nlohmann::ordered_json document built from it "
                    "and dump()ed, written with its newline (what the sink did before; checked to write the same "
                    "bytes)",
        target=f"<= {TARGET_SINK_SECONDS_PER_EVENT * 1e6:g} us per event",
        met=None if value is None else bool(value <= TARGET_SINK_SECONDS_PER_EVENT),
        json_bytes_per_event=json_bytes, measured=measured, machine=machine,
        source="grassroots_bench_workflow (BM_JsonLinesSink, BM_JsonLinesDom), CPU time of the one thread")


def replay_figure(bench: dict[str, dict[str, Any]], n: int, measured: Optional[str], machine: str) -> dict[str, Any]:
    """Replay (every record re-executed through the live checks) against the live engine recording the same
    events, both from the same C++ run, in events per second of CPU time."""
    replay, loop = bench.get("BM_Replay", {}), bench.get("BM_UrbanLoop", {})
    value = replay.get("items_per_second")
    live = loop.get("items_per_second")
    per_case = loop.get("events_per_case", 9) / loop.get("transitions_per_case", 7)
    peer_value = live * per_case if live else None
    ratio = value / peer_value if value and peer_value else None
    return common.figure(
        "Events per second, replay through the live checks, C++", value, "events/s",  # type: ignore[arg-type]
        peer_value, ratio, int(replay.get("events", 0)) or n * 9,  # type: ignore[arg-type]
        peer="the live CaseEngine recording the same events (BM_UrbanLoop)",
        grassroots_method=f"Google Benchmark BM_Replay: the record of {n:,} urban management cases taken through "
                          "their seven stages, as EventRecords (decoding not timed), replayed into a fresh engine: "
                          "each record re-executed through open() / take() / the breach timers and compared with "
                          "the event it records",
        peer_method="Google Benchmark BM_UrbanLoop in the same program and run: open() and take() recording those "
                    "events live (items per second × events per transition)",
        target=">= 0.5 x the live engine (replay within 2x of live)",
        met=None if ratio is None else bool(ratio >= 0.5),
        measured=measured, machine=machine,
        source="grassroots_bench_workflow (BM_Replay, BM_UrbanLoop), CPU time of the one thread")


def machine_info() -> dict[str, Any]:
    import transitions

    info = common.peer_machine_info({"transitions": transitions.__version__}, numpy=False)
    info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return info


def run(args: argparse.Namespace) -> dict[str, Any]:
    log = common.progress(args)
    machine = machine_info()
    definition = grassroots.urban_management()
    cal = grassroots.Calendar.china()
    working = WorkingDays(cal, dt.date(2025, 12, 1), dt.date(2026, 12, 28))
    peer = Peer(definition, working)
    n = args.cases

    # (a) C++, in the same run.
    cpp = None if args.no_cpp else run_cpp(args.cpp_binary, n, None if args.quick else args.cpp_out, log)

    # The peer's deadlines against grassroots' own (untimed): every state's due instant for every case.
    times = filing_times(n)
    dues = deadline_functions(definition, working)
    checked = 0
    for state in definition.states:
        due_of, deadline = dues[state.id], state.deadline
        if due_of is None or deadline is None:
            continue
        for t in times[:args.check_cases]:
            ours = deadline.due(cal, t).replace(tzinfo=None)
            if due_of(t) != ours:
                raise SystemExit(f"peer deadline of {state.id} from {t}: {due_of(t)}, grassroots {ours}")
            checked += 1
    log(f"peer deadlines equal grassroots' Deadline.due for {checked:,} (state, instant) pairs")

    # (b) the transitions library.
    results: dict[str, Any] = {}
    for rework in (False, True):
        label = "rework" if rework else "seven"
        stages = peer_stages(peer.actors, times, rework)
        results[f"per_model_{label}"] = peer_timing(lambda: peer.run(times, stages, shared=False), rework,
                                                   args.repeat)
        log(f"transitions, one machine per case, {label}: {results[f'per_model_{label}']['time_s']:.2f} s "
            f"({results[f'per_model_{label}']['transitions_per_second']:,.0f} transitions/s)")
    shared_n = min(n, args.shared_cases)
    stages = peer_stages(peer.actors, times[:shared_n], False)
    results["shared_seven"] = peer_timing(lambda: peer.run(times[:shared_n], stages, shared=True), False,
                                          args.repeat)
    log(f"transitions, one shared machine (add_model), seven, {shared_n:,} cases: "
        f"{results['shared_seven']['time_s']:.2f} s ({results['shared_seven']['transitions_per_second']:,.0f} "
        "transitions/s)")
    memory_n = min(n, args.memory_cases)
    memory: dict[str, float] = {}
    stages = peer_stages(peer.actors, times[:memory_n], False)
    for form, shared in (("shared", True), ("per_model", False)):
        held, kept = common.traced_bytes(lambda: peer.run(times[:memory_n], stages, shared=shared))
        memory[form] = held / memory_n
        memory[f"{form}_events_per_case"] = len(kept[1]) / memory_n
        del kept
        log(f"transitions memory, {form}: {memory[form]:,.0f} bytes per case with its events ({memory_n:,} cases)")

    # (c) grassroots from Python.
    py = GrassrootsPython()
    py_results: dict[str, Any] = {}
    if py.probe():
        for rework in (False, True):
            label = "rework" if rework else "seven"
            build = py.stages(times, rework)
            runs = []
            for _ in range(args.repeat):
                cpu, wall, engine = timed(lambda: py.run(times, rework, build))
                runs.append((cpu, wall))
                closed = sum(1 for i in range(n) if engine.state_id(i) == "closed")
                if closed != n:
                    raise SystemExit(f"grassroots from Python: {closed:,} of {n:,} cases closed")
            elapsed, wall = min(runs)
            entry: dict[str, Any] = {"time_s": elapsed, "wall_s": wall, "cases_closed": closed}
            if hasattr(engine, "memory_bytes"):
                engine_bytes = engine.memory_bytes() if callable(engine.memory_bytes) else engine.memory_bytes
                entry["memory_bytes_per_case"] = engine_bytes / n
            py_results[label] = entry
            del engine
            log(f"grassroots from Python, {label}: {elapsed:.2f} s ({n * (11 if rework else 7) / elapsed:,.0f} "
                "transitions/s)")
    else:
        log(py.note)

    # Figures. The peer is one machine per case: a shared machine's add_model checks `model in
    # self.models` (a list), so filing is quadratic in the cases (see the reference figure).
    per_model_form = ("one Machine(model=case, states, transitions, initial='collect', auto_transitions=False, "
                      "send_event=False) per case")
    shared_form = ("one shared Machine(model=[], ..., auto_transitions=False, send_event=False), each case added "
                   "with add_model")
    callbacks = ("; per transition a guard (conditions=: time order, role, scope, assigned unit, separation of "
                 "duties, required fields, verification before closing) and an after= callback (duty, deadline of "
                 "the state entered on a precomputed 2026 working-day table, event tuple appended to one list, "
                 "'assigned' event on dispatch), both methods of the model; filing (model object and its machine "
                 "binding) in the timed region")
    seven, rework = results["per_model_seven"], results["per_model_rework"]
    shared = results["shared_seven"]
    bench = (cpp or {}).get("benchmarks", {})
    loop = bench.get("BM_UrbanLoop", {})
    cpp_seven = loop.get("items_per_second")
    cpp_method = ("C++ CaseEngine: open() per case and take() per transition (fields copied from a prebuilt vector "
                  "per call), stage by stage over all cases, one thread; Google Benchmark BM_UrbanLoop")
    speed_met = None if cpp_seven is None else bool(cpp_seven >= TARGET_TRANSITIONS_PER_SECOND)
    ratio_met = None if cpp_seven is None else bool(cpp_seven / seven["transitions_per_second"] >= TARGET_RATIO)
    figures = [
        figure("Transitions per second, seven stages, C++", cpp_seven, "transitions/s",
               seven["transitions_per_second"], n, grassroots_method=cpp_method,
               peer_method=per_model_form + callbacks,
               target=f">= {TARGET_TRANSITIONS_PER_SECOND / 1e6:g} M transitions/s on one core and >= "
                      f"{TARGET_RATIO:g}x transitions",
               met=None if cpp_seven is None else bool(speed_met and ratio_met),
               speed_target_met=speed_met, ratio_target_met=ratio_met,
               value_wall=None if cpp_seven is None else cpp_seven * loop["cpu_time"] / loop["real_time"],
               peer_value_wall=seven["transitions"] / seven["wall_s"]),
        figure("Transitions per second, with a rework loop, C++", bench.get("BM_UrbanLoopRework", {}).get(
               "items_per_second"), "transitions/s", rework["transitions_per_second"], n,
               grassroots_method=cpp_method.replace("BM_UrbanLoop", "BM_UrbanLoopRework") + "; eleven transitions",
               peer_method=per_model_form + callbacks + "; the same eleven transitions"),
        figure("Transitions per second, seven stages, C++, filing excluded", loop.get("transitions_only_per_second"),
               "transitions/s", seven["transitions_only_per_second"], n,
               grassroots_method=cpp_method + "; time of the open() calls taken out (counter "
                                              f"transitions_only_per_second; filing was {loop.get('filing_share', 0):.1%} "
                                              "of the time)",
               peer_method=per_model_form + callbacks + "; time of creating the models and their machines taken "
                                                        f"out (filing was {seven['filing_s'] / seven['time_s']:.1%} "
                                                        "of the time)"),
        figure("Transitions per second, seven stages, C++ with a JsonLinesSink",
               bench.get("BM_UrbanLoopJsonLines", {}).get("items_per_second"), "transitions/s",
               seven["transitions_per_second"], n,
               grassroots_method=cpp_method.replace("BM_UrbanLoop", "BM_UrbanLoopJsonLines")
               + "; every event also written as a JSON line (to a discarding stream)",
               peer_method=per_model_form + callbacks + " (no serialisation)"),
    ]
    if py_results:
        py_method = "grassroots.CaseEngine open / take from Python, one call per case and per transition"
        figures.append(figure("Transitions per second, seven stages, grassroots from Python",
                              n * 7 / py_results["seven"]["time_s"], "transitions/s", seven["transitions_per_second"],
                              n, grassroots_method=py_method, peer_method=per_model_form + callbacks))
        figures.append(figure("Transitions per second, with a rework loop, grassroots from Python",
                              n * 11 / py_results["rework"]["time_s"], "transitions/s",
                              rework["transitions_per_second"], n, grassroots_method=py_method,
                              peer_method=per_model_form + callbacks + "; the same eleven transitions"))
    cpp_memory = loop.get("memory_bytes_per_case")
    memory_method = ("CaseEngine::memory_bytes() / cases after the seven stages, C++ (capacity-based: case states, "
                     "events, details, inputs, timers); glibc heap cross-check "
                     f"{loop.get('heap_bytes_per_case', 0):,.0f} bytes per case")
    figures.append(figure("Memory per case with its events", cpp_memory, "bytes", memory["shared"], n,
                          higher_is_better=False, grassroots_method=memory_method,
                          peer_method=f"tracemalloc: Python heap held by {memory_n:,} cases after the seven stages, "
                                      f"{shared_form} (the leaner form): model objects with their machine bindings "
                                      "and their event tuples",
                          peer_cases=memory_n, peer_events_per_case=memory["shared_events_per_case"]))
    figures.append(figure("Memory per case with its events, one machine per case (reference)", cpp_memory, "bytes",
                          memory["per_model"], n, higher_is_better=False, grassroots_method=memory_method,
                          peer_method=f"tracemalloc, as above, {per_model_form}", peer_cases=memory_n))
    figures.append(figure("Transitions per second, seven stages, against a shared machine (reference)", cpp_seven,
                          "transitions/s", shared["transitions_per_second"], n, grassroots_method=cpp_method,
                          peer_method=shared_form + callbacks + f"; on the first {shared_n:,} cases only: add_model "
                                      "checks `model in machine.models`, a list, so filing grows with the square of "
                                      f"the cases (filing was {shared['filing_s'] / shared['time_s']:.1%} of the time)",
                          peer_cases=shared_n))
    if "BM_JsonLinesSink" in bench:
        figures.append(sink_figure(bench, n, (cpp or {}).get("date"), machine["summary"]))
    if "BM_Replay" in bench:
        figures.append(replay_figure(bench, n, (cpp or {}).get("date"), machine["summary"]))
    return {
        "benchmark": "workflow",
        "quick": args.quick,
        "machine": machine,
        "data_size": {
            "cases": n,
            "transitions_per_case": 7,
            "transitions_per_case_with_rework": 11,
            "events_per_case": 9,
            "loop": f"{definition.id} v{definition.version}: {len(definition.states)} states, "
                    f"{len(definition.transitions)} transitions",
            "unit": f"{UNIT} (锦苑社区)",
            "filed": "case i at minute (i * 104729 + 12345) mod 508,320 after 2026-01-01 00:00 CST "
                     "(2026-01-01 ... 2026-12-19, holidays included)",
            "calendar": "grassroots.Calendar.china() (2026 State Council notice)",
        },
        "settings": {"repeat": args.repeat, "shared_cases": shared_n, "memory_cases": memory_n,
                     "timing": "rates per second of CPU time of the running thread (one core): Python best of "
                               "repeats by time.thread_time (wall time by time.perf_counter kept as wall_s), "
                               "cyclic GC off inside the timed call; C++ Google Benchmark items_per_second (CPU "
                               "time; real_time is wall time), min time 2 s per benchmark"},
        "checks": {"peer_deadlines_equal_grassroots": checked, "peer_runs": results,
                   "peer_memory_bytes_per_case": memory},
        "figures": figures,
        "cpp": cpp,
        "grassroots_python": py_results or {"skipped": py.note},
    }


def format_value(value: Optional[float], unit: str) -> str:
    if value is None:
        return "-"
    if unit == "transitions/s":
        return f"{common.significant(value / 1e6)} M/s" if value >= 1e5 else f"{value:,.0f} /s"
    if unit == "s/event":
        return f"{common.significant(value * 1e6)} us/event"
    return f"{value:,.0f} B"


def print_table(result: dict[str, Any]) -> None:
    data = result["data_size"]
    print(f"\ncase engine vs transitions: {data['cases']:,} cases, {data['loop']}")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    rows = [("Figure", "grassroots", "transitions", "ratio", "target")]
    for f in result["figures"]:
        ratio = "-" if f["ratio"] is None else f"{common.significant(f['ratio'])}x"
        rows.append((f["figure"], format_value(f["value"], f["unit"]), format_value(f["peer_value"], f["unit"]),
                     ratio, common.target_cell(f)))
    common.print_rows(rows, left=(0, 4))
    print("rates per second of CPU time on one core; ratio: grassroots speed / transitions speed; for memory "
          "transitions bytes / grassroots bytes.")
    if any(f["unit"] == "s/event" for f in result["figures"]):
        print("the JsonLinesSink row's peer is an nlohmann document per event (BM_JsonLinesDom, same C++ run); "
              "ratio: peer time / grassroots time.")
    if "skipped" in result["grassroots_python"]:
        print(f"note: {result['grassroots_python']['skipped']}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = common.comparison_parser(__doc__)
    parser.add_argument("--cases", type=int, default=None, help="cases (default 100,000; 10,000 with --quick)")
    parser.add_argument("--shared-cases", type=int, default=20_000,
                        help="cases for the shared-machine reference form, whose filing is quadratic (default "
                             "%(default)s)")
    parser.add_argument("--memory-cases", type=int, default=20_000,
                        help="cases for the peer's tracemalloc memory figure (default %(default)s)")
    parser.add_argument("--check-cases", type=int, default=100_000,
                        help="filing instants whose peer deadlines are checked against grassroots (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per Python figure, best kept (default 3)")
    parser.add_argument("--cpp-binary", type=Path, default=DEFAULT_BINARY,
                        help=f"the Google Benchmark program (default {DEFAULT_BINARY.relative_to(REPO)})")
    parser.add_argument("--cpp-out", type=Path, default=DEFAULT_CPP_OUT,
                        help=f"where its JSON goes (default {DEFAULT_CPP_OUT.relative_to(REPO)}; a temporary file "
                             "with --quick)")
    parser.add_argument("--no-cpp", action="store_true", help="do not run the C++ program")
    common.add_output_options(parser, DEFAULT_OUT, QUICK_OUT, "smoke run on 10,000 cases")
    args = parser.parse_args(argv)
    if args.cases is None:
        args.cases = 10_000 if args.quick else 100_000
    if args.quick:
        args.shared_cases = min(args.shared_cases, 10_000)
        args.memory_cases = min(args.memory_cases, 2_000)
    if args.cases < 1 or args.repeat < 1:
        parser.error("--cases and --repeat must be at least 1")
    return common.finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
