"""
The durable event store (事件存储) on SQLite: streams, events, appends, reads
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import grassroots._core.autonomy
import grassroots._core.burden
import grassroots._core.calendar
import grassroots._core.division
import grassroots._core.grid
import grassroots._core.ledger
import grassroots._core.people
import grassroots._core.privacy
import grassroots._core.workflow
import os
import pathlib
import typing
__all__: list[str] = ['Anchor', 'AppendRequest', 'AppendResult', 'ChainCheckpoint', 'ChainFinding', 'ChainProblem', 'Durability', 'NewEvent', 'PurgeResult', 'Resident', 'Store', 'StoredEngine', 'StoredEvent', 'StreamInfo', 'Vault', 'VaultEntry', 'VerifyReport', 'anchors_from_json_lines', 'load_autonomy_chain', 'load_burden', 'load_consultation', 'load_grid_map', 'load_ledger', 'load_meeting', 'load_party_members', 'load_redivision', 'load_review', 'load_review_evidence', 'load_review_rules', 'load_social_organisations', 'load_staffing', 'load_volunteers', 'load_workforce', 'open', 'save']
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
    The event store (事件存储): streams of events in one SQLite file (WAL) or a PostgreSQL database. Open with grassroots.store.open(path or 'postgresql://…' URL). Threads may share a Store: its calls take turns, and appends and reads release the GIL.
    """
    def to_pandas(self, after_position: int = ..., limit: int = ...) -> pandas.DataFrame:
        """The events of ``read_all(after_position, limit)`` as a DataFrame indexed by global position: stream_id, stream_version, event_id, type, schema_version, occurred_at and recorded_at (UTC), actor, correlation_id, causation_id, payload (canonical JSON text; empty ids are missing) and hash (the chain hash, hex)."""
    schema_version: typing.ClassVar[int] = 2
    @staticmethod
    def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, *, chain_algorithm: grassroots._core.privacy.HashAlgorithm | None = None, anchor_key: bytes | None = None, anchor_interval: typing.SupportsInt | typing.SupportsIndex = 1000, retention_days: typing.SupportsInt | typing.SupportsIndex = 180, vfs: str = '') -> Store:
        """
        Opens the store at path (a SQLite file, created if missing) or at a postgresql:// URL and migrates it; FileError for a file that is not SQLite, a server that cannot be reached, or a store written by a newer grassroots. chain_algorithm: the hash chain's HashAlgorithm, fixed when the store is created (None: the store's own, SHA256 for a new one; another than the store's: InvalidInputError naming both). anchor_key (bytes, >= 16, kept outside the store): appends write a signed anchor every anchor_interval events. retention_days: purge_before refuses younger events (default 180). vfs: a registered SQLite VFS name such as 'unix-excl' ('' for the default; an unknown name is InvalidInputError).
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
    def delete_snapshots(self, name: str = '') -> int:
        """
        Deletes the snapshots of name ('' = all) and returns how many: loads then replay every event.
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
    def snapshot_position(self, name: str) -> int | None:
        """
        The position of the latest snapshot of name, or None.
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
    def location(self) -> str:
        """
        Where the store is: the file path, or the PostgreSQL URL without its password.
        """
    @property
    def path(self) -> pathlib.Path | None:
        """
        The store's file (None for PostgreSQL: see location).
        """
    @property
    def retention_days(self) -> int:
        """
        The retention in days purge_before() keeps.
        """
class StoredEngine:
    """
    A case engine persisted in a SQLite store (持久化的案件引擎): every setup change and every operation's events are written before the call returns (one transaction per operation; a refusal is written, then raised). StoredEngine.load(path, calendar) rebuilds it — loops, catalogue, responsibility list, actors with their lifecycle, holiday notices — without registering anything by hand. When a write fails, the engine is rebuilt from the store and the error raised. to_engine() gives a CaseEngine copy for DataFrames.
    """
    @staticmethod
    def create(path: os.PathLike | str | bytes, calendar: grassroots._core.calendar.Calendar, options: grassroots._core.workflow.EngineOptions | None = None, divisions: grassroots._core.division.DivisionTree | None = None, grid_map: grassroots._core.grid.GridMap | None = None, durability: Durability = ...) -> StoredEngine:
        """
        A new engine in the store at path (created if missing), which must hold no engine yet (InvalidInputError).
        """
    @staticmethod
    def holds_engine(path: os.PathLike | str | bytes) -> bool:
        """
        True when the store at path holds a case engine.
        """
    @staticmethod
    def load(path: os.PathLike | str | bytes, calendar: grassroots._core.calendar.Calendar, divisions: grassroots._core.division.DivisionTree | None = None, grid_map: grassroots._core.grid.GridMap | None = None, durability: Durability = ...) -> StoredEngine:
        """
        The engine held in the store at path, rebuilt on calendar (plus the notices added at runtime). NotFoundError when it holds none; InvalidInputError when calendar lacks a year the engine was created with, or a stored event does not fit.
        """
    @staticmethod
    def load_or_create(path: os.PathLike | str | bytes, calendar: grassroots._core.calendar.Calendar, options: grassroots._core.workflow.EngineOptions | None = None, divisions: grassroots._core.division.DivisionTree | None = None, grid_map: grassroots._core.grid.GridMap | None = None, durability: Durability = ...) -> StoredEngine:
        """
        load() when the store holds an engine, else create().
        """
    def __enter__(self) -> typing.Any:
        ...
    def __exit__(self, arg0: typing.Any, arg1: typing.Any, arg2: typing.Any) -> None:
        ...
    def __len__(self) -> int:
        """
        Number of cases.
        """
    def __repr__(self) -> str:
        ...
    def actor(self, id: int | str) -> grassroots._core.workflow.Actor:
        """
        The actor (a copy); NotFoundError.
        """
    def add_actor(self, actor: grassroots._core.workflow.Actor) -> int:
        """
        CaseEngine.add_actor, written to the store; returns the int id.
        """
    def add_holiday_notice(self, json: str, source: str) -> None:
        """
        Adds a holiday-cn JSON notice (a year's schedule) to the running engine's calendar, written to the store and used after reload.
        """
    def add_workflow(self, definition: grassroots._core.workflow.WorkflowDefinition) -> None:
        """
        CaseEngine.add_workflow, written to the store.
        """
    def advance(self, now: datetime.datetime) -> int:
        """
        CaseEngine.advance; its events written in one transaction. Returns how many.
        """
    def begin_batch(self) -> None:
        """
        Holds back the writes of later operations until commit_batch() (one transaction).
        """
    def change_actor(self, actor: grassroots._core.workflow.Actor) -> None:
        """
        CaseEngine.change_actor (the actor with this id gets these roles, scope …), written to the store.
        """
    def close(self) -> None:
        """
        Closes the store (an open batch is discarded).
        """
    def commit_batch(self) -> int:
        """
        Writes everything held back since begin_batch() in one transaction; returns the events written.
        """
    def deactivate_actor(self, actor: int | str) -> None:
        """
        CaseEngine.deactivate_actor, written to the store.
        """
    def due_before(self, instant: datetime.datetime) -> list[str]:
        """
        The open cases whose next timer falls before instant, soonest first (what advance(instant) acts on).
        """
    def find_actor(self, id: str) -> int | None:
        """
        The int id of the actor with this string id, or None.
        """
    def is_active(self, actor: int | str) -> bool:
        """
        False once the actor is deactivated.
        """
    def open(self, input: grassroots._core.workflow.CaseInput, reporter: int | str, at: datetime.datetime) -> str:
        """
        CaseEngine.open, its events written before it returns.
        """
    def reopen(self, case: str | str, actor: int | str, at: datetime.datetime, note: str = '') -> None:
        """
        CaseEngine.reopen, written.
        """
    def save_snapshot(self) -> int:
        """
        Saves a snapshot of the engine at the store's last position (replacing older ones) and returns the position; load() then restores it and replays only what follows. InvalidInputError inside a batch.
        """
    def set_catalogue(self, catalogue: grassroots._core.workflow.MatterCatalogue) -> None:
        """
        CaseEngine.set_catalogue, written to the store.
        """
    def set_responsibilities(self, responsibilities: grassroots._core.workflow.ResponsibilityList) -> None:
        """
        CaseEngine.set_responsibilities, written to the store.
        """
    def state(self, case: str | str) -> grassroots._core.workflow.CaseState:
        """
        The state of case (a snapshot); NotFoundError.
        """
    def take(self, case: str | str, transition: str, actor: int | str, at: datetime.datetime, fields: dict[str, str] | list[grassroots._core.workflow.Field] = {}, note: str = '') -> None:
        """
        CaseEngine.take; its events (a refusal's too) are written before it returns or raises.
        """
    def to_engine(self) -> grassroots._core.workflow.CaseEngine:
        """
        An independent CaseEngine copy (not stored): the same setup and events, for DataFrames, Open311 and queries.
        """
    def to_json_lines(self) -> str:
        """
        Every event as JSON lines.
        """
    def work_list(self, unit_or_actor: int | str) -> list[str]:
        """
        The open cases waiting on a unit (its name) or an actor (int id or string id), soonest deadline first.
        """
    @property
    def broken(self) -> bool:
        """
        True when a failed write could not even be followed by a rebuild (load again).
        """
    @property
    def event_count(self) -> int:
        """
        Number of events.
        """
    @property
    def last_position(self) -> int:
        """
        The store's highest global position.
        """
    @property
    def loaded_from_snapshot(self) -> bool:
        """
        True when the last load started from a snapshot (False: none, or stale, or not fitting).
        """
    @property
    def next_timer(self) -> datetime.datetime | None:
        """
        The earliest pending timer (when to call advance next), or None.
        """
    @property
    def path(self) -> pathlib.Path:
        """
        The store's file.
        """
    @property
    def pending(self) -> int:
        """
        Events recorded and not yet written (non-zero only inside a batch).
        """
class Resident:
    """
    A person's identifiers revealed from the vault. repr shows them masked (110105********002X, 138****1234, 张*); the clear values come only through citizen_id.clear_text(), phones[i].clear_text() and clear_name(). Cannot be pickled.
    """
    def __reduce__(self) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def clear_name(self) -> str:
        """
        The clear name ('' if none): call it only where it is needed.
        """
    @property
    def citizen_id(self) -> grassroots._core.privacy.CitizenId:
        """
        The citizen ID number (a CitizenId, masked when shown).
        """
    @property
    def masked_name(self) -> str:
        """
        The masked name ('' if none).
        """
    @property
    def phones(self) -> list[grassroots._core.privacy.PhoneNumber]:
        """
        The phone numbers (PhoneNumber, masked when shown).
        """
    @property
    def pseudonym(self) -> str:
        """
        The keyed pseudonym events carry.
        """
class VaultEntry:
    """
    A person's vault record without its values.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: VaultEntry) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def cipher(self) -> grassroots._core.privacy.Cipher:
        """
        The cipher of the person's values.
        """
    @property
    def forgotten(self) -> bool:
        """
        True once forgotten.
        """
    @property
    def forgotten_at(self) -> typing.Any:
        """
        When forgotten (UTC datetime), None if not.
        """
    @property
    def pseudonym(self) -> str:
        """
        The keyed pseudonym.
        """
    @property
    def registered_at(self) -> typing.Any:
        """
        When registered (UTC datetime).
        """
class Vault:
    """
    The vault (个人信息保管库) of a Store: residents' personal information encrypted per person, reached from events through keyed pseudonyms only, erased by forget(). Open with Vault.open(store, master_key, pseudonym_key); both keys are SecretKeys kept outside the store. Cannot be pickled.
    """
    def to_pandas(self, reveal: bool = ...) -> pandas.DataFrame:
        """Every vault record as a DataFrame indexed by pseudonym: citizen_id, phones (joined by ", "), name, registered_at, forgotten_at (UTC; missing if not forgotten). Values are MASKED (110105********002X, 138****1234, 张*) unless ``reveal=True``, which shows the clear values the vault's keys decrypt. A forgotten person's values are missing: nobody can decrypt them any more."""
    @staticmethod
    def open(store: Store, master_key: grassroots._core.privacy.SecretKey, pseudonym_key: grassroots._core.privacy.SecretKey, cipher: grassroots._core.privacy.Cipher = ...) -> Vault:
        """
        Opens store's vault. The master key must have 32 bytes; the first opening records both keys' check values and later ones must give the same keys (InvalidInputError naming the key by fingerprint). cipher encrypts new people's values (SM4_GCM: NotFoundError where OpenSSL lacks it).
        """
    def __contains__(self, pseudonym: str) -> bool:
        ...
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> typing.Any:
        ...
    def __reduce_ex__(self, protocol: typing.SupportsInt | typing.SupportsIndex) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def entries(self) -> list[VaultEntry]:
        """
        Every VaultEntry, forgotten ones included, by pseudonym.
        """
    def entry(self, pseudonym: str) -> VaultEntry | None:
        """
        The person's VaultEntry, or None.
        """
    def forget(self, pseudonym: str) -> bool:
        """
        Erases the person's data key (crypto-shredding): their values can never be decrypted again; events stay. True when forgotten now, False if already; NotFoundError if unknown.
        """
    def pseudonym_of(self, citizen_id: typing.Any) -> str:
        """
        The pseudonym of a citizen ID number under this vault's key (nothing written).
        """
    def register(self, citizen_id: typing.Any, phones: typing.Any = None, name: str = '') -> str:
        """
        Registers a person (CitizenId or str; phones: PhoneNumbers or str; name: '' for none) and returns their pseudonym. Registering again writes no second record: new phones are added, and the name if none was held. RuleViolationError 'vault.forgotten' for a forgotten person.
        """
    def residents(self) -> list[Resident]:
        """
        Every person not forgotten, revealed (masked when shown).
        """
    def reveal(self, pseudonym: str) -> Resident:
        """
        The person's Resident (clear values inside, masked when shown). NotFoundError if unknown, RuleViolationError 'vault.forgotten' once forgotten.
        """
    def rotate_master_key(self, new_master_key: grassroots._core.privacy.SecretKey) -> None:
        """
        Re-wraps every person's data key under the new master key in one transaction.
        """
    @property
    def master_key_fingerprint(self) -> str:
        """
        The fingerprint of the master key in use.
        """
    @property
    def pseudonym_key_fingerprint(self) -> str:
        """
        The fingerprint of the pseudonym key in use.
        """
def anchors_from_json_lines(text: str) -> list[Anchor]:
    """
    Anchors from JSON lines (blank lines skipped; InvalidInputError naming the line).
    """
def load_autonomy_chain(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.autonomy.AutonomyChain:
    """
    The AutonomyChain saved as `version` (None: the latest) of the stream. NotFoundError for an unknown stream; InvalidInputError (naming stream and version) for another kind, a missing version or a corrupted payload.
    """
def load_burden(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.burden.BurdenLedger:
    """
    The BurdenLedger saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_consultation(store: Store, stream_id: str, chain: grassroots._core.autonomy.AutonomyChain, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.autonomy.ConsultationMeeting:
    """
    The ConsultationMeeting saved as `version` (None: the latest) of the stream, rebuilt over `chain`. InvalidInputError when `chain` is not the chain it was held in (another unit or committee, or a person id now naming someone else); otherwise errors as load_autonomy_chain.
    """
def load_grid_map(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.grid.GridMap:
    """
    The GridMap saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_ledger(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.ledger.DualLedger:
    """
    The DualLedger after the first `version` journal entries (None: all) of the stream, replayed through the ledger's rules; errors as load_autonomy_chain.
    """
def load_meeting(store: Store, stream_id: str, chain: grassroots._core.autonomy.AutonomyChain, rules: grassroots._core.autonomy.RuleSet, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> tuple[grassroots._core.autonomy.MeetingRecord, grassroots._core.autonomy.MeetingResult]:
    """
    (MeetingRecord, MeetingResult) saved as `version` (None: the latest) of the stream, decided again over `chain` under `rules`. InvalidInputError when the chain or the rule set is not the one it was saved with, or the result decided again differs from the stored one (naming the field).
    """
def load_party_members(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.ResidentPartyMembers:
    """
    The ResidentPartyMembers saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_redivision(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.grid.Redivision:
    """
    The Redivision plan saved as `version` (None: the latest) of the stream: its map rebuilt from GeoJSON, changes, households and findings checked against it; errors as load_autonomy_chain.
    """
def load_review(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.ReviewOutcome:
    """
    The ReviewOutcome saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_review_evidence(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.ReviewEvidence:
    """
    The ReviewEvidence saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_review_rules(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.ReviewRules:
    """
    The ReviewRules saved as `version` (None: the latest) of the stream, rebuilt through its constructor (so its checks run again); errors as load_autonomy_chain.
    """
def load_social_organisations(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.SocialOrganisationRegistry:
    """
    The SocialOrganisationRegistry saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_staffing(store: Store, stream_id: str, map: grassroots._core.grid.GridMap, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.grid.GridStaffing:
    """
    The GridStaffing saved as `version` (None: the latest) of the stream, over `map` (which must hold every grid code it names); errors as load_autonomy_chain.
    """
def load_volunteers(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.VolunteerRegistry:
    """
    The VolunteerRegistry saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def load_workforce(store: Store, stream_id: str, version: typing.SupportsInt | typing.SupportsIndex | None = None) -> grassroots._core.people.Workforce:
    """
    The Workforce saved as `version` (None: the latest) of the stream; errors as load_autonomy_chain.
    """
def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, *, chain_algorithm: grassroots._core.privacy.HashAlgorithm | None = None, anchor_key: bytes | None = None, anchor_interval: typing.SupportsInt | typing.SupportsIndex = 1000, retention_days: typing.SupportsInt | typing.SupportsIndex = 180, vfs: str = '') -> Store:
    """
    Opens the store at path (a SQLite file, created if missing) or at a postgresql:// URL and migrates it; FileError for a file that is not SQLite, a server that cannot be reached, or a store written by a newer grassroots. chain_algorithm: the hash chain's HashAlgorithm, fixed when the store is created (None: the store's own, SHA256 for a new one; another than the store's: InvalidInputError naming both). anchor_key (bytes, >= 16, kept outside the store): appends write a signed anchor every anchor_interval events. retention_days: purge_before refuses younger events (default 180). vfs: a registered SQLite VFS name such as 'unix-excl' ('' for the default; an unknown name is InvalidInputError).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.autonomy.AutonomyChain, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.grid.GridMap, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.grid.GridStaffing, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.ledger.DualLedger, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.burden.BurdenLedger, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.Workforce, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.ReviewEvidence, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.ReviewOutcome, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.VolunteerRegistry, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.ResidentPartyMembers, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.SocialOrganisationRegistry, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.people.ReviewRules, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.grid.Redivision, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.autonomy.ConsultationMeeting, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None, *, chain_stream: str) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
@typing.overload
def save(store: Store, stream_id: str, object: grassroots._core.autonomy.MeetingRecord, actor: str, expected_version: typing.SupportsInt | typing.SupportsIndex | None = None, *, chain_stream: str, rules: grassroots._core.autonomy.RuleSet) -> int:
    """
    Saves the object as the next version of stream `stream_id` (autonomy chains, grid maps, staffing, burden ledgers, workforces, evidence, review outcomes, volunteers, party members, social organisations, review rules, redivision plans, consultation meetings and meeting records: one `<kind>_saved` document; a DualLedger: the journal entries the stream lacks, one event each) and returns the stream's version. Saving an object equal to the latest version writes nothing. expected_version (the version it was loaded at) turns a concurrent edit into RuleViolationError (store.expected_version); InvalidInputError for a stream of another kind. A ConsultationMeeting needs chain_stream (the stream of its AutonomyChain, read to check the meeting belongs to it); a MeetingRecord needs chain_stream and rules (the RuleSet it is decided under: its result is stored with it, and a record hold_meeting refuses is not saved).
    """
