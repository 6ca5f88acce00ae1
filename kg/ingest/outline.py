"""What the readers of outline markups (Org-mode, AsciiDoc) share: which heading level holds the papers, and
how a heading of each level reads as markdown.

Such a digest nests its papers under a day and maybe a category heading ("* cs.CV" / "** Title", or
"== cs.CV" / "=== Title"). The papers' level is the first level whose sections (up to the next heading)
name an arXiv paper; deeper headings are the labels of a paper's fields ("** TL;DR", "==== Abstract").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.arxiv import PAPER_URL_PREFIX

__all__ = ["ARXIV_MENTION_RE", "heading_markdown", "holds_papers", "paper_sections", "papers_level"]

ARXIV_MENTION_RE = re.compile(r"(?:" + PAPER_URL_PREFIX + r"/|arxiv[: _-]*(?:id)?[: \t]*)\d{4}\.\d{4,5}", re.IGNORECASE)


def paper_sections(lines: Sequence[str], level_of: Callable[[str], int | None]) -> dict[int, int]:
    """For each heading level (``level_of(line)``, ``None`` for a line that is no heading), how many of its
    sections name an arXiv paper, in the heading or below it before the next heading of any level."""
    counts: dict[int, int] = {}
    level: int | None = None
    found = False
    for line in lines:
        lv = level_of(line)
        if lv is not None:
            if level is not None:
                counts[level] = counts.get(level, 0) + found
            level, found = lv, ARXIV_MENTION_RE.search(line) is not None
            continue
        if level is not None and not found and ARXIV_MENTION_RE.search(line):
            found = True
    if level is not None:
        counts[level] = counts.get(level, 0) + found
    return counts


def holds_papers(text: str, level_of: Callable[[str], int | None], at_least: int = 2) -> bool:
    """True when the sections of some heading level of ``text`` name ``at_least`` arXiv papers."""
    sections = paper_sections(text.split("\n"), level_of)
    return bool(sections) and max(sections.values()) >= at_least


def papers_level(sections: dict[int, int]) -> int | None:
    """The shallowest level with a paper's section, ``None`` without any."""
    return min((lv for lv, n in sections.items() if n), default=None)


def heading_markdown(level: int, title: str, paper_level: int | None) -> str:
    """A heading at the papers' level is ``###``, one above it ``##``, higher ones ``#``; deeper ones are bold
    labels of the text below them."""
    if paper_level is None or level == paper_level:
        return "### " + title
    if level < paper_level:
        return ("## " if level == paper_level - 1 else "# ") + title
    return f"**{title}**" if title else ""
