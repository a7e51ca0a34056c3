"""Issue 15, item 3: grid maps as GeoDataFrames (with a CRS, boundaries apart from grids), locate on
shapely points and GeoSeries returning grid codes, GeoJSON exports that keep grids and boundaries apart,
one naming rule for readers (from_* text, read_* a path), WGS84 ↔ GCJ-02 ↔ BD-09 and the ladder as a
networkx graph. geopandas, shapely and networkx are optional extras: these tests skip without them."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import grassroots as gr
from grassroots import CoordinateSystem, Grid, GridCode, GridKind, GridMap, GridMapBuilder, MapFeatures, Polygon

gpd = pytest.importorskip("geopandas")
shapely = pytest.importorskip("shapely")
from shapely.geometry import LineString, MultiPolygon, Point  # noqa: E402
from shapely.geometry import Polygon as ShapelyPolygon  # noqa: E402

JINYUAN = "370502005066"  # 锦苑社区
VILLAGE = "370502102201"


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    return Polygon.rectangle((x0, y0), (x1, y1))


def lonlat_map(epsg: int | None = None) -> GridMap:
    """Three grids of 锦苑 (01 west, 02 east with a school, 03 the school) and one of a village, and
    锦苑's boundary; ids in the order added."""
    builder = GridMapBuilder(CoordinateSystem.LONLAT, epsg=epsg)
    builder.add(Grid(GridCode.make(JINYUAN, 2), rect(118.505, 37.40, 118.51, 37.405), name="第二网格", households=412))
    builder.add(Grid(GridCode.make(JINYUAN, 1), rect(118.50, 37.40, 118.505, 37.405), name="第一网格", households=356))
    builder.add(Grid(GridCode.make(VILLAGE, 1), rect(118.60, 37.50, 118.61, 37.51), kind=GridKind.SCHOOL, name="学校"))
    builder.set_boundary(JINYUAN, rect(118.50, 37.40, 118.51, 37.41))
    return builder.build()


# ---- GeoDataFrames ----------------------------------------------------------------------------------


def test_to_geopandas_gives_the_grids_with_their_columns_and_crs() -> None:
    frame = lonlat_map().to_geopandas()
    assert isinstance(frame, gpd.GeoDataFrame)
    assert list(frame.columns) == ["code", "unit", "kind", "name", "households", "area_m2", "geometry"]
    assert frame.index.name == "grid" and len(frame) == 3
    assert list(frame["code"]) == ["37050200506602", "37050200506601", "37050210220101"]
    assert frame.crs.to_epsg() == 4326  # a lon/lat map without a recorded CRS: WGS84, GeoJSON's own
    assert frame.geometry.iloc[1].equals(ShapelyPolygon([(118.50, 37.40), (118.505, 37.40), (118.505, 37.405), (118.50, 37.405)]))
    assert list(frame["kind"].astype(str)) == ["comprehensive", "comprehensive", "school"]
    assert lonlat_map(epsg=4490).to_geopandas().crs.to_epsg() == 4490  # CGCS2000 as the map says
    assert lonlat_map().to_geopandas(crs="EPSG:4490").crs.to_epsg() == 4490


def test_boundaries_are_a_frame_of_their_own() -> None:
    grid_map = lonlat_map(epsg=4490)
    assert len(grid_map.to_geopandas()) == 3  # no boundary among the grids
    boundaries = grid_map.boundaries_to_geopandas()
    assert list(boundaries.columns) == ["unit", "geometry"]
    assert list(boundaries["unit"]) == [JINYUAN] and boundaries.crs.to_epsg() == 4490
    assert boundaries.geometry.iloc[0].area == pytest.approx(0.01 * 0.01)
    assert [str(unit) for unit, _ in grid_map.boundaries] == [JINYUAN]


def test_a_metres_map_has_its_projected_crs_or_none() -> None:
    builder = GridMapBuilder(CoordinateSystem.METRES)
    builder.add(Grid(GridCode.make(JINYUAN, 1), rect(0, 0, 100, 100)))
    assert builder.build().to_geopandas().crs is None  # a local plane
    utm = GridMapBuilder(CoordinateSystem.METRES, epsg=32650)
    utm.add(Grid(GridCode.make(JINYUAN, 1), rect(600000, 4140000, 600100, 4140100)))
    assert utm.build().to_geopandas().crs.to_epsg() == 32650
    with pytest.raises(gr.InvalidInputError, match="EPSG:4326 is not a projected system in metres"):
        GridMapBuilder(CoordinateSystem.METRES, epsg=4326)


