"""pandas views of case tables and KPI reports, attached to the bound classes over the column primitives
of grassroots._core.analytics; pandas is imported lazily so that grassroots works without it.

As in the other views: codes that repeat (unit, grid, matter, parent) are categoricals, the level an
ordered categorical (province < … < village), names ``string``, instants tz-aware datetime64 in
``Asia/Shanghai`` (NaT where absent), bucket starts datetime64 (days). Counts are int64, rates and
percentiles float64 with NaN where the denominator is 0 (never 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from .._core.analytics import BucketReport, CaseTable, KpiReport
from .._core.division import DivisionTree, Level
from .._extend import extends
from .._frames import _instants

if TYPE_CHECKING:
    import pandas as pd

_INSTANTS = ("opened_at", "handling_due", "closed_at", "handled_at")
_FLAGS = ("closed", "deferred", "responded", "resolved", "satisfied", "rated")
_COUNTS = ("cases", "deferred", "with_deadline", "deferred_with_deadline", "closed", "closed_deferred",
           "closed_after_cutoff", "on_time", "on_time_deferred", "closed_late", "overdue_open", "rated", "responded", "resolved", "satisfied", "reworks", "reworked", "escalations")
_RATES = ("closure_rate", "on_time_closure_rate", "response_rate", "resolution_rate", "satisfaction_rate",
          "rework_rate", "rework_share")
_TIMES = ("hours_p50", "hours_p90", "hours_p95", "working_days_p50", "working_days_p90", "working_days_p95")


def _levels(codes: Any) -> "pd.Categorical":
    import pandas as pd

    names = [level.name.lower() for level in sorted(Level.__members__.values(), key=int)]
    return pd.Categorical.from_codes(codes, categories=names, ordered=True)


def _first_seen(values: Sequence[Optional[str]]) -> "pd.Categorical":
    import pandas as pd

    return pd.Categorical(list(values), categories=list(dict.fromkeys(v for v in values if v is not None)))


def _measures(columns: dict[str, Any], frame: dict[str, Any]) -> None:
    import numpy as np

    for name in _COUNTS:
        frame[name] = np.asarray(columns[name], dtype=np.int64)
    for name in _RATES + _TIMES:
        if name in columns:
            frame[name] = np.asarray(columns[name], dtype=np.float64)


def _describe(frame: "pd.DataFrame", report: Any) -> "pd.DataFrame":
    import pandas as pd

    options = report.options
    frame.attrs.update({
        "begin": pd.Timestamp(options.begin), "end": pd.Timestamp(options.end), "cutoff": pd.Timestamp(report.cutoff),
        "basis": options.basis.name.lower(), "on_time": options.on_time.name.lower(),
        "exclude_deferred": options.exclude_deferred,
    })
    return frame


def _unit_part(columns: dict[str, Any], frame: dict[str, Any]) -> None:
    import pandas as pd

    frame["code"] = _first_seen(columns["code"])
    frame["name"] = pd.array(columns["name"], dtype="string")
    frame["level"] = _levels(columns["level"])
    frame["parent_code"] = _first_seen(columns["parent_code"])


@extends(KpiReport)
def to_pandas(self: KpiReport, part: str = "units") -> pd.DataFrame:
    """One row per unit ('units': code, name, level, parent_code), grid ('grids': code, unit_code) or matter
    ('matters': key), with every count (int64), rate and percentile (float64, NaN for an empty
    denominator); codes and levels are categoricals. Needs pandas.

    The index is the unit's index in the tree, the grid index or the matter index."""
    import pandas as pd

    columns = self._columns(part)
    frame: dict[str, Any] = {}
    if part == "units":
        _unit_part(columns, frame)
    elif part == "grids":
        frame["code"] = _first_seen(columns["code"])
        frame["unit_code"] = _first_seen(columns["unit_code"])
    else:
        frame["key"] = _first_seen(columns["key"])
    _measures(columns, frame)
    out = pd.DataFrame(frame, index=pd.Index(columns["index"], name="index"))
    return _describe(out, self)


@extends(BucketReport)  # type: ignore[no-redef]  # one to_pandas per class
def to_pandas(self: BucketReport) -> pd.DataFrame:  # noqa: F811
    """One row per bucket and unit: bucket_start (datetime64), code, name, level, parent_code (categoricals),
    counts and rates. Needs pandas.

    bucket_start is the bucket's first day."""
    import numpy as np
    import pandas as pd

    columns = self._columns()
    frame: dict[str, Any] = {"bucket_start": np.asarray(columns["bucket_start"], dtype="datetime64[D]").astype("datetime64[s]")}
    _unit_part(columns, frame)
    _measures(columns, frame)
    out = pd.DataFrame(frame)
    out.attrs["bucket"] = self.bucket.name.lower()
    return _describe(out, self)


@extends(CaseTable)  # type: ignore[no-redef]  # one to_pandas per class
def to_pandas(self: CaseTable) -> pd.DataFrame:  # noqa: F811
    """One row per case: unit, grid, matter (categoricals of codes), instants (datetime64, Asia/Shanghai, NaT
    where absent), flags (bool), reworks, escalations. Needs pandas.

    unit's categories are the tree's codes, grid's and matter's the table's lists (missing for none)."""
    import numpy as np
    import pandas as pd

    columns = self.columns()
    tree: DivisionTree = self.tree
    frame: dict[str, Any] = {
        "unit": pd.Categorical.from_codes(np.asarray(columns["unit"], dtype=np.int64), categories=tree._columns()["code"]),
        "grid": pd.Categorical.from_codes(columns["grid"], categories=self.grid_codes),
        "matter": pd.Categorical.from_codes(columns["matter"], categories=self.matter_keys),
    }
    for name in _INSTANTS:
        frame[name] = _instants(columns[name])
    for name in _FLAGS:
        frame[name] = np.array(columns[name], dtype=bool)
    frame["reworks"] = np.array(columns["reworks"], dtype=np.int32)
    frame["escalations"] = np.array(columns["escalations"], dtype=np.int32)
    return pd.DataFrame(frame)

