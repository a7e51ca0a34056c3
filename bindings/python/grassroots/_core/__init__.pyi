"""
grassroots C++ core (use the grassroots package, not this module)
"""
from __future__ import annotations
from grassroots import FileError
from grassroots import GrassrootsError
from grassroots import GrassrootsWarning
from grassroots import InvalidInputError
from grassroots import NotFoundError
from grassroots import PermissionDeniedError
from grassroots import RuleViolationError
import typing
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
__all__: list[str] = ['FileError', 'GrassrootsError', 'GrassrootsWarning', 'InputLimits', 'InvalidInputError', 'NotFoundError', 'PermissionDeniedError', 'RuleViolationError', 'analytics', 'autonomy', 'burden', 'calendar', 'datasets', 'division', 'grid', 'input_limits', 'ledger', 'people', 'privacy', 'set_input_limits', 'store', 'workflow']
class InputLimits:
    """
    How much input the readers accept, in bytes; see input_limits().
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: InputLimits) -> bool:
        ...
    def __init__(self, max_file_bytes: typing.SupportsInt | typing.SupportsIndex = 268435456, max_decompressed_bytes: typing.SupportsInt | typing.SupportsIndex = 268435456) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def max_decompressed_bytes(self) -> int:
        """
        Largest text a gzip file may expand to (default 256 MiB).
        """
    @max_decompressed_bytes.setter
    def max_decompressed_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def max_file_bytes(self) -> int:
        """
        Largest file a reader opens (default 256 MiB).
        """
    @max_file_bytes.setter
    def max_file_bytes(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
def _raise_for_test(kind: str, message: str) -> None:
    ...
def input_limits() -> InputLimits:
    """
    The limits on input files in force (process-wide).
    """
def set_input_limits(limits: InputLimits) -> None:
    """
    Sets the limits on input files for every reader from now on; InvalidInputError for a limit of 0.
    """
__version__: str = '0.1.0'
