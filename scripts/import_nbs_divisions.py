#!/usr/bin/env python3
"""Writes one prefecture's division units from the NBS table set as a grassroots division CSV.

    python3 scripts/import_nbs_divisions.py NBS_FOLDER [PREFECTURE] [OUTPUT]

NBS_FOLDER holds provinces.csv, cities.csv, areas.csv, streets.csv and villages.csv(.gz) as the
china-division package publishes them (docs/data.md says where they come from). PREFECTURE is a
4-digit code (default 3705, 东营市); OUTPUT defaults to data/divisions/dongying.csv, the file built
into the library. The tables are read and checked by the library itself (DivisionTree.read_nbs,
so a bad row stops the import naming its file and row); the prefecture, its province and every unit
under it are written level by level, in code order, with a header naming the source. Rebuild the
library afterwards: the file is embedded at build time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grassroots as gr

ROOT = Path(__file__).resolve().parents[1]
HEADER = """# {label}, {code}) and every division unit under it: {count:,} units.
# Source: National Bureau of Statistics, 统计用区划代码 2023 edition (cut-off 2023-06-30),
# as crawled by the china-division package 2.7.0 (WTFPL). Format: grassroots division CSV
# (code,name,level,parent_code; codes at their natural length; '#' lines are comments).
code,name,level,parent_code
"""
# How the header names a prefecture (default: its Chinese name and province).
CITY_NAMES = {"3705": "Dongying city (东营市, Shandong"}


def rows(tree: gr.DivisionTree, prefecture: str) -> list[str]:
    """The prefecture's path and subtree, level by level and in code order, as CSV lines."""
    top = tree[prefecture]
    units = [*top.path()[:-1], *top.subtree()]
    units.sort(key=lambda unit: (list(gr.Level.__members__.values()).index(unit.level), str(unit.code)))
    lines = []
    for unit in units:
        parent = str(unit.parent.code) if unit.parent is not None else ""
        name = f'"{unit.name}"' if any(c in unit.name for c in ',"') else unit.name
        lines.append(f"{unit.code},{name},{unit.level.name.lower()},{parent}\n")
    return lines


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    folder = Path(argv[1])
    prefecture = argv[2] if len(argv) > 2 else "3705"
    output = Path(argv[3]) if len(argv) > 3 else ROOT / "data/divisions/dongying.csv"
    tree = gr.DivisionTree.read_nbs(folder)
    lines = rows(tree, prefecture)
    top = tree[prefecture]
    label = CITY_NAMES.get(prefecture, f"{top.name} ({top.parent.name}")
    header = HEADER.format(label=label, code=prefecture, count=len(lines))
    output.write_text(header + "".join(lines), encoding="utf-8")
    print(f"{output}: {len(lines)} units under {prefecture} {top.name}")


if __name__ == "__main__":
    main(sys.argv)
