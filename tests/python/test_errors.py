"""The C++ error hierarchy arrives as Python classes with fitting built-in bases."""

from __future__ import annotations

import datetime
import pickle
import re
from pathlib import Path

import pytest

import grassroots
from grassroots import _core


@pytest.mark.parametrize(
    ("kind", "cls", "builtin"),
    [
        ("invalid_input", grassroots.InvalidInputError, ValueError),
        ("not_found", grassroots.NotFoundError, KeyError),
        ("file", grassroots.FileError, OSError),
        ("rule_violation", grassroots.RuleViolationError, ValueError),
        ("permission_denied", grassroots.PermissionDeniedError, PermissionError),
        ("other", grassroots.GrassrootsError, Exception),
    ],
)
def test_each_cpp_error_maps_to_its_class(kind: str, cls: type, builtin: type) -> None:
    with pytest.raises(cls) as info:
        _core._raise_for_test(kind, "what went wrong")
    assert isinstance(info.value, grassroots.GrassrootsError)
    assert isinstance(info.value, builtin)
    assert "what went wrong" in str(info.value)


def test_invalid_input_carries_its_location() -> None:
    with pytest.raises(grassroots.InvalidInputError) as info:
        _core._raise_for_test("invalid_input", "bad code")
    error = info.value
    assert str(error) == "file.csv, row 3, field 'code': bad code"
    assert (error.source, error.row, error.field, error.problem) == ("file.csv", 3, "code", "bad code")


def test_rule_violation_names_the_rule() -> None:
    with pytest.raises(grassroots.RuleViolationError) as info:
        _core._raise_for_test("rule_violation", "too many members")
    assert info.value.rule_id == "rule.id"


def test_not_found_prints_without_key_error_quotes() -> None:
    with pytest.raises(grassroots.NotFoundError) as info:
        _core._raise_for_test("not_found", "no unit 37")
    assert str(info.value) == "no unit 37"


def test_error_classes_live_in_the_package() -> None:
    assert grassroots.InvalidInputError.__module__ == "grassroots"
    assert pickle.loads(pickle.dumps(grassroots.NotFoundError("x"))).args == ("x",)


# ---- messages name the Python call (issue 15, item 6) ------------------------------------------------

_CPP_MEMBER = re.compile(r"\b([A-Z][A-Za-z0-9]*)::([a-z_][a-z0-9_]*)")


def _cpp_members_in_messages(repo: Path) -> set[str]:
    """Every Class::member spelled in a string literal of the library's sources."""
    found: set[str] = set()
    for source in (repo / "src").rglob("*.cpp"):
        for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', source.read_text(encoding="utf-8")):
            found.update(f"{cls}::{member}" for cls, member in _CPP_MEMBER.findall(literal))
    return found


def _resolves(dotted: str) -> bool:
    """True when grassroots (or grassroots.store) has the attribute path Class.member."""
    cls, member = dotted.split(".")[:2]
    for module in (grassroots, grassroots.store):
        if hasattr(module, cls):
            return hasattr(getattr(module, cls), member.split("(")[0].split(" ")[0])
    return False


def test_messages_name_the_python_spelling_of_cpp_calls(repo: Path) -> None:
    with pytest.raises(grassroots.NotFoundError) as info:
        grassroots.Calendar.china().is_working_day(datetime.date(2031, 1, 6))
    assert "set_unpublished" not in str(info.value)
    assert "Calendar.unpublished = UnpublishedYears.WEEKDAY_RULE" in str(info.value)
    members = _cpp_members_in_messages(repo)
    assert "Store::open" in members and "DivisionTree::find" in members  # the scan sees them
    for cpp in sorted(members):
        with pytest.raises(grassroots.InvalidInputError) as raised:
            _core._raise_for_test("invalid_input", f"see {cpp} here")
        python = str(raised.value).split("see ", 1)[1].removesuffix(" here")
        assert "::" not in python and raised.value.problem == f"see {python} here"
        assert _resolves(python), f"{cpp} became {python}, which grassroots does not have"


def test_python_spelling_leaves_other_colons_alone() -> None:
    with pytest.raises(grassroots.InvalidInputError) as info:
        _core._raise_for_test("invalid_input", "ratio 1::2 and a::b and ::x")
    assert info.value.problem == "ratio 1::2 and a::b and ::x".replace("a::b", "a.b")
