"""The analyst's notebook (examples/notebooks/dongying_year.ipynb) runs from top to bottom in a fresh
kernel, draws its charts, and its figures are the library's own."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import grassroots as gr

NOTEBOOK = Path("examples/notebooks/dongying_year.ipynb")


@pytest.fixture(scope="module")
def executed(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    notebook = nbformat.read(repo / NOTEBOOK, as_version=4)
    # Fails with CellExecutionError (naming the cell and the traceback) on any error.
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path_factory.mktemp("notebook"))}}).execute()
    return notebook


def outputs(notebook: Any, output_type: str) -> list[Any]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs
            if o.output_type == output_type]


def test_the_committed_notebook_carries_its_outputs(repo: Path) -> None:
    """Committed executed, top to bottom, without errors, so that a reader sees the charts without running it."""
    notebook = nbformat.read(repo / NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    assert not outputs(notebook, "error")
    assert len([o for o in outputs(notebook, "display_data") if "image/png" in o.data]) >= 4


def test_the_notebook_draws_its_charts(executed: Any) -> None:
    images = [o for o in outputs(executed, "display_data") if "image/png" in o.data]
    # KPIs by county + by month, time to close, the grid map, the burden comparison.
    assert len(images) >= 4
    tables = [o for o in outputs(executed, "execute_result") if "text/html" in o.data]
    assert len(tables) >= 8  # counties, grids, posts, KPIs, townships, ledger, burden …


def test_the_notebook_shows_the_librarys_pictures_and_tables(executed: Any) -> None:
    """Issue 15: rich displays, not one-line reprs; the font set up by grassroots.plotting, not by hand."""
    results = [o.data for o in outputs(executed, "execute_result")]
    pictures = [data["image/svg+xml"] for data in results if "image/svg+xml" in data]
    assert any("锦苑社区居民委员会" in svg for svg in pictures)  # the autonomy chain's org chart
    assert any("dispatch" in svg for svg in pictures)  # the urban-management loop's state diagram
    assert any(data.get("text/html", "").startswith('<table class="grassroots"><caption>KpiReport') for data in results)
    assert any("<td>rates.closure</td>" in data.get("text/html", "") for data in results)  # the city's KpiRow
    sources = "".join(cell.source for cell in executed.cells)
    assert "gp.use_cjk_font()" in sources and "font_manager" not in sources
    assert "docs/analytics.md#analytics_cutoff" in sources  # the December dip explained


def test_the_notebook_figures_are_the_librarys(executed: Any) -> None:
    printed = "".join(o.text for o in outputs(executed, "stream") if o.name == "stdout")
    summary = ast.literal_eval(printed.strip().splitlines()[-1])

    # The same inputs straight through the library give the same year.
    tree = gr.datasets.dongying()
    city = gr.synthetic_city(tree, "3705", seed=7)
    cases = gr.CaseTable.synthetic(tree, cases=300_000, year=2025, seed=2025, grids=city.map)
    options = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1), calendar=gr.Calendar.china())
    row = gr.compute_kpis(cases, options).unit("3705")
    assert summary["grids"] == len(city.map)
    assert summary["cases"] == row.counts.cases  # due in 2025, of the 300,000 filed
    assert 280_000 < summary["cases"] < 300_000
    assert summary["closure_rate"] == round(row.rates.closure, 6)
    assert summary["on_time_closure_rate"] == round(row.rates.on_time_closure, 6)
    assert 0.93 < summary["closure_rate"] < 0.99
    # The ledger: eight townships, all struck off but the one whose measure is still open.
    assert (summary["problems"], summary["struck_off"]) == (8, 7)
    assert "refused:" in printed and "measure" in printed
    # Some communities were short of candidates, and the daily check saw their grids.
    assert summary["grids_without_full_time"] > 0
    assert summary["burden_units"] == sum(
        1 for unit in tree.to_pandas().itertuples() if unit.level == "village" and str(unit.code).startswith("370502"))


def test_the_notebook_keeps_its_objects_in_a_verified_store_with_residents_masked(executed: Any) -> None:
    printed = "".join(o.text for o in outputs(executed, "stream") if o.name == "stdout")
    assert "reloaded identical: ledger True, grids True; hash chain ok: True" in printed
    assert "| saved again, unchanged: " in printed
    event_line = next(line for line in printed.splitlines() if line.startswith("the event carries:"))
    assert "11010519491231002X" not in event_line and "13812345678" not in event_line
    tables = "".join(o.data["text/html"] for o in outputs(executed, "execute_result") if "text/html" in o.data)
    assert "110105********002X" in tables and "138****5678" in tables
    assert "11010519491231002X" not in tables
