"""pandas views of the dual ledger (双台账), attached to DualLedger and LedgerReport; pandas is imported
lazily so that grassroots works without it.

As in the other views: enums become categoricals (categories: the members' lower-case names in value
order), dates ``datetime64`` columns (NaT where absent), text ``string`` (missing where empty),
counts ``int64``; division codes and departments are categoricals (categories in order of first
appearance), missing where an item has none.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional, Sequence

from .._core.division import DivisionCode
from .._core.ledger import (
    DualLedger,
    LedgerAction,
    LedgerEntry,
    LedgerReport,
    MeasureStatus,
    OwnerUnit,
    ProblemSourceKind,
    ProblemStatus,
)
from .._extend import extends
from .._frames import _categorical, _counts, _dates, _strings, _text_or_none

if TYPE_CHECKING:
    import pandas as pd


def _labels(values: Sequence[Optional[str]]) -> "pd.Categorical":
    """A categorical of text labels (None → missing), categories in order of first appearance."""
    import pandas as pd

    categories = list(dict.fromkeys(v for v in values if v is not None))
    return pd.Categorical(list(values), categories=categories, ordered=False)


def _code(division: Optional[DivisionCode]) -> Optional[str]:
    return None if division is None else str(division)


def _owner_columns(owners: Sequence[OwnerUnit]) -> dict[str, Any]:
    return {
        "division": _labels([_code(o.division) for o in owners]),
        "department": _labels([_text_or_none(o.department) for o in owners]),
    }


def _number_index(numbers: Sequence[str]) -> "pd.Index":
    import pandas as pd

    return pd.Index(list(numbers), dtype="string", name="number")


@extends(DualLedger)
def problems_frame(self: DualLedger, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per problem (index: number): title, division, department, raised, due, status, source_kind,
    source_reference, measures, struck_off_on, reopens, and overdue (on that day) when on is given. Needs pandas."""
    import pandas as pd

    problems = self.problems
    columns: dict[str, Any] = {
        "id": _counts([p.id for p in problems]),
        "title": _strings([p.title for p in problems]),
        **_owner_columns([p.owner for p in problems]),
        "raised": _dates([p.raised for p in problems]),
        "due": _dates([p.due for p in problems]),
        "status": _categorical([p.status for p in problems], ProblemStatus),
        "source_kind": _categorical([p.source.kind for p in problems], ProblemSourceKind),
        "source_reference": _strings([_text_or_none(p.source.reference) for p in problems]),
        "measures": _counts([len(p.measures) for p in problems]),
        "struck_off_on": _dates([p.struck_off_on for p in problems]),
        "reopens": _counts([p.reopens for p in problems]),
    }
    if on is not None:
        columns["overdue"] = pd.array([p.overdue(on) for p in problems], dtype=bool)
    return pd.DataFrame(columns, index=_number_index([p.number for p in problems]))


@extends(DualLedger)
def measures_frame(self: DualLedger, on: Optional[datetime.date] = None) -> "pd.DataFrame":
    """One row per measure (index: number): title, division, department, responsible, created, due, status,
    problems, completed_on, completed_by, and overdue when on is given. Needs pandas."""
    import pandas as pd

    measures = self.measures
    columns: dict[str, Any] = {
        "id": _counts([m.id for m in measures]),
        "title": _strings([m.title for m in measures]),
        **_owner_columns([m.owner for m in measures]),
        "responsible": _strings([_text_or_none(m.responsible) for m in measures]),
        "created": _dates([m.created for m in measures]),
        "due": _dates([m.due for m in measures]),
        "status": _categorical([m.status for m in measures], MeasureStatus),
        "problems": _counts([len(m.problems) for m in measures]),
        "completed_on": _dates([m.completed_on for m in measures]),
        "completed_by": _strings([_text_or_none(m.completed_by) for m in measures]),
    }
    if on is not None:
        columns["overdue"] = pd.array([m.overdue(on) for m in measures], dtype=bool)
    return pd.DataFrame(columns, index=_number_index([m.number for m in measures]))


@extends(DualLedger)
def links_frame(self: DualLedger) -> "pd.DataFrame":
    """One row per link: problem and measure numbers. Needs pandas."""
    # Also when and by whom the link was made (date, actor).
    import pandas as pd

    numbers = [m.number for m in self.measures]
    rows: list[tuple[str, str, datetime.date, str]] = []
    for p in self.problems:
        for m in p.measures:
            entry = next(
                e for e in reversed(p.history) if e.action == LedgerAction.LINKED and e.other == numbers[m]
            )
            rows.append((p.number, numbers[m], entry.date, entry.actor))
    return pd.DataFrame(
        {
            "problem": _strings([r[0] for r in rows]),
            "measure": _strings([r[1] for r in rows]),
            "date": _dates([r[2] for r in rows]),
            "actor": _strings([r[3] for r in rows]),
        }
    )


@extends(DualLedger)
def history_frame(self: DualLedger) -> "pd.DataFrame":
    """One row per history entry of both ledgers, in journal order. Needs pandas."""
    # A link is shown once, from the problem's side.
    import pandas as pd

    rows: list[tuple[str, str, LedgerEntry]] = []
    for p in self.problems:
        rows.extend(("problem", p.number, e) for e in p.history)
    for m in self.measures:
        rows.extend(
            ("measure", m.number, e)
            for e in m.history
            if e.action not in (LedgerAction.LINKED, LedgerAction.UNLINKED)
        )
    rows.sort(key=lambda r: (r[2].sequence, r[2].action == LedgerAction.UNVERIFIED))
    entries = [r[2] for r in rows]
    return pd.DataFrame(
        {
            "sequence": _counts([e.sequence for e in entries]),
            "ledger": pd.Categorical([r[0] for r in rows], categories=["problem", "measure"], ordered=False),
            "item": _strings([r[1] for r in rows]),
            "date": _dates([e.date for e in entries]),
            "action": _categorical([e.action for e in entries], LedgerAction),
            "actor": _strings([e.actor for e in entries]),
            "note": _strings([_text_or_none(e.note) for e in entries]),
            "other": _strings([_text_or_none(e.other) for e in entries]),
        }
    )


@extends(LedgerReport)
def to_pandas(self: LedgerReport) -> "pd.DataFrame":
    """One row per owner unit: division, department and the counts. Needs pandas."""
    import pandas as pd

    rows = self.rows
    counts = [
        "problems",
        "raised",
        "open",
        "overdue",
        "struck_off",
        "reopened",
        "measures",
        "measures_open",
        "measures_overdue",
        "measures_done",
    ]
    columns: dict[str, Any] = _owner_columns([r.unit for r in rows])
    for name in counts:
        columns[name] = _counts([getattr(r, name) for r in rows])
    return pd.DataFrame(columns)
