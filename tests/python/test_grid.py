"""Grids (网格化服务管理): codes and layouts, polygons, the grid map and its point index, the
vectorised lookup, coverage and household-band checks, GeoJSON, household points, the synthetic city
and the pandas views."""

from __future__ import annotations

import pickle
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import grassroots as gr
from grassroots import (
    CoordinateSystem,
    CoverageFindingKind,
    Grid,
    GridCode,
    GridCodeLayout,
    GridKind,
    GridMap,
    GridMapBuilder,
    HouseholdBands,
    IntRange,
    Polygon,
)

METRES = CoordinateSystem.METRES
LONLAT = CoordinateSystem.LONLAT
JINYUAN = "370502005066"  # 锦苑社区 (residents' committee)
VILLAGE = "370502102201"  # a villagers' committee


def square(x0: float, y0: float, side: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x0 + side, y0), (x0 + side, y0 + side), (x0, y0 + side), (x0, y0)]


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return Polygon.rectangle((x0, y0), (x1, y1))


def grid(unit: str, sequence: int, shape: Polygon, households: int = 0, kind: GridKind = GridKind.COMPREHENSIVE) -> Grid:
    return Grid(GridCode.make(unit, sequence), shape, kind=kind, name=f"第{sequence}网格", households=households)


def two_by_two() -> GridMapBuilder:
    """锦苑 as a 100 m square split 2×2, added out of code order: ids 0 = 04 (NE), 1 = 02 (SE),
    2 = 03 (NW), 3 = 01 (SW)."""
    builder = GridMapBuilder(METRES)
    builder.add(grid(JINYUAN, 4, rect(50, 50, 100, 100), 410)).add(grid(JINYUAN, 2, rect(50, 0, 100, 50), 350))
    builder.add(grid(JINYUAN, 3, rect(0, 50, 50, 100), 520)).add(grid(JINYUAN, 1, rect(0, 0, 50, 50), 299))
    builder.set_boundary(JINYUAN, rect(0, 0, 100, 100))
    return builder


@pytest.fixture(scope="module")
def small_map() -> GridMap:
    return two_by_two().build()


def code_at(grid_map: GridMap, point: tuple[float, float]) -> str:
    found = grid_map.locate(point)  # the grid's code (issue 15: it was the grid's id)
    assert found == (None if grid_map.locate_ids(point) is None else grid_map.codes[grid_map.locate_ids(point)])
    return "none" if found is None else found


# ---- codes ----------------------------------------------------------------------------------------


def test_unit_grid_codes() -> None:
    code = GridCode("37050200506601")
    assert code.unit == gr.DivisionCode(JINYUAN)
    assert (code.sequence, code.whole_unit, str(code)) == (1, False, "37050200506601")
    assert code.layout == GridCodeLayout.unit_grid()
    assert code.layout.name == "unit-grid-14" and code.layout.length == 14 and code.layout.sequence_width == 2
    assert GridCode("37050200506600").whole_unit
    assert GridCode.make(JINYUAN, 7) == GridCode("37050200506607")
    assert str(GridCode.make(gr.DivisionCode(JINYUAN), 7)) == "37050200506607"
    assert GridCode("37050200506602") < GridCode("37050200506610") < GridCode("37050200506701")
    assert repr(code) == "GridCode('37050200506601')"
    assert code.to_dict() == {"code": "37050200506601", "unit": JINYUAN, "sequence": 1, "layout": "unit-grid-14"}
    assert pickle.loads(pickle.dumps(code)) == code
    assert len({code, GridCode("37050200506601"), GridCode("37050200506602")}) == 2


