"""Who may do what (issue 14): every mutating operation of the case engine and of the dual ledger
against a matrix of actors × scopes × roles (active or deactivated), the person behind actors,
identifier normalisation and the bounded trace of refusals. Mirrors
tests/cpp/workflow/permissions_test.cpp.

The operations come from one table per class. test_every_public_method_is_classified fails when
CaseEngine or DualLedger gains a public method that no table names, so a new mutating API cannot be
left out of the matrix by accident."""

from __future__ import annotations

import datetime as dt
import csv
import io
import itertools
import pathlib
from typing import Callable, NamedTuple, Optional

import pytest

import grassroots as gr
import grassroots.store as gs
from grassroots import Actor, CaseEngine, CaseInput, DualLedger, EngineOptions

JINYUAN = "370502005066"  # 锦苑社区, 东营区
DISTRICT = "370502"  # 东营区: the engine's jurisdiction
NEXT_DOOR = "370502005001"  # another community of the same street
HEKOU = "370503001001"  # a community of 河口区, another county
CST = dt.timezone(dt.timedelta(hours=8))
SUBMIT = {"location": "x", "category": "y", "description": "z"}
D = dt.date


def at(day: int, hour: int) -> dt.datetime:
    """An aware instant in October 2026, China Standard Time."""
    return dt.datetime(2026, 10, day, hour, tzinfo=CST)


# ---- the tables: every public method, classified ---------------------------------------------------

#: Operations an actor takes on cases: each runs through the matrix below.
ENGINE_ACTOR_OPERATIONS = {"open", "take", "reopen"}
#: Setup by whoever runs the engine (not by actors on cases): tested for normalisation and revocation.
ENGINE_SETUP = {
    "add_workflow", "set_divisions", "set_grid_map", "set_catalogue", "set_responsibilities",
    "add_actor", "change_actor", "deactivate_actor", "add_holiday_notice",
}
#: Changes made by the engine's clock (no actor).
ENGINE_CLOCK = {"advance"}
#: Rebuilding from a record: replay re-applies the live checks (tests of replay).
ENGINE_RECORD = {"replay"}
#: Callbacks: they change nothing of the engine's cases.
ENGINE_OBSERVERS = {"subscribe", "unsubscribe"}
#: Reads.
ENGINE_QUERIES = {
    "actor", "actors", "assignment", "available", "calendar", "case_number", "cases", "catalogue", "describe",
    "divisions", "due_before", "event_records", "events", "events_frame", "events_of", "find_actor", "find_case",
    "grid_map", "input", "is_active", "memory_bytes", "next_timer", "open311", "options", "parse_json_lines",
    "registry", "responsibilities", "role_name", "state", "state_id", "to_json_line", "to_json_lines", "to_open311",
    "to_pandas", "unrecorded_refusals", "work_list", "workflow", "workflows",
}

#: Operations an actor takes on the ledger: each runs through the ledger matrix below.
LEDGER_ACTOR_OPERATIONS = {
    "add_problem", "add_measure", "link", "unlink", "start", "complete", "reopen_measure", "verify", "strike_off",
    "reopen_problem", "raise_from_case", "raise_from_decision",
}
#: Reading and writing tables, and the refusal trace's setting.
LEDGER_IO = {"parse_csv", "read_csv", "write_csv", "refusal_limit"}
LEDGER_QUERIES = {
    "blocking_measures", "find_measure", "find_problem", "history_csv", "history_frame", "links_csv", "links_frame",
    "measure", "measures", "measures_csv", "measures_frame", "measures_without_problems", "overdue_measures",
    "overdue_problems", "problem", "problems", "problems_csv", "problems_frame", "problems_without_measures",
    "refusals", "refusals_dropped", "report",
}


