"""Notebook displays (issue 15, item 4): reports and tables show as HTML tables, escaped; a KpiRow's text
repr is readable; workflow definitions, autonomy chains and grid maps show as pictures; without Graphviz
the pictures fall back to the text repr instead of failing."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

import grassroots as gr
from grassroots import _display

# Synthetic tables leave some units without a rated (回访) case: their 三率 are NaN with a warning.
pytestmark = pytest.mark.filterwarnings("ignore::grassroots.UndefinedRateWarning")

ELECTED = dt.date(2021, 5, 20)
SCRIPT = "<script>alert(1)</script>"
TREE_CSV = ("code,name,level,parent_code\n37,山东省,province,\n3705,东营市,prefecture,37\n370502,东营区,county,3705\n"
            f"370502005,胜利街道,township,370502\n370502005066,{SCRIPT}社区,village,370502005\n")


@pytest.fixture(scope="module")
def hostile_tree() -> gr.DivisionTree:
    return gr.DivisionTree.parse_csv(TREE_CSV, "hostile.csv")


@pytest.fixture(scope="module")
def cases(hostile_tree: gr.DivisionTree) -> gr.CaseTable:
    at = lambda d, h: dt.datetime(2025, 3, d, h)  # noqa: E731
    return gr.CaseTable.from_arrays(hostile_tree, unit=["370502005066"] * 3, opened_at=[at(3, 9), at(4, 9), at(5, 9)],
                                    handling_due=[at(10, 17), at(11, 17), at(12, 17)], closed_at=[at(6, 10), None, at(20, 8)],
                                    grid=["37050200506601", None, None], matter=[None, None, SCRIPT])


def kpis(cases: gr.CaseTable) -> gr.KpiReport:
    # No handled_at in these tables: on time is judged by closing (按期结案).
    return gr.compute_kpis(cases, gr.KpiOptions(begin=dt.date(2025, 3, 1), end=dt.date(2025, 4, 1),
                                                on_time=gr.OnTimeRule.BY_CLOSING))


def test_a_kpi_report_is_an_escaped_html_table(cases: gr.CaseTable) -> None:
    page = kpis(cases)._repr_html_()
    assert page.startswith('<table class="grassroots"><caption>KpiReport 2025-03-01 – 2025-04-01')
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;社区" in page
    assert "<th>结案率 closure</th>" in page and "<td>370502005066</td>" in page
    assert "<td>0.6667</td>" in page  # two of three due in March closed
    ET.fromstring(page)  # well-formed: nothing the names carried opened a tag


def test_long_reports_say_how_many_rows_they_leave_out(dongying: gr.DivisionTree) -> None:
    table = gr.CaseTable.synthetic(dongying, cases=2_000, year=2025, seed=3)
    report = kpis(table)
    page = report._repr_html_()
    assert page.count("<tr><td>") == _display.ROWS_SHOWN
    assert f"… {len(report.units) - _display.ROWS_SHOWN:,} more rows (to_pandas() has them all)" in page
    months = gr.compute_kpis_by_bucket(table, gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1)),
                                       gr.TimeBucket.MONTH)._repr_html_()
    assert "BucketReport by month" in months and "<td>2025-01-01</td>" in months


def test_a_case_table_shows_its_first_cases_in_china_time(cases: gr.CaseTable) -> None:
    page = cases._repr_html_()
    assert "CaseTable: 3 cases, 1 grids, 1 matters (times in CST)" in page
    assert "<td>2025-03-03 09:00</td>" in page and "<td>37050200506601</td>" in page
    assert SCRIPT not in page and "&lt;script&gt;" in page
    ET.fromstring(page)


def test_a_kpi_row_reads_line_by_line(cases: gr.CaseTable) -> None:
    row = kpis(cases).unit("370502005066")
    text = repr(row)
    lines = text.splitlines()
    assert len(text) > 300 and len(lines) >= 5  # was one line of 700 characters
    assert max(len(line) for line in lines) <= 100
    assert lines[0] == "KpiRow(" and "counts=KpiCounts(cases=3," in text and "closed=2," in text
    page = row._repr_html_()
    assert "<td>rates.closure</td><td>0.6667</td>" in page and "<td>counts.cases</td><td>3</td>" in page


def test_a_workflow_definition_shows_its_state_diagram() -> None:
    svg = gr.urban_management()._repr_svg_()
    assert svg is not None
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "dispatch" in svg  # a transition's label


def test_an_autonomy_chain_shows_its_org_chart() -> None:
    chain = gr.synthetic_chain("370502005066", "锦苑社区居民委员会", ELECTED, seed=7)
    dot = chain.to_dot()
    assert dot.startswith("digraph chain {") and "cluster_party" in dot and "居民委员会" in dot
    assert chain.to_dot(dt.date(2000, 1, 1)).count("主任") < dot.count("主任")  # nobody held a post yet
    svg = chain._repr_svg_()
    assert svg is not None and "锦苑社区居民委员会" in svg
    ET.fromstring(svg)
    with pytest.raises(TypeError):
        chain.to_dot("2021-05-20x")  # type: ignore[arg-type]


def test_pictures_fall_back_to_text_without_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_display.shutil, "which", lambda name: None)
    assert gr.urban_management()._repr_svg_() is None
    monkeypatch.setattr(_display.shutil, "which", lambda name: "/bin/false")  # dot that fails
    assert _display.render_dot("digraph { a -> b }") is None
    monkeypatch.setattr(_display.shutil, "which", lambda name: "/nonexistent/dot")  # dot that cannot start
    assert _display.render_dot("digraph { a -> b }") is None


def small_map() -> gr.GridMap:
    builder = gr.GridMapBuilder()
    for k, (x0, name) in enumerate([(118.50, "第一网格"), (118.505, SCRIPT)]):
        shape = gr.Polygon([(x0, 37.40), (x0 + 0.005, 37.40), (x0 + 0.005, 37.405), (x0, 37.405), (x0, 37.40)])
        builder.add(gr.Grid(code=f"3705020050660{k + 1}", kind=gr.GridKind.COMPREHENSIVE, name=name, shape=shape,
                            households=100))
    return builder.build()


def test_a_grid_map_shows_as_a_map_coloured_by_value() -> None:
    grid_map = small_map()
    plain = grid_map._repr_svg_()
    ET.fromstring(plain)
    assert plain.count("<path id=\"grid-") == 2 and SCRIPT not in plain
    by_code = grid_map.to_svg({"37050200506602": 5.0, "37050200506601": 1.0}, title="负荷")
    assert re.search(r'id="grid-37050200506602" d="[^"]+" fill="#800026"', by_code)  # the largest: darkest
    assert by_code == grid_map.to_svg([1.0, 5.0], title="负荷")  # by code or in map order: the same picture
    assert "no value" in grid_map.to_svg({"37050200506601": 1.0})  # a grid left out has no value


def test_a_grid_map_picture_refuses_values_that_do_not_fit() -> None:
    grid_map = small_map()
    with pytest.raises(gr.InvalidInputError, match=r"GridMap.to_svg: values name grid '37050200506699', which is not"):
        grid_map.to_svg({"37050200506699": 1.0})
    with pytest.raises(gr.InvalidInputError, match=r"one per grid \(2\), not 3"):
        grid_map.to_svg([1.0, 2.0, 3.0])
    with pytest.raises(gr.InvalidInputError, match="infinite"):
        grid_map.to_svg([1.0, float("inf")])
    with pytest.raises(gr.InvalidInputError, match="width"):
        grid_map.to_svg(width=-3)
    with pytest.raises(ValueError):
        grid_map.to_svg(["a", "b"])


def test_results_show_their_frames_under_their_repr() -> None:
    chain = gr.synthetic_chain("370502005066", "锦苑社区居民委员会", ELECTED, seed=7)
    report = gr.validate(chain, dt.date(2026, 6, 1))
    page = report._repr_html_()
    assert page.startswith("<div><p>&lt;ValidationReport rc-2025 on 2026-06-01:")
    assert 'class="dataframe"' in page and "rule_id" in page
    ledger = gr.DualLedger()
    ledger.add_problem(SCRIPT, dt.date(2026, 1, 8), dt.date(2026, 4, 30), "市委社会工作部", division="370502005066")
    page = ledger.report(dt.date(2026, 1, 1), dt.date(2026, 5, 31))._repr_html_()
    assert page.startswith("<div><p>&lt;LedgerReport") and SCRIPT not in page
    assert {cls.__name__ for cls in _display.FRAME_RESULTS} == {"ValidationReport", "BurdenComparison", "LedgerReport",
                                                               "ReviewOutcome"}
