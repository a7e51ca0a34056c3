#!/usr/bin/env python3
"""Reports the case engine on the store: appending through the engine, loading (replaying) it, and
reopening a city-year from a snapshot and without — beside raw sqlite3 reading the same rows.

Runs ``grassroots_bench_stored_engine`` (Google Benchmark, bounded: each benchmark once or about a
second), which measures, with SQLite (WAL) in the temporary folder: the urban loop's seven stages per
case appended through a StoredEngine, one transaction per operation (FULL) and 100 cases' operations
per transaction (FULL); StoredEngine::load of a 20,000-case store and of a city-year
(GRASSROOTS_CITY_CASES, default 300,000 cases, about 2.7 M events) with every case event replayed,
and from a snapshot at the last position; loading's parts apart (decoding the 20,000-case city's
event lines, and replaying the decoded records); and raw sqlite3 reading every event row (the
columns a load reads) in position order, the peer. Ratios are grassroots / raw (rates: 1 = as fast as raw).
Targets (issue 13 §6): loading >= 1 M events/s from SQLite; a city-year reopens in < 2 s from a
snapshot. Writes benchmarks/results/stored_engine_cpp.json and stored_engine.json.

    .venv/bin/python benchmarks/compare_stored_engine.py --cpp-binary build/bench/benchmarks/grassroots_bench_stored_engine
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    comparison_parser,
    cpp_figures,
    figure,
    machine_info,
    result_paths,
    shown_path,
    write_result,
)

DEFAULT_OUT, _QUICK_OUT, DEFAULT_CPP = result_paths("stored_engine")


def pick(bench: dict[str, Any]) -> dict[str, Any]:
    return {"real_time": float(bench["real_time"]), "time_unit": bench.get("time_unit"),
            "items_per_second": float(bench.get("items_per_second", 0)), "iterations": int(bench["iterations"]),
            "events": float(bench.get("events", 0)), "cases": float(bench.get("cases", 0)),
            "events_per_transaction": float(bench.get("events_per_transaction", 0))}


def seconds(bench: dict[str, Any]) -> float:
    unit = {"ms": 1e-3, "us": 1e-6, "ns": 1e-9, "s": 1.0}[bench["time_unit"]]
    return bench["real_time"] * unit


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--cpp-binary", type=Path, required=True, help="grassroots_bench_stored_engine")
    parser.add_argument("--cpp-out", type=Path, default=DEFAULT_CPP, help="its Google Benchmark JSON")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the figures")
    args = parser.parse_args()
    subprocess.run([str(args.cpp_binary), f"--benchmark_out={args.cpp_out}", "--benchmark_out_format=json"],
                   check=True)
    cpp = cpp_figures(args.cpp_out, pick)
    assert cpp is not None, "the benchmark wrote no figures"
    runs = cpp["benchmarks"]

    def named(prefix: str, *parts: str) -> dict[str, Any]:
        return next(b for name, b in runs.items() if name.startswith(prefix) and all(p in name for p in parts))

    per_op = named("BM_StoredEngineAppendPerOperation")
    batched = named("BM_StoredEngineAppendBatched")
    load_small = named("BM_StoredEngineLoad/cases:20000/", "snapshot:0")
    raw_small = named("BM_RawSqliteRead/cases:20000/")
    decode = named("BM_DecodeEventLines/cases:20000/")
    replay_alone = named("BM_ReplayRecords/cases:20000/")
    big = [name for name in runs if name.startswith("BM_RawSqliteRead/") and "cases:20000/" not in name]
    raw = runs[big[0]] if big else None
    cases = big[0].split("cases:")[1].split("/")[0] if big else ""
    replay = named(f"BM_StoredEngineLoad/cases:{cases}/", "snapshot:0") if big else None
    snapshot = named(f"BM_StoredEngineLoad/cases:{cases}/", "snapshot:1") if big else None
    settings = "SQLite WAL, file in the temporary folder"
    figures = [
        figure("Events appended per second through the engine, one transaction per operation (FULL)",
               per_op["items_per_second"], "events/s", 0.0, 0.0, int(per_op["iterations"]), peer="none",
               grassroots_method="StoredEngine: the urban loop's 8 operations per case, each written in its own "
                                 "transaction before it returns; synchronous=FULL; " + settings,
               peer_method="(the raw insert peer is in benchmarks/results/store.json)"),
        figure("Events appended per second through the engine, 100 cases per transaction (FULL)",
               batched["items_per_second"], "events/s", 0.0, 0.0, int(batched["iterations"]) * 100, peer="none",
               grassroots_method="StoredEngine begin_batch/commit_batch around 100 cases' operations; "
                                 "synchronous=FULL; " + settings,
               peer_method="(the raw insert peer is in benchmarks/results/store.json)"),
        figure("Loading (replay) events per second from SQLite, 20,000 cases", load_small["items_per_second"],
               "events/s", raw_small["items_per_second"], load_small["items_per_second"] / raw_small["items_per_second"],
               int(load_small["events"]), peer="raw sqlite3",
               grassroots_method="StoredEngine::load: setup streams, then every case event read in chunks, its "
                                 "JSON line parsed and replayed (no snapshot); " + settings,
               peer_method="sqlite3 SELECT of every event row (the columns a load reads) in position order, "
                           "copying the text columns",
               target=">= 1,000,000 events/s", met=load_small["items_per_second"] >= 1_000_000),
        figure("Loading's parts: decoding event lines per second, 20,000 cases", decode["items_per_second"], "events/s",
               raw_small["items_per_second"], decode["items_per_second"] / raw_small["items_per_second"],
               int(decode["events"]), peer="raw sqlite3",
               grassroots_method="CaseEngine::parse_json_lines over the city's event lines (simdjson On-Demand; "
                                 "no store, no replay)",
               peer_method="sqlite3 SELECT of every event row in position order (reading, the other part)"),
        figure("Loading's parts: replaying decoded records per second, 20,000 cases", replay_alone["items_per_second"],
               "events/s", raw_small["items_per_second"], replay_alone["items_per_second"] / raw_small["items_per_second"],
               int(replay_alone["events"]), peer="raw sqlite3",
               grassroots_method="CaseEngine::replay of the decoded records into an engine with the city's setup "
                                 "(the replay share of a load)",
               peer_method="sqlite3 SELECT of every event row in position order"),
    ]
    if replay is not None and snapshot is not None and raw is not None:
        figures += [
            figure(f"Reopen time from a snapshot, {int(snapshot['cases']):,} cases (a city-year is 300,000)", seconds(snapshot), "s", seconds(raw),
                   seconds(snapshot) / seconds(raw), int(snapshot["cases"]), peer="raw sqlite3",
                   grassroots_method=f"StoredEngine::load of {int(snapshot['cases']):,} cases "
                                     f"({int(snapshot['events']):,} events) from the snapshot at the last position",
                   peer_method="sqlite3 reading every event row of the same store",
                   target="< 2 s for 300,000 cases", met=seconds(snapshot) < 2.0 if int(snapshot["cases"]) >= 300_000 else None,
                   higher_is_better=False),
            figure(f"Reopen time without a snapshot (replay), {int(replay['cases']):,} cases", seconds(replay), "s", seconds(raw),
                   seconds(replay) / seconds(raw), int(replay["cases"]), peer="raw sqlite3",
                   grassroots_method="StoredEngine::load replaying every case event",
                   peer_method="sqlite3 reading every event row of the same store", higher_is_better=False),
            figure(f"Loading (replay) events per second, {int(replay['cases']):,} cases", replay["items_per_second"], "events/s",
                   raw["items_per_second"], replay["items_per_second"] / raw["items_per_second"], int(replay["events"]),
                   peer="raw sqlite3", grassroots_method="StoredEngine::load replaying every case event",
                   peer_method="sqlite3 reading every event row of the same store",
                   target=">= 1,000,000 events/s", met=replay["items_per_second"] >= 1_000_000),
        ]
    result = {
        "benchmark": "stored_engine",
        "quick": False,
        "machine": machine_info({"sqlite": str(json.loads(args.cpp_out.read_text(encoding="utf-8"))["context"].get("sqlite", "unknown"))}),
        "settings": {"timing": "Google Benchmark, UseRealTime; loads timed once per iteration",
                     "cpp_results": shown_path(args.cpp_out)},
        "figures": figures,
        "cpp": cpp,
    }
    for f in figures:
        print(f"{f['figure']}: {f['value']:,.3f} {f['unit']} (peer {f['peer_value']:,.3f}; target met: {f['target_met']})")
    write_result(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
