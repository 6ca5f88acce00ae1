"""Reader for markdown digests without paper headings: an entry is the block around one arXiv id.

Forks of the digest tool drop the ``### [N] [Title](url)`` headings for other layouts; the
structure stays. This reader runs when the heading reader (:mod:`kg.ingest.markdown`) found
no paper heading in a file:

* the text is cut into **blocks** at headings (one holding an id opens a block: ``#####`` and
  ``#`` levels, which the heading reader leaves alone), setext headings (a line underlined with
  ``===`` or ``---``) and HTML ``<details>``/``<summary>`` lines, which open a block whose first
  line is the title, horizontal rules, top-level list items
  that are not fields (``1. **[Title](url)**``) and whole-bold title lines (``**Title**``); a block is
  one entry when it holds exactly one arXiv id (an abs/pdf/html URL, ``arXiv:ID``,
  ``arXiv ID: ID``). A block with several ids is cut again into blank-line separated
  paragraphs, then into lines: each part with one id starts an entry, a part without one
  continues the entry above it;
* a markdown table (``| Title | Authors | Link |``, a ``|---|`` separator row) gives one entry
  per row, its columns mapped by their header labels;
* the title is the link text on the id (``**[Title](url)**``), else a ``Title:`` field, else the
  line that opens the block (a bold line, a list item, a line holding the id), without its markup;
* fields are ``Label: value`` lines with any markup around the label (``**Label:**``,
  ``**Label**:``, ``- Label:``, ``> Label:``), labels mapped by :func:`kg.ingest.labels.block_label`;
  ``*A, B*`` before the first field is the author line; unlabelled prose is the abstract when
  no labelled English one is given (:func:`kg.ingest.entry.is_prose`);
* a category heading (``## cs.CV``) is the ``listed_under`` of the entries below it.

A block with an id but no title, a line or table row with several ids, and a row without an id
in a table of papers are problems naming the file and line. A file is read only when its
entries make a digest (:func:`is_digest`), as format detection asks too. Everything is a line walk with
bounded or possessive patterns: linear in the size of the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.arxiv import ARXIV_ID_RE, PAPER_URL_PREFIX, is_category, is_paper_url, month_from_id
from kg.ingest.common import fold, split_authors
from kg.ingest.entry import Entry, is_prose, looks_like_names, meta_cells
from kg.ingest.labels import BRACKET_LABEL_RE, block_label, lstrip_symbols
from kg.records import Problem, SourceRef

# an arXiv id where a digest writes one: in a paper URL (arXiv's or a reading site's,
# kg.arxiv.PAPER_URL_PREFIX), or after "arXiv" ("arXiv:ID", "arXiv: ID", "arXiv ID: ID");
# possessive runs, so a long run of spaces is scanned once
_ID_RE = re.compile(
    PAPER_URL_PREFIX + r"/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z]++(?:-[a-z]++)*+(?:\.[A-Z]{2})?/\d{7})(?P<version>v\d+)?"
    r"|(?<![\w/.])arxiv(?:[ \t]*+id)?+[ \t]*+[:：]?+[ \t]*+(?P<bare>\d{4}\.\d{4,5})(?P<bversion>v\d+)?(?!\d)",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*+)\]\((?P<url>[^()\s]*+)(?:[ \t]+\"[^\"\n]*\")?\)")
_URL_RE = re.compile(r"https?://\S+")
_ITEM_RE = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")  # "- [ ] ": a task-list item too
_RULE_RE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
_HEADING_RE = re.compile(r"(?P<hashes>#{1,6})[ \t]")
_QUOTE_RE = re.compile(r"(?:>[ \t]?)+")
_SEPARATOR_CELL_RE = re.compile(r":?-+:?")
_SETEXT_RE = re.compile(r"=+[ \t]*|-+[ \t]*")  # CommonMark: under a paragraph line, a heading; "- - -" stays a rule
_TAG_RE = re.compile(r"</?[A-Za-z][^<>\n]*+>")
_TITLE_TAGS = ("<summary", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6")
_NUMBERING_RE = re.compile(r"(?:\[\d+\]|\d{1,4}[.)](?!\d)|\(\d+\)|#\d+)[ \t]*")  # "**1. Title**", "[3] Title"
_NAV_LEFTOVER = " \t|·•-–—/,;"  # what is left of a line of links once the links are taken out
_TITLE_TRIM = " \t-–—:|*_"
_LABEL_SPAN = 48  # a label is short: the colon is looked for in a line's first characters only
_LABEL_MARKUP = "*_ \t"
_BRACKETS = "【〖［["  # what a bracketed label opens with
_MAX_TITLE = 400  # an opening line longer than this is prose, not a title
_MIN_TITLE = 12  # what is left of "arXiv:ID — Title" after the id: shorter is a category or a date
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\n]{1,20}\]")


@dataclass(slots=True)
class _Block:
    """Lines (number, raw text) between two block boundaries, and the section they are under."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    section: str = ""
    titled: bool = False  # opened by a heading line (setext, ``<summary>``): its first line is the title