def test_from_geopandas_is_the_inverse() -> None:
    grid_map = lonlat_map(epsg=4490)
    again = GridMap.from_geopandas(grid_map.to_geopandas(), boundaries=grid_map.boundaries_to_geopandas())
    assert again.epsg == 4490 and again.coordinates == CoordinateSystem.LONLAT
    assert again.to_geojson(MapFeatures.ALL) == grid_map.to_geojson(MapFeatures.ALL)
    projected = GridMap.from_geopandas(grid_map.to_geopandas().to_crs(32650))
    assert projected.coordinates == CoordinateSystem.METRES and projected.epsg == 32650
    assert projected.grid(0).shape.area(CoordinateSystem.METRES) == pytest.approx(
        grid_map.grid(0).shape.area(CoordinateSystem.LONLAT), rel=2e-3
    )


def test_from_geopandas_reads_a_hand_made_frame() -> None:
    frame = gpd.GeoDataFrame(
        {"code": ["37050200506601", "37050200506602"], "kind": [None, "hospital"], "households": [300.0, np.nan]},
        geometry=[ShapelyPolygon([(0, 0), (1, 0), (1, 1), (0, 1)]), MultiPolygon([ShapelyPolygon([(1, 0), (2, 0), (2, 1)])])],
        crs="EPSG:4326",
    )
    grid_map = GridMap.from_geopandas(frame)
    assert [g.kind for g in grid_map.grids] == [GridKind.COMPREHENSIVE, GridKind.HOSPITAL]
    assert [g.households for g in grid_map.grids] == [300, 0]
    assert grid_map.locate((0.5, 0.5)) == "37050200506601"


def frame_of(geometries: list[Any], codes: list[str] | None = None, crs: Any = "EPSG:4490") -> Any:
    codes = codes or [f"370502005066{i + 1:02d}" for i in range(len(geometries))]
    return gpd.GeoDataFrame({"code": codes}, geometry=geometries, crs=crs, index=[f"g{i}" for i in range(len(codes))])


SQUARE = ShapelyPolygon([(118.5, 37.4), (118.6, 37.4), (118.6, 37.5), (118.5, 37.5)])


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (frame_of([SQUARE], crs=None), "GridMap.from_geopandas: the frame has no CRS; set it"),
        (frame_of([SQUARE], crs="EPSG:4214"), "is not WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490)"),
        (
            frame_of([SQUARE, LineString([(118.5, 37.4), (118.6, 37.5)])]),
            "GridMap.from_geopandas, row 2 (index 'g1'), field 'geometry': a LineString; a grid or boundary must be a single Polygon",
        ),
        (
            frame_of([SQUARE, SQUARE, SQUARE], codes=["37050200506601", "37050200506602", "37050200506601"]),
            "GridMap.from_geopandas, row 3 (index 'g2'), field 'code': duplicate grid code 37050200506601 (also row 1, index 'g0')",
        ),
        (frame_of([SQUARE, None]), "row 2 (index 'g1'), field 'geometry': the geometry is missing or empty"),
        (frame_of([SQUARE], codes=["3705020050660"]), "row 1 (index 'g0'): grid code '3705020050660' (unit-grid-14): has 13 digits"),
        (
            frame_of([ShapelyPolygon([(118.5, 37.4), (118.6, 37.5), (118.6, 37.4), (118.5, 37.5)])]),
            "row 1 (index 'g0'), field 'geometry':",
        ),
    ],
)
def test_from_geopandas_refuses_bad_frames_naming_the_row(frame: Any, message: str) -> None:
    with pytest.raises(gr.InvalidInputError) as error:
        GridMap.from_geopandas(frame)
    assert message in str(error.value)


def test_from_geopandas_refuses_what_is_not_a_frame_of_grids() -> None:
    with pytest.raises(gr.InvalidInputError, match="expected a GeoDataFrame of grids, got DataFrame"):
        GridMap.from_geopandas(pd.DataFrame({"code": []}))
    with pytest.raises(gr.InvalidInputError, match="the frame has no column 'code'"):
        GridMap.from_geopandas(gpd.GeoDataFrame({"id": [1]}, geometry=[SQUARE], crs="EPSG:4490"))
    boundaries = gpd.GeoDataFrame({"unit": ["3705"]}, geometry=[SQUARE], crs="EPSG:4490")
    with pytest.raises(gr.InvalidInputError, match=r"boundaries, row 1 \(index 0\): .*village-level unit"):
        GridMap.from_geopandas(frame_of([SQUARE]), boundaries=boundaries)


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, dongying: gr.DivisionTree) -> None:
    real_import = builtins.__import__

    def without_geopandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("geopandas", "networkx"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_geopandas)
    for module in ("geopandas", "networkx"):
        monkeypatch.delitem(__import__("sys").modules, module, raising=False)
    with pytest.raises(ImportError, match=r"GridMap.to_geopandas needs geopandas, which is not installed: pip install 'grassroots\[geo\]'"):
        lonlat_map().to_geopandas()
    with pytest.raises(ImportError, match=r"DivisionTree.to_networkx needs networkx.*grassroots\[networkx\]"):
        dongying.to_networkx()
    assert lonlat_map().locate((118.501, 37.401)) == "37050200506601"  # plain points need no extra


