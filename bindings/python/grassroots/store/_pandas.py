"""A pandas view of the store's events (Store.to_pandas), attached to the bound class; pandas is
imported lazily so that grassroots works without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._core.store import Store, Vault
from .._extend import extends

if TYPE_CHECKING:
    import pandas as pd


@extends(Store)
def to_pandas(self: Store, after_position: int = 0, limit: int = 0) -> "pd.DataFrame":
    """The events of ``read_all(after_position, limit)`` as a DataFrame indexed by global position:
    stream_id, stream_version, event_id, type, schema_version, occurred_at and recorded_at (UTC),
    actor, correlation_id, causation_id, payload (canonical JSON text; empty ids are missing) and hash
    (the chain hash, hex)."""
    import pandas as pd

    events = self.read_all(after_position, limit)

    def text(values: list[str]) -> Any:
        return pd.array([v if v else None for v in values], dtype="string")

    frame = pd.DataFrame(
        {
            "stream_id": pd.array([e.stream_id for e in events], dtype="string"),
            "stream_version": pd.array([e.stream_version for e in events], dtype="int64"),
            "event_id": pd.array([e.event_id for e in events], dtype="string"),
            "type": pd.Categorical([e.type for e in events]),
            "schema_version": pd.array([e.schema_version for e in events], dtype="int64"),
            "occurred_at": pd.to_datetime([e.occurred_at for e in events], utc=True),
            "recorded_at": pd.to_datetime([e.recorded_at for e in events], utc=True),
            "actor": text([e.actor for e in events]),
            "correlation_id": text([e.correlation_id for e in events]),
            "causation_id": text([e.causation_id for e in events]),
            "payload": pd.array([e.payload_json for e in events], dtype="string"),
            "hash": pd.array([e.hash for e in events], dtype="string"),
        },
        index=pd.Index([e.position for e in events], dtype="int64", name="position"),
    )
    return frame


@extends(Vault)
def to_pandas(self: Vault, reveal: bool = False) -> "pd.DataFrame":  # noqa: F811 (a method of Vault)
    """Every vault record as a DataFrame indexed by pseudonym: citizen_id, phones (joined by ", "),
    name, registered_at, forgotten_at (UTC; missing if not forgotten). Values are MASKED
    (110105********002X, 138****1234, 张*) unless ``reveal=True``, which shows the clear values the
    vault's keys decrypt. A forgotten person's values are missing: nobody can decrypt them any more."""
    import pandas as pd

    entries = self.entries()
    ids: list[Any] = []
    phones: list[Any] = []
    names: list[Any] = []
    for entry in entries:
        if entry.forgotten:
            ids.append(None)
            phones.append(None)
            names.append(None)
            continue
        resident = self.reveal(entry.pseudonym)
        if reveal:
            ids.append(resident.citizen_id.clear_text())
            phones.append(", ".join(p.clear_text() for p in resident.phones))
            names.append(resident.clear_name() or None)
        else:
            ids.append(resident.citizen_id.masked)
            phones.append(", ".join(p.masked for p in resident.phones))
            names.append(resident.masked_name or None)
    return pd.DataFrame(
        {
            "citizen_id": pd.array(ids, dtype="string"),
            "phones": pd.array(phones, dtype="string"),
            "name": pd.array(names, dtype="string"),
            "registered_at": pd.to_datetime([e.registered_at for e in entries], utc=True),
            "forgotten_at": pd.to_datetime([e.forgotten_at for e in entries], utc=True),
        },
        index=pd.Index([e.pseudonym for e in entries], dtype="string", name="pseudonym"),
    )
