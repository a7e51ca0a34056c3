"""grassroots.DivisionTree on the embedded Dongying data: lookups, navigation, bulk data, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import grassroots as gr
from grassroots import DivisionCode, DivisionTree, Level


def test_size_and_counts(dongying: DivisionTree) -> None:
    assert len(dongying) == 1982
    assert [dongying.count(level) for level in Level.__members__.values()] == [1, 1, 7, 52, 1921]


def test_lookup_returns_units(dongying: DivisionTree) -> None:
    unit = dongying["370502005066"]
    assert unit.name == "锦苑社区居民委员会"
    assert unit.code == DivisionCode("370502005066")
    assert unit.level == Level.VILLAGE
    assert dongying[DivisionCode("3705")].name == "东营市"
    assert [u.name for u in unit.path()] == ["山东省", "东营市", "东营区", "胜利街道", "锦苑社区居民委员会"]
    assert unit.parent is not None and unit.parent.name == "胜利街道"
    assert unit.village_class == gr.VillageClass.RESIDENTS_COMMITTEE
    assert unit.parent.township_class == gr.TownshipClass.SUBDISTRICT
    assert repr(unit) == "Unit('370502005066', '锦苑社区居民委员会', village)"
    assert unit.to_dict() == {
        "code": "370502005066",
        "name": "锦苑社区居民委员会",
        "level": "village",
        "parent_code": "370502005",
    }
    assert dongying.unit(unit.index) == unit
    assert len({unit, dongying["370502005066"]}) == 1


def test_missing_and_malformed_codes(dongying: DivisionTree) -> None:
    with pytest.raises(gr.NotFoundError, match="no county with code 370599 in this tree") as info:
        dongying["370599"]
    assert isinstance(info.value, KeyError)
    assert dongying.get("370599") is None
    assert dongying.get("370502") is not None
    assert "370502" in dongying
    assert "370599" not in dongying
    with pytest.raises(gr.InvalidInputError):
        dongying["3705x"]
    with pytest.raises(TypeError):
        dongying[370502]  # type: ignore[index]
    with pytest.raises(gr.NotFoundError):
        dongying.unit(1982)
    with pytest.raises(gr.NotFoundError):
        dongying.unit(-1)


def test_children_roots_subtree(dongying: DivisionTree) -> None:
    city = dongying["3705"]
    assert [c.name for c in city.children] == [
        "东营区",
        "河口区",
        "垦利区",
        "利津县",
        "广饶县",
        "东营经济技术开发区",
        "东营港经济开发区",
    ]
    assert [r.name for r in dongying.roots] == ["山东省"]
    assert city.subtree_size == 1981
    subtree = dongying["370502005"].subtree()
    assert subtree[0].code == DivisionCode("370502005")
    assert all(dongying["370502005"].is_ancestor_of(u) for u in subtree[1:])
    assert [u.index for u in dongying] == list(range(1982))


def test_is_ancestor(dongying: DivisionTree) -> None:
    assert dongying.is_ancestor("37", "370502005066")
    assert dongying.is_ancestor(dongying["3705"], DivisionCode("370502005066"))
    assert not dongying.is_ancestor("370502005066", "37")
    assert not dongying.is_ancestor("370502", "370502")
    assert not dongying.is_ancestor("370503", "370502005066")
    with pytest.raises(gr.NotFoundError):
        dongying.is_ancestor("370599", "37")
    other = gr.datasets.dongying()
    with pytest.raises(gr.InvalidInputError, match="belongs to another tree"):
        dongying.is_ancestor(other["37"], "3705")


def test_is_ancestor_many(dongying: DivisionTree) -> None:
    a = dongying.indices(["37", "370502", "370503", "370502005066"])
    b = dongying.indices(["370502005066", "370502005066", "370502005066", "37"])
    assert dongying.is_ancestor_many(a, b).tolist() == [True, True, False, False]
    with pytest.raises(gr.InvalidInputError, match="same length"):
        dongying.is_ancestor_many(a, b[:2])
    with pytest.raises(gr.InvalidInputError, match="index pair 0 \\(5000, 1\\) is outside 0 … 1981"):
        dongying.is_ancestor_many(np.array([5000]), np.array([1]))
    with pytest.raises(gr.NotFoundError):
        dongying.indices(["370599"])


def test_rollup_sums_subtrees(dongying: DivisionTree) -> None:
    is_village = (dongying.levels == int(Level.VILLAGE)).astype(np.int64)
    sums = dongying.rollup(is_village)
    assert sums.dtype == np.int64
    assert sums[dongying["37"].index] == 1921
    assert sums[dongying["370502005"].index] == 36
    floats = dongying.rollup(np.full(len(dongying), 0.5))
    assert floats.dtype == np.float64
    assert floats[dongying["3705"].index] == pytest.approx(1981 * 0.5)
    with pytest.raises(gr.InvalidInputError, match="one value per unit: got 3 values for 1982 units"):
        dongying.rollup(np.ones(3))
    with pytest.raises(gr.InvalidInputError, match="one-dimensional"):
        dongying.rollup(np.ones((2, 991)))


def test_bulk_arrays(dongying: DivisionTree) -> None:
    assert dongying.codes.dtype == np.uint64
    assert dongying.codes[dongying["370502005066"].index] == 370502005066
    parents = dongying.parent_indices
    assert parents[0] == -1
    unit = dongying["370502005066"]
    assert unit.parent is not None and parents[unit.index] == unit.parent.index
    assert np.all(np.diff(dongying.codes.astype(np.int64)) >= 0)
    assert dongying.structure_bytes <= 64 * len(dongying) + 200


def test_to_pandas_has_typed_columns(dongying: DivisionTree) -> None:
    frame = dongying.to_pandas()
    assert len(frame) == 1982
    assert list(frame.columns) == ["code", "name", "level", "parent_code", "township_class", "village_class"]
    assert str(frame["code"].dtype) == "string"
    assert frame["level"].cat.ordered
    assert list(frame["level"].cat.categories) == ["province", "prefecture", "county", "township", "village"]
    assert frame["level"].value_counts()["village"] == 1921
    row = frame.loc[dongying["370502005066"].index]
    assert (row["code"], row["name"], row["parent_code"]) == ("370502005066", "锦苑社区居民委员会", "370502005")
    assert row["village_class"] == "residents_committee"
    assert frame["parent_code"].isna().sum() == 1
    assert frame.groupby("level", observed=True).size()["township"] == 52


def test_csv_round_trip(dongying: DivisionTree, tmp_path: Path) -> None:
    text = dongying.to_csv()
    again = DivisionTree.parse_csv(text, "again.csv")
    assert again.to_csv() == text
    path = tmp_path / "dongying.csv"
    dongying.write_csv(path)
    from_file = DivisionTree.read_csv(path)
    assert [u.name for u in from_file] == [u.name for u in dongying]
    with pytest.raises(gr.FileError):
        dongying.write_csv(tmp_path / "missing-folder" / "x.csv")


def test_pickle_round_trip(dongying: DivisionTree) -> None:
    import pickle

    again = pickle.loads(pickle.dumps(dongying))
    assert len(again) == len(dongying)
    assert again.to_csv() == dongying.to_csv()
    assert again["370502005066"].name == "锦苑社区居民委员会"


def test_bad_csv_names_file_row_and_field() -> None:
    text = "code,name,level,parent_code\n37,山东省,province,\n3705,东营市,prefecture,36\n"
    with pytest.raises(gr.InvalidInputError) as info:
        DivisionTree.parse_csv(text, "bad.csv")
    error = info.value
    assert str(error) == "bad.csv, row 3, field 'parent': code 3705 does not extend its parent's code 36 (province)"
    assert (error.source, error.row, error.field) == ("bad.csv", 3, "parent")
    with pytest.raises(gr.InvalidInputError, match="row 2, field 'level': level 'state'"):
        DivisionTree.parse_csv("code,name,level,parent_code\n37,山东省,state,\n")
    with pytest.raises(gr.InvalidInputError, match="duplicate code 37 \\(first at <text>, row 2\\)"):
        DivisionTree.parse_csv("code,name,level,parent_code\n37,山东省,province,\n37,山东,province,\n")
    with pytest.raises(gr.FileError, match="cannot open file"):
        DivisionTree.read_csv("/nonexistent/divisions.csv")


def test_builder_all_or_nothing() -> None:
    builder = gr.DivisionTreeBuilder()
    builder.add("37", "山东省").add("370502", "东营区", source="mine", row=7)
    assert len(builder) == 2
    with pytest.raises(gr.InvalidInputError, match="mine, row 7, field 'parent': the parent prefecture 3705"):
        builder.build()
    builder.add("3705", "东营市", parent="37")
    tree = builder.build()
    assert len(tree) == 3 and tree.is_ancestor("37", "370502")
    with pytest.raises(gr.InvalidInputError, match="does not extend its parent's code 3706"):
        builder.add("370503", "河口区", parent="3706")
    with pytest.raises(gr.InvalidInputError, match="is empty"):
        builder.add("370503", "")
    assert len(builder) == 3
