"""Keys of discovered names, tasks vs methods, model-family folding and progress (trend-report review).

The papers are abridged from the 30-day corpus (ids kept in the comments); the packaged
gazetteer is used because the rules interact with it (RAG, GPT-4o, Qwen-VL).
"""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def paper(title: str, abstract: str, i: int = 0) -> Paper:
    return Paper(arxiv_id=f"2601.{i:05d}", title=title, abstract=abstract)


def discovered(nlp, *papers: Paper) -> list[dict[str, tuple[str, bool]]]:
    """Per paper: key -> (name, proposed) of the names the gazetteer does not know."""
    return [{m.key: (m.name, m.proposed) for m in e.methods if not m.group} for e in extract_papers(papers, nlp=nlp)]


RECAP_1 = paper("RECAP: Resistance Capture in Text-based Mental Health Counseling with Large Language Models",  # 2601.14780
                "Leveraging this dataset, we develop RECAP, a two-stage framework that detects resistance. "
                "RECAP achieves 91.25% F1.", 1)
RECAP_2 = paper("RECAP: A Resource-Efficient Method for Adversarial Prompting in Large Language Models",  # 2601.15331
                "This paper introduces a resource-efficient adversarial prompting approach. RECAP matches prompts.", 2)


def test_same_acronym_in_unrelated_papers_gets_two_keys(nlp):
    first, second = discovered(nlp, RECAP_1, RECAP_2)
    assert first == {"resistancecapture": ("RECAP (Resistance Capture)", True)}
    assert second == {"recap": ("RECAP", True)}  # coined, not defined: keyed by its spelling


def test_definitions_in_text_and_title_key_by_long_form(nlp):
    dart, grace = discovered(nlp, paper(  # 2601.08274: an 11-word reverse definition
        "Discovery and Reinforcement of Tool-Integrated Reasoning Chains via Rollout Trees",
        "In this paper, we introduce DART (Discovery And Reinforcement of Tool-Integrated Reasoning Chains via "
        "Rollout Trees), a reinforcement learning framework. DART operates by constructing rollout trees.", 1),
        paper("GRACE: Reinforcement Learning for Grounded Response and Abstention under Contextual Evidence",  # 2601.04525
              "In this paper, we propose GRACE, a reinforcement-learning framework. GRACE employs retrievers.", 2))
    assert list(dart) == ["discoveryandreinforcementoftoolintegratedreasoningchainsviarollouttree"]
    assert list(grace) == ["groundedresponseandabstentionundercontextualevidence"]
    assert all(proposed for _, proposed in [*dart.values(), *grace.values()])


def test_an_explicit_definition_wins_over_the_title_and_keys_the_paper_once(nlp):
    (found,) = discovered(nlp, paper(
        "ARMed: Adaptive Reinforcement for Medical Reasoning",
        "we propose ARMed (Adaptive Reinforcement for Medical Reasoning), a novel RL framework. ARMed works."))
    assert found == {"adaptivereinforcementformedicalreasoning": ("ARMed (Adaptive Reinforcement for Medical Reasoning)", True)}


def test_a_fragment_of_a_longer_name_is_not_its_own_method(nlp):
    unified, thinker = discovered(nlp, paper(  # 2601.03127 vs 2601.21199
        "Unified Thinker: A General Reasoning Modular Core for Image Generation",
        "To this end, we propose Unified Thinker, a task-agnostic reasoning architecture. Unified Thinker decouples "
        "a dedicated Thinker from the image Generator.", 1),
        paper("Thinker: A vision-language foundation model for embodied intelligence",
              "To address these challenges, we propose Thinker, a large vision-language foundation model.", 2))
    assert unified == {"unifiedthinker": ("Unified Thinker", True)}
    assert thinker == {"thinker": ("Thinker", True)}
    (hifi,) = discovered(nlp, paper("A vocoder", "We propose HiFi, a vocoder. HiFi uses a HiFi Speech Decoder (HSD)."))
    assert hifi["hifi"] == ("HiFi", True)  # a coined word inside a longer name still names itself


def test_tasks_are_not_methods_nor_proposals(nlp):
    ner, tbps, fscil = discovered(nlp, paper(  # 2601.00488, 2601.14978, 2601.08448
        "Noise-Aware Named Entity Recognition for Historical VET Documents",
        "This paper addresses Named Entity Recognition (NER) in the domain of training.", 1),
        paper("Scaling text-based person search", "Text-Based Person Search (TBPS) retrieves pedestrians. TBPS is hard.", 2),
        paper("Prompts for incremental learning",
              "Few-shot class-incremental learning (FSCIL) must learn new classes. FSCIL methods forget.", 3))
    assert ner == tbps == fscil == {}


def test_a_coined_name_never_takes_a_gazetteer_key(nlp):
    (e,) = extract_papers([paper("Video rewards",  # 2601.04033: not ReAct
                                 "To address this gap, we introduce REACT, a frame-level reward model. REACT assigns scores.")], nlp=nlp)
    (m,) = e.methods
    assert (m.key, m.name, m.group, m.proposed) == ("react-coined", "REACT", "", True)


