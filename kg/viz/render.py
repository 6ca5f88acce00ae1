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

import colorsys
import functools
import html
import importlib.util
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.safetext import xml_text
from kg.viz.layout import layout
from kg.viz.projections import DEFAULT_SEED
from kg.viz.template import PAGE, app_js

__all__ = ["PALETTE", "LABEL_BUDGET", "page_data", "render_html", "write_html", "script_json", "VIS_VERSION"]

VIS_VERSION = "9.1.2"
#: Colours of the legend groups, in order (tab10, four dark tab20b tones, then tab20's light ones);
#: beyond them colours are spread around the hue circle. Grey is kept for "other", dark grey for categories.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#393b79", "#ad494a", "#637939", "#8c6d31", "#aec7e8", "#ffbb78", "#98df8a",
           "#ff9896", "#c5b0d5", "#f7b6d2", "#dbdb8d")
FIXED_COLOURS = {"other": "#9e9e9e", "category": "#3a3a3a"}
_ARXIV_URL = re.compile(r"^https://arxiv\.org/abs/[A-Za-z0-9./_-]+$")
#: Nodes whose labels compete for a place at the first paint (more as the reader zooms in).
LABEL_BUDGET = 40
#: Node radius range in screen pixels at the first paint of a typical window (area grows with papers);
#: zooming in enlarges them, as in VOSviewer.
MIN_PX, MAX_PX = 2.0, 12.0
#: The network area of a typical window (1280 × 800 minus header and side panel), for the first-paint scale.
NOMINAL_VIEW = (900.0, 700.0)
#: Label font sizes in pixels, smallest to biggest node.
MIN_FONT, MAX_FONT = 11, 16


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from pyvis's package, checked safe to inline."""
    # Located, not imported: importing pyvis pulls in IPython and jinja2 (a second on a loaded machine).
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis (which ships vis-network) is not installed")
    base = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / f"vis-{VIS_VERSION}"
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


def _extra_colour(i: int) -> str:
    """The i-th colour after the palette: golden-angle hues, alternating lightness."""
    r, g, b = colorsys.hls_to_rgb((0.61803398875 * i) % 1.0, 0.38 if i % 2 else 0.5, 0.65)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))


def legend_colours(groups: list[tuple[str, str]]) -> dict[str, str]:
    """A distinct colour for every legend key, in legend order ("other" grey, "category" dark grey).

    >>> legend_colours([("a", ""), ("other", ""), ("b", "")])
    {'a': '#1f77b4', 'other': '#9e9e9e', 'b': '#ff7f0e'}
    """
    colours: dict[str, str] = {}
    i = 0
    for key, _ in groups:
        if key in FIXED_COLOURS:
            colours[key] = FIXED_COLOURS[key]
        else:
            colours[key] = PALETTE[i] if i < len(PALETTE) else _extra_colour(i)
            i += 1
    return colours


def _shown(text: object) -> str:
    """Text the picture draws (also in the SVG export): characters XML forbids replaced."""
    return xml_text(str(text))[0]


def _first_paint_scale(positions: dict[Any, tuple[float, float]]) -> float:
    """The zoom at which a typical window shows the whole layout (at most 1)."""
    if not positions:
        return 1.0
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    return min(1.0, NOMINAL_VIEW[0] / (max(xs) - min(xs) + 1), NOMINAL_VIEW[1] / (max(ys) - min(ys) + 1))


def _sizes(P: nx.Graph, scale: float) -> dict[Any, float]:
    """Node radius in layout units: area proportional to papers, MIN_PX to MAX_PX on screen at ``scale``."""
    papers = {n: max(int(a.get("papers", 1)), 1) for n, a in P.nodes(data=True)}
    low, high = (min(papers.values()), max(papers.values())) if papers else (1, 1)
    span = math.sqrt(high) - math.sqrt(low)
    return {n: (MIN_PX + (MAX_PX - MIN_PX) * ((math.sqrt(p) - math.sqrt(low)) / span if span else 0.5)) / scale
            for n, p in papers.items()}


def _font(size: float, size_range: tuple[float, float]) -> int:
    low, high = size_range
    return round(MIN_FONT + (MAX_FONT - MIN_FONT) * ((size - low) / (high - low) if high > low else 0.5))


def _widths(P: nx.Graph) -> dict[tuple[Any, Any], float]:
    """Edge width 0.5–6 by log(1 + strength)."""
    values = {(u, v): math.log1p(a["strength"]) for u, v, a in P.edges(data=True)}
    low, high = (min(values.values()), max(values.values())) if values else (0.0, 0.0)
    return {e: round(0.5 + 5.5 * ((x - low) / (high - low) if high > low else 0.3), 2) for e, x in values.items()}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _node_tooltip(attrs: dict[str, Any]) -> str:
    day = attrs.get("first_seen")
    lines = [str(attrs["name"]), _plural(attrs["papers"], "paper")
             + (f" · community {attrs['community']}" if "community" in attrs else "")
             + (f" · first seen on average {day.isoformat()}" if day else "")]
    lines += attrs.get("details", [])
    lines += [f"• {title}" + (f" ({day})" if day else "") for title, _, day in attrs.get("links", [])[:3]]
    return "\n".join(lines)


