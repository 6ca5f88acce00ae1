"""The lexicon layers: rule merges, rule-3 techniques not suppressed, domain methods, generated variants."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.gazetteer import build_gazetteer, load_gazetteer
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def keys(nlp, abstract: str) -> dict[str, tuple[str, ...]]:
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title="A study", abstract=abstract)], nlp=nlp)
    return {m.key: m.surfaces for m in e.methods}


def test_rule_merges_give_one_key(nlp):
    assert set(keys(nlp, "We compare structured state space models (SSMs) with Mamba-2.")) == {"mamba"}
    assert set(keys(nlp, "Visual token pruning speeds up decoding; weight pruning shrinks it.")) == {"pruning"}
    gaz = load_gazetteer()
    assert "method:state-space-model" not in gaz.entries and gaz.lookup("SSM").key == "mamba"


def test_a_merge_into_a_missing_key_is_a_problem_not_a_crash():
    gaz = build_gazetteer([{"key": "a", "name": "Alpha"}], merges={"a": "b"})
    assert "method:a" in gaz.entries and gaz.problems


@pytest.mark.parametrize("text,key", [
    ("We apply parameter-efficient fine-tuning (PEFT) to the encoder.", "parameter-efficient-fine-tuning"),
    ("Heavy data augmentation helps.", "data-augmentation"),
    ("We compare greedy decoding with constrained decoding.", "greedy-decoding"),
    ("Continual pretraining on code improves the model.", "continual-pretraining"),
    ("A gradient reversal layer aligns domains.", "domain-adversarial-training"),
])
def test_rule_3_techniques_are_methods(nlp, text, key):
    assert key in keys(nlp, text)


@pytest.mark.parametrize("text,key", [
    ("We run N-body simulations of dark matter halos.", "n-body-simulation"),
    ("Posteriors are computed with nested sampling.", "nested-sampling"),
    ("SED fitting gives stellar masses.", "sed-fitting"),
    ("We use ideal MHD simulations of the disk.", "mhd-simulation"),
    ("The spread follows an SIR model on the contact network.", "sir-model"),
    ("A Tucker decomposition compresses the tensor.", "tucker-decomposition"),
    ("Survival was estimated with Kaplan-Meier curves and a log-rank test.", "log-rank-test"),
])
def test_domain_methods(nlp, text, key):
    assert key in keys(nlp, text)


def test_optional_paradigms_stay_suppressed(nlp):
    assert keys(nlp, "We use deep learning, fine-tuning and large language models (LLMs).") == {}


def test_generated_variants_of_every_entry():
    from kg.extract.matching import insensitive_forms
    from kg.extract.text import inflections, joined_variant

    assert joined_variant("depth anything") == "depthanything" and joined_variant("k means") is None
    assert inflections("quantization") == ["quantized", "quantizing"] and inflections("pruning") == ["pruned"]
    assert inflections("attention") == []  # too short a stem to be a verb form papers use
    forms = insensitive_forms(load_gazetteer().entries["method:water-filling"])
    assert "waterfilling" in forms and "water filling" in forms


def test_variants_are_found_in_text(nlp):
    assert "quantization" in keys(nlp, "We deploy quantized models on phones.")
    assert "ray-tracing" in keys(nlp, "Channels are simulated by raytracing.")
    # the compound is vector quantization, not the model quantization of a bare "quantized"
    assert set(keys(nlp, "A vector-quantized codebook.")) == {"vector-quantization"}
    assert keys(nlp, "Information is lost in quantized RGB images.") == {}  # signal quantization: no model noun follows


@pytest.mark.parametrize("text,key,surface", [
    ("The critic is trained via contrastive objectives.", "contrastive-learning", "contrastive objectives"),
    ("A 3D-GS renderer.", "3d-gaussian-splatting", "3D-GS"),
    ("We render 3D Gaussians.", "3d-gaussian-splatting", "3D Gaussians"),
    ("It needs parameter-efficient finetuning.", "parameter-efficient-fine-tuning", "parameter-efficient finetuning"),
    ("For the LLama3-8B model, it fails.", "llama", "LLama3-8B"),
    ("The diffusion process is slow.", "diffusion-model", "diffusion process"),
    ("Agents act in Markov Decision Processes (MDPs).", "markov-decision-process", "Markov Decision Processes"),
    ("Identifiable from the graph by rules of do-calculus.", "do-calculus", "do-calculus"),
    # a named procedure keeps its name under another generic head noun
    ("Finite element simulations are run by package design engineers.", "finite-element-method", "Finite element simulations"),
    # a product tier after a hyphen is part of the model's name
    ("We evaluate Gemini-2.5-Flash and Qwen-VL-Max on the benchmark.", "qwen-vl", "Qwen-VL-Max"),
    # a listed "SD3" makes "SD" a family that needs its version glued on ("SD" alone stays out, rule 6)
    ("Experiments on strong baselines (SD3.5 and FLUX) show gains.", "stable-diffusion", "SD3.5"),
])
def test_generated_head_noun_acronym_and_casing_variants(nlp, text, key, surface):
    found = keys(nlp, text)
    assert key in found and surface in found[key]


def test_an_ambiguous_family_in_lower_case_stays_a_word(nlp):
    assert keys(nlp, "A llama3 farm and a mamba2 snake.") == {}
    assert keys(nlp, "The mean was 4.2 (SD 1.3) and the SD was small.") == {}


def test_a_generated_spelling_another_entry_lists_belongs_to_that_entry(nlp):
    from kg.extract.matching import GazetteerMatcher
    gaz = build_gazetteer([
        {"key": "monte-carlo-sampling-method", "name": "Monte Carlo sampling method"},
        {"key": "monte-carlo-sampling-simulation", "name": "Monte Carlo sampling simulation"},
    ])
    matcher = GazetteerMatcher(nlp, gaz)
    doc = nlp.make_doc("We run a Monte Carlo sampling simulation, then a Monte Carlo sampling solver.")
    assert sorted((s.text, s.label_) for s in matcher(doc)) == [
        ("Monte Carlo sampling simulation", "method:monte-carlo-sampling-simulation"),
        ("Monte Carlo sampling solver", "method:monte-carlo-sampling-method"),
    ]


@pytest.mark.parametrize("text,key", [
    # sizes and versions fold into the family; a separately named product keeps its own key
    ("We fine-tune OLMoE-1B-7B and compare with EXAONE-3.5.", "olmoe"),
    ("Qwen2.5-Math-7B-Instruct serves as the policy.", "qwen-math"),
    ("Features come from UNI2 and H-optimus-1, nuclei from CellViT.", "uni-pathology"),
    ("Rewards are given by ArmoRM and Skywork-Reward-V2.", "skywork-reward"),
    ("The tabular baseline is TabPFN-v2.", "tabpfn"),
    ("Grounding uses UI-TARS-1.5-7B.", "ui-tars"),
])
def test_pretrained_model_families(nlp, text, key):
    assert key in keys(nlp, text)


def test_product_outside_its_family_key():
    # DeepSeek-OCR was folded into the DeepSeek base series; its listed spelling wins now
    gaz = load_gazetteer()
    from kg.extract.matching import listed_entry
    assert listed_entry(gaz, "DeepSeek-OCR") == "method:deepseek-ocr"
    assert listed_entry(gaz, "DeepSeek-V3.2") == "method:deepseek"


@pytest.mark.parametrize("text", [
    "The region has a donut shape; a nougat layer sits on top.",
    "Take one step at a time and dream of a canary in the lumina of vessels.",
])
def test_model_names_that_are_words_stay_words(nlp, text):
    assert keys(nlp, text) == {}


def test_a_multiword_technique_as_a_hyphenated_participle():
    from kg.extract.matching import participles
    assert participles("behavior cloning") == ["behavior-cloned"]
    assert participles("fast fourier transform") == ["fast-fourier-transformed"]
    assert participles("vector quantization") == [] and participles("pruning") == []


def test_generated_participles_and_verb_forms():
    from kg.extract.matching import participial_prefix, participles, verb_bases
    assert participles("instruction tuning") == ["instruction-tuned"]  # a six-letter "-ing" noun after a modifier
    assert participial_prefix("retrieval-augmented generation") == ["retrieval-augmented"]
    assert participial_prefix("score-based model") == [] and participial_prefix("self-paced reasoning") == []
    assert participial_prefix("population-based training") == []  # "-based" says how, never which
    assert verb_bases("distillation") == ["distill", "distills"] and verb_bases("quantization") == ["quantize", "quantizes"]
    assert verb_bases("interpolation") == []  # the stem does not spell the verb


@pytest.mark.parametrize("abstract, key", [
    # blind6 2602.15353, 2602.22557: the participle alone names the technique
    ("... compared to common retrieval-augmented baselines.", "retrieval-augmented-generation"),
    ("we introduce CourtGuard, a retrieval-augmented multi-agent framework that reimagines safety evaluation", "retrieval-augmented-generation"),
    # blind6 2602.21854
    ("Our findings reveal that instruction-tuned models exhibit strong zero-shot performance", "instruction-tuning"),
    # blind6 2602.18422: a teacher in the sentence makes "distill" the technique
    ("We train a bidirectional video diffusion model teacher using this strategy and distill it into a causal, "
     "interactive system.", "knowledge-distillation"),
    ("We distill a bidirectional diffusion model into a causal generator.", "knowledge-distillation"),
])
def test_derived_forms_find_their_entry(nlp, abstract, key):
    assert key in keys(nlp, abstract)


@pytest.mark.parametrize("abstract", [
    "We distill essential insights from interviews into design guidelines.",
    "We evaluate DeepSeek-R1-Distill-Qwen-7B on five benchmarks.",
    # dev 2601.03645: a classroom's teacher-student dialogue is no distillation
    "We utilize teacher-student instructional dialogues, where our indicators distill high-level interaction insights.",
])
def test_verb_forms_without_a_model_stay_prose(nlp, abstract):
    assert "knowledge-distillation" not in keys(nlp, abstract)


def test_head_variants_device_and_process_and_bare_procedures():
    from kg.extract.matching import head_variants
    assert "lloyd-max quantization" in head_variants("lloyd-max quantizer", "signal-processing")
    assert "gibbs sampler" in head_variants("gibbs sampling", "statistics")
    assert "domain decomposition" in head_variants("domain decomposition method", "optimization")
    assert "pollard's rho" in head_variants("pollard's rho algorithm", "optimization")
    # a stem that is no procedure keeps its head: "finite element" alone is a mesh, not the method
    assert "finite element" not in head_variants("finite element method", "simulation")
    assert "shor's" not in head_variants("shor's algorithm", "optimization")
    assert "adjoint sensitivity analysis" in head_variants("adjoint sensitivity method", "optimization")  # blind3 2602.23314


@pytest.mark.parametrize("abstract, key", [
    # blind6 2602.13446: the lexicon lists the quantizer, the paper uses the quantization
    ("Lloyd-Max quantization achieves superior BER performance.", "vector-quantization-sp"),
    # blind6 2602.19873: "Domain Decomposition Method" is listed with its head
    ("our neighbor list integrates with octree-based domain decomposition", "domain-decomposition-method"),
    # blind6 2602.16922: "Pollard's Rho Algorithm" is listed with its head
    ("Classical factorization methods are inefficient, e.g. Pollard's Rho.", "pollard-s-rho-algorithm"),
])
def test_head_variants_find_their_entry(nlp, abstract, key):
    assert key in keys(nlp, abstract)