def test_one_paper_gives_one_key_for_every_spelling(nlp):
    (found,) = discovered(nlp, paper(  # 2601.22054
        "MetricAnything: Scaling Metric Depth Pretraining with Noisy Heterogeneous Sources",
        "We introduce Metric Anything, a simple and scalable pretraining framework. Metric Anything learns depth."))
    assert found == {"metricanything": ("MetricAnything", True)}


def test_plural_acronym_joins_its_singular_but_a_capital_s_is_a_letter(nlp):
    gfm, sgrs = discovered(nlp, paper(
        "Graph models", "We propose Graph Fusion Model (GFM), a method. Unlike other GFMs, the proposed GFM is fast.", 1),
        paper("Saliency", "We propose SGR, a framework. SGRS is a different sampler from SGR.", 2))
    assert list(gfm) == ["graphfusionmodel"]
    assert list(sgrs) == ["sgr"]
    (e,) = extract_papers([paper("Graph models", "We propose Graph Fusion Model (GFM), a method. Unlike other GFMs, ...")], nlp=nlp)
    assert set(e.methods[0].surfaces) == {"Graph Fusion Model", "GFM", "GFMs"}


def test_tasks_and_data_types_are_not_datasets(nlp):
    (e,) = extract_papers([paper(
        "Quality", "Image quality assessment (IQA) matters. We test on IQA benchmarks, VQA benchmarks, MRI datasets "
        "and UAV datasets, and on the KonIQ dataset.")], nlp=nlp)
    assert {d.key for d in e.datasets} == {"koniq"}
    (e,) = extract_papers([paper(
        "Tables", "Table question answering (TQA) is hard. We improve VideoQA. Results on MT-Bench and FooQA.")], nlp=nlp)
    assert {d.key for d in e.datasets} == {"mt-bench", "fooqa"}  # a listed benchmark keeps its gazetteer key


@pytest.mark.parametrize("text,key", [
    ("We compare with GPT-4o.", "gpt-4o"), ("We compare with GPT-4o-mini.", "gpt-4o"), ("We use GPT 4o.", "gpt-4o"),
    ("We use GPT-4.1.", "gpt"), ("We use DeepSeek R1.", "deepseek-r1"), ("We use DeepSeek-R1-Distill-Qwen-7B.", "deepseek-r1"),
    ("We use DeepSeek-V3.2-Exp.", "deepseek"), ("We use Qwen3-VL-235B.", "qwen-vl"), ("We use Qwen2.5-VL-7B-Instruct.", "qwen-vl"),
    ("We use Qwen-2.5-VL.", "qwen-vl"), ("We use Qwen2.5VL.", "qwen-vl"), ("We use Qwen2.5-7B-Instruct.", "qwen"),
    ("We use Llama-3.1-8B.", "llama"), ("We use YOLOv8n.", "yolo"),
])
def test_listed_spellings_win_over_family_folding(nlp, text, key):
    (e,) = extract_papers([paper("A study", text)], nlp=nlp)
    assert [m.key for m in e.methods] == [key]


class Recorder:
    """A Progress that records what it was asked to track."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, str, str]] = []
        self.steps = 0

    def track(self, items, *, total=None, description="", unit="items"):
        self.calls.append((total, description, unit))
        for item in items:
            self.steps += 1
            yield item


@pytest.mark.parametrize("n_process", [1, 2])
def test_progress_reports_every_paper(nlp, n_process):
    papers = [paper("X: Y", f"We use LoRA {i}.", i) for i in range(12)]
    rec = Recorder()
    out = extract_papers(papers, nlp=nlp, n_process=n_process, batch_size=4, progress=rec)
    assert rec.calls == [(12, "extracting", "papers")] and rec.steps == 12
    assert out == extract_papers(papers, nlp=nlp)


def test_a_defined_plural_acronym_covers_its_singular():
    # "Case Report Forms (CRFs)" then "a pre-defined CRF": the paper's form, not the conditional random field
    from kg.extract import extract_papers
    from kg.records import Paper
    (e,) = extract_papers([Paper(arxiv_id="2602.23062", title="Toward Automatic Filling of Case Report Forms",
                                 abstract="Case Report Forms (CRFs) collect data about patients. We annotate notes with "
                                          "respect to a pre-defined CRF containing 134 items.")])
    assert "conditional-random-field" not in {m.key for m in e.methods}


def test_a_modifier_defined_before_a_known_methods_head_noun_is_that_method():
    from kg.extract import extract_papers
    from kg.records import Paper
    (e,) = extract_papers([Paper(arxiv_id="2602.00002", title="A title",
                                 abstract="We compare with magnetohydrodynamic (MHD) simulations of the disk and solve "
                                          "the model with the finite element (FE) method; FE meshes are refined.")])
    keys = {m.key for m in e.methods}
    assert {"mhd-simulation", "finite-element-method"} <= keys and "finiteelement" not in keys
