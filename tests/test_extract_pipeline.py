"""The spaCy pipeline end to end: gazetteer case rules, canonical keys, discovery, datasets."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.gazetteer import load_gazetteer
from kg.extract.matching import case_sensitive_forms, insensitive_forms
from kg.records import Paper, Summary

SMALL = str(Path(__file__).parent / "fixtures" / "extract_gazetteer")


@pytest.fixture(scope="module")
def small_nlp():
    return load_pipeline({"data_dir": SMALL})


def run(nlp, *abstracts, title="A study", summary=None):
    papers = [Paper(arxiv_id=f"2601.{i:05d}", title=title, abstract=a, summary=summary) for i, a in enumerate(abstracts)]
    return extract_papers(papers, nlp=nlp)


def keys(extraction):
    return {m.key for m in extraction.methods}


def test_gazetteer_files_load_and_validate():
    gaz = load_gazetteer(SMALL)
    assert gaz.lookup("LoRA").key == "lora" and gaz.lookup("Low Rank Adaptations") .key == "lora"
    assert gaz.lookup("lora") is None  # acronyms are case-sensitive
    assert gaz.is_generic("LLMs") and gaz.is_not_method("BLEU")
    assert "qwen" in gaz.versioned and not gaz.problems


def test_pattern_forms():
    gaz = load_gazetteer(SMALL)
    lora = gaz.entries["method:lora"]
    assert {"LoRA", "LoRAs"} <= set(case_sensitive_forms(lora))
    assert {"low-rank adaptation", "low rank adaptations"} <= set(insensitive_forms(lora))
    assert insensitive_forms(gaz.entries["method:mamba"]) == []  # ambiguous: exact case only


def test_lora_spellings_in_three_papers_give_one_key(small_nlp):
    out = run(small_nlp, "We fine-tune with LoRA.", "We study low-rank adaptation of models.",
              "Low-Rank Adaptation (LoRA) is cheap; LoRA-based tuning works.")
    assert [keys(e) for e in out] == [{"lora"}, {"lora"}, {"lora"}]
    third = out[2].methods[0]
    assert third.count == 3 and {"Low-Rank Adaptation", "LoRA"} <= set(third.surfaces)


def test_moe_and_mixture_of_experts_are_one_key(small_nlp):
    out = run(small_nlp, "An MoE layer.", "Sparse mixture-of-experts models.", "Mixture-of-Experts (MoE) routing.")
    assert [keys(e) for e in out] == [{"mixture-of-experts"}] * 3


def test_acronym_case_rule(small_nlp):
    upper, lower = run(small_nlp, "We use RAG for answers.", "A rag doll and a moe sound.")
    assert keys(upper) == {"retrieval-augmented-generation"}
    assert keys(lower) == set()


def test_versioned_families_fold_to_one_key(small_nlp):
    (e,) = run(small_nlp, "We evaluate Qwen2.5-7B and Qwen3-8B; Mamba-2 and a mamba snake.")
    assert keys(e) == {"qwen", "mamba"}
    qwen = next(m for m in e.methods if m.key == "qwen")
    assert set(qwen.surfaces) == {"Qwen2.5-7B", "Qwen3-8B"} and qwen.count == 2


def test_discovered_definition_merges_into_gazetteer_entry(small_nlp):
    (e,) = run(small_nlp, "We train with Group Relative Policy Optimization (GRPO). GRPO is stable.")
    (m,) = e.methods
    assert (m.key, m.name, m.proposed) == ("grpo", "Group Relative Policy Optimization", False)


def test_new_definition_is_a_method_with_its_long_form_as_alias(small_nlp):
    (e,) = run(small_nlp, "We propose Variance Controlled Policy Optimization (VCPO), a method. VCPO is robust.")
    (m,) = e.methods
    # a defined acronym is keyed by its long form, named "SHORT (long form)"
    assert (m.key, m.name, m.proposed) == ("variancecontrolledpolicyoptimization",
                                           "VCPO (Variance Controlled Policy Optimization)", True)
    assert {"VCPO", "Variance Controlled Policy Optimization"} <= set(m.aliases) and m.count >= 2


def test_proposed_flag_and_title_name(small_nlp):
    (e,) = run(small_nlp, "To address this, we propose BrainRVQ, a tokenizer for EEG. We compare with a GNN.",
               title="SymGraph: Symbolic Graph Learning")
    by_key = {m.key: m for m in e.methods}
    assert by_key["brainrvq"].proposed and by_key["symgraph"].proposed and by_key["symgraph"].in_title
    assert not by_key["graph-neural-network"].proposed


def test_benchmark_names_are_datasets_not_methods(small_nlp):
    (e,) = run(small_nlp, "We report results on the FooBench benchmark and on ImageNet. We introduce BarBench, a benchmark.")
    assert keys(e) == set()
    assert {"foobench", "imagenet", "barbench"} <= {d.key for d in e.datasets}


def test_local_definition_overrides_and_rejects(small_nlp):
    (e,) = run(small_nlp, "We report Expected Calibration Error (ECE) and Large Language Models (LLMs) accuracy.")
    assert keys(e) == set()


def test_summary_mentions_are_a_second_source(small_nlp):
    summary = Summary(language="zh", tldr="本文使用LoRA和GRPO进行训练", method="基于MoE的方法")
    (e,) = run(small_nlp, "We fine-tune with LoRA.", summary=summary)
    by_key = {m.key: m for m in e.methods}
    assert by_key["lora"].sources == ("abstract", "summary")
    assert by_key["grpo"].sources == ("summary",) and by_key["mixture-of-experts"].sources == ("summary",)


def test_code_links_from_abstract_and_comment(small_nlp):
    p = Paper(arxiv_id="2601.00001", title="T", abstract="Code: https://github.com/a/b.", comment="HF: huggingface.co/c/d")
    (e,) = extract_papers([p], nlp=small_nlp)
    assert e.repos == ("https://github.com/a/b", "https://huggingface.co/c/d")


def test_packaged_gazetteer_required_behaviours():
    nlp = load_pipeline()
    out = run(nlp, "LoRA", "low-rank adaptation", "Low-Rank Adaptation (LoRA) and LoRA-based tuning",
              "MoE and mixture-of-experts layers", "RAG works", "a rag", "Qwen2.5-7B and Qwen3-8B",
              "Group Relative Policy Optimization (GRPO)")
    lora = load_gazetteer().lookup("LoRA").key
    assert [keys(e) for e in out[:3]] == [{lora}] * 3
    assert len(keys(out[3])) == 1
    assert keys(out[4]) and not keys(out[5])
    assert keys(out[6]) == {load_gazetteer().lookup("Qwen").key}
    assert keys(out[7]) == {load_gazetteer().lookup("GRPO").key}


def test_multiprocess_gives_the_same_result(small_nlp):
    papers = [Paper(arxiv_id=f"2601.{i:05d}", title="X: Y", abstract=f"We use LoRA and GRPO {i}.") for i in range(20)]
    assert extract_papers(papers, nlp=small_nlp, n_process=2, batch_size=4) == extract_papers(papers, nlp=small_nlp)


def test_keywords_are_a_source_and_sections_are_kept_apart(small_nlp):
    p = Paper(arxiv_id="2601.00009", title="On graphs\nand more", abstract="We study\nGNN models.", keywords=("LoRA", "MoE"))
    (e,) = extract_papers([p], nlp=small_nlp)
    by_key = {m.key: m.sources for m in e.methods}
    assert by_key == {"graph-neural-network": ("abstract",), "lora": ("keywords",), "mixture-of-experts": ("keywords",)}


def test_loader_tolerates_missing_keys_files_and_reports_conflicts(tmp_path):
    (tmp_path / "methods.yaml").write_text(
        "- {name: Foo Net, acronyms: [FN]}\n- {key: bar, name: Bar, acronyms: [FN]}\n- {acronyms: [X]}\n- just a string\n",
        encoding="utf-8")
    (tmp_path / "methods_extra.yaml").write_text("- {key: foo-net, aliases: [foonet]}\n", encoding="utf-8")
    gaz = load_gazetteer(str(tmp_path))  # no datasets.yaml, no generic_terms.yaml
    assert gaz.entries["method:foo-net"].aliases == ("foonet",)  # extra file adds spellings
    assert gaz.lookup("FN").key == "foo-net"  # the first entry keeps a contested acronym
    assert len(gaz.problems) == 3 and any("'FN'" in p for p in gaz.problems)
