"""
Grids (网格化服务管理) and grid posts (网格定岗)
"""
from __future__ import annotations
import geopandas
import grassroots._core.grid
import pandas
import collections.abc
import datetime
import grassroots._core.autonomy
import grassroots._core.division
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['BandFinding', 'CoordinateSystem', 'CoverageFinding', 'CoverageFindingKind', 'Grid', 'GridAssignment', 'GridCode', 'GridCodeLayout', 'GridKind', 'GridMap', 'GridMapBuilder', 'GridRole', 'GridStaffing', 'GridWorker', 'HouseholdBands', 'HouseholdPoints', 'LonLatSystem', 'MapFeatures', 'PartTimeKind', 'Polygon', 'Redivision', 'RedivisionChange', 'RedivisionChangeKind', 'RedivisionOptions', 'StaffingFinding', 'StaffingPlan', 'StaffingRules', 'StaffingSummary', 'SyntheticCity', 'greedy_full_time', 'in_china_box', 'optimise_full_time', 'parse_household_points', 'read_household_points', 'redivide', 'synthetic_city']
class CoordinateSystem:
    """
    How coordinates are read.
    
    Members:
    
      LONLAT : x = longitude, y = latitude in degrees (WGS84 / CGCS2000); areas are geodesic
    
      METRES : a projected plane in metres; areas are planar
    """
    LONLAT: typing.ClassVar[CoordinateSystem]
    METRES: typing.ClassVar[CoordinateSystem]
    __members__: typing.ClassVar[dict[str, CoordinateSystem]]
    @typing.overload
    def __eq__(self, other: CoordinateSystem) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: CoordinateSystem) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class MapFeatures:
    """
    Which features a GeoJSON export holds.
    
    Members:
    
      GRIDS : the grids only (role 'grid')
    
      BOUNDARIES : the community boundaries only (role 'boundary')
    
      ALL : grids, then boundaries: what from_geojson reads back whole
    """
    ALL: typing.ClassVar[MapFeatures]
    BOUNDARIES: typing.ClassVar[MapFeatures]
    GRIDS: typing.ClassVar[MapFeatures]
    __members__: typing.ClassVar[dict[str, MapFeatures]]
    @typing.overload
    def __eq__(self, other: MapFeatures) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: MapFeatures) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class GridKind:
    """
    Comprehensive grids cover where people live; dedicated grids (专属网格) cover one site.
    
    Members:
    
      COMPREHENSIVE : 综合网格: where people live
    
      SCHOOL : 学校专属网格: dedicated grid of a school
    
      HOSPITAL : 医院专属网格: dedicated grid of a hospital
    
      ENTERPRISE : 企业专属网格: dedicated grid of an enterprise
    
      INDUSTRIAL_PARK : 工业园区专属网格: dedicated grid of an industrial park
    
      BUSINESS_DISTRICT : 商圈专属网格: dedicated grid of a business district
    
      OTHER_DEDICATED : 其他专属网格: dedicated grid of another site
    """
    BUSINESS_DISTRICT: typing.ClassVar[GridKind]
    COMPREHENSIVE: typing.ClassVar[GridKind]
    ENTERPRISE: typing.ClassVar[GridKind]
    HOSPITAL: typing.ClassVar[GridKind]
    INDUSTRIAL_PARK: typing.ClassVar[GridKind]
    OTHER_DEDICATED: typing.ClassVar[GridKind]
    SCHOOL: typing.ClassVar[GridKind]
    __members__: typing.ClassVar[dict[str, GridKind]]
    @typing.overload
    def __eq__(self, other: GridKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: GridKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        综合网格, 学校专属网格, ….
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class CoverageFindingKind:
    """
    Which coverage principle a finding breaks.
    
    Members:
    
      OVERLAP : two grids overlap (不重叠: no overlap)
    
      GAP : part of the community is in no grid (全覆盖: full coverage)
    
      OUTSIDE : a grid reaches outside its community
    """
    GAP: typing.ClassVar[CoverageFindingKind]
    OUTSIDE: typing.ClassVar[CoverageFindingKind]
    OVERLAP: typing.ClassVar[CoverageFindingKind]
    __members__: typing.ClassVar[dict[str, CoverageFindingKind]]
    @typing.overload
    def __eq__(self, other: CoverageFindingKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: CoverageFindingKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class GridRole:
    """
    A role in a grid.
    
    Members:
    
      CHIEF : 网格长: grid chief
    
      FULL_TIME : 专职网格员: full-time grid worker: exactly one per grid on every day
    
      PART_TIME : 兼职网格员: part-time grid worker (building heads, volunteers, couriers, …)
    
      COMMUNITY_WORKER : 社区工作者: community worker posted to a grid (网格定岗)
    
      LIAISON : 网格指导员: township liaison
    """
    CHIEF: typing.ClassVar[GridRole]
    COMMUNITY_WORKER: typing.ClassVar[GridRole]
    FULL_TIME: typing.ClassVar[GridRole]
    LIAISON: typing.ClassVar[GridRole]
    PART_TIME: typing.ClassVar[GridRole]
    __members__: typing.ClassVar[dict[str, GridRole]]
    @typing.overload
    def __eq__(self, other: GridRole) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: GridRole) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        网格长, 专职网格员, 兼职网格员, 社区工作者 or 网格指导员.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class PartTimeKind:
    """
    Who a part-time grid worker is.
    
    Members:
    
      BUILDING_HEAD : 楼栋长: building head
    
      VOLUNTEER : 志愿者: volunteer
    
      PARTY_MEMBER : 党员: party member
    
      COURIER : 快递员: delivery courier
    
      PROPERTY_STAFF : 物业人员: property-management staff
    
      OTHER : 其他: other
    """
    BUILDING_HEAD: typing.ClassVar[PartTimeKind]
    COURIER: typing.ClassVar[PartTimeKind]
    OTHER: typing.ClassVar[PartTimeKind]
    PARTY_MEMBER: typing.ClassVar[PartTimeKind]
    PROPERTY_STAFF: typing.ClassVar[PartTimeKind]
    VOLUNTEER: typing.ClassVar[PartTimeKind]
    __members__: typing.ClassVar[dict[str, PartTimeKind]]
    @typing.overload
    def __eq__(self, other: PartTimeKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: PartTimeKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        楼栋长, 志愿者, 党员, 快递员, 物业人员 or 其他.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class GridCodeLayout:
    """
    How a place writes grid codes (网格编码): segments whose first ones spell the 12-digit code of the community or village, then the grid's sequence number.
    """
    @staticmethod
    def beijing() -> GridCodeLayout:
        """
        15 digits: county 6 + township 3 + community 3 + grid 3 (Beijing).
        """
    @staticmethod
    def unit_grid() -> GridCodeLayout:
        """
        14 digits: township 9 + community 3 + sequence 2 (unit grids, 万米单元网格).
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, segments: collections.abc.Sequence[tuple[str, typing.SupportsInt | typing.SupportsIndex]]) -> None:
        """
        A layout from (name, width) segments; the widths before the last (the sequence, 1–4 digits) must add up to 12. InvalidInputError otherwise.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple[str, list[tuple[str, int]]]]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        {'name': ..., 'segments': [(name, width), …]} (the constructor's keywords).
        """
    @property
    def length(self) -> int:
        """
        Total digits.
        """
    @property
    def name(self) -> str:
        """
        e.g. 'unit-grid-14'.
        """
    @property
    def segments(self) -> list[tuple[str, int]]:
        """
        The (name, width) segments.
        """
    @property
    def sequence_width(self) -> int:
        """
        Digits of the sequence.
        """
class GridCode:
    """
    A validated grid code (网格编码): the community or village it belongs to and its sequence there. Codes compare, order and hash by unit and sequence (the same grid written in two layouts is equal).
    """
    @staticmethod
    def make(unit: str | grassroots._core.division.DivisionCode, sequence: typing.SupportsInt | typing.SupportsIndex, layout: GridCodeLayout | None = None) -> GridCode:
        """
        The code of grid sequence of a community or village (str or DivisionCode; 0 = the whole unit). InvalidInputError for a unit above village level or a sequence too wide for the layout.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __ge__(self, other: GridCode) -> bool:
        ...
    def __getstate__(self) -> tuple[str, GridCodeLayout]:
        ...
    def __gt__(self, other: GridCode) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, code: str, layout: GridCodeLayout | None = None) -> None:
        """
        Parses a code in a layout (default: the 14-digit unit-grid layout); InvalidInputError naming the wrong part.
        """
    def __le__(self, other: GridCode) -> bool:
        ...
    def __lt__(self, other: GridCode) -> bool:
        ...
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        """
        The digits.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        {'code', 'unit', 'sequence', 'layout' (its name)}.
        """
    @property
    def layout(self) -> GridCodeLayout:
        """
        Its GridCodeLayout.
        """
    @property
    def sequence(self) -> int:
        """
        Grid number in the unit.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The community or village (DivisionCode).
        """
    @property
    def whole_unit(self) -> bool:
        """
        True for sequence 0 ('00': the whole unit).
        """
class Polygon:
    """
    A polygon with holes; rings are lists of (x, y) points, closed (first point = last point). Orientation is normalised (outer ring counter-clockwise). __geo_interface__ makes shapely.geometry.shape(p) work.
    """
    @staticmethod
    def rectangle(min: tuple[float, float], max: tuple[float, float]) -> Polygon:
        """
        The rectangle from its lower-left to its upper-right corner.
        """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, outer: collections.abc.Sequence[tuple[float, float]], holes: collections.abc.Sequence[collections.abc.Sequence[tuple[float, float]]] = []) -> None:
        """
        A polygon. InvalidInputError for an empty or unclosed ring, fewer than 3 distinct points, a self-intersecting ring, or a hole outside the outer ring.
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def area(self, coordinates: CoordinateSystem) -> float:
        """
        Area in m²: geodesic (WGS84) for CoordinateSystem.LONLAT, planar for METRES.
        """
    def covers(self, point: tuple[float, float]) -> bool:
        """
        True when the point is inside or on the boundary.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def __geo_interface__(self) -> dict[str, typing.Any]:
        """
        {'type': 'Polygon', 'coordinates': (outer, *holes)} (GeoJSON-like).
        """
    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """
        (min_x, min_y, max_x, max_y), as shapely gives them.
        """
    @property
    def centroid(self) -> tuple[float, float]:
        """
        The planar centroid, in the polygon's coordinates.
        """
    @property
    def holes(self) -> list[list[tuple[float, float]]]:
        """
        The holes (clockwise, closed).
        """
    @property
    def outer(self) -> list[tuple[float, float]]:
        """
        The outer ring (counter-clockwise, closed).
        """
