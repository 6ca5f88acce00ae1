"""Load the knowledge graph into Neo4j 5: the only module that talks to a Neo4j server.

Design (see docs/neo4j.md):

* **Pure planning.** :func:`graph_to_rows` turns the networkx graph into parameter rows, one
  list per statement; :func:`plan_load` pairs them with the static statements of
  ``cypher/load/<name>.cypher``. Text from papers only ever travels as parameters.
* **Idempotent, incremental.** Every statement MERGEs on a natural key backed by a uniqueness
  constraint (``cypher/schema.cypher``, applied first). Papers merge with the stored values by
  the rules of :mod:`kg.merge` (first non-empty value, highest version, categories unioned,
  first/last seen min/max), author/method/dataset names come from their paper with the smallest
  arXiv id (as in the networkx graph), aliases are unioned, and the derived CO_AUTHORED/CO_OCCURS
  weights are *recomputed in the database* from AUTHORED/MENTIONS for the pairs of this load's
  papers, SET (never incremented) only when they change, and deleted when they drop to 0. So loading the same input twice
  changes nothing, and loading day N+1 after day N gives the graph of loading both at once.
* **Batched, retried.** Rows go in batches of ``UNWIND $rows`` through ``session.execute_write``,
  which retries transient errors (hence idempotent batches).
* **One-line errors.** Unreachable server, bad credentials, missing database and servers older
  than 5.6 (:data:`MIN_VERSION`) become :class:`kg.errors.KgError` with a message saying what to do.
"""
from __future__ import annotations

import contextlib
import getpass
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.graph import MAX_COAUTHORS
from kg.progress import SILENT, Progress
from kg.store.cypher_files import read_cypher, schema_statements
from kg.store.schema import DERIVED_RELS, NODE_KEYS, REL_ENDPOINTS, SchemaError, node_props, rel_props

__all__ = [
    "NODE_ORDER", "REL_ORDER", "DERIVED_ORDER", "Step", "Neo4jSettings", "LoadReport", "Neo4jLoader",
    "DEFAULT_BATCH_SIZE", "graph_to_rows", "plan_load", "batched", "describe_plan", "load_graph", "load_from_env", "neo4j_errors", "run_query", "plain_value",
]

#: Node statements run first (end points exist before relationships), in this order.
NODE_ORDER: tuple[str, ...] = ("Category", "Digest", "Author", "Paper", "Method", "Dataset", "Repository")
#: Relationship statements, then the derived ones (recomputed from these).
REL_ORDER: tuple[str, ...] = ("AUTHORED", "IN_CATEGORY", "LISTED_IN", "MENTIONS", "PROPOSES", "USES_DATASET", "HAS_CODE")
#: The statements that recompute CO_AUTHORED / CO_OCCURS (kg.store.schema.DERIVED_RELS) for this load's pairs.
DERIVED_ORDER: tuple[str, ...] = ("CO_AUTHORED", "CO_AUTHORED_crowded", "CO_OCCURS")

DEFAULT_URI = "neo4j://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
INDEX_TIMEOUT_SECONDS = 300
#: Rows per UNWIND batch (one write transaction each): each commit costs a log flush and index updates, so a
#: few thousand rows per transaction beat many small ones (bench/bench_load.py measures sizes side by side).
DEFAULT_BATCH_SIZE = 5000
#: The names ``cypher/schema.cypher`` creates (``CREATE CONSTRAINT|[FULLTEXT ]INDEX <name> IF NOT EXISTS``).
_SCHEMA_NAME = re.compile(r"CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS", re.I)


# --------------------------------------------------------------------------- planning (pure)

def _node_row(label: str, attrs: Mapping[str, Any], first_paper: Mapping[tuple[str, str], str]) -> dict[str, Any]:
    props = node_props(label, attrs)
    row: dict[str, Any] = {"key": attrs[NODE_KEYS[label]]}
    if label == "Paper":
        row["date_precision"] = props.pop("date_precision", "day")
        row["categories"] = props.pop("categories", [])
        for name in ("first_seen", "last_seen"):
            if name in props:  # absent, not None: a null parameter would read as "no date" anyway
                row[name] = props.pop(name)
    elif label in ("Method", "Dataset"):
        row["aliases"] = props.pop("aliases", [])
    if (label, row["key"]) in first_paper:
        row["first_paper"] = first_paper[label, row["key"]]
    row["props"] = props
    return row


