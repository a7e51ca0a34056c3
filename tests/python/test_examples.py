"""The Python examples and the README's Python snippets run and print what they promise."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def run(script: Path) -> str:
    """The output of a good run, which must exit 0."""
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_an_example_on_bad_input_exits_non_zero_with_the_error(repo: Path, tmp_path: Path) -> None:
    # The error path must fail the run (exit 1 from the uncaught GrassrootsError), not print and exit 0,
    # and not crash (a negative return code is a signal).
    (tmp_path / "cases.db").write_bytes(b"not a database, just text\n" * 200)
    result = subprocess.run([sys.executable, str(repo / "examples/python/stored_engine.py"), str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1, (result.returncode, result.stderr)
    last_line = result.stderr.rstrip().splitlines()[-1]
    assert last_line.startswith(f"grassroots.FileError: {tmp_path / 'cases.db'}: is not a grassroots store"), last_line
    assert result.stdout == ""


def cpp_tour_tests(repo: Path) -> dict[str, dict[str, str]]:
    """The ctest cases of the C++ tour (examples/CMakeLists.txt): name → ARGUMENT, SET_ENV, EXIT, EXPECTED."""
    cmake = (repo / "examples/CMakeLists.txt").read_text(encoding="utf-8")
    tests = {}
    for match in re.finditer(r"grassroots_example_test\((example\.tour\w*) PROGRAM grassroots_tour (.*?)\n  (?=\S)", cmake, re.S):
        fields = dict(re.findall(r'(ARGUMENT|SET_ENV|EXIT|EXPECTED) ("(?:[^"\\]|\\.)*"|\S+)', match.group(2)))
        tests[match.group(1)] = {k: v[1:-1] if v.startswith('"') else v for k, v in fields.items()}
    return tests


def cmake_regex(text: str) -> str:
    """A CMake quoted argument's regular expression as Python's re reads it."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


@pytest.mark.parametrize("name", ["example.tour", "example.tour_store", "example.tour_unknown_code",
                                  "example.tour_malformed_code"])
def test_python_tour_prints_what_the_cpp_tour_prints(repo: Path, tmp_path: Path, name: str) -> None:
    # Issue 15: the Python tour covered only the ladder. It now runs the C++ tour's steps, area by area,
    # and must match the very expression ctest holds the C++ tour's output to (exit status included).
    test = cpp_tour_tests(repo)[name]
    env = {k: v for k, v in os.environ.items() if k != "GRASSROOTS_DEMO_STORE"}
    if "SET_ENV" in test:
        env["GRASSROOTS_DEMO_STORE"] = str(tmp_path / Path(test["SET_ENV"].split("=", 1)[1]).name)
    command = [sys.executable, str(repo / "examples/python/tour.py"), *([test["ARGUMENT"]] if "ARGUMENT" in test else [])]
    runs = 2 if "SET_ENV" in test else 1  # the store: a second run resumes from it
    for _ in range(runs):
        result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        output = result.stdout + result.stderr
        assert (result.returncode == 0) == (test["EXIT"] == "zero"), (result.returncode, result.stderr)
        assert re.search(cmake_regex(test["EXPECTED"]), output, re.S), output
    if runs == 2:
        assert "Resuming from the store" in output


def test_the_python_tour_walks_every_area_in_the_order_of_the_cpp_tour(repo: Path) -> None:
    out = run(repo / "examples/python/tour.py")
    steps = ["The ladder down to", "Units per level", "Per county-level unit", "The autonomy chain of", "Validation on",
             "居民会议 of group representatives", "Deadlines on the working-day clock", "Grids (网格化)", "网格定岗",
             "Closed loop (闭环)", "The year in numbers", "双台账", "People (履职评估", "Burden (小马拉大车"]
    positions = [out.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), dict(zip(steps, positions))


def test_python_grids_example(repo: Path) -> None:
    out = run(repo / "examples/python/grids.py")
    assert re.search(r"东营区: (\d+) grids over \d+ buildings, \d+ households; reloaded from GeoJSON: \1 grids", out)
    assert re.search(r"located 200000 points: \d+ in a grid, \d+ outside every grid", out)
    assert re.search(r"the first building \(118\.\d+, 37\.\d+\) is in 3705\d{10} ", out)
    assert re.search(r"coverage of \d+ units of 胜利街道: 0 findings", out)
    assert re.search(r"网格定岗 in 锦苑社区居民委员会: (\d+) grids, \1 workers, \d+ m walked in all, 0 findings in March 2026", out)
    assert "one worker on two grids: ['full_time.one_grid']" in out


