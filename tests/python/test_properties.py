"""Property tests (hypothesis) of the Python readers: what is written reads back to the same object
or DataFrame, any text is read or refused with a GrassrootsError (never another exception), and a
refused input changes nothing. Bounded: few examples, no deadline (the machine is shared), no
database of examples (the tests leave nothing behind). docs/security.md "Fuzzing and sanitizers".
"""
from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path
from typing import Any, Callable

import pandas.testing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grassroots as gr

D = dt.date
CST = dt.timezone(dt.timedelta(hours=8))

settings.register_profile(
    "grassroots", max_examples=40, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("grassroots")

# ---- strategies ------------------------------------------------------------------------------------

#: Names as people type them: CJK, Latin, digits, CSV's special characters; no line breaks or controls.
names = st.text(alphabet=st.sampled_from("锦苑社区胜利街道东营网格老年协会 abcXYZ019,\";'#-·（）"),
                min_size=1, max_size=12).map(str.strip).filter(bool)
days_2026 = st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 12, 31))
#: Any text a careless user or an attacker could pass, ASCII only (multi-byte text: see below).
ascii_text = st.text(alphabet=st.characters(max_codepoint=127), max_size=200)


@st.composite
def division_trees(draw: st.DrawFn) -> gr.DivisionTree:
    """A random tree under 东营区 (370502): townships and their villages with random names."""
    builder = gr.DivisionTreeBuilder()
    builder.add("37", draw(names)).add("3705", draw(names), parent="37").add("370502", draw(names), parent="3705")
    townships = draw(st.sets(st.integers(1, 599), min_size=1, max_size=4))
    for township in sorted(townships):
        code = f"370502{township:03d}"
        builder.add(code, draw(names), parent="370502")
        for village in sorted(draw(st.sets(st.integers(1, 599), max_size=5))):
            builder.add(f"{code}{village:03d}", draw(names), parent=code)
    return builder.build()


@st.composite
def burden_ledgers(draw: st.DrawFn) -> gr.BurdenLedger:
    """Items of every kind in a few communities, some of them removed later, and staff counts."""
    ledger = gr.BurdenLedger()
    units = ["370502005066", "370502005067", "370502102201"]
    for unit in draw(st.lists(st.sampled_from(units), unique=True, max_size=3)):
        ledger.set_staff(unit, draw(st.integers(1, 40)))
    for _ in range(draw(st.integers(0, 8))):
        added = draw(st.dates(min_value=D(2023, 1, 1), max_value=D(2025, 12, 31)))
        item = ledger.add(draw(st.sampled_from(units)), draw(st.sampled_from(list(gr.BurdenKind.__members__.values()))),
                          draw(names), added, quantity=draw(st.integers(1, 500)), source_department=draw(names),
                          note=draw(st.sampled_from(["", "备注", 'a "quoted", note'])))
        if draw(st.booleans()):
            ledger.remove(item, added + dt.timedelta(days=draw(st.integers(0, 400))))
    return ledger


def frames_equal(left: Any, right: Any, frame: str = "to_pandas") -> None:
    pandas.testing.assert_frame_equal(getattr(left, frame)(), getattr(right, frame)())


# ---- round trips -----------------------------------------------------------------------------------

@given(tree=division_trees())
def test_a_division_tree_reads_back_from_its_csv_and_file(tree: gr.DivisionTree, tmp_path: Path) -> None:
    back = gr.DivisionTree.parse_csv(tree.to_csv(), "written.csv")
    assert back.to_csv() == tree.to_csv()
    frames_equal(back, tree)
    tree.write_csv(tmp_path / "tree.csv")
    frames_equal(gr.DivisionTree.read_csv(tmp_path / "tree.csv"), tree)


@given(ledger=burden_ledgers())
def test_a_burden_ledger_reads_back_from_its_tables(ledger: gr.BurdenLedger) -> None:
    back = gr.BurdenLedger.parse_csv(ledger.items_csv(), ledger.staff_csv())
    assert (back.items_csv(), back.staff_csv()) == (ledger.items_csv(), ledger.staff_csv())
    frames_equal(back, ledger, "items_frame")


