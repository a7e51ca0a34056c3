"""What the comparison scripts (benchmarks/compare_*.py) share: paths, timing and memory measures,
the machine description, the C++ (Google Benchmark) figures, the shape of a figure, the command line,
progress lines, the table and the result file.

Standard library only, so that a comparison needs no more than its own peer installed (numpy and
grassroots are imported where the machine is described, since every comparison names their versions).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "divisions"
RESULTS = REPO / "benchmarks" / "results"


def shown_path(path: Path) -> str:
    """`path` as a result file names it: relative to the repository when inside it."""
    return str(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


# ---- measuring ---------------------------------------------------------------------------------
def best_time(fn: Callable[[], Any], repeat: int, min_total: float = 0.0) -> tuple[float, Any]:
    """Best wall time of fn over `repeat` runs (more while the runs total under min_total seconds).

    The cyclic garbage collector runs once before, not during the calls (like timeit)."""
    best = float("inf")
    result: Any = None
    total = 0.0
    runs = 0
    gc.collect()
    while runs < repeat or (total < min_total and runs < 1000):
        result = None
        gc.disable()  # as timeit does: no cyclic-GC pauses inside the timed call (this favours the peers)
        try:
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
        finally:
            gc.enable()
        best = min(best, elapsed)
        total += elapsed
        runs += 1
    return best, result


def traced_bytes(fn: Callable[[], Any]) -> tuple[int, Any]:
    """Python heap bytes still held after fn returns (what its result keeps alive), via tracemalloc."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = fn()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return after - before, result


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


# ---- the machine -------------------------------------------------------------------------------
def _summary(info: dict[str, Any], versions: dict[str, str], numpy: bool) -> str:
    named = ([f"NumPy {info['numpy']}"] if numpy else []) + [f"{name} {version}" for name, version in versions.items()]
    return (f"{info['cpu']}, {info['cores']} cores, {info['memory_gib']} GiB RAM; {info['os']}; "
            f"Python {info['python']}, {', '.join(named)}, grassroots {info['grassroots']}")


