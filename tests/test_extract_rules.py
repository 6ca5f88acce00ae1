"""Unit tests of the string-level rules: text helpers, Schwartz–Hearst, proposals, filters, repos."""
from __future__ import annotations

import pytest

from kg.extract.acronyms import best_long_form, find_definitions, is_short_form, title_definition
from kg.extract.filters import (
    appositive_kind, classify, is_adjective_compound, is_dataset_name, is_entity, is_metric, is_task,
)
from kg.extract.gazetteer import build_gazetteer
from kg.extract.proposed import find_proposals, title_name, trigger_just_before
from kg.extract.repos import find_repos
from kg.extract.text import (
    clean_text, compact_key, hyphen_variants, is_name_like, latin_runs, long_form_key, norm_phrase, plural_forms, slug,
)

GAZ = build_gazetteer(
    [{"key": "grpo", "name": "Group Relative Policy Optimization", "acronyms": ["GRPO"]}],
    [], generic=["large language model", "LLM"], not_methods=["BLEU", "GPU", "PyTorch"],
)


def test_clean_text_strips_latex_markup_around_names():
    assert clean_text(r"we propose \textbf{V}ariance \textbf{C}ontrolled (\textbf{VCPO})") == "we propose Variance Controlled (VCPO)"
    assert clean_text("D$^3$R-DETR:\n a  detector") == "D3R-DETR: a detector"
    # old-style font switches inside math: "${\bf \texttt{Sink-Aware Pruning}}$"
    assert clean_text(r"we propose ${\bf \texttt{Sink-Aware Pruning}}$, which") == "we propose Sink-Aware Pruning, which"
    assert clean_text(r"{\em DeepY} and {\sc GraphX}") == "DeepY and GraphX"


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
    # a plural short form is not a class of models by itself (real definitions, winter/ digests)
    ("MDMs", "Masked Diffusion Models", False, "method"),
    ("KANs", "Kolmogorov-Arnold Networks", False, "method"),
    ("UDFs", "Unsigned Distance Fields", False, "method"),
    ("OLMs", "omni-modal large models", False, "reject"),       # a class of models
    ("ALMs", "audio-language models", False, "reject"),
    ("TSFMs", "Time Series Foundation Models", False, "reject"),
    ("MoEs", "models", False, "reject"),                         # a long form that is only a generic noun
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


def test_discovered_keys_fold_spellings():
    assert compact_key("MetricAnything") == compact_key("Metric Anything") == compact_key("metric-anything") == "metricanything"
    assert long_form_key("Test-Time Training") == compact_key("TestTimeTraining")  # one key function for both
    assert long_form_key("Resistance Capture") == "resistancecapture"
    assert long_form_key("Structural Causal Models") == long_form_key("structural causal model") == "structuralcausalmodel"
    assert long_form_key("Gaussian Process") == "gaussianprocess" and long_form_key("Policies") == "policy"


@pytest.mark.parametrize("title,long", [
    ("RECAP: Resistance Capture in Text-based Mental Health Counseling", "Resistance Capture"),
    ("GRACE: Reinforcement Learning for Grounded Response and Abstention under Contextual Evidence",
     "Grounded Response and Abstention under Contextual Evidence"),
    ("CRoC: Context Refactoring Contrast for Graph Anomaly Detection", "Context Refactoring Contrast"),
    ("ICON: Invariant Counterfactual Optimization with Neuro-Symbolic Priors", "Invariant Counterfactual Optimization with Neuro-Symbolic"),
    ("DART: Diffusion-Inspired Speculative Decoding for Fast LLM Inference", None),   # letters not spelled
    ("RECAP: A Resource-Efficient Method for Adversarial Prompting", None),
    ("SymGraph: Symbolic Graph Learning", None),        # a coined word, not an acronym
    ("Unified Thinker: A General Reasoning Core", None),
])
def test_title_definition(title, long):
    d = title_definition(title)
    assert (d.long if d else None) == long
    if d:
        assert title[d.long_start:d.long_end] == d.long and title[d.short_start:d.short_end] == d.short


