"""Optional dependencies (geopandas, shapely, networkx, pandas), imported where a method needs them, with an
error naming the extra that installs them when they are absent."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, extra: str, caller: str) -> ModuleType:
    """``module`` imported, or ImportError saying that ``caller`` needs it and which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{caller} needs {module.split('.')[0]}, which is not installed: pip install 'grassroots[{extra}]'"
        ) from error
