"""The normalisation behind CaseTable.from_arrays() and CaseTable.from_pandas() (NumPy only; pandas objects
are read through NumPy), imported when a table is made so that ``import grassroots`` does not load NumPy.

Codes and labels become indices (``-1`` = none), instants int64 seconds since the epoch (UTC,
``INT64_MIN`` = none), flags 0/1; then one call of the C++ CaseTable._from_columns() checks every row
and builds the table.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any, Optional

import numpy as np

from .._core import InvalidInputError
from .._core.division import DivisionTree

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


def normalise(given: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """The columns of CaseTable._from_columns() and the grid and matter lists, from the arguments of
    CaseTable.from_arrays() by name."""
    grid_index, grids = _indexed(given["grid"], given["grid_codes"], "grid")
    matter_index, matters = _indexed(given["matter"], given["matter_keys"], "matter")
    columns: dict[str, Any] = {
        "unit": _unit_indices(given["tree"], given["unit"]),
        "opened_at": _seconds(given["opened_at"], "opened_at"),
        "handling_due": _seconds(given["handling_due"], "handling_due"),
        "closed_at": _seconds(given["closed_at"], "closed_at"),
        "handled_at": _seconds(given["handled_at"], "handled_at"),
        "closed": _flags(given["closed"], "closed"),
        "deferred": _flags(given["deferred"], "deferred"),
        "responded": _flags(given["responded"], "responded"),
        "resolved": _flags(given["resolved"], "resolved"),
        "satisfied": _flags(given["satisfied"], "satisfied"),
        "rated": _flags(given["rated"], "rated"),
        "reworks": _counters(given["reworks"], "reworks"),
        "escalations": _counters(given["escalations"], "escalations"),
        "grid": grid_index,
        "matter": matter_index,
    }
    if columns["opened_at"] is None:
        raise InvalidInputError("case table, field 'opened_at': every case needs the time it was filed")
    if columns["closed"] is None and columns["closed_at"] is not None:
        columns["closed"] = (columns["closed_at"] != NONE_TIME).astype(np.int64)
    return columns, grids, matters
