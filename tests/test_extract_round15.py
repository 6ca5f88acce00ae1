"""Round 15: what the blind sets miss again and again, and blind24's field vocabulary (docs/gazetteer.md,
"Round 15"), with the real sentences and the readings that must stay out."""
from __future__ import annotations

import pytest

from tests.extraction import paper_methods


def keys(abstract, category="cs.LG", title="A study"):
    return {m.key for m in paper_methods(title, abstract, category)}


@pytest.mark.parametrize(("abstract", "key"), [
    # the stages a contrastive objective trains are contrastive learning (blind16, 21, 22)
    ("The model adds a cross-modal contrastive alignment strategy to enhance multimodal features.", "contrastive-learning"),
    ("Both encoders are contrastively fine-tuned on the paired corpus.", "contrastive-learning"),
    ("We pretrain with contrastive training on 1M pairs.", "contrastive-learning"),
    # a diffusion model that plans (blind24)
    ("The policy is compared with a diffusion planner that samples whole trajectories.", "diffusion-model"),
    # multiword forms of the statistics entries (blind20, 23, 24; blind17, 23)
    ("We report 95% bootstrap CIs over five seeds.", "bootstrap"),
    ("Attribution relies on a Shapley analysis of the input tokens.", "shapley-value"),
    ("We fit a semantic-aware mixed-effects regression to the ratings.", "mixed-effects-model"),
    ("The inverse problem is solved by a Tikhonov-regularized least-squares fit.", "ridge-regression"),
    ("We revisit the problem from an information bottleneck perspective.", "information-bottleneck"),
    # fusion strategies with an established name
    ("We compare early fusion with late fusion of the audio and video streams.", "early-fusion"),
    ("We compare early fusion with late fusion of the audio and video streams.", "late-fusion"),
    # field vocabulary of blind24
    ("The decay widths are computed in the quark-pair-creation model.", "quark-pair-creation-model"),
    ("Masses follow from the screened Godfrey-Isgur model.", "godfrey-isgur-model"),
    ("Corrections are obtained in perturbation theory at second order.", "perturbation-theory"),
    ("We derive the full counting statistics of the emitted photons.", "full-counting-statistics"),
    ("The memory kernel follows from the Mori-Zwanzig formalism.", "mori-zwanzig-formalism"),
    ("Response functions are computed with the Sternheimer method.", "sternheimer-method"),
    ("We benchmark range-separated hybrids against global hybrid functionals.", "range-separated-hybrid"),
    ("Networks of exponential integrate-and-fire neurons reproduce the rhythm.", "integrate-and-fire"),
    ("We measure the phase response curve (PRC) of the oscillator network.", "phase-response-curve"),
    ("R peaks are located with the Pan-Tompkins algorithm.", "pan-tompkins"),
    ("The firmware implements frequency hopping to resist jamming.", "spread-spectrum"),
    ("Vulnerabilities are found by querying code property graphs of the binaries.", "code-property-graph"),
    ("Concept lattices are built with Formal Concept Analysis (FCA).", "formal-concept-analysis"),
    ("A parameter-free nearest-centroid classifier assigns the calls.", "nearest-centroid"),
    ("Hawking radiation is derived with the Hamilton-Jacobi tunneling method.", "hamilton-jacobi-tunneling"),
])
def test_recurring_and_field_vocabulary(abstract, key):
    assert key in keys(abstract)


@pytest.mark.parametrize(("abstract", "key"), [
    # a bottleneck that is a bottleneck, not the method (../shared/corpus)
    ("Pooling over all tokens avoids breaking the information bottleneck in EOS-based sequence embeddings.",
     "information-bottleneck"),
    ("The results suggest that current world models form an information bottleneck.", "information-bottleneck"),
    # a contrastive objective is not every "-ive" word before "training"
    ("We study the effect of progressive training on stability.", "contrastive-learning"),
    # the variational information bottleneck stays a method of its own
    ("A variational information bottleneck mitigates overconfident predictions.", "information-bottleneck"),
])
def test_readings_that_stay_out(abstract, key):
    assert key not in keys(abstract)
