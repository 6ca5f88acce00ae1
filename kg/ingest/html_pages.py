"""Reader for digests published as HTML (forks that render each paper as ``<article>``/``<div>`` cards).

An HTML digest is turned into the markdown the heading reader already understands, element by
element, and read by :func:`kg.ingest.markdown.read_markdown`: ``<h2><a href=URL>Title</a></h2>``
becomes ``## [Title](URL)``, ``<b>``/``<strong>`` bold, ``<blockquote>`` a ``> `` quote, ``<p>``,
``<div>``, ``<li>`` and ``<br>`` line breaks, a ``<table>`` a markdown table (one row a line, a
``|---|`` row under the first), ``<dt>Label</dt><dd>value</dd>`` a ``**Label:** value`` line. So a paper card is recognised by the same structure
as a markdown entry (a heading with an arXiv link, labelled fields, an unlabelled abstract), not by
one fork's class names. Entities are decoded (``&amp;`` is ``&``); scripts and styles are dropped.

Line numbers in records and problems are the HTML file's: the converter keeps, for each line it
writes, the source line it came from.

Why the standard library's :class:`html.parser.HTMLParser`: it is lenient with the unclosed
``<p>`` and stray tags that hand-made pages have, streams, and needs no dependency.
"""
from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

from kg.arxiv import PAPER_URL_PREFIX
from kg.ingest.common import FileContext, FileResult
from kg.records import Problem

__all__ = ["looks_like_html_digest", "read_html", "to_markdown"]

