"""Readers: turn input files (digests, JSONL, Atom, snapshots) into :class:`~kg.records.PaperRecord`.

Public API (implemented in the modules of this package):

``read_inputs(inputs, *, date=None, progress=SILENT, on_problem=None) -> ReadResult``
    Expand directories (recursively, sorted), globs and ``.gz`` files, detect each
    file's format from its content, and read every record. Problems are reported
    (``on_problem`` is called with each :class:`~kg.records.Problem` as it happens,
    and all are kept in ``ReadResult.report``); nothing raises on bad input.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.records import Digest, PaperRecord, ReadReport


@dataclass(slots=True)
class ReadResult:
    """Records read, the digests they were listed in, and the report of what happened."""

    records: list[PaperRecord] = field(default_factory=list)
    digests: list[Digest] = field(default_factory=list)
    report: ReadReport = field(default_factory=ReadReport)
