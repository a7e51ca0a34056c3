"""The NBS table set: the small fixture of tests/data/nbs (always), and the whole country (665,276
units) when ../shared/data is present."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

import grassroots as gr
from grassroots import DivisionTree, Level


@pytest.fixture(scope="module")
def national(shared_data: Path) -> DivisionTree:
    return DivisionTree.read_nbs(shared_data / "divisions")


def test_every_unit_loads(national: DivisionTree) -> None:
    assert len(national) == 665_276
    counts = [national.count(level) for level in Level.__members__.values()]
    assert counts == [31, 342, 2_978, 41_352, 620_573]
    assert national.structure_bytes / len(national) <= 64


def test_seed_communities_and_rollup(national: DivisionTree) -> None:
    assert national["370502005066"].name == "锦苑社区居民委员会"
    assert national["370503102009"].parent is not None
    assert national.is_ancestor("37", "370522001001")
    sums = national.rollup((national.levels == int(Level.VILLAGE)).astype(np.int64))
    assert sum(sums[root.index] for root in national.roots) == 620_573


def test_to_pandas_national(national: DivisionTree) -> None:
    frame = national.to_pandas()
    assert len(frame) == 665_276
    townships = frame[frame["level"] == "township"]
    assert townships["township_class"].value_counts()["town"] == 21_377


def test_the_small_tables_load_from_gzipped_villages(test_data: Path) -> None:
    tree = DivisionTree.read_nbs(test_data / "nbs")
    assert [tree.count(level) for level in Level.__members__.values()] == [4, 4, 4, 5, 6]
    assert [unit.name for unit in tree["370502005066"].path()] == ["山东省", "东营市", "东营区", "胜利街道", "锦苑社区居民委员会"]
    dongguan_town = tree["441900003"].parent
    assert dongguan_town is not None and str(dongguan_town.code) == "441900"  # Dongguan: no counties
    assert tree["350527000000"].name == "金门县"


def test_bad_table_names_file_and_row(test_data: Path, tmp_path: Path) -> None:
    for name in ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"]:
        shutil.copy(test_data / "nbs" / name, tmp_path / name)
    (tmp_path / "villages.csv").write_text(
        "code,name,streetCode,provinceCode,cityCode,areaCode\n"
        '370502005066,"锦苑社区居民委员会",370502005,37,3705,370502\n'
        '370502099001,"x",370502099,37,3705,370502\n',
        encoding="utf-8",
    )
    with pytest.raises(gr.InvalidInputError) as info:
        DivisionTree.read_nbs(tmp_path)
    assert (info.value.source, info.value.row, info.value.field) == ("villages.csv", 3, "parent")
    assert str(info.value) == (
        "villages.csv, row 3, field 'parent': the parent township 370502099 of village 370502099001 is not in the table"
    )
    (tmp_path / "villages.csv").unlink()
    with pytest.raises(gr.FileError, match="villages.csv.gz"):
        DivisionTree.read_nbs(tmp_path)
    (tmp_path / "villages.csv.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(gr.FileError):
        DivisionTree.read_nbs(tmp_path)
