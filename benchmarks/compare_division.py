#!/usr/bin/env python3
"""Compares grassroots' DivisionTree with networkx (DiGraph) on the national NBS division tables.

One run measures, on the same rows and the same seeded query pairs:

* build time: ``DivisionTree.read_nbs`` vs reading the same CSV files with the ``csv``/``gzip`` modules
  and building a parent -> child ``nx.DiGraph`` (both include reading and parsing);
* is-ancestor queries per second: grassroots per call on code strings (``tree.is_ancestor(a, b)``) and
  vectorised on index arrays (``tree.is_ancestor_many``), vs networkx walking up from ``b`` through
  ``G.predecessors`` (the fastest networkx form we found; ``a in nx.ancestors(G, b)`` and
  ``nx.has_path(G, a, b)`` are measured too, for reference);
* subtree roll-up of a per-unit value: ``tree.rollup(array)`` vs accumulating into parents in reverse
  topological order and via ``nx.dfs_postorder_nodes`` (the faster networkx form is the peer); the
  results are checked to be identical;
* memory per unit, names excluded: ``tree.structure_bytes / len(tree)`` vs the graph measured with
  tracemalloc (node keys and the graph's dicts; names stored as node attributes are reported apart).

Ratios are grassroots speed / networkx speed (for memory: networkx bytes / grassroots bytes), so higher
is better. Writes a readable table to stdout and the figures to benchmarks/results/division.json.

    .venv/bin/python benchmarks/compare_division.py            # national data, about a minute
    .venv/bin/python benchmarks/compare_division.py --quick    # Dongying only (1,982 units), seconds
"""

from __future__ import annotations

import argparse
import csv
import gc
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

import networkx as nx
import numpy as np

import grassroots

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402  (the helpers shared by the comparisons)
    DEFAULT_DATA, add_output_options, best_time, comparison_parser, finish, machine_info, print_rows, progress,
    result_paths, rss_bytes, significant, target_cell, traced_bytes)
from _common import figure as common_figure  # noqa: E402

DEFAULT_OUT, QUICK_OUT, _ = result_paths("division")

# NBS table set, top level first: file, parent column (None for provinces).
NBS_TABLES = [
    ("provinces.csv", None),
    ("cities.csv", "provinceCode"),
    ("areas.csv", "cityCode"),
    ("streets.csv", "areaCode"),
    ("villages.csv.gz", "streetCode"),
]

Row = tuple[str, str, Optional[str]]  # code, name, parent code (None for a top unit)

LEVEL_BY_LENGTH = {2: 0, 4: 1, 6: 2, 9: 3, 12: 4}  # digits -> Level value (PROVINCE ... VILLAGE)
OWN_SEGMENT = {2: (0, 2), 4: (2, 4), 6: (4, 6), 9: (6, 9), 12: (9, 12)}

TARGET_SPEEDUP = 50.0
TARGET_BYTES_PER_UNIT = 64.0


# ---- the data, read the way an analyst would ---------------------------------------------------
class Source:
    """Where the units come from: an NBS folder, a code,name,level,parent_code CSV file, or text."""

    def __init__(self, label: str, *, folder: Optional[Path] = None, path: Optional[Path] = None,
                 text: Optional[str] = None) -> None:
        self.label = label
        self.folder = folder
        self.path = path
        self.text = text

    def read_grassroots(self) -> grassroots.DivisionTree:
        if self.folder is not None:
            return grassroots.DivisionTree.read_nbs(str(self.folder))
        if self.path is not None:
            return grassroots.DivisionTree.read_csv(str(self.path))
        assert self.text is not None
        return grassroots.DivisionTree.parse_csv(self.text)

    def rows(self) -> Iterator[Row]:
        """Yields (code, name, parent code) with Python's csv module (and gzip for .gz files)."""
        if self.folder is not None:
            for file, parent_column in NBS_TABLES:
                path = self.folder / file
                opener: Any = gzip.open if file.endswith(".gz") else open
                with opener(path, "rt", encoding="utf-8", newline="") as f:
                    reader = csv.reader(f)
                    header = next(reader)
                    ci, ni = header.index("code"), header.index("name")
                    pi = header.index(parent_column) if parent_column else None
                    for row in reader:
                        yield row[ci], row[ni], (row[pi] if pi is not None else None)
            return
        if self.path is not None:
            opener = gzip.open if str(self.path).endswith(".gz") else open
            with opener(self.path, "rt", encoding="utf-8", newline="") as f:
                yield from _simple_csv_rows(f)
            return
        assert self.text is not None
        yield from _simple_csv_rows(io.StringIO(self.text, newline=""))


