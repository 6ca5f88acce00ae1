"""Pure networkx projections of the knowledge graph that the HTML networks draw.

Each projection returns a small undirected :class:`networkx.Graph` plus a
:class:`ProjectionReport`; nothing here knows about HTML. Node attributes shared by
every projection (the renderer relies on them):

``kind``        "Author", "Method" or "Category"
``name``        display name (raw text from the data: the renderer escapes it)
``short``       the label drawn on the picture (a method's acronym, "GRPO", rather than its long name)
``search``      every spelling the page's search box should find (name, key, aliases)
``papers``      number of papers in scope (node size)
``group``       colour key; ``G.graph["groups"]`` lists ``(key, legend text)`` in colour order
``details``     short lines for the tooltip (top methods, aliases)
``links``       up to :data:`MAX_LINKS` ``(title, url, first_seen)`` of recent papers
``first_seen``  mean first-seen date of the node's dated papers in scope (``None`` when none is dated):
                the colour of the overlay view (VOSviewer's "average publication year")
``center``      True for the centre of an ego network
``probable_merge``  authors only: the key probably stands for several people (:mod:`kg.namesakes`)

Edges carry ``weight`` (joint papers / co-occurrences) and ``strength`` (the number the
edge is drawn by: joint papers for co-authors, association strength for methods).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.graph import MAX_COAUTHORS, nodes_of
from kg.viz.lookup import match_node

__all__ = [
    "DEFAULT_TOP", "DEFAULT_SEED", "MAX_LINKS", "COAUTHOR_MIN_PAPERS", "TOPIC_MIN_PAPERS", "ProjectionReport",
    "PaperScope", "coauthor_network", "topic_network", "ego_network", "first_seen_dates",
]

#: Default cap on the nodes of a picture: vis-network stays fluid up to about this many.
DEFAULT_TOP = 1500
#: Default threshold of the co-author *page* (``kg viz coauthors``, ``kg build``): authors with at least
#: this many papers in scope. Nine in ten authors of a month of digests have one paper; with them the
#: overview is a grid of one-paper teams, without them it shows who works with whom repeatedly.
COAUTHOR_MIN_PAPERS = 2
#: Default threshold of the topic *page* (``kg viz topics``, ``kg build``): methods mentioned by at least
#: this many papers in scope. Most discovered methods are mentioned once; they would bury the picture.
TOPIC_MIN_PAPERS = 2
#: Seed of community detection and layout, so colours and positions are stable run to run.
DEFAULT_SEED = 42
#: Paper titles listed per node (tooltip and side panel).
MAX_LINKS = 5
#: Methods listed per author.
MAX_METHODS = 5
#: Communities that get their own colour; the rest share "other".
MAX_GROUPS = 12


@dataclass(frozen=True, slots=True)
class ProjectionReport:
    """What a projection kept and what it dropped (and why).

    Attributes:
        kind: "coauthors", "topics" or "ego".
        nodes: nodes in the projection.
        edges: edges in the projection.
        papers: papers in scope (after --category/--since/--until).
        dropped_nodes: candidate nodes left out by --min-papers, --top or --largest-component.
        dropped_edges: edges left out by --min-weight or with a dropped end.
        dropped_by: dropped nodes per reason ("min_papers", "one_paper_groups", "top", "largest_component").
        notes: lines the user should read (which node a loose name matched, probable merges shown).
    """

    kind: str
    nodes: int
    edges: int
    papers: int
    dropped_nodes: int = 0
    dropped_edges: int = 0
    dropped_by: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def dropped_reason(self) -> str:
        """Human-readable reasons, e.g. ``"12 below --min-papers, 300 beyond --top"``."""
        words = {"min_papers": "below --min-papers", "one_paper_groups": "in one-paper groups",
                 "top": "beyond --top", "largest_component": "outside the largest component"}
        parts = [f"{n:,} {words.get(k, k)}" for k, n in self.dropped_by.items() if n]
        return ", ".join(parts) or "none"

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"{self.nodes:,} nodes, {self.edges:,} edges from {self.papers:,} papers; "
                f"dropped {self.dropped_nodes:,} nodes ({self.dropped_reason}) and {self.dropped_edges:,} edges")


@dataclass(frozen=True, slots=True)
class PaperScope:
    """Which papers a projection counts: a category (code or archive) and a first-seen date range.

    ``category`` "cs.CL" matches that code; "cs" matches every "cs.*" code. Papers with no
    ``first_seen`` are out of scope as soon as ``since`` or ``until`` is given.
    """

    category: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def matches(self, paper: dict[str, Any]) -> bool:
        """Whether a Paper node's attributes fall in this scope."""
        if self.category and not any(_category_matches(self.category, c) for c in paper.get("categories", ())):
            return False
        if self.since is None and self.until is None:
            return True
        day = paper.get("first_seen")
        if day is None:
            return False
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


