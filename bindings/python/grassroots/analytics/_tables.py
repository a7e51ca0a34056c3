"""Case tables from arrays and DataFrames: CaseTable.from_arrays() and CaseTable.from_pandas(), attached to
the bound class. The arrays are normalised in Python (._columns, which needs NumPy) and reach C++ in one
call of CaseTable._from_columns(); CaseTable.from_engine() is C++ throughout.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

from .._core import InvalidInputError
from .._core.analytics import CaseTable
from .._core.division import DivisionTree
from .._extend import extends

if TYPE_CHECKING:
    import pandas as pd

_TABLE_COLUMNS = ("unit", "opened_at", "handling_due", "closed_at", "handled_at", "closed", "deferred", "responded",
                  "resolved", "satisfied", "rated", "reworks", "escalations", "grid", "matter")


@extends(CaseTable, "staticmethod")
def from_arrays(tree: DivisionTree, unit: Any, opened_at: Any, handling_due: Any = None, closed_at: Any = None,
                handled_at: Any = None, closed: Any = None, deferred: Any = None, responded: Any = None,
                resolved: Any = None, satisfied: Any = None, rated: Any = None, reworks: Any = None,
                escalations: Any = None, grid: Any = None, matter: Any = None,
                grid_codes: Optional[Sequence[str]] = None, matter_keys: Optional[Sequence[str]] = None) -> CaseTable:
    """A table from arrays (NumPy, pandas or sequences), one value per case. unit: division codes (str or int).
    Instants: datetime64 (naive = China Standard Time), tz-aware pandas datetimes, datetime objects (naive =
    CST) or int seconds since the epoch; NaT/None = none. Flags: bool or 0/1 (give rated with the 三率 flags
    responded/resolved/satisfied). grid and matter: codes/keys (str, None = none) or, with grid_codes/matter_keys,
    int indices (-1 = none). closed defaults to 'closed_at is set'. InvalidInputError names the row (1-based) and
    column."""
    given = dict(locals())  # every argument by name
    from ._columns import normalise

    return CaseTable._from_columns(tree, *normalise(given))


@extends(CaseTable, "staticmethod")
def from_pandas(tree: DivisionTree, frame: pd.DataFrame, grid_codes: Optional[Sequence[str]] = None,
                matter_keys: Optional[Sequence[str]] = None) -> CaseTable:
    """A table from a DataFrame whose columns are named as from_arrays' arguments (unit and opened_at required;
    others optional; extra columns ignored); to_pandas() output reads back."""
    missing = [name for name in ("unit", "opened_at") if name not in frame.columns]
    if missing:
        raise InvalidInputError(f"case table: the frame has no column {', '.join(repr(m) for m in missing)}")
    given = {name: frame[name] for name in _TABLE_COLUMNS if name in frame.columns}
    return from_arrays(tree, grid_codes=grid_codes, matter_keys=matter_keys, **given)
