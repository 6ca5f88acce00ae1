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
    # (CXR-CLIP itself is in the lexicon now; an unlisted one of the same shape)
    ("MedProbCLIP outperforms baselines, including CLIP, MRX-CLIP, and PCME++, in retrieval.", {"clip", "mrxclip", "pcme++"}),
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
    ("Baselines are GPT-4o, Zentrix and Qwen2.5-Omni.", {"gpt-4o", "zentrix", "qwen-omni"}),
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

# --- the paper's own names without a "we propose X" right before them (abridged from winter/ papers) ---

@pytest.mark.parametrize("abstract,surfaces", [
    # the items of a list the paper proposes, with or without an acronym
    ("To overcome this, we propose: (i) Adaptive Bounding Box Scaling (ABBS), which scales GT HBoxes; and (ii) a "
     "Symmetric Prior Angle (SPA) loss that exploits symmetry.", {"ABBS", "SPA"}),
    ("The proposed solution has four key components: (1) LiDAR Depth Feature Aggregation (LDFA), where sampling is used, "
     "(2) Entropy-Based Feature Smoothing, where cross-entropy is employed, and (4) Gauss-Mamba Head that uses "
     "state space models.", {"LDFA", "Entropy-Based Feature Smoothing", "Gauss-Mamba Head"}),
    ("We propose two techniques -- (i) AoS (Attention-over-Sentences) which uses attention over sentences and "
     "(ii) LLMPrompt which prompts an LLM.", {"AoS", "LLMPrompt"}),
])
def test_items_of_a_proposed_list_are_proposed(nlp, abstract, surfaces):
    methods, _ = found(nlp, "A study", abstract)
    proposed = {s for m in methods.values() if m.proposed for s in m.surfaces}
    assert surfaces <= proposed


@pytest.mark.parametrize("abstract", [
    "We introduce SpatiaLab, a benchmark with questions across six categories: (1) Relative Positioning, (2) Depth Perception.",
    "We introduce CROSS-ALIGN+, a three-stage framework: (1) Stage I mitigates cultural blindness; (2) Stage II reduces ambiguity.",
    "Prior pipelines have two parts: (i) Feature Extraction and (ii) Label Propagation.",  # nobody proposes them here
])
def test_lists_that_are_not_the_papers_components(nlp, abstract):
    methods, _ = found(nlp, "A study", abstract)
    assert not {"relativepositioning", "depthperception", "stagei", "stageii", "featureextraction", "labelpropagation"} & set(methods)


def test_a_coined_name_right_after_a_method_noun(nlp):
    methods, datasets = found(nlp, "A study", "As a strong baseline, we introduce a novel training-free and state-aware "
                              "framework TAME. Our framework includes the visual RL method TFQ-GRPO, and the benchmark TFQ-Bench.")
    assert methods["tame"].proposed and "tfqgrpo" in methods and "tfqbench" in datasets
    assert "grpo" not in methods  # a known acronym inside a coined compound is part of that name


def test_a_method_noun_before_an_ordinary_word_names_nothing(nlp):
    assert found(nlp, "A study", "We reproduce the official baselines (e.g., the method Majority and the baseline Random).")[0] == {}


@pytest.mark.parametrize("abstract,name", [
    ("We curate ColonReason, a clinically grounded reasoning dataset, and develop ColonR1, the first R1-styled model.", "colonr1"),
    ("The resulting model, DKT, achieves zero-shot SOTA on real and synthetic video benchmarks.", "dkt"),
    ("We introduce a lightweight component, Test-Time Steering Vectors (TTSV), which is prepended to the input.", "testtimesteeringvector"),
    ("To fully exploit Gaussians, we propose a Multi-Modal Gaussian Transformer that enables Gaussians to query features.",
     "multimodalgaussiantransformer"),
    ("Central to our model is a Topology-aware Skeleton Embedding Module that encodes any skeleton.", "topologyawareskeletonembeddingmodule"),
    ("Furthermore, we propose a Chain-of-Reflection mechanism, which employs a Questioner-Responder pair.", "chainofreflection"),
])
def test_proposing_cues_beyond_we_propose_x(nlp, abstract, name):
    methods, _ = found(nlp, "A study", abstract)
    assert methods[name].proposed


