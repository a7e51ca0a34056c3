"""grassroots.DivisionCode: parsing, levels, classes, value semantics, bad input."""

from __future__ import annotations

import pickle

import pytest

import grassroots as gr
from grassroots import DivisionCode, Level, TownshipClass, UrbanRuralClass, VillageClass


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("37", Level.PROVINCE),
        ("3705", Level.PREFECTURE),
        ("370502", Level.COUNTY),
        ("370502005", Level.TOWNSHIP),
        ("370502005066", Level.VILLAGE),
        ("370500000000", Level.PREFECTURE),
        ("370500", Level.PREFECTURE),
        ("441900003", Level.TOWNSHIP),
    ],
)
def test_level_follows_from_the_digits(text: str, level: Level) -> None:
    assert DivisionCode(text).level == level


def test_parent_chain_and_forms() -> None:
    code = DivisionCode("370502005066")
    chain = []
    at: DivisionCode | None = code
    while at is not None:
        chain.append(str(at))
        at = at.parent
    assert chain == ["370502005066", "370502005", "370502", "3705", "37"]
    assert DivisionCode("3705").padded == 370500000000
    assert DivisionCode("3705").padded_str == "370500000000"
    assert code.ancestor(Level.COUNTY) == DivisionCode("370502")
    assert code.segment(Level.VILLAGE) == 66
    assert DivisionCode("37").is_ancestor_of(code)
    assert not code.is_ancestor_of(code)


def test_classes() -> None:
    assert DivisionCode("370502005").township_class == TownshipClass.SUBDISTRICT
    assert DivisionCode("370502102").township_class == TownshipClass.TOWN
    assert DivisionCode("370522201").township_class == TownshipClass.TOWNSHIP
    assert DivisionCode("370502400").township_class == TownshipClass.TOWNSHIP_LIKE
    assert DivisionCode("370502005066").village_class == VillageClass.RESIDENTS_COMMITTEE
    assert DivisionCode("370502102201").village_class == VillageClass.VILLAGERS_COMMITTEE
    assert DivisionCode("370502400401").village_class == VillageClass.VILLAGE_LIKE
    assert DivisionCode("370502").township_class is None
    assert DivisionCode("370502005").village_class is None
    assert TownshipClass.TOWN.chinese_name == "镇"
    assert VillageClass.VILLAGERS_COMMITTEE.chinese_name == "村委会"


def test_stated_level_and_placeholders() -> None:
    county = DivisionCode("441900", Level.COUNTY)
    assert county.level == Level.COUNTY
    assert county.parent == DivisionCode("4419")
    assert repr(county) == "DivisionCode('441900', level=Level.COUNTY)"
    placeholder = DivisionCode("350527000", level=Level.TOWNSHIP)
    assert placeholder.is_placeholder
    assert placeholder.township_class is None


def test_value_semantics() -> None:
    code = DivisionCode("370502005066")
    assert code == DivisionCode("370502005066")
    assert code != DivisionCode("370502005067")
    assert code != "370502005066"
    assert len({code, DivisionCode("370502005066")}) == 1
    assert sorted([DivisionCode("370503"), DivisionCode("3705"), DivisionCode("370502")]) == [
        DivisionCode("3705"),
        DivisionCode("370502"),
        DivisionCode("370503"),
    ]
    assert pickle.loads(pickle.dumps(code)) == code
    county = DivisionCode("441900", Level.COUNTY)
    assert pickle.loads(pickle.dumps(county)) == county
    assert code.to_dict() == {"code": "370502005066", "level": "village"}
    assert repr(code) == "DivisionCode('370502005066')"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "division code is empty"),
        ("37a5", "division code '37a5': character 3 ('a') is not a digit"),
        ("37050", "division code '37050': has 5 digits; expected 2, 4, 6, 9 or 12"),
        ("00", "division code '00': province segment 00 is not in 01–99"),
        ("370005", "division code '370005': prefecture segment is 00 but the county segment below it is 05"),
        (
            "370502000066",
            "division code '370502000066': township segment is 000 but the village segment below it is 066",
        ),
    ],
)
def test_bad_codes_say_which_part_is_wrong(text: str, message: str) -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        DivisionCode(text)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_class_out_of_range_and_level_mismatch() -> None:
    with pytest.raises(gr.InvalidInputError, match="township segment 600 is not in 001–599"):
        DivisionCode("370502600")
    with pytest.raises(gr.InvalidInputError, match="village segment 777 is not in 001–599"):
        DivisionCode("370502005777")
    with pytest.raises(gr.InvalidInputError, match="level 'county' does not match the code"):
        DivisionCode("370502005", Level.COUNTY)
    with pytest.raises(TypeError):
        DivisionCode(370502)  # type: ignore[arg-type]


def test_urban_rural_classes() -> None:
    assert gr.urban_rural_class(111) == UrbanRuralClass.MAIN_URBAN_AREA
    assert gr.urban_rural_class("220") == UrbanRuralClass.VILLAGE
    assert int(UrbanRuralClass.TOWN_CENTRE) == 121
    assert [c.chinese_name for c in UrbanRuralClass.__members__.values()] == [
        "主城区",
        "城乡结合区",
        "镇中心区",
        "镇乡结合区",
        "特殊区域",
        "乡中心区",
        "村庄",
    ]
    with pytest.raises(gr.InvalidInputError, match="113 is not one of"):
        gr.urban_rural_class(113)
    with pytest.raises(gr.InvalidInputError, match="is not three digits"):
        gr.urban_rural_class("1x1")
    with pytest.raises(TypeError):
        gr.urban_rural_class(1.5)  # type: ignore[arg-type]
