"""Round 16: blind25's misses (docs/gazetteer.md, "Round 16"): model ids as APIs write them, short forms of known
entries and the field vocabulary of 2026-09-15, with the readings that must stay out."""
from __future__ import annotations

import pytest

from tests.extraction import paper_methods


def keys(abstract, category="cs.LG"):
    return {m.key for m in paper_methods("A study", abstract, category)}


@pytest.mark.parametrize(("abstract", "key"), [
    # a lower-case model id with a tier and a version names the family even when the family word is ambiguous
    ("Most models attach quotes to their claims, apart from lightweight models such as claude-haiku-4.5.", "claude"),
    ("We evaluate llama-3.1-8b on the benchmark.", "llama"),
    ("Truncation samplers such as top-p and min-p discard the least probable tokens.", "nucleus-sampling"),
    ("Retrieval augmentation, fine-tuning, and external verifiers require new infrastructure.",
     "retrieval-augmented-generation"),
    ("Kernel ridge regression with cross-validated bandwidths beats the RBF kernel.", "cross-validation"),
    ("A closed-form reformulation replaces the force-directed placement of the original.", "force-directed-layout"),
    ("A sequential optimizer such as COBYLA spends one job per function evaluation.", "cobyla"),
    ("We compare a batched pattern search with gradient descent.", "pattern-search"),
    ("The spectrum follows from the algebraic Bethe ansatz.", "bethe-ansatz"),
    ("An external language model is integrated through shallow fusion.", "shallow-fusion"),
    ("Large circuits are split into fragments by circuit cutting.", "circuit-cutting"),
    ("AeRot outperforms tuned RBF and Matern-5/2 kernels.", "matern-kernel"),
    ("Structured quantum kernels are evaluated on chaotic time series.", "quantum-kernel"),
    ("A linear stability analysis of the fixed point gives the threshold.", "linear-stability-analysis"),
    ("Attention uses relative positional encodings instead of absolute ones.", "relative-positional-encoding"),
    ("Communities are found with the Ollivier-Ricci flow of the graph.", "ollivier-ricci-curvature"),
])
def test_blind25_vocabulary(abstract, key):
    assert key in keys(abstract)


@pytest.mark.parametrize(("abstract", "key"), [
    ("A llama grazes on the hill above the observatory.", "llama"),
    ("We perform a direct search for dark matter with the detector.", "pattern-search"),
    ("The deep fusion of audio and video features helps.", "shallow-fusion"),
])
def test_readings_that_stay_out(abstract, key):
    assert key not in keys(abstract, "hep-ex")
