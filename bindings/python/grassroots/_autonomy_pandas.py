"""Moved: the autonomy pandas views live in grassroots.autonomy, the column helpers in grassroots._frames.

Kept only for the areas' modules that still import the helpers from here; delete it when none does.
"""

from __future__ import annotations

from ._frames import _categorical, _dates, _ids, _strings, _text_or_none  # noqa: F401 (re-exported)
