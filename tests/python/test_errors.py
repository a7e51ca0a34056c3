"""The C++ error hierarchy arrives as Python classes with fitting built-in bases."""

from __future__ import annotations

import pickle

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
