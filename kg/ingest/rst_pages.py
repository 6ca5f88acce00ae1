"""Reader for digests published as reStructuredText (forks that build their daily page with Sphinx).

A reStructuredText digest is turned, line for line, into the markdown the heading reader already
understands, and read by :func:`kg.ingest.markdown.read_markdown`:

* a section title (a line of text with an underline, and maybe an overline, of one punctuation
  character) becomes a heading: ``#`` when overlined (the page title), else ``##``, ``###``, ``####`` by the
  order in which the underline styles appear;
* a field list line ``:Label: value`` becomes ``**Label:** value`` (a label in any language: what the value
  holds says which field it is);
* an admonition, rubric, topic or sidebar title (``.. admonition:: TL;DR``, ``.. rubric:: Abstract``)
  becomes a bold line ``**TL;DR**``, which labels the text below it; containers and other body
  directives keep only their content; metadata, contents, tables of counts, targets and comments
  (``.. meta::``, ``.. contents::``, ``.. list-table::``, ``.. _label:``) are dropped with their options;
* a definition list's term becomes a bold line that labels its definition ("研究動機" over an indented text);
* indented blocks (directive content, definition bodies, hard-wrapped paragraphs) are dedented;
* inline links ```text <url>`__`` become ``[text](url)``, literals ````x```` become ```x```.

So a paper section is recognised by the same structure as a markdown entry (a heading, an arXiv
link in a field, labelled fields, an unlabelled abstract), not by one fork's labels. One output
line per input line: line numbers in records and problems are the reStructuredText file's.

Why not docutils: the reader needs the structure above, not a document tree; docutils would be a
dependency that fails on the broken markup hand-made pages have, and gives no line mapping back.
"""
from __future__ import annotations

import re

from kg.arxiv import PAPER_URL_PREFIX
from kg.ingest.common import FileContext, FileResult

__all__ = ["looks_like_rst_digest", "read_rst", "to_markdown"]

_ADORNMENT_RE = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}[ \t]*$")
_DIRECTIVE_RE = re.compile(r"^\.\.[ \t]+([\w:-]+)::[ \t]*(.*)$")
_TARGET_OR_COMMENT_RE = re.compile(r"^\.\.(?:[ \t]|$)")
_FIELD_RE = re.compile(r"^:([^:\n`][^:\n]{0,40}?):(?:[ \t]+(.*))?$")
_LINK_RE = re.compile(r"`([^`<>\n]++)<([^<>`\s]++)>`__?")  # possessive: no backtracking over long runs
_LITERAL_RE = re.compile(r"``([^`\n]+)``")
_ROLE_RE = re.compile(r":[\w-]+:`([^`\n]+)`")
# an escaped character ("\\*", "\\1)", "\\ "): not before a letter, where abstracts keep their LaTeX ("\\pm", "\\emph")
_ESCAPE_RE = re.compile(r"\\([^A-Za-z])")
# Directives whose title labels their content, and those whose content is the text itself.
_TITLED = frozenset({"admonition", "rubric", "topic", "sidebar"})
_NAMED = frozenset({"note", "tip", "hint", "important", "attention", "caution", "warning", "danger", "error", "seealso"})
_CONTENT = frozenset({"container", "compound", "epigraph", "highlights", "pull-quote", "line-block", "class", "div"})
# A digest: a paper link in reStructuredText syntax ("`ID <https://arxiv.org/abs/ID>`__", ":arXiv: ID")
# and a section title underlined.
_RST_LINK_RE = re.compile(r"<" + PAPER_URL_PREFIX + r"/\d{4}\.\d{4,5}[^>\s]{0,40}>`_|^:arxiv[^:\n]{0,40}:", re.IGNORECASE | re.MULTILINE)
_UNDERLINED_RE = re.compile(r"^[^\s\n][^\n]*\n([=\-~^\"'`#*+])\1{2,}[ \t]*$", re.MULTILINE)


def looks_like_rst_digest(text: str) -> bool:
    """True when ``text`` lists arXiv papers as reStructuredText: two or more paper links or ``:arXiv:``
    fields, and underlined section titles."""
    return len(_RST_LINK_RE.findall(text, 0, 2_000_000)) >= 2 and _UNDERLINED_RE.search(text) is not None


def read_rst(text: str, ctx: FileContext) -> FileResult:
    """Read every paper section of a reStructuredText digest (see the module docstring)."""
    from kg.ingest.markdown import read_rendered

    return read_rendered(to_markdown(text), ctx, "rst")


