"""Rich displays for notebooks: ``_repr_html_`` on reports and tables, ``_repr_svg_`` on workflow
definitions (the state diagram), autonomy chains (the org chart) and grid maps (the map), attached to the
bound classes. Jupyter calls them; a ``None`` (Graphviz missing) makes it fall back to the text repr.

Every text that reaches HTML is escaped, so a unit named ``<script>…`` shows as text and runs nothing.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Optional

from ._core import InvalidInputError
from ._core.analytics import BucketReport, CaseTable, KpiReport, KpiRow
from ._core.autonomy import AutonomyChain, ValidationReport
from ._core.burden import BurdenComparison
from ._core.grid import GridMap
from ._core.ledger import LedgerReport
from ._core.people import ReviewOutcome
from ._core.workflow import WorkflowDefinition
from ._extend import extends

#: Rows an HTML table shows before it says how many more there are (to_pandas() has them all).
ROWS_SHOWN = 20
#: Seconds Graphviz may take to lay out one diagram before the display gives up (and falls back).
DOT_TIMEOUT = 30.0
_NO_INSTANT = -(2**63)
_CHINA = dt.timezone(dt.timedelta(hours=8))


def html_table(header: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "", total: Optional[int] = None) -> str:
    """An HTML table of ``rows`` under ``header``, every cell escaped; when ``total`` exceeds the rows given,
    a last line says how many were left out."""
    head = "".join(f"<th>{html.escape(str(name))}</th>" for name in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(value))}</td>" for value in row) + "</tr>" for row in rows)
    shown = body.count("<tr>")
    more = "" if total is None or total <= shown else (
        f'<tr><td colspan="{len(header)}">… {total - shown:,} more rows (to_pandas() has them all)</td></tr>')
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="grassroots">{title}<thead><tr>{head}</tr></thead><tbody>{body}{more}</tbody></table>'


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def render_dot(dot: str) -> Optional[str]:
    """The SVG Graphviz's ``dot`` draws from DOT text, or None when dot is not installed, fails or takes
    longer than DOT_TIMEOUT (so that Jupyter shows the text repr instead; never raises)."""
    program = shutil.which("dot")
    if program is None:
        return None
    try:
        done = subprocess.run([program, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=DOT_TIMEOUT,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


# ---- Reports and tables -------------------------------------------------------------------------------

_KPI_HEADER = ("cases", "closed", "结案率 closure", "按期结案率 on time", "满意率 satisfaction")


def _measures(row: KpiRow) -> tuple[Any, ...]:
    return (row.counts.cases, row.counts.closed, row.rates.closure, row.rates.on_time_closure, row.rates.satisfaction)


def _when(value: Any) -> str:
    """A date, or a datetime without its seconds and zone (a midnight as the bare date)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M")
    return str(value)


def _period(report: Any) -> str:
    options = report.options
    return f"{_when(options.begin)} – {_when(options.end)} (cut-off {_when(report.cutoff)})"


@extends(KpiReport)
def _repr_html_(self: KpiReport) -> str:
    """The unit rows as an HTML table (code, name, level and the main KPIs), the first ROWS_SHOWN of them."""
    units = self.units
    rows = [(self.code(row), self.name(row), self.level(row).name.lower(), *_measures(row)) for row in units[:ROWS_SHOWN]]
    caption = f"KpiReport {_period(self)}: {len(units):,} units, {len(self.grids):,} grids, {len(self.matters):,} matters"
    return html_table(("code", "name", "level", *_KPI_HEADER), rows, caption, len(units))


@extends(BucketReport)  # type: ignore[no-redef]  # one _repr_html_ per class
def _repr_html_(self: BucketReport) -> str:  # noqa: F811
    """The rows bucket by bucket as an HTML table, the first ROWS_SHOWN of them."""
    rows = self.rows
    shown = [(self.start(row), self.code(row), *_measures(row)) for row in rows[:ROWS_SHOWN]]
    caption = f"BucketReport by {self.bucket.name.lower()} {_period(self)}: {len(self.starts)} buckets × {len(self.unit_codes):,} units"
    return html_table(("bucket start", "code", *_KPI_HEADER), shown, caption, len(rows))


@extends(KpiRow)
def __repr__(self: KpiRow) -> str:  # noqa: N807
    """KpiRow(index=…, bucket=…, counts=…, rates=…, time_to_close=…), one part a line, lines wrapped at 100."""
    parts = [f"index={self.index!r}", f"bucket={self.bucket!r}", f"counts={self.counts!r}", f"rates={self.rates!r}",
             f"time_to_close={self.time_to_close!r}"]
    lines = (textwrap.fill(part, width=100, initial_indent="    ", subsequent_indent="        ", break_long_words=False)
             for part in parts)
    return "KpiRow(\n" + ",\n".join(lines) + ")"


