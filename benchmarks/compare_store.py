#!/usr/bin/env python3
"""Reports the store's durable append rates beside raw sqlite3 inserts of the same rows, same run.

Runs ``grassroots_bench_store`` (Google Benchmark, about four seconds: each benchmark about one
second of wall time), which measures, on the store's schema with WAL and ``synchronous=FULL`` in the
temporary folder: single durable appends (one event per transaction) and batches of 100 appends to
100 streams committed in one transaction (group commit), each beside raw sqlite3 writing the rows the
store writes — per event one prepared INSERT of the same event row (every column, a 32-byte hash
included), per stream one prepared upsert of its version, the store's connection settings (foreign
keys, secure_delete), ``BEGIN IMMEDIATE … COMMIT`` per transaction — and, as a lower bound, raw
sqlite3 writing the event rows alone (no streams table, foreign keys off). Rates are per second of
wall time (a durable commit waits for fsync); CPU time per transaction (the benchmark thread's) is
kept beside them, as it depends less on the disk. Ratios are store / raw (1 = as fast as raw).
Targets (issue 13 §6): >= 250 single durable appends/s; >= 20,000 events/s in batches of 100; within
1.5x of raw sqlite3 (ratio >= 0.667).

PostgreSQL: the benchmark runs under ``scripts/with-postgres --durable`` (a throwaway PostgreSQL 15
server in a temporary folder, unix socket, fsync on, synchronous_commit on; a few seconds to start
and stop) and adds the same two measurements on it beside raw libpq writing the same rows — per
transaction one prepared multi-row upsert of the streams' versions and one prepared multi-row INSERT
of the event rows (PQexecPrepared, a round trip each), BEGIN … COMMIT around them. Target: >= 10,000
events/s in batches of 100.
``--no-postgres`` (or no PostgreSQL 15 installed) leaves those lines out.
Writes benchmarks/results/store_cpp.json and store.json.

    .venv/bin/python benchmarks/compare_store.py --cpp-binary build/bench/benchmarks/grassroots_bench_store
"""

from __future__ import annotations

import json
import os
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

DEFAULT_OUT, _QUICK_OUT, DEFAULT_CPP = result_paths("store")


