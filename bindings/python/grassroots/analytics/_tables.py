"""Case tables from arrays and DataFrames: CaseTable.from_arrays() and CaseTable.from_pandas(), attached
to the bound class (NumPy only; pandas objects are read through NumPy). CaseTable.from_engine() is C++
throughout.

Codes and labels become indices (``-1`` = none), instants int64 seconds since the epoch (UTC,
``INT64_MIN`` = none), flags 0/1; then one call of the C++ CaseTable._from_columns() checks every row
and builds the table.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

import numpy as np

from .._core import InvalidInputError
from .._core.analytics import CaseTable
from .._core.division import DivisionTree
from .._extend import extends

if TYPE_CHECKING:
    import pandas as pd

NONE_TIME = np.iinfo(np.int64).min
CHINA_OFFSET = 8 * 3600
_EPOCH = datetime.datetime(1970, 1, 1)


def _problem(row: int, column: str, message: str) -> InvalidInputError:
    return InvalidInputError(f"case table, row {row + 1}, field '{column}': {message} (index {row})")


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and value == ""


def _labels(values: Any, column: str) -> tuple[np.ndarray, list[str]]:
    """Codes (int64, -1 = none) and their labels (str), in sorted order of the labels."""
    cat = getattr(values, "cat", None)  # a pandas Series of dtype category
    if cat is not None and hasattr(cat, "codes"):
        return np.asarray(cat.codes, dtype=np.int64), [str(c) for c in cat.categories]
    if hasattr(values, "codes") and hasattr(values, "categories"):  # a pandas Categorical
        return np.asarray(values.codes, dtype=np.int64), [str(c) for c in values.categories]
    array = np.asarray(values)
    if array.ndim != 1:
        raise InvalidInputError(f"case table, field '{column}': a one-dimensional array is needed")
    if array.dtype.kind in "iu":
        uniques, inverse = np.unique(array, return_inverse=True)
        return inverse.astype(np.int64).reshape(-1), [str(int(u)) for u in uniques]
    if array.dtype.kind == "O":
        array = np.array(["" if _is_missing(v) else str(v) for v in array], dtype=str)
    elif array.dtype.kind not in "US":
        raise InvalidInputError(f"case table, field '{column}': codes are needed (str or int), not {array.dtype}")
    if len(array) == 0:
        return np.zeros(0, dtype=np.int64), []
    uniques, inverse = np.unique(array.astype(str), return_inverse=True)
    codes = inverse.astype(np.int64).reshape(-1)
    labels = [str(u) for u in uniques]
    if labels and labels[0] == "":  # the empty string sorts first: it means none
        codes -= 1
        labels = labels[1:]
    return codes, labels


def _unit_indices(tree: DivisionTree, values: Any) -> np.ndarray:
    codes, labels = _labels(values, "unit")
    missing = np.flatnonzero(codes < 0)
    if len(missing):
        raise _problem(int(missing[0]), "unit", "every case needs its unit")
    indices = np.empty(len(labels), dtype=np.uint32)
    for k, label in enumerate(labels):
        try:
            unit = tree.get(label)
        except InvalidInputError as error:
            raise _problem(int(np.flatnonzero(codes == k)[0]), "unit", str(error)) from None
        if unit is None:
            raise _problem(int(np.flatnonzero(codes == k)[0]), "unit", f"unit {label} is not in the tree")
        indices[k] = unit.index
    return indices[codes] if len(codes) else np.zeros(0, dtype=np.uint32)


def _instant_seconds(value: Any, row: int, column: str) -> int:
    if value is None or (isinstance(value, float) and value != value):
        return int(NONE_TIME)
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return int(NONE_TIME)
        return int(value.astype("datetime64[s]").astype(np.int64)) - CHINA_OFFSET
    if isinstance(value, datetime.datetime):
        if str(value) == "NaT":  # pandas.NaT is a datetime subclass
            return int(NONE_TIME)
        if value.tzinfo is None or value.utcoffset() is None:
            return int((value - _EPOCH) // datetime.timedelta(seconds=1)) - CHINA_OFFSET
        return int(value.timestamp() // 1)
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    raise _problem(row, column, f"{value!r} is not an instant (datetime, datetime64 or int seconds)")


def _seconds(values: Any, column: str) -> Optional[np.ndarray]:
    """int64 seconds since the epoch (UTC); NaT/None -> INT64_MIN. datetime64 and naive datetimes
    are China Standard Time; tz-aware pandas values are converted."""
    if values is None:
        return None
    dtype = getattr(values, "dtype", None)
    if getattr(dtype, "tz", None) is not None:  # tz-aware pandas Series or DatetimeIndex
        if hasattr(values, "dt"):  # a Series
            naive_utc = values.dt.tz_convert("UTC").dt.tz_localize(None)
        else:
            naive_utc = values.tz_convert("UTC").tz_localize(None)
        raw = np.asarray(naive_utc, dtype="datetime64[ns]").astype("datetime64[s]").view(np.int64)
        return np.ascontiguousarray(raw, dtype=np.int64)
    array = np.asarray(values)
    if array.ndim != 1:
        raise InvalidInputError(f"case table, field '{column}': a one-dimensional array is needed")
    kind = array.dtype.kind
    if kind == "M":
        raw = array.astype("datetime64[s]").view(np.int64).copy()
        raw[raw != NONE_TIME] -= CHINA_OFFSET
        return raw
    if kind in "iu":
        return array.astype(np.int64)
    if kind == "b":
        raise InvalidInputError(f"case table, field '{column}': booleans are not instants")
    return np.array([_instant_seconds(v, i, column) for i, v in enumerate(array)], dtype=np.int64)


def _flags(values: Any, column: str) -> Optional[np.ndarray]:
    if values is None:
        return None
    array = np.asarray(values)
    if array.ndim != 1:
        raise InvalidInputError(f"case table, field '{column}': a one-dimensional array is needed")
    if array.dtype.kind in "biu":
        return array.astype(np.int64)
    if array.dtype.kind == "f":
        bad = np.flatnonzero(~np.isin(array, (0.0, 1.0)))
        if len(bad):
            raise _problem(int(bad[0]), column, f"flags are 0 or 1 (or bool), not {array[bad[0]]}")
        return array.astype(np.int64)
    out = np.zeros(len(array), dtype=np.int64)
    for i, v in enumerate(array):
        if v is True or v is False or isinstance(v, (int, np.integer, np.bool_)):
            out[i] = int(v)
        else:
            raise _problem(i, column, f"flags are 0 or 1 (or bool), not {v!r}")
    return out


def _counters(values: Any, column: str) -> Optional[np.ndarray]:
    if values is None:
        return None
    array = np.asarray(values)
    if array.dtype.kind not in "biu":
        raise InvalidInputError(f"case table, field '{column}': whole numbers are needed, not {array.dtype}")
    if len(array) and (array.max() > np.iinfo(np.int32).max or array.min() < np.iinfo(np.int32).min):
        raise InvalidInputError(f"case table, field '{column}': counts beyond 2**31 - 1")
    return array.astype(np.int32)


def _indexed(values: Any, listed: Optional[Sequence[str]], column: str) -> tuple[Optional[np.ndarray], list[str]]:
    """grid / matter: int indices into a given list, or codes turned into a list."""
    if values is None:
        return None, [str(v) for v in listed] if listed is not None else []
    if listed is not None:
        array = np.asarray(values)
        if array.dtype.kind not in "iu":
            raise InvalidInputError(f"case table, field '{column}': with a list of codes, give int indices (-1 = none)")
        if len(array) and (array.max() > np.iinfo(np.int32).max or array.min() < -1):
            bad = int(np.flatnonzero((array > np.iinfo(np.int32).max) | (array < -1))[0])
            raise _problem(bad, column, f"index {array[bad]} is outside the list ({len(listed)} codes; -1 = none)")
        return array.astype(np.int32), [str(v) for v in listed]
    codes, labels = _labels(values, column)
    return codes.astype(np.int32), labels


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
    grid_index, grids = _indexed(grid, grid_codes, "grid")
    matter_index, matters = _indexed(matter, matter_keys, "matter")
    columns: dict[str, Any] = {
        "unit": _unit_indices(tree, unit),
        "opened_at": _seconds(opened_at, "opened_at"),
        "handling_due": _seconds(handling_due, "handling_due"),
        "closed_at": _seconds(closed_at, "closed_at"),
        "handled_at": _seconds(handled_at, "handled_at"),
        "closed": _flags(closed, "closed"),
        "deferred": _flags(deferred, "deferred"),
        "responded": _flags(responded, "responded"),
        "resolved": _flags(resolved, "resolved"),
        "satisfied": _flags(satisfied, "satisfied"),
        "rated": _flags(rated, "rated"),
        "reworks": _counters(reworks, "reworks"),
        "escalations": _counters(escalations, "escalations"),
        "grid": grid_index,
        "matter": matter_index,
    }
    if columns["opened_at"] is None:
        raise InvalidInputError("case table, field 'opened_at': every case needs the time it was filed")
    if columns["closed"] is None and columns["closed_at"] is not None:
        columns["closed"] = (columns["closed_at"] != NONE_TIME).astype(np.int64)
    return CaseTable._from_columns(tree, columns, grids, matters)


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
