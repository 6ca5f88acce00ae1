"""Merge every occurrence of a paper into one :class:`~kg.records.Paper`.

Rules (each has a test in ``tests/test_merge.py``):

* records are grouped by arXiv id (without version);
* occurrences are ordered by listing date (undated last), then source file and line,
  so the result does not depend on the order files were given in;
* a field takes the first non-empty value in that order: later non-empty fields
  fill earlier empty ones, nothing already filled is overwritten;
* categories are the union, primary category first, then in order of appearance;
* ``first_seen``/``last_seen`` are the earliest/latest day-precision dates; only when
  no occurrence has a day do month-precision dates count (``date_precision="month"``);
* the highest version seen is kept;
* one :class:`~kg.records.Listing` per (digest, date): a paper cross-listed under
  several sections of one digest is listed in it once.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kg.records import Listing, Paper, PaperRecord

__all__ = ["MergeResult", "merge_records"]

_FILLED_FIELDS = (
    "title", "abstract", "authors", "primary_category", "url", "comment",
    "summary", "keywords", "translated_title", "doi",
)


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Merged papers (sorted by arXiv id) and how many records were duplicates of another."""

    papers: list[Paper]
    duplicates: int


def _order(record: PaperRecord) -> tuple[int, dt.date, str, int]:
    undated = record.date is None
    return (undated, record.date or dt.date.max, record.source.path, record.source.line)


def _version_number(version: str) -> int:
    return int(version[1:]) if version[1:].isdigit() else 0


def _dates(records: list[PaperRecord]) -> tuple[dt.date | None, dt.date | None, str]:
    days = [r.date for r in records if r.date is not None and r.date_precision == "day"]
    if days:
        return min(days), max(days), "day"
    months = [r.date for r in records if r.date is not None]
    if months:
        return min(months), max(months), "month"
    return None, None, "day"


def _categories(records: list[PaperRecord], primary: str) -> tuple[str, ...]:
    seen: dict[str, None] = {primary: None} if primary else {}
    for record in records:
        for code in (record.primary_category, *record.categories, record.listed_under):
            if code:
                seen.setdefault(code, None)
    return tuple(seen)


def _listings(records: list[PaperRecord]) -> tuple[Listing, ...]:
    listings: dict[tuple[str, dt.date | None], Listing] = {}
    for r in records:
        where = r.digest or r.source.path
        listings.setdefault((where, r.date), Listing(r.date, r.date_precision, r.digest, r.source))
    return tuple(listings.values())


def merge_paper(records: list[PaperRecord]) -> Paper:
    """Merge the occurrences of one paper (all with the same ``arxiv_id``) into a :class:`Paper`.

    >>> from kg.records import SourceRef
    >>> a = PaperRecord("2601.00001", "T", SourceRef("a.md", 3), date=dt.date(2026, 1, 6), categories=("cs.CL",))
    >>> b = PaperRecord("2601.00001", "T", SourceRef("b.md", 9), date=dt.date(2026, 1, 5), abstract="A", categories=("cs.AI",))
    >>> p = merge_paper([a, b])
    >>> (p.first_seen.isoformat(), p.last_seen.isoformat(), p.abstract, p.categories)
    ('2026-01-05', '2026-01-06', 'A', ('cs.AI', 'cs.CL'))
    """
    ordered = sorted(records, key=_order)
    values = {name: next((v for r in ordered if (v := getattr(r, name))), getattr(ordered[0], name)) for name in _FILLED_FIELDS}
    first, last, precision = _dates(ordered)
    version = max((r.version for r in ordered), key=_version_number)
    return Paper(
        arxiv_id=ordered[0].arxiv_id,
        categories=_categories(ordered, values["primary_category"]),
        first_seen=first,
        last_seen=last,
        date_precision=precision,  # type: ignore[arg-type]
        version=version,
        listings=_listings(ordered),
        **values,
    )


def merge_records(records: Iterable[PaperRecord]) -> MergeResult:
    """Group records by arXiv id and merge each group (see the module docstring for the rules)."""
    groups: dict[str, list[PaperRecord]] = {}
    count = 0
    for record in records:
        groups.setdefault(record.arxiv_id, []).append(record)
        count += 1
    papers = [merge_paper(groups[key]) for key in sorted(groups)]
    return MergeResult(papers=papers, duplicates=count - len(papers))
