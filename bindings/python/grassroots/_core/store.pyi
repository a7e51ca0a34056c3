"""
The durable event store (事件存储) on SQLite: streams, events, appends, reads
"""
from __future__ import annotations
import pandas
import collections.abc
import grassroots._core.privacy
import os
import pathlib
import typing
__all__: list[str] = ['Anchor', 'AppendRequest', 'AppendResult', 'ChainCheckpoint', 'ChainFinding', 'ChainProblem', 'Durability', 'NewEvent', 'PurgeResult', 'Store', 'StoredEvent', 'StreamInfo', 'VerifyReport', 'anchors_from_json_lines', 'open']
class Durability:
    """
    How hard a commit is pushed to disk: FULL (survives power loss) or NORMAL (faster; power loss may roll back the last commits, never corrupts).
    
    Members:
    
      FULL : synchronous=FULL: a commit survives power loss once append returns
    
      NORMAL : synchronous=NORMAL: power loss may roll back the last commits, never corrupts
    """
    FULL: typing.ClassVar[Durability]
    NORMAL: typing.ClassVar[Durability]
    __members__: typing.ClassVar[dict[str, Durability]]
    @typing.overload
    def __eq__(self, other: Durability) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: Durability) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class NewEvent:
    """
    An event to append: id (the idempotency key), type, payload (a dict of JSON values), schema version, when it occurred, actor, correlation and causation ids.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, event_id: str, type: str, payload: typing.Any = {}, schema_version: typing.SupportsInt | typing.SupportsIndex = 1, occurred_at: typing.Any = None, actor: str = '', correlation_id: str = '', causation_id: str = '') -> None:
        """
        An event; payload a dict (InvalidInputError if it is not a JSON object), occurred_at a timezone-aware datetime or None (then: when recorded).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def actor(self) -> str:
        """
        Who did it.
        """
    @property
    def causation_id(self) -> str:
        """
        Causation id.
        """
    @property
    def correlation_id(self) -> str:
        """
        Correlation id.
        """
    @property
    def event_id(self) -> str:
        """
        The idempotency key.
        """
    @property
    def occurred_at(self) -> typing.Any:
        """
        When it happened (UTC), or None: when recorded.
        """
    @property
    def payload(self) -> typing.Any:
        """
        The payload as a dict.
        """
    @property
    def payload_json(self) -> str:
        """
        The payload as canonical JSON text.
        """
    @property
    def schema_version(self) -> int:
        """
        Version of the payload's schema.
        """
    @property
    def type(self) -> str:
        """
        The event type.
        """
class AppendRequest:
    """
    One append of a batch: events for one stream.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, stream_id: str, kind: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None, events: collections.abc.Sequence[NewEvent]) -> None:
        """
        expected_version: 0 for a new stream, N for a stream at version N, None for no check.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def events(self) -> list[NewEvent]:
        """
        The events.
        """
    @property
    def expected_version(self) -> int | None:
        """
        The expected version (None: no check).
        """
    @property
    def kind(self) -> str:
        """
        The stream's kind.
        """
    @property
    def stream_id(self) -> str:
        """
        The stream.
        """
class AppendResult:
    """
    Where an append went: first and last global position, the stream's version after it, and duplicate (True: the event ids were stored before; nothing was written and these are the original positions).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def duplicate(self) -> bool:
        """
        True when nothing was written (a repeated append).
        """
    @property
    def first_position(self) -> int:
        """
        Global position of the first event.
        """
    @property
    def last_position(self) -> int:
        """
        Global position of the last event.
        """
    @property
    def stream_id(self) -> str:
        """
        The stream.
        """
    @property
    def stream_version(self) -> int:
        """
        The stream's version after the append.
        """
class StoredEvent:
    """
    An event as stored, with its global position and times.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def actor(self) -> str:
        """
        Who did it ("" if unknown).
        """
    @property
    def causation_id(self) -> str:
        """
        Causation id ("" if none).
        """
    @property
    def correlation_id(self) -> str:
        """
        Correlation id ("" if none).
        """
    @property
    def event_id(self) -> str:
        """
        The idempotency key.
        """
    @property
    def hash(self) -> str:
        """
        The chain hash H(previous hash ‖ this event's fields), hex.
        """
    @property
    def occurred_at(self) -> typing.Any:
        """
        When it happened (UTC datetime).
        """
    @property
    def payload(self) -> typing.Any:
        """
        The payload as a dict (a new dict each time).
        """
    @property
    def payload_json(self) -> str:
        """
        The payload as canonical JSON text.
        """
    @property
    def position(self) -> int:
        """
        Global position (1, 2, … in commit order).
        """
    @property
    def recorded_at(self) -> typing.Any:
        """
        When the store wrote it (UTC datetime).
        """
    @property
    def schema_version(self) -> int:
        """
        Version of the payload's schema.
        """
    @property
    def stream_id(self) -> str:
        """
        The stream.
        """
    @property
    def stream_version(self) -> int:
        """
        The stream version this event made.
        """
    @property
    def type(self) -> str:
        """
        The event type.
        """
