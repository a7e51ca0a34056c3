"""The dual ledger (双台账) from Python: items, links, the 销号 rule, reopening, reports, CSV, pandas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import grassroots as gr

D = dt.date


def seed_ledger() -> tuple[gr.DualLedger, int, int, int]:
    """One problem (挂牌多) served by two measures, neither started."""
    ledger = gr.DualLedger()
    problem = ledger.add_problem("村社区挂牌多", D(2024, 3, 1), D(2024, 6, 30), "专班", division="370502", department="区委社会工作部")
    remove = ledger.add_measure("清理不规范挂牌", D(2024, 3, 5), D(2024, 5, 31), "专班", department="市民政局", responsible="李娜")
    rules = ledger.add_measure("制定挂牌准入清单", D(2024, 3, 5), D(2024, 5, 31), "专班", department="市民政局", responsible="赵刚")
    ledger.link(problem, remove, D(2024, 3, 5), "专班")
    ledger.link(problem, rules, D(2024, 3, 6), "专班")
    return ledger, problem, remove, rules


def test_items_links_and_history() -> None:
    ledger, problem, remove, rules = seed_ledger()
    p = ledger.problem(problem)
    assert p.number == "P0001"
    assert p.status == gr.ProblemStatus.OPEN
    assert p.status.chinese_name == "整改中"
    assert p.owner == gr.OwnerUnit("370502", "区委社会工作部")
    assert str(p.owner) == "370502 区委社会工作部"
    assert p.measures == [remove, rules]
    assert [e.action for e in p.history] == [gr.LedgerAction.CREATED, gr.LedgerAction.LINKED, gr.LedgerAction.LINKED]
    assert p.history[1].other == "M0001"
    assert ledger.measure(rules).problems == [problem]
    assert ledger.find_measure("M0002") == rules
    assert repr(ledger) == "<DualLedger 1 problems (0 struck off), 2 measures>"
    assert p.to_dict()["status"] == "open"


def test_bad_input_is_refused_and_changes_nothing() -> None:
    ledger, problem, remove, _ = seed_ledger()
    with pytest.raises(gr.InvalidInputError, match=r"is due 2024-02-01, before it was raised \(2024-03-01\)"):
        ledger.add_problem("x", D(2024, 3, 1), D(2024, 2, 1), "专班", department="局")
    with pytest.raises(gr.InvalidInputError, match="needs an owner unit"):
        ledger.add_problem("x", D(2024, 3, 1), D(2024, 4, 1), "专班")
    with pytest.raises(gr.InvalidInputError, match="already linked"):
        ledger.link(problem, remove, D(2024, 4, 1), "专班")
    with pytest.raises(gr.NotFoundError, match="no problem 9"):
        ledger.link(9, remove, D(2024, 4, 1), "专班")
    with pytest.raises(gr.NotFoundError):
        ledger.problem(-1)
    with pytest.raises(gr.InvalidInputError, match="dates may not go backwards"):
        ledger.start(remove, D(2024, 3, 4), "李娜")
    assert len(ledger.problems) == 1
    assert len(ledger.problem(problem).history) == 3


def test_strike_off_needs_done_measures_and_independent_verification() -> None:
    ledger, problem, remove, rules = seed_ledger()
    ledger.start(rules, D(2024, 4, 1), "赵刚")
    with pytest.raises(gr.RuleViolationError, match=r"measures not done: M0001 '清理不规范挂牌' \(open\), M0002") as error:
        ledger.strike_off(problem, D(2024, 6, 1), "专班")
    assert isinstance(error.value, gr.GrassrootsError)
    assert ledger.blocking_measures(problem) == [remove, rules]
    ledger.complete(remove, D(2024, 5, 20), "李娜")
    ledger.complete(rules, D(2024, 5, 25), "赵刚")
    with pytest.raises(gr.RuleViolationError, match="has not been verified"):
        ledger.strike_off(problem, D(2024, 6, 1), "专班")
    with pytest.raises(gr.PermissionDeniedError, match="赵刚 may not verify problem P0001"):
        ledger.verify(problem, D(2024, 6, 1), "赵刚")
    ledger.verify(problem, D(2024, 5, 28), "督查组", passed=False, note="仍有3块未摘")
    assert ledger.problem(problem).status == gr.ProblemStatus.OPEN
    ledger.verify(problem, D(2024, 6, 3), "督查组")
    ledger.strike_off(problem, D(2024, 6, 5), "专班", "销号")
    p = ledger.problem(problem)
    assert p.status == gr.ProblemStatus.STRUCK_OFF
    assert p.struck_off_on == D(2024, 6, 5)
    assert [e.action.chinese_name for e in p.history[-3:]] == ["核查未通过", "核查通过", "销号"]


def test_reopening_is_recorded() -> None:
    ledger, problem, remove, rules = seed_ledger()
    ledger.complete(remove, D(2024, 5, 20), "李娜")
    ledger.complete(rules, D(2024, 5, 25), "赵刚")
    ledger.verify(problem, D(2024, 6, 3), "督查组")
    ledger.strike_off(problem, D(2024, 6, 5), "专班")
    ledger.reopen_problem(problem, D(2024, 9, 1), "专班", "回头看发现新挂牌")
    p = ledger.problem(problem)
    assert p.status == gr.ProblemStatus.OPEN
    assert p.reopens == 1
    assert p.history[-1].action == gr.LedgerAction.REOPENED
    assert p.history[-1].note == "回头看发现新挂牌"
    assert p.struck_off_as_of(D(2024, 7, 1)) and not p.struck_off_as_of(D(2024, 9, 1))


def test_verification_lapses_when_a_measure_is_reopened() -> None:
    ledger, problem, remove, rules = seed_ledger()
    ledger.complete(remove, D(2024, 5, 20), "李娜")
    ledger.complete(rules, D(2024, 5, 25), "赵刚")
    ledger.verify(problem, D(2024, 6, 3), "督查组")
    ledger.reopen_measure(rules, D(2024, 6, 4), "赵刚")
    last = ledger.problem(problem).history[-1]
    assert last.action == gr.LedgerAction.UNVERIFIED
    assert last.other == "M0002"
    assert ledger.problem(problem).status == gr.ProblemStatus.OPEN


def test_report_per_unit_and_period_and_seed_figures() -> None:
    ledger = gr.DualLedger()
    problems = [
        ledger.add_problem(f"突出问题 {i + 1}", D(2024, 4, 1), D(2024, 11, 30), "专班", division="370502")
        for i in range(44)
    ]
    measures = [
        ledger.add_measure(f"工作措施 {i + 1}", D(2024, 4, 2), D(2024, 10, 31), "专班", division="3705", responsible=f"责任人{i}")
        for i in range(31)
    ]
    for i, p in enumerate(problems):
        ledger.link(p, measures[i % 31], D(2024, 4, 3), "专班")
    assert ledger.problems_without_measures() == []
    assert ledger.measures_without_problems() == []
    mid = ledger.report(D(2024, 1, 1), D(2024, 12, 1))
    assert mid.total.open == 44 and mid.total.overdue == 44 and mid.total.measures_overdue == 31
    for m in measures:
        ledger.complete(m, D(2024, 10, 15), f"责任人{m}")
    for p in problems:
        ledger.verify(p, D(2024, 11, 20), "核查组")
        ledger.strike_off(p, D(2024, 11, 25), "市委社会工作部")
    report = ledger.report(D(2024, 1, 1), D(2024, 12, 13))
    assert report.start == D(2024, 1, 1) and report.end == D(2024, 12, 13)
    assert (report.total.problems, report.total.struck_off, report.total.open) == (44, 44, 0)
    assert [str(r.unit) for r in report.rows] == ["3705", "370502"]
    rolled = ledger.report(D(2024, 1, 1), D(2024, 12, 13), roll_up=gr.Level.PREFECTURE)
    assert len(rolled.rows) == 1 and rolled.rows[0].struck_off == 44 and rolled.rows[0].measures == 31
    with pytest.raises(gr.InvalidInputError, match="before it starts"):
        ledger.report(D(2024, 12, 1), D(2024, 1, 1))


def test_raise_from_a_consultation_decision() -> None:
    chain = gr.AutonomyChain(gr.CommitteeKind.RESIDENTS, "370502005066", "锦苑社区居民委员会", D(2021, 6, 1))
    wang = chain.add_person("王芳", gr.Sex.FEMALE, D(1975, 4, 2))
    meeting = gr.ConsultationMeeting(chain, "加装电梯议事会", D(2026, 3, 10), [wang])
    meeting.decide(chain, "征集全体住户意见", wang, D(2026, 4, 10))
    ledger = gr.DualLedger()
    p = ledger.problem(ledger.raise_from_decision(chain, meeting, 0, D(2026, 3, 11), "社区书记"))
    assert p.title == "征集全体住户意见"
    assert p.source == gr.ProblemSource(gr.ProblemSourceKind.CONSULTATION, "370502005066/2026-03-10/加装电梯议事会#0")
    assert p.due == D(2026, 4, 10)
    with pytest.raises(gr.InvalidInputError, match="already raised as problem P0001"):
        ledger.raise_from_decision(chain, meeting, 0, D(2026, 3, 12), "社区书记")
    with pytest.raises(gr.NotFoundError, match="has no decision -1"):
        ledger.raise_from_decision(chain, meeting, -1, D(2026, 3, 12), "社区书记")


def test_raise_from_a_case() -> None:
    if not hasattr(gr, "CaseEngine"):
        pytest.skip("the case engine is not bound in this build")
    engine = gr.CaseEngine(gr.Calendar.china())
    engine.add_workflow(gr.urban_management())
    reporter = engine.add_actor(gr.Actor("wg-1", "网格员 张三", ["grid_worker"], scope="370502005066"))
    case = engine.open(
        gr.CaseInput("event:0502", workflow="urban_management", unit="370502005066", description="占道经营"),
        reporter,
        dt.datetime(2026, 9, 28, 9, 0),
    )
    ledger = gr.DualLedger()
    p = ledger.problem(ledger.raise_from_case(engine, case, D(2026, 9, 29), D(2026, 12, 31), "街道综治中心"))
    assert p.title == "占道经营"
    assert p.source.kind == gr.ProblemSourceKind.CASE
    assert p.source.reference == "C000001"
    assert str(p.owner.division) == "370502005066"
    with pytest.raises(gr.InvalidInputError, match="before the case was filed"):
        gr.DualLedger().raise_from_case(engine, case, D(2026, 9, 27), D(2026, 12, 31), "x")


def test_raise_from_a_case_by_number_reads_the_cpp_engine() -> None:
    if not hasattr(gr, "CaseEngine"):
        pytest.skip("the case engine is not bound in this build")
    engine = gr.CaseEngine(gr.Calendar.china())
    engine.add_workflow(gr.urban_management())
    reporter = engine.add_actor(gr.Actor("wg-1", "网格员 张三", ["grid_worker"], scope="370502005066"))
    engine.open(
        gr.CaseInput("event:0502", workflow="urban_management", unit="370502005066", description="占道经营"),
        reporter,
        dt.datetime(2026, 9, 28, 9, 0),
    )
    ledger = gr.DualLedger()
    p = ledger.problem(ledger.raise_from_case(engine, "C000001", D(2026, 9, 29), D(2026, 12, 31), "综治中心", "占道"))
    assert (p.title, p.source.reference, p.raised) == ("占道", "C000001", D(2026, 9, 29))
    with pytest.raises(gr.NotFoundError):
        ledger.raise_from_case(engine, "C000009", D(2026, 9, 29), D(2026, 12, 31), "综治中心")
    with pytest.raises(gr.NotFoundError):
        ledger.raise_from_case(engine, -1, D(2026, 9, 29), D(2026, 12, 31), "综治中心")
    with pytest.raises(TypeError):  # a CaseEngine, read in C++, not any object with state()/input()
        ledger.raise_from_case(object(), 0, D(2026, 9, 29), D(2026, 12, 31), "综治中心")
    assert len(ledger.problems) == 1


def test_enum_members_are_documented_from_their_table() -> None:
    for enum in (gr.ProblemStatus, gr.MeasureStatus, gr.LedgerAction, gr.ProblemSourceKind):
        for name, member in enum.__members__.items():
            assert f"{name} : {member.chinese_name}: " in (enum.__doc__ or "")


def test_csv_round_trip(tmp_path: Path) -> None:
    ledger, problem, remove, rules = seed_ledger()
    ledger.complete(remove, D(2024, 5, 20), "李娜")
    ledger.complete(rules, D(2024, 5, 25), "赵刚")
    ledger.verify(problem, D(2024, 6, 3), "督查组")
    ledger.strike_off(problem, D(2024, 6, 5), "专班")
    back = gr.DualLedger.parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), ledger.history_csv())
    assert back.history_csv() == ledger.history_csv()
    assert back.problem(0).status == gr.ProblemStatus.STRUCK_OFF
    ledger.write_csv(tmp_path / "ledger")
    assert gr.DualLedger.read_csv(tmp_path / "ledger").problems_csv() == ledger.problems_csv()
    with pytest.raises(gr.InvalidInputError, match=r"links.csv, row 2, field 'measure'"):
        gr.DualLedger.parse_csv(ledger.problems_csv().replace("struck_off", "open"), ledger.measures_csv().replace("done", "open"), "problem,measure,date,actor\nP0001,M9,2024-03-05,x\n")


def test_pandas_frames() -> None:
    pd = pytest.importorskip("pandas")
    ledger, problem, remove, rules = seed_ledger()
    ledger.complete(remove, D(2024, 5, 20), "李娜")
    problems = ledger.problems_frame(on=D(2024, 7, 1))
    assert list(problems.index) == ["P0001"]
    assert isinstance(problems["status"].dtype, pd.CategoricalDtype)
    assert list(problems["status"].cat.categories) == ["open", "verified", "struck_off"]
    assert isinstance(problems["division"].dtype, pd.CategoricalDtype)
    assert problems["division"].iloc[0] == "370502"
    assert pd.api.types.is_datetime64_any_dtype(problems["due"])
    assert bool(problems["overdue"].iloc[0]) is True
    measures = ledger.measures_frame()
    assert measures.loc["M0001", "status"] == "done"
    assert pd.isna(measures.loc["M0002", "completed_on"])
    assert pd.isna(measures.loc["M0001", "division"])
    assert measures.loc["M0001", "department"] == "市民政局"
    links = ledger.links_frame()
    assert list(links["measure"]) == ["M0001", "M0002"]
    history = ledger.history_frame()
    assert list(history["sequence"]) == sorted(history["sequence"])
    assert list(history["action"].astype(str)) == ["created", "created", "created", "linked", "linked", "completed"]
    report = ledger.report(D(2024, 1, 1), D(2024, 7, 1)).to_pandas()
    assert report["open"].sum() == 1 and report["measures_done"].sum() == 1
