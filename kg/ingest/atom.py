"""Reader for the arXiv API Atom feed (what ``export.arxiv.org/api/query`` returns).

Each ``<entry>`` gives one record: ``id`` (``http://arxiv.org/abs/2601.00504v1``),
``title``/``summary`` (whitespace folded), ``author/name``, ``arxiv:primary_category/@term``,
``category/@term``, ``published``, ``updated``, ``arxiv:comment``, ``arxiv:doi`` and
``link`` (``rel="alternate"`` is the abstract page). The feed is parsed incrementally
so that the entries before a truncation or syntax error are still read.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from kg.arxiv import parse_arxiv_id
from kg.ingest.common import FileContext, FileResult, fold, record_date
from kg.records import PaperRecord, Problem, SourceRef

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ENTRY_START_RE = re.compile(r"<(?:[\w.-]+:)?entry[\s>]")


def read_atom(text: str, ctx: FileContext) -> FileResult:
    """Read every ``<entry>`` of an arXiv API Atom feed.

    Args:
        text: the decoded XML.
        ctx: the file's path and dates (a feed is not a digest: records get no digest id).

    Returns:
        A :class:`FileResult` with one record per usable entry; an entry without id or
        title and an XML error (with its line) are problems.
    """
    result = FileResult("atom")
    # ElementTree keeps no line numbers: the n-th "<entry" in the text is the n-th entry.
    starts = _entry_lines(text)
    parser = ET.XMLPullParser(events=("end",))
    errors: list[ET.ParseError] = []
    try:
        parser.feed(text)
        parser.close()
    except ET.ParseError as exc:
        errors.append(exc)
    for n, elem in enumerate(_entries(parser, errors)):
        line = starts[n] if n < len(starts) else 0
        record = _entry_record(elem, SourceRef(ctx.path, line), ctx)
        elem.clear()
        if isinstance(record, str):
            result.problems.append(Problem(SourceRef(ctx.path, line), "missing-field", record))
            continue
        result.records.append(record)
        for name, value in (("abstract", record.abstract), ("authors", record.authors)):
            if not value:
                result.problems.append(Problem(record.source, "missing-field", f"{record.arxiv_id}: no {name}"))
    if errors:
        error = errors[0]
        line = error.position[0] if error.position else 0
        result.problems.append(Problem(SourceRef(ctx.path, line), "bad-xml", f"XML error, entries after it are lost: {error}"))
    return result


def _entries(parser: ET.XMLPullParser, errors: list[ET.ParseError]) -> Iterator[ET.Element]:
    """The parsed ``<entry>`` elements, in order, up to an XML error (appended to ``errors``).

    The pull parser queues a syntax error after the events before it and raises it
    from ``read_events``: the entries before the error are still read.
    """
    events = parser.read_events()
    while True:
        try:
            _event, elem = next(events)
        except StopIteration:
            return
        except ET.ParseError as exc:
            errors.append(exc)
            return
        if elem.tag == ATOM + "entry":
            yield elem


def _entry_lines(text: str) -> list[int]:
    """1-based line of each ``<entry`` tag, in order (counted incrementally: one pass over the text)."""
    lines, line, last = [], 1, 0
    for m in _ENTRY_START_RE.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        lines.append(line)
    return lines


def _entry_record(entry: ET.Element, ref: SourceRef, ctx: FileContext) -> PaperRecord | str:
    """The record of one ``<entry>``, or why there is none."""
    raw_id = _child_text(entry, ATOM + "id")
    parsed = parse_arxiv_id(raw_id)
    if parsed is None:
        return f"entry without a usable arXiv id ({raw_id[:60]!r}); skipped"
    arxiv_id, version = parsed
    title = _child_text(entry, ATOM + "title")
    if not title:
        return f"{arxiv_id}: entry without a title; skipped"
    primary = entry.find(ARXIV + "primary_category")
    categories = [primary.get("term", "")] if primary is not None else []
    categories += [c.get("term", "") for c in entry.findall(ATOM + "category")]
    categories = list(dict.fromkeys(c for c in categories if c))
    published = _iso_date(_child_text(entry, ATOM + "published"))
    date, precision = record_date(ctx.name_date or ctx.fallback_date, published, arxiv_id)
    return PaperRecord(
        arxiv_id=arxiv_id,
        title=title,
        source=ref,
        abstract=_child_text(entry, ATOM + "summary"),
        authors=tuple(n for n in (fold(a.findtext(ATOM + "name") or "") for a in entry.findall(ATOM + "author")) if n),
        primary_category=categories[0] if categories else "",
        categories=tuple(categories),
        date=date,
        date_precision=precision,
        version=version,
        url=_alternate_link(entry) or raw_id,
        comment=_child_text(entry, ARXIV + "comment"),
        doi=_child_text(entry, ARXIV + "doi"),
        published=published,
        updated=_iso_date(_child_text(entry, ATOM + "updated")),
    )


def _child_text(entry: ET.Element, tag: str) -> str:
    return fold(entry.findtext(tag) or "")


def _alternate_link(entry: ET.Element) -> str:
    for link in entry.findall(ATOM + "link"):
        if link.get("rel") == "alternate" and link.get("href"):
            return link.get("href", "")
    return ""


def _iso_date(value: str) -> dt.date | None:
    """``"2026-01-02T18:59:59Z"`` -> ``date(2026, 1, 2)``; ``None`` if unreadable."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
