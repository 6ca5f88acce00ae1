"""The layout of the one text the pipeline reads per paper.

A paper becomes ``title \\n abstract \\n summary \\n keywords``: each part is cleaned to
one line (see :func:`kg.extract.text.clean_text`) so the newlines mark the parts and
survive multiprocessing (they are in the text, not in side data). The summary part
holds only the Latin-script phrases of the LLM summary, joined with " ; ".
"""
from __future__ import annotations

import functools
from typing import Literal

from kg.extract.text import clean_text, latin_runs
from kg.records import Paper

Section = Literal["title", "abstract", "summary", "keywords"]
SECTIONS: tuple[Section, ...] = ("title", "abstract", "summary", "keywords")
RUN_SEP = " ; "


def paper_text(paper: Paper) -> str:
    """The pipeline input for one paper (see the module docstring)."""
    summary_runs: list[str] = []
    if paper.summary is not None:
        for part in paper.summary.texts():
            summary_runs.extend(latin_runs(part))
    keywords = RUN_SEP.join(clean_text(k) for k in paper.keywords if k.strip())
    return "\n".join((
        clean_text(paper.title),
        clean_text(paper.abstract),
        RUN_SEP.join(summary_runs),
        keywords,
    ))


# The components and the aggregation each ask for the ends of the same text (about five times a
# paper): the last few answers are kept (a hit hashes nothing new: a str caches its hash).
@functools.lru_cache(maxsize=8)
def section_ends(text: str) -> tuple[int, ...]:
    """End offsets of the title, abstract, summary and keywords parts of ``text``.

    A text without newlines (a plain string given to the pipeline) is all abstract
    after an empty title.
    """
    ends: list[int] = []
    pos = -1
    for _ in range(3):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            break
        ends.append(pos)
    if not ends:
        return (0, len(text), len(text), len(text))
    while len(ends) < 4:
        ends.append(len(text))
    return tuple(ends[:4])


def main_end(text: str) -> int:
    """Where the English part (title + abstract) of ``text`` ends."""
    return section_ends(text)[1]


def section_of(offset: int, ends: tuple[int, ...]) -> Section:
    """The section a character offset falls in."""
    for name, end in zip(SECTIONS, ends):
        if offset < end:
            return name
    return "keywords"
