"""pandas view of the working-day calendar, imported lazily so that grassroots works without pandas.

``kind`` is a categorical (categories: the DayKind members' lower-case names in value order), text
columns ``string`` (missing on ordinary days), and the index the days as datetime64.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from ._core.calendar import Calendar, DayKind

if TYPE_CHECKING:
    import pandas as pd


def days_frame(calendar: Calendar, start: datetime.date, end: datetime.date) -> "pd.DataFrame":
    """One row per day in [start, end), indexed by ``date``: working, kind, holiday_name,
    provisional, source. Raises like Calendar.day() for a day no notice covers."""
    import numpy as np
    import pandas as pd

    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D"), dtype="datetime64[D]")
    infos = [calendar.day(day) for day in days.astype(object)]
    kinds = sorted(DayKind.__members__.values(), key=int)
    columns: dict[str, Any] = {
        "working": pd.array([i.working for i in infos], dtype=bool),
        "kind": pd.Categorical.from_codes(
            [int(i.kind) for i in infos], categories=[k.name.lower() for k in kinds], ordered=False
        ),
        "holiday_name": pd.array([i.holiday_name for i in infos], dtype="string"),
        "provisional": pd.array([i.provisional for i in infos], dtype=bool),
        "source": pd.array([i.source for i in infos], dtype="string"),
    }
    frame = pd.DataFrame(columns, index=pd.DatetimeIndex(days, name="date"))
    return frame
