"""People: community-worker reviews (履职评估), volunteers, 党员回家 and social organisations."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import grassroots as gr

YONGXING = "370503102009"  # 河口区孤岛镇永兴社区 (the seed's 崔雷鸣)
GONGQINGTUAN = "370503102001"
JINYUAN = "370502005066"  # 东营区胜利街道锦苑社区
JINTING = "370502005067"
FIRST = dt.date(2024, 1, 1)
LAST = dt.date(2024, 12, 31)


def direct_rules(quota: gr.QuotaOptions | None = None) -> gr.ReviewRules:
    """One indicator whose points are its evidence: the score is the evidence."""
    direct = gr.Indicator("direct", "直接得分", "score", 1.0, gr.Scoring.linear(0, 100), evidence_max=100)
    return gr.ReviewRules("direct", "test", FIRST, [direct], quota=quota)


def pool(scores: dict[str, float], unit: str = YONGXING) -> tuple[gr.Workforce, gr.ReviewEvidence]:
    workforce = gr.Workforce()
    for staff_id in scores:
        workforce.add(gr.CommunityWorker(staff_id, "worker", unit))
    return workforce, gr.ReviewEvidence.from_mapping({k: {"score": v} for k, v in scores.items()})


def full(staff_id: str, cases: float, on_time: float, satisfaction: float, training: float, attendance: float,
         assessment: float) -> dict[str, dict[str, float]]:
    return {
        staff_id: {
            "cases_handled": cases,
            "on_time_rate": on_time,
            "satisfaction_rate": satisfaction,
            "training_hours": training,
            "attendance_rate": attendance,
            "resident_assessment": assessment,
        }
    }


# ---- rules ------------------------------------------------------------------------------------


def test_default_rules_carry_sources_and_the_seeds_six_months() -> None:
    rules = gr.ReviewRules.defaults()
    assert [i.id for i in rules.indicators] == [
        "cases", "on_time", "satisfaction", "training", "attendance", "resident_assessment"]
    assert sum(i.weight for i in rules.indicators) == pytest.approx(1.0)
    six = rules.parameter("grade.wait_change.excellent")
    assert six.range().min == -6 and six.verified and "大众网, 2024-12-13" in six.law
    quota = rules.parameter("quota.excellent_percent")
    assert quota.value_text == "20" and not quota.verified
    assert rules.value("grade.standard_wait_months") == 36
    assert rules.rate(90) == gr.Rating.EXCELLENT and rules.rate(89.99) == gr.Rating.COMPETENT
    assert rules.wait_change_months(gr.Rating.EXCELLENT) == -6
    assert gr.Rating.BASICALLY_COMPETENT.chinese_name == "基本称职"
    assert gr.parse_rating("优秀") == gr.Rating.EXCELLENT


def test_rules_frame_lists_indicators_and_parameters_with_provenance() -> None:
    frame = gr.ReviewRules.defaults().to_pandas()
    assert list(frame.columns) == ["kind", "id", "summary", "value", "weight", "scoring", "law", "article",
                                   "verified", "override_note"]
    assert str(frame["kind"].dtype) == "category"
    assert str(frame["value"].dtype) == "Int64" and str(frame["verified"].dtype) == "bool"
    row = frame.set_index("id").loc["grade.wait_change.excellent"]
    assert row["value"] == -6 and bool(row["verified"])
    assert frame.set_index("id").loc["on_time", "scoring"] == "linear: 0 points at 0.8, 100 at 1"


def test_weights_not_summing_to_one_are_refused() -> None:
    indicators = gr.ReviewRules.default_indicators()
    bad = [gr.Indicator(i.id, i.name, i.evidence, 0.1 if i.id == "cases" else i.weight, i.scoring)
           for i in indicators]
    with pytest.raises(gr.InvalidInputError, match=r"indicator weights sum to 0\.9, not 1 \(cases 0\.1, on_time 0\.2"):
        gr.ReviewRules("local", "x", FIRST, bad)
    with pytest.raises(ValueError):  # InvalidInputError is a ValueError
        gr.ReviewRules.defaults().override_indicators(bad, "local")


def test_overriding_a_parameter_needs_a_note_and_is_checked() -> None:
    rules = gr.ReviewRules.defaults()
    with pytest.raises(gr.InvalidInputError, match="rating bands must descend"):
        rules.override_parameter("rating.competent.min_score", 95, "local")
    with pytest.raises(gr.InvalidInputError, match="needs a note"):
        rules.override_parameter("quota.excellent_percent", 30, "")
    with pytest.raises(gr.NotFoundError):
        rules.override_parameter("quota.nope", 30, "x")
    rules.override_parameter("quota.excellent_percent", 30, "河口区 local rule (example)")
    assert rules.value("quota.excellent_percent") == 30
    assert rules.parameter("quota.excellent_percent").override_note == "河口区 local rule (example)"


def test_scoring_functions() -> None:
    assert gr.Scoring.linear(0.8, 1.0).points(0.9) == pytest.approx(50)
    assert gr.Scoring.linear(10, 0).points(4) == pytest.approx(60)  # fewer is better
    steps = gr.Scoring.stepped([gr.ScoringStep(0, 0), gr.ScoringStep(16, 60), gr.ScoringStep(32, 100)])
    assert [steps.points(x) for x in (15.9, 16, 32)] == [0, 60, 100]
    assert str(steps) == "steps: ≥0 → 0, ≥16 → 60, ≥32 → 100"
    assert steps.kind == gr.ScoringKind.STEPS


# ---- reviews ----------------------------------------------------------------------------------


def test_a_hand_computed_review_explains_itself() -> None:
    workforce = gr.Workforce()
    workforce.add(gr.CommunityWorker("sg-0001", "崔雷鸣", YONGXING, grade=2, grade_start=dt.date(2022, 1, 1)))
    evidence = gr.ReviewEvidence.from_mapping(full("sg-0001", 30, 0.95, 0.9, 20, 0.98, 85))
    outcome = gr.review(gr.ReviewRules.defaults(), workforce, evidence, FIRST, LAST)
    (r,) = outcome.reviews
    assert [s.points for s in r.indicators] == pytest.approx([75, 75, 75, 60, 80, 85])
    assert [s.contribution for s in r.indicators] == pytest.approx([15, 15, 15, 6, 8, 17])
    assert r.score == 76.0 and r.rating == gr.Rating.COMPETENT and r.adjustment is None
    assert r.next_grade_date == dt.date(2025, 1, 1)
    assert "score 76.00 (rounded to 2 decimals) → 称职 (competent) (from 75)" in r.explanation
    assert "next grade (grade 2 → 3): 2022-01-01 + 36 months = 2025-01-01" in r.explanation


def test_quota_moves_the_lowest_excellents_down() -> None:
    workforce, evidence = pool({"w1": 95, "w2": 91, "w3": 93, "w4": 80, "w5": 70})
    outcome = gr.review(direct_rules(), workforce, evidence, FIRST, LAST)
    ratings = [r.rating for r in outcome.reviews]
    assert ratings == [gr.Rating.EXCELLENT, gr.Rating.COMPETENT, gr.Rating.COMPETENT, gr.Rating.COMPETENT,
                       gr.Rating.BASICALLY_COMPETENT]
    adjustment = outcome.reviews[1].adjustment
    assert adjustment is not None
    assert (adjustment.rank, adjustment.allowed, adjustment.reviewed, str(adjustment.pool)) == (3, 1, 5, YONGXING)
    assert adjustment.reason.startswith("pool 370503102009 allows 1 优秀 of 5 reviewed (at most 20 %, rounded down)")
    (p,) = outcome.pools
    assert (p.excellent_by_score, p.excellent, p.moved_down) == (3, 1, 2)
    assert outcome.count(gr.Rating.EXCELLENT) == 1


def test_ties_at_the_quota_edge_all_move_down_unless_an_indicator_breaks_them() -> None:
    workforce, evidence = pool({"w1": 95, "w2": 95, "w3": 80, "w4": 70, "w5": 60})
    outcome = gr.review(direct_rules(), workforce, evidence, FIRST, LAST)
    assert outcome.count(gr.Rating.EXCELLENT) == 0
    first = outcome.reviews[0].adjustment
    assert first is not None and "tied with w2" in first.reason

    rules = gr.ReviewRules("two", "test", FIRST, [
        gr.Indicator("main", "main", "main", 0.5, gr.Scoring.linear(0, 100)),
        gr.Indicator("assessment", "居民评议", "assessment", 0.5, gr.Scoring.linear(0, 100)),
    ], quota=gr.QuotaOptions(tie_break=["assessment"]))
    workforce = gr.Workforce()
    for staff_id in ("w1", "w2", "w3", "w4", "w5"):
        workforce.add(gr.CommunityWorker(staff_id, "worker", YONGXING))
    evidence = gr.ReviewEvidence.from_mapping({
        "w1": {"main": 100, "assessment": 90}, "w2": {"main": 90, "assessment": 100},
        "w3": {"main": 80, "assessment": 80}, "w4": {"main": 70, "assessment": 70},
        "w5": {"main": 60, "assessment": 60}})
    outcome = gr.review(rules, workforce, evidence, FIRST, LAST)
    assert [r.rating for r in outcome.reviews[:2]] == [gr.Rating.COMPETENT, gr.Rating.EXCELLENT]


def test_quota_pools_by_level_and_rounds_as_configured() -> None:
    workforce = gr.Workforce()
    evidence = gr.ReviewEvidence()
    for staff_id, unit, score in [("a1", YONGXING, 99), ("a2", YONGXING, 98), ("a3", YONGXING, 97),
                                  ("b1", GONGQINGTUAN, 96), ("b2", GONGQINGTUAN, 95)]:
        workforce.add(gr.CommunityWorker(staff_id, "worker", unit))
        evidence.set(staff_id, "score", score)
    assert gr.review(direct_rules(), workforce, evidence, FIRST, LAST).count(gr.Rating.EXCELLENT) == 0
    township = gr.review(direct_rules(gr.QuotaOptions(level=gr.Level.TOWNSHIP)), workforce, evidence, FIRST, LAST)
    assert [str(p.unit) for p in township.pools] == ["370503102"]
    assert township.count(gr.Rating.EXCELLENT) == 1
    up = gr.review(direct_rules(gr.QuotaOptions(rounding=gr.QuotaRounding.UP)), workforce, evidence, FIRST, LAST)
    assert up.count(gr.Rating.EXCELLENT) == 2  # one per community


def test_an_excellent_rating_shortens_the_grade_wait_by_six_months() -> None:
    rules = gr.ReviewRules.defaults()
    assert gr.next_grade(rules, dt.date(2022, 7, 1), [gr.Rating.EXCELLENT]).next_grade_date == dt.date(2025, 1, 1)
    assert gr.next_grade(rules, dt.date(2022, 7, 1), [gr.Rating.COMPETENT]).next_grade_date == dt.date(2025, 7, 1)
    progress = gr.next_grade(rules, dt.date(2021, 8, 31), [gr.Rating.EXCELLENT, gr.Rating.EXCELLENT])
    assert progress.explanation == "2021-08-31 + 36 months − 12 (2 × 优秀) = 2023-08-31"
    assert gr.add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)

    workforce, evidence = pool({"cui": 96, "li": 80})
    workforce = gr.Workforce()
    workforce.add(gr.CommunityWorker("cui", "崔雷鸣", YONGXING, grade_start=dt.date(2022, 7, 1)))
    workforce.add(gr.CommunityWorker("li", "李", YONGXING, grade_start=dt.date(2022, 7, 1)))
    quota_lifted = direct_rules()
    quota_lifted.override_parameter("quota.excellent_percent", 50, "test")
    outcome = gr.review(quota_lifted, workforce, evidence, FIRST, LAST)
    assert outcome.reviews[0].wait_change_months == -6
    assert [r.next_grade_date for r in outcome.reviews] == [dt.date(2025, 1, 1), dt.date(2025, 7, 1)]


def test_bad_evidence_is_refused_naming_what_and_where() -> None:
    evidence = gr.ReviewEvidence()
    with pytest.raises(gr.InvalidInputError, match=r"evidence 'cases_handled' of community worker 'sg-1' is -1"):
        evidence.set("sg-1", "cases_handled", -1)
    with pytest.raises(gr.InvalidInputError,
                       match=r"evidence\.csv, row 2, field 'cases_handled': 'many' is not a number"):
        gr.ReviewEvidence.parse_csv("worker,cases_handled\nsg-1,many\n", "evidence.csv")

    workforce, _ = pool({"sg-1": 80})
    unknown = gr.ReviewEvidence.parse_csv("worker,score\nsg-1,80\nsg-9,70\n", "evidence.csv")
    with pytest.raises(gr.InvalidInputError,
                       match=r"^evidence\.csv, row 3, field 'score': evidence 'score' is for community worker "
                             r"'sg-9', who is not in the workforce$"):
        gr.review(direct_rules(), workforce, unknown, FIRST, LAST)

    workforce = gr.Workforce()
    workforce.add(gr.CommunityWorker("sg-1", "张三", YONGXING))
    percent = gr.ReviewEvidence.from_mapping(full("sg-1", 30, 95, 0.9, 20, 0.98, 85))
    with pytest.raises(gr.InvalidInputError, match=r"above the maximum 1 of indicator 'on_time' \(a share"):
        gr.review(gr.ReviewRules.defaults(), workforce, percent, FIRST, LAST)
    partial = gr.ReviewEvidence.from_mapping({"sg-1": {"cases_handled": 3}})
    with pytest.raises(gr.InvalidInputError,
                       match=r"community worker 'sg-1' \(张三\) has no evidence 'on_time_rate' for indicator 'on_time'"):
        gr.review(gr.ReviewRules.defaults(), workforce, partial, FIRST, LAST)
    with pytest.raises(gr.NotFoundError, match="no community worker 'sg-9'"):
        workforce.at("sg-9")


def test_workforce_csv_and_frames_have_typed_columns() -> None:
    workforce = gr.Workforce.parse_csv(
        "id,name,unit,grade,grade_start,actor\n"
        "sg-1,崔雷鸣,370503102009,3,2022-07-01,wg-1\n"
        "sg-2,李四,370503102001,,,\n",
        "workers.csv",
    )
    frame = workforce.to_pandas()
    assert str(frame["unit"].dtype) == "category"
    assert str(frame["grade_start"].dtype).startswith("datetime64")
    assert frame["grade_start"].isna().tolist() == [False, True]
    assert frame["actor"].isna().tolist() == [False, True]
    with pytest.raises(gr.InvalidInputError, match=r"w\.csv, row 3, field 'id': community worker 'sg-1' is already"):
        gr.Workforce.parse_csv("id,name,unit\nsg-1,a,370503102009\nsg-1,b,370503102009\n", "w.csv")

    evidence = gr.ReviewEvidence.from_mapping({**full("sg-1", 40, 1, 1, 32, 1, 50),
                                               **full("sg-2", 30, 0.95, 0.8, 16, 0.95, 70)})
    outcome = gr.review(gr.ReviewRules.defaults(), workforce, evidence, FIRST, LAST)
    results = outcome.to_pandas()
    assert list(results.index) == ["sg-1", "sg-2"]
    assert results["rating"].cat.ordered
    assert list(results["rating"].cat.categories) == ["incompetent", "basically_competent", "competent", "excellent"]
    assert results.loc["sg-1", "score"] == 90.0
    assert results.loc["sg-1", "score_rating"] == "excellent"
    assert results.loc["sg-1", "rating"] == "competent"  # alone in 永兴: 20 % of 1 allows none
    assert bool(results.loc["sg-1", "moved_down"]) and results.loc["sg-1", "quota_rank"] == 1
    assert results.loc["sg-2", "score"] == 65.0 and results["rating"].min() == "basically_competent"
    assert str(results["next_grade_date"].dtype).startswith("datetime64")
    scores = outcome.scores_frame()
    assert len(scores) == 12 and str(scores["indicator"].dtype) == "category"
    wide = evidence.to_pandas()
    assert wide.loc["sg-2", "on_time_rate"] == 0.95 and str(wide["cases_handled"].dtype) == "float64"


def test_evidence_from_handled_cases() -> None:
    workforce = gr.Workforce()
    workforce.add(gr.CommunityWorker("sg-1", "甲", JINYUAN, actor="hd-1"))
    workforce.add(gr.CommunityWorker("sg-2", "乙", JINYUAN, actor="hd-2"))
    cst = dt.timezone(dt.timedelta(hours=8))
    due = dt.datetime(2026, 10, 13, 17, 30, tzinfo=cst)
    cases = [
        gr.HandledCase("hd-1", dt.datetime(2026, 10, 9, 9, tzinfo=cst), due),
        gr.HandledCase("hd-1", dt.datetime(2026, 10, 14, 9, tzinfo=cst), due),
        gr.HandledCase("hd-1", dt.datetime(2026, 10, 15, 9, tzinfo=cst)),
    ]
    evidence = gr.evidence_from_handled_cases(cases, workforce, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert evidence.find("sg-1", "cases_handled") == 3
    assert evidence.find("sg-1", "on_time_rate") == pytest.approx(2 / 3)
    assert evidence.find("sg-2", "cases_handled") == 0
    assert evidence.find("sg-2", "on_time_rate") is None


def handled_in_march() -> tuple[gr.CaseEngine, list[int]]:
    """An engine with four handled cases and one open one (March 2026, handling deadline 2 working days)."""
    engine = gr.CaseEngine(gr.Calendar.china(), gr.EngineOptions(jurisdiction="370502"))
    states = [gr.StateDefinition("receive", "受理"),
              gr.StateDefinition("handle", "办理", deadline=gr.Deadline.working_days(2)),
              gr.StateDefinition("check", "核查"), gr.StateDefinition("verified", "已核查"),
              gr.StateDefinition("closed", "结案", closed=True)]
    transitions = [gr.TransitionDefinition("accept", "receive", "handle", ["centre"]),
                   gr.TransitionDefinition("complete", "handle", "check", ["department"], duty=gr.Duty.HANDLE),
                   gr.TransitionDefinition("pass", "check", "verified", ["centre"], duty=gr.Duty.VERIFY),
                   gr.TransitionDefinition("reject", "check", "handle", ["centre"], rework=True, duty=gr.Duty.VERIFY),
                   gr.TransitionDefinition("close", "verified", "closed", ["centre"])]
    engine.add_workflow(gr.WorkflowDefinition("handled", 1, "受理—办理—核查", "receive", states, transitions))
    engine.add_actor(gr.Actor("c-1", "中心", ["centre"]))
    for actor in ("hd-1", "hd-2", "hd-3"):
        engine.add_actor(gr.Actor(actor, actor, ["department"]))
    cst = dt.timezone(dt.timedelta(hours=8))

    def at(month: int, day: int, hour: int) -> dt.datetime:
        return dt.datetime(2026, month, day, hour, tzinfo=cst)

    def handled(opened: dt.datetime, *handlers: tuple[str, dt.datetime]) -> str:
        case = engine.open(gr.CaseInput("event:0502", workflow="handled", unit=JINYUAN), "c-1", opened)
        engine.take(case, "accept", "c-1", opened + dt.timedelta(hours=1))
        for k, (actor, when) in enumerate(handlers):
            if k:
                engine.take(case, "reject", "c-1", when - dt.timedelta(hours=1))  # 返工: handled again
            engine.take(case, "complete", actor, when)
        return case

    cases = [
        handled(at(3, 2, 9), ("hd-1", at(3, 3, 9))),                          # on time (due 4 March)
        handled(at(3, 2, 9), ("hd-1", at(3, 9, 9))),                          # late
        handled(at(3, 30, 9), ("hd-2", at(4, 1, 9))),                         # handled in April
        handled(at(3, 2, 9), ("hd-1", at(3, 3, 9)), ("hd-2", at(3, 4, 11))),  # reworked: counts for hd-2
    ]
    engine.open(gr.CaseInput("event:0502", workflow="handled", unit=JINYUAN), "c-1", at(3, 5, 9))  # not handled
    return engine, cases


def march_workforce() -> gr.Workforce:
    workforce = gr.Workforce()
    for staff_id, actor in (("sg-1", "hd-1"), ("sg-2", "hd-2"), ("sg-3", "hd-3"), ("sg-4", "")):
        workforce.add(gr.CommunityWorker(staff_id, staff_id, JINYUAN, actor=actor))
    return workforce


def test_evidence_from_cases_of_an_engine() -> None:
    engine, cases = handled_in_march()
    assert engine.state(cases[3]).handler == engine.find_actor("hd-2")
    evidence = gr.evidence_from_cases(engine, march_workforce(), dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    counts = {w: [evidence.find(w, key) for key in ("cases_handled", "cases_on_time", "on_time_rate")]
              for w in ("sg-1", "sg-2", "sg-3", "sg-4")}
    assert counts == {"sg-1": [2, 1, 0.5], "sg-2": [1, 1, 1.0], "sg-3": [0, 0, None], "sg-4": [None, None, None]}
    april = gr.evidence_from_cases(engine, march_workforce(), dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert (april.find("sg-2", "cases_handled"), april.find("sg-1", "cases_handled")) == (1, 0)
    seen: list[float | None] = []  # an event callback may read the engine
    engine.subscribe(lambda record: seen.append(
        gr.evidence_from_cases(engine, march_workforce(), dt.date(2026, 3, 1), dt.date(2026, 3, 31)).find("sg-1", "cases_handled")))
    engine.take(cases[0], "pass", "c-1", dt.datetime(2026, 3, 10, 9))
    engine.take(cases[0], "close", "c-1", dt.datetime(2026, 3, 10, 10))
    assert seen == [2, 2] and engine.state(cases[0]).closed


def test_evidence_from_cases_refuses_bad_input() -> None:
    engine, _ = handled_in_march()
    with pytest.raises(gr.InvalidInputError, match="the period starts on 2026-03-31, after it ends on 2026-03-01"):
        gr.evidence_from_cases(engine, march_workforce(), dt.date(2026, 3, 31), dt.date(2026, 3, 1))
    stranger = march_workforce()
    stranger.add(gr.CommunityWorker("sg-9", "外人", JINYUAN, actor="hd-9"))
    with pytest.raises(gr.NotFoundError, match="community worker 'sg-9' names actor 'hd-9'"):
        gr.evidence_from_cases(engine, stranger, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    twice = march_workforce()
    twice.add(gr.CommunityWorker("sg-5", "重名", JINYUAN, actor="hd-1"))
    with pytest.raises(gr.InvalidInputError, match="'sg-1' and 'sg-5' both name actor 'hd-1'"):
        gr.evidence_from_cases(engine, twice, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    with pytest.raises(TypeError):
        gr.evidence_from_cases([], march_workforce(), dt.date(2026, 3, 1), dt.date(2026, 3, 31))  # type: ignore[arg-type]


def test_value_types_round_trip() -> None:
    worker = gr.CommunityWorker("sg-1", "甲", JINYUAN, grade_start=dt.date(2022, 1, 1))
    assert pickle.loads(pickle.dumps(worker)) == worker
    assert worker.to_dict()["grade_start"] == dt.date(2022, 1, 1)
    indicator = gr.ReviewRules.defaults().indicator("training")
    assert pickle.loads(pickle.dumps(indicator)) == indicator
    assert gr.QuotaOptions(level=gr.Level.TOWNSHIP).to_dict()["level"] == "township"


# ---- volunteers, 党员回家, social organisations -------------------------------------------------


def test_volunteer_totals_roll_up_the_ladder(dongying: gr.DivisionTree) -> None:
    registry = gr.VolunteerRegistry()
    lu = registry.add_volunteer(gr.Volunteer("v-1", "卢德树", JINYUAN, dt.date(2024, 1, 10)))
    wang = registry.add_volunteer(gr.Volunteer("v-2", "王芳", JINTING, dt.date(2024, 3, 1)))
    team = registry.add_team(gr.VolunteerTeam("“头等大事”志愿服务队", JINYUAN, dt.date(2024, 1, 1)))
    project = registry.add_project(gr.VolunteerProject("义务理发", JINYUAN, team=team, start=dt.date(2024, 2, 1)))
    registry.join(lu, team)
    registry.record(lu, dt.date(2024, 12, 9), 3, project=project)
    registry.record(gr.ServiceRecord(wang, None, dt.date(2024, 6, 1), 1.5))
    assert registry.members(team) == [lu]
    (jinyuan, jinting) = registry.totals(FIRST, LAST)
    assert (jinyuan.volunteers, jinyuan.teams, jinyuan.projects, jinyuan.hours) == (1, 1, 1, 3.0)
    frame = registry.totals_frame(FIRST, LAST, dongying)
    assert len(frame) == len(dongying)
    assert str(frame.index.dtype) == "category"
    assert frame.loc["370502005", "hours"] == 4.5 and frame.loc["3705", "active_volunteers"] == 2
    with pytest.raises(gr.InvalidInputError, match="before registering on 2024-03-01"):
        registry.record(wang, dt.date(2024, 2, 1), 2)
    with pytest.raises(gr.InvalidInputError, match="expected more than 0 and at most 24"):
        registry.record(lu, dt.date(2024, 6, 1), 30)


def test_party_members_registered_where_they_live(dongying: gr.DivisionTree) -> None:
    members = gr.ResidentPartyMembers()
    members.add(gr.PartyMemberRegistration("党员 A", "东营市财政局机关党支部", JINYUAN, dt.date(2024, 3, 1)))
    members.add(gr.PartyMemberRegistration("党员 B", "东营市财政局机关党支部", JINTING, dt.date(2024, 5, 1)))
    assert [(str(c.unit), c.count) for c in members.counts(dt.date(2024, 6, 1))] == [(JINYUAN, 1), (JINTING, 1)]
    assert members.counts_by_organisation(dt.date(2024, 6, 1)) == [("东营市财政局机关党支部", 2)]
    frame = members.counts_frame(dt.date(2024, 6, 1), dongying)
    assert frame.loc["370502005", "party_members"] == 2
    with pytest.raises(gr.InvalidInputError, match="one community of residence at a time"):
        members.add(gr.PartyMemberRegistration("党员 A", "机关党支部", JINTING, dt.date(2024, 9, 1)))


def test_share_of_households_in_social_organisations(dongying: gr.DivisionTree) -> None:
    registry = gr.SocialOrganisationRegistry()
    registry.add(gr.SocialOrganisation("锦苑社区老年协会", gr.SocialOrganisationKind.MUTUAL_AID, JINYUAN,
                                       households_taking_part=300))
    registry.add(gr.SocialOrganisation("锦苑社区孵化中心", gr.SocialOrganisationKind.PUBLIC_WELFARE, JINYUAN,
                                       incubation_site=True, households_taking_part=100))
    registry.add(gr.SocialOrganisation("锦庭舞蹈队", gr.SocialOrganisationKind.CULTURE_SPORTS, JINTING,
                                       households_taking_part=90))
    households = [gr.UnitHouseholds(JINYUAN, 1000, participating_households=430), gr.UnitHouseholds(JINTING, 200)]
    jinyuan, jinting = registry.participation(households)
    assert jinyuan.share == pytest.approx(0.43) and not jinyuan.estimated
    assert jinting.share == pytest.approx(0.45) and jinting.estimated
    by_dict = registry.participation({JINYUAN: 1000, JINTING: 200})
    assert by_dict[0].participating_households == 400 and by_dict[0].estimated
    frame = registry.participation_frame(households, dongying)
    assert frame.loc["370502005", "share"] == pytest.approx(520 / 1200)
    assert frame.loc["370502005", "incubation_sites"] == 1
    assert str(frame["share"].dtype) == "float64" and frame["share"].isna().any()
    chain = gr.synthetic_chain(JINYUAN, "锦苑社区居民委员会", dt.date(2021, 5, 20), seed=2024)
    (row,) = gr.households_of([chain])
    assert row.households == chain.households and str(row.unit) == JINYUAN
    with pytest.raises(gr.InvalidInputError, match="listed twice"):
        registry.participation([gr.UnitHouseholds(JINYUAN, 10), gr.UnitHouseholds(JINYUAN, 20)])


def test_reviews_example_runs(repo: Path) -> None:
    result = subprocess.run([sys.executable, str(repo / "examples/python/reviews.py")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "优秀 (excellent) → 称职 (competent): pool 370503102009 allows 1 优秀 of 6 reviewed" in out
    assert "next grade (grade 3 → 4): 2022-07-01 + 36 months − 6 (优秀 this review) = 2025-01-01" in out
    assert "volunteer hours in 孤岛镇: 13.5" in out
    assert "households taking part in 孤岛镇: 43.0 %" in out
