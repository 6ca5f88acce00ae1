"""The graph flattened into the three tables every trend computation starts from.

Built once per call from the graph (not from records) so the CLI and notebooks
share one path: ``papers`` (one row per paper, with its first-seen date),
``links`` (one row per paper–entity pair) and ``entities`` (names and groups).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Union

import networkx as nx
import pandas as pd

__all__ = ["Kind", "KINDS", "TrendData", "trend_data", "as_trend_data"]

Kind = Literal["method", "dataset", "category"]
KINDS: tuple[Kind, ...] = ("method", "dataset", "category")

#: relationship type (Paper -> entity) and entity label for each kind
_REL = {"MENTIONS": "method", "USES_DATASET": "dataset", "IN_CATEGORY": "category"}
_LABEL_KIND = {"Method": "method", "Dataset": "dataset", "Category": "category"}


@dataclass(frozen=True)
class TrendData:
    """The graph as tables (see :func:`trend_data`).

    Attributes:
        papers: index ``paper`` (arXiv id); columns ``date`` (``datetime64``, first seen) and
            ``precision`` ("day"/"month"). Papers without a first-seen date are left out.
        links: columns ``paper``, ``kind``, ``entity`` (method/dataset key, category code),
            ``proposed`` (the paper PROPOSES the method), ``primary`` (the primary category).
            One row per distinct (paper, kind, entity); only papers in ``papers``.
        entities: index ``(kind, entity)``; columns ``name`` and ``group`` (method group,
            category group, "" for datasets).
        undated: number of papers left out because they have no first-seen date.
    """

    papers: pd.DataFrame
    links: pd.DataFrame
    entities: pd.DataFrame
    undated: int = 0

    @property
    def last_day(self) -> dt.date | None:
        """The last day-precision first-seen date (the anchor of the trend windows)."""
        days = self.papers.loc[self.papers["precision"] == "day", "date"]
        return None if days.empty else days.max().date()


def trend_data(G: nx.MultiDiGraph) -> TrendData:
    """Flatten a knowledge graph (schema in :mod:`kg.graph`) into :class:`TrendData`.

    Args:
        G: the graph from :func:`kg.build` or :func:`kg.graph.build_graph`.

    Returns:
        The tables; deterministic for a given graph.
    """
    paper_rows: list[tuple[str, dt.date, str]] = []
    entity_rows: list[tuple[str, str, str, str]] = []
    undated = 0
    nodes = G.nodes
    for n, d in G.nodes(data=True):
        label = d.get("label")
        if label == "Paper":
            day = d.get("first_seen")
            if day is None:
                undated += 1
            else:
                paper_rows.append((d["arxiv_id"], day, d.get("date_precision", "day")))
        elif label in _LABEL_KIND:
            key = d.get("code") if label == "Category" else d.get("key")
            entity_rows.append((_LABEL_KIND[label], key, d.get("name") or key, d.get("group") or ""))
    dated = {pid for pid, _, _ in paper_rows}
    links: dict[tuple[str, str, str], list[bool]] = {}
    for u, v, k, attrs in G.edges(keys=True, data=True):
        if k == "PROPOSES":
            kind = "method"
        elif k in _REL:
            kind = _REL[k]
        else:
            continue
        paper = nodes[u].get("arxiv_id")
        if paper not in dated:
            continue
        target = nodes[v]
        entity = target.get("code") if kind == "category" else target.get("key")
        flags = links.setdefault((paper, kind, entity), [False, False])
        if k == "PROPOSES":
            flags[0] = True
        elif k == "IN_CATEGORY" and attrs.get("primary"):
            flags[1] = True
    papers = pd.DataFrame(paper_rows, columns=["paper", "date", "precision"]).set_index("paper")
    papers["date"] = pd.to_datetime(papers["date"])
    link_df = pd.DataFrame(
        [(p, kind, e, f[0], f[1]) for (p, kind, e), f in links.items()],
        columns=["paper", "kind", "entity", "proposed", "primary"],
    ).astype({"proposed": bool, "primary": bool})
    entities = pd.DataFrame(entity_rows, columns=["kind", "entity", "name", "group"])
    entities = entities.drop_duplicates(["kind", "entity"]).set_index(["kind", "entity"]).sort_index()
    return TrendData(papers, link_df, entities, undated)


def as_trend_data(source: Union[nx.MultiDiGraph, TrendData]) -> TrendData:
    """``source`` itself when already flattened, else :func:`trend_data` of the graph."""
    return source if isinstance(source, TrendData) else trend_data(source)
