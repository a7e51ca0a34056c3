"""The readers' error contract under bad input (issue 14), from Python: every refusal is a
GrassrootsError subclass (never UnicodeDecodeError, ValueError('basic_string::_M_create') or a bare
RuntimeError) whose message names the file, row and field; limits bound files and gzip expansion;
writes are atomic; garbage that used to be accepted is refused."""

from __future__ import annotations

import datetime
import gzip
import json
from pathlib import Path

import pytest

import grassroots as gr
from grassroots import _core

D = datetime.date
MATTERS = "class,code,name,category,workflow,owner\n"


def test_messages_quote_multi_byte_characters_whole() -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        gr.DivisionCode("3705０2")
    assert str(info.value) == "division code '3705０2': character 5 ('０') is not a digit"
    with pytest.raises(gr.InvalidInputError, match="character 13 \\('０'\\) is not a digit"):
        gr.GridCode("370502005066０1")


def test_messages_echo_a_bounded_part_of_huge_input() -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        gr.DivisionCode("7" * 10_000_000 + "x")
    assert len(str(info.value)) < 300
    assert "…' (10000001 bytes)" in str(info.value)


def test_a_message_with_invalid_utf8_is_translated_not_a_decode_error() -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        _core._raise_for_test("invalid_input", b"bad \xff\xfe code")
    assert info.value.problem == "bad \\xFF\\xFE code"
    with pytest.raises(gr.FileError, match=r"\\xC9"):
        _core._raise_for_test("file", b"\xc9\xcf")


@pytest.mark.parametrize("content", [b"", b"c"])
def test_empty_and_one_byte_files_give_format_errors(tmp_path: Path, content: bytes) -> None:
    file = tmp_path / "t.csv"
    file.write_bytes(content)
    with pytest.raises(gr.InvalidInputError, match="^t.csv"):
        gr.DivisionTree.read_csv(file)
    with pytest.raises(gr.InvalidInputError, match="^t.csv"):
        gr.MatterCatalogue.read_csv(file)
    with pytest.raises(gr.InvalidInputError, match="^t.csv: malformed JSON"):
        gr.Calendar.from_holiday_cn([file])


def test_a_directory_is_a_file_error_naming_it(tmp_path: Path) -> None:
    for read in (gr.DivisionTree.read_csv, gr.MatterCatalogue.read_csv, gr.read_household_points, gr.Workforce.read_csv):
        with pytest.raises(gr.FileError, match="it is a directory"):
            read(tmp_path)
    with pytest.raises(gr.FileError, match="it is a directory"):
        gr.GridMap.read_geojson(tmp_path)


