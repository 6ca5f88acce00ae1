"""Pure networkx projections of the knowledge graph that the HTML networks draw.

Each projection returns a small undirected :class:`networkx.Graph` plus a
:class:`ProjectionReport`; nothing here knows about HTML. Node attributes shared by
every projection (the renderer relies on them):

``kind``     "Author", "Method" or "Category"
``name``     display name (raw text from the data: the renderer escapes it)
``papers``   number of papers in scope (node size)
``group``    colour key; ``G.graph["groups"]`` lists ``(key, legend text)`` in colour order
``details``  short lines for the tooltip (top methods, aliases)
``links``    up to :data:`MAX_LINKS` ``(title, url, first_seen)`` of recent papers
``center``   True for the centre of an ego network

Edges carry ``weight`` (joint papers / co-occurrences) and ``strength`` (the number the
edge is drawn by: joint papers for co-authors, association strength for methods).
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from kg.authors import author_key
from kg.errors import KgError
from kg.graph import MAX_COAUTHORS, nodes_of

__all__ = [
    "DEFAULT_TOP", "DEFAULT_SEED", "MAX_LINKS", "ProjectionReport", "PaperScope",
    "coauthor_network", "topic_network", "ego_network", "resolve_node",
]

#: Default cap on the nodes of a picture: vis-network stays fluid up to about this many.
DEFAULT_TOP = 1500
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
        dropped_by: dropped nodes per reason ("min_papers", "top", "largest_component").
    """

    kind: str
    nodes: int
    edges: int
    papers: int
    dropped_nodes: int = 0
    dropped_edges: int = 0
    dropped_by: dict[str, int] = field(default_factory=dict)

    @property
    def dropped_reason(self) -> str:
        """Human-readable reasons, e.g. ``"12 below --min-papers, 300 beyond --top"``."""
        words = {"min_papers": "below --min-papers", "top": "beyond --top",
                 "largest_component": "outside the largest component"}
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
    return [pid for pid, attrs in nodes_of(G, "Paper") if scope.matches(attrs)]