@pytest.mark.parametrize("abstract", [
    "Prior work used a Hierarchical Fusion Module that merges scales.",  # a capitalised name, but nobody proposes it here
    "During reasoning, we introduce a Coarse-to-Fine frame selection strategy to ensure diversity.",  # a modifier, not a name
])
def test_capitalised_words_that_are_not_a_proposed_name(nlp, abstract):
    methods, _ = found(nlp, "A study", abstract)
    assert not {"hierarchicalfusionmodule", "coarsetofine"} & set(methods)


def test_a_fragment_of_a_defined_long_form_is_not_a_name_of_its_own(nlp):
    methods, _ = found(nlp, "A study", "We introduce a Structured Framework for Adaptive Anonymizer (SFAA) that includes three steps.")
    assert set(methods) == {"structuredframeworkforadaptiveanonymizer"} and methods["structuredframeworkforadaptiveanonymizer"].proposed


def test_a_title_name_with_a_size_is_the_name_the_abstract_uses(nlp):
    methods, _ = found(nlp, "TF3-RO-50M: Training Compact Romanian Language Models from Scratch",
                       "We introduce TF3-RO, a Romanian-centric language modeling pipeline. TF3-RO builds tokenizers.")
    assert set(methods) == {"tf3ro"}


def test_a_definition_rejected_in_the_title_is_read_again_in_the_abstract(nlp):
    methods, _ = found(nlp, "Neuronal Attention Circuit (NAC) for Representation Learning",
                       "We introduce Neuronal Attention Circuit (NAC), a novel, biologically plausible attention mechanism.")
    assert methods["neuronalattentioncircuit"].proposed


def test_a_title_definition_keeps_its_head_noun(nlp):
    methods, _ = found(nlp, "CORE: A Conceptual Reasoning Layer for Large Language Models",
                       "We propose CORE, a concept-first interaction layer that improves multi-turn stability.")
    assert methods["conceptualreasoninglayer"].proposed  # "Conceptual Reasoning" alone would be a task
    methods, _ = found(nlp, "HERMES: KV Cache as Hierarchical Memory for Efficient Streaming Video Understanding",
                       "We propose HERMES, a novel training-free architecture for real-time understanding of video streams.")
    assert any(m.proposed and "HERMES" in m.surfaces for m in methods.values())  # no tail that makes it a task


def test_a_digit_inside_an_acronym(nlp):
    methods, _ = found(nlp, "A study", "TAME incorporates a new training-free Retrieve-then-Align Augmented Generation (RA2G) "
                       "paradigm. RA2G introduces an alignment step.")
    assert "RA2G" in methods["retrievethenalignaugmentedgeneration"].surfaces
    assert found(nlp, "A study", "We bound the squared error (L2) of the estimate.")[0] == {}


@pytest.mark.parametrize("abstract", [
    "We introduce the Laparoscopic Skill Analysis and Assessment (LASANA) dataset, comprising 1270 stereo video recordings.",
    "Our framework achieves a Clinical Intent Alignment (CIA) score of 60.12% on HealthBench.",
    "We also develop the VELI5 benchmark, a novel dataset containing injected factual errors.",
])
def test_a_definition_glued_to_a_lower_case_dataset_or_metric_noun(nlp, abstract):
    assert found(nlp, "A study", abstract)[0] == {}


def test_a_name_that_ends_like_a_dataset_but_is_called_a_representation(nlp):
    methods, datasets = found(nlp, "A study", "We observe that part awareness emerges and propose Geom-Seg VecSet, a unified "
                              "geometry-segmentation latent representation.")
    assert "geomsegvecset" in methods and "geomsegvecset" not in datasets
    methods, datasets = found(nlp, "A study", "We introduce VideoSet, a collection of 10K annotated clips.")
    assert "videoset" in datasets and not methods


def test_a_definition_glued_to_a_method_noun_is_a_method(nlp):
    methods, _ = found(nlp, "A study", "RoSA comprises a RoPE-aware Attention Enhancement (RoAE) module, which enhances "
                       "low-frequency components, and a Dynamic Layer Selection (DLS) strategy that updates layers.")
    surfaces = {s for m in methods.values() for s in m.surfaces}
    assert {"RoAE", "DLS"} <= surfaces
    # a lower-case "criterion" is the paper's selection rule, not a metric
    methods, _ = found(nlp, "A study", "Moreover, we design a Buffering for Spatial Sparsity (BSS) criterion that defers selection.")
    assert any("BSS" in m.surfaces for m in methods.values())


