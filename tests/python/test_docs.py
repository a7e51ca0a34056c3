"""The docs a newcomer reads: each area's page opens with a Python and a C++ example that run, the
facts they cite live in the repository, and the data pages say how the shipped data was made.

(The C++ openings are compiled into one program and run by ctest: example.docs_pages.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

AREA_PAGES = ["divisions", "autonomy", "calendar", "grids", "workflow", "analytics", "ledger", "burden", "people",
              "store", "errors"]

# What each page's opening Python example must print (a regular expression per line of interest).
OPENING_OUTPUT = {
    "divisions": [r"山东省 → 东营市 → 东营区 → 胜利街道 → 锦苑社区居民委员会", r"村级 居委会 1921", r"True 街道"],
    "autonomy": [r"居民委员会 \d+ groups, \d+ households", r"2025-06-01 rc-2018 \[\]",
                 r"2026-06-01 rc-2025 \[.*'committee.term_years'.*\]"],
    "calendar": [r"^2026-03-03$", r"^调休上班$", r"^2026-10-15 17:30:00\+08:00$"],
    "grids": [r"^\d+ \['37050200506601', '37050200506602'\]$", r"^True \[\]$"],
    "workflow": [r"^handle 2026-10-13 17:30:00\+08:00$", r"^[1-9]\d* events, now on rung 乡镇/街道$"],
    "analytics": [r"^东营区: \d+ due, 结案率 9\d\.\d%, 按期结案率 \d+\.\d%$", r"^True$"],
    "ledger": [r"ledger\.strike_off\.measures.*M0001", r"^已销号$"],
    "burden": [r"^plaques 12 → 0; burden per staff member \d+\.\d\d$"],
    "people": [r"^sg-01 98\.2 优秀 → 称职$", r"^sg-02 65\.5 基本称职 → 基本称职$"],
    "store": [r"payload=\{'grid': 'G1'\}", r"^\(1, \d+\)$"],
    "errors": [r"^dongying\.csv, row 3, field 'parent': code 3705 does not extend its parent's code 38",
               r"^True no village with code 370599001001 in this tree$"],
    "data": [r"^1982 锦苑社区居民委员会$", r"^2019 … 2026 国务院办公厅关于2026年部分节假日安排的通知$"],
}

# Where the docs, README and examples may not point: a folder outside the repository.
OUTSIDE = ("../shared", "DOMAIN.md")


def opening(page: Path) -> str:
    """The part of a page before its first section."""
    return page.read_text(encoding="utf-8").split("\n## ", 1)[0]


def first_block(text: str, language: str) -> str | None:
    match = re.search(rf"```{language}\n(.*?)```", text, flags=re.S)
    return match.group(1) if match else None


def test_every_area_page_is_checked(repo: Path) -> None:
    assert set(AREA_PAGES) | {"data"} == set(OPENING_OUTPUT)
    for area in AREA_PAGES:
        assert (repo / "docs" / f"{area}.md").is_file(), area
    cmake = (repo / "examples/CMakeLists.txt").read_text(encoding="utf-8")
    assert f"set(GRASSROOTS_DOCS_EXAMPLE_PAGES {' '.join(AREA_PAGES)})" in cmake


@pytest.mark.parametrize("area", AREA_PAGES)
def test_each_area_page_opens_with_a_python_and_a_cpp_example(repo: Path, area: str) -> None:
    head = opening(repo / "docs" / f"{area}.md")
    python, cpp = first_block(head, "python"), first_block(head, "cpp")
    assert python is not None, f"docs/{area}.md: no ```python example before its first section"
    assert cpp is not None, f"docs/{area}.md: no ```cpp example before its first section"
    assert "int main() {" in cpp, f"docs/{area}.md: the C++ example is not a whole program"
    assert len(python.splitlines()) <= 25 and len(cpp.splitlines()) <= 30, f"docs/{area}.md: the openings are short"


@pytest.mark.parametrize("area", [*AREA_PAGES, "data"])
def test_each_opening_python_example_runs_and_prints_what_its_comments_say(
        repo: Path, tmp_path: Path, area: str) -> None:
    code = first_block(opening(repo / "docs" / f"{area}.md"), "python")
    assert code is not None
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, f"docs/{area}.md:\n{result.stderr}"
    assert list(tmp_path.iterdir()) == [], "an opening example leaves no file behind"
    for expected in OPENING_OUTPUT[area]:
        assert re.search(expected, result.stdout, flags=re.M), f"docs/{area}.md: {expected!r} not in\n{result.stdout}"


def test_no_page_readme_or_example_points_outside_the_repository(repo: Path) -> None:
    files = [repo / "README.md", *sorted((repo / "docs").rglob("*.md")), *sorted((repo / "examples").rglob("*"))]
    found = []
    for path in files:
        if not path.is_file() or path.suffix not in {".md", ".py", ".cpp", ".ipynb", ".txt", ".cmake", ".in", ".csv"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.relative_to(repo)}:{number}: {word}" for word in OUTSIDE if word in line]
    assert not found, "\n".join(found)


def test_the_domain_sections_the_pages_cite_exist(repo: Path) -> None:
    domain = (repo / "docs/domain.md").read_text(encoding="utf-8")
    sections = {int(n) for n in re.findall(r"^## (\d+)\. ", domain, flags=re.M)}
    assert sections == set(range(1, 10))
    cited = set()
    for page in (repo / "docs").glob("*.md"):
        cited |= {int(n) for n in re.findall(r"\[domain §(\d+)\]", page.read_text(encoding="utf-8"))}
    assert cited and cited <= sections, cited - sections


def test_stale_status_notes_are_gone(repo: Path) -> None:
    # Issue 15: workflow.md said the binding was "in progress" and the glossary called grids "planned".
    stale = re.compile(r"\bin progress\b|\bplanned\b|a later release|see the README for the road map", re.I)
    pages = [*sorted((repo / "docs").glob("*.md")), repo / "bindings/python/grassroots/__init__.py"]
    found = [f"{p.relative_to(repo)}:{n}: {line.strip()}" for p in pages
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1) if stale.search(line)]
    assert not found, "\n".join(found)


def test_the_data_page_names_the_sources_and_the_placeholder_rows(repo: Path) -> None:
    data = (repo / "docs/data.md").read_text(encoding="utf-8")
    for needed in ("www.stats.gov.cn", "2023", "github.com/NateScarlet/holiday-cn", "scripts/import_holiday_cn.py",
                   "scripts/import_nbs_divisions.py", "350527000000", "市辖区"):
        assert needed in data, needed
    for line in (repo / "data/calendar/china-notices.csv").read_text(encoding="utf-8").splitlines()[2:]:
        assert line.split(",")[2].startswith(("http://www.gov.cn/", "https://www.gov.cn/")), line


def import_nbs(repo: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(repo / "scripts/import_nbs_divisions.py"), *arguments],
                          capture_output=True, text=True, check=False)


@pytest.mark.shared_data
def test_the_nbs_import_reproduces_the_shipped_dongying_file(repo: Path, shared_data: Path, tmp_path: Path) -> None:
    output = tmp_path / "dongying.csv"
    result = import_nbs(repo, str(shared_data / "divisions"), "3705", str(output))
    assert result.returncode == 0, result.stderr
    assert "1982 units under 3705 东营市" in result.stdout
    # Line for line (the shipped rows end in CRLF, as the crawled tables did; the reader takes both).
    shipped = (repo / "data/divisions/dongying.csv").read_text(encoding="utf-8").splitlines()
    assert output.read_text(encoding="utf-8").splitlines() == shipped


def test_the_nbs_import_on_a_missing_folder_fails_naming_it_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    result = import_nbs(repo, str(tmp_path / "no-such-folder"), "3705", str(output))
    assert result.returncode == 1
    assert "grassroots.FileError" in result.stderr and "no-such-folder" in result.stderr
    assert not output.exists()


def test_the_nbs_import_of_an_unknown_prefecture_fails_naming_it(repo: Path, test_data: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    result = import_nbs(repo, str(test_data / "nbs"), "3799", str(output))
    assert result.returncode == 1
    assert "3799" in result.stderr.splitlines()[-1]
    assert not output.exists()
