"""Matter catalogues (事项: components 部件 and events 事件) and responsibility lists: layouts, CSV,
the urban sample, owner-first and territory-first routing, escalation, validation, pandas views."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pandas as pd
import pytest

import grassroots as gr
from grassroots import (
    Assignment,
    DivisionCode,
    GridCode,
    Level,
    MatterCatalogue,
    MatterClass,
    MatterCodeLayout,
    MatterCodeSegment,
    MatterType,
    ResponsibilityEntry,
    ResponsibilityList,
    Rung,
)

JINYUAN = "370502005066"  # 锦苑社区, 胜利街道, 东营区
SHENGLI = "370502005"  # 胜利街道
OTHER = "370502003001"
CATALOGUE_HEADER = "class,code,name,category,workflow,owner\n"
LIST_HEADER = "matter,rung,scope,primary,cooperating,source\n"


@pytest.fixture()
def sample() -> MatterCatalogue:
    return MatterCatalogue.urban_sample()


@pytest.fixture()
def responsibilities() -> ResponsibilityList:
    rows = ResponsibilityList()
    rows.add(ResponsibilityEntry("event:0502", Rung.COMMUNITY, "社区居委会", ["城管执法中队"]))
    rows.add(ResponsibilityEntry("event:0502", Rung.TOWNSHIP, "街道城管科"))
    rows.add(ResponsibilityEntry("event:0502", Rung.TOWNSHIP, "胜利街道综合执法队", ["市场监管所"], scope=SHENGLI))
    rows.add(ResponsibilityEntry("event:0102", Rung.GRID, "网格员"))
    rows.add(ResponsibilityEntry("component:0101", Rung.COMMUNITY, "社区居委会", ["物业公司"]))
    rows.add(ResponsibilityEntry("component:0201", Rung.COUNTY, "区城管局"))
    return rows


# ---- matter classes, layouts, types -----------------------------------------------------------------


def test_matter_class_names() -> None:
    assert MatterClass.COMPONENT.chinese_name == "部件"
    assert MatterClass.EVENT.chinese_name == "事件"
    assert [m.name for m in MatterClass.__members__.values()] == ["COMPONENT", "EVENT"]


def test_urban_standard_layout() -> None:
    layout = MatterCodeLayout.urban_standard()
    assert layout.name == "major-minor"
    assert layout.length == 4
    assert layout.segments == [MatterCodeSegment("major", 2), MatterCodeSegment("minor", 2)]
    assert layout == MatterCodeLayout("major-minor", [MatterCodeSegment(name="major", width=2), MatterCodeSegment("minor", 2)])
    assert layout.segment("0502", 0) == "05"
    assert layout.segment("0502", 1) == "02"
    layout.check("0101")
    assert pickle.loads(pickle.dumps(layout)) == layout
    assert layout.to_dict() == {"name": "major-minor", "segments": [{"name": "major", "width": 2}, {"name": "minor", "width": 2}]}


def test_layout_errors_name_the_segment() -> None:
    layout = MatterCodeLayout.urban_standard()
    with pytest.raises(gr.InvalidInputError, match=r"^matter code '01x1': minor segment 'x1' must be 2 digits$"):
        layout.check("01x1")
    with pytest.raises(gr.InvalidInputError, match=r"^matter code 'a101': major segment 'a1' must be 2 digits$"):
        layout.check("a101")
    with pytest.raises(gr.InvalidInputError, match=r"has 5 characters; layout 'major-minor' has 4 digits"):
        layout.check("01011")
    with pytest.raises(gr.InvalidInputError, match=r"^matter code layout 'x' has no segments"):
        MatterCodeLayout("x", [])
    with pytest.raises(gr.InvalidInputError, match=r"segment 'minor' is 5 digits wide; a segment has 1–4 digits$"):
        MatterCodeLayout("x", [MatterCodeSegment("major", 2), MatterCodeSegment("minor", 5)])
    with pytest.raises(gr.InvalidInputError, match=r"has 13 digits in all \(a 4 \+ b 4 \+ c 4 \+ d 1\); at most 12$"):
        MatterCodeLayout("x", [MatterCodeSegment(n, w) for n, w in [("a", 4), ("b", 4), ("c", 4), ("d", 1)]])
    with pytest.raises(gr.InvalidInputError, match=r"^matter code layout 'x': segment 1 has no name$"):
        MatterCodeLayout("x", [MatterCodeSegment("", 2)])


def test_matter_type_is_a_value() -> None:
    cover = MatterType(MatterClass.COMPONENT, "0101", "上水井盖", category="公用设施", owner="供水公司")
    assert cover.key == "component:0101"
    assert cover.workflow == ""
    assert cover == MatterType(MatterClass.COMPONENT, "0101", "上水井盖", "公用设施", "", "供水公司")
    assert hash(cover) == hash(pickle.loads(pickle.dumps(cover)))
    assert cover.to_dict()["matter_class"] == "component"
    assert repr(cover).startswith("MatterType(matter_class=MatterClass.COMPONENT, code='0101'")


# ---- catalogues -------------------------------------------------------------------------------------


def test_catalogue_add_find_and_refusals() -> None:
    catalogue = MatterCatalogue()
    catalogue.add(MatterType(MatterClass.COMPONENT, "0101", "上水井盖"))
    catalogue.add(MatterType(MatterClass.EVENT, "0101", "私搭乱建"))
    assert len(catalogue) == 2
    assert "event:0101" in catalogue
    assert catalogue["event:0101"].name == "私搭乱建"
    assert catalogue.find("event:0999") is None
    assert [t.key for t in catalogue] == ["component:0101", "event:0101"]
    with pytest.raises(gr.InvalidInputError, match=r"duplicate matter type component:0101 \(污水井盖; the catalogue already has 上水井盖\)$") as error:
        catalogue.add(MatterType(MatterClass.COMPONENT, "0101", "污水井盖"))
    assert error.value.field == "code"
    with pytest.raises(gr.InvalidInputError, match=r"matter type event:0102 has no name$"):
        catalogue.add(MatterType(MatterClass.EVENT, "0102", ""))
    with pytest.raises(gr.InvalidInputError, match=r"matter code '1': major segment '1' must be 2 digits$"):
        catalogue.add(MatterType(MatterClass.EVENT, "1", "x"))
    assert len(catalogue) == 2
    with pytest.raises(gr.NotFoundError, match=r"matter type event:0999 is not in the catalogue"):
        catalogue.at("event:0999")
    with pytest.raises(KeyError):
        catalogue["event:0999"]
    with pytest.raises(gr.InvalidInputError, match=r"^unknown matter class 'thing' \(expected component, event, 部件, 事件\)$"):
        catalogue.at("thing:0101")


def test_catalogue_csv_round_trip_and_pickle(sample: MatterCatalogue) -> None:
    text = sample.to_csv()
    assert text.startswith(CATALOGUE_HEADER + "component,0101,上水井盖,公用设施,urban_management,供水公司\n")
    back = MatterCatalogue.parse_csv(text, "sample.csv")
    assert back == sample
    assert back.types == sample.types
    assert pickle.loads(pickle.dumps(sample)) == sample
    assert repr(sample) == f"<MatterCatalogue of {len(sample)} types, layout 'major-minor'>"


def test_catalogue_csv_errors_name_row_and_field() -> None:
    with pytest.raises(gr.InvalidInputError) as error:
        MatterCatalogue.parse_csv(CATALOGUE_HEADER + "event,0501,a,b,c,\nevent,05x1,b,b,c,\n", "matters.csv")
    assert str(error.value) == "matters.csv, row 3, field 'code': matter code '05x1': minor segment 'x1' must be 2 digits"
    assert (error.value.source, error.value.row, error.value.field) == ("matters.csv", 3, "code")
    with pytest.raises(gr.InvalidInputError, match=r"^matters.csv, row 2, field 'class': unknown matter class 'thing'"):
        MatterCatalogue.parse_csv(CATALOGUE_HEADER + "thing,0501,a,b,c,\n", "matters.csv")
    with pytest.raises(gr.InvalidInputError, match=r"^matters.csv, row 1: header has no column 'owner'$"):
        MatterCatalogue.parse_csv("class,code,name,category,workflow\n", "matters.csv")
    with pytest.raises(gr.InvalidInputError, match=r"^matters.csv, row 3, field 'code': duplicate matter type event:0501"):
        MatterCatalogue.parse_csv(CATALOGUE_HEADER + "事件,0501,a,b,c,\nevent,0501,b,b,c,\n", "matters.csv")


def test_catalogue_in_another_layout(tmp_path: Path) -> None:
    layout = MatterCodeLayout("class-item", [MatterCodeSegment("class", 1), MatterCodeSegment("item", 3)])
    path = tmp_path / "matters.csv"
    path.write_text(CATALOGUE_HEADER + "部件,1001,路灯,照明,,路灯所\n", encoding="utf-8")
    catalogue = MatterCatalogue.read_csv(path, layout=layout)
    assert catalogue.layout == layout
    assert catalogue["component:1001"].owner == "路灯所"
    path.write_text(CATALOGUE_HEADER + "部件,01,路灯,照明,,路灯所\n", encoding="utf-8")
    with pytest.raises(gr.InvalidInputError, match=r"^matters.csv, row 2, field 'code': matter code '01': item segment '1' must be 3 digits$"):
        MatterCatalogue.read_csv(path, layout)
    with pytest.raises(gr.FileError):
        MatterCatalogue.read_csv(tmp_path / "missing.csv")


def test_urban_sample_contents(sample: MatterCatalogue) -> None:
    assert 20 <= len(sample) <= 30
    assert sample.layout == MatterCodeLayout.urban_standard()
    assert sample["component:0101"].name == "上水井盖"
    assert sample["component:0101"].owner == "供水公司"
    assert sample["component:0102"].owner == "排水公司"
    assert sample["event:0101"].name == "私搭乱建"
    assert sample["event:0201"].name == "非法小广告"
    assert sample["event:0502"].name == "占道经营"
    assert {t.workflow for t in sample} == {"urban_management"}
    assert {t.category for t in sample if t.matter_class == MatterClass.EVENT} >= {"市容环境", "宣传广告", "街面秩序"}


def test_catalogue_to_pandas(sample: MatterCatalogue) -> None:
    frame = sample.to_pandas()
    assert len(frame) == len(sample)
    assert frame.index.name == "key"
    assert list(frame.columns) == ["class", "code", "name", "category", "workflow", "owner"]
    assert list(frame["class"].cat.categories) == ["component", "event"]
    assert frame["category"].dtype == "category"
    assert frame.loc["component:0101", "owner"] == "供水公司"
    assert pd.isna(frame.loc["event:0502", "owner"])
    assert frame.loc["event:0502", "class"] == "event"


# ---- rungs and lists --------------------------------------------------------------------------------


def test_rungs() -> None:
    assert [r.name for r in Rung.__members__.values()] == ["GRID", "COMMUNITY", "TOWNSHIP", "COUNTY", "CITY"]
    assert [r.chinese_name for r in Rung.__members__.values()] == ["网格", "社区/村", "乡镇/街道", "县/区", "市"]
    assert Rung.GRID.division_level == Level.VILLAGE
    assert Rung.CITY.division_level == Level.PREFECTURE
    assert gr.rung_of(Level.TOWNSHIP) == Rung.TOWNSHIP
    with pytest.raises(gr.InvalidInputError, match=r"^the province level has no rung"):
        gr.rung_of(Level.PROVINCE)


def test_add_refuses_bad_rows(responsibilities: ResponsibilityList) -> None:
    before = len(responsibilities)
    with pytest.raises(gr.InvalidInputError, match=r"a second primary unit 街道执法队; 街道城管科 already holds 主体责任 there") as error:
        responsibilities.add(ResponsibilityEntry("event:0502", Rung.TOWNSHIP, "街道执法队"))
    assert error.value.field == "primary"
    with pytest.raises(gr.InvalidInputError, match=r"no primary unit \(主体责任\); exactly one is needed$"):
        responsibilities.add(ResponsibilityEntry("event:0101", Rung.TOWNSHIP, ""))
    with pytest.raises(gr.InvalidInputError, match=r"primary unit 街道 is also listed as cooperating \(配合责任\)$"):
        responsibilities.add(ResponsibilityEntry("event:0101", Rung.TOWNSHIP, "街道", ["派出所", "街道"]))
    with pytest.raises(gr.InvalidInputError, match=r"cooperating unit 派出所 is listed twice$"):
        responsibilities.add(ResponsibilityEntry("event:0101", Rung.TOWNSHIP, "街道", ["派出所", "派出所"]))
    with pytest.raises(gr.InvalidInputError, match=r"^division code '37x': character 3 \('x'\) is not a digit$"):
        ResponsibilityEntry("event:0101", Rung.TOWNSHIP, "街道", scope="37x")
    assert len(responsibilities) == before


def test_find_prefers_the_narrowest_scope(responsibilities: ResponsibilityList) -> None:
    found = responsibilities.find("event:0502", Rung.TOWNSHIP, JINYUAN)
    assert found is not None and found.primary == "胜利街道综合执法队"
    assert found.scope == DivisionCode(SHENGLI)
    other = responsibilities.find("event:0502", Rung.TOWNSHIP, DivisionCode(OTHER))
    assert other is not None and other.primary == "街道城管科" and other.scope is None
    assert responsibilities.find("event:0502", Rung.CITY, JINYUAN) is None


def test_components_go_to_the_owner_first(sample: MatterCatalogue, responsibilities: ResponsibilityList) -> None:
    by_type = responsibilities.route(sample["component:0101"], JINYUAN)
    assert by_type == Assignment(
        primary="供水公司",
        cooperating=["社区居委会", "物业公司"],
        rung=Rung.COMMUNITY,
        territory=JINYUAN,
        basis=f"部件先属主后属地: owner 供水公司, territory {JINYUAN} (community) cooperating",
    )
    explicit = responsibilities.route(sample["component:0101"], JINYUAN, owner="物业公司")
    assert explicit.primary == "物业公司"
    assert explicit.cooperating == ["社区居委会"]
    no_owner = responsibilities.route(sample["component:0201"], JINYUAN)
    assert (no_owner.primary, no_owner.rung, no_owner.territory) == ("区城管局", Rung.COUNTY, "370502")
    assert no_owner.basis == "部件先属主后属地: no owner recorded, territory 370502 (county)"


def test_events_go_to_the_territory_first(sample: MatterCatalogue, responsibilities: ResponsibilityList) -> None:
    stall = sample["event:0502"]
    a = responsibilities.route(stall, JINYUAN, owner="某商铺")
    assert a.primary == "社区居委会"
    assert a.cooperating == ["城管执法中队", "某商铺"]
    assert a.basis == f"事件先属地后属主: territory {JINYUAN} (community), owner 某商铺 cooperating"
    # Escalation from the township skips the community row; the 胜利街道 row is the narrower one.
    b = responsibilities.route(stall, DivisionCode(JINYUAN), start=Rung.TOWNSHIP)
    assert (b.primary, b.cooperating, b.rung, b.territory) == ("胜利街道综合执法队", ["市场监管所"], Rung.TOWNSHIP, SHENGLI)
    # A grid row applies only with a grid; a GridCode works as well as its text.
    grid = GridCode.make(JINYUAN, 1)
    c = responsibilities.route(sample["event:0102"], JINYUAN, grid=grid, start=Rung.GRID)
    assert (c.primary, c.rung, c.territory) == ("网格员", Rung.GRID, str(grid))
    with pytest.raises(gr.NotFoundError, match=re.escape(f"no unit responsible for event:0102 (暴露垃圾) at {JINYUAN}")):
        responsibilities.route(sample["event:0102"], JINYUAN, start=Rung.GRID)


def test_route_not_found(sample: MatterCatalogue, responsibilities: ResponsibilityList) -> None:
    with pytest.raises(gr.NotFoundError) as error:
        responsibilities.route(sample["event:0401"], JINYUAN)
    assert str(error.value).strip("'\"") == (
        f"no unit responsible for event:0401 (路面塌陷) at {JINYUAN}: no responsibility row from rung community up to "
        "city and no owner"
    )
    owner_only = responsibilities.route(sample["event:0401"], JINYUAN, owner="自来水公司")
    assert (owner_only.primary, owner_only.rung, owner_only.territory) == ("自来水公司", Rung.COMMUNITY, JINYUAN)
    with pytest.raises(gr.InvalidInputError, match=r"a province-level unit is above every rung"):
        responsibilities.route(sample["event:0502"], "37")


def test_validate_lists_every_problem(sample: MatterCatalogue, responsibilities: ResponsibilityList) -> None:
    responsibilities.add(ResponsibilityEntry("event:0999", Rung.CITY, "市城管委"))
    with pytest.raises(gr.InvalidInputError) as error:
        responsibilities.validate(sample)
    message = str(error.value)
    missing = len(sample) - 4  # event:0502, event:0102, component:0101, component:0201 have rows
    assert f"({missing + 1} problems)" in message
    assert "row 7 (event:0999 at city everywhere): matter event:0999 is not in the catalogue" in message
    assert "event:0401 (路面塌陷) has no primary unit (主体责任) at any rung" in message
    assert "event:0502" not in message
    complete = ResponsibilityList()
    for t in sample:
        complete.add(ResponsibilityEntry(t.key, Rung.TOWNSHIP, "街道办事处"))
    complete.validate(sample)


def test_list_csv(tmp_path: Path, responsibilities: ResponsibilityList) -> None:
    text = responsibilities.to_csv()
    assert text.startswith(LIST_HEADER)
    assert f"event:0502,township,{SHENGLI},胜利街道综合执法队,市场监管所,\n" in text
    assert ResponsibilityList.parse_csv(text) == responsibilities
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    assert ResponsibilityList.read_csv(path).entries == responsibilities.entries
    assert pickle.loads(pickle.dumps(responsibilities)) == responsibilities
    assert repr(responsibilities) == "<ResponsibilityList of 6 rows>"
    parsed = ResponsibilityList.parse_csv(LIST_HEADER + "event:0502,乡镇/街道,370502005,a,b; c,list\n")
    assert parsed.entries[0].cooperating == ["b", "c"]
    assert parsed.entries[0].rung == Rung.TOWNSHIP


def test_list_csv_errors() -> None:
    with pytest.raises(gr.InvalidInputError, match=r"^list.csv, row 2, field 'rung': unknown rung 'street'") as error:
        ResponsibilityList.parse_csv(LIST_HEADER + "event:0502,street,,a,,\n", "list.csv")
    assert (error.value.row, error.value.field) == (2, "rung")
    with pytest.raises(gr.InvalidInputError, match=r"^list.csv, row 2, field 'scope': "):
        ResponsibilityList.parse_csv(LIST_HEADER + "event:0502,township,3705029,a,,\n", "list.csv")
    with pytest.raises(gr.InvalidInputError, match=r"^list.csv, row 3, field 'primary': .*a second primary unit b; a already"):
        ResponsibilityList.parse_csv(LIST_HEADER + "event:0502,township,,a,,\nevent:0502,township,,b,,\n", "list.csv")
    with pytest.raises(gr.InvalidInputError, match=r"^list.csv, row 2, field 'cooperating': .*primary unit a is also listed"):
        ResponsibilityList.parse_csv(LIST_HEADER + "event:0502,township,,a,b;a,\n", "list.csv")
    with pytest.raises(gr.FileError):
        ResponsibilityList.read_csv("/nonexistent/list.csv")


def test_list_to_pandas(responsibilities: ResponsibilityList) -> None:
    frame = responsibilities.to_pandas()
    assert list(frame.columns) == ["matter", "rung", "scope", "primary", "cooperating", "source"]
    assert frame["rung"].cat.ordered
    assert list(frame["rung"].cat.categories) == ["grid", "community", "township", "county", "city"]
    assert frame.loc[2, "scope"] == SHENGLI
    assert pd.isna(frame.loc[1, "scope"])
    assert frame.loc[0, "cooperating"] == "城管执法中队"
    assert pd.isna(frame.loc[1, "cooperating"])
