"""The knowledge graph as a networkx ``MultiDiGraph`` (schema: docs/architecture.md).

Node ids are ``"<Label>:<key>"``; every node has ``label`` and its properties; every
edge is keyed by its relationship type and carries ``type``. Undirected relationships
(CO_AUTHORED, CO_OCCURS) are stored once, from the smaller node id to the larger.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations
from typing import Any

import networkx as nx

from kg.authors import author_key, clean_author_name
from kg.namesakes import mark_probable_merges
from kg.records import Digest, Paper, PaperExtraction
from kg.taxonomy import category_info

__all__ = [
    "MAX_COAUTHORS", "build_graph", "node_id", "nodes_of", "edges_of", "count_by_label", "count_by_type",
    "add_coauthorship", "add_cooccurrence", "coauthor_edges", "cooccurrence_edges", "DISPLAY_PROPERTY",
    "display_name", "gc_paused", "keyed_edges",
]

#: Papers with more authors than this get AUTHORED edges but no CO_AUTHORED pairs:
#: a 3,000-author collaboration would add 4.5 million pairs and say nothing about who works with whom.
MAX_COAUTHORS = 50


def node_id(label: str, key: str) -> str:
    """The graph node id of a node with this label and key.

    >>> node_id("Paper", "2601.00504")
    'Paper:2601.00504'
    """
    return f"{label}:{key}"


#: The property that names a node of each label for people (captions in Gephi, yEd, pages).
DISPLAY_PROPERTY = {
    "Paper": "title", "Author": "name", "Category": "code", "Digest": "id",
    "Method": "name", "Dataset": "name", "Repository": "url",
}


def display_name(attrs: dict[str, Any]) -> str:
    """What to call a node: its :data:`DISPLAY_PROPERTY` (else ``name``, ``title`` or ``key``), as text.

    >>> display_name({"label": "Paper", "arxiv_id": "2601.1", "title": "Attention"})
    'Attention'
    >>> display_name({"label": "Paper", "arxiv_id": "2601.1", "title": ""})
    '2601.1'
    >>> display_name({"label": "Category", "code": "cs.LG", "name": "Machine Learning"})
    'cs.LG'
    """
    label = attrs.get("label", "")
    for prop in (DISPLAY_PROPERTY.get(label), "name", "title", "key", "arxiv_id", "id", "code", "url"):
        value = attrs.get(prop) if prop else None
        if value:
            return str(value)
    return str(label)


def nodes_of(G: nx.MultiDiGraph, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(node_id, attrs)`` of every node with this label, in insertion order."""
    return ((n, d) for n, d in G.nodes(data=True) if d.get("label") == label)


