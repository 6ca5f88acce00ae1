"""Self-contained, offline HTML pages for the projections (vis-network 9.1.2 from pyvis's bundle).

pyvis is used for its bundled vis-network build only: its ``Network`` class checks every new
edge against all earlier ones (quadratic on 10k edges), its template loads Bootstrap from a CDN
(pyvis #228/#229) and switches tooltips to ``innerHTML`` once a title contains "href". Keeping
it behind this module means it can be replaced by any vis-network copy.

Safety: the page data is one JSON document inside ``<script type="application/json">`` with
``<``, ``>``, ``&``, U+2028 and U+2029 escaped (so no text can close the script element); the
page's script writes every string with ``textContent`` or as a vis-network plain-text tooltip
(``innerText``); links are ``<a>`` elements made in script, only for ``https://arxiv.org/abs/``
URLs; and a Content-Security-Policy forbids any request, so an injected ``<img>`` could not
even load. The ``<title>`` is the only text written into HTML, with :func:`html.escape`.
"""
from __future__ import annotations

import functools
import html
import importlib.resources
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.viz.layout import layout
from kg.viz.projections import DEFAULT_SEED
from kg.viz.template import APP_JS, PAGE

__all__ = ["PALETTE", "page_data", "render_html", "write_html", "script_json", "VIS_VERSION"]

VIS_VERSION = "9.1.2"
#: Colours of the legend groups, in order; then grey for "other" and dark grey for categories.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
           "#e377c2", "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939")
FIXED_COLOURS = {"other": "#9e9e9e", "category": "#3a3a3a"}
_ARXIV_URL = re.compile(r"^https://arxiv\.org/abs/[A-Za-z0-9./_-]+$")


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from pyvis's package, checked safe to inline."""
    base = importlib.resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}"
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    js = js.replace("//# sourceMappingURL=vis-network.min.js.map", "")  # a map file we do not ship
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    # Inlined code must not be able to end its own element early.
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        raise RuntimeError("the bundled vis-network cannot be inlined safely")
    return js, css


def script_json(obj: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _colours(groups: list[tuple[str, str]]) -> dict[str, str]:
    colours, free = {}, iter(PALETTE)
    for key, _ in groups:
        colours[key] = FIXED_COLOURS.get(key) or next(free, FIXED_COLOURS["other"])
    return colours


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _node_tooltip(attrs: dict[str, Any]) -> str:
    lines = [str(attrs["name"]), _plural(attrs["papers"], "paper")
             + (f" · community {attrs['community']}" if "community" in attrs else "")]
    lines += attrs.get("details", [])
    lines += [f"• {title}" + (f" ({day})" if day else "") for title, _, day in attrs.get("links", [])[:3]]
    return "\n".join(lines)


def _edge_tooltip(kind: str, attrs: dict[str, Any]) -> str:
    if kind == "Author":
        span = f" ({attrs['first']} … {attrs['last']})" if attrs.get("first") else ""
        return f"{_plural(attrs['weight'], 'joint paper')}{span}"
    return f"{_plural(attrs['weight'], 'paper')} mention both · association strength {attrs['strength']:.2f}"


def page_data(P: nx.Graph, *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """The JSON document a page draws: nodes with positions and tooltips, edges, legend.

    Node ids become 0..n-1 (the graph's ids never reach the page).
    """
    groups = P.graph.get("groups") or [("other", "other")]
    colours = _colours(groups)
    positions = layout(P, seed=seed)
    index = {node: i for i, node in enumerate(P)}
    nodes = []
    for node, attrs in P.nodes(data=True):
        x, y = positions[node]
        nodes.append({
            "id": index[node], "label": str(attrs["name"]), "kind": attrs["kind"], "papers": attrs["papers"],
            "value": attrs["papers"], "group": attrs.get("group", "other"), "center": bool(attrs.get("center")),
            "x": x, "y": y, "tooltip": _node_tooltip(attrs), "details": [str(d) for d in attrs.get("details", [])],
            "links": [{"title": str(t), "url": u if _ARXIV_URL.match(u) else "", "date": d}
                      for t, u, d in attrs.get("links", [])],
        })
    edges = []
    for u, v, attrs in P.edges(data=True):
        kind = "Author" if P.nodes[u]["kind"] == "Author" else "Method"
        edges.append({"from": index[u], "to": index[v], "value": round(math.log1p(attrs["strength"]), 3),
                      "tooltip": _edge_tooltip(kind, attrs)})
    used = {n["group"] for n in nodes}
    legend = [{"key": key, "label": label, "color": colours[key]} for key, label in groups if key in used]
    return {"title": title, "subtitle": subtitle, "nodes": nodes, "edges": edges, "legend": legend}


def render_html(P: nx.Graph, *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED) -> str:
    """The whole page as one string: vis-network, styles, data and script inlined; no request made."""
    js, css = _vis_assets()
    data = page_data(P, title=title, subtitle=subtitle, seed=seed)
    return PAGE.substitute(title=html.escape(title), vis_css=css, vis_js=js, data=script_json(data), app_js=APP_JS)


def write_html(
    P: nx.Graph, path: str | os.PathLike[str], *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED,
) -> Path:
    """Write :func:`render_html` to ``path`` (parent folders created); returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(P, title=title, subtitle=subtitle, seed=seed), encoding="utf-8")
    return out