@extends(KpiRow)  # type: ignore[no-redef]  # one _repr_html_ per class
def _repr_html_(self: KpiRow) -> str:  # noqa: F811
    """Counts, rates and time to close as a two-column HTML table (measure, value)."""
    parts = {"counts": self.counts, "rates": self.rates, "time_to_close": self.time_to_close}
    rows = [(f"{part}.{name}", value) for part, fields in parts.items() if fields is not None
            for name, value in fields.to_dict().items()]
    bucket = "" if self.bucket is None else f", bucket {self.bucket}"
    return html_table(("measure", "value"), rows, f"KpiRow index {self.index}{bucket}")


def _instant(seconds: int) -> str:
    if seconds == _NO_INSTANT:
        return ""
    return dt.datetime.fromtimestamp(seconds, _CHINA).strftime("%Y-%m-%d %H:%M")


@extends(CaseTable)  # type: ignore[no-redef]  # one _repr_html_ per class
def _repr_html_(self: CaseTable) -> str:  # noqa: F811
    """The first ROWS_SHOWN cases as an HTML table (unit, instants in China Standard Time, closed, grid,
    matter)."""
    columns = self.columns()
    grids, matters = self.grid_codes, self.matter_keys
    count = min(len(self), ROWS_SHOWN)
    rows = [(self.tree.unit(int(columns["unit"][i])).code, _instant(int(columns["opened_at"][i])),
             _instant(int(columns["handling_due"][i])), _instant(int(columns["closed_at"][i])),
             "yes" if columns["closed"][i] else "no", grids[columns["grid"][i]] if columns["grid"][i] >= 0 else "",
             matters[columns["matter"][i]] if columns["matter"][i] >= 0 else "") for i in range(count)]
    caption = f"CaseTable: {len(self):,} cases, {len(grids):,} grids, {len(matters):,} matters (times in CST)"
    header = ("unit", "opened_at", "handling_due", "closed_at", "closed", "grid", "matter")
    return html_table(header, rows, caption, len(self))


def _repr_html_(self: Any) -> Optional[str]:
    """The text repr (escaped) over the to_pandas() frame as pandas shows it (escaped, display.max_rows rows
    at most); None without pandas, so that Jupyter shows the text repr."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        return None
    return f"<div><p>{html.escape(repr(self))}</p>{self.to_pandas()._repr_html_()}</div>"


#: Results whose to_pandas() is the table a person wants to see.
FRAME_RESULTS = (ValidationReport, BurdenComparison, LedgerReport, ReviewOutcome)
for _result in FRAME_RESULTS:
    extends(_result)(_repr_html_)


# ---- Pictures -----------------------------------------------------------------------------------------

@extends(WorkflowDefinition)
def _repr_svg_(self: WorkflowDefinition) -> Optional[str]:
    """The state diagram (to_dot() drawn by Graphviz), or None without Graphviz."""
    return render_dot(self.to_dot())


@extends(AutonomyChain)  # type: ignore[no-redef]  # one _repr_svg_ per class
def _repr_svg_(self: AutonomyChain) -> Optional[str]:  # noqa: F811
    """The org chart with the posts held today (or on the first day of a term not yet begun), or None
    without Graphviz."""
    return render_dot(self.to_dot(max(dt.date.today(), self.elected)))


@extends(GridMap)
def to_svg(self: GridMap, values: Any = None, width: float = 640, title: str = "") -> str:
    """The map as SVG: grids coloured by ``values`` on a yellow-to-red ramp with a legend (NaN or a grid left
    out = no value, grey), or by kind without values; boundaries drawn over. ``values``: a mapping (dict,
    pandas Series) from grid code to value, or one value per grid in map order (a sequence or NumPy array).
    InvalidInputError for a code not in the map, a wrong count, an infinite value or a width outside 1–20,000."""
    return self._svg(_values_by_grid(self, values, "GridMap.to_svg"), float(width), title)


def _values_by_grid(grid_map: GridMap, values: Any, caller: str) -> list[float]:
    """One float per grid of the map from a mapping by grid code or a sequence in map order ([] for None);
    InvalidInputError naming ``caller`` for a code not in the map or a sequence of the wrong length."""
    if values is None:
        return []
    if isinstance(values, Mapping) or hasattr(values, "index") and hasattr(values, "items") and not isinstance(values, Sequence):
        out = [float("nan")] * len(grid_map)
        for code, value in values.items():
            found = grid_map.find(str(code))
            if found is None:
                raise InvalidInputError(f"{caller}: values name grid {str(code)!r}, which is not in the map")
            out[int(found)] = float(value)
        return out
    out = [float(value) for value in values]
    if len(out) != len(grid_map):
        raise InvalidInputError(f"{caller}: values must be one per grid ({len(grid_map)}), not {len(out)}")
    return out


@extends(GridMap)  # type: ignore[no-redef]  # one _repr_svg_ per class
def _repr_svg_(self: GridMap) -> str:  # noqa: F811
    """The map coloured by kind (to_svg())."""
    return self.to_svg()
