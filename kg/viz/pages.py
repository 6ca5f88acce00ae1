"""One call per page: project the knowledge graph and write the HTML (used by ``kg viz`` and ``kg build``)."""
from __future__ import annotations

import os
from typing import Any

import networkx as nx

from kg.viz.projections import DEFAULT_SEED, ProjectionReport, coauthor_network, ego_network, topic_network
from kg.viz.render import write_html

__all__ = ["write_coauthor_html", "write_topic_html", "write_ego_html"]


def write_coauthor_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str | None = None, seed: int = DEFAULT_SEED,
    **filters: Any,
) -> ProjectionReport:
    """Write the co-author network of ``G`` to ``path``.

    Args:
        G: the knowledge graph.
        path: the HTML file to write (folders created).
        title: page title (default "Co-author network").
        seed: seed of communities and layout.
        **filters: keyword arguments of :func:`kg.viz.coauthor_network` (min_papers, min_weight,
            top, category, since, until, largest_component).

    Returns:
        The :class:`ProjectionReport` (its ``nodes`` is the node count the page shows).
    """
    P, report = coauthor_network(G, seed=seed, **filters)
    write_html(P, path, title=title or "Co-author network", subtitle=report.summary(), seed=seed)
    return report


def write_topic_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], *, title: str | None = None, seed: int = DEFAULT_SEED,
    **filters: Any,
) -> ProjectionReport:
    """Write the topic (method co-occurrence) network of ``G`` to ``path``.

    Args:
        G: the knowledge graph.
        path: the HTML file to write.
        title: page title (default "Topic network").
        seed: layout seed.
        **filters: keyword arguments of :func:`kg.viz.topic_network` (min_papers, min_weight, top,
            category, since, until, largest_component, with_categories).

    Returns:
        The :class:`ProjectionReport`.
    """
    P, report = topic_network(G, **filters)
    write_html(P, path, title=title or "Topic network", subtitle=report.summary(), seed=seed)
    return report


def write_ego_html(
    G: nx.MultiDiGraph, path: str | os.PathLike[str], name: str, depth: int = 1, *, title: str | None = None,
    seed: int = DEFAULT_SEED, **options: Any,
) -> ProjectionReport:
    """Write the ego network of the author or method ``name`` to ``path``.

    Args:
        G: the knowledge graph.
        path: the HTML file to write.
        name: author or method (key, alias or close spelling; see :func:`kg.viz.resolve_node`).
        depth: 1 or 2.
        title: page title (default "Neighbourhood of <name>").
        seed: seed of communities and layout.
        **options: ``min_weight``, ``top`` of :func:`kg.viz.ego_network`.

    Returns:
        The :class:`ProjectionReport`.

    Raises:
        KgError: unknown or ambiguous name, bad depth.
    """
    P, report = ego_network(G, name, depth, seed=seed, **options)
    center = P.nodes[P.graph["center"]]
    default = f"Neighbourhood of {center['name']} ({center['kind'].lower()}, depth {depth})"
    write_html(P, path, title=title or default, subtitle=report.summary(), seed=seed)
    return report