def _category_matches(wanted: str, code: str) -> bool:
    return code == wanted or ("." not in wanted and code.startswith(wanted + "."))


# --------------------------------------------------------------------------- paper-level facts


def _papers_in_scope(G: nx.MultiDiGraph, scope: PaperScope) -> list[str]:
    """Paper ids in scope; an unknown ``--category`` is an error that lists the categories present."""
    papers = [pid for pid, attrs in nodes_of(G, "Paper") if scope.matches(attrs)]
    if scope.category and not papers:
        _check_category(G, scope.category)
    return papers


def _check_category(G: nx.MultiDiGraph, wanted: str) -> None:
    present: Counter[str] = Counter(c for _, attrs in nodes_of(G, "Paper") for c in attrs.get("categories", ()))
    if any(_category_matches(wanted, code) for code in present):
        return  # the category exists; the dates left nothing (the caller reports an empty picture)
    close = difflib.get_close_matches(wanted, list(present), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    listed = ", ".join(f"{code} ({n})" for code, n in present.most_common(25))
    more = f" and {len(present) - 25} more" if len(present) > 25 else ""
    raise KgError(f"no paper is in category {wanted!r}{hint}; categories present (papers): {listed or 'none'}{more}")


def first_seen_dates(G: nx.MultiDiGraph, rel_type: str = "MENTIONS", *, scope: PaperScope | None = None,
                     ) -> dict[str, list[dt.date]]:
    """First-seen dates of the papers linked to each node by ``rel_type`` (MENTIONS: per method).

    The dates the topic overlay averages (each method's ``first_seen`` is their mean), for any other
    view that needs them per node (a trend-topics chart's median and quartiles, say).
    Papers without a first-seen date are left out; so are papers outside ``scope``.

    >>> from kg.graph import build_graph
    >>> from kg.records import Paper
    >>> G = build_graph([Paper("2601.1", "T", authors=("A B",), first_seen=dt.date(2026, 1, 5))])
    >>> first_seen_dates(G, "AUTHORED")
    {'Author:a b': [datetime.date(2026, 1, 5)]}
    """
    scope = scope or PaperScope()
    dates: dict[str, list[dt.date]] = {}
    incoming = rel_type == "AUTHORED"
    for pid in _papers_in_scope(G, scope):
        day = G.nodes[pid].get("first_seen")
        if day is None:
            continue
        for node in _neighbours(G, pid, rel_type, incoming=incoming):
            dates.setdefault(node, []).append(day)
    return dates


def _mean_day(days: Iterable[dt.date]) -> dt.date | None:
    ordinals = [d.toordinal() for d in days]
    return dt.date.fromordinal(round(sum(ordinals) / len(ordinals))) if ordinals else None


def _dated_mean(G: nx.MultiDiGraph, pids: Iterable[str]) -> dt.date | None:
    return _mean_day(day for day in (G.nodes[pid].get("first_seen") for pid in pids) if day is not None)


def _neighbours(G: nx.MultiDiGraph, pid: str, rel_type: str, *, incoming: bool) -> list[str]:
    """The nodes ``pid`` has a ``rel_type`` edge from (``incoming``) or to, sorted.

    Read from the adjacency (node -> {neighbour: {key: attrs}}) rather than the edge views,
    whose per-edge tuples cost more than the lookup on a year's graph.
    """
    if not G.is_multigraph():
        edges = G.in_edges(pid, keys=True) if incoming else G.out_edges(pid, keys=True)
        return sorted({u if incoming else v for u, v, k in edges if k == rel_type})
    adjacency = (G._pred if incoming else G._succ)[pid] if G.is_directed() else G._adj[pid]
    return sorted(n for n, keys in adjacency.items() if rel_type in keys)


def _link(G: nx.MultiDiGraph, pid: str) -> tuple[str, str, str]:
    attrs = G.nodes[pid]
    day = attrs.get("first_seen")
    return (str(attrs.get("title", "")), str(attrs.get("url", "")), day.isoformat() if day else "")


def _recent_links(G: nx.MultiDiGraph, pids: Iterable[str]) -> list[tuple[str, str, str]]:
    links = [_link(G, pid) for pid in pids]
    links.sort(key=lambda link: (link[2], link[0]), reverse=True)  # most recent first
    return links[:MAX_LINKS]


# --------------------------------------------------------------------------- co-authors


def _coauthor_base(G: nx.MultiDiGraph, papers: list[str], max_coauthors: int) -> nx.Graph:
    """Authors of ``papers`` with their papers, and CO_AUTHORED weights recomputed from those papers only.

    Papers with more than ``max_coauthors`` authors count for their authors but add no pairs,
    the rule :func:`kg.graph.add_coauthorship` applies.

    The base is read, never changed, by its callers (they copy the edges they keep): edges with
    the same weight share one attribute dict. On a year of digests that is 800,000 pairs held
    in a few hundred dicts, about 250 MB less at the HTML stage's peak, with the same graph.
    """
    P = nx.Graph()
    adj = P._adj
    for pid in papers:
        authors = _neighbours(G, pid, "AUTHORED", incoming=True)
        for aid in authors:
            if aid not in P:
                P.add_node(aid, kind="Author", name=G.nodes[aid].get("name", aid), paper_ids=[])
            P.nodes[aid]["paper_ids"].append(pid)
        if len(authors) <= max_coauthors:
            # Joint papers counted in the adjacency itself, in place of a Counter of 800,000 pairs: a pair
            # enters both neighbour dicts when first seen, the order P.add_edge in first-seen order gives.
            for u, v in combinations(authors, 2):
                nbrs = adj[u]
                nbrs[v] = adj[v][u] = nbrs.get(v, 0) + 1
    for aid, attrs in P.nodes(data=True):
        attrs["papers"] = len(attrs["paper_ids"])
    shared: dict[int, dict[str, Any]] = {}
    for nbrs in adj.values():
        for v, weight in nbrs.items():
            attrs = shared.get(weight)
            if attrs is None:
                attrs = shared[weight] = {"weight": weight, "strength": float(weight)}
            nbrs[v] = attrs
    nx._clear_cache(P)
    return P


def _methods_of(G: nx.MultiDiGraph, pids: Iterable[str]) -> Counter[str]:
    """Papers mentioning each method (by its short label: "GRPO") among ``pids``."""
    methods: Counter[str] = Counter()
    for pid in pids:
        methods.update(_method_label(G, m) for m in _neighbours(G, pid, "MENTIONS", incoming=False))
    return methods


def _method_label(G: nx.MultiDiGraph, mid: str) -> str:
    attrs = G.nodes[mid]
    return short_label(str(attrs.get("name", mid)), attrs.get("aliases", ()))


def _decorate_authors(G: nx.MultiDiGraph, P: nx.Graph) -> None:
    """Tooltip lines, recent papers, mean first-seen date and the probable-merge flag of each author."""
    for node, attrs in P.nodes(data=True):
        pids = attrs["paper_ids"]
        top = sorted(_methods_of(G, pids).items(), key=lambda item: (-item[1], item[0]))[:MAX_METHODS]
        attrs["details"] = [f"methods: {', '.join(name for name, _ in top)}"] if top else []
        source = G.nodes[node] if node in G else {}
        attrs["probable_merge"] = bool(source.get("probable_merge"))
        if attrs["probable_merge"]:
            attrs["details"].insert(0, f"probably several people share this name: {source.get('merge_evidence', '')}")
        attrs["short"] = attrs["name"]
        attrs["search"] = sorted({str(attrs["name"]), str(source.get("key", ""))} - {""})
        attrs["links"] = _recent_links(G, pids)
        attrs["first_seen"] = _dated_mean(G, pids)
        attrs.setdefault("center", False)


def _distinctive_methods(G: nx.MultiDiGraph, pids: set[str], overall: Counter[str], n_papers: int) -> list[str]:
    """Up to 3 methods a group of papers mentions at least twice and at least twice as often as all papers do."""
    inside = _methods_of(G, pids)
    lift = {m: (c / len(pids)) / (overall[m] / n_papers) for m, c in inside.items() if c >= 2 and overall[m]}
    chosen = [m for m, x in lift.items() if x >= 2.0] or [m for m in lift]
    return sorted(chosen, key=lambda m: (-inside[m], m))[:3]


def _assign_communities(G: nx.MultiDiGraph, P: nx.Graph, seed: int) -> None:
    """Colour groups from Louvain communities, largest first; singletons and the tail share "other".

    Each coloured community is named in the legend by its three busiest authors and up to three
    methods its papers mention more than the picture's papers do on average.
    """
    communities = nx.community.louvain_communities(P, weight="weight", seed=seed) if P.number_of_nodes() else []
    communities = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
    all_papers = {pid for _, attrs in P.nodes(data=True) for pid in attrs["paper_ids"]}
    overall = _methods_of(G, all_papers)
    groups: list[tuple[str, str]] = []
    for index, members in enumerate(communities):
        coloured = index < MAX_GROUPS and len(members) > 1
        key = f"c{index + 1}" if coloured else "other"
        for node in members:
            P.nodes[node]["group"] = key
            P.nodes[node]["community"] = index + 1
        if coloured:
            leaders = sorted(members, key=lambda n: (-P.nodes[n]["papers"], n))[:3]
            names = ", ".join(P.nodes[n]["name"] for n in leaders)
            pids = {pid for n in members for pid in P.nodes[n]["paper_ids"]}
            methods = _distinctive_methods(G, pids, overall, len(all_papers))
            about = f"; {', '.join(methods)}" if methods else ""
            groups.append((key, f"{names}{about} ({len(members)} authors)"))
    if len(groups) < len(communities):
        rest = sum(len(c) for i, c in enumerate(communities) if not (i < MAX_GROUPS and len(c) > 1))
        groups.append(("other", f"smaller communities and lone authors ({rest} authors)"))
    P.graph["groups"] = groups


def _one_paper_groups(P: nx.Graph) -> list[str]:
    """Authors of components that are one paper's team: every member has exactly one paper in scope.

    (A connected group whose members have one paper each can only have met on that paper.)
    """
    return [n for c in nx.connected_components(P) if all(P.nodes[m]["papers"] == 1 for m in c) for n in c]


def _drop(P: nx.Graph, nodes: list[str], reason: str, dropped_by: dict[str, int]) -> int:
    """Remove ``nodes`` from ``P``; count them under ``reason``; return the edges removed."""
    if not nodes:
        return 0
    edges = _edge_count(P)
    P.remove_nodes_from(nodes)
    dropped_by[reason] = dropped_by.get(reason, 0) + len(nodes)
    return edges - _edge_count(P)


def _edge_count(P: nx.Graph) -> int:
    """``P.number_of_edges()`` of a simple undirected graph from its adjacency sizes (no degree view).

    Each edge is in two neighbour dicts, a self-loop in one.
    """
    if type(P) is not nx.Graph:
        return P.number_of_edges()
    adj = P._adj
    return (sum(map(len, adj.values())) + sum(1 for n, nbrs in adj.items() if n in nbrs)) // 2


def coauthor_network(
    G: nx.MultiDiGraph,
    *,
    min_papers: int = 1,
    min_weight: int = 1,
    top: int | None = DEFAULT_TOP,
    category: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    largest_component: bool = False,
    one_paper_groups: bool = True,
    seed: int = DEFAULT_SEED,
    max_coauthors: int = MAX_COAUTHORS,
) -> tuple[nx.Graph, ProjectionReport]:
    """The co-author network: authors sized by papers, coloured by Louvain community.

    The defaults keep every author (the whole projection, as exports want it); the page writer
    :func:`kg.viz.write_coauthor_html` applies :data:`COAUTHOR_MIN_PAPERS` and leaves out
    one-paper groups.

    Args:
        G: the knowledge graph (:func:`kg.graph.build_graph`).
        min_papers: keep authors with at least this many papers in scope.
        min_weight: keep co-author edges with at least this many joint papers.
        top: keep at most this many authors (most papers first, then most joint papers,
            then node id); ``None`` or 0 for no cap.
        category: only papers in this category code ("cs.CL") or archive ("cs").
        since: only papers first seen on or after this date.
        until: only papers first seen on or before this date.
        largest_component: keep only the largest connected component (after the cap).
        one_paper_groups: keep groups of authors whose only paper in scope is the one they share
            (False: leave them out, counted in the report; applied before the cap).
        seed: Louvain seed (stable colours).
        max_coauthors: papers with more authors add no co-author pairs (as in the graph).

    Returns:
        ``(P, report)``: ``P`` has one node per author (id = the graph's Author node id) with the
        attributes listed in the module docstring; edge ``weight`` = joint papers in scope.

    Raises:
        KgError: ``category`` matches no paper of ``G`` (the message lists the categories present).
    """
    scope = PaperScope(category, since, until)
    papers = _papers_in_scope(G, scope)
    base = _coauthor_base(G, papers, max_coauthors)
    dropped_by: dict[str, int] = {}
    dropped_edges = 0
    if not one_paper_groups:
        dropped_edges = _drop(base, _one_paper_groups(base), "one_paper_groups", dropped_by)
    P, pruned_by, pruned_edges = _prune(base, min_papers, min_weight, top, largest_component, _busiest(base))
    # A networkx graph is a reference cycle (its cached views point back at it): emptied here, the
    # year's 800,000 pairs go by reference counting now instead of waiting for a full collection.
    base.clear()
    _assign_communities(G, P, seed)
    _decorate_authors(G, P)
    for attrs in P.nodes.values():
        del attrs["paper_ids"]
    merges = [P.nodes[n]["name"] for n in P if P.nodes[n]["probable_merge"]]
    notes = (f"{len(merges)} author(s) in the picture probably stand for several people sharing a name "
             f"({', '.join(merges[:5])}{', ...' if len(merges) > 5 else ''}): drawn with a dashed ring",) if merges else ()
    return P, _report("coauthors", P, len(papers), {**dropped_by, **pruned_by}, dropped_edges + pruned_edges, notes)


# --------------------------------------------------------------------------- topics


def _topic_base(G: nx.MultiDiGraph, papers: list[str]) -> nx.Graph:
    """Methods mentioned by ``papers``; edges weighted by co-occurrence and association strength.

    Association strength (van Eck & Waltman 2009) normalised by the number of papers N:
    ``AS_ij = c_ij * N / (w_i * w_j)``, the observed co-occurrences over those expected if the
    two methods were independent (1.0 = chance), so ubiquitous methods do not dominate.
    """
    P = nx.Graph()
    pairs: Counter[tuple[str, str]] = Counter()
    for pid in papers:
        methods = _neighbours(G, pid, "MENTIONS", incoming=False)
        for mid in methods:
            if mid not in P:
                attrs = G.nodes[mid]
                P.add_node(mid, kind="Method", name=attrs.get("name", mid), method_group=attrs.get("group") or "other",
                           aliases=list(attrs.get("aliases", ())), paper_ids=[])
            P.nodes[mid]["paper_ids"].append(pid)
        pairs.update(combinations(methods, 2))
    for _, attrs in P.nodes(data=True):
        attrs["papers"] = len(attrs["paper_ids"])
    n = len(papers)
    for (u, v), c in pairs.items():
        P.add_edge(u, v, weight=c, strength=association_strength(c, P.nodes[u]["papers"], P.nodes[v]["papers"], n))
    return P


def association_strength(c_ij: int, w_i: int, w_j: int, n: int) -> float:
    """``c_ij * n / (w_i * w_j)``: co-occurrences relative to chance (1.0 = independent).

    >>> association_strength(2, 4, 5, 20)
    2.0
    """
    return c_ij * n / (w_i * w_j)


_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9.+/-]{1,9}$")
#: Names longer than this are drawn by an acronym when the method has one.
SHORT_LABEL = 14


