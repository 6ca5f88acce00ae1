"""The registered spaCy components of the extraction pipeline.

Order in :func:`kg.extract.pipeline.load_pipeline`:

``kg_gazetteer`` -> spans "gazetteer" (label = entry id, e.g. "method:lora")
``kg_acronyms``  -> "acronym_short" / "acronym_long" (aligned pairs)
``kg_proposed``  -> "proposed" (coined names), "usage" (head-noun patterns)
``kg_datasets``  -> "dataset_patterns" ("on the X benchmark")
``kg_canonical`` -> "methods", "datasets", "proposed" (final, keyed)

The span lists are kept in ``doc.user_data`` (:func:`kg.extract.matching.spans_of` /
:func:`~kg.extract.matching.set_spans`), not in ``doc.spans``, whose groups copy every span.

Every component takes ``data_dir`` (None: the package's ``kg/data``) so a test can
run the pipeline on a small gazetteer of its own. Discovery reads only the English
title and abstract; the gazetteer reads every section.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.acronyms import find_definitions, title_definition
from kg.extract.canonical import resolve_doc
from kg.extract.filters import DATASET_HEADS, is_dataset_name, is_entity, is_task
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.matching import GazetteerMatcher, char_span, doc_text, set_spans
from kg.extract.patterns import examples, usages
from kg.extract.proposed import find_proposals
from kg.extract.sections import section_ends
from kg.extract.text import compact_key, is_name_like

_DEFAULT = {"data_dir": None}


def _gaz(data_dir: str | None) -> Gazetteer:
    return load_gazetteer(data_dir)


class GazetteerComponent:
    """Marks every gazetteer method and dataset (case rules in :mod:`kg.extract.matching`)."""

    def __init__(self, nlp: Language, data_dir: str | None) -> None:
        self.matcher = GazetteerMatcher(nlp, _gaz(data_dir))

    def __call__(self, doc: Doc) -> Doc:
        set_spans(doc, "gazetteer", filter_spans(self.matcher(doc)))
        return doc


class AcronymComponent:
    """Schwartz–Hearst acronym definitions in the title and abstract, plus a title's
    "ACRONYM: Long Form ..." definition (span label "title")."""

    def __call__(self, doc: Doc) -> Doc:
        shorts: list[Span] = []
        longs: list[Span] = []
        text = doc_text(doc)
        ends = section_ends(text)
        found = [(d, "acronym") for d in find_definitions(text, ends[1])] if "(" in text else []
        titled = title_definition(text[: ends[0]]) if ": " in text[: ends[0]] else None
        if titled is not None and all(d.short != titled.short for d, _ in found):
            found.insert(0, (titled, "title"))  # an explicit definition in the abstract wins
        for d, label in found:
            s = char_span(doc, d.short_start, d.short_end, label=label)
            lf = char_span(doc, d.long_start, d.long_end, label=label)
            if s is not None and lf is not None:
                shorts.append(s)
                longs.append(lf)
        set_spans(doc, "acronym_short", shorts)
        set_spans(doc, "acronym_long", longs)
        return doc


class ProposedComponent:
    """Names the paper coins: "X: ..." titles, "we propose X", "called X"; and the established
    methods it uses by head-noun patterns (spans "usage", label "strong"/"weak")."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ends = section_ends(text)
        title, abstract = text[: ends[0]], text[ends[0] + 1: ends[1]] if ends[0] < ends[1] else ""
        spans = []
        for p in find_proposals(title, abstract, ends[0] + 1 if ends[0] < ends[1] else 0):
            span = char_span(doc, p.start, p.end, label=p.source)
            if span is not None:
                spans.append(span)
        set_spans(doc, "proposed", spans)
        used = []
        for u in (*usages(text, 0, ends[1]), *examples(text, 0, ends[1])):
            span = char_span(doc, u.start, u.end, label="strong" if u.strong else "weak")
            if span is not None:
                used.append(span)
        set_spans(doc, "usage", used)
        return doc


# "on the FooBench benchmark", "VGTSR2.0 and DroneVehicle datasets"
_DATASET_HEADS = ("dataset", "benchmark", "corpus", "suite")
_DATASET_PATTERN = re.compile(
    r"((?:[A-Z][\w.\-]*[\w]|[A-Z])(?:\s(?:and|,)?\s?(?:[A-Z][\w.\-]*[\w]))*)\s(?:" + "|".join(_DATASET_HEADS) + r")s?\b"
)