def test_list_items_after_a_capitalised_article_and_before_a_method_noun(nlp):
    methods, _ = found(nlp, "A study", "PDE-Agent leverages multi-agent collaboration through two key innovations: (1) A "
                       "Prog-Act framework with graph memory for multi-agent collaboration.")
    assert methods["progact"].proposed


def test_the_papers_own_name_as_subject_makes_a_proposing_sentence(nlp):
    abstract = ("To address this, we propose EAPO (Evidence-Augmented Policy Optimization). EAPO introduces a specialized "
                "RL algorithm where a reward model computes a Group-Relative Evidence Reward, providing dense supervision.")
    methods, _ = found(nlp, "A study", abstract)
    assert methods["grouprelativeevidencereward"].proposed
    # the same sentence with another subject proposes nothing
    methods, _ = found(nlp, "A study", "Prior work uses a specialized RL algorithm where a reward model computes a "
                       "Group-Relative Evidence Reward, providing dense supervision.")
    assert "grouprelativeevidencereward" not in methods


def test_we_then_propose_and_variants_derived_from_the_papers_name(nlp):
    methods, _ = found(nlp, "A study", "We therefore propose Test-time Mixture of World Models (TMoW), a framework that "
                       "enhances adaptability.")
    assert methods["testtimemixtureofworldmodel"].proposed
    from kg.extract.proposed import derived_names
    text = "We introduce FUSER. Building upon FUSER, we further introduce FUSER-DF, a refinement. FUSER-7B and FUSER-Test."
    assert [n for n, _, _ in derived_names(text, ["FUSER"])] == ["FUSER-DF"]  # not a size, not a split


# --- round 4: the head noun of an appositive, lower-case coined names, "at its core", names that outperform ---

@pytest.mark.parametrize("after,kind", [
    # the head noun decides, not the first noun (BiRQA, Feb 2026; GROMACS, Feb 2026)
    (", a compact FR IQA metric model that processes four fast complementary features", "method"),
    (", a molecular dynamics code, it has a comparable cluster overhead", "product"),
    (", the Code of Criminal Procedure (CrPC), and the Constitution of India", "product"),
    (", a new family of cyclic codes with few weights", "method"),  # coding theory keeps its codes
    (": A Model and Dataset for Segmenting Robots", "method"),  # "X and Y": the first one
    (", a cross-domain dataset, benchmark, and fine-tuned model for claim extraction", "dataset"),
    (", a benchmark framework designed to assess foundation models", "evaluation"),
    (", a new task where an existing classifier is edited", "task"),
    (", the first multilingual, dimensional ABSA resource annotated with", "dataset"),
    ('" a massive collection of discussion boards messages', "dataset"),  # a closing quote for a comma
    (", a multi-modal framework bridging camera and LiDAR", "method"),  # a participle ends the phrase
])
def test_appositive_head_noun(after, kind):
    assert appositive_kind(after) == kind


def test_strict_appositive_needs_a_method_noun_as_head():
    assert appositive_kind(", an intrinsic, annotation-free quality signal derived from model representations") == "method"
    assert appositive_kind(", an intrinsic, annotation-free quality signal derived from model representations", strict=True) is None
    assert appositive_kind(", a representation for an edit", strict=True) is None


@pytest.mark.parametrize("abstract,key", [
    ("Furthermore, we propose next-patch diffusion, a new decoding method that predicts multiple tokens in parallel.",
     "nextpatchdiffusion"),  # BitDance, Feb 2026
    ("We propose causal compilation, a paradigm that transforms medical evidence into executable code.", "causalcompilation"),
    ("Scale-free learning is enabled by a technique called doubling clipping, which clips observed gradients.",
     "doublingclipping"),  # "called" after a method noun
])
def test_lowercase_coined_names_with_a_cue(nlp, abstract, key):
    methods, _ = found(nlp, "A study", abstract)
    assert key in methods and methods[key].proposed


@pytest.mark.parametrize("abstract", [
    "In this work, we propose stable rank, an intrinsic, annotation-free quality signal derived from model representations.",
    "We introduce category splitting, a new task where an existing classifier is edited to refine a category.",
    "We propose using contrastive pairs, a simple trick that works.",
    "Prior work relies on a phenomenon called reward hacking, which harms training.",  # no method noun before "called"
])
def test_lowercase_words_after_a_cue_are_not_names_without_a_method_head(nlp, abstract):
    methods, _ = found(nlp, "A study", abstract)
    assert not any(m.proposed for m in methods.values())