def short_label(name: str, aliases: Iterable[str] = ()) -> str:
    """The label a picture draws for a method: its name, or an acronym alias when the name is long.

    >>> short_label("Group Relative Policy Optimization", ["GRPO", "group relative policy optimisation"])
    'GRPO'
    >>> short_label("Transformer", ["transformers"])
    'Transformer'
    """
    if len(name) <= SHORT_LABEL:
        return name
    acronyms = [a for a in aliases if _ACRONYM.match(a) and " " not in a]
    return min(acronyms, key=lambda a: (len(a), a)) if acronyms else name


def _decorate_methods(G: nx.MultiDiGraph, P: nx.Graph) -> None:
    for node, attrs in P.nodes(data=True):
        pids = attrs.pop("paper_ids", [])
        aliases = attrs.pop("aliases", [])
        group = attrs.pop("method_group", "other")
        attrs["group"] = group
        attrs["details"] = [f"group: {group}"] + ([f"also: {', '.join(aliases[:6])}"] if aliases else [])
        attrs["short"] = short_label(str(attrs["name"]), aliases)
        key = G.nodes[node].get("key", "") if node in G else ""
        attrs["search"] = sorted({str(attrs["name"]), str(key), *map(str, aliases)} - {""})
        attrs["links"] = _recent_links(G, pids)
        attrs["first_seen"] = _dated_mean(G, pids)
        attrs.setdefault("center", False)


