"""Grid posts (网格定岗): workers, assignments and history, the daily staffing checks, coverage
reports up the ladder, the pandas views and the full-time staffing optimiser."""

from __future__ import annotations

import gc
import pickle
from datetime import date

import pytest

import grassroots as gr
from grassroots import (
    CoordinateSystem,
    Grid,
    GridCode,
    GridMap,
    GridMapBuilder,
    GridRole,
    GridStaffing,
    PartTimeKind,
    Polygon,
    StaffingRules,
)

JINYUAN = "370502005066"  # 锦苑社区
NEIGHBOUR = "370502005067"  # another community of the same sub-district
FAR_AWAY = "370502006001"  # a community of another sub-district


def day(month: int, d: int) -> date:
    return date(2026, month, d)


def city_map() -> GridMap:
    """锦苑 01–03, the neighbour's 01 and a far community's 01: ids 0–4."""
    builder = GridMapBuilder()
    for unit, sequence, x0, households in [
        (JINYUAN, 1, 118.50, 400),
        (JINYUAN, 2, 118.51, 350),
        (JINYUAN, 3, 118.52, 300),
        (NEIGHBOUR, 1, 118.53, 450),
        (FAR_AWAY, 1, 118.60, 500),
    ]:
        shape = Polygon.rectangle((x0, 37.40), (x0 + 0.01, 37.41))
        builder.add(Grid(GridCode.make(unit, sequence), shape, name=f"第{sequence}网格", households=households))
    return builder.build()


class City:
    """Named workers first (王芳 0, 李强 1, 张伟 2 (courier), 刘洋 3 of the neighbour), then one regular
    full-time worker per grid from the grid's own community (ids 4–8)."""

    def __init__(self) -> None:
        self.staffing = GridStaffing(city_map())
        s = self.staffing
        self.wang = s.add_worker("王芳", JINYUAN)
        self.li = s.add_worker("李强", JINYUAN)
        self.zhang = s.add_worker("张伟", JINYUAN, part_time=PartTimeKind.COURIER)
        self.liu = s.add_worker(gr.GridWorker("刘洋", NEIGHBOUR))
        self.regulars = [s.add_worker(f"网格员{g + 1}", s.map.grid(g).unit) for g in range(len(s.map))]

    def staff_regulars(self, skip: tuple[int, ...] = ()) -> None:
        for g, worker in enumerate(self.regulars):
            if g not in skip:
                self.staffing.assign(worker, g, GridRole.FULL_TIME, day(1, 1))


def test_workers_and_their_checks() -> None:
    city = City()
    s = city.staffing
    assert (city.wang, city.liu, city.regulars) == (0, 3, [4, 5, 6, 7, 8])
    assert s.worker(city.zhang) == gr.GridWorker("张伟", JINYUAN, part_time=PartTimeKind.COURIER)
    assert s.worker(city.zhang).part_time.chinese_name == "快递员"
    assert [w.name for w in s.workers][:4] == ["王芳", "李强", "张伟", "刘洋"]
    with pytest.raises(gr.InvalidInputError, match=r"^a grid worker needs a name$"):
        s.add_worker("", JINYUAN)
    with pytest.raises(gr.InvalidInputError) as error:
        s.add_worker("王芳", "370502005")
    assert str(error.value) == "grid worker 王芳 must belong to a community or village; 370502005 is a township"
    with pytest.raises(gr.NotFoundError, match=r"^grid worker 99 is not registered$"):
        s.worker(99)
    located = s.add_worker("孙丽", NEIGHBOUR, location=(118.535, 37.405), may_serve_elsewhere=True)
    assert s.worker(located).location == (118.535, 37.405)
    assert pickle.loads(pickle.dumps(s.worker(located))) == s.worker(located)
    assert GridRole.FULL_TIME.chinese_name == "专职网格员" and GridRole.LIAISON.chinese_name == "网格指导员"