#: The stored engine: the same actor operations, delegated to its CaseEngine (so the same checks), then stored.
STORED_ACTOR_OPERATIONS = {"open", "take", "reopen"}
STORED_SETUP = {
    "add_workflow", "set_catalogue", "set_responsibilities", "add_actor", "change_actor", "deactivate_actor",
    "add_holiday_notice",
}
STORED_CLOCK = {"advance"}
STORED_LIFECYCLE = {"create", "load", "load_or_create", "holds_engine", "close", "begin_batch", "commit_batch", "save_snapshot"}
STORED_QUERIES = {
    "actor", "broken", "due_before", "event_count", "find_actor", "is_active", "last_position", "loaded_from_snapshot",
    "next_timer", "path", "pending", "state", "to_engine", "to_json_lines", "work_list",
}


def public_names(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


@pytest.mark.parametrize(
    ("cls", "tables"),
    [
        (CaseEngine, [ENGINE_ACTOR_OPERATIONS, ENGINE_SETUP, ENGINE_CLOCK, ENGINE_RECORD, ENGINE_OBSERVERS, ENGINE_QUERIES]),
        (DualLedger, [LEDGER_ACTOR_OPERATIONS, LEDGER_IO, LEDGER_QUERIES]),
        (gs.StoredEngine, [STORED_ACTOR_OPERATIONS, STORED_SETUP, STORED_CLOCK, STORED_LIFECYCLE, STORED_QUERIES]),
    ],
)
def test_every_public_method_is_classified(cls: type, tables: list[set[str]]) -> None:
    classified = set().union(*tables)
    assert sum(len(t) for t in tables) == len(classified), "a method is in two tables"
    unclassified = public_names(cls) - classified
    assert not unclassified, f"classify {sorted(unclassified)} of {cls.__name__} in test_permissions.py (and test it)"
    assert not classified - public_names(cls), f"{sorted(classified - public_names(cls))} are gone"


# ---- the engine matrix ------------------------------------------------------------------------------------

ROLES = {"right": None, "visitor": ["visitor"], "resident": ["resident"]}  # None: the role the operation needs
SCOPES = {"case": JINYUAN, "next_door": NEXT_DOOR, "other_county": HEKOU, "none": None}
NEEDED_ROLE = {"open": "grid_worker", "take": "supervision_centre", "reopen": "grid_worker"}


class Profile(NamedTuple):
    operation: str
    role: str
    scope: str
    active: bool

    def expected(self) -> bool:
        """What the rules say: whether the profile may take the operation on a case in 锦苑社区."""
        if not self.active:
            return False
        if self.role == "visitor":
            return False
        if self.role == "resident":  # files (and reopens) anywhere in the jurisdiction, takes no urban transition
            return self.operation in ("open", "reopen")
        return self.scope in ("case", "none")  # none = the jurisdiction (东营区), which holds the case


PROFILES = [Profile(*p) for p in itertools.product(sorted(ENGINE_ACTOR_OPERATIONS), ROLES, SCOPES, (True, False))]


def urban_case(unit: str = JINYUAN) -> CaseInput:
    return CaseInput("event:0502", workflow="urban_management", unit=unit, description="占道经营")


def engine_with_staff() -> tuple[CaseEngine, int, int, int]:
    """An engine serving 东营区 with the urban loop, a grid worker, the centres and a department."""
    engine = CaseEngine(gr.Calendar.china(), EngineOptions(jurisdiction=DISTRICT))
    engine.add_workflow(gr.urban_management())
    reporter = engine.add_actor(Actor("wg-1", "网格员", ["grid_worker"], scope=JINYUAN))
    centre = engine.add_actor(Actor("cc-1", "指挥中心", ["command_centre", "supervision_centre"]))
    department = engine.add_actor(Actor("dp-1", "执法队员", ["department"], unit="街道综合执法队"))
    return engine, reporter, centre, department


def handled_case(engine: CaseEngine, reporter: int, centre: int, department: int) -> str:
    """A case filed, dispatched, handled and reported back: waiting for verification."""
    case = engine.open(urban_case(), reporter, at(12, 9))
    engine.take(case, "submit", centre, at(12, 10), SUBMIT)
    engine.take(case, "accept", centre, at(12, 10))
    engine.take(case, "dispatch", centre, at(12, 11), {"department": "街道综合执法队"})
    engine.take(case, "complete", department, at(12, 14), {"result": "done"})
    engine.take(case, "report_back", department, at(12, 14))
    return case


def closed_case(engine: CaseEngine, reporter: int, centre: int, department: int) -> str:
    case = handled_case(engine, reporter, centre, department)
    engine.take(case, "verify_pass", centre, at(12, 15))
    engine.take(case, "evaluate", centre, at(12, 15), {"rating": "满意"})
    return case


def arrange(profile: Profile) -> tuple[CaseEngine, int, Callable[[], object]]:
    """An engine, the profile's actor, and the call of its operation."""
    engine, reporter, centre, department = engine_with_staff()
    roles = ROLES[profile.role] or [NEEDED_ROLE[profile.operation]]
    actor = Actor("who", "matrix actor", ["grid_worker"], scope=JINYUAN)
    me = engine.add_actor(actor)
    if profile.operation == "reopen":  # the actor files and closes a case, then its post changes
        case = closed_case(engine, me, centre, department)
        call: Callable[[], object] = lambda: engine.reopen(case, me, at(13, 9))
    elif profile.operation == "take":
        case = engine.open(urban_case(), reporter, at(12, 9))
        call = lambda: engine.take(case, "submit", me, at(12, 10), SUBMIT)
    else:
        call = lambda: engine.open(urban_case(), me, at(12, 9))
    engine.change_actor(Actor("who", "matrix actor", roles, scope=SCOPES[profile.scope]))
    if not profile.active:
        engine.deactivate_actor(me)
    return engine, me, call


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: "-".join(map(str, p)))
def test_every_actor_operation_against_roles_scopes_and_activity(profile: Profile) -> None:
    engine, _, call = arrange(profile)
    before = (len(engine), len(engine.events))
    states = [engine.state(c) for c in range(len(engine))]
    if profile.expected():
        call()
        assert len(engine.events) > before[1]
        return
    expected_error = gr.RuleViolationError if not profile.active else gr.PermissionDeniedError
    with pytest.raises(expected_error):
        call()
    assert len(engine) == before[0]
    # A refusal on a case is recorded (a deactivated actor and a refused filing change nothing at all).
    recorded = profile.active and profile.operation != "open"
    assert len(engine.events) == before[1] + (1 if recorded else 0)
    if recorded:
        assert engine.events[-1].kind == gr.EventKind.REFUSED
    assert [engine.state(c).state for c in range(len(engine))] == [s.state for s in states]


