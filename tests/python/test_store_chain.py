"""grassroots.store tamper evidence: the hash chain, verify, anchors, retention and the CLI.

The database file is edited behind the store's back with the sqlite3 module: a byte flipped in a
payload, an actor or a hash; an event deleted, two swapped, one inserted; the tail truncated (caught
only with an anchor) — each is caught at the right position.
"""

from __future__ import annotations

import datetime
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import grassroots
import grassroots.store as gs

UTC = datetime.timezone.utc
KEY = b"the auditor's anchor key, 32 b."


def filled(path: Path, n: int, **options: object) -> gs.Store:
    store = gs.open(path, **options)
    for i in range(1, n + 1):
        store.append(f"case-{i % 3}", "case", None, [gs.NewEvent(f"e{i}", "noted", {"n": i}, actor="worker-7")])
    return store


def raw(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def check(path: Path, **kwargs: object) -> gs.VerifyReport:
    return gs.open(path).verify(**kwargs)


def test_appends_chain_and_verify(tmp_path: Path) -> None:
    store = filled(tmp_path / "s.db", 7)
    events = store.read_all()
    assert all(len(e.hash) == 64 for e in events)
    report = store.verify()
    assert report.ok and bool(report)
    assert (report.events_checked, report.first_broken_position, report.last_position) == (7, 0, 7)
    assert report.head_hash == events[-1].hash
    assert report.algorithm == grassroots.HashAlgorithm.SHA256 == store.chain_algorithm
    assert report.findings == []
    assert "VerifyReport(ok=True" in repr(report)


@pytest.mark.parametrize(
    ("edit", "position", "problem"),
    [
        ("UPDATE events SET payload = '{\"n\":6}' WHERE position = 5", 5, gs.ChainProblem.HASH_MISMATCH),
        ("UPDATE events SET actor = 'worker-8' WHERE position = 3", 3, gs.ChainProblem.HASH_MISMATCH),
        ("UPDATE events SET hash = zeroblob(32) WHERE position = 6", 6, gs.ChainProblem.HASH_MISMATCH),
        ("DELETE FROM events WHERE position = 4", 4, gs.ChainProblem.GAP),
    ],
    ids=["payload", "actor", "hash", "delete"],
)
def test_edits_behind_the_stores_back_are_caught_where_they_are(
    tmp_path: Path, edit: str, position: int, problem: gs.ChainProblem
) -> None:
    path = tmp_path / "s.db"
    filled(path, 8)
    raw(path, edit)
    report = check(path)
    assert not report.ok
    assert report.first_broken_position == position
    assert report.findings[0].problem == problem
    assert report.findings[0].position == position
    assert f"position {position}" in str(report.findings[0])


def test_swapped_and_inserted_events_are_caught(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    filled(path, 9)
    raw(
        path,
        "UPDATE events SET position = -2 WHERE position = 2",
        "UPDATE events SET position = 2 WHERE position = 5",
        "UPDATE events SET position = 5 WHERE position = -2",
    )
    assert check(path).first_broken_position == 2

    path = tmp_path / "t.db"
    filled(path, 9)
    raw(
        path,
        "UPDATE events SET position = position + 100 WHERE position > 6",
        "UPDATE events SET position = position - 99 WHERE position > 100",
        "INSERT INTO events(position, stream_id, stream_version, event_id, type, schema_version, occurred_at, "
        "recorded_at, actor, payload, hash) SELECT 7, 'case-1', 99, 'forged', 'noted', 1, occurred_at, "
        "recorded_at, actor, '{}', hash FROM events WHERE position = 6",
    )
    report = check(path)
    assert report.first_broken_position == 7
    assert report.events_checked == 10


def test_truncation_is_caught_only_with_an_anchor(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = filled(path, 6)
    anchor = store.anchor(KEY)
    assert anchor.position == 6 and anchor.signature_valid(KEY) and not anchor.signature_valid(b"x" * 16)
    exported = store.export_anchors()
    assert gs.Anchor.from_json(anchor.to_json()) == anchor
    del store
    raw(path, "DELETE FROM events WHERE position > 4", "DELETE FROM anchors")
    assert check(path).ok  # the limit: a shorter chain is still a valid chain
    report = check(path, anchors=gs.anchors_from_json_lines(exported), key=KEY)
    assert report.first_broken_position == 5
    assert report.findings[0].problem == gs.ChainProblem.TRUNCATED


def test_automatic_anchors_and_a_rewritten_chain(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = filled(path, 25, anchor_key=KEY, anchor_interval=10)
    assert [a.position for a in store.anchors()] == [10, 20]
    assert store.verify(key=KEY).anchors_checked == 2
    exported = store.export_anchors()
    del store
    raw(path, "UPDATE anchors SET created_at = created_at + 1 WHERE position = 20")
    report = check(path, key=KEY)
    assert report.findings[0].problem == gs.ChainProblem.BAD_ANCHOR_SIGNATURE
    assert check(path, anchors=gs.anchors_from_json_lines(exported), key=KEY).ok


def test_sm3_is_fixed_when_the_store_is_created(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = filled(path, 3, chain_algorithm=grassroots.HashAlgorithm.SM3)
    assert store.chain_algorithm == grassroots.HashAlgorithm.SM3 and store.verify().ok
    del store
    assert gs.open(path).chain_algorithm == grassroots.HashAlgorithm.SM3
    with pytest.raises(grassroots.InvalidInputError, match="uses sm3, but it was opened with sha256"):
        gs.open(path, chain_algorithm=grassroots.HashAlgorithm.SHA256)


def test_retention_refuses_young_events_and_a_purge_keeps_a_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = filled(path, 5)
    assert store.retention_days == 180
    with pytest.raises(grassroots.RuleViolationError, match="retention of 180 days"):
        store.purge_before(datetime.datetime.now(UTC))
    assert len(store.read_all()) == 5
    del store
    store = gs.open(path, retention_days=0)
    before = store.read_all()
    time.sleep(0.002)
    purged = store.purge_before(datetime.datetime.now(UTC))
    assert purged.events_removed == 4
    assert purged.checkpoint == store.checkpoint
    assert (store.checkpoint.position, store.checkpoint.hash) == (4, before[3].hash)
    report = store.verify()
    assert report.ok and report.start_position == 4 and report.events_checked == 1


def test_bad_chain_input_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with pytest.raises(grassroots.InvalidInputError, match="at least 16"):
        gs.open(path, anchor_key=b"short")
    with pytest.raises(grassroots.InvalidInputError, match="anchor_interval 0"):
        gs.open(path, anchor_interval=0)
    with pytest.raises(grassroots.InvalidInputError, match="retention_days -1"):
        gs.open(path, retention_days=-1)
    store = gs.open(path)
    with pytest.raises(grassroots.InvalidInputError, match="no events"):
        store.anchor(KEY)
    store.append("s", "case", 0, [gs.NewEvent("x", "t")])
    anchor = store.anchor(KEY)
    with pytest.raises(grassroots.InvalidInputError, match="without the anchor key"):
        store.verify(anchors=[anchor])
    with pytest.raises(TypeError):
        store.anchor("not bytes")  # type: ignore[arg-type]
    with pytest.raises(grassroots.InvalidInputError, match="naive"):
        store.purge_before(datetime.datetime(2020, 1, 1))
    with pytest.raises(grassroots.InvalidInputError, match="line 1"):
        gs.anchors_from_json_lines('{"position": 1}')


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "grassroots.store", *map(str, args)], capture_output=True, text=True, check=False
    )


def test_the_command_line_verifies_with_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = filled(path, 6)
    store.anchor(KEY)
    (tmp_path / "anchors.jsonl").write_text(store.export_anchors(), encoding="utf-8")
    (tmp_path / "key").write_bytes(KEY + b"\n")
    del store
    ok = cli("verify", path, "--anchors", tmp_path / "anchors.jsonl", "--key-file", tmp_path / "key")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("ok: 6 events") and "1 anchors" in ok.stdout

    raw(path, "UPDATE events SET actor = 'someone' WHERE position = 2", "DELETE FROM events WHERE position = 6")
    broken = cli("verify", path, "--anchors", tmp_path / "anchors.jsonl", "--key-file", tmp_path / "key")
    assert broken.returncode == 1
    lines = broken.stdout.splitlines()
    assert lines[0].startswith("position 2: hash_mismatch:")
    assert lines[1].startswith("position 6: truncated:")
    assert lines[-1] == "broken: first at position 2 (2 findings)"

    assert cli("verify", tmp_path / "missing.db").returncode == 2
    assert cli("verify", path, "--anchors", tmp_path / "anchors.jsonl").returncode == 2
    assert cli("nothing").returncode == 2
