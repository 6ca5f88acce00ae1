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
from kg.ingest.common import FileContext, FileResult
from kg.ingest.files import date_in_text, digest_id, expand_inputs, read_text
from kg.ingest.jsonl import read_daily_jsonl, read_snapshot
from kg.ingest.markdown import read_markdown
from kg.progress import SILENT, Progress
from kg.records import Digest, PaperRecord, Problem, ReadReport, SourceRef

__all__ = ["FileResult", "ReadResult", "read_file", "read_inputs"]

_READERS: dict[str, Callable[[str, FileContext], FileResult]] = {
    detect.MARKDOWN: read_markdown,
    detect.DAILY_JSONL: read_daily_jsonl,
    detect.SNAPSHOT: read_snapshot,
    detect.ATOM: read_atom,
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
    read: Callable[[str], FileResult] | None = None,
) -> ReadResult:
    """Read every paper record from files, directories and globs.

    Args:
        inputs: paths (files, directories walked recursively in sorted order, globs);
            ``.gz`` files are decompressed. A single path is accepted too.
        date: the date of digests whose file name (and title heading) carries none.
        progress: reports progress over the files.
        on_problem: called with each problem as soon as it is found.
        read: reads one file (default ``read_file(path, date=date)``); the build cache
            (:mod:`kg.cache`) passes one that reuses unchanged files' results.

    Returns:
        A :class:`ReadResult`: the records in file order, one :class:`Digest` per digest
        file that gave records, and the report (files read, records read, problems,
        table-of-contents mismatches).
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
    for path in progress.track(files, description="reading", unit="files"):
        file_result = read(path) if read is not None else read_file(path, date=date)
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
            report.toc_mismatches.append(
                f"{path}: the table of contents counts {file_result.toc_total} papers, "
                f"{len(file_result.records)} entries were read"
            )
    return result


def read_file(path: str, *, date: dt.date | None = None) -> FileResult:
    """Read one file in whatever supported format its content shows.

    Args:
        path: the file path (as given: it becomes ``SourceRef.path`` and ``Digest.source``).
        date: the fallback date for a file whose name carries none.

    Returns:
        The :class:`FileResult`; its ``format`` is ``""`` when the file could not be
        read at all (empty, unreadable, unknown format), with the reason in ``problems``.
    """
    text_file = read_text(path)
    problems = text_file.problems
    if not text_file.text.strip():
        if not problems:
            problems.append(Problem(SourceRef(path), "empty-file", "the file is empty"))
        return FileResult("", problems=problems)
    fmt = detect.detect_format(text_file.text)
    if fmt is None:
        problems.append(Problem(SourceRef(path, 1), "unknown-format", "not a digest, JSON lines or Atom feed this tool knows"))
        return FileResult("", problems=problems)
    name = Path(path).name
    ctx = FileContext(path, digest_id(path), date_in_text(name), date)
    result = _READERS[fmt](text_file.text, ctx)
    result.problems[:0] = problems  # file-level problems (encoding, truncation) first
    return result
