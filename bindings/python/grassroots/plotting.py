"""Charts with matplotlib (the ``plot`` extra): KPI bars by unit, grid choropleths, time-to-close histograms,
with Chinese labels that render.

matplotlib draws Chinese as boxes unless a CJK font is both known to its font cache (a font installed after
the cache was built is not) and named in ``font.family``. :func:`use_cjk_font` does both, once; every chart
function here calls it, so

>>> import grassroots.plotting as gp                                   # doctest: +SKIP
>>> gp.kpi_bars(report, level="county")                                # doctest: +SKIP

labels 东营区 as 东营区. Without a CJK font a :class:`CjkFontWarning` names the Debian package to install.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

try:
    import matplotlib
    from matplotlib import font_manager
except ImportError as missing:  # pragma: no cover (the plot extra is installed in the tests)
    raise ImportError("grassroots.plotting needs matplotlib: pip install 'grassroots[plot]'") from missing

import numpy as np

from ._core.analytics import CaseTable, KpiReport, TimeToClose, kpi_definitions
from ._core.grid import CoordinateSystem, GridMap
from ._display import _values_by_grid

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["CJK_FONTS", "CjkFontWarning", "grid_choropleth", "kpi_bars", "time_to_close", "use_cjk_font"]

#: CJK fonts looked for, in order of preference, by family name (Debian: fonts-noto-cjk, fonts-wqy-microhei,
#: fonts-wqy-zenhei; Source Han Sans is Noto Sans CJK under Adobe's name).
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK JP",
             "Source Han Sans", "Microsoft YaHei", "SimHei", "PingFang SC", "Heiti SC")
#: Parts of font file names that mark a CJK font not yet in matplotlib's cache.
_CJK_FILES = ("NotoSansCJK", "NotoSerifCJK", "SourceHanSans", "wqy-microhei", "wqy-zenhei", "msyh", "simhei", "PingFang")
_chosen: list[Optional[str]] = []  # the font use_cjk_font() settled on, once it has run


class CjkFontWarning(UserWarning):
    """No CJK font is installed: Chinese labels will render as boxes."""


def use_cjk_font() -> Optional[str]:
    """Makes matplotlib draw Chinese: registers CJK fonts installed after its cache was built and puts the first
    of CJK_FONTS found behind the current sans-serif font in ``font.family`` (Latin keeps its font, Chinese
    falls back to the CJK one); ``axes.unicode_minus`` off (CJK fonts lack U+2212). Returns the font's name.
    The fonts are searched once; later calls only restore the setting if it was changed. Without a CJK font:
    warns (CjkFontWarning, once) and returns None."""
    if not _chosen:
        _chosen.append(_find_cjk_font())
    font = _chosen[0]
    if font is not None and font not in matplotlib.rcParams["font.family"]:
        matplotlib.rcParams["font.family"] = [matplotlib.rcParams["font.sans-serif"][0], font]
        matplotlib.rcParams["axes.unicode_minus"] = False
    return font


def _find_cjk_font() -> Optional[str]:
    for path in font_manager.findSystemFonts():
        if any(part.lower() in Path(path).name.lower() for part in _CJK_FILES):
            font_manager.fontManager.addfont(path)
    installed = {font.name for font in font_manager.fontManager.ttflist}
    font = next((name for name in CJK_FONTS if name in installed), None)
    if font is None:
        warnings.warn("no CJK font is installed, so Chinese labels will render as boxes; install one "
                      "(Debian: apt-get install fonts-noto-cjk, or fonts-wqy-microhei)", CjkFontWarning, stacklevel=3)
    return font


def _axes(ax: Optional[Axes], size: tuple[float, float]) -> Axes:
    use_cjk_font()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)[1]


def _kpi_label(column: str) -> str:
    """'结案率 closure_rate' for a rate column named after a KPI, else the column's name."""
    names = {d.id: d.chinese_name for d in kpi_definitions()}
    return f"{names[column]} {column}" if column in names else column