class Grid:
    """
    One grid (网格): its code (which names its community), kind, name, shape and recorded households.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, code: str | GridCode, shape: Polygon, kind: GridKind = ..., name: str = '', households: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        A grid; a str code is read in the 14-digit layout (give a GridCode for another).
        """
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def __geo_interface__(self) -> dict[str, typing.Any]:
        """
        A GeoJSON-like Feature with properties code, kind, name, unit, households.
        """
    @property
    def code(self) -> GridCode:
        """
        Its GridCode, e.g. 37050200506601.
        """
    @property
    def households(self) -> int:
        """
        Households as recorded (0 if unknown).
        """
    @property
    def kind(self) -> GridKind:
        """
        Comprehensive or dedicated.
        """
    @property
    def name(self) -> str:
        """
        e.g. 锦苑社区第一网格.
        """
    @property
    def shape(self) -> Polygon:
        """
        Its Polygon.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The community or village (code.unit).
        """
class CoverageFinding:
    """
    What a coverage check found for one community or village.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, kind: CoverageFindingKind, unit: str | grassroots._core.division.DivisionCode, grids: collections.abc.Sequence[int], area_m2: typing.SupportsFloat | typing.SupportsIndex, message: str) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def area_m2(self) -> float:
        """
        The area concerned, in m².
        """
    @property
    def grids(self) -> list[int]:
        """
        Grid ids involved: two for an overlap, one for outside, none for a gap.
        """
    @property
    def kind(self) -> CoverageFindingKind:
        """
        Which principle is broken.
        """
    @property
    def message(self) -> str:
        """
        In words, with the codes and the area.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        The community or village.
        """
class HouseholdBands:
    """
    Households per grid by kind (secondary sources; configurable): comprehensive grids 300–500 in communities (居委会), 200–400 in villages (村委会); dedicated grids only where a band is given.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, urban: grassroots._core.autonomy.IntRange = ..., rural: grassroots._core.autonomy.IntRange = ..., dedicated: collections.abc.Mapping[GridKind, grassroots._core.autonomy.IntRange] = {}) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def band(self, kind: GridKind, unit: str | grassroots._core.division.DivisionCode) -> grassroots._core.autonomy.IntRange | None:
        """
        The band for a grid of this kind in this unit, or None.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def dedicated(self) -> dict[GridKind, grassroots._core.autonomy.IntRange]:
        """
        IntRange by dedicated GridKind, for those with one.
        """
    @property
    def rural(self) -> grassroots._core.autonomy.IntRange:
        """
        IntRange for comprehensive grids of villagers' committees.
        """
    @property
    def urban(self) -> grassroots._core.autonomy.IntRange:
        """
        IntRange for comprehensive grids of residents' committees.
        """
class BandFinding:
    """
    A grid whose households are outside its band.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, grid: int, households: typing.SupportsInt | typing.SupportsIndex, band: grassroots._core.autonomy.IntRange, message: str) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def band(self) -> grassroots._core.autonomy.IntRange:
        """
        The IntRange it misses.
        """
    @property
    def grid(self) -> int:
        """
        Grid id.
        """
    @property
    def households(self) -> int:
        """
        Its households.
        """
    @property
    def message(self) -> str:
        """
        In words.
        """
