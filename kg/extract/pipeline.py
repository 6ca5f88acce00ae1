"""Build the extraction pipeline and run it over papers (the only spaCy-facing API).

The rest of ``kg`` sees :class:`~kg.records.PaperExtraction` records, never a Doc.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import spacy
from spacy.attrs import IS_ALPHA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

import kg.extract.components  # noqa: F401  (registers the factories)
from kg.extract.fields import drop_homonyms
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.matching import doc_text, release_spans, span_text, spans_of
from kg.extract.repos import find_repos
from kg.extract.tokenizer import RegexTokenizer
from kg.extract.sections import paper_text, section_ends, section_of
from kg.progress import SILENT, Progress
from kg.records import Candidate, DatasetMention, MethodMention, Paper, PaperExtraction

COMPONENTS = ("kg_gazetteer", "kg_acronyms", "kg_proposed", "kg_datasets", "kg_canonical")
_WITH_DATA = frozenset({"kg_gazetteer", "kg_datasets", "kg_canonical"})


def load_pipeline(config: Mapping[str, Any] | None = None) -> Language:
    """The extraction pipeline on ``spacy.blank("en")``, built once and cached.

    Args:
        config: optional settings; ``{"data_dir": "path"}`` reads the gazetteer from
            another directory (tests), ``{"disable": ["kg_proposed"]}`` leaves components out.

    Returns:
        The :class:`spacy.language.Language`.
    """
    config = dict(config or {})
    return _pipeline(config.get("data_dir"), tuple(config.get("disable", ())))


@functools.lru_cache(maxsize=4)
def _pipeline(data_dir: str | None, disable: tuple[str, ...]) -> Language:
    nlp = spacy.blank("en")
    # A word's lexical attributes are computed when the vocabulary first meets it (shape, like_num,
    # stop word, ...: a seventh of extraction over a corpus); the components read only LOWER (the
    # phrase matcher) and IS_ALPHA
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {a: getters[a] for a in (LOWER, IS_ALPHA) if a in getters}
    nlp.tokenizer = RegexTokenizer(nlp.vocab)
    for name in COMPONENTS:
        if name in disable:
            continue
        cfg = {"data_dir": data_dir} if name in _WITH_DATA else {}
        nlp.add_pipe(name, config=cfg)
    return nlp


def unload_pipelines() -> None:
    """Forget the pipelines :func:`load_pipeline` built (the next call builds one again).

    For a process done extracting (``kg build`` before its writers): the pipeline's matchers and
    vocabulary are about 20 MB of C memory, which :func:`kg.pipeline.trim_heap` can then return.
    """
    _pipeline.cache_clear()


def _data_dir(nlp: Language) -> str | None:
    if "kg_canonical" in nlp.pipe_names:
        return nlp.get_pipe_config("kg_canonical").get("data_dir")
    return None


def extract_papers(papers: Iterable[Paper], *, nlp: Language | None = None, n_process: int = 1,
                   batch_size: int = 256, progress: Progress = SILENT, link: bool = True) -> list[PaperExtraction]:
    """Methods, datasets and code links of each paper, in input order.

    With ``n_process > 1`` the papers are split into ranges handled by forked workers
    that inherit the built pipeline and the papers (only the range is sent) and send
    back plain records (cheaper than spaCy's own multiprocessing, which ships every
    Doc back to the parent); the parent does no per-paper work but collecting.

    Args:
        papers: merged papers (title and abstract in English; summary and keywords optional).
        nlp: a pipeline from :func:`load_pipeline` (default: the packaged one).
        n_process: worker processes.
        batch_size: documents per ``nlp.pipe`` batch.
        progress: reports papers done ("extracting", unit "papers"): each paper in one
            process, each finished chunk's papers with workers.
        link: run the corpus link step over the result (:func:`kg.extract.corpus.link_corpus`);
            ``False`` leaves each paper's candidates for a caller that links a larger set
            (the build cache links cached and new papers together).

    Returns:
        One :class:`PaperExtraction` per paper.
    """
    from kg.extract.corpus import link_corpus

    nlp = nlp or load_pipeline()
    papers = list(papers)
    with _collector_skips_what_exists():
        if n_process > 1 and len(papers) >= 2 * n_process:
            out = _parallel(nlp, papers, n_process, batch_size, progress)
        else:
            out = _extract(nlp, papers, batch_size, progress)
        return link_corpus(out, load_gazetteer(_data_dir(nlp))) if link else out


_WORKER: dict[str, Any] = {}
_DESCRIPTION, _UNIT = "extracting", "papers"
# Ranges per worker: small enough that no worker idles long at the end, big enough to keep the
# per-range cost (one message each way) negligible.
_CHUNKS_PER_PROCESS = 16


def _extract(nlp: Language, papers: Sequence[Paper], batch_size: int, progress: Progress = SILENT) -> list[PaperExtraction]:
    """The extractions of ``papers`` in this process."""
    gaz = load_gazetteer(_data_dir(nlp))
    texts = (paper_text(p) for p in papers)  # made as nlp.pipe asks for them
    docs = progress.track(nlp.pipe(texts, batch_size=batch_size), total=len(papers), description=_DESCRIPTION, unit=_UNIT)
    out = []
    for p, doc in zip(papers, docs):
        methods, datasets = doc_mentions(doc, gaz)
        out.append(PaperExtraction(p.arxiv_id, drop_homonyms(methods, p.primary_category), datasets,
                                   find_repos(p.abstract, p.comment), tuple(doc.user_data.get("kg_candidates", ()))))
        release_spans(doc)
    return out


@contextlib.contextmanager
def _collector_skips_what_exists() -> Iterator[None]:
    """``gc.freeze`` for an extraction: its full collections then walk only the objects it made.

    A paper leaves a few reference cycles behind, so the collector must run; but each of its full
    collections also walked the pipeline, the gazetteer and the papers (190k objects on the shared
    corpus, finding nothing): about 7% of extraction, and more in the link step and in the parent of
    the workers, which build many records. Frozen before forking, the parent's objects are also skipped
    (and not copied on write) by the workers' collections. Left alone when something froze the heap
    already (:func:`kg.pipeline.freeze_heap`, the workers): unfreezing would undo that.
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _worker_range(args: tuple[int, int, int]) -> list[tuple]:
    """A worker's share: papers ``start:stop`` of the list the parent forked with, packed (:func:`_pack`)."""
    start, stop, batch_size = args
    return [_pack(e) for e in _extract(_WORKER["nlp"], _WORKER["papers"][start:stop], batch_size)]


