"""The graph flattened into the tables every trend computation starts from.

Built once per call from the graph (not from records) so the CLI and notebooks
share one path: ``papers`` (one row per paper, with its first-seen date and primary
category), ``links`` (one row per paper–entity pair), ``entities`` (names and groups)
and ``authorships`` (paper–author pairs, for telling independent uptake from self-citation).

Every table is sparse: nothing here (or downstream) builds an entity × period grid.
Papers whose first-seen date lies far from all the others (a file named ``1026-01-19.md``)
are set aside as ``outlying`` instead of stretching every series across a millennium.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.graph import keyed_edges

__all__ = ["Kind", "KINDS", "MAX_GAP_DAYS", "TrendData", "trend_data", "as_trend_data", "main_span"]

Kind = Literal["method", "dataset", "category"]
KINDS: tuple[Kind, ...] = ("method", "dataset", "category")

#: relationship type (Paper -> entity) and entity label for each kind
_REL = {"MENTIONS": "method", "USES_DATASET": "dataset", "IN_CATEGORY": "category"}
_LABEL_KIND = {"Method": "method", "Dataset": "dataset", "Category": "category"}

#: A gap between consecutive first-seen dates longer than this splits the data into separate
#: runs; only the run with the most papers is analysed (a file named 1026-01-19 or 9999-01-01
#: makes a run of its own). Longer than a year, so that a year-over-year comparison can use
#: last year's weeks even when the months in between are missing.
MAX_GAP_DAYS = 400


@dataclass(frozen=True)
class TrendData:
    """The graph as tables (see :func:`trend_data`).

    Attributes:
        papers: index ``paper`` (arXiv id); columns ``date`` (``datetime64``, first seen),
            ``precision`` ("day"/"month"), ``primary`` (primary category code, "" when unknown)
            and ``title``. Papers without a first-seen date, or with an outlying one, are left out.
        links: columns ``paper``, ``kind``, ``entity`` (method/dataset key, category code),
            ``proposed`` (the paper PROPOSES the method), ``is_primary`` (the category is the
            paper's primary one).
            One row per distinct (paper, kind, entity); only papers in ``papers``.
        entities: index ``(kind, entity)``; columns ``name`` and ``group`` (method group,
            category group, "" for datasets).
        authorships: columns ``paper``, ``author`` (author key); only papers in ``papers``.
        undated: number of papers left out because they have no first-seen date.
        outlying: first-seen dates (index) and paper counts of the papers left out because
            their date is more than :data:`MAX_GAP_DAYS` away from the main run of dates.
        digest_days: the dates of the digests read (Digest nodes with a day), within the main run:
            a digest that lists no new paper still shows that the day was covered.
    """

    papers: pd.DataFrame
    links: pd.DataFrame
    entities: pd.DataFrame
    authorships: pd.DataFrame
    undated: int = 0
    outlying: pd.Series | None = None
    digest_days: pd.DatetimeIndex = field(default_factory=lambda: pd.DatetimeIndex([]))

    @property
    def day_papers(self) -> pd.DataFrame:
        """The papers known to the day (month-precision papers cannot be put on a day or in a window)."""
        return self.papers[self.papers["precision"] == "day"]

    @property
    def first_day(self) -> dt.date | None:
        """The first day of the data: the first day-precision first-seen date (or digest date)."""
        days = self.day_papers["date"]
        if days.empty:
            return None
        return min([days.min(), *self.digest_days[:1]]).date()

    @property
    def last_day(self) -> dt.date | None:
        """The last day of the data (the anchor of the trend windows): the last day-precision
        first-seen date, or the last digest date when that is later (a digest that only lists
        papers seen before still covers its day)."""
        days = self.day_papers["date"]
        if days.empty:
            return None
        return max([days.max(), *self.digest_days[-1:]]).date()

    def kind_links(self, kind: Kind) -> pd.DataFrame:
        """The links of one kind."""
        return self.links[self.links["kind"] == kind]

    def names(self, kind: Kind) -> pd.DataFrame:
        """``name`` and ``group`` of every entity of one kind (index: entity)."""
        if kind in self.entities.index.get_level_values(0):
            return self.entities.loc[kind]
        return pd.DataFrame({"name": pd.Series(dtype=object), "group": pd.Series(dtype=object)})


def main_span(dates: pd.Series, max_gap_days: int = MAX_GAP_DAYS) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last date of the run of dates that holds the most papers.

    Runs are separated by gaps longer than ``max_gap_days`` between consecutive distinct dates.

    >>> d = pd.Series(pd.to_datetime(["1026-01-19", "2026-01-05", "2026-01-06", "2026-01-06"]))
    >>> [t.date().isoformat() for t in main_span(d)]
    ['2026-01-05', '2026-01-06']
    """
    if dates.empty:
        return None
    counts = dates.value_counts().sort_index()
    days = counts.index
    if len(days) == 1:
        return days[0], days[0]
    gaps = np.flatnonzero(np.diff(days.to_numpy()) > np.timedelta64(max_gap_days, "D"))
    bounds = np.concatenate([[0], gaps + 1, [len(days)]])
    sizes = [counts.iloc[a:b].sum() for a, b in zip(bounds[:-1], bounds[1:])]
    best = int(np.argmax(sizes))  # the first of equal runs: deterministic
    return days[bounds[best]], days[bounds[best + 1] - 1]


def trend_data(G: nx.MultiDiGraph, *, max_gap_days: int = MAX_GAP_DAYS) -> TrendData:
    """Flatten a knowledge graph (schema in :mod:`kg.graph`) into :class:`TrendData`.

    Args:
        G: the graph from :func:`kg.build` or :func:`kg.graph.build_graph`.
        max_gap_days: see :data:`MAX_GAP_DAYS`.

    Returns:
        The tables; deterministic for a given graph.
    """
    paper_rows: list[tuple[str, dt.date, str, str, str]] = []
    entity_rows: list[tuple[str, str, str, str]] = []
    digest_days: set[dt.date] = set()
    undated = 0
    nodes = G._node  # attribute dicts by node id: what G.nodes[n] returns, without the view's lookup
    for n, d in G.nodes(data=True):
        label = d.get("label")
        if label == "Paper":
            day = d.get("first_seen")
            if day is None:
                undated += 1
            else:
                paper_rows.append((d["arxiv_id"], day, d.get("date_precision", "day"),
                                   d.get("primary_category") or "", d.get("title") or ""))
        elif label == "Digest" and isinstance(d.get("date"), dt.date):
            digest_days.add(d["date"])
        elif label in _LABEL_KIND:
            key = d.get("code") if label == "Category" else d.get("key")
            entity_rows.append((_LABEL_KIND[label], key, d.get("name") or key, d.get("group") or ""))
    papers = pd.DataFrame(paper_rows, columns=["paper", "date", "precision", "primary", "title"]).set_index("paper")
    papers["date"] = pd.to_datetime(papers["date"])
    outlying = None
    span = main_span(papers["date"], max_gap_days)
    if span is not None:
        # a month-precision paper is dated on the 1st: keep it when its month meets the span
        inside = (papers["date"] >= span[0] - pd.Timedelta(days=31)) & (papers["date"] <= span[1])
        if not inside.all():
            outlying = papers.loc[~inside, "date"].value_counts().sort_index()
            papers = papers[inside]
    digests = pd.DatetimeIndex(sorted(digest_days))
    if span is not None:  # a digest dated far from the papers is as outlying as they are
        digests = digests[(digests >= span[0]) & (digests <= span[1] + pd.Timedelta(days=14))]
    dated = set(papers.index)
    links: dict[tuple[str, str, str], list[bool]] = {}
    authorships: list[tuple[str, str]] = []
    # The adjacency itself (kg.graph.keyed_edges): the edge view's generator costs more than this loop.
    for u, v, k, attrs in keyed_edges(G):
        if k == "AUTHORED":
            paper = nodes[v].get("arxiv_id")
            if paper in dated:
                authorships.append((paper, nodes[u].get("key")))
            continue
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
    link_df = pd.DataFrame(
        [(p, kind, e, f[0], f[1]) for (p, kind, e), f in links.items()],
        columns=["paper", "kind", "entity", "proposed", "is_primary"],
    ).astype({"proposed": bool, "is_primary": bool})
    entities = pd.DataFrame(entity_rows, columns=["kind", "entity", "name", "group"])
    entities = entities.drop_duplicates(["kind", "entity"]).set_index(["kind", "entity"]).sort_index()
    authors = pd.DataFrame(authorships, columns=["paper", "author"])
    return TrendData(papers, link_df, entities, authors, undated, outlying, digests)


def as_trend_data(source: Union[nx.MultiDiGraph, TrendData]) -> TrendData:
    """``source`` itself when already flattened, else :func:`trend_data` of the graph."""
    return source if isinstance(source, TrendData) else trend_data(source)