class GridMap:
    """
    The grids of one or more communities, indexed for point lookups; immutable. Build it with GridMapBuilder, GridMap.from_geojson() (text), GridMap.read_geojson() (a file) or GridMap.from_geopandas(). Grid ids are ints (0 … len-1, in the order the grids were added).
    """
    def _repr_svg_(self) -> str:
        """The map coloured by kind (to_svg())."""
    def to_svg(self, values: typing.Any = ..., width: float = ..., title: str = ...) -> str:
        """The map as SVG: grids coloured by ``values`` on a yellow-to-red ramp with a legend (NaN or a grid left out = no value, grey), or by kind without values; boundaries drawn over. ``values``: a mapping (dict, pandas Series) from grid code to value, or one value per grid in map order (a sequence or NumPy array). InvalidInputError for a code not in the map, a wrong count, an infinite value or a width outside 1–20,000."""
    def locate(self, where: typing.Any, ys: typing.Any = ...) -> typing.Any:
        """The grid codes of points (locate_ids() gives grid ids):"""
    @staticmethod
    def from_geopandas(gdf: geopandas.GeoDataFrame, boundaries: typing.Optional[geopandas.GeoDataFrame] = ..., layout: typing.Optional[grassroots._core.grid.GridCodeLayout] = ..., tree: typing.Optional[grassroots._core.division.DivisionTree] = ...) -> grassroots._core.grid.GridMap:
        """A map from a GeoDataFrame of grids — column code (str) and Polygon geometry; optional kind (a GridKind name), name, households — and optionally a GeoDataFrame of community boundaries (unit, geometry; converted to the grids' CRS). The CRS decides how points are read: WGS84 (EPSG:4326) or CGCS2000 (EPSG:4490) as lon/lat, a projected CRS in metres as metres; a missing or other CRS, a geometry that is not one Polygon, a duplicate code or a bad value is an InvalidInputError naming the row. Needs geopandas."""
    def boundaries_to_geopandas(self, crs: typing.Any = ...) -> geopandas.GeoDataFrame:
        """The recorded community boundaries as a GeoDataFrame: unit (str) and geometry, in unit order, with the CRS of to_geopandas(). Needs geopandas."""
    def to_geopandas(self, crs: typing.Any = ...) -> geopandas.GeoDataFrame:
        """The grids as a GeoDataFrame (index: grid id): to_pandas()'s columns (code, unit, kind, name, households, area_m2) and their polygons, with the map's CRS (its EPSG code; unrecorded: WGS84 for lon/lat, none for metres) unless ``crs`` is given. Community boundaries are not in it: see boundaries_to_geopandas(). Needs geopandas (``pip install 'grassroots[geo]'``)."""
    def bands_frame(self, findings: typing.Iterable[grassroots._core.grid.BandFinding]) -> pandas.DataFrame:
        """check_bands()'s findings as a DataFrame: grid, code, kind (categorical), households, band_min, band_max, message. Needs pandas."""
    def coverage_frame(self, findings: typing.Iterable[grassroots._core.grid.CoverageFinding]) -> pandas.DataFrame:
        """check_coverage()'s findings as a DataFrame: kind (categorical), unit, grid, other_grid, code, other_code, area_m2, message. Needs pandas."""
    def to_pandas(self) -> pandas.DataFrame:
        """One row per grid (index: grid id): code, unit, kind (categorical), name, households, area_m2. Needs pandas."""
    @staticmethod
    def from_geojson(text: str, source: str = '<text>', coordinates: CoordinateSystem = ..., layout: GridCodeLayout | None = None, tree: grassroots._core.division.DivisionTree | None = None) -> GridMap:
        """
        Reads GeoJSON text: a FeatureCollection of Polygon features with properties code (str), kind, name, households, and role 'boundary' (with unit) for community boundaries; builds the map. Errors name source and the feature.
        """
    @staticmethod
    def read_geojson(path: os.PathLike | str | bytes, coordinates: CoordinateSystem = ..., layout: GridCodeLayout | None = None, tree: grassroots._core.division.DivisionTree | None = None) -> GridMap:
        """
        Reads a GeoJSON FeatureCollection file (see from_geojson) and builds the map (checking every unit against tree, if given). Errors name the file and the feature.
        """
    def __contains__(self, code: str | GridCode) -> bool:
        ...
    def __init__(self) -> None:
        """
        An empty map.
        """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def _columns(self) -> dict:
        """
        Columns for to_pandas() (internal).
        """
    def _svg(self, values: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], width: typing.SupportsFloat | typing.SupportsIndex, title: str) -> str:
        """
        The SVG picture for to_svg() (internal).
        """
    def boundary(self, unit: str | grassroots._core.division.DivisionCode) -> Polygon | None:
        """
        The boundary recorded for a community or village (a copy), or None.
        """
    def check_bands(self, households: typing.Annotated[numpy.typing.ArrayLike, numpy.int64] | None = None, bands: HouseholdBands = ...) -> list[BandFinding]:
        """
        Grids whose households (one count per grid, optionally followed by count_households()'s count in no grid; None: the recorded Grid.households) are outside their band.
        """
    def check_coverage(self, unit: str | grassroots._core.division.DivisionCode, tolerance_m2: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> list[CoverageFinding]:
        """
        Overlaps, gaps inside the recorded boundary and grids reaching outside it (overlaps only without a boundary), for a community or village or every one under a higher-level code. Areas up to tolerance_m2 are ignored.
        """
    @typing.overload
    def count_households(self, points: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], households: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> numpy.typing.NDArray[numpy.int64]:
        """
        Households per grid from an (N, 2) array of points and N counts: an int64 array of len(map) + 1, the last element counting the points in no grid.
        """
    @typing.overload
    def count_households(self, xs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], ys: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], households: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> numpy.typing.NDArray[numpy.int64]:
        """
        As above, from arrays of x and y.
        """
    def find(self, code: str | GridCode) -> int | None:
        """
        The id of the grid with this code (GridCode, or str read in the layout of the map's grids), or None.
        """
    def grid(self, id: int) -> Grid:
        """
        The grid with this id (a copy); NotFoundError.
        """
    def grids_in(self, unit: str | grassroots._core.division.DivisionCode) -> list[int]:
        """
        Ids of the grids of a community or village, or of every one under a higher-level code, in code order.
        """
    @typing.overload
    def locate_ids(self, point: tuple[float, float]) -> int | None:
        """
        The id of the grid containing an (x, y) point, or None (locate() gives its code). A point on an edge shared by several grids belongs to the one with the smallest code.
        """
    @typing.overload
    def locate_ids(self, xs: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], ys: typing.Annotated[numpy.typing.ArrayLike, numpy.float64]) -> numpy.typing.NDArray[numpy.int64]:
        """
        Vectorised: grid ids (int64, -1 for none) for arrays of x and y of the same shape. C-contiguous float64 arrays are read in place; the lookup runs without the GIL.
        """
    def to_geojson(self, features: MapFeatures = ...) -> str:
        """
        The map as a GeoJSON FeatureCollection: by default the grids only (properties role 'grid', code, kind, name, unit, households); MapFeatures.BOUNDARIES the community boundaries (role 'boundary', unit); MapFeatures.ALL both, which from_geojson reads back whole.
        """
    def write_geojson(self, path: os.PathLike | str | bytes, features: MapFeatures = ...) -> None:
        """
        Writes to_geojson(features) to a file atomically (a temporary file, fsync, rename).
        """
    @property
    def boundaries(self) -> list[tuple[grassroots._core.division.DivisionCode, Polygon]]:
        """
        Every recorded community boundary as (unit, polygon) pairs (copies), in unit order.
        """
    @property
    def codes(self) -> list[str]:
        """
        The grid codes as str, by id (index it with locate_ids()'s ids).
        """
    @property
    def coordinates(self) -> CoordinateSystem:
        """
        How its points are read.
        """
    @property
    def epsg(self) -> int | None:
        """
        The EPSG code of its coordinate reference system when recorded (4490 CGCS2000, 4326 WGS84, or a projected system in metres), else None.
        """
    @property
    def grids(self) -> list[Grid]:
        """
        All grids (copies), by id.
        """