def test_assign_checks_its_input_and_changes_nothing_on_error() -> None:
    city = City()
    s = city.staffing
    with pytest.raises(gr.NotFoundError, match=r"^grid worker 99 is not registered$"):
        s.assign(99, 0, GridRole.FULL_TIME, day(3, 1))
    with pytest.raises(gr.NotFoundError, match=r"^no grid with id 99 in this map of 5 grids$"):
        s.assign(city.wang, 99, GridRole.FULL_TIME, day(3, 1))
    with pytest.raises(gr.NotFoundError, match=r"^no grid with id \(invalid\)"):
        s.assign(city.wang, -1, GridRole.FULL_TIME, day(3, 1))
    with pytest.raises(gr.InvalidInputError) as error:
        s.assign(city.wang, 0, GridRole.FULL_TIME, day(3, 1), day(1, 1))
    assert str(error.value) == "an assignment ends on 2026-01-01, before it starts on 2026-03-01"
    with pytest.raises(gr.InvalidInputError, match=r"^王芳 has no part-time kind and cannot hold a part-time post$"):
        s.assign(city.wang, 0, GridRole.PART_TIME, day(3, 1))
    assert s.assignments == []
    first = s.assign(city.wang, 0, GridRole.FULL_TIME, day(3, 1))
    s.end_assignment(first, day(3, 31))
    with pytest.raises(gr.InvalidInputError, match=r"^assignment 0 already ended on 2026-03-31$"):
        s.end_assignment(first, day(4, 1))
    assert s.assignments == [gr.GridAssignment(city.wang, 0, GridRole.FULL_TIME, day(3, 1), day(3, 31))]


def test_holders_history_and_posts_of() -> None:
    city = City()
    s = city.staffing
    a0 = s.assign(city.wang, 0, GridRole.FULL_TIME, day(1, 1))
    a1 = s.assign(city.li, 0, GridRole.FULL_TIME, day(3, 1))
    a2 = s.assign(city.wang, 0, GridRole.CHIEF, day(2, 1))
    a3 = s.assign(city.zhang, 0, GridRole.PART_TIME, day(1, 15), day(1, 31))
    a4 = s.assign(city.wang, 1, GridRole.COMMUNITY_WORKER, day(1, 1))
    s.end_assignment(a0, day(2, 28))
    assert s.holders(0, GridRole.FULL_TIME, day(2, 28)) == [city.wang]
    assert s.holders(0, GridRole.FULL_TIME, day(3, 1)) == [city.li]
    assert s.holders(0, GridRole.PART_TIME, day(2, 1)) == []
    assert s.history(0) == [a0, a3, a2, a1]
    assert s.posts_of(city.wang) == [a0, a4, a2]
    assert s.assignments[a0].active_on(day(2, 28)) and not s.assignments[a0].active_on(day(3, 1))
    with pytest.raises(gr.NotFoundError):
        s.history(9)

    roster = s.roster(on=day(2, 1))
    assert roster.index.name == "assignment" and len(roster) == 5
    assert roster["role"].tolist() == ["full_time", "full_time", "chief", "part_time", "community_worker"]
    assert roster["code"].tolist()[:2] == ["37050200506601", "37050200506601"]
    assert roster["active"].tolist() == [True, False, True, False, True]
    assert str(roster["start"].dtype).startswith("datetime64") and roster["end"].isna().tolist()[1]