def _key_of(G: nx.MultiDiGraph, node: str, expected_label: str, rel_type: str) -> str:
    attrs = G.nodes[node]
    if attrs.get("label") != expected_label:
        raise SchemaError(f"{rel_type} edge end {node!r} is a {attrs.get('label')!r} node, expected {expected_label}")
    return attrs[NODE_KEYS[expected_label]]


def _group(rows: Iterable[Mapping[str, Any]], *, by: str, value: str) -> dict[str, list[str]]:
    """``{row[by]: [row[value], ...]}`` in row order (e.g. each paper's author keys)."""
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(r[by], []).append(r[value])
    return groups


def _pairs(groups: Iterable[Sequence[str]]) -> list[dict[str, str]]:
    """Every pair ``{a, b}`` (``a < b``) within each group, each pair once, sorted."""
    pairs = {pair for keys in groups for pair in combinations(sorted(set(keys)), 2)}
    return [{"a": a, "b": b} for a, b in sorted(pairs)]


def graph_to_rows(G: nx.MultiDiGraph, *, max_coauthors: int = MAX_COAUTHORS) -> dict[str, list[dict[str, Any]]]:
    """The parameter rows of every load statement, by statement name (``cypher/load/<name>.cypher``).

    Node statements get ``{key, props}`` (Paper adds ``categories``, ``first_seen``/``last_seen``/
    ``date_precision``; Method/Dataset add ``aliases``; Author/Method/Dataset add ``first_paper``, the
    smallest arXiv id among its papers in this load, which decides the display name); relationship
    statements get ``{start, end, props}`` (end points by their key). The derived statements get the
    pairs to recompute, driven by this load's papers: CO_AUTHORED ``{a, b}`` for every two authors of
    a paper with at most ``max_coauthors`` authors, CO_OCCURS ``{a, b}`` for every two methods one
    paper mentions (``a < b``, each pair once), and CO_AUTHORED_crowded ``{paper}`` for every paper
    (the database skips all but those whose stored author count now exceeds the limit). Property
    values are only str, int, bool, ``datetime.date`` and lists of str (see :mod:`kg.store.schema`).
    Node and relationship rows keep graph order.

    Args:
        G: a graph from :func:`kg.graph.build_graph`.
        max_coauthors: papers with more authors make no CO_AUTHORED pairs (as in :mod:`kg.graph`).

    Returns:
        ``{statement name: rows}`` for every statement of :data:`NODE_ORDER`, :data:`REL_ORDER`
        and :data:`DERIVED_ORDER` (empty lists included).

    Raises:
        SchemaError: a node label, relationship type or property the schema does not declare.
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (*NODE_ORDER, *REL_ORDER, *DERIVED_ORDER)}
    for u, v, rel_type, attrs in G.edges(keys=True, data=True):
        if rel_type not in REL_ENDPOINTS:
            raise SchemaError(f"relationship type {rel_type!r} is not in the Neo4j schema (kg/store/schema.py)")
        if rel_type in DERIVED_RELS:
            continue  # recomputed in the database from AUTHORED / MENTIONS
        start, end = REL_ENDPOINTS[rel_type]
        rows[rel_type].append({
            "start": _key_of(G, u, start, rel_type), "end": _key_of(G, v, end, rel_type),
            "props": rel_props(rel_type, attrs),
        })
    # The smallest arXiv id among each author's / method's / dataset's papers: its spelling names the node.
    first_paper: dict[tuple[str, str], str] = {}
    for label, rel_type, end in (("Author", "AUTHORED", "start"), ("Method", "MENTIONS", "end"), ("Dataset", "USES_DATASET", "end")):
        for r in rows[rel_type]:
            key, paper = r[end], r["end" if end == "start" else "start"]
            if (label, key) not in first_paper or paper < first_paper[label, key]:
                first_paper[label, key] = paper
    for _, attrs in G.nodes(data=True):
        label = attrs.get("label", "")
        if label not in NODE_KEYS:
            raise SchemaError(f"node label {label!r} is not in the Neo4j schema (kg/store/schema.py)")
        rows[label].append(_node_row(label, attrs, first_paper))
    authors = _group(rows["AUTHORED"], by="end", value="start")
    rows["CO_AUTHORED"] = _pairs(a for a in authors.values() if len(a) <= max_coauthors)
    rows["CO_AUTHORED_crowded"] = [{"paper": p} for p in authors]
    rows["CO_OCCURS"] = _pairs(_group(rows["MENTIONS"], by="start", value="end").values())
    return rows


@dataclass(frozen=True, slots=True)
class Step:
    """One load statement with all its rows (sent in batches) and its other parameters."""

    name: str
    text: str
    rows: list[dict[str, Any]]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def derived(self) -> bool:
        """True for CO_AUTHORED/CO_OCCURS: rows are keys to recompute, not one row per write."""
        return self.name in DERIVED_ORDER

    def params(self, batch: list[dict[str, Any]]) -> dict[str, Any]:
        """The parameters of one batch: ``{"rows": batch, **extra}``."""
        return {"rows": batch, **self.extra}


def plan_load(G: nx.MultiDiGraph, *, max_coauthors: int = MAX_COAUTHORS) -> list[Step]:
    """The load statements in order (nodes, relationships, derived), each with its rows.

    Args:
        G: the graph to load.
        max_coauthors: papers with more authors make no CO_AUTHORED pairs (as in :mod:`kg.graph`).
    """
    rows = graph_to_rows(G, max_coauthors=max_coauthors)
    return [
        Step(name, read_cypher(f"load/{name}.cypher"), rows[name],
             {"max_authors": max_coauthors} if name.startswith("CO_AUTHORED") else {})
        for name in (*NODE_ORDER, *REL_ORDER, *DERIVED_ORDER)
    ]


def batched(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most ``size`` items (the last one may be shorter; none is empty).

    >>> [len(b) for b in batched(range(5), 2)]
    [2, 2, 1]
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _n_batches(n_rows: int, size: int) -> int:
    return -(-n_rows // size)


def describe_plan(G: nx.MultiDiGraph, *, batch_size: int = DEFAULT_BATCH_SIZE, max_coauthors: int = MAX_COAUTHORS) -> str:
    """What ``kg load --dry-run`` prints: every statement that would be sent, with row and batch counts.

    Connects to nothing. The server check and schema statements come first, then each load
    statement's header line ``// <name>: <rows> rows in <batches> batches of <= <batch_size>``
    and its text.
    """
    if batch_size < 1:
        raise KgError(f"--batch-size must be at least 1, got {batch_size}")
    out = ["// server check (cypher/checks/server_version.cypher)", read_cypher("checks/server_version.cypher").rstrip()]
    out.append(f"\n// schema: {len(schema_statements())} statements (cypher/schema.cypher), then wait for the indexes")
    out += [f"{s};" for s in schema_statements()]
    out.append(read_cypher("checks/await_indexes.cypher").rstrip() + f"  // $timeout_seconds = {INDEX_TIMEOUT_SECONDS}")
    total_rows = total_batches = 0
    for step in plan_load(G, max_coauthors=max_coauthors):
        n = _n_batches(len(step.rows), batch_size)
        total_rows += len(step.rows)
        total_batches += n
        extra = "".join(f", ${k} = {v!r}" for k, v in step.extra.items())
        out.append(f"\n// {step.name}: {len(step.rows)} rows in {n} batches of <= {batch_size}{extra}")
        out.append(step.text.rstrip())
    out.append(f"\n// total: {total_rows} rows in {total_batches} batches")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- settings

@dataclass(frozen=True, slots=True)
class Neo4jSettings:
    """Where and as whom to connect. The password never appears in ``repr``."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(
        cls,
        *,
        uri: str | None = None,
        user: str | None = None,
        database: str | None = None,
        environ: Mapping[str, str] | None = None,
        ask_password: Callable[[str], str] | None = None,
    ) -> Neo4jSettings:
        """Settings from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``.

        Args:
            uri, user, database: override the environment (command-line flags). There is
                deliberately no password argument: a password on a command line leaks into
                shell history and ``ps``.
            environ: the environment (``os.environ`` when ``None``).
            ask_password: called with a prompt when ``NEO4J_PASSWORD`` is unset; ``None`` uses
                :func:`getpass.getpass` when stdin is a terminal and fails otherwise.

        Raises:
            KgError: no password in the environment and no way to ask for one.
        """
        env = os.environ if environ is None else environ
        settings = cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USER") or DEFAULT_USER,
            database=database or env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        )
        password = env.get("NEO4J_PASSWORD", "")
        if not password:
            if ask_password is None and sys.stdin is not None and sys.stdin.isatty():
                ask_password = getpass.getpass
            if ask_password is None:
                raise KgError("NEO4J_PASSWORD is not set (put it in the environment or .env; "
                              "it is never taken from the command line)")
            password = ask_password(f"Neo4j password for {settings.user} at {settings.uri}: ")
        return cls(settings.uri, settings.user, password, settings.database)


