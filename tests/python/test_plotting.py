"""grassroots.plotting (issue 15, item 4): Chinese labels render (no glyph missing, warnings are errors here),
KPI bars by unit, grid choropleths and time-to-close histograms draw what they are given, bad input is
refused, and a machine without a CJK font is told which package to install."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterator

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import grassroots as gr  # noqa: E402
import grassroots.plotting as gp  # noqa: E402

# Synthetic tables leave some units without a rated (回访) case: their 三率 are NaN with a warning.
pytestmark = pytest.mark.filterwarnings("ignore::grassroots.UndefinedRateWarning")

OPTIONS = gr.KpiOptions(begin=dt.date(2025, 1, 1), end=dt.date(2026, 1, 1))


@pytest.fixture(autouse=True)
def fresh_figures() -> Iterator[None]:
    with matplotlib.rc_context():
        yield
    plt.close("all")


@pytest.fixture(scope="module")
def year(dongying: gr.DivisionTree) -> tuple[gr.GridMap, gr.CaseTable, gr.KpiReport]:
    city = gr.synthetic_city(dongying, "370502", seed=7)
    cases = gr.CaseTable.synthetic(dongying, cases=20_000, year=2025, seed=5, grids=city.map)
    return city.map, cases, gr.compute_kpis(cases, OPTIONS)


def rendered(figure: "matplotlib.figure.Figure", kind: str = "png") -> bytes:
    """The figure drawn to PNG or SVG with every warning an error (a missing glyph warns while drawing)."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure.savefig(out, format=kind)
    return out.getvalue()


def test_plain_matplotlib_draws_chinese_as_boxes() -> None:
    """The complaint: with matplotlib's defaults Chinese text has no glyphs (it warns and draws boxes)."""
    figure, ax = plt.subplots()
    ax.set_title("东营区 结案率")
    with pytest.raises(UserWarning, match="Glyph .* missing"):
        rendered(figure)


def test_with_the_library_chinese_renders() -> None:
    font = gp.use_cjk_font()
    assert font in gp.CJK_FONTS
    assert gp.use_cjk_font() == font  # set up once
    figure, ax = plt.subplots()
    ax.set_title("东营区 结案率 −5 %")
    assert rendered(figure).startswith(b"\x89PNG")
    assert b"<svg" in rendered(figure, "svg")


def test_no_cjk_font_names_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gp, "CJK_FONTS", ("No Such Font SC",))
    monkeypatch.setattr(gp, "_chosen", [])
    with pytest.warns(gp.CjkFontWarning, match="fonts-noto-cjk"):
        assert gp.use_cjk_font() is None
    assert gp.use_cjk_font() is None  # warned once


def test_kpi_bars_by_unit(year: tuple[gr.GridMap, gr.CaseTable, gr.KpiReport]) -> None:
    _, _, report = year
    ax = gp.kpi_bars(report, level="township", under="370502")
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert "胜利街道" in labels and len(labels) == len(report.to_pandas().query("level == 'township'")
                                                     .loc[lambda f: f.code.astype(str).str.startswith("370502")])
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["结案率 closure_rate", "按期结案率 on_time_closure_rate"]
    widths = [bar.get_width() for bar in ax.patches]
    assert all(0 <= w <= 100 for w in widths) and len(widths) == 2 * len(labels)
    on_time = sorted(widths[len(labels):])
    assert widths[len(labels):] == on_time  # sorted by the last KPI
    rendered(ax.figure)


def test_kpi_bars_refuses_what_it_cannot_draw(year: tuple[gr.GridMap, gr.CaseTable, gr.KpiReport]) -> None:
    _, _, report = year
    with pytest.raises(ValueError, match="no column 'closure'"):
        gp.kpi_bars(report, kpis=["closure"])
    with pytest.raises(ValueError, match="no unit at level 'county' under '11'"):
        gp.kpi_bars(report, under="11")


def test_grid_choropleth(year: tuple[gr.GridMap, gr.CaseTable, gr.KpiReport]) -> None:
    grid_map, _, report = year
    grids = report.to_pandas("grids")
    cases = dict(zip(grids.code.astype(str), grids.cases.astype(float)))
    ax = gp.grid_choropleth(grid_map, cases, unit="370502005", label="cases 案件数")
    shown = ax.collections[0]
    assert len(shown.get_paths()) == len(grid_map.grids_in("370502005"))
    assert shown.get_array().max() == max(cases[grid_map.grid(i).code.__str__()] for i in grid_map.grids_in("370502005"))
    assert ax.get_aspect() == pytest.approx(1 / 0.7944, rel=0.01)  # cos(37.4°)
    rendered(ax.figure)
    with pytest.raises(gr.InvalidInputError, match="plotting.grid_choropleth: values must be one per grid"):
        gp.grid_choropleth(grid_map, [1.0])
    with pytest.raises(gr.InvalidInputError, match="plotting.grid_choropleth: values name grid '11010100100101'"):
        gp.grid_choropleth(grid_map, {"11010100100101": 1.0})
    with pytest.raises(gr.InvalidInputError, match="grid code '1' .*expected 14"):
        gp.grid_choropleth(grid_map, {"1": 1.0})


def test_time_to_close(year: tuple[gr.GridMap, gr.CaseTable, gr.KpiReport]) -> None:
    _, cases, report = year
    percentiles = report.unit("370502").time_to_close
    ax = gp.time_to_close(cases, percentiles, clip_hours=480)
    counts = [bar.get_height() for bar in ax.patches]
    frame = cases.to_pandas()
    assert sum(counts) == int(frame.closed.sum())
    assert [line.get_xdata()[0] for line in ax.lines] == [percentiles.hours_p50, percentiles.hours_p90, percentiles.hours_p95]
    rendered(ax.figure)
    with pytest.raises(ValueError, match="clip_hours must be positive"):
        gp.time_to_close(cases, clip_hours=0)
    nothing_closed = gr.CaseTable.from_arrays(cases.tree, unit=["370502005066"], opened_at=[dt.datetime(2025, 3, 3, 9)])
    with pytest.raises(ValueError, match="no case in the table is closed"):
        gp.time_to_close(nothing_closed)
