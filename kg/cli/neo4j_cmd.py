"""``kg load``, ``kg export neo4j-import`` and ``kg query``: the Neo4j commands (thin over :mod:`kg.store`).

Connection settings come from ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` /
``NEO4J_DATABASE``; ``--uri``/``--user``/``--database`` override all but the password, which is
never a flag (asked for on a terminal when unset).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS
from kg.errors import KgError

URI = typer.Option(None, "--uri", help="Bolt/neo4j URI (default: $NEO4J_URI or neo4j://localhost:7687).")
USER = typer.Option(None, "--user", help="User (default: $NEO4J_USER or neo4j). The password only comes from $NEO4J_PASSWORD or a prompt.")
DATABASE = typer.Option(None, "--database", help="Database (default: $NEO4J_DATABASE or neo4j).")
NO_EXTRACT = typer.Option(False, "--no-extract", help="Skip method/dataset extraction.")

export_app = typer.Typer(help="Write the graph in formats other tools import.", no_args_is_help=True)
app.add_typer(export_app, name="export")


def _build(inputs: list[str], date: str | None, no_extract: bool) -> Any:
    return options.build(inputs, date, extract=not no_extract)


@app.command("load")
def load_command(
    inputs: list[str] = INPUTS,
    batch_size: int = typer.Option(5000, "--batch-size", min=1, help="Rows per UNWIND batch (one write transaction each; kg.store.neo4j.DEFAULT_BATCH_SIZE)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the statements and batch counts; connect to nothing."),
    uri: str = URI,
    user: str = USER,
    database: str = DATABASE,
    date: str = DATE,
    no_extract: bool = NO_EXTRACT,
) -> None:
    """Load digests into Neo4j 5 (idempotent: loading again, or a later day, never duplicates).

    Example: kg load examples/   (after `docker compose up -d --wait`; see docs/neo4j.md)
    """
    from kg.store.neo4j import describe_plan

    settings = None if dry_run else options.neo4j_settings(uri, user, database)  # before any input is read
    result = _build(inputs, date, no_extract)
    if settings is None:
        print(describe_plan(result.graph, batch_size=batch_size), end="")
        return
    print(options.load_into_neo4j(result.graph, settings, batch_size=batch_size).summary())


@export_app.command("neo4j-import")
def export_neo4j_import_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(..., "--out", "-o", help="Folder for nodes/*.csv, relationships/*.csv and import.sh."),
    database: str = typer.Option("neo4j", "--database", help="Database name in the import command."),
    date: str = DATE,
    no_extract: bool = NO_EXTRACT,
) -> None:
    """Write CSVs for `neo4j-admin database import full` (the bulk path for big corpora) and print the command.

    Example: kg export neo4j-import examples/ --out out/neo4j-import
    """
    from kg.store.csv_bulk import export_neo4j_import

    result = _build(inputs, date, no_extract)
    report = export_neo4j_import(result.graph, out, database=database)
    nodes = ", ".join(f"{k} {v}" for k, v in report.nodes.items())
    rels = ", ".join(f"{k} {v}" for k, v in report.relationships.items())
    print(f"wrote {out}: nodes: {nodes}; relationships: {rels}")
    if report.replaced_delimiters:
        options.warn(f"{report.replaced_delimiters} list element(s) contained ';' (the array delimiter): written with ','")
    print(f"import into a stopped Neo4j with {out / 'import.sh'}:\n{report.command}")


def parse_param(text: str) -> tuple[str, Any]:
    """``key=value`` as ``(key, value)``: numbers, ``true``/``false`` and ``null`` are typed, the rest is text.

    >>> parse_param("limit=10"), parse_param("method=LoRA"), parse_param("until=null")
    (('limit', 10), ('method', 'LoRA'), ('until', None))
    """
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise KgError(f"--param must be key=value, got {text!r}")
    try:
        value = json.loads(raw)
    except ValueError:
        return key.strip(), raw
    # Only scalars are typed; JSON strings/lists stay as typed text ('"a phrase"' keeps its quotes for Lucene).
    return key.strip(), value if value is None or isinstance(value, (bool, int, float)) else raw


def query_params(defaults: dict[str, Any], given: list[str], query_name: str,
                 kinds: dict[str, str] | None = None) -> dict[str, Any]:
    """The header's defaults overridden by ``--param`` values; unknown names are an error.

    Parameters declared as ``author`` are normalised with :func:`kg.authors.author_key` (the
    queries match the indexed key, so any spelling of a name finds the author):

    >>> query_params({"author": "x"}, ["author=Jakub Zadrożny"], "q", {"author": "author"})
    {'author': 'jakub zadrozny'}
    """
    from kg.authors import author_key

    params = dict(defaults)
    for text in given:
        key, value = parse_param(text)
        if key not in defaults:
            declared = ", ".join(defaults) or "none"
            raise KgError(f"query {query_name!r} has no parameter {key!r} (parameters: {declared})")
        params[key] = value
    for key, kind in (kinds or {}).items():
        if kind == "author" and isinstance(params.get(key), str):
            params[key] = author_key(params[key])
    return params


def _cell(value: Any) -> str:
    if isinstance(value, dict) and "_labels" in value:
        name = value.get("name") or value.get("title") or value.get("key") or value.get("arxiv_id") or ""
        return f"({':'.join(value['_labels'])} {name})"
    if isinstance(value, dict) and "_type" in value:
        props = ", ".join(f"{k}: {v}" for k, v in value.items() if k != "_type")
        return f"[{value['_type']}{' {' + props + '}' if props else ''}]"
    if isinstance(value, dict) and "_path" in value:
        return " - ".join(_cell(n) for n in value["_path"])
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return "" if value is None else str(value)


def format_table(columns: list[str], rows: list[list[Any]]) -> str:
    """Rows as an aligned plain-text table (one line per row; newlines in values shown as spaces)."""
    cells = [[_cell(v).replace("\n", " ") for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


@app.command("query")
def query_command(
    name: str = typer.Argument(None, help="Query name: a file of cypher/queries/ without .cypher (see --list)."),
    param: list[str] = typer.Option([], "--param", "-p", help="key=value (repeatable); defaults come from the query's header."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as a JSON list of objects."),
    list_queries: bool = typer.Option(False, "--list", help="List the queries and their parameters."),
    uri: str = URI,
    user: str = USER,
    database: str = DATABASE,
) -> None:
    """Run a query of the cypher/ library against Neo4j and print a table (or JSON).

    Example: kg query method_trend --param method=lora
    """
    from kg.store.cypher_files import load_query, query_files

    if list_queries or not name:
        for q in query_files().values():
            params = ", ".join(f"{k}={json.dumps(v)}" for k, v in q.defaults.items())
            print(f"{q.name}: {q.title}" + (f"  [{params}]" if params else ""))
        return
    from kg.store.neo4j import Neo4jSettings, run_query

    query = load_query(name)
    params = query_params(query.defaults, param, name, query.kinds)
    settings = Neo4jSettings.from_env(uri=uri, user=user, database=database)
    columns, rows = run_query(settings, query.text, params)
    if as_json:
        print(json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=2))
    else:
        print(format_table(columns, rows))
        options.info(f"{len(rows)} row(s)")
