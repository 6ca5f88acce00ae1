"""Proposed-name discovery: software, instruments and data products are not methods; what a paper
says a name is beats how it ends; "Long Form (ACR)-Suffix" names the suffixed acronym."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.filters import appositive_kind
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def found(nlp, title, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title=title, abstract=abstract)], nlp=nlp)
    return {m.key: m for m in e.methods}, {d.key for d in e.datasets}


@pytest.mark.parametrize("after,kind", [
    (", an open-source Python package for fitting spectra", "product"),
    (", the third data release of the mission", "product"),
    (", a release engineering pipeline that runs agents", "method"),  # a method noun wins
    (", a benchmark of 500 tasks", "dataset"),
])
def test_appositive_kinds(after, kind):
    assert appositive_kind(after) == kind


@pytest.mark.parametrize("title,abstract", [
    ("SciPyX: A Python Package for Spectral Fitting", "We present SciPyX, an open-source Python package for fitting spectra."),
    ("Gaia DR3: Data Release", "We present Gaia DR3, the third data release of the Gaia mission."),
])
def test_software_and_data_products_are_not_proposed_methods(nlp, title, abstract):
    assert found(nlp, title, abstract)[0] == {}


def test_a_name_the_paper_calls_a_method_is_not_a_dataset_by_its_ending(nlp):
    methods, datasets = found(nlp, "A study", "We propose RouteArena, a method for routing queries between models.")
    assert "routearena" in methods and methods["routearena"].proposed and "routearena" not in datasets


def test_long_form_acronym_suffix(nlp):
    methods, _ = found(nlp, "A study", "We propose Masked Motion Modeling (MMM)-Net for forecasting. MMM-Net is fast.")
    (m,) = methods.values()
    assert m.proposed and m.name.startswith("MMM-Net") and "MMM-Net" in m.surfaces


@pytest.mark.parametrize("abstract,names", [
    ("Experiments show that DriveVGGT outperforms VGGT, StreamVGGT and fastVGGT on driving scenes.", {"streamvggt", "fastvggt", "vggt"}),
    ("Our agent beats leading baselines (e.g., OpenEvolve, ShinkaEvolve) by 60%.", {"openevolve", "shinkaevolve"}),
    ("The detector is built upon the pretrained StreamPETR model.", {"streampetr"}),
    ("We add a C2f-DSConv module to the neck.", {"c2fdsconv"}),
    # a coded prefix glued to a known model names another model (MedProbCLIP abstract, Feb 2026)
    ("MedProbCLIP outperforms baselines, including CLIP, CXR-CLIP, and PCME++, in retrieval.", {"clip", "cxrclip", "pcme++"}),
])
def test_names_a_paper_compares_with_or_builds_on_are_mentions(nlp, abstract, names):
    methods, _ = found(nlp, "A study", abstract)
    assert names <= set(methods) and not any(methods[n].proposed for n in names)


@pytest.mark.parametrize("abstract", [
    "It outperforms the baseline on XML and ISO inputs.",  # short capitals: formats, bodies
    "Our method is better than non-LLM pipelines.",  # a paradigm with a modifier
    "Results improve over 10K samples and 7B parameters.",  # sizes
    "Robustness exceeds that of PhysGame-tuned agents compared to Goal-by-Environment ones.",
])
def test_comparison_cues_do_not_make_words_methods(nlp, abstract):
    assert found(nlp, "A study", abstract)[0] == {}


def test_a_plain_word_glued_to_a_known_name_leaves_it_to_the_gazetteer(nlp):
    methods, _ = found(nlp, "A study", "It outperforms Vanilla-GRPO and ResNet-50 baselines.")
    assert set(methods) == {"grpo", "resnet"}


def test_by_introducing_is_a_proposal(nlp):
    methods, _ = found(nlp, "A study", "We tackle this challenge by introducing Mimic2DM, a novel motion imitation framework.")
    assert methods["mimic2dm"].proposed


@pytest.mark.parametrize("abstract,names", [
    # a new model stands beside known ones in a list (real abstracts, Feb 2026)
    ("We investigate the data underlying the popular VLMs OpenCLIP, LLaVA-1.5 and Molmo through pragmatics.",
     {"clip", "llava", "molmo"}),
    ("Baselines are GPT-4o, Voxtral and Qwen2.5-Omni.", {"gpt-4o", "voxtral", "qwen"}),
])
def test_an_unknown_name_listed_beside_a_known_model_is_a_model(nlp, abstract, names):
    methods, _ = found(nlp, "A study", abstract)
    assert names <= set(methods) and not any(methods[n].proposed for n in names)


@pytest.mark.parametrize("abstract", [
    "However, GPT-4o fails on long inputs.",               # a sentence starts there
    "We feed Audio tokens and GPT-4o outputs to the decoder.",  # a capitalised word qualifying a noun
    "We compare GPT-4o and Humans on the task.",           # a listed non-model word
    "Audio matters: we pair audio with GPT-4o, and Audio, too.",  # the paper writes it as a plain word
])
def test_list_mates_need_a_name_not_a_word(nlp, abstract):
    methods, _ = found(nlp, "A study", abstract)
    assert set(methods) <= {"gpt-4o"}


def test_beside_an_architecture_only_a_coined_name_is_listed(nlp):
    methods, _ = found(nlp, "A study", "We compare ResNet, GhostNetV9, Sparrow and PNG inputs.")
    assert set(methods) == {"resnet", "ghostnetv9"}
