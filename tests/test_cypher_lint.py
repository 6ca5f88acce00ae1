"""Every Cypher text the package can send, and every file in cypher/, passes Neo4j's own linter.

The linter is the npm package ``@neo4j-cypher/language-support`` (``lintCypherQuery``), run by
``tests/cypher_lint/lint.mjs`` with a dbSchema declaring our labels, relationship types (with
their end points), property keys and each statement's parameters. Zero errors and zero
warnings are required; a misspelt label, type, property or parameter must fail.

Needs ``node`` and ``npm ci`` at the repository root: skipped locally without them, a failure
when ``CI`` is set (CI installs them).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kg.store.cypher_files import cypher_dir, query_files, read_cypher, schema_statements, split_statements
from kg.store.neo4j import INDEX_TIMEOUT_SECONDS, plan_load
from kg.store.schema import NODE_KEYS, REL_ENDPOINTS, property_keys
from tests.neo4j_sample_graph import sample_graph

ROOT = Path(__file__).resolve().parents[1]
LINT = ROOT / "tests" / "cypher_lint" / "lint.mjs"
PACKAGE = ROOT / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"


def _linter_available() -> None:
    missing = [what for what, ok in (("node", shutil.which("node")), ("npm modules (run `npm ci`)", PACKAGE.is_file()))
               if not ok]
    if missing:
        reason = f"Cypher lint needs {' and '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: CI must install them (.ci/run: npm ci)")
        pytest.skip(reason)


def db_schema() -> dict[str, Any]:
    """The dbSchema of our graph: labels, relationship types with end points, property keys."""
    return {
        "labels": sorted(NODE_KEYS),
        "relationshipTypes": sorted(REL_ENDPOINTS),
        "propertyKeys": property_keys(),
        "graphSchema": [{"from": s, "to": e, "relType": t} for t, (s, e) in REL_ENDPOINTS.items()],
    }


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


def lint(queries: list[dict[str, Any]], schema: dict[str, Any] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Diagnostics per query name (``queries``: ``{name, text, parameters}``)."""
    _linter_available()
    payload = {"schema": db_schema() if schema is None else schema, "queries": _json_safe(queries)}
    proc = subprocess.run(["node", str(LINT)], input=json.dumps(payload), capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return {r["name"]: r["diagnostics"] for r in json.loads(proc.stdout)}


def sent_statements() -> list[dict[str, Any]]:
    """Every statement the package sends: schema, checks, and each load statement with real parameters."""
    out = [{"name": f"schema.cypher #{i}", "text": s, "parameters": {}} for i, s in enumerate(schema_statements(), 1)]
    out.append({"name": "checks/server_version", "text": read_cypher("checks/server_version.cypher"), "parameters": {}})
    out.append({"name": "checks/await_indexes", "text": read_cypher("checks/await_indexes.cypher"),
                "parameters": {"timeout_seconds": INDEX_TIMEOUT_SECONDS}})
    for step in plan_load(sample_graph()):
        out.append({"name": f"load/{step.name}", "text": step.text, "parameters": step.params(step.rows[:2])})
    return out


def library_queries() -> list[dict[str, Any]]:
    return [{"name": f"queries/{q.name}", "text": q.text, "parameters": q.defaults} for q in query_files().values()]


def documented_queries() -> list[dict[str, Any]]:
    """The ```cypher examples of README.md and docs/*.md (Browser commands such as :params dropped)."""
    out = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        blocks = re.findall(r"```cypher\n(.*?)```", doc.read_text(encoding="utf-8"), flags=re.S)
        for i, block in enumerate(blocks, 1):
            text = "\n".join(line for line in block.splitlines() if not line.lstrip().startswith(":"))
            params = {name: "x" for name in re.findall(r"\$(\w+)", text)}
            out.append({"name": f"{doc.name} example #{i}", "text": text, "parameters": params})
    return out


MISSPELLINGS = [
    ("(p:Paper)-[:MENTIONS]->(m:Method)", "(p:Papr)-[:MENTIONS]->(m:Method)", "Label Papr is not present"),
    ("(p:Paper)-[:MENTIONS]->(m:Method)", "(p:Paper)-[:MENTION]->(m:Method)", "Relationship type MENTION is not present"),
    ("RETURN m.name AS method", "RETURN m.nmae AS method", "nmae is not present"),
    ("WHERE papers >= $min_papers", "WHERE papers >= $min_paper", "Parameter $min_paper is not defined"),
    ("count(DISTINCT p)", "cuont(DISTINCT p)", "Function cuont is not present"),
    # the right types the wrong way round: the graph schema has no (:Method)-[:MENTIONS]->(:Paper)
    ("(p:Paper)-[:MENTIONS]->(m:Method)", "(m:Method)-[:MENTIONS]->(p:Paper)", "MENTIONS"),
]
_BROKEN_AUTHORED = ("MERGE (a)-[r:AUTHORED]->(b)", "MERGE (a)-[r:AUTHORED->(b)")


def _misspelt_queries() -> list[dict[str, Any]]:
    query = query_files()["top_methods"]
    out = []
    for i, (original, misspelt, _) in enumerate(MISSPELLINGS):
        assert original in query.text
        out.append({"name": f"misspelt #{i}", "text": query.text.replace(original, misspelt), "parameters": query.defaults})
    text = read_cypher("load/AUTHORED.cypher")
    assert _BROKEN_AUTHORED[0] in text
    out.append({"name": "syntax error", "text": text.replace(*_BROKEN_AUTHORED), "parameters": {"rows": []}})
    return out


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, list[dict[str, Any]]]:
    """One node process lints everything (starting node costs seconds)."""
    return lint(sent_statements() + library_queries() + documented_queries() + _misspelt_queries())


def test_every_cypher_file_is_covered() -> None:
    """Nothing in cypher/ escapes the lint: each file is one of the statements linted below."""
    linted = {s["text"] for s in sent_statements() + library_queries()}
    for path in sorted(cypher_dir().rglob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        for statement in split_statements(text) if path.name == "schema.cypher" else [text]:
            assert statement in linted, f"{path} is not linted"


def test_sent_statements_have_no_errors_or_warnings(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    names = [s["name"] for s in sent_statements()]
    assert len(names) >= 14 + 2 + 16
    assert {n: diagnostics[n] for n in names if diagnostics[n]} == {}


def test_library_queries_have_no_errors_or_warnings(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    names = [q["name"] for q in library_queries()]
    assert len(names) >= 16
    assert {n: diagnostics[n] for n in names if diagnostics[n]} == {}


@pytest.mark.parametrize(("index", "expected"), [(i, m[2]) for i, m in enumerate(MISSPELLINGS)])
def test_misspellings_fail_the_lint(diagnostics: dict[str, list[dict[str, Any]]], index: int, expected: str) -> None:
    assert diagnostics["queries/top_methods"] == []  # the unmodified query is clean
    bad = diagnostics[f"misspelt #{index}"]
    assert any(expected in d["message"] for d in bad), bad


def test_a_syntax_error_fails_the_lint(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    assert any(d["severity"] == "error" for d in diagnostics["syntax error"])


def test_documented_examples_have_no_errors_or_warnings(diagnostics: dict[str, list[dict[str, Any]]]) -> None:
    names = [q["name"] for q in documented_queries()]
    assert "README.md example #1" in names
    assert {n: diagnostics[n] for n in names if diagnostics[n]} == {}