def _method_groups(P: nx.Graph) -> list[tuple[str, str]]:
    """Legend of a topic network: every method group, biggest first, then "other" (no group), then "category".

    Every group keeps its own entry and colour (the renderer has colours for all of them).
    """
    counts = Counter(attrs["group"] for _, attrs in P.nodes(data=True))
    named = sorted((g for g in counts if g not in ("other", "category")), key=lambda g: (-counts[g], g))
    legend = [(g, f"{g} ({counts[g]})") for g in named]
    words = {"other": "no group: found by the extractor", "category": "arXiv category"}
    legend += [(g, f"{words[g]} ({counts[g]})") for g in ("other", "category") if counts[g]]
    return legend


def _add_categories(G: nx.MultiDiGraph, P: nx.Graph, papers: list[str]) -> None:
    """Category nodes (each paper's primary category) linked to the methods its papers mention."""
    methods = set(P.nodes)
    per_category: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for pid in papers:
        attrs = G.nodes[pid]
        code = attrs.get("primary_category") or next(iter(attrs.get("categories", ())), "")
        if not code:
            continue
        per_category[code] += 1
        for mid in _neighbours(G, pid, "MENTIONS", incoming=False):
            if mid in methods:
                pairs[(code, mid)] += 1
    n = len(papers)
    for (code, mid), c in pairs.items():
        cid = f"Category:{code}"
        if cid not in P:
            info = G.nodes[cid] if cid in G else {}
            name = info.get("name") or code
            P.add_node(cid, kind="Category", name=code, short=code, search=[code, str(name)],
                       papers=per_category[code], group="category", details=[str(name)], links=[],
                       first_seen=None, center=False)
        P.add_edge(cid, mid, weight=c, strength=association_strength(c, per_category[code], P.nodes[mid]["papers"], n))


