"""Validate the curated gazetteer data files shipped in ``kg/data``.

These tests read the YAML directly (not through the extractor) so that a broken or
inconsistent data file is reported with the entry at fault, whatever the matcher does.
The rules checked here are the ones ``docs/gazetteer.md`` states for reviewers.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(str(resources.files("kg") / "data"))

METHOD_GROUPS = frozenset({
    "architecture", "generative-model", "rl-alignment", "peft", "prompting-reasoning",
    "inference-efficiency", "training-technique", "pretrained-model", "retrieval",
    "graph-learning", "vision-3d", "classical-ml", "statistics", "signal-processing",
    "optimization", "simulation",
})
DATASET_GROUPS = frozenset({
    "vision", "nlp", "reasoning-math", "code", "multimodal", "speech-audio", "rl-robotics",
    "graph", "medical", "3d-driving", "tabular", "other",
})
METHOD_FIELDS = ("key", "name", "acronyms", "aliases", "group", "versioned", "ambiguous")
DATASET_FIELDS = ("key", "name", "acronyms", "aliases", "group")
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Surface -> key that must resolve, by the documented case rules (issue 3's must-have families).
MUST_HAVE_METHODS = {
    "GRPO": "grpo", "PPO": "ppo", "DPO": "dpo", "RLHF": "rlhf", "RLVR": "rlvr",
    "supervised fine-tuning": "supervised-fine-tuning", "SFT": "supervised-fine-tuning",
    "LoRA": "lora", "low-rank adaptation": "lora", "QLoRA": "qlora",
    "MoE": "mixture-of-experts", "mixture-of-experts": "mixture-of-experts",
    "Transformer": "transformer", "transformers": "transformer", "ViT": "vision-transformer",
    "Mamba": "mamba", "state space model": "state-space-model",
    "diffusion models": "diffusion-model", "flow matching": "flow-matching",
    "GAN": "generative-adversarial-network", "VAE": "variational-autoencoder",
    "NeRF": "nerf", "3DGS": "3d-gaussian-splatting", "CLIP": "clip",
    "RAG": "retrieval-augmented-generation",
    "Retrieval-Augmented Generation": "retrieval-augmented-generation",
    "CoT": "chain-of-thought", "chain of thought": "chain-of-thought",
    "in-context learning": "in-context-learning",
    "knowledge distillation": "knowledge-distillation",
    "quantization": "quantization", "speculative decoding": "speculative-decoding",
    "GNN": "graph-neural-network", "GCN": "graph-convolutional-network", "YOLOv8": "yolo",
    "U-Net": "u-net", "ResNet": "resnet", "BERT": "bert", "GPT-4": "gpt", "GPT-4o": "gpt-4o",
    "o1": "openai-o1", "LLaMA": "llama", "Code Llama": "code-llama", "Qwen2.5": "qwen",
    "Qwen2.5-VL": "qwen-vl", "DeepSeek-V3": "deepseek", "DeepSeek-R1": "deepseek-r1",
    "XGBoost": "xgboost", "Gaussian process": "gaussian-process", "SAM": "segment-anything-model",
    "Kalman filter": "kalman-filter", "MCMC": "mcmc", "FFT": "fast-fourier-transform",
    "OFDM": "ofdm", "Adam": "adam", "SVM": "support-vector-machine", "PCA":
    "principal-component-analysis", "random forest": "random-forest", "LASSO": "lasso",
    "Thompson sampling": "thompson-sampling", "MCTS": "monte-carlo-tree-search",
}
MUST_HAVE_DATASETS = {
    "ImageNet": "imagenet", "COCO": "coco", "CIFAR-10": "cifar-10", "MMLU": "mmlu",
    "GSM8K": "gsm8k", "MATH": "math-benchmark", "HumanEval": "humaneval", "SWE-bench": "swe-bench",
    "KITTI": "kitti", "nuScenes": "nuscenes", "LibriSpeech": "librispeech", "MMMU": "mmmu",
}
# Case rules: these spellings must NOT resolve (an acronym is not its lower-case word).
MUST_NOT_RESOLVE = ("rag", "moe", "clip", "sam", "mamba", "adam", "whisper", "llama", "math")


def _load(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def norm(form: str) -> str:
    """Alias compare form: NFKC, case-folded, separators ignored, final plural 's' dropped.

    Stricter than the matcher (which keeps word boundaries), so a collision found here
    is a possible collision there.
    """
    text = re.sub(r"[\s\-‐–—_/.]+", "", unicodedata.normalize("NFKC", form).casefold())
    return re.sub(r"(?<=[a-z]{3})s$", "", text)


def acronym_like(form: str) -> bool:
    """One token with a digit or a capital after the first character (GRPO, LoRA, o1, kNN)."""
    return (not any(c.isspace() for c in form) and any(c.isalpha() for c in form)
            and (any(c.isdigit() for c in form) or any(c.isupper() for c in form[1:])))


def forms(entry: dict[str, Any]) -> Iterator[str]:
    """Every surface form an entry claims: its name, acronyms and aliases."""
    yield entry["name"]
    yield from entry["acronyms"]
    yield from entry["aliases"]


Index = tuple[dict[str, str], dict[str, str], dict[str, bool]]


def build_index(entries: list[dict[str, Any]]) -> Index:
    """Lookups by the documented rules: (exact form -> key, norm form -> key, key -> versioned).

    Acronyms, and every form of an ``ambiguous`` entry, match in their exact case;
    other forms match by :func:`norm`.
    """
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for e in entries:
        for form in forms(e):
            if e.get("ambiguous") or form in e["acronyms"]:
                exact.setdefault(form, e["key"])
            else:
                loose.setdefault(norm(form), e["key"])
    return exact, loose, {e["key"]: bool(e.get("versioned")) for e in entries}


def resolve(index: Index, surface: str) -> str | None:
    """The key a surface names (no version stripping)."""
    exact, loose, _ = index
    return exact.get(surface) or loose.get(norm(surface))


def resolve_versioned(index: Index, surface: str) -> str | None:
    """Like :func:`resolve`, also trying the surface without a trailing version/size suffix."""
    found = resolve(index, surface)
    if found:
        return found
    m = re.match(r"^(.*?)[-\s]?v?\d+(?:\.\d+)*[A-Za-z]?$", surface)
    hit = resolve(index, m.group(1)) if m and m.group(1) else None
    return hit if hit and index[2][hit] else None


@pytest.fixture(scope="module")
def methods() -> list[dict[str, Any]]:
    # one lexicon: every rule holds across the curated, domain and mined files
    return [*_load("methods.yaml"), *_load("methods_domain.yaml"), *_load("methods_models.yaml"),
            *(_load("methods_mined.yaml") or [])]


@pytest.fixture(scope="module")
def datasets() -> list[dict[str, Any]]:
    return _load("datasets.yaml")


@pytest.fixture(scope="module")
def method_index(methods: list[dict[str, Any]]) -> Index:
    return build_index(methods)


@pytest.fixture(scope="module")
def dataset_index(datasets: list[dict[str, Any]]) -> Index:
    return build_index(datasets)


@pytest.fixture(scope="module")
def terms() -> dict[str, list[str]]:
    return _load("generic_terms.yaml")


def _check_schema(entries: Any, fields: tuple[str, ...], groups: frozenset[str]) -> list[str]:
    problems: list[str] = []
    if not isinstance(entries, list):
        return ["top level is not a list"]
    for i, e in enumerate(entries):
        where = f"entry {i} ({e.get('key') if isinstance(e, dict) else e!r})"
        if not isinstance(e, dict):
            problems.append(f"{where}: not a mapping")
            continue
        missing = [f for f in fields if f not in e]
        extra = set(e) - set(fields) - {"ambiguous"}
        if missing or extra:
            problems.append(f"{where}: missing {missing}, unknown {sorted(extra)}")
            continue
        if not isinstance(e["key"], str) or not KEY_RE.match(e["key"]):
            problems.append(f"{where}: key is not lowercase-ascii-with-hyphens")
        for f in ("name",):
            if not isinstance(e[f], str) or not e[f].strip() or e[f] != e[f].strip():
                problems.append(f"{where}: {f} must be a non-empty trimmed string")
        for f in ("acronyms", "aliases"):
            vals = e[f]
            if not isinstance(vals, list) or not all(isinstance(v, str) and v and v == v.strip()
                                                     for v in vals):
                problems.append(f"{where}: {f} must be a list of trimmed strings "
                                "(quote yes/no/1.0)")
            elif len(set(vals)) != len(vals):
                problems.append(f"{where}: {f} has repeats")
        for f in ("versioned", "ambiguous"):
            if f in e and not isinstance(e[f], bool):
                problems.append(f"{where}: {f} must be true/false")
        if e["group"] not in groups:
            problems.append(f"{where}: unknown group {e['group']!r}")
    return problems


def test_methods_schema(methods: Any) -> None:
    assert _check_schema(methods, METHOD_FIELDS, METHOD_GROUPS) == []


def test_datasets_schema(datasets: Any) -> None:
    assert _check_schema(datasets, DATASET_FIELDS, DATASET_GROUPS) == []


def test_keys_are_unique(methods: list[dict[str, Any]], datasets: list[dict[str, Any]]) -> None:
    for entries in (methods, datasets):
        keys = [e["key"] for e in entries]
        assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


def test_no_form_is_claimed_by_two_entries(methods: list[dict[str, Any]],
                                           datasets: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for kind, entries in (("method", methods), ("dataset", datasets)):
        for e in entries:
            for form in forms(e):
                owners[norm(form)].add(f"{kind}:{e['key']}")
    assert {f: sorted(o) for f, o in owners.items() if len(o) > 1} == {}


def test_acronyms_look_like_acronyms(methods: list[dict[str, Any]],
                                     datasets: list[dict[str, Any]]) -> None:
    bad = [(e["key"], a) for e in [*methods, *datasets] for a in e["acronyms"]
           if not acronym_like(a) or len(a) > 30]
    assert bad == [], "plain words belong in aliases (mark the entry ambiguous if needed)"


def test_ambiguous_entries_say_why() -> None:
    for name in ("methods.yaml", "methods_domain.yaml", "methods_models.yaml", "methods_mined.yaml", "datasets.yaml"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        silent = [i + 1 for i, line in enumerate(lines)
                  if line.strip().startswith("ambiguous: true") and "#" not in line]
        assert silent == [], f"{name}: lines {silent} need a '# reason' comment"


def test_every_group_is_populated(methods: list[dict[str, Any]]) -> None:
    sizes = {g: sum(e["group"] == g for e in methods) for g in METHOD_GROUPS}
    assert {g: n for g, n in sizes.items() if n < 10} == {}


def test_sizes(methods: list[dict[str, Any]], datasets: list[dict[str, Any]]) -> None:
    assert len(methods) >= 420
    assert len(datasets) >= 100


@pytest.mark.parametrize("surface,key", sorted(MUST_HAVE_METHODS.items()))
def test_must_have_methods(method_index: Index, surface: str, key: str) -> None:
    assert resolve_versioned(method_index, surface) == key


@pytest.mark.parametrize("surface,key", sorted(MUST_HAVE_DATASETS.items()))
def test_must_have_datasets(dataset_index: Index, surface: str, key: str) -> None:
    assert resolve(dataset_index, surface) == key


@pytest.mark.parametrize("surface", MUST_NOT_RESOLVE)
def test_case_rules_keep_words_out(method_index: Index, dataset_index: Index,
                                   surface: str) -> None:
    assert resolve(method_index, surface) is None
    assert resolve(dataset_index, surface) is None


def test_generic_terms_shape(terms: Any) -> None:
    assert isinstance(terms, dict) and set(terms) == {"generic", "not_methods"}
    for name, vals in terms.items():
        assert all(isinstance(v, str) and v.strip() == v and v for v in vals), name
        assert len(set(vals)) == len(vals), f"{name} has repeats"


def test_generic_terms_are_not_gazetteer_forms(methods: list[dict[str, Any]],
                                               datasets: list[dict[str, Any]],
                                               terms: dict[str, list[str]]) -> None:
    claimed = {norm(f): e["key"] for e in [*methods, *datasets] for f in forms(e)}
    clash = {t: claimed[norm(t)] for t in [*terms["generic"], *terms["not_methods"]]
             if norm(t) in claimed}
    assert clash == {}


def test_norm_and_acronym_rules_themselves() -> None:
    # The helpers encode the documented rules; pin them so the checks above mean something.
    assert norm("Auto-Encoders") == norm("autoencoder")
    assert norm("LoRA") == norm("lora")
    assert acronym_like("LoRA") and acronym_like("o1") and acronym_like("kNN")
    assert not acronym_like("Mamba") and not acronym_like("bert base") and not acronym_like("adam")


def test_version_suffixes_only_strip_for_versioned_families(method_index: Index) -> None:
    assert resolve_versioned(method_index, "ResNet-50") == "resnet"
    assert resolve_versioned(method_index, "Llama-3.1") == "llama"
    assert resolve_versioned(method_index, "CLIP-2") is None  # CLIP is not a versioned family


def test_groups_of_entries_moved_by_review(methods: list[dict[str, Any]]) -> None:
    # ArcFace is a face-recognition training loss, not a vision model (trend report review).
    by_key = {e["key"]: e for e in methods}
    assert by_key["arcface"]["group"] == "training-technique"
    assert {by_key[k]["group"] for k in ("coop", "cocoop", "maple")} == {"peft"}


# methods_models.yaml: separately named products keep their own entry, versions fold into it,
# and the names that are also words match only as the model.
MODEL_FAMILIES = {
    "OLMoE": "olmoe", "Tülu-3": "tulu", "ModernBERT": "modernbert", "Qwen2.5-Math": "qwen-math",
    "DeepSeek-OCR": "deepseek-ocr", "UNI2": "uni-pathology", "H-optimus-1": "h-optimus", "CellViT": "cellvit",
    "Boltz-2": "boltz", "FengWu": "fengwu", "TabPFN": "tabpfn", "UI-TARS": "ui-tars", "ArmoRM": "armorm",
    "Skywork-Reward": "skywork-reward", "CosyVoice2": "cosyvoice", "MUSt3R": "must3r", "HiDream-I1": "hidream",
}
MODEL_WORDS_KEPT_OUT = ("donut", "nougat", "step", "dream", "canary", "lumina", "marigold", "prithvi",
                        "stable audio", "aya", "mimo", "prometheus", "kosmos", "hallo", "gato", "ideogram")


@pytest.mark.parametrize("surface,key", sorted(MODEL_FAMILIES.items()))
def test_model_families(method_index: Index, surface: str, key: str) -> None:
    assert resolve_versioned(method_index, surface) == key


@pytest.mark.parametrize("surface", MODEL_WORDS_KEPT_OUT)
def test_model_names_that_are_words_stay_words(method_index: Index, surface: str) -> None:
    assert resolve(method_index, surface) not in {e["key"] for e in _load("methods_models.yaml")}


def test_model_file_is_one_group() -> None:
    assert {e["group"] for e in _load("methods_models.yaml")} == {"pretrained-model"}
