"""Grids (网格化) of one district from Python: build them, save and load them as GeoJSON, locate
incidents, check coverage and household bands, and post a community worker to every grid (网格定岗).

东营区 (370502) is gridded synthetically (the library's synthetic city: buildings, households and
grids laid out over each community and village, about 300 households a grid); a real district loads
its grids from GeoJSON with ``gr.GridMap.read_geojson(path, tree=tree)`` the same way this example
reloads its own file. NumPy does the bulk work: 200,000 incident points are located at once.
(examples/python/geo.py, where present, does the same with geopandas.)

Run with ``python examples/python/grids.py``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

import grassroots as gr

DISTRICT = "370502"  # 东营区
SHENGLI = "370502005"  # 胜利街道
JINYUAN = "370502005066"  # 锦苑社区


def build_and_reload(tree: gr.DivisionTree) -> tuple[gr.SyntheticCity, gr.GridMap]:
    """The district's synthetic grids, written to GeoJSON and read back (codes checked against the tree)."""
    city = gr.synthetic_city(tree, DISTRICT, seed=7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dongying-district-grids.geojson"
        city.map.write_geojson(path)
        loaded = gr.GridMap.read_geojson(path, tree=tree)
    print(f"{tree[DISTRICT].name}: {len(city.map)} grids over {len(city.buildings)} buildings, "
          f"{int(city.households.sum())} households; reloaded from GeoJSON: {len(loaded)} grids")
    return city, loaded


def locate_incidents(tree: gr.DivisionTree, grids: gr.GridMap, city: gr.SyntheticCity) -> None:
    """Points near the district's buildings → the grid each falls in (locate_ids: −1 outside every grid)."""
    rng = np.random.default_rng(2026)
    near = city.buildings[rng.integers(0, len(city.buildings), 200_000)]
    jitter = rng.normal(0.0, 0.002, near.shape)  # about 200 m
    xs, ys = near[:, 0] + jitter[:, 0], near[:, 1] + jitter[:, 1]
    found = grids.locate_ids(xs, ys)  # grid ids (-1 outside); grids.locate gives the codes
    inside = found[found >= 0]
    print(f"located 200000 points: {len(inside)} in a grid, {int((found < 0).sum())} outside every grid")
    per_township = Counter(str(grids.grid(int(g)).code.unit)[:9] for g in inside[:20_000])
    print("the first 20000 inside, per township:")
    for township, count in per_township.most_common(3):
        print(f"  {township} {tree[township].name}: {count}")
    x, y = city.buildings[0]
    first = grids.locate_ids((float(x), float(y)))  # the grid's id, or None
    where = f"{grids.grid(first).code} {grids.grid(first).name}" if first is not None else "no grid"
    print(f"the first building ({x:.4f}, {y:.4f}) is in {where}")


def check_grids(tree: gr.DivisionTree, grids: gr.GridMap) -> None:
    """全覆盖, 不重叠 for every unit of 胜利街道; households per grid against the bands (300–500 in towns)."""
    communities = tree[SHENGLI].children
    findings = [f for unit in communities for f in grids.check_coverage(unit.code)]
    print(f"coverage of {len(communities)} units of {tree[SHENGLI].name}: {len(findings)} findings")
    in_township = [g for unit in communities for g in grids.grids_in(unit.code)]
    bands = [f for f in grids.check_bands() if f.grid in set(in_township)]
    print(f"grids of {tree[SHENGLI].name} out of their household band: {len(bands)} of {len(in_township)}")
    for finding in bands[:2]:
        print(f"  {finding.message}")


def post_workers(tree: gr.DivisionTree, grids: gr.GridMap, city: gr.SyntheticCity) -> None:
    """Every grid of 锦苑社区 gets one full-time community worker, nearest first (min-cost flow)."""
    staffing = gr.GridStaffing(grids)
    mine = grids.grids_in(JINYUAN)
    workers = [staffing.add_worker(f"社区工作者{i + 1}", JINYUAN, location=tuple(city.buildings[i * 13]))
               for i in range(len(mine))]
    plan = gr.optimise_full_time(staffing, mine, workers)
    start = dt.date(2026, 3, 1)
    for grid in mine:
        worker = plan.worker_of_grid[grid]
        if worker is not None:
            staffing.assign(worker, grid, gr.GridRole.FULL_TIME, start)
    findings = [f for f in staffing.check(start, dt.date(2026, 3, 31)) if f.grid in mine]
    print(f"网格定岗 in {tree[JINYUAN].name}: {len(mine)} grids, {len(workers)} workers, "
          f"{plan.total_distance_m:.0f} m walked in all, {len(findings)} findings in March 2026")
    for row in staffing.summary(SHENGLI, gr.Level.VILLAGE, start):
        if str(row.unit) == JINYUAN:
            print(f"  {row.unit}: {row.grids} grids, {row.grids_without_full_time} without a full-time worker, "
                  f"{row.households_per_full_time:.0f} households per full-time worker")
    try:
        staffing.assign(workers[0], mine[1], gr.GridRole.FULL_TIME, start)  # a second grid for the same worker
        second = [f.rule_id for f in staffing.check(start, start) if f.worker == workers[0]]
        print(f"one worker on two grids: {second}")
    except gr.GrassrootsError as refused:
        print(f"one worker on two grids: refused: {refused}")


def main() -> None:
    tree = gr.datasets.dongying()
    city, grids = build_and_reload(tree)
    locate_incidents(tree, grids, city)
    check_grids(tree, grids)
    post_workers(tree, grids, city)


if __name__ == "__main__":
    main()
