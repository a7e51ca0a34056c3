"""A pandas view of the store's events (Store.to_pandas), attached to the bound class; pandas is
imported lazily so that grassroots works without it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._core.store import Store
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
