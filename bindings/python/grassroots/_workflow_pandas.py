"""pandas views of matter catalogues and responsibility lists, imported lazily so that grassroots
works without pandas.

As in the other views: enums become categoricals (categories: the members' lower-case names in value
order; the rung ordered grid < … < city), text ``string`` (missing where a value is absent).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._autonomy_pandas import _categorical, _strings, _text_or_none
from ._core.workflow import MatterCatalogue, MatterClass, ResponsibilityList, Rung

if TYPE_CHECKING:
    import pandas as pd


def catalogue_frame(catalogue: MatterCatalogue) -> "pd.DataFrame":
    """One row per matter type, indexed by key: class, code, name, category, workflow, owner.

    ``class`` is a categorical (component, event); ``category`` a categorical of the catalogue's
    categories in order of first appearance; owner and workflow are missing where empty.
    """
    import pandas as pd

    types = list(catalogue)
    categories = list(dict.fromkeys(t.category for t in types))
    frame = pd.DataFrame(
        {
            "class": _categorical([t.matter_class for t in types], MatterClass),
            "code": _strings([t.code for t in types]),
            "name": _strings([t.name for t in types]),
            "category": pd.Categorical([t.category for t in types], categories=categories, ordered=False),
            "workflow": _strings([_text_or_none(t.workflow) for t in types]),
            "owner": _strings([_text_or_none(t.owner) for t in types]),
        },
        index=pd.Index([t.key for t in types], dtype="string", name="key"),
    )
    return frame


def responsibility_frame(responsibilities: ResponsibilityList) -> "pd.DataFrame":
    """One row per entry: matter, rung (ordered categorical), scope (missing = everywhere), primary,
    cooperating (units joined with ';', missing when none) and source."""
    import pandas as pd

    entries = list(responsibilities)
    return pd.DataFrame(
        {
            "matter": _strings([e.matter for e in entries]),
            "rung": _categorical([e.rung for e in entries], Rung, ordered=True),
            "scope": _strings([None if e.scope is None else str(e.scope) for e in entries]),
            "primary": _strings([e.primary for e in entries]),
            "cooperating": _strings([";".join(e.cooperating) if e.cooperating else None for e in entries]),
            "source": _strings([_text_or_none(e.source) for e in entries]),
        }
    )