def test_long_reverse_definition_and_markup_around_long_forms():
    text = ("we introduce DART (Discovery And Reinforcement of Tool-Integrated Reasoning Chains via Rollout Trees), "
            "a framework. We add *Emotion-Aware Fusion* (EAF).")
    defs = {d.short: d for d in find_definitions(text)}
    assert defs["DART"].long == "Discovery And Reinforcement of Tool-Integrated Reasoning Chains via Rollout Trees"
    assert defs["EAF"].long == "Emotion-Aware Fusion" and text[defs["EAF"].long_start:defs["EAF"].long_end] == "Emotion-Aware Fusion"


@pytest.mark.parametrize("long,expected", [
    ("Text-Based Person Search", True), ("Named Entity Recognition", True), ("Image Quality Assessment", True),
    ("Few-Shot Class-Incremental Learning", True), ("Source-Free Domain Adaptation", True),   # settings
    ("Monte Carlo Tree Search", False), ("Evolutionary Architecture Search", False),           # search algorithms
    ("Contrastive Learning", False), ("Noise-Aware Training", False), ("Policy Optimization", False),
])
def test_task_head_rule(long, expected):
    assert is_task(long) is expected
    if expected:  # a task is not a method unless the paper proposes it
        assert classify("XYZ", long, GAZ, proposed=False) == "reject"


def test_fragments_are_not_proposals():
    names = lambda a: [p.name for p in find_proposals("A title", a, 8)]
    assert names("This paper addresses Named Entity Recognition (NER) in documents.") == []
    assert names("a novel language encoder, termed as TriBERT, for text") == ["TriBERT"]
    assert names("We show the effectiveness of our method HORSE on two datasets.") == ["HORSE"]
    assert title_name("Finding Needles in Images: Can MLLMs Locate Details?", "akin to Finding Needles in Images") is None


def test_appositive_head_is_not_a_hyphenated_modifier():
    assert appositive_kind(", an meta information guided instruction-tuning dataset containing pairs") == "dataset"
    assert appositive_kind(", a LoRA-based fine-tuning method") == "method"


def test_review_junk_classes_are_rejected():
    assert clean_text("**H**ierarchical **R**epresentation (HR)") == "Hierarchical Representation (HR)"
    assert is_entity("NEON", "National Ecological Observatory Network")
    assert classify("NEON", "National Ecological Observatory Network", GAZ, proposed=False) == "reject"
    assert is_adjective_compound("AI-ready") and classify("AI-ready", "", GAZ, proposed=True) == "reject"
    assert title_name("ARC Prize 2025: Technical Report", "ARC Prize 2025 results") is None
    assert title_name("Agentic RAG: A Survey", "") is None
    assert classify("TQA", "table question answering", GAZ, proposed=False) == "reject"  # a task, not a *QA dataset
    assert is_task("VideoQA") and not is_task("HotpotQA")
    assert is_metric("Human Preference Score v3") and is_dataset_name("Refine-Perception-20K")
    assert is_dataset_name("FCMBench-V1.0") and is_dataset_name("MMBench-v2")
    gaz = build_gazetteer([], generic=["representation learning", "neural network"])
    assert classify("PRL", "Protein Representation Learning", gaz, proposed=False) == "reject"  # a paradigm
    assert classify("PGNN", "Prototype Graph Neural Network", gaz, proposed=False) == "method"
    eponyms = [p.name for p in find_proposals("T", "using Schreier-Sims algorithms, a Stochastic Primal-Dual "
                                                   "algorithm and Multi-Agent methods", 2)]
    assert "Schreier-Sims" in eponyms and "Primal-Dual" not in eponyms and "Multi-Agent" not in eponyms


