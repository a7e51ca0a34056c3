"""grassroots.store on SQLite and PostgreSQL: open, append (versions, idempotency, batches), read,
to_pandas, threads, bad input."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import grassroots
import grassroots.store as gs

UTC = datetime.timezone.utc


def event(event_id: str, payload: dict | None = None, **kwargs: object) -> gs.NewEvent:
    return gs.NewEvent(event_id, "case_opened", {"b": 2, "a": 1} if payload is None else payload, **kwargs)


@pytest.fixture
def store(store_location: str) -> gs.Store:
    return gs.open(store_location)


def test_open_gives_an_empty_store_at_the_current_schema(store: gs.Store, store_location: str) -> None:
    assert store.applied_schema_versions == [1, 2] and gs.Store.schema_version == 2
    assert store.last_position == 0
    assert store.streams() == []
    assert store.read_all() == []
    assert store.durability == gs.Durability.FULL
    assert store.location == store_location
    assert store.path == (None if store_location.startswith("postgresql://") else Path(store_location))
    assert f"Store('{store_location}'" in repr(store)


def test_append_and_read_back_with_dict_payloads(store: gs.Store) -> None:
    when = datetime.datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    result = store.append("case-1", "case", 0, [event("e1", occurred_at=when, actor="worker-7"), event("e2")])
    assert (result.first_position, result.last_position, result.stream_version, result.duplicate) == (1, 2, 2, False)
    assert store.append("case-2", "case", None, [event("e3", {"社区": "锦苑"})]).first_position == 3
    first, second = store.read_stream("case-1")
    assert first.payload == {"a": 1, "b": 2}
    assert first.payload_json == '{"a":1,"b":2}'
    assert first.occurred_at == when
    assert first.actor == "worker-7"
    assert second.occurred_at == second.recorded_at
    assert second.recorded_at.tzinfo is not None
    assert [e.event_id for e in store.read_all(1)] == ["e2", "e3"]
    assert store.read_all(0, 1)[0].event_id == "e1"
    assert store.read_stream("case-1", 2)[0].event_id == "e2"
    assert store.read_all(2)[0].payload == {"社区": "锦苑"}
    assert store.streams() == [store.streams()[0], store.streams()[1]]
    assert [(s.stream_id, s.kind, s.version) for s in store.streams()] == [("case-1", "case", 2), ("case-2", "case", 1)]
    assert store.stream_version("case-1") == 2
    assert store.stream_version("none") == 0


def test_events_survive_reopening(store_location: str) -> None:
    first = gs.open(store_location, durability=gs.Durability.NORMAL)
    first.append("a", "case", 0, [event("e1")])
    before = first.read_all()
    del first
    again = gs.Store.open(store_location)
    assert again.read_all() == before
    assert again.durability == gs.Durability.FULL


def test_a_version_conflict_is_an_error_naming_both_versions_and_writes_nothing(store: gs.Store) -> None:
    store.append("case-1", "case", 0, [event("e1")])
    with pytest.raises(grassroots.RuleViolationError, match=r"'case-1': expected version 0, but the stream is at version 1") as caught:
        store.append("case-1", "case", 0, [event("e2")])
    assert caught.value.rule_id == "store.expected_version"
    assert store.last_position == 1


def test_a_repeated_append_returns_the_original_positions(store: gs.Store) -> None:
    original = store.append("case-1", "case", 0, [event("e1"), event("e2")])
    again = store.append("case-1", "case", 0, [event("e1"), event("e2")])
    assert again.duplicate
    assert (again.first_position, again.last_position) == (original.first_position, original.last_position)
    assert store.last_position == 2
    with pytest.raises(grassroots.InvalidInputError, match="'e3' is new"):
        store.append("case-1", "case", 2, [event("e1"), event("e3")])


def test_a_batch_is_one_transaction(store: gs.Store) -> None:
    results = store.append_batch(
        [gs.AppendRequest("a", "case", 0, [event("a1")]), gs.AppendRequest("b", "case", 0, [event("b1"), event("b2")])]
    )
    assert [r.last_position for r in results] == [1, 3]
    with pytest.raises(grassroots.RuleViolationError, match="stream 'a'"):
        store.append_batch([gs.AppendRequest("c", "case", 0, [event("c1")]), gs.AppendRequest("a", "case", 0, [event("a2")])])
    assert store.stream_version("c") == 0
    assert store.last_position == 3


def test_to_pandas(store: gs.Store) -> None:
    pd = pytest.importorskip("pandas")
    store.append("case-1", "case", 0, [event("e1", actor="w"), event("e2")])
    frame = store.to_pandas()
    assert list(frame.index) == [1, 2]
    assert frame.index.name == "position"
    assert list(frame["event_id"]) == ["e1", "e2"]
    assert frame["actor"].isna().tolist() == [False, True]
    assert str(frame["recorded_at"].dtype).startswith("datetime64")
    assert frame.loc[1, "payload"] == '{"a":1,"b":2}'
    assert len(store.to_pandas(after_position=1)) == 1
    assert len(store.to_pandas(after_position=2)) == 0
    assert isinstance(store.to_pandas(after_position=2), pd.DataFrame)


def test_value_objects(store: gs.Store) -> None:
    import pickle

    new = event("e1", actor="w")
    assert new == event("e1", actor="w")
    assert pickle.loads(pickle.dumps(new)) == new
    assert "NewEvent(" in repr(new)
    request = gs.AppendRequest("a", "case", None, [new])
    assert request.expected_version is None
    assert pickle.loads(pickle.dumps(request)) == request
    with pytest.raises(AttributeError):
        new.event_id = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: gs.NewEvent("e", "t", [1, 2]), "must be a dict, not list"),  # type: ignore[arg-type]
        (lambda: gs.NewEvent("e", "t", {"x": float("nan")}), "not JSON"),
        (lambda: gs.NewEvent("e", "t", {"x": object()}), "not JSON"),
        (lambda: gs.NewEvent("e", "t", {"a": {"b": [1, 10**400]}}), r"at key 'a\.b\[1\]': the number 1000.* beyond the range"),
        (lambda: gs.NewEvent("e", "t", {}, occurred_at=datetime.datetime(2024, 1, 1)), "naive datetime"),
        (lambda: gs.NewEvent("e", "t", {}, occurred_at="2024-01-01"), "must be a datetime"),  # type: ignore[arg-type]
    ],
)
def test_bad_events_are_refused(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(grassroots.InvalidInputError, match=message):
        make()


def test_payload_numbers_keep_their_canonical_form() -> None:
    payload = {"big": 2**64, "max": 2**64 - 1, "min": -(2**63), "f": 1e16, "g": 0.1, "h": 1.5e-7, "i": 100.0}
    assert gs.NewEvent("e", "t", payload).payload_json == (
        '{"big":1.8446744073709552e+19,"f":1e+16,"g":0.1,"h":1.5e-07,"i":100.0,'
        '"max":18446744073709551615,"min":-9223372036854775808}'
    )


def test_bad_appends_are_refused_and_write_nothing(store: gs.Store) -> None:
    with pytest.raises(grassroots.InvalidInputError, match="stream id is empty"):
        store.append("", "case", 0, [event("e1")])
    with pytest.raises(grassroots.InvalidInputError, match="no events"):
        store.append("a", "case", 0, [])
    with pytest.raises(grassroots.InvalidInputError, match="event 2: the event id is empty"):
        store.append("a", "case", 0, [event("e1"), event("")])
    with pytest.raises(grassroots.InvalidInputError, match="appears twice"):
        store.append("a", "case", 0, [event("e1"), event("e1")])
    with pytest.raises(grassroots.InvalidInputError, match="expected version -5"):
        store.append("a", "case", -5, [event("e1")])
    with pytest.raises(TypeError):
        store.append("a", "case", 0, [{"event_id": "e1"}])  # type: ignore[list-item]
    with pytest.raises(grassroots.InvalidInputError, match="from_version 0"):
        store.read_stream("a", 0)
    with pytest.raises(grassroots.InvalidInputError, match="after_position -1"):
        store.read_all(-1)
    assert store.last_position == 0


def test_bad_files_are_refused_clearly(tmp_path: Path) -> None:
    text = tmp_path / "cases.csv"
    text.write_text("case_id,status\n1,open\nnot a database, a CSV file with enough bytes in it......\n", encoding="utf-8")
    with pytest.raises(grassroots.FileError, match="not a SQLite database"):
        gs.open(text)
    with pytest.raises(grassroots.FileError, match="is a directory"):
        gs.open(tmp_path)
    with pytest.raises(grassroots.FileError, match="cannot open"):
        gs.open(tmp_path / "no" / "such.db")
    with pytest.raises(grassroots.InvalidInputError, match="busy_timeout_ms"):
        gs.open(tmp_path / "x.db", busy_timeout_ms=-1)


def test_a_store_from_a_newer_version_is_refused(store_location: str, store_sql: Callable[[str, str], None]) -> None:
    del_me = gs.open(store_location)
    del del_me
    store_sql(store_location, "INSERT INTO schema_versions(version, description) VALUES (99, 'future')")
    with pytest.raises(grassroots.FileError, match=r"newer version of grassroots \(store schema version 99"):
        gs.open(store_location)


def test_threads_may_share_one_store_and_appends_release_the_gil(store: gs.Store) -> None:
    errors: list[BaseException] = []

    def work(t: int) -> None:
        try:
            for i in range(25):
                store.append(f"s{t}", "case", i, [event(f"t{t}-{i}")])
                store.read_all(max(0, store.last_position - 3))
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.last_position == 100
    assert [e.position for e in store.read_all()] == list(range(1, 101))
    assert store.stream_version("s3") == 25


def test_a_tailing_reader_never_skips_an_event_while_two_writers_append(store_location: str) -> None:
    gs.open(store_location)  # the schema, before the writers race for it
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        try:
            mine = gs.open(store_location)
            for b in range(20):
                mine.append_batch([gs.AppendRequest(f"w{w}-{i}", "case", None, [event(f"w{w}-{b}-{i}")]) for i in range(5)])
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    writers = [threading.Thread(target=writer, args=(w,)) for w in range(2)]
    for thread in writers:
        thread.start()
    reader = gs.open(store_location)
    seen: list[int] = []
    while True:
        last_round = not any(t.is_alive() for t in writers)
        after = seen[-1] if seen else 0
        seen += [e.position for e in reader.read_all(after)]
        if last_round:
            break
    assert errors == []
    assert seen == list(range(1, 201))


def test_a_postgresql_location_hides_the_password(store_location: str, tmp_path: Path) -> None:
    if not store_location.startswith("postgresql://"):
        pytest.skip("PostgreSQL only")
    store = gs.open(store_location + "&password=hunter2")  # the test server trusts local users
    assert store.location == store_location
    assert "hunter2" not in repr(store)
    url = f"postgresql://someone:hunter2@/no_such_database?host={tmp_path}"
    with pytest.raises(grassroots.FileError, match="cannot connect") as caught:
        gs.open(url)
    assert "hunter2" not in str(caught.value)
    assert "postgresql://someone@/no_such_database" in str(caught.value)