# The records travel from the workers as tuples of their fields: pickle writes and reads plain tuples in C,
# while a frozen slotted dataclass goes through its Python __getstate__/__setstate__ (on the shared corpus
# 0.55 s of writing in the workers and 0.45 s of reading in the parent, which competes with them for the cores).
_FIELDS = {cls: operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
           for cls in (PaperExtraction, MethodMention, DatasetMention, Candidate)}


def _pack(e: PaperExtraction) -> tuple:
    """``e`` as nested tuples of its fields, in field order (:func:`_unpack` rebuilds it)."""
    arxiv_id, methods, datasets, repos, candidates = _FIELDS[PaperExtraction](e)
    mm, dm, cm = _FIELDS[MethodMention], _FIELDS[DatasetMention], _FIELDS[Candidate]
    return (arxiv_id, tuple(map(mm, methods)), tuple(map(dm, datasets)), repos, tuple(map(cm, candidates)))


def _unpack(row: tuple) -> PaperExtraction:
    arxiv_id, methods, datasets, repos, candidates = row
    return PaperExtraction(arxiv_id, tuple(MethodMention(*m) for m in methods), tuple(DatasetMention(*d) for d in datasets),
                           repos, tuple(Candidate(*c) for c in candidates))


def _leave_ctrl_c_to_the_parent() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool (and says so in
    # one line); a worker's own KeyboardInterrupt would only add tracebacks.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parallel(nlp: Language, papers: list[Paper], n_process: int, batch_size: int,
              progress: Progress = SILENT) -> list[PaperExtraction]:
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    if ctx is None:  # no fork (Windows/macOS spawn): one process is faster than rebuilding pipelines
        return _extract(nlp, papers, batch_size, progress)
    _WORKER.update(nlp=nlp, papers=papers)  # inherited by the forked workers, never pickled
    size = max(1, -(-len(papers) // (n_process * _CHUNKS_PER_PROCESS)))
    ranges = [(i, min(i + size, len(papers)), batch_size) for i in range(0, len(papers), size)]
    # (frozen by extract_papers: the workers' collections skip, and do not copy on write, the parent's objects)
    try:
        with _collector_skips_what_exists(), ctx.Pool(n_process, initializer=_leave_ctrl_c_to_the_parent) as pool:
            # imap keeps range order; the bar advances by a range's papers as each one finishes
            found = (_unpack(row) for part in pool.imap(_worker_range, ranges) for row in part)
            return list(progress.track(found, total=len(papers), description=_DESCRIPTION, unit=_UNIT))
    finally:
        _WORKER.clear()


def extract_text(text: str, *, nlp: Language | None = None) -> tuple[tuple[MethodMention, ...], tuple[DatasetMention, ...]]:
    """Methods and datasets of one plain text (all of it read as abstract); handy in notebooks."""
    nlp = nlp or load_pipeline()
    return doc_mentions(nlp(text.replace("\n", " ")), load_gazetteer(_data_dir(nlp)))


def doc_mentions(doc: Doc, gaz: Gazetteer) -> tuple[tuple[MethodMention, ...], tuple[DatasetMention, ...]]:
    """Aggregate a processed Doc into one mention per canonical key (first-seen order)."""
    text = doc_text(doc)
    ends = section_ends(text)
    proposed = {s.kb_id_ for s in spans_of(doc, "proposed")}
    extra = doc.user_data.get("kg_aliases", {})
    methods = tuple(_method(eid, spans, gaz, ends, eid in proposed, extra.get(eid, ()), text)
                    for eid, spans in _by_key(spans_of(doc, "methods")).items())
    datasets = tuple(_dataset(eid, spans, gaz, text) for eid, spans in _by_key(spans_of(doc, "datasets")).items())
    return methods, datasets


def _by_key(spans: Iterable[Span]) -> dict[str, list[Span]]:
    """Spans grouped by key, in text order, overlapping repeats of one key dropped."""
    # (start, -end, position, key, span): Span attributes are read once (each read is a call);
    # the position keeps the sort stable, as sorting by (start, -end) alone was.
    rows = sorted((s.start, -s.end, i, s.kb_id_, s) for i, s in enumerate(spans))
    groups: dict[str, list[Span]] = {}
    group_ends: dict[str, list[int]] = {}
    for start, neg_end, _, key, s in rows:
        group, ends = groups.setdefault(key, []), group_ends.setdefault(key, [])
        if ends and start < max(ends[-3:]):
            continue
        group.append(s)
        ends.append(-neg_end)
    return dict(sorted(groups.items(), key=lambda kv: kv[1][0].start))


def _method(eid: str, spans: Sequence[Span], gaz: Gazetteer, ends: tuple[int, ...], proposed: bool,
            extra_aliases: Sequence[str], text: str) -> MethodMention:
    entry = gaz.entries.get(eid)
    surfaces = tuple(dict.fromkeys(with_head(s, text) if entry else span_text(s, text) for s in spans))
    sources = tuple(dict.fromkeys(section_of(s.start_char, ends) for s in spans))
    key = eid.split(":", 1)[1]
    name = entry.name if entry else spans[0].id_ or surfaces[0]
    aliases = tuple(dict.fromkeys(a for a in (*(entry.surfaces if entry else ()), *surfaces, *extra_aliases) if a != name))
    return MethodMention(
        key=key, name=name, surface=surfaces[0], group=entry.group if entry else "",
        proposed=proposed and entry is None, count=len(spans), in_title=sources[0] == "title",
        sources=tuple(sorted(sources, key=("title", "abstract", "summary", "keywords").index)),
        surfaces=surfaces, aliases=aliases,
    )


# Generic procedure nouns a paper puts after a listed name ("a forward Euler scheme", "the conjugate gradient
# solver"): the name is the entry's, the paper's surface form ends with the noun.
_HEAD_WORDS = frozenset("method scheme algorithm solver iteration technique".split())
_HEAD_AFTER = re.compile(r"[ -](?:" + "|".join(sorted(_HEAD_WORDS)) + r")s?\b")


def with_head(span: Span, text: str) -> str:
    """The span's text, with a procedure noun that directly follows it (when the span does not end in one).
    A one-word name that is not lowercase is an acronym or a model's name and stands alone ("GMRES solver")."""
    surface = span_text(span, text)
    m = _HEAD_AFTER.match(text, span.end_char)
    if m is None or " " not in surface and not surface.islower():
        return surface
    if surface.rsplit(None, 1)[-1].lower().rstrip("s") in _HEAD_WORDS:
        return surface  # (it ends in one already: "conjugate gradient method")
    return surface + m.group()


def _dataset(eid: str, spans: Sequence[Span], gaz: Gazetteer, text: str) -> DatasetMention:
    entry = gaz.entries.get(eid)
    surfaces = tuple(dict.fromkeys(span_text(s, text) for s in spans))
    name = entry.name if entry else spans[0].id_ or surfaces[0]
    aliases = tuple(dict.fromkeys(a for a in (*(entry.surfaces if entry else ()), *surfaces) if a != name))
    return DatasetMention(key=eid.split(":", 1)[1], name=name, surface=surfaces[0], aliases=aliases)