def test_definitions_headed_by_coding_theory_codes_and_module_nouns_are_methods():
    assert classify("CACs", "Conflict-Avoiding Codes", GAZ, proposed=False) == "method"
    assert classify("GNC", "Graduated Non-Convexity Relaxation", GAZ, proposed=False) == "method"
    assert classify("CLAA", "Cross-Layer Attention Aggregation", GAZ, proposed=False) == "method"
    assert classify("PBR", "Physically Based Rendering", GAZ, proposed=False) == "method"
    # law, software and interface codes are not codes of coding theory
    for long in ("Italian Criminal Code", "Infrastructure as Code", "User interface to code", "Age-Appropriate Design Code"):
        assert classify("X", long, GAZ, proposed=False) == "reject", long
    # a method noun glued after the acronym: "Single Sideband (SSB) modulation"
    assert appositive_kind(") modulation with a pulse") == "method"


def test_benchmarks_that_call_themselves_evaluation_frameworks():
    # the head first: "Dataset for Evaluating the Aesthetics of Rendering (DEAR)"
    assert is_dataset_name("DEAR", "Dataset for Evaluating the Aesthetics of Rendering")
    # "an evaluation framework": a benchmark when the name ends like one, an evaluator method otherwise
    assert appositive_kind(", an evaluation framework for multi-agent slide generation") == "evaluation"
    assert classify("DECKBench", "", GAZ, proposed=True, after=", an evaluation framework for slides") == "dataset"
    assert classify("Pat-DEVAL", "", GAZ, proposed=True, after=", the first multi-dimensional evaluation framework") == "method"
    # "X: Benchmarking ..." and "X: A ... Benchmark for ..." titles name a benchmark, not a method
    assert title_name("CogRail: Benchmarking VLMs in Cognitive Intrusion Perception", "CogRail is ...") is None
    assert title_name("SC-Arena: A Natural Language Benchmark for Single-Cell Reasoning", "SC-Arena ...") is None
    assert title_name("InfiniDepth: Arbitrary-Resolution Depth", "InfiniDepth predicts ...") == "InfiniDepth"


def test_a_coined_name_its_paper_describes_as_a_method_is_one():
    from kg.extract.proposed import compared_names
    text = "At the core of SemVideo is SemMiner, a hierarchical guidance module. We release LedgerBERT, a domain-adapted model."
    assert [n for n, _ in compared_names(text)] == ["SemMiner", "LedgerBERT"]
    # a dataset, a clause after a phrase, a short capital word: not described as methods
    assert list(compared_names("We build FlyPose-104, a pose dataset. On UIT-OpenViIC, the model achieves more. XML, a format.")) == []


def test_a_system_the_paper_proposes_and_calls_a_framework_is_a_method():
    assert classify("SAMAS", "Style-Adaptive Multi-Agent System", GAZ, proposed=True, after=", a novel framework that") == "method"
    assert classify("GEARS", "Generative Engine for Agentic Ranking Systems", GAZ, proposed=True, after=", a framework") == "method"
    # proposed with no appositive: the paper's own system is its method (round 21: "we propose HiGMem (Hierarchical
    # and LLM-Guided Memory System)", "Center-Fed Pinching Antenna System (C-PASS)" are gold methods)
    assert classify("SAMAS", "Style-Adaptive Multi-Agent System", GAZ, proposed=True) == "method"
    # not proposed, called software, or an organisation's: a system is still a thing, not a method
    assert classify("ADAS", "Advanced Driver Assistance Systems", GAZ, proposed=False) == "reject"
    assert classify("SAMAS", "Style-Adaptive Multi-Agent System", GAZ, proposed=True,
                    after=", an open-source Python package for") == "reject"
    assert classify("NHS", "National Health System", GAZ, proposed=True) == "reject"


