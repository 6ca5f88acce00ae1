"""Every pattern that sees input text runs in linear time on pathological lines (issue 14).

Hypothesis builds lines of long runs of spaces, separators, brackets and markup (tens of
thousands of characters) and puts them where each reader looks: headings, author lines, field
lines, JSON strings, file text for format detection. A quadratic pattern takes minutes on such a
line (the old author split: 41 s at 3 KB); the bound below is generous, so only a blow-up fails it,
never a slow machine.
"""
from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.arxiv import parse_arxiv_id
from kg.ingest.atom import read_atom
from kg.ingest.common import FileContext, split_authors, split_list
from kg.ingest.detect import detect_format
from kg.ingest.jsonl import read_daily_jsonl, read_snapshot
from kg.ingest.markdown import read_markdown

BOUND = 20.0  # seconds for all the readers over one example; linear code takes well under one
PIECES = [" ", "\t", ",", ", ", ";", " and ", "and", "&", "[", "]", "(", ")", "[1]", "](", "*", "**", "#", "##", ":",
          "：", "> ", "- ", "-", "|", "_", "<", ">", "arxiv:", "2601.", "0", "arxiv.org/abs/", "a", "A", "，", "、",
          "\\", '"', "{", "}", "!", "http://", "Abstract", "Total:", "\n", " \n"]
CTX = FileContext("x.md", "x/x.md")

# Long runs are what makes a backtracking pattern blow up: counts are mostly large.
counts = st.one_of(st.sampled_from([1, 2, 5_000, 20_000]), st.integers(1, 20_000))
runs = st.lists(st.tuples(st.sampled_from(PIECES), counts), min_size=1, max_size=5)
wrappers = st.sampled_from([
    "{}", "### {}", "### [1] [{}](https://arxiv.org/abs/2601.00001)", "*{}*", "* {}*", "**{}:** x", "> **{}**",
    "- **{}**: x", "- [{}](#x) [Total: 3]", "> *{}*", "<{}>", "Abstract: {}", "{}: x", "## [{}]({})",
    "### {} 2601.00001", "**{}**", "1. **[{}](https://arxiv.org/abs/2601.00001)**", "arXiv: {}", "| {} | {} |",
])


def _line(parts: list[tuple[str, int]], wrapper: str) -> str:
    text = "".join(piece * count for piece, count in parts)[:60_000]
    return wrapper.replace("{}", text)


def _entry(line: str) -> str:
    """The line where a digest reader meets it: inside an entry, after a heading and an author line."""
    return f"# 2026-01-05\n\n### [1] [T](https://arxiv.org/abs/2601.00001)\n*A, B*\n\n{line}\n\nAbstract: x\n{line}\n"


def _blocks(line: str) -> str:
    """The line where the reader of digests without paper headings meets it: in a bold-title block,
    a list item and its sub-item, a table row (kg.ingest.blocks)."""
    return (f"**T**\narXiv: 2601.00001\nAuthors: A\n\n{line}\n\n---\n\n1. {line}\n   - {line}\n"
            f"2. [T](https://arxiv.org/abs/2601.00002)\n   - Abstract: {line}\n\n"
            f"| Title | Link |\n|---|---|\n| {line} | https://arxiv.org/abs/2601.00003 |\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(runs, wrappers)
# the cases of issue 14, always tried: the old author split, list split and detection pattern took minutes to hours
@example([("A", 1), (",", 1), (" ", 20_000), ("B", 1)], "*{}*")
@example([("A", 1), (" ", 20_000), ("and", 1)], "{}")
@example([(" ", 20_000)], "**Keywords:** x, {}")
@example([("##", 1), (" ", 50_000)], "{}")
def test_every_reader_is_linear_on_pathological_lines(parts, wrapper):
    line = _line(parts, wrapper)
    start = time.perf_counter()
    detect_format(line)
    detect_format(_entry(line))
    read_markdown(_entry(line), CTX)
    read_markdown(_entry(line), CTX, fast=False)
    detect_format(_blocks(line))
    read_markdown(line, CTX)
    read_markdown(_blocks(line), CTX)
    split_authors(line)
    split_list(line)
    parse_arxiv_id(line)
    record = {"id": "2601.00001", "title": line, "authors": line, "summary": line, "categories": line}
    jsonl = json.dumps(record, ensure_ascii=False) + "\n" + line + "\n"
    read_daily_jsonl(jsonl, CTX)
    read_snapshot(jsonl, CTX)
    read_atom('<feed xmlns="http://www.w3.org/2005/Atom"><entry>' + line, CTX)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"{elapsed:.1f}s on a line of {len(line)} characters: {line[:80]!r}"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["A B", "C", " ", ",", ";", "and", " and ", "&", "，", "、", "；", "\t"]), max_size=40))
def test_the_linear_author_split_keeps_the_old_splits_meaning(pieces):
    """Names are the text between separators (``, ; & ，、；`` and the word "and"), whitespace folded, none empty."""
    text = "".join(pieces)
    names = split_authors(text)
    assert all(name and name == " ".join(name.split()) and "and" not in name.split() for name in names)
    assert not any(sep in name for name in names for sep in ",;&，、；")
    words = [w for w in text.replace(",", " ").replace(";", " ").replace("&", " ").replace("，", " ")
             .replace("、", " ").replace("；", " ").split() if w != "and"]
    assert " ".join(names).split() == words  # every word kept, in order
