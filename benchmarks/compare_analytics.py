#!/usr/bin/env python3
"""Compares grassroots' KPIs and roll-up with pandas (groupby + merge up the ladder) on the same cases.

One run, on the same synthetic year of cases (``grassroots.CaseTable.synthetic``: 10,000,000 by
default, seeded, identical on every platform) over Dongying's whole ladder (1,982 units: province,
city, 7 counties, 52 townships, 1,921 villages and communities), computes for every unit, for the
cases whose handling deadline falls in 2025 (cut-off 2026-01-01 00:00 CST):

* the counts behind every KPI — cases (应结案), deferred, closed, closed on time (by the handling
  deadline), closed late, open and overdue, rated, responded, resolved, satisfied, reworks, cases
  reworked, escalations (and the deferred parts of closed and on time);
* the rates — 结案率, 按期结案率, 响应率, 解决率, 满意率, reworks per case, share reworked — divided
  after the counts are summed up the ladder;
* time-to-close percentiles p50/p90/p95 in whole hours (rounded up, capped at 2,160) and in working
  days on China's calendar (make-up days included), linear interpolation as pandas' quantile.

grassroots: ``gr.compute_kpis(table, options)`` (percentiles on, grid and matter rows off) and
``report.to_pandas()``: one pass over the columns, one backward pass over the tree's pre-order.

pandas (what an analyst writes): filter the period, derive the flags and durations (working days
through grassroots' vectorised calendar, which pandas lacks), ``groupby`` the villages and sum, then
``merge`` each level's sums onto the parent map and ``groupby`` the parent, up to the province; the
percentiles need the rows themselves at every level, so the cases are ``merge``d with a table of each
unit's ancestors and grouped by each level's column (``groupby().quantile``).

A second figure adds grid rows (about 7,000 grids) and matter rows (27 types) to both sides.

Both sides are first shown to give identical numbers on a smaller sample (every count equal, every
rate and percentile within 1e-9) and the full run is compared again. Ratios are pandas time /
grassroots time (higher is better); targets: >= 20x pandas, under one second. The C++ Google
Benchmark figures are quoted from benchmarks/results/analytics_cpp.json when present. Writes a table
to stdout and the figures to benchmarks/results/analytics.json.

    .venv/bin/python benchmarks/compare_analytics.py            # 10,000,000 cases, a few minutes
    .venv/bin/python benchmarks/compare_analytics.py --quick    # 200,000 cases, seconds
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path
from typing import Any, Optional

import numpy as np
import pandas as pd

import grassroots as gr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as common  # noqa: E402  (the helpers shared by the comparisons)

DEFAULT_OUT, QUICK_OUT, DEFAULT_CPP = common.result_paths("analytics")

NONE = np.iinfo(np.int64).min
CHINA_OFFSET = 8 * 3600
CAP_HOURS = 2160
CAP_DAYS = 90
QUANTILES = (0.5, 0.9, 0.95)
TARGET_RATIO = 20.0
TARGET_SECONDS = 1.0
COUNTS = ("cases", "deferred", "closed", "closed_deferred", "on_time", "on_time_deferred", "closed_late",
          "overdue_open", "rated", "responded", "resolved", "satisfied", "reworks", "reworked", "escalations")
RATES = {"closure_rate": ("closed", "cases"), "on_time_closure_rate": ("on_time", "cases"),
         "response_rate": ("responded", "rated"), "resolution_rate": ("resolved", "rated"),
         "satisfaction_rate": ("satisfied", "rated"), "rework_rate": ("reworks", "cases"),
         "rework_share": ("reworked", "cases")}
PERCENTILES = ("hours_p50", "hours_p90", "hours_p95", "working_days_p50", "working_days_p90", "working_days_p95")


# ---- the pandas peer ---------------------------------------------------------------------------
class Ladder:
    """The tree as pandas needs it (built once, outside the timings): each unit's parent, and each
    village's ancestors at every level."""

    def __init__(self, tree: gr.DivisionTree) -> None:
        parents = np.asarray(tree.parent_indices, dtype=np.int64)
        levels = np.asarray(tree.levels, dtype=np.int64)
        self.parents = pd.DataFrame({"parent": parents}).rename_axis("unit")
        # ancestors[level][unit]: the unit's ancestor at each level (itself at its own; -1 if none).
        units = np.arange(len(levels))
        ancestors = np.full((5, len(levels)), -1, dtype=np.int64)
        walk = units.copy()
        while (walk >= 0).any():
            at = walk >= 0
            ancestors[levels[walk[at]], units[at]] = walk[at]
            walk = np.where(at, parents[np.maximum(walk, 0)], -1)
        self.ancestors = pd.DataFrame({f"level_{k}": ancestors[k] for k in range(5)}).rename_axis("unit").reset_index()