# ---- locate by code -----------------------------------------------------------------------------------


def test_locate_gives_codes_for_points_and_shapely_points() -> None:
    grid_map = lonlat_map()
    assert grid_map.locate((118.501, 37.401)) == "37050200506601"
    assert grid_map.locate(Point(118.506, 37.401)) == "37050200506602"
    assert grid_map.locate(Point(0, 0)) is None
    assert grid_map.locate_ids((118.501, 37.401)) == 1  # the index form, under its own name
    with pytest.raises(gr.InvalidInputError, match="GridMap.locate: a LineString, not a Point"):
        grid_map.locate(LineString([(0, 0), (1, 1)]))


def test_locate_on_arrays_gives_a_categorical_whose_codes_are_the_ids() -> None:
    grid_map = lonlat_map()
    xs = np.array([118.501, 118.506, 118.605, 10.0])
    ys = np.array([37.401, 37.401, 37.505, 10.0])
    codes = grid_map.locate(xs, ys)
    assert isinstance(codes, pd.Categorical)
    assert list(codes.categories) == grid_map.codes
    assert codes.tolist()[:3] == ["37050200506601", "37050200506602", "37050210220101"] and pd.isna(codes[3])
    assert codes.codes.tolist() == grid_map.locate_ids(xs, ys).tolist() == [1, 0, 2, -1]


def test_locate_on_a_geoseries_checks_and_converts_its_crs() -> None:
    grid_map = lonlat_map()
    points = gpd.GeoSeries([Point(118.501, 37.401), None, Point(118.506, 37.401)], index=["a", "b", "c"], crs=4326)
    found = grid_map.locate(points)
    assert isinstance(found, pd.Series) and list(found.index) == ["a", "b", "c"]
    assert found["a"] == "37050200506601" and pd.isna(found["b"]) and found["c"] == "37050200506602"
    assert grid_map.locate(points.to_crs(3857)).tolist() == found.tolist()  # web Mercator, converted back
    with pytest.raises(gr.InvalidInputError, match="the GeoSeries has no CRS"):
        grid_map.locate(gpd.GeoSeries([Point(118.501, 37.401)]))
    with pytest.raises(gr.InvalidInputError, match=r"GridMap.locate, row 2 \(index 'y'\): a Polygon, not a Point"):
        grid_map.locate(gpd.GeoSeries([Point(1, 1), SQUARE], index=["x", "y"], crs=4326))
    local = GridMapBuilder(CoordinateSystem.METRES)
    local.add(Grid(GridCode.make(JINYUAN, 1), rect(0, 0, 100, 100)))
    with pytest.raises(gr.InvalidInputError, match="this map records no CRS"):
        local.build().locate(gpd.GeoSeries([Point(1, 1)], crs=32650))


# ---- GeoJSON and the readers' names -------------------------------------------------------------------


def test_geojson_exports_keep_grids_and_boundaries_apart() -> None:
    grid_map = lonlat_map()
    grids = json.loads(grid_map.to_geojson())["features"]
    assert len(grids) == 3 and {f["properties"]["role"] for f in grids} == {"grid"}
    boundaries = json.loads(grid_map.to_geojson(MapFeatures.BOUNDARIES))["features"]
    assert [f["properties"] for f in boundaries] == [{"role": "boundary", "unit": JINYUAN}]
    both = json.loads(grid_map.to_geojson(MapFeatures.ALL))["features"]
    assert [f["properties"]["role"] for f in both] == ["grid", "grid", "grid", "boundary"]