def _simple_csv_rows(lines: Iterable[str]) -> Iterator[Row]:
    reader = csv.reader(line for line in lines if not line.startswith("#"))
    header = next(reader)
    ci, ni, pi = header.index("code"), header.index("name"), header.index("parent_code")
    for row in reader:
        yield row[ci], row[ni], (row[pi] or None)


def code_key(code: str) -> int:
    """(12-digit padded code, level) as one int, the way tree.codes and tree.levels identify a unit."""
    return int(code.ljust(12, "0")) * 8 + LEVEL_BY_LENGTH[len(code)]


def is_placeholder(code: str) -> bool:
    """An NBS placeholder row: its own segment is zeros (金门县 350527000), so its level is not implied."""
    start, end = OWN_SEGMENT[len(code)]
    return len(code) > 2 and int(code[start:end]) == 0


def build_networkx(source: Source, *, names: bool = False) -> nx.DiGraph:
    """Reads the rows and builds a parent -> child DiGraph keyed by code string.

    Each code string is stored once (``canonical``): the parent column would otherwise put a second
    copy of every parent code into the graph. With ``names``, each node gets a ``name`` attribute.
    """
    graph = nx.DiGraph()
    canonical: dict[str, str] = {}
    for code, name, parent in source.rows():
        code = canonical.setdefault(code, code)
        if names:
            graph.add_node(code, name=name)
        else:
            graph.add_node(code)
        if parent is not None:
            graph.add_edge(canonical.setdefault(parent, parent), code)
    return graph


# ---- networkx peers ----------------------------------------------------------------------------
def nx_is_ancestor_walk(graph: nx.DiGraph, a: str, b: str) -> bool:
    """True when a is a proper ancestor of b: walk up from b (one predecessor per node in a tree)."""
    predecessors = graph.predecessors
    node: Optional[str] = b
    while True:
        node = next(predecessors(node), None)
        if node is None:
            return False
        if node == a:
            return True


def nx_rollup_topological(graph: nx.DiGraph, values: dict[str, int]) -> dict[str, int]:
    """Subtree sums: children before parents (reverse topological order), adding into the parent."""
    totals = dict(values)
    for node in reversed(list(nx.topological_sort(graph))):
        for parent in graph.predecessors(node):
            totals[parent] += totals[node]
    return totals


def nx_rollup_postorder(graph: nx.DiGraph, values: dict[str, int]) -> dict[str, int]:
    """Subtree sums: depth-first post-order, each node = own value + its children's totals."""
    totals: dict[str, int] = {}
    for node in nx.dfs_postorder_nodes(graph):
        totals[node] = values[node] + sum(totals[child] for child in graph.successors(node))
    return totals


# ---- query pairs -------------------------------------------------------------------------------
def depths(parents: np.ndarray) -> np.ndarray:
    depth = np.zeros(len(parents), dtype=np.int64)
    has_parent = parents >= 0
    while True:
        new = np.where(has_parent, depth[np.maximum(parents, 0)] + 1, 0)
        if np.array_equal(new, depth):
            return depth
        depth = new


