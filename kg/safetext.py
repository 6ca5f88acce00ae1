"""Text from papers is data: one place that makes it safe for each place it is written.

Every writer that puts paper-derived text somewhere with its own syntax calls one of these,
instead of escaping on its own:

* :func:`xml_text` for XML (GraphML, GEXF): characters XML 1.0 forbids are replaced;
* :func:`csv_cell` for CSV files people open in a spreadsheet (exports, trends.csv): a cell
  starting with ``= + - @`` (or a tab/CR) would run as a formula, so it gets a leading ``'``;
  the neo4j-admin import CSVs keep exact values and do not use it;
* :func:`terminal_text` for anything printed to a terminal (file names, titles in warnings):
  control characters and escape sequences are shown as ``\\x1b``-style escapes;
* :func:`markdown_text` for markdown/HTML reports: ``<>&`` and markdown punctuation escaped.
"""
from __future__ import annotations

import html
import re

__all__ = ["XML_FORBIDDEN", "csv_cell", "markdown_text", "terminal_text", "xml_text"]

#: Characters not allowed in XML 1.0 documents (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def xml_text(value: str, replacement: str = "\ufffd") -> tuple[str, int]:
    """``(text, n)``: ``value`` with the ``n`` characters XML 1.0 forbids replaced.

    >>> xml_text("a\\x00b\\x1bc")
    ('a\\ufffdb\\ufffdc', 2)
    >>> xml_text("tab\\tand newline\\n stay")
    ('tab\\tand newline\\n stay', 0)
    """
    return XML_FORBIDDEN.subn(replacement, value)


def csv_cell(value: object) -> object:
    """A value safe to put in a CSV cell a spreadsheet will open: formulas are neutralised.

    Non-strings pass through; numbers stay numbers.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-1 dB"), csv_cell("LoRA"), csv_cell(-3)
    ('\\'=HYPERLINK("http://x")', "'-1 dB", 'LoRA', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def terminal_text(value: object) -> str:
    """``value`` as text that cannot move the cursor, retitle or clear a terminal.

    >>> terminal_text("digests/\\x1b]0;owned\\x07x.md")
    'digests/\\\\x1b]0;owned\\\\x07x.md'
    """
    return _TERMINAL_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))


def markdown_text(value: object) -> str:
    """``value`` as literal text in markdown (and the HTML a markdown viewer makes of it).

    >>> markdown_text("</script><script>alert(1)</script> *bold* | pipe")
    '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\\\*bold\\\\* \\\\| pipe'
    """
    text = " ".join(str(value).split())  # a newline would end a table row
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
