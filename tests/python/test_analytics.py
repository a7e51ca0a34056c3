"""KPIs and roll-ups from Python: case tables from arrays, pandas and a case engine; the published
check; every rate against a plain pandas computation (groupby + merge up the ladder); pandas dtypes;
bad input; no silent empties (warnings, refused columns, the cut-off) and synthetic cases anywhere."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import grassroots as gr

# Sparse tables leave rates undefined on some units; test_kpi_empties.py checks those warnings.
pytestmark = pytest.mark.filterwarnings("ignore::grassroots.UndefinedRateWarning")

CST = dt.timezone(dt.timedelta(hours=8))
A, B, C, D = "370502005066", "370502005058", "370502006002", "370503001002"


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute)  # naive = China Standard Time


MARCH = gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 4, 1))


def march_cases(tree: gr.DivisionTree) -> gr.CaseTable:
    """The eight hand-computed cases of docs/analytics.md (also pinned in the C++ tests)."""
    rows: list[dict[str, Any]] = [
        dict(unit=A, opened_at=at(3, 3, 9), handling_due=at(3, 10, 17, 30), closed_at=at(3, 7, 15), handled_at=at(3, 7, 10),
             grid="37050200506601", matter="event:0502", rated=True, responded=True, resolved=True, satisfied=True),
        dict(unit=A, opened_at=at(3, 4, 9), handling_due=at(3, 11, 17, 30), closed_at=at(3, 12, 11), handled_at=at(3, 12, 9),
             grid="37050200506601", matter="event:0502", rated=True, responded=True, reworks=1, escalations=1),
        dict(unit=A, opened_at=at(3, 5, 9), handling_due=at(3, 12, 17, 30), closed_at=at(3, 13, 10), handled_at=at(3, 12, 17),
             grid="37050200506602", matter="component:0101", deferred=True),
        dict(unit=B, opened_at=at(3, 10, 9), handling_due=at(3, 17, 17, 30), escalations=2),
        dict(unit=B, opened_at=at(3, 20, 9), handling_due=at(4, 2, 17, 30)),
        dict(unit=C, opened_at=at(2, 25, 9), handling_due=at(3, 4, 17, 30), closed_at=at(3, 3, 12), handled_at=at(3, 3, 9),
             matter="component:0101"),
        dict(unit=C, opened_at=at(3, 25, 9), handling_due=at(3, 31, 17, 30), closed_at=at(4, 2, 10), handled_at=at(3, 31, 16),
             deferred=True),
        dict(unit=D, opened_at=at(3, 6, 9), handling_due=at(3, 13, 17, 30), closed_at=at(3, 13, 10), handled_at=at(3, 13, 9),
             grid="37050300100201", matter="component:0101", rated=True, responded=True, resolved=True, reworks=2),
    ]
    column = lambda name, default: [r.get(name, default) for r in rows]  # noqa: E731
    return gr.CaseTable.from_arrays(
        tree, unit=column("unit", None), opened_at=column("opened_at", None), handling_due=column("handling_due", None),
        closed_at=column("closed_at", None), handled_at=column("handled_at", None),
        deferred=column("deferred", False), rated=column("rated", False), responded=column("responded", False),
        resolved=column("resolved", False), satisfied=column("satisfied", False), reworks=column("reworks", 0),
        escalations=column("escalations", 0), grid=column("grid", None), matter=column("matter", None))


# ---- definitions ----------------------------------------------------------------------------------
def test_kpi_definitions_carry_formula_and_source() -> None:
    ids = [d.id for d in gr.kpi_definitions()]
    assert ids[:2] == ["closure_rate", "on_time_closure_rate"]
    assert len(set(ids)) == len(ids)
    closure = gr.kpi_definition("closure_rate")
    assert (closure.chinese_name, closure.formula, closure.verified) == ("结案率", "closed / cases", True)
    assert "96.16 %" in closure.source and "exclude_deferred" in closure.options
    assert closure.to_dict()["id"] == "closure_rate"
    with pytest.raises(gr.NotFoundError):
        gr.kpi_definition("happiness")


# ---- hand-computed ----------------------------------------------------------------------------------
def test_counts_and_rates_roll_up_the_ladder(dongying: gr.DivisionTree) -> None:
    report = gr.compute_kpis(march_cases(dongying), MARCH)
    a = report.unit(A)
    assert a.counts == gr.KpiCounts(cases=3, deferred=1, with_deadline=3, deferred_with_deadline=1, closed=3,
                                    closed_deferred=1, on_time=2, on_time_deferred=1,
                                    closed_late=1, rated=2, responded=2, resolved=1, satisfied=1, reworks=1, reworked=1,
                                    escalations=1)
    assert a.rates.closure == 1.0 and a.rates.on_time_closure == pytest.approx(2 / 3)
    assert report.unit("370502005").rates.closure == 0.75  # 3 of 4, not the mean of 100 % and 0 %
    city = report.unit("3705")
    assert (city.counts.cases, city.counts.closed, city.counts.on_time, city.counts.overdue_open) == (7, 5, 4, 2)
    assert city.rates.satisfaction == pytest.approx(1 / 3)
    assert city.time_to_close.hours_p50 == 169.0
    assert city.time_to_close.hours_p90 == pytest.approx(193.6)
    assert city.time_to_close.working_days_p50 is None  # no calendar given
    assert report.unit(B).rates.response is None  # nobody rated: None, not 0
    assert report.unit("370502005059").rates.closure is None  # no cases at all
    assert len(report.units) == len(dongying)
    township = report.unit("370502005")
    assert (str(report.code(township)), report.name(township), report.level(township)) == \
        ("370502005", "胜利街道", gr.Level.TOWNSHIP)
    assert report.cutoff == dt.datetime(2025, 4, 1, tzinfo=CST)


def test_options_change_the_rates(dongying: gr.DivisionTree) -> None:
    table = march_cases(dongying)
    excluded = gr.compute_kpis(table, gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 4, 1), exclude_deferred=True))
    assert excluded.unit("370502").rates.closure == 0.75
    by_closing = gr.compute_kpis(table, gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, on_time=gr.OnTimeRule.BY_CLOSING))
    assert by_closing.unit(A).counts.on_time == 1
    opened = gr.compute_kpis(table, gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, basis=gr.PeriodBasis.OPENED))
    assert opened.unit(B).counts.cases == 2
    later = gr.compute_kpis(table, gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, cutoff=at(4, 3)))
    assert later.unit(C).counts.closed == 2
    with_calendar = gr.compute_kpis(table, gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, calendar=gr.Calendar.china()))
    assert with_calendar.unit("3705").time_to_close.working_days_p50 == 5.0
    assert gr.compute_rates(excluded.unit("370502").counts, exclude_deferred=True).closure == 0.75


def test_grid_matter_and_bucket_rows(dongying: gr.DivisionTree) -> None:
    table = march_cases(dongying)
    report = gr.compute_kpis(table, MARCH)
    assert report.grid("37050200506601").time_to_close.hours_p50 == 148.0
    assert report.matter("component:0101").counts.cases == 3
    with pytest.warns(gr.EmptyPeriodWarning, match="2 of 6 week buckets hold no case .2025-02-24, 2025-03-24."):
        months = gr.compute_kpis_by_bucket(table, MARCH, gr.TimeBucket.WEEK)
    assert months.starts[0] == dt.date(2025, 2, 24)  # the Monday of 1 March's week
    assert all(d.weekday() == 0 for d in months.starts)
    assert sum(months.row("3705", d).counts.cases for d in months.starts) == 7
    week = months.row("3705", dt.date(2025, 3, 10))
    assert week.bucket == 2 and months.start(week) == dt.date(2025, 3, 10) and str(months.code(week)) == "3705"


def test_the_published_check(dongying: gr.DivisionTree) -> None:
    n = 24_932
    i = np.arange(n)
    opened = np.full(n, np.datetime64("2025-03-03T09:00"), dtype="datetime64[s]")
    handled = np.where(i < 22_345, np.datetime64("2025-03-07T09:00", "s"), np.datetime64("2025-03-11T09:00", "s"))
    handled = np.where(i < 23_974, handled, np.datetime64("NaT"))
    table = gr.CaseTable.from_arrays(
        dongying, unit=np.where(i % 2 == 0, A, C), opened_at=opened,
        handling_due=np.full(n, np.datetime64("2025-03-10T17:30"), dtype="datetime64[s]"),
        handled_at=handled, closed_at=handled + np.timedelta64(1, "h"))
    city = gr.compute_kpis(table, MARCH).unit("3705")
    assert (city.counts.cases, city.counts.closed, city.counts.on_time) == (24_932, 23_974, 22_345)
    assert round(city.rates.closure * 100, 2) == 96.16
    assert round(city.rates.on_time_closure * 100, 2) == 89.62


# ---- against plain pandas -------------------------------------------------------------------------
def pandas_kpis(table: gr.CaseTable, tree: gr.DivisionTree, begin: np.datetime64, end: np.datetime64) -> Any:
    """What an analyst writes: filter, flag, group by village, merge the parent up the ladder, sum."""
    import pandas as pd

    c = table.columns()
    frame = pd.DataFrame({k: np.asarray(v) for k, v in c.items()})
    lo, hi = int(begin.astype("datetime64[s]").astype(np.int64)), int(end.astype("datetime64[s]").astype(np.int64))
    frame = frame[(frame.handling_due >= lo) & (frame.handling_due < hi)]
    closed = (frame.closed_at != np.iinfo(np.int64).min) & (frame.closed_at < hi)
    frame = frame.assign(
        cases=1, closed_now=closed, on_time=closed & (frame.handled_at != np.iinfo(np.int64).min) & (frame.handled_at <= frame.handling_due),
        hours=np.where(closed, np.minimum(-((frame.opened_at - frame.closed_at) // 3600), 2160), np.nan))
    sums = frame.groupby("unit")[["cases", "closed_now", "on_time", "rated", "satisfied", "reworks"]].sum()
    parents = pd.Series(tree.parent_indices, name="parent")
    total = sums.copy()
    level = sums
    while True:  # merge each level's sums onto the parents, group, add
        up = level.join(parents, how="left")
        up = up[up.parent >= 0].groupby("parent")[list(sums.columns)].sum().rename_axis("unit")
        if up.empty:
            break
        total = total.add(up, fill_value=0)
        level = up
    return frame, total.astype(np.int64)


def test_equals_a_plain_pandas_computation(dongying: gr.DivisionTree) -> None:
    pytest.importorskip("pandas")
    table = gr.CaseTable.synthetic(dongying, cases=20_000, seed=3)
    report = gr.compute_kpis(table, gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1)))
    frame, total = pandas_kpis(table, dongying, np.datetime64("2024-12-31T16:00"), np.datetime64("2025-12-31T16:00"))
    ours = report.to_pandas()
    assert (ours.loc[total.index, "cases"].to_numpy() == total.cases.to_numpy()).all()
    assert (ours.loc[total.index, "closed"].to_numpy() == total.closed_now.to_numpy()).all()
    assert (ours.loc[total.index, "on_time"].to_numpy() == total.on_time.to_numpy()).all()
    assert (ours.loc[total.index, "satisfied"].to_numpy() == total.satisfied.to_numpy()).all()
    assert (ours.loc[total.index, "reworks"].to_numpy() == total.reworks.to_numpy()).all()
    rate = (total.closed_now / total.cases).to_numpy()
    assert np.allclose(ours.loc[total.index, "closure_rate"].to_numpy(), rate, rtol=0, atol=1e-15)
    # Percentiles of one county and of every village: pandas' groupby quantile (linear).
    by_village = frame.groupby("unit").hours.quantile([0.5, 0.9, 0.95]).unstack()
    assert np.allclose(ours.loc[by_village.index, ["hours_p50", "hours_p90", "hours_p95"]].to_numpy(), by_village.to_numpy(),
                       rtol=0, atol=1e-9, equal_nan=True)
    county = dongying["370502"]
    inside = (frame.unit >= county.index) & (frame.unit < county.index + county.subtree_size)
    expected = frame[inside].hours.dropna().quantile([0.5, 0.9, 0.95]).to_numpy()
    assert np.allclose(ours.loc[county.index, ["hours_p50", "hours_p90", "hours_p95"]].to_numpy(dtype=float), expected)


# ---- pandas dtypes --------------------------------------------------------------------------------
def test_frames_have_typed_columns(dongying: gr.DivisionTree) -> None:
    pd = pytest.importorskip("pandas")
    table = march_cases(dongying)
    cases = table.to_pandas()
    assert isinstance(cases.unit.dtype, pd.CategoricalDtype) and cases.unit.iloc[0] == A
    assert isinstance(cases.grid.dtype, pd.CategoricalDtype) and pd.isna(cases.grid.iloc[3])
    assert str(cases.opened_at.dtype.tz) == "Asia/Shanghai"
    assert cases.opened_at.iloc[0] == pd.Timestamp("2025-03-03 09:00", tz="Asia/Shanghai")
    assert pd.isna(cases.closed_at.iloc[3])
    assert cases.closed.dtype == bool and cases.reworks.dtype == np.int32
    units = gr.compute_kpis(table, MARCH).to_pandas()
    assert isinstance(units.code.dtype, pd.CategoricalDtype)
    assert units.level.cat.ordered and list(units.level.cat.categories) == ["province", "prefecture", "county", "township", "village"]
    assert units.cases.dtype == np.int64 and units.closure_rate.dtype == np.float64
    assert math.isnan(units.set_index("code").loc["370502005059", "closure_rate"])
    assert units.attrs["basis"] == "handling_due"
    grids = gr.compute_kpis(table, MARCH).to_pandas("grids")
    assert list(grids.code) == ["37050200506601", "37050200506602", "37050300100201"]
    assert list(gr.compute_kpis(table, MARCH).to_pandas("matters").key) == ["component:0101", "event:0502"]
    buckets = gr.compute_kpis_by_bucket(table, MARCH, gr.TimeBucket.MONTH).to_pandas()
    assert buckets.bucket_start.dtype.kind == "M" and buckets.bucket_start.iloc[0] == pd.Timestamp("2025-03-01")
    with pytest.raises(gr.InvalidInputError, match="part 'cities'"):
        gr.compute_kpis(table, MARCH).to_pandas("cities")


def test_pandas_round_trip_and_zero_copy_columns(dongying: gr.DivisionTree) -> None:
    pytest.importorskip("pandas")
    table = gr.CaseTable.synthetic(dongying, cases=2_000, seed=5)
    columns = table.columns()
    assert columns["unit"].dtype == np.uint32 and columns["closed"].dtype == bool
    assert columns["opened_at"].dtype == np.int64 and not columns["opened_at"].flags.writeable
    back = gr.CaseTable.from_pandas(dongying, table.to_pandas())
    for name, values in back.columns().items():
        if name not in ("grid", "matter"):
            assert (values == columns[name]).all(), name
    assert [back.grid_codes[i] if i >= 0 else None for i in back.columns()["grid"]] == \
        [table.grid_codes[i] if i >= 0 else None for i in columns["grid"]]
    assert len(table) == 2_000 and table.tree is dongying



def test_a_frame_reaches_cpp_in_one_call(dongying: gr.DivisionTree, monkeypatch: pytest.MonkeyPatch) -> None:
    """from_pandas and from_arrays are Python: they normalise the columns and call the C++ constructor once."""
    pytest.importorskip("pandas")
    frame = gr.CaseTable.synthetic(dongying, cases=50, seed=3).to_pandas()
    build = gr.CaseTable._from_columns
    calls: list[str] = []

    def counted(*args: Any) -> gr.CaseTable:
        calls.append("_from_columns")
        return build(*args)

    monkeypatch.setattr(gr.CaseTable, "_from_columns", staticmethod(counted))
    assert len(gr.CaseTable.from_pandas(dongying, frame)) == 50
    assert calls == ["_from_columns"]
    assert gr.CaseTable.from_pandas.__module__ == gr.CaseTable.from_arrays.__module__ == "grassroots.analytics._tables"


# ---- from a case engine ---------------------------------------------------------------------------
def test_from_engine_reads_deferral_and_ratings(dongying: gr.DivisionTree) -> None:
    if not hasattr(gr, "CaseEngine"):
        pytest.skip("no case engine bindings")
    engine = gr.CaseEngine(gr.Calendar.china(), gr.EngineOptions(jurisdiction="370502"))
    states = [gr.StateDefinition("receive", "受理"), gr.StateDefinition("defer", "缓办"),
              gr.StateDefinition("handle", "办理", deadline=gr.Deadline.working_days(5)),
              gr.StateDefinition("rating", "评价"), gr.StateDefinition("closed", "办结", closed=True)]
    transitions = [gr.TransitionDefinition("accept", "receive", "handle", ["centre"]),
                   gr.TransitionDefinition("defer", "receive", "defer", ["centre"]),
                   gr.TransitionDefinition("resume", "defer", "handle", ["centre"]),
                   gr.TransitionDefinition("complete", "handle", "rating", ["department"], ["result"], duty=gr.Duty.HANDLE),
                   gr.TransitionDefinition("rate", "rating", "closed", ["centre"], ["satisfied"])]
    engine.add_workflow(gr.WorkflowDefinition("rated", 1, "受理—缓办—办理—评价", "receive", states, transitions))
    engine.add_actor(gr.Actor("c-1", "热线中心", ["centre"]))
    engine.add_actor(gr.Actor("d-1", "街道", ["department"]))
    first = engine.open(gr.CaseInput("event:0502", workflow="rated", unit=A), "c-1", at(3, 3, 9))
    engine.take(first, "accept", "c-1", at(3, 3, 10))
    engine.take(first, "complete", "d-1", at(3, 5, 10), {"result": "已修复"})
    engine.take(first, "rate", "c-1", at(3, 6, 10), {"responded": "是", "resolved": "no", "satisfied": "YES"})
    second = engine.open(gr.CaseInput("event:0101", workflow="rated", unit=B), "c-1", at(3, 3, 9))
    engine.take(second, "defer", "c-1", at(3, 3, 10))
    table = gr.CaseTable.from_engine(engine, dongying)
    c = table.columns()
    assert list(c["deferred"]) == [False, True]
    assert (list(c["rated"]), list(c["responded"]), list(c["resolved"]), list(c["satisfied"])) == \
        ([True, False], [True, False], [False, False], [True, False])
    assert list(c["closed"]) == [True, False]
    assert c["handling_due"][0] == int(dt.datetime(2025, 3, 10, 17, 30, tzinfo=CST).timestamp())
    assert gr.compute_kpis(table, MARCH).unit("370502005").counts.rated == 1
    engine.take(second, "resume", "c-1", at(3, 4, 10))
    engine.take(second, "complete", "d-1", at(3, 5, 10), {"result": "ok"})
    engine.take(second, "rate", "c-1", at(3, 6, 10), {"satisfied": "很满意"})
    with pytest.raises(gr.InvalidInputError, match="case C000002, field 'satisfied'"):
        gr.CaseTable.from_engine(engine, dongying)


# ---- bad input ------------------------------------------------------------------------------------
def test_bad_input_names_the_row_and_column(dongying: gr.DivisionTree) -> None:
    opened = [at(3, 1, 9), at(3, 2, 9)]
    with pytest.raises(gr.InvalidInputError, match=r"row 2, field 'unit': unit 110101001001 is not in the tree \(index 1\)"):
        gr.CaseTable.from_arrays(dongying, unit=[A, "110101001001"], opened_at=opened)
    with pytest.raises(gr.InvalidInputError, match="row 2, field 'unit'"):
        gr.CaseTable.from_arrays(dongying, unit=[A, "37050"], opened_at=opened)
    with pytest.raises(gr.InvalidInputError, match="row 1, field 'unit': every case needs its unit"):
        gr.CaseTable.from_arrays(dongying, unit=[None, A], opened_at=opened)
    with pytest.raises(gr.InvalidInputError, match="column 'closed_at' has 1 rows but 'unit' has 2"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=opened, closed_at=[at(3, 3)])
    with pytest.raises(gr.InvalidInputError, match="row 2, field 'closed_at': closed_at 2025-03-01T00:00:00\\+08:00 is before"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=opened, closed_at=[None, at(3, 1)])
    with pytest.raises(gr.InvalidInputError, match="row 1, field 'deferred': flags are 0 or 1"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=opened, deferred=[2, 0])
    with pytest.raises(gr.InvalidInputError, match="field 'responded': responded is set on a case that is not rated"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=opened, responded=[True, False])
    with pytest.raises(gr.InvalidInputError, match="row 2, field 'grid': grid index 5 is outside"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=opened, grid=[0, 5], grid_codes=["37050200506601"])
    with pytest.raises(gr.InvalidInputError, match="row 2, field 'opened_at': 'soon' is not an instant"):
        gr.CaseTable.from_arrays(dongying, unit=[A, B], opened_at=[at(3, 1), "soon"])
    with pytest.raises(gr.InvalidInputError, match="no column 'opened_at'"):
        gr.CaseTable.from_pandas(dongying, pytest.importorskip("pandas").DataFrame({"unit": [A]}))
    with pytest.raises(ValueError):  # InvalidInputError is a ValueError
        gr.compute_kpis(march_cases(dongying), gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 3, 1)))
    with pytest.raises(gr.InvalidInputError, match="scope 110101 is not a unit of the tree"):
        gr.compute_kpis(march_cases(dongying), gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, scope="110101"))
    with pytest.raises(gr.InvalidInputError, match="cap_hours is 0"):
        gr.compute_kpis(march_cases(dongying), gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, cap_hours=0))
    with pytest.raises(gr.InvalidInputError):
        gr.parse_rating_value("maybe")
    assert gr.parse_rating_value("是") is True


def test_synthetic_tables_are_reproducible(dongying: gr.DivisionTree) -> None:
    a = gr.CaseTable.synthetic(dongying, cases=5_000, seed=9).columns()
    b = gr.CaseTable.synthetic(dongying, cases=5_000, seed=9).columns()
    assert all((a[k] == b[k]).all() for k in a)
    assert repr(gr.CaseTable.synthetic(dongying, cases=10)).startswith("<CaseTable: 10 cases")


def test_synthetic_cases_fall_in_the_grids_of_a_map(dongying: gr.DivisionTree) -> None:
    city = gr.synthetic_city(dongying, "370502", seed=3)  # 东营区 only
    plain = gr.CaseTable.synthetic(dongying, cases=20_000, seed=4)
    table = gr.CaseTable.synthetic(dongying, cases=20_000, seed=4, grids=city.map)
    assert table.grid_codes == [str(grid.code) for grid in city.map.grids]
    assert (table.columns()["unit"] == plain.columns()["unit"]).all()  # units drawn as without a map
    frame = table.to_pandas()
    in_grid = frame[frame.grid.notna()]
    assert len(in_grid) > 1_000
    assert (in_grid.grid.astype(str).str[:12] == in_grid.unit.astype(str)).all()
    assert frame[~frame.unit.astype(str).str.startswith("370502")].grid.isna().all()  # not on the map
    # The grid rows of a report count the cases per grid of the map.
    options = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 2, 1))
    rows = gr.compute_kpis(table, options).to_pandas("grids")
    assert rows.cases.sum() == len(in_grid)
    with pytest.raises(TypeError):
        gr.CaseTable.synthetic(dongying, cases=10, grids="370502")  # type: ignore[arg-type]


def test_synthetic_cases_stay_in_their_scope(dongying: gr.DivisionTree) -> None:
    table = gr.CaseTable.synthetic(dongying, cases=3_000, seed=5, scope="370503")  # 河口区
    units = table.to_pandas().unit.astype(str)
    assert units.str.startswith("370503").all() and units.nunique() > 50
    with pytest.raises(gr.NotFoundError, match="scope 370599 is not a unit of the tree"):
        gr.CaseTable.synthetic(dongying, cases=10, scope="370599")
    with pytest.raises(gr.InvalidInputError):
        gr.CaseTable.synthetic(dongying, cases=10, scope="3705x")


# ---- no silent empties (issue 15 item 2) --------------------------------------------------------------
# Each complaint of the issue as a test: a frame without handling_due, basis=OPENED without deadlines,
# empty periods and undefined rates (warnings of the library), the report's cut-off (the December dip),
# one name per KPI, sources inside the repository, CaseTable.synthetic for every province and the country.
LONGTAN = "370502005058"  # 龙潭社区: one case in March, open, not rated


def frame_without_deadlines() -> Any:
    """What an analyst has at hand: unit, filed and closed, nothing about deadlines."""
    pd = pytest.importorskip("pandas")
    return pd.DataFrame({
        "unit": ["370502005066", "370502005066", LONGTAN],
        "opened_at": pd.to_datetime(["2025-03-03 09:00", "2025-03-04 09:00", "2025-03-10 09:00"]),
        "closed_at": pd.to_datetime(["2025-03-07 15:00", None, "2025-03-12 10:00"]),
    })


# ---- the warning classes ------------------------------------------------------------------------------
def test_warning_classes_are_exported_user_warnings() -> None:
    assert issubclass(gr.GrassrootsWarning, UserWarning)
    for cls in (gr.EmptyPeriodWarning, gr.UndefinedRateWarning):
        assert issubclass(cls, gr.GrassrootsWarning)
        assert cls is getattr(gr.analytics, cls.__name__)
    assert {"GrassrootsWarning", "EmptyPeriodWarning", "UndefinedRateWarning"} <= set(gr.__all__)


# ---- a column the basis needs ----------------------------------------------------------------------------
def test_a_frame_without_handling_due_is_refused_under_the_default_basis(dongying: gr.DivisionTree) -> None:
    table = gr.CaseTable.from_pandas(dongying, frame_without_deadlines())
    for compute in (lambda: gr.compute_kpis(table, MARCH),
                    lambda: gr.compute_kpis_by_bucket(table, MARCH, gr.TimeBucket.MONTH)):
        with pytest.raises(gr.InvalidInputError, match=r"handling_due.*basis|basis.*handling_due") as error:
            compute()
        assert "basis=PeriodBasis.OPENED" in str(error.value) or "opened" in str(error.value)


def test_by_handling_without_handled_at_is_refused(dongying: gr.DivisionTree) -> None:
    pd = pytest.importorskip("pandas")
    frame = frame_without_deadlines().assign(handling_due=pd.to_datetime(["2025-03-10 17:30"] * 3))
    table = gr.CaseTable.from_pandas(dongying, frame)
    with pytest.raises(gr.InvalidInputError, match="handled_at") as error:
        gr.compute_kpis(table, MARCH)
    assert "by_handling" in str(error.value)
    by_closing = gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, on_time=gr.OnTimeRule.BY_CLOSING)
    assert gr.compute_kpis(table, by_closing).unit("3705").rates.on_time_closure == pytest.approx(1 / 3)


def test_basis_opened_without_deadlines_leaves_on_time_closure_undefined(dongying: gr.DivisionTree) -> None:
    table = gr.CaseTable.from_pandas(dongying, frame_without_deadlines())
    opened = gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, basis=gr.PeriodBasis.OPENED)
    with pytest.warns(gr.UndefinedRateWarning, match="on_time_closure_rate") as caught:
        report = gr.compute_kpis(table, opened)
    assert any("handling_due" in str(w.message) for w in caught)
    city = report.unit("3705")
    assert city.rates.closure == pytest.approx(2 / 3)  # 结案率 is defined: closed / filed
    assert city.rates.on_time_closure is None  # not silently equal to 结案率
    assert (city.counts.with_deadline, city.counts.on_time, city.counts.closed_late) == (0, 0, 0)
    frame = report.to_pandas()
    assert math.isnan(frame.loc[frame.code == "3705", "on_time_closure_rate"].iloc[0])


# ---- empty periods and undefined rates ---------------------------------------------------------------------
def test_a_period_without_cases_warns(dongying: gr.DivisionTree) -> None:
    empty = gr.KpiOptions(begin=dt.date(2030, 1, 1), end=dt.date(2030, 2, 1))
    with pytest.warns(gr.EmptyPeriodWarning, match="no case") as caught:
        report = gr.compute_kpis(march_cases(dongying), empty)
    assert "2030-01-01" in str(caught[0].message)
    assert report.unit("3705").rates.closure is None
    kinds = [d.kind for d in report.diagnostics]
    assert kinds == ["empty_period"]


def test_an_undefined_rate_names_the_kpi_and_the_unit(dongying: gr.DivisionTree) -> None:
    with pytest.warns(gr.UndefinedRateWarning) as caught:
        report = gr.compute_kpis(march_cases(dongying), MARCH)
    messages = [str(w.message) for w in caught]
    three_rates = next(m for m in messages if "response_rate" in m)
    assert LONGTAN in three_rates and "龙潭社区" in three_rates and "rated" in three_rates
    assert report.unit(LONGTAN).rates.response is None
    diagnostic = next(d for d in report.diagnostics if "response_rate" in d.kpis)
    assert diagnostic.kind == "undefined_rate" and LONGTAN in diagnostic.units
    assert diagnostic.count == len(diagnostic.units)


def test_warnings_can_be_turned_into_errors(dongying: gr.DivisionTree) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", gr.UndefinedRateWarning)
        with pytest.raises(gr.UndefinedRateWarning):
            gr.compute_kpis(march_cases(dongying), MARCH)


def test_a_bucket_without_cases_warns(dongying: gr.DivisionTree) -> None:
    spring = gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 6, 1))
    with pytest.warns(gr.EmptyPeriodWarning, match="2025-05-01"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", gr.UndefinedRateWarning)
            gr.compute_kpis_by_bucket(march_cases(dongying), spring, gr.TimeBucket.MONTH)


def test_a_full_report_does_not_warn(dongying: gr.DivisionTree) -> None:
    cases = gr.CaseTable.synthetic(dongying, cases=200_000, year=2025, seed=1)
    year = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1), levels=[gr.Level.COUNTY])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gr.compute_kpis(cases, year).diagnostics == []


# ---- the cut-off: the December dip ---------------------------------------------------------------------------
def test_cases_closed_after_the_cutoff_are_counted_apart(dongying: gr.DivisionTree) -> None:
    with pytest.warns(gr.UndefinedRateWarning):
        report = gr.compute_kpis(march_cases(dongying), MARCH)
    assert report.unit("3705").counts.closed_after_cutoff == 1  # case 7, closed on 2 April
    later = gr.KpiOptions(begin=MARCH.begin, end=MARCH.end, cutoff=dt.datetime(2025, 4, 30))
    with pytest.warns(gr.UndefinedRateWarning):
        city = gr.compute_kpis(march_cases(dongying), later).unit("3705")
    assert (city.counts.closed, city.counts.closed_after_cutoff) == (6, 0)


def test_the_december_dip_is_the_cutoff(dongying: gr.DivisionTree) -> None:
    cases = gr.CaseTable.synthetic(dongying, cases=100_000, year=2025, seed=3)
    year = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1), levels=[gr.Level.PREFECTURE])
    months = gr.compute_kpis_by_bucket(cases, year, gr.TimeBucket.MONTH).to_pandas().set_index("bucket_start")
    december, june = months.loc["2025-12-01"], months.loc["2025-06-01"]
    assert december.closure_rate < june.closure_rate - 0.01  # the dip
    assert december.closed_after_cutoff > 10 * max(june.closed_after_cutoff, 1)  # and where it comes from
    assert december.closed + december.closed_after_cutoff > 0.95 * december.cases
    snapshot = gr.KpiOptions(begin=year.begin, end=year.end, levels=year.levels, cutoff=dt.datetime(2026, 1, 31))
    late = gr.compute_kpis_by_bucket(cases, snapshot, gr.TimeBucket.MONTH).to_pandas().set_index("bucket_start")
    assert abs(late.loc["2025-12-01"].closure_rate - late.loc["2025-06-01"].closure_rate) < 0.02


# ---- names and sources -------------------------------------------------------------------------------------------
def test_one_name_per_kpi(dongying: gr.DivisionTree) -> None:
    with pytest.warns(gr.UndefinedRateWarning):
        report = gr.compute_kpis(march_cases(dongying), MARCH)
    frame = report.to_pandas()
    rate_columns = [c for c in frame.columns if c.endswith(("_rate", "_share"))]
    ids = {d.id for d in gr.kpi_definitions()}
    assert set(rate_columns) <= ids and "reworks_per_case" not in frame.columns
    assert report.unit("3705").rates.rework == pytest.approx(3 / 7)
    with pytest.warns(DeprecationWarning, match="rework"):
        assert report.unit("3705").rates.reworks_per_case == report.unit("3705").rates.rework  # the old name
    assert frame.loc[frame.code == "3705", "rework_rate"].iloc[0] == pytest.approx(3 / 7)


def test_sources_cite_nothing_outside_the_repository(repo: Path) -> None:
    for definition in gr.kpi_definitions():
        assert "../shared" not in definition.source and "DOMAIN.md" not in definition.source, definition.id
        for page in (part.split()[0] for part in definition.source.split("; ") if part.startswith("docs/")):
            assert (repo / page.split("#")[0]).is_file(), (definition.id, page)


# ---- synthetic cases anywhere ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def national(shared_data: Path) -> gr.DivisionTree:
    return gr.DivisionTree.read_nbs(shared_data / "divisions")


def test_synthetic_cases_for_every_province(national: gr.DivisionTree) -> None:
    jinmen = national["350527000000"].index  # 金门县: a placeholder row, no village
    for province in national.roots:
        table = gr.CaseTable.synthetic(national, cases=2_000, year=2025, seed=7, scope=str(province.code))
        units = table.columns()["unit"]
        inside = (units >= province.index) & (units < province.index + province.subtree_size)
        assert len(table) == 2_000 and inside.all(), province.code
        assert jinmen not in units
    fujian = gr.CaseTable.synthetic(national, cases=50_000, year=2025, seed=7, scope="35")
    assert jinmen not in fujian.columns()["unit"]


def test_synthetic_cases_for_the_whole_country(national: gr.DivisionTree) -> None:
    province_of = np.repeat(np.arange(len(national.roots)), [root.subtree_size for root in national.roots])
    table = gr.CaseTable.synthetic(national, cases=20_000, year=2025, seed=1, scope="")  # "" = None = the whole tree
    assert len(table) == 20_000 and national["350527000000"].index not in table.columns()["unit"]
    assert len(np.unique(province_of[table.columns()["unit"]])) > 25  # spread over the provinces
