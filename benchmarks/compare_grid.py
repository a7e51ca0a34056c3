#!/usr/bin/env python3
"""Compares grassroots' point -> grid lookup with geopandas (shapely STRtree), and the optimiser with greedy.

One run measures, on the same data:

* point -> grid: household points located in the grid polygons of a synthetic province (default
  Jiangsu, ``synthetic_city(tree, '32', seed=1)`` on the national NBS tables; about 50,000 grids).
  The points are random buildings of the city (``city.buildings``) jittered by up to 0.0004 degrees
  (about 40 m), seeded NumPy; 10,000,000 by default. grassroots: ``city.map.locate_ids(xs, ys)`` (one
  call, int64 grid ids, -1 for none; single-threaded). geopandas: the grids as a GeoDataFrame
  (``city.map.to_geopandas()``), the points as ``geopandas.points_from_xy``, then
  ``grids.sindex.query(points, predicate='within')`` (the fastest form: shapely's STRtree, no
  DataFrame assembly; this is the peer) and ``geopandas.sjoin(points, grids, predicate='within',
  how='left')`` (the usual analyst form, for reference). Only the join is timed: the frames and the
  spatial index are built before. Throughput is points per second of wall time.
* the check: on a seeded sample of points, every point strictly inside one polygon (exactly one
  ``within`` match) must get the same grid code from both; points on an edge (no ``within`` match
  but an ``intersects`` match) may differ by the tie rule (grassroots gives the grid with the
  smallest code) and are counted; points outside every grid must be -1 in grassroots.
* the C++ figure (Google Benchmark ``BM_LocateBulk``, same synthetic Jiangsu and 10,000,000 points)
  is quoted from benchmarks/results/grid_cpp.json when present.
* the optimiser: on the synthetic Dongying map (``synthetic_city(datasets.dongying(), '3705',
  seed=1)``), one community worker per grid plus 10 % spare, each at a random building of their own
  community; ``optimise_full_time`` (exact, minimum-cost flow) vs ``greedy_full_time`` (grids in
  code order take the nearest free eligible worker): total and longest distance, unstaffed grids,
  time.

Targets (the issue): at least 10x the throughput of geopandas and at least 5 million points per
second on one core. Writes a table to stdout and the figures to benchmarks/results/grid.json.

    .venv/bin/python benchmarks/compare_grid.py            # Jiangsu, 10M points: several minutes
    .venv/bin/python benchmarks/compare_grid.py --quick    # Dongying, 200,000 points: seconds
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Optional

import numpy as np

import grassroots

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as common  # noqa: E402  (the helpers shared by the comparisons)

REPO = common.REPO
DEFAULT_DATA = common.DEFAULT_DATA
DEFAULT_OUT, QUICK_OUT, DEFAULT_CPP = common.result_paths("grid")

JITTER = 0.0004                 # degrees, about 40 m: points near buildings, some beyond grid edges
TARGET_RATIO = 10.0             # x geopandas' throughput
TARGET_POINTS_PER_SECOND = 5e6  # on one core
SPARE_SHARE = 0.10              # optimiser: workers = grids + 10 %


def machine_info() -> dict[str, Any]:
    import geopandas  # type: ignore[import-untyped]
    import shapely  # type: ignore[import-untyped]

    info = common.machine_info()
    info["geopandas"] = geopandas.__version__
    info["shapely"] = shapely.__version__
    info["geos"] = shapely.geos_version_string
    info["summary"] = (f"{info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB RAM; {info['os']}; "
                       f"Python {info['python']}, NumPy {info['numpy']}, geopandas {info['geopandas']}, "
                       f"shapely {info['shapely']} (GEOS {info['geos']}), grassroots {info['grassroots']}")
    return info


def cpp_run(bench: dict[str, Any]) -> dict[str, Any]:
    """What the comparison keeps of one run of the Google Benchmark grid program (grid_cpp.json)."""
    return {key: bench.get(key) for key in
            ("real_time", "time_unit", "items_per_second", "iterations", "grids", "points", "located_share")}


def household_points(city: Any, count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    buildings = np.asarray(city.buildings, dtype=np.float64)
    pick = rng.integers(0, len(buildings), size=count)
    xs = buildings[pick, 0] + rng.uniform(-JITTER, JITTER, size=count)
    ys = buildings[pick, 1] + rng.uniform(-JITTER, JITTER, size=count)
    return np.ascontiguousarray(xs), np.ascontiguousarray(ys)


def grid_frame(city: Any) -> Any:
    """The grid polygons as a GeoDataFrame (GridMap.to_geopandas: grids only, row i = grid id i)."""
    return city.map.to_geopandas()


# ---- the run -----------------------------------------------------------------------------------
def locate_part(args: argparse.Namespace, log: Any) -> dict[str, Any]:
    import geopandas
    import pandas as pd

    if args.quick:
        source = "grassroots.datasets.dongying() (shipped), province 3705 = 东营市"
        tree = grassroots.datasets.dongying()
        region = "3705"
    else:
        source = f"NBS tables in {args.data}"
        log(f"reading {args.data}")
        tree = grassroots.DivisionTree.read_nbs(str(args.data))
        region = args.region
    log(f"synthetic_city(tree, {region!r}, seed={args.city_seed})")
    city = grassroots.synthetic_city(tree, region, seed=args.city_seed)
    grids = len(city.map)
    log(f"{grids:,} grids, {len(city.buildings):,} buildings; {args.points:,} points (seed {args.seed})")
    xs, ys = household_points(city, args.points, args.seed)

    # grassroots
    locate_time, ids = common.best_time(lambda: city.map.locate_ids(xs, ys), args.repeat)
    located = int((ids >= 0).sum())
    log(f"grassroots locate: {locate_time:.3f} s ({args.points / locate_time / 1e6:.2f} M points/s)")

    # geopandas: build the frames and the STRtree outside the timing
    log("building the geopandas frames")
    frame = grid_frame(city)
    points = geopandas.GeoDataFrame(geometry=geopandas.points_from_xy(xs, ys), crs="EPSG:4326")
    frame.sindex  # noqa: B018  (builds the STRtree now, not in the timed join)

    def query() -> Any:
        return frame.sindex.query(points.geometry, predicate="within")

    query_time, pairs = common.best_time(query, args.peer_repeat)
    log(f"geopandas sindex.query: {query_time:.3f} s ({args.points / query_time / 1e6:.3f} M points/s)")
    peer_located = int(np.unique(pairs[0]).size)
    del pairs

    sjoin_time = None
    joined_rows = 0
    if not args.skip_sjoin:
        # sjoin(predicate='within') builds an STRtree on the *points* (left frame) and queries it with
        # the polygons ('contains'); the tree is cached on the frame, so each run gets a fresh points
        # frame (built outside the timing) and pays for its tree, as one sjoin call on new points does.
        for _ in range(args.peer_repeat):
            fresh = geopandas.GeoDataFrame(geometry=geopandas.points_from_xy(xs, ys), crs="EPSG:4326")
            elapsed, joined_rows = common.best_time(
                lambda: len(geopandas.sjoin(fresh, frame, predicate="within", how="left")), 1)
            sjoin_time = elapsed if sjoin_time is None else min(sjoin_time, elapsed)
            del fresh
        log(f"geopandas sjoin: {sjoin_time:.3f} s ({args.points / sjoin_time / 1e6:.3f} M points/s, "
            f"{joined_rows:,} rows)")

    # the check, on a sample
    rng = np.random.default_rng(args.seed + 1)
    sample = np.sort(rng.choice(args.points, size=min(args.check_points, args.points), replace=False))
    sample_points = points.geometry.iloc[sample]
    within = frame.sindex.query(sample_points, predicate="within")
    counts = np.bincount(within[0], minlength=sample.size)
    codes = np.array([str(c) for c in frame["code"]], dtype=object)
    ours = ids[sample]
    single = counts == 1
    theirs = np.full(sample.size, -1, dtype=np.int64)
    order = np.argsort(within[0], kind="stable")
    first = within[1][order][np.searchsorted(within[0][order], np.arange(sample.size))[single]]
    theirs[single] = first
    inside_same = int((codes[ours[single]] == codes[theirs[single]]).sum()) if single.any() else 0
    inside_total = int(single.sum())
    multiple = int((counts > 1).sum())
    none = counts == 0
    touches = frame.sindex.query(sample_points[none], predicate="intersects")
    on_edge_mask = np.zeros(int(none.sum()), dtype=bool)
    on_edge_mask[np.unique(touches[0])] = True
    on_edge = int(on_edge_mask.sum())
    outside_ours = ours[none][~on_edge_mask]
    outside_agree = int((outside_ours == -1).sum())
    outside_total = int(outside_ours.size)
    edge_located = int((ours[none][on_edge_mask] >= 0).sum())
    checks = {
        "sample_points": int(sample.size),
        "strictly_inside_one_grid": inside_total,
        "strictly_inside_same_grid": inside_same,
        "inside_several_grids": multiple,
        "on_an_edge": on_edge,
        "on_an_edge_located_by_grassroots": edge_located,
        "outside_every_grid": outside_total,
        "outside_every_grid_and_minus_one": outside_agree,
        "identical_where_strictly_inside": inside_same == inside_total and multiple == 0,
        "identical_outside": outside_agree == outside_total,
    }
    log(f"check on {sample.size:,} points: {inside_same:,}/{inside_total:,} inside agree, {on_edge} on an "
        f"edge, {outside_agree:,}/{outside_total:,} outside agree")

    speed = args.points / locate_time
    forms = {
        "sindex.query": (query_time, "grids.sindex.query(points.geometry, predicate='within'): shapely "
                                     "STRtree on the grids, built before timing; returns index pairs"),
    }
    if sjoin_time is not None:
        forms["sjoin"] = (sjoin_time, "geopandas.sjoin(points, grids, predicate='within', how='left'): "
                                      "STRtree on the points built inside the call, queried with the grids "
                                      "('contains'), joined frame assembled")
    fastest = min(forms, key=lambda k: forms[k][0])
    figures = []
    for name in [fastest] + [k for k in forms if k != fastest]:
        peer_time, method = forms[name]
        peer_speed = args.points / peer_time
        headline = name == fastest
        figures.append({
            "figure": "point -> grid (bulk)" + ("" if headline else f", vs {name}"),
            "value": speed,
            "unit": "points/s",
            "peer": "geopandas",
            "peer_value": peer_speed,
            "ratio": speed / peer_speed,
            "data_size": args.points,
            "grids": grids,
            "higher_is_better": True,
            "grassroots_method": "city.map.locate_ids(xs, ys): one call, contiguous float64 read in place, GIL "
                                 "released, one thread",
            "peer_method": method + (" (the fastest geopandas form measured: the peer)" if headline else ""),
            "grassroots_time_s": locate_time,
            "peer_time_s": peer_time,
            "target": (f">= {TARGET_RATIO:g}x geopandas and >= {TARGET_POINTS_PER_SECOND / 1e6:g} M points/s "
                       "on one core") if headline else None,
            "target_met": bool(speed / peer_speed >= TARGET_RATIO and speed >= TARGET_POINTS_PER_SECOND)
            if headline else None,
            **({"ratio_target_met": bool(speed / peer_speed >= TARGET_RATIO),
                "speed_target_met": bool(speed >= TARGET_POINTS_PER_SECOND)} if headline else {}),
        })
    return {
        "data_size": {
            "region": region,
            "grids": grids,
            "buildings": int(len(city.buildings)),
            "points": args.points,
            "located_by_grassroots": located,
            "located_by_geopandas": peer_located,
            "sjoin_rows": joined_rows,
            "source": source,
            "units_in_tree": len(tree),
            "points_from": f"random buildings jittered uniformly by +-{JITTER} degrees",
        },
        "checks": checks,
        "figures": figures,
        "_pandas": pd.__version__,
    }


def optimiser_part(args: argparse.Namespace, log: Any) -> dict[str, Any]:
    city = grassroots.synthetic_city(grassroots.datasets.dongying(), "3705", seed=args.city_seed)
    staffing = grassroots.GridStaffing(city.map)
    grids = list(city.map.grids)
    rng = np.random.default_rng(args.seed + 2)
    buildings = np.asarray(city.buildings, dtype=np.float64)
    by_unit: dict[str, list[int]] = {}
    for i, unit in enumerate(city.building_unit):
        by_unit.setdefault(str(unit), []).append(i)
    homes = [str(g.unit) for g in grids]
    spare = rng.choice(len(grids), size=int(round(SPARE_SHARE * len(grids))), replace=False)
    homes += [homes[i] for i in spare]
    workers = []
    for n, home in enumerate(homes):
        choices = by_unit[home]
        b = buildings[choices[int(rng.integers(len(choices)))]]
        workers.append(staffing.add_worker(f"worker {n}", home, location=(float(b[0]), float(b[1]))))
    grid_ids = list(range(len(grids)))
    log(f"optimiser: {len(grid_ids):,} grids, {len(workers):,} workers on synthetic Dongying")

    runs: dict[str, dict[str, Any]] = {}
    solvers: list[tuple[str, Any]] = [("optimise_full_time", grassroots.optimise_full_time),
                                      ("greedy_full_time", grassroots.greedy_full_time)]
    for name, fn in solvers:
        elapsed, plan = common.best_time(lambda: fn(staffing, grid_ids, workers), args.repeat)
        runs[name] = {
            "time_s": elapsed,
            "total_distance_km": plan.total_distance_m / 1000,
            "mean_distance_m": plan.total_distance_m / max(1, len(grid_ids) - plan.unstaffed),
            "max_distance_km": plan.max_distance_m / 1000,
            "unstaffed": int(plan.unstaffed),
        }
        log(f"  {name}: {elapsed:.3f} s, total {plan.total_distance_m / 1000:,.1f} km, max "
            f"{plan.max_distance_m / 1000:.2f} km, {plan.unstaffed} unstaffed")
    opt, greedy = runs["optimise_full_time"], runs["greedy_full_time"]
    return {
        "data_size": {"grids": len(grid_ids), "workers": len(workers), "spare_share": SPARE_SHARE,
                      "source": "synthetic_city(grassroots.datasets.dongying(), '3705', seed=1)",
                      "workers_from": "one per grid plus 10 % spare (homes of random grids), each at a random "
                                      "building of their own community"},
        "optimal": opt,
        "greedy": greedy,
        "total_distance_saved_share": 1 - opt["total_distance_km"] / greedy["total_distance_km"],
        "time_ratio": opt["time_s"] / greedy["time_s"],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    log = common.progress(args)
    machine = machine_info()
    locate = locate_part(args, log)
    machine["pandas"] = locate.pop("_pandas")
    optimiser = optimiser_part(args, log)
    cpp = common.cpp_figures(args.cpp_results, cpp_run) if not args.quick else None
    if cpp is not None:
        bulk = next((b for name, b in cpp["benchmarks"].items() if name.split("/")[0] == "BM_LocateBulk"), None)
        if bulk and bulk.get("items_per_second"):
            cpp["bulk_points_per_second"] = bulk["items_per_second"]
            cpp["bulk_target_met"] = bulk["items_per_second"] >= TARGET_POINTS_PER_SECOND
    return {
        "benchmark": "grid",
        "quick": args.quick,
        "machine": machine,
        "data_size": locate["data_size"],
        "settings": {"seed": args.seed, "city_seed": args.city_seed, "repeat": args.repeat,
                     "peer_repeat": args.peer_repeat, "check_points": args.check_points,
                     "timing": "best of repeats, time.perf_counter (join only)"},
        "checks": locate["checks"],
        "figures": locate["figures"],
        "optimiser": optimiser,
        "cpp": cpp,
    }


def format_speed(value: float) -> str:
    return f"{common.significant(value / 1e6)} M/s"


def print_table(result: dict[str, Any]) -> None:
    data = result["data_size"]
    print(f"\npoint -> grid: {data['points']:,} points into {data['grids']:,} grids ({data['source']}, "
          f"region {data['region']})")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    rows = [("Figure", "grassroots", "geopandas", "ratio", "target")]
    for f in result["figures"]:
        rows.append((f["figure"], format_speed(f["value"]), format_speed(f["peer_value"]),
                     f"{common.significant(f['ratio'])}x", common.target_cell(f)))
    common.print_rows(rows, left=(0, 4))
    for f in result["figures"]:
        print(f"  {f['figure']}: grassroots {f['grassroots_method']}; geopandas {f['peer_method']}")
    if result["cpp"] and "bulk_points_per_second" in result["cpp"]:
        print(f"C++ BM_LocateBulk: {format_speed(result['cpp']['bulk_points_per_second'])} "
              f"({result['cpp']['file']})")
    print(f"check: {json.dumps(result['checks'])}")
    opt = result["optimiser"]
    print(f"\noptimiser on {opt['data_size']['grids']:,} grids, {opt['data_size']['workers']:,} workers:")
    for name in ("optimal", "greedy"):
        r = opt[name]
        print(f"  {name:8} total {r['total_distance_km']:,.1f} km  max {r['max_distance_km']:.2f} km  "
              f"unstaffed {r['unstaffed']}  time {r['time_s'] * 1e3:,.1f} ms")
    print(f"  optimal saves {opt['total_distance_saved_share']:.1%} of the greedy distance")


def main(argv: Optional[list[str]] = None) -> int:
    parser = common.comparison_parser(__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NBS folder (default: %(default)s)")
    parser.add_argument("--region", default="32", help="province or prefecture code of the city (default 32)")
    parser.add_argument("--points", type=int, default=None,
                        help="household points (default 10,000,000; 200,000 with --quick)")
    parser.add_argument("--check-points", type=int, default=1_000_000,
                        help="points in the equality check sample (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs for grassroots, best kept (default 3)")
    parser.add_argument("--peer-repeat", type=int, default=2, help="timed runs for geopandas (default 2)")
    parser.add_argument("--skip-sjoin", action="store_true", help="time only sindex.query, not sjoin")
    parser.add_argument("--seed", type=int, default=42, help="random seed for the points (default 42)")
    parser.add_argument("--city-seed", type=int, default=1, help="synthetic_city seed (default 1)")
    parser.add_argument("--cpp-results", type=Path, default=DEFAULT_CPP,
                        help=f"Google Benchmark JSON to quote (default {DEFAULT_CPP.relative_to(REPO)})")
    common.add_output_options(parser, DEFAULT_OUT, QUICK_OUT,
                              "smoke run on Dongying (shipped with grassroots), 200,000 points")
    args = parser.parse_args(argv)
    if args.points is None:
        args.points = 200_000 if args.quick else 10_000_000
    if args.quick:
        args.check_points = min(args.check_points, args.points)
    if args.repeat < 1 or args.peer_repeat < 1:
        parser.error("--repeat and --peer-repeat must be at least 1")
    if not args.quick and not args.data.exists():
        parser.error(f"no data at {args.data} (pass --data or --quick)")
    return common.finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