class GridMapBuilder:
    """
    Collects grids and community boundaries, validates them together and builds a GridMap (all or nothing).
    """
    @staticmethod
    def from_geojson(text: str, source: str = '<text>', coordinates: CoordinateSystem = ..., layout: GridCodeLayout | None = None) -> GridMapBuilder:
        """
        Reads a GeoJSON FeatureCollection of Polygon features with properties code (str), kind, name, households, and role 'boundary' (with unit) for community boundaries. InvalidInputError naming source and feature.
        """
    @staticmethod
    def read_geojson(path: os.PathLike | str | bytes, coordinates: CoordinateSystem = ..., layout: GridCodeLayout | None = None) -> GridMapBuilder:
        """
        from_geojson() over a file (gzip allowed); errors name the file and the feature.
        """
    def __init__(self, coordinates: CoordinateSystem = ..., epsg: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        A builder for points in these coordinates, with the EPSG code of their reference system if known (4326 WGS84 or 4490 CGCS2000 for lon/lat; a projected code for metres).
        """
    def __len__(self) -> int:
        ...
    def add(self, grid: Grid) -> GridMapBuilder:
        """
        Adds a grid (its id is the number of grids added before it); returns the builder. InvalidInputError for a whole-unit ('00') code or a negative household count.
        """
    def build(self, tree: grassroots._core.division.DivisionTree | None = None) -> GridMap:
        """
        Validates (no duplicate codes; lon/lat in range; with a DivisionTree, every unit in it) and builds the map.
        """
    def set_boundary(self, unit: str | grassroots._core.division.DivisionCode, boundary: Polygon) -> GridMapBuilder:
        """
        Records the boundary of a community or village (for gap and outside checks), once per unit; returns the builder.
        """
class HouseholdPoints:
    """
    Points with an id and a household count (one row per household or building), as read-only NumPy arrays.
    """
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def households(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        int64 array of households at each point.
        """
    @property
    def ids(self) -> list[str]:
        """
        Row ids (building or household numbers), a list of str.
        """
    @property
    def points(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        (N, 2) float64 array of x, y (longitude, latitude or metres).
        """
class SyntheticCity:
    """
    A generated city: grids and community boundaries (map), and buildings with households.
    """
    def __repr__(self) -> str:
        ...
    @property
    def building_unit(self) -> list[grassroots._core.division.DivisionCode]:
        """
        The community or village of each building: a list of DivisionCode (compare with Grid.unit).
        """
    @property
    def buildings(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        (N, 2) float64 array of building positions (longitude, latitude), read-only.
        """
    @property
    def households(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        int64 array of households per building, read-only.
        """
    @property
    def map(self) -> GridMap:
        """
        The GridMap (14-digit codes, lon/lat).
        """
class RedivisionChangeKind:
    """
    A split or a merge of grids.
    
    Members:
    
      SPLIT : one grid cut into several
    
      MERGE : several grids joined into one
    """
    MERGE: typing.ClassVar[RedivisionChangeKind]
    SPLIT: typing.ClassVar[RedivisionChangeKind]
    __members__: typing.ClassVar[dict[str, RedivisionChangeKind]]
    @typing.overload
    def __eq__(self, other: RedivisionChangeKind) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: RedivisionChangeKind) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class RedivisionOptions:
    """
    How to re-divide: household bands and building adjacency.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, bands: HouseholdBands = ..., adjacency_m: typing.SupportsFloat | typing.SupportsIndex = 150.0) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def adjacency_m(self) -> float:
        """
        Buildings closer than this many metres are adjacent.
        """
    @property
    def bands(self) -> HouseholdBands:
        """
        The HouseholdBands each grid should be in.
        """
class RedivisionChange:
    """
    One split or merge of grids.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, kind: RedivisionChangeKind, from_: collections.abc.Sequence[GridCode], to: collections.abc.Sequence[GridCode]) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def from_(self) -> list[GridCode]:
        """
        GridCodes in the old map (a split: one; a merge: two or more).
        """
    @property
    def kind(self) -> RedivisionChangeKind:
        """
        SPLIT or MERGE.
        """
    @property
    def to(self) -> list[GridCode]:
        """
        GridCodes in the new map (a split: two or more; a merge: one).
        """
class Redivision:
    """
    A re-divided map and what changed.
    """
    def __repr__(self) -> str:
        ...
    @property
    def changes(self) -> list[RedivisionChange]:
        """
        RedivisionChanges: splits in old code order, then merges in new code order.
        """
    @property
    def households(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        int64 array of households per grid of the new map, counted from the buildings; read-only.
        """
    @property
    def map(self) -> GridMap:
        """
        The new GridMap.
        """
    @property
    def remaining(self) -> list[BandFinding]:
        """
        BandFindings (ids in the new map) for the unit's grids still out of band, with why.
        """
class GridWorker:
    """
    A person who can hold grid posts.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, name: str, home: str | grassroots._core.division.DivisionCode, part_time: PartTimeKind | None = None, may_serve_elsewhere: bool = False, location: tuple[float, float] | None = None) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def home(self) -> grassroots._core.division.DivisionCode:
        """
        The community or village the worker belongs to.
        """
    @property
    def location(self) -> tuple[float, float] | None:
        """
        Where the worker lives, (x, y), or None.
        """
    @property
    def may_serve_elsewhere(self) -> bool:
        """
        Explicitly allowed to hold posts outside home.
        """
    @property
    def name(self) -> str:
        """
        Name.
        """
    @property
    def part_time(self) -> PartTimeKind | None:
        """
        PartTimeKind for part-time workers, else None.
        """
class GridAssignment:
    """
    A post held from start to end (inclusive; end None while open).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, worker: int, grid: int, role: GridRole, start: datetime.date, end: datetime.date | None = None) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def active_on(self, day: datetime.date) -> bool:
        """
        True when held on that day.
        """
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def end(self) -> datetime.date | None:
        """
        Last day, or None while open.
        """
    @property
    def grid(self) -> int:
        """
        Grid id.
        """
    @property
    def role(self) -> GridRole:
        """
        GridRole.
        """
    @property
    def start(self) -> datetime.date:
        """
        First day.
        """
    @property
    def worker(self) -> int:
        """
        Worker id.
        """
class StaffingRules:
    """
    Limits of the staffing rules (local policy; configurable, not law).
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, part_time_max_grids: typing.SupportsInt | typing.SupportsIndex = 2, liaison_max_grids: typing.SupportsInt | typing.SupportsIndex = 60, require_chief: bool = False) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def liaison_max_grids(self) -> int:
        """
        Grids one township liaison may cover.
        """
    @property
    def part_time_max_grids(self) -> int:
        """
        Grids one part-time worker may serve at once.
        """
    @property
    def require_chief(self) -> bool:
        """
        Report grids without exactly one grid chief.
        """
class StaffingFinding:
    """
    A broken staffing rule over a run of days.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, rule_id: str, grid: int | None, worker: int | None, first: datetime.date, last: datetime.date, message: str) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def first(self) -> datetime.date:
        """
        First day it holds.
        """
    @property
    def grid(self) -> int | None:
        """
        Grid id concerned, or None.
        """
    @property
    def last(self) -> datetime.date:
        """
        Last day it holds.
        """
    @property
    def message(self) -> str:
        """
        In words, with codes, names and dates.
        """
    @property
    def rule_id(self) -> str:
        """
        'full_time.exactly_one', 'full_time.one_grid', 'part_time.load', 'liaison.load', 'chief.exactly_one' or 'post.home'.
        """
    @property
    def worker(self) -> int | None:
        """
        Worker id concerned, or None.
        """