def _neighbours(G: nx.MultiDiGraph, pid: str, rel_type: str, *, incoming: bool) -> list[str]:
    edges = G.in_edges(pid, keys=True) if incoming else G.out_edges(pid, keys=True)
    ends = (u if incoming else v for u, v, k in edges if k == rel_type)
    return sorted(set(ends))


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
    """
    P = nx.Graph()
    pairs: Counter[tuple[str, str]] = Counter()
    for pid in papers:
        authors = _neighbours(G, pid, "AUTHORED", incoming=True)
        for aid in authors:
            if aid not in P:
                P.add_node(aid, kind="Author", name=G.nodes[aid].get("name", aid), paper_ids=[])
            P.nodes[aid]["paper_ids"].append(pid)
        if len(authors) <= max_coauthors:
            pairs.update(combinations(authors, 2))
    for aid, attrs in P.nodes(data=True):
        attrs["papers"] = len(attrs["paper_ids"])
    for (u, v), weight in pairs.items():
        P.add_edge(u, v, weight=weight, strength=float(weight))
    return P


def _decorate_authors(G: nx.MultiDiGraph, P: nx.Graph) -> None:
    for _, attrs in P.nodes(data=True):
        pids = attrs.pop("paper_ids")
        methods: Counter[str] = Counter()
        for pid in pids:
            methods.update(G.nodes[m].get("name", m) for m in _neighbours(G, pid, "MENTIONS", incoming=False))
        top = sorted(methods.items(), key=lambda item: (-item[1], item[0]))[:MAX_METHODS]
        attrs["details"] = [f"methods: {', '.join(name for name, _ in top)}"] if top else []
        attrs["links"] = _recent_links(G, pids)
        attrs.setdefault("center", False)


def _assign_communities(P: nx.Graph, seed: int) -> None:
    """Colour groups from Louvain communities, largest first; singletons and the tail share "other"."""
    communities = nx.community.louvain_communities(P, weight="weight", seed=seed) if P.number_of_nodes() else []
    communities = sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c[0]))
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
            groups.append((key, f"community {index + 1} ({len(members)} authors): {names}"))
    if len(groups) < len(communities):
        groups.append(("other", "smaller communities and lone authors"))
    P.graph["groups"] = groups


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
    seed: int = DEFAULT_SEED,
    max_coauthors: int = MAX_COAUTHORS,
) -> tuple[nx.Graph, ProjectionReport]:
    """The co-author network: authors sized by papers, coloured by Louvain community.

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
        seed: Louvain seed (stable colours).
        max_coauthors: papers with more authors add no co-author pairs (as in the graph).

    Returns:
        ``(P, report)``: ``P`` has one node per author (id = the graph's Author node id) with the
        attributes listed in the module docstring; edge ``weight`` = joint papers in scope.
    """
    scope = PaperScope(category, since, until)
    papers = _papers_in_scope(G, scope)
    base = _coauthor_base(G, papers, max_coauthors)
    P, dropped_by, dropped_edges = _prune(base, min_papers, min_weight, top, largest_component, _busiest(base))
    _decorate_authors(G, P)
    _assign_communities(P, seed)
    return P, _report("coauthors", P, len(papers), dropped_by, dropped_edges)


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


def _decorate_methods(G: nx.MultiDiGraph, P: nx.Graph) -> None:
    for _, attrs in P.nodes(data=True):
        pids = attrs.pop("paper_ids", [])
        aliases = attrs.pop("aliases", [])
        group = attrs.pop("method_group", "other")
        attrs["group"] = group
        attrs["details"] = [f"group: {group}"] + ([f"also: {', '.join(aliases[:6])}"] if aliases else [])
        attrs["links"] = _recent_links(G, pids)
        attrs.setdefault("center", False)


def _method_groups(P: nx.Graph) -> list[tuple[str, str]]:
    """Legend of a topic network: the :data:`MAX_GROUPS` biggest method groups, then "other", then "category".

    Smaller groups are folded into "other" (their name stays in the node's details), so that
    no two legend entries share a colour.
    """
    counts = Counter(attrs["group"] for _, attrs in P.nodes(data=True))
    named = sorted((g for g in counts if g not in ("other", "category")), key=lambda g: (-counts[g], g))
    folded = set(named[MAX_GROUPS:])
    for _, attrs in P.nodes(data=True):
        if attrs["group"] in folded:
            counts["other"] += 1
            attrs["group"] = "other"
    legend = [(g, f"{g} ({counts[g]})") for g in named[:MAX_GROUPS]]
    legend += [(g, f"{g} ({counts[g]})") for g in ("other", "category") if counts[g]]
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
            P.add_node(cid, kind="Category", name=code, papers=per_category[code], group="category",
                       details=[str(name)], links=[], center=False)
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
    """
    papers = _papers_in_scope(G, PaperScope(category, since, until))
    base = _topic_base(G, papers)
    rank = {n: (-a["papers"], n) for n, a in base.nodes(data=True)}
    P, dropped_by, dropped_edges = _prune(base, min_papers, min_weight, top, largest_component, rank.__getitem__)
    _decorate_methods(G, P)
    if with_categories:
        _add_categories(G, P, papers)
    P.graph["groups"] = _method_groups(P)
    return P, _report("topics", P, len(papers), dropped_by, dropped_edges)


# --------------------------------------------------------------------------- pruning (shared)


def _busiest(base: nx.Graph) -> Callable[[str], tuple[Any, ...]]:
    """Rank for --top: most papers, then most joint papers, then node id (deterministic)."""
    strength = dict(base.degree(weight="weight"))
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
    P.add_edges_from((u, v, dict(a)) for u, v, a in base.edges(data=True)
                     if a["weight"] >= min_weight and u in kept and v in kept)
    if largest_component and P.number_of_nodes():
        # ties go to the component holding the best-ranked node, so the choice is deterministic
        biggest = min(nx.connected_components(P), key=lambda c: (-len(c), min(rank(n) for n in c)))
        dropped["largest_component"] = P.number_of_nodes() - len(biggest)
        P.remove_nodes_from([n for n in list(P) if n not in biggest])
    return P, {k: v for k, v in dropped.items() if v}, base.number_of_edges() - P.number_of_edges()


def _report(kind: str, P: nx.Graph, papers: int, dropped_by: dict[str, int], dropped_edges: int) -> ProjectionReport:
    return ProjectionReport(kind, P.number_of_nodes(), P.number_of_edges(), papers,
                            sum(dropped_by.values()), dropped_edges, dropped_by)


# --------------------------------------------------------------------------- ego networks


def _name_forms(G: nx.MultiDiGraph, labels: Iterable[str]) -> dict[str, set[str]]:
    """Every casefolded spelling (key, name, aliases) of the nodes with these labels → node ids."""
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for label in labels:
        for nid, attrs in nodes_of(G, label):
            spellings = [attrs.get("key", ""), attrs.get("name", ""), *attrs.get("aliases", ())]
            for text in spellings:
                if text:
                    forms[str(text).casefold()].add(nid)
                    forms[author_key(str(text))].add(nid)
    forms.pop("", None)
    return forms


def _describe(G: nx.MultiDiGraph, nid: str) -> str:
    attrs = G.nodes[nid]
    rel = "AUTHORED" if attrs.get("label") == "Author" else "MENTIONS"
    n = sum(1 for *_, k in G.edges(nid, keys=True) if k == rel) + sum(
        1 for *_, k in G.in_edges(nid, keys=True) if k == rel)
    return f"{attrs.get('label')} {attrs.get('name', nid)!r} ({n} paper{'s' if n != 1 else ''})"


def resolve_node(G: nx.MultiDiGraph, name: str, *, labels: tuple[str, ...] = ("Author", "Method")) -> str:
    """The node id of the author or method called ``name``.

    Tried in order, the first rule that finds anything wins: an exact key, name or alias
    (case and accents ignored); every word of ``name`` being a word of the name ("hinton");
    a close spelling (difflib ratio >= 0.8).

    Raises:
        KgError: when nothing matches, or several nodes do (the message lists the candidates).
    """
    query = name.strip()
    if not query:
        raise KgError("give the name of an author or a method")
    forms = _name_forms(G, labels)
    hits = forms.get(query.casefold(), set()) | forms.get(author_key(query), set())
    if not hits:
        words = set(author_key(query).split())
        hits = {nid for form, nids in forms.items() if words <= set(form.split()) for nid in nids}
    if not hits:
        close = difflib.get_close_matches(query.casefold(), list(forms), n=8, cutoff=0.8)
        hits = {nid for form in close for nid in forms[form]}
    if len(hits) == 1:
        return next(iter(hits))
    what = " or ".join(label.lower() for label in labels)
    if not hits:
        raise KgError(f"no {what} matches {query!r} (try a key, an alias or the full name)")
    described = sorted((_describe(G, nid) for nid in hits))
    shown = "; ".join(described[:8]) + (f"; and {len(described) - 8} more" if len(described) > 8 else "")
    raise KgError(f"{query!r} matches {len(described)} nodes: {shown}. Give the full name or key")


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
        name: author or method, resolved by :func:`resolve_node`.
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
    center = resolve_node(G, name)
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
        _decorate_authors(G, P)
        _assign_communities(P, seed)
    else:
        _decorate_methods(G, P)
        P.graph["groups"] = _method_groups(P)
    P.nodes[center]["center"] = True
    P.graph["center"] = center
    return P, _report("ego", P, len(papers), dropped_by, ego.number_of_edges() - P.number_of_edges())