def topic_network(
    G: nx.MultiDiGraph,
    *,
    min_papers: int = 1,
    min_weight: int = 1,
    top: int | None = DEFAULT_TOP,
    category: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    largest_component: bool = False,
    with_categories: bool = False,
) -> tuple[nx.Graph, ProjectionReport]:
    """The topic network: methods sized by papers mentioning them, coloured by method group.

    Args:
        G: the knowledge graph.
        min_papers: keep methods mentioned by at least this many papers in scope.
        min_weight: keep edges between methods co-mentioned by at least this many papers.
        top: keep at most this many methods (most papers first); ``None`` or 0 for no cap.
        category: only papers in this category code or archive.
        since: only papers first seen on or after this date.
        until: only papers first seen on or before this date.
        largest_component: keep only the largest connected component of methods.
        with_categories: add a node per primary category, linked to its papers' methods.

    Returns:
        ``(P, report)``; edge ``weight`` = papers mentioning both ends, ``strength`` = association
        strength (see :func:`association_strength`).

    Raises:
        KgError: ``category`` matches no paper of ``G`` (the message lists the categories present).
    """
    papers = _papers_in_scope(G, PaperScope(category, since, until))
    base = _topic_base(G, papers)
    rank = {n: (-a["papers"], n) for n, a in base.nodes(data=True)}
    P, dropped_by, dropped_edges = _prune(base, min_papers, min_weight, top, largest_component, rank.__getitem__)
    base.clear()  # freed now by reference counting (see coauthor_network)
    _decorate_methods(G, P)
    if with_categories:
        _add_categories(G, P, papers)
        P = _reordered(P, lambda n: (-P.nodes[n]["papers"], n))  # categories rank among methods by papers
    P.graph["groups"] = _method_groups(P)
    return P, _report("topics", P, len(papers), dropped_by, dropped_edges)


