"""
Division codes and the administrative tree (行政层级)
"""
from __future__ import annotations
import networkx
import pandas
import collections.abc
import numpy
import numpy.typing
import os
import typing
__all__: list[str] = ['DivisionCode', 'DivisionTree', 'DivisionTreeBuilder', 'Level', 'TownshipClass', 'Unit', 'UnitIterator', 'UrbanRuralClass', 'VillageClass', 'name_suffix_families', 'urban_rural_class']
class Level:
    """
    A rung of the administrative ladder (行政层级), top first.
    
    Members:
    
      PROVINCE : 省级: 2 digits
    
      PREFECTURE : 地级: 4 digits
    
      COUNTY : 县级: 6 digits
    
      TOWNSHIP : 乡级: 街道 / 镇 / 乡, 9 digits
    
      VILLAGE : 村级: 居委会 / 村委会, 12 digits
    """
    COUNTY: typing.ClassVar[Level]
    PREFECTURE: typing.ClassVar[Level]
    PROVINCE: typing.ClassVar[Level]
    TOWNSHIP: typing.ClassVar[Level]
    VILLAGE: typing.ClassVar[Level]
    __members__: typing.ClassVar[dict[str, Level]]
    @typing.overload
    def __eq__(self, other: Level) -> bool:
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
    def __ne__(self, other: Level) -> bool:
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
        省级, 地级, 县级, 乡级 or 村级.
        """
    @property
    def code_length(self) -> int:
        """
        Digits in a code of this level.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class TownshipClass:
    """
    Class of a township-level unit, from digits 7–9.
    
    Members:
    
      SUBDISTRICT : 街道: 001–099
    
      TOWN : 镇: 100–199
    
      TOWNSHIP : 乡: 200–399
    
      TOWNSHIP_LIKE : 类似乡级单位: 400–599
    """
    SUBDISTRICT: typing.ClassVar[TownshipClass]
    TOWN: typing.ClassVar[TownshipClass]
    TOWNSHIP: typing.ClassVar[TownshipClass]
    TOWNSHIP_LIKE: typing.ClassVar[TownshipClass]
    __members__: typing.ClassVar[dict[str, TownshipClass]]
    @typing.overload
    def __eq__(self, other: TownshipClass) -> bool:
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
    def __ne__(self, other: TownshipClass) -> bool:
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
        街道, 镇, 乡 or 类似乡级单位.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class VillageClass:
    """
    Class of a village-level unit, from digits 10–12.
    
    Members:
    
      RESIDENTS_COMMITTEE : 居委会: 001–199
    
      VILLAGERS_COMMITTEE : 村委会: 200–399
    
      VILLAGE_LIKE : 类似村级单位: 400–599
    """
    RESIDENTS_COMMITTEE: typing.ClassVar[VillageClass]
    VILLAGERS_COMMITTEE: typing.ClassVar[VillageClass]
    VILLAGE_LIKE: typing.ClassVar[VillageClass]
    __members__: typing.ClassVar[dict[str, VillageClass]]
    @typing.overload
    def __eq__(self, other: VillageClass) -> bool:
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
    def __ne__(self, other: VillageClass) -> bool:
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
        居委会, 村委会 or 类似村级单位.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class UrbanRuralClass:
    """
    Urban–rural classification code (城乡分类代码).
    
    Members:
    
      MAIN_URBAN_AREA : 主城区: 111
    
      URBAN_RURAL_FRINGE : 城乡结合区: 112
    
      TOWN_CENTRE : 镇中心区: 121
    
      TOWN_RURAL_FRINGE : 镇乡结合区: 122
    
      SPECIAL_AREA : 特殊区域: 123
    
      TOWNSHIP_CENTRE : 乡中心区: 210
    
      VILLAGE : 村庄: 220
    """
    MAIN_URBAN_AREA: typing.ClassVar[UrbanRuralClass]
    SPECIAL_AREA: typing.ClassVar[UrbanRuralClass]
    TOWNSHIP_CENTRE: typing.ClassVar[UrbanRuralClass]
    TOWN_CENTRE: typing.ClassVar[UrbanRuralClass]
    TOWN_RURAL_FRINGE: typing.ClassVar[UrbanRuralClass]
    URBAN_RURAL_FRINGE: typing.ClassVar[UrbanRuralClass]
    VILLAGE: typing.ClassVar[UrbanRuralClass]
    __members__: typing.ClassVar[dict[str, UrbanRuralClass]]
    @typing.overload
    def __eq__(self, other: UrbanRuralClass) -> bool:
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
    def __ne__(self, other: UrbanRuralClass) -> bool:
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
        The Chinese name, e.g. 主城区.
        """
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> int:
        ...
class DivisionCode:
    """
    A validated statistical division code (统计用区划代码) and its level.
    """
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __ge__(self, arg0: DivisionCode) -> bool:
        ...
    def __getstate__(self) -> tuple[str, Level]:
        ...
    def __gt__(self, arg0: DivisionCode) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __init__(self, code: str, level: Level | None = None) -> None:
        """
        Parses 2/4/6/9/12 digits; 6- and 12-digit zero-padded forms name higher levels. With level, the code must be of that level (12-digit padding and NBS placeholders allowed).
        """
    def __le__(self, arg0: DivisionCode) -> bool:
        ...
    def __lt__(self, arg0: DivisionCode) -> bool:
        ...
    def __ne__(self, arg0: typing.Any) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def __str__(self) -> str:
        ...
    def ancestor(self, level: Level) -> DivisionCode:
        """
        The ancestor code at this level.
        """
    def is_ancestor_of(self, other: DivisionCode) -> bool:
        """
        True when this code names a proper ancestor of other.
        """
    def segment(self, level: Level) -> int:
        """
        One segment of the code as an int.
        """
    def to_dict(self) -> dict:
        """
        {'code': ..., 'level': ...}
        """
    @property
    def is_placeholder(self) -> bool:
        """
        True for an NBS placeholder whose own segment is zeros (金门县).
        """
    @property
    def key(self) -> int:
        """
        An int that sorts codes in pre-order.
        """
    @property
    def level(self) -> Level:
        """
        The level of the unit the code names.
        """
    @property
    def padded(self) -> int:
        """
        The 12-digit zero-padded value as int.
        """
    @property
    def padded_str(self) -> str:
        """
        The 12-digit zero-padded form.
        """
    @property
    def parent(self) -> DivisionCode | None:
        """
        The code one level up, or None.
        """
    @property
    def township_class(self) -> TownshipClass | None:
        """
        TownshipClass from digits 7–9, or None above township level.
        """
    @property
    def village_class(self) -> VillageClass | None:
        """
        VillageClass from digits 10–12, or None above village level.
        """
class Unit:
    """
    One unit of a DivisionTree (a province, …, a community or village).
    """
    def __eq__(self, arg0: typing.Any) -> bool:
        ...
    def __hash__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def is_ancestor_of(self, other: typing.Any) -> bool:
        """
        True when this unit is a proper ancestor of other (a Unit or code).
        """
    def path(self) -> list:
        """
        The units from the top down to this one.
        """
    def subtree(self) -> list:
        """
        This unit and every unit below it, in pre-order.
        """
    def to_dict(self) -> dict:
        """
        {'code', 'name', 'level', 'parent_code'}
        """
    @property
    def children(self) -> list:
        """
        The units directly below, in code order.
        """
    @property
    def code(self) -> DivisionCode:
        """
        Its DivisionCode.
        """
    @property
    def index(self) -> int:
        """
        Its dense index in the tree (pre-order position).
        """
    @property
    def level(self) -> Level:
        """
        Its Level.
        """
    @property
    def name(self) -> str:
        """
        Its name, exactly as read (UTF-8).
        """
    @property
    def parent(self) -> typing.Any:
        """
        The unit above, or None for a top unit.
        """
    @property
    def subtree_size(self) -> int:
        """
        Units in its subtree, itself included.
        """
    @property
    def township_class(self) -> TownshipClass | None:
        """
        TownshipClass of its code, or None.
        """
    @property
    def village_class(self) -> VillageClass | None:
        """
        VillageClass of its code, or None.
        """
class UnitIterator:
    """
    Iterates the units of a tree in pre-order.
    """
    def __iter__(self) -> UnitIterator:
        ...
    def __next__(self) -> Unit:
        ...
class DivisionTree:
    """
    The administrative tree: compact, immutable, with O(1) is-ancestor.
    """
    def to_pandas(self) -> pandas.DataFrame:
        """One row per unit (pre-order): code, name, level (ordered categorical), parent_code, township_class, village_class (categoricals). Needs pandas."""
    def to_networkx(self) -> networkx.DiGraph:
        """The tree as a networkx DiGraph: one node per unit keyed by its code (str), with attributes code, name and level (the Level's lower-case name), and an edge from every unit to each of its children, so that ``networkx.descendants(graph, code)`` is the unit's subtree. Needs networkx."""
    @staticmethod
    def parse_csv(text: str, source: str = '<text>') -> DivisionTree:
        """
        Parses code,name,level,parent_code CSV text.
        """
    @staticmethod
    def read_csv(path: os.PathLike | str | bytes) -> DivisionTree:
        """
        Reads a code,name,level,parent_code CSV file (gzip allowed).
        """
    @staticmethod
    def read_nbs(folder: os.PathLike | str | bytes) -> DivisionTree:
        """
        Reads the NBS table set: provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv.gz.
        """
    def __contains__(self, arg0: typing.Any) -> bool:
        ...
    def __getitem__(self, code: typing.Any) -> Unit:
        ...
    def __getstate__(self) -> tuple[str]:
        ...
    def __init__(self) -> None:
        """
        An empty tree.
        """
    def __iter__(self) -> UnitIterator:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def _columns(self) -> dict:
        """
        Columns for to_pandas() (internal).
        """
    def count(self, level: Level) -> int:
        """
        Number of units at a level.
        """
    def find(self, name: str, under: typing.Any = None, fuzzy: bool = False) -> list:
        """
        Every unit named name, in code order (names repeat: 27 units are called 新华街道). under (a code or Unit) limits the search to its subtree; fuzzy=True also matches the suffix variants (新华社区 finds 新华社区居委会; name_suffix_families() lists them). An empty list when nothing matches.
        """
    def get(self, code: typing.Any) -> typing.Any:
        """
        The unit with this code, or None.
        """
    def indices(self, codes: collections.abc.Iterable) -> numpy.typing.NDArray[numpy.int64]:
        """
        Dense indices of the given codes, as an int64 array.
        """
    def is_ancestor(self, ancestor: typing.Any, descendant: typing.Any) -> bool:
        """
        True when ancestor is a proper ancestor of descendant (codes or units).
        """
    def is_ancestor_many(self, ancestors: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], descendants: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> numpy.typing.NDArray[numpy.bool]:
        """
        Vectorised is_ancestor over index arrays (GIL released); returns a bool array.
        """
    def rollup(self, values: numpy.ndarray[typing.Any, numpy.dtype[typing.Any]]) -> numpy.ndarray[typing.Any, numpy.dtype[typing.Any]]:
        """
        Sums one value per unit over every subtree (itself included): int arrays give int64, others float64.
        """
    def to_csv(self) -> str:
        """
        The tree as code,name,level,parent_code CSV text, in pre-order.
        """
    def unit(self, index: typing.SupportsInt | typing.SupportsIndex) -> Unit:
        """
        The unit at a dense index (0 … len-1).
        """
    def write_csv(self, path: os.PathLike | str | bytes) -> None:
        """
        Writes the tree as code,name,level,parent_code CSV, atomically (a temporary file, fsync, rename).
        """
    @property
    def codes(self) -> numpy.typing.NDArray[numpy.uint64]:
        """
        12-digit padded codes per unit as uint64 (pre-order).
        """
    @property
    def levels(self) -> numpy.typing.NDArray[numpy.uint8]:
        """
        Level per unit as uint8 (0 = province … 4 = village).
        """
    @property
    def name_bytes(self) -> int:
        """
        Bytes of names.
        """
    @property
    def parent_indices(self) -> numpy.typing.NDArray[numpy.int64]:
        """
        Parent index per unit as int64 (-1 for top units).
        """
    @property
    def roots(self) -> list:
        """
        The top units (provinces in a national tree).
        """
    @property
    def structure_bytes(self) -> int:
        """
        Bytes of structure, names excluded.
        """
class DivisionTreeBuilder:
    """
    Collects units, then validates them all and builds a DivisionTree.
    """
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def add(self, code: typing.Any, name: str, parent: typing.Any = None, source: str = '', row: typing.SupportsInt | typing.SupportsIndex = 0) -> DivisionTreeBuilder:
        """
        Adds a unit (checking that its code extends parent's, if given); returns the builder.
        """
    def build(self) -> DivisionTree:
        """
        Validates every unit and builds the tree (all or nothing).
        """
def name_suffix_families() -> dict:
    """
    The suffix families DivisionTree.find(fuzzy=True) treats as one: {kind: [suffixes, longest first]}.
    """
def urban_rural_class(code: typing.Any) -> UrbanRuralClass:
    """
    The class with this three-digit code (111 … 220).
    """