def test_no_full_time_worker() -> None:
    city = City()
    findings = city.staffing.check(day(3, 1), day(3, 5))
    assert [f.message for f in findings] == [
        "grid 37050200506601 has no full-time worker from 2026-03-01 to 2026-03-05",
        "grid 37050200506602 has no full-time worker from 2026-03-01 to 2026-03-05",
        "grid 37050200506603 has no full-time worker from 2026-03-01 to 2026-03-05",
        "grid 37050200506701 has no full-time worker from 2026-03-01 to 2026-03-05",
        "grid 37050200600101 has no full-time worker from 2026-03-01 to 2026-03-05",
    ]
    first = findings[0]
    assert (first.rule_id, first.grid, first.worker, first.first, first.last) == (
        "full_time.exactly_one",
        0,
        None,
        day(3, 1),
        day(3, 5),
    )
    city.staff_regulars()
    assert city.staffing.check(day(1, 1), day(12, 31)) == []
    with pytest.raises(gr.InvalidInputError, match=r"^check: the range ends on 2026-03-01, before it starts on 2026-03-02$"):
        city.staffing.check(day(3, 2), day(3, 1))


def test_two_full_time_workers_and_one_worker_in_two_grids() -> None:
    city = City()
    city.staff_regulars(skip=(0,))
    s = city.staffing
    s.assign(city.wang, 0, GridRole.FULL_TIME, day(1, 1))
    s.assign(city.li, 0, GridRole.FULL_TIME, day(3, 2), day(3, 2))
    s.assign(city.wang, 1, GridRole.FULL_TIME, day(3, 10), day(3, 12))
    findings = s.check(day(3, 1), day(3, 31))
    assert [(f.rule_id, f.message) for f in findings] == [
        ("full_time.exactly_one", "grid 37050200506601 has 2 full-time workers (王芳, 李强) on 2026-03-02"),
        ("full_time.exactly_one", "grid 37050200506602 has 2 full-time workers (王芳, 网格员2) from 2026-03-10 to 2026-03-12"),
        (
            "full_time.one_grid",
            "full-time worker 王芳 serves 2 grids (37050200506601, 37050200506602) from 2026-03-10 to 2026-03-12",
        ),
    ]
    assert (findings[2].grid, findings[2].worker) == (None, city.wang)

    frame = s.findings_frame(findings)
    assert frame["rule_id"].tolist() == ["full_time.exactly_one", "full_time.exactly_one", "full_time.one_grid"]
    assert frame["code"].tolist() == ["37050200506601", "37050200506602", gr_na()]
    assert frame["worker_name"].tolist() == [gr_na(), gr_na(), "王芳"]
    assert {c: str(frame[c].dtype) for c in ("grid", "worker", "code", "message")} == {
        "grid": "Int64",
        "worker": "Int64",
        "code": "string",
        "message": "string",
    }
    assert str(frame["first"].dtype).startswith("datetime64")


def gr_na() -> object:
    import pandas as pd

    return pd.NA


def test_rules_are_configurable() -> None:
    city = City()
    city.staff_regulars()
    s = city.staffing
    for g in (0, 1, 2):
        s.assign(city.zhang, g, GridRole.PART_TIME, day(3, 1))
    assert [f.rule_id for f in s.check(day(3, 1), day(3, 31))] == ["part_time.load"]
    assert s.check(day(3, 1), day(3, 31), StaffingRules(part_time_max_grids=3)) == []
    s.assign(city.liu, 0, GridRole.COMMUNITY_WORKER, day(3, 1))
    chief = s.check(day(3, 1), day(3, 1), StaffingRules(part_time_max_grids=3, require_chief=True))
    assert [f.rule_id for f in chief] == ["chief.exactly_one"] * 5 + ["post.home"]
    assert chief[-1].message == (
        "刘洋 of 370502005067 holds a post in grid 37050200506601 of another community on 2026-03-01"
    )
    assert StaffingRules() == StaffingRules(part_time_max_grids=2, liaison_max_grids=60, require_chief=False)


