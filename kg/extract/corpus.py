"""The corpus link step: what one paper settles, the others may use.

The per-paper stage (:mod:`kg.extract.canonical`) leaves :class:`~kg.records.Candidate` records
for evidence a single paper cannot settle. This step reads them over every paper of the input:

- **Definitions travel.** A paper that defines "Parameter-Efficient Fine-Tuning (PEFT)" teaches
  the corpus what a bare "PEFT" means in a paper that never spells it out. The bare form is
  linked only when the corpus agrees on its meaning (one meaning, or one meaning given by at
  least :data:`MAJORITY` of the defining papers and by two or more of them).
- **Support across papers.** A lower-case method phrase found by a head-noun pattern ("upwind
  scheme", "tensor-train decomposition") is kept when at least :data:`MIN_SUPPORT` different
  papers of the input use it (by the pattern or under the same key otherwise); a phrase seen in
  one paper with only that weak evidence stays out.

The result is the same for any split of the work over processes; the build cache stores the
records before this step and links cached and new papers together.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from kg.extract.acronyms import _core
from kg.extract.gazetteer import Gazetteer
from kg.records import MethodMention, PaperExtraction

MIN_SUPPORT = 3  # papers that must use a weak pattern phrase
MAJORITY = 2 / 3  # share of the defining papers the dominant meaning of an acronym needs


def link_corpus(extractions: Sequence[PaperExtraction], gaz: Gazetteer | None = None, *,
                min_support: int = MIN_SUPPORT) -> list[PaperExtraction]:
    """Settle every paper's candidates against the whole input; the records come back without them.

    Args:
        extractions: per-paper records, candidates included (:func:`kg.extract.extract_papers`
            with ``link=False``).
        gaz: the gazetteer (a key it owns is never added from a candidate).
        min_support: papers a weak pattern phrase needs.

    Returns:
        The records in the same order, linked mentions appended to each paper's methods.
    """
    if not any(e.candidates for e in extractions):
        return list(extractions)
    meanings = _meanings(extractions)
    # keys some paper defines with a long form ending in a method noun: one such paper is enough
    strong = {c.key for e in extractions for c in e.candidates if c.kind == "defined" and c.source != "weak"}
    support: dict[str, set[str]] = defaultdict(set)
    for e in extractions:
        for m in e.methods:
            if not m.group:  # a discovered key, wherever it came from
                support[m.key].add(e.arxiv_id)
        for c in e.candidates:
            if c.kind == "usage":
                support[c.key].add(e.arxiv_id)
    out = []
    for e in extractions:
        if not e.candidates:
            out.append(e)
            continue
        have = {m.key for m in e.methods}
        added: list[MethodMention] = []
        for c in e.candidates:
            if c.kind == "acronym":
                found = meanings.get(c.surface) or meanings.get(_core(c.surface))
                if found is None or found[0] in have or (gaz is not None and f"method:{found[0]}" in gaz.entries):
                    continue
                key, name, papers = found
                if papers == {e.arxiv_id}:
                    continue  # its only definition is this paper's own
                if len(papers) < 2 and (len(_core(c.surface)) < 3 or key not in strong):
                    continue  # "IS" defined once as "Intent State" is as often an Inception Score elsewhere
            elif c.kind == "usage":
                key, name = c.key, c.name
                if key in have or len(support[key]) < min_support:
                    continue
            else:
                continue
            have.add(key)
            added.append(MethodMention(key=key, name=name, surface=c.surface, count=1, in_title=c.source == "title",
                                       sources=(c.source,), surfaces=(c.surface,),
                                       aliases=tuple(a for a in dict.fromkeys((c.surface,)) if a != name)))
        out.append(dataclasses.replace(e, methods=e.methods + tuple(added), candidates=()))
    return out


def _meanings(extractions: Sequence[PaperExtraction]) -> dict[str, tuple[str, str, set[str]]]:
    """Short form -> (key, name, defining papers) where the corpus agrees on one meaning."""
    by_short: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    names: dict[str, str] = {}
    for e in extractions:
        for c in e.candidates:
            if c.kind == "defined":
                by_short[c.surface][c.key].add(e.arxiv_id)
                names.setdefault(c.key, c.name)
    agreed: dict[str, tuple[str, str, set[str]]] = {}
    for short, keys in by_short.items():
        ranked = sorted(keys.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        key, papers = ranked[0]
        total = sum(len(p) for p in keys.values())
        if len(ranked) == 1 or len(papers) >= 2 and len(papers) >= MAJORITY * total:
            agreed[short] = (key, names[key], papers)
    return agreed
