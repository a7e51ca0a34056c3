"""Column conversions shared by every area's pandas views (imported lazily: pandas is optional).

Enums become categoricals (categories: the members' lower-case names in value order), dates
datetime64 columns (NaT where open or unknown), optional ids nullable ``Int64``, text ``string``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional, Sequence

if TYPE_CHECKING:
    import pandas as pd


def _categorical(values: Sequence[Any], enum_type: Any, ordered: bool = False) -> "pd.Categorical":
    """A categorical of enum members (None → missing), categories in value order."""
    import pandas as pd

    members = sorted(enum_type.__members__.values(), key=int)
    codes = [-1 if value is None else int(value) for value in values]
    return pd.Categorical.from_codes(codes, categories=[m.name.lower() for m in members], ordered=ordered)


def _dates(values: Sequence[Optional[datetime.date]]) -> Any:
    """A datetime64 array (day precision, NaT for None); pandas keeps it as datetime64[s]."""
    import numpy as np

    days = [np.datetime64("NaT") if v is None else np.datetime64(v, "D") for v in values]
    return np.array(days, dtype="datetime64[D]")


def _strings(values: Sequence[Optional[str]]) -> Any:
    import pandas as pd

    return pd.array(list(values), dtype="string")


def _counts(values: Sequence[int]) -> Any:
    """An int64 array of counts."""
    import pandas as pd

    return pd.array(list(values), dtype="int64")


def _ids(values: Sequence[Optional[int]]) -> Any:
    import pandas as pd

    return pd.array(list(values), dtype="Int64")


def _text_or_none(text: str) -> Optional[str]:
    return text if text else None


TIME_ZONE = "Asia/Shanghai"


def _instants(seconds: Any) -> Any:
    """Seconds since the epoch (int64, minimum = absent) as datetimes in China Standard Time."""
    import numpy as np
    import pandas as pd

    stamps = np.asarray(seconds, dtype=np.int64).view("datetime64[s]")  # int64 minimum is NaT
    return pd.DatetimeIndex(pd.to_datetime(stamps, utc=True)).tz_convert(TIME_ZONE).array
