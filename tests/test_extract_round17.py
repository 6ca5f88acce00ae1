"""Round 17: the mined lexicon of the physical sciences (bench/lexicon/, docs/gazetteer.md "Round 17") and the
theories and events a physics paper studies, which are not methods."""
from __future__ import annotations

import pytest

from kg.extract.filters import is_designation
from tests.extraction import paper_methods


def names(title, abstract, category="hep-ph"):
    return {n for m in paper_methods(title, abstract, category) for n in (m.name, m.key)}


@pytest.mark.parametrize(("title", "abstract"), [
    ("Axial-anomaly effects in holographic QCD", "We study the chiral phase structure in a soft-wall holographic QCD model."),
    ("Top-quark couplings", "Deviations from the Standard-Model (SM) are probed with top quarks at the LHC."),
    ("Spin precession in GW190412", "We reanalyse GW190412 with a precessing waveform model."),
])
def test_theories_and_events_are_not_methods(title, abstract):
    got = names(title, abstract)
    assert not {"QCD", "qcd", "SM (Standard-Model)", "GW190412", "standardmodel"} & got


def test_gravitational_wave_events_are_designations():
    assert is_designation("GW190412") and is_designation("GW200129_065458") and is_designation("S230529ay")
    assert not is_designation("GWNet") and not is_designation("S4")


@pytest.mark.parametrize(("abstract", "key", "category"), [
    ("The cavity output is read out with balanced homodyne detection.", "homodyne-detection", "quant-ph"),
    ("The reduced dynamics follows a Lindblad master equation.", "lindblad-master-equation", "quant-ph"),
    ("We derive the decay widths in chiral perturbation theory (ChPT).", "chiral-perturbation-theory", "hep-ph"),
    ("The fast dynamics is removed by a shortcut to adiabaticity.", "shortcut-to-adiabaticity", "quant-ph"),
    ("Distances follow from the tip of the red giant branch (TRGB) method.", "tip-of-the-red-giant-branch-method",
     "astro-ph.GA"),
    ("Gene Ontology enrichment analysis highlights immune pathways.", "gene-ontology-enrichment-analysis", "q-bio.GN"),
    ("The master integrals are reduced by integration-by-parts reduction.", "integration-by-parts-reduction", "hep-ph"),
    # round 18: more days of the same forks
    ("Dissipative corrections follow Israel-Stewart theory.", "israel-stewart-theory", "nucl-th"),
    ("Networks of Hodgkin-Huxley models reproduce the bursts.", "hodgkin-huxley-model", "q-bio.NC"),
    ("The correlators are evaluated with Wick's theorem.", "wick-s-theorem", "hep-th"),
    ("Robustness is improved by Gaussian noise injection during training.", "noise-injection", "cs.LG"),
])
def test_mined_field_vocabulary(abstract, key, category):
    assert key in names("A study", abstract, category)


@pytest.mark.parametrize(("abstract", "category"), [
    ("The retarded Green's function of the field is computed in closed form.", "hep-th"),  # the function, not a method
    ("Pulsar timing arrays constrain the background at nanohertz frequencies.", "astro-ph.HE"),  # observations
])
def test_reviewed_out_of_the_lexicon(abstract, category):
    got = names("A study", abstract, category)
    assert not {"green-s-function-method", "pulsar-timing"} & got


def test_one_word_spellings_of_mined_entries_stay_out():
    # "homodyne" alone and "Lindblad" alone name many things: only the multiword forms were taken
    got = names("A study", "A homodyne receiver and a Lindblad operator are discussed.", "quant-ph")
    assert not {"homodyne-detection", "lindblad-master-equation"} & got