def test_at_its_core_is_a_proposing_cue(nlp):
    # IntRec, Feb 2026
    methods, _ = found(nlp, "IntRec: Intent-based Retrieval with Contrastive Refinement",
                       "We propose IntRec, an interactive object retrieval framework. At its core is an Intent State (IS) "
                       "that maintains dual memory sets for positive anchors and negative constraints.")
    assert methods["intentstate"].proposed and methods["intrec"].proposed


def test_a_title_acronym_of_a_task_is_a_method_when_the_abstract_proposes_it(nlp):
    # LiCQA, Feb 2026: the long form ends in "Answering" (a task) and the name in "QA" (a benchmark's ending)
    methods, datasets = found(nlp, "LiCQA : A Lightweight Complex Question Answering System",
                              "In this paper, we present LiCQA, an unsupervised question answering model that works on "
                              "corpus evidence. The results show that LiCQA significantly outperforms two state-of-the-art systems.")
    (m,) = methods.values()
    assert m.proposed and "LiCQA" in m.surfaces and not datasets


def test_what_outperforms_methods_is_a_method_unless_the_paper_calls_it_data(nlp):
    # InnoEval, Feb 2026: "an evaluation framework" and a name ending in "Eval", but it outperforms baselines
    methods, datasets = found(nlp, "InnoEval: On Research Idea Evaluation as a Multi-Perspective Reasoning Problem",
                              "We introduce InnoEval, a deep innovation evaluation framework designed to emulate human-level "
                              "idea assessment. Experiments demonstrate that InnoEval can consistently outperform baselines.")
    assert "innoeval" in methods and methods["innoeval"].proposed and "innoeval" not in datasets
    # Nemotron-Math, Dec 2025: a dataset compared with another dataset stays a dataset
    methods, datasets = found(nlp, "Nemotron-Math: Efficient Long-Context Distillation of Mathematical Reasoning",
                              "We introduce Nemotron-Math, a large-scale mathematical reasoning dataset containing 7.5M "
                              "solution traces. Nemotron-Math consistently outperforms the original OpenMathReasoning.")
    assert "nemotronmath" in datasets and "nemotronmath" not in methods
    # MieDB-100k: "models trained on X outperform": the data is no subject
    _, datasets = found(nlp, "MieDB-100k: A Comprehensive Dataset for Medical Image Editing",
                        "Models trained on MieDB-100k consistently outperform open-source editors.")
    assert "miedb100k" in datasets


def test_a_capitalised_name_the_paper_calls_a_method(nlp):
    # TextShield-R1, Feb 2026
    methods, _ = found(nlp, "A study", "At inference time, we enhance localization accuracy via OCR Rectification, a method "
                                       "that leverages the MLLM's strong text recognition abilities.")
    assert "ocrrectification" in methods


@pytest.mark.parametrize("abstract", [
    # the end of a longer name is no name of its own (Dec 2025 papers)
    "To test this, we introduce Trajectory Replay via Concept-Basis Reconstruction, a framework that transfers interventions.",
    "This paper introduces the Practitioners Blueprint for Secure AI (PBSAI) Governance Ecosystem, a multi agent architecture.",
    "We present C2LLM - Contrastive Code Large Language Models, a family of code embedding models.",
])
def test_tails_of_longer_names_are_not_described_names(nlp, abstract):
    methods, _ = found(nlp, "A study", abstract)
    assert not {"conceptbasisreconstruction", "governanceecosystem", "contrastivecodelargelanguagemodels"} & set(methods)


def test_software_and_legal_codes_are_not_methods(nlp):
    methods, _ = found(nlp, "GPU-Native Compressed Neighbor Lists",
                       "Compared to the neighbor list implementation of GROMACS, a molecular dynamics code, it has a "
                       "comparable cluster overhead.")
    assert "gromacs" not in methods
    methods, _ = found(nlp, "A study", "Quecto-V1 was trained on Indian statutes, including the Indian Penal Code (IPC), "
                                       "the Code of Criminal Procedure (CrPC), and the Constitution of India.")
    assert "indianpenalcode" not in methods