def to_markdown(text: str) -> str:
    """``text`` as markdown, one line for each of its lines.

    >>> print(to_markdown("1. A Title\\n----------\\n\\n:Authors: A. B\\n:arXiv: `2601.00001 <https://arxiv.org/abs/2601.00001>`__"))
    ## 1. A Title
    <BLANKLINE>
    <BLANKLINE>
    **Authors:** A. B
    **arXiv:** [2601.00001](https://arxiv.org/abs/2601.00001)
    """
    lines = text.split("\n")
    out = list(lines)
    styles: list[str] = []  # adornment styles in order of appearance: the first is level 1
    skip_indented = False  # inside the options and content of a dropped directive
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indented = bool(line[:1].isspace()) and bool(stripped)
        if skip_indented and (indented or not stripped):
            out[i] = ""
            i += 1
            continue
        skip_indented = False
        adorned = _ADORNMENT_RE.match(line)
        if adorned and i + 2 < len(lines) and lines[i + 1].strip() and lines[i + 2].strip() == stripped:
            # an overlined title: overline, title, underline
            out[i], out[i + 1], out[i + 2] = "", _heading(styles, "o" + adorned.group(1), lines[i + 1]), ""
            i += 3
            continue
        if adorned and i > 0 and lines[i - 1].strip() and not lines[i - 1][:1].isspace() \
                and len(stripped) >= len(lines[i - 1].strip()) and not _ADORNMENT_RE.match(lines[i - 1]):
            out[i - 1], out[i] = _heading(styles, adorned.group(1), lines[i - 1]), ""
            i += 1
            continue
        directive = _DIRECTIVE_RE.match(line)
        if directive:
            name, arg = directive.group(1).casefold(), directive.group(2).strip()
            if name in _TITLED and arg:
                out[i] = f"**{_inline(arg)}**"
            elif name in _NAMED:
                out[i] = f"**{name.capitalize()}**"
            elif name in _CONTENT:
                out[i] = ""
            else:  # meta, contents, list-table, image, raw, toctree, ...: not the papers' text
                out[i] = ""
                skip_indented = True
            i += 1
            # the directive's options (":header-rows: 1", ":local:") are no fields of a paper
            while i < len(lines) and lines[i][:1].isspace() and lines[i].strip().startswith(":"):
                out[i] = ""
                i += 1
            continue
        if _TARGET_OR_COMMENT_RE.match(line):  # ".. _arxiv-2602.18993:", a comment
            out[i] = ""
            skip_indented = True
            i += 1
            continue
        field = _FIELD_RE.match(line)
        if field and not indented:
            value = (field.group(2) or "").strip()
            out[i] = f"**{field.group(1).strip()}:** {_inline(value)}" if value else ""
            i += 1
            continue
        if not indented and stripped and len(stripped) <= 80 and i + 1 < len(lines) \
                and lines[i + 1][:1].isspace() and lines[i + 1].strip():
            out[i] = f"**{_inline(stripped)}**"  # a definition list's term ("研究動機" over its indented text) labels it
            i += 1
            continue
        out[i] = _inline(stripped) if indented else _inline(line)
        i += 1
    return "\n".join(out)


def _heading(styles: list[str], style: str, title: str) -> str:
    """An overlined title is the document's (``#``); underlined ones are sections, ``##`` for the first style
    met, then ``###`` and ``####`` (where the markdown reader looks for paper entries)."""
    if style.startswith("o"):
        return "# " + _inline(title.strip())
    if style not in styles:
        styles.append(style)
    return "#" * min(styles.index(style) + 2, 4) + " " + _inline(title.strip())


def _inline(text: str) -> str:
    """reStructuredText inline markup as markdown: links, literals, roles, and escapes ("\\*-PLUIE" is "*-PLUIE",
    "\\ " joins; a backslash before a letter is LaTeX an abstract kept, "\\pm")."""
    if "\\" in text:
        text = _ESCAPE_RE.sub(lambda m: "" if m.group(1).isspace() else m.group(1), text)
    if "`" not in text:
        return text
    text = _LINK_RE.sub(lambda m: f"[{m.group(1).strip()}]({m.group(2)})", text)
    text = _LITERAL_RE.sub(r"`\1`", text)
    return _ROLE_RE.sub(r"\1", text)
