"""Head-noun usage patterns and the corpus link step (definitions travel, weak phrases need support)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.corpus import link_corpus
from kg.extract.patterns import examples, usages
from kg.records import Candidate, MethodMention, Paper, PaperExtraction

SMALL = str(Path(__file__).parent / "fixtures" / "extract_gazetteer")  # knows no numerics: patterns must find them


@pytest.fixture(scope="module")
def small_nlp():
    return load_pipeline({"data_dir": SMALL})


def run(nlp, *abstracts, link=True):
    papers = [Paper(arxiv_id=f"2601.{i:05d}", title="A study", abstract=a) for i, a in enumerate(abstracts)]
    return extract_papers(papers, nlp=nlp, link=link)


@pytest.mark.parametrize("text,phrase,strong", [
    ("We apply the Crank-Nicolson scheme to the heat equation.", "Crank-Nicolson scheme", True),
    ("Hazards are estimated via the Nelson-Aalen estimator.", "Nelson-Aalen estimator", True),
    ("We use a Hodrick-Prescott filter-based trend.", "Hodrick-Prescott filter", True),
    ("Fluxes are computed based on an upwind scheme.", "upwind scheme", False),
    # a generic adjective that begins the established name stays in it (model order reduction, Feb 2026)
    ("The models are reduced using the iterative rational Krylov algorithm.", "iterative rational Krylov algorithm", True),
    ("Entries are fitted by performing sparse Bayesian regression.", "sparse Bayesian regression", True),
    # a cue before the first conjunct covers the second (blind6 2602.13446)
    ("we incorporate limited feedback via both uniform and Lloyd-Max quantization of channel gains",
     "Lloyd-Max quantization", True),
    # an eponym before a transform or decomposition needs no cue (blind6 2602.14832, winter)
    ("By exploiting the properties of the Walsh transform, we determine the parameters.", "Walsh transform", True),
    ("In addition, Lloyd-Max quantization achieves superior BER performance.", "Lloyd-Max quantization", True),
])
def test_usage_patterns(text, phrase, strong):
    assert [(u.phrase, u.strong) for u in usages(text)] == [(phrase, strong)]


@pytest.mark.parametrize("text", [
    "We use our proposed method.", "We adopt a training scheme.", "We use uniform sampling.",
    "Simulation results show the EM algorithm converges.",  # no usage cue
    "We compare established SSL methods.", "We apply an iterative algorithm.",
    "We train an iterative Kalman filter.",  # "train" is no usage cue
    "Stress-constrained Topology Decomposition for Metamaterials\nWe study it.",  # a title capitalises every word
    "The Orchestrator transforms each query into a plan.",  # a verb, not a plural head
    "We study Chinese character decomposition of glyphs.",  # an eponym's head wants capitals only
    "Decomposition Transform results are shown.",  # a sentence opens with it
])
def test_no_usage_without_a_name_and_a_cue(text):
    assert list(usages(text)) == []


def test_strong_usage_is_a_method_weak_needs_three_papers(small_nlp):
    out = run(small_nlp, "We apply the Crank-Nicolson scheme.", "Fluxes use an upwind scheme.")
    assert {m.key for m in out[0].methods} == {"cranknicolsonscheme"}
    assert out[1].methods == () and out[1].candidates == ()  # one paper: weak evidence stays out
    three = run(small_nlp, "Fluxes use an upwind scheme.", "We apply an upwind scheme.", "Based on an upwind scheme, we solve.")
    assert [{m.key for m in e.methods} for e in three] == [{"upwindscheme"}] * 3


def test_a_definition_travels_to_a_bare_use(small_nlp):
    defines, uses, unrelated = run(small_nlp, "We propose Hierarchical Token Merging (HTM) for video models.",
                                   "We compare against HTM on long videos.", "The XYZ score is reported.")
    assert {m.key for m in defines.methods} == {"hierarchicaltokenmerging"}
    (m,) = uses.methods
    assert (m.key, m.surface, m.proposed) == ("hierarchicaltokenmerging", "HTM", False)
    assert unrelated.methods == ()


def test_a_contested_acronym_is_not_linked():
    def defined(pid, key):
        return PaperExtraction(pid, candidates=(Candidate("defined", "ABC", key, f"ABC ({key})"),))
    bare = PaperExtraction("2601.00009", candidates=(Candidate("acronym", "ABC"),))
    split = link_corpus([defined("1", "alpha"), defined("2", "beta"), bare])
    assert split[2].methods == ()
    agreed = link_corpus([defined("1", "alpha"), defined("2", "alpha"), defined("3", "beta"), bare])
    assert [m.key for m in agreed[3].methods] == ["alpha"]


def test_linking_is_the_same_for_any_split(small_nlp):
    abstracts = ["We propose Hierarchical Token Merging (HTM).", "HTM is compared.", "An upwind scheme is used.",
                 "We apply an upwind scheme.", "Using the upwind scheme, we integrate."]
    papers = [Paper(arxiv_id=f"2601.{i:05d}", title="A study", abstract=a) for i, a in enumerate(abstracts)]
    whole = extract_papers(papers, nlp=small_nlp)
    assert extract_papers(papers, nlp=small_nlp, n_process=2) == whole  # workers see parts, the link sees all
    raw = extract_papers(papers, nlp=small_nlp, link=False)
    assert any(e.candidates for e in raw) and not any(e.candidates for e in whole)
    assert link_corpus(raw) == whole and {m.key for m in whole[1].methods} == {"hierarchicaltokenmerging"}


def test_records_without_candidates_pass_through():
    e = PaperExtraction("1", methods=(MethodMention("lora", "LoRA", "LoRA"),))
    assert link_corpus([e]) == [e]


def test_mining_keeps_agreed_definitions_of_several_papers():
    from kg.extract.mine import mine, to_yaml

    defs = {
        "PEFT": [("1", "Parameter-Efficient Fine-Tuning", "k"), ("2", "parameter-efficient fine-tuning", "k"),
                 ("3", "Parameter Efficient Fine-Tuning", "k")],
        "ABC": [("1", "Alpha Beta Coding", "a"), ("2", "Another Big Cat", "b"), ("3", "Alpha Beta Coding", "a")],
        "XYZ": [("1", "X Y Zeta", "x"), ("1", "X Y Zeta", "x")],  # one paper twice: a coinage
    }
    entries = mine(defs, 3)
    assert [(e["acronyms"], e["papers"]) for e in entries] == [(["PEFT"], 3)]
    text = to_yaml(entries, "test")
    assert "mined: 3 papers" in text and '"PEFT"' in text


def test_named_examples_of_a_class_of_methods():
    # blind6 2602.16922: the examples after "methods, such as" are methods
    text = "Classical factorization methods, such as Trial Division and Pollard's Rho, are inefficient for large keys."
    assert [u.phrase for u in examples(text)] == ["Trial Division", "Pollard's Rho"]
    # a single capitalised word is left to the coined-name rules; a lower-case continuation ends the list
    assert [u.phrase for u in examples("We compare methods such as Mamba and linear attention.")] == []
    assert list(examples("Benchmarks such as Long Range Arena are used.")) == []  # not a class of methods


def test_weak_single_definitions_do_not_travel(small_nlp):
    # a two-letter acronym defined once ("Intent State (IS)") is an Inception Score elsewhere
    _, other = run(small_nlp, "We propose IntRec. At its core is an Intent State (IS) that keeps memory.",
                   "We report a 45% improvement in IS against DDPM.")
    assert other.methods == ()
    # a coined acronym without a long form ("a method IPC") says nothing of another paper's IPC
    _, other = run(small_nlp, "This paper introduces a method IPC, an unsupervised framework for code generation.",
                   "The policy achieves a 5.3% IPC speedup over the prior state of the art.")
    assert other.methods == ()
    # a definition whose long form names no method needs a second defining paper
    _, other = run(small_nlp, "We propose modelling the dynamics by Ordinary Differential Equations (ODEs) in latent space.",
                   "Standard deterministic ODE samplers fail on such inputs.")
    assert other.methods == ()
    assert run(small_nlp, "We propose Hierarchical Token Merging (HTM).", "HTM is compared.")[1].methods != ()
