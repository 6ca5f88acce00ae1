"""Where the ``.cypher`` files are, and how they are read.

The canonical files live in ``cypher/`` at the repository root (users open them in the
Neo4j Browser; the loader sends ``cypher/load/*.cypher`` and ``cypher/schema.cypher``).
The code finds that folder in this order:

1. ``$KG_CYPHER_DIR`` when set (a user's own copy of the library);
2. ``<repo>/cypher`` next to the ``kg`` package: a checkout or an editable install;
3. ``kg/cypher`` inside the installed package, for a wheel whose build copies ``cypher/``
   there (package data; see docs/neo4j.md).

Files are read as UTF-8 and cached: they are static text, never built from data.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError

__all__ = [
    "cypher_dir", "read_cypher", "split_statements", "schema_statements", "QueryFile", "query_files",
    "load_query",
]

_PACKAGE = Path(__file__).resolve().parent.parent  # .../kg


def cypher_dir() -> Path:
    """The folder holding ``schema.cypher``, ``load/``, ``checks/`` and ``queries/``.

    Raises:
        KgError: when none of the places in the module docstring has a ``schema.cypher``.
    """
    candidates = [Path(p) for p in [os.environ.get("KG_CYPHER_DIR", "")] if p]
    candidates += [_PACKAGE.parent / "cypher", _PACKAGE / "cypher"]
    for path in candidates:
        if (path / "schema.cypher").is_file():
            return path
    raise KgError(f"cypher/ folder not found (looked in {', '.join(map(str, candidates))}); set KG_CYPHER_DIR")


@functools.cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def read_cypher(relative: str) -> str:
    """The text of ``cypher/<relative>`` (e.g. ``"load/Paper.cypher"``)."""
    path = cypher_dir() / relative
    if not path.is_file():
        raise KgError(f"missing Cypher file {path}")
    return _read(path)


def _strip_comment(line: str) -> str:
    # Our files only use whole-line // comments; a // inside a string literal must survive.
    return "" if line.lstrip().startswith("//") else line


def split_statements(text: str) -> list[str]:
    """Split a multi-statement file on ``;`` at the end of a line, dropping ``//`` comment lines.

    >>> split_statements("// c\\nRETURN 1;\\n\\nRETURN 2;\\n")
    ['RETURN 1', 'RETURN 2']
    """
    statements, current = [], []
    for line in text.splitlines():
        code = _strip_comment(line).rstrip()
        if not code:
            continue
        if code.endswith(";"):
            current.append(code[:-1])
            statements.append("\n".join(current).strip())
            current = []
        else:
            current.append(code)
    if "".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


def schema_statements() -> list[str]:
    """The statements of ``cypher/schema.cypher``, in order."""
    return split_statements(read_cypher("schema.cypher"))


@dataclass(frozen=True, slots=True)
class QueryFile:
    """A query of the library: ``cypher/queries/<name>.cypher`` and what its header declares.

    The header is the leading ``//`` comment block::

        // Most mentioned methods: ...
        // Parameters:
        //   $limit (int, default 25): rows to return
        // Example:
        //   :params {limit: 25}

    ``title`` is the header's first paragraph (the lines before ``Parameters:``) as one line;
    ``defaults`` maps each declared parameter to its default (``None`` for ``null``);
    ``kinds`` to its declared type (``string``, ``int``, ``boolean``, ``author``: an author's name,
    which ``kg query`` normalises with :func:`kg.authors.author_key` since the query matches the key);
    ``example`` is the ``:params`` map of the example line, parsed.
    """

    name: str
    path: Path
    text: str
    title: str
    defaults: dict[str, Any] = field(default_factory=dict)
    example: dict[str, Any] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


_PARAM_LINE = re.compile(r"^//\s+\$(\w+)\s+\((\w+)(?:,\s*default\s+(.*?))?\)\s*:")
_PARAMS_EXAMPLE = re.compile(r"^//\s+:params\s+(\{.*\})\s*$")


def _parse_value(text: str) -> Any:
    """A Cypher literal of a header (``25``, ``'lora'``, ``null``, ``true``, ``2.5``) as Python."""
    text = text.strip()
    if text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    try:
        return int(text)
    except ValueError:
        return float(text)


def _parse_map(text: str) -> dict[str, Any]:
    """A flat Cypher map literal ``{a: 1, b: 'x, y'}`` (the ``:params`` example line) as a dict."""
    pairs = re.findall(r"(\w+)\s*:\s*('(?:[^']*)'|\"(?:[^\"]*)\"|[^,}]+)", text.strip()[1:-1])
    return {k: _parse_value(v) for k, v in pairs}


def parse_query(name: str, path: Path, text: str) -> QueryFile:
    """Parse the header of a library query (see :class:`QueryFile`).

    Raises:
        KgError: the file has no header title line.
    """
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line)
    if not header or not header[0].strip("/ "):
        raise KgError(f"{path}: a library query starts with a '// what it answers' header line")
    defaults: dict[str, Any] = {}
    kinds: dict[str, str] = {}
    example: dict[str, Any] = {}
    for line in header:
        if m := _PARAM_LINE.match(line):
            defaults[m.group(1)] = _parse_value(m.group(3)) if m.group(3) is not None else None
            kinds[m.group(1)] = m.group(2)
        elif m := _PARAMS_EXAMPLE.match(line):
            example = _parse_map(m.group(1))
    description = []  # the first paragraph: header lines up to "Parameters:"
    for line in header:
        body = line[2:].strip()
        if not body or body.startswith(("Parameters:", "Example:")):
            break
        description.append(body)
    return QueryFile(name, path, text, " ".join(description), defaults, example, kinds)


def query_files() -> dict[str, QueryFile]:
    """Every query of ``cypher/queries/``, by name (the file name without ``.cypher``), sorted."""
    folder = cypher_dir() / "queries"
    return {p.stem: parse_query(p.stem, p, _read(p)) for p in sorted(folder.glob("*.cypher"))}


def load_query(name: str) -> QueryFile:
    """The library query ``name``.

    Raises:
        KgError: no such query (the message lists the available names).
    """
    queries = query_files()
    if name not in queries:
        raise KgError(f"no query {name!r} in {cypher_dir() / 'queries'}; available: {', '.join(queries)}")
    return queries[name]