@given(rows=st.lists(st.tuples(names, st.dates(min_value=D(2024, 1, 1), max_value=D(2024, 12, 31)),
                               st.integers(0, 200), st.sampled_from(["open", "start", "complete"])),
                     min_size=1, max_size=6))
def test_a_dual_ledger_reads_back_from_its_four_tables(rows: list[tuple[str, dt.date, int, str]],
                                                       tmp_path: Path) -> None:
    ledger = gr.DualLedger()
    for title, raised, days, progress in rows:
        problem = ledger.add_problem(title, raised, raised + dt.timedelta(days=days), "专班", department="区委社会工作部")
        measure = ledger.add_measure(title + "整改", raised, raised + dt.timedelta(days=days), "专班",
                                     department="市民政局", responsible="李娜")
        ledger.link(problem, measure, raised, "专班")
        if progress != "open":
            ledger.start(measure, raised, "李娜")
        if progress == "complete":
            ledger.complete(measure, raised + dt.timedelta(days=days), "李娜")
    tables = (ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), ledger.history_csv())
    back = gr.DualLedger.parse_csv(*tables)
    assert (back.problems_csv(), back.measures_csv(), back.links_csv(), back.history_csv()) == tables
    ledger.write_csv(tmp_path / "ledger")
    assert gr.DualLedger.read_csv(tmp_path / "ledger").history_csv() == ledger.history_csv()


@given(st.lists(st.tuples(st.floats(-180, 180), st.floats(-90, 90), st.integers(0, 10**6)), max_size=20))
def test_household_points_read_back_exactly(rows: list[tuple[float, float, int]]) -> None:
    text = "id,lon,lat,households\n" + "".join(f"b{i},{lon!r},{lat!r},{n}\n" for i, (lon, lat, n) in enumerate(rows))
    points = gr.parse_household_points(text, "points.csv")
    assert len(points) == len(rows)
    assert [(x, y, n) for (x, y), n in zip(points.points.tolist(), points.households.tolist())] == rows


@given(overrides=st.dictionaries(days_2026, st.tuples(st.booleans(), names), min_size=1, max_size=10))
def test_local_overrides_read_back(overrides: dict[dt.date, tuple[bool, str]], tmp_path: Path) -> None:
    (tmp_path / "local.csv").write_text(local_csv(overrides), encoding="utf-8")
    calendar = gr.Calendar.china()
    calendar.read_local(tmp_path / "local.csv")
    assert {day: calendar.is_working_day(day) for day in overrides} == {d: w for d, (w, _) in overrides.items()}


def local_csv(overrides: dict[dt.date, tuple[bool, str]]) -> str:
    return "date,working,name\n" + "".join(f'{d},{int(w)},"{n.replace(chr(34), chr(34) * 2)}"\n'
                                           for d, (w, n) in overrides.items())


# ---- refusals change nothing -----------------------------------------------------------------------

@given(overrides=st.dictionaries(days_2026, st.tuples(st.booleans(), names), min_size=1, max_size=10),
       bad_row=st.sampled_from(["2026-02-30,1,x", "2026-05-06,maybe,x", "not a date,0,x", "2026-05-06",
                                "2026-05-06,1,x,extra"]),
       at=st.integers(0, 10))
