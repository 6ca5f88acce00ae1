"""Files other network tools open, written from a projection (:mod:`kg.viz.projections`).

* **GEXF** (Gephi; ``networkx.read_gexf`` reads it back): node ``label`` = display name, the
  attributes ``kind``, ``papers``, ``group``, ``community``, ``first_seen``, ``probable_merge``,
  ``aliases``; Gephi's ``viz`` colour (the page's legend colour), size and, up to
  :data:`LAYOUT_LIMIT` nodes, position (our layout; Gephi can run ForceAtlas2 from there).
  Edge ``weight`` = joint papers / co-mentions, ``strength`` = what the page draws by.
* **VOSviewer** map and network files (``<stem>_map.txt``, ``<stem>_network.txt``, tab-separated,
  as VOSviewer's manual describes them). Map columns, in order:

  ============================  ===========================================================
  ``id``                        1..n, the projection's order (busiest first)
  ``label``                     display name (quoted when it holds ``,`` ``;`` or ``"``)
  ``description``               HTML VOSviewer shows in its info panel (escaped text)
  ``url``                       an arXiv search for the author or method
  ``x``, ``y``                  our layout scaled to about [-1, 1] (empty beyond LAYOUT_LIMIT
                                nodes: VOSviewer then computes its own)
  ``cluster``                   community (co-authors, largest = 1; past 999 all share 1000)
                                or method group (topics, in legend order)
  ``weight<Links>``             co-author / co-mention links
  ``weight<Total link strength>``  sum of the links' weights
  ``weight<Documents>``         papers
  ``score<Avg. first seen>``    mean first-seen date as a decimal year (2026.042), the
                                overlay visualisation's colour; empty when no paper is dated
  ============================  ===========================================================

  The network file has no header: ``id<TAB>id<TAB>weight`` per link, weight = joint papers or
  co-mentions (VOSviewer normalises by association strength itself). Every id in it is in the map.
* **Edge lists**: ``<stem>_nodes.csv`` and ``<stem>_edges.csv`` for spreadsheets, pandas, R.

Text from papers goes through :func:`kg.safetext.xml_text` (GEXF) and :func:`kg.safetext.csv_cell`
(every text cell of the CSV and VOSviewer files, which people open in spreadsheets).
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import os
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.safetext import csv_cell, xml_text
from kg.viz.layout import layout
from kg.viz.projections import DEFAULT_SEED
from kg.viz.render import MAX_PX, MIN_PX, legend_colours

__all__ = [
    "LAYOUT_LIMIT", "MAP_COLUMNS", "NODE_COLUMNS", "EDGE_COLUMNS",
    "gexf_graph", "write_gexf", "vosviewer_rows", "write_vosviewer", "write_edge_lists",
]

#: Positions are computed (and written) for projections up to this many nodes; bigger ones
#: are left for Gephi / VOSviewer to lay out (our dense layout is quadratic in memory).
LAYOUT_LIMIT = 3000
#: The VOSviewer map file's header.
MAP_COLUMNS = ("id", "label", "description", "url", "x", "y", "cluster", "weight<Links>",
               "weight<Total link strength>", "weight<Documents>", "score<Avg. first seen>")
#: Columns of ``<stem>_nodes.csv``.
NODE_COLUMNS = ("id", "name", "kind", "papers", "group", "community", "first_seen", "probable_merge",
                "links", "total_link_strength")
#: Columns of ``<stem>_edges.csv``.
EDGE_COLUMNS = ("source", "target", "source_name", "target_name", "weight", "strength", "first", "last")
#: VOSviewer clusters are integers 1..1000.
MAX_CLUSTER = 1000


def _positions(P: nx.Graph, seed: int) -> dict[Any, tuple[float, float]] | None:
    return layout(P, seed=seed) if 0 < P.number_of_nodes() <= LAYOUT_LIMIT else None


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else ("" if value is None else str(value))


def _xml(value: Any) -> str:
    return xml_text(str(value))[0]


def _rgb(hex_colour: str) -> dict[str, int | float]:
    return {"r": int(hex_colour[1:3], 16), "g": int(hex_colour[3:5], 16), "b": int(hex_colour[5:7], 16), "a": 1.0}


def gexf_graph(P: nx.Graph, *, seed: int = DEFAULT_SEED) -> nx.Graph:
    """A copy of ``P`` ready for :func:`networkx.write_gexf`: scalar, XML-safe attributes and Gephi's ``viz``.

    >>> from kg.viz.projections import coauthor_network
    >>> from kg.graph import build_graph
    >>> from kg.records import Paper
    >>> G = build_graph([Paper("2601.1", "T", authors=("Ann Lee", "Bo\\x00 Li"))])
    >>> H = gexf_graph(coauthor_network(G)[0])
    >>> sorted(d["label"] for _, d in H.nodes(data=True))
    ['Ann Lee', 'Bo\\ufffd Li']
    """
    colours = legend_colours(P.graph.get("groups") or [("other", "")])
    positions = _positions(P, seed)
    papers = [max(int(a["papers"]), 1) for _, a in P.nodes(data=True)] or [1]
    low, high = min(papers) ** 0.5, max(papers) ** 0.5
    H = nx.Graph()
    for node, a in P.nodes(data=True):
        share = (max(int(a["papers"]), 1) ** 0.5 - low) / (high - low) if high > low else 0.5
        viz: dict[str, Any] = {"color": _rgb(colours.get(a.get("group", "other"), "#9e9e9e")),
                               "size": round(MIN_PX + (MAX_PX - MIN_PX) * share, 2)}
        if positions:
            x, y = positions[node]
            viz["position"] = {"x": float(x), "y": float(-y), "z": 0.0}  # Gephi's y axis points up
        H.add_node(_xml(node), label=_xml(a["name"]), kind=a["kind"], papers=int(a["papers"]),
                   group=_xml(a.get("group", "")), community=int(a.get("community", 0)),
                   first_seen=_iso(a.get("first_seen")), probable_merge=bool(a.get("probable_merge", False)),
                   aliases=_xml(";".join(t for t in a.get("search", ()) if t != a["name"])), viz=viz)
    for u, v, a in P.edges(data=True):
        H.add_edge(_xml(u), _xml(v), weight=float(a["weight"]), strength=round(float(a["strength"]), 6),
                   first=_iso(a.get("first")), last=_iso(a.get("last")))
    return H


def write_gexf(P: nx.Graph, path: str | os.PathLike[str], *, seed: int = DEFAULT_SEED) -> Path:
    """Write ``P`` as GEXF 1.2 for Gephi (see the module docstring); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(gexf_graph(P, seed=seed), out, encoding="utf-8")
    return out


