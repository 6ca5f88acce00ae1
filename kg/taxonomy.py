"""Human names and groups for arXiv category codes (``cs.LG`` → Machine Learning, Computer Science)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["CategoryInfo", "category_info"]


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    code: str
    name: str
    group: str


_ARCHIVE_GROUPS = {
    "cs": "Computer Science", "econ": "Economics", "eess": "Electrical Engineering and Systems Science",
    "math": "Mathematics", "q-bio": "Quantitative Biology", "q-fin": "Quantitative Finance", "stat": "Statistics",
}


@cache
def _table() -> dict[str, CategoryInfo]:
    text = resources.files("kg").joinpath("data/arxiv_categories.tsv").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return {row["code"]: CategoryInfo(row["code"], row["name"], row["group"]) for row in csv.DictReader(lines, delimiter="\t")}


def category_info(code: str) -> CategoryInfo:
    """Name and group of an arXiv category; unknown codes keep the code as name.

    >>> category_info("cs.LG")
    CategoryInfo(code='cs.LG', name='Machine Learning', group='Computer Science')
    >>> category_info("hep-th.XX").group
    'Physics'
    """
    known = _table().get(code)
    if known:
        return known
    archive = code.split(".")[0]
    parent = _table().get(archive)
    group = parent.group if parent else _ARCHIVE_GROUPS.get(archive, "Other")
    return CategoryInfo(code, code, group)
