"""Round 21 (docs/gazetteer.md "Round 21"): what blind32 and blind33 (upstream cs digests of 2026-03..06) found
missing. Long forms whose words spell the acronym by their initials, a glued component noun or an appositive
that says "method" over a task-like tail, a system the paper proposes, a model's product written with a space."""
from __future__ import annotations

import pytest

from kg.extract.acronyms import find_definitions
from kg.extract.matching import acronym_variants
from tests.extraction import paper_methods


def methods(title, abstract, category="cs.CV"):
    return {m.key: m for m in paper_methods(title, abstract, category)}


def long_forms(text):
    return {d.short: d.long for d in find_definitions(text)}


@pytest.mark.parametrize(("text", "short", "long"), [
    # Schwartz-Hearst alone takes the shortest spelling: "Energy Regularization" gives E, E, R
    ("a penalty on the field -- Elastic Energy Regularization (EER) -- reduces the gap", "EER",
     "Elastic Energy Regularization"),
    ("We use Proximal Policy Optimization (PPO) as the learner.", "PPO", "Proximal Policy Optimization"),
    ("samples are independent and identically distributed (IID) draws", "IID", "independent and identically distributed"),
    # a hyphenated word gives the initial of each part, or one for the whole
    ("each block is followed by a feed-forward network (FFN) layer", "FFN", "feed-forward network"),
    ("we build Semantics-specific Dual-path Representation (SDR) features", "SDR",
     "Semantics-specific Dual-path Representation"),
    # unchanged where the initials do not spell it, or already did
    ("a Multi-Head Attention (MHA) block", "MHA", "Multi-Head Attention"),
    ("we fine-tune with Low-Rank Adaptation (LoRA) adapters", "LoRA", "Low-Rank Adaptation"),
    ("Group Relative Policy Optimization (GRPO) is used", "GRPO", "Group Relative Policy Optimization"),
    # a long form never starts with the hyphen of a LaTeX prefix
    ("are applicable for (ε,0)-local differential private (LDP) mechanisms", "LDP",
     "local differential private"),
])
def test_a_long_form_is_the_words_whose_initials_spell_the_acronym(text, short, long):
    assert long_forms(text)[short] == long


def test_a_definition_with_a_task_tail_is_a_method_when_the_appositive_says_so():
    got = methods("Few-shot pose event spotting", "We propose two strategies: Adaptive Weight Distillation (AWD), "
                  "a prediction-level method, and Annealed Multimodal Distillation for Few-Shot Event Detection "
                  "(AMD-FED), a representation-level framework that transfers skeleton knowledge.")
    assert "annealedmultimodaldistillationforfewshoteventdetection" in got, got.keys()


@pytest.mark.parametrize("abstract", [
    # a glued noun is no appositive: a framework for the task, not a named method
    "Prior Multimodal Emotion Recognition (MER) frameworks fuse audio and video.",
    "Most work on Multimodal Emotion Recognition (MER), a task of growing interest, fuses audio.",
])
def test_a_task_stays_a_task_without_an_appositive_method_noun(abstract):
    got = methods("Emotion study", abstract)
    assert not any(k.startswith("multimodalemotionrecognition") for k in got), got.keys()


def test_a_glued_component_noun_heads_a_task_like_long_form():
    got = methods("Consistent 3D segmentation", "We propose a cascaded contrastive learning strategy. A Consistent "
                  "Segmentation Detection (CSD) mechanism and a graph-based denoising module are further introduced "
                  "to align segments.")
    assert "consistentsegmentationdetection" in got, got.keys()


def test_a_challenge_in_apposition_is_a_problem_not_a_method():
    got = methods("Enhancing CVRP solvers", "The Capacitated Vehicle Routing Problem (CVRP), a fundamental "
                  "combinatorial optimization challenge, focuses on fleet operations.", "cs.AI")
    assert not any("cvrp" in k or "vehiclerouting" in k for k in got), got.keys()


