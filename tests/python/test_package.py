"""The installed package: version, location, public names, typing marker."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

import grassroots


def test_version_matches_the_cpp_header(repo: Path) -> None:
    header = (repo / "include/grassroots/version.hpp").read_text(encoding="utf-8")
    match = re.search(r'#define GRASSROOTS_VERSION_STRING "([0-9.]+)"', header)
    assert match is not None
    assert grassroots.__version__ == match.group(1)
    assert importlib.metadata.version("grassroots") == match.group(1)


def test_imports_the_installed_build_not_the_source_tree(repo: Path) -> None:
    package = Path(grassroots.__file__).resolve().parent
    assert "site-packages" in package.parts
    assert not package.is_relative_to(repo / "bindings")
    assert Path(grassroots._core.__file__).parent == package
    assert (package / "py.typed").is_file()


def test_public_names_exist() -> None:
    for name in grassroots.__all__:
        assert hasattr(grassroots, name), name
    assert grassroots.Level.COUNTY.chinese_name == "县级"


AREAS = ["division", "autonomy", "calendar", "grid", "workflow", "ledger", "burden", "people", "analytics", "privacy", "store"]


@pytest.mark.parametrize("area", AREAS)
def test_each_area_is_a_subpackage_over_its_core_module(area: str) -> None:
    # A fresh interpreter: `import grassroots.<area> as x` works on its own.
    code = f"import grassroots.{area} as a, sys; print(len(a.__all__)); print(a.__name__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    count, name = result.stdout.split()
    assert int(count) > 0 and name == f"grassroots.{area}"
    module = importlib.import_module(f"grassroots.{area}")
    core = importlib.import_module(f"grassroots._core.{area}")
    for public in module.__all__:
        assert getattr(grassroots, public) is getattr(module, public), public
    # Every public name of the C++ module is offered by its subpackage.
    missing = [n for n in dir(core) if not n.startswith("_") and not hasattr(module, n)]
    assert not missing, f"grassroots.{area} does not export {missing}"


def test_help_names_every_subpackage_with_a_line_of_its_own() -> None:
    # help(grassroots) is a newcomer's first look: every public subpackage (the case engine in
    # workflow and the KPIs in analytics included) is named at the start of a line with what it does.
    import pkgutil
    import pydoc

    subpackages = {m.name for m in pkgutil.iter_modules(grassroots.__path__) if not m.name.startswith("_")}
    assert {"workflow", "analytics", "store", "privacy", "datasets"} <= subpackages
    text = pydoc.render_doc(grassroots, renderer=pydoc.plaintext)
    for name in sorted(subpackages):
        assert re.search(rf"``{name}``\s+—\s+\S", text), f"help(grassroots) does not describe {name}"


def test_the_package_names_are_assembled_from_the_areas_without_repeats() -> None:
    assert len(grassroots.__all__) == len(set(grassroots.__all__))
    from_areas = {name for area in AREAS for name in importlib.import_module(f"grassroots.{area}").__all__}
    assert from_areas <= set(grassroots.__all__)
    assert set(grassroots.__all__) - from_areas == {
        "FileError", "GrassrootsError", "GrassrootsWarning", "InvalidInputError", "NotFoundError", "PermissionDeniedError",
        "RuleViolationError", "datasets", "__version__", "InputLimits", "input_limits", "set_input_limits"}


def test_calls_go_one_way_the_extension_never_imports_the_package(repo: Path) -> None:
    sources = sorted((repo / "bindings/python/src").rglob("*.[ch]pp"))
    assert sources
    offenders = [f"{path.relative_to(repo)}:{number}"
                 for path in sources
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r'import\(\s*"grassroots', line)]
    assert not offenders, f"C++ imports the Python package at {offenders}"


def function_lengths(text: str) -> list[tuple[str, int]]:
    """(signature, lines) of each function defined at column 0 of a C++ file (brace matching)."""
    lines = text.splitlines()
    found = []
    for start, line in enumerate(lines):
        if not re.match(r"^[A-Za-z].*\)\s*(const\s*)?(noexcept\s*)?\{\s*$", line):
            continue
        depth = 0
        for end in range(start, len(lines)):
            depth += lines[end].count("{") - lines[end].count("}")
            if depth == 0:
                found.append((line.strip(), end - start + 1))
                break
    return found


def test_function_lengths_are_measured() -> None:
    text = "void bind_a(py::module_& m) {\n    m.def(\"f\", [] { return 1; });\n}\nint x;\n"
    assert function_lengths(text) == [("void bind_a(py::module_& m) {", 3)]


def test_no_binding_function_exceeds_150_lines(repo: Path) -> None:
    too_long = [f"{path.relative_to(repo)}: {signature} ({count} lines)"
                for path in sorted((repo / "bindings/python/src").rglob("*.cpp"))
                for signature, count in function_lengths(path.read_text(encoding="utf-8"))
                if count > 150]
    assert not too_long, "\n".join(too_long)
