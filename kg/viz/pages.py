"""One call per page: project the knowledge graph and write the HTML (used by ``kg viz`` and ``kg build``).

The readable defaults of the pages live here and in :mod:`kg.viz.projections`
(:data:`~kg.viz.projections.COAUTHOR_MIN_PAPERS`, :data:`~kg.viz.projections.TOPIC_MIN_PAPERS`),
so ``kg build``'s pages and ``kg viz`` draw the same picture.
"""
from __future__ import annotations

import os
from typing import Any

import networkx as nx

from kg.graph import gc_paused
from kg.viz.projections import (
    COAUTHOR_MIN_PAPERS, DEFAULT_SEED, TOPIC_MIN_PAPERS, ProjectionReport, coauthor_network, ego_network,
    topic_network,
)
from kg.viz.render import write_html

__all__ = ["write_coauthor_html", "write_topic_html", "write_ego_html", "subtitle"]


def subtitle(report: ProjectionReport, rule: str = "") -> str:
    """The line under a page's title: what is shown, the threshold, what was left out."""
    return report.summary() + (f" · {rule}" if rule else "")


@gc_paused(collect=True)  # projections make cycles: one collection at the end, not dozens
def write_coauthor_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str | None = None, seed: int = DEFAULT_SEED,
    overlay: bool = False, **filters: Any,
) -> ProjectionReport:
    """Write the co-author network of ``G`` to ``path``.

    Defaults for a readable overview: authors with at least :data:`COAUTHOR_MIN_PAPERS` papers,
    one-paper groups left out (``one_paper_groups=True`` keeps them), at most 1,500 authors.

    Args:
        G: the knowledge graph.
        path: the HTML file to write (folders created).
        title: page title (default "Co-author network").
        seed: seed of communities and layout.
        overlay: open coloured by mean first-seen date instead of by community.
        **filters: keyword arguments of :func:`kg.viz.coauthor_network` (min_papers, min_weight,
            top, category, since, until, largest_component, one_paper_groups).

    Returns:
        The :class:`ProjectionReport` (its ``nodes`` is the node count the page shows).
    """
    filters.setdefault("min_papers", COAUTHOR_MIN_PAPERS)
    filters.setdefault("one_paper_groups", False)
    P, report = coauthor_network(G, seed=seed, **filters)
    rule = f"authors with ≥ {filters['min_papers']} paper{'s' if filters['min_papers'] != 1 else ''}"
    rule += "" if filters["one_paper_groups"] else ", one-paper groups left out"
    write_html(P, path, title=title or "Co-author network", subtitle=subtitle(report, rule), seed=seed, overlay=overlay)
    return report


@gc_paused(collect=True)  # projections make cycles: one collection at the end, not dozens
def write_topic_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str | None = None, seed: int = DEFAULT_SEED,
    overlay: bool = False, **filters: Any,
) -> ProjectionReport:
    """Write the topic (method co-occurrence) network of ``G`` to ``path``.

    Default: methods mentioned by at least :data:`TOPIC_MIN_PAPERS` papers.

    Args:
        G: the knowledge graph.
        path: the HTML file to write.
        title: page title (default "Topic network").
        seed: layout seed.
        overlay: open coloured by mean first-seen date (VOSviewer's overlay) instead of by group.
        **filters: keyword arguments of :func:`kg.viz.topic_network` (min_papers, min_weight, top,
            category, since, until, largest_component, with_categories).

    Returns:
        The :class:`ProjectionReport`.
    """
    filters.setdefault("min_papers", TOPIC_MIN_PAPERS)
    P, report = topic_network(G, **filters)
    rule = f"methods in ≥ {filters['min_papers']} paper{'s' if filters['min_papers'] != 1 else ''}"
    write_html(P, path, title=title or "Topic network", subtitle=subtitle(report, rule), seed=seed, overlay=overlay)
    return report


@gc_paused(collect=True)  # projections make cycles: one collection at the end, not dozens
def write_ego_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], name: str, depth: int = 1, *, title: str | None = None,
    seed: int = DEFAULT_SEED, overlay: bool = False, **options: Any,
) -> ProjectionReport:
    """Write the ego network of the author or method ``name`` to ``path``.

    Args:
        G: the knowledge graph.
        path: the HTML file to write.
        name: author or method (key, alias or close spelling; see :func:`kg.viz.match_node`).
        depth: 1 or 2.
        title: page title (default "Neighbourhood of <name>").
        seed: seed of communities and layout.
        overlay: open coloured by mean first-seen date.
        **options: ``min_weight``, ``top`` of :func:`kg.viz.ego_network`.

    Returns:
        The :class:`ProjectionReport` (``notes`` names the node a loose name matched).

    Raises:
        KgError: unknown or ambiguous name, bad depth.
    """
    P, report = ego_network(G, name, depth, seed=seed, **options)
    center = P.nodes[P.graph["center"]]
    default = f"Neighbourhood of {center['name']} ({center['kind'].lower()}, depth {depth})"
    write_html(P, path, title=title or default, subtitle=subtitle(report), seed=seed, overlay=overlay)
    return report