# --------------------------------------------------------------------------- errors

_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"


def _first_line(text: object, limit: int = 240) -> str:
    """The driver's (often multi-line) message as one line, shortened."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


@contextlib.contextmanager
def neo4j_errors(settings: Neo4jSettings) -> Iterator[None]:
    """Turn the driver's exceptions into one-line :class:`KgError` messages saying what to do."""
    from neo4j.exceptions import (AuthError, ClientError, ConfigurationError, DriverError, Neo4jError,
                                  ServiceUnavailable)

    where = f"Neo4j at {settings.uri}"
    try:
        yield
    except AuthError as exc:
        raise KgError(f"{where} rejected user {settings.user!r}: check NEO4J_USER and NEO4J_PASSWORD "
                      f"({_first_line(getattr(exc, 'message', exc))})") from exc
    except ServiceUnavailable as exc:
        raise KgError(f"cannot reach {where}: is the server running? (docker compose up -d --wait); "
                      f"{_first_line(exc)}") from exc
    except ClientError as exc:
        if exc.code == _DATABASE_NOT_FOUND:
            raise KgError(f"database {settings.database!r} does not exist on {where}: create it or set "
                          f"NEO4J_DATABASE / --database (Community edition has only 'neo4j')") from exc
        raise KgError(f"{where} refused a statement: {exc.code}: {_first_line(exc.message)}") from exc
    except ConfigurationError as exc:
        raise KgError(f"bad Neo4j settings (NEO4J_URI={settings.uri!r}): {_first_line(exc)}") from exc
    except (Neo4jError, DriverError) as exc:
        code = getattr(exc, "code", None)
        raise KgError(f"{where} failed: {code + ': ' if code else ''}{_first_line(exc)}") from exc


