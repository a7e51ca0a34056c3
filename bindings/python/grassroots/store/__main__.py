"""Command line of the store: ``python -m grassroots.store verify FILE [--anchors F --key-file K]``.

Verifies the hash chain of the store FILE and prints one line per finding (``position N: problem:
detail``) or one ``ok`` line. With ``--anchors`` (JSON lines, as ``Store.export_anchors()`` writes
them, kept outside the store) and ``--key-file`` (the anchor key's bytes; one trailing newline is
dropped) the anchors are checked too; with ``--key-file`` alone, the anchors kept in the store.
Exit status: 0 the chain verifies, 1 it does not, 2 bad arguments or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import GrassrootsError
from . import Store, anchors_from_json_lines


def _read_key(path: str) -> bytes:
    with open(path, "rb") as handle:
        key = handle.read()
    if key.endswith(b"\r\n"):
        key = key[:-2]
    elif key.endswith(b"\n"):
        key = key[:-1]
    return key


def _verify(args: argparse.Namespace) -> int:
    if args.anchors and not args.key_file:
        print("error: --anchors needs --key-file (the key that signed them)", file=sys.stderr)
        return 2
    if not os.path.isfile(args.file):
        print(f"error: {args.file}: no such store file", file=sys.stderr)
        return 2
    try:
        key = _read_key(args.key_file) if args.key_file else None
        anchors = None
        if args.anchors:
            with open(args.anchors, encoding="utf-8") as handle:
                anchors = anchors_from_json_lines(handle.read())
        store = Store.open(args.file)
        report = store.verify(anchors=anchors, key=key)
    except (GrassrootsError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for finding in report.findings:
        print(f"position {finding.position}: {finding.problem.name.lower()}: {finding.detail}")
    if report.ok:
        print(
            f"ok: {report.events_checked} events from position {report.start_position + 1} to "
            f"{report.last_position}, {report.anchors_checked} anchors, "
            f"{report.algorithm.name.lower()} head {report.head_hash}"
        )
        return 0
    print(f"broken: first at position {report.first_broken_position} ({len(report.findings)} findings)")
    return 1


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m grassroots.store", description="The grassroots event store.")
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", help="verify a store's hash chain (and anchors)")
    verify.add_argument("file", help="the store file")
    verify.add_argument("--anchors", help="anchors as JSON lines, kept outside the store")
    verify.add_argument("--key-file", help="file holding the anchor key's bytes")
    args = parser.parse_args(argv)
    return _verify(args)


if __name__ == "__main__":
    sys.exit(main())