def test_readme_python_snippets(repo: Path, tmp_path: Path) -> None:
    readme = (repo / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "README.md has no ```python block"
    script = tmp_path / "readme_snippets.py"
    script.write_text("\n".join(blocks), encoding="utf-8")
    out = run(script)
    assert "锦苑社区居民委员会" in out
    assert re.search(r"东营区 结案率 9\d\.\d%", out)


def test_python_autonomy_example(repo: Path) -> None:
    out = run(repo / "examples/python/autonomy.py")
    assert "[error] committee.size: 4 members on 2025-06-01; the law requires 5–9" in out
    assert "after appointing 赵敏: ok=True, findings=0, 一肩挑=True" in out
    assert "3 of 6 present (more than 1/2 needs 4): not quorate" in out
    assert "4 of 6 present (more than 1/2 needs 4): quorate; 3 of 4 for (more than 1/2 needs 3): passed" in out
    assert "overdue on 2025-07-01: [0]" in out
    assert "committee.term_years" in out and "unit.households" in out


def test_python_deadlines_example(repo: Path) -> None:
    out = run(repo / "examples/python/deadlines.py")
    assert "2026-02-14 is 调休上班 春节" in out
    assert "2026-02-12 general 2026-02-28 2026-03-03" in out  # numpy misses the make-up Saturdays
    assert "24 working hours: due 2026-02-26 09:00 UTC+08:00" in out
    assert "the 2027 schedule is not published" in out
    assert "provisional: 2027-01-04 True" in out


def test_python_cases_example(repo: Path) -> None:
    out = run(repo / "examples/python/cases.py")
    assert out.startswith("30 cases, ")
    # Dispatched the day before the National Day holiday: 5 working days end on 13 October.
    assert "C000006: dispatched 2026-09-30 10:00, handling due 2026-10-13 17:30 UTC+08:00, handled 2026-10-16 10:00 at the township rung" in out
    assert "refused: actor 'dp-0003' of 东营区综合行政执法局 may not handle case C000011: it is assigned to 锦苑社区居委会" in out
    assert re.search(r"cancel\s+1\nclosed\s+26\nhandle\s+3", out)
    assert re.search(r"township\s+3\s+3\ncounty\s+2\s+2", out)
    assert "reworks, refusals, reopens: 1 1 1" in out
    assert re.search(r"escalated 2026-10-13 17:30:00\+08:00\s+<NA>\s+handle\s+handle\s+township 胜利街道综合执法中队", out)
    assert '"service_request_id": "C000006"' in out and '"agency_responsible": "胜利街道综合执法中队"' in out


def test_python_ledger_and_burden_example(repo: Path) -> None:
    out = run(repo / "examples/python/ledger_and_burden.py")
    assert "measures not done: M0001 '工作措施 1' (open)" in out
    assert "责任人1 may not verify problem P0001: they are responsible for measure M0001" in out
    assert "ledger: 44 problems, 31 measures, 44 struck off, 0 open" in out
    assert "P0001 reopened: status 整改中, reopens 1" in out
    assert "plaques: 2259 → 36, removed 2223" in out
    assert "accounts: 32 → 0, closed 32" in out
    assert out.count("heaviest: ") == 3


def test_python_vault_example(repo: Path) -> None:
    out = run(repo / "examples/python/vault.py")
    assert "keys: SecretKey(32 bytes, fingerprint " in out
    assert "registered 2 residents: [Resident(" in out and "110105********002X" in out and "张*" in out
    assert "refused: append to stream 'case-C000102', event 1 ('e-102'): payload key 'applicant.phone' holds a mobile" in out
    assert "revealed with the keys: 11010519491231002X 张三" in out
    assert "after forget: " in out and "was forgotten" in out
    assert "clear ID number in the file: False — events kept: 1" in out
    assert "13812345678" not in out


def test_python_grids_geopandas_example(repo: Path) -> None:
    pytest.importorskip("geopandas")
    pytest.importorskip("networkx")
    out = run(repo / "examples/python/grids_geopandas.py")
    assert "163 grids and 36 community boundaries, CRS EPSG:4326" in out
    assert re.search(r"GCJ-02 moved the reports by \d{3}–\d{3} m", out)
    assert "reports in a grid: 1000 of 1000; left in GCJ-02, " in out
    assert "read back: <GridMap of 163 grids in 36 units, metres>, EPSG:32650" in out
    assert "东营区 has 341 units below it; 胜利街道's parent is 东营区" in out
