"""Load and validate the curated gazetteers shipped in ``kg/data``.

Data files (YAML, reviewed by a person):

- ``methods.yaml``, ``methods_domain.yaml`` (numerics, statistics, signal processing, network
  science, simulation), ``methods_models.yaml`` (named pretrained models and model series beyond
  methods.yaml) and ``methods_extra.yaml``: a list of entries
  ``{key, name, acronyms, aliases, group, versioned, ambiguous}``;
- ``datasets.yaml``: the same shape (``group`` optional);
- ``generic_terms.yaml``: ``{generic: [...], not_methods: [...]}``.

Optional keys may be missing; a missing file is an empty list. Problems (an entry
without a key, a surface claimed by two entries) are collected in
:attr:`Gazetteer.problems`, never raised: the first entry keeps the surface.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from kg.extract.text import looks_like_acronym, norm_phrase, slug

Kind = Literal["method", "dataset"]

METHOD_FILES = ("methods.yaml", "methods_domain.yaml", "methods_models.yaml", "methods_mined.yaml",
                "methods_extra.yaml")
DATASET_FILES = ("datasets.yaml", "datasets_extra.yaml")
GENERIC_FILE = "generic_terms.yaml"
MERGES_FILE = "merges.yaml"


# The paradigms the annotation guidelines call optional: never output, whatever the data files say.
BUILTIN_GENERIC = frozenset(norm_phrase(x) for x in """machine learning|deep learning|reinforcement learning
|supervised learning|self-supervised learning|semi-supervised learning|unsupervised learning|federated learning
|transfer learning|meta-learning|multi-task learning|active learning|continual learning|imitation learning
|representation learning|large language model|LLM|vision-language model|VLM|multimodal large language model
|multimodal LLM|MLLM|foundation model|language model|neural network|deep neural network|DNN|agent|multi-agent system
|fine-tuning|pretraining|pre-training|prompting|prompt engineering|attention|self-attention|cross-attention|embedding
|encoder|decoder|tokenizer|artificial intelligence|AI|large vision-language model|LVLM|small language model|SLM
|large multimodal model|LMM|deep reinforcement learning|DRL|RL|ML|DL|NLP|natural language processing|computer vision
|CV|generative AI|GenAI|AI agent|LLM agent|vision language action model|VLA|MAS|multi-agent reinforcement learning|MARL""".replace("\n", "").split("|"))


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical method or dataset of the gazetteer.

    ``acronyms`` match case-sensitively; ``aliases`` (and ``name``) match case- and
    hyphen-insensitively with plurals, unless ``ambiguous`` (then exact case only).
    ``versioned`` families also match ``<name><version>`` tokens (Qwen2.5-7B).
    """

    key: str
    name: str
    kind: Kind = "method"
    group: str = ""
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    versioned: bool = False
    ambiguous: bool = False

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Name, acronyms and aliases, without repeats, in that order."""
        return tuple(dict.fromkeys((self.name, *self.acronyms, *self.aliases)))


@dataclass(slots=True)
class Gazetteer:
    """All entries plus the lookups the pipeline and the canonicaliser need."""

    entries: dict[str, Entry] = field(default_factory=dict)  # "method:key" / "dataset:key" -> entry
    by_acronym: dict[str, str] = field(default_factory=dict)  # exact surface -> entry id
    by_norm: dict[str, str] = field(default_factory=dict)  # norm_phrase(long form) -> entry id
    versioned: dict[str, str] = field(default_factory=dict)  # casefolded family name -> entry id
    generic: frozenset[str] = frozenset()  # norm_phrase of paradigms never output
    not_methods: frozenset[str] = frozenset()  # exact acronyms that are not methods
    not_methods_norm: frozenset[str] = frozenset()
    merged: dict[str, tuple[Entry, str]] = field(default_factory=dict)  # merged entry id -> (its entry, the id it joined)
    problems: list[str] = field(default_factory=list)

    def lookup(self, surface: str) -> Entry | None:
        """The entry a surface form names: exact acronym first, then the normalised long form."""
        eid = self.by_acronym.get(surface) or self.by_norm.get(norm_phrase(surface))
        return self.entries.get(eid) if eid else None

    def unclaimed_key(self, kind: Kind, key: str) -> str:
        """A key for a discovered name that no gazetteer entry of that kind owns.

        A coined "REACT" reward model must not land on the gazetteer's ``react`` (ReAct)
        node: a taken key gets the suffix ``-coined``.
        """
        return key if f"{kind}:{key}" not in self.entries else f"{key}-coined"

    def is_generic(self, surface: str) -> bool:
        """True for broad paradigms the rules never output (LLM, deep learning, ...)."""
        n = norm_phrase(surface)
        return n in self.generic or n in BUILTIN_GENERIC

    def is_not_method(self, surface: str) -> bool:
        """True for the listed metrics, hardware, tasks and software (BLEU, GPU, PyTorch)."""
        return surface in self.not_methods or norm_phrase(surface) in self.not_methods_norm


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, Iterable):
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())
    return (str(value),)


def parse_entry(raw: Mapping[str, Any], kind: Kind) -> Entry:
    """Validate one raw YAML mapping into an :class:`Entry`.

    Args:
        raw: the mapping as read (optional keys may be missing).
        kind: "method" or "dataset".

    Returns:
        The entry; ``key`` defaults to the slug of ``name``.

    Raises:
        ValueError: when the entry has neither key nor name.
    """
    name = str(raw.get("name") or "").strip()
    key = str(raw.get("key") or "").strip() or slug(name)
    if not key:
        raise ValueError(f"entry without key or name: {dict(raw)!r}")
    return Entry(
        key=key,
        name=name or key,
        kind=kind,
        group=str(raw.get("group") or "").strip(),
        acronyms=_strings(raw.get("acronyms") or raw.get("acronym")),
        aliases=_strings(raw.get("aliases")),
        versioned=bool(raw.get("versioned", False)),
        ambiguous=bool(raw.get("ambiguous", False)),
    )


def _merge(old: Entry, new: Entry) -> Entry:
    """An extra file's entry with an existing key adds spellings to it."""
    return Entry(
        key=old.key, name=old.name, kind=old.kind, group=old.group or new.group,
        acronyms=tuple(dict.fromkeys((*old.acronyms, *new.acronyms))),
        aliases=tuple(dict.fromkeys((*old.aliases, *new.aliases))),
        versioned=old.versioned or new.versioned, ambiguous=old.ambiguous,
    )


