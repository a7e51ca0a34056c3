"""The installed package: version, location, public names, typing marker."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

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