def kpi_bars(report: Any, kpis: Sequence[str] = ("closure_rate", "on_time_closure_rate"), level: str = "county",
             under: Optional[str] = None, ax: Optional[Axes] = None) -> Axes:
    """Horizontal bars of rates (in %) per unit at one level (optionally only the units whose code starts
    with ``under``), labelled with the units' names and sorted by the last KPI; each KPI is named in Chinese
    and English in the legend. ``report``: a KpiReport or its to_pandas() frame. Needs pandas.
    ValueError when no unit is left (a level without rows, a code prefix matching none) or a KPI column is
    unknown."""
    frame: pd.DataFrame = report.to_pandas() if isinstance(report, KpiReport) else report
    unknown = [k for k in kpis if k not in frame.columns]
    if unknown:
        raise ValueError(f"kpi_bars: no column {', '.join(map(repr, unknown))}; rates are e.g. closure_rate")
    rows = frame[frame.level == level]
    if under is not None:
        rows = rows[rows.code.astype(str).str.startswith(str(under))]
    if rows.empty:
        raise ValueError(f"kpi_bars: no unit at level {level!r}" + (f" under {under!r}" if under else ""))
    rows = rows.sort_values(list(kpis)[-1])
    ax = _axes(ax, (8, 0.45 * len(rows) + 1.5))
    height = 0.8 / len(kpis)
    positions = np.arange(len(rows))
    for k, column in enumerate(kpis):
        ax.barh(positions + (k - (len(kpis) - 1) / 2) * height, rows[column] * 100, height=height, label=_kpi_label(column))
    ax.set_yticks(positions, [str(name) for name in rows.name])
    ax.set_xlabel("%")
    ax.legend(loc="lower right")
    return ax


def grid_choropleth(grid_map: GridMap, values: Any, unit: Optional[str] = None, ax: Optional[Axes] = None,
                    cmap: str = "YlOrRd", label: str = "") -> Axes:
    """The grids (of one unit at any level, or all) as polygons coloured by ``values`` — a mapping (dict, pandas
    Series) from grid code to value, or one value per grid in map order; NaN and grids left out are grey —
    with a colour bar named ``label``. Degrees are drawn with the aspect of their middle latitude.
    InvalidInputError for a code not in the map, a wrong count or an unknown unit."""
    from matplotlib.collections import PolyCollection

    by_grid = np.asarray(_values_by_grid(grid_map, values, "plotting.grid_choropleth") or [np.nan] * len(grid_map), dtype=float)
    ids = grid_map.grids_in(unit) if unit is not None else list(range(len(grid_map)))
    rings = [np.asarray(grid_map.grid(i).shape.outer, dtype=float) for i in ids]
    ax = _axes(ax, (10, 6))
    colours = matplotlib.colormaps[cmap].with_extremes(bad="lightgrey")
    collection = PolyCollection(rings, array=np.ma.masked_invalid(by_grid[ids]), cmap=colours, edgecolors="white",
                                linewidths=0.2)
    ax.add_collection(collection)
    ax.autoscale_view()
    if grid_map.coordinates == CoordinateSystem.LONLAT and rings:
        middle = float(np.mean([ring[:, 1].mean() for ring in rings]))
        ax.set_aspect(1 / np.cos(np.radians(middle)))
    ax.figure.colorbar(collection, ax=ax, label=label)
    return ax


def time_to_close(cases: CaseTable, percentiles: Optional[TimeToClose] = None, clip_hours: float = 720,
                  bins: int = 120, ax: Optional[Axes] = None) -> Axes:
    """A histogram of hours from filing to closing over the closed cases of a CaseTable (clipped at
    ``clip_hours``), with dashed lines at the p50/p90/p95 of ``percentiles`` (a KpiRow's time_to_close)
    when given. ValueError when no case is closed or clip_hours is not positive."""
    if not clip_hours > 0:
        raise ValueError(f"time_to_close: clip_hours must be positive, not {clip_hours!r}")
    columns = cases.columns()
    closed = np.asarray(columns["closed"], dtype=bool) & (np.asarray(columns["closed_at"]) != np.iinfo(np.int64).min)
    if not closed.any():
        raise ValueError("time_to_close: no case in the table is closed")
    hours = (np.asarray(columns["closed_at"])[closed] - np.asarray(columns["opened_at"])[closed]) / 3600
    ax = _axes(ax, (10, 3.8))
    ax.hist(np.clip(hours, 0, clip_hours), bins=bins, color="#4C72B0")
    if percentiles is not None:
        for name in ("hours_p50", "hours_p90", "hours_p95"):
            value = getattr(percentiles, name)
            if value is not None:
                ax.axvline(value, color="black", linestyle="--", linewidth=1)
                ax.text(value, ax.get_ylim()[1] * 0.92, f" {name[-3:]} {value:.0f} h")
    ax.set_xlabel(f"hours from filing to closing (clipped at {clip_hours:g})")
    ax.set_ylabel("cases")
    return ax