class StaffingSummary:
    """
    One row of a coverage report: a unit of the ladder and its grids' staffing on a day.
    """
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, unit: str | grassroots._core.division.DivisionCode, grids: typing.SupportsInt | typing.SupportsIndex, grids_without_full_time: typing.SupportsInt | typing.SupportsIndex, full_time_workers: typing.SupportsInt | typing.SupportsIndex, part_time_workers: typing.SupportsInt | typing.SupportsIndex, workers_over_load: typing.SupportsInt | typing.SupportsIndex, households: typing.SupportsInt | typing.SupportsIndex, households_per_full_time: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def full_time_workers(self) -> int:
        """
        Distinct full-time workers.
        """
    @property
    def grids(self) -> int:
        """
        Grids under it.
        """
    @property
    def grids_without_full_time(self) -> int:
        """
        Grids with no full-time worker that day.
        """
    @property
    def households(self) -> int:
        """
        Households of the grids.
        """
    @property
    def households_per_full_time(self) -> float:
        """
        households / full_time_workers (0 if none).
        """
    @property
    def part_time_workers(self) -> int:
        """
        Distinct part-time workers.
        """
    @property
    def unit(self) -> grassroots._core.division.DivisionCode:
        """
        Community, township, county, ….
        """
    @property
    def workers_over_load(self) -> int:
        """
        Workers above their limit.
        """
