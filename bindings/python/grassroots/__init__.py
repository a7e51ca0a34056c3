"""grassroots: grassroots governance (基层治理) in C++20 with a Python API.

Today: China's administrative ladder (行政层级) — statistical division codes (统计用区划代码) and
the division tree down to every community and village — and the four-level autonomy chain
(四级自治组织链条) of a community or village: its rules by law edition, validation, meetings and
consultations; and China's working-day calendar (工作日) with public holidays, make-up working days
(调休), working hours and deadlines; and grids (网格化服务管理) — grid codes, polygons, the point →
grid index, coverage and household checks, GeoJSON — with grid posts (网格定岗), their daily rule
checks and a staffing optimiser; the dual ledger (双台账) of problems and measures with 销号, and
the burden ledger (小马拉大车, 减负) with its burden index. See the README for the road map.

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