def dataset_phrases(text: str, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_DATASET_PATTERN.finditer(text, 0, end)``, searched only up to the last head word.

    Most abstracts have no head word; and no match ends after the last one (its plural "s" and the
    character the final ``\\b`` looks at are kept in the searched range)."""
    stop = max((at + len(h) + 2 for h in _DATASET_HEADS if (at := text.rfind(h, 0, end)) >= 0), default=0)
    return _DATASET_PATTERN.finditer(text, 0, min(stop, end)) if stop else iter(())


# Benchmark-looking names: "MMBench", "VideoEval-2", "HotpotQA" (checked by is_dataset_name).
# (The lookbehind follows the first capital so the regex starts with a character set: faster, same matches.)
_BENCH_NAME = re.compile(r"[A-Z](?<![\w-].)[\w\-]*(?:Bench|BENCH|-bench|Eval|QA|Arena)(?:[\d.\-]*\d)?(?![\w-])")


class DatasetComponent:
    """Datasets named by pattern: "<Name> dataset/benchmark" and *Bench names."""

    def __init__(self, data_dir: str | None) -> None:
        self.gaz = _gaz(data_dir)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        end = section_ends(text)[1]
        spans: list[Span] = []
        main = text[:end]
        for m in dataset_phrases(text, end):
            for name_m in re.finditer(r"[A-Z][\w.\-]*[\w]|[A-Z]", m.group(1)):
                name = name_m.group(0)
                if not is_name_like(name) or name.casefold() in DATASET_HEADS or self._not_a_dataset(name):
                    continue
                entry = self.gaz.lookup(name)
                if entry is not None and entry.kind == "method":
                    continue
                key = entry.key if entry is not None else self.gaz.unclaimed_key("dataset", compact_key(name))
                start = m.start(1) + name_m.start()
                span = char_span(doc, start, start + len(name), label="pattern", kb_id=f"dataset:{key}",
                                 span_id=entry.name if entry is not None else name)
                if span is not None:
                    spans.append(span)
        has_bench = any(h in main for h in ("Bench", "BENCH", "-bench", "Eval", "QA", "Arena"))
        for m in _BENCH_NAME.finditer(text, 0, end) if has_bench else ():
            name = m.group(0)
            entry = self.gaz.lookup(name)
            if entry is not None and entry.kind == "method":
                continue
            if not (is_name_like(name) and is_dataset_name(name) and not self._not_a_dataset(name)):
                continue
            key, shown = (entry.key, entry.name) if entry is not None else (self.gaz.unclaimed_key("dataset", compact_key(name)), name)
            span = char_span(doc, m.start(), m.end(), label="pattern", kb_id=f"dataset:{key}", span_id=shown)
            if span is not None:
                spans.append(span)
        set_spans(doc, "dataset_patterns", spans)
        return doc

    def _not_a_dataset(self, name: str) -> bool:
        """Tasks, data types and the like before "dataset"/"benchmark" ("VQA benchmarks", "MRI datasets")."""
        gaz = self.gaz
        return gaz.is_not_method(name) or gaz.is_generic(name) or is_task(name) or is_entity(name)


class CanonicalComponent:
    """Resolves all found names to keys (see :mod:`kg.extract.canonical`)."""

    def __init__(self, data_dir: str | None) -> None:
        self.gaz = _gaz(data_dir)

    def __call__(self, doc: Doc) -> Doc:
        resolve_doc(doc, self.gaz)
        return doc


@Language.factory("kg_gazetteer", default_config=_DEFAULT)
def make_gazetteer(nlp: Language, name: str, data_dir: str | None) -> GazetteerComponent:
    """Factory of :class:`GazetteerComponent`."""
    return GazetteerComponent(nlp, data_dir)


@Language.factory("kg_acronyms")
def make_acronyms(nlp: Language, name: str) -> AcronymComponent:
    """Factory of :class:`AcronymComponent`."""
    return AcronymComponent()


@Language.factory("kg_proposed")
def make_proposed(nlp: Language, name: str) -> ProposedComponent:
    """Factory of :class:`ProposedComponent`."""
    return ProposedComponent()


@Language.factory("kg_datasets", default_config=_DEFAULT)
def make_datasets(nlp: Language, name: str, data_dir: str | None) -> DatasetComponent:
    """Factory of :class:`DatasetComponent`."""
    return DatasetComponent(data_dir)


@Language.factory("kg_canonical", default_config=_DEFAULT)
def make_canonical(nlp: Language, name: str, data_dir: str | None) -> CanonicalComponent:
    """Factory of :class:`CanonicalComponent`."""
    return CanonicalComponent(data_dir)