def _read_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def build_gazetteer(methods: Iterable[Mapping[str, Any]], datasets: Iterable[Mapping[str, Any]] = (),
                    generic: Iterable[str] = (), not_methods: Iterable[str] = (),
                    problems: list[str] | None = None, merges: Mapping[str, str] | None = None) -> Gazetteer:
    """Build the lookups from raw entries (the loader and tests share this).

    Args:
        methods: raw method entries, in priority order (earlier wins a contested surface).
        datasets: raw dataset entries.
        generic: paradigms never output.
        not_methods: surfaces that are never methods (metrics, hardware, tasks, software).
        problems: a list to append problems to (a new one when None).
        merges: method key -> the method key it is one method with (``state-space-model: mamba``).

    Returns:
        The :class:`Gazetteer`.
    """
    gaz = Gazetteer(problems=problems if problems is not None else [])
    for kind, raws in (("method", methods), ("dataset", datasets)):
        for raw in raws:
            if not isinstance(raw, Mapping):
                gaz.problems.append(f"{kind} entry is not a mapping: {raw!r}")
                continue
            try:
                entry = parse_entry(raw, kind)  # type: ignore[arg-type]
            except ValueError as exc:
                gaz.problems.append(str(exc))
                continue
            eid = f"{kind}:{entry.key}"
            gaz.entries[eid] = _merge(gaz.entries[eid], entry) if eid in gaz.entries else entry
    for src, dst in (merges or {}).items():
        s_eid, d_eid = f"method:{src}", f"method:{dst}"
        if s_eid not in gaz.entries or d_eid not in gaz.entries:
            gaz.problems.append(f"merge {src} -> {dst}: both keys must be methods")
            continue
        gaz.merged[s_eid] = (gaz.entries.pop(s_eid), d_eid)
    for eid, entry in gaz.entries.items():
        _index(gaz, eid, entry)
    for entry, d_eid in gaz.merged.values():  # matched with its own case rules, keyed as the entry it joined
        _index(gaz, d_eid, entry)
    gaz.generic = frozenset(norm_phrase(g) for g in generic)
    gaz.not_methods = frozenset(not_methods)
    gaz.not_methods_norm = frozenset(norm_phrase(n) for n in not_methods if not looks_like_acronym(n))
    return gaz