def read_blocks(text: str, path: str) -> Iterator[Entry | Problem]:
    """The entries of a digest without paper headings, and the problems met, in file order."""
    lines = text.split("\n")
    section, section_level = "", 0
    block: _Block | None = None
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        s = raw.strip()
        number = i + 1
        i += 1
        if not s:
            if block is not None:
                block.lines.append((number, ""))
            continue
        if block is not None and _SETEXT_RE.fullmatch(s) and _underlines(block):
            # "Title" then "=====": the line above is a heading that opens the next entry
            title = block.lines.pop()
            yield from _block_entries(block, path)
            block = _Block([title], section, titled=True)
            continue
        if s[0] == "<" and _TAG_RE.match(s):
            # HTML a fork writes around entries: <details> and </details> end a block, a
            # <summary> or <hN> line with text opens one with its text as the title
            text = _TAG_RE.sub("", s).strip()
            if s.lower().startswith(_TITLE_TAGS) and text:
                if block is not None:
                    yield from _block_entries(block, path)
                block = _Block([(number, text)], section, titled=True)
                continue
            if not text:
                if block is not None and s.lower().startswith(("<details", "</details")):
                    yield from _block_entries(block, path)
                    block = None
                continue  # other markup lines (<br>, </summary>) carry nothing
        heading = _HEADING_RE.match(s)
        if heading is not None or _RULE_RE.fullmatch(s):
            if block is not None:
                yield from _block_entries(block, path)
                block = None
            if heading is not None:
                level, words = len(heading.group("hashes")), s[heading.end():].split(maxsplit=1)
                if words and is_category(words[0]):
                    section, section_level = words[0], level
                elif section_level and level <= section_level:
                    section, section_level = "", 0
                elif _ID_RE.search(s):
                    # "##### [Title](url)": a level the heading reader leaves alone opens a block
                    block = _Block([(number, s[heading.end():])], section)
            continue
        if "|" in s and i < len(lines) and _is_separator_row(lines[i]):
            if block is not None:
                yield from _block_entries(block, path)
                block = None
            end = i + 1
            while end < len(lines) and "|" in lines[end]:
                end += 1
            yield from _table_entries(lines, i - 1, end, section, path)
            i = end
            continue
        indent = len(raw) - len(raw.lstrip())
        item = _ITEM_RE.match(s) if indent < 2 else None
        # a list item opens an entry unless it is a field ("- Authors: ..."); "- **arXiv:ID** — **Title**" opens one
        field_line, titled = _field_line_kind(s[item.end():]) if item is not None else (True, False)
        opens = (item is not None and (not field_line or titled)) or _is_bold_title(s)
        if block is None or opens:
            if block is not None:
                yield from _block_entries(block, path)
            block = _Block(section=section)
        block.lines.append((number, raw))
    if block is not None:
        yield from _block_entries(block, path)


def _underlines(block: _Block) -> bool:
    """True when the block's last line is a paragraph line a setext underline makes a heading
    (not blank, not a list item or a field: "Abstract: ..." then "---" is a rule)."""
    number, raw = block.lines[-1]
    s = raw.strip()
    if not s or raw[:1].isspace() or _ITEM_RE.match(s) or s.startswith((">", "|", "<")):
        return False
    return len(block.lines) == 1 or not block.lines[-2][1] and not _is_field_line(s) and not _ids(s)


