"""Reader for digests published as AsciiDoc (forks that build their daily page with Antora, Asciidoctor or
a static-site generator's AsciiDoc support).

Like :mod:`kg.ingest.org_pages`, an AsciiDoc digest is turned, line for line, into the markdown the heading
reader already understands, and read by :func:`kg.ingest.markdown.read_markdown`:

* section titles ``== cs.CV`` / ``=== Title``: the papers' level is the first whose sections name an arXiv
  paper (:mod:`kg.ingest.outline`); it becomes ``###``, the levels above ``#``/``##``, deeper ones bold labels;
* the document header's and the body's attribute entries (``:revdate: ...``), anchors (``[[id]]``), block
  attribute lines (``[horizontal]``, ``[cols="1h,5"]``), comments and breaks are dropped;
* a block title ``.Abstract`` and an admonition label (``TIP: *TL;DR:* ...``) label the text after them;
* description lists ``Authors:: A, B`` become ``- **Authors:** A, B`` (a label in any language);
* delimited blocks: a quote (``____``) becomes a markdown blockquote, example, sidebar and open blocks keep
  their text, listing, literal, passthrough and comment blocks are dropped (code is not the paper's text);
  a table (``|===``) of two columns becomes ``**label:** value`` lines, one per row;
* inline: ``https://url[text]`` and ``link:url[text]`` become markdown links, ``*bold*`` ``**bold**``,
  ``<<id,text>>`` its text, a line-continuation ``+`` is dropped.

So a paper is recognised by the same structure as a markdown entry, not by one fork's labels. One output
line per input line: line numbers in records and problems are the AsciiDoc file's.

Why not Asciidoctor: it is Ruby (asciidoctor.js is JavaScript); the reader needs the structure above, with
the line numbers kept, not rendered HTML.
"""
from __future__ import annotations

import re

from kg.ingest.common import FileContext, FileResult
from kg.ingest.outline import heading_markdown, holds_papers, paper_sections, papers_level

__all__ = ["looks_like_adoc_digest", "read_adoc", "to_markdown"]

_HEADING_RE = re.compile(r"^(={1,6})[ \t]++(\S(?:[^\n]*\S)?)[ \t]*$")  # greedy to the last non-blank: linear
_ATTRIBUTE_RE = re.compile(r"^:!?[\w][\w-]*!?:(?:[ \t][^\n]*)?$")
_ANCHOR_RE = re.compile(r"^\[\[[^\]\n]*\]\]$|^\[#[^\]\n]*\]$")
_BLOCK_ATTRS_RE = re.compile(r"^\[(?!\[)([^\]\n]*)\]$")
_BLOCK_TITLE_RE = re.compile(r"^\.([^.\s][^\n]*)$")
_ADMONITION_RE = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_DESCRIPTION_RE = re.compile(r"^([ \t]*)([^\s:][^\n]*?)(?:::|;;|:::)(?:[ \t]+([^\n]*)|[ \t]*)$")
_DELIMITER_RE = re.compile(r"^(?:(={4,})|(\*{4,})|(_{4,})|(-{4,})|(\.{4,})|(\+{4,})|(/{4,})|(--))[ \t]*$")
_TABLE_RE = re.compile(r"^[|,:!]===[ \t]*$")
# (bounded: a line of "https://a[" or "<<" repeated must not be scanned to its end from every start)
_LINK_RE = re.compile(r"link:([^\s\[\]]{1,500})\[([^\[\]\n]{0,300})\]|(https?://[^\s\[\]]{1,500})\[([^\[\]\n]{0,300})\]")
_XREF_RE = re.compile(r"<<([^<>\n]{0,200})>>")
_BOLD_RE = re.compile(r"(?<![\w*])\*([^*\s](?:[^*\n]{0,200}?[^*\s])?)\*(?![\w*])")
# An AsciiDoc document: a level-0 title or attribute entries at its head, and AsciiDoc-only markup below.
_ADOC_MARK_RE = re.compile(r"^= \S|^:[\w-]+:(?:[ \t]|$)|^\[\[[^\]\n]+\]\]$|^\|===|^\[horizontal\]|^[^\s:][^\n]{0,40}::[ \t]",
                           re.MULTILINE)
_SCAN = 2_000_000

# delimiter group index -> what the block's content becomes
_DROPPED = {4, 5, 6, 7}  # listing ----, literal ...., passthrough ++++, comment ////
_QUOTE = 3  # ____


def looks_like_adoc_digest(text: str) -> bool:
    """True when ``text`` is AsciiDoc (a ``= Title`` or attribute header and AsciiDoc markup) whose section
    titles hold two or more arXiv papers."""
    head = text[:_SCAN]
    if len(_ADOC_MARK_RE.findall(head)) < 3:
        return False
    return holds_papers(head, _level)


