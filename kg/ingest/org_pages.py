"""Reader for digests published as Emacs Org-mode documents (forks that keep their daily page in ``.org``).

Like :mod:`kg.ingest.rst_pages`, an Org digest is turned, line for line, into the markdown the heading
reader already understands, and read by :func:`kg.ingest.markdown.read_markdown`:

* the level of the papers' headings is the first heading level whose section holds an arXiv link or id
  (``* [3/25] Title :cs_CV:`` with ``:ARXIV_ID: 2602.20985`` below, or ``** Title`` under ``* cs.CV``).
  Paper headings become ``###``, the levels above them ``#``/``##`` (day, category) and the levels below
  them bold lines (``** TL;DR`` → ``**TL;DR**``), which label the text under them as a fork's labels do;
  TODO keywords, priorities and tags are dropped from headings;
* ``#+TITLE:`` is the page title; other ``#+KEYWORD:`` lines, ``# comments``, ``:PROPERTIES:``/``:END:``
  and the ``:ID:``/``:CUSTOM_ID:`` properties are dropped; other properties become fields
  (``:ARXIV_ID: 2602.20985`` → ``**ARXIV_ID:** 2602.20985``);
* description-list items ``- Authors :: A, B`` become ``- **Authors:** A, B`` (a label in any language:
  what the value holds says which field it is);
* a quote or verse block becomes a markdown blockquote, other blocks keep their text (source, example and
  comment blocks are dropped: code is not the paper's text);
* links ``[[url][text]]`` and ``[[url]]`` become ``[text](url)`` and ``<url>``; ``=code=`` and ``~code~``
  become backticks; table rules ``|---+---|`` become markdown's ``|---|---|``.

So a paper is recognised by the same structure as a markdown entry (a heading, an arXiv link or id in
its section, labelled fields, an unlabelled or labelled abstract), not by one fork's labels. One output
line per input line: line numbers in records and problems are the Org file's.

Why not an Org parser (orgparse, orgmode): the reader needs headings, drawers, lists and blocks as the
markdown it already reads, with the line numbers kept; a parser's tree would have to be rendered back.
"""
from __future__ import annotations

import re

from kg.ingest.common import FileContext, FileResult
from kg.ingest.outline import heading_markdown, holds_papers, paper_sections, papers_level

__all__ = ["looks_like_org_digest", "read_org", "to_markdown"]

_HEADING_RE = re.compile(r"^(\*+)[ \t]++(\S(?:.*\S)?)?[ \t]*$")  # greedy to the last non-blank: linear
_TODO_RE = re.compile(r"^(?:TODO|DONE|NEXT|WAITING|CANCELL?ED)[ \t]+")
_PRIORITY_RE = re.compile(r"^\[#[A-Z0-9]\][ \t]*")
_TAGS_RE = re.compile(r"\s:(?:[\w@#%.-]+:)+$")  # one blank before the tags: a long run of blanks is not re-scanned
_KEYWORD_RE = re.compile(r"^[ \t]*#\+(\w+)(?:\[[^\]\n]*\])?:[ \t]*(.*)$")
_BLOCK_RE = re.compile(r"^[ \t]*#\+(begin|end)_(\w+)", re.IGNORECASE)
_COMMENT_RE = re.compile(r"^[ \t]*#(?:[ \t]|$)")
_PROPERTY_RE = re.compile(r"^[ \t]*:([\w-]+):(?:[ \t]++(\S(?:.*\S)?))?[ \t]*$")
_DESCRIPTION_RE = re.compile(r"^([ \t]*(?:[-+]|\d+[.)])[ \t]+)(.+?)[ \t]+::(?:[ \t]+(.*)|[ \t]*)$")
_TABLE_RULE_RE = re.compile(r"^[ \t]*\|[-+|: \t]*-[-+|: \t]*$")
_LINK_RE = re.compile(r"\[\[([^\[\]\n]+)\](?:\[([^\[\]\n]+)\])?\]")
# Org's verbatim rule: the marker after a space or "(" and before a space or punctuation.
# (bounded, and no marker inside: "~a ~a ~a ..." must not scan to the end of the line from every "~")
_CODE_RE = re.compile(r"(?:(?<=[\s(\"'{])|^)([=~])([^\s=~](?:[^\n=~]{0,200}?[^\s=~])?)\1(?=[\s.,;:!?')}\"-]|$)")
# What only Org has: a header keyword, a property drawer, a block, or a bracketed link.
_ORG_MARK_RE = re.compile(r"^#\+(?:title|date|author|options|startup|language|begin_)|^[ \t]*:PROPERTIES:[ \t]*$|\[\[https?://",
                          re.IGNORECASE | re.MULTILINE)
