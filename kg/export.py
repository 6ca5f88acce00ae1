"""File sinks for the graph: GraphML, node-link JSON and the build summary.

GraphML cannot hold lists or dates, so :func:`flat_graph` turns lists into
``;``-joined strings and dates into ISO strings; node-link JSON keeps lists and
writes dates as ISO strings. Output is deterministic: the same graph gives the
same bytes, so running the same build twice gives identical files.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["LIST_DELIMITER", "flat_graph", "write_graphml", "write_node_link", "write_summary"]

#: Joins list-valued properties in GraphML (the same delimiter the Neo4j import files use).
LIST_DELIMITER = ";"


def _flat(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_DELIMITER.join(str(v) for v in value)
    return value


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attribute values are all GraphML scalars (str, int, float, bool).

    >>> G = nx.MultiDiGraph(); G.add_node("Paper:1", categories=["cs.LG", "cs.AI"], first_seen=dt.date(2026, 1, 5))
    >>> flat_graph(G).nodes["Paper:1"]
    {'categories': 'cs.LG;cs.AI', 'first_seen': '2026-01-05'}
    """
    H = nx.MultiDiGraph(**{k: _flat(v) for k, v in G.graph.items()})
    H.add_nodes_from((n, {k: _flat(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, {a: _flat(x) for a, x in d.items()}) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as GraphML (lists joined with ``;``, dates as ISO strings)."""
    path = Path(path)
    nx.write_graphml(flat_graph(G), path, encoding="utf-8")
    return path


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def write_node_link(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as networkx node-link JSON (``nx.node_link_graph`` reads it back)."""
    path = Path(path)
    data = nx.node_link_data(G, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=_json_default) + "\n", encoding="utf-8")
    return path


def write_summary(summary: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the build summary as pretty JSON."""
    path = Path(path)
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=_json_default) + "\n", encoding="utf-8")
    return path
