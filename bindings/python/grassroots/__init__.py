"""grassroots: grassroots governance (基层治理) in China, a C++20 library with this Python API.

Everything below is re-exported here (``gr.DivisionTree``, ``gr.CaseEngine``, ``gr.compute_kpis`` …);
each subpackage also stands on its own, and ``help(grassroots.<name>)`` describes it:

- ``division``  — division codes (统计用区划代码) and the administrative tree (行政层级) down to every
  community and village; ``datasets`` — data shipped inside the library (Dongying's 1,982 units);
- ``autonomy``  — the four-level autonomy chain (四级自治组织链条): rules by law edition, validation,
  meetings and consultations (协商议事);
- ``calendar``  — China's working-day calendar (工作日, 调休), working hours and deadlines;
- ``grid``      — grids (网格化) and grid posts (网格定岗): codes, polygons, point → grid, coverage,
  GeoJSON, staffing, re-division;
- ``workflow``  — closed loops (闭环): workflow definitions and the case engine (cases, routing by
  responsibility lists, 催办/督办 on the working-day clock, the event record and its replay);
- ``analytics`` — KPIs (结案率, 按期结案率, 三率, time to close) over a case table, rolled up the
  ladder in one pass;
- ``ledger``    — the dual ledger (双台账) of problems and measures, 销号;
- ``burden``    — the burden ledger (小马拉大车, 减负) and the burden index;
- ``people``    — community-worker reviews (履职评估), volunteers, 党员回家, social organisations;
- ``privacy``   — residents' identifiers masked, keyed pseudonyms, the vault's encryption;
- ``store``     — the durable event store (SQLite or PostgreSQL) with its hash chain, and stored
  engines and objects (``python -m grassroots.store verify``);
- ``plotting``  — charts with Chinese labels: KPIs by unit, grid maps, time to close (matplotlib).

Errors are one hierarchy: ``GrassrootsError`` and ``InvalidInputError``, ``NotFoundError``,
``RuleViolationError``, ``PermissionDeniedError``, ``FileError``. The docs pages (docs/ in the
repository) open with examples; examples/python/tour.py is a tour of Dongying.

>>> import grassroots
>>> tree = grassroots.datasets.dongying()
>>> [unit.name for unit in tree["370502005066"].path()]
['山东省', '东营市', '东营区', '胜利街道', '锦苑社区居民委员会']
"""

from __future__ import annotations

from . import _core
from ._core import (
    FileError,
    GrassrootsError,
    GrassrootsWarning,
    InputLimits,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RuleViolationError,
    input_limits,
    set_input_limits,
)
from . import analytics, autonomy, burden, calendar, datasets, division, grid, ledger, people, privacy, store, workflow
from .division import *  # noqa: F401,F403 (re-exported: see __all__)
from .autonomy import *  # noqa: F401,F403 (re-exported: see __all__)
from .calendar import *  # noqa: F401,F403 (re-exported: see __all__)
from .grid import *  # noqa: F401,F403 (re-exported: see __all__)
from .workflow import *  # noqa: F401,F403 (re-exported: see __all__)
from .ledger import *  # noqa: F401,F403 (re-exported: see __all__)
from .burden import *  # noqa: F401,F403 (re-exported: see __all__)
from .people import *  # noqa: F401,F403 (re-exported: see __all__)
from .analytics import *  # noqa: F401,F403 (re-exported: see __all__)
from .privacy import *  # noqa: F401,F403 (re-exported: see __all__)
from .store import *  # noqa: F401,F403 (re-exported: see __all__; grassroots.store.open stays in store)
from . import _display  # noqa: F401,E402 (attach the notebook displays: _repr_html_, _repr_svg_, GridMap.to_svg)

__version__: str = _core.__version__

# The public names: the errors, each area's own __all__, the datasets module and the version.
__all__ = [
    "FileError",
    "GrassrootsError",
    "GrassrootsWarning",
    "InputLimits",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "RuleViolationError",
    "datasets",
    "input_limits",
    "set_input_limits",
    "__version__",
]
__all__ += division.__all__
__all__ += autonomy.__all__
__all__ += calendar.__all__
__all__ += grid.__all__
__all__ += workflow.__all__
__all__ += ledger.__all__
__all__ += burden.__all__
__all__ += people.__all__
__all__ += analytics.__all__
__all__ += privacy.__all__
__all__ += store.__all__
