"""The knowledge graph as pandas DataFrames: one per node label and one per relationship type.

For notebooks: ``kg.frames(G)`` (or ``result.frames()``) gives tables that pandas users can filter,
group, merge and plot without walking the networkx graph::

    f = kg.build(["examples/"]).frames()
    f.methods.nlargest(10, "papers")[["name", "group", "papers"]]
    f.mentions.merge(f.papers, left_on="paper", right_on="arxiv_id")   # who mentions what, with titles

Node tables have the columns of the schema (``kg/store/schema.py``: ``arxiv_id``, ``title``, ...,
dates as ``datetime64``, lists as Python lists) and, except ``papers``, a ``papers`` column: the
number of papers linked to the node (authored, in the category, listed in the digest, mentioning
the method, using the dataset, linking the repository). Relationship tables name their ends after
the labels, holding node keys: ``authored`` has ``author`` (an author key) and ``paper`` (an arXiv
id) and ``position``; the symmetric ``co_authored`` and ``co_occurs`` have ``author_a``/``author_b``
and ``method_a``/``method_b``, each pair once. Every table has its columns even when it is empty.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.store.schema import NODE_KEYS, NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Frames", "frames", "NODE_TABLES", "REL_TABLES"]

#: Table name -> node label.
NODE_TABLES: dict[str, str] = {
    "papers": "Paper", "authors": "Author", "categories": "Category", "digests": "Digest",
    "methods": "Method", "datasets": "Dataset", "repositories": "Repository",
}
#: Table name -> relationship type.
REL_TABLES: dict[str, str] = {
    "authored": "AUTHORED", "in_category": "IN_CATEGORY", "listed_in": "LISTED_IN", "mentions": "MENTIONS",
    "proposes": "PROPOSES", "uses_dataset": "USES_DATASET", "has_code": "HAS_CODE",
    "co_authored": "CO_AUTHORED", "co_occurs": "CO_OCCURS",
}
#: The relationship whose papers a node's ``papers`` column counts.
_PAPERS_VIA: dict[str, str] = {
    "Author": "AUTHORED", "Category": "IN_CATEGORY", "Digest": "LISTED_IN", "Method": "MENTIONS",
    "Dataset": "USES_DATASET", "Repository": "HAS_CODE",
}


@dataclass(frozen=True)
class Frames:
    """One DataFrame per node label and per relationship type (see the module docstring)."""

    papers: pd.DataFrame
    authors: pd.DataFrame
    categories: pd.DataFrame
    digests: pd.DataFrame
    methods: pd.DataFrame
    datasets: pd.DataFrame
    repositories: pd.DataFrame
    authored: pd.DataFrame
    in_category: pd.DataFrame
    listed_in: pd.DataFrame
    mentions: pd.DataFrame
    proposes: pd.DataFrame
    uses_dataset: pd.DataFrame
    has_code: pd.DataFrame
    co_authored: pd.DataFrame
    co_occurs: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """``{table name: DataFrame}``, nodes first (e.g. to write every table to CSV or parquet)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __repr__(self) -> str:
        return "Frames(" + ", ".join(f"{name}={len(df)}" for name, df in self.tables().items()) + ")"


def end_columns(rel_type: str) -> tuple[str, str]:
    """The names of a relationship table's two end columns.

    >>> end_columns("AUTHORED"), end_columns("CO_OCCURS")
    (('author', 'paper'), ('method_a', 'method_b'))
    """
    start, end = (label.lower() for label in REL_ENDPOINTS[rel_type])
    return (f"{start}_a", f"{end}_b") if start == end else (start, end)


def frames(G: nx.MultiDiGraph) -> Frames:
    """The graph ``kg.build`` made, as DataFrames (see the module docstring).

    >>> from kg.records import Paper
    >>> from kg.graph import build_graph
    >>> f = frames(build_graph([Paper("2601.1", "A", authors=("Ann Lee", "Bo Li"), categories=("cs.LG",))]))
    >>> f.authors[["key", "name", "papers"]].to_dict("records")
    [{'key': 'ann lee', 'name': 'Ann Lee', 'papers': 1}, {'key': 'bo li', 'name': 'Bo Li', 'papers': 1}]
    >>> f.co_authored[["author_a", "author_b", "weight"]].to_dict("records")
    [{'author_a': 'ann lee', 'author_b': 'bo li', 'weight': 1}]
    """
    import pandas as pd

    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, attrs in G.nodes(data=True):
        nodes[attrs.get("label", "")].append(attrs)
    rels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    papers_of: dict[str, Counter[str]] = defaultdict(Counter)  # label -> node key -> papers
    key_of = {n: attrs.get(NODE_KEYS.get(attrs.get("label", ""), ""), n) for n, attrs in G.nodes(data=True)}
    for u, v, rel_type, attrs in G.edges(keys=True, data=True):
        if rel_type not in REL_ENDPOINTS:
            continue
        start, end = end_columns(rel_type)
        rels[rel_type].append({start: key_of[u], end: key_of[v], **{k: x for k, x in attrs.items() if k != "type"}})
        start_label, end_label = REL_ENDPOINTS[rel_type]
        if _PAPERS_VIA.get(end_label) == rel_type:
            papers_of[end_label][key_of[v]] += 1
        elif _PAPERS_VIA.get(start_label) == rel_type:
            papers_of[start_label][key_of[u]] += 1

    tables: dict[str, pd.DataFrame] = {}
    for name, label in NODE_TABLES.items():
        declared = NODE_PROPERTIES[label]
        rows = [{k: x for k, x in attrs.items() if k != "label"} for attrs in nodes.get(label, [])]
        df = pd.DataFrame(rows, columns=_columns(declared, rows))
        if label in _PAPERS_VIA:
            counts = papers_of[label]
            df["papers"] = pd.Series([counts[k] for k in df[NODE_KEYS[label]]], index=df.index, dtype="int64")
        tables[name] = _dates(df, declared)
    for name, rel_type in REL_TABLES.items():
        declared = REL_PROPERTIES[rel_type]
        rows = rels.get(rel_type, [])
        df = pd.DataFrame(rows, columns=_columns(declared, rows, end_columns(rel_type)))
        tables[name] = _dates(df, declared)
    return Frames(**tables)


def _columns(declared: dict[str, str], rows: list[dict[str, Any]], ends: tuple[str, ...] = ()) -> list[str]:
    """The end columns, the schema's columns in its order, then any attribute the schema does not declare."""
    extra = sorted({k for row in rows for k in row} - set(declared) - set(ends))
    return [*ends, *declared, *extra]


def _dates(df: pd.DataFrame, declared: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    for column, kind in declared.items():
        if kind == "date" and column in df:
            df[column] = pd.to_datetime(df[column])
    return df
