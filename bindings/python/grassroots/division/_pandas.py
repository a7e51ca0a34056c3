"""pandas view of the division tree (pandas is imported lazily: grassroots works without it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._core.division import DivisionTree, Level, TownshipClass, VillageClass
from .._extend import extends

if TYPE_CHECKING:
    import pandas as pd


def _names(enum_type: Any) -> list[str]:
    """The members' lower-case names in value order (the categories of a column)."""
    return [member.name.lower() for member in sorted(enum_type.__members__.values(), key=int)]


@extends(DivisionTree)
def to_pandas(self: DivisionTree) -> pd.DataFrame:
    """One row per unit (pre-order): code, name, level (ordered categorical), parent_code, township_class, village_class (categoricals). Needs pandas.

    ``level`` is an ordered categorical (province < … < village); the classes are categoricals
    (missing where they do not apply); the index is the unit's dense index.
    """
    import pandas as pd

    columns = self._columns()
    frame = pd.DataFrame(
        {
            "code": pd.array(columns["code"], dtype="string"),
            "name": pd.array(columns["name"], dtype="string"),
            "level": pd.Categorical.from_codes(self.levels, categories=_names(Level), ordered=True),
            "parent_code": pd.array(columns["parent_code"], dtype="string"),
            "township_class": pd.Categorical.from_codes(columns["township_class"], categories=_names(TownshipClass)),
            "village_class": pd.Categorical.from_codes(columns["village_class"], categories=_names(VillageClass)),
        }
    )
    frame.index.name = "index"
    return frame
