"""The domain lexicon's field sections (kg/data/methods_domain.yaml): game theory and social choice,
coding and communications, cryptographic protocols, numerics, statistics, astrophysical simulation,
graphics. Sentences are abridged from real abstracts; the negative cases are real phrases that
share words with an entry but do not name the method (found in a precision check over winter/)."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def keys(nlp, abstract: str) -> set[str]:
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title="A study", abstract=abstract)], nlp=nlp)
    return {m.key for m in e.methods}


@pytest.mark.parametrize("text,expected", [
    # voting rules, mechanisms, game models
    ("Copeland and Borda both achieve at most this distortion, while Random Dictator has distortion Theta(m).",
     {"copeland-method", "borda-count", "random-dictatorship"}),
    ("Common apportionment methods include divisor sequence methods (like D'Hondt or Sainte-Laguë), "
     "the largest-remainder method, and first-past-the-post.",
     {"divisor-method", "dhondt-method", "sainte-lague-method", "largest-remainder-method", "first-past-the-post"}),
    ("Several voting rules are known to satisfy it (such as IRV and Ranked Pairs).", {"instant-runoff-voting", "ranked-pairs"}),
    ("The outcome is usually obtained by the Deferred Acceptance (DA) algorithm with random tie-breaking.",
     {"deferred-acceptance"}),
    ("Every Pareto-optimal mechanism is a second-price auction with a reserve.", {"second-price-auction"}),
    ("We solve this Stackelberg game by characterizing the user best response.", {"stackelberg-game"}),
    ("FTRL can take exponential time; fictitious play and multiplicative weights update are slower still.",
     {"follow-the-regularized-leader", "fictitious-play", "multiplicative-weights-update"}),
    # coding, communications, cryptography
    ("We design a multi-access coded caching scheme and compare it with polynomial codes.", {"coded-caching", "polynomial-codes"}),
    ("We adapt the Koetter-Vardy soft-decision decoding algorithm to Reed-Solomon codes.", {"koetter-vardy"}),
    ("A one-out-of-two oblivious transfer protocol; sender privacy follows from privacy amplification.",
     {"oblivious-transfer", "privacy-amplification"}),
    ("We decouple the problem by using the weighted minimum mean square error (WMMSE) algorithm.", {"weighted-mmse"}),
    ("verifying model weights with zero-knowledge proofs (ZKPs)", {"zero-knowledge-proof"}),
    # numerics, quantum chemistry, astrophysics, statistics, graphics
    ("Numerical integrators like implicit Euler and BDF2; symplectic methods like implicit midpoint conserve energy.",
     {"euler-method", "linear-multistep-method", "symplectic-integrator", "midpoint-method"}),
    ("a hybrid strategy combining the Variational Quantum Eigensolver with Multiconfiguration Pair-Density Functional Theory",
     {"variational-quantum-eigensolver", "mc-pdft"}),
    ("Halo catalogues from a friends-of-friends algorithm are populated with a halo occupation distribution.",
     {"friends-of-friends", "halo-occupation-distribution"}),
    ("Rankings follow the Plackett-Luce model; experiments use Mallows model profiles.", {"plackett-luce-model", "mallows-model"}),
    ("Existing methods rely on linear blend skinning and as-rigid-as-possible deformation.",
     {"linear-blend-skinning", "as-rigid-as-possible"}),
])
def test_field_methods_are_found(nlp, text, expected):
    assert expected <= keys(nlp, text)


@pytest.mark.parametrize("text,absent", [
    ("establishing itself as a versatile and robust optimization framework", "robust-optimization"),
    ("a Chairman Agent that implements rubric-aligned logic including veto rules and score capping", "veto-rule"),
    ("2D frontalization (CFR-GAN) and feature enhancement (CodeFormer)", "counterfactual-regret-minimization"),
    ("we propose Visually Non-Salient SAM (VNS-SAM)", "variable-neighborhood-search"),
    ("Evaluating 3D understanding through multi-view correspondence analysis", "multiple-correspondence-analysis"),
    ("we learn a system dynamics model for model-based control", "system-dynamics-model"),
    ("an aggregated plurality vote over the sampled answers", "plurality-voting"),
    ("the HTML and CSS code of the page", "stabilizer-code"),
])
def test_ordinary_phrases_are_not_field_methods(nlp, text, absent):
    assert absent not in keys(nlp, text)