def test_a_long_proposed_list_keeps_its_later_items(nlp):
    # EchoTorrent, Feb 2026: item (3) stands more than 400 characters after "we propose"
    abstract = ("To this end, we propose EchoTorrent, a novel schema with a fourfold design: (1) Multi-Teacher Training "
                "fine-tunes a pre-trained model on distinct preference domains to obtain specialized domain experts, which "
                "sequentially transfer domain-specific knowledge to a student model; (2) Adaptive CFG Calibration (ACC-DMD), "
                "which calibrates the audio CFG augmentation errors in DMD via a phased spatiotemporal schedule, eliminating "
                "redundant CFG computations and enabling single-pass inference per step; (3) Hybrid Long Tail Forcing, which "
                "enforces alignment exclusively on tail frames during long-horizon self-rollout training.")
    methods, _ = found(nlp, "A study", abstract)
    assert "hybridlongtailforcing" in methods and methods["hybridlongtailforcing"].proposed


def test_only_the_words_before_a_list_make_it_the_papers_components(nlp):
    # CourtGuard, Feb 2026: "our framework" inside item (1) does not make item (2) a component
    abstract = ("Beyond standard metrics, we highlight two critical capabilities: (1) Zero-Shot Adaptability, where our "
                "framework generalized to an out-of-domain task; and (2) Automated Data Curation and Auditing, where we "
                "leveraged CourtGuard to curate nine novel datasets.")
    methods, _ = found(nlp, "A study", abstract)
    assert "automateddatacurationandauditing" not in methods
    # "The method combines (i) ... and (ii) a Half-UNet decoder" (DisQ-HNet, Feb 2026)
    methods, _ = found(nlp, "A study", "The method combines (i) a vector-quantized encoder that partitions latent "
                                       "information, and (ii) a Half-UNet decoder that preserves anatomical detail.")
    assert "halfunet" in methods


@pytest.mark.parametrize("title,abstract,kept", [
    ("ArXiv-to-Model: A Practical Study of Scientific LM Training",
     "In this work, we present a detailed case study of training a 1.36B-parameter scientific language model.", False),
    ("Quecto-V1: Empirical Analysis of 8-bit Quantized Small Language Models",
     "This paper introduces Quecto-V1, a domain-specific Small Language Model.", True),  # the abstract proposes it
    ("MAXS: Meta-Adaptive Exploration with LLM Agents", "Agents explore.", True),  # no study
])
def test_a_study_title_names_no_method_unless_the_abstract_proposes_it(nlp, title, abstract, kept):
    methods, _ = found(nlp, title, abstract)
    assert any(m.proposed for m in methods.values()) == kept


def test_a_definition_that_opens_the_title_names_the_papers_method(nlp):
    # O-Shap, Feb 2026: the long form ends in no method noun and no proposing verb stands before it
    methods, _ = found(nlp, "Owen-based Semantics and Hierarchy-Aware Explanation (O-Shap)",
                       "Experiments on image and tabular datasets demonstrate that O-Shap outperforms baseline SHAP variants.")
    assert any(m.proposed and "O-Shap" in m.surfaces for m in methods.values())
    # ... but not the domain terms a title defines in passing, nor a title acronym a subtitle calls a benchmark
    methods, _ = found(nlp, "Persistent feature reconstruction of resident space objects (RSOs) within inverse synthetic "
                            "aperture radar (ISAR) images", "We reconstruct features of RSOs in ISAR images.")
    assert not any(m.proposed for m in methods.values())
    methods, datasets = found(nlp, "GeoRC: A Benchmark for Geolocation Reasoning Chains", "We introduce GeoRC for VLMs.")
    assert not methods


@pytest.mark.parametrize("abstract,short,kept", [
    # the object of a proposing sentence, further than a few words from its verb (Feb 2026 papers)
    ("In this paper, we introduce a novel end-to-end schema for long-form video understanding, which includes an "
     "information-density-based adaptive video sampler (AVS) and an autoencoder-based spatiotemporal video compressor "
     "(SVC) integrated with a multimodal large language model.", "SVC", True),
    ("We propose two scheduling variants, sequential check node scheduling (SCNS) and sequential variable node "
     "scheduling (SVNS), that improve the error-correction ability of BP.", "SCNS", True),
    # quantities and anatomy are not what the paper proposes
    ("Within the proposed framework, closed-form expressions for the degree of freedom (DoF) are derived.", "DoF", False),
    ("With the proposed method we obtain scores of 87.55 and 79.36 for the whole tumor (WT) and the tumor core (TC).",
     "WT", False),
])
def test_a_definition_proposed_further_in_the_sentence(nlp, abstract, short, kept):
    methods, _ = found(nlp, "A study", abstract)
    assert any(short in m.surfaces and m.proposed for m in methods.values()) == kept