# --------------------------------------------------------------------------- VOSviewer


def _vos_text(value: Any) -> str:
    """One VOSviewer cell: one line, no control characters, formula-safe, quoted when it holds , ; or "."""
    text = str(csv_cell(" ".join(xml_text(str(value))[0].split())))
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',;"') else text


def _decimal_year(day: dt.date | None) -> str:
    if day is None:
        return ""
    start = dt.date(day.year, 1, 1)
    length = (dt.date(day.year + 1, 1, 1) - start).days
    return f"{day.year + (day - start).days / length:.3f}"


def _search_url(a: dict[str, Any]) -> str:
    kind = "author" if a["kind"] == "Author" else "all"
    query = urllib.parse.quote_plus(str(a["name"]))
    return f"https://arxiv.org/search/?query={query}&searchtype={kind}"


def _description(a: dict[str, Any]) -> str:
    lines = [f"<b>{html.escape(str(a['name']))}</b>", html.escape(f"{a['kind']}, {a['papers']} papers")]
    lines += [html.escape(str(d)) for d in a.get("details", ())]
    return "<br>".join(lines)


def _clusters(P: nx.Graph) -> dict[Any, int]:
    if any("community" in a for _, a in P.nodes(data=True)):
        return {n: min(int(a.get("community", MAX_CLUSTER)), MAX_CLUSTER) for n, a in P.nodes(data=True)}
    order = {key: i + 1 for i, (key, _) in enumerate(P.graph.get("groups") or [])}
    return {n: min(order.get(a.get("group"), len(order) + 1), MAX_CLUSTER) for n, a in P.nodes(data=True)}


def vosviewer_rows(P: nx.Graph, *, seed: int = DEFAULT_SEED) -> tuple[list[list[str]], list[list[str]]]:
    """``(map rows with the header first, network rows)`` for VOSviewer (see the module docstring)."""
    ids = {node: i + 1 for i, node in enumerate(P)}
    positions = _positions(P, seed)
    span = max((max(abs(x), abs(y)) for x, y in positions.values()), default=1.0) if positions else 1.0
    clusters = _clusters(P)
    rows = [list(MAP_COLUMNS)]
    for node, a in P.nodes(data=True):
        x, y = positions[node] if positions else ("", "")
        rows.append([
            str(ids[node]), _vos_text(a["name"]), _vos_text(_description(a)), _search_url(a),
            f"{x / span:.4f}" if positions else "", f"{-y / span:.4f}" if positions else "",
            str(clusters[node]), str(P.degree(node)), f"{P.degree(node, weight='weight'):g}", str(a["papers"]),
            _decimal_year(a.get("first_seen")),
        ])
    network = [[str(ids[u]), str(ids[v]), f"{a['weight']:g}"] for u, v, a in P.edges(data=True)]
    return rows, network


def _write_tsv(path: Path, rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for row in rows:
            handle.write("\t".join(row) + "\n")


def write_vosviewer(P: nx.Graph, stem: str | os.PathLike[str], *, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write ``<stem>_map.txt`` and ``<stem>_network.txt``; returns both paths.

    Open them in VOSviewer with "Create map" → "Create a map based on network data" → "VOSviewer".
    """
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    rows, network = vosviewer_rows(P, seed=seed)
    map_path, network_path = stem.with_name(stem.name + "_map.txt"), stem.with_name(stem.name + "_network.txt")
    _write_tsv(map_path, rows)
    _write_tsv(network_path, network)
    return map_path, network_path


# --------------------------------------------------------------------------- edge lists


def _csv_rows(P: nx.Graph) -> tuple[Iterator[list[Any]], Iterator[list[Any]]]:
    nodes = ([node, a["name"], a["kind"], a["papers"], a.get("group", ""), a.get("community", ""),
              _iso(a.get("first_seen")), "true" if a.get("probable_merge") else "false", P.degree(node),
              f"{P.degree(node, weight='weight'):g}"] for node, a in P.nodes(data=True))
    edges = ([u, v, P.nodes[u]["name"], P.nodes[v]["name"], a["weight"], round(float(a["strength"]), 6),
              _iso(a.get("first")), _iso(a.get("last"))] for u, v, a in P.edges(data=True))
    return nodes, edges


def write_edge_lists(P: nx.Graph, stem: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``<stem>_nodes.csv`` (:data:`NODE_COLUMNS`) and ``<stem>_edges.csv`` (:data:`EDGE_COLUMNS`)."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = stem.with_name(stem.name + "_nodes.csv"), stem.with_name(stem.name + "_edges.csv")
    for path, header, rows in zip(paths, (NODE_COLUMNS, EDGE_COLUMNS), _csv_rows(P)):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return paths
