"""Find the author or method a person means by a name (``kg viz ego NAME``).

Rules, tried in order; the first that finds anything wins, and the caller learns which one did,
so a loose match can be shown ("Xipeng Qu" → "Xipeng Qiu (close spelling)"):

``exact``  a key, name or alias, case and accents ignored;
``words``  every word of the query is a word of a name ("hinton");
``close``  a close spelling (difflib ratio >= 0.8).
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.authors import author_key
from kg.errors import KgError
from kg.graph import nodes_of

__all__ = ["NodeMatch", "match_node", "resolve_node"]

#: Candidates listed in the error for an ambiguous name.
MAX_CANDIDATES = 8
_RULE_WORDS = {"exact": "exact name", "words": "every word of the name", "close": "close spelling"}


@dataclass(frozen=True, slots=True)
class NodeMatch:
    """The node a name was resolved to, and how.

    Attributes:
        node: the graph node id.
        query: the name as given.
        rule: ``"exact"``, ``"words"`` or ``"close"`` (see the module docstring).
        description: e.g. ``"author 'Xipeng Qiu' (8 papers)"``.
    """

    node: str
    query: str
    rule: str
    description: str

    @property
    def loose(self) -> bool:
        """True when the name was not matched exactly (the user should be told what was chosen)."""
        return self.rule != "exact"

    def note(self) -> str:
        """One line for the user, e.g. ``'Xipeng Qu' matched author 'Xipeng Qiu' (8 papers) by close spelling``."""
        return f"{self.query!r} matched {self.description} by {_RULE_WORDS[self.rule]}"


def _name_forms(G: nx.MultiDiGraph, labels: Iterable[str]) -> dict[str, set[str]]:
    """Every casefolded spelling (key, name, aliases) of the nodes with these labels → node ids."""
    forms: defaultdict[str, set[str]] = defaultdict(set)
    for label in labels:
        for nid, attrs in nodes_of(G, label):
            for text in (attrs.get("key", ""), attrs.get("name", ""), *attrs.get("aliases", ())):
                if text:
                    forms[str(text).casefold()].add(nid)
                    forms[author_key(str(text))].add(nid)
    forms.pop("", None)
    return forms


def _papers(G: nx.MultiDiGraph, nid: str) -> int:
    rel = "AUTHORED" if G.nodes[nid].get("label") == "Author" else "MENTIONS"
    return sum(1 for *_, k in G.out_edges(nid, keys=True) if k == rel) + sum(
        1 for *_, k in G.in_edges(nid, keys=True) if k == rel)


def describe_node(G: nx.MultiDiGraph, nid: str) -> str:
    """``"author 'Ann Lee' (3 papers)"``: label, display name and papers."""
    attrs, n = G.nodes[nid], _papers(G, nid)
    return f"{str(attrs.get('label', '')).lower()} {attrs.get('name', nid)!r} ({n} paper{'s' if n != 1 else ''})"


def match_node(G: nx.MultiDiGraph, name: str, *, labels: tuple[str, ...] = ("Author", "Method")) -> NodeMatch:
    """The author or method called ``name``, and the rule that found it.

    Raises:
        KgError: when nothing matches, or several nodes do (the message lists the candidates
            with their paper counts, so the user can pick one).
    """
    query = name.strip()
    if not query:
        raise KgError("give the name of an author or a method")
    forms = _name_forms(G, labels)
    rule = "exact"
    hits = forms.get(query.casefold(), set()) | forms.get(author_key(query), set())
    if not hits:
        rule = "words"
        words = set(author_key(query).split())
        hits = {nid for form, nids in forms.items() if words <= set(form.split()) for nid in nids}
    if not hits:
        rule = "close"
        close = difflib.get_close_matches(query.casefold(), list(forms), n=MAX_CANDIDATES, cutoff=0.8)
        hits = {nid for form in close for nid in forms[form]}
    if len(hits) == 1:
        node = next(iter(hits))
        return NodeMatch(node, query, rule, describe_node(G, node))
    what = " or ".join(label.lower() for label in labels)
    if not hits:
        raise KgError(f"no {what} matches {query!r} (try a key, an alias or the full name)")
    # the busiest candidates first: the likeliest meant
    ranked = sorted(hits, key=lambda nid: (-_papers(G, nid), str(G.nodes[nid].get("name", nid)), nid))
    described = [describe_node(G, nid) for nid in ranked]
    shown = "; ".join(described[:MAX_CANDIDATES])
    if len(described) > MAX_CANDIDATES:
        shown += f"; and {len(described) - MAX_CANDIDATES} more"
    raise KgError(f"{query!r} matches {len(described)} nodes: {shown}. Give the full name or key")


def resolve_node(G: nx.MultiDiGraph, name: str, *, labels: tuple[str, ...] = ("Author", "Method")) -> str:
    """The node id of the author or method called ``name`` (:func:`match_node` without the rule).

    Raises:
        KgError: when nothing matches, or several nodes do (the message lists the candidates).
    """
    return match_node(G, name, labels=labels).node
