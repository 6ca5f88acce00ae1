"""arXiv identifiers: parse ids (new and old style, bare or inside URLs) and the month they encode.

New-style ids are ``YYMM.NNNN`` (2007-04 .. 2014-12) or ``YYMM.NNNNN`` (2015-01 on);
old-style ids are ``archive[.SUBJ]/YYMMNNN`` (``hep-th/9901001``, ``math.GT/0309136``).
Either may carry a version suffix (``v2``), and may appear inside an ``abs/`` or
``pdf/`` URL (``https://arxiv.org/pdf/2601.00504v2.pdf``) or after ``arXiv:``.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

# The id must not be glued to other digits/letters: "12601.00504" or "2601.005041" are not ids.
# Old-style archives are lower-case words joined by "-" (hep-th, q-bio, cond-mat), with an
# optional upper-case subject class (math.GT).
ARXIV_ID_RE = re.compile(
    r"(?<![\w.])(?:arxiv:\s*)?"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})"
    r"(?P<version>v\d+)?(?![\w])",
    re.IGNORECASE,
)

# Where a digest links a paper: arXiv's own pages and the reading sites forks link instead, each
# serving the paper under its id ("https://huggingface.co/papers/2601.00504",
# "https://www.alphaxiv.org/abs/2601.00504v2", "https://papers.cool/arxiv/2601.00504"). A regex body
# for the part of the URL before the id's "/"; the readers embed it in their own patterns.
PAPER_URL_PREFIX = (
    r"https?://(?:"
    r"(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)"
    r"|ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html)"
    r"|(?:www\.)?alphaxiv\.org/(?:abs|overview|pdf)"
    r"|(?:huggingface|hf)\.co/papers"
    r"|papers\.cool/arxiv"
    r"|(?:www\.)?semanticscholar\.org/arxiv"
    r")"
)
_PAPER_URL_RE = re.compile(PAPER_URL_PREFIX + r"/", re.IGNORECASE)


def is_paper_url(url: str) -> bool:
    """True when ``url`` is a page of one arXiv paper: arXiv's own or a reading site's.

    >>> is_paper_url("https://hf.co/papers/2601.00504"), is_paper_url("https://github.com/org/2601.00504")
    (True, False)
    """
    return _PAPER_URL_RE.match(url) is not None


_OLD_STYLE_CUTOFF = 91  # old-style ids began in 1991: "91".."99" are 19xx, "00".."07" are 20xx


def parse_arxiv_id(text: str) -> tuple[str, str] | None:
    """Find the first arXiv id in ``text`` (a bare id, ``arXiv:ID`` or an abs/pdf URL).

    Args:
        text: any text, e.g. ``"2601.00504v2"``, ``"https://arxiv.org/pdf/hep-th/9901001v1.pdf"``.

    Returns:
        ``(id_without_version, version)``, version ``""`` when none was given
        (``("2601.00504", "v2")``, ``("math.GT/0309136", "")``); ``None`` when the
        text holds no id with a valid month.

    >>> parse_arxiv_id("https://arxiv.org/abs/2601.00504v2")
    ('2601.00504', 'v2')
    >>> parse_arxiv_id("see arXiv:hep-th/9901001")
    ('hep-th/9901001', '')
    >>> parse_arxiv_id("２６０１．００５０４ｖ２")  # full-width forms are the same id (NFKC)
    ('2601.00504', 'v2')
    """
    if not text.isascii():
        # "\d" matches every script's digits: without this, "２６０１.００５０４" would be a second paper
        text = unicodedata.normalize("NFKC", text)
    for m in ARXIV_ID_RE.finditer(text):
        arxiv_id = m.group("id")
        if "/" in arxiv_id:
            archive, number = arxiv_id.split("/")
            # archive names are lower case; only the subject class (".GT") is upper case
            archive, _, subject = archive.partition(".")
            arxiv_id = f"{archive.lower()}.{subject.upper()}/{number}" if subject else f"{archive.lower()}/{number}"
        if not arxiv_id.isascii():  # digits of another script that NFKC leaves alone (Arabic-Indic, ...)
            arxiv_id = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in arxiv_id)
        if month_from_id(arxiv_id) is not None:
            return arxiv_id, (m.group("version") or "").lower()
    return None


def month_from_id(arxiv_id: str) -> dt.date | None:
    """The month an arXiv id was assigned in, as ``date(year, month, 1)``.

    Args:
        arxiv_id: an id without version (``"2601.00504"``, ``"hep-th/9901001"``).

    Returns:
        The first day of the id's month, or ``None`` when the id does not encode a
        valid month (the day is never known from an id).

    >>> month_from_id("0704.0001")
    datetime.date(2007, 4, 1)
    >>> month_from_id("hep-th/9901001")
    datetime.date(1999, 1, 1)
    """
    digits = arxiv_id.rpartition("/")[2]
    if len(digits) < 4 or not digits[:4].isdigit():
        return None
    yy, mm = int(digits[:2]), int(digits[2:4])
    if not 1 <= mm <= 12:
        return None
    if "/" in arxiv_id:
        year = 1900 + yy if yy >= _OLD_STYLE_CUTOFF else 2000 + yy
    else:
        year = 2000 + yy
        # new-style ids start at 0704; 4-digit numbers end in 1412, 5-digit ones begin in 1501
        number = digits.partition(".")[2]
        if (yy, mm) < (7, 4) or (len(number) == 5) != ((yy, mm) >= (15, 1)):
            return None
    return dt.date(year, mm, 1)


# arXiv archives (current and the old physics/maths ones whose ids still circulate).
ARCHIVES = frozenset({
    "astro-ph", "cond-mat", "cs", "econ", "eess", "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th",
    "math", "math-ph", "nlin", "nucl-ex", "nucl-th", "physics", "q-bio", "q-fin", "quant-ph", "stat",
    "acc-phys", "adap-org", "alg-geom", "ao-sci", "atom-ph", "bayes-an", "chao-dyn", "chem-ph", "cmp-lg",
    "comp-gas", "dg-ga", "funct-an", "mtrl-th", "patt-sol", "plasm-ph", "q-alg", "solv-int", "supr-con",
})
_CATEGORY_RE = re.compile(r"^([a-z]+(?:-[a-z]+)?)(?:\.([A-Za-z]{2,}(?:-[a-z]{2,})?))?$")


@lru_cache(maxsize=4096)  # a digest repeats a few dozen codes thousands of times
def is_category(code: str) -> bool:
    """True for an arXiv category code: ``cs.CV``, ``quant-ph``, ``cond-mat.soft``, ``math.NA``.

    >>> is_category("cs.CV"), is_category("quant-ph"), is_category("Table")
    (True, True, False)
    """
    m = _CATEGORY_RE.match(code)
    return bool(m) and m.group(1) in ARCHIVES
