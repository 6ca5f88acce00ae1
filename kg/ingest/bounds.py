"""What every record read from any file is made to satisfy, in one place (applied by :func:`kg.ingest.read_file`).

* **No character XML forbids.** NUL and the other C0 controls (but tab, LF, CR), lone
  surrogates and U+FFFE/U+FFFF become U+FFFD, with one "control-characters" problem per
  affected line (a few per file, then a summary). Raw ones are replaced in the text before
  it is parsed (so a JSON line holding one is still read); ones written as JSON escapes
  (``"\\u0000"``) are replaced in the records. Every writer (GraphML, GEXF, HTML) can then
  trust its input, and still escapes on its own.
* **Bounded text.** A field longer than :data:`MAX_FIELD_CHARS` characters is cut there, and a
  record's text fields together to :data:`MAX_RECORD_CHARS`, with a "long-text" problem: the
  extractor reads one text per paper (spaCy refuses texts over 1,000,000 characters), and no
  arXiv abstract comes near 2,000.
"""
from __future__ import annotations

import dataclasses

from kg.ingest.common import FileResult
from kg.records import PaperRecord, Problem, SourceRef, Summary
from kg.safetext import XML_FORBIDDEN

__all__ = ["MAX_FIELD_CHARS", "MAX_RECORD_CHARS", "bound_records", "replace_forbidden"]

#: Characters kept of one text field (title, abstract, a summary field, ...).
MAX_FIELD_CHARS = 100_000
#: Characters kept of all of one record's text fields together (well under spaCy's 1,000,000).
MAX_RECORD_CHARS = 400_000
_MAX_LINE_PROBLEMS = 5
_FORBIDDEN_CHARS = tuple(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + ("\ufffe", "\uffff")
_TEXT_FIELDS = ("title", "abstract", "comment", "translated_title", "url", "doi", "primary_category", "listed_under", "version")
_TUPLE_FIELDS = ("authors", "categories", "keywords")


def replace_forbidden(path: str, text: str) -> tuple[str, list[Problem]]:
    """``text`` (decoded from a file) with the characters XML forbids replaced by U+FFFD, and a problem per affected line."""
    # Nearly every file holds none: a substring test per character is ten times faster than the
    # character-class scan on non-ASCII text. Decoding never yields a lone surrogate, so these are all.
    if not any(c in text for c in _FORBIDDEN_CHARS):
        return text, []
    lines: list[int] = []
    line, last = 1, 0
    for m in XML_FORBIDDEN.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    problems = [Problem(SourceRef(path, n), "control-characters", "characters XML does not allow (NUL, C0 controls) "
                        "replaced by U+FFFD") for n in lines[:_MAX_LINE_PROBLEMS]]
    if len(lines) > _MAX_LINE_PROBLEMS:
        problems.append(Problem(SourceRef(path, lines[_MAX_LINE_PROBLEMS]), "control-characters",
                                f"{len(lines) - _MAX_LINE_PROBLEMS} more lines with characters XML does not allow"))
    return XML_FORBIDDEN.sub("\ufffd", text), problems


def bound_records(result: FileResult, text: str) -> None:
    """Apply the rules of the module docstring to ``result.records`` (``text``: the file as parsed).

    Records are only walked when the file could hold something to fix: JSON escapes (which
    may decode to control characters) or text longer than :data:`MAX_FIELD_CHARS` (the raw
    text itself was cleaned before parsing).
    """
    escapes = "\\u" in text
    if not escapes and len(text) <= MAX_FIELD_CHARS:
        return
    for i, record in enumerate(result.records):
        # Nearly every record: no field can be too long and no escape decoded to a forbidden character
        # (one scan of all its text: "\u" is in most files, as JSON-escaped CJK or LaTeX's \url).
        if _size(record) <= MAX_FIELD_CHARS and not (escapes and _has_forbidden(record)):
            continue
        fixed, notes = _bound(record, escapes)
        if fixed is not record:
            result.records[i] = fixed
            result.problems.extend(Problem(record.source, kind, f"{record.arxiv_id}: {message}") for kind, message in notes)


def _size(record: PaperRecord) -> int:
    """All the characters of a record's text fields (an upper bound of each field's length)."""
    size = sum(len(getattr(record, name)) for name in _TEXT_FIELDS)
    size += sum(len(v) for name in _TUPLE_FIELDS for v in getattr(record, name))
    summary = record.summary
    if summary is not None:
        size += sum(len(t) for t in summary.texts()) + sum(len(label) for label, _ in summary.extra)
    return size


def _has_forbidden(record: PaperRecord) -> bool:
    """Whether any text field of ``record`` holds a character XML forbids (every field :func:`_bound` fixes)."""
    texts = [getattr(record, name) for name in _TEXT_FIELDS]
    texts += [v for name in _TUPLE_FIELDS for v in getattr(record, name)]
    summary = record.summary
    if summary is not None:  # a single-character class: joining cannot make or hide a match
        texts += [summary.tldr, summary.motivation, summary.method, summary.result, summary.conclusion]
        texts += [x for pair in summary.extra for x in pair]
    return XML_FORBIDDEN.search("".join(texts)) is not None


def _bound(record: PaperRecord, escapes: bool) -> tuple[PaperRecord, list[tuple[str, str]]]:
    notes: list[tuple[str, str]] = []
    budget = [MAX_RECORD_CHARS]
    forbidden: list[str] = []

    def fix(name: str, value: str) -> str:
        if escapes and XML_FORBIDDEN.search(value) is not None:
            forbidden.append(name)
            value = XML_FORBIDDEN.sub("\ufffd", value)
        keep = min(MAX_FIELD_CHARS, max(0, budget[0]))
        if len(value) > keep:
            notes.append(("long-text", f"{name} of {len(value)} characters cut to {keep}"))
            value = value[:keep]
        budget[0] -= len(value)
        return value

    changes: dict[str, object] = {}
    for name in _TEXT_FIELDS:
        value = getattr(record, name)
        new = fix(name, value)
        if new != value:
            changes[name] = new
    for name in _TUPLE_FIELDS:
        values = getattr(record, name)
        new_values = tuple(fix(name, v) for v in values)
        if new_values != values:
            changes[name] = tuple(v for v in new_values if v)
    if record.summary is not None:
        summary = _bound_summary(record.summary, fix)
        if summary != record.summary:
            changes["summary"] = summary
    if forbidden:
        notes.insert(0, ("control-characters", f"characters XML does not allow replaced by U+FFFD in "
                                               f"{', '.join(dict.fromkeys(forbidden))}"))
    if not changes:
        return record, []
    return dataclasses.replace(record, **changes), notes  # type: ignore[arg-type]


def _bound_summary(summary: Summary, fix) -> Summary:  # type: ignore[no-untyped-def]
    fields = {name: fix(f"summary {name}", getattr(summary, name))
              for name in ("tldr", "motivation", "method", "result", "conclusion")}
    extra = tuple((fix("summary label", label), fix(f"summary {label}", value)) for label, value in summary.extra)
    return dataclasses.replace(summary, extra=extra, **fields)