def test_the_matrix_allows_and_refuses_each_operation() -> None:
    for operation in ENGINE_ACTOR_OPERATIONS:
        outcomes = {p.expected() for p in PROFILES if p.operation == operation}
        assert outcomes == {True, False}, operation


# ---- the person behind actors ---------------------------------------------------------------------------


def test_one_person_with_two_actors_may_not_handle_and_verify_the_same_case() -> None:
    engine, reporter, centre, department = engine_with_staff()
    engine.change_actor(Actor("dp-1", "执法队员", ["department"], unit="街道综合执法队", person="zhang"))
    second = engine.add_actor(Actor("sv-7", "张 (监督)", ["supervision_centre"], person=" zhang\u3000"))
    assert engine.actor(second).person == "zhang"
    assert engine.actor(reporter).person == "wg-1"  # default: the actor id
    case = handled_case(engine, reporter, centre, department)
    with pytest.raises(gr.PermissionDeniedError, match=r"person 'zhang' \(actor 'sv-7', handler as 'dp-1'\)"):
        engine.take(case, "verify_pass", second, at(12, 15))
    assert engine.state_id(case) == "verify"
    engine.take(case, "verify_pass", centre, at(12, 15))


def test_an_actor_without_scope_needs_a_jurisdiction() -> None:
    engine = CaseEngine(gr.Calendar.china())
    engine.add_workflow(gr.urban_management())
    anywhere = engine.add_actor(Actor("wg-1", "网格员", ["grid_worker"]))
    with pytest.raises(gr.PermissionDeniedError, match="no scope and the engine no jurisdiction"):
        engine.open(urban_case(), anywhere, at(12, 9))
    assert len(engine) == 0
    county = CaseEngine(gr.Calendar.china(), EngineOptions(jurisdiction=DISTRICT))
    county.add_workflow(gr.urban_management())
    wide = county.add_actor(Actor("wg-1", "网格员", ["grid_worker"], scope="37"))
    with pytest.raises(gr.InvalidInputError, match="outside the engine's jurisdiction 370502"):
        county.open(urban_case(HEKOU), wide, at(12, 9))


