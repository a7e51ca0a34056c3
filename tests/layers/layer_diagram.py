#!/usr/bin/env python3
"""The layer diagram of docs/architecture.md, drawn from the rule in cmake/layers.json.

  layer_diagram.py --check [--root PROJECT]       (the docs.layers_diagram test) fails when
        docs/architecture/layers.dot differs from what the rule gives, or layers.svg is missing
  layer_diagram.py --update --dot DOT [--root PROJECT]   (the layers_diagram target) writes
        layers.dot and renders it to layers.svg with Graphviz

The .dot is compared byte for byte; the SVG (whose bytes depend on the Graphviz version) must
exist and name every area, as for the workflow diagrams in docs/workflow/. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from check_layers import load_rule


def to_dot(rule_path: Path) -> str:
    """The diagram: one box per area, an arrow from each area to the areas it sits on directly."""
    areas = json.loads(rule_path.read_text(encoding="utf-8"))["areas"]
    rule = load_rule(rule_path)
    lines = [
        'digraph "layers" {',
        '  label="grassroots: C++ layers (cmake/layers.json); an arrow goes from an area to the areas it sits on";',
        "  labelloc=t;",
        '  fontname="sans-serif";',
        '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="sans-serif", fontsize=11];',
        '  edge [color="#555555"];',
    ]
    for area in rule.order():
        what = "\\n".join(textwrap.wrap(areas[area]["what"].replace('"', '\\"'), 30))
        lines.append(f'  "{area}" [label="{area}\\n{what}"];')
    for area in rule.order():
        for lower in rule.sits_on[area]:
            lines.append(f'  "{area}" -> "{lower}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--update", action="store_true")
    parser.add_argument("--dot", help="the Graphviz dot program (for --update)")
    parser.add_argument("--root", type=Path, default=here.parent.parent, help="the project folder")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    rule_path = root / "cmake" / "layers.json"
    docs = root / "docs" / "architecture"
    dot_file, svg_file = docs / "layers.dot", docs / "layers.svg"
    text = to_dot(rule_path)
    if args.update:
        if not args.dot:
            parser.error("--update needs --dot")
        docs.mkdir(parents=True, exist_ok=True)
        dot_file.write_text(text, encoding="utf-8")
        subprocess.run([args.dot, "-Tsvg", str(dot_file), "-o", str(svg_file)], check=True)
        print(f"wrote {dot_file} and {svg_file}")
        return 0
    problems = []
    if not dot_file.exists():
        problems.append(f"{dot_file.relative_to(root)} is missing")
    elif dot_file.read_text(encoding="utf-8") != text:
        problems.append(f"{dot_file.relative_to(root)} differs from cmake/layers.json")
    if not svg_file.exists():
        problems.append(f"{svg_file.relative_to(root)} is missing")
    else:
        svg = svg_file.read_text(encoding="utf-8")
        missing = [area for area in load_rule(rule_path).order() if f">{area}<" not in svg]
        if missing:
            problems.append(f"{svg_file.relative_to(root)} does not show {', '.join(missing)}")
    if problems:
        print("the layer diagram is stale: " + "; ".join(problems))
        print("regenerate it with: cmake --build <build folder> --target layers_diagram")
        return 1
    print(f"{dot_file.relative_to(root)} matches cmake/layers.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
