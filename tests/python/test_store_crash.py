"""Crash safety of grassroots.store from Python (issue 13 §4; the C++ crash suites are in tests/crash).

A disk that fills up mid-append: a small filesystem is not available to tests, so a child process
makes its own disk "full" through SQLite's system-call override (the unix VFS's xSetSystemCall):
pwrite() to the store's files fails with ENOSPC, exactly what a full disk returns. The child checks
that appends fail with FileError naming the file, nothing is half-written, reads still work, and
appending works again once "space returns"; the parent reopens the store and checks it. The child
is bounded by a timeout. Also: StoreOptions.vfs from Python (a named SQLite VFS; bad names refused).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import grassroots
import grassroots.store as gs

# Runs in a child process: the override changes the process's SQLite for good.
CHILD = textwrap.dedent(
    r"""
    import ctypes, errno, json, os, sys
    import grassroots, grassroots.store as gs

    path = sys.argv[1]
    store = gs.open(path)  # loads the extension, and with it the shared libsqlite3
    sqlite = ctypes.CDLL("libsqlite3.so.0")

    class Vfs(ctypes.Structure):  # struct sqlite3_vfs, version 3
        pass
    pointer = ctypes.c_void_p
    Vfs._fields_ = [("iVersion", ctypes.c_int), ("szOsFile", ctypes.c_int), ("mxPathname", ctypes.c_int),
                    ("pNext", pointer), ("zName", ctypes.c_char_p), ("pAppData", pointer)] + [
                    (name, pointer) for name in ("xOpen", "xDelete", "xAccess", "xFullPathname", "xDlOpen",
                    "xDlError", "xDlSym", "xDlClose", "xRandomness", "xSleep", "xCurrentTime", "xGetLastError",
                    "xCurrentTimeInt64", "xSetSystemCall", "xGetSystemCall")]
    sqlite.sqlite3_vfs_find.restype = ctypes.POINTER(Vfs)
    vfs = sqlite.sqlite3_vfs_find(None)
    SET = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(Vfs), ctypes.c_char_p, pointer)
    GET = ctypes.CFUNCTYPE(pointer, ctypes.POINTER(Vfs), ctypes.c_char_p)
    set_call, get_call = SET(vfs.contents.xSetSystemCall), GET(vfs.contents.xGetSystemCall)
    PWRITE = ctypes.CFUNCTYPE(ctypes.c_ssize_t, ctypes.c_int, pointer, ctypes.c_size_t, ctypes.c_int64,
                              use_errno=True)
    full = False
    keep = []

    def override(name):  # False when this SQLite has no such system call
        address = get_call(vfs, name)
        if not address:
            return False
        original = PWRITE(address)
        def pwrite(fd, buffer, count, offset):
            if full and not os.readlink(f"/proc/self/fd/{fd}").endswith("-shm"):
                ctypes.set_errno(errno.ENOSPC)
                return -1
            return original(fd, buffer, count, offset)
        keep.append(PWRITE(pwrite))
        assert set_call(vfs, name, ctypes.cast(keep[-1], pointer)) == 0, name
        return True

    assert [override(b"pwrite"), override(b"pwrite64")] != [False, False], "no pwrite to override"

    def batch(n):  # a recognisable batch: 2 streams, 3 events, each payload naming the batch
        return [gs.AppendRequest(f"s{n % 3}", "crash", None,
                                 [gs.NewEvent(f"b{n}-{i}", "t", {"batch": n, "pad": "x" * 3000}) for i in range(2)]),
                gs.AppendRequest("log", "crash", None, [gs.NewEvent(f"b{n}-2", "t", {"batch": n})])]

    report = {"errors": [], "batches_before": 0}
    for n in range(20):
        store.append_batch(batch(n))
    report["batches_before"] = 20
    full = True
    for n in range(20, 25):
        try:
            store.append_batch(batch(n))
            report["errors"].append(None)
        except grassroots.FileError as error:
            report["errors"].append(str(error))
        report.setdefault("events_while_full", []).append(len(store.read_all()))
    full = False
    store.append_batch(batch(20))  # space is back: the first refused batch goes through
    report["events_after"] = len(store.read_all())
    print(json.dumps(report))
    """
)


def run_child(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=60, env=os.environ.copy()
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and the unix VFS's system calls")
def test_a_full_disk_refuses_appends_writes_nothing_half_and_recovers(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    report = run_child(path)
    assert report["batches_before"] == 20
    # Every append while the disk was full failed with a FileError naming the file and the cause.
    assert len(report["errors"]) == 5
    for message in report["errors"]:
        assert message is not None, "an append went through on a full disk"
        assert str(path) in message
        assert "disk is full" in message
    # Nothing was half-written: reads while full saw the 20 whole batches, never part of one.
    assert report["events_while_full"] == [60] * 5
    assert report["events_after"] == 63
    # The store reopens consistent: 21 whole batches, positions without holes, streams consistent.
    store = gs.open(path)
    events = store.read_all()
    assert [e.position for e in events] == list(range(1, 64))
    batches: dict[int, int] = {}
    for e in events:
        batches[e.payload["batch"]] = batches.get(e.payload["batch"], 0) + 1
    assert batches == {n: 3 for n in range(21)}
    assert {s.stream_id: s.version for s in store.streams()} == {"log": 21, "s0": 14, "s1": 14, "s2": 14}


def test_a_store_opens_through_a_named_sqlite_vfs(tmp_path: Path) -> None:
    # unix-excl: SQLite's VFS that locks the file exclusively (one process; e.g. network filesystems).
    store = gs.open(tmp_path / "excl.db", vfs="unix-excl", durability=gs.Durability.NORMAL)
    store.append("a", "case", 0, [gs.NewEvent("e1", "case_opened", {"x": 1})])
    assert store.last_position == 1


def test_an_unknown_vfs_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(grassroots.InvalidInputError, match="no SQLite VFS named 'no-such-vfs'"):
        gs.open(tmp_path / "x.db", vfs="no-such-vfs")
    assert not (tmp_path / "x.db").exists()
