"""Bulk import for real: `kg export neo4j-import`, then `neo4j-admin database import full` (the 5.26 import tool
from Maven Central, run by ``tests/neo4j/server admin``), then a second test server on the imported store, compared
with the networkx graph: counts per label and type, and every node's and relationship's properties.
"""
from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.graph import count_by_label, count_by_type
from kg.store.csv_bulk import export_neo4j_import
from kg.store.neo4j import Neo4jSettings
from kg.store.schema import NODE_KEYS, REL_ENDPOINTS, node_props, rel_props
from tests.integration.helpers import TEST_SERVER, counts, run

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = [ROOT / "examples", ROOT / "tests" / "fixtures" / "neo4j" / "2026-01-14_AI_enhanced_Chinese.jsonl"]
PASSWORD = "bulk-import-test"  # a throw-away server on 127.0.0.1, stopped at the end of the module


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    import kg

    return kg.build(SAMPLE).graph


@pytest.fixture(scope="module")
def imported(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any]]:
    """A driver and settings for a test server started on the store neo4j-admin imported."""
    from neo4j import GraphDatabase

    if not os.access(TEST_SERVER, os.X_OK):
        pytest.skip("tests/neo4j/server is missing")
    work = tmp_path_factory.mktemp("bulk")
    out = work / "csv"
    export_neo4j_import(graph, out)
    env = {**os.environ, "NEO4J_HOME": str(work / "home"), "NEO4J_ADMIN": f"{TEST_SERVER} admin",
           "NEO4J_IMPORT_REPORT": str(work / "import.report"), "NEO4J_PASSWORD": PASSWORD}
    # import.sh runs from the export folder; a read-only folder works because the report goes elsewhere
    out.chmod(0o555)
    done = subprocess.run(["sh", str(out / "import.sh")], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "IMPORT DONE" in done.stdout + done.stderr
    assert (work / "import.report").exists()
    start = subprocess.run([str(TEST_SERVER), "start", "--name", "bulk", "--from", str(work / "home"),
                            "--bolt-port", str(_free_port()), "--http-port", str(_free_port())],
                           env=env, capture_output=True, text=True, timeout=600)
    assert start.returncode == 0, start.stderr[-3000:]
    try:
        settings = Neo4jSettings(uri=start.stdout.strip(), user="neo4j", password=PASSWORD)
        with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
            yield driver, settings
    finally:
        subprocess.run([str(TEST_SERVER), "stop", "--name", "bulk"], capture_output=True, timeout=120)


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def test_bulk_import_gives_the_networkx_graph(imported: tuple[Any, Any], graph: nx.MultiDiGraph) -> None:
    driver, settings = imported
    assert counts(driver, settings) == (count_by_label(graph), count_by_type(graph))
    for label, key in NODE_KEYS.items():
        stored = {r["k"]: {k: _native(v) for k, v in r["p"].items()} for r in run(
            driver, settings, f"MATCH (n:{label}) RETURN n.{key} AS k, properties(n) AS p")}
        expected = {a[key]: node_props(label, a) for _, a in graph.nodes(data=True) if a.get("label") == label}
        assert stored == expected, label
    for rel_type, (start, end) in REL_ENDPOINTS.items():
        stored = sorted((r["s"], r["e"], sorted((k, repr(_native(v))) for k, v in r["p"].items())) for r in run(
            driver, settings, f"MATCH (a:{start})-[r:{rel_type}]->(b:{end}) "
                              f"RETURN a.{NODE_KEYS[start]} AS s, b.{NODE_KEYS[end]} AS e, properties(r) AS p"))
        expected = sorted((graph.nodes[u][NODE_KEYS[start]], graph.nodes[v][NODE_KEYS[end]],
                           sorted((k, repr(v)) for k, v in rel_props(rel_type, d).items()))
                          for u, v, t, d in graph.edges(keys=True, data=True) if t == rel_type)
        assert stored == expected, rel_type


def test_kg_load_on_the_imported_store_applies_the_schema_and_changes_nothing(
        imported: tuple[Any, Any], graph: nx.MultiDiGraph) -> None:
    """The documented follow-up of a bulk import: `kg load` on the same input adds the schema, no data."""
    from tests.integration.helpers import load, snapshot

    driver, settings = imported
    before = snapshot(driver, settings)
    report = load(settings, graph, batch_size=5000)
    assert report.nodes_created == report.relationships_created == 0 and report.problems == []
    assert snapshot(driver, settings) == before
    names = {r["name"] for r in run(driver, settings, "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")}
    assert {"paper_text", "method_names", "author_key"} <= names
