"""grassroots.store save/load of the model objects: each reloads identical (DataFrames compared),
unchanged saves write nothing, concurrent edits conflict, bad streams give clear errors."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import grassroots as gr
import grassroots.store as gs

D = dt.date
JINYUAN = "370502005066"  # 东营区胜利街道锦苑社区
YONGXING = "370503102009"
GONGQINGTUAN = "370503102001"


@pytest.fixture
def store(store_location: str) -> gs.Store:  # SQLite and PostgreSQL (conftest.py)
    return gs.open(store_location, durability=gs.Durability.NORMAL)


@pytest.fixture(scope="module")
def shengli() -> gr.SyntheticCity:
    return gr.synthetic_city(gr.datasets.dongying(), "370502005", 7)  # 胜利街道


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)


def campaign() -> gr.DualLedger:
    """A small campaign: problems served by measures, done, verified, one lapse, 销号, a reopen."""
    ledger = gr.DualLedger()
    problems = [
        ledger.add_problem(f"突出问题 {i + 1}", D(2024, 4, 1), D(2024, 11, 30), "专班", division="370502",
                           department="区委社会工作部", note="调研, \"挂牌多\"" if i == 0 else "")
        for i in range(6)
    ]
    measures = [ledger.add_measure(f"工作措施 {i + 1}", D(2024, 4, 2), D(2024, 10, 31), "专班", department="市民政局",
                                   responsible=f"责任人{i}") for i in range(4)]
    for i, p in enumerate(problems):
        ledger.link(p, measures[i % 4], D(2024, 4, 3), "专班")
    for i, m in enumerate(measures):
        ledger.start(m, D(2024, 5, 1), f"责任人{i}")
        ledger.complete(m, D(2024, 10, 15), f"责任人{i}")
    for p in problems:
        ledger.verify(p, D(2024, 11, 20), "核查组")
    ledger.reopen_measure(measures[0], D(2024, 11, 21), "责任人0", note="回头看")
    ledger.complete(measures[0], D(2024, 11, 22), "责任人0")
    for p in problems:
        if ledger.problem(p).status == gr.ProblemStatus.OPEN:
            ledger.verify(p, D(2024, 11, 23), "核查组")
        ledger.strike_off(p, D(2024, 11, 25), "市委社会工作部")
    ledger.reopen_problem(problems[1], D(2025, 1, 10), "市委社会工作部", note="反弹")
    return ledger


def same_ledger(a: gr.DualLedger, b: gr.DualLedger) -> None:
    same(a.problems_frame(), b.problems_frame())
    same(a.measures_frame(), b.measures_frame())
    same(a.links_frame(), b.links_frame())
    same(a.history_frame(), b.history_frame())


def test_autonomy_chains_reload_identical(store: gs.Store) -> None:
    for seed, code in enumerate([JINYUAN, YONGXING, GONGQINGTUAN], start=1):
        chain = gr.synthetic_chain(code, "某社区居民委员会", D(2021, 6, 1), seed)
        assert gs.save(store, f"chain-{code}", chain, "民政局") == 1
        loaded = gs.load_autonomy_chain(store, f"chain-{code}")
        same(loaded.people_frame(), chain.people_frame())
        same(loaded.groups_frame(), chain.groups_frame())
        same(loaded.roster(D(2022, 1, 1)), chain.roster(D(2022, 1, 1)))
        assert (loaded.kind, loaded.unit, loaded.name) == (chain.kind, chain.unit, chain.name)
        assert loaded.elected == chain.elected
    assert {s.kind for s in store.streams()} == {"autonomy_chain"}


def test_unchanged_saves_write_nothing_and_old_versions_stay(store: gs.Store) -> None:
    chain = gr.synthetic_chain(JINYUAN, "锦苑社区居民委员会", D(2021, 6, 1), 7)
    assert gs.save(store, "chain", chain, "a") == 1
    position = store.last_position
    assert gs.save(store, "chain", chain, "b", expected_version=1) == 1
    assert store.last_position == position
    chain.add_group("第九居民小组", 30, 60)
    assert gs.save(store, "chain", chain, "a", expected_version=1) == 2
    assert len(gs.load_autonomy_chain(store, "chain", 1).groups) + 1 == len(chain.groups)
    same(gs.load_autonomy_chain(store, "chain").groups_frame(), chain.groups_frame())


def test_concurrent_edits_conflict(store: gs.Store) -> None:
    gs.save(store, "chain", gr.synthetic_chain(JINYUAN, "锦苑社区居民委员会", D(2021, 6, 1), 7), "a")
    mine, theirs = gs.load_autonomy_chain(store, "chain"), gs.load_autonomy_chain(store, "chain")
    mine.add_group("甲", 10, 20)
    theirs.add_group("乙", 10, 20)
    assert gs.save(store, "chain", theirs, "b", expected_version=1) == 2
    with pytest.raises(gr.RuleViolationError, match="expected version 1, but the stream is at version 2"):
        gs.save(store, "chain", mine, "a", expected_version=1)


def test_grid_maps_and_staffing_reload_identical(store: gs.Store, shengli: gr.SyntheticCity) -> None:
    assert gs.save(store, "grids", shengli.map, "网格办") == 1
    grids = gs.load_grid_map(store, "grids")
    same(grids.to_pandas(), shengli.map.to_pandas())
    assert grids.to_geojson(gr.MapFeatures.ALL) == shengli.map.to_geojson(gr.MapFeatures.ALL)
    staffing = gr.GridStaffing(shengli.map)
    for g in range(len(shengli.map)):
        unit = shengli.map.grid(g).code.unit
        worker = staffing.add_worker(f"网格员{g}", unit)
        staffing.assign(worker, g, gr.GridRole.FULL_TIME, D(2024, 1, 1), D(2024, 6, 30) if g % 3 == 0 else None)
    assert gs.save(store, "staffing", staffing, "网格办") == 1
    loaded = gs.load_staffing(store, "staffing", grids)
    assert loaded.map is grids
    same(loaded.roster(D(2024, 3, 1)), staffing.roster(D(2024, 3, 1)))
    same(loaded.roster(D(2024, 8, 1)), staffing.roster(D(2024, 8, 1)))
    assert gs.save(store, "staffing", loaded, "网格办") == 1


def test_irregular_grids_reload_identical(store: gs.Store) -> None:
    outer = [(0, 0), (100, 0), (100, 40), (40, 40), (40, 100), (0, 100), (0, 0)]
    hole = [(10, 10), (20, 10), (20, 20), (10, 20), (10, 10)]
    builder = gr.GridMapBuilder(gr.CoordinateSystem.METRES, epsg=32650)  # the recorded CRS is kept too
    triangle = gr.Polygon([(100, 0), (160, 0), (100, 40), (100, 0)])
    builder.add(gr.Grid(gr.GridCode.make(JINYUAN, 1), gr.Polygon(outer, [hole]), gr.GridKind.COMPREHENSIVE, "L 形网格", 312))
    builder.add(gr.Grid(gr.GridCode.make(JINYUAN, 2), triangle, gr.GridKind.SCHOOL, "学校"))
    grids = builder.build()
    gs.save(store, "irregular", grids, "网格办")
    loaded = gs.load_grid_map(store, "irregular")
    same(loaded.to_pandas(), grids.to_pandas())
    assert loaded.coordinates == gr.CoordinateSystem.METRES and loaded.epsg == 32650
    assert loaded.to_geojson() == grids.to_geojson()


def test_the_ledger_journal_is_kept_event_by_event(store: gs.Store) -> None:
    ledger = campaign()
    version = gs.save(store, "ledger-2024", ledger, "专班")
    events = store.read_stream("ledger-2024")
    assert len(events) == version
    assert events[0].type == "problem_created"
    assert events[0].payload["recorded_by"] == "专班"
    assert any(e.payload.get("unverified") for e in events)
    same_ledger(gs.load_ledger(store, "ledger-2024"), ledger)
    position = store.last_position
    assert gs.save(store, "ledger-2024", ledger, "专班") == version
    assert store.last_position == position
    # More work: only the new entries are appended; an older version replays the past.
    ledger.unlink(1, 1, D(2025, 1, 11), "专班")
    assert gs.save(store, "ledger-2024", ledger, "专班", expected_version=version) == version + 1
    same_ledger(gs.load_ledger(store, "ledger-2024"), ledger)
    same_ledger(gs.load_ledger(store, "ledger-2024", version), campaign())


def test_concurrent_ledger_edits_conflict(store: gs.Store) -> None:
    version = gs.save(store, "ledger", campaign(), "a")
    mine, theirs = gs.load_ledger(store, "ledger"), gs.load_ledger(store, "ledger")
    mine.unlink(1, 1, D(2025, 2, 1), "甲")
    theirs.add_measure("乙的措施", D(2025, 2, 2), D(2025, 3, 31), "乙", department="市民政局")
    gs.save(store, "ledger", theirs, "乙", expected_version=version)
    with pytest.raises(gr.RuleViolationError, match="expected version"):
        gs.save(store, "ledger", mine, "甲", expected_version=version)
    with pytest.raises(gr.RuleViolationError, match="differs from this ledger's journal entry"):
        gs.save(store, "ledger", mine, "甲")


def test_burden_ledgers_reload_identical(store: gs.Store) -> None:
    ledger = gr.BurdenLedger()
    ledger.set_staff(JINYUAN, 4)
    plaque = ledger.add(JINYUAN, gr.BurdenKind.PLAQUE, "老年协会", D(2023, 1, 1), source_department="市民政局")
    ledger.add(JINYUAN, gr.BurdenKind.MEETING, "条线工作会议", D(2023, 1, 1), quantity=24)
    ledger.flag(plaque, D(2024, 3, 1), note="清理")
    ledger.remove(plaque, D(2024, 4, 1))
    gs.save(store, "burden", ledger, "减负办")
    loaded = gs.load_burden(store, "burden")
    same(loaded.items_frame(), ledger.items_frame())
    same(loaded.index_frame(D(2024, 6, 1)), ledger.index_frame(D(2024, 6, 1)))


def test_workforce_evidence_and_review_results_reload_identical(store: gs.Store) -> None:
    workforce = gr.Workforce()
    values = {}
    for i, scores in enumerate([(300, 0.99, 0.98, 40, 1.0, 96), (280, 0.97, 0.97, 36, 0.99, 94),
                                (260, 0.96, 0.99, 38, 1.0, 95), (60, 0.7, 0.75, 8, 0.85, 60)]):
        staff_id = f"sg-{i + 1}"
        workforce.add(gr.CommunityWorker(staff_id, f"社工{i + 1}", YONGXING))
        keys = ["cases_handled", "on_time_rate", "satisfaction_rate", "training_hours", "attendance_rate",
                "resident_assessment"]
        values[staff_id] = dict(zip(keys, scores))
    evidence = gr.ReviewEvidence.from_mapping(values)
    outcome = gr.review(gr.ReviewRules.defaults(), workforce, evidence, D(2024, 1, 1), D(2024, 12, 31))
    gs.save(store, "workforce", workforce, "人社局")
    gs.save(store, "evidence-2024", evidence, "人社局")
    gs.save(store, "review-2024", outcome, "人社局")
    same(gs.load_workforce(store, "workforce").to_pandas(), workforce.to_pandas())
    same(gs.load_review_evidence(store, "evidence-2024").to_pandas(), evidence.to_pandas())
    loaded = gs.load_review(store, "review-2024")
    same(loaded.to_pandas(), outcome.to_pandas())
    same(loaded.scores_frame(), outcome.scores_frame())


def test_volunteers_party_members_and_social_organisations_reload_identical(store: gs.Store) -> None:
    volunteers = gr.VolunteerRegistry()
    a = volunteers.add_volunteer(gr.Volunteer("v-1", "王芳", JINYUAN, D(2023, 1, 5)))
    b = volunteers.add_volunteer(gr.Volunteer("v-2", "李强", YONGXING, D(2023, 3, 1)))
    team = volunteers.add_team(gr.VolunteerTeam("头等大事志愿服务队", JINYUAN, D(2022, 5, 1)))
    volunteers.join(a, team)
    volunteers.join(b, team)
    project = volunteers.add_project(gr.VolunteerProject("助老", JINYUAN, D(2023, 2, 1), D(2023, 12, 31), team=team))
    volunteers.record(a, D(2023, 3, 2), 2.5, project)
    volunteers.record(b, D(2023, 4, 2), 1.25)
    gs.save(store, "volunteers", volunteers, "民政局")
    loaded = gs.load_volunteers(store, "volunteers")
    same(loaded.totals_frame(D(2023, 1, 1), D(2023, 12, 31)), volunteers.totals_frame(D(2023, 1, 1), D(2023, 12, 31)))
    assert loaded.members(team) == volunteers.members(team)
    assert [r.hours for r in loaded.records] == [2.5, 1.25]

    members = gr.ResidentPartyMembers()
    first = members.add(gr.PartyMemberRegistration("党员甲", "市民政局机关支部", JINYUAN, D(2023, 1, 1)))
    members.end(first, D(2023, 6, 30))
    members.add(gr.PartyMemberRegistration("党员甲", "市民政局机关支部", YONGXING, D(2023, 7, 1)))
    gs.save(store, "party-members", members, "组织部")
    same(gs.load_party_members(store, "party-members").counts_frame(D(2023, 8, 1)), members.counts_frame(D(2023, 8, 1)))

    organisations = gr.SocialOrganisationRegistry()
    organisations.add(gr.SocialOrganisation("银龄互助社", gr.SocialOrganisationKind.MUTUAL_AID, JINYUAN, True, 40))
    gs.save(store, "organisations", organisations, "民政局")
    loaded_orgs = gs.load_social_organisations(store, "organisations")
    same(loaded_orgs.participation_frame({JINYUAN: 400}), organisations.participation_frame({JINYUAN: 400}))


def test_bad_streams_give_clear_errors(store: gs.Store) -> None:
    gs.save(store, "chain", gr.synthetic_chain(JINYUAN, "锦苑社区居民委员会", D(2021, 6, 1), 7), "a")
    with pytest.raises(gr.NotFoundError, match="no stream 'nope'"):
        gs.load_ledger(store, "nope")
    with pytest.raises(gr.InvalidInputError, match="stream 'chain' version 1 .*not a grid_map stream"):
        gs.load_grid_map(store, "chain")
    with pytest.raises(gr.InvalidInputError, match="there is no version 5"):
        gs.load_autonomy_chain(store, "chain", 5)
    with pytest.raises(gr.InvalidInputError, match="not a workforce stream"):
        gs.save(store, "chain", gr.Workforce(), "a")
    store.append("chain", "autonomy_chain", None, [gs.NewEvent("forged", "autonomy_chain_saved",
                                                               {"format": "grassroots.autonomy_chain", "unit": "x"})])
    with pytest.raises(gr.InvalidInputError, match="stream 'chain' version 2: corrupted payload"):
        gs.load_autonomy_chain(store, "chain")
    with pytest.raises(TypeError):
        gs.save(store, "x", object(), "a")  # type: ignore[call-overload]
    with pytest.raises((gr.InvalidInputError, TypeError)):
        gs.load_staffing(store, "chain", None)  # type: ignore[arg-type]
    with pytest.raises((gr.InvalidInputError, TypeError)):
        gs.save(store, "grids", None, "a")  # type: ignore[call-overload]
