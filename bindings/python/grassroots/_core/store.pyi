"""
The durable event store (事件存储) on SQLite: streams, events, appends, reads
"""
from __future__ import annotations
import pandas
import collections.abc
import datetime
import grassroots._core.calendar
import grassroots._core.division
import grassroots._core.grid
import grassroots._core.workflow
import os
import pathlib
import typing
__all__: list[str] = ['AppendRequest', 'AppendResult', 'Durability', 'NewEvent', 'Store', 'StoredEngine', 'StoredEvent', 'StreamInfo', 'open']
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
class Store:
    """
    The event store (事件存储): streams of events in one SQLite file (WAL). Open with grassroots.store.open(path). Not for use by two threads at once.
    """
    def to_pandas(self, after_position: int = ..., limit: int = ...) -> pandas.DataFrame:
        """The events of ``read_all(after_position, limit)`` as a DataFrame indexed by global position: stream_id, stream_version, event_id, type, schema_version, occurred_at and recorded_at (UTC), actor, correlation_id, causation_id and payload (canonical JSON text; empty ids are missing)."""
    schema_version: typing.ClassVar[int] = 2
    @staticmethod
    def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000) -> Store:
        """
        Opens (creating it if missing) the store at path and migrates it; FileError for a file that is not SQLite or was written by a newer grassroots.
        """
    def __repr__(self) -> str:
        ...
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
    @property
    def applied_schema_versions(self) -> list[int]:
        """
        The schema versions applied to the file, oldest first.
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
    def due_before(self, instant: datetime.datetime) -> list[int]:
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
    def open(self, input: grassroots._core.workflow.CaseInput, reporter: int | str, at: datetime.datetime) -> int:
        """
        CaseEngine.open, its events written before it returns.
        """
    def reopen(self, case: int | str, actor: int | str, at: datetime.datetime, note: str = '') -> None:
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
    def state(self, case: int | str) -> grassroots._core.workflow.CaseState:
        """
        The state of case (a snapshot); NotFoundError.
        """
    def take(self, case: int | str, transition: str, actor: int | str, at: datetime.datetime, fields: dict[str, str] | list[grassroots._core.workflow.Field] = {}, note: str = '') -> None:
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
    def work_list(self, unit_or_actor: int | str) -> list[int]:
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
def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000) -> Store:
    """
    Opens (creating it if missing) the SQLite store at path: Store.open.
    """