def edges_of(G: nx.MultiDiGraph, rel_type: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield ``(u, v, attrs)`` of every edge of this relationship type."""
    return ((u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == rel_type)


def keyed_edges(G: nx.Graph) -> Iterator[tuple[Any, Any, Any, dict[str, Any]]]:
    """``(u, v, key, attrs)`` in ``G.edges`` order (key ``None`` for graphs without keys).

    A directed multigraph (kg's graph) is walked through its adjacency directly: the edge
    view's generator costs more than the writing on a million edges.
    """
    if G.is_multigraph() and G.is_directed():
        return ((u, v, k, d) for u, nbrs in G._succ.items() for v, keydict in nbrs.items() for k, d in keydict.items())
    if G.is_multigraph():
        return ((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True))
    return ((u, v, None, d) for u, v, d in G.edges(data=True))


def count_by_label(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of nodes per label, sorted by label."""
    return dict(sorted(Counter(d.get("label", "") for d in G._node.values()).items()))


def count_by_type(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of edges per relationship type, sorted by type."""
    if G.is_multigraph() and G.is_directed():  # the adjacency's key dicts, not 1.3M view tuples
        counts = Counter(k for nbrs in G._succ.values() for keydict in nbrs.values() for k in keydict)
    else:
        counts = Counter(k for _, _, k, _ in keyed_edges(G))
    return dict(sorted(counts.items()))


def _paper_props(p: Paper) -> dict[str, Any]:
    props: dict[str, Any] = {
        "arxiv_id": p.arxiv_id, "title": p.title, "abstract": p.abstract,
        "tldr": p.summary.tldr if p.summary else "", "summary_language": p.summary.language if p.summary else "",
        "url": p.url or f"https://arxiv.org/abs/{p.arxiv_id}", "primary_category": p.primary_category,
        "categories": list(p.categories), "first_seen": p.first_seen, "last_seen": p.last_seen,
        "date_precision": p.date_precision, "version": p.version, "comment": p.comment,
        "keywords": list(p.keywords), "translated_title": p.translated_title, "doi": p.doi,
    }
    # Absent rather than None: Neo4j, GraphML and node-link JSON all treat "no value" alike.
    return {k: v for k, v in props.items() if v is not None}


def _add(G: nx.MultiDiGraph, u: str, v: str, rel_type: str, **props: Any) -> None:
    G.add_edge(u, v, key=rel_type, type=rel_type, **props)


Edge = tuple[str, str, str, dict[str, Any]]


def _edge(u: str, v: str, rel_type: str, **props: Any) -> Edge:
    return (u, v, rel_type, {"type": rel_type, **props})


def _add_edges(G: nx.MultiDiGraph, edges: Iterable[Edge]) -> None:
    """Add keyed edges between nodes already in ``G``, each with its own attribute dict.

    Edges are most of the work of a build (100,000+ for a month of digests), and
    ``add_edge`` costs several times what the insertion itself does. This writes the
    adjacency exactly as ``MultiDiGraph.add_edge(u, v, key, **attrs)`` would (one shared
    key dict per (u, v) in ``_succ`` and ``_pred``); ``test_fast_edges_equal_add_edge``
    holds it to that. An edge that already exists gets its attributes updated.
    """
    succ, pred = G._succ, G._pred
    for u, v, key, attrs in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = G.edge_key_dict_factory()
        if key in keydict:
            keydict[key].update(attrs)
        else:
            keydict[key] = attrs
    nx._clear_cache(G)


def _add_paper(G: nx.MultiDiGraph, p: Paper, edges: list[Edge]) -> list[str]:
    """Add a paper, its authors, categories and digests; append its edges; return its author node ids."""
    pid = node_id("Paper", p.arxiv_id)
    G.add_node(pid, label="Paper", **_paper_props(p))
    nodes = G._node  # membership tests on the dict itself: G.__contains__ costs a call per author
    authors: dict[str, None] = {}
    for position, name in enumerate(p.authors, start=1):
        key = author_key(name)
        aid = node_id("Author", key)
        if not key or aid in authors:  # the same name twice in one list: keep the first position
            continue
        if aid not in nodes:
            G.add_node(aid, label="Author", key=key, name=clean_author_name(name))
        authors[aid] = None
        edges.append(_edge(aid, pid, "AUTHORED", position=position))
    for code in p.categories:
        cid = node_id("Category", code)
        if cid not in nodes:
            info = category_info(code)
            G.add_node(cid, label="Category", code=code, name=info.name, group=info.group)
        edges.append(_edge(pid, cid, "IN_CATEGORY", primary=code == p.primary_category))
    for digest in dict.fromkeys(listing.digest for listing in p.listings if listing.digest):
        did = node_id("Digest", digest)
        if did not in G:  # a digest the caller did not pass: still a proper node
            listing = next(x for x in p.listings if x.digest == digest)
            G.add_node(did, label="Digest", id=digest, source=listing.source.path, format="",
                       **({"date": listing.date} if listing.date and listing.date_precision == "day" else {}))
        edges.append(_edge(pid, did, "LISTED_IN"))
    return list(authors)


def _add_extraction(G: nx.MultiDiGraph, ex: PaperExtraction) -> None:
    pid = node_id("Paper", ex.arxiv_id)
    for m in ex.methods:
        mid = node_id("Method", m.key)
        node = G.nodes[mid] if mid in G else None
        if node is None:
            G.add_node(mid, label="Method", key=m.key, name=m.name, aliases=[], group=m.group)
            node = G.nodes[mid]
        # never the kept name; another paper's name for the node is an alias (as a day-by-day load into
        # Neo4j, which unions aliases, keeps it too)
        node["aliases"] = sorted({*node["aliases"], *m.aliases, *m.surfaces, m.surface, m.name} - {node["name"], ""})
        _add(G, pid, mid, "MENTIONS", count=m.count, in_title=m.in_title, sources=list(m.sources))
        if m.proposed:
            _add(G, pid, mid, "PROPOSES")
    for d in ex.datasets:
        did = node_id("Dataset", d.key)
        if did not in G:
            G.add_node(did, label="Dataset", key=d.key, name=d.name, aliases=[])
        node = G.nodes[did]
        node["aliases"] = sorted({*node["aliases"], *d.aliases, d.surface, d.name} - {node["name"], ""})
        _add(G, pid, did, "USES_DATASET")
    for url in ex.repos:
        rid = node_id("Repository", url)
        if rid not in G:
            G.add_node(rid, label="Repository", url=url, host=url.split("/")[2] if url.count("/") >= 2 else "")
        _add(G, pid, rid, "HAS_CODE")


def add_coauthorship(G: nx.MultiDiGraph, max_authors: int = MAX_COAUTHORS) -> None:
    """Derive ``CO_AUTHORED {weight, first, last}`` between authors who share papers.

    ``weight`` is the number of joint papers; ``first``/``last`` the first-seen dates of
    the earliest and latest of them. Existing CO_AUTHORED edges are recomputed, not added to,
    so calling it twice gives the same graph. Papers with more than ``max_authors``
    authors are skipped (see :data:`MAX_COAUTHORS`).
    """
    _remove_edges(G, "CO_AUTHORED")
    papers = (
        (paper.get("first_seen"), sorted(u for u, _, k in G.in_edges(pid, keys=True) if k == "AUTHORED"))
        for pid, paper in nodes_of(G, "Paper")
    )
    _add_edges(G, coauthor_edges(papers, max_authors))


def coauthor_edges(papers: Iterable[tuple[dt.date | None, Sequence[str]]], max_authors: int = MAX_COAUTHORS) -> list[Edge]:
    """CO_AUTHORED edges from ``(first_seen, author ids)`` per paper (pure; see :func:`add_coauthorship`).

    >>> [e[:2] + (e[3]["weight"],) for e in coauthor_edges([(None, ["Author:a", "Author:b"]), (None, ["Author:b", "Author:a"])])]
    [('Author:a', 'Author:b', 2)]
    """
    return [(u, v, "CO_AUTHORED", attrs) for (u, v), attrs in _coauthor_pairs(papers, max_authors).items()]


def _coauthor_pairs(papers: Iterable[tuple[dt.date | None, Sequence[str]]], max_authors: int) -> dict[tuple[str, str], dict[str, Any]]:
    """``{(u, v): CO_AUTHORED attributes}`` in first-occurrence order (see :func:`coauthor_edges`)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    _count_pairs(papers, max_authors, found.get, found.__setitem__)
    return found


def _count_pairs(papers: Iterable[tuple[dt.date | None, Sequence[str]]], max_authors: int,
                 get: Callable[[tuple[str, str]], dict[str, Any] | None],
                 put: Callable[[tuple[str, str], dict[str, Any]], None]) -> None:
    """The CO_AUTHORED attributes of each pair: ``put`` at its first paper, then updated in what ``get`` returns."""
    dated = sorted(papers, key=lambda pa: (pa[0] is None, pa[0] or dt.date.min))
    # One pass in date order (undated papers last): a pair's first paper makes its attribute dict,
    # later ones add to the weight and move "last" on. Cheaper than a Counter and two date dicts
    # merged afterwards, and the same dicts in the same order (first occurrence of each pair).
    for day, authors in dated:
        if len(authors) > max_authors:
            continue
        for pair in combinations(sorted(authors), 2):
            attrs = get(pair)
            if attrs is None:
                put(pair, {"type": "CO_AUTHORED", "weight": 1} if day is None else
                    {"type": "CO_AUTHORED", "weight": 1, "first": day, "last": day})
            else:
                attrs["weight"] += 1
                if day is not None:  # a dated paper after the first: dates only grow
                    attrs["last"] = day


def _add_coauthor_edges(G: nx.MultiDiGraph, papers: Iterable[tuple[dt.date | None, Sequence[str]]], max_authors: int) -> None:
    """``_add_edges(G, coauthor_edges(papers))`` without the pairs' dict in between (same edges, same order).

    Each pair's edge goes into the adjacency at its first paper, as ``_add_edges`` would insert it
    (pairs come in first-occurrence order), and later papers update it there. On a year of digests
    the dict and its 775,000 tuples were 100 MB on top of the graph, at the build's memory peak.
    Authors have no other edges between them, so a pair's key dict holds its CO_AUTHORED edge only.
    """
    succ, pred, new_keydict = G._succ, G._pred, G.edge_key_dict_factory

    def get(pair: tuple[str, str]) -> dict[str, Any] | None:
        keydict = succ[pair[0]].get(pair[1])
        return None if keydict is None else keydict.get("CO_AUTHORED")

    def put(pair: tuple[str, str], attrs: dict[str, Any]) -> None:
        u, v = pair
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = new_keydict()
        keydict["CO_AUTHORED"] = attrs

    _count_pairs(papers, max_authors, get, put)
    nx._clear_cache(G)


def add_cooccurrence(G: nx.MultiDiGraph) -> None:
    """Derive ``CO_OCCURS {weight}``: the number of papers that mention both methods (recomputed, idempotent)."""
    _remove_edges(G, "CO_OCCURS")
    mentions = ({v for _, v, k in G.out_edges(pid, keys=True) if k == "MENTIONS"} for pid, _ in nodes_of(G, "Paper"))
    _add_edges(G, cooccurrence_edges(mentions))


def cooccurrence_edges(mentions: Iterable[Iterable[str]]) -> list[Edge]:
    """CO_OCCURS edges from the method node ids each paper mentions (pure; see :func:`add_cooccurrence`).

    >>> [(u, v, d["weight"]) for u, v, _, d in cooccurrence_edges([{"Method:a", "Method:b"}, {"Method:b", "Method:a", "Method:c"}])]
    [('Method:a', 'Method:b', 2), ('Method:a', 'Method:c', 1), ('Method:b', 'Method:c', 1)]
    """
    weights: Counter[tuple[str, str]] = Counter()
    for methods in mentions:
        weights.update(combinations(sorted(set(methods)), 2))
    return [_edge(u, v, "CO_OCCURS", weight=w) for (u, v), w in weights.items()]


def _remove_edges(G: nx.MultiDiGraph, rel_type: str) -> None:
    G.remove_edges_from([(u, v, k) for u, v, k in G.edges(keys=True) if k == rel_type])


@contextlib.contextmanager
def gc_paused(*, collect: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for a stage whose heap only grows or holds no cycles.

    A build allocates hundreds of thousands of dicts that all stay alive in the graph, and
    the writers make millions of short-lived strings and dicts: each allocation burst
    triggers collections that find nothing to free (about half of the graph build's time).
    Reference counting still frees everything that is not a cycle.

    ``collect=True`` is for a stage that does make cycles (matplotlib figures, pandas frames,
    projected networkx graphs): one collection at its end frees them, instead of the dozens
    of full collections its allocations would trigger on the way (on a year of digests,
    10 s of the HTML pages and 9 s of the trends report).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        if collect:
            gc.collect()


def build_graph(
    papers: Iterable[Paper],
    digests: Iterable[Digest] = (),
    extractions: Sequence[PaperExtraction] = (),
    *,
    max_coauthors: int = MAX_COAUTHORS,
) -> nx.MultiDiGraph:
    """Build the knowledge graph from merged papers, their digests and extractions.

    Deterministic: the same inputs give the same graph, node and edge order included.

    >>> from kg.records import Paper
    >>> G = build_graph([Paper("2601.1", "A", authors=("Ann Lee", "Bo Li"), categories=("cs.LG",), primary_category="cs.LG")])
    >>> count_by_label(G)
    {'Author': 2, 'Category': 1, 'Paper': 1}
    >>> count_by_type(G)
    {'AUTHORED': 2, 'CO_AUTHORED': 1, 'IN_CATEGORY': 1}
    """
    with gc_paused():
        return _build_graph(papers, digests, extractions, max_coauthors)


def _build_graph(
    papers: Iterable[Paper], digests: Iterable[Digest], extractions: Sequence[PaperExtraction], max_coauthors: int
) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name="arxiv-kg")
    for d in sorted(digests, key=lambda d: d.id):
        G.add_node(node_id("Digest", d.id), label="Digest", id=d.id, source=d.source, format=d.format,
                   **({"date": d.date} if d.date else {}))
    edges: list[Edge] = []
    authorship = [(p.first_seen, _add_paper(G, p, edges)) for p in papers]
    _add_edges(G, edges)
    del edges  # the build's peak is below: its 400,000 tuples (a year) need not wait for the end
    known = [ex for ex in extractions if node_id("Paper", ex.arxiv_id) in G]
    for ex in known:
        _add_extraction(G, ex)
    _add_coauthor_edges(G, authorship, max_coauthors)
    del authorship
    _add_edges(G, cooccurrence_edges([node_id("Method", m.key) for m in ex.methods] for ex in known))
    mark_probable_merges(G)  # Author.probable_merge: several people under one name (kg.namesakes)
    return G