@pytest.mark.parametrize("abstract,names", [
    # OCR-Agent, Feb 2026
    ("To address this issue, we propose a novel iterative self-correction framework that endows models with two key "
     "capabilities: Capability Reflection and Memory Reflection. This framework guides the model.",
     {"capabilityreflection", "memoryreflection"}),
    ("We propose a framework with three modules: Token Mixer, Gated Fusion Block, and Adaptive Head.",
     {"tokenmixer", "gatedfusionblock", "adaptivehead"}),
    # not a benchmark's subsets, a model's variants, or data
    ("To support evaluation, we construct RVE-Bench, a comprehensive benchmark with two complementary subsets: "
     "Reasoning-Informed Video Editing and In-Context Video Generation.", set()),
    ("We present FiMI, a financial language model. We develop two model variants: FiMI Base and FiMI Instruct.", set()),
    ("We propose a method evaluated on two datasets: ImageNet Large and COCO Stuff.", set()),
])
def test_a_counted_colon_list_of_a_proposing_sentence(nlp, abstract, names):
    methods, _ = found(nlp, "A study", abstract)
    listed = {"capabilityreflection", "memoryreflection", "tokenmixer", "gatedfusionblock", "adaptivehead", "fimibase",
              "fimiinstruct", "reasoninginformedvideoediting", "incontextvideogeneration", "imagenetlarge", "cocostuff"}
    assert set(methods) & listed == names


@pytest.mark.parametrize("abstract,key", [
    # glued to a component noun, although "... Layer Adaptation" reads like a setting
    ("Additionally, a lightweight Similarity-Guided Layer Adaptation (SGLA) module replaces knowledge distillation.",
     "similarityguidedlayeradaptation"),
    ("DEIG integrates an Instance Detail Extractor (IDE) that transforms text encoder embeddings.", "instancedetailextractor"),
    ("FinSight-Net introduces a Multi-Scale Decoupled Dual-Stream Processing (MS-DDSP) bottleneck for blur.",
     "multiscaledecoupleddualstreamprocessing"),
    ("Secondly, the certainty-oriented sphere weighting (COSW) is developed to allocate the importance of samples.",
     "certaintyorientedsphereweighting"),
])
def test_a_definition_naming_a_part_of_the_papers_method_is_proposed(nlp, abstract, key):
    methods, _ = found(nlp, "A title", abstract)
    assert key in methods and methods[key].proposed


@pytest.mark.parametrize("abstract", [
    "Large-scale foundation models (FMs) in remote sensing (RS) are developed based on the paradigms of vision.",
    "Motivated by language models, graph foundation models (GFMs) is proposed to handle few-shot learning.",
    "The tumor core and the whole tumor (WT) region are segmented; the WT region is larger.",
])
def test_fields_classes_and_anatomy_defined_in_passing_are_not_parts(nlp, abstract):
    methods, _ = found(nlp, "A title", abstract)
    assert not [k for k, m in methods.items() if m.proposed]
    assert not {"remotesensing", "graphfoundationmodels", "wholetumor"} & set(methods)


def test_staple_techniques_are_found_and_the_feed_forward_network_is_not_suppressed(nlp):
    methods, _ = found(nlp, "A title", "We train with backpropagation and next-token prediction, estimate optical flow, cast "
                       "routing as a contextual bandit, and prune each feed-forward network (FFN) block.")
    assert {"backpropagation", "next-token-prediction", "optical-flow", "contextual-bandit", "feed-forward-network"} <= set(methods)


