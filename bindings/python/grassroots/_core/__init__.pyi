"""
grassroots C++ core (use the grassroots package, not this module)
"""
from __future__ import annotations
from grassroots import FileError
from grassroots import GrassrootsError
from grassroots import InvalidInputError
from grassroots import NotFoundError
from grassroots import PermissionDeniedError
from grassroots import RuleViolationError
from . import division
from . import autonomy
from . import calendar
from . import grid
from . import workflow
from . import ledger
from . import burden
from . import people
from . import analytics
from . import privacy
from . import store
from . import datasets
__all__: list[str] = ['FileError', 'GrassrootsError', 'InvalidInputError', 'NotFoundError', 'PermissionDeniedError', 'RuleViolationError', 'analytics', 'autonomy', 'burden', 'calendar', 'datasets', 'division', 'grid', 'ledger', 'people', 'privacy', 'store', 'workflow']
def _raise_for_test(kind: str, message: str) -> None:
    ...
__version__: str = '0.1.0'
