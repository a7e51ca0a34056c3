"""Division codes (统计用区划代码) and the administrative tree (行政层级) down to every community and village."""

from __future__ import annotations

from .._core.division import (
    DivisionCode,
    DivisionTree,
    DivisionTreeBuilder,
    Level,
    TownshipClass,
    Unit,
    UnitIterator,  # the type of iter(tree); offered here, not in __all__ (as before)
    UrbanRuralClass,
    VillageClass,
    name_suffix_families,
    urban_rural_class,
)
from . import _networkx, _pandas  # noqa: F401 (attach DivisionTree.to_networkx and to_pandas)

__all__ = [
    "DivisionCode",
    "DivisionTree",
    "DivisionTreeBuilder",
    "Level",
    "TownshipClass",
    "Unit",
    "UrbanRuralClass",
    "VillageClass",
    "name_suffix_families",
    "urban_rural_class",
]
