"""Extraction rules of round 10 (docs/gazetteer.md, "Round 10"), each with the real sentence that showed it
and the case it must leave alone."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.text import clean_text
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def found(nlp, title, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title=title, abstract=abstract)], nlp=nlp)
    return {m.key: m for m in e.methods}


@pytest.mark.parametrize(("raw", "clean"), [
    ("we propose RobSelf--a fully self-supervised model", "we propose RobSelf\u2014a fully self-supervised model"),
    ("the recent release of nanochat -- a family of small LLMs", "the recent release of nanochat \u2014 a family of small LLMs"),
    ("a hybrid CNN---Transformer", "a hybrid CNN\u2014Transformer"),
    ("the Kirchhoff--Love theory", "the Kirchhoff-Love theory"),
    ("Vision--Language Models", "Vision-Language Models"),
    ("gains of 30--40 points on 3B--7B models", "gains of 30-40 points on 3B-7B models"),
])
def test_latex_dashes_are_hyphens_between_names_and_numbers_and_dashes_elsewhere(raw, clean):
    assert clean_text(raw) == clean


def test_a_name_glued_to_a_dash_ends_there(nlp):
    got = found(nlp, "Robust guided super-resolution",
                "To address this challenge, we propose RobSelf--a fully self-supervised model that is optimized online.")
    assert "robself" in got and got["robself"].proposed
    assert not any(key.startswith("robselfa") for key in got)


def test_an_en_dash_joins_an_eponym(nlp):
    got = found(nlp, "Nonlinear flow", "We apply the Metropolis--Hastings algorithm to sample the posterior.")
    assert got["metropolis-hastings"].surfaces == ("Metropolis-Hastings algorithm",)


def test_a_term_glued_to_a_known_name_is_a_hybrid_of_both(nlp):
    got = found(nlp, "Crack segmentation", "Experiments use an established hybrid CNN--Transformer segmentation backbone.")
    assert {"convolutional-neural-network", "transformer"} <= set(got)
    plain = found(nlp, "Crack segmentation", "We use a hybrid CNN-Transformer backbone.")
    assert {"convolutional-neural-network", "transformer"} <= set(plain)


def test_a_term_glued_to_an_ordinary_word_stays_inside_the_compound(nlp):
    assert "supervised-fine-tuning" not in found(nlp, "A study", "We apply render-supervised fine-tuning to the decoder.")


def test_a_one_word_title_head_the_abstract_never_uses_is_the_papers_name(nlp):
    got = found(nlp, "Skullptor: High Fidelity 3D Head Reconstruction in Seconds with Multi-View Normal Prediction",
                "Reconstructing high-fidelity 3D head geometry from images is critical. We bridge this gap with a hybrid "
                "approach that combines the strengths of both paradigms.")
    assert "skullptor" in got and got["skullptor"].in_title


@pytest.mark.parametrize(("title", "abstract"), [
    ("Hippocampus: Replay Shapes Memory Consolidation", "We record hippocampal activity during sleep in rats."),
    ("Surgery: Learning from Operating Room Video", "Surgical video understanding needs temporal models."),
    ("Position: Agents Need Memory", "We argue that agents need an explicit memory."),
])
def test_a_title_head_the_abstract_uses_in_some_form_or_a_genre_word_is_no_name(nlp, title, abstract):
    head = title.split(":")[0].lower()
    assert head not in found(nlp, title, abstract)