def test_input_limits_bound_files_and_gzip_expansion(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(gzip.compress(b" " * 200_000))
    big = tmp_path / "big.csv"
    big.write_text("code,name,level,parent_code\n" + "#" * 5000 + "\n", encoding="utf-8")
    before = gr.input_limits()
    assert before == gr.InputLimits(max_file_bytes=256 << 20, max_decompressed_bytes=256 << 20)
    try:
        gr.set_input_limits(gr.InputLimits(max_file_bytes=1000, max_decompressed_bytes=100_000))
        with pytest.raises(gr.FileError, match="exceed the limit of 1000 bytes"):
            gr.DivisionTree.read_csv(big)
        with pytest.raises(gr.FileError, match="expands beyond the limit of 100000 bytes"):
            gr.DivisionTree.read_csv(bomb)
    finally:
        gr.set_input_limits(before)
    with pytest.raises(gr.InvalidInputError, match="max_decompressed_bytes"):
        gr.set_input_limits(gr.InputLimits(max_decompressed_bytes=0))
    assert gr.input_limits() == before


def test_gbk_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    file = tmp_path / "matters.csv"
    file.write_bytes((MATTERS + "component,0101,上水井盖,公用设施,urban_management,供水公司\n").encode("gbk"))
    with pytest.raises(gr.InvalidInputError) as info:
        gr.MatterCatalogue.read_csv(file)
    assert (info.value.source, info.value.row, info.value.field) == ("matters.csv", 2, "name")
    assert "looks GBK-encoded: convert it to UTF-8" in str(info.value)


def test_nul_and_bidi_controls_are_refused_in_csv_and_json() -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        gr.MatterCatalogue.parse_csv(MATTERS + "component,0101,上水\x00井盖,公用设施,urban_management,供水公司\n", "m.csv")
    assert (info.value.row, info.value.field) == (2, "name")
    with pytest.raises(gr.InvalidInputError, match="U\\+202E"):
        gr.MatterCatalogue.parse_csv(MATTERS + "component,0101,上水\u202e井盖,公用设施,urban_management,供水公司\n", "m.csv")
    calendar = gr.Calendar()
    with pytest.raises(gr.InvalidInputError, match="the JSON text holds a NUL byte"):
        calendar.add_holiday_cn('{"year": 2026, "days": []}\x00{"junk"', "2026.json")
    ledger = gr.DualLedger()
    with pytest.raises(gr.InvalidInputError, match="U\\+202E"):
        ledger.add_problem("挂牌\u202e多", D(2024, 3, 1), D(2024, 6, 30), "专班", department="局")


def test_json_readers_refuse_duplicate_keys_huge_numbers_and_wrapping_integers() -> None:
    calendar = gr.Calendar()
    with pytest.raises(gr.InvalidInputError) as info:
        calendar.add_holiday_cn('{"year": 2026, "year": 2027, "days": []}', "2026.json")
    assert (info.value.source, info.value.field) == ("2026.json", "year")
    with pytest.raises(gr.InvalidInputError, match="out of range"):
        calendar.add_holiday_cn('{"year": 1e400, "days": []}', "2026.json")
    with pytest.raises(gr.InvalidInputError, match="'year' must be an integer in 1949–9999"):
        calendar.add_holiday_cn(json.dumps({"year": 2**32 + 2027, "days": []}), "2026.json")
    with pytest.raises(gr.InvalidInputError, match="appears twice"):
        gr.WorkflowDefinition.from_json('{"id": "a", "id": "b"}', "w.json")
    line = {"sequence": 0, "case": "C1", "kind": "opened", "at": "2026-01-05T09:00:00+08:00", "rung": "community",
            "input": {"matter": "0101", "priority": "normal"}, "workflow": "urban_management", "workflow_version": 1,
            "unit": "370502005066"}
    assert gr.CaseEngine.parse_json_lines(json.dumps(line))[0].workflow_version == 1
    line["workflow_version"] = 4294967297
    with pytest.raises(gr.InvalidInputError) as info:
        gr.CaseEngine.parse_json_lines(json.dumps(line), "e.jsonl")
    assert (info.value.row, info.value.field) == (1, "workflow_version")
    polygon = {"type": "Polygon", "coordinates": [[[1e308, 37.4], [1e308, 37.5], [118.5, 37.5], [1e308, 37.4]]]}
    feature = {"type": "Feature", "properties": {"code": "37050200506601", "kind": "comprehensive", "name": "g"},
               "geometry": polygon}
    for coordinates in (gr.CoordinateSystem.LONLAT, gr.CoordinateSystem.METRES):
        with pytest.raises(gr.InvalidInputError, match="beyond ±1e9"):
            gr.GridMapBuilder.from_geojson(json.dumps({"type": "FeatureCollection", "features": [feature]}), "g.geojson",
                                           coordinates)


def test_anchor_timestamps_do_not_wrap() -> None:
    line = {"position": 1, "head_hash": "00", "algorithm": "sha256", "created_at_us": 2**64 - 1, "signature": "00"}
    with pytest.raises(gr.InvalidInputError, match="'created_at_us' must be an integer in"):
        gr.Anchor.from_json(json.dumps(line))


def test_coordinates_and_households_are_bounded() -> None:
    with pytest.raises(gr.InvalidInputError) as info:
        gr.parse_household_points("id,lon,lat\nh1,nan,37.4\n", "h.csv")
    assert (info.value.row, info.value.field) == (2, "lon")
    with pytest.raises(gr.InvalidInputError, match="not a whole number in 0…10000000"):
        gr.parse_household_points(f"id,x,y,households\nh1,1,2,{2**63 - 1}\n", "h.csv")


def test_a_reordered_ledger_history_is_refused() -> None:
    ledger = gr.DualLedger()
    ledger.add_problem("挂牌多", D(2024, 3, 1), D(2024, 6, 30), "专班", department="局", number="P1")
    ledger.add_problem("报表多", D(2024, 3, 2), D(2024, 6, 30), "专班", department="局", number="P2")
    header, first, second = ledger.history_csv().splitlines(keepends=True)
    with pytest.raises(gr.InvalidInputError) as info:
        gr.DualLedger.parse_csv(ledger.problems_csv(), ledger.measures_csv(), ledger.links_csv(), header + second + first)
    assert (info.value.source, info.value.row, info.value.field) == ("history.csv", 2, "sequence")


def test_writes_are_atomic_and_formulas_guarded(tmp_path: Path) -> None:
    ledger = gr.DualLedger()
    ledger.add_problem("=cmd|' /C calc'!A0", D(2024, 3, 1), D(2024, 6, 30), "专班", department="局", number="P1")
    ledger.write_csv(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.csv", "links.csv", "measures.csv", "problems.csv"]
    assert "'=cmd" in (tmp_path / "problems.csv").read_text(encoding="utf-8")
    back = gr.DualLedger.read_csv(tmp_path)
    assert back.problems_csv() == ledger.problems_csv()
    (tmp_path / "history.csv").unlink()
    (tmp_path / "history.csv").mkdir()
    (tmp_path / "history.csv" / "x").write_text("x", encoding="utf-8")
    with pytest.raises(gr.FileError, match="history.csv"):
        ledger.write_csv(tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    tree = gr.DivisionTree.parse_csv("code,name,level,parent_code\n37,山东省,province,\n")
    tree.write_csv(tmp_path / "tree.csv")
    assert len(gr.DivisionTree.read_csv(tmp_path / "tree.csv")) == len(tree)
