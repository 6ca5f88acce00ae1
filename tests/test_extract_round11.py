"""Extraction rules of round 11 (docs/gazetteer.md, "Round 11"): field vocabulary for robotics/control, lattice
physics and cosmology, and one-word ambiguous names inside another capitalised name. Each with the real sentence
(from blind19, papers of March 2026 from other forks) and the case it must leave alone."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def keys(nlp, title, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2603.00009", title=title, abstract=abstract)], nlp=nlp)
    return {m.key for m in e.methods}


def test_a_word_of_a_detector_name_is_not_the_optimizer(nlp):
    got = keys(nlp, "Recent electroweak measurements from the CMS experiment",
               "Recent measurements of electroweak phenomena from the Compact Muon Solenoid (CMS) experiment at the "
               "Large Hadron Collider are summarized.")
    assert "muon-optimizer" not in got


def test_the_optimizer_itself_and_title_case_titles_still_count(nlp):
    assert "muon-optimizer" in keys(nlp, "Faster pretraining", "We train the network with the Muon optimizer and "
                                    "report lower loss than AdamW.")
    # a title set in title case has no prose around the name
    assert "reflexion" in keys(nlp, "When Does Reflexion Help Small Models",
                               "We study how agents critique each other's answers over several rounds.")


@pytest.mark.parametrize(("title", "abstract", "key"), [
    ("Trajectory generation for legged robots",
     "We combine a learned prior with physics-constrained trajectory optimization to produce feasible motions.",
     "trajectory-optimization"),
    ("Heliospheric structure",
     "Here, we use a state-of-the-art multi-ion magnetohydrodynamic (MHD) model and a novel reconnection simulation.",
     "mhd-simulation"),
    ("Experimental aspects of the Quantum Tomography of tau lepton pairs at a Higgs factory collider",
     "We study the reconstruction of spin correlations.", "quantum-state-tomography"),
    ("Quark potentials in magnetic fields",
     "Using quark-antiquark potentials obtained from lattice simulations as inputs to a quark potential model, we "
     "investigate how the anisotropic confinement affects the meson spectrum.", "lattice-simulation"),
    ("Red-Teaming Vision-Language-Action Models via Quality Diversity Prompt Generation",
     "We generate diverse adversarial instructions.", "quality-diversity"),
])
def test_field_vocabulary(nlp, title, abstract, key):
    assert key in keys(nlp, title, abstract)


def test_pade_resummation_is_the_pade_approximant(nlp):
    got = keys(nlp, "Quasinormal modes at higher orders",
               "The accuracy of the code was enhanced through the use of Padé resummation.")
    assert any("pad" in k for k in got)


def test_a_plain_name_a_verb_of_use_puts_before_a_method_appositive(nlp):
    got = keys(nlp, "Connecting JWST Silicate Cloud Observations to Exoplanet Cloud Microphysics with Nimbus",
               "To bridge this gap, we developed Nimbus, a fast microphysical cloud model that can constrain cloud "
               "formation processes from observations and utilize Virga, an equilibrium condensation model balancing "
               "gravitational settling and diffusion.")
    assert {"nimbus", "virga"} <= got


@pytest.mark.parametrize("abstract", [
    # a place to run methods in is no method
    "We evaluate agents using Concordia, a natural language multi-agent simulation environment.",
    # no verb of use: a capitalised word before an appositive is as often a place or a person
    "Observations from Chile, a site with a dry atmosphere, constrain the model.",
])
def test_plain_names_need_the_verb_and_a_method_appositive(nlp, abstract):
    assert not ({"concordia", "chile"} & keys(nlp, "An evaluation", abstract))


# ---- second part: the fields of blind20 (2026-05-12)

@pytest.mark.parametrize(("raw", "clean"), [
    ("the minimal relativistic mean--field framework", "the minimal relativistic mean-field framework"),
    ("byte--pair encoding", "byte-pair encoding"),
    ("we propose RobSelf--a fully self-supervised model", "we propose RobSelf\u2014a fully self-supervised model"),
    ("ProbTree--within a budget", "ProbTree\u2014within a budget"),
    ("strong models--including GPT-4o", "strong models\u2014including GPT-4o"),
    ("the agent--remains robust", "the agent\u2014remains robust"),
])
def test_a_latex_dash_between_lower_case_words_is_a_hyphen_unless_a_clause_follows(raw, clean):
    from kg.extract.text import clean_text

    assert clean_text(raw) == clean


def test_a_suspended_hyphen_shares_any_suffix_an_entry_has(nlp):
    got = keys(nlp, "Uplift modelling", "It recovers heterogeneous treatment effects substantially better than S-, T-, "
               "X-, and DR-learner meta-learners and a Causal Forest baseline.")
    assert {"s-learner", "t-learner", "x-learner", "dr-learner"} <= got


def test_sis_is_not_sir(nlp):
    got = keys(nlp, "Epidemics on higher-order networks",
               "We analyse the Susceptible-Infected-Susceptible model with a heterogeneous mean-field approach.")
    assert {"sis-model", "heterogeneous-mean-field"} <= got and "sir-model" not in got


@pytest.mark.parametrize(("abstract", "key"), [
    ("MARGIN learns vulnerability representations through adaptive margin metric learning.", "metric-learning"),
    ("Fuzzers and static analyzers find many bugs; we study agentic fuzzing.", "fuzzing"),
    ("We combine evidence with a probabilistic noisy-OR framework.", "noisy-or"),
    ("The key is generated from a logistic map seeded by the image.", "logistic-map"),
    ("We apply STRIDE threat modelling to the agent's tool calls.", "stride-threat-modeling"),
])
def test_field_vocabulary_of_blind20(nlp, abstract, key):
    assert key in keys(nlp, "A study", abstract)


def test_noisy_or_needs_its_capitals(nlp):
    assert "noisy-or" not in keys(nlp, "Robust estimation", "The labels are noisy or incomplete in most datasets.")
