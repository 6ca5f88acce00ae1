"""Sniff a file's format from its content (never from its name)."""
from __future__ import annotations

import re

from kg.arxiv import PAPER_URL_PREFIX
from kg.ingest.common import inline_reference_links
from kg.ingest.blocks import looks_like_digest
from kg.ingest.html_pages import looks_like_html_digest
from kg.ingest.adoc_pages import looks_like_adoc_digest
from kg.ingest.jsonl import decode_line, document_objects, is_snapshot_line
from kg.ingest.org_pages import looks_like_org_digest
from kg.ingest.rst_pages import looks_like_rst_digest

ATOM = "atom"
MARKDOWN = "markdown"
DAILY_JSONL = "daily-jsonl"
SNAPSHOT = "arxiv-snapshot"
HTML = "html"
RST = "rst"
ORG = "org"
ADOC = "adoc"

_FIRST_CHAR_RE = re.compile(r"\S")
_HEAD = 4096  # characters enough to see an XML root element
_JSON_PROBE_LINES = 20
# A digest has at least one entry heading: an arXiv link or id, or an "[N]" entry number.
# Possessive "[ \t]++": a heading of "##" and 50,000 spaces must not be retried at every split
# of the run (that was quadratic); the lazy ".*?" then scans the line once.
_DIGEST_HEADING_RE = re.compile(
    r"^#{2,4}+[ \t]++(?:\[\d+\]|.*?(?:" + PAPER_URL_PREFIX + r"/|arxiv:\s*\S|(?<![\w.])\d{4}\.\d{4,5}(?!\d)))",
    re.IGNORECASE | re.MULTILINE,
)

# A fork may put the link under the heading instead ("### 3. Title" then "- 論文: https://arxiv.org/abs/ID",
# or a bare "arXiv:ID · cs.LG" line).
_DIGEST_BLOCK_RE = re.compile(
    r"^#{2,4}+[ \t]++[^\n]++\n(?:[^#\n][^\n]*+\n|\n){0,12}?(?![#\n])[^\n]*?(?:" + PAPER_URL_PREFIX + r"/|arxiv(?:[ \t_-]?id)?(?:\*\*)?[ \t]*+[:：][ \t]*+(?:\*\*)?[ \t]*+)\d{4}\.\d{4,5}",
    re.IGNORECASE | re.MULTILINE,
)


def detect_format(text: str) -> str | None:
    """The reader for ``text``: "atom", "daily-jsonl", "arxiv-snapshot", "markdown", "html", "rst", "org", "adoc", or ``None``.

    Args:
        text: the decoded file content.

    Returns:
        The format name, ``None`` when no reader fits (reported as "unknown-format").
    """
    m = _FIRST_CHAR_RE.search(text)
    if m is None:
        return None
    start = m.start()
    first = text[start]
    if first == "<":
        head = text[start : start + _HEAD]
        if "<feed" in head and "http://www.w3.org/2005/Atom" in head:
            return ATOM
    elif first == "{":
        return _json_lines_format(text[start:])
    elif first == "[" and (fmt := _json_lines_format(text[start:])) is not None:
        return fmt  # a JSON array of papers; else markdown that starts with a link ("[1] [Title](url)")
    text = inline_reference_links(text)  # "#### 1. [Title][1]" with "[1]: https://arxiv.org/abs/ID" below
    heading = _DIGEST_HEADING_RE.search(text)
    # paper cards in HTML (<h3><a href=".../abs/ID">): markdown headings with links win
    if heading is None and looks_like_html_digest(text):
        return HTML
    if heading or _DIGEST_BLOCK_RE.search(text):
        return MARKDOWN
    # an Org document: "* Title" headings with an arXiv id in their section (before the structural
    # markdown test, which would find its list items but not its headings and drawers)
    if looks_like_org_digest(text):
        return ORG
    # an AsciiDoc page: "=== Title" sections with an arXiv paper in each, attribute entries, "Label:: value"
    if looks_like_adoc_digest(text):
        return ADOC
    # a Sphinx page: underlined section titles, "`ID <https://arxiv.org/abs/ID>`__" links or ":arXiv:" fields
    # (before the structural test: its underlined titles read as setext headings, its fields as text)
    if looks_like_rst_digest(text):
        return RST
    # without paper headings: entries found by structure around arXiv ids (list items, bold
    # title lines, table rows), enough of them to tell a digest from a README that links a paper
    if looks_like_digest(text):
        return MARKDOWN
    return None


def _json_lines_format(text: str) -> str | None:
    """Decide between the two JSON-lines formats from the first line that is a paper object.

    A paper object has an ``id`` and a ``title``; JSON lines of something else (say,
    annotation files) are not a paper format, whatever their name.
    """
    for line in text.split("\n", _JSON_PROBE_LINES)[:_JSON_PROBE_LINES]:
        try:
            obj = decode_line(line)
        except ValueError:
            continue
        if isinstance(obj, dict) and "id" in obj and "title" in obj:
            return SNAPSHOT if is_snapshot_line(obj) else DAILY_JSONL
    # one JSON document (an array of papers, pretty-printed objects): its first paper decides
    for _, obj in document_objects(text) or ():
        if isinstance(obj, dict) and "id" in obj and "title" in obj:
            return SNAPSHOT if is_snapshot_line(obj) else DAILY_JSONL
    return None
