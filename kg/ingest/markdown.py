"""Reader for markdown digests: the classic daily-arXiv layout, the zh-v2 dialect and unseen forks.

A paper entry is recognised by structure, not by one fork's exact layout:

* a heading ``##``..``####`` holding an arXiv link or id starts an entry
  (``### [3] [Title](https://arxiv.org/abs/2601.00504)``, ``## 1. [Title](http://arxiv.org/abs/2601.01234v2)``);
* before its first field, ``*A, B*`` is the author line (``| **Category: x**`` may follow)
  and ``> *...*`` the translated title;
* fields are ``Label: value``, ``**Label:** value``, ``> **Label:** value`` or
  ``- **Label**: value`` lines, continued by the lines that follow (hard-wrapped
  abstracts); a known label may also run in bold without a colon (``**Abstract** text``);
  labels are mapped through :mod:`kg.ingest.labels`, unknown bold labels are kept in ``Summary.extra``; plain ``Word:`` lines count as labels only when
  known, so prose in a wrapped abstract is never split; a blank line ends a one-line field
  (authors, category, keywords, comment);
* text under an entry that is in no field (a paragraph, a ``> `` quote) is its abstract when
  the entry has no labelled English one and the text reads like one (:func:`kg.ingest.entry.is_prose`);
* other headings are sections: a category code (``# cs.CV``, ``## cs.CR``) is the
  ``listed_under`` of the entries below it;
* a file without any paper heading (list items, bold title lines, a table per paper) is read
  by :mod:`kg.ingest.blocks` instead.

The reader is line based with precompiled regexes: one pattern (``_LINE_RE``) finds
the lines that can be structure, scanning in C; the text between two of them continues
the open field. The canonical daily-arXiv entry body is read in one match
(``_CLASSIC_BODY_RE``), with the same result as the line walk (tests compare both).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from kg.arxiv import ARXIV_ID_RE, PAPER_URL_PREFIX, is_category, is_paper_url, month_from_id, parse_arxiv_id
from kg.ingest import blocks
from kg.ingest.common import FileContext, FileResult, containers, field_tables, fold, inline_reference_links, is_mostly_latin, split_authors
from kg.ingest.entry import Entry, build_record, is_prose, meta_cells
from kg.ingest.files import date_in_text
from kg.ingest.labels import BRACKET_LABEL, SYMBOLS, canonical_label, lstrip_symbols
from kg.records import Digest, Problem, SourceRef

# the classic heading "[N] [Title](https://arxiv.org/abs/ID)", read without the general path
_CLASSIC_HEADING_RE = re.compile(
    r"^\[\d+\]\s*\[(?P<title>.+)\]\((?P<url>https?://arxiv\.org/abs/(?P<id>\d{4}\.\d{4,5})(?P<version>v\d+)?)\)$"
)
_NUMBERING_RE = re.compile(r"^(?:\[\d+(?:/\d+)?\]|\d+[.)](?!\d)|\(\d+\)|#\d+)\s*")  # "[3]", "[3/25]", "3.", "(3)", "#3"
# a markdown link whose text may hold one level of brackets ("[Title [v2]](url)")
_LINK_RE = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<url>[^()\s]+)(?:\s+\"[^\"]*\")?\)")
# what a link leaves in a title ("()", "[]"), and a heading's attribute list at its end (Pandoc, Hugo,
# kramdown: "{#arxiv-2602.20065}", "{: .paper}"), whose id is gone by then ("{#arxiv-}")
_LEFTOVER_RE = re.compile(r"\(\s*\)|\[\s*\]|[ \t]*\{:?[ \t]*[#.][^{}\n]*\}[ \t]*$")
_TITLE_TRIM = " \t-–—:|"
_DATE_HEADING_RE = re.compile(r"^#{1,2}[ \t][^\n]*?\d{4}-\d{2}-\d{2}", re.MULTILINE)
_DATE_HEADING_SPAN = 4000  # the title heading is at the top of a digest

# emoji a fork writes before a label ("- 💡 **TL;DR:** ...", "👥 Authors: ...")
_LEAD_SYMBOLS = f"[{SYMBOLS}]+[ \\t]*"
# Every line that can be structure, in one pattern so that the scan runs in C; the lines
# between two matches are continuation text of the open field. One named group per kind
# of line (``m.lastgroup`` tells which matched).
_LINE_RE = re.compile(
    r"""