def test_readers_from_text_and_read_from_a_path_on_both_classes(tmp_path: Path) -> None:
    grid_map = lonlat_map()
    text = grid_map.to_geojson(MapFeatures.ALL)
    from_text = GridMap.from_geojson(text, "grids.geojson")
    assert from_text.to_geojson(MapFeatures.ALL) == text
    grid_map.write_geojson(tmp_path / "grids.geojson", MapFeatures.ALL)
    assert GridMap.read_geojson(tmp_path / "grids.geojson").to_geojson(MapFeatures.ALL) == text
    assert len(GridMapBuilder.read_geojson(tmp_path / "grids.geojson")) == 3
    (tmp_path / "bad.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}')
    with pytest.raises(gr.InvalidInputError, match=r"bad\.geojson.*features\[0\]"):
        GridMapBuilder.read_geojson(tmp_path / "bad.geojson")
    with pytest.raises(gr.InvalidInputError, match="grids.geojson"):
        GridMap.from_geojson("[]", "grids.geojson")


# ---- coordinates ------------------------------------------------------------------------------------


def test_convert_lonlat_matches_the_published_pairs() -> None:
    # coordtransform's test point (wandergis/coordtransform, test/app.js).
    assert gr.convert_lonlat(116.404, 39.915, "wgs84", "gcj02") == pytest.approx((116.41024449916938, 39.91640428150164), abs=1e-12)
    assert gr.convert_lonlat(116.404, 39.915, "gcj02", "bd09") == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-12)
    # coordtransform's bd09togcj02 is the one-step closed form; the exact inverse is within 1e-6 degrees of it.
    assert gr.convert_lonlat(116.404, 39.915, gr.LonLatSystem.BD09, gr.LonLatSystem.GCJ02) == pytest.approx(
        (116.39762729119315, 39.90865673957631), abs=1e-6
    )
    # eviltransform's test points (googollee/eviltransform, python/test.py): Shanghai, Shenzhen, Beijing.
    lon, lat = gr.convert_lonlat([121.5272106, 113.912316, 116.377817], [31.1774276, 22.543847, 39.911954], "wgs84", "gcj02")
    assert lon == pytest.approx([121.531541859215, 113.9171764808363, 116.38404722455657], abs=1e-12)
    assert lat == pytest.approx([31.17530398364597, 22.540796131694766, 39.91334545536069], abs=1e-12)


def test_convert_lonlat_round_trips_keeps_shapes_and_leaves_the_world_alone() -> None:
    rng = np.random.default_rng(15)
    lon = rng.uniform(74, 134, size=(50, 20))
    lat = rng.uniform(19, 53, size=(50, 20))
    gcj = gr.convert_lonlat(lon, lat, "wgs84", "gcj02")
    assert gcj[0].shape == (50, 20) and gcj[0].dtype == np.float64
    back = gr.convert_lonlat(*gcj, "gcj02", "wgs84")
    assert np.abs(back[0] - lon).max() < 1e-9 and np.abs(back[1] - lat).max() < 1e-9
    bd = gr.convert_lonlat(lon, lat, "wgs84", "bd09")
    again = gr.convert_lonlat(*bd, "bd-09", "WGS84")
    assert np.abs(again[0] - lon).max() < 1e-9 and np.abs(again[1] - lat).max() < 1e-9
    assert gr.convert_lonlat(2.35, 48.86, "gcj02", "wgs84") == (2.35, 48.86)  # Paris: outside China
    assert not gr.in_china_box((2.35, 48.86)) and gr.in_china_box((118.5, 37.4))


def test_convert_lonlat_refuses_bad_input() -> None:
    with pytest.raises(gr.InvalidInputError, match=r"convert_lonlat: point 1 \(nan, 39.9\) is not a longitude"):
        gr.convert_lonlat([116.4, np.nan], [39.9, 39.9], "gcj02", "wgs84")
    with pytest.raises(gr.InvalidInputError, match=r"convert_lonlat: point 0 \(39.9, 116.4\) is not a longitude in \[-180, 180\] and latitude in \[-90, 90\]"):
        gr.convert_lonlat(39.9, 116.4, "gcj02", "wgs84")  # latitude and longitude swapped
    with pytest.raises(gr.InvalidInputError, match="lon has shape \\(2,\\) and lat \\(3,\\)"):
        gr.convert_lonlat([1.0, 2.0], [1.0, 2.0, 3.0], "gcj02", "wgs84")
    with pytest.raises(gr.InvalidInputError, match="convert_lonlat: source 'mars' is not one of wgs84, gcj02, bd09"):
        gr.convert_lonlat(116.4, 39.9, "mars", "wgs84")


# ---- the ladder as a graph --------------------------------------------------------------------------


def test_to_networkx_is_the_tree(dongying: gr.DivisionTree) -> None:
    nx = pytest.importorskip("networkx")
    graph = dongying.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert graph.number_of_nodes() == len(dongying) and graph.number_of_edges() == len(dongying) - 1
    assert nx.is_arborescence(graph)
    unit = dongying["370502"]
    assert set(nx.descendants(graph, "370502")) | {"370502"} == {str(u.code) for u in unit.subtree()}
    assert graph.nodes["370502005066"] == {"code": "370502005066", "name": dongying["370502005066"].name, "level": "village"}
    assert list(graph.predecessors("370502005066")) == ["370502005"]
    assert set(graph.successors("370502")) == {str(u.code) for u in unit.children}