def looks_like_digest(text: str) -> bool:
    """True when ``text`` reads as a digest of papers to this reader (:func:`is_digest`)."""
    return _ID_RE.search(text) is not None and is_digest(read_blocks(text, ""))


def is_digest(items: Iterable[Entry | Problem]) -> bool:
    """True when the entries :func:`read_blocks` found make a digest.

    One entry with a title and authors is enough (a day with one paper); without authors it
    takes two entries with a title and something about the paper (an abstract, a category, a
    summary field). A README or a notes file that links a paper, a bare list of links or a
    reading list of titles gives no such entries.
    """
    described = 0
    for item in items:
        if isinstance(item, Problem):
            continue
        # fields under labels the reader does not know count by what they hold, as in the record
        # (kg.ingest.entry._infer_unknown): "| Tác giả |" over names is the authors
        unknown = [fold(" ".join(parts)) for key, _, parts in item.items if key is None]
        if item.authors or "authors" in item.fields or any(looks_like_names(text) for text in unknown):
            return True
        if item.fields or any(is_prose(fold(" ".join(parts))) for parts in item.loose) or any(map(is_prose, unknown)):
            described += 1
            if described >= 2:
                return True
    return False


def _is_separator_row(line: str) -> bool:
    """True for a table's ``|---|:---:|`` row."""
    if "|" not in line:
        return False  # "---" under a line is a rule
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return all(_SEPARATOR_CELL_RE.fullmatch(c) for c in cells)


def _is_bold_title(s: str) -> bool:
    """True for a whole-bold line (``**Title**``, ``1. **Title**``) that is not a ``**Label: value**`` field."""
    item = _ITEM_RE.match(s)
    body = s[item.end():] if item else s
    if not (len(body) > 4 and body.startswith("**") and body.endswith("**")) or "**" in body[2:-2]:
        return False
    found = _field(body)
    return found is None or found[3] is None


def _field(s: str) -> tuple[str, str, bool, str | None] | None:
    """``(label, value, bold, key)`` of a ``Label: value`` line (markup already cut from its start).

    ``key`` is the record field (:func:`block_label`), ``None`` for an unknown label; ``None`` in
    all when the line has no label: no colon near its start, or text before it that is no label
    (a link, a URL, a number).
    """
    s = lstrip_symbols(s)  # "👥 Autores: ...", "💡 **TL;DR:** ..."
    if s[:1] in _BRACKETS:
        return _bracket_field(s)
    head = s[:_LABEL_SPAN]
    colon = _label_colon(head)
    if colon <= 0:
        return _runin_field(s)
    runin = _runin_field(s) if s.startswith("**") and 2 < head.find("**", 2) < colon else None
    if runin is not None:
        return runin  # "**Abstract** We use: ..." (the colon is in the value)
    written = head[:colon]
    label = written.strip(_LABEL_MARKUP)
    if not label or not label[0].isalpha() or any(c in label for c in "[]()*<>/#|"):
        return None
    value = s[colon + 1:].lstrip(_LABEL_MARKUP).rstrip()
    return label, value, written.lstrip().startswith(("*", "_")), block_label(label)


_LABEL_COLON_RE = re.compile(r"：|:(?![^\W\d_])|(?<![^\W\d]):")  # not the colon inside a word ("Autor:innen")


def _label_colon(head: str) -> int:
    """Where the colon after a label is, -1 for none; a colon between letters is part of the label."""
    m = _LABEL_COLON_RE.search(head)
    return m.start() if m else -1


def _bracket_field(s: str) -> tuple[str, str, bool, str | None] | None:
    """``【标题】Title``, ``[TL;DR] text``: a label in brackets (:data:`kg.ingest.labels.BRACKET_LABEL`);
    in ASCII brackets a known label only (``[Title](url)``, ``[Note] ...`` are text)."""
    m = BRACKET_LABEL_RE.match(s)
    if m is None:
        return None
    label = m.group("klabel")
    key = block_label(label)
    if key is None and m.group("bopen") == "[":
        return None
    return label, m.group("kvalue").rstrip(), True, key