class StaffingPlan:
    """
    A full-time staffing plan: the worker of each grid (or None) and its cost.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __init__(self, worker_of_grid: collections.abc.Sequence[int | None], total_distance_m: typing.SupportsFloat | typing.SupportsIndex, max_distance_m: typing.SupportsFloat | typing.SupportsIndex, unstaffed: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __reduce__(self) -> tuple[typing.Any, tuple]:
        ...
    def __repr__(self) -> str:
        ...
    def to_dict(self) -> dict[str, typing.Any]:
        """
        The fields as a dict (enums by name, dates as datetime.date).
        """
    @property
    def max_distance_m(self) -> float:
        """
        Longest single distance (m).
        """
    @property
    def total_distance_m(self) -> float:
        """
        Sum of worker-to-grid distances (m).
        """
    @property
    def unstaffed(self) -> int:
        """
        Grids asked for that were left without a worker.
        """
    @property
    def worker_of_grid(self) -> list[int | None]:
        """
        Worker id per grid id of the whole map (None: not staffed or not asked for).
        """
class GridStaffing:
    """
    The posts (网格定岗) of the grids of one GridMap over time: workers, assignments, history, the daily rule checks and coverage reports. Keeps its map alive. Ids are ints.
    """
    def roster(self, on: typing.Optional[datetime.date] = ...) -> pandas.DataFrame:
        """One row per assignment (index: assignment id): worker, worker_name, grid, code, role (categorical), start, end, and active (held on that day) when on is given. Needs pandas."""
    def summary_frame(self, rows: typing.Iterable[grassroots._core.grid.StaffingSummary]) -> pandas.DataFrame:
        """summary()'s rows as a DataFrame, one column per field (unit as str). Needs pandas."""
    def findings_frame(self, findings: typing.Iterable[grassroots._core.grid.StaffingFinding]) -> pandas.DataFrame:
        """check()'s findings as a DataFrame: rule_id, grid, code, worker, worker_name, first, last, message. Needs pandas."""
    def __init__(self, map: GridMap) -> None:
        """
        Staffing for the grids of a map.
        """
    def __repr__(self) -> str:
        ...
    @typing.overload
    def add_worker(self, worker: GridWorker) -> int:
        """
        Registers a GridWorker; returns its id. InvalidInputError for an empty name, a home above village level or a location that is not finite.
        """
    @typing.overload
    def add_worker(self, name: str, home: str | grassroots._core.division.DivisionCode, part_time: PartTimeKind | None = None, may_serve_elsewhere: bool = False, location: tuple[float, float] | None = None) -> int:
        """
        Registers a worker from its fields; returns its id.
        """
    def assign(self, worker: int, grid: int, role: GridRole, start: datetime.date, end: datetime.date | None = None) -> int:
        """
        Posts a worker to a grid in a role from start (to end, inclusive); returns the assignment id. NotFoundError for unknown ids, InvalidInputError for end before start or a part-time post of a worker without a part-time kind. Rules are checked by check(), so plans can be drafted.
        """
    def check(self, first: datetime.date, last: datetime.date, rules: StaffingRules = ...) -> list[StaffingFinding]:
        """
        Checks every day of [first, last]: exactly one full-time worker per grid; a full-time worker in one grid; part-time and liaison loads; posts inside the worker's own community (liaisons: township) unless allowed. Consecutive days with the same problem are one finding.
        """
    def end_assignment(self, assignment: int, end: datetime.date) -> None:
        """
        Ends an assignment on a day; InvalidInputError if before its start or already ended.
        """
    def history(self, grid: int) -> list[int]:
        """
        Ids of every assignment of a grid, oldest first.
        """
    def holders(self, grid: int, role: GridRole, day: datetime.date) -> list[int]:
        """
        Ids of the workers holding a role in a grid on a day.
        """
    def posts_of(self, worker: int) -> list[int]:
        """
        Ids of every assignment of a worker, oldest first.
        """
    def summary(self, root: str | grassroots._core.division.DivisionCode, level: grassroots._core.division.Level, day: datetime.date, rules: StaffingRules = ...) -> list[StaffingSummary]:
        """
        One StaffingSummary per unit at level under root (e.g. each community of a township) that has grids, on a day.
        """
    def worker(self, id: int) -> GridWorker:
        """
        The worker with this id (a copy); NotFoundError.
        """
    @property
    def assignments(self) -> list[GridAssignment]:
        """
        All assignments (copies), by id.
        """
    @property
    def map(self) -> GridMap:
        """
        The GridMap.
        """
    @property
    def workers(self) -> list[GridWorker]:
        """
        All workers (copies), by id.
        """
