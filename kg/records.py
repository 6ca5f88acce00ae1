"""Typed records passed between the stages of the pipeline.

read -> :class:`PaperRecord` (one occurrence of a paper in one input file)
merge -> :class:`Paper` (one paper, all its occurrences merged)
extract -> :class:`PaperExtraction` (methods, datasets and code links of one paper)
graph -> a networkx ``MultiDiGraph`` (see :mod:`kg.graph`)

Records are frozen: a stage makes new records (``dataclasses.replace``) instead
of mutating the ones it was given, so every stage can be tested on its own.
"""
from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, fields
from typing import Literal

DatePrecision = Literal["day", "month"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record was read: a file (as given) and a 1-based line number."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Summary:
    """The LLM-written summary fields of a digest entry, in one language.

    ``language`` is an ISO 639-1 code guessed from the text ("zh", "ko", "en", ...).
    ``extra`` keeps fields a fork adds (e.g. ``("AI_Comments", "...")``) as pairs,
    in the order they appear.
    """

    language: str = ""
    tldr: str = ""
    motivation: str = ""
    method: str = ""
    result: str = ""
    conclusion: str = ""
    extra: tuple[tuple[str, str], ...] = ()

    def texts(self) -> tuple[str, ...]:
        """All non-empty summary texts, in a stable order."""
        parts = (self.tldr, self.motivation, self.method, self.result, self.conclusion)
        return tuple(t for t in (*parts, *(v for _, v in self.extra)) if t)


@dataclass(frozen=True, slots=True)
class PaperRecord:
    """One occurrence of a paper in one input (a digest entry, a JSONL line, an Atom entry).

    ``arxiv_id`` never carries a version; ``version`` keeps it when the source gave one
    ("v2"). ``date`` is the date this occurrence was listed (the digest's date) with
    ``date_precision`` "day", or only the month (from the arXiv id) with "month";
    ``None`` when nothing tells.
    """

    arxiv_id: str
    title: str
    source: SourceRef
    abstract: str = ""
    authors: tuple[str, ...] = ()
    primary_category: str = ""
    categories: tuple[str, ...] = ()
    date: dt.date | None = None
    date_precision: DatePrecision = "day"
    version: str = ""
    url: str = ""
    comment: str = ""
    summary: Summary | None = None
    keywords: tuple[str, ...] = ()
    translated_title: str = ""
    digest: str = ""  # id of the digest this entry was listed in ("" when not a digest)
    listed_under: str = ""  # the digest section (category) the entry stood under
    doi: str = ""
    published: dt.date | None = None
    updated: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """A daily digest file: ``id`` is ``"<folder>/<file name>"``, stable across runs."""

    id: str
    date: dt.date | None
    source: str  # the path as given on the command line
    format: str  # reader name, e.g. "markdown", "daily-jsonl"


@dataclass(frozen=True, slots=True)
class Listing:
    """A paper listed in one digest (or seen in one non-digest file) on one date."""

    date: dt.date | None
    date_precision: DatePrecision
    digest: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper after merging all its occurrences (see :func:`kg.merge.merge_records`).

    ``first_seen``/``last_seen`` are the earliest and latest listing dates;
    ``date_precision`` is "month" only when no listing had a day.
    """

    arxiv_id: str
    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    primary_category: str = ""
    categories: tuple[str, ...] = ()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    date_precision: DatePrecision = "day"
    version: str = ""
    url: str = ""
    comment: str = ""
    summary: Summary | None = None
    keywords: tuple[str, ...] = ()
    translated_title: str = ""
    doi: str = ""
    listings: tuple[Listing, ...] = ()

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        return tuple(listing.source for listing in self.listings)


@dataclass(frozen=True, slots=True)
class MethodMention:
    """A canonical method mentioned by one paper.

    ``key`` is the stable canonical key (shared by every spelling), ``surface`` the
    first spelling seen in the paper, ``surfaces`` all of them. ``sources`` says where
    it was found: "title", "abstract", "summary", "keywords".
    """

    key: str
    name: str
    surface: str
    group: str = ""
    proposed: bool = False
    count: int = 1
    in_title: bool = False
    sources: tuple[str, ...] = ()
    surfaces: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DatasetMention:
    """A dataset or benchmark used by a paper."""

    key: str
    name: str
    surface: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """Evidence in one paper that only the rest of the corpus can settle (:mod:`kg.extract.corpus`).

    ``kind``: "defined" (the paper defines ``surface`` as the method ``key``), "acronym" (a bare
    acronym the paper does not define and no lexicon knows), "usage" (a lower-case method phrase
    found by a head-noun pattern, keyed ``key``).
    """

    kind: str
    surface: str
    key: str = ""
    name: str = ""
    source: str = "abstract"


@dataclass(frozen=True, slots=True)
class PaperExtraction:
    """What the extractor found in one paper. ``repos`` are normalised code URLs.

    ``candidates`` is what the per-paper stage leaves to the corpus link step; it is empty
    once :func:`kg.extract.corpus.link_corpus` has run (as :func:`kg.extract.extract_papers` does).
    """

    arxiv_id: str
    methods: tuple[MethodMention, ...] = ()
    datasets: tuple[DatasetMention, ...] = ()
    repos: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the input that could not be read: reported, never silently dropped.

    ``kind`` is a short stable reason ("malformed-block", "missing-field",
    "bad-encoding", "empty-file", "unknown-format", "bad-json", ...).
    """

    source: SourceRef
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.kind}: {self.message}"


@dataclass(slots=True)
class ReadReport:
    """What reading a set of inputs did (mutable: readers add to it as they go)."""

    files_read: list[str] = field(default_factory=list)
    records_read: int = 0
    problems: list[Problem] = field(default_factory=list)
    # per digest file: the sum of its table-of-contents totals vs entries read
    toc_mismatches: list[str] = field(default_factory=list)

    def skipped_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.problems:
            counts[p.kind] = counts.get(p.kind, 0) + 1
        return dict(sorted(counts.items()))


def _pickled_by_fields(cls: type) -> None:
    """Pickle ``cls`` as ``cls(*field values)`` instead of the slots dataclass default.

    The default (``dataclasses._dataclass_getstate`` / ``_dataclass_setstate``) walks
    ``fields()`` in Python for every record: unpickling a year's cached readings and extractions
    (100,000 records, 490,000 objects) took about 2 s of a +1 day build, 3x what calling
    ``__init__`` with the values does. Same objects back (no ``__post_init__``, every field is
    an ``__init__`` argument); a cache written the old way is not read (the code version changed).
    """
    names = tuple(f.name for f in fields(cls))
    values = operator.attrgetter(*names)
    if len(names) == 1:
        def __reduce__(self):  # noqa: ANN001, ANN202, N807
            return cls, (values(self),)
    else:
        def __reduce__(self):  # noqa: ANN001, ANN202, N807
            return cls, values(self)
    cls.__reduce__ = __reduce__  # type: ignore[method-assign]


for _cls in (SourceRef, Summary, PaperRecord, Digest, Listing, Paper, MethodMention, DatasetMention, Candidate,
             PaperExtraction, Problem, ReadReport):
    _pickled_by_fields(_cls)
del _cls