_DROPPED_BLOCKS = frozenset({"src", "example", "comment", "export"})
_QUOTE_BLOCKS = frozenset({"quote", "verse"})
_HIDDEN_PROPERTIES = frozenset({"id", "custom_id", "properties", "end", "visibility", "unnumbered"})
_SCAN = 2_000_000  # characters enough to tell an Org digest


def looks_like_org_digest(text: str) -> bool:
    """True when ``text`` is an Org document (a header keyword, a drawer, a block or an ``[[url]]`` link)
    whose headings hold two or more arXiv papers."""
    head = text[:_SCAN]
    if _ORG_MARK_RE.search(head) is None:
        return False
    return holds_papers(head, _level)


def read_org(text: str, ctx: FileContext) -> FileResult:
    """Read every paper section of an Org-mode digest (see the module docstring)."""
    from kg.ingest.markdown import read_rendered

    return read_rendered(to_markdown(text), ctx, "org")


def to_markdown(text: str) -> str:
    """``text`` as markdown, one line for each of its lines.

    >>> print(to_markdown("* [1/2] A Title :cs_CV:\\n:PROPERTIES:\\n:ARXIV_ID: 2601.00001\\n:END:\\n- Authors :: A. B\\n** TL;DR\\nshort"))
    ### [1/2] A Title
    <BLANKLINE>
    **ARXIV_ID:** 2601.00001
    <BLANKLINE>
    - **Authors:** A. B
    **TL;DR**
    short
    """
    lines = text.split("\n")
    paper_level = papers_level(paper_sections(lines, _level))
    out: list[str] = []
    block: str | None = None  # the kind of the open #+begin_ block
    for line in lines:
        marker = _BLOCK_RE.match(line)
        if marker:
            kind = marker.group(2).casefold()
            block = kind if marker.group(1).casefold() == "begin" else None
            out.append("")
            continue
        if block is not None:
            if block in _DROPPED_BLOCKS:
                out.append("")
            elif block in _QUOTE_BLOCKS:
                out.append("> " + _inline(line.strip()) if line.strip() else ">")
            else:
                out.append(_inline(line.strip()))
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            out.append(_heading(len(heading.group(1)), heading.group(2) or "", paper_level))
            continue
        keyword = _KEYWORD_RE.match(line)
        if keyword:
            name, value = keyword.group(1).casefold(), keyword.group(2).strip()
            out.append(f"# {_inline(value)}" if name == "title" and value else "")
            continue
        if _COMMENT_RE.match(line):
            out.append("")
            continue
        prop = _PROPERTY_RE.match(line)
        if prop:
            name, value = prop.group(1), (prop.group(2) or "").strip()
            hidden = name.casefold() in _HIDDEN_PROPERTIES or not value
            out.append("" if hidden else f"**{name}:** {_inline(value)}")
            continue
        item = _DESCRIPTION_RE.match(line)
        if item:
            bullet, term, value = item.group(1), item.group(2).strip(), (item.group(3) or "").strip()
            out.append(f"{bullet}**{_inline(term)}:** {_inline(value)}".rstrip())
            continue
        if _TABLE_RULE_RE.match(line):
            out.append(line.replace("+", "|"))
            continue
        out.append(_inline(line))
    return "\n".join(out)


def _level(line: str) -> int | None:
    """The level of an Org heading line ("** Title" is 2), ``None`` for other lines."""
    if line[:1] != "*":
        return None
    heading = _HEADING_RE.match(line)
    return len(heading.group(1)) if heading else None


def _heading(level: int, title: str, paper_level: int | None) -> str:
    """A heading's markdown (:func:`kg.ingest.outline.heading_markdown`) without TODO keywords, priorities and tags."""
    title = _TAGS_RE.sub("", _PRIORITY_RE.sub("", _TODO_RE.sub("", title))).strip()
    return heading_markdown(level, _inline(title), paper_level)


def _inline(text: str) -> str:
    """Org inline markup as markdown: links and code."""
    if "[[" in text:
        text = _LINK_RE.sub(lambda m: f"[{m.group(2).strip()}]({m.group(1).strip()})" if m.group(2)
                            else f"<{m.group(1).strip()}>", text)
    if "=" in text or "~" in text:
        text = _CODE_RE.sub(r"`\2`", text)
    return text