def _claim(table: dict[str, str], surface: str, eid: str, problems: list[str]) -> None:
    owner = table.setdefault(surface, eid)
    if owner != eid:
        problems.append(f"{surface!r} claimed by {owner} and {eid}; kept {owner}")


_VERSIONED_ACRONYM = re.compile(r"^([A-Z]{2,})-?\d+(?:\.\d+)*$")


def _index(gaz: Gazetteer, eid: str, entry: Entry) -> None:
    for surface in entry.surfaces:
        if entry.ambiguous or looks_like_acronym(surface) or surface in entry.acronyms:
            _claim(gaz.by_acronym, surface, eid, gaz.problems)
        else:
            _claim(gaz.by_norm, norm_phrase(surface), eid, gaz.problems)
    if entry.versioned:
        for surface in (entry.name, *entry.acronyms, *entry.aliases):
            if " " not in surface and not any(c.isdigit() for c in surface):
                gaz.versioned.setdefault(surface.casefold(), eid)
            elif (family := _VERSIONED_ACRONYM.match(surface)) is not None:
                # "SD3" listed: "SD3.5", "SD-3.5-Large" are the family too; the bare "SD" (too
                # ambiguous to list) still matches nothing, as only words with a digit are tried
                gaz.versioned.setdefault(family.group(1).casefold(), eid)


def data_dir() -> Path:
    """The package's data directory (``kg/data``)."""
    return Path(str(resources.files("kg") / "data"))


def load_files(directory: Path) -> Gazetteer:
    """Read the gazetteer data files of ``directory`` (missing files count as empty)."""
    problems: list[str] = []

    def entries(names: tuple[str, ...]) -> list[Any]:
        out: list[Any] = []
        for name in names:
            path = directory / name
            if not path.exists():
                continue
            data = _read_yaml(path) or []
            if isinstance(data, Mapping):  # tolerate {entries: [...]} / {methods: [...]}
                data = next((v for v in data.values() if isinstance(v, list)), [])
            if not isinstance(data, list):
                problems.append(f"{path}: expected a list of entries")
                continue
            out.extend(data)
        return out

    generic: dict[str, Any] = {}
    gpath = directory / GENERIC_FILE
    if gpath.exists():
        loaded = _read_yaml(gpath) or {}
        generic = loaded if isinstance(loaded, Mapping) else {}
    mpath = directory / MERGES_FILE
    merges = _read_yaml(mpath) if mpath.exists() else None
    return build_gazetteer(
        entries(METHOD_FILES), entries(DATASET_FILES),
        _strings(generic.get("generic")), _strings(generic.get("not_methods")), problems,
        {str(k): str(v) for k, v in merges.items()} if isinstance(merges, Mapping) else None,
    )


@functools.lru_cache(maxsize=4)
def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """The gazetteer from ``directory`` (default: the package data), cached per directory."""
    return load_files(Path(directory) if directory else data_dir())