def _runin_field(s: str) -> tuple[str, str, bool, str | None] | None:
    """``**Abstract** text``, ``**TL;DR.** text``: a known label in bold, run into its value without a colon."""
    if not s.startswith("**"):
        return None
    end = s.find("**", 2, _LABEL_SPAN)
    label = s[2:end].strip().rstrip(".") if end > 2 else ""
    key = block_label(label) if label else None
    rest = s[end + 2:]
    dashed = rest.lstrip().startswith(("— ", "– "))  # "**Motivasi** — text": any label, set off by a dash
    if not label or key is None and not dashed or not rest[:1].isspace():
        return None
    return label, rest.strip().lstrip("—– ").strip(), True, key


def _is_title_field(s: str) -> bool:
    """True for a title field line (``Title: ...``, ``- **Title**: ...``, ``【标题】...``)."""
    found = _field(_strip_markers(s))
    return found is not None and found[3] == "title"


def _has_title_field(lines: list[tuple[int, str]]) -> bool:
    return any(_is_title_field(raw) for _, raw in lines)


def _is_field_line(s: str) -> bool:
    """True for a field line: a known label, or any bold one (``**Code:** url``); "Title words: more" is none."""
    found = _field(s)
    return found is not None and (found[3] is not None or found[2])


def _strip_markers(raw: str) -> str:
    """A line without its indentation, quote prefix and list marker."""
    return _split_marker(raw)[0]


def _split_marker(raw: str) -> tuple[str, bool]:
    """A line without its indentation, quote prefix and list marker; whether it had a list marker."""
    s = raw.strip()
    if s.startswith(">"):
        s = _QUOTE_RE.sub("", s, count=1)
    item = _ITEM_RE.match(s)
    return (s[item.end():], True) if item else (s, False)


@dataclass(frozen=True, slots=True)
class _Id:
    """An arXiv id found in a block: the id, its version, the URL it came in (``""`` when bare)."""

    arxiv_id: str
    version: str
    url: str


def _ids(text: str) -> list[_Id]:
    """The distinct valid arXiv ids of ``text`` in order of appearance, each with its first URL."""
    found: dict[str, _Id] = {}
    for m in _ID_RE.finditer(text):
        url = m.group(0) if m.group("id") else ""
        arxiv_id = m.group("id") or m.group("bare")
        if month_from_id(arxiv_id) is None:
            continue
        known = found.get(arxiv_id)
        if known is None:
            found[arxiv_id] = _Id(arxiv_id, (m.group("version") or m.group("bversion") or "").lower(), url)
        elif not known.url and url:
            found[arxiv_id] = _Id(arxiv_id, known.version or (m.group("version") or "").lower(), url)
    return list(found.values())


def _block_entries(block: _Block, path: str) -> Iterator[Entry | Problem]:
    """The entries of one block: the whole block around one id, else its parts around one id each."""
    while block.lines and not block.lines[-1][1]:
        block.lines.pop()
    ids = _ids("\n".join(raw for _, raw in block.lines))
    if len(ids) == 1:
        yield from _entry(block.lines, ids[0], block.section, path, block.titled)
    elif ids:
        yield from _parts_entries(block, path)


def _parts_entries(block: _Block, path: str) -> Iterator[Entry | Problem]:
    """Cut a block with several ids into paragraphs, and a paragraph with several into lines."""
    pending: tuple[list[tuple[int, str]], _Id] | None = None
    paragraph: list[tuple[int, str]] = []
    for number, raw in [*block.lines, (0, "")]:
        if raw:
            paragraph.append((number, raw))
            continue
        if not paragraph:
            continue
        ids = _ids("\n".join(r for _, r in paragraph))
        if len(ids) == 1:
            if pending is not None:
                yield from _entry(*pending, block.section, path)
            pending = (list(paragraph), ids[0])
        elif not ids:
            if pending is not None:
                pending[0].extend([(paragraph[0][0] - 1, ""), *paragraph])
        else:
            # entries one line a field, no blank line between them: a title field above the id's
            # line ("【标题】T" over "【链接】URL") opens the next entry, not more of the one above
            lead: list[tuple[int, str]] = []
            for line in paragraph:
                line_ids = _ids(line[1])
                if len(line_ids) == 1:
                    if pending is not None:
                        yield from _entry(*pending, block.section, path)
                    pending = ([*lead, line], line_ids[0])
                    lead = []
                elif not line_ids:
                    if lead or _is_title_field(line[1]) and (pending is None or _has_title_field(pending[0])):
                        lead.append(line)
                    elif pending is not None:
                        pending[0].append(line)
                else:
                    if pending is not None:
                        yield from _entry(*pending, block.section, path)
                        pending = None
                    listed = ", ".join(i.arxiv_id for i in line_ids[:3])
                    yield Problem(SourceRef(path, line[0]), "malformed-block",
                                  f"several arXiv ids in one line ({listed}): not one paper's entry")
            if lead and pending is not None:
                pending[0].extend(lead)
        paragraph = []
    if pending is not None:
        yield from _entry(*pending, block.section, path)


