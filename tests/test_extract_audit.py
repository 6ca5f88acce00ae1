"""A definition never merges across different long forms; the false-merge audit counts those that do.

Examples are real definitions from the winter digests (ids in the fixture); the whole-corpus audit
runs only when ``KG_CORPUS`` names a corpus folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.audit import audit_papers, corpus_files, is_false_merge, main
from kg.extract.canonical import definition_entry
from kg.extract.gazetteer import load_gazetteer
from kg.extract.text import same_long_form
from kg.ingest import read_inputs
from kg.merge import merge_records
from kg.records import Paper

FIXTURE = Path(__file__).parent / "fixtures" / "audit"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def keys_of(nlp, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title="A study", abstract=abstract)], nlp=nlp)
    return {m.key: m for m in e.methods}


@pytest.mark.parametrize("short,long", [
    ("AEs", "adverse events"), ("CFG", "control flow graph"), ("SAM", "Spatial Attention Mechanism"),
    ("PLS", "physical layer security"), ("GAT", "Geometry-Aware-Transformer"), ("SVD", "small vessel disease"),
    ("PPO", "Optimization"),  # one shared word is not enough
])
def test_a_short_form_alone_never_joins_a_gazetteer_entry(short, long):
    assert definition_entry(load_gazetteer(), short, long) is None


@pytest.mark.parametrize("short,long,key", [
    ("GRPO", "Group Relative Policy Optimisation", "grpo"),  # British spelling
    ("LoRA", "Low-Rank Adaptation", "lora"),
    ("MoE", "Mixture of Expert", "mixture-of-experts"),  # inflection
    ("CNNs", "Convolutional Neural Networks", "convolutional-neural-network"),
    ("PPO", "Masked Proximal Policy Optimization", "ppo"),  # one modifier more (winter 2026-02-06)
    ("PPO", "Policy Optimization", "ppo"),  # a definition cut one word short
    ("CFG", "Context-Free Grammars", "context-free-grammar"),  # a short form two entries list: the long form decides
])
def test_an_agreeing_long_form_joins_the_entry(short, long, key):
    entry = definition_entry(load_gazetteer(), short, long)
    assert entry is not None and entry.key == key


def test_same_long_form_folds_spelling_but_not_meaning():
    assert same_long_form("sparse auto-encoders", "sparse autoencoder")
    assert same_long_form("Group Relative Policy Optimisation", "group relative policy optimization")
    assert not same_long_form("Spatial Attention Mechanism", "Segment Anything Model")
    assert not same_long_form("context-free grammar", "classifier-free guidance")


def test_a_paper_definition_keys_its_bare_short_form_too(nlp):
    found = keys_of(nlp, "A Spatial Attention Mechanism (SAM) highlights dense regions; SAM improves counting.")
    assert "segment-anything-model" not in found
    sam = found["spatialattentionmechanism"]
    assert sam.count >= 2 and "SAM" in sam.aliases


def test_audit_flags_short_form_merges_only():
    gaz = load_gazetteer()
    assert is_false_merge("adverse events", gaz.entries["method:autoencoder"])
    assert not is_false_merge("sparse auto-encoders", gaz.entries["method:sparse-autoencoder"])
    assert not is_false_merge("Group Relative Policy Optimisation", gaz.entries["method:grpo"])


def test_audit_over_the_fixture_finds_no_false_merge_and_counts_true_ones(capsys):
    papers = merge_records(read_inputs([str(FIXTURE)]).records).papers
    result = audit_papers(papers)
    assert result.false_merges == []
    # GRPO, LoRA, SAM merged, and CFG into the context-free grammar by its long form (not classifier-free guidance); GAT its own
    assert result.to_gazetteer == 4 and result.linked >= 5
    assert main([str(FIXTURE)]) == 0
    assert "false merges: 0 = 0.00%" in capsys.readouterr().out


def test_corpus_files_before_a_date(tmp_path):
    for name in ("2026-02-15.md", "2026-02-16.md", "2026-02-28_x.jsonl", "undated.md"):
        (tmp_path / name).write_text("")
    assert [f.name for f in corpus_files([str(tmp_path)], "2026-02-16")] == ["2026-02-15.md"]
    assert len(corpus_files([str(tmp_path)])) == 4


@pytest.mark.skipif(not os.environ.get("KG_CORPUS"), reason="set KG_CORPUS to a corpus folder (e.g. winter/)")
def test_false_merges_over_a_whole_corpus_stay_under_half_a_percent():
    files = corpus_files([os.environ["KG_CORPUS"]], os.environ.get("KG_CORPUS_BEFORE", "2026-02-16"))
    papers = merge_records(read_inputs([str(f) for f in files]).records).papers
    result = audit_papers(papers)
    assert result.linked > 500
    assert result.rate <= 0.005, result.false_merges[:20]