@pytest.mark.parametrize("abstract,names", [
    ("We benchmark three representative detectors -- TruFor, DocTamper, and a zero-shot GPT-4o judge -- and find that "
     "all existing methods degrade.", {"trufor", "doctamper"}),
    ("We study three optimizers from the DSPy framework (COPRO, MiPROv2 and SIMBA) across four benchmarks.",
     {"copro", "miprov2", "simba"}),
    ("Our model remains competitive with TransMIL, with marked gains over DeepVecFont-v2 and DualVector.",
     {"transmil", "deepvecfontv2", "dualvector"}),
])
def test_names_counted_off_after_a_method_noun_or_a_comparison_are_mentions(nlp, abstract, names):
    methods, _ = found(nlp, "A title", abstract)
    assert names <= set(methods) and not any(methods[k].proposed for k in names)


def test_counted_lists_of_data_metrics_or_sizes_are_not_methods(nlp):
    methods, _ = found(nlp, "A title", "We use two datasets (ImageNet, COCO), three metrics: FID, CLIPScore and PSNR, "
                       "and compare with models from 0.6B-8B.")
    assert not methods


def test_examples_after_a_plural_of_data_are_not_methods(nlp):
    methods, datasets = found(nlp, "A title", "ATR models trained on more palaeographically-oriented datasets such as "
                              "CATMuS have shown greater generalizability; baselines such as TrOCR-Base do not.")
    assert "catmus" not in methods and "trocr" in methods  # the examples of a method noun are still mentions


@pytest.mark.parametrize("abstract,key", [
    # defined in passing, proposed further on by its short form (alone, or before a method noun)
    ("We propose a reasoning-driven framework that integrates Embedder-Guided Reinforcement Learning (EG-RL) to optimize "
     "the Reasoner. We design an EG-RL framework where the Embedder supervises the Reasoner.", "embedderguidedreinforcementlearning"),
    ("The Reasoner produces evidential Traceability CoT (T-CoT). We introduce T-CoT, which extracts critical cues.",
     "traceabilitycot"),
])
def test_a_definition_proposed_later_by_its_short_form_is_proposed(nlp, abstract, key):
    methods, _ = found(nlp, "A title", abstract)
    assert methods[key].proposed


@pytest.mark.parametrize("abstract", [
    # a task's acronym before a method noun, a tensor, a language: not the paper's method
    "Single image super-resolution (SISR) restores detail. We propose a SISR method with a light decoder.",
    "We project 4D Range-Azimuth-Doppler-Elevation (RADE) tensors. We introduce RADE-Net, a lightweight model.",
    "We translate from Luxembourgish (LB) into French. Results hold even for translating LB to German.",
])
def test_a_task_or_thing_defined_in_passing_stays_out_though_named_again(nlp, abstract):
    methods, _ = found(nlp, "A title", abstract)
    assert not {"singleimagesuperresolution", "rangeazimuthdopplerelevation", "luxembourgish"} & set(methods)


def test_a_title_name_the_abstract_proposes_in_lower_case(nlp):
    methods, _ = found(nlp, "Attachment Anchors: A Novel Framework for Laparoscopic Grasping Point Prediction",
                       "Grasping is hard. In this work, we introduce attachment anchors, a structured representation "
                       "of tissue and its attachments.")
    assert methods["attachmentanchors"].proposed
    # a phenomenon the paper names is not its method
    methods, _ = found(nlp, "Contextual Drag: How Errors in the Context Affect LLM Reasoning",
                       "We study a phenomenon termed contextual drag: failed attempts in the context bias later ones.")
    assert "contextualdrag" not in methods


@pytest.mark.parametrize("abstract,names", [
    ("We compare direct prediction, Chain-of-Thought (CoT), ReAct, and CodeAct with Python execution.", {"codeact"}),
    ("It outperforms larger general purpose models (e.g., GPT-5.2, Gemini 3.0 Pro, Intern-S1) by far.", {"interns1"}),
    ("We implement three popular schemes--Tree of Thoughts, Graph of Thoughts, and ProbTree--within one framework.",
     {"probtree"}),
    ("It integrates with advanced RL strategies like NoisyRollout to yield complementary improvements.", {"noisyrollout"}),
    ("We then train a modified version of Pix2Seq to output these tokens.", {"pix2seq"}),
    ("Building on our previous work, DynaSeg, the method combines global pseudo-labels.", {"dynaseg"}),
])
def test_names_beside_known_methods_or_after_a_building_cue_are_mentions(nlp, abstract, names):
    methods, _ = found(nlp, "A title", abstract)
    assert names <= set(methods) and not any(methods[k].proposed for k in names)
    assert not any("--" in k or "within" in k for k in methods)  # a dash ends a listed name