def test_summary_by_community_and_township() -> None:
    city = City()
    city.staff_regulars(skip=(2,))
    s = city.staffing
    s.assign(city.zhang, 0, GridRole.PART_TIME, day(1, 1))
    rows = s.summary("370502005", gr.Level.VILLAGE, day(3, 1))
    assert [str(r.unit) for r in rows] == [JINYUAN, NEIGHBOUR]
    jinyuan = rows[0]
    assert (jinyuan.grids, jinyuan.grids_without_full_time, jinyuan.full_time_workers) == (3, 1, 2)
    assert (jinyuan.part_time_workers, jinyuan.workers_over_load, jinyuan.households) == (1, 0, 1050)
    assert jinyuan.households_per_full_time == 525.0
    district = s.summary("370502", gr.Level.TOWNSHIP, day(3, 1))
    assert [(str(r.unit), r.grids) for r in district] == [("370502005", 4), ("370502006", 1)]
    with pytest.raises(gr.InvalidInputError, match=r"^summary: county level is above 370502005"):
        s.summary("370502005", gr.Level.COUNTY, day(3, 1))

    frame = s.summary_frame(rows)
    assert frame["unit"].tolist() == [JINYUAN, NEIGHBOUR]
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        "unit": "string",
        "grids": "int64",
        "grids_without_full_time": "int64",
        "full_time_workers": "int64",
        "part_time_workers": "int64",
        "workers_over_load": "int64",
        "households": "int64",
        "households_per_full_time": "float64",
    }


def test_staffing_keeps_its_map_alive() -> None:
    staffing = GridStaffing(city_map())  # nothing else refers to the map
    gc.collect()
    assert len(staffing.map) == 5
    assert staffing.map is staffing.map
    worker = staffing.add_worker("王芳", JINYUAN)
    staffing.assign(worker, 4, GridRole.LIAISON, day(1, 1))
    assert staffing.check(day(1, 1), day(1, 1))[-1].rule_id == "post.home"
    assert repr(staffing) == "<GridStaffing of 5 grids: 1 worker, 1 assignment>"


# ---- the optimiser --------------------------------------------------------------------------------


def test_optimiser_is_no_worse_than_greedy() -> None:
    # Two grids 1 km apart (centroids at x = 0 and x = 1000 m) and two workers of 锦苑 at x = 100 and
    # x = -150. Greedy gives grid 01 the nearest (100 m) and leaves grid 02 the far one (1,150 m):
    # 1,250 m in all; the optimum crosses over: 150 + 900 = 1,050 m.
    builder = GridMapBuilder(CoordinateSystem.METRES)
    builder.add(Grid(GridCode.make(JINYUAN, 1), Polygon.rectangle((-50, -50), (50, 50))))
    builder.add(Grid(GridCode.make(JINYUAN, 2), Polygon.rectangle((950, -50), (1050, 50))))
    builder.add(Grid(GridCode.make(NEIGHBOUR, 1), Polygon.rectangle((2000, -50), (2100, 50))))
    staffing = GridStaffing(builder.build())
    near = staffing.add_worker("近", JINYUAN, location=(100, 0))
    far = staffing.add_worker("远", JINYUAN, location=(-150, 0))
    grids = [0, 1, 2]
    best = gr.optimise_full_time(staffing, grids, [near, far])
    greedy = gr.greedy_full_time(staffing, grids, [near, far])
    assert best.worker_of_grid == [far, near, None]
    assert greedy.worker_of_grid == [near, far, None]
    assert (best.unstaffed, greedy.unstaffed) == (1, 1)  # nobody may serve the neighbour's grid
    assert best.total_distance_m == pytest.approx(1_050) and greedy.total_distance_m == pytest.approx(1_250)
    assert best.total_distance_m <= greedy.total_distance_m
    assert best.max_distance_m == pytest.approx(900)
    assert gr.optimise_full_time(staffing, [], [near]).worker_of_grid == [None, None, None]
    with pytest.raises(gr.NotFoundError, match=r"^no grid with id 5 in this map of 3 grids$"):
        gr.optimise_full_time(staffing, [5], [near])
    with pytest.raises(gr.NotFoundError, match=r"^grid worker 9 is not registered$"):
        gr.greedy_full_time(staffing, grids, [9])