@pytest.mark.parametrize(("title", "abstract", "key"), [
    ("HiGMem: A Hierarchical and LLM-Guided Memory System for Long-Term Conversational Agents",
     "To address this, we propose HiGMem (Hierarchical and LLM-Guided Memory System), a two-level event-turn "
     "memory system that lets LLMs use event summaries as anchors.", "hierarchicalandllmguidedmemorysystem"),
])
def test_a_system_the_paper_proposes_is_its_method(title, abstract, key):
    got = methods(title, abstract, "cs.CL")
    assert key in got and got[key].proposed, got.keys()


def test_an_organisation_system_is_still_no_method():
    got = methods("Health data", "We introduce the National Health System (NHS) records into our study.", "cs.CY")
    assert not any("nationalhealthsystem" in k for k in got), got.keys()


@pytest.mark.parametrize(("acronym", "spaced"), [("DeepSeek-OCR", "DeepSeek OCR"), ("Qwen-VL", "Qwen VL")])
def test_a_models_product_in_capitals_is_also_written_with_a_space(acronym, spaced):
    assert spaced in acronym_variants(acronym)


@pytest.mark.parametrize("acronym", ["GPT-4", "BERT-CRF", "SAM-HQ", "LLaVA-NeXT"])
def test_no_space_variant_for_versions_acronym_pairs_or_mixed_case_products(acronym):
    assert not any(" " in v for v in acronym_variants(acronym))


def test_deepseek_ocr_written_with_a_space_is_the_product_not_the_family():
    got = methods("Unlimited OCR", "Taking DeepSeek OCR as the baseline, we replace the attention layers.")
    assert "deepseek-ocr" in got and "deepseek" not in got, got.keys()


@pytest.mark.parametrize(("abstract", "key"), [
    ("We recruit participants by the snowball sampling method.", "snowball-sampling"),
    ("Missing bands were filled by linear interpolation and by CNN-LSTM models.", "cnn-lstm"),
    ("Missing bands were filled by linear interpolation and by CNN-LSTM models.", "linear-interpolation"),
    ("A submodular greedy algorithm selects the sensors.", "greedy-algorithm"),
    ("Analogous to residual or skip connections in deep networks, the corrections add up.", "residual-connection"),
    ("We optimize models with reinforcement learning using verifiable rewards.", "rlvr"),
])
def test_round21_vocabulary(abstract, key):
    assert key in methods("Study", abstract, "cs.LG"), methods("Study", abstract, "cs.LG").keys()


def test_a_title_case_component_outside_a_proposing_sentence_is_a_named_part():
    got = methods("Multimodal segmentation", "We present a framework for incomplete modalities. It rests on a "
                  "Personalized Feature Modulation module and a Modality-Consistent Batch Scheduler that "
                  "facilitates stable batch training.")
    assert "modalityconsistentbatchscheduler" in got and got["modalityconsistentbatchscheduler"].proposed, got.keys()


@pytest.mark.parametrize("abstract", [
    "Outputs of the encoder pass to the Feature Decoder that restores the image.",  # two words describe
    "Training uses the NeMo Framework for scale.",  # software
    "the Refine Stage, the Decode Stage and the Output Stage follow.",  # stages are no component noun
])
def test_short_or_stage_title_case_phrases_outside_a_proposal_are_not_names(abstract):
    got = methods("Study", abstract)
    assert not any(k.endswith(("decoder", "framework", "stage")) for k in got), got.keys()


def test_a_dataset_called_x_is_a_dataset():
    from kg.extract import extract_papers, load_pipeline
    from kg.records import Paper
    (e,) = extract_papers([Paper(arxiv_id="2600.00001", title="Driver monitoring", primary_category="cs.CV",
                                 abstract="We collected a real-world dataset called MS-Drive, which was recorded "
                                          "from 50 participants while driving.")], nlp=load_pipeline())
    assert [d.name for d in e.datasets] == ["MS-Drive"] and not e.methods, (e.methods, e.datasets)


@pytest.mark.parametrize(("abstract", "key"), [
    ("We learn automata from a Prefix Tree Acceptor of the traces.", "prefix-tree-acceptor"),
    ("Baselines include AGCWD and MSRCR for low-light enhancement.", "agcwd"),
    ("We train boosted trees on the features.", "gradient-boosting"),
])
def test_round21_vocabulary_of_blind34(abstract, key):
    assert key in methods("Study", abstract, "cs.LG"), methods("Study", abstract, "cs.LG").keys()
