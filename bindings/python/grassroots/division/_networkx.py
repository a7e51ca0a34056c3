"""The administrative ladder as a networkx graph (networkx is optional: ``pip install 'grassroots[networkx]'``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._core.division import DivisionTree, Level
from .._extend import extends
from .._optional import require

if TYPE_CHECKING:
    import networkx as nx


@extends(DivisionTree)
def to_networkx(self: DivisionTree) -> "nx.DiGraph":
    """The tree as a networkx DiGraph: one node per unit keyed by its code (str), with attributes code, name and
    level (the Level's lower-case name), and an edge from every unit to each of its children, so that
    ``networkx.descendants(graph, code)`` is the unit's subtree. Needs networkx."""
    nx = require("networkx", "networkx", "DivisionTree.to_networkx")
    columns = self._columns()
    levels = {int(member): member.name.lower() for member in Level.__members__.values()}
    graph = nx.DiGraph()
    graph.add_nodes_from(
        (code, {"code": code, "name": name, "level": levels[int(level)]})
        for code, name, level in zip(columns["code"], columns["name"], self.levels)
    )
    graph.add_edges_from(
        (parent, code) for code, parent in zip(columns["code"], columns["parent_code"]) if parent is not None
    )
    return graph
