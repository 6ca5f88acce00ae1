"""Readers for JSON lines: the daily-arXiv JSONL digests and the arXiv metadata snapshot.

daily-arXiv JSONL (``2026-01-05_AI_enhanced_Chinese.jsonl``), one paper per line (or the same objects in one JSON
document: an array, an object holding the array, pretty-printed objects; see :func:`document_objects`)::

    {"id": "2601.00114", "categories": ["cs.GR", ...], "authors": ["A", ...], "title": ..., "summary": <abstract>,
     "abs": <url>, "pdf": <url>, "comment": ..., "code_url": ..., "AI": {"tldr", "motivation", "method", "result", "conclusion"}}

arXiv metadata snapshot (Kaggle ``arxiv-metadata-oai-snapshot.json``), one paper per line::

    {"id": "0704.0001", "authors": "A, B and C", "authors_parsed": [["Last", "First", ""]], "title": ...,
     "comments": ..., "journal-ref": ..., "doi": ..., "categories": "hep-ph math.GT", "abstract": ...,
     "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}], "update_date": "2008-11-13"}
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from email.utils import parsedate_to_datetime
from typing import Any

from kg.arxiv import parse_arxiv_id
from kg.ingest.common import FileContext, FileResult, fold, guess_language, record_date, split_authors
from kg.records import Digest, PaperRecord, Problem, SourceRef, Summary

_AI_FIELDS = ("tldr", "motivation", "method", "result", "conclusion")
_SNAPSHOT_KEYS = ("authors_parsed", "versions", "update_date", "journal-ref")

# (line, decoded object, context) -> a record, or a problem message when the line is unusable
_Mapper = Callable[[int, dict[str, Any], FileContext], "PaperRecord | str"]


def decode_line(line: str) -> Any:
    """One JSON line decoded; raises ``ValueError`` for anything unusable, nesting too deep included.

    The decoder recurses per nesting level: a line nested 50,000 deep raises ``RecursionError``,
    which is a bad line like any other, not a crash.
    """
    try:
        return json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def is_snapshot_line(obj: dict[str, Any]) -> bool:
    """True for an arXiv metadata snapshot line (vs a daily-arXiv JSONL line)."""
    return any(k in obj for k in _SNAPSHOT_KEYS) or isinstance(obj.get("categories"), str)


def read_daily_jsonl(text: str, ctx: FileContext) -> FileResult:
    """Read a daily-arXiv JSONL digest (the file is a digest dated by its name or ``--date``)."""
    result = _read_lines(text, ctx, "daily-jsonl", _daily_record)
    result.digest = Digest(ctx.digest_id, ctx.name_date or ctx.fallback_date, ctx.path, "daily-jsonl")
    return result


def read_snapshot(text: str, ctx: FileContext) -> FileResult:
    """Read arXiv metadata snapshot lines (not a digest: records carry no digest id)."""
    return _read_lines(text, ctx, "arxiv-snapshot", _snapshot_record)


def _read_lines(text: str, ctx: FileContext, fmt: str, mapper: _Mapper) -> FileResult:
    """Decode each non-blank line as a JSON object and map it; bad lines become problems.

    Lines end at ``\n`` only (JSON lines' definition): ``str.splitlines`` would also split at
    U+2028, U+2029, U+0085 and other characters that may stand inside a JSON string.
    """
    result = FileResult(fmt)
    for number, obj in _objects(text, ctx.path, result.problems):
        ref = SourceRef(ctx.path, number)
        if not isinstance(obj, dict):
            result.problems.append(Problem(ref, "bad-json", f"a JSON {type(obj).__name__}, not an object"))
            continue
        record = mapper(number, obj, ctx)
        if isinstance(record, str):
            result.problems.append(Problem(ref, "missing-field", record))
            continue
        result.records.append(record)
        for name, value in (("abstract", record.abstract), ("authors", record.authors)):
            if not value:
                result.problems.append(Problem(ref, "missing-field", f"{record.arxiv_id}: no {name}"))
    return result


def _objects(text: str, path: str, problems: list[Problem]) -> Iterator[tuple[int, Any]]:
    """``(line, value)`` of each JSON line, or of each paper of a JSON document.

    Forks also publish a day as one JSON document: an array of papers, an object holding one
    (``{"date": ..., "papers": [...]}``), or pretty-printed objects one after another. A file whose
    first line is a JSON value is read as JSON lines (a bad line is one problem); otherwise as a
    document, when it is one.
    """
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    try:
        decode_line(first)
    except ValueError:
        found = document_objects(text)
        if found is not None:
            for number, obj in found:
                if obj is NOT_JSON:
                    problems.append(Problem(SourceRef(path, number), "bad-json", "not JSON from here on; the rest of the file skipped"))
                else:
                    yield number, obj
            return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = decode_line(line)
        except ValueError as exc:
            problems.append(Problem(SourceRef(path, number), "bad-json", f"not a JSON line ({exc.args[0][:60]})"))
            continue
        yield number, obj


#: what :func:`document_objects` gives where a document stops being JSON
NOT_JSON: Any = object()


def document_objects(text: str) -> list[tuple[int, Any]] | None:
    r"""The papers of a JSON document as ``(line, object)``; ``None`` when ``text`` is no JSON document.

    A paper is an object with an ``id`` and a ``title``: the document itself, the items of a
    top-level array, or the items of the first array of such objects inside a top-level object.
    Concatenated documents (pretty-printed objects one after another) are read one by one.

    >>> document_objects('[\n {"id": "2601.00001",\n  "title": "A"},\n {"id": "2601.00002", "title": "B"}\n]')
    [(2, {'id': '2601.00001', 'title': 'A'}), (4, {'id': '2601.00002', 'title': 'B'})]
    """
    decoder = json.JSONDecoder()
    values: list[tuple[int, Any]] = []
    pos = _skip(text, 0)
    try:
        while pos < len(text):
            value, end = decoder.raw_decode(text, pos)
            values.append((pos, value))
            pos = _skip(text, end)
    except (ValueError, RecursionError):
        if not values:
            return None
        values.append((pos, NOT_JSON))  # the rest is not JSON: one problem, reported by the reader
    found: list[tuple[int, Any]] = []
    for start, value in values:
        items = _papers_in(value)
        cursor = start
        for item in items:
            # the line of a paper is the line of its id in the text (searched in order from its document)
            at = text.find(json.dumps(item.get("id"), ensure_ascii=False), cursor) if isinstance(item, dict) else -1
            at = at if at >= 0 else cursor
            cursor = at + 1
            found.append((text.count("\n", 0, at) + 1, item))
    return found


def _papers_in(value: Any) -> list[Any]:
    if isinstance(value, dict) and "id" in value and "title" in value:
        return [value]
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for inner in value.values():
            if isinstance(inner, list) and any(isinstance(i, dict) and "id" in i and "title" in i for i in inner):
                return inner
        return [value]  # an object that is no paper: the caller reports it
    return [value]


def _skip(text: str, pos: int) -> int:
    """The position of the next value: past white space and the commas of hand-joined documents."""
    while pos < len(text) and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    return pos


def _text(value: Any) -> str:
    """A JSON value as folded text (``None``/non-strings give ``""``)."""
    return fold(value) if isinstance(value, str) else ""


def _strings(value: Any, split: Callable[[str], Any]) -> tuple[str, ...]:
    """A JSON list of strings as a tuple (other items dropped); a plain string is split."""
    if isinstance(value, str):
        return tuple(split(value))
    if isinstance(value, list):
        return tuple(t for t in (_text(v) for v in value) if t)
    return ()


def _id_and_title(obj: dict[str, Any]) -> tuple[str, str, str] | str:
    """``(arxiv_id, version, title)`` or the reason the line cannot be a record."""
    parsed = parse_arxiv_id(str(obj.get("id") or ""))
    if parsed is None:
        return f"no usable arXiv id ({str(obj.get('id'))[:40]!r}); line skipped"
    title = _text(obj.get("title"))
    if not title:
        return f"{parsed[0]}: no title; line skipped"
    return parsed[0], parsed[1], title


def _daily_record(number: int, obj: dict[str, Any], ctx: FileContext) -> PaperRecord | str:
    head = _id_and_title(obj)
    if isinstance(head, str):
        return head
    arxiv_id, version, title = head
    categories = _strings(obj.get("categories"), str.split)
    authors = _strings(obj.get("authors"), split_authors)
    date, precision = record_date(ctx.name_date or ctx.fallback_date, None, arxiv_id)
    return PaperRecord(
        arxiv_id=arxiv_id,
        title=title,
        source=SourceRef(ctx.path, number),
        abstract=_text(obj.get("summary")),
        authors=authors,
        primary_category=categories[0] if categories else "",
        categories=categories,
        date=date,
        date_precision=precision,
        version=version,
        url=_text(obj.get("abs")),
        comment=_text(obj.get("comment")),
        summary=_ai_summary(obj.get("AI"), _text(obj.get("code_url"))),
        digest=ctx.digest_id,
    )


def _ai_summary(ai: Any, code_url: str) -> Summary | None:
    """The ``AI`` object as a :class:`Summary`; unknown AI keys and ``code_url`` go to ``extra``."""
    ai = ai if isinstance(ai, dict) else {}
    fields = {k: _text(ai.get(k)) for k in _AI_FIELDS}
    extra = [(str(k), t) for k, v in ai.items() if k not in _AI_FIELDS and (t := _text(v))]
    if code_url:
        extra.append(("code_url", code_url))
    if not any(fields.values()) and not extra:
        return None
    language = guess_language(*fields.values(), *(v for _, v in extra))
    return Summary(language, extra=tuple(extra), **fields)


def _snapshot_record(number: int, obj: dict[str, Any], ctx: FileContext) -> PaperRecord | str:
    head = _id_and_title(obj)
    if isinstance(head, str):
        return head
    arxiv_id, version, title = head
    categories = tuple(_text(obj.get("categories")).split())
    raw_versions = obj.get("versions")
    versions = [v for v in raw_versions if isinstance(v, dict)] if isinstance(raw_versions, list) else []
    published = _rfc2822_date(versions[0].get("created")) if versions else None
    updated = _iso_date(obj.get("update_date")) or (_rfc2822_date(versions[-1].get("created")) if versions else None)
    if versions and not version:
        version = _text(versions[-1].get("version"))
    date, precision = record_date(ctx.name_date or ctx.fallback_date, published, arxiv_id)
    return PaperRecord(
        arxiv_id=arxiv_id,
        title=title,
        source=SourceRef(ctx.path, number),
        abstract=_text(obj.get("abstract")),
        authors=_snapshot_authors(obj),
        primary_category=categories[0] if categories else "",
        categories=categories,
        date=date,
        date_precision=precision,
        version=version,
        comment=_text(obj.get("comments")),
        doi=_text(obj.get("doi")),
        published=published,
        updated=updated,
    )


def _snapshot_authors(obj: dict[str, Any]) -> tuple[str, ...]:
    """Authors as "First Last Suffix" from ``authors_parsed``, else split from the ``authors`` string."""
    parsed = obj.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        names = []
        for parts in parsed:
            if isinstance(parts, list) and parts:
                last, first, suffix = ([_text(p) for p in parts] + ["", ""])[:3]
                name = " ".join(p for p in (first, last, suffix) if p)
                if name:
                    names.append(name)
        if names:
            return tuple(names)
    return split_authors(_text(obj.get("authors")))


def _rfc2822_date(value: Any) -> dt.date | None:
    """``"Mon, 2 Apr 2007 19:18:42 GMT"`` -> ``date(2007, 4, 2)`` (in UTC); ``None`` if unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return parsedate_to_datetime(value).astimezone(dt.timezone.utc).date()
    except (TypeError, ValueError, IndexError):
        return None


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