def machine_info(versions: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """CPU, cores, memory, OS, the versions of Python, NumPy, the peers (`versions`: name -> version,
    placed before grassroots') and grassroots, the date, and a one-line summary of them all."""
    import numpy as np

    import grassroots

    versions = versions or {}
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = round(int(line.split()[1]) / 1024 / 1024, 1)
                    break
    except OSError:
        pass
    info: dict[str, Any] = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        **versions,
        "grassroots": grassroots.__version__,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    info["summary"] = _summary(info, versions, numpy=True)
    return info


def peer_machine_info(versions: dict[str, str], *, numpy: bool = True) -> dict[str, Any]:
    """machine_info() with the peers' `versions` (name -> version) after the summary, and named in it
    (after NumPy's, unless `numpy` is false)."""
    info = machine_info()
    info.update(versions)
    info["summary"] = _summary(info, versions, numpy)
    return info


# ---- the C++ side ------------------------------------------------------------------------------
def timing_of(bench: dict[str, Any]) -> dict[str, Any]:
    """Time, items per second and iterations of one Google Benchmark run."""
    return {"time": float(bench["real_time"]), "time_unit": bench.get("time_unit"),
            "items_per_second": bench.get("items_per_second"), "iterations": int(bench.get("iterations", 0))}


def cpp_figures(path: Path, pick: Callable[[dict[str, Any]], dict[str, Any]] = timing_of) -> Optional[dict[str, Any]]:
    """A Google Benchmark JSON written by scripts/bench (benchmarks/results/<area>_cpp.json), when
    present: `pick` of each benchmark's run (its timing by default), the date and the file."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    benchmarks: dict[str, dict[str, Any]] = {}
    for bench in data.get("benchmarks", []):
        if bench.get("run_type", "iteration") != "iteration":
            continue
        benchmarks[bench.get("run_name", bench.get("name", ""))] = pick(bench)
    if not benchmarks:
        return None
    return {"benchmarks": benchmarks, "date": data.get("context", {}).get("date"), "file": shown_path(path)}


# ---- figures and the table ---------------------------------------------------------------------
def figure(name: str, value: float, unit: str, peer_value: float, ratio: float, data_size: int, *, peer: str,
           grassroots_method: str, peer_method: str, target: Optional[str] = None,
           met: Optional[bool] = None, higher_is_better: bool = True, **extra: Any) -> dict[str, Any]:
    """One figure of a comparison's JSON (the same shape for every comparison; `peer` names the peer)."""
    return {
        "figure": name,
        "value": value,
        "unit": unit,
        "peer": peer,
        "peer_value": peer_value,
        "ratio": ratio,
        "data_size": data_size,
        "higher_is_better": higher_is_better,
        "grassroots_method": grassroots_method,
        "peer_method": peer_method,
        "target": target,
        "target_met": met,
        **extra,
    }


def significant(value: float) -> str:
    """About three significant digits, without exponents."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def target_cell(f: dict[str, Any]) -> str:
    """The target column of a figure: "<target>: met" or "NOT met"; empty without a target or a verdict."""
    if not f["target"] or f["target_met"] is None:
        return ""
    return f"{f['target']}: {'met' if f['target_met'] else 'NOT met'}"


def print_rows(rows: Sequence[Sequence[str]], left: tuple[int, ...]) -> None:
    """Prints `rows` (the first is the header) as columns two spaces apart, with a rule under the
    header; the columns in `left` are aligned left, the others right."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, r in enumerate(rows):
        print("  ".join(cell.ljust(w) if j in left else cell.rjust(w) for j, (cell, w) in enumerate(zip(r, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))


# ---- command line, progress, result file -------------------------------------------------------
def result_paths(name: str) -> tuple[Path, Path, Path]:
    """A comparison's files in benchmarks/results/: <name>.json, <name>_quick.json (--quick) and
    <name>_cpp.json (its Google Benchmark program's)."""
    return RESULTS / f"{name}.json", RESULTS / f"{name}_quick.json", RESULTS / f"{name}_cpp.json"


def comparison_parser(doc: Optional[str]) -> argparse.ArgumentParser:
    """The argument parser of a comparison script, described by the first paragraph of its docstring."""
    return argparse.ArgumentParser(description=(doc or "").split("\n\n")[0],
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def add_cpp_results_option(parser: argparse.ArgumentParser, default: Path, program: str) -> None:
    """--cpp-results: the Google Benchmark JSON of `program` that the comparison quotes."""
    parser.add_argument("--cpp-results", type=Path, default=default,
                        help=f"Google Benchmark JSON of {program} (default {default.relative_to(REPO)}); "
                             "left out when missing")


def add_output_options(parser: argparse.ArgumentParser, default_out: Path, quick_out: Path, quick_help: str) -> None:
    """--out, --quick and --silent, which every comparison has."""
    parser.add_argument("--out", type=Path, default=None,
                        help=f"JSON output (default {default_out.relative_to(REPO)}; "
                             f"{quick_out.relative_to(REPO)} with --quick)")
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument("--silent", action="store_true", help="no progress lines on stderr")


def progress(args: argparse.Namespace) -> Callable[[str], None]:
    """The progress printer of a run: one line on stderr a message, none with --silent."""
    def log(message: str) -> None:
        if not args.silent:
            print(message, file=sys.stderr, flush=True)

    return log


def write_result(result: dict[str, Any], out: Path) -> None:
    """Writes a comparison's figures as JSON (benchmarks/results/<name>.json) and says where."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")


def finish(result: dict[str, Any], print_table: Callable[[dict[str, Any]], None], args: argparse.Namespace,
           default_out: Path, quick_out: Path) -> int:
    """Prints a run's table and writes its JSON to --out (or the default for a full or --quick run)."""
    print_table(result)
    write_result(result, args.out or (quick_out if args.quick else default_out))
    return 0
