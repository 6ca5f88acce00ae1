"""Probable merges: author keys that most likely stand for several people who share a name.

Digests carry names only (no ORCID, no affiliation), so "Wei Wang" on 25 papers is one node
whatever the number of people behind it (:mod:`kg.authors`). This module does not split such
nodes; it flags them, so that pages, the build summary and queries can say "probably several
people" instead of presenting a hub that does not exist.

The rule (:func:`probable_merges`), for an author with at least :data:`MIN_PAPERS` papers:

* **co-author circles**: the author's papers are joined when they share a co-author other
  than the author; each connected group of papers is a circle. One person's papers mostly
  fall into a few circles (a lab, its students); namesakes give many unrelated ones.
* **namesakes expected**: how many other people on arXiv would bear this exact name if given
  names and family names combined at random: the share of the corpus's *other* authors with
  the same given name, times the share with the same family name (the last word), times
  :data:`ARXIV_AUTHORS`. Scaled to arXiv rather than to the corpus because a namesake can
  join the data any day; then the threshold means the same for a week or a year of digests.
  About 80 for "Wei Wang" (either corpus month or winter), under 1 for "Xipeng Qiu".

A key is a probable merge when either

1. it has at least :data:`MIN_CIRCLES` circles, the largest holding at most
   :data:`MAX_LARGEST_SHARE` of its papers, **and** at least :data:`MIN_NAMESAKES` namesakes
   are expected (a prolific person with many separate teams and a rare name is not flagged); or
2. two of its circles, with at least two papers each, have no arXiv group in common
   (Computer Science vs Physics, say: very different fields, whatever the name).

``bench/bench_namesakes.py`` measures the rule: how many planted merges (two real authors
given one name) it catches and how often its circle test fires for rare-name authors.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from kg.taxonomy import category_info

__all__ = [
    "MIN_PAPERS", "MIN_CIRCLES", "MAX_LARGEST_SHARE", "MIN_NAMESAKES", "NameEvidence",
    "expected_namesakes", "coauthor_circles", "probable_merges", "mark_probable_merges", "merge_summary",
]

#: Authors with fewer papers are never flagged (too little evidence either way).
MIN_PAPERS = 4
#: Co-author circles needed for rule 1.
MIN_CIRCLES = 2
#: Rule 1 needs the largest circle to hold at most this share of the author's papers.
MAX_LARGEST_SHARE = 0.5
#: Rule 1 needs at least this many other people on arXiv expected to bear the name.
MIN_NAMESAKES = 10.0
#: Order of magnitude of the distinct author names on arXiv, the population namesakes come from.
ARXIV_AUTHORS = 1_000_000


@dataclass(frozen=True, slots=True)
class NameEvidence:
    """What the rule saw for one author key.

    Attributes:
        papers: the author's papers.
        circles: paper counts of the co-author circles, largest first.
        namesakes: people expected to share the name (see the module docstring).
        disjoint_fields: two circles (2+ papers each) share no arXiv group.
        probable_merge: the verdict.
    """

    papers: int
    circles: tuple[int, ...]
    namesakes: float
    disjoint_fields: bool
    probable_merge: bool

    def reason(self) -> str:
        """A short human explanation, e.g. ``"25 papers in 15 co-author circles (largest 10); ~80 namesakes on arXiv"``."""
        text = (f"{self.papers} papers in {len(self.circles)} co-author circles (largest {self.circles[0]}); "
                f"~{self.namesakes:.0f} namesakes on arXiv")
        return text + ("; circles in unrelated fields" if self.disjoint_fields else "")


def _split_name(name: str) -> tuple[str, str]:
    words = name.casefold().split()
    return (" ".join(words[:-1]), words[-1]) if len(words) > 1 else ("", "")


def expected_namesakes(names: Iterable[str], population: int = ARXIV_AUTHORS) -> dict[str, float]:
    """Other people of ``population`` expected to bear each name if given and family names combined at random.

    ``(count(given) - 1) / n * (count(family) - 1) / n * population`` over the ``n`` names
    (each name's own bearer left out); family = last word; one-word names get 0.

    >>> e = expected_namesakes(["Wei Wang", "Wei Li", "Lei Wang", "Ann Lee"], population=1000)
    >>> e["Wei Wang"], e["Ann Lee"]
    (62.5, 0.0)
    """
    names = list(names)
    split = [_split_name(n) for n in names]
    given = Counter(g for g, f in split if f)
    family = Counter(f for g, f in split if f)
    n = max(len(names), 1)
    return {name: ((given[g] - 1) * (family[f] - 1) / (n * n) * population if f else 0.0)
            for name, (g, f) in zip(names, split)}


def _namesake_counter(names: Iterable[str], population: int = ARXIV_AUTHORS):  # noqa: ANN202
    """:func:`expected_namesakes` of one name at a time: the few authors with enough papers, not all 180,000."""
    split = [_split_name(n) for n in names]
    given = Counter(g for g, f in split if f)
    family = Counter(f for g, f in split if f)
    n = max(len(split), 1)

    def expected(name: str) -> float:
        g, f = _split_name(name)
        return (given[g] - 1) * (family[f] - 1) / (n * n) * population if f else 0.0

    return expected


def coauthor_circles(author: str, papers: Sequence[Sequence[str]]) -> list[list[int]]:
    """Indexes of ``papers`` grouped into co-author circles of ``author`` (largest first).

    Two papers are in one circle when they share an author other than ``author`` (transitively).

    >>> coauthor_circles("a", [["a", "b"], ["a", "b", "c"], ["a", "c"], ["a", "d"]])
    [[0, 1, 2], [3]]
    """
    # Union-find over paper indexes (a networkx graph per author cost a fifth of a year's graph build).
    parent = list(range(len(papers)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, authors in enumerate(papers):
        for other in authors:
            if other != author:
                j = first_with.setdefault(other, i)
                if j != i:
                    a, b = root(j), root(i)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(papers)):
        groups.setdefault(root(i), []).append(i)  # indexes ascending within each circle
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _disjoint_fields(circles: list[list[int]], groups: Sequence[str]) -> bool:
    fields = [{groups[i] for i in c} - {""} for c in circles if len(c) >= 2]
    return any(not (a & b) for i, a in enumerate(fields) for b in fields[i + 1:] if a and b)


def probable_merges(
    papers: Iterable[tuple[Sequence[str], str]], names: Mapping[str, str],
) -> dict[str, NameEvidence]:
    """The evidence for every author with at least :data:`MIN_PAPERS` papers (pure).

    Args:
        papers: per paper, ``(author ids, primary category code)``.
        names: author id → display name, for every author (the namesake statistics use them all).

    Returns:
        ``{author id: NameEvidence}``; authors with fewer papers are left out (never flagged).
    """
    listed = [(list(authors), category_info(code).group if code else "") for authors, code in papers]
    by_author: defaultdict[str, list[int]] = defaultdict(list)
    for i, (authors, _) in enumerate(listed):
        for a in authors:
            by_author[a].append(i)
    namesakes = _namesake_counter(names.values())
    evidence: dict[str, NameEvidence] = {}
    for author, indexes in by_author.items():
        if len(indexes) < MIN_PAPERS:
            continue
        circles = coauthor_circles(author, [listed[i][0] for i in indexes])
        sizes = tuple(len(c) for c in circles)
        expected = namesakes(names[author]) if author in names else 0.0
        disjoint = _disjoint_fields(circles, [listed[i][1] for i in indexes])
        crowded = len(sizes) >= MIN_CIRCLES and sizes[0] <= MAX_LARGEST_SHARE * len(indexes)
        evidence[author] = NameEvidence(len(indexes), sizes, round(expected, 1), disjoint,
                                        (crowded and expected >= MIN_NAMESAKES) or disjoint)
    return evidence


def mark_probable_merges(G: nx.MultiDiGraph) -> dict[str, NameEvidence]:
    """Set ``probable_merge`` (bool) on every Author node, and ``merge_evidence`` (text) on flagged ones.

    Recomputed from the graph's AUTHORED edges, so calling it again gives the same graph.

    Returns:
        The evidence of the flagged authors.
    """
    names: dict[str, str] = {}
    papers: list[tuple[list[str], str]] = []
    for node, attrs in G.nodes(data=True):
        label = attrs.get("label")
        if label == "Author":
            names[node] = str(attrs.get("name", ""))
        elif label == "Paper":  # a paper's only incoming edges are AUTHORED
            papers.append((list(G.pred[node]), str(attrs.get("primary_category", ""))))
    flagged = {a: e for a, e in probable_merges(papers, names).items() if e.probable_merge}
    for author in names:
        attrs = G.nodes[author]
        attrs["probable_merge"] = author in flagged
        attrs.pop("merge_evidence", None)
        if author in flagged:
            attrs["merge_evidence"] = flagged[author].reason()
    return flagged


def merge_summary(G: nx.MultiDiGraph, top: int = 10) -> dict[str, object]:
    """``{"authors": n, "examples": [...]}``: the flagged authors, the ``top`` with most papers as examples.

    Read from the ``probable_merge`` / ``merge_evidence`` properties :func:`mark_probable_merges` set.
    """
    flagged = [(len(G.succ[n]), str(d.get("name", n)), str(d.get("merge_evidence", "")))
               for n, d in G.nodes(data=True) if d.get("label") == "Author" and d.get("probable_merge")]
    flagged.sort(key=lambda row: (-row[0], row[1]))
    examples = [{"name": name, "papers": papers, "evidence": why} for papers, name, why in flagged[:top]]
    return {"authors": len(flagged), "examples": examples}
