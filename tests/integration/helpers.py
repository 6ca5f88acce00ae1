"""Test-only Cypher for the live tests (wiping, counting, snapshots); loading goes through kg.store.neo4j."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.store.neo4j import DEFAULT_BATCH_SIZE, Neo4jLoader

#: The test server's script (tests/neo4j/server) and the settings file of its default instance.
TEST_SERVER = Path(__file__).resolve().parents[1] / "neo4j" / "server"
TEST_SERVER_ENV = TEST_SERVER.parent / "target" / "run" / "default" / "env"

#: Refuse to empty a database bigger than this (the tests wipe the database they are pointed to).
MAX_NODES_TO_WIPE = 50_000


def run(driver: Any, settings: Any, text: str, **params: Any) -> list[dict[str, Any]]:
    """Run a statement in an auto-commit transaction and return its records as dicts."""
    with driver.session(database=settings.database) as session:
        return [r.data() for r in session.run(text, params)]


def wipe(driver: Any, settings: Any) -> None:
    """Delete every node and relationship (constraints and indexes stay, as a reload finds them)."""
    # In batches: one transaction over the 30-day corpus would hold every deletion in memory at once.
    run(driver, settings, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")


def node_count(driver: Any, settings: Any) -> int:
    return run(driver, settings, "MATCH (n) RETURN count(n) AS n")[0]["n"]


def load(settings: Any, G: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> Any:
    with Neo4jLoader(settings, batch_size=batch_size) as loader:
        return loader.load(G)


def counts(driver: Any, settings: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as in kg.graph.count_by_label / count_by_type."""
    nodes = run(driver, settings, "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n")
    rels = run(driver, settings, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
    return dict(sorted((r["label"], r["n"]) for r in nodes)), dict(sorted((r["type"], r["n"]) for r in rels))


def _key(var: str) -> str:
    return f"coalesce({var}.arxiv_id, {var}.key, {var}.code, {var}.id, {var}.url)"


def snapshot(driver: Any, settings: Any) -> tuple[list[str], list[str]]:
    """Every node and relationship by natural keys with all properties, sorted: equal snapshots, same graph."""
    nodes = run(driver, settings, f"MATCH (n) RETURN labels(n) AS labels, {_key('n')} AS key, properties(n) AS props")
    rels = run(driver, settings, f"MATCH (a)-[r]->(b) RETURN type(r) AS type, {_key('a')} AS start, "
                                 f"{_key('b')} AS end, properties(r) AS props")
    return sorted(repr(sorted(r.items())) for r in nodes), sorted(repr(sorted(r.items())) for r in rels)
