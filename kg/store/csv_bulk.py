"""CSV files for ``neo4j-admin database import full``: the bulk path for big corpora.

Layout of the output folder::

    nodes/<Label>.csv          header line + one row per node
    relationships/<TYPE>.csv   header line + one row per relationship
    import.sh                  the exact neo4j-admin command for these files

Headers follow the neo4j-admin import format: the key column is ``<key>:ID(<Label>)`` (one ID
space per label, so a Paper and an Author may share a key text), other columns ``name:type``
with the types of :mod:`kg.store.schema` (``first_seen:date``, ``weight:long``,
``primary:boolean``, ``aliases:string[]``), and ``:LABEL`` / ``:START_ID(<Label>)``,
``:END_ID(<Label>)``, ``:TYPE``. Integers are ``long`` (64-bit), the type the Python driver sends.

Values: the properties are exactly those the transactional loader stores
(:func:`kg.store.schema.node_props` / ``rel_props``); an absent value is an empty unquoted
field (neo4j-admin then sets no property). Fields are quoted when needed (RFC 4180: embedded
quotes doubled); titles and abstracts may hold newlines, hence ``--multiline-fields=true``.

Arrays are joined with :data:`ARRAY_DELIMITER` (``;``). neo4j-admin has no escape for the
array delimiter, so a ``;`` *inside* an array element is written as ``,`` (the one difference
from a transactional load; counted in :attr:`ExportReport.replaced_delimiters`). Non-array
strings keep their ``;``.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import re
import shlex
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph import gc_paused, keyed_edges
from kg.store.schema import NODE_KEYS, NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES, SchemaError, node_props, rel_props

__all__ = ["ARRAY_DELIMITER", "ExportReport", "export_neo4j_import", "import_command", "read_import_dir", "ImportedGraph"]

ARRAY_DELIMITER = ";"
_ELEMENT_REPLACEMENT = ","


@dataclass(slots=True)
class ExportReport:
    """What :func:`export_neo4j_import` wrote."""

    out_dir: Path
    node_files: dict[str, Path] = field(default_factory=dict)
    relationship_files: dict[str, Path] = field(default_factory=dict)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    replaced_delimiters: int = 0
    command: str = ""


def _node_header(label: str) -> list[str]:
    key = NODE_KEYS[label]
    cols = [f"{key}:ID({label})"]
    cols += [f"{name}:{kind}" for name, kind in NODE_PROPERTIES[label].items() if name != key]
    return [*cols, ":LABEL"]


def _rel_header(rel_type: str) -> list[str]:
    start, end = REL_ENDPOINTS[rel_type]
    cols = [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
    return cols + [f"{name}:{kind}" for name, kind in REL_PROPERTIES[rel_type].items()]


class _Encoder:
    """Turns property values into CSV fields, counting array elements that had to change."""

    def __init__(self) -> None:
        self.replaced = 0

    def field(self, kind: str, value: Any) -> str | None:
        if value is None:
            return None  # csv writes an empty, unquoted field: neo4j-admin stores no property
        if kind == "string[]":
            return ARRAY_DELIMITER.join(self._element(v) for v in value)
        if kind == "boolean":
            return "true" if value else "false"
        if kind == "date":
            return value.isoformat()
        return str(value)

    def _element(self, text: str) -> str:
        if ARRAY_DELIMITER in text:
            self.replaced += 1
            return text.replace(ARRAY_DELIMITER, _ELEMENT_REPLACEMENT)
        return text


# The exact Python type each kind of value has in kg's graph. A value of another type is sent
# through kg.store.schema's checks, which accept what they accept and explain what they refuse.
_EXACT = {"string": str, "long": int, "boolean": bool, "date": dt.date, "string[]": list}


class _Table:
    """The rows of one label or relationship type: columns and checks worked out once, not per row.

    ``fields(attrs)`` gives the property fields in header order, exactly as
    ``[enc.field(kind, props.get(name)) ...]`` over ``node_props``/``rel_props`` would: a row whose
    attributes are the usual ones with the usual types is built directly; anything else goes
    through the schema functions (which raise :class:`SchemaError` with the reason).
    """

    def __init__(self, owner: str, declared: Mapping[str, str], skip: str, props: Callable[[str, Any], dict], enc: _Encoder,
                 columns: Iterable[str]) -> None:
        self.owner, self.props, self.enc = owner, props, enc
        self.columns = [(name, declared[name]) for name in columns]
        self.allowed = frozenset(declared) | {skip}
        self._cache: dict[tuple[Any, ...], tuple[list[str | None], int]] = {}

    def fields(self, attrs: Mapping[str, Any]) -> list[str | None]:
        if attrs.keys() <= self.allowed:
            row = self._fast(attrs)
            if row is not None:
                return row
        props = self.props(self.owner, attrs)  # raises on what the schema refuses
        return [self.enc.field(kind, props.get(name)) for name, kind in self.columns]

    def _fast(self, attrs: Mapping[str, Any]) -> list[str | None] | None:
        row: list[str | None] = []
        enc = self.enc
        for name, kind in self.columns:
            value = attrs.get(name)
            if value is None or value == "" or value == [] or value == ():
                row.append(None)
            elif type(value) is not _EXACT[kind] or (kind == "string[]" and not all(type(v) is str for v in value)):
                return None
            else:
                row.append(enc.field(kind, value))
        return row

    def cached_fields(self, attrs: Mapping[str, Any]) -> list[str | None]:
        """``fields`` remembered per (attributes, types): relationships come in a few shapes."""
        try:
            shape = (*attrs.items(), *map(type, attrs.values()))
            hit = self._cache.get(shape)
        except TypeError:  # a list value: made each time
            return self.fields(attrs)
        if hit is None:
            before = self.enc.replaced
            hit = (self.fields(attrs), self.enc.replaced - before)
            if len(self._cache) < 1 << 16:
                self._cache[shape] = hit
        else:
            self.enc.replaced += hit[1]
        return hit[0]


def _writer(path: Path) -> tuple[Any, Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("w", encoding="utf-8", newline="")
    # QUOTE_MINIMAL: None stays an empty unquoted field (= no property); "\n" as line end, which
    # neo4j-admin accepts, keeps the files identical across platforms.
    return handle, csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def _open_tables(
    files: contextlib.ExitStack, folder: Path, names: Iterable[str], header: Callable[[str], list[str]], paths: dict[str, Path]
) -> dict[str, Any]:
    """Open ``<folder>/<name>.csv`` for each name with its header row written; closed with ``files``.

    Records each file in ``paths``; returns the CSV writers by name.
    """
    writers = {}
    for name in names:
        path = folder / f"{name}.csv"
        handle, writers[name] = _writer(path)
        files.enter_context(handle)
        writers[name].writerow(header(name))
        paths[name] = path
    return writers


def export_neo4j_import(G: nx.MultiDiGraph, out_dir: str | Path, *, database: str = "neo4j") -> ExportReport:
    """Write ``G`` as neo4j-admin import CSVs (one file per label and relationship type) plus ``import.sh``.

    Every label and relationship type of the schema gets a file, empty ones included, so the
    import command is the same for every corpus.

    Args:
        G: a graph from :func:`kg.graph.build_graph`.
        out_dir: the folder to write (created; existing files of the same names are overwritten).
        database: the database name in the import command.

    Returns:
        An :class:`ExportReport` with per-file counts and the import command.

    Raises:
        SchemaError: a label, type or property that :mod:`kg.store.schema` does not declare.
    """
    out = Path(out_dir)
    report = ExportReport(out_dir=out)
    enc = _Encoder()
    node_tables = {label: _Table(label, NODE_PROPERTIES[label], "label", node_props, enc,
                                 [key, *(name for name in NODE_PROPERTIES[label] if name != key)])
                   for label, key in NODE_KEYS.items()}
    rel_tables = {rel: _Table(rel, REL_PROPERTIES[rel], "type", rel_props, enc, REL_PROPERTIES[rel]) for rel in REL_ENDPOINTS}
    with contextlib.ExitStack() as files, gc_paused():
        node_writers = _open_tables(files, out / "nodes", NODE_KEYS, _node_header, report.node_files)
        rel_writers = _open_tables(files, out / "relationships", REL_ENDPOINTS, _rel_header, report.relationship_files)
        report.nodes = dict.fromkeys(NODE_KEYS, 0)
        report.relationships = dict.fromkeys(REL_ENDPOINTS, 0)
        ends: dict[Any, tuple[str, Any]] = {}  # node id -> (label, key value): relationship ends, looked up once
        for n, attrs in G.nodes(data=True):
            label = attrs.get("label", "")
            if label not in NODE_KEYS:
                raise SchemaError(f"node label {label!r} is not in the Neo4j schema (kg/store/schema.py)")
            ends[n] = (label, attrs.get(NODE_KEYS[label]))
            node_writers[label].writerow([*node_tables[label].fields(attrs), label])
            report.nodes[label] += 1
        for u, v, rel_type, attrs in keyed_edges(G):
            if rel_type not in REL_ENDPOINTS:
                raise SchemaError(f"relationship type {rel_type!r} is not in the Neo4j schema (kg/store/schema.py)")
            start, end = REL_ENDPOINTS[rel_type]
            (u_label, u_key), (v_label, v_key) = ends[u], ends[v]
            if u_label != start or v_label != end:
                raise SchemaError(f"{rel_type} goes from {start} to {end}, not from {u_label} {u!r} to {v_label} {v!r}")
            rel_writers[rel_type].writerow([u_key, v_key, rel_type, *rel_tables[rel_type].cached_fields(attrs)])
            report.relationships[rel_type] += 1
    report.replaced_delimiters = enc.replaced
    report.command = import_command(report, database=database)
    script = out / "import.sh"
    script.write_text(_SCRIPT.format(arguments=_import_arguments(report, database)), encoding="utf-8")
    script.chmod(0o755)
    return report


def _import_arguments(report: ExportReport, database: str) -> str:
    # ';' must be quoted for the shell; file paths are our own names (no quoting needed).
    # --report-file: neo4j-admin opens import.report in the working directory before importing, which fails
    # in a read-only folder (the docker-compose /import mount): write it to $NEO4J_IMPORT_REPORT or /tmp.
    parts = [f"database import full {shlex.quote(database)}", "--overwrite-destination=true",
             "--report-file=${NEO4J_IMPORT_REPORT:-/tmp/import.report}",
             "--multiline-fields=true", f"--array-delimiter='{ARRAY_DELIMITER}'", "--id-type=string"]
    parts += [f"--nodes={p.relative_to(report.out_dir).as_posix()}" for p in report.node_files.values()]
    parts += [f"--relationships={p.relative_to(report.out_dir).as_posix()}" for p in report.relationship_files.values()]
    return " \\\n  ".join(parts)


def import_command(report: ExportReport, *, database: str = "neo4j", neo4j_admin: str = "neo4j-admin") -> str:
    """The ``neo4j-admin database import full`` command for the files of ``report`` (paths relative to its folder).

    Neo4j 5.19+ wants the database name before the options. ``--overwrite-destination``
    replaces an existing (stopped) database of that name.
    """
    return f"{neo4j_admin} {_import_arguments(report, database)}"


_SCRIPT = """#!/bin/sh
# Import these CSVs into a STOPPED Neo4j 5 (written by `kg export neo4j-import`; see docs/neo4j.md).
# Run from anywhere: the paths are relative to this folder. NEO4J_ADMIN=/path/to/neo4j-admin
# for a local install; with docker compose, see docs/neo4j.md ("Bulk import").
set -eu
cd "$(dirname "$0")"
NEO4J_ADMIN="${{NEO4J_ADMIN:-neo4j-admin}}"
$NEO4J_ADMIN {arguments}
"""


# --------------------------------------------------------------------------- re-reading (verification)

@dataclass(slots=True)
class ImportedGraph:
    """What neo4j-admin would import from a folder, parsed the way it parses it."""

    nodes: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (label, id) -> props
    relationships: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)  # (type, start, end, props)
    problems: list[str] = field(default_factory=list)


def _parse(kind: str, text: str) -> Any:
    if kind == "string[]":
        return text.split(ARRAY_DELIMITER)
    if kind == "boolean":
        return text == "true"  # neo4j-admin: anything else is false
    if kind == "long":
        return int(text)
    if kind == "date":
        return dt.date.fromisoformat(text)
    return text


def _rows(path: Path) -> Iterator[tuple[int, list[str], dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        for row in reader:
            yield reader.line_num, header, dict(zip(header, row, strict=True))


def _typed(cells: Mapping[str, str]) -> dict[str, Any]:
    props = {}
    for col, text in cells.items():
        name, _, kind = col.partition(":")
        if name and text != "" and not kind.startswith(("ID", "START_ID", "END_ID")):
            props[name] = _parse(kind, text)
    return props


_TYPES = {"string", "long", "boolean", "date", "string[]"}
_SPECIAL = re.compile(r"^(\w+:ID\(\w+\)|:START_ID\(\w+\)|:END_ID\(\w+\)|:LABEL|:TYPE)$")


def _header_problems(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    bad = [c for c in header if not _SPECIAL.match(c) and c.partition(":")[2] not in _TYPES]
    dup = {c.partition(":")[0] for c in header if c.partition(":")[0]}
    problems = [f"{path}:1: header column {c!r} is not name:type with a neo4j-admin type" for c in bad]
    if len(dup) != sum(1 for c in header if c.partition(":")[0]):
        problems.append(f"{path}:1: a property name appears twice in the header")
    return problems


def read_import_dir(out_dir: str | Path) -> ImportedGraph:
    """Re-read an export folder as neo4j-admin would, checking what would make the import fail.

    Checks: every header column is ``name:type`` with a known type (or a special column), node
    ids are unique per ID space, each relationship's start and end exist in their ID spaces,
    ``:LABEL``/``:TYPE`` match the file.

    Returns:
        The parsed graph; ``problems`` lists every violation as ``"<file>:<line>: <what>"``.
    """
    out = Path(out_dir)
    result = ImportedGraph()
    for label in NODE_KEYS:
        path = out / "nodes" / f"{label}.csv"
        result.problems += _header_problems(path)
        for line, header, cells in _rows(path):
            id_col = header[0]
            node_key = cells[id_col]
            if (label, node_key) in result.nodes:
                result.problems.append(f"{path}:{line}: duplicate id {node_key!r} in ID space {label}")
            if cells.get(":LABEL") != label:
                result.problems.append(f"{path}:{line}: :LABEL {cells.get(':LABEL')!r} is not {label}")
            props = _typed({k: v for k, v in cells.items() if k != ":LABEL"})
            props[id_col.partition(":")[0]] = node_key
            result.nodes[(label, node_key)] = props
    for rel_type, (start, end) in REL_ENDPOINTS.items():
        path = out / "relationships" / f"{rel_type}.csv"
        result.problems += _header_problems(path)
        for line, _, cells in _rows(path):
            s, e = cells[f":START_ID({start})"], cells[f":END_ID({end})"]
            for space, key in ((start, s), (end, e)):
                if (space, key) not in result.nodes:
                    result.problems.append(f"{path}:{line}: {rel_type} end {key!r} is not a node of ID space {space}")
            if cells[":TYPE"] != rel_type:
                result.problems.append(f"{path}:{line}: :TYPE {cells[':TYPE']!r} is not {rel_type}")
            result.relationships.append((rel_type, s, e, _typed({k: v for k, v in cells.items() if k != ":TYPE"})))
    return result