class LonLatSystem:
    """
    How a longitude/latitude pair was published.
    
    Members:
    
      WGS84 : WGS84坐标: WGS84 as GPS gives it (CGCS2000 agrees within centimetres)
    
      GCJ02 : 国测局坐标: GCJ-02, the offset Amap and Tencent maps publish
    
      BD09 : 百度坐标: BD-09, Baidu's further offset of GCJ-02
    """
    BD09: typing.ClassVar[LonLatSystem]
    GCJ02: typing.ClassVar[LonLatSystem]
    WGS84: typing.ClassVar[LonLatSystem]
    __members__: typing.ClassVar[dict[str, LonLatSystem]]
    @typing.overload
    def __eq__(self, other: LonLatSystem) -> bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> bool:
        ...
    def __getstate__(self) -> int:
        ...
    def __hash__(self) -> int:
        ...
    def __index__(self) -> int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> int:
        ...
    @typing.overload
    def __ne__(self, other: LonLatSystem) -> bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def chinese_name(self) -> str:
        """
        WGS84坐标, 国测局坐标 or 百度坐标.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
def _convert_lonlat(lon: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], lat: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], source: LonLatSystem, target: LonLatSystem) -> tuple:
    """
    Arrays of longitude and latitude (same shape) from one LonLatSystem to another: a tuple of two new float64 arrays (internal: grassroots.grid.convert_lonlat adds names and scalars).
    """
def greedy_full_time(staffing: GridStaffing, grids: collections.abc.Sequence[int], candidates: collections.abc.Sequence[int]) -> StaffingPlan:
    """
    The greedy baseline: grids in code order each take the nearest eligible free candidate.
    """
def in_china_box(lonlat: tuple[float, float]) -> bool:
    """
    True for an (x, y) lon/lat point inside the rough box around China where the GCJ-02 formulas apply.
    """
def optimise_full_time(staffing: GridStaffing, grids: collections.abc.Sequence[int], candidates: collections.abc.Sequence[int]) -> StaffingPlan:
    """
    One full-time worker for each of the grids from the candidates (each worker once, only in their own community unless allowed), minimising first the unstaffed grids, then the total distance from worker to grid centroid: exact, as a minimum-cost flow. Current holders are not kept.
    """
def parse_household_points(text: str, source: str = '<text>') -> HouseholdPoints:
    """
    Parses CSV with the header 'id,lon,lat[,households]' (degrees) or 'id,x,y[,households]' (metres); households defaults to 1. InvalidInputError naming source, row and field.
    """
def read_household_points(path: os.PathLike | str | bytes) -> HouseholdPoints:
    """
    Reads such a CSV file (gzip allowed); FileError when it cannot be read.
    """
def redivide(map: GridMap, unit: str | grassroots._core.division.DivisionCode, buildings: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], households: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], *, bands: HouseholdBands | None = None, adjacency_m: typing.SupportsFloat | typing.SupportsIndex = 150.0) -> Redivision:
    """
    Re-divides the grids of a community or village (str or DivisionCode) so that each is in its household band: grids above it are cut by axis-parallel lines at household-weighted cuts while the buildings on each side stay connected (buildings closer than adjacency_m are adjacent), grids below it are merged with a neighbour of the unit when the total stays within the band. Unchanged grids keep their codes; new grids take the smallest free sequence numbers, north→south then west→east. buildings: (N, 2) array; households: N int64 counts; bands: HouseholdBands (None: the defaults).
    """
def synthetic_city(tree: grassroots._core.division.DivisionTree, root: str | grassroots._core.division.DivisionCode, seed: typing.SupportsInt | typing.SupportsIndex, *, community_households: grassroots._core.autonomy.IntRange = ..., village_households: grassroots._core.autonomy.IntRange = ..., community_grid_households: typing.SupportsInt | typing.SupportsIndex = 300, village_grid_households: typing.SupportsInt | typing.SupportsIndex = 120, building_households: grassroots._core.autonomy.IntRange = ..., origin: tuple[float, float] = (118.4, 37.3)) -> SyntheticCity:
    """
    A deterministic synthetic city for every village-level unit under root (str or DivisionCode) of tree: a square per unit sized by its households, cut into grids near the target size, numbered west→east, north→south, with buildings inside. The defaults reproduce Dongying's published scale.
    """
