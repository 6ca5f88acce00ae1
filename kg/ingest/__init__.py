"""Readers: turn input files (digests, JSONL, Atom, snapshots) into :class:`~kg.records.PaperRecord`.

Public API:

``read_inputs(inputs, *, date=None, progress=SILENT, on_problem=None) -> ReadResult``
    Expand directories (recursively, sorted), globs and ``.gz`` files, detect each
    file's format from its content, and read every record. Problems are reported
    (``on_problem`` is called with each :class:`~kg.records.Problem` as it happens,
    and all are kept in ``ReadResult.report``); nothing raises on bad input.

``read_file(path, *, date=None) -> FileResult``
    The same for one file, without the report bookkeeping.

Formats (see the modules): markdown digests (:mod:`kg.ingest.markdown`: classic
daily-arXiv, the zh-v2 dialect, forks recognised by structure), daily-arXiv JSONL and
the arXiv metadata snapshot (:mod:`kg.ingest.jsonl`), the arXiv API Atom feed
(:mod:`kg.ingest.atom`).
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest import detect
from kg.ingest.atom import read_atom
from kg.ingest.bounds import bound_records, replace_forbidden
from kg.ingest.common import FileContext, FileResult
from kg.ingest.html_pages import read_html
from kg.ingest.files import date_in_text, dates_out_of_range, digest_id, digest_ids, expand_inputs, read_text
from kg.ingest.jsonl import read_daily_jsonl, read_snapshot
from kg.ingest.markdown import read_markdown
from kg.ingest.adoc_pages import read_adoc
from kg.ingest.org_pages import read_org
from kg.ingest.rst_pages import read_rst
from kg.progress import SILENT, Progress
from kg.records import Digest, PaperRecord, Problem, ReadReport, SourceRef

__all__ = ["FileResult", "ReadResult", "read_file", "read_inputs"]

_READERS: dict[str, Callable[[str, FileContext], FileResult]] = {
    detect.MARKDOWN: read_markdown,
    detect.DAILY_JSONL: read_daily_jsonl,
    detect.SNAPSHOT: read_snapshot,
    detect.ATOM: read_atom,
    detect.HTML: read_html,
    detect.RST: read_rst,
    detect.ORG: read_org,
    detect.ADOC: read_adoc,
}


@dataclass(slots=True)
class ReadResult:
    """Records read, the digests they were listed in, and the report of what happened."""

    records: list[PaperRecord] = field(default_factory=list)
    digests: list[Digest] = field(default_factory=list)
    report: ReadReport = field(default_factory=ReadReport)


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    date: dt.date | None = None,
    progress: Progress = SILENT,
    on_problem: Callable[[Problem], None] | None = None,
    read: Callable[[str, str], FileResult] | None = None,
) -> ReadResult:
    """Read every paper record from files, directories and globs.

    Args:
        inputs: paths (files, directories walked recursively in sorted order, globs);
            ``.gz`` files are decompressed. A single path is accepted too.
        date: the date of digests whose file name (and title heading) carries none.
        progress: reports progress over the files.
        on_problem: called with each problem as soon as it is found.
        read: reads one file: ``read(path, digest_id)`` (default ``read_file(path, date=date,
            digest_id=digest_id)``); the build cache (:mod:`kg.cache`) passes one that reuses
            unchanged files' results.

    Returns:
        A :class:`ReadResult`: the records in file order, one :class:`Digest` per digest
        file that gave records, and the report (files read, records read, problems,
        table-of-contents mismatches). A digest whose table of contents promises more
        papers than were read is also a "toc-mismatch" problem.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    result = ReadResult()
    report = result.report

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem is not None:
            on_problem(p)

    files, missing = expand_inputs([os.fspath(i) for i in inputs])
    for p in missing:
        problem(p)
    ids = digest_ids(files)
    for path in progress.track(files, description="reading", unit="files"):
        if read is not None:
            file_result = _isolated(path, lambda: read(path, ids[path]))
        else:
            file_result = read_file(path, date=date, digest_id=ids[path])
        for p in file_result.problems:
            problem(p)
        if not file_result.format:
            continue
        report.files_read.append(path)
        report.records_read += len(file_result.records)
        result.records.extend(file_result.records)
        if file_result.digest is not None and file_result.records:
            result.digests.append(file_result.digest)
        if file_result.toc_total is not None and file_result.toc_total != len(file_result.records):
            message = (f"the table of contents counts {file_result.toc_total} papers, "
                       f"{len(file_result.records)} entries were read")
            report.toc_mismatches.append(f"{path}: {message}")
            if file_result.toc_total > len(file_result.records):  # entries promised but lost (a truncated digest)
                problem(Problem(SourceRef(path, file_result.toc_line), "toc-mismatch", message))
    return result


def _isolated(path: str, read: Callable[[], FileResult]) -> FileResult:
    """``read()``, with any failure (a reader's bug, RecursionError, MemoryError) made a problem of this file.

    The one place that keeps one bad file from costing the others: every reader runs under it.
    Ctrl-C (``KeyboardInterrupt``) is not an input problem and goes through.
    """
    try:
        return read()
    except Exception as exc:  # noqa: BLE001 - the point: whatever happens in one file stays there
        detail = str(exc)[:200]
        return FileResult("", problems=[Problem(SourceRef(path), "unreadable-file",
                                                f"{type(exc).__name__} while reading{': ' + detail if detail else ''}; "
                                                "the file was skipped")])


def read_file(path: str, *, date: dt.date | None = None, digest_id: str | None = None) -> FileResult:
    """Read one file in whatever supported format its content shows; never raises on bad input.

    Args:
        path: the file path (as given: it becomes ``SourceRef.path`` and ``Digest.source``).
        date: the fallback date for a file whose name carries none.
        digest_id: the file's Digest id (default :func:`kg.ingest.files.digest_id`;
            :func:`read_inputs` passes ids made unique among its files).

    Returns:
        The :class:`FileResult`; its ``format`` is ``""`` when the file could not be
        read at all (empty, unreadable, unknown format, a reader failure), with the reason
        in ``problems``. Records satisfy :mod:`kg.ingest.bounds`.
    """
    return _isolated(path, lambda: _read_file(path, date, digest_id))


def _read_file(path: str, date: dt.date | None, given_id: str | None) -> FileResult:
    text_file = read_text(path)
    problems = text_file.problems
    if not text_file.text.strip():
        if not problems:
            problems.append(Problem(SourceRef(path), "empty-file", "the file is empty"))
        return FileResult("", problems=problems)
    text, forbidden = replace_forbidden(path, text_file.text)
    problems += forbidden
    fmt = detect.detect_format(text)
    if fmt is None:
        problems.append(Problem(SourceRef(path, 1), "unknown-format", "not a digest, JSON lines or Atom feed this tool knows"))
        return FileResult("", problems=problems)
    name = Path(path).name
    name = name[:-3] if name.lower().endswith(".gz") else name
    for bad in dates_out_of_range(name):
        problems.append(Problem(SourceRef(path), "bad-date", f"{bad} in the file name is outside 1991-01-01 .. "
                                                             "tomorrow; ignored (the file is read as undated)"))
    ctx = FileContext(path, given_id or digest_id(path), date_in_text(name), date)
    result = _READERS[fmt](text, ctx)
    bound_records(result, text)
    result.problems[:0] = problems  # file-level problems (encoding, truncation) first
    return result