#: The oldest server the statements run on: COLLECT/COUNT subqueries (5.6) in cypher/load and cypher/queries.
MIN_VERSION = (5, 6)


def _check_version(records: Sequence[Mapping[str, Any]], uri: str) -> str:
    """The server version from ``dbms.components()`` rows; refuses servers older than :data:`MIN_VERSION`.

    Calendar versions (2025.01.0, the successors of 5.26) count as newer.
    """
    for rec in records:
        versions = list(rec.get("versions") or [])
        if versions:
            version = str(versions[0])
            parts = re.match(r"(\d+)(?:\.(\d+))?", version)
            number = (int(parts.group(1)), int(parts.group(2) or 0)) if parts else (0, 0)
            if number < MIN_VERSION:
                raise KgError(f"Neo4j at {uri} is version {version}; arxiv-kg needs Neo4j "
                              f"{'.'.join(map(str, MIN_VERSION))} or later")
            return f"{rec.get('name', 'Neo4j')} {version} {rec.get('edition', '')}".strip()
    raise KgError(f"Neo4j at {uri} did not report its version (dbms.components() returned nothing)")


# --------------------------------------------------------------------------- loading (I/O)

@dataclass(slots=True)
class LoadReport:
    """What a load did: rows and batches per statement, the server's counters, problems."""

    server: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    batches: dict[str, int] = field(default_factory=dict)
    written: dict[str, int] = field(default_factory=dict)
    step_seconds: dict[str, float] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def summary(self) -> str:
        """One line for the CLI."""
        rate = self.total_rows / self.seconds if self.seconds else 0.0
        return (f"loaded {self.total_rows:,} rows in {sum(self.batches.values())} batches into {self.server} "
                f"in {self.seconds:.1f} s ({rate:,.0f} rows/s): {self.nodes_created:,} nodes and "
                f"{self.relationships_created:,} relationships created, {self.properties_set:,} properties set")


