"""grassroots: grassroots governance (基层治理) in C++20 with a Python API.

Today: China's administrative ladder (行政层级) — statistical division codes (统计用区划代码) and
the division tree down to every community and village. See the README for the road map.

>>> import grassroots
>>> tree = grassroots.datasets.dongying()
>>> [unit.name for unit in tree["370502005066"].path()]
['山东省', '东营市', '东营区', '胜利街道', '锦苑社区居民委员会']
"""

from __future__ import annotations

from . import _core
from ._core import (
    FileError,
    GrassrootsError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
)
from ._core.division import (
    DivisionCode,
    DivisionTree,
    DivisionTreeBuilder,
    Level,
    TownshipClass,
    Unit,
    UrbanRuralClass,
    VillageClass,
    urban_rural_class,
)
from . import datasets

__version__: str = _core.__version__

__all__ = [
    "DivisionCode",
    "DivisionTree",
    "DivisionTreeBuilder",
    "FileError",
    "GrassrootsError",
    "InvalidInputError",
    "Level",
    "NotFoundError",
    "PermissionDeniedError",
    "RuleViolationError",
    "TownshipClass",
    "Unit",
    "UrbanRuralClass",
    "VillageClass",
    "__version__",
    "datasets",
    "urban_rural_class",
]
