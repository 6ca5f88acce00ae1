"""Model names glued after a dash or suffixed for use, versions with spaces or LaTeX, generated
variants of established techniques, and names that stand for something else (real abridged papers)."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.records import Paper, Summary


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def methods(nlp, abstract: str, title: str = "A study", summary: str = "") -> dict[str, tuple[str, ...]]:
    paper = Paper(arxiv_id="2601.00009", title=title, abstract=abstract,
                  summary=Summary(tldr=summary) if summary else None)
    (e,) = extract_papers([paper], nlp=nlp)
    return {m.key: m.surfaces for m in e.methods}


def test_a_model_after_a_dash_glued_to_a_lowercase_word_is_found(nlp):
    # blind7 2602.18711: the hyphen is a dash, not a compound
    found = methods(nlp, "We analyse LVLM decoders built on three widely used large language model "
                         "backbones-Qwen, LLaMA, and Vicuna-revealing clear layer-wise differences.")
    assert {"qwen", "llama", "vicuna"} <= set(found)


def test_a_long_form_glued_inside_a_compound_stays_part_of_it(nlp):
    assert "supervised-fine-tuning" not in methods(nlp, "We apply render-supervised fine-tuning to the decoder.")


def test_multi_prefix_keeps_the_method(nlp):
    # blind7 2602.21963 (also a spelling: "minimal" for "minimum")
    found = methods(nlp, "(2) multi-minimal-spanning-tree-based pose graph construction guided by these ranks")
    assert "minimum-spanning-tree" in found


def test_a_vision_suffix_is_part_of_the_version(nlp):
    # blind7 2602.18711: "GPT-4V-aided evaluation" names GPT-4V, not bare GPT
    found = methods(nlp, "HIME reduces hallucinations across open-ended generation benchmarks, including CHAIR, "
                         "MME, and GPT-4V-aided evaluation, without introducing additional parameters.")
    assert found.get("gpt") == ("GPT-4V",)
    # and a model used as a modifier has no list mates: CHAIR is a metric of that benchmark list
    assert "chair" not in found


def test_a_model_in_a_list_still_finds_its_mates(nlp):
    found = methods(nlp, "We compare GPT-4V, Gemini-Pro and CogAgent on the task.")
    assert {"gpt", "gemini", "cogagent"} <= set(found)


@pytest.mark.parametrize("abstract, surface", [
    # blind7 2602.16968: LaTeX around the version is cleaned to "Wan 2.1"
    ("it achieves up to $3.52\\times$ and $3.2\\times$ speedup on FLUX-1.Dev and Wan $2.1$, respectively", "Wan 2.1"),
    # winter 2602.07272, 2512.14691
    ("First, we finetune a large video model (Wan 2.1 14B) to generate material sample videos.", "Wan 2.1 14B"),
    ("We benchmark leading video models (Veo-3, Sora-2, Wan-2.2) and image models.", "Wan-2.2"),
])
def test_a_listed_word_version_name_is_found_with_a_space_or_hyphen(nlp, abstract, surface):
    assert methods(nlp, abstract).get("wan-video") == (surface,)


def test_a_space_version_needs_a_dotted_version(nlp):
    from kg.extract.matching import acronym_variants
    assert "Wan 2.1" in acronym_variants("Wan2.1")
    assert "Step 2" not in acronym_variants("Step-2")  # "Step 2" is prose


def test_a_gazetteer_name_inside_a_coined_name_of_the_summary_is_not_a_mention(nlp):
    # blind7 2602.21351: the summary repeats the coined name; its "GPT" is no more a mention than the abstract's
    found = methods(nlp, "Here we present PANGAEA-GPT, a hierarchical multi-agent framework designed for "
                         "autonomous data discovery.", summary="PANGAEA-GPT：用于地球科学数据自主发现和分析的分层多智能体框架")
    assert "gpt" not in found and "pangaeagpt" in found


def test_a_method_inside_a_defined_long_form_still_counts(nlp):
    # blind5 2602.19163: MS-MoE builds on mixture-of-experts, which the gold counts
    found = methods(nlp, "We introduce a modality-specific mixture-of-experts (MS-MoE) design and an audio-video "
                         "direct preference optimization (AV-DPO).", summary="采用MS-MoE和AV-DPO")
    assert {"mixture-of-experts", "dpo"} <= set(found)


def test_a_named_inequality_is_not_the_method(nlp):
    # blind7 2602.17358 / winter: the prophet of optimal stopping is not the forecasting model
    assert methods(nlp, "Prophet inequalities compare online stopping strategies against an omniscient prophet.",
                   title="Prophet Inequality with Conservative Prediction") == {}
    assert "prophet-model" in methods(nlp, "We forecast daily demand with Prophet and ARIMA.")


@pytest.mark.parametrize("abstract, key, surface", [
    # blind7 2602.18996
    ("To encourage robust representations, we introduce a cycle-consistency training objective.", "cycle-consistency",
     "cycle-consistency"),
    ("Learning Cross-View Object Correspondence via Cycle-Consistent Mask Prediction", "cycle-consistency",
     "Cycle-Consistent"),
    # blind7 2602.17475
    ("We compare few-shot prompting, constraint decoding and supervised fine-tuning.", "constrained-decoding",
     "constraint decoding"),
    # blind7 2602.18711, winter 2602.09870
    ("HIME, a simple yet effective layer-adaptive weight editing approach", "model-editing", "weight editing"),
    # blind7 2602.22958
    ("this yields improvements of 1.69 pp for LZMA, outperforming the classical Word Replacing Transform.", "lzma", "LZMA"),
    ("outperforming the classical Word Replacing Transform.", "word-replacing-transform", "Word Replacing Transform"),
    # blind7 2602.15870
    ("To convert planned embeddings back to text, we use a \\textbf{Vec2Text} renderer.", "vec2text", "Vec2Text"),
    # blind7 2602.13303
    ("Conditional diffusion inversion provides a powerful framework for unpaired translation.", "diffusion-inversion",
     "diffusion inversion"),
])
def test_established_techniques_and_their_variants(nlp, abstract, key, surface):
    assert surface in methods(nlp, abstract).get(key, ())


def test_generated_participles_of_consistency_and_model_nouns():
    from kg.extract.matching import participles
    assert participles("cycle consistency") == ["cycle-consistent"]
    assert participles("self consistency") == []  # the self-consistent field of physics
    assert participles("model editing") == []  # "model-edited images" were edited by a model


def test_model_edited_images_are_not_model_editing(nlp):
    # winter 2512.10284
    found = methods(nlp, "rewards based on how well the motion flow between input and model-edited images matches")
    assert "model-editing" not in found


@pytest.mark.parametrize("abstract, key, surface", [
    # blind4 2602.15257: a three-letter family written with a space before its dotted version
    ("While several such strong models are open-weight, namely Qwen3 VL and GLM 4.5/6V, their recipes", "glm", "GLM 4.5"),
    # LaTeX's unbreakable space before a version (winter 2512.05863, 2601.09714)
    ("We fine-tune LLaMA~2 on the corpus.", "llama", "LLaMA 2"),
])
def test_versions_after_a_space_or_tilde(nlp, abstract, key, surface):
    assert methods(nlp, abstract).get(key) == (surface,)


def test_a_two_letter_acronym_with_a_space_version_is_not_a_model(nlp):
    assert methods(nlp, "Participants had a mean age of 45 (SD 3.5) years.") == {}


@pytest.mark.parametrize("abstract", [
    # blind4 2602.22481
    "These personas are simulated by 12 frontier models by OpenAI, Anthropic, Alphabet, DeepSeek, and Meta.",
    # winter 2602.19006
    "Our study evaluates 15 models from five providers (OpenAI, Anthropic, Google, Alibaba, DeepSeek) on 20 tasks.",
])
def test_a_bare_model_family_listed_among_companies_is_the_company(nlp, abstract):
    assert methods(nlp, abstract) == {}


def test_a_company_before_a_model_name_is_no_list_neighbour(nlp):
    assert {"gemini", "llama"} <= set(methods(nlp, "We use Google Gemini and Meta Llama for this."))
    assert "deepseek" in methods(nlp, "Models from OpenAI and DeepSeek-V3 are compared.")


def test_a_family_listed_only_with_versions_is_found_bare_beside_a_model(nlp):
    # blind7 2602.19161, winter 2601.21408: "Wan" is listed as Wan2.1/Wan2.2 only (the bare word is a surname)
    assert "wan-video" in methods(nlp, "Extensive experiments on Wan and LTX-Video VAE decoders demonstrate gains.")
    assert "wan-video" in methods(nlp, "With the rapid advancement of video generation models such as Veo and Wan, the")
    assert methods(nlp, "We thank Wan and colleagues for the discussion.") == {}


def test_a_versioned_acronym_written_all_in_capitals_is_the_same_model(nlp):
    # blind9 2602.13349: "DINOV2" for DINOv2; the key is the family's, as for "DINOv2"
    assert methods(nlp, "We extract DINOV2 features and compare them with DINOv2 ones.")["dino"] == ("DINOV2", "DINOv2")


def test_the_plural_of_an_x_of_y_technique_inflects_x(nlp):
    # blind9 2602.22871: "chains-of-thought"; generated for every "X of Y" entry, not listed
    found = methods(nlp, "Long chains-of-thought help, and sparse mixtures of experts scale them.")
    assert "chain-of-thought" in found and "mixture-of-experts" in found


def test_a_proposed_name_after_a_dash_glued_to_a_plural_starts_at_the_capital(nlp):
    # blind8 2602.21581: "components-Identifier Assigner" names "Identifier Assigner"
    found = methods(nlp, "At its core, our framework introduces two novel components-Identifier Assigner and "
                         "Identifier Adapter - which capture per-person positional cues.")
    assert "identifierassigner" in found and not any(k.startswith("components") for k in found)
