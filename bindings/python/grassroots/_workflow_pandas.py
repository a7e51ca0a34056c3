"""pandas views of matter catalogues, responsibility lists and the case engine, imported lazily so
that grassroots works without pandas.

As in the other views: enums become categoricals (categories: the members' lower-case names in value
order; the rung and the priority ordered), text ``string`` (missing where a value is absent). Instants
are tz-aware datetime64 columns in ``Asia/Shanghai`` (China Standard Time, NaT where absent); codes
that repeat (unit, grid, matter) categoricals in order of first appearance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, Sequence

from ._autonomy_pandas import _categorical, _strings, _text_or_none
from ._core.workflow import CaseEngine, EventKind, MatterCatalogue, MatterClass, Priority, ResponsibilityList, Rung

if TYPE_CHECKING:
    import pandas as pd


def catalogue_frame(catalogue: MatterCatalogue) -> "pd.DataFrame":
    """One row per matter type, indexed by key: class, code, name, category, workflow, owner.

    ``class`` is a categorical (component, event); ``category`` a categorical of the catalogue's
    categories in order of first appearance; owner and workflow are missing where empty.
    """
    import pandas as pd

    types = list(catalogue)
    categories = list(dict.fromkeys(t.category for t in types))
    frame = pd.DataFrame(
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
    return frame


def responsibility_frame(responsibilities: ResponsibilityList) -> "pd.DataFrame":
    """One row per entry: matter, rung (ordered categorical), scope (missing = everywhere), primary,
    cooperating (units joined with ';', missing when none) and source."""
    import pandas as pd

    entries = list(responsibilities)
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


TIME_ZONE = "Asia/Shanghai"
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


def _instants(seconds: Any) -> Any:
    """Seconds since the epoch (int64, minimum = absent) as datetimes in China Standard Time."""
    import numpy as np
    import pandas as pd

    stamps = np.asarray(seconds, dtype=np.int64).view("datetime64[s]")  # int64 minimum is NaT
    return pd.DatetimeIndex(pd.to_datetime(stamps, utc=True)).tz_convert(TIME_ZONE).array


def cases_frame(engine: CaseEngine) -> "pd.DataFrame":
    """One row per case, indexed by case number: workflow, version, state (id), closed, unit, grid,
    matter (categoricals in order of first appearance; grid missing when not located), priority and
    rung (ordered categoricals), opened_at, updated_at, due, closed_at, handling_due (due instant of
    the latest handling state), handled_at (datetimes in Asia/Shanghai, NaT when absent), transitions,
    reworks, escalations, urges, reopens, refusals, primary (the assigned unit, missing when not
    routed)."""
    import pandas as pd

    columns = engine._case_columns()
    frame = pd.DataFrame(
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
    return frame


def events_frame(engine: CaseEngine) -> "pd.DataFrame":
    """One row per event, indexed by sequence: case (number), kind (categorical), at (datetime in
    Asia/Shanghai), actor (missing for the clock), role, from, to, transition (state and transition
    ids, missing when none), rung (ordered categorical), note, reason (of a refusal), primary (of
    an assignment: ASSIGNED and re-routing ESCALATED events) and routed_primary (the unit the
    responsibility list named when the dispatcher assigned the case to another one,
    EngineOptions.allow_dispatch_override; missing otherwise)."""
    import pandas as pd

    columns = engine._event_columns()
    frame = pd.DataFrame(
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
    return frame