^(?:
  (?P<heading>(?P<hashes>\#{1,6})[ \t]+(?P<htext>[^\n]*))
 |[ \t]*(?P<html></?[A-Za-z][^>\n]*>[^\n]*|<!--[^\n]*)
 |[ \t]*(?P<rule>(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$
 |[ \t]*(?P<nav>(?:\[[^\]\n]*\]\([^)\n]*\)[ \t|]*)+)$
 |[ \t]*(?P<toc>[-*+][ \t]+\[[^\]\n]+\]\(\#[^)\n]*\)[ \t]*
        (?:\[Total:[ \t]*(?P<total>\d+)\]|\([ \t]*(?P<count>\d+)\b[^)\n]*\))[^\n]*)
 |[ \t]*(?P<ttitle>>[ \t]*\*(?!\*)(?P<ttv>[^\n]+?)\*)[ \t]*$
 |[ \t]*(?P<authors>\*(?![*\s])(?P<names>[^*\n]+)\*(?P<rest>[^\n]*))
 |[ \t]*(?P<bold>(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:""" + _LEAD_SYMBOLS + r""")?
        \*\*(?P<blabel>(?:[^*:：\n]|(?<=[^\W\d]):(?=[^\W\d_])){1,40}?)[ \t]*(?:[:：][ \t]*\*\*|\*\*[ \t]*[:：])[ \t]*(?P<bvalue>[^\n]*))
 |[ \t]*(?P<whole>(?:>[ \t]?)*\*\*[^*:：\n]{1,40}?[ \t]*[:：][^*\n]*\*\*[^\n]*)
 |[ \t]*(?P<runin>(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:""" + _LEAD_SYMBOLS + r""")?\*\*(?P<rlabel>[^*:：.\n]{1,30}?)\.?\*\*[ \t]+(?P<rvalue>[^\n]*))
 |[ \t]*(?P<boldline>(?:>[ \t]?)*(?:""" + _LEAD_SYMBOLS + r""")?\*\*(?P<olabel>[^*\n]{1,60}?)\*\*)[ \t]*$
 |[ \t]*(?P<bracket>(?:>[ \t]?)*(?:[-*+][ \t]+)?""" + BRACKET_LABEL + r""")
 |[ \t]*(?P<plain>(?:>[ \t]?)*(?:[-*+][ \t]+)?(?P<psym>""" + _LEAD_SYMBOLS + r""")?(?P<plabel>[^\W\d][^:：\n]{0,30}?)[ \t]*[:：][ \t]*(?P<pvalue>[^\n]*))
)
(?:[ \t]*\n)*  # the line end and the blank lines after it: no gap to look at between fields
""",
    re.MULTILINE | re.VERBOSE,
)
_FIELD_END = frozenset({"html", "rule", "nav"})
_CLOSING_HEADING_RE = re.compile(r"</h[1-6]>\s*$", re.IGNORECASE)
_LIST_TAG_RE = re.compile(r"(?:</?li|<[ou]l)\b[^>\n]*>\s*$", re.IGNORECASE)  # not "</ul>": that ends the list
# fields whose value is one line (maybe wrapped): a paragraph after them is something else
_ONE_LINE_FIELDS = frozenset({"authors", "category", "keywords", "comment", "translated_title"})

# Fast path for the canonical daily-arXiv entry (most of the corpus): the body from the
# author line to ``</details>`` in one match, every field on one line (possessive
# quantifiers: a body that does not fit fails at once, without backtracking). It yields exactly
# the fields the line walk would (the tests compare both); anything else - a wrapped
# field, an extra line, another label - does not match and takes the line walk.
_CLASSIC_LABELS = ("Main category", "TL;DR", "Motivation", "Method", "Result", "Conclusion", "Abstract")
_CLASSIC_BODY_RE = re.compile(
    r"[ \t]*+\*(?![*\s])(?P<names>[^*\n]++)\*[ \t]*+\n(?:[ \t]*+\n)*+"
    r"[ \t]*+Main category:[ \t]*+(?P<f0>[^\n]*+)\n(?:[ \t]*+\n)*+"
    r"[ \t]*+TL;DR:[ \t]*+(?P<f1>[^\n]*+)\n(?:[ \t]*+\n)*+"
    r"[ \t]*+<details>[^\n]*+\n(?:[ \t]*+\n)*+[ \t]*+<summary>[^\n]*+\n(?:[ \t]*+\n)*+"
    r"[ \t]*+Motivation:[ \t]*+(?P<f2>[^\n]*+)\n(?:[ \t]*+\n)*+"
    r"[ \t]*+Method:[ \t]*+(?P<f3>[^\n]*+)\n(?:[ \t]*+\n)*+"
    r"[ \t]*+Result:[ \t]*+(?P<f4>[^\n]*+)\n(?:[ \t]*+\n)*+"
    r"[ \t]*+Conclusion:[ \t]*+(?P<f5>[^\n]*+)\n(?:[ \t]*+\n)*+"
    # a hard-wrapped abstract (ko) continues on lines that cannot be structure: not blank,
    # no markup character first, no "word:" that could be a label
    r"[ \t]*+Abstract:[ \t]*+(?P<f6>[^\n]*+(?:\n(?![ \t]*+(?:\n|[#<\[>*_+-]|\w[^:：\n]{0,30}?[ \t]*[:：]))[^\n]*+)*+)"
    r"\n(?:[ \t]*+\n)*+"
    r"[ \t]*+</details>[^\n]*+(?:[ \t]*+\n)*+"
)
_CLASSIC_GROUPS = ("f0", "f1", "f2", "f3", "f4", "f5", "f6")
_CLASSIC_FIELDS = tuple((canonical_label(label), label) for label in _CLASSIC_LABELS)
_CLASSIC_KEYS = frozenset(key for key, _ in _CLASSIC_FIELDS)
_QUOTE_PREFIX_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_WHOLE_BOLD_RE = re.compile(r"\*\*(?P<label>[^*:：]{1,40}?)\s*[:：]\s*(?P<value>[^*]*?)\s*\*\*")
# A heading whose own text has no id ("### 3. Title") starts an entry when the block under it,
# up to the next heading, links exactly one arXiv paper ("- 論文: https://arxiv.org/abs/ID",
# "[PDF](https://arxiv.org/pdf/IDv2)", "arXiv: ID"): forks move the link out of the heading.
_NEXT_HEADING_RE = re.compile(r"^\#{1,6}[ \t]", re.MULTILINE)
_BLOCK_ID_RE = re.compile(
    r"(?P<url>" + PAPER_URL_PREFIX + r"/(?P<id>\d{4}\.\d{4,5})(?P<version>v\d+)?)"
    # "arXiv:ID", and labelled: "arXiv ID: ID", "**arXiv:** ID", "**arXiv ID**: ID"
    r"|(?<![\w/])arxiv(?:[ \t_-]?id)?(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?[ \t]*(?P<bare>\d{4}\.\d{4,5})(?P<bversion>v\d+)?(?!\d)",
    re.IGNORECASE,
)
_SUMMARY_FIELD_RE = re.compile(
    r"(?:<details[^>]*>)?[ \t]*<summary[^>]*>[ \t]*(?:<(?:b|strong)>)?[ \t]*(?P<label>[^<>\n]{1,40}?)[ \t]*[:：]?[ \t]*"
    r"(?:</(?:b|strong)>)?[ \t]*</summary>[ \t]*(?P<value>[^<\n][^\n]*?)[ \t]*(?:</details>)?[ \t]*$",
    re.IGNORECASE,
)
_BLOCK_SPAN = 20_000  # an entry block is a few thousand characters; a longer gap is no entry


@dataclass(slots=True)
class _State:
    """What the walk over one file knows besides the open entry."""

    ctx: FileContext
    file_date: dt.date | None
    result: FileResult
    section: str = ""
    section_level: int = 0
    entry_level: int = 0  # the heading level of the open entry
    entry: Entry | None = None
    seen_paper: bool = False
    toc_total: int | None = None
    toc_line: int = 0
    missing_abstracts: list[Problem] = field(default_factory=list)
    abstracts_seen: int = 0


def read_markdown(text: str, ctx: FileContext, *, fast: bool = True) -> FileResult:
    """Read every paper entry of a markdown digest.

    Args:
        text: the decoded file.
        ctx: the file's path, digest id and dates.
        fast: read canonical entries in one match (``False`` walks every line; the
            results are the same, tests compare them).

    Returns:
        A :class:`FileResult` with one record per entry (a paper cross-listed under
        several sections gives one record per listing), the problems met, the
        :class:`Digest` and the sum of the table of contents (``None`` without one).
    """
    text = field_tables(containers(inline_reference_links(text)))
    digest_date = ctx.name_date or _heading_date(text) or ctx.fallback_date
    result = FileResult("markdown")
    result.digest = Digest(ctx.digest_id, digest_date, ctx.path, "markdown")
    st = _State(ctx, digest_date, result)
    _scan(st, text, fast)
    _finish(st)
    if not st.seen_paper:  # no paper heading at all: a fork that lists papers otherwise
        _read_blocks(st, text)
    # A dialect without abstracts (zh-v2) is not a fault of each entry: report missing
    # abstracts only when other entries of the same file have one.
    if st.abstracts_seen:
        result.problems.extend(st.missing_abstracts)
    result.toc_total, result.toc_line = st.toc_total, st.toc_line
    return result


def read_rendered(markdown: str, ctx: FileContext, fmt: str) -> FileResult:
    """Read the markdown another format was converted to (HTML, reStructuredText, Org), reported as ``fmt``."""
    result = read_markdown(markdown, ctx)
    result.format = fmt
    if result.digest is not None:
        result.digest = replace(result.digest, format=fmt)
    return result


def _read_blocks(st: _State, text: str) -> None:
    """Read a file without paper headings by its blocks (:mod:`kg.ingest.blocks`), if they make a digest.

    A heading over a few links (which format detection lets through) is no digest: no records,
    no problems, as before the block reader.
    """
    items = list(blocks.read_blocks(text, st.ctx.path))
    if not blocks.is_digest(items):
        return
    for item in items:
        if isinstance(item, Problem):
            st.result.problems.append(item)
        else:
            st.entry = item
            _finish(st)


def _heading_date(text: str) -> dt.date | None:
    """The date in a top heading (``# AI-Enhanced arXiv Daily 2025-06-28``), if any."""
    m = _DATE_HEADING_RE.search(text, 0, _DATE_HEADING_SPAN)
    return date_in_text(m.group(0)) if m else None


def _heading(st: _State, number: int, level: int, text: str, doc: str, pos: int) -> None:
    """A heading ends the current entry and starts a paper entry, a skipped block or a section.

    ``doc[pos:]`` is the text after the heading line, looked into only for a heading that
    is neither a paper heading nor a category section (:func:`_block_paper`).
    """
    _finish(st)
    code = text.split(maxsplit=1)[0] if text.strip() else ""
    if 2 <= level <= 4:
        paper = _paper_heading(text)
        if (paper is None or not paper[0]) and not is_category(code):
            paper = _block_paper(text, doc, pos) or paper
        if paper is not None:
            st.seen_paper = True
            arxiv_id, version, title, url = paper
            if not arxiv_id or not title:
                what = "an arXiv id" if not arxiv_id else "a title"
                st.result.problems.append(
                    Problem(SourceRef(st.ctx.path, number), "malformed-block", f"paper heading without {what}: {text[:80]!r}")
                )
                return
            st.entry = Entry(number, arxiv_id, version, title, url, st.section)
            st.entry_level = level
            return
    if is_category(code):
        st.section, st.section_level = code, level
    elif st.section_level and level <= st.section_level:
        st.section, st.section_level = "", 0


def _paper_heading(text: str) -> tuple[str, str, str, str] | None:
    """``(arxiv_id, version, title, url)`` of a paper heading; ``None`` for a section heading.

    A heading that looks like an entry (numbered ``[N]`` or linking out) but has no
    usable id comes back with an empty id, so that it is reported, not skipped silently.
    """
    m = _CLASSIC_HEADING_RE.match(text)
    if m and month_from_id(m.group("id")) is not None:
        return m.group("id"), m.group("version") or "", m.group("title").strip(), m.group("url")
    body = _NUMBERING_RE.sub("", text, count=1)
    numbered = len(body) != len(text)
    links_out = False
    for m in _LINK_RE.finditer(body):
        url = m.group("url")
        if url.startswith("#"):
            continue
        links_out = True
        parsed = parse_arxiv_id(url) if is_paper_url(url) or "arxiv" in url.lower() else None
        if parsed is None:
            continue
        link_text = m.group("text").strip()
        if ARXIV_ID_RE.fullmatch(link_text):  # "Title [2601.01234](url)": the title is outside the link
            link_text = _clean_title(body[: m.start()] + body[m.end():])
        return parsed[0], parsed[1], link_text, url
    m = ARXIV_ID_RE.search(body)
    parsed = parse_arxiv_id(m.group(0)) if m else None
    if m is not None and parsed is not None:
        return parsed[0], parsed[1], _clean_title(body[: m.start()] + body[m.end():]), ""
    if numbered or links_out:
        return "", "", "", ""
    return None


def _block_paper(text: str, doc: str, pos: int) -> tuple[str, str, str, str] | None:
    """``(arxiv_id, version, title, url)`` when the block under a plain heading links one paper."""
    title = _clean_title(_NUMBERING_RE.sub("", text, count=1))
    if not title or date_in_text(title) is not None:
        return None
    nxt = _NEXT_HEADING_RE.search(doc, pos, pos + _BLOCK_SPAN)
    block_end = nxt.start() if nxt else min(len(doc), pos + _BLOCK_SPAN)
    # the paper is the one id linked under the heading; a bare "arXiv:ID" elsewhere (a comment's
    # "text overlap with arXiv:2502.10645") does not make it a section, unless nothing is linked
    linked: dict[str, tuple[str, str]] = {}
    bare: dict[str, str] = {}
    for m in _BLOCK_ID_RE.finditer(doc, pos, block_end):
        arxiv_id = m.group("id") or m.group("bare")
        if month_from_id(arxiv_id) is None:
            continue
        if m.group("url"):
            linked.setdefault(arxiv_id, (m.group("version") or "", m.group("url")))
        else:
            bare.setdefault(arxiv_id, m.group("bversion") or "")
    if len(linked) == 1:
        (arxiv_id, (version, url)), = linked.items()
        return arxiv_id, version or bare.get(arxiv_id, ""), title, url
    if not linked and len(bare) == 1:
        (arxiv_id, version), = bare.items()
        return arxiv_id, version, title, ""
    return None  # several papers under one heading: a section, not an entry


def _clean_title(text: str) -> str:
    """A heading's text as a title: no empty brackets left by a link, no emoji before it ("📌 Title")."""
    return lstrip_symbols(fold(_LEFTOVER_RE.sub("", text)).strip(_TITLE_TRIM)).strip(_TITLE_TRIM)


def _scan(st: _State, text: str, fast: bool) -> None:
    """Walk the structure lines of ``text``; the text between them continues the open field.

    Text under an entry outside any field (after the author line, after ``</details>``) is
    kept as a run of unlabelled text (``Entry.loose``): forks write the abstract that way.

    This loop runs once per structure line of the corpus, so it keeps its state in
    locals and tests the most frequent kinds of line first. With ``fast``, a canonical
    entry body is read in one match (:func:`_classic_body`).
    """
    line, last, pos = 1, 0, 0
    entry: Entry | None = None
    current: list[str] | None = None  # the parts of the open field (or of a run of unlabelled text)
    after_paragraph = quoted = False  # a blank line followed the last structure line; it was a "> " line
    search = _LINE_RE.search
    while (m := search(text, pos)) is not None:
        if current is not None or entry is not None:
            start = m.start()
            if start > pos:
                gap = text[pos:start]
                if not gap.isspace():
                    if current is None or (after_paragraph and _starts_other_text(current, gap, quoted)):
                        current = entry.open_loose()  # type: ignore[union-attr]
                    current.append(_QUOTE_PREFIX_RE.sub("", gap) if ">" in gap else gap)
        pos = m.end()
        after_paragraph = m.group(0).count("\n") > 1
        quoted = m.group(0).lstrip().startswith(">")
        kind = m.lastgroup
        if entry is not None:
            if kind == "plain":  # an unknown label counts after an emoji ("- 👥 Autores: A, B"); "- Word: ..." is text
                parts = entry.start(*m.group("plabel", "pvalue"), m.group("psym") is not None)
            elif kind == "bold":
                parts = entry.start(*m.group("blabel", "bvalue"), True)
            elif kind == "runin":  # "**Abstract** text", "**TL;DR.** text": a known label only
                label = m.group("rlabel")
                parts = entry.start(label, m.group("rvalue").lstrip("—–: "), True) if canonical_label(label) else None
            elif kind == "bracket":  # "【摘要】text"; "[TL;DR] text" with a known label only
                parts = entry.start(*m.group("klabel", "kvalue"), m.group("bopen") != "[")
            elif kind == "heading":
                parts = _subheading_field(st, entry, m)
            elif kind == "boldline":  # "**Abstract**" alone on its line: the label of the text below, like a sub-heading
                parts = _label_line(entry, m.group("olabel"))
            elif kind in _FIELD_END:
                if kind == "html" and current is not None and not "".join(current).strip() \
                        and _CLOSING_HEADING_RE.match(m.group("html")):
                    continue  # "<h3>Abstract</h3>" converted: the heading's own end tag, its text follows
                if kind == "html" and current is not None and _LIST_TAG_RE.match(m.group("html")) \
                        and entry.items and entry.items[-1][0] in _ONE_LINE_FIELDS:
                    continue  # "<h3>Authors</h3><ul><li>A</li><li>B</li>": the names are one field
                current = None
                if kind == "html":  # "<details><summary>Abstract</summary>text</details>" on one line
                    _summary_field(entry, m.group("html"))
                continue
            else:
                parts = _other_line(entry, kind, m)
            if parts is not None:
                # [] closes the field (inline fields are complete), and so does a blank line after a
                # one-line field: the paragraph below "**Authors:** A, B" is not more authors
                current = parts if parts and not (_ends_paragraph(m) and _one_line(entry)) else None
                continue
            if kind != "heading":
                # looked like structure, is text ("word: ..."): of the open field, else unlabelled
                if current is not None:  # a wrapped "> " quote line that reads "word: ..." keeps no ">"
                    current.append(_QUOTE_PREFIX_RE.sub("", m.group(kind)) if quoted else m.group(kind))
                else:
                    current = entry.open_loose()
                    current.append(_QUOTE_PREFIX_RE.sub("", m.group(kind)))
                    if _ends_paragraph(m):  # "arXiv: ID | cs.GT" and a blank line: not prose to join
                        current = None
                continue
        if kind == "heading":
            start = m.start()
            line += text.count("\n", last, start)
            last = start
            hashes, heading = m.group("hashes", "htext")
            _heading(st, line, len(hashes), heading.rstrip(), text, pos)
            entry, current = st.entry, None
            if entry is not None and fast:
                pos = _classic_body(entry, text, pos)
        elif kind == "toc" and not st.seen_paper:
            if st.toc_total is None:
                st.toc_line = text.count("\n", 0, m.start()) + 1
            st.toc_total = (st.toc_total or 0) + int(m.group("total") or m.group("count"))
    if (current is not None or entry is not None) and pos < len(text):  # the last field runs to the end of the file
        tail = text[pos:]
        if not tail.isspace():
            if current is None or (after_paragraph and _starts_other_text(current, tail, quoted)):
                current = entry.open_loose()  # type: ignore[union-attr]
            current.append(_QUOTE_PREFIX_RE.sub("", tail) if ">" in tail else tail)


def _label_line(entry: Entry, text: str) -> list[str] | None:
    """A field labelled by a line of its own (a sub-heading's or a bold line's text), ``None`` when the text
    names a paper or a category, or is too long to be a label."""
    text = lstrip_symbols(text.strip().strip("*_ ").rstrip(":：").strip())
    if not text or len(text) > 60 or "](" in text:
        return None
    if is_category(text.split(maxsplit=1)[0]) or _BLOCK_ID_RE.search(text) or ARXIV_ID_RE.search(text) or date_in_text(text):
        return None
    return entry.start(text, "", True)


def _subheading_field(st: _State, entry: Entry, m: re.Match[str]) -> list[str] | None:
    """A heading below the entry's own level that names no paper or category ("#### Abstract",
    "### Tóm tắt gốc"): a field of the entry labelled by its text; ``None`` for any other heading."""
    return _label_line(entry, m.group("htext")) if len(m.group("hashes")) > st.entry_level else None


def _summary_field(entry: Entry, line: str) -> None:
    """Open and fill the field of a one-line ``<summary>Label</summary>value`` when the label is known."""
    m = _SUMMARY_FIELD_RE.match(line)
    if m is not None and canonical_label(m.group("label")):
        entry.start(m.group("label"), m.group("value"), True)


def _starts_other_text(field: list[str], gap: str, quoted: bool) -> bool:
    """True when ``gap``, a paragraph after a blank line below the open field, is not more of it.

    Forks put the English abstract under a translated field: a ``> `` quote below an unquoted
    field ("- **TL;DR** — ..." then "> We propose ..."), or English prose below a field written in
    another script ("**Summary**: 使用..." then "The challenges of ..."). A field continued over
    paragraphs in its own script (zh-v2's "**摘要翻译:**") stays one field.
    """
    if not quoted and gap.lstrip().startswith(">"):
        return bool("".join(field).strip())  # under a label line of its own ("#### Abstract"), the quote is its text
    return bool(field) and bool(field[0].strip()) and not is_mostly_latin(field[0]) and is_prose(fold(gap))


def _ends_paragraph(m: re.Match[str]) -> bool:
    """True when a blank line follows the structure line ``m`` (it matched the blank lines too)."""
    return m.group(0).count("\n") > 1


def _one_line(entry: Entry) -> bool:
    """True when the field just opened holds a one-line value (authors, category, ...).

    Unknown labels are not: zh-v2 continues "**摘要翻译:** ..." over several paragraphs.
    """
    return entry.items[-1][0] in _ONE_LINE_FIELDS


def _classic_body(entry: Entry, text: str, pos: int) -> int:
    """Read a canonical entry body at ``pos`` in one match; the position to go on from."""
    m = _CLASSIC_BODY_RE.match(text, pos)
    if m is None:
        return pos
    entry.authors = split_authors(m.group("names"))
    # what Entry.start does for each of these labels on a fresh entry
    entry.items = [(key, label, [value]) for (key, label), value in zip(_CLASSIC_FIELDS, m.group(*_CLASSIC_GROUPS))]
    entry.fields = set(_CLASSIC_KEYS)
    return m.end()


def _other_line(entry: Entry, kind: str | None, m: re.Match[str]) -> list[str] | None:
    """Apply an author, translated-title or inline-bold line; ``None`` when it is ordinary text."""
    before_fields = not entry.fields
    if kind == "authors" and before_fields and entry.authors is None:
        names = m.group("names")
        cells = meta_cells(names, entry.arxiv_id)  # "*A, B · cs.CV*": authors and category in cells
        if cells is not None and cells[0]:
            entry.authors = cells[1]
            entry.start("Category", " ".join(cells[0]), True)
        else:
            entry.authors = split_authors(names)
        _inline_fields(entry, m.group("rest"))
        return []
    if kind == "ttitle" and before_fields and not entry.translated_title:
        entry.translated_title = fold(m.group("ttv"))
        return []
    if kind == "whole" and _inline_fields(entry, m.group("whole")):
        return []
    return None


def _inline_fields(entry: Entry, text: str) -> bool:
    """Fields written inline as ``**Label: value**`` (after the author line); each is complete."""
    found = False
    for m in _WHOLE_BOLD_RE.finditer(text):
        found = entry.start(m.group("label"), m.group("value"), True) is not None or found
    return found


def _finish(st: _State) -> None:
    """Turn the open entry (if any) into a record and report what it lacks."""
    entry, st.entry = st.entry, None
    if entry is None:
        return
    record, abstract_missing = build_record(entry, st.ctx.path, st.ctx.digest_id, st.file_date)
    ref = record.source
    if abstract_missing:
        st.missing_abstracts.append(Problem(ref, "missing-field", f"{record.arxiv_id}: no abstract"))
    else:
        st.abstracts_seen += 1
    if not record.authors:
        st.result.problems.append(Problem(ref, "missing-field", f"{record.arxiv_id}: no authors"))
    st.result.records.append(record)
