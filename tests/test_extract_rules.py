"""Unit tests of the string-level rules: text helpers, Schwartz–Hearst, proposals, filters, repos."""
from __future__ import annotations

import pytest

from kg.extract.acronyms import best_long_form, find_definitions, is_short_form
from kg.extract.filters import (
    appositive_kind, classify, is_adjective_compound, is_dataset_name, is_entity, is_metric, is_task,
)
from kg.extract.gazetteer import build_gazetteer
from kg.extract.proposed import find_proposals, title_name, trigger_just_before
from kg.extract.repos import find_repos
from kg.extract.text import clean_text, hyphen_variants, is_name_like, latin_runs, norm_phrase, plural_forms, slug

GAZ = build_gazetteer(
    [{"key": "grpo", "name": "Group Relative Policy Optimization", "acronyms": ["GRPO"]}],
    [], generic=["large language model", "LLM"], not_methods=["BLEU", "GPU", "PyTorch"],
)


def test_clean_text_strips_latex_markup_around_names():
    assert clean_text(r"we propose \textbf{V}ariance \textbf{C}ontrolled (\textbf{VCPO})") == "we propose Variance Controlled (VCPO)"
    assert clean_text("D$^3$R-DETR:\n a  detector") == "D3R-DETR: a detector"


def test_latin_runs_keep_names_inside_chinese_text():
    assert latin_runs("提出符号化框架SymGraph，超越1-WL和GNN的限制") == ["SymGraph", "1-WL", "GNN"]
    assert latin_runs("使用 Low-Rank Adaptation 微调") == ["Low-Rank Adaptation"]


def test_norm_phrase_folds_case_hyphens_and_plural():
    assert norm_phrase("Mixture-of-Experts") == norm_phrase("mixture of experts")
    assert norm_phrase("Diffusion Models") == "diffusion model"


def test_variants_and_plurals():
    assert "mixture-of-experts" in hyphen_variants("mixture of experts")
    assert "low rank adaptation" in hyphen_variants("low-rank adaptation")
    assert plural_forms("policy") == ["policy", "policies"]
    assert plural_forms("tree search") == ["tree search", "tree searches"]
    assert slug("DR-LoRA") == "dr-lora"


@pytest.mark.parametrize("word,expected", [("SymGraph", True), ("GRPO", True), ("2Mamba", True), ("Agent-Dice", True),
                                           ("Framework", False), ("the", False), ("3D", False)])
def test_is_name_like(word, expected):
    assert is_name_like(word) is expected


def test_schwartz_hearst_forward_and_reverse():
    defs = find_definitions("We use Group Relative Policy Optimization (GRPO) and Graph Neural Networks (GNNs).")
    assert [(d.short, d.long) for d in defs] == [("GRPO", "Group Relative Policy Optimization"), ("GNNs", "Graph Neural Networks")]
    rev = find_definitions("we propose FATE (Forecasting Anomalies with Time-series Ensembles), a framework")
    assert [(d.short, d.long) for d in rev] == [("FATE", "Forecasting Anomalies with Time-series Ensembles")]
    assert best_long_form("ML", "the maximum-likelihood") == 4
    assert not is_short_form("ours") and not is_short_form("see Fig. 3 and Table 2")


def test_definition_does_not_cross_the_title_line():
    defs = find_definitions("Additive Manufacturing\nMetal additive manufacturing (AM) is")
    assert defs[0].long == "additive manufacturing"


def test_title_name_rules():
    assert title_name("InfiniDepth: Arbitrary-Resolution Depth", "") == "InfiniDepth"
    assert title_name("Goal Force: Teaching Video Models", "we introduce Goal Force, a framework") == "Goal Force"
    assert title_name("Stable Asynchrony: Variance-Controlled RL", "we study asynchrony") is None
    assert title_name("Beyond Message Passing: A Symbolic Alternative", "Beyond Message Passing") is None
    assert title_name("Ask, Clarify, Optimize: Human-LLM Agents", "") is None