def test_beijing_and_custom_layouts() -> None:
    beijing = GridCodeLayout.beijing()
    code = GridCode("110101001001012", beijing)
    assert (str(code.unit), code.sequence, beijing.length) == ("110101001001", 12, 15)
    assert beijing.segments == [("county", 6), ("township", 3), ("community", 3), ("grid", 3)]
    assert str(GridCode.make("110101001001", 12, layout=beijing)) == "110101001001012"
    assert repr(code) == "GridCode('110101001001012', layout=GridCodeLayout.beijing())"
    restored = pickle.loads(pickle.dumps(code))
    assert str(restored) == "110101001001012" and restored.layout == beijing
    # The same grid written in two layouts is the same grid.
    assert code == GridCode.make("110101001001", 12)

    shanghai = GridCodeLayout("shanghai-16", [("township", 9), ("community", 3), ("grid", 4)])
    assert shanghai.length == 16 and shanghai != beijing
    assert eval(repr(shanghai), {"GridCodeLayout": GridCodeLayout}) == shanghai
    assert str(GridCode.make(JINYUAN, 123, shanghai)) == "3705020050660123"
    assert pickle.loads(pickle.dumps(shanghai)) == shanghai
    with pytest.raises(gr.InvalidInputError) as error:
        GridCodeLayout("x", [("county", 6), ("grid", 3)])
    assert str(error.value) == (
        "grid code layout 'x': the segments before the sequence have 6 digits; they must spell the 12-digit "
        "village-level code"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("3705020050660", "grid code '3705020050660' (unit-grid-14): has 13 digits; expected 14"),
        ("3705020050660x", "grid code '3705020050660x' (unit-grid-14): character 14 ('x') is not a digit"),
        (
            "37050200006601",
            "grid code '37050200006601' (unit-grid-14): its community part is not a village-level code: division "
            "code '370502000066': township segment is 000 but the village segment below it is 066",
        ),
    ],
)
def test_bad_codes_say_which_part_is_wrong(text: str, message: str) -> None:
    with pytest.raises(gr.InvalidInputError) as error:
        GridCode(text)
    assert str(error.value) == message
    assert isinstance(error.value, ValueError)


def test_bad_made_codes() -> None:
    with pytest.raises(gr.InvalidInputError, match=r"^grid sequence 100 does not fit the 2-digit sequence of layout 'unit-grid-14'$"):
        GridCode.make(JINYUAN, 100)
    with pytest.raises(gr.InvalidInputError, match=r"^grid sequence -1 does not fit the 2-digit sequence"):
        GridCode.make(JINYUAN, -1)
    with pytest.raises(gr.InvalidInputError, match=r"^a grid belongs to a village-level unit; 370502005 is a township$"):
        GridCode.make("370502005", 1)
    with pytest.raises(gr.InvalidInputError, match=r"\(beijing-15\): has 14 digits; expected 15"):
        GridCode("37050200506601", GridCodeLayout.beijing())


# ---- polygons -------------------------------------------------------------------------------------


def test_polygon_areas_in_metres_and_on_the_ellipsoid() -> None:
    assert Polygon(square(500_000, 4_140_000, 100)).area(METRES) == 10_000.0
    assert Polygon(square(0, 0, 100), [square(10, 10, 20)]).area(METRES) == 10_000.0 - 400.0
    # 0.01° × 0.01° at 37.4°N: about 1,110 m × 885 m.
    assert rect(118.50, 37.40, 118.51, 37.41).area(LONLAT) == pytest.approx(983_000, rel=0.005)


def test_polygon_shape_properties() -> None:
    clockwise = list(reversed(square(0, 0, 10)))
    p = Polygon(clockwise, holes=[square(2, 2, 2)])
    assert p.outer[0] == p.outer[-1]
    shoelace = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(p.outer, p.outer[1:])) / 2
    assert shoelace == 100.0  # normalised to counter-clockwise
    assert len(p.holes) == 1 and p.area(METRES) == 96.0
    assert p.bounds == (0.0, 0.0, 10.0, 10.0)
    assert rect(118.5, 37.4, 118.6, 37.6).centroid == pytest.approx((118.55, 37.5))
    assert p.covers((1, 1)) and p.covers((0, 5)) and p.covers((2, 3))  # inside, edge, the hole's edge
    assert not p.covers((3, 3)) and not p.covers((10.000001, 5))
    assert p == Polygon(clockwise, [square(2, 2, 2)]) and hash(p) == hash(Polygon(clockwise, [square(2, 2, 2)]))
    assert pickle.loads(pickle.dumps(p)) == p
    assert repr(rect(0, 0, 1, 1)) == "Polygon([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)])"
    assert Polygon(np.array(square(0, 0, 1))).area(METRES) == 1.0  # any sequence of pairs


