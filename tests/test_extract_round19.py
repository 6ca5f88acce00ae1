"""Round 19: the mined lexicon of the cs digests (bench/lexicon/, docs/gazetteer.md "Round 19"), the problem name of a
mathematical program and discourse words at a sentence start."""
from __future__ import annotations

import pytest

from kg.extract.matching import head_variants
from tests.extraction import paper_methods


def keys(title, abstract, category="cs.LG"):
    return {m.key for m in paper_methods(title, abstract, category)}


@pytest.mark.parametrize(("abstract", "key", "category"), [
    # mined from winter/ (never a blind or dev paper)
    ("Representations are compared layer by layer with centered kernel alignment (CKA).", "centered-kernel-alignment",
     "cs.LG"),
    ("We replace LayerNorm by Dynamic Tanh (DyT) in every block.", "dynamic-tanh", "cs.LG"),
    ("The student is trained with deep mutual learning between two peers.", "deep-mutual-learning", "cs.CV"),
    ("Training data are enlarged with counterfactual data augmentation.", "counterfactual-data-augmentation", "cs.CL"),
    ("A fully polynomial-time approximation scheme (FPTAS) solves the knapsack variant.",
     "fully-polynomial-time-approximation-scheme", "cs.DS"),
    ("The depth prior comes from IGEV-Stereo and the tracker from Trackformer.", "igev-stereo", "cs.CV"),
    ("Interview transcripts were coded by reflexive thematic analysis.", "thematic-analysis", "cs.HC"),
    # blind29 vocabulary
    ("Loop integrands are built with spinor-helicity techniques.", "spinor-helicity-formalism", "hep-th"),
    ("Population parameters follow from hierarchical Bayesian inference.", "bayesian-hierarchical-model", "astro-ph.HE"),
])
def test_mined_methods_are_found(abstract, key, category):
    assert key in keys("A study", abstract, category)


def test_a_mathematical_program_names_its_programming_method():
    # the generated head variant: "programming" -> "program(s)", never listed by hand
    assert "semidefinite program" in head_variants("semidefinite programming", "optimization")
    assert "semidefinite-programming" in keys("Bounds", "The bound is certified by a semidefinite program.", "math.OC")
    assert "linear-programming" in keys("Routing", "We solve a sequence of linear programs.", "cs.DS")


@pytest.mark.parametrize("abstract", [
    "Yet sampling-based demonstrations are often difficult to verify.",
    "Thus sampling-based planners remain slow in clutter.",
    "However, filter-based defenses fail under adaptive attacks.",
])
def test_a_discourse_word_at_a_sentence_start_is_no_name(abstract):
    got = keys("Verification", abstract, "quant-ph")
    assert not {"yetsampling", "thussampling", "howeverfilter"} & got, got


def test_a_capitalised_name_at_a_sentence_start_still_counts():
    # the same position with an eponym keeps the usage pattern's name
    assert "gibbs-sampling" in keys("Inference", "Gibbs sampling-based inference is run for 1000 sweeps.", "stat.ML")


def test_generic_intervention_prose_is_no_method():
    # "inference-time interventions" is prose in most papers (review-2026-12-07c.tsv skips it)
    assert not any("intervention" in k for k in keys("Steering", "We study inference-time interventions on LLMs."))
