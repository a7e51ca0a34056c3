"""The dual ledger (双台账): problems and measures linked many-to-many, 销号, reports."""

from __future__ import annotations

from .._core.ledger import (
    DualLedger,
    LedgerAction,
    LedgerEntry,
    LedgerRefusal,
    LedgerReport,
    LedgerReportRow,
    Measure,
    MeasureStatus,
    OwnerUnit,
    Problem,
    ProblemSource,
    ProblemSourceKind,
    ProblemStatus,
)
from . import _pandas  # noqa: F401 (attaches the pandas views to DualLedger and LedgerReport)

__all__ = [
    "DualLedger",
    "LedgerAction",
    "LedgerEntry",
    "LedgerRefusal",
    "LedgerReport",
    "LedgerReportRow",
    "Measure",
    "MeasureStatus",
    "OwnerUnit",
    "Problem",
    "ProblemSource",
    "ProblemSourceKind",
    "ProblemStatus",
]