def test_proposals_after_triggers():
    names = lambda a: [p.name for p in find_proposals("A title", a, 8)]
    assert names("To this end, we propose SymGraph, a symbolic framework.") == ["SymGraph"]
    assert names("We introduce Klear and delve into three axes.") == ["Klear"]
    assert names("we introduce the Human Imitator, a fine-tuned twin") == ["Human Imitator"]
    assert names("a method, which we call 2Mamba, that is accurate") == ["2Mamba"]
    assert names("We propose a novel framework for graphs.") == []
    assert names("we introduce Gaussian process priors") == []


def test_trigger_just_before_needs_adjacency():
    text = "we propose the Adaptive Causal Coordination Detection (ACCD) framework"
    assert trigger_just_before(text, text.index("Adaptive"))
    far = "we propose a method that, unlike prior Knowledge Retention (KR) work"
    assert not trigger_just_before(far, far.index("Knowledge"))


@pytest.mark.parametrize("name,long,proposed,expected", [
    ("GRPO", "Group Relative Policy Optimization", False, "method"),
    ("CCM", "Convergent Cross Mapping", False, "method"),      # method head noun
    ("FooBench", "", True, "dataset"),                          # *Bench name
    ("MMD", "Multimodal Dialogue Dataset", False, "dataset"),   # dataset head noun
    ("ECE", "Expected Calibration Error", False, "reject"),     # metric
    ("MIT", "Massachusetts Institute", False, "reject"),        # organisation
    ("USA", "", True, "reject"),                                 # country
    ("GHz", "", True, "reject"),                                 # unit
    ("LLMs", "Large Language Models", False, "reject"),         # generic paradigm
    ("BLEU", "", True, "reject"),                                # not_methods list
    ("HCOD", "Hyperspectral Camouflaged Object Detection", False, "reject"),  # task, not proposed
    ("ACCD", "Adaptive Causal Coordination Detection", True, "method"),      # task head but proposed
    ("LGE", "late gadolinium-enhanced", False, "reject"),      # no method head, not proposed
    ("LLM-based", "", True, "reject"),                           # adjective compound
])
def test_classify(name, long, proposed, expected):
    assert classify(name, long, GAZ, proposed=proposed) == expected


def test_appositive_decides_kind():
    assert appositive_kind(", an expert-annotated benchmark for summarization") == "dataset"
    assert appositive_kind(" (DeLP), a calibrated metric designed") == "metric"
    assert appositive_kind(", a symbolic framework designed") == "method"
    assert classify("PCoA", "", GAZ, proposed=True, after=": A New Benchmark for Summarization") == "dataset"


def test_filter_predicates():
    assert is_dataset_name("VideoBench") and is_dataset_name("X", "Long Video Benchmark")
    assert is_metric("Word Error Rate") and not is_metric("Policy Optimization")
    assert is_task("Object Detection") and not is_task("Policy Optimization")
    assert is_entity("NASA", "National Aeronautics and Space Administration") and is_entity("UAV", "Unmanned Aerial Vehicle")
    assert is_adjective_compound("SAM-guided") and not is_adjective_compound("DR-LoRA")


def test_repos_are_normalised_and_deduplicated():
    text = ("Code: https://github.com/Owner/Repo.git and github.com/Owner/Repo/tree/main. "
            "Models at https://huggingface.co/org/model-7b, also www.gitlab.com/g/p).")
    assert find_repos(text, "see https://github.com/orgs/foo") == (
        "https://github.com/Owner/Repo", "https://huggingface.co/org/model-7b", "https://gitlab.com/g/p")
    assert find_repos("", "no links here") == ()


def test_capitalised_head_after_definition_names_a_bigger_thing():
    assert appositive_kind(" Test , a lightweight evaluation framework") == "dataset"
    assert appositive_kind(" Score on all tasks") == "metric"
    assert appositive_kind(" to align the target") is None


def test_classes_of_models_are_not_methods():
    assert classify("TSFMs", "Time Series Foundation Models", GAZ, proposed=False) == "reject"
    assert classify("HLM", "hybrid language models", GAZ, proposed=False) == "reject"
    assert classify("DLM", "Diffusion Language Model", GAZ, proposed=True) == "method"
    assert not is_name_like("5-fold") and is_name_like("3DGS")


def test_names_with_markup_are_rejected():
    assert classify("T^\\star", "", GAZ, proposed=True) == "reject"
    assert classify("SymGraph", "", GAZ, proposed=True) == "method"