@pytest.mark.parametrize(
    ("outer", "holes", "message"),
    [
        (
            [(118.5, 37.4), (118.6, 37.5), (118.5, 37.5), (118.6, 37.4)],
            [],
            "polygon ring is not closed (first point (118.5, 37.4) ≠ last point (118.6, 37.4))",
        ),
        ([(0, 0), (1, 0), (0, 0)], [], "polygon has fewer than 3 distinct points"),
        ([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)], [], "polygon is self-intersecting"),
        ([], [], "polygon is empty"),
        (square(0, 0, 10), [square(1, 1, 1), square(20, 20, 1)], "hole 2 is not inside the outer ring"),
        (
            [(0, 0), (1, 0), (1, float("nan")), (0, 0)],
            [],
            "polygon has a coordinate that is not a finite number (point 3 (1, nan))",
        ),
    ],
)
def test_bad_rings_say_what_is_wrong(
    outer: list[tuple[float, float]], holes: list[list[tuple[float, float]]], message: str
) -> None:
    with pytest.raises(gr.InvalidInputError) as error:
        Polygon(outer, holes)
    assert str(error.value) == message


def test_bad_rectangle() -> None:
    with pytest.raises(gr.InvalidInputError) as error:
        Polygon.rectangle((4, 2), (1, 6))
    assert str(error.value) == (
        "rectangle from (4, 2) to (1, 6) is not valid: the first corner must be below and left of the second"
    )


def test_geo_interface() -> None:
    p = Polygon(square(0, 0, 10), [square(2, 2, 2)])
    geo = p.__geo_interface__
    assert geo["type"] == "Polygon"
    outer, hole = geo["coordinates"]
    assert outer == tuple(square(0, 0, 10)) and len(hole) == 5
    feature = grid(JINYUAN, 1, rect(0, 0, 1, 1), 300).__geo_interface__
    assert feature["type"] == "Feature"
    assert feature["properties"] == {
        "code": "37050200506601",
        "kind": "comprehensive",
        "name": "第1网格",
        "unit": JINYUAN,
        "households": 300,
    }
    assert feature["geometry"] == rect(0, 0, 1, 1).__geo_interface__


def test_shapely_reads_the_geo_interface() -> None:
    shapely_geometry = pytest.importorskip("shapely.geometry")
    p = Polygon(square(0, 0, 10), [square(2, 2, 2)])
    shape = shapely_geometry.shape(p)
    assert shape.area == p.area(METRES) and shape.bounds == p.bounds


# ---- the map --------------------------------------------------------------------------------------


def test_map_finds_grids_and_boundaries(small_map: GridMap) -> None:
    assert len(small_map) == 4 and small_map.coordinates == METRES
    assert small_map.codes == ["37050200506604", "37050200506602", "37050200506603", "37050200506601"]
    assert [str(g.code) for g in small_map.grids] == small_map.codes
    assert small_map.find("37050200506602") == 1
    assert small_map.find(GridCode("37050200506601")) == 3
    assert small_map.find("37050200506605") is None
    assert "37050200506603" in small_map and "37050200506605" not in small_map
    assert small_map.grid(2).households == 520 and small_map.grid(2).unit == gr.DivisionCode(JINYUAN)
    assert small_map.grids_in(JINYUAN) == [3, 1, 2, 0]  # code order
    assert small_map.grids_in("370502") == [3, 1, 2, 0]
    assert small_map.grids_in(VILLAGE) == []
    boundary = small_map.boundary(JINYUAN)
    assert boundary is not None and boundary.area(METRES) == 10_000.0
    assert small_map.boundary(VILLAGE) is None
    with pytest.raises(gr.NotFoundError, match=r"^no grid with id 4 in this map of 4 grids$"):
        small_map.grid(4)
    with pytest.raises(gr.NotFoundError, match=r"^no grid with id \(invalid\)"):
        small_map.grid(-1)
    assert repr(small_map) == "<GridMap of 4 grids in 1 unit, metres>"
    assert len(GridMap()) == 0 and GridMap().locate((0, 0)) is None


def test_locate_inside_outside_and_on_shared_edges(small_map: GridMap) -> None:
    assert code_at(small_map, (10, 10)) == "37050200506601"
    assert code_at(small_map, (90, 10)) == "37050200506602"
    assert code_at(small_map, (10, 90)) == "37050200506603"
    assert code_at(small_map, (90, 90)) == "37050200506604"
    assert code_at(small_map, (150, 50)) == "none"
    assert code_at(small_map, (-0.001, 50)) == "none"
    # Shared edges and the vertex of all four go to the smallest code.
    assert code_at(small_map, (50, 25)) == "37050200506601"  # 01 | 02
    assert code_at(small_map, (75, 50)) == "37050200506602"  # 02 / 04
    assert code_at(small_map, (50, 75)) == "37050200506603"  # 03 | 04
    assert code_at(small_map, (50, 50)) == "37050200506601"
    assert small_map.locate_ids([100, 100]) == 0  # any pair of numbers is a point