# --------------------------------------------------------------------------- pruning (shared)


def _edges_among(base: nx.Graph, kept: set[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The edges of ``base`` between nodes of ``kept``, in ``base.edges(data=True)`` order.

    That order is: nodes in insertion order, each with its neighbours not yet passed. Walking only
    the kept nodes' neighbours gives the same edges in the same order, without the year's
    800,000 co-author pairs the picture's 1,500 authors leave out.
    """
    adj = base._adj
    passed: set[str] = set()
    for u in base:
        if u not in kept:
            continue
        for v, attrs in adj[u].items():
            if v in kept and v not in passed:
                yield u, v, attrs
        passed.add(u)


def _busiest(base: nx.Graph) -> Callable[[str], tuple[Any, ...]]:
    """Rank for --top: most papers, then most joint papers, then node id (deterministic)."""
    # base.degree(weight="weight") without the view's per-node calls (a self-loop counts twice, as there)
    strength = {n: sum(d.get("weight", 1) for d in nbrs.values()) + (nbrs[n].get("weight", 1) if n in nbrs else 0)
                for n, nbrs in base._adj.items()}
    return lambda n: (-base.nodes[n]["papers"], -strength[n], n)


def _prune(
    base: nx.Graph,
    min_papers: int,
    min_weight: int,
    top: int | None,
    largest_component: bool,
    rank: Callable[[str], Any],
) -> tuple[nx.Graph, dict[str, int], int]:
    """Apply --min-papers, --min-weight, --top, then --largest-component, in that order.

    Returns:
        ``(P, dropped nodes per reason, dropped edges)``; ``P`` is a new graph.
    """
    dropped: dict[str, int] = {}
    keep = [n for n, a in base.nodes(data=True) if a["papers"] >= min_papers]
    dropped["min_papers"] = base.number_of_nodes() - len(keep)
    if top and len(keep) > top:
        dropped["top"] = len(keep) - top
        keep = sorted(keep, key=rank)[:top]
    kept = set(keep)
    P = nx.Graph(base.graph)
    P.add_nodes_from((n, dict(base.nodes[n])) for n in sorted(kept, key=rank))
    P.add_edges_from((u, v, dict(a)) for u, v, a in _edges_among(base, kept) if a["weight"] >= min_weight)
    if largest_component and P.number_of_nodes():
        # ties go to the component holding the best-ranked node, so the choice is deterministic
        biggest = min(nx.connected_components(P), key=lambda c: (-len(c), min(rank(n) for n in c)))
        dropped["largest_component"] = P.number_of_nodes() - len(biggest)
        P.remove_nodes_from([n for n in list(P) if n not in biggest])
    return P, {k: v for k, v in dropped.items() if v}, _edge_count(base) - _edge_count(P)


def _reordered(P: nx.Graph, key: Callable[[Any], Any]) -> nx.Graph:
    """``P`` with its nodes in ``key`` order (the order is the pictures' label priority)."""
    H = nx.Graph(P.graph)
    H.add_nodes_from(sorted(P.nodes(data=True), key=lambda item: key(item[0])))
    H.add_edges_from(P.edges(data=True))
    return H


def _report(kind: str, P: nx.Graph, papers: int, dropped_by: dict[str, int], dropped_edges: int,
            notes: tuple[str, ...] = ()) -> ProjectionReport:
    return ProjectionReport(kind, P.number_of_nodes(), P.number_of_edges(), papers,
                            sum(dropped_by.values()), dropped_edges, dropped_by, notes)


# --------------------------------------------------------------------------- ego networks


def ego_network(
    G: nx.MultiDiGraph,
    name: str,
    depth: int = 1,
    *,
    min_weight: int = 1,
    top: int | None = DEFAULT_TOP,
    seed: int = DEFAULT_SEED,
) -> tuple[nx.Graph, ProjectionReport]:
    """The neighbourhood of one author (co-authors) or one method (co-occurring methods).

    Args:
        G: the knowledge graph.
        name: author or method, resolved by :func:`kg.viz.lookup.match_node` (a loose match is named in the report's notes).
        depth: 1 (direct neighbours) or 2 (their neighbours too).
        min_weight: only follow edges with at least this many joint papers / co-occurrences.
        top: cap on nodes, nearest first (then most papers); the centre is always kept.
        seed: Louvain seed for the colours of an author's neighbourhood.

    Returns:
        ``(P, report)`` like :func:`coauthor_network` / :func:`topic_network`; the centre node
        has ``center=True``; ``P.graph["center"]`` is its id.

    Raises:
        KgError: for a depth other than 1 or 2, or a name that is unknown or ambiguous.
    """
    if depth not in (1, 2):
        raise KgError(f"--depth must be 1 or 2, not {depth}")
    match = match_node(G, name)
    center = match.node
    papers = _papers_in_scope(G, PaperScope())
    is_author = G.nodes[center].get("label") == "Author"
    base = _coauthor_base(G, papers, MAX_COAUTHORS) if is_author else _topic_base(G, papers)
    strong = nx.Graph(base.edge_subgraph((u, v) for u, v, w in base.edges(data="weight") if w >= min_weight))
    strong.add_node(center, **base.nodes[center])
    ego = nx.ego_graph(strong, center, radius=depth)
    distance = nx.single_source_shortest_path_length(ego, center)
    P, dropped_by, _ = _prune(ego, 1, min_weight, top, False,
                              lambda n: (distance[n], -ego.nodes[n]["papers"], n))
    if is_author:
        _assign_communities(G, P, seed)
        _decorate_authors(G, P)
        for attrs in P.nodes.values():
            del attrs["paper_ids"]
    else:
        _decorate_methods(G, P)
        P.graph["groups"] = _method_groups(P)
    P.nodes[center]["center"] = True
    P.graph["center"] = center
    notes = (match.note(),) if match.loose else ()
    return P, _report("ego", P, len(papers), dropped_by, ego.number_of_edges() - P.number_of_edges(), notes)
