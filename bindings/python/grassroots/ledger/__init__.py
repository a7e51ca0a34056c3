"""The dual ledger (双台账): problems and measures linked many-to-many, 销号, reports."""

from __future__ import annotations

from .._core.ledger import (
    DualLedger,
    LedgerAction,
    LedgerEntry,
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

__all__ = [
    "DualLedger",
    "LedgerAction",
    "LedgerEntry",
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