def _clean(text: str) -> str:
    """Title text without markup: links as their text (generic ones like ``[PDF]`` dropped), no URLs or ids."""
    text = _LINK_RE.sub(lambda m: "" if _generic_link_text(m.group("text")) else m.group("text"), text)
    text = _ID_RE.sub("", _URL_RE.sub("", text))
    if "[^" in text:  # a footnote reference after the title: "**Title**[^3]"
        text = _FOOTNOTE_REF_RE.sub("", text)
    text = lstrip_symbols(fold(text.replace("**", "").replace("__", "")).strip(_TITLE_TRIM))
    text = _NUMBERING_RE.sub("", text, count=1) if text[:1].isdigit() or text[:1] in "[(#" else text
    return text.replace("()", "").replace("[]", "").strip(_TITLE_TRIM)


def _generic_link_text(text: str) -> bool:
    """True for link text that names no paper: ``arXiv``, ``PDF``, ``Link``, an id, a URL."""
    text = text.strip(" *_`")
    return (not text or block_label(text) is not None or ARXIV_ID_RE.fullmatch(text) is not None
            or "arxiv.org" in text.lower() or text.lower().startswith(("http", "arxiv:")))


def _link_title(text: str, paper: _Id) -> str:
    """The text of a markdown link to the paper, when it is a title."""
    for m in _LINK_RE.finditer(text):
        url = m.group("url")
        if paper.arxiv_id in url and is_paper_url(url) and not _generic_link_text(m.group("text")):
            return _clean(m.group("text"))
    return ""


def _entry(lines: list[tuple[int, str]], paper: _Id, section: str, path: str,
           block_titled: bool = False) -> Iterator[Entry | Problem]:
    """Read one entry's lines: its title, author line, fields and unlabelled text.

    ``block_titled``: the first line is a heading's text (setext, ``<summary>``), the title.
    """
    number, opener = lines[0]
    entry = Entry(number, paper.arxiv_id, paper.version, "", paper.url, section)
    title = _link_title(opener, paper)  # the opening line's link beats a "[Abstract](url)" further down
    codes: list[str] = []  # category codes written beside the id ("arXiv: 2601.11153 | cs.GT")
    current: list[str] | None = None
    body = lines
    first, stripped = _strip_markers(opener), opener.strip()
    field_line, titled = _field_line_kind(first)
    if block_titled or _is_bold_title(stripped) or titled or (
            not field_line and not _is_author_line(first) and (_ITEM_RE.match(stripped) or _ids(opener))):
        body = lines[1:]  # the opening line is the title line, not a field
        if not title and len(first) <= _MAX_TITLE:
            title = _clean(first)
    for _, raw in body:
        s, listed = _split_marker(raw)
        if listed:
            current = None  # a list item is a new piece, whatever the one above was
        if not s:
            if current is not None and not _continues_over_paragraphs(entry, current):
                current = None
            continue
        if _is_nav(s):
            current = None
            continue
        if entry.authors is None and not entry.fields and _is_author_line(s):
            entry.authors = split_authors(s.strip("*"))
            current = None
            continue
        found = _field(s)
        if found is not None:
            label, value, bold, key = found
            if key == "link":
                meta = meta_cells(value, paper.arxiv_id)  # "arXiv: ID · cs.LG · A, B"
                if meta is not None and meta[1] and entry.authors is None:
                    entry.authors = meta[1]
                codes += [c for c in re.split(r"[\s,;|·]+", value) if is_category(c)]
                current = None
                continue
            if key == "title":
                title = title or _clean(value)
                current = None
                continue
            # a field in a list item ("- Code: url") is structure, kept like a bold label
            parts = entry.start(label, value, bold or listed, key)
            if parts is not None:
                current = parts
                continue
        if current is None:
            current = entry.open_loose()
        current.append(s)
    if codes and "category" not in entry.fields:
        entry.start("Category", " ".join(codes), True, "category")
    title = title or _link_title("\n".join(raw for _, raw in body), paper)
    if not title:
        yield Problem(SourceRef(path, number), "malformed-block", f"{paper.arxiv_id}: an entry without a title")
        return
    entry.title = title
    yield entry