def pandas_cases(table: gr.CaseTable) -> pd.DataFrame:
    """The case table as a DataFrame (copied out of grassroots once, outside the timings)."""
    return pd.DataFrame({name: np.array(values) for name, values in table.columns().items()})


def pandas_kpis(cases: pd.DataFrame, ladder: Ladder, cal: gr.Calendar, begin: int, end: int, grids: bool = False,
                matters: bool = False) -> dict[str, pd.DataFrame]:
    """Every unit's counts, rates and percentiles (and grid and matter rows), in plain pandas."""
    frame = cases[(cases.handling_due >= begin) & (cases.handling_due < end)]
    cutoff = end
    closed = (frame.closed_at != NONE) & (frame.closed_at < cutoff)
    deferred = frame.deferred
    on_time = closed & (frame.handled_at != NONE) & (frame.handled_at <= frame.handling_due)
    reworked = frame.reworks > 0
    opened_day = ((frame.opened_at + CHINA_OFFSET) // 86_400).to_numpy()
    closed_day = ((frame.closed_at.where(closed, frame.opened_at) + CHINA_OFFSET) // 86_400).to_numpy()
    day = np.datetime64("1970-01-02", "D")  # (filed, closed] = [filed + 1, closed + 1)
    working = cal.working_days_between(opened_day.astype("timedelta64[D]") + day, closed_day.astype("timedelta64[D]") + day)
    flags = pd.DataFrame({
        "unit": frame.unit.astype(np.int64),
        "cases": 1,
        "deferred": deferred.astype(np.int64),
        "closed": closed.astype(np.int64),
        "closed_deferred": (closed & deferred).astype(np.int64),
        "on_time": on_time.astype(np.int64),
        "on_time_deferred": (on_time & deferred).astype(np.int64),
        "closed_late": (closed & ~on_time).astype(np.int64),
        "overdue_open": (~closed & (frame.handling_due < cutoff)).astype(np.int64),
        "rated": frame.rated.astype(np.int64),
        "responded": frame.responded.astype(np.int64),
        "resolved": frame.resolved.astype(np.int64),
        "satisfied": frame.satisfied.astype(np.int64),
        "reworks": frame.reworks.astype(np.int64),
        "reworked": reworked.astype(np.int64),
        "escalations": frame.escalations.astype(np.int64),
        "hours": np.where(closed, np.minimum(-((frame.opened_at - frame.closed_at) // 3600), CAP_HOURS), np.nan),
        "working_days": np.where(closed, np.minimum(working, CAP_DAYS), np.nan),
    })
    counts = list(COUNTS)

    # Sums: the villages, then each level merged onto the parent map and grouped, up the ladder.
    level_sums = flags.groupby("unit")[counts].sum()
    sums = [level_sums]
    while True:
        up = level_sums.merge(ladder.parents, left_index=True, right_index=True)
        up = up[up.parent >= 0].groupby("parent")[counts].sum()
        if up.empty:
            break
        up.index.name = "unit"
        sums.append(up)
        level_sums = up
    units = pd.concat(sums).groupby(level=0).sum()

    # Percentiles: the rows themselves, merged with their ancestors and grouped level by level.
    closed_rows = flags.loc[closed.to_numpy(), ["unit", "hours", "working_days"]].merge(ladder.ancestors, on="unit")
    parts = []
    for level in range(5):
        grouped = closed_rows.groupby(f"level_{level}")[["hours", "working_days"]].quantile(list(QUANTILES))
        parts.append(grouped.unstack())
    percentiles = pd.concat(parts)
    percentiles.columns = [f"{m}_p{int(round(q * 100))}" for m, q in percentiles.columns]
    percentiles = percentiles[percentiles.index >= 0]
    units = units.join(percentiles[list(PERCENTILES)])
    out = {"units": with_rates(units)}
    for name, column, enabled in (("grids", "grid", grids), ("matters", "matter", matters)):
        if not enabled:
            continue
        keyed = flags.assign(key=frame[column].to_numpy())
        keyed = keyed[keyed.key >= 0]
        rows = keyed.groupby("key")[counts].sum()
        quantiles = keyed[keyed.closed == 1].groupby("key")[["hours", "working_days"]].quantile(list(QUANTILES)).unstack()
        quantiles.columns = [f"{m}_p{int(round(q * 100))}" for m, q in quantiles.columns]
        out[name] = with_rates(rows.join(quantiles[list(PERCENTILES)]))
    return out


def with_rates(frame: pd.DataFrame) -> pd.DataFrame:
    for rate, (numerator, denominator) in RATES.items():
        frame[rate] = frame[numerator] / frame[denominator].where(frame[denominator] > 0)
    return frame


# ---- the comparison ----------------------------------------------------------------------------
def grassroots_kpis(table: gr.CaseTable, options: gr.KpiOptions, parts: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    report = gr.compute_kpis(table, options)
    return {part: report.to_pandas(part) for part in parts}


def compare(ours: dict[str, pd.DataFrame], theirs: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """Asserts that both sides agree on every row pandas has (the rows with cases); the others must
    have no cases. Returns what was compared."""
    compared: dict[str, Any] = {}
    for part, peer in theirs.items():
        mine = ours[part]
        assert (mine.drop(index=peer.index).cases == 0).all(), f"{part}: rows with cases that pandas lacks"
        mine = mine.loc[peer.index]
        for name in COUNTS:
            assert np.array_equal(mine[name].to_numpy(), peer[name].to_numpy().astype(np.int64)), f"{part}: {name} differs"
        worst = 0.0
        for name in list(RATES) + list(PERCENTILES):
            a, b = mine[name].to_numpy(dtype=float), peer[name].to_numpy(dtype=float)
            assert np.array_equal(np.isnan(a), np.isnan(b)), f"{part}: {name} is NaN on one side only"
            both = ~np.isnan(a)
            if both.any():
                worst = max(worst, float(np.max(np.abs(a[both] - b[both]))))
        assert worst <= 1e-9, f"{part}: rates or percentiles differ by {worst}"
        compared[part] = {"rows": int(len(peer)), "counts": len(COUNTS), "rates": len(RATES),
                          "percentiles": len(PERCENTILES), "max_abs_difference": worst}
    return compared


def best_times(fn: Any, repeat: int) -> tuple[float, float, Any]:
    """Best wall time (common.best_time) and best CPU time of the process over the runs: on a shared
    machine the CPU time shows the work done when other jobs stretch the wall time."""
    cpu: list[float] = []

    def measured() -> Any:
        start = time.process_time()
        result = fn()
        cpu.append(time.process_time() - start)
        return result

    wall, result = common.best_time(measured, repeat)
    return wall, min(cpu), result


def figure(name: str, value: float, peer_value: float, cases: int, **kwargs: Any) -> dict[str, Any]:
    return common.figure(name, value, "s", peer_value, peer_value / value, cases, higher_is_better=False,
                         peer="pandas", **kwargs)


def run(args: argparse.Namespace) -> dict[str, Any]:
    log = common.progress(args)
    cases = args.cases if args.cases is not None else (200_000 if args.quick else 10_000_000)
    check_cases = min(cases, args.check_cases)
    tree = gr.datasets.dongying()
    cal = gr.Calendar.china()
    ladder = Ladder(tree)
    options = gr.KpiOptions(begin=datetime.date(2025, 1, 1), end=datetime.date(2026, 1, 1), calendar=cal,
                            grids=False, matters=False)
    full = gr.KpiOptions(begin=datetime.date(2025, 1, 1), end=datetime.date(2026, 1, 1), calendar=cal)
    begin = int(options.begin.timestamp())
    end = int(options.end.timestamp())

    log(f"equality check on {check_cases:,} cases ...")
    sample = gr.CaseTable.synthetic(tree, cases=check_cases, year=2025, seed=args.seed + 1)
    sample_frame = pandas_cases(sample)
    checked = compare(grassroots_kpis(sample, full, ("units", "grids", "matters")),
                      pandas_kpis(sample_frame, ladder, cal, begin, end, grids=True, matters=True))
    del sample, sample_frame

    log(f"generating {cases:,} cases ...")
    table = gr.CaseTable.synthetic(tree, cases=cases, year=2025, seed=args.seed)
    frame = pandas_cases(table)
    log(f"table: {table.memory_bytes() / 2**20:,.0f} MiB in grassroots, "
        f"{frame.memory_usage(deep=True).sum() / 2**20:,.0f} MiB as a DataFrame")

    log("timing grassroots (units) ...")
    gr_t, gr_cpu, gr_units = best_times(lambda: grassroots_kpis(table, options, ("units",)), args.repeat)
    log(f"  {gr_t:.3f} s (CPU {gr_cpu:.3f} s); timing pandas (units) ...")
    pd_t, pd_cpu, pd_units = best_times(lambda: pandas_kpis(frame, ladder, cal, begin, end), max(1, args.repeat - 1))
    log(f"  {pd_t:.3f} s (CPU {pd_cpu:.3f} s); timing grassroots (units, grids, matters) ...")
    compared = compare(gr_units, pd_units)
    del gr_units, pd_units
    gr_full_t, gr_full_cpu, gr_full = best_times(lambda: grassroots_kpis(table, full, ("units", "grids", "matters")),
                                                 args.repeat)
    log(f"  {gr_full_t:.3f} s (CPU {gr_full_cpu:.3f} s); timing pandas (units, grids, matters) ...")
    pd_full_t, pd_full_cpu, pd_full = best_times(
        lambda: pandas_kpis(frame, ladder, cal, begin, end, grids=True, matters=True), max(1, args.repeat - 1))
    log(f"  {pd_full_t:.3f} s (CPU {pd_full_cpu:.3f} s)")
    compared_full = compare(gr_full, pd_full)
    city = gr_full["units"].set_index("code").loc["3705"]
    del gr_full, pd_full

    target = f">= {TARGET_RATIO:g}x pandas, under {TARGET_SECONDS:g} s"
    gr_method = ("gr.compute_kpis(table, KpiOptions(2025, calendar=Calendar.china(), grids=False, matters=False))"
                 ".to_pandas(): counts, 7 rates and 6 percentiles for all 1,982 units")
    pd_method = ("filter, flags, durations (working days via grassroots' vectorised calendar), groupby village + sum, "
                 "merge onto the parent map + groupby up the ladder; rows merged with their ancestors and "
                 "groupby(level).quantile for the percentiles")
    figures = [
        figure("KPIs and roll-up, every unit", gr_t, pd_t, cases, grassroots_method=gr_method, peer_method=pd_method,
               target=target, met=pd_t / gr_t >= TARGET_RATIO and gr_t < TARGET_SECONDS, cpu_seconds=gr_cpu,
               peer_cpu_seconds=pd_cpu),
        figure("KPIs and roll-up, every unit, grid and matter", gr_full_t, pd_full_t, cases,
               grassroots_method="the same with grid and matter rows (to_pandas of the three parts)",
               peer_method="the same plus groupby grid and groupby matter (sum and quantile)", cpu_seconds=gr_full_cpu,
               peer_cpu_seconds=pd_full_cpu),
    ]
    cpp = common.cpp_figures(args.cpp_results)
    if cpp is None:
        log(f"no C++ results at {args.cpp_results}: the C++ figures are left out")
    else:
        # Google Benchmark names runs "BM_Kpis/min_time:2.000/real_time": key them by the function.
        cpp["benchmarks"] = {name.split("/", 1)[0]: bench for name, bench in cpp["benchmarks"].items()}
        runs = json.loads(args.cpp_results.read_text(encoding="utf-8")).get("benchmarks", [])
        cpu = {run["name"].split("/", 1)[0]: float(run["cpu_time"]) for run in runs if "cpu_time" in run}
        sizes = {run["name"].split("/", 1)[0]: int(run.get("cases", 0)) for run in runs}
        for name, bench in cpp["benchmarks"].items():
            bench["cpu_time"] = cpu.get(name)
            bench["cases"] = sizes.get(name)
        for key, label, peer in (("BM_KpisUnits", "C++ compute_kpis, every unit", pd_t),
                                 ("BM_Kpis", "C++ compute_kpis, every unit, grid and matter", pd_full_t),
                                 ("BM_KpisNoPercentiles", "C++ compute_kpis without percentiles", None),
                                 ("BM_KpisByMonth", "C++ compute_kpis_by_bucket, 12 months", None)):
            bench = cpp["benchmarks"].get(key)
            if bench is None:
                continue
            cpp_cases = bench["cases"] or cases
            if cpp_cases != cases:  # another size (say, --quick): no ratio against this run's pandas
                peer = None
            seconds = float(bench["time"]) / {"ms": 1e3, "us": 1e6, "ns": 1e9}.get(bench.get("time_unit") or "s", 1.0)
            cpu_seconds = seconds * float(bench["cpu_time"]) / float(bench["time"]) if bench.get("cpu_time") else None
            ratio = peer / seconds if peer is not None else None
            figures.append(common.figure(
                label, seconds, "s", peer or 0.0, ratio or 0.0, cpp_cases, peer="pandas", higher_is_better=False,
                grassroots_method=(f"C++ {key}: {cpp_cases:,} synthetic cases, one thread, wall time ({cpp['file']}, "
                                   f"{cpp['date']})"),
                cpu_seconds=cpu_seconds,
                peer_method="the pandas figure above (this run)" if peer is not None else "none",
                target=target if peer is not None else None,
                met=(ratio >= TARGET_RATIO and seconds < TARGET_SECONDS) if ratio is not None else None))
            figures[-1].update(peer_value=peer, ratio=ratio)  # None: no peer figure of this size

    return {
        "benchmark": "analytics",
        "quick": bool(args.quick),
        "machine": common.peer_machine_info({"pandas": pd.__version__}),
        "data_size": {
            "cases": cases,
            "units": len(tree),
            "grids": len(table.grid_codes),
            "matters": len(table.matter_keys),
            "period": "2025-01-01 … 2026-01-01 (CST), by handling deadline; cut-off 2026-01-01",
            "cases_in_period": int(city["cases"]),
            "source": f"grassroots.CaseTable.synthetic(dongying, cases={cases}, year=2025, seed={args.seed})",
        },
        "results": {
            "city_closure_rate": float(city["closure_rate"]),
            "city_on_time_closure_rate": float(city["on_time_closure_rate"]),
            "city_satisfaction_rate": float(city["satisfaction_rate"]),
            "city_hours_p50": float(city["hours_p50"]),
            "city_working_days_p90": float(city["working_days_p90"]),
        },
        "settings": {
            "seed": args.seed,
            "repeat": args.repeat,
            "timing": "best of repeats (pandas: one fewer), time.perf_counter, cyclic GC off inside the timed call; "
                      "both sides start from the table in memory and end with DataFrames",
            "threads": "one (grassroots is single-threaded; pandas and NumPy as installed)",
        },
        "checks": {
            "sample_cases": check_cases,
            "sample": checked,
            "full_run_units": compared,
            "full_run_units_grids_matters": compared_full,
        },
        "cpp": cpp,
        "figures": figures,
    }


def print_table(result: dict[str, Any]) -> None:
    significant = common.significant
    rows = [("Figure", "grassroots", "pandas", "ratio", "grassroots CPU", "cases", "target")]
    for f in result["figures"]:
        ratio = f"{significant(f['ratio'])}x" if f["ratio"] is not None else "-"
        peer = f"{significant(f['peer_value'])} s" if f["peer_value"] is not None else "-"
        cpu = f"{significant(f['cpu_seconds'])} s" if f.get("cpu_seconds") else "-"
        rows.append((f["figure"], f"{significant(f['value'])} s", peer, ratio, cpu, f"{f['data_size']:,}",
                     common.target_cell(f)))
    data = result["data_size"]
    print(f"\ngrassroots vs pandas, KPIs and roll-up: {data['cases']:,} synthetic cases over {data['units']:,} units "
          f"({data['cases_in_period']:,} due in 2025), {data['grids']:,} grids, {data['matters']} matters")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    common.print_rows(rows, left=(0, 6))
    print("ratio: pandas wall time / grassroots wall time (higher is better); CPU: process time of the best run. "
          "Both sides agree: "
          f"{result['checks']['sample_cases']:,}-case sample and the full run, every count equal, "
          "rates and percentiles within 1e-9.")


def main(argv: Optional[list[str]] = None) -> int:
    parser = common.comparison_parser(__doc__)
    parser.add_argument("--cases", type=int, default=None, help="cases (default 10,000,000; 200,000 with --quick)")
    parser.add_argument("--check-cases", type=int, default=200_000,
                        help="cases of the equality check run first (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of grassroots, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic cases (default %(default)s)")
    common.add_cpp_results_option(parser, DEFAULT_CPP, "grassroots_bench_analytics")
    common.add_output_options(parser, DEFAULT_OUT, QUICK_OUT, "smoke run: 200,000 cases")
    args = parser.parse_args(argv)
    if args.repeat < 1 or (args.cases is not None and args.cases < 1) or args.check_cases < 1:
        parser.error("--repeat, --cases and --check-cases must be at least 1")
    return common.finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