def test_names_compared_with_and_improved_over_are_mentions_benchmarks_after_on_are_not():
    from kg.extract.proposed import compared_names
    got = [n for n, _ in compared_names("We compare our method with IndustrialCLIP, versus StreamVGGT, and improve over FastVGGT.")]
    assert got == ["IndustrialCLIP", "StreamVGGT", "FastVGGT"]
    assert list(compared_names("The planner improves on NAVSIM and CMU-MOSI.")) == []
    assert is_adjective_compound("AoI-optimal") and is_adjective_compound("non-WEIRD")
    assert not is_adjective_compound("Non-Causal Distortion Modeling")
    assert [n for n, _ in compared_names("Our approach applies TokenLearner to 3D feature maps.")] == ["TokenLearner"]


def test_a_generic_acronym_the_paper_defines_otherwise_and_proposes_is_its_own_method():
    gaz = build_gazetteer([], [], generic=["multi-task learning", "MTL"], not_methods=[])
    assert classify("MTL", "Multidimensional Task Learning", gaz, proposed=True, after=", a unified framework") == "method"
    assert classify("MTL", "Multidimensional Task Learning", gaz, proposed=False) == "reject"
    assert classify("MTL", "", gaz, proposed=True) == "reject"
    assert classify("GE-MLPs", "Generalized Einstein MLPs", GAZ, proposed=False) == "method"  # an MLP family


def test_ordinal_sentences_continue_the_components_the_sentence_before_announced():
    from kg.extract.proposed import ordinal_names
    text = ("We present SATtxt, a spectrum-aware VLFM. Our framework comprises two stages. First, Spectral Representation "
            "Distillation transfers spectral priors. Second, Spectrally Grounded Alignment aligns text.")
    assert [n for n, _, _ in ordinal_names(text, ["SATtxt"])] == ["Spectral Representation Distillation", "Spectrally Grounded Alignment"]
    # no announced stages, or a dataset described: no names
    assert list(ordinal_names("Results are mixed. First, Large Language Models fail often.")) == []
    assert list(ordinal_names("The benchmark has two parts. First, Visual Question Answering tests recall.")) == []


def test_a_benchmark_name_with_a_suffix_is_that_benchmark_not_a_method():
    gaz = build_gazetteer([], [{"key": "hle", "name": "Humanity's Last Exam", "acronyms": ["HLE"]}])
    assert classify("HLE-Verified", "", gaz, proposed=True) == "dataset"
    assert classify("IndicIFEval-Ground", "", gaz, proposed=True) == "dataset"
    # a method named after the data it works on stays a method
    for name in ("KBQA-R1", "CUB-Loss", "VecSet-Edit", "HLE-Net"):
        assert classify(name, "", gaz, proposed=True) == "method", name


def test_an_estimation_is_a_method_when_the_word_before_says_how():
    # blind6 2602.13015: "Building on Mutual Information Neural Estimation (MINE), we introduce ..."
    assert not is_task("Mutual Information Neural Estimation") and not is_task("Maximum Likelihood Estimation")
    assert is_task("Human Pose Estimation") and is_task("Channel Estimation")


def test_a_technique_word_after_a_modifier_its_entry_does_not_list_prunes_something_else():
    from kg.extract import extract_papers
    from kg.records import Paper

    def keys(abstract):
        (e,) = extract_papers([Paper(arxiv_id="2602.00001", title="A title", abstract=abstract)])
        return {m.key for m in e.methods}
    # what is pruned or quantized is not a model: another thing (gold leaves these optional)
    assert "pruning" not in keys("Exemplar retrieval and candidate pruning contribute complementary benefits.")
    assert "pruning" not in keys("A collision-aware motion pruning mechanism prevents errors.")
    assert "quantization" not in keys("The estimate degrades under forced signal quantization of the measurements.")
    # model parts, degree words and bit widths still name the technique
    assert "pruning" in keys("We apply channel pruning and aggressive pruning to the backbone.")
    assert "quantization" in keys("The adapters are trained with 4-bit quantization.")
    assert "quantization" in keys("Edge devices need low-bit quantization of LLMs.")
    # an entry that lists kinds, not objects, is not guarded: "receive beamforming" is beamforming
    assert "beamforming" in keys("We design the receive beamforming at the base station.")