_ONE_LINE_FIELDS = frozenset({"authors", "category", "keywords", "comment", "translated_title"})


def _field_line_kind(s: str) -> tuple[bool, bool]:
    """Whether ``s`` is a field line (:func:`_is_field_line`), and whether it is a link field that goes on
    with the title (``**arXiv:ID** — **Title**``: it opens an entry), from one reading of the line."""
    found = _field(s)
    if found is None:
        return False, False
    return found[3] is not None or found[2], found[3] == "link" and len(_clean(found[1])) >= _MIN_TITLE


def _continues_over_paragraphs(entry: Entry, current: list[str]) -> bool:
    """True when the open text goes on after a blank line: a long field (an abstract), as in the
    heading reader; a one-line field and a paragraph of unlabelled text end there."""
    key, _, parts = entry.items[-1] if entry.items else (None, "", None)
    return parts is current and key not in _ONE_LINE_FIELDS


def _is_author_line(s: str) -> bool:
    """``*A, B*``: an italic line (not bold) as the digests write the author list."""
    return len(s) > 2 and s[0] == "*" and s[1] not in "* " and s.endswith("*") and not s.endswith("**")


def _is_nav(s: str) -> bool:
    """True for a line of links only (``[PDF](url) | [Code](url)``, a bare URL)."""
    if "http" not in s and "](" not in s:
        return False
    return not _URL_RE.sub("", _LINK_RE.sub("", s)).strip(_NAV_LEFTOVER)


def _split_row(line: str) -> list[str]:
    """The cells of a table row (``\\|`` is a pipe inside a cell)."""
    cells = line.strip().replace("\\|", "\0").split("|")
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [c.replace("\0", "|").strip() for c in cells]


def _table_entries(lines: list[str], header: int, end: int, section: str, path: str) -> Iterator[Entry | Problem]:
    """One entry per row of the table whose header row is ``lines[header]`` (rows up to ``end``)."""
    labels = [_clean(c) for c in _split_row(lines[header])]
    keys = [block_label(label) if label else None for label in labels]
    rows = [(number + 1, _split_row(lines[number])) for number in range(header + 2, end) if lines[number].strip()]
    if not any(_ids(lines[number - 1]) for number, _ in rows):
        return  # a table of something else (counts per category, ...)
    for number, cells in rows:
        ids = _ids(lines[number - 1])
        if len(ids) != 1:
            what = "no arXiv id" if not ids else f"several arXiv ids ({', '.join(i.arxiv_id for i in ids[:3])})"
            yield Problem(SourceRef(path, number), "malformed-block", f"a table row with {what}")
            continue
        paper = ids[0]
        entry = Entry(number, paper.arxiv_id, paper.version, "", paper.url, section)
        title, codes = "", []
        for label, key, cell in zip(labels, keys, cells):
            if not cell:
                continue
            if key == "title":
                title = title or _clean(cell)
            elif key == "link":
                codes += [c for c in re.split(r"[\s,;|]+", cell) if is_category(c)]
            elif key is not None:
                entry.start(label, cell, True, key)
            elif label and label[0].isalpha() and not cell.isdigit():
                entry.start(label, cell, True)  # an unknown column: kept in Summary.extra
        if codes and "category" not in entry.fields:
            entry.start("Category", " ".join(codes), True, "category")
        title = title or _link_title(lines[number - 1], paper)
        if not title:
            yield Problem(SourceRef(path, number), "malformed-block", f"{paper.arxiv_id}: a table row without a title")
            continue
        entry.title = title
        yield entry
