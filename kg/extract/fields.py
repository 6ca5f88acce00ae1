"""Words whose machine-learning reading needs a machine-learning paper.

A gazetteer entry named by one common word of the physical sciences ("Muon", the optimizer; "EAGLE", the
speculative decoder; "distillation", knowledge distillation; "S4", the state-space model) means something else in a
paper filed under physics, astronomy or biology: a particle ("Straw Tubes with Muon Beams"), a cosmological
simulation ("DESI and EAGLE Galaxies"), magic-state or chemical distillation, an R class ("a central S4 container").
Short forms too: SMC is the Small Magellanic Cloud there ("an SMC-like dwarf galaxy"), DCN deuterated hydrogen
cyanide, an ELM an edge-localised mode of a tokamak plasma. There the bare word is dropped; a longer form that says
which thing it is ("knowledge distillation", "the Muon optimizer") still counts. Found on blind19-23 (papers of
other fields and forks, docs/gazetteer.md, "Round 12" and "Round 14").

A coined name made only of the element symbols of interstellar and organic chemistry, with counts ("HDCO", "DNC",
"CH3CN", "HC3N", "NH2CHO") is a molecule in such a paper: astrochemistry papers list them by the dozen, and a list of
names beside a known one reads as methods elsewhere ("the detection of DCO+, DCN, DNC, and HDCO").
"""
from __future__ import annotations

import re

from collections.abc import Sequence

from kg.records import MethodMention

# surfaces (case-folded) with another meaning outside machine learning
HOMONYMS = frozenset("muon eagle distillation s4 smc dcn elm elms".split())
# arXiv archives whose papers are not about machine learning by default (cs, stat, eess, math, econ, q-fin are)
NON_ML_ARCHIVES = frozenset("""astro-ph hep-ex hep-ph hep-th hep-lat nucl-ex nucl-th gr-qc quant-ph cond-mat physics
q-bio math-ph nlin""".split())


def non_ml_paper(primary_category: str) -> bool:
    """Whether a paper's main category is in an archive outside machine learning ("astro-ph.GA", "physics.ins-det")."""
    return primary_category.split(".", 1)[0] in NON_ML_ARCHIVES


_MOLECULE = re.compile(r"(?:[HDCNOS]|Si|Mg|Fe|Na|Al|Cl|\d)+[+⁺]?")


def is_molecule(name: str) -> bool:
    """Element symbols and counts only, two symbols at least: "HDCO", "DNC", "CH3CN" (not "ESM3", "UGAN")."""
    return bool(_MOLECULE.fullmatch(name)) and sum(c.isupper() for c in name) >= 2


def drop_homonyms(methods: Sequence[MethodMention], primary_category: str) -> tuple[MethodMention, ...]:
    """``methods`` without the mentions named only by a bare homonym, or coined molecule-like names, when the paper
    is outside machine learning."""
    if not non_ml_paper(primary_category):
        return tuple(methods)
    return tuple(m for m in methods
                 if not all(s.casefold() in HOMONYMS or not m.group and is_molecule(s) for s in (m.surface, *m.surfaces)))
