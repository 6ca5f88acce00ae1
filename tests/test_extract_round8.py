"""Extraction rules of round 8 (docs/gazetteer.md, "Round 8"), each with the real sentence that showed it
(blind sets 14-16) and the case it must leave alone."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.gazetteer import load_gazetteer
from kg.extract.text import content_signature, same_long_form
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def found(nlp, title, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title=title, abstract=abstract)], nlp=nlp)
    return {m.key: m for m in e.methods}


def test_multiple_instance_and_ensemble_learning_are_methods_not_paradigms(nlp):
    """Rule 3 names learning techniques; the rules' optional paradigms do not list these two."""
    gaz = load_gazetteer()
    assert not gaz.is_generic("multiple instance learning") and not gaz.is_generic("MIL")
    got = found(nlp, "Prototype-driven fusion for survival prediction",
                "Whole slide images (WSIs) enable weakly supervised prognostic modeling via multiple instance learning (MIL). "
                "We combine ensemble learning with bio-inspired optimisation.")
    assert {"multiple-instance-learning", "ensemble-learning"} <= set(got)


def test_a_participle_long_form_signs_like_its_noun():
    """"supervised fine-tuned (SFT)" is supervised fine-tuning; short words keep their ending."""
    assert same_long_form("supervised fine-tuned", "supervised fine-tuning")
    assert content_signature("pooled features") == content_signature("pooling features")
    assert content_signature("red bed") == {"red", "bed"}
    assert not same_long_form("Spatial Attention Mechanism", "Segment Anything Model")


def test_a_definition_in_an_inflected_form_joins_the_known_method(nlp):
    got = found(nlp, "TCM-DiffRAG: Syndrome Differentiation Reasoning",
                "TCM-DiffRAG outperformed directly supervised fine-tuned (SFT) LLMs and other benchmark RAG methods. "
                "Differentially private (DP) synthetic data generation plays a pivotal role.")
    assert {"supervised-fine-tuning", "differential-privacy"} <= set(got)


def test_a_definition_before_a_head_noun_names_the_headed_method(nlp):
    """"a Spectral-Evolution-Aware (SEA) filter": the method is the SEA filter (an alias with the head)."""
    got = found(nlp, "Spectral reuse for diffusion transformers",
                "Through theoretical and empirical analysis, we derive a Spectral-Evolution-Aware (SEA) filter that "
                "preserves content-relevant components while suppressing noise.")
    (m,) = [m for m in got.values() if "SEA" in m.name]
    assert "Spectral-Evolution-Aware filter" in m.aliases
    # a long form that has its head already gains nothing: "Dynamic Layer Selection (DLS) strategy" is fine,
    # "Region Extraction Network (REN) module" keeps its own name
    got = found(nlp, "A detector", "We design a Region Extraction Network (REN) module that finds boxes.")
    assert all("module" not in a for m in got.values() for a in m.aliases)


def test_steps_told_in_order_and_appositive_components_are_the_papers_parts(nlp):
    got = found(nlp, "Precedent informed reasoning",
                "PIR addresses two key challenges. First, Adaptive Precedent Selection (APS) constructs, for each question, "
                "a compact set of precedents. Second, Test-time Experience Internalization (TEI) is treated as test-time learning.")
    assert {"adaptiveprecedentselection", "testtimeexperienceinternalization"} <= set(got)
    got = found(nlp, "LitePath: a lightweight pathology model",
                "We present LiteFM, distilled from three large PFMs, and the Adaptive Patch Selector (APS), a lightweight "
                "component for task-specific patch selection.")
    assert got["adaptivepatchselector"].proposed
    # an ordinal before a task, a metric or data is no step of a method
    got = found(nlp, "A study", "First, Electronic Health Records (EHRs) contain notes. Second, the Mean Absolute Error (MAE) drops.")
    assert not any("ehr" in k or "meanabsolute" in k for k in got)


def test_a_model_named_with_its_parameter_count_is_a_model(nlp):
    got = found(nlp, "Persian clinical notes",
                "This study evaluates a pipeline combining Aya-expanse-8B as a translation model with small models. "
                "The best Korean-specialized model (VARCO-VISION-2.0-14B) only reaches 43.2%, and Qwen2.5-7B-Instruct more. "
                "We train on SA-1B and MS-Celeb-1M.")
    names = {m.name for m in got.values()}
    assert {"Aya-expanse-8B", "VARCO-VISION"} <= names  # the family when it is a coined spelling
    assert "qwen" in got and not any("SA-1B" in n or "Celeb" in n for n in names)  # the gazetteer's, and datasets


def test_a_gain_over_names_is_a_comparison(nlp):
    got = found(nlp, "Entropy control for RL",
                "It achieves an average performance improvement of 7.13\\% over GRPO, 20-Entropy and JustRL, "
                "and a 3% gain over SotA.")
    assert "justrl" in got and not any("sota" in k for k in got)
