"""Round 20 (docs/gazetteer.md "Round 20"): what blind31 (upstream cs digests of 2026-03..06) found missing. Shared
heads of coordinations and parenthesised lists, a procedure noun after a listed name, a clause after a defining
colon, a quoted long form, a spaced dash after a title's name, a lighter variant of a known method, participles
of corrections, bit widths, metric and product words after a model's name."""
from __future__ import annotations

import pytest

from kg.extract.matching import participles
from tests.extraction import paper_methods


def methods(title, abstract, category="cs.LG"):
    return {m.key: m for m in paper_methods(title, abstract, category)}


@pytest.mark.parametrize(("abstract", "want"), [
    # a head noun two items share: "<item> <head>" must be a listed method, whatever the item
    ("Differences are checked with McNemar and Wilcoxon tests.", {"mcnemar-test", "wilcoxon-signed-rank-test"}),
    ("We compare Kalman and particle filters for tracking.", {"kalman-filter", "particle-filter"}),
    # the plural head before a parenthesised list of its kinds
    ("Statistical tests (Cochran's Q and McNemar) confirm the differences.", {"cochran-q-test", "mcnemar-test"}),
])
def test_a_shared_head_noun_names_each_listed_item(abstract, want):
    got = methods("Evaluation", abstract, "cs.CL")
    assert want <= got.keys(), got.keys()
    assert "mcnemar" not in got  # one key: the item is the entry's, not a name of its own


def test_an_item_that_is_no_listed_method_with_the_head_is_not_found():
    got = methods("Evaluation", "Statistical tests (accuracy and recall) and models (small and large) were used.", "cs.CL")
    assert not got, got.keys()


@pytest.mark.parametrize(("abstract", "key", "surface"), [
    ("Time stepping uses a forward Euler scheme.", "euler-method", "forward Euler scheme"),
    ("A pruning technique removes heads.", "pruning", "pruning technique"),
    ("We use the conjugate gradient method.", "conjugate-gradient", "conjugate gradient method"),
    # an acronym or a model's name stands alone
    ("The GMRES solver converges.", "gmres", "GMRES"),
])
def test_the_surface_keeps_the_procedure_noun_after_a_listed_name(abstract, key, surface):
    got = methods("Numerics", abstract, "math.NA")
    assert got[key].surface == surface


def test_a_clause_after_a_defining_colon_is_no_appositive():
    # "CAGE (...): an LLM synthesizes executable code": "code" is not what CAGE is (software would be rejected)
    got = methods("CAGE: Bridging the Accuracy-Aesthetics Gap in Educational Diagrams",
                  "We propose CAGE (Code-Anchored Generative Enhancement): an LLM synthesizes executable code producing "
                  "a structurally correct diagram, then a diffusion model refines it.", "cs.CV")
    assert any(m.proposed and m.surface in ("CAGE", "Code-Anchored Generative Enhancement") for m in got.values()), got


def test_a_quoted_long_form_after_a_naming_word_is_proposed():
    got = methods("PASTA: Vision Transformer Patch Aggregation for Weakly Supervised Target and Anomaly Segmentation",
                  "We propose a weakly supervised pipeline for object segmentation called 'Patch Aggregation for "
                  "Segmentation of Targets and Anomalies' (PASTA).", "cs.CV")
    assert any(m.proposed and "PASTA" in m.name for m in got.values()), got


def test_a_spaced_dash_after_a_titles_name_separates_it_as_a_colon_does():
    got = methods("F2IND-IT! -- Multimodal Fuzzy Fake Indian News Detection using Images and Text",
                  "We fuse image and text features with a fuzzy inference layer.", "cs.CL")
    assert any(m.proposed and m.name == "F2IND-IT" for m in got.values()), got
    # a plain title with a dash names nothing
    assert not methods("Deep Learning -- A Survey of Recent Results", "We review recent results.", "cs.LG")


def test_a_lighter_variant_of_a_known_method_is_its_own_method():
    got = methods("Efficient Visual Anomaly Detection at the Edge",
                  "We propose two efficient methods for edge deployment: PatchCore-Lite and PaDiM-Lite, based on the "
                  "popular PatchCore and PaDiM models.", "cs.CV")
    assert {"patchcore", "padim"} <= got.keys()
    assert any(m.proposed and m.name == "PatchCore-Lite" for m in got.values()), got
    # a model family's tier stays the family ("Gemini-Pro" is Gemini)
    assert "gemini" in methods("Agents", "We compare against Gemini-Pro.", "cs.AI")


def test_a_statistical_correction_as_a_participle():
    assert "bonferroni-corrected" in participles("bonferroni correction")
    assert "logit-adjusted" in participles("logit adjustment")
    assert "bonferroni-correction" in methods("Tests", "We report Bonferroni-corrected p-values.", "stat.ME")


@pytest.mark.parametrize("abstract", ["The model is 4-bit quantized.", "A 4-bit quantised Llama runs on a phone."])
def test_a_bit_width_names_quantization(abstract):
    assert "quantization" in methods("Deployment", abstract, "cs.LG")


def test_metric_and_product_words_after_a_models_name():
    got = methods("Synthesis", "We report Frechet Inception Distance, Inception Score and CLIP Score, and run Claude "
                  "Code and Gemini CLI agents.", "cs.CV")
    assert not {"inception", "clip", "claude", "gemini"} & got.keys(), got.keys()
    assert "claude" in methods("Agents", "We evaluate Claude 3.5 Sonnet.", "cs.AI")


def test_a_generic_method_noun_alone_is_never_a_proposed_name():
    got = methods("Agent Economics", "This study proposes the Behavioral Protocol Framework (BPF). To evaluate the "
                  "proposed framework, a simulation is built. The proposed framework can enhance stability.", "cs.AI")
    assert not [m for m in got.values() if m.name.casefold() == "framework"], got


@pytest.mark.parametrize(("abstract", "key"), [
    # blind31 vocabulary (development data once scored)
    ("Outcomes are analysed through Wilson confidence intervals.", "wilson-score-interval"),
    ("Strata are sampled by Neyman-optimal allocation.", "neyman-allocation"),
    ("Robustness is certified with the S-procedure.", "s-procedure"),
    ("Comparisons follow Thurstone's Case V model.", "thurstone-model"),
    ("We train with a logit-adjusted cross-entropy loss.", "logit-adjustment"),
    ("We build on PatchCore for anomaly detection.", "patchcore"),
    ("Experiments use the MViT-B-16x4 transformer.", "multiscale-vision-transformer"),
    ("Baselines include Promptist and random search.", "promptist"),
    ("We render 3D Gaussian fields with path tracing.", "3d-gaussian-splatting"),
])
def test_blind31_vocabulary(abstract, key):
    assert key in methods("A study", abstract, "cs.CV")


def test_the_pali_language_is_not_the_pali_model():
    assert "pali" not in methods("PaliBench: A Benchmark for Classical Language Translation",
                                 "We translate the classical language Pali into English.", "cs.CL")


def test_an_eponyms_method_iterates_and_steps_by_its_name():
    assert "newton-method" in methods("Solvers", "The system is solved by Newton iterations with a damped Newton step.",
                                      "math.NA")
    # the generated variants do not replace the procedure heads of longer names
    assert "finite-element-method" in methods("Solvers", "We run finite element simulations.", "math.NA")
