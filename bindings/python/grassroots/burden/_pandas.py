"""pandas views of the burden ledger (减负台账), attached to the bound classes; pandas is imported
lazily so that grassroots works without it.

Items: unit codes, kinds, statuses and source departments are categoricals, dates ``datetime64``
(NaT where absent). Per-unit tables are indexed by the unit code (``string``); staff counts are
nullable ``Int64`` and an index without a staff count is NaN.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from .._core.burden import BurdenComparison, BurdenKind, BurdenLedger, BurdenStatus
from .._core.division import DivisionCode
from .._extend import extends
from .._frames import _categorical, _dates, _strings, _text_or_none

if TYPE_CHECKING:
    import pandas as pd


def _labels(values: Sequence[Optional[str]]) -> "pd.Categorical":
    """A categorical of text labels (None → missing), categories in order of first appearance."""
    import pandas as pd

    categories = list(dict.fromkeys(v for v in values if v is not None))
    return pd.Categorical(list(values), categories=categories, ordered=False)


def _kinds() -> list[BurdenKind]:
    return sorted(BurdenKind.__members__.values(), key=int)


def _floats(values: Sequence[Optional[float]]) -> Any:
    import numpy as np

    return np.array([np.nan if v is None else v for v in values], dtype="float64")


def _unit_index(units: Sequence[DivisionCode]) -> "pd.Index":
    import pandas as pd

    return pd.Index([str(u) for u in units], dtype="string", name="unit")


@extends(BurdenLedger)
def items_frame(self: BurdenLedger, on: Optional[datetime.date] = None) -> pd.DataFrame:
    """One row per item (index: id): unit, kind, name, source_department (categoricals), quantity, status,
    added, flagged, removed (datetimes), note, and in_force (on that day) when on is given. Needs pandas."""
    import pandas as pd

    items = self.items
    columns: dict[str, Any] = {
        "unit": _labels([str(i.unit) for i in items]),
        "kind": _categorical([i.kind for i in items], BurdenKind),
        "name": _strings([i.name for i in items]),
        "source_department": _labels([_text_or_none(i.source_department) for i in items]),
        "quantity": pd.array([i.quantity for i in items], dtype="int64"),
        "status": _categorical([i.status for i in items], BurdenStatus),
        "added": _dates([i.added for i in items]),
        "flagged": _dates([i.flagged for i in items]),
        "removed": _dates([i.removed for i in items]),
        "note": _strings([_text_or_none(i.note) for i in items]),
    }
    if on is not None:
        columns["in_force"] = pd.array([i.in_force(on) for i in items], dtype=bool)
    frame = pd.DataFrame(columns)
    frame.index.name = "item"
    return frame


@extends(BurdenLedger)
def index_frame(self: BurdenLedger, on: datetime.date, within: Union[str, DivisionCode, None] = None) -> pd.DataFrame:
    """One row per unit (index: unit code): staff, items, one quantity column per kind, weighted, index.
    Needs pandas."""
    import pandas as pd

    rows = self.index(on, within)
    columns: dict[str, Any] = {
        "staff": pd.array([r.staff for r in rows], dtype="Int64"),
        "items": pd.array([r.items for r in rows], dtype="int64"),
    }
    for kind in _kinds():
        columns[kind.name.lower()] = pd.array([r.quantity[kind] for r in rows], dtype="int64")
    columns["weighted"] = _floats([r.weighted for r in rows])
    columns["index"] = _floats([r.index for r in rows])
    return pd.DataFrame(columns, index=_unit_index([r.unit for r in rows]))


@extends(BurdenComparison)
def to_pandas(self: BurdenComparison) -> pd.DataFrame:
    """One row per unit (index: unit code): staff, weighted and index before and after, change, items, added,
    removed. Needs pandas."""
    import pandas as pd

    units = self.units
    return pd.DataFrame(
        {
            "staff": pd.array([u.staff for u in units], dtype="Int64"),
            "weighted_before": _floats([u.weighted_before for u in units]),
            "weighted_after": _floats([u.weighted_after for u in units]),
            "change": _floats([u.change for u in units]),
            "index_before": _floats([u.index_before for u in units]),
            "index_after": _floats([u.index_after for u in units]),
            "items_before": pd.array([u.items_before for u in units], dtype="int64"),
            "items_after": pd.array([u.items_after for u in units], dtype="int64"),
            "added": pd.array([u.added for u in units], dtype="int64"),
            "removed": pd.array([u.removed for u in units], dtype="int64"),
        },
        index=_unit_index([u.unit for u in units]),
    )


@extends(BurdenComparison)
def kinds_frame(self: BurdenComparison) -> pd.DataFrame:
    """One row per kind (index: kind, categorical): before, after, added, removed. Needs pandas."""
    import pandas as pd

    kinds = self.kinds
    index = pd.CategoricalIndex(_categorical([k.kind for k in kinds], BurdenKind), name="kind")
    return pd.DataFrame(
        {
            "before": pd.array([k.before for k in kinds], dtype="int64"),
            "after": pd.array([k.after for k in kinds], dtype="int64"),
            "added": pd.array([k.added for k in kinds], dtype="int64"),
            "removed": pd.array([k.removed for k in kinds], dtype="int64"),
        },
        index=index,
    )