def test_a_refused_local_file_changes_no_day(overrides: dict[dt.date, tuple[bool, str]], bad_row: str, at: int,
                                            tmp_path: Path) -> None:
    lines = local_csv(overrides).splitlines()
    lines.insert(1 + at % len(lines), bad_row)
    (tmp_path / "local.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    calendar = gr.Calendar.china()
    before = calendar.to_pandas(D(2026, 1, 1), D(2026, 12, 28))
    with pytest.raises(gr.InvalidInputError, match="local.csv"):
        calendar.read_local(tmp_path / "local.csv")
    pandas.testing.assert_frame_equal(calendar.to_pandas(D(2026, 1, 1), D(2026, 12, 28)), before)


@st.composite
def holiday_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A holiday-cn document for 2028 and whether it is well-formed (some days may be spoiled)."""
    days = draw(st.lists(st.tuples(st.dates(min_value=D(2027, 12, 1), max_value=D(2028, 12, 31)), st.booleans()),
                         min_size=1, max_size=8, unique_by=lambda day: day[0]))
    entries: list[dict[str, Any]] = [{"name": "节", "date": day.isoformat(), "isOffDay": off} for day, off in days]
    spoil = draw(st.sampled_from(["", "date", "isOffDay", "name", "year", "conflict"]))
    if spoil == "conflict":
        entries.append({**entries[0], "isOffDay": not entries[0]["isOffDay"]})
    elif spoil == "year":
        entries.append({"name": "节", "date": "2026-05-01", "isOffDay": True})
    elif spoil:
        wrong = {"date": [None, 1, "2028-13-01", "2028-02-30", "20280101"], "isOffDay": [None, 1, "yes"], "name": [None, 1, []]}
        entries[draw(st.integers(0, len(entries) - 1))][spoil] = draw(st.sampled_from(wrong[spoil]))
    return json.dumps({"year": 2028, "papers": [], "days": entries}, ensure_ascii=False), not spoil


@given(holiday_documents())
def test_a_refused_holiday_document_publishes_nothing(document: tuple[str, bool]) -> None:
    text, well_formed = document
    calendar = gr.Calendar.china()
    years = calendar.published_years
    if well_formed:
        calendar.add_holiday_cn(text, "2028.json")
        assert calendar.published_years == years + [2028]
    else:
        with pytest.raises(gr.InvalidInputError, match="2028.json"):
            calendar.add_holiday_cn(text, "2028.json")
        assert calendar.published_years == years


def urban_engine() -> gr.CaseEngine:
    """The urban loop with one actor per role (as test_case_engine.py's fixture)."""
    engine = gr.CaseEngine(gr.Calendar.china(), gr.EngineOptions(jurisdiction="370502"))  # 东营区: scope-less actors act there
    engine.add_workflow(gr.urban_management())
    engine.add_actor(gr.Actor("wg-1", "网格员", ["grid_worker"], scope=gr.DivisionCode("370502005066")))
    engine.add_actor(gr.Actor("sv-1", "监督员", ["supervision_centre"], scope=gr.DivisionCode("370502005")))
    engine.add_actor(gr.Actor("sv-2", "监督员", ["supervision_centre"]))
    engine.add_actor(gr.Actor("cc-1", "指挥中心", ["command_centre"]))
    engine.add_actor(gr.Actor("dp-1", "执法队员", ["department"], unit="街道综合执法队"))
    return engine


def urban_record() -> list[str]:
    """Two cases (one closed, one breached and escalated) as JSON lines."""
    engine = urban_engine()
    at = lambda day, hour: dt.datetime(2026, 9, day, hour, tzinfo=CST)  # noqa: E731
    for day in (21, 22):
        case = engine.open(gr.CaseInput("event:0502", workflow="urban_management",
                                        unit=gr.DivisionCode("370502005066"), description="占道经营"), "wg-1", at(day, 9))
        engine.take(case, "submit", "sv-1", at(day, 10), {"location": "x", "category": "y", "description": "z"})
        engine.take(case, "accept", "cc-1", at(day, 11))
        engine.take(case, "dispatch", "cc-1", at(day, 12), {"department": "街道综合执法队"})
        if day == 21:
            engine.take(case, "complete", "dp-1", at(day, 13), {"result": "已劝离"})
            engine.take(case, "report_back", "dp-1", at(day, 14))
            engine.take(case, "verify_pass", "sv-2", at(day, 15))
    engine.advance(at(30, 18))
    return engine.to_json_lines().splitlines()


RECORD = urban_record()


@given(st.sampled_from(["drop", "swap", "duplicate", "edit"]), st.integers(0, len(RECORD) - 1),
       st.sampled_from(['"sv-1"', '"dp-1"', '"2026-09-30T18:00:00+08:00"', "0", "-1", '"handle"', '""']))
def test_a_replay_is_exact_or_refused_leaving_no_case(change: str, at: int, value: str) -> None:
    lines = list(RECORD)
    if change == "drop":
        del lines[at]
    elif change == "swap":
        lines[at], lines[at - 1] = lines[at - 1], lines[at]
    elif change == "duplicate":
        lines.insert(at, lines[at])
    else:
        record = json.loads(lines[at])
        key = sorted(record)[at % len(record)]
        lines[at] = json.dumps({**record, key: json.loads(value)}, ensure_ascii=False)
    engine = urban_engine()
    try:
        engine.replay(gr.CaseEngine.parse_json_lines("\n".join(lines), "edited.jsonl"))
    except gr.GrassrootsError as refusal:
        assert "row" in str(refusal) or "edited.jsonl" in str(refusal)  # it names where
        assert len(engine.events) == 0
        engine.replay(gr.CaseEngine.parse_json_lines("\n".join(RECORD)))  # and the engine is still usable
        assert engine.to_json_lines().splitlines() == RECORD
    else:
        # What was accepted is what is recorded. (Whether a forged history must be refused is the replay
        # checks' business: tests/python/test_case_engine.py.)
        assert [fields(line) for line in engine.to_json_lines().splitlines()] == [fields(line) for line in lines]


def fields(line: str) -> dict[str, Any]:
    """A record's fields without the empty ones (the writer leaves those out)."""
    return {key: value for key, value in json.loads(line).items() if value != ""}


# ---- any text: a value or a GrassrootsError --------------------------------------------------------

READERS: dict[str, Callable[[str], object]] = {
    "DivisionCode": gr.DivisionCode,
    "GridCode": gr.GridCode,
    "DivisionTree.parse_csv": gr.DivisionTree.parse_csv,
    "parse_household_points": gr.parse_household_points,
    "WorkflowDefinition.from_json": lambda text: gr.WorkflowDefinition.from_json(text, "fuzz.json"),
    "ResponsibilityList.parse_csv": gr.ResponsibilityList.parse_csv,
    "MatterCatalogue.parse_csv": gr.MatterCatalogue.parse_csv,
    "BurdenLedger.parse_csv": gr.BurdenLedger.parse_csv,
    "DualLedger.parse_csv": lambda text: gr.DualLedger.parse_csv(text, text, text),
    "Workforce.parse_csv": gr.Workforce.parse_csv,
    "ReviewEvidence.parse_csv": gr.ReviewEvidence.parse_csv,
    "CaseEngine.parse_json_lines": gr.CaseEngine.parse_json_lines,
    "Calendar.add_holiday_cn": lambda text: gr.Calendar().add_holiday_cn(text, "fuzz.json"),
    "WorkingHours.parse": gr.WorkingHours.parse,
    "anchors_from_json_lines": gr.anchors_from_json_lines,
}
#: Structured prefixes, so that the text reaches past the first check of each reader.
prefixes = st.sampled_from(["", "370502", "code,name,level,parent_code\n", "id,lon,lat\n", '{"type":', "[", "{",
                            "matter,rung,scope,primary,cooperating,source\n", "worker,score\n", "id,name,unit\n"])


@pytest.mark.parametrize("reader", sorted(READERS))
@settings(max_examples=60)
@given(prefix=prefixes, text=ascii_text)
def test_any_ascii_text_is_read_or_refused_with_a_grassroots_error(reader: str, prefix: str, text: str) -> None:
    try:
        READERS[reader](prefix + text)
    except gr.GrassrootsError:
        pass


@given(text=st.text(alphabet="锦苑社区\u3000\u202e，", min_size=1, max_size=20))
@settings(max_examples=20)
def test_multibyte_text_is_refused_with_a_grassroots_error(text: str) -> None:
    for reader in ("DivisionCode", "GridCode"):
        try:
            READERS[reader]("370502" + text)
        except gr.GrassrootsError:
            pass