# ---- identifiers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["dp-1 ", " dp-1", "dp-1\u3000", "\uff44\uff50\uff0d\uff11", "dp-1\u00a0"])
def test_other_spellings_of_an_id_are_the_same_actor(spelling: str) -> None:
    engine, _, _, department = engine_with_staff()
    assert engine.find_actor(spelling) == department
    with pytest.raises(gr.InvalidInputError, match="'dp-1' is already registered"):
        engine.add_actor(Actor(spelling, "again", ["department"]))
    assert len(engine.actors) == 3


@pytest.mark.parametrize("bad", ["dp\u202e-1", "dp-1\n", "dp\u200b-1", "dp\x00-1", "\ufeffdp-1"])
def test_ids_with_control_or_bidi_characters_are_refused(bad: str) -> None:
    engine, *_ = engine_with_staff()
    with pytest.raises(gr.InvalidInputError, match=r"character U\+"):
        engine.add_actor(Actor(bad, "x", ["department"]))
    with pytest.raises(gr.InvalidInputError):
        engine.add_actor(Actor("ok", "x", [bad]))
    assert engine.find_actor(bad) is None
    assert len(engine.actors) == 3
    with pytest.raises(gr.InvalidInputError, match="field holds"):
        gr.normalize_identifier(bad, "field")


def test_roles_units_and_grids_are_normalised() -> None:
    engine, *_ = engine_with_staff()
    me = engine.add_actor(Actor(" dp-2", "x", ["\uff44epartment "], unit=" 街道综合执法队\u3000"))
    actor = engine.actor(me)
    assert (actor.id, actor.roles, actor.unit, actor.person) == ("dp-2", ["department"], "街道综合执法队", "dp-2")
    assert gr.normalize_identifier("\uff13\uff17\uff10\uff15\uff10\uff12") == "370502"
    assert gr.RESIDENT_ROLE == "resident"


