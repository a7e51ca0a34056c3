"""pandas view of the working-day calendar (pandas is imported lazily: grassroots works without it).

``kind`` is a categorical (categories: the DayKind members' lower-case names in value order), text
columns ``string`` (missing on ordinary days), and the index the days as datetime64.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from .._core.calendar import Calendar, DayKind
from .._extend import extends
from .._frames import _categorical

if TYPE_CHECKING:
    import pandas as pd


def _day(value: object, name: str) -> datetime.date:
    """``value`` if it is a date (not a datetime); TypeError otherwise, as the C++ methods do."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise TypeError(f"Calendar.to_pandas(): {name} must be a datetime.date, got {type(value).__name__}")
    return value


@extends(Calendar)
def to_pandas(self: Calendar, start: datetime.date, end: datetime.date) -> pd.DataFrame:
    """One row per day in [start, end), indexed by date: working, kind, holiday_name, provisional, source. Needs pandas.

    Raises like Calendar.day() for a day no notice covers.
    """
    import numpy as np
    import pandas as pd

    first = np.datetime64(_day(start, "start"), "D")
    last = np.datetime64(_day(end, "end"), "D")
    days = np.arange(first, last, dtype="datetime64[D]")
    infos = [self.day(day) for day in days.astype(object)]
    columns: dict[str, Any] = {
        "working": pd.array([i.working for i in infos], dtype=bool),
        "kind": _categorical([i.kind for i in infos], DayKind),
        "holiday_name": pd.array([i.holiday_name for i in infos], dtype="string"),
        "provisional": pd.array([i.provisional for i in infos], dtype=bool),
        "source": pd.array([i.source for i in infos], dtype="string"),
    }
    return pd.DataFrame(columns, index=pd.DatetimeIndex(days, name="date"))
