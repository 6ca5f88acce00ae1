"""Words whose machine-learning reading needs a machine-learning paper.

A gazetteer entry named by one common word of the physical sciences ("Muon", the optimizer; "EAGLE", the
speculative decoder; "distillation", knowledge distillation; "S4", the state-space model) means something else in a
paper filed under physics, astronomy or biology: a particle ("Straw Tubes with Muon Beams"), a cosmological
simulation ("DESI and EAGLE Galaxies"), magic-state or chemical distillation, an R class ("a central S4 container").
There the bare word is dropped; a longer form that says which thing it is ("knowledge distillation", "the Muon
optimizer") still counts. Found on blind19-21 (papers of other fields and forks, docs/gazetteer.md, "Round 12").
"""
from __future__ import annotations

from collections.abc import Sequence

from kg.records import MethodMention

# surfaces (case-folded) with another meaning outside machine learning
HOMONYMS = frozenset("muon eagle distillation s4".split())
# arXiv archives whose papers are not about machine learning by default (cs, stat, eess, math, econ, q-fin are)
NON_ML_ARCHIVES = frozenset("""astro-ph hep-ex hep-ph hep-th hep-lat nucl-ex nucl-th gr-qc quant-ph cond-mat physics
q-bio math-ph nlin""".split())


def non_ml_paper(primary_category: str) -> bool:
    """Whether a paper's main category is in an archive outside machine learning ("astro-ph.GA", "physics.ins-det")."""
    return primary_category.split(".", 1)[0] in NON_ML_ARCHIVES


def drop_homonyms(methods: Sequence[MethodMention], primary_category: str) -> tuple[MethodMention, ...]:
    """``methods`` without the mentions named only by a bare homonym, when the paper is outside machine learning."""
    if not non_ml_paper(primary_category):
        return tuple(methods)
    return tuple(m for m in methods
                  if not all(s.casefold() in HOMONYMS for s in (m.surface, *m.surfaces)))