def query_pairs(parents: np.ndarray, count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(ancestor candidate, unit) index pairs: even positions are true proper-ancestor pairs (a random
    unit below the top and one of its ancestors, any distance up), odd positions random pairs (a != b)."""
    rng = np.random.default_rng(seed)
    units = len(parents)
    depth = depths(parents)
    a = rng.integers(0, units, count)
    b = rng.integers(0, units, count)
    clash = a == b
    while clash.any():
        b[clash] = rng.integers(0, units, int(clash.sum()))
        clash = a == b
    true_slots = np.arange(0, count, 2)
    below_top = np.flatnonzero(depth > 0)
    if len(below_top) and len(true_slots):
        unit = below_top[rng.integers(0, len(below_top), len(true_slots))]
        steps = rng.integers(1, depth[unit] + 1)
        ancestor = unit.copy()
        for step in range(int(depth.max())):
            ancestor = np.where(steps > step, parents[ancestor], ancestor)
        a[true_slots] = ancestor
        b[true_slots] = unit
    return a.astype(np.int64), b.astype(np.int64)


# ---- the run -----------------------------------------------------------------------------------
def figure(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """A figure of the JSON (_common.figure) against networkx."""
    return common_figure(*args, peer="networkx", **kwargs)


def run(args: argparse.Namespace) -> dict[str, Any]:
    if args.quick:
        source = Source("Dongying (grassroots.datasets.dongying_csv(), parsed from text)",
                        text=grassroots.datasets.dongying_csv())
    elif args.data.is_dir():
        source = Source(f"NBS tables in {args.data}", folder=args.data)
    else:
        source = Source(f"CSV file {args.data}", path=args.data)
    batch_queries = args.queries if args.queries is not None else (100_000 if args.quick else 1_000_000)
    call_queries = args.call_queries if args.call_queries is not None else (10_000 if args.quick else 100_000)
    call_queries = min(call_queries, batch_queries)
    repeat = args.repeat
    log = progress(args)

    # Memory first, in a fresh heap: grassroots' own accounting, cross-checked by RSS growth.
    gc.collect()
    rss0 = rss_bytes()
    tree = source.read_grassroots()
    rss_growth = rss_bytes() - rss0
    units = len(tree)
    log(f"data: {source.label}: {units:,} units")

    # Build time (both include reading the files).
    log("timing builds ...")
    gr_build, tree = best_time(source.read_grassroots, repeat)
    nx_build, graph = best_time(lambda: build_networkx(source), repeat)
    assert graph.number_of_nodes() == units, (graph.number_of_nodes(), units)

    # Same tree? Map each code string to its tree index by (padded code, level), then every node's
    # parent in the graph must be the tree's parent.
    tree_keys = np.asarray(tree.codes).astype(np.int64) * 8 + np.asarray(tree.levels).astype(np.int64)
    index_by_key = dict(zip(tree_keys.tolist(), range(units)))
    index_by_code = {code: index_by_key[code_key(code)] for code in graph.nodes}
    code_by_index = np.empty(units, dtype=object)
    code_by_index[list(index_by_code.values())] = list(index_by_code.keys())
    assert len(set(index_by_code.values())) == units
    parents = np.asarray(tree.parent_indices)
    graph_parents = np.full(units, -1, dtype=np.int64)
    for parent, child in graph.edges:
        graph_parents[index_by_code[child]] = index_by_code[parent]
    assert np.array_equal(graph_parents, parents), "networkx graph and DivisionTree differ"
    # What grassroots is given in the code forms: the code string, or for an NBS placeholder row
    # (a code whose own segment is zeros, e.g. 金门县 350527000) a DivisionCode with its level,
    # since a bare placeholder string does not say which level it names.
    arg_by_index = code_by_index.copy()
    for i, code in enumerate(code_by_index.tolist()):
        if is_placeholder(code):
            arg_by_index[i] = grassroots.DivisionCode(code, grassroots.Level(LEVEL_BY_LENGTH[len(code)]))
    placeholders = sum(1 for code in code_by_index.tolist() if is_placeholder(code))

    # Memory per unit (names excluded), then what names add.
    log("measuring memory ...")
    del graph
    gc.collect()
    nx_bytes, graph_measured = traced_bytes(lambda: build_networkx(source))
    del graph_measured
    nx_named_bytes, graph_named = traced_bytes(lambda: build_networkx(source, names=True))
    del graph_named
    gc.collect()
    graph = build_networkx(source)
    gr_structure = tree.structure_bytes / units
    gr_names = tree.name_bytes / units
    nx_structure = nx_bytes / units
    nx_names = (nx_named_bytes - nx_bytes) / units

    # Is-ancestor: the same seeded pairs for every form.
    log("timing is-ancestor queries ...")
    a_idx, b_idx = query_pairs(parents, batch_queries, args.seed)
    a_codes = arg_by_index[a_idx].tolist()
    b_codes = arg_by_index[b_idx].tolist()
    gr_call_pairs = list(zip(a_codes[:call_queries], b_codes[:call_queries]))
    call_pairs = list(zip(code_by_index[a_idx[:call_queries]].tolist(), code_by_index[b_idx[:call_queries]].tolist()))

    is_ancestor = tree.is_ancestor
    gr_call_t, gr_call = best_time(lambda: [is_ancestor(a, b) for a, b in gr_call_pairs], repeat)
    unit = tree.unit
    unit_pairs = [(unit(a), unit(b)) for a, b in zip(a_idx[:call_queries].tolist(), b_idx[:call_queries].tolist())]
    gr_unit_t, gr_unit = best_time(lambda: [is_ancestor(a, b) for a, b in unit_pairs], repeat)
    del unit_pairs
    gr_batch_t, gr_batch = best_time(lambda: tree.is_ancestor_many(a_idx, b_idx), repeat, min_total=0.2)
    gr_codes_t, gr_codes = best_time(
        lambda: tree.is_ancestor_many(tree.indices(a_codes), tree.indices(b_codes)), repeat)
    nx_walk_t, nx_walk = best_time(lambda: [nx_is_ancestor_walk(graph, a, b) for a, b in call_pairs], repeat)
    ancestors = nx.ancestors
    nx_anc_t, nx_anc = best_time(lambda: [a in ancestors(graph, b) for a, b in call_pairs], repeat)
    has_path_pairs = call_pairs[: min(args.has_path_queries, call_queries)]
    has_path = nx.has_path
    nx_path_t, nx_path = best_time(lambda: [has_path(graph, a, b) for a, b in has_path_pairs], 1)

    expected = np.asarray(nx_walk, dtype=bool)
    assert np.asarray(gr_call, dtype=bool).tolist() == expected.tolist()
    assert np.asarray(gr_unit, dtype=bool).tolist() == expected.tolist()
    assert np.array_equal(np.asarray(gr_batch[:call_queries]), expected)
    assert np.array_equal(np.asarray(gr_batch), np.asarray(gr_codes))
    assert nx_anc == nx_walk and nx_path == nx_walk[: len(has_path_pairs)]
    assert bool(np.asarray(gr_batch)[0::2].all()), "every even pair is a true ancestor pair"
    true_share = float(np.asarray(gr_batch).mean())

    # Roll-up of a per-unit count (synthetic households, seeded).
    log("timing roll-ups ...")
    rng = np.random.default_rng(args.seed + 1)
    households = rng.integers(50, 3000, units).astype(np.int64)
    households_by_code = dict(zip(code_by_index.tolist(), households.tolist()))
    gr_roll_t, gr_sums = best_time(lambda: tree.rollup(households), repeat, min_total=0.2)
    nx_topo_t, nx_topo = best_time(lambda: nx_rollup_topological(graph, households_by_code), repeat)
    nx_post_t, nx_post = best_time(lambda: nx_rollup_postorder(graph, households_by_code), repeat)
    gr_sums = np.asarray(gr_sums)
    assert gr_sums.dtype == np.int64
    for totals in (nx_topo, nx_post):
        assert np.array_equal(gr_sums, np.array([totals[c] for c in code_by_index.tolist()], dtype=np.int64)), \
            "roll-ups differ"
    if nx_topo_t <= nx_post_t:
        nx_roll_t, roll_peer = nx_topo_t, "reverse topological order, adding each node's total into its parent"
    else:
        nx_roll_t, roll_peer = nx_post_t, "nx.dfs_postorder_nodes, own value + children's totals"

    # Figures.
    def qps(seconds: float, n: int) -> float:
        return n / seconds

    walk_peer = f"walk up from b via G.predecessors until a or the top ({call_queries:,} calls)"
    gr_call_qps = qps(gr_call_t, call_queries)
    gr_unit_qps = qps(gr_unit_t, call_queries)
    gr_batch_qps = qps(gr_batch_t, batch_queries)
    gr_codes_qps = qps(gr_codes_t, batch_queries)
    nx_walk_qps = qps(nx_walk_t, call_queries)
    nx_anc_qps = qps(nx_anc_t, call_queries)
    nx_path_qps = qps(nx_path_t, len(has_path_pairs))
    speed_target = f">= {TARGET_SPEEDUP:g}x networkx"
    figures = [
        figure("build (read files + build)", gr_build, "s", nx_build, nx_build / gr_build, units,
               grassroots_method="DivisionTree.read_nbs(folder)" if source.folder else "DivisionTree read/parse",
               peer_method="csv/gzip modules + DiGraph.add_node/add_edge, parent -> child",
               higher_is_better=False),
        figure("is-ancestor, per call (code strings)", gr_call_qps, "queries/s", nx_walk_qps,
               gr_call_qps / nx_walk_qps, units,
               grassroots_method=f"tree.is_ancestor(a, b) on code strings ({call_queries:,} calls)",
               peer_method=walk_peer, target=speed_target, met=gr_call_qps / nx_walk_qps >= TARGET_SPEEDUP),
        figure("is-ancestor, per call (Unit objects)", gr_unit_qps, "queries/s", nx_walk_qps,
               gr_unit_qps / nx_walk_qps, units,
               grassroots_method=f"tree.is_ancestor(a, b) on Units fetched beforehand ({call_queries:,} calls)",
               peer_method=walk_peer),
        figure("is-ancestor, vectorised (indices)", gr_batch_qps, "queries/s", nx_walk_qps,
               gr_batch_qps / nx_walk_qps, units,
               grassroots_method=f"tree.is_ancestor_many(a_idx, b_idx) ({batch_queries:,} pairs)",
               peer_method=walk_peer, target=speed_target, met=gr_batch_qps / nx_walk_qps >= TARGET_SPEEDUP),
        figure("is-ancestor, vectorised from code strings", gr_codes_qps, "queries/s", nx_walk_qps,
               gr_codes_qps / nx_walk_qps, units,
               grassroots_method=f"tree.indices(codes) twice + is_ancestor_many ({batch_queries:,} pairs)",
               peer_method=walk_peer),
        figure("is-ancestor, per call vs nx.ancestors", gr_call_qps, "queries/s", nx_anc_qps,
               gr_call_qps / nx_anc_qps, units,
               grassroots_method=f"tree.is_ancestor(a, b) on code strings ({call_queries:,} calls)",
               peer_method=f"a in nx.ancestors(G, b) ({call_queries:,} calls)"),
        figure("is-ancestor, per call vs nx.has_path", gr_call_qps, "queries/s", nx_path_qps,
               gr_call_qps / nx_path_qps, units,
               grassroots_method=f"tree.is_ancestor(a, b) on code strings ({call_queries:,} calls)",
               peer_method=f"nx.has_path(G, a, b) ({len(has_path_pairs):,} calls, the first pairs)"),
        figure("subtree roll-up (int64 per unit)", gr_roll_t * 1e3, "ms", nx_roll_t * 1e3,
               nx_roll_t / gr_roll_t, units, grassroots_method="tree.rollup(np.int64 array by index)",
               peer_method=roll_peer + " (dict keyed by code)", target=speed_target,
               met=nx_roll_t / gr_roll_t >= TARGET_SPEEDUP, higher_is_better=False,
               peer_forms_ms={"reverse topological order": nx_topo_t * 1e3,
                              "nx.dfs_postorder_nodes": nx_post_t * 1e3}),
        figure("memory per unit, names excluded", gr_structure, "bytes/unit", nx_structure,
               nx_structure / gr_structure, units, grassroots_method="tree.structure_bytes / len(tree)",
               peer_method="tracemalloc: graph without attributes, incl. its code-string keys",
               target=f"<= {TARGET_BYTES_PER_UNIT:g} bytes/unit", met=gr_structure <= TARGET_BYTES_PER_UNIT,
               higher_is_better=False),
        figure("names per unit", gr_names, "bytes/unit", nx_names, nx_names / gr_names, units,
               grassroots_method="tree.name_bytes / len(tree)",
               peer_method="tracemalloc: graph with name= node attributes, minus the graph without",
               higher_is_better=False),
    ]
    levels = np.bincount(np.asarray(tree.levels), minlength=5)
    level_names = ["province", "prefecture", "county", "township", "village"]
    return {
        "benchmark": "division",
        "quick": bool(args.quick),
        "machine": machine_info({"networkx": nx.__version__}),
        "data_size": {
            "units": units,
            "edges": int((parents >= 0).sum()),
            "by_level": {name: int(levels[i]) for i, name in enumerate(level_names)},
            "source": source.label,
            "nbs_placeholder_rows": placeholders,
            "is_ancestor_batch_queries": batch_queries,
            "is_ancestor_call_queries": call_queries,
            "has_path_queries": len(has_path_pairs),
            "true_pair_share": round(true_share, 4),
        },
        "settings": {"seed": args.seed, "repeat": repeat, "timing": "best of repeats, time.perf_counter"},
        "checks": {
            "same_parent_for_every_unit": True,
            "is_ancestor_results_identical": True,
            "rollup_results_identical": True,
            "grassroots_rss_growth_bytes_per_unit": round(rss_growth / units, 1),
        },
        "figures": figures,
    }


def format_value(value: float, unit: str) -> str:
    if unit == "queries/s":
        return f"{significant(value / 1e6)} M/s" if value >= 1e5 else f"{value:,.0f} /s"
    if unit == "s":
        return f"{significant(value)} s" if value >= 0.1 else f"{significant(value * 1e3)} ms"
    if unit == "ms":
        return f"{significant(value)} ms" if value >= 0.1 else f"{significant(value * 1e3)} us"
    return f"{value:,.1f} B"


def print_table(result: dict[str, Any]) -> None:
    rows = [("Figure", "grassroots", "networkx", "ratio", "target")]
    for f in result["figures"]:
        rows.append((f["figure"], format_value(f["value"], f["unit"]), format_value(f["peer_value"], f["unit"]),
                     f"{significant(f['ratio'])}x", target_cell(f)))
    data = result["data_size"]
    print(f"\ngrassroots vs networkx, {data['units']:,} units ({data['source']})")
    print(f"machine: {result['machine']['summary']}; {result['machine']['date']}")
    print_rows(rows, left=(0, 4))
    print("ratio: grassroots speed / networkx speed; for memory networkx bytes / grassroots bytes.")
    for f in result["figures"]:
        print(f"  {f['figure']}: grassroots {f['grassroots_method']}; networkx {f['peer_method']}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="NBS folder (provinces.csv ... villages.csv.gz) or a code,name,level,parent_code "
                             "CSV file (default: %(default)s)")
    parser.add_argument("--queries", type=int, default=None,
                        help="is-ancestor pairs for the vectorised form (default 1,000,000; 100,000 with --quick)")
    parser.add_argument("--call-queries", type=int, default=None,
                        help="pairs for the per-call forms, grassroots and networkx (default 100,000; "
                             "10,000 with --quick)")
    parser.add_argument("--has-path-queries", type=int, default=2_000,
                        help="pairs for the nx.has_path reference figure (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=42, help="random seed for pairs and values (default 42)")
    add_output_options(parser, DEFAULT_OUT, QUICK_OUT,
                       "smoke run on Dongying (1,982 units, shipped with grassroots) instead of --data")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.quick and not args.data.exists():
        parser.error(f"no data at {args.data} (pass --data or --quick)")
    return finish(run(args), print_table, args, DEFAULT_OUT, QUICK_OUT)


if __name__ == "__main__":
    sys.exit(main())