def read_adoc(text: str, ctx: FileContext) -> FileResult:
    """Read every paper section of an AsciiDoc digest (see the module docstring)."""
    from kg.ingest.markdown import read_rendered

    return read_rendered(to_markdown(text), ctx, "adoc")


def to_markdown(text: str) -> str:
    """``text`` as markdown, one line for each of its lines.

    >>> print(to_markdown("== cs.CV\\n=== A Title\\nAuthors:: A. B\\nhttps://arxiv.org/abs/2601.00001[arXiv]\\n.Abstract\\n____\\nWe x.\\n____"))
    ## cs.CV
    ### A Title
    - **Authors:** A. B
    [arXiv](https://arxiv.org/abs/2601.00001)
    **Abstract**
    <BLANKLINE>
    > We x.
    <BLANKLINE>
    """
    lines = text.split("\n")
    paper_level = papers_level(paper_sections(lines, _level))
    out: list[str] = []
    block: int | None = None  # the delimiter group of the open block
    closing = ""
    table: list[int] | None = None  # indices of the open table's lines
    for line in lines:
        if table is not None:
            if _TABLE_RE.match(line):
                _table_rows(out, table)
                table = None
                out.append("")
            else:
                table.append(len(out))
                out.append(line)
            continue
        if block is not None:
            if line.rstrip() == closing:
                block = None
                out.append("")
            elif block in _DROPPED:
                out.append("")
            elif block == _QUOTE:
                out.append("> " + _inline(line.strip()) if line.strip() else ">")
            else:
                out.append(_inline(line))
            continue
        if _TABLE_RE.match(line):
            table = []
            out.append("")
            continue
        delimiter = _DELIMITER_RE.match(line)
        if delimiter:
            block = delimiter.lastindex
            closing = line.rstrip()
            out.append("")
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1)) - 1  # "= Title" is the document's (level 0)
            out.append("# " + _inline(heading.group(2)) if level == 0 else heading_markdown(level, _inline(heading.group(2)), paper_level))
            continue
        if line.startswith("//") or _ATTRIBUTE_RE.match(line) or _ANCHOR_RE.match(line) or _BLOCK_ATTRS_RE.match(line) \
                or line.strip() in ("'''", "<<<"):
            out.append("")
            continue
        title = _BLOCK_TITLE_RE.match(line)
        if title:
            out.append(f"**{_inline(title.group(1).strip())}**")
            continue
        item = _DESCRIPTION_RE.match(line)
        if item and "://" not in item.group(2):
            value = (item.group(3) or "").strip()
            out.append(f"{item.group(1)}- **{_inline(item.group(2).strip())}:** {_inline(value)}".rstrip())
            continue
        out.append(_inline(_ADMONITION_RE.sub("", line)))
    return "\n".join(out)


def _level(line: str) -> int | None:
    """The section level of a title line ("=== Title" is 2), ``None`` for other lines and the document title."""
    if line[:1] != "=":
        return None
    heading = _HEADING_RE.match(line)
    return len(heading.group(1)) - 1 if heading and len(heading.group(1)) > 1 else None


def _table_rows(out: list[str], rows: list[int]) -> None:
    """A two-column table's cells as ``**label:** value`` lines (a row on one line, or its cells on lines of their
    own); other tables as markdown rows."""
    cells: list[tuple[int, str]] = []
    for i in rows:
        line = out[i].strip()
        out[i] = ""
        if not line:
            continue
        if not line.startswith("|"):  # a cell's text continued
            if cells:
                cells[-1] = (cells[-1][0], f"{cells[-1][1]} {line}")
            continue
        for cell in line[1:].split("|"):
            cells.append((i, cell.strip()))
    if len(cells) % 2:
        for i, cell in cells:
            out[i] = (out[i] + " | " + cell).strip(" |") if out[i] else "| " + cell
        return
    for (i, label), (_, value) in zip(cells[::2], cells[1::2]):
        out[i] = f"**{_inline(label)}:** {_inline(value)}"


def _link(m: re.Match[str]) -> str:
    url, label = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"[{label or url}]({url})"


def _inline(text: str) -> str:
    """AsciiDoc inline markup as markdown: links, cross references, bold, a trailing continuation."""
    if text.endswith(" +"):
        text = text[:-2]
    if "[" in text:
        text = _LINK_RE.sub(_link, text)
    if "<<" in text:
        text = _XREF_RE.sub(lambda m: m.group(1).rpartition(",")[2].strip(), text)  # "<<id,text>>", "<<id>>"
    if "*" in text:
        text = _BOLD_RE.sub(r"**\1**", text)
    return text
