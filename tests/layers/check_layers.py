#!/usr/bin/env python3
"""The layering test: no area of grassroots includes a header from an area above it or beside it.

The rule is data, cmake/layers.json: each area and the areas it sits on directly. An area may
include itself and every area below it (the rule is transitive). This script scans

  include/grassroots/<area>/   public headers (the top-level error.hpp, fwd.hpp, version.hpp count
                               as core; the umbrella grassroots.hpp sits above every area)
  src/<area>/                  the library's sources and internal headers
  bindings/python/src/<area>/  the Python bindings (common/ and errors/ count as the areas the rule
                               names for them; the top-level module.cpp sits above every area)

for `#include "grassroots/<area>/..."` and for includes of internal headers ("<area>/...",
"../<area>/...", a file in the same folder), and fails naming file:line, the including area, the
included area and what that area may include.

Usage: check_layers.py [--root PROJECT] [--rule RULE.json]     (exit status 1 when a layer leaks)
Standard library only; run by ctest as layers.check.
"""
from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

UMBRELLA = "umbrella"
SOURCE_SUFFIXES = {".hpp", ".h", ".hh", ".ipp", ".inl", ".cpp", ".cc", ".cxx"}
INCLUDE_LINE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')

# The scanned trees: (folder relative to the project, kind). Folders under each are areas.
TREES = (("include/grassroots", "include"), ("src", "src"), ("bindings/python/src", "bindings"))


@dataclass(frozen=True)
class Rule:
    """The layering rule read from cmake/layers.json."""

    sits_on: dict[str, list[str]]        # area -> areas it sits on directly
    top_level_headers: dict[str, str]    # include/grassroots/<name> -> area
    binding_folders: dict[str, str]      # bindings/python/src/<folder> that is not an area -> area

    def below(self, area: str) -> set[str]:
        """The areas `area` may include: itself and everything below it."""
        if area == UMBRELLA:
            return set(self.sits_on) | {UMBRELLA}
        seen = {area}
        todo = list(self.sits_on[area])
        while todo:
            lower = todo.pop()
            if lower not in seen:
                seen.add(lower)
                todo.extend(self.sits_on[lower])
        return seen

    def order(self) -> list[str]:
        """The areas bottom-up (each after the areas it sits on), ties in the file's order."""
        placed: list[str] = []
        while len(placed) < len(self.sits_on):
            for area, lower in self.sits_on.items():
                if area not in placed and all(x in placed for x in lower):
                    placed.append(area)
                    break
        return placed


@dataclass(frozen=True)
class Violation:
    """One include that goes up or sideways."""

    path: str       # relative to the project, with /
    line: int
    area: str
    included: str
    header: str
    allowed: tuple[str, ...]

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: {self.area} includes {self.included} (\"{self.header}\"); "
                f"{self.area} may include only: {', '.join(self.allowed)}")


def load_rule(path: Path) -> Rule:
    """Reads and validates the rule: known areas only, no cycles."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sits_on = {area: list(entry["sits_on"]) for area, entry in data["areas"].items()}
    problems = []
    for area, lower in sits_on.items():
        for other in lower:
            if other not in sits_on:
                problems.append(f"{area} sits on {other}, which is not an area")
    for name, area in {**data["top_level_headers"], **data["binding_folders"]}.items():
        if area not in sits_on and area != UMBRELLA:
            problems.append(f"{name} is assigned to {area}, which is not an area")
    if problems:
        raise SystemExit(f"{path}: " + "; ".join(problems))
    rule = Rule(sits_on, dict(data["top_level_headers"]), dict(data["binding_folders"]))
    # A cycle would leave an area that can never be placed.
    placed: set[str] = set()
    while True:
        ready = {a for a, lower in sits_on.items() if a not in placed and set(lower) <= placed}
        if not ready:
            break
        placed |= ready
    if len(placed) < len(sits_on):
        raise SystemExit(f"{path}: the layers form a cycle among {', '.join(sorted(set(sits_on) - placed))}")
    return rule


class Checker:
    """Scans the three trees of one project folder against a rule."""

    def __init__(self, root: Path, rule: Rule) -> None:
        self.root = root
        self.rule = rule
        self.violations: list[Violation] = []
        self.unknown: list[str] = []
        self.files = 0
        self.includes = 0

    def area_of(self, kind: str, relative: str) -> str | None:
        """The area of a file given by its path inside one tree (None: not covered by the rule)."""
        parts = relative.split("/")
        if len(parts) == 1:
            if kind == "include":
                return self.rule.top_level_headers.get(parts[0])
            return UMBRELLA if kind == "bindings" else None
        folder = parts[0]
        if folder in self.rule.sits_on:
            return folder
        if kind == "bindings":
            return self.rule.binding_folders.get(folder)
        return None

    def included_area(self, kind: str, tree: Path, source: Path, header: str, quoted: bool) -> str | None:
        """The area a header belongs to, or None when it is not one of ours (std, Boost, pybind11)."""
        if header.startswith("grassroots/"):
            return self.area_of("include", header[len("grassroots/"):]) or "an unknown area"
        if not quoted or kind == "include":
            return None
        here = source.parent.relative_to(tree).as_posix()
        if "/" not in header and (source.parent / header).exists():
            target = posixpath.join(here, header)             # a file in the same folder
        elif header.startswith(("./", "../")):
            target = posixpath.normpath(posixpath.join(here, header))
            if target.startswith(".."):
                return None
        elif "/" in header:
            target = header                                   # relative to the tree (src/ or bindings' src/)
        else:
            found = [f for f in self.rule.binding_folders if (tree / f / header).exists()] if kind == "bindings" else []
            if not found:
                return None
            target = posixpath.join(found[0], header)         # a shared binding helper (src/common)
        if "/" not in target:
            return None
        return self.area_of(kind, target)

    def check_file(self, kind: str, tree: Path, source: Path, area: str) -> None:
        self.files += 1
        allowed = self.rule.below(area)
        text = source.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            match = INCLUDE_LINE.match(line)
            if not match:
                continue
            header = match.group(2)
            included = self.included_area(kind, tree, source, header, match.group(1) == '"')
            if included is None:
                continue
            self.includes += 1
            if included not in allowed:
                order = [a for a in self.rule.order() if a in allowed]
                self.violations.append(Violation(source.relative_to(self.root).as_posix(), number, area,
                                                 included, header, tuple(order)))

    def run(self) -> None:
        for folder, kind in TREES:
            tree = self.root / folder
            if not tree.is_dir():
                continue
            for source in sorted(tree.rglob("*")):
                if not source.is_file() or source.suffix not in SOURCE_SUFFIXES:
                    continue
                relative = source.relative_to(tree).as_posix()
                area = self.area_of(kind, relative)
                if area is None:
                    self.unknown.append(f"{folder}/{relative}: in no area of cmake/layers.json "
                                        "(add the area, or name the file or folder there)")
                    continue
                self.check_file(kind, tree, source, area)


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=here.parent.parent, help="the project folder")
    parser.add_argument("--rule", type=Path, help="the rule (default: ROOT/cmake/layers.json)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    rule = load_rule(args.rule or root / "cmake" / "layers.json")
    checker = Checker(root, rule)
    checker.run()
    for problem in checker.unknown:
        print(problem)
    for violation in checker.violations:
        print(violation)
    if checker.unknown or checker.violations:
        print(f"layers leak: {len(checker.violations)} include(s) against the rule, "
              f"{len(checker.unknown)} file(s) outside every area (rule: cmake/layers.json)")
        return 1
    print(f"layers hold: {checker.files} files, {checker.includes} includes of our own headers, "
          f"{len(rule.sits_on)} areas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