class StreamInfo:
    """
    A stream, its kind and its version (number of events).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def kind(self) -> str:
        """
        Its kind.
        """
    @property
    def stream_id(self) -> str:
        """
        The stream.
        """
    @property
    def version(self) -> int:
        """
        Its version.
        """
class ChainProblem:
    """
    What verify() found: HASH_MISMATCH, GAP, REORDER, MISSING_HASH, ANCHOR_MISMATCH, BAD_ANCHOR_SIGNATURE or TRUNCATED.
    
    Members:
    
      HASH_MISMATCH : the stored hash is not H(previous hash ‖ the event's fields)
    
      GAP : a position or a stream version is missing: events were deleted
    
      REORDER : a stream's versions run backwards or repeat: events were moved or inserted
    
      MISSING_HASH : an event has no hash
    
      ANCHOR_MISMATCH : an anchor's head hash differs from the chain
    
      BAD_ANCHOR_SIGNATURE : an anchor's signature does not verify
    
      TRUNCATED : an anchor lies beyond the last event: the log was cut short
    """
    ANCHOR_MISMATCH: typing.ClassVar[ChainProblem]
    BAD_ANCHOR_SIGNATURE: typing.ClassVar[ChainProblem]
    GAP: typing.ClassVar[ChainProblem]
    HASH_MISMATCH: typing.ClassVar[ChainProblem]
    MISSING_HASH: typing.ClassVar[ChainProblem]
    REORDER: typing.ClassVar[ChainProblem]
    TRUNCATED: typing.ClassVar[ChainProblem]
    __members__: typing.ClassVar[dict[str, ChainProblem]]
    @typing.overload
    def __eq__(self, other: ChainProblem) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: ChainProblem) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class ChainFinding:
    """
    One finding of verify(): what broke, where, in words.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def detail(self) -> str:
        """
        A sentence for a person.
        """
    @property
    def position(self) -> int:
        """
        The position where it broke.
        """
    @property
    def problem(self) -> ChainProblem:
        """
        What broke (a ChainProblem).
        """
class ChainCheckpoint:
    """
    Where verification starts: position 0 (the genesis) or the last position a retention purge removed, with its hash (hex).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def hash(self) -> str:
        """
        The chain hash there (hex; '' for the genesis).
        """
    @property
    def position(self) -> int:
        """
        The position (0: the genesis).
        """
class VerifyReport:
    """
    The outcome of Store.verify(): ok, how many events and anchors were checked, the first position where the chain breaks (0 when ok) and every finding.
    """
    __hash__: typing.ClassVar[None] = None
    def __bool__(self) -> bool:
        """
        True when the chain verified.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def algorithm(self) -> grassroots._core.privacy.HashAlgorithm:
        """
        The chain's HashAlgorithm.
        """
    @property
    def anchors_checked(self) -> int:
        """
        Anchors checked.
        """
    @property
    def events_checked(self) -> int:
        """
        Events read and checked.
        """
    @property
    def findings(self) -> list[ChainFinding]:
        """
        Every ChainFinding, by position.
        """
    @property
    def first_broken_position(self) -> int:
        """
        The first position where the chain breaks (0 when ok).
        """
    @property
    def head_hash(self) -> str:
        """
        The recomputed chain hash at last_position (hex).
        """
    @property
    def last_position(self) -> int:
        """
        The last position checked.
        """
    @property
    def ok(self) -> bool:
        """
        True when nothing was found.
        """
    @property
    def start_position(self) -> int:
        """
        The checkpoint position verification started from (0: the genesis).
        """
class Anchor:
    """
    A signed statement that the chain's hash at a position was head_hash at created_at: HMAC (hex signature) under a key kept outside the store.
    """
    @staticmethod
    def from_json(line: str) -> Anchor:
        """
        An anchor from one JSON line (InvalidInputError naming what is wrong).
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def signature_valid(self, key: bytes) -> bool:
        """
        True when the signature verifies under key.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    def to_json(self) -> str:
        """
        The anchor as one JSON line (no newline).
        """
    @property
    def algorithm(self) -> grassroots._core.privacy.HashAlgorithm:
        """
        The chain's HashAlgorithm (and the HMAC's).
        """
    @property
    def created_at(self) -> typing.Any:
        """
        When the anchor was made (UTC datetime).
        """
    @property
    def head_hash(self) -> str:
        """
        The chain hash at that position (hex).
        """
    @property
    def position(self) -> int:
        """
        The position anchored.
        """
    @property
    def signature(self) -> str:
        """
        The HMAC (hex).
        """
class PurgeResult:
    """
    What purge_before() removed and the checkpoint it left.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def checkpoint(self) -> ChainCheckpoint:
        """
        Where verification now starts.
        """
    @property
    def events_removed(self) -> int:
        """
        How many events were removed.
        """
class Store:
    """
    The event store (事件存储): streams of events in one SQLite file (WAL). Open with grassroots.store.open(path). Not for use by two threads at once.
    """
    def to_pandas(self, after_position: int = ..., limit: int = ...) -> pandas.DataFrame:
        """The events of ``read_all(after_position, limit)`` as a DataFrame indexed by global position: stream_id, stream_version, event_id, type, schema_version, occurred_at and recorded_at (UTC), actor, correlation_id, causation_id, payload (canonical JSON text; empty ids are missing) and hash (the chain hash, hex)."""
    schema_version: typing.ClassVar[int] = 2
    @staticmethod
    def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, *, chain_algorithm: grassroots._core.privacy.HashAlgorithm | None = None, anchor_key: bytes | None = None, anchor_interval: typing.SupportsInt | typing.SupportsIndex = 1000, retention_days: typing.SupportsInt | typing.SupportsIndex = 180) -> Store:
        """
        Opens (creating it if missing) the store at path and migrates it; FileError for a file that is not SQLite or was written by a newer grassroots. chain_algorithm: the hash chain's HashAlgorithm, fixed when the store is created (None: the store's own, SHA256 for a new one; another than the store's: InvalidInputError naming both). anchor_key (bytes, >= 16, kept outside the store): appends write a signed anchor every anchor_interval events. retention_days: purge_before refuses younger events (default 180).
        """
    def __repr__(self) -> str:
        ...
    def anchor(self, key: bytes) -> Anchor:
        """
        Signs the chain's head with key (bytes, >= 16), stores the Anchor and returns it.
        """
    def anchors(self) -> list[Anchor]:
        """
        The anchors stored in the store, by position.
        """
    def append(self, stream_id: str, kind: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None, events: collections.abc.Sequence[NewEvent]) -> AppendResult:
        """
        Appends events to a stream in one transaction. expected_version: 0 for a new stream, N for a stream at N, None for no check (RuleViolationError on a conflict, nothing written). Repeating the event ids of an earlier append returns its positions with duplicate=True and writes nothing.
        """
    def append_batch(self, requests: collections.abc.Sequence[AppendRequest]) -> list[AppendResult]:
        """
        Appends every AppendRequest in ONE transaction (group commit): all are written or none.
        """
    def export_anchors(self) -> str:
        """
        The stored anchors as JSON lines, to keep outside the store (the proof is the copy kept elsewhere).
        """
    def purge_before(self, cut_off: typing.Any) -> PurgeResult:
        """
        Removes the oldest events recorded before cut_off (an aware datetime), never the last one, and keeps a checkpoint so verify() still works. RuleViolationError ('store.retention'), nothing removed, when cut_off is within the retention.
        """
    def read_all(self, after_position: typing.SupportsInt | typing.SupportsIndex = 0, limit: typing.SupportsInt | typing.SupportsIndex = 0) -> list[StoredEvent]:
        """
        Every event after a global position, in order (at most limit; 0: all) — for tailing.
        """
    def read_stream(self, stream_id: str, from_version: typing.SupportsInt | typing.SupportsIndex = 1, limit: typing.SupportsInt | typing.SupportsIndex = 0) -> list[StoredEvent]:
        """
        The stream's events from from_version on (at most limit; 0: all).
        """
    def stream_version(self, stream_id: str) -> int:
        """
        The stream's version (0 if none).
        """
    def streams(self) -> list[StreamInfo]:
        """
        Every stream with its kind and version, by id.
        """
    def verify(self, anchors: collections.abc.Sequence[Anchor] | None = None, key: bytes | None = None) -> VerifyReport:
        """
        Verifies the hash chain from the genesis (or the retention checkpoint) and returns a VerifyReport. With key and no anchors the store's own anchors are checked; with anchors (copies kept elsewhere) those are, under key.
        """
    @property
    def applied_schema_versions(self) -> list[int]:
        """
        The schema versions applied to the file, oldest first.
        """
    @property
    def chain_algorithm(self) -> grassroots._core.privacy.HashAlgorithm:
        """
        The hash chain's HashAlgorithm (fixed when the store was created).
        """
    @property
    def checkpoint(self) -> ChainCheckpoint:
        """
        The retention checkpoint verify() starts from (position 0: nothing purged).
        """
    @property
    def durability(self) -> Durability:
        """
        FULL or NORMAL.
        """
    @property
    def last_position(self) -> int:
        """
        The highest global position (0: empty).
        """
    @property
    def path(self) -> pathlib.Path:
        """
        The store's file.
        """
    @property
    def retention_days(self) -> int:
        """
        The retention in days purge_before() keeps.
        """
def anchors_from_json_lines(text: str) -> list[Anchor]:
    """
    Anchors from JSON lines (blank lines skipped; InvalidInputError naming the line).
    """
def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, *, chain_algorithm: grassroots._core.privacy.HashAlgorithm | None = None, anchor_key: bytes | None = None, anchor_interval: typing.SupportsInt | typing.SupportsIndex = 1000, retention_days: typing.SupportsInt | typing.SupportsIndex = 180) -> Store:
    """
    Opens (creating it if missing) the store at path and migrates it; FileError for a file that is not SQLite or was written by a newer grassroots. chain_algorithm: the hash chain's HashAlgorithm, fixed when the store is created (None: the store's own, SHA256 for a new one; another than the store's: InvalidInputError naming both). anchor_key (bytes, >= 16, kept outside the store): appends write a signed anchor every anchor_interval events. retention_days: purge_before refuses younger events (default 180).
    """