def test_vectorised_locate_equals_scalar_locate(small_map: GridMap) -> None:
    rng = np.random.default_rng(20260301)
    n = 100_000
    xs = rng.uniform(-10, 110, n)
    ys = rng.uniform(-10, 110, n)
    xs[::10] = rng.integers(0, 5, n // 10) * 25.0  # on vertical edges
    ys[::15] = rng.integers(0, 5, -(-n // 15)) * 25.0  # on horizontal edges (and vertices)
    ids = small_map.locate_ids(xs, ys)
    assert ids.dtype == np.int64 and ids.shape == (n,)
    expected = [small_map.locate_ids((x, y)) for x, y in zip(xs.tolist(), ys.tolist())]
    assert ids.tolist() == [-1 if e is None else e for e in expected]
    assert 0 < int((ids == -1).sum()) < n // 2
    # Shapes are kept; lists and integer arrays are converted.
    assert small_map.locate_ids(xs.reshape(100, 1000), ys.reshape(100, 1000)).shape == (100, 1000)
    assert small_map.locate_ids([10, 90, 500], np.array([10, 90, 500], dtype=np.int32)).tolist() == [3, 0, -1]
    assert small_map.locate_ids(np.empty(0), np.empty(0)).shape == (0,)
    with pytest.raises(gr.InvalidInputError) as error:
        small_map.locate_ids(xs, ys[:-1])
    assert str(error.value) == "locate_ids: xs has shape (100000,) and ys (99999,); they must have the same shape"


def test_vectorised_locate_reads_contiguous_float64_in_place(small_map: GridMap) -> None:
    n = 1_000_000
    xs = np.full(n, 10.0)
    ys = np.full(n, 10.0)
    tracemalloc.start()
    try:
        ids = small_map.locate_ids(xs, ys)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (ids == 3).all()
    assert peak < 1.5 * ids.nbytes  # the result only: no copy of the 16 MB of input


def test_coverage_overlap_gap_and_outside_with_areas() -> None:
    builder = GridMapBuilder(METRES)
    builder.add(grid(JINYUAN, 1, rect(0, 0, 55, 50)))  # reaches 5 m into 02: 250 m²
    builder.add(grid(JINYUAN, 2, rect(50, 0, 100, 50)))
    builder.add(grid(JINYUAN, 3, rect(0, 50, 50, 100)))  # 04 misses its west 10 m: a 500 m² gap
    builder.add(grid(JINYUAN, 4, rect(60, 50, 100, 112)))  # 40 × 12 m = 480 m² outside
    builder.set_boundary(JINYUAN, rect(0, 0, 100, 100))
    grid_map = builder.build()
    overlap, gap, outside = grid_map.check_coverage(JINYUAN)
    assert overlap.kind == CoverageFindingKind.OVERLAP and overlap.grids == [0, 1]
    assert overlap.area_m2 == pytest.approx(250, rel=0.01)
    assert overlap.message == "grids 37050200506601 and 37050200506602 overlap by 250 m²"
    assert overlap.unit == gr.DivisionCode(JINYUAN)
    assert gap.kind == CoverageFindingKind.GAP and gap.grids == []
    assert gap.area_m2 == pytest.approx(500, rel=0.01)
    assert gap.message == "500 m² of 370502005066 is in no grid"
    assert outside.kind == CoverageFindingKind.OUTSIDE and outside.grids == [3]
    assert outside.area_m2 == pytest.approx(480, rel=0.01)
    assert outside.message == "grid 37050200506604 reaches 480 m² outside 370502005066"
    assert grid_map.check_coverage(JINYUAN, tolerance_m2=1_000) == []
    assert len(grid_map.check_coverage("370502005")) == 3  # every unit under a township
    assert two_by_two().build().check_coverage(JINYUAN) == []

    frame = grid_map.coverage_frame(grid_map.check_coverage(JINYUAN))
    assert frame["kind"].tolist() == ["overlap", "gap", "outside"]
    assert frame["code"].tolist() == ["37050200506601", pd.NA, "37050200506604"]
    assert frame["other_code"].tolist() == ["37050200506602", pd.NA, pd.NA]
    assert str(frame["grid"].dtype) == "Int64" and str(frame["area_m2"].dtype) == "float64"


def test_household_counts_and_bands() -> None:
    builder = GridMapBuilder(METRES)
    builder.add(grid(JINYUAN, 1, rect(0, 0, 10, 10), 299))  # urban: below 300
    builder.add(grid(JINYUAN, 2, rect(10, 0, 20, 10), 500))  # urban: in band
    builder.add(grid(VILLAGE, 1, rect(0, 20, 10, 30), 299))  # rural: in band
    builder.add(grid(VILLAGE, 2, rect(10, 20, 20, 30), 401))  # rural: above 400
    builder.add(grid(JINYUAN, 3, rect(0, 40, 10, 50), 5, GridKind.SCHOOL))  # no band by default
    grid_map = builder.build()
    low, high = grid_map.check_bands()  # the recorded households
    assert (low.grid, low.households, low.band) == (0, 299, IntRange(300, 500))
    assert low.message == (
        "grid 37050200506601 has 299 households, below the band 300–500 for comprehensive grids of residents' "
        "committees"
    )
    assert (high.grid, high.band) == (3, IntRange(200, 400))
    bands = HouseholdBands(urban=IntRange(250, 500), dedicated={GridKind.SCHOOL: IntRange(10, 100)})
    assert bands.rural == IntRange(200, 400)
    assert bands.band(GridKind.SCHOOL, JINYUAN) == IntRange(10, 100)
    assert bands.band(GridKind.HOSPITAL, JINYUAN) is None
    custom = grid_map.check_bands([299, 500, 299, 401, 5], bands)
    assert [f.grid for f in custom] == [3, 4]
    assert custom[1].message == "grid 37050200506603 has 5 households, below the band 10–100 for school grids"
    with pytest.raises(gr.InvalidInputError, match=r"^check_bands: 2 household counts for 5 grids"):
        grid_map.check_bands([1, 2])

    points = np.array([[5, 5], [15, 5], [15, 25], [100, 100], [6, 6]], dtype=float)
    counts = grid_map.count_households(points, [100, 50, 70, 8, 1])
    assert counts.dtype == np.int64 and counts.tolist() == [101, 50, 0, 70, 0, 8]
    assert grid_map.count_households(points[:, 0], points[:, 1], np.array([100, 50, 70, 8, 1])).tolist() == counts.tolist()
    with pytest.raises(gr.InvalidInputError, match=r"^count_households: 5 points but 2 household counts$"):
        grid_map.count_households(points, [1, 2])
    with pytest.raises(gr.InvalidInputError, match=r"^count_households: points must be an \(N, 2\) array"):
        grid_map.count_households(points[:, 0], [1, 2, 3, 4, 5])

    frame = grid_map.bands_frame(custom)
    assert frame["code"].tolist() == ["37050210220102", "37050200506603"]
    assert frame["kind"].tolist() == ["comprehensive", "school"]
    assert frame[["band_min", "band_max"]].values.tolist() == [[200, 400], [10, 100]]


def test_builder_refuses_bad_grids() -> None:
    builder = GridMapBuilder(METRES)
    builder.add(grid(JINYUAN, 1, rect(0, 0, 1, 1))).add(grid(JINYUAN, 1, rect(1, 0, 2, 1)))
    assert len(builder) == 2
    with pytest.raises(gr.InvalidInputError, match=r"^duplicate grid code 37050200506601 \(grids 0 and 1\)$"):
        builder.build()
    with pytest.raises(gr.InvalidInputError) as error:
        GridMapBuilder().add(grid(JINYUAN, 0, rect(0, 0, 1, 1)))
    assert str(error.value) == (
        "grid code 37050200506600 has sequence 00, which stands for the whole community 370502005066, not a grid"
    )
    lonlat = GridMapBuilder()
    lonlat.add(grid(JINYUAN, 1, rect(500_000, 4_140_000, 500_100, 4_140_100)))
    with pytest.raises(gr.InvalidInputError, match=r"is not a longitude in \[-180, 180\]"):
        lonlat.build()
    with pytest.raises(gr.InvalidInputError, match=r"370502005555 is not in the division tree"):
        GridMapBuilder().add(grid("370502005555", 1, rect(118.5, 37.4, 118.51, 37.41))).build(gr.datasets.dongying())


# ---- GeoJSON --------------------------------------------------------------------------------------


def sample_lonlat_map() -> GridMap:
    builder = GridMapBuilder()
    builder.add(Grid("37050200506601", rect(118.50, 37.40, 118.505, 37.405), name="锦苑社区第一网格", households=356))
    builder.add(
        Grid(
            "37050200506602",
            Polygon(
                [(118.505, 37.40), (118.51, 37.40), (118.51, 37.405), (118.505, 37.405), (118.505, 37.40)],
                [[(118.506, 37.401), (118.507, 37.401), (118.507, 37.402), (118.506, 37.402), (118.506, 37.401)]],
            ),
            name="锦苑社区第二网格",
            households=412,
        )
    )
    builder.add(Grid("37050200506603", rect(118.506, 37.401, 118.507, 37.402), GridKind.SCHOOL, "胜利一中专属网格"))
    builder.set_boundary(JINYUAN, rect(118.50, 37.40, 118.51, 37.41))
    return builder.build()


def test_geojson_round_trip(tmp_path: Path) -> None:
    grid_map = sample_lonlat_map()
    text = grid_map.to_geojson(gr.MapFeatures.ALL)
    again = GridMapBuilder.from_geojson(text, "roundtrip.geojson").build()
    assert again.grids == grid_map.grids
    assert again.boundary(JINYUAN) == grid_map.boundary(JINYUAN)
    assert again.to_geojson(gr.MapFeatures.ALL) == text
    path = tmp_path / "grids.geojson"
    grid_map.write_geojson(path, gr.MapFeatures.ALL)
    read = GridMap.read_geojson(path, tree=gr.datasets.dongying())
    assert read.grids == grid_map.grids and read.coordinates == LONLAT
    assert read.locate((118.5065, 37.4015)) == "37050200506603"  # the school inside grid 02's hole


def test_bad_geojson_names_the_feature(tmp_path: Path) -> None:
    feature = (
        '{"type": "Feature", "properties": {"code": "37050200506601", "kind": "schools"}, "geometry": '
        '{"type": "Polygon", "coordinates": [[[118.5, 37.4], [118.6, 37.4], [118.6, 37.5], [118.5, 37.4]]]}}'
    )
    text = '{"type": "FeatureCollection", "features": [' + feature + "]}"
    with pytest.raises(gr.InvalidInputError) as error:
        GridMapBuilder.from_geojson(text, "grids.geojson")
    assert str(error.value) == (
        "grids.geojson, field 'features[0]': property 'kind': unknown grid kind 'schools' (expected comprehensive, "
        "school, hospital, enterprise, industrial_park, business_district or other_dedicated)"
    )
    assert (error.value.source, error.value.field) == ("grids.geojson", "features[0]")
    with pytest.raises(gr.InvalidInputError, match=r"^<text>: the top level is an array, not a GeoJSON object$"):
        GridMapBuilder.from_geojson("[]")
    path = tmp_path / "bad.geojson"
    path.write_text(text.replace('"schools"', '"school"').replace('"37050200506601"', '"3705020050660"'), "utf-8")
    with pytest.raises(gr.InvalidInputError, match=r"^bad.geojson, field 'features\[0\]': property 'code': grid code"):
        GridMap.read_geojson(path)
    with pytest.raises(gr.FileError):
        GridMap.read_geojson(tmp_path / "missing.geojson")


def test_beijing_geojson() -> None:
    text = (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "110105001001001"}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[116.4, 39.9], [116.41, 39.9], [116.41, 39.91], '
        "[116.4, 39.9]]]}}]}"
    )
    grid_map = GridMapBuilder.from_geojson(text, "bj.geojson", layout=GridCodeLayout.beijing()).build()
    assert grid_map.find("110105001001001") == 0  # read in the map's own layout
    assert grid_map.grid(0).code.layout == GridCodeLayout.beijing()


# ---- household points -----------------------------------------------------------------------------


def test_household_points(tmp_path: Path) -> None:
    points = gr.parse_household_points(
        "id,lon,lat,households\n3号楼,118.5012,37.4501,36\n5号楼,118.5020,37.4507,48\n", "buildings.csv"
    )
    assert len(points) == 2 and points.ids == ["3号楼", "5号楼"]
    assert points.points.dtype == np.float64 and points.points.shape == (2, 2)
    assert points.points[1].tolist() == [118.5020, 37.4507]
    assert points.households.dtype == np.int64 and points.households.tolist() == [36, 48]
    assert not points.points.flags.writeable
    with pytest.raises(gr.InvalidInputError) as error:
        gr.parse_household_points("id,lon,lat\na,118.5,abc\n", "b.csv")
    assert str(error.value) == "b.csv, row 2, field 'lat': 'abc' is not a number"
    path = tmp_path / "h.csv"
    path.write_text("id,x,y\nh1,10.5,20\nh2,11,21\n", "utf-8")
    assert gr.read_household_points(path).households.tolist() == [1, 1]
    with pytest.raises(gr.FileError):
        gr.read_household_points(tmp_path / "missing.csv")


# ---- the synthetic city ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shengli(dongying: gr.DivisionTree) -> gr.SyntheticCity:
    return gr.synthetic_city(dongying, "370502005", 7)  # 胜利街道, 锦苑社区's township


def test_synthetic_city_buildings_lie_in_grids_of_their_own_unit(shengli: gr.SyntheticCity) -> None:
    grid_map = shengli.map
    assert grid_map.coordinates == LONLAT and len(grid_map) > 50
    buildings = shengli.buildings
    assert buildings.dtype == np.float64 and buildings.shape == (len(shengli.households), 2)
    assert len(shengli.building_unit) == len(buildings)
    ids = grid_map.locate_ids(buildings[:, 0], buildings[:, 1])
    assert (ids >= 0).all()
    grid_units = [g.unit for g in grid_map.grids]
    assert all(grid_units[i] == unit for i, unit in zip(ids.tolist(), shengli.building_unit))
    counts = grid_map.count_households(buildings, shengli.households)
    assert counts[:-1].tolist() == [g.households for g in grid_map.grids] and counts[-1] == 0
    assert grid_map.check_coverage(JINYUAN) == []
    first = grid_map.grid(grid_map.grids_in(JINYUAN)[0])
    assert (str(first.code), first.name) == ("37050200506601", "锦苑社区居民委员会第一网格")


def test_synthetic_city_is_deterministic_and_checks_options(dongying: gr.DivisionTree) -> None:
    a = gr.synthetic_city(dongying, JINYUAN, 42)
    b = gr.synthetic_city(dongying, gr.DivisionCode(JINYUAN), 42)
    assert np.array_equal(a.buildings, b.buildings) and a.map.grids == b.map.grids
    small = gr.synthetic_city(dongying, JINYUAN, 42, community_households=IntRange(600, 600), community_grid_households=200)
    assert len(small.map) == 3 and int(small.households.sum()) == 600
    with pytest.raises(gr.InvalidInputError, match=r"village_households needs 1 ≤ min ≤ max"):
        gr.synthetic_city(dongying, "3705", 1, village_households=IntRange(10, 5))
    with pytest.raises(gr.NotFoundError):
        gr.synthetic_city(dongying, "3706", 1)


# ---- re-division ----------------------------------------------------------------------------------


def test_redivide_splits_and_merges(shengli: gr.SyntheticCity) -> None:
    bands = HouseholdBands(urban=IntRange(300, 500))
    r = gr.redivide(shengli.map, JINYUAN, shengli.buildings, shengli.households, bands=bands)
    assert "Redivision" in repr(r)
    kinds = [c.kind for c in r.changes]
    assert gr.RedivisionChangeKind.SPLIT in kinds and gr.RedivisionChangeKind.MERGE in kinds
    split = r.changes[0]
    assert split.kind == gr.RedivisionChangeKind.SPLIT and len(split.from_) == 1 and len(split.to) >= 2
    assert isinstance(split.to[0], GridCode)
    assert pickle.loads(pickle.dumps(split)) == split and split.to_dict()["kind"] == "split"
    assert r.remaining == []
    assert r.households.shape == (len(r.map),) and not r.households.flags.writeable
    assert int(r.households.sum()) == int(shengli.households.sum())
    for gid in r.map.grids_in(JINYUAN):
        assert 300 <= r.households[gid] <= 500
    assert r.map.check_coverage(JINYUAN) == []
    # Grids of other units are copied unchanged.
    assert len(r.map) - len(r.map.grids_in(JINYUAN)) == len(shengli.map) - len(shengli.map.grids_in(JINYUAN))
    options = gr.RedivisionOptions(bands=bands, adjacency_m=100)
    assert options.adjacency_m == 100 and options.bands == bands


def test_redivide_bad_input(shengli: gr.SyntheticCity) -> None:
    with pytest.raises(gr.InvalidInputError, match="buildings but"):
        gr.redivide(shengli.map, JINYUAN, shengli.buildings, shengli.households[:-1])
    with pytest.raises(gr.InvalidInputError, match=r"\(N, 2\)"):
        gr.redivide(shengli.map, JINYUAN, shengli.buildings[:, 0], shengli.households)
    with pytest.raises(gr.NotFoundError, match="has no grids"):
        gr.redivide(shengli.map, "370502005199", shengli.buildings, shengli.households)
    with pytest.raises(gr.InvalidInputError, match="village-level"):
        gr.redivide(shengli.map, "370502005", shengli.buildings, shengli.households)


# ---- pandas ---------------------------------------------------------------------------------------


def test_map_to_pandas(shengli: gr.SyntheticCity) -> None:
    frame = shengli.map.to_pandas()
    assert frame.index.name == "grid" and len(frame) == len(shengli.map)
    assert {c: str(t) for c, t in frame.dtypes.items()} == {
        "code": "string",
        "unit": "string",
        "kind": "category",
        "name": "string",
        "households": "int64",
        "area_m2": "float64",
    }
    assert list(frame["kind"].cat.categories) == [k.name.lower() for k in GridKind.__members__.values()]
    first = frame.loc[shengli.map.grids_in(JINYUAN)[0]]
    assert (first["code"], first["unit"], first["kind"]) == ("37050200506601", JINYUAN, "comprehensive")
    assert frame["area_m2"].sum() == pytest.approx(sum(g.shape.area(LONLAT) for g in shengli.map.grids))


def test_value_types() -> None:
    g = grid(JINYUAN, 1, rect(0, 0, 1, 1), 300)
    assert g == grid(JINYUAN, 1, rect(0, 0, 1, 1), 300) and hash(g) == hash(grid(JINYUAN, 1, rect(0, 0, 1, 1), 300))
    assert pickle.loads(pickle.dumps(g)) == g
    assert g.to_dict()["kind"] == "comprehensive"
    assert repr(g) == "<Grid 37050200506601 comprehensive '第1网格', 300 households>"
    assert GridKind.SCHOOL.chinese_name == "学校专属网格"
    bands = HouseholdBands()
    assert (bands.urban, bands.rural, bands.dedicated) == (IntRange(300, 500), IntRange(200, 400), {})
    assert pickle.loads(pickle.dumps(bands)) == bands


def test_enums_come_from_their_tables() -> None:
    kinds = [k.name.lower() for k in sorted(GridKind.__members__.values(), key=int)]
    assert kinds == ["comprehensive", "school", "hospital", "enterprise", "industrial_park", "business_district",
                     "other_dedicated"]
    for enum in (GridKind, gr.GridRole, gr.PartTimeKind):
        for name, member in enum.__members__.items():
            assert f"{name} : {member.chinese_name}: " in (enum.__doc__ or "")
    assert [m.name for m in CoverageFindingKind.__members__.values()] == ["OVERLAP", "GAP", "OUTSIDE"]
    assert not hasattr(CoverageFindingKind.GAP, "chinese_name")
    assert [m.name for m in gr.RedivisionChangeKind.__members__.values()] == ["SPLIT", "MERGE"]
    assert list(CoordinateSystem.__members__) == ["LONLAT", "METRES"]


def test_pandas_views_are_python_methods_typed_as_frames() -> None:
    import typing

    for cls, name in [(GridMap, "to_pandas"), (GridMap, "coverage_frame"), (GridMap, "bands_frame"),
                      (gr.GridStaffing, "roster"), (gr.GridStaffing, "findings_frame"),
                      (gr.GridStaffing, "summary_frame")]:
        function = getattr(cls, name)
        assert function.__module__ == "grassroots.grid._pandas"
        assert typing.get_type_hints(function, {**function.__globals__, "pd": pd})["return"] is pd.DataFrame