def _write_batch(tx: Any, text: str, params: dict[str, Any]) -> tuple[int, Any]:
    # A managed-transaction function: execute_write may call it again after a transient error,
    # which is safe because every statement is MERGE/SET on natural keys.
    result = tx.run(text, params)
    record = result.single()
    summary = result.consume()
    return (int(record["written"]) if record is not None else 0), summary.counters


def _run_schema(tx: Any, text: str, params: dict[str, Any]) -> None:
    tx.run(text, params).consume()


def _online_index_names(tx: Any) -> list[str]:
    # Constraints are listed here too, by their name, through the index that backs each of them.
    return [r["name"] for r in tx.run("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")]


def _default_driver_factory(uri: str, auth: tuple[str, str]) -> Any:
    from neo4j import GraphDatabase

    return GraphDatabase.driver(uri, auth=auth)


class Neo4jLoader:
    """Loads graphs into one Neo4j database. The constructor does no I/O; the driver opens on first use.

    Use as a context manager (or call :meth:`close`)::

        with Neo4jLoader(Neo4jSettings.from_env()) as loader:
            report = loader.load(G)

    Args:
        settings: connection settings.
        batch_size: rows per ``UNWIND`` batch (one write transaction each).
        progress: progress reporter (rows/s per statement).
        driver_factory: ``(uri, auth) -> driver``; tests pass a double.
    """

    def __init__(
        self,
        settings: Neo4jSettings,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Progress = SILENT,
        driver_factory: Callable[[str, tuple[str, str]], Any] | None = None,
    ) -> None:
        if batch_size < 1:
            raise KgError(f"--batch-size must be at least 1, got {batch_size}")
        self.settings = settings
        self.batch_size = batch_size
        self.progress = progress
        self._driver_factory = driver_factory or _default_driver_factory
        self._driver: Any = None

    def __enter__(self) -> Neo4jLoader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the driver if it was opened."""
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def _session(self) -> Any:
        if self._driver is None:
            with neo4j_errors(self.settings):
                driver = self._driver_factory(self.settings.uri, (self.settings.user, self.settings.password))
                try:
                    driver.verify_connectivity()  # fails fast; execute_* would retry an unreachable server for 30 s
                except BaseException:
                    driver.close()
                    raise
            self._driver = driver
        return self._driver.session(database=self.settings.database)

    def server_version(self) -> str:
        """``"Neo4j Kernel 5.26.0 community"``; raises :class:`KgError` below 5.6 or when unreachable."""
        with neo4j_errors(self.settings), self._session() as session:
            # auto-commit, not execute_read: a missing database must fail now, not after retries
            records = [dict(r) for r in session.run(read_cypher("checks/server_version.cypher"))]
        return _check_version(records, self.settings.uri)

    def apply_schema(self) -> bool:
        """Create the constraints and indexes of ``cypher/schema.cypher`` and wait until they are online.

        One read first: when every one of them exists and is online (every load after the first), nothing is
        sent, which saves a transaction per schema statement on each daily load.

        Returns:
            True when statements were sent, False when the schema was already in place.
        """
        statements = schema_statements()
        wanted = {m.group(1) for s in statements if (m := _SCHEMA_NAME.search(s))}
        with neo4j_errors(self.settings), self._session() as session:
            online = set(session.execute_read(_online_index_names))
            if len(wanted) == len(statements) and wanted <= online:
                return False
            for statement in statements:
                session.execute_write(_run_schema, statement, {})
            session.execute_write(_run_schema, read_cypher("checks/await_indexes.cypher"),
                                  {"timeout_seconds": INDEX_TIMEOUT_SECONDS})
        return True

    def load(self, G: nx.MultiDiGraph, *, max_coauthors: int = MAX_COAUTHORS) -> LoadReport:
        """Check the server, apply the schema, then send every statement of :func:`plan_load` in batches.

        Returns:
            A :class:`LoadReport`; ``problems`` lists relationship rows whose end nodes were
            missing (never expected: the nodes are loaded first from the same graph).

        Raises:
            KgError: server unreachable, bad credentials, missing database, server older than 5.6,
                or a statement the server refused.
        """
        plan = plan_load(G, max_coauthors=max_coauthors)  # before connecting: schema errors need no server
        start = time.perf_counter()
        report = LoadReport(server=self.server_version())
        self.apply_schema()
        with neo4j_errors(self.settings), self._session() as session:
            for step in plan:
                self._run_step(session, step, report)
        report.seconds = time.perf_counter() - start
        return report

    def _run_step(self, session: Any, step: Step, report: LoadReport) -> None:
        report.rows[step.name] = len(step.rows)
        report.batches[step.name] = 0
        report.written[step.name] = 0
        if not step.rows:  # nothing to write: no transaction (on a daily load several statements have no rows)
            return
        started = time.perf_counter()
        tracked = self.progress.track(step.rows, total=len(step.rows), description=f"Neo4j {step.name}", unit="rows")
        for batch in batched(tracked, self.batch_size):
            written, counters = session.execute_write(_write_batch, step.text, step.params(batch))
            report.batches[step.name] += 1
            report.written[step.name] += written
            report.nodes_created += counters.nodes_created
            report.relationships_created += counters.relationships_created
            report.properties_set += counters.properties_set
        report.step_seconds[step.name] = time.perf_counter() - started
        if not step.derived and report.written[step.name] != len(step.rows):
            report.problems.append(f"{step.name}: {len(step.rows) - report.written[step.name]} of "
                                   f"{len(step.rows)} rows not written (end node missing)")


def load_graph(
    G: nx.MultiDiGraph,
    *,
    uri: str = DEFAULT_URI,
    user: str = DEFAULT_USER,
    password: str,
    database: str = DEFAULT_DATABASE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress = SILENT,
    driver_factory: Callable[[str, tuple[str, str]], Any] | None = None,
) -> LoadReport:
    """Load ``G`` into Neo4j (schema first, then batched MERGEs); see :class:`Neo4jLoader`.

    For the environment's settings: ``Neo4jLoader(Neo4jSettings.from_env()).load(G)``.
    """
    with Neo4jLoader(Neo4jSettings(uri, user, password, database), batch_size=batch_size,
                     progress=progress, driver_factory=driver_factory) as loader:
        return loader.load(G)


def plain_value(value: Any) -> Any:
    """A driver value as plain JSON-ready Python: temporal values as ISO strings, nodes as
    ``{"_labels": [...], **props}``, relationships as ``{"_type": ..., **props}``, paths as
    ``{"_path": [node, ...]}`` (nodes in order), lists and maps converted recursively.
    """
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"_path": [plain_value(n) for n in value.nodes]}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Duration
        return value.iso_format()
    return value


def _read_rows(tx: Any, text: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(text, params)
    keys = list(result.keys())
    return keys, [[plain_value(v) for v in record.values()] for record in result]


def run_query(
    settings: Neo4jSettings,
    text: str,
    params: Mapping[str, Any],
    *,
    driver_factory: Callable[[str, tuple[str, str]], Any] | None = None,
) -> tuple[list[str], list[list[Any]]]:
    """Run one read query; return ``(column names, rows)`` with values made plain by :func:`plain_value`.

    Raises:
        KgError: as :meth:`Neo4jLoader.load`, or when the server rejects the query.
    """
    with Neo4jLoader(settings, driver_factory=driver_factory) as loader:
        with neo4j_errors(settings), loader._session() as session:
            return session.execute_read(_read_rows, text, dict(params))


def load_from_env(
    G: nx.MultiDiGraph,
    *,
    uri: str | None = None,
    user: str | None = None,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress = SILENT,
) -> LoadReport:
    """Load ``G`` with the settings of :meth:`Neo4jSettings.from_env` (``kg load``, ``kg build --neo4j``).

    Args:
        uri, user, database: override ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_DATABASE``.

    Raises:
        KgError: see :meth:`Neo4jLoader.load`; also when no password is available.
    """
    settings = Neo4jSettings.from_env(uri=uri, user=user, database=database)
    with Neo4jLoader(settings, batch_size=batch_size, progress=progress) as loader:
        return loader.load(G)