_BLOCKS = frozenset({"p", "div", "article", "section", "header", "footer", "main", "li", "ul", "ol", "tr",
                     "table", "details", "summary", "dd", "dt", "dl", "figure", "figcaption", "aside", "nav"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_DROP = frozenset({"script", "style", "head", "title", "noscript"})
_INLINE = {"b": "**", "strong": "**", "em": "*", "i": "*", "code": "`"}
_SPACES_RE = re.compile(r"\s+")
# An HTML digest: paper links inside tags, in a page of block elements (cards, paragraphs).
_HREF_RE = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']?""" + PAPER_URL_PREFIX + r"/\d{4}\.\d{4,5}",
                      re.IGNORECASE)
_BLOCK_TAG_RE = re.compile(r"<(?:p|div|article|section|li|h[1-6]|blockquote|tr)\b", re.IGNORECASE)


def looks_like_html_digest(text: str) -> bool:
    """True when ``text`` lists arXiv papers as HTML: two or more paper links in ``<a href>``
    and at least as many block elements."""
    links = len(_HREF_RE.findall(text, 0, 2_000_000))
    return links >= 2 and len(_BLOCK_TAG_RE.findall(text, 0, 2_000_000)) >= links


def read_html(text: str, ctx: FileContext) -> FileResult:
    """Read every paper card of an HTML digest (see the module docstring)."""
    from kg.ingest.markdown import read_rendered

    markdown, lines = to_markdown(text)
    result = read_rendered(markdown, ctx, "html")

    def source_line(line: int) -> int:
        return lines[line - 1] if 0 < line <= len(lines) else line

    result.records = [dataclasses.replace(r, source=dataclasses.replace(r.source, line=source_line(r.source.line)))
                      if r.source.line else r for r in result.records]
    result.problems = [Problem(dataclasses.replace(p.source, line=source_line(p.source.line)), p.kind, p.message)
                       if p.source.line else p for p in result.problems]
    return result


def to_markdown(text: str) -> tuple[str, list[int]]:
    """``text`` as markdown, and the source line of each of its lines.

    >>> md, _ = to_markdown('<h3><a href="https://arxiv.org/abs/2601.00001">A &amp; B</a></h3>'
    ...                     '<p><b>TL;DR:</b> short</p><blockquote>Long text.</blockquote>')
    >>> print(md)
    ### [A & B](https://arxiv.org/abs/2601.00001)
    </h3>
    <BLANKLINE>
    **TL;DR:** short
    </p>
    <BLANKLINE>
    > Long text.
    </blockquote>
    <BLANKLINE>
    """
    converter = _Converter()
    converter.feed(text)
    converter.close()
    return converter.markdown()


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[tuple[int, str]] = []  # finished lines: (source line, text)
        self._line: list[str] = []
        self._line_start = 1
        self._depth = 0  # open block elements: text inside them is HTML text (whitespace folds)
        self._drop = 0
        self._quote = 0
        self._links: list[str | None] = []
        self._heading = ""
        self._cells = -1  # cells written in the open <tr>, -1 outside a table row
        self._header = False  # the open row has <th> cells
        self._rows = 0  # rows written in the open <table>

    # lines -------------------------------------------------------------------------------
    def _text(self, s: str, line: int | None = None) -> None:
        if not self._line:
            self._line_start = line or self.getpos()[0]
            if self._quote and not self._heading:
                self._line.append("> ")
        self._line.append(s)

    def _break(self, blank: bool = False) -> None:
        line = "".join(self._line).rstrip()
        if line.strip() not in ("", ">"):
            self._lines.append((self._line_start, line))
        self._line = []
        if blank and self._lines and self._lines[-1][1]:
            self._lines.append((self.getpos()[0], ""))

    def markdown(self) -> tuple[str, list[int]]:
        self._break()
        return "\n".join(t for _, t in self._lines) + "\n", [n for n, _ in self._lines]

    # parser callbacks ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self._drop += 1
        elif tag in _HEADINGS:
            self._break(blank=True)
            self._heading = tag
            self._depth += 1
            self._text("#" * _HEADINGS[tag] + " ")
        elif tag == "table":
            self._break(blank=True)
            self._rows = 0
        elif tag == "dt":
            self._break()
            self._depth += 1
            self._text("**")
        elif tag == "dd" and self._line:  # the value goes on the line of its <dt> label
            self._depth += 1
        elif tag == "tr":
            self._break()
            self._depth += 1
            self._cells, self._header = 0, False
        elif tag in ("td", "th") and self._cells >= 0:
            self._text(" | " if self._cells else "| ")
            self._cells += 1
            self._header = self._header or tag == "th"
        elif tag == "blockquote":
            self._break(blank=True)
            self._quote += 1
            self._depth += 1
        elif tag in _BLOCKS:
            self._break(blank=tag in ("p", "article", "section", "details"))
            self._depth += 1
            if tag == "li":
                self._text("- ")
        elif tag == "br":
            self._break()
        elif tag == "hr":
            self._break(blank=True)
            self._text("---")
            self._break(blank=True)
        elif tag == "a":
            href = dict(attrs).get("href")
            self._links.append(href)
            if href:
                self._text("[")
        elif tag in _INLINE:
            self._text(_INLINE[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells >= 0:
            self._end_row()
        elif tag == "dt":
            self._depth = max(0, self._depth - 1)
            self._text(":** ")
        elif tag in _DROP:
            self._drop = max(0, self._drop - 1)
        elif tag in _HEADINGS or tag == "blockquote" or tag in _BLOCKS:
            if tag == "blockquote":
                self._quote = max(0, self._quote - 1)
            if tag in _HEADINGS:
                self._heading = ""
            self._depth = max(0, self._depth - 1)
            if tag == "p" and self._quote:  # paragraphs of one quote stay one text: "> a", ">", "> b"
                self._break()
                self._lines.append((self.getpos()[0], ">"))
                return
            # the end tag stays as a line of its own: the markdown reader ends a field or a run of
            # unlabelled text at an HTML line, so "<p>A, B</p><p>Abstract ...</p>" stays two runs
            self._break()
            self._lines.append((self.getpos()[0], f"</{tag}>"))
        elif tag == "a" and self._links:
            href = self._links.pop()
            if href:
                self._text(f"]({href})")
        elif tag in _INLINE:
            self._text(_INLINE[tag])

    def _end_row(self) -> None:
        """Close a table row: one line, and under a table's first row the ``|---|`` row the markdown
        table reader (:mod:`kg.ingest.blocks`) needs; a first row of ``<td>`` cells is a paper, so
        an empty header row goes above it."""
        cells, self._cells = self._cells, -1
        self._depth = max(0, self._depth - 1)
        if not cells:
            self._break()
            return
        self._text(" |")
        start, row = self._line_start, "".join(self._line)
        self._line = []
        if not self._rows and not self._header:
            self._lines += [(start, "|" + " |" * cells), (start, "|" + "---|" * cells), (start, row)]
        else:
            self._lines.append((start, row))
            if not self._rows:
                self._lines.append((start, "|" + "---|" * cells))
        self._rows += 1

    def handle_data(self, data: str) -> None:
        if self._drop:
            return
        if self._cells >= 0:
            data = data.replace("|", "\\|")  # a pipe in a cell is text, not a column
        if self._depth:
            folded = _SPACES_RE.sub(" ", data)
            if not self._line:
                folded = folded.lstrip()
            if folded:
                self._text(folded)
            return
        # text outside any element (markdown around the cards) keeps its lines
        start = self.getpos()[0]
        first, *rest = data.split("\n")
        if first:
            self._text(first)
        for offset, part in enumerate(rest, 1):
            self._break()
            if part:
                self._text(part, start + offset)