def test_a_verb_form_beside_a_name_is_no_list_of_methods(nlp):
    methods, _ = found(nlp, "A title", "We curate a corpus for distillation. We release OpenLVD200M and distilled models; "
                       "MLLMs are tested in cross-modality scenarios, including VIS-NIR and VIS-SWIR.")
    assert not {"openlvd200m", "visnir", "visswir"} & set(methods)


def test_a_known_acronym_joined_to_a_coined_word_is_another_model(nlp):
    methods, _ = found(nlp, "A title", "SAM4Dcap integrates the mesh recovery of SAM-Body4D with a solver; our model "
                       "outperforms GTE-ModernColBERT. We fine-tune EfficientNet-B0, VQ-VAE2 and SAM-2.")
    assert {"sambody4d", "gtemoderncolbert"} <= set(methods) and not {"gte"} & set(methods)
    # versions and sizes stay with the known family
    assert {"efficientnet", "segment-anything-model"} <= set(methods)
    assert not {"efficientnetb0", "vqvae2", "sam2"} & set(methods)


def test_a_proposed_name_keeps_its_version_one_key_per_paper(nlp):
    methods, _ = found(nlp, "PEACE 2.0: Grounded Explanations and Counter-Speech",
                       "We present PEACE 2.0, a novel tool that explains hateful messages. PEACE 2.0 has three functions.")
    assert [k for k, m in methods.items() if m.proposed] == ["peace2.0"]
    # a known family's new version is the family
    methods, _ = found(nlp, "A title", "We introduce ERNIE 5.0, a natively multimodal model.")
    assert "ernie" in methods and not methods["ernie"].proposed


@pytest.mark.parametrize("title,abstract,kind", [
    ("PsihoRo: Depression and Anxiety Romanian Text Corpus", "We have created the first corpus for depression in "
     "Romanian. PsihoRo is a first step towards understanding such texts.", "dataset"),
    ("ChimeraLoRA: Multi-Head LoRA-Guided Synthetic Datasets", "We propose ChimeraLoRA, which trains a LoRA per class.",
     "method"),
    ("A nationwide urban village mapping product", "In this work, we present GeoLink-UV, a high-resolution nationwide UV "
     "mapping product that delineates villages.", None),
])
def test_what_an_article_less_subtitle_or_an_appositive_calls_a_name(nlp, title, abstract, kind):
    methods, datasets = found(nlp, title, abstract)
    name = {"dataset": "psihoro", "method": "chimeralora"}.get(kind, "geolinkuv")
    assert (name in methods) == (kind == "method") and (name in datasets) == (kind == "dataset")


def test_sizes_adjective_compounds_and_endpoints_are_not_methods(nlp):
    methods, _ = found(nlp, "A title", "Our model outperforms existing sub-100B models. We build an MLLM-centered "
                       "pipeline and report disease-specific survival (DSS) and overall survival (OS).")
    assert not {"sub100b", "mllmcentered", "diseasespecificsurvival", "overallsurvival"} & set(methods)


def test_a_coined_name_in_parentheses_after_a_method_noun_or_before_activation(nlp):
    methods, _ = found(nlp, "A title", "The model incorporates a prompt debiasing mechanism (PromptDebias) and a "
                       "hybrid architecture with the SigLu activation function; layers keep RGBA layers apart.")
    assert {"promptdebias", "siglu"} <= set(methods) and "rgba" not in methods


def test_capitalised_words_before_an_acronym_in_a_proposing_sentence_name_a_variant(nlp):
    methods, _ = found(nlp, "A title", "We introduce GeoWorld, a world model that preserves structure through a "
                       "Hyperbolic JEPA, which maps latents onto hyperbolic manifolds.")
    assert methods["hyperbolicjepa"].proposed and "jepa" not in methods
    methods, _ = found(nlp, "A title", "Prior work trains a Hyperbolic JEPA, which maps latents onto manifolds.")
    assert "hyperbolicjepa" not in methods  # outside a proposing sentence


def test_a_titled_component_may_end_in_prior_stage_or_guidance(nlp):
    methods, _ = found(nlp, "A title", "For training, we introduce Pre-Post Distillation and a Generative-Aware Prior to "
                       "enhance the tokens.")
    assert methods["generativeawareprior"].proposed