def pick(bench: dict[str, Any]) -> dict[str, Any]:
    return {"real_time": float(bench["real_time"]), "cpu_time": float(bench["cpu_time"]),
            "time_unit": bench.get("time_unit"),
            "items_per_second": float(bench["items_per_second"]), "iterations": int(bench["iterations"]),
            "events_per_transaction": float(bench.get("events_per_transaction", 0))}


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--cpp-binary", type=Path, required=True, help="grassroots_bench_store")
    parser.add_argument("--cpp-out", type=Path, default=DEFAULT_CPP, help="its Google Benchmark JSON")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the figures")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    command = [str(args.cpp_binary), f"--benchmark_out={args.cpp_out}", "--benchmark_out_format=json"]
    with_postgres = Path(__file__).resolve().parents[1] / "scripts" / "with-postgres"
    if not args.no_postgres and Path("/usr/lib/postgresql/15/bin/initdb").exists():
        command = [str(with_postgres), "--durable", *command]
    subprocess.run(command, check=True, timeout=600)
    cpp = cpp_figures(args.cpp_out, pick)
    assert cpp is not None, "the benchmark wrote no figures"
    # Google Benchmark names the runs "BM_Name/min_time:1.000/real_time": key them by the bare name.
    b = {name.split("/")[0]: bench for name, bench in cpp["benchmarks"].items()}
    single, raw_single = b["BM_StoreSingleAppend"], b["BM_RawSqliteSingleInsert"]
    batch, raw_batch = b["BM_StoreBatch100"], b["BM_RawSqliteBatch100"]
    events_only = b["BM_RawSqliteBatch100EventsOnly"]
    settings = "SQLite WAL, synchronous=FULL, ~300-byte canonical JSON payload, file in the temporary folder"
    figures = [
        figure("Single durable appends per second (one event per transaction)", single["items_per_second"],
               "appends/s", raw_single["items_per_second"], single["items_per_second"] / raw_single["items_per_second"],
               single["iterations"], peer="raw sqlite3",
               grassroots_method="Store::append of one event with an expected version; " + settings,
               peer_method="one prepared INSERT of the same event row and one upsert of its stream's version in "
                           "BEGIN IMMEDIATE … COMMIT; same schema and settings",
               target=">= 250 appends/s and within 1.5x of raw sqlite3",
               met=single["items_per_second"] >= 250
               and single["items_per_second"] * 1.5 >= raw_single["items_per_second"]),
        figure("Events per second in batches of 100 (group commit)", batch["items_per_second"], "events/s",
               raw_batch["items_per_second"], batch["items_per_second"] / raw_batch["items_per_second"],
               batch["iterations"] * 100, peer="raw sqlite3",
               grassroots_method="Store::append_batch of 100 appends (100 streams, one event each, any version) in "
                                 "one transaction; " + settings,
               peer_method="per event a prepared INSERT of the same event row, per stream a prepared upsert of its "
                           "version, in one BEGIN IMMEDIATE … COMMIT; same schema and settings",
               target=">= 20,000 events/s and within 1.5x of raw sqlite3",
               met=batch["items_per_second"] >= 20_000
               and batch["items_per_second"] * 1.5 >= raw_batch["items_per_second"],
               cpu_us_per_transaction=batch["cpu_time"], peer_cpu_us_per_transaction=raw_batch["cpu_time"]),
        figure("Events per second in batches of 100, beside raw sqlite3 writing the event rows alone",
               batch["items_per_second"], "events/s", events_only["items_per_second"],
               batch["items_per_second"] / events_only["items_per_second"], batch["iterations"] * 100,
               peer="raw sqlite3 (event rows only)", grassroots_method="as above",
               peer_method="100 prepared INSERTs of the event rows in one BEGIN IMMEDIATE … COMMIT, the streams' "
                           "rows not written (foreign keys off): a lower bound, not the same rows",
               target=None, met=None,
               cpu_us_per_transaction=batch["cpu_time"], peer_cpu_us_per_transaction=events_only["cpu_time"]),
    ]
    if "BM_PgStoreBatch100" in b:
        figures += _postgres_figures(b)
    result = {
        "benchmark": "store",
        "quick": False,
        "machine": machine_info({"sqlite": _context(args.cpp_out, "sqlite"),
                                 "postgresql": _context(args.cpp_out, "postgresql")}),
        "data_size": {"payload_bytes": 300, "batch_size": 100},
        "settings": {"timing": "Google Benchmark, UseRealTime (wall time: durable commits wait for fsync), "
                               "min time 1 s per benchmark", "cpp_results": shown_path(args.cpp_out),
                     "load_average_after": [round(x, 2) for x in os.getloadavg()]},
        "figures": figures,
        "cpp": cpp,
    }
    for f in figures:
        print(f"{f['figure']}: {f['value']:,.0f} {f['unit']} vs raw {f['peer_value']:,.0f} "
              f"(ratio {f['ratio']:.2f}; target met: {f['target_met']})")
    write_result(result, args.out)
    return 0


def _postgres_figures(b: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    single, raw_single = b["BM_PgStoreSingleAppend"], b["BM_RawPgSingleInsert"]
    batch, raw_batch = b["BM_PgStoreBatch100"], b["BM_RawPgBatch100"]
    settings = ("PostgreSQL 15 over a unix socket, fsync on, synchronous_commit=on, the append lock "
                "(pg_advisory_xact_lock) taken, ~300-byte canonical JSON payload; throwaway server "
                "(scripts/with-postgres --durable)")
    return [
        figure("PostgreSQL: single durable appends per second (one event per transaction)",
               single["items_per_second"], "appends/s", raw_single["items_per_second"],
               single["items_per_second"] / raw_single["items_per_second"], single["iterations"], peer="raw libpq",
               grassroots_method="Store::append of one event with an expected version; " + settings,
               peer_method="one prepared upsert of the stream's version and one prepared INSERT of the same event "
                           "row (PQexecPrepared) in BEGIN … COMMIT; same schema and server",
               target=None, met=None),
        figure("PostgreSQL: events per second in batches of 100 (group commit)", batch["items_per_second"],
               "events/s", raw_batch["items_per_second"], batch["items_per_second"] / raw_batch["items_per_second"],
               batch["iterations"] * 100, peer="raw libpq",
               grassroots_method="Store::append_batch of 100 appends (100 streams, one event each, any version) in "
                                 "one transaction (set-wise lookups, multi-row INSERTs); " + settings,
               peer_method="one prepared multi-row upsert of the 100 streams' versions and one prepared multi-row "
                           "INSERT of the 100 event rows (PQexecPrepared) in one BEGIN … COMMIT; same schema and server",
               target=">= 10,000 events/s", met=batch["items_per_second"] >= 10_000),
    ]


def _context(cpp_out: Path, key: str) -> str:
    """A version the benchmark ran on (its Google Benchmark context: "sqlite", "postgresql")."""
    return str(json.loads(cpp_out.read_text(encoding="utf-8"))["context"].get(key, "not measured"))


if __name__ == "__main__":
    sys.exit(main())
