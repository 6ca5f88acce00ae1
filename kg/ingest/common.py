"""Helpers shared by the readers: the per-file context, dates, language guess, list splitting."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.arxiv import month_from_id
from kg.ingest.files import sane_date
from kg.records import DatePrecision, Digest, PaperRecord, Problem, Summary

# Unicode ranges of the scripts the digests are written in. Kana is checked before Han
# because Japanese text mixes both; Hangul wins over Han for Korean with hanja.
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA_RE = re.compile(r"[\u3041-\u30fa]")  # not U+30FB "・", which Chinese text uses too
_HAN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_SCRIPTS = (("ja", _KANA_RE), ("ko", _HANGUL_RE), ("zh", _HAN_RE), ("ru", _CYRILLIC_RE), ("ar", _ARABIC_RE))
_CJK_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf]")
_ENOUGH_SCRIPT = 3  # this many Han/Hangul/kana characters make a summary CJK, however much English it quotes
_SAMPLE = 64  # characters looked at: enough to tell the script of a summary, cheap on long texts

# Separators are single characters, so splitting is one linear scan: no pattern here may hold
# a repeated whitespace run before an alternative (that backtracks quadratically on long runs
# of spaces, issue 14). The word "and" is found among whitespace-split tokens instead.
_LIST_SPLIT_RE = re.compile(r"[,;，、；]")
_AUTHOR_SPLIT_RE = re.compile(r"[,;，、；&،]")  # "،": the Arabic comma


@dataclass(frozen=True, slots=True)
class FileContext:
    """What a reader needs to know about the file it reads.

    ``name_date`` is the ``YYYY-MM-DD`` in the file name, ``fallback_date`` the
    ``date`` argument (CLI ``--date``). Readers use the name's date, else (markdown)
    a date in the digest's title heading, else the fallback, else the record's own dates.
    """

    path: str
    digest_id: str
    name_date: dt.date | None = None
    fallback_date: dt.date | None = None


@dataclass(slots=True)
class FileResult:
    """What one reader made of one file."""

    format: str
    records: list[PaperRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: Digest | None = None
    toc_total: int | None = None  # sum of the table-of-contents counts, when the file has one
    toc_line: int = 0  # the line of the table of contents' first entry


def record_date(file_date: dt.date | None, own_date: dt.date | None, arxiv_id: str) -> tuple[dt.date | None, DatePrecision]:
    """Apply the date rule: file date, else the record's own date, else the id's month.

    Args:
        file_date: the digest/file date (name, heading or ``--date``), if any.
        own_date: a date the record itself carries (Atom ``published``, snapshot v1).
        arxiv_id: the id, whose ``YYMM`` gives a month when nothing else does.

    Returns:
        ``(date, precision)``: precision "month" only for the id fallback; ``(None, "day")``
        when nothing tells (a day is never invented).
    """
    if file_date is not None:
        return file_date, "day"
    if own_date is not None and sane_date(own_date) is not None:  # year 1 or 9999 is no listing date
        return own_date, "day"
    month = month_from_id(arxiv_id)
    return (month, "month") if month is not None else (None, "day")


def guess_language(*texts: str) -> str:
    """ISO 639-1 code of the script the texts are written in ("zh", "ko", "ja", "ru", "ar", "en").

    Looks at the first few dozen characters of the first non-empty text. Kana marks
    Japanese even amid kanji and Hangul marks Korean even with hanja, so scripts are
    tried in that order; the first present one decides when it has a few characters
    or a fair share of the letters (summaries quote many English terms, but one
    Chinese name in English text does not make it Chinese). Latin script
    is reported as "en" (the digests' only Latin-script language); ``""`` when there
    is no letter at all.
    """
    sample = ""
    for text in texts:
        if text:
            sample = text[:_SAMPLE]
            break
    if not sample.isascii():
        for language, script in _SCRIPTS:
            found = len(script.findall(sample))
            if found:
                if found >= _ENOUGH_SCRIPT or found * 4 >= len(_LATIN_RE.findall(sample)):
                    return language
                break
    return "en" if _LATIN_RE.search(sample) else ""


def is_mostly_latin(text: str) -> bool:
    """True when the text is written in Latin script (an English abstract), not CJK/Hangul/kana.

    CJK characters must be fewer than a quarter of the Latin letters in the sample, so
    an English abstract quoting a Chinese name stays English.
    """
    sample = text[:_SAMPLE]
    if sample.isascii():
        return True
    return len(_CJK_RE.findall(sample)) * 4 < len(_LATIN_RE.findall(sample))


def fold(text: str) -> str:
    """Collapse runs of whitespace (hard wraps, tabs) into single spaces and strip the ends.

    Text without a line break, tab or double space (most fields) is only stripped:
    the ``in`` tests are much cheaper than splitting every field.
    """
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        return " ".join(text.split())
    return text.strip()


def split_list(text: str) -> tuple[str, ...]:
    """Split a keyword/category list on commas, semicolons and their CJK forms (linear time)."""
    if not text:
        return ()
    return tuple(p for p in (s.strip() for s in _LIST_SPLIT_RE.split(text)) if p)


def split_authors(text: str) -> tuple[str, ...]:
    """Split an author line ("A,B", "A, B and C", "A; B", "A & B") into names, order kept (linear time).

    >>> split_authors("Ada Lovelace, Alan Turing and  Grace Hopper; Emmy Noether & and Kurt Gödel")
    ('Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Emmy Noether', 'Kurt Gödel')
    """
    names: list[str] = []
    for part in _AUTHOR_SPLIT_RE.split(text):
        words = part.split()
        if "and" not in words:
            if words:
                names.append(" ".join(words))
            continue
        name: list[str] = []
        for word in words:
            if word == "and":
                if name:
                    names.append(" ".join(name))
                name = []
            else:
                name.append(word)
        if name:
            names.append(" ".join(name))
    return tuple(names)


def make_summary(
    tldr: str = "", motivation: str = "", method: str = "", result: str = "", conclusion: str = "",
    extra: tuple[tuple[str, str], ...] = (),
) -> Summary | None:
    """A :class:`Summary` with its language guessed, or ``None`` when every field is empty."""
    if not (tldr or motivation or method or result or conclusion or extra):
        return None
    language = guess_language(tldr, motivation, method, result, conclusion, *(v for _, v in extra))
    return Summary(language, tldr, motivation, method, result, conclusion, extra)


# Reference-style links ("[Title][3]" with "[3]: https://arxiv.org/abs/ID" at the end of the file): forks
# that keep their lines short write them so. CommonMark: up to three spaces before the label, an
# optional <...> around the URL and an optional title after it; labels match case-insensitively.
_LINK_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[([^\]\n]{1,100})\]:[ \t]*<?([^\s<>]+)>?(?:[ \t]+[\"'(][^\n]*)?[ \t]*$", re.MULTILINE)
_REFERENCE_LINK_RE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*+)\]\[([^\]\n]{0,100})\]")


def inline_reference_links(text: str) -> str:
    """``text`` with reference-style links written inline (``[Title][3]`` -> ``[Title](url)``) and the
    definition lines emptied, line for line (line numbers stay); unchanged when it defines none.

    >>> inline_reference_links("### 1. [A Title][1]\\n\\n[1]: https://arxiv.org/abs/2601.00001 \\"arXiv\\"\\n")
    '### 1. [A Title](https://arxiv.org/abs/2601.00001)\\n\\n\\n'
    """
    if "]:" not in text:
        return text
    urls = {label.casefold(): url for label, url in _LINK_DEFINITION_RE.findall(text)}
    if not urls:
        return text
    text = _LINK_DEFINITION_RE.sub("", text)

    def inline(m: re.Match[str]) -> str:
        url = urls.get((m.group(2) or m.group(1)).casefold())
        return f"[{m.group(1)}]({url})" if url else m.group(0)

    return _REFERENCE_LINK_RE.sub(inline, text)


# A two-column table of fields under a paper heading ("| Field | Value |", "|:--|:--|", "| Authors | A, B |"): its
# rows are the entry's labelled fields. Not a table that lists papers (a paper link in more than one row).
# Cells are split with str methods: a regex with optional spaces on both sides of each cell backtracks
# cubically on a long run of spaces.
_SEPARATOR_CELL_RE = re.compile(r":?-+:?")
_PAPER_ID_RE = re.compile(r"(?<![\d.])\d{4}\.\d{4,5}(?!\d)")


def _two_cells(line: str) -> tuple[str, str] | None:
    """The two cells of a table row ``| a | b |`` (``\\|`` is a pipe inside a cell), or None."""
    s = line.strip()
    if "|" not in s:
        return None
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    parts = s.replace("\\|", "\0").split("|")
    if len(parts) != 2:
        return None
    return parts[0].strip().replace("\0", "|"), parts[1].strip().replace("\0", "|")


def _is_two_column_separator(line: str) -> bool:
    cells = _two_cells(line)
    return cells is not None and all(_SEPARATOR_CELL_RE.fullmatch(c) for c in cells)


def field_tables(text: str) -> str:
    """``text`` with each two-column table of fields written as ``**Label:** value`` lines, line for line (its
    header and separator rows emptied); unchanged when it has none.

    >>> print(field_tables("## Title\\n| Field | Value |\\n|:--|:--|\\n| Authors | A. B, C. D |\\n| arXiv | [2601.00001](u) |"))
    ## Title
    <BLANKLINE>
    <BLANKLINE>
    **Authors:** A. B, C. D
    **arXiv:** [2601.00001](u)
    """
    if "|" not in text or "-|" not in text and "|-" not in text and "- |" not in text:
        return text
    lines = text.split("\n")
    changed = False
    i = 1
    while i < len(lines):
        if "-" not in lines[i] or not _is_two_column_separator(lines[i]) or _two_cells(lines[i - 1]) is None:
            i += 1
            continue
        end = i + 1
        rows = []
        while end < len(lines) and (cells := _two_cells(lines[end])) is not None:
            rows.append(cells)
            end += 1
        labels_ok = all(label and len(label) <= 40 and len(label.split()) <= 4 and "](" not in label
                        and not _PAPER_ID_RE.search(label) for label, _ in rows)
        if len(rows) >= 2 and labels_ok and sum(bool(_PAPER_ID_RE.search(value)) for _, value in rows) <= 1:
            lines[i - 1] = lines[i] = ""
            for k, (label, value) in enumerate(rows, i + 1):
                lines[k] = f"**{label.strip('*` ')}:** {value}"
            changed = True
        i = end
    return "\n".join(lines) if changed else text


# Container syntax of static-site generators, whose title labels the text inside:
# MkDocs Material / Python-Markdown admonitions and content tabs (content indented by four spaces),
# Docusaurus / VitePress / Pandoc fenced divs (":::tip Title" ... ":::"), Hugo shortcodes.
# (possessive runs of blanks: a line of "!!! tip" and 16,000 spaces must not be split every way)
_ADMONITION_RE = re.compile(r'^(?:!!!|\?\?\?\+?)(?:[ \t]++[\w-]++)++(?:[ \t]++"([^"\n]*+)")?[ \t]*+$|^===\+?[ \t]++"([^"\n]*+)"[ \t]*+$')
_FENCED_DIV_RE = re.compile(r"^:::+([^\n]*+)$")
_DIV_ATTRIBUTES_RE = re.compile(r"\{[^{}\n]*+\}")
_DIV_KIND_RE = re.compile(r"^[\w-]++(?=\s|$)")
_SHORTCODE_RE = re.compile(r"\{\{[<%][ \t]*+/?[ \t]*+[\w./-]++[^\n]*?[%>]\}\}")
# its title: a summary= or title= argument, else a positional quoted one ({{< expand "Abstract" >}})
_SHORTCODE_TITLE_RE = re.compile(r'\b(?:summary|title)[ \t]*=[ \t]*"([^"\n]*)"|[ \t]"([^"\n]*)"')


def containers(text: str) -> str:
    """``text`` with admonitions, content tabs, fenced divs and shortcodes as the markdown they render, line
    for line: the opening line becomes its title as a bold line (``**Abstract**``, which labels the text
    below), the indented content of an admonition is dedented, closing lines are emptied.

    >>> print(containers('!!! tip "TL;DR"\\n    short\\n\\n??? quote "Abstract"\\n    We propose X.\\n:::'))
    **TL;DR**
    short
    <BLANKLINE>
    **Abstract**
    We propose X.
    <BLANKLINE>
    """
    if "!!!" not in text and "???" not in text and '=== "' not in text and ":::" not in text and "{{" not in text:
        return text
    lines = text.split("\n")
    changed = False
    inside = False  # in the indented content of an admonition or tab
    for i, line in enumerate(lines):
        if inside:
            if line.startswith(("    ", "\t")):
                lines[i] = line[4:] if line.startswith("    ") else line[1:]
                changed = True
                continue
            if not line.strip():
                continue
            inside = False
        if line[:1] in "!?=" and (m := _ADMONITION_RE.match(line)) and _indented_below(lines, i):
            title = (m.group(1) or m.group(2) or "").strip()
            lines[i] = f"**{title}**" if title else ""
            inside = changed = True
        elif line.startswith(":::") and (m := _FENCED_DIV_RE.match(line)):
            title = _div_title(m.group(1))
            lines[i] = f"**{title}**" if title else ""
            changed = True
        elif "{{" in line and _SHORTCODE_RE.search(line):
            def label(sc: re.Match[str]) -> str:
                t = _SHORTCODE_TITLE_RE.search(sc.group(0))
                title = (t.group(1) or t.group(2) or "").strip() if t else ""
                return f"**{title}**" if title else ""
            new = _SHORTCODE_RE.sub(label, line)
            lines[i] = new if new.strip() else ""
            changed = True
    return "\n".join(lines) if changed else text


def _div_title(rest: str) -> str:
    """The title of a fenced div's opening line after its colons: ":::tip Abstract" -> "Abstract",
    "::: {.note}" -> "", ":::details[Abstract]" -> "Abstract"."""
    rest = _DIV_ATTRIBUTES_RE.sub("", rest).strip().rstrip(":").strip()
    if "[" in rest and rest.endswith("]"):
        return rest[rest.index("[") + 1 : -1].strip()
    kind = _DIV_KIND_RE.match(rest)
    return rest[kind.end():].strip() if kind else rest


def _indented_below(lines: list[str], i: int) -> bool:
    """True when the first non-blank line after ``lines[i]`` is indented: an admonition has content
    ("??? what next" in prose is not one)."""
    for line in lines[i + 1 : i + 4]:
        if line.strip():
            return line.startswith(("    ", "\t"))
    return False
