"""Interactive networks: pure networkx projections (:mod:`kg.viz.projections`) drawn as
self-contained, offline HTML pages (:mod:`kg.viz.render`), and files other tools open
(:mod:`kg.viz.exports`: GEXF for Gephi, VOSviewer map and network files, edge lists).

Typical use (``G`` from ``kg.build(...).graph``)::

    report = kg.viz.write_coauthor_html(G, "out/coauthors.html")      # readable defaults
    P, report = kg.viz.topic_network(G, with_categories=True)        # the networkx graph itself
    kg.viz.write_vosviewer(P, "out/topics")                           # topics_map.txt, topics_network.txt
    kg.viz.inline("out/coauthors.html")                               # in a notebook
"""
from kg.viz.exports import write_edge_lists, write_gexf, write_vosviewer
from kg.viz.lookup import NodeMatch, match_node, resolve_node
from kg.viz.notebook import inline
from kg.viz.pages import write_coauthor_html, write_ego_html, write_topic_html
from kg.viz.projections import (
    COAUTHOR_MIN_PAPERS, DEFAULT_SEED, DEFAULT_TOP, TOPIC_MIN_PAPERS, PaperScope, ProjectionReport,
    association_strength, coauthor_network, ego_network, first_seen_dates, topic_network,
)
from kg.viz.render import page_data, render_html, write_html

__all__ = [
    "COAUTHOR_MIN_PAPERS", "TOPIC_MIN_PAPERS", "DEFAULT_SEED", "DEFAULT_TOP", "PaperScope", "ProjectionReport",
    "association_strength", "coauthor_network", "topic_network", "ego_network", "first_seen_dates",
    "NodeMatch", "match_node", "resolve_node",
    "page_data", "render_html", "write_html", "inline",
    "write_coauthor_html", "write_topic_html", "write_ego_html",
    "write_gexf", "write_vosviewer", "write_edge_lists",
]
