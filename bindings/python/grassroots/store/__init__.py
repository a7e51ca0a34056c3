"""The store (事件存储): a durable event store on SQLite — streams, events, appends, reads.

>>> import grassroots.store as gs                                           # doctest: +SKIP
>>> store = gs.open("dongying.db")                                          # doctest: +SKIP
>>> store.append("case-1", "case", 0, [gs.NewEvent("e1", "case_opened", {"grid": "G1"})])  # doctest: +SKIP
>>> gs.save(store, "ledger-2024", ledger, actor="专班")                      # doctest: +SKIP
>>> gs.load_ledger(store, "ledger-2024")                                    # doctest: +SKIP

``open`` is this module's function (``grassroots.store.open``); it is left out of ``__all__`` so that
``from grassroots import *`` does not shadow the built-in ``open``.
"""

from __future__ import annotations

from .._core.store import (
    AppendRequest,
    AppendResult,
    Durability,
    NewEvent,
    Store,
    StoredEvent,
    StreamInfo,
    load_autonomy_chain,
    load_burden,
    load_grid_map,
    load_ledger,
    load_party_members,
    load_review,
    load_review_evidence,
    load_social_organisations,
    load_staffing,
    load_volunteers,
    load_workforce,
    open,
    save,
)
from . import _pandas  # noqa: F401 (attaches Store.to_pandas)

__all__ = [
    "AppendRequest",
    "AppendResult",
    "Durability",
    "NewEvent",
    "Store",
    "StoredEvent",
    "StreamInfo",
    "load_autonomy_chain",
    "load_burden",
    "load_grid_map",
    "load_ledger",
    "load_party_members",
    "load_review",
    "load_review_evidence",
    "load_social_organisations",
    "load_staffing",
    "load_volunteers",
    "load_workforce",
    "save",
]
