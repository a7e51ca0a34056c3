"""geopandas and shapely for grid maps, locating points by grid code, and WGS84 ↔ GCJ-02 ↔ BD-09.

geopandas and shapely are optional (``pip install 'grassroots[geo]'``) and imported inside the methods that
need them. The work stays in C++: ``locate`` calls ``GridMap.locate_ids`` on NumPy arrays, ``convert_lonlat``
the vectorised C++ conversion.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Optional, Union

import numpy as np

from .._core import InvalidInputError
from .._core.division import DivisionTree
from .._core.grid import (
    CoordinateSystem,
    Grid,
    GridCode,
    GridCodeLayout,
    GridKind,
    GridMap,
    GridMapBuilder,
    LonLatSystem,
    Polygon,
    _convert_lonlat,
)
from .._extend import extends
from .._optional import require

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

#: EPSG codes of the lon/lat systems a map reads: WGS84 and CGCS2000 (which agree within centimetres).
LONLAT_EPSG = {4326: "WGS84", 4490: "CGCS2000"}


def _map_crs(grid_map: GridMap, crs: Any = None) -> Any:
    """The CRS of a map's frames: ``crs`` if given, else the map's EPSG code, else WGS84 for lon/lat and None
    (a local plane) for metres."""
    if crs is not None:
        return crs
    if grid_map.epsg is not None:
        return f"EPSG:{grid_map.epsg}"
    return "EPSG:4326" if grid_map.coordinates == CoordinateSystem.LONLAT else None


def _shapely_polygon(polygon: Polygon) -> Any:
    shapely_geometry = require("shapely.geometry", "geo", "GridMap.to_geopandas")
    return shapely_geometry.shape(polygon.__geo_interface__)


@extends(GridMap)
def to_geopandas(self: GridMap, crs: Any = None) -> "gpd.GeoDataFrame":
    """The grids as a GeoDataFrame (index: grid id): to_pandas()'s columns (code, unit, kind, name, households,
    area_m2) and their polygons, with the map's CRS (its EPSG code; unrecorded: WGS84 for lon/lat, none for
    metres) unless ``crs`` is given. Community boundaries are not in it: see boundaries_to_geopandas().
    Needs geopandas (``pip install 'grassroots[geo]'``)."""
    gpd = require("geopandas", "geo", "GridMap.to_geopandas")
    frame = self.to_pandas()
    geometry = [_shapely_polygon(grid.shape) for grid in self.grids]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, index=frame.index), crs=_map_crs(self, crs))


@extends(GridMap)
def boundaries_to_geopandas(self: GridMap, crs: Any = None) -> "gpd.GeoDataFrame":
    """The recorded community boundaries as a GeoDataFrame: unit (str) and geometry, in unit order, with the
    CRS of to_geopandas(). Needs geopandas."""
    gpd = require("geopandas", "geo", "GridMap.boundaries_to_geopandas")
    pd = require("pandas", "geo", "GridMap.boundaries_to_geopandas")
    units = [str(unit) for unit, _ in self.boundaries]
    geometry = [_shapely_polygon(shape) for _, shape in self.boundaries]
    frame = pd.DataFrame({"unit": pd.array(units, dtype="string")})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, index=frame.index), crs=_map_crs(self, crs))


def _frame_coordinates(crs: Any, what: str) -> tuple[CoordinateSystem, int]:
    """How a frame's CRS is read (lon/lat for WGS84 and CGCS2000, metres for a projected CRS in metres) and its
    EPSG code; InvalidInputError for a missing or unknown CRS."""
    if crs is None:
        raise InvalidInputError(
            f"{what}: the frame has no CRS; set it, e.g. gdf.set_crs('EPSG:4490') (CGCS2000), 'EPSG:4326' (WGS84) "
            "or a projected CRS in metres"
        )
    epsg = crs.to_epsg()
    if crs.is_geographic:
        if epsg in LONLAT_EPSG:
            return CoordinateSystem.LONLAT, epsg
        raise InvalidInputError(
            f"{what}: the CRS {crs.name!r} is not WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490); convert first, e.g. "
            "gdf.to_crs('EPSG:4490')"
        )
    units = {axis.unit_name for axis in crs.axis_info}
    if crs.is_projected and epsg is not None and units <= {"metre", "meter"}:
        return CoordinateSystem.METRES, epsg
    raise InvalidInputError(
        f"{what}: the CRS {crs.name!r} is neither lon/lat (WGS84, CGCS2000) nor a projected CRS in metres with an "
        "EPSG code"
    )


def _row(what: str, position: int, label: Any) -> str:
    return f"{what}, row {position + 1} (index {label!r})"


def _grassroots_polygon(geometry: Any, where: str) -> Polygon:
    """A shapely Polygon (or MultiPolygon of one part) as a Polygon; InvalidInputError naming the row otherwise."""
    if not hasattr(geometry, "geom_type") or geometry.is_empty:  # None, or NaN as iterrows() gives it
        raise InvalidInputError(f"{where}, field 'geometry': the geometry is missing or empty")
    if geometry.geom_type == "MultiPolygon" and len(geometry.geoms) == 1:
        geometry = geometry.geoms[0]
    if geometry.geom_type != "Polygon":
        raise InvalidInputError(
            f"{where}, field 'geometry': a {geometry.geom_type}; a grid or boundary must be a single Polygon"
        )

    def ring(coordinates: Any) -> list[tuple[float, float]]:
        return [(float(c[0]), float(c[1])) for c in coordinates]

    try:
        return Polygon(ring(geometry.exterior.coords), [ring(hole.coords) for hole in geometry.interiors])
    except InvalidInputError as error:
        raise InvalidInputError(f"{where}, field 'geometry': {error}") from error


def _text(value: Any) -> Optional[str]:
    """A cell as text, None when missing (None, NaN, pd.NA); a GridKind as its lower-case name."""
    pd = require("pandas", "geo", "GridMap.from_geopandas")
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, GridKind):
        return value.name.lower()
    return str(value)


def _grid_from_row(row: Any, where: str, layout: GridCodeLayout) -> Grid:
    """One row (code, kind, name, households, geometry) as a Grid; errors name the row and the field."""
    code_text = _text(row["code"])
    if code_text is None:
        raise InvalidInputError(f"{where}, field 'code': the code is missing")
    fields: dict[str, Any] = {}
    try:
        code = GridCode(code_text, layout)
        kind = _text(row.get("kind"))
        if kind is not None:
            fields["kind"] = GridKind.__members__.get(kind.upper()) or _unknown_kind(kind)
        name = _text(row.get("name"))
        if name is not None:
            fields["name"] = name
        households = row.get("households")
        if _text(households) is not None:
            fields["households"] = _whole(households)
    except InvalidInputError as error:
        raise InvalidInputError(f"{where}: {error}") from error
    return Grid(code, _grassroots_polygon(row["geometry"], where), **fields)


def _unknown_kind(kind: str) -> GridKind:
    names = ", ".join(m.lower() for m in GridKind.__members__)
    raise InvalidInputError(f"field 'kind': {kind!r} is not a grid kind ({names})")


def _whole(value: Any) -> int:
    number = float(value)
    if not number.is_integer():
        raise InvalidInputError(f"field 'households': {value!r} is not a whole number")
    return int(number)


def _refuse_duplicate_codes(codes: Any, labels: Any, what: str) -> None:
    first: dict[str, int] = {}
    for position, code in enumerate(codes):
        if code in first:
            raise InvalidInputError(
                f"{_row(what, position, labels[position])}, field 'code': duplicate grid code {code} (also row "
                f"{first[code] + 1}, index {labels[first[code]]!r})"
            )
        first[code] = position


@extends(GridMap, kind="staticmethod")
def from_geopandas(
    gdf: "gpd.GeoDataFrame",
    boundaries: Optional["gpd.GeoDataFrame"] = None,
    layout: Optional[GridCodeLayout] = None,
    tree: Optional[DivisionTree] = None,
) -> GridMap:
    """A map from a GeoDataFrame of grids — column code (str) and Polygon geometry; optional kind (a GridKind
    name), name, households — and optionally a GeoDataFrame of community boundaries (unit, geometry; converted
    to the grids' CRS). The CRS decides how points are read: WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) as
    lon/lat, a projected CRS in metres as metres; a missing or other CRS, a geometry that is not one Polygon,
    a duplicate code or a bad value is an InvalidInputError naming the row. Needs geopandas."""
    what = "GridMap.from_geopandas"
    gpd = require("geopandas", "geo", what)
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InvalidInputError(f"{what}: expected a GeoDataFrame of grids, got {type(gdf).__name__}")
    if "code" not in gdf.columns:
        raise InvalidInputError(f"{what}: the frame has no column 'code' (columns: {', '.join(map(str, gdf.columns))})")
    coordinates, epsg = _frame_coordinates(gdf.crs, what)
    frame = gdf.rename_geometry("geometry") if gdf.geometry.name != "geometry" else gdf
    labels = list(frame.index)
    _refuse_duplicate_codes([_text(c) for c in frame["code"]], labels, what)
    chosen = layout if layout is not None else GridCodeLayout.unit_grid()
    builder = GridMapBuilder(coordinates, epsg=epsg)
    for position, (label, row) in enumerate(frame.iterrows()):
        builder.add(_grid_from_row(row, _row(what, position, label), chosen))
    if boundaries is not None:
        _add_boundaries(builder, boundaries, gdf.crs, f"{what}, boundaries")
    return builder.build(tree)


def _add_boundaries(builder: GridMapBuilder, boundaries: "gpd.GeoDataFrame", crs: Any, what: str) -> None:
    if "unit" not in boundaries.columns:
        raise InvalidInputError(f"{what}: the frame has no column 'unit'")
    _frame_coordinates(boundaries.crs, what)
    if boundaries.crs != crs:
        boundaries = boundaries.to_crs(crs)
    for position, (label, unit, geometry) in enumerate(
        zip(boundaries.index, boundaries["unit"], boundaries.geometry)
    ):
        where = _row(what, position, label)
        try:
            builder.set_boundary(str(unit), _grassroots_polygon(geometry, where))
        except InvalidInputError as error:
            message = str(error)
            raise InvalidInputError(message if message.startswith(what) else f"{where}: {message}") from error


def _series_points(grid_map: GridMap, points: "gpd.GeoSeries") -> tuple[np.ndarray, np.ndarray]:
    """x and y of a GeoSeries of points, converted to the map's CRS (NaN where a geometry is missing)."""
    shapely = require("shapely", "geo", "GridMap.locate")
    target = _map_crs(grid_map)
    if points.crs is None or target is None:
        raise InvalidInputError(
            "GridMap.locate: the GeoSeries has no CRS; set it (e.g. points.set_crs('EPSG:4326'))"
            if points.crs is None
            else "GridMap.locate: this map records no CRS (a local plane in metres); pass arrays of x and y"
        )
    if points.crs != target:
        points = points.to_crs(target)
    values = points.values
    missing = shapely.is_missing(values) | shapely.is_empty(values)
    kinds = shapely.get_type_id(values)
    bad = np.flatnonzero(~missing & (kinds != 0))
    if bad.size:
        position = int(bad[0])
        raise InvalidInputError(
            f"GridMap.locate, row {position + 1} (index {points.index[position]!r}): a "
            f"{values[position].geom_type}, not a Point"
        )
    xs = np.where(missing, np.nan, shapely.get_x(values))
    ys = np.where(missing, np.nan, shapely.get_y(values))
    return np.ascontiguousarray(xs, dtype=np.float64), np.ascontiguousarray(ys, dtype=np.float64)


def _codes(grid_map: GridMap, ids: np.ndarray) -> "pd.Categorical":
    pd = require("pandas", "pandas", "GridMap.locate")
    return pd.Categorical.from_codes(ids.ravel(), categories=grid_map.codes)


def _is_instance(value: Any, module: str, name: str) -> bool:
    """isinstance(value, module.name) without importing the module (not loaded: not an instance)."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(value, getattr(loaded, name))


@extends(GridMap)
def locate(self: GridMap, where: Any, ys: Any = None) -> Any:
    """The grid codes of points (locate_ids() gives grid ids):

    - one point — an (x, y) pair or a shapely Point — gives its code (str) or None;
    - arrays of x and y of the same shape give a pandas Categorical of codes (missing where no grid), whose
      categories are the map's codes in id order, so that ``.codes`` are the grid ids (-1 for none);
    - a GeoSeries of points gives a Series of that Categorical with the series' index; it must carry a CRS and
      is converted to the map's (a missing geometry gives a missing code, any other geometry an
      InvalidInputError naming the row).

    A point on an edge shared by several grids belongs to the one with the smallest code."""
    if ys is not None:
        return _codes(self, self.locate_ids(where, ys))
    if _is_instance(where, "geopandas", "GeoSeries"):
        pd = require("pandas", "geo", "GridMap.locate")
        xs, ys_ = _series_points(self, where)
        return pd.Series(_codes(self, self.locate_ids(xs, ys_)), index=where.index, name="grid")
    if _is_instance(where, "shapely", "Geometry"):
        if where.geom_type != "Point" or where.is_empty:
            raise InvalidInputError(f"GridMap.locate: a {where.geom_type}, not a Point")
        where = (where.x, where.y)
    found = self.locate_ids(where)
    return None if found is None else self.codes[found]


Number = Union[float, np.ndarray, Any]


def _system(value: Union[str, LonLatSystem], what: str) -> LonLatSystem:
    if isinstance(value, LonLatSystem):
        return value
    key = str(value).replace("-", "").upper()
    if key not in LonLatSystem.__members__:
        raise InvalidInputError(f"convert_lonlat: {what} {value!r} is not one of wgs84, gcj02, bd09")
    return LonLatSystem.__members__[key]


def convert_lonlat(
    lon: Number, lat: Number, source: Union[str, LonLatSystem], target: Union[str, LonLatSystem]
) -> tuple[Any, Any]:
    """Longitudes and latitudes (numbers or arrays of the same shape) from one system to another —
    'wgs84', 'gcj02' (Amap, Tencent), 'bd09' (Baidu) or a LonLatSystem: a tuple (lon, lat) of float64 arrays
    of that shape (floats for numbers). The inverses are solved to 1e-9 degrees; points outside China are
    left unchanged; a coordinate that is not finite or out of range is an InvalidInputError naming the point."""
    arrays = _convert_lonlat(lon, lat, _system(source, "source"), _system(target, "target"))
    if np.ndim(lon) == 0 and np.ndim(lat) == 0:
        return float(arrays[0]), float(arrays[1])
    return arrays[0], arrays[1]