def test_the_stored_engine_keeps_the_person_and_the_jurisdiction(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "engine.db"
    options = EngineOptions(jurisdiction=DISTRICT, filing_roles=["grid_worker", "patrol"], recorded_refusals_per_case=7)
    with gs.StoredEngine.create(path, gr.Calendar.china(), options) as stored:
        stored.add_workflow(gr.urban_management())
        stored.add_actor(Actor(" dp-1\u3000", "执法队员", ["department"], person="zhang"))
    again = gs.StoredEngine.load(path, gr.Calendar.china())
    actor = again.actor("dp-1")
    assert (actor.id, actor.person) == ("dp-1", "zhang")
    engine = again.to_engine()
    assert engine.options.jurisdiction == gr.DivisionCode(DISTRICT)
    assert engine.options.filing_roles == ["grid_worker", "patrol"]
    assert engine.options.recorded_refusals_per_case == 7
    again.close()


@pytest.mark.parametrize("operation", sorted(STORED_ACTOR_OPERATIONS))
def test_the_stored_engine_refuses_what_the_engine_refuses_and_stores_nothing_more(operation: str, tmp_path: pathlib.Path) -> None:
    with gs.StoredEngine.create(tmp_path / "engine.db", gr.Calendar.china(), EngineOptions(jurisdiction=DISTRICT)) as stored:
        stored.add_workflow(gr.urban_management())
        stored.add_actor(Actor("wg-1", "网格员", ["grid_worker"], scope=JINYUAN))
        stored.add_actor(Actor("cc-1", "中心", ["command_centre", "supervision_centre"]))
        stored.add_actor(Actor("dp-1", "执法队员", ["department"], unit="街道综合执法队"))
        stored.add_actor(Actor("v-1", "访客", ["visitor"], scope=JINYUAN))
        case = stored.open(urban_case(), "wg-1", at(12, 9))
        if operation == "reopen":
            for transition, who, fields in [("submit", "cc-1", SUBMIT), ("accept", "cc-1", {}),
                                            ("dispatch", "cc-1", {"department": "街道综合执法队"}),
                                            ("complete", "dp-1", {"result": "done"}), ("report_back", "dp-1", {}),
                                            ("verify_pass", "cc-1", {}), ("evaluate", "cc-1", {"rating": "满意"})]:
                stored.take(case, transition, who, at(12, 15), fields)
        events = stored.event_count
        calls = {
            "open": lambda: stored.open(urban_case(), "v-1", at(13, 9)),
            "take": lambda: stored.take(case, "submit", "v-1", at(13, 9), SUBMIT),
            "reopen": lambda: stored.reopen(case, "v-1", at(13, 9)),
        }
        with pytest.raises(gr.PermissionDeniedError):
            calls[operation]()
        assert stored.event_count == events + (0 if operation == "open" else 1)  # only the recorded refusal


# ---- refusals are recorded, within bounds ------------------------------------------------------------------


def test_refusals_recorded_per_case_are_bounded_and_the_rest_counted() -> None:
    engine = CaseEngine(gr.Calendar.china(), EngineOptions(jurisdiction=DISTRICT, recorded_refusals_per_case=3))
    engine.add_workflow(gr.urban_management())
    reporter = engine.add_actor(Actor("wg-1", "网格员", ["grid_worker"], scope=JINYUAN))
    case = engine.open(urban_case(), reporter, at(12, 9))
    for _ in range(10):
        with pytest.raises(gr.PermissionDeniedError):
            engine.take(case, "submit", reporter, at(12, 10), SUBMIT)
    assert engine.state(case).refusals == 3
    assert len(engine.events) == 4
    assert engine.unrecorded_refusals() == 7


# ---- the ledger matrix --------------------------------------------------------------------------------------

#: Spellings of the closer "李娜" that must all be the same person.
CLOSER_SPELLINGS = ["李娜", "李娜 ", "\u3000李娜", "李娜\u00a0"]


def ledger_ready_to_verify() -> tuple[DualLedger, int, int]:
    ledger = DualLedger()
    problem = ledger.add_problem("挂牌多", D(2024, 3, 1), D(2024, 6, 30), "专班", division="370502")
    measure = ledger.add_measure("清理挂牌", D(2024, 3, 5), D(2024, 5, 31), "专班", department="市民政局", responsible="赵刚")
    ledger.link(problem, measure, D(2024, 3, 5), "专班")
    ledger.complete(measure, D(2024, 5, 20), "李娜")
    return ledger, problem, measure


@pytest.mark.parametrize("verifier", CLOSER_SPELLINGS + ["赵刚\u3000", "\uff3a\uff48\uff41\uff4f"])
def test_the_ledger_refuses_the_closer_or_responsible_person_in_any_spelling(verifier: str) -> None:
    ledger, problem, measure = ledger_ready_to_verify()
    if verifier == "\uff3a\uff48\uff41\uff4f":  # ｚｈａｏ: responsible "Zhao" in full width
        ledger.reopen_measure(measure, D(2024, 5, 21), "专班")
        ledger.complete(measure, D(2024, 5, 22), "Zhao")
    history = list(ledger.problem(problem).history)
    with pytest.raises(gr.PermissionDeniedError, match="may not verify problem P0001"):
        ledger.verify(problem, D(2024, 6, 1), verifier)
    assert ledger.problem(problem).history == history
    (refusal,) = ledger.refusals()
    assert (refusal.item, refusal.rule, refusal.count) == ("P0001", "permission", 1)
    assert refusal.actor == gr.normalize_identifier(verifier)
    ledger.verify(problem, D(2024, 6, 1), "督查组")


class LedgerCall(NamedTuple):
    name: str
    call: Callable[[DualLedger, int, int, str], object]
    refused: Optional[type]  # the error for a ledger_ready_to_verify() ledger, None when allowed


LEDGER_CALLS = [
    LedgerCall("add_problem", lambda l, p, m, a: l.add_problem("新问题", D(2024, 6, 1), D(2024, 7, 1), a, department="局"), None),
    LedgerCall("add_measure", lambda l, p, m, a: l.add_measure("新措施", D(2024, 6, 1), D(2024, 7, 1), a, department="局"), None),
    LedgerCall("link", lambda l, p, m, a: l.link(p, m, D(2024, 6, 1), a), gr.InvalidInputError),
    LedgerCall("unlink", lambda l, p, m, a: l.unlink(p, m, D(2024, 6, 1), a), None),
    LedgerCall("start", lambda l, p, m, a: l.start(m, D(2024, 6, 1), a), gr.RuleViolationError),
    LedgerCall("complete", lambda l, p, m, a: l.complete(m, D(2024, 6, 1), a), gr.RuleViolationError),
    LedgerCall("reopen_measure", lambda l, p, m, a: l.reopen_measure(m, D(2024, 6, 1), a), None),
    LedgerCall("verify", lambda l, p, m, a: l.verify(p, D(2024, 6, 1), a), gr.PermissionDeniedError),
    LedgerCall("strike_off", lambda l, p, m, a: l.strike_off(p, D(2024, 6, 1), a), gr.RuleViolationError),
    LedgerCall("reopen_problem", lambda l, p, m, a: l.reopen_problem(p, D(2024, 6, 1), a), gr.RuleViolationError),
]


@pytest.mark.parametrize(("call", "actor"), list(itertools.product(LEDGER_CALLS, CLOSER_SPELLINGS + ["\u202e李娜"])),
                         ids=lambda x: x.name if isinstance(x, LedgerCall) else repr(x))
def test_every_ledger_operation_normalises_its_actor_and_traces_refusals(call: LedgerCall, actor: str) -> None:
    ledger, problem, measure = ledger_ready_to_verify()
    sequence = len(ledger.history_csv())
    if "\u202e" in actor:
        with pytest.raises(gr.InvalidInputError, match="U\\+202E"):
            call.call(ledger, problem, measure, actor)
        assert ledger.refusals() == [] and len(ledger.history_csv()) == sequence
        return
    if call.refused is None:
        call.call(ledger, problem, measure, actor)
        last = list(csv.reader(io.StringIO(ledger.history_csv())))[-1]
        assert last[5] == "李娜"  # sequence,ledger,item,date,action,actor,note,other
        return
    with pytest.raises(call.refused):
        call.call(ledger, problem, measure, actor)
    assert len(ledger.history_csv()) == sequence
    traced = call.refused in (gr.PermissionDeniedError, gr.RuleViolationError)
    assert [r.actor for r in ledger.refusals()] == (["李娜"] if traced else [])


def test_the_ledger_matrix_covers_every_actor_operation() -> None:
    covered = {c.name for c in LEDGER_CALLS} | {"raise_from_case", "raise_from_decision"}  # raise_from_*: add_problem
    assert covered == LEDGER_ACTOR_OPERATIONS


def test_repeated_refusals_are_merged_and_the_trace_is_bounded() -> None:
    ledger, problem, _ = ledger_ready_to_verify()
    for _ in range(1000):
        with pytest.raises(gr.PermissionDeniedError):
            ledger.verify(problem, D(2024, 6, 1), "李娜")
    (merged,) = ledger.refusals()
    assert merged.count == 1000
    ledger.refusal_limit = 2
    for day in range(2, 6):
        with pytest.raises(gr.RuleViolationError):
            ledger.strike_off(problem, D(2024, 6, day), f"专班{day}")
    assert [r.actor for r in ledger.refusals()] == ["专班4", "专班5"]
    assert ledger.refusals_dropped == 1000 + 2
    ledger.refusal_limit = 0
    assert ledger.refusals() == [] and ledger.refusals_dropped == 1004