def _edge_tooltip(kind: str, attrs: dict[str, Any]) -> str:
    if kind == "Author":
        span = f" ({attrs['first']} … {attrs['last']})" if attrs.get("first") else ""
        return f"{_plural(attrs['weight'], 'joint paper')}{span}"
    return f"{_plural(attrs['weight'], 'paper')} mention both · association strength {attrs['strength']:.2f}"


def page_data(
    P: nx.Graph, *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED, overlay: bool = False,
    label_budget: int = LABEL_BUDGET, file_stem: str = "network",
) -> dict[str, Any]:
    """The JSON document a page draws: nodes with positions, sizes, labels and tooltips, edges, legend.

    Node ids become 0..n-1 (the graph's ids never reach the page); ``rank`` orders the labels
    (the projection's node order: busiest first, an ego network's centre first).

    Args:
        P: a projection (:mod:`kg.viz.projections`).
        title: page title.
        subtitle: the line under it (what was kept and dropped).
        seed: layout seed.
        overlay: open in the first-seen overlay colouring instead of the groups.
        label_budget: nodes whose labels compete for a place at the first paint.
        file_stem: name of the files the page's Save SVG/PNG buttons download.
    """
    groups = P.graph.get("groups") or [("other", "other")]
    colours = legend_colours(groups)
    positions = layout(P, seed=seed)
    sizes = _sizes(P, _first_paint_scale(positions))
    size_range = (min(sizes.values()), max(sizes.values())) if sizes else (1.0, 1.0)
    index = {node: i for i, node in enumerate(P)}
    nodes = []
    for node, attrs in P.nodes(data=True):
        x, y = positions[node]
        size = sizes[node]
        day = attrs.get("first_seen")
        nodes.append({
            "id": index[node], "rank": index[node], "label": _shown(attrs["name"]),
            "short": _shown(attrs.get("short") or attrs["name"]), "kind": attrs["kind"], "papers": attrs["papers"],
            "size": round(size, 2), "font": _font(size, size_range),
            "group": attrs.get("group", "other"), "center": bool(attrs.get("center")),
            "merge": bool(attrs.get("probable_merge")), "first_seen": day.isoformat() if day else "",
            "x": x, "y": y, "tooltip": _node_tooltip(attrs), "details": [str(d) for d in attrs.get("details", [])],
            "search": [str(t) for t in attrs.get("search", ())],
            "links": [{"title": str(t), "url": u if _ARXIV_URL.match(u) else "", "date": d}
                      for t, u, d in attrs.get("links", [])],
        })
    widths = _widths(P)
    edges = []
    for u, v, attrs in P.edges(data=True):
        kind = "Author" if P.nodes[u]["kind"] == "Author" else "Method"
        edges.append({"from": index[u], "to": index[v], "width": widths[(u, v)], "tooltip": _edge_tooltip(kind, attrs)})
    used = {n["group"] for n in nodes}
    legend = [{"key": key, "label": _shown(label), "color": colours[key]} for key, label in groups if key in used]
    # thin, light edges when there are thousands of them, so that the nodes stay visible
    opacity = round(min(0.5, max(0.12, 0.5 * math.sqrt(800 / max(len(edges), 1)))), 2)
    return {"title": _shown(title), "subtitle": subtitle, "nodes": nodes, "edges": edges, "legend": legend,
            "overlay": overlay, "label_budget": label_budget, "edge_opacity": opacity, "file_stem": file_stem}


def render_html(P: nx.Graph, *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED, **options: Any) -> str:
    """The whole page as one string: vis-network, styles, data and script inlined; no request made.

    ``options`` go to :func:`page_data` (``overlay``, ``label_budget``, ``file_stem``).
    """
    js, css = _vis_assets()
    data = page_data(P, title=title, subtitle=subtitle, seed=seed, **options)
    return PAGE.substitute(title=html.escape(title), vis_css=css, vis_js=js, data=script_json(data), app_js=app_js())


def write_html(
    P: nx.Graph, path: str | os.PathLike[str], *, title: str, subtitle: str = "", seed: int = DEFAULT_SEED,
    **options: Any,
) -> Path:
    """Write :func:`render_html` to ``path`` (parent folders created); returns the path.

    The Save SVG/PNG buttons of the page name their files after ``path``.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    options.setdefault("file_stem", out.stem)
    out.write_text(render_html(P, title=title, subtitle=subtitle, seed=seed, **options), encoding="utf-8")
    return out
