"""pandas views of matter catalogues, responsibility lists and the case engine, written over the
column primitives of ``_core.workflow`` and attached to the bound classes; pandas is imported lazily
so that grassroots works without it.

As in the other views: enums become categoricals (categories: the members' lower-case names in value
order; the rung and the priority ordered), text ``string`` (missing where a value is absent). Instants
are tz-aware datetime64 columns in ``Asia/Shanghai`` (China Standard Time, NaT where absent); codes
that repeat (unit, grid, matter) categoricals in order of first appearance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from .._core.workflow import CaseEngine, EventKind, MatterCatalogue, MatterClass, Priority, ResponsibilityList, Rung
from .._extend import extends
from .._frames import _categorical, _instants, _strings, _text_or_none

if TYPE_CHECKING:
    import pandas as pd

_COUNTS = ("transitions", "reworks", "escalations", "urges", "reopens", "refusals")


def _enum_codes(codes: Any, enum_type: Any, ordered: bool = False) -> "pd.Categorical":
    """A categorical from an array of enum values, categories the members' lower-case names."""
    import pandas as pd

    members = sorted(enum_type.__members__.values(), key=int)
    return pd.Categorical.from_codes(codes, categories=[m.name.lower() for m in members], ordered=ordered)


def _first_seen(values: Sequence[Optional[str]]) -> "pd.Categorical":
    """A categorical of codes in order of first appearance (None → missing)."""
    import pandas as pd

    categories = list(dict.fromkeys(v for v in values if v is not None))
    return pd.Categorical(list(values), categories=categories, ordered=False)


@extends(MatterCatalogue)
def to_pandas(self: MatterCatalogue) -> pd.DataFrame:
    """One row per type: key, class and category (categoricals), code, name, workflow, owner."""
    import pandas as pd

    types = list(self)
    categories = list(dict.fromkeys(t.category for t in types))
    return pd.DataFrame(
        {
            "class": _categorical([t.matter_class for t in types], MatterClass),
            "code": _strings([t.code for t in types]),
            "name": _strings([t.name for t in types]),
            "category": pd.Categorical([t.category for t in types], categories=categories, ordered=False),
            "workflow": _strings([_text_or_none(t.workflow) for t in types]),
            "owner": _strings([_text_or_none(t.owner) for t in types]),
        },
        index=pd.Index([t.key for t in types], dtype="string", name="key"),
    )


@extends(ResponsibilityList)
def to_pandas(self: ResponsibilityList) -> pd.DataFrame:  # noqa: F811 (one to_pandas per class)
    """One row per entry: matter, rung (ordered categorical), scope, primary, cooperating (';'-joined), source."""
    import pandas as pd

    entries = list(self)
    return pd.DataFrame(
        {
            "matter": _strings([e.matter for e in entries]),
            "rung": _categorical([e.rung for e in entries], Rung, ordered=True),
            "scope": _strings([None if e.scope is None else str(e.scope) for e in entries]),
            "primary": _strings([e.primary for e in entries]),
            "cooperating": _strings([";".join(e.cooperating) if e.cooperating else None for e in entries]),
            "source": _strings([_text_or_none(e.source) for e in entries]),
        }
    )


@extends(CaseEngine)
def to_pandas(self: CaseEngine) -> pd.DataFrame:  # noqa: F811 (one to_pandas per class)
    """One row per case (index: case number): workflow, version, state, closed, unit, grid, matter, priority, rung (categoricals), opened_at, updated_at, due, closed_at, handling_due, handled_at (datetime64, Asia/Shanghai), transitions, reworks, escalations, urges, reopens, refusals, primary (assigned unit), routed_primary (the unit the list named when a dispatcher overrode it). Needs pandas."""  # noqa: E501
    import pandas as pd

    columns = self._case_columns()
    return pd.DataFrame(
        {
            "workflow": _first_seen(columns["workflow"]),
            "version": pd.array(columns["version"], dtype="int64"),
            "state": _strings(columns["state"]),
            "closed": pd.array(columns["closed"], dtype=bool),
            "unit": _first_seen(columns["unit"]),
            "grid": _first_seen(columns["grid"]),
            "matter": _first_seen(columns["matter"]),
            "priority": _enum_codes(columns["priority"], Priority, ordered=True),
            "rung": _enum_codes(columns["rung"], Rung, ordered=True),
            "opened_at": _instants(columns["opened_at"]),
            "updated_at": _instants(columns["updated_at"]),
            "due": _instants(columns["due"]),
            "closed_at": _instants(columns["closed_at"]),
            "handling_due": _instants(columns["handling_due"]),
            "handled_at": _instants(columns["handled_at"]),
            **{name: pd.array(columns[name], dtype="int64") for name in _COUNTS},
            "primary": _strings(columns["primary"]),
            "routed_primary": _strings(columns["routed_primary"]),
        },
        index=pd.Index(columns["case"], dtype="string", name="case"),
    )


@extends(CaseEngine)
def events_frame(self: CaseEngine) -> pd.DataFrame:
    """One row per event (index: sequence): case, kind (categorical), at (datetime64, Asia/Shanghai), actor, role, from, to, transition, rung (categorical), note, reason, primary (of an assignment), routed_primary (the routed unit when the dispatcher overrode it, else missing). Needs pandas."""  # noqa: E501
    import pandas as pd

    columns = self._event_columns()
    return pd.DataFrame(
        {
            "case": _strings(columns["case"]),
            "kind": _enum_codes(columns["kind"], EventKind),
            "at": _instants(columns["at"]),
            **{name: _strings(columns[name]) for name in ("actor", "role", "from", "to", "transition")},
            "rung": _enum_codes(columns["rung"], Rung, ordered=True),
            "note": _strings(columns["note"]),
            "reason": _strings(columns["reason"]),
            "primary": _strings(columns["primary"]),
            "routed_primary": _strings(columns["routed_primary"]),
        },
        index=pd.Index(columns["sequence"], dtype="int64", name="sequence"),
    )
