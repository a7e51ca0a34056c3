"""The burden ledger (小马拉大车, 减负) and the burden index."""

from __future__ import annotations

from .._core.burden import (
    BurdenChange,
    BurdenComparison,
    BurdenIndexRow,
    BurdenItem,
    BurdenKind,
    BurdenKindChange,
    BurdenLedger,
    BurdenStatus,
    BurdenWeights,
)
from . import _pandas  # noqa: F401 (attaches items_frame, index_frame, to_pandas and kinds_frame)

__all__ = [
    "BurdenChange",
    "BurdenComparison",
    "BurdenIndexRow",
    "BurdenItem",
    "BurdenKind",
    "BurdenKindChange",
    "BurdenLedger",
    "BurdenStatus",
    "BurdenWeights",
]
