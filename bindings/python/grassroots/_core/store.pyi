"""
The durable event store (事件存储) on SQLite: streams, events, appends, reads
"""
from __future__ import annotations
import pandas
import collections.abc
import os
import pathlib
import typing
__all__: list[str] = ['AppendRequest', 'AppendResult', 'Durability', 'NewEvent', 'Store', 'StoredEvent', 'StreamInfo', 'open']
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
    def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, vfs: str = '') -> Store:
        """
        Opens (creating it if missing) the store at path and migrates it; FileError for a file that is not SQLite or was written by a newer grassroots. vfs: a registered SQLite VFS name such as 'unix-dotfile' ('' for the default; an unknown name is InvalidInputError).
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
def open(path: os.PathLike | str | bytes, durability: Durability = ..., busy_timeout_ms: typing.SupportsInt | typing.SupportsIndex = 5000, vfs: str = '') -> Store:
    """
    Opens (creating it if missing) the SQLite store at path: Store.open.
    """
