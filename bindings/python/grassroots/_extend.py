"""Methods written in Python on classes bound in C++ (pandas, NumPy and GeoJSON conversions).

Calls go one way, Python → C++: an area's module (``grassroots/<area>/``) writes a conversion over the
column primitives its ``_core.<area>`` module exposes and attaches it to the bound class with
:func:`extends`. The registry is read by ``scripts/stubs``, which writes each attached method into the
class's stub, so type checkers see ``DivisionTree.to_pandas() -> pandas.DataFrame``.

>>> @extends(DivisionTree)                                     # doctest: +SKIP
... def to_pandas(self: DivisionTree) -> pandas.DataFrame: ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Literal, TypeVar

Kind = Literal["method", "classmethod", "staticmethod", "property"]
Function = TypeVar("Function", bound=Callable[..., Any])


@dataclass(frozen=True)
class Extension:
    """One method attached to a bound class: the class, the method's name, the function and its kind."""

    cls: type
    name: str
    function: Callable[..., Any]
    kind: Kind


EXTENSIONS: list[Extension] = []


def extends(cls: type, kind: Kind = "method") -> Callable[[Function], Function]:
    """Attach the decorated function to ``cls`` under its own name, as a method (default), class
    method, static method or read-only property, and record it for the stubs."""

    def attach(function: Function) -> Function:
        wrapped: Any = {
            "method": lambda f: f,
            "classmethod": classmethod,
            "staticmethod": staticmethod,
            "property": property,
        }[kind](function)
        setattr(cls, function.__name__, wrapped)
        EXTENSIONS.append(Extension(cls, function.__name__, function, kind))
        return function

    return attach
