"""Interactive networks: pure networkx projections (:mod:`kg.viz.projections`) drawn as
self-contained, offline HTML pages (:mod:`kg.viz.render`).

Typical use (``G`` from ``kg.build(...).graph``)::

    report = kg.viz.write_coauthor_html(G, "out/coauthors.html", min_papers=2)
    P, report = kg.viz.topic_network(G, with_categories=True)   # the networkx graph itself
    kg.viz.inline("out/coauthors.html")                          # in a notebook
"""
from kg.viz.notebook import inline
from kg.viz.pages import write_coauthor_html, write_ego_html, write_topic_html
from kg.viz.projections import (
    DEFAULT_SEED, DEFAULT_TOP, PaperScope, ProjectionReport, association_strength, coauthor_network,
    ego_network, resolve_node, topic_network,
)
from kg.viz.render import page_data, render_html, write_html

__all__ = [
    "DEFAULT_SEED", "DEFAULT_TOP", "PaperScope", "ProjectionReport", "association_strength",
    "coauthor_network", "topic_network", "ego_network", "resolve_node",
    "page_data", "render_html", "write_html", "inline",
    "write_coauthor_html", "write_topic_html", "write_ego_html",
]
