"""Loader against a live Neo4j 5 (docker compose up -d --wait; NEO4J_URI/NEO4J_PASSWORD set; see docs/neo4j.md)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.graph import build_graph, count_by_label, count_by_type, edges_of
from kg.store.schema import NODE_KEYS
from tests.integration.helpers import counts, load, run, snapshot, wipe
from tests.neo4j_sample_graph import both_days, day_one, day_two

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def examples_graph() -> nx.MultiDiGraph:
    import kg

    return kg.build([EXAMPLES]).graph


@pytest.fixture(scope="module")
def examples_loaded(empty_db_module: Any, settings: Any, examples_graph: nx.MultiDiGraph) -> Any:
    """The examples loaded once for the read-only tests below (they come before the tests that wipe)."""
    load(settings, examples_graph, batch_size=1000)  # several batches per statement: batching is exercised
    return empty_db_module


def test_counts_equal_the_networkx_graph_and_loading_twice_changes_nothing(
        examples_loaded: Any, settings: Any, examples_graph: nx.MultiDiGraph) -> None:
    assert counts(examples_loaded, settings) == (count_by_label(examples_graph), count_by_type(examples_graph))
    first = snapshot(examples_loaded, settings)
    report = load(settings, examples_graph)  # other batch boundaries (5,000) than the first load's (1,000)
    assert report.nodes_created == 0 and report.relationships_created == 0 and report.problems == []
    assert snapshot(examples_loaded, settings) == first


def test_derived_weights_equal_the_networkx_graph(
        examples_loaded: Any, settings: Any, examples_graph: nx.MultiDiGraph) -> None:
    empty_db = examples_loaded
    G = examples_graph
    rows = run(empty_db, settings, "MATCH (a:Author)-[r:CO_AUTHORED]->(b:Author) "
                                   "RETURN a.key AS a, b.key AS b, r.weight AS w, r.first AS f, r.last AS l")
    native = lambda d: d.to_native() if d is not None else None  # noqa: E731
    assert {(r["a"], r["b"]): (r["w"], native(r["f"]), native(r["l"])) for r in rows} == {
        (G.nodes[u]["key"], G.nodes[v]["key"]): (d["weight"], d.get("first"), d.get("last"))
        for u, v, d in edges_of(G, "CO_AUTHORED")}
    rows = run(empty_db, settings, "MATCH (a:Method)-[r:CO_OCCURS]->(b:Method) RETURN a.key AS a, b.key AS b, r.weight AS w")
    assert {(r["a"], r["b"]): r["w"] for r in rows} == {
        (G.nodes[u]["key"], G.nodes[v]["key"]): d["weight"] for u, v, d in edges_of(G, "CO_OCCURS")}


def test_incremental_day_two_after_day_one_equals_both_at_once(empty_db: Any, settings: Any) -> None:
    load(settings, build_graph(*day_one()))
    load(settings, build_graph(*day_two()))
    incremental = snapshot(empty_db, settings)
    wipe(empty_db, settings)
    load(settings, build_graph(*both_days()))
    assert snapshot(empty_db, settings) == incremental


def test_incremental_examples_day_by_day_equals_all_at_once(empty_db: Any, settings: Any) -> None:
    import kg

    # Each paper linked on its own: with corpus linking a day alone knows fewer definitions than the whole
    # folder, so its graph differs by design; this checks the loader's merge semantics, not that.
    days = sorted(EXAMPLES.glob("digests/*.md"))
    for day in days:
        load(settings, kg.build([day], link=False).graph)
    incremental = snapshot(empty_db, settings)
    wipe(empty_db, settings)
    load(settings, kg.build(days, link=False).graph)
    assert snapshot(empty_db, settings) == incremental


def test_schema_constraints_and_indexes_exist(empty_db: Any, settings: Any) -> None:
    load(settings, build_graph(*day_one()))
    rows = run(empty_db, settings, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties")
    assert {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows} >= set(NODE_KEYS.items())
    names = {r["name"] for r in run(empty_db, settings, "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")}
    assert {"paper_text", "method_names", "paper_first_seen"} <= names


def test_schema_is_sent_only_when_part_of_it_is_missing(empty_db: Any, settings: Any) -> None:
    from kg.store.neo4j import Neo4jLoader

    load(settings, build_graph(*day_one()))
    with Neo4jLoader(settings) as loader:
        assert loader.apply_schema() is False  # all online: nothing sent
        run(empty_db, settings, "DROP INDEX paper_first_seen")
        assert loader.apply_schema() is True
    names = {r["name"] for r in run(empty_db, settings, "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name")}
    assert "paper_first_seen" in names
