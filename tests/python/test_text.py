"""Chinese text where a code is expected, and units looked up by name (issue 15, item 1).

Every entry point that parses a code (division codes, grid codes, case numbers) takes any str: a
name, a lone surrogate or random text is refused with an InvalidInputError (a GrassrootsError)
whose message names the value in whole characters. DivisionTree.find looks units up by name.
Mirrors tests/cpp/division/names_test.cpp."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import grassroots as gr
from grassroots import Actor, CaseEngine, CaseTable, DivisionCode, DivisionTree, GridCode, KpiOptions

HINT = "(a name is not a code: look units up by name with DivisionTree.find)"


@pytest.fixture(scope="module")
def engine() -> CaseEngine:
    return CaseEngine(gr.Calendar.china())


def entry_points(tree: DivisionTree, engine: CaseEngine) -> dict[str, Callable[[str], Any]]:
    """Each public call that parses text as a code, as a function of that text."""
    return {
        "DivisionCode": DivisionCode,
        "tree[]": lambda text: tree[text],
        "tree.get": tree.get,
        "in tree": lambda text: text in tree,
        "tree.find": tree.find,
        "tree.find fuzzy": lambda text: tree.find(text, fuzzy=True),
        "tree.find under": lambda text: tree.find("东营区", under=text),
        "Actor scope": lambda text: Actor("a", "n", ["grid_worker"], scope=text),
        "GridCode": GridCode,
        "engine.state": engine.state,
        "engine.find_case": engine.find_case,
        "KpiOptions scope": lambda text: KpiOptions(dt.date(2026, 1, 1), dt.date(2027, 1, 1), scope=text),
        "CaseTable.from_pandas": lambda text: CaseTable.from_pandas(
            tree, pd.DataFrame({"unit": [text], "opened_at": [dt.datetime(2026, 3, 2, 9)]})),
    }


@pytest.mark.parametrize("text", ["东营区", "海淀区"])
def test_a_name_where_a_code_belongs_is_invalid_input_naming_it(dongying: DivisionTree, text: str) -> None:
    message = f"division code '{text}': character 1 ('{text[0]}') is not a digit {HINT}"
    for call in (lambda: dongying[text], lambda: DivisionCode(text), lambda: Actor("a", "n", ["r"], scope=text)):
        with pytest.raises(gr.InvalidInputError) as info:
            call()
        assert str(info.value) == message and isinstance(info.value, gr.GrassrootsError)
    frame = pd.DataFrame({"unit": ["370502005066", text], "opened_at": [dt.datetime(2026, 3, 2, 9)] * 2})
    with pytest.raises(gr.InvalidInputError) as info:
        CaseTable.from_pandas(dongying, frame)
    assert str(info.value) == f"case table, row 2, field 'unit': {message} (index 1)"


def test_a_lone_surrogate_is_invalid_input_not_a_type_or_runtime_error(dongying: DivisionTree,
                                                                       engine: CaseEngine) -> None:
    for name, call in entry_points(dongying, engine).items():
        if name.startswith("tree.find") and name != "tree.find under":
            assert call("\ud800") == [], name  # no unit has that name
            continue
        with pytest.raises(gr.GrassrootsError) as info:
            call("\ud800")
        assert "\\ud800" in str(info.value), (name, str(info.value))
        str(info.value).encode("utf-8")  # a message Python can print and log


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=30))
def test_any_text_at_any_entry_point_is_a_result_or_a_grassroots_error(dongying: DivisionTree, text: str) -> None:
    engine = CaseEngine(gr.Calendar.china())
    for name, call in entry_points(dongying, engine).items():
        try:
            call(text)
        except gr.GrassrootsError as error:
            message = str(error)
            message.encode("utf-8")  # never half a character, never a lone surrogate
            if isinstance(error, gr.InvalidInputError) and text and text.isprintable() and len(text.encode()) <= 40:
                assert text[:1] in message, (name, text, message)


# ---- tree.find ---------------------------------------------------------------------------------------


def test_find_returns_every_unit_of_a_repeated_name(dongying: DivisionTree) -> None:
    found = dongying.find("陈家村委会")
    assert [u.code for u in found] == [DivisionCode(c) for c in ("370502006204", "370502104235", "370502105226",
                                                                 "370523002255")]
    assert all(isinstance(u, gr.Unit) and u.name == "陈家村委会" for u in found)
    assert [u.name for u in dongying.find("东营区")] == ["东营区"]
    assert dongying.find("海淀区") == [] and dongying.find("") == []


def test_find_under_a_unit_searches_its_subtree(dongying: DivisionTree) -> None:
    district = dongying["370502"]
    expected = ["370502006204", "370502104235", "370502105226"]
    assert [str(u.code) for u in dongying.find("陈家村委会", under="370502")] == expected
    assert [str(u.code) for u in dongying.find("陈家村委会", under=district)] == expected
    assert [str(u.code) for u in dongying.find("陈家村委会", under=DivisionCode("370502"))] == expected
    assert dongying.find("陈家村委会", under="370503") == []
    with pytest.raises(gr.NotFoundError):
        dongying.find("陈家村委会", under="110101")
    with pytest.raises(gr.InvalidInputError, match="a name is not a code"):
        dongying.find("陈家村委会", under="东营区")
    with pytest.raises(TypeError):
        dongying.find("陈家村委会", under=370502)


def test_find_fuzzy_matches_the_suffix_variants(dongying: DivisionTree) -> None:
    assert dongying.find("西苑社区") == []
    assert [str(u.code) for u in dongying.find("西苑社区", fuzzy=True)] == ["370502004040", "370503102003",
                                                                         "370523001001"]
    names = {u.name for u in dongying.find("陈家村", fuzzy=True)}
    assert names == {"陈家村委会", "陈家村民委员会", "陈家村村民委员会"}
    assert len(dongying.find("陈家村", fuzzy=True)) == 7 == len(dongying.find("陈家", fuzzy=True))
    assert [u.name for u in dongying.find("胜利街道办事处", fuzzy=True)] == ["胜利街道"]
    families = gr.name_suffix_families()
    assert any("居委会" in suffixes and "社区居民委员会" in suffixes for suffixes in families.values())
    assert all(suffixes == sorted(suffixes, key=len, reverse=True) for suffixes in families.values())


def test_find_on_the_national_table(shared_data: Any) -> None:
    national = DivisionTree.read_nbs(shared_data / "divisions")
    xinhua = national.find("新华街道")
    assert len(xinhua) == 27 and {u.level for u in xinhua} == {gr.Level.TOWNSHIP}
    assert len({u.parent.code for u in xinhua}) == 27  # 27 different counties
    liaoning = national.find("新华街道", under="21")
    assert len(liaoning) == 5 and all(str(u.code).startswith("21") for u in liaoning)
    assert len(national.find("和平村委会")) == 274
    assert len(national.find("和平村", fuzzy=True)) > 274
    assert [u.name for u in national.find("锦苑社区", under="370502", fuzzy=True)] == ["锦苑社区居民委员会"]
