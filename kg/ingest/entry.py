"""A markdown paper entry as the readers collect it, and the record it becomes.

Both markdown readers fill an :class:`Entry`: the heading reader (:mod:`kg.ingest.markdown`)
from a paper heading and the lines under it, the block reader (:mod:`kg.ingest.blocks`) from a
list item, a bold title line, a paragraph or a table row. :func:`build_record` turns it into a
:class:`~kg.records.PaperRecord` the same way for both.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.arxiv import is_category
from kg.ingest.common import fold, is_mostly_latin, make_summary, record_date, split_authors, split_list
from kg.ingest.labels import SYMBOLS, canonical_label
from kg.records import PaperRecord, SourceRef

_CATEGORY_SPLIT_RE = re.compile(r"[\s,;|，、`*()（）·]+")  # "`cs.CV` (cs.AI, cs.CL)"
# a code fence around a field's text ("```text" ... "```"): forks fence the abstract to keep its wrapping
_FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~)[^\n`]*$", re.MULTILINE)
_CATEGORY_LINE_MAX = 120  # "cs.CV (main), cs.LG": a line of codes, not a sentence that starts with one

# Unlabelled prose of an entry is its abstract when it reads like one: a few sentences of Latin
# script. Shorter text is a note, a link line or a signature; an author list has a comma every
# two or three words, prose far fewer.
_PROSE_MIN_CHARS = 60
_PROSE_MIN_WORDS = 8
_PROSE_WORDS_PER_COMMA = 3
_LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)|https?://\S+")
_META_SPLIT_RE = re.compile(r"[ \t]+[|·•—–][ \t]+")
# emoji and symbols that forks put before a cell ("👥 A, B · 🏷️ cs.CV")
_CELL_SYMBOLS_RE = re.compile(f"^[\\s{SYMBOLS}]+")


@dataclass(slots=True)
class Entry:
    """A paper entry being read: heading facts, then the labelled fields as raw line parts."""

    line: int
    arxiv_id: str
    version: str
    title: str
    url: str
    listed_under: str
    authors: tuple[str, ...] | None = None
    translated_title: str = ""
    # every field in order of appearance: (canonical field or None if unknown, label as written, parts)
    items: list[tuple[str | None, str, list[str]]] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)  # canonical fields seen
    # text under the entry that belongs to no field, as raw parts per run of text: the
    # abstract of forks that write it unlabelled (a paragraph or a "> " quote)
    loose: list[list[str]] = field(default_factory=list)

    def start(self, label: str, value: str, bold: bool, key: str | None = None) -> list[str] | None:
        """Open a field and return its parts list; ``None`` when the line is not a field
        after all (an unknown plain ``word:``, or a plain label already filled).

        ``key`` is the field the label stands for when the caller looked it up already.
        """
        if key is None:
            key = canonical_label(label)
        if key is None:
            if not bold:
                return None
        elif key in self.fields:
            if not bold:
                # "Results: ..." inside a wrapped abstract is prose, not a second Result field
                return None
        else:
            self.fields.add(key)
        parts = [value]
        self.items.append((key, label.strip(), parts))
        return parts

    def open_loose(self) -> list[str]:
        """Start a run of unlabelled text and return its parts list."""
        parts: list[str] = []
        self.loose.append(parts)
        return parts


def is_prose(text: str) -> bool:
    """True when folded ``text`` reads like an English abstract (see the ``_PROSE_*`` limits)."""
    if len(text) < _PROSE_MIN_CHARS or not is_mostly_latin(text):
        return False
    words = _LINK_RE.sub(r"\1", text).split()
    commas = text.count(",") + text.count("،") + text.count("，")  # Latin, Arabic and CJK commas
    return len(words) >= _PROSE_MIN_WORDS and commas * _PROSE_WORDS_PER_COMMA < len(words)


def meta_cells(line: str, arxiv_id: str) -> tuple[list[str], tuple[str, ...]] | None:
    """Category codes and authors of a line of cells: one that carries the paper's id
    (``[arxiv.org/abs/ID](url) | A, B | cs.CV``, ``arXiv:ID · cs.LG · A, B``), or one without it
    that has a category cell (``👥 A, B · 🏷️ cs.CV``, ``A, B — `cs.RO```); ``None`` for another line.

    >>> meta_cells("✍️ Lea Roth, Kenji Mori · 🏷️ cs.LG", "2601.06301")
    (['cs.LG'], ('Lea Roth', 'Kenji Mori'))
    """
    if "\n" in line.strip():
        return None
    cells = [_CELL_SYMBOLS_RE.sub("", _LINK_RE.sub(r"\1", c)).strip(" *_`") for c in _META_SPLIT_RE.split(line.strip())]
    # "التصنيف الرئيسي: cs.CV": a cell's value after a label (not "arXiv:ID", which has no space after the colon)
    cells = [c[m.end():].strip(" *_`") if (m := _LABEL_PREFIX_RE.match(c)) else c for c in cells]
    if len(cells) < 2:
        return None
    # a cell is a code or a list of them ("cs.LG, cs.SC": the other categories)
    codes = [code for c in cells for code in (split_list(c) if "," in c else (c,)) if is_category(code)]
    cells = [c for c in cells if not (c and all(is_category(code) for code in split_list(c)))]
    if arxiv_id not in line and not codes:
        return None
    # a one-word cell is a link's text ("[PDF](url)"), not a name
    names = [c for c in cells if c and arxiv_id not in c and not is_prose(c) and c.strip().count(" ")]
    return codes, (split_authors(names[0]) if len(names) == 1 else ())


def _meta_line(entry: Entry) -> tuple[list[str], tuple[str, ...]]:
    """:func:`meta_cells` of the entry's first unlabelled line that has them; the line is taken
    out of the unlabelled text, so it is never read as the abstract."""
    for run in entry.loose:
        found = meta_cells(run[0], entry.arxiv_id) if len(run) == 1 else None
        if found is not None:
            entry.loose.remove(run)
            return found
    return [], ()


# a name's word: capitalised Latin, a particle ("de", "van"), or up to six letters of another script (Chinese
# names are two to four characters; a clause of a Chinese summary between commas is longer)
_NAME_WORD_RE = re.compile(r"(?:[A-Z\u00c0-\u024f][\w'’.\-]*|[a-z]{1,3}|\w{1,6}(?<=[^\x00-\u024f]))$")


def looks_like_names(text: str) -> bool:
    """True for a plain list of personal names ("Ann Lee, Bo Li and Cy Zhou", "王芳, Lukas Berg").

    >>> looks_like_names("Mia Laine, Noah Park"), looks_like_names("We study LoRA, DPO and PPO.")
    (True, False)
    """
    names = split_authors(text)
    if not names or len(text) > 3000 or any(ch.isdigit() for ch in text) or text.rstrip().endswith((".", ":", "?", "!")) \
            and not re.search(r"\b[A-Z]\.$", text.rstrip()):
        return False
    # a list of three or more may hold a name in lower case ("Xiang chen", "danah boyd"), one in five
    odd, allowed = 0, (max(1, len(names) // 5) if len(names) >= 3 else 0)
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5:
            return False
        if all(_NAME_WORD_RE.match(w) for w in words) and (name[0].isupper() or not name.isascii()):
            continue
        odd += 1
        if odd > allowed or not all(w.isascii() and w.isalpha() for w in words):
            return False
    return len(names) > 1 or len(names[0].split()) >= 2


def _names_line(entry: Entry) -> tuple[str, ...]:
    """The authors of an entry that names them on a line of their own (``> A, B``), maybe after a label the
    reader does not know (``المؤلفون: A، B``, a plain label, which the heading reader leaves as text), else ().
    Only the first lines under the heading can be the names."""
    for i, run in enumerate(entry.loose[:_NAMES_LINE_RUNS]):
        raw = " ".join(run)
        if "\n" in raw.strip():
            continue
        text = fold(raw)
        labelled = _LABEL_PREFIX_RE.match(text)
        if labelled is not None:
            text = text[labelled.end():]
        elif i:
            continue  # an unlabelled line of names is the first text under the heading
        if looks_like_names(text):
            del entry.loose[i]
            return split_authors(text)
    return ()


_NAMES_LINE_RUNS = 3  # "ID · category" and "Comment: ..." lines may come before the names
# "Label: " before a line's text: a short label in any script (no digits: "2026: ...", "arXiv:ID")
_LABEL_PREFIX_RE = re.compile(r"[^\W\d][^:：\n\d]{0,29}[:：]\s+")
_UNKNOWN_ABSTRACT_WORDS = 50  # an AI field in English under an unknown label is shorter than an abstract


def _infer_unknown(values: dict[str, str], extra: list[tuple[str, str]], authors_known: bool) -> None:
    """Give the fields a fork labels in words the reader does not know (``**Autores:**``,
    ``**Resumen:**``) their place by what the text is, not by the label's language: a plain
    list of names is the authors, an arXiv category code the category, and the longest English
    prose of at least 50 words the abstract. Each only when no known label gave that field;
    what is taken leaves ``extra``, the rest stays there as written.
    """
    def take(key: str, test) -> None:
        if key in values:
            return
        hits = [i for i, (_, text) in enumerate(extra) if test(text)]
        if hits:
            i = max(hits, key=lambda i: len(extra[i][1]))
            values[key] = extra.pop(i)[1]

    if not authors_known:
        take("authors", looks_like_names)
    take("category", _starts_with_category)
    take("abstract", lambda t: len(t.split()) >= _UNKNOWN_ABSTRACT_WORDS and is_prose(t))


def _text(parts: list[str]) -> str:
    """The text of a field's (or a run's) parts on one line, without code fence lines."""
    raw = " ".join(parts) if len(parts) > 1 else parts[0] if parts else ""
    if "```" in raw or "~~~" in raw:
        raw = _FENCE_RE.sub("", raw)
    return fold(raw)


def _list_text(parts: list[str]) -> str:
    """The text of a field written as a list ("- A" "- B" below "Authors"), its items joined by commas;
    other fields as :func:`_text`."""
    lines = [line.strip() for part in parts for line in part.split("\n") if line.strip()]
    if lines and all(line[:2] in ("- ", "* ", "+ ") for line in lines):
        return ", ".join(fold(line[2:]) for line in lines)
    return _text(parts)


def _starts_with_category(text: str) -> bool:
    """True for a short line that opens with an arXiv category code ("`cs.CV` (cs.AI, cs.CL)")."""
    codes = _CATEGORY_SPLIT_RE.split(text.strip("`*_ "), maxsplit=1)
    return len(text) <= _CATEGORY_LINE_MAX and is_category(codes[0])


def build_record(entry: Entry, path: str, digest_id: str, file_date: dt.date | None) -> tuple[PaperRecord, bool]:
    """Build the :class:`PaperRecord` of an entry; also say whether it lacks an (English) abstract.

    A labelled English abstract is the abstract; without one, the first run of unlabelled
    text that reads like prose (:func:`is_prose`) is. Translated abstracts stay in ``Summary.extra``.
    """
    values: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for key, label, parts in entry.items:
        text = _list_text(parts) if key == "authors" or key == "keywords" else _text(parts)
        if not text:
            continue
        # the record's abstract is the arXiv (English) one; a translated one is kept as extra
        if key is None or key in values or (key == "abstract" and not is_mostly_latin(text)):
            extra.append((label, text))
        else:
            values[key] = text
    _infer_unknown(values, extra, authors_known=bool(entry.authors))
    meta_codes, meta_authors = _meta_line(entry)
    if meta_codes and "category" not in values:
        values["category"] = " ".join(meta_codes)
    abstract = values.get("abstract", "")
    if not abstract and entry.loose:
        abstract = next((t for t in map(_text, entry.loose) if is_prose(t)), "")
    raw = values.get("category", "").strip("`*_ ")  # "`cs.GT`", "**cs.GT**"
    categories = (raw,) if is_category(raw) else tuple(c for c in _CATEGORY_SPLIT_RE.split(raw) if is_category(c))
    if entry.listed_under and entry.listed_under not in categories:
        categories += (entry.listed_under,)
    authors = entry.authors if entry.authors else split_authors(values.get("authors", "").strip("*")) or meta_authors
    if not authors:
        authors = _names_line(entry)
    date, precision = record_date(file_date, None, entry.arxiv_id)
    record = PaperRecord(
        arxiv_id=entry.arxiv_id,
        title=entry.title,
        source=SourceRef(path, entry.line),
        abstract=abstract,
        authors=authors,
        primary_category=categories[0] if categories else "",
        categories=categories,
        date=date,
        date_precision=precision,
        version=entry.version,
        url=entry.url,
        comment=values.get("comment", ""),
        summary=make_summary(
            values.get("tldr", ""), values.get("motivation", ""), values.get("method", ""),
            values.get("result", ""), values.get("conclusion", ""), tuple(extra),
        ),
        keywords=split_list(values.get("keywords", "")),
        translated_title=entry.translated_title or values.get("translated_title", ""),
        digest=digest_id,
        listed_under=entry.listed_under,
    )
    return record, not record.abstract
