"""Writes the methods that grassroots attaches in Python (grassroots._extend.EXTENSIONS) into the
generated stubs of grassroots._core, so type checkers see them on the bound classes.

Usage: python scripts/stub_extensions.py STUB_DIR   (STUB_DIR holds grassroots/_core/*.pyi)
Called by scripts/stubs after pybind11-stubgen; tests/python/test_stubs.py checks the result.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import typing
from pathlib import Path

import grassroots
from grassroots._extend import EXTENSIONS, Extension

# Private module paths of public types, written as users know them.
ALIASES = {
    "pandas.core.frame.DataFrame": "pandas.DataFrame",
    "pandas.core.series.Series": "pandas.Series",
    "pandas.core.arrays.categorical.Categorical": "pandas.Categorical",
    "numpy.ndarray": "numpy.ndarray",
    "geopandas.geodataframe.GeoDataFrame": "geopandas.GeoDataFrame",
    "networkx.classes.digraph.DiGraph": "networkx.DiGraph",
    "NoneType": "None",
}


def type_text(hint: object) -> str:
    """A type hint as stub text, every name fully qualified."""
    if hint is type(None):
        return "None"
    if isinstance(hint, type) and not typing.get_args(hint):
        name = hint.__qualname__ if hint.__module__ == "builtins" else f"{hint.__module__}.{hint.__qualname__}"
        return ALIASES.get(name, name)
    text = repr(hint)
    for private, public in ALIASES.items():
        text = text.replace(private, public)
    return text.replace("NoneType", "None")


def namespace() -> dict[str, object]:
    """Names an extension's string annotations may use (modules imported only for type checking)."""
    import datetime

    import numpy
    import pandas

    names: dict[str, object] = {"pd": pandas, "pandas": pandas, "np": numpy, "numpy": numpy, "datetime": datetime}
    for alias, optional in (("gpd", "geopandas"), ("nx", "networkx")):  # the extras geo and networkx
        names[alias] = names[optional] = importlib.import_module(optional)
    names.update({name: getattr(grassroots, name) for name in grassroots.__all__})
    return names


def signature_text(extension: Extension) -> str:
    """The stub lines of one extension (decorator and def), indented for a class body."""
    function = extension.function
    hints = typing.get_type_hints(function, globalns={**namespace(), **function.__globals__})
    parameters = []
    for index, parameter in enumerate(inspect.signature(function).parameters.values()):
        if index == 0 and extension.kind in ("method", "classmethod", "property"):
            parameters.append(parameter.name)
            continue
        text = parameter.name
        if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            text = "*" + text
        elif parameter.kind is inspect.Parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.name in hints:
            text += ": " + type_text(hints[parameter.name])
        if parameter.default is not inspect.Parameter.empty:
            text += " = ..."
        parameters.append(text)
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in parameters[:-1]:
            parameters.insert(len(parameters) - 1, "*")
    returns = type_text(hints["return"]) if "return" in hints else "typing.Any"
    decorator = {"method": "", "classmethod": "    @classmethod\n", "staticmethod": "    @staticmethod\n",
                 "property": "    @property\n"}[extension.kind]
    paragraph = (inspect.getdoc(function) or "").split("\n\n")[0]
    doc = " ".join(line.strip() for line in paragraph.splitlines()).replace('"""', "'''")
    body = f'\n        """{doc}"""\n' if doc else " ...\n"
    return f"{decorator}    def {extension.name}({', '.join(parameters)}) -> {returns}:{body}"


def modules_named(text: str) -> set[str]:
    """Top-level modules a stub text names (pandas, numpy, datetime, typing, grassroots …)."""
    return {name for name in re.findall(r"\b([a-z_][a-z0-9_]*)\.[A-Za-z_]", text)
            if name in ("pandas", "numpy", "datetime", "typing", "collections", "geopandas", "networkx")} | (
        {f"grassroots._core.{m}" for m in re.findall(r"grassroots\._core\.([a-z_]+)\.", text)})


def without_member(body: str, name: str) -> str:
    """A class body without the stub pybind11-stubgen wrote for the Python function attached as ``name``
    (its decorators, def line and indented body), so the extension's stub is the only one."""
    lines = body.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].startswith("    @"):
            j += 1
        if j < len(lines) and re.match(rf"    def {re.escape(name)}\(", lines[j]):
            k = j + 1
            while k < len(lines) and not re.match(r"    \S", lines[k]) and not re.match(r"\S", lines[k]):
                k += 1
            i = k
            continue
        out.append(lines[i])
        i += 1
    return "".join(out)


def insert_member(text: str, class_name: str, lines: str) -> str:
    """``text`` with ``lines`` as the first member of ``class_name`` (after its docstring), replacing the
    stub pybind11-stubgen wrote for the same member."""
    header = re.search(rf"^class {re.escape(class_name)}\b.*:\n", text, re.M)
    if header is None:
        raise LookupError(class_name)
    end = re.search(r"^\S", text[header.end():], re.M)
    body_end = header.end() + end.start() if end else len(text)
    name = re.search(r"def (\w+)\(", lines)
    assert name is not None
    body = without_member(text[header.end():body_end], name.group(1))
    docstring = re.match(r'    """.*?"""\n', body, re.S)
    at = docstring.end() if docstring else 0
    return text[: header.end()] + body[:at] + lines + body[at:] + text[body_end:]


def patch(stub_dir: Path) -> list[Path]:
    """Adds every extension to the class stub of its bound class; returns the files changed."""
    by_file: dict[Path, list[Extension]] = {}
    for extension in EXTENSIONS:
        module = extension.cls.__module__  # grassroots._core.<area>
        stub = stub_dir / Path(*module.split(".")[:-1]) / (module.rsplit(".", 1)[1] + ".pyi")
        by_file.setdefault(stub, []).append(extension)
    for stub, extensions in by_file.items():
        text = stub.read_text(encoding="utf-8")
        added = ""
        for extension in extensions:
            lines = signature_text(extension)
            added += lines
            try:
                text = insert_member(text, extension.cls.__name__, lines)
            except LookupError:
                raise SystemExit(f"{stub}: no class {extension.cls.__name__} for {extension.name}") from None
        imports = sorted(m for m in modules_named(added) if f"import {m}\n" not in text)
        if imports:
            future = re.search(r"^from __future__ import .*\n", text, re.M)
            at = future.end() if future else 0
            text = text[:at] + "".join(f"import {m}\n" for m in imports) + text[at:]
        stub.write_text(text, encoding="utf-8")
    return sorted(by_file)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for changed in patch(Path(sys.argv[1])):
        print(f"stubs: Python methods added to {changed.name}")
