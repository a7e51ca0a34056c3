"""pandas export, imported lazily so that grassroots works without pandas installed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._core.division import DivisionTree, Level, TownshipClass, VillageClass

if TYPE_CHECKING:
    import pandas as pd


def _categorical(codes: Any, names: list[str]) -> "pd.Categorical":
    import pandas as pd

    return pd.Categorical.from_codes(codes, categories=names, ordered=False)


def tree_to_pandas(tree: DivisionTree) -> "pd.DataFrame":
    """One row per unit in pre-order: code, name, level, parent_code, township_class, village_class.

    ``level`` is an ordered categorical (province < … < village); the classes are categoricals
    (missing where they do not apply); the index is the unit's dense index.
    """
    import pandas as pd

    columns = tree._columns()
    levels = [level.name.lower() for level in sorted(Level.__members__.values(), key=int)]
    townships = [c.name.lower() for c in sorted(TownshipClass.__members__.values(), key=int)]
    villages = [c.name.lower() for c in sorted(VillageClass.__members__.values(), key=int)]
    frame = pd.DataFrame(
        {
            "code": pd.array(columns["code"], dtype="string"),
            "name": pd.array(columns["name"], dtype="string"),
            "level": pd.Categorical.from_codes(tree.levels, categories=levels, ordered=True),
            "parent_code": pd.array(columns["parent_code"], dtype="string"),
            "township_class": _categorical(columns["township_class"], townships),
            "village_class": _categorical(columns["village_class"], villages),
        }
    )
    frame.index.name = "index"
    return frame

