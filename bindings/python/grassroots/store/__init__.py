"""The store (事件存储): a durable event store on SQLite — streams, events, appends, reads, and
the hash chain that makes edits evident (verify, anchors, retention; ``python -m grassroots.store verify``).

>>> import grassroots.store as gs                                           # doctest: +SKIP
>>> store = gs.open("dongying.db")                                          # doctest: +SKIP
>>> store.append("case-1", "case", 0, [gs.NewEvent("e1", "case_opened", {"grid": "G1"})])  # doctest: +SKIP
>>> gs.save(store, "ledger-2024", ledger, actor="专班")                      # doctest: +SKIP
>>> gs.load_ledger(store, "ledger-2024")                                    # doctest: +SKIP

Residents' personal information lives in the ``Vault`` (``Vault.open(store, master_key, pseudonym_key)``):
events carry only pseudonyms, and an append whose payload holds a raw ID or mobile number is refused.

``open`` is this module's function (``grassroots.store.open``); it is left out of ``__all__`` so that
``from grassroots import *`` does not shadow the built-in ``open``.
"""

from __future__ import annotations

from .._core.privacy import HashAlgorithm  # noqa: F401 (for chain_algorithm=; exported by grassroots.privacy)
from .._core.store import (
    Anchor,
    AppendRequest,
    AppendResult,
    ChainCheckpoint,
    ChainFinding,
    ChainProblem,
    Durability,
    NewEvent,
    PurgeResult,
    Resident,
    Store,
    StoredEngine,
    StoredEvent,
    StreamInfo,
    VerifyReport,
    anchors_from_json_lines,
    Vault,
    VaultEntry,
    load_autonomy_chain,
    load_burden,
    load_consultation,
    load_grid_map,
    load_ledger,
    load_meeting,
    load_party_members,
    load_redivision,
    load_review,
    load_review_evidence,
    load_review_rules,
    load_social_organisations,
    load_staffing,
    load_volunteers,
    load_workforce,
    open,
    save,
)
from . import _pandas  # noqa: F401 (attaches Store.to_pandas and Vault.to_pandas)

__all__ = [
    "Anchor",
    "AppendRequest",
    "AppendResult",
    "ChainCheckpoint",
    "ChainFinding",
    "ChainProblem",
    "Durability",
    "NewEvent",
    "PurgeResult",
    "Resident",
    "Store",
    "StoredEngine",
    "StoredEvent",
    "StreamInfo",
    "VerifyReport",
    "anchors_from_json_lines",
    "Vault",
    "VaultEntry",
    "load_autonomy_chain",
    "load_burden",
    "load_consultation",
    "load_grid_map",
    "load_ledger",
    "load_meeting",
    "load_party_members",
    "load_redivision",
    "load_review",
    "load_review_evidence",
    "load_review_rules",
    "load_social_organisations",
    "load_staffing",
    "load_volunteers",
    "load_workforce",
    "save",
]
