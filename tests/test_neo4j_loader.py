"""The Neo4j loader without a server: rows, batching, statements, errors (driver double)."""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from typing import Any

import pytest
from neo4j.exceptions import AuthError, ClientError, ConfigurationError, ServiceUnavailable, TransientError

from kg.errors import KgError
from kg.graph import build_graph, count_by_label, count_by_type, edges_of
from kg.records import Paper
from kg.store.cypher_files import schema_statements
from kg.store.neo4j import (DERIVED_ORDER, NODE_ORDER, REL_ORDER, Neo4jLoader, Neo4jSettings, batched, describe_plan, graph_to_rows,
                            load_graph, plan_load, plain_value)
from kg.store.schema import DERIVED_RELS, NODE_KEYS, NODE_PROPERTIES, SchemaError, node_props
from tests.neo4j_doubles import FakeDriver
from tests.neo4j_sample_graph import both_days, day_one, day_two, sample_graph

SETTINGS = Neo4jSettings("neo4j://db.example:7687", "neo4j", "s3cret-pass", "kg")


def _error(code: str, message: str) -> Exception:
    # How the driver itself builds server errors from a failure message (class chosen by code).
    from neo4j.exceptions import Neo4jError

    return Neo4jError._hydrate_neo4j(code=code, message=message)


def _load(G: Any, driver: FakeDriver, batch_size: int = 1000) -> Any:
    with Neo4jLoader(SETTINGS, batch_size=batch_size, driver_factory=driver.factory) as loader:
        return loader.load(G)


# --------------------------------------------------------------------------- batching

@pytest.mark.parametrize(("n", "size", "expected"), [
    (2500, 1000, [1000, 1000, 500]), (2000, 1000, [1000, 1000]), (1, 1000, [1]), (0, 10, []), (5, 1, [1] * 5),
])
def test_batched_sizes_and_last_partial_batch(n: int, size: int, expected: list[int]) -> None:
    batches = list(batched(range(n), size))
    assert [len(b) for b in batches] == expected
    assert [x for b in batches for x in b] == list(range(n))


def test_batched_rejects_a_size_below_one() -> None:
    with pytest.raises(ValueError):
        list(batched([1], 0))
    with pytest.raises(KgError, match="batch-size"):
        Neo4jLoader(SETTINGS, batch_size=0)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 1000])
def test_load_sends_every_row_once_in_batches_of_at_most_batch_size(batch_size: int) -> None:
    G = sample_graph()
    driver = FakeDriver()
    report = _load(G, driver, batch_size)
    rows = graph_to_rows(G)
    load_writes = [c for c in driver.writes() if "rows" in c.params]
    for name, expected in rows.items():
        sent = [c.params["rows"] for c in load_writes if c.text == plan_text(name)]
        assert len(sent) == math.ceil(len(expected) / batch_size), name
        assert all(0 < len(b) <= batch_size for b in sent)
        assert [r for b in sent for r in b] == expected, name
        assert report.rows[name] == len(expected) and report.batches[name] == len(sent)
    assert report.problems == []


def plan_text(name: str) -> str:
    return next(s.text for s in plan_load(sample_graph()) if s.name == name)


def test_load_order_schema_then_nodes_then_relationships_then_derived() -> None:
    driver = FakeDriver()
    _load(sample_graph(), driver, batch_size=2)
    writes = driver.writes()
    assert [c.text for c in writes[: len(schema_statements())]] == schema_statements()
    assert "db.awaitIndexes" in writes[len(schema_statements())].text
    order = {step.text: i for i, step in enumerate(plan_load(sample_graph()))}
    seen = [order[c.text] for c in writes if c.text in order]
    assert seen == sorted(seen)  # statements never interleave: all Paper batches before AUTHORED, ...
    assert {c.database for c in driver.calls} == {"kg"}  # every session names the database
    assert driver.closed


def test_schema_in_place_sends_no_schema_statement_and_empty_statements_send_nothing() -> None:
    names = [re.search(r"(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS", s).group(1) for s in schema_statements()]
    driver = FakeDriver(read_rows=[{"name": n} for n in names])  # SHOW INDEXES: every one of them online
    G = build_graph([Paper("2601.00001", "Alone", authors=("Ann Lee",))])  # no methods, datasets, code
    report = _load(G, driver, batch_size=2)
    writes = driver.writes()
    assert not any(c.text in schema_statements() or "awaitIndexes" in c.text for c in writes)
    assert all(c.params.get("rows") for c in writes)  # every transaction carries rows
    assert report.rows["Method"] == report.batches["Method"] == 0 and report.problems == []
    driver = FakeDriver(read_rows=[{"name": n} for n in names[1:]])  # one missing: the whole schema is sent
    _load(G, driver, batch_size=2)
    assert [c.text for c in driver.writes()[: len(names)]] == schema_statements()


# --------------------------------------------------------------------------- rows and parameters

def test_row_shapes_per_statement() -> None:
    rows = graph_to_rows(sample_graph())
    assert set(rows) == {*NODE_ORDER, *REL_ORDER, *DERIVED_ORDER}
    for label in NODE_ORDER:
        extra = {"Paper": {"first_seen", "last_seen", "date_precision", "categories"}, "Author": {"first_paper"},
                 "Method": {"aliases", "first_paper"}, "Dataset": {"aliases", "first_paper"}}
        for row in rows[label]:
            assert set(row) == {"key", "props"} | extra.get(label, set()), label
            assert row["props"][NODE_KEYS[label]] == row["key"]
    for rel_type in REL_ORDER:
        assert rows[rel_type], rel_type  # the sample has every relationship type
        for row in rows[rel_type]:
            assert set(row) == {"start", "end", "props"}
    for rel_type in DERIVED_RELS:
        assert rows[rel_type] and all(set(row) == {"a", "b"} and row["a"] < row["b"] for row in rows[rel_type])
    assert rows["CO_AUTHORED_crowded"] == [{"paper": r["key"]} for r in rows["Paper"] if any(
        a["end"] == r["key"] for a in rows["AUTHORED"])]
    for name in ("CO_AUTHORED", "CO_AUTHORED_crowded"):
        step = next(s for s in plan_load(sample_graph(), max_coauthors=7) if s.name == name)
        assert step.params(step.rows[:1]) == {"rows": step.rows[:1], "max_authors": 7}


def _assert_storable(value: Any, where: str) -> None:
    if isinstance(value, list):
        assert value, f"{where}: empty list"
        assert all(isinstance(v, str) for v in value), f"{where}: list not all str: {value!r}"
    else:
        assert value is not None, where
        assert type(value) in (str, int, bool, dt.date), f"{where}: {type(value).__name__} is not storable"


def test_every_property_value_is_storable_by_neo4j() -> None:
    G = sample_graph()
    G.nodes["Paper:2601.00001"]["comment"] = ""  # empty values are not stored at all
    rows = graph_to_rows(G)
    checked = 0
    for name, batch in rows.items():
        for row in batch:
            props = dict(row.get("props", {}))
            props.update({k: row[k] for k in ("first_seen", "last_seen", "date_precision") if k in row})
            if row.get("aliases"):
                props["aliases"] = row["aliases"]
            for key, value in props.items():
                _assert_storable(value, f"{name}.{key}")
                checked += 1
    assert checked > 50
    assert "comment" not in rows["Paper"][0]["props"]


def test_properties_are_the_schema_ones_and_dates_stay_dates() -> None:
    rows = graph_to_rows(sample_graph())
    paper = next(r for r in rows["Paper"] if r["key"] == "2601.00002")
    assert paper["first_seen"] == dt.date(2026, 1, 5) and paper["last_seen"] == dt.date(2026, 1, 6)
    assert type(paper["first_seen"]) is dt.date
    assert set(paper["props"]) <= set(NODE_PROPERTIES["Paper"])
    mentions = next(r for r in rows["MENTIONS"] if r["start"] == "2601.00001" and r["end"] == "lora")
    assert mentions["props"] == {"count": 3, "in_title": True, "sources": ["title", "abstract"]}
    lora = next(r for r in rows["Method"] if r["key"] == "lora")
    assert lora["aliases"] == sorted(lora["aliases"]) and "Low-Rank Adaptation" in lora["aliases"]


def test_authors_carry_their_smallest_paper_id() -> None:
    rows = graph_to_rows(sample_graph())
    first = {r["key"]: r["first_paper"] for r in rows["Author"]}
    assert first == {"ann lee": "2601.00001", "bo li": "2601.00001", "zoe muller": "2601.00001",
                     "cy wu": "2601.00002", "dee roy": "2601.00003"}


def test_paper_statement_writes_every_declared_paper_property() -> None:
    """Paper.cypher sets properties one by one (merge rules): none of the schema's may be forgotten."""
    text = next(s.text for s in plan_load(sample_graph()) if s.name == "Paper")
    for name in NODE_PROPERTIES["Paper"]:
        if name != "arxiv_id":  # the MERGE key
            assert re.search(rf"\bp\.{name} = ", text), name
    assert "MERGE (p:Paper {arxiv_id: row.key})" in text


def test_undeclared_or_mistyped_properties_are_refused() -> None:
    G = sample_graph()
    G.nodes["Paper:2601.00001"]["score"] = 0.5
    with pytest.raises(SchemaError, match="score"):
        graph_to_rows(G)
    G = sample_graph()
    G.nodes["Paper:2601.00001"]["first_seen"] = dt.datetime(2026, 1, 5, 12)
    with pytest.raises(SchemaError, match="first_seen must be date"):
        graph_to_rows(G)
    with pytest.raises(SchemaError, match="list"):
        node_props("Method", {"key": "x", "name": "X", "aliases": ["a", None]})


def test_derived_weights_are_recomputed_in_the_database_not_sent() -> None:
    G = sample_graph()
    rows = graph_to_rows(G)
    assert rows["CO_AUTHORED"] and count_by_type(G)["CO_AUTHORED"] > 0
    # exactly the pairs of this load's papers are recomputed (each once); no graph weight travels
    for rel_type in DERIVED_RELS:
        pairs = {(G.nodes[u][NODE_KEYS["Author" if rel_type == "CO_AUTHORED" else "Method"]],
                  G.nodes[v][NODE_KEYS["Author" if rel_type == "CO_AUTHORED" else "Method"]])
                 for u, v, _ in edges_of(G, rel_type)}
        assert [(r["a"], r["b"]) for r in rows[rel_type]] == sorted(pairs), rel_type
    assert all("weight" not in str(r) for r in rows["CO_AUTHORED"])


def test_papers_over_the_coauthor_limit_make_no_pairs_to_recompute() -> None:
    G = sample_graph()
    crowded = graph_to_rows(G, max_coauthors=1)
    assert crowded["CO_AUTHORED"] == [] and crowded["CO_AUTHORED_crowded"]


def test_incremental_day_two_recomputes_pairs_that_span_both_days() -> None:
    rows = graph_to_rows(build_graph(*day_two()))
    pairs = {(r["a"], r["b"]) for r in rows["CO_AUTHORED"]}
    # (bo li, cy wu) wrote papers on both days: the pair is recomputed from the whole database
    assert ("bo li", "cy wu") in pairs
    assert not any("ann lee" in pair for pair in pairs)  # an author untouched by day two keeps its pairs as they are


# --------------------------------------------------------------------------- statements

def test_statements_are_static_merge_on_keys_and_weights_are_set_not_incremented() -> None:
    steps = plan_load(sample_graph())
    other = plan_load(build_graph([Paper("2601.99999", "Other", authors=("X Y",))]))
    assert [s.text for s in steps] == [s.text for s in other]  # data never reaches the text
    for step in steps:
        text = "\n".join(line for line in step.text.splitlines() if not line.lstrip().startswith("//"))
        assert text.lstrip().startswith("UNWIND $rows AS row"), step.name
        assert ("MERGE" in text or step.name == "CO_AUTHORED_crowded") and not re.search(r"(?<!ON )CREATE", text), step.name
        assert not re.search(r"\w+\.\w+\s*=\s*\w+\.\w+\s*\+", text), f"{step.name} increments a property"
    for name in DERIVED_RELS:
        text = next(s.text for s in steps if s.name == name)
        assert "SET r.weight = weight" in text and "+=" not in text
    paper = next(s.text for s in steps if s.name == "Paper")
    assert "row.first_seen < old_first" in paper and "row.last_seen > old_last" in paper


def test_loading_twice_sends_identical_batches() -> None:
    first, second = FakeDriver(), FakeDriver()
    _load(sample_graph(), first, 2)
    _load(sample_graph(), second, 2)
    assert [(c.text, c.params) for c in first.calls] == [(c.text, c.params) for c in second.calls]


def test_report_counts_and_summary() -> None:
    G = sample_graph()
    report = _load(G, FakeDriver(), 3)
    assert report.server == "Neo4j Kernel 5.26.0 community"
    assert report.total_rows == sum(len(r) for r in graph_to_rows(G).values())
    assert report.nodes_created == report.total_rows  # the double "creates" one per row
    assert "rows/s" in report.summary()


def test_lost_relationship_rows_are_reported() -> None:
    driver = FakeDriver()
    original = driver.session

    def lossy_session(database: str) -> Any:
        session = original(database)
        write = session.execute_write

        def execute_write(fn: Any, text: str, params: dict[str, Any]) -> Any:
            result = write(fn, text, params)
            if "[r:AUTHORED]->" in text:  # as if one end node were missing: MATCH drops the row
                return result[0] - 1, result[1]
            return result
        session.execute_write = execute_write
        return session

    driver.session = lossy_session  # type: ignore[method-assign]
    report = _load(sample_graph(), driver)
    assert any(p.startswith("AUTHORED: 1 of") for p in report.problems)


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize(("point", "error", "message"), [
    ("connect", ServiceUnavailable("Couldn't connect to db.example:7687\nConnection refused"),
     "cannot reach Neo4j at neo4j://db.example:7687: is the server running?"),
    ("connect", _error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."),
     "rejected user 'neo4j': check NEO4J_USER and NEO4J_PASSWORD"),
    ("version", _error("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'kg'."),
     "database 'kg' does not exist on Neo4j at neo4j://db.example:7687"),
    ("write", _error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MERGE'\n  ^"),
     "refused a statement: Neo.ClientError.Statement.SyntaxError: Invalid input 'MERGE' ^"),
    ("write", TransientError("deadlock"), "failed"),
    ("connect", ConfigurationError("URI scheme 'foo' is not supported."), "bad Neo4j settings"),
])
def test_driver_failures_become_one_line_errors(point: str, error: Exception, message: str) -> None:
    driver = FakeDriver(fail_on=point, error=error)
    with pytest.raises(KgError) as info:
        _load(sample_graph(), driver)
    text = str(info.value)
    assert message in text
    assert "\n" not in text
    assert SETTINGS.password not in text


def test_auth_error_is_an_auth_error_and_database_error_a_client_error() -> None:
    # the classes the messages above rely on, as the driver builds them from server codes
    assert isinstance(_error("Neo.ClientError.Security.Unauthorized", "x"), AuthError)
    err = _error("Neo.ClientError.Database.DatabaseNotFound", "x")
    assert isinstance(err, ClientError) and err.code == "Neo.ClientError.Database.DatabaseNotFound"


@pytest.mark.parametrize("version", ["4.4.29", "3.5.0", "5.4.0", "garbage"])
def test_servers_older_than_5_6_are_refused_before_writing(version: str) -> None:
    driver = FakeDriver(version=version)
    with pytest.raises(KgError, match=f"version {re.escape(version)}; arxiv-kg needs Neo4j 5.6 or later"):
        _load(sample_graph(), driver)
    assert driver.writes() == []


@pytest.mark.parametrize("version", ["5.6.0", "5.26.12", "2025.01.0"])
def test_current_servers_are_accepted(version: str) -> None:
    assert _load(sample_graph(), FakeDriver(version=version)).server.startswith(f"Neo4j Kernel {version}")


def test_a_real_driver_against_a_closed_port_fails_fast_with_one_line() -> None:
    with pytest.raises(KgError, match="cannot reach Neo4j at bolt://127.0.0.1:1") as info:
        load_graph(sample_graph(), uri="bolt://127.0.0.1:1", user="neo4j", password="x" * 8)
    assert "\n" not in str(info.value)


def test_constructor_does_no_io() -> None:
    driver = FakeDriver()
    Neo4jLoader(SETTINGS, driver_factory=driver.factory)
    assert driver.calls == [] and driver.uri == ""


# --------------------------------------------------------------------------- settings

def test_settings_from_env_and_flags() -> None:
    env = {"NEO4J_URI": "bolt://h:1", "NEO4J_USER": "u", "NEO4J_PASSWORD": "pw123456", "NEO4J_DATABASE": "d"}
    s = Neo4jSettings.from_env(environ=env)
    assert (s.uri, s.user, s.password, s.database) == ("bolt://h:1", "u", "pw123456", "d")
    s = Neo4jSettings.from_env(uri="neo4j://x:2", user="v", database="e", environ=env)
    assert (s.uri, s.user, s.password, s.database) == ("neo4j://x:2", "v", "pw123456", "e")
    assert "pw123456" not in repr(s)
    s = Neo4jSettings.from_env(environ={"NEO4J_PASSWORD": "p"})
    assert (s.uri, s.user, s.database) == ("neo4j://localhost:7687", "neo4j", "neo4j")


def test_missing_password_is_asked_for_or_refused() -> None:
    asked: list[str] = []
    s = Neo4jSettings.from_env(environ={}, ask_password=lambda prompt: asked.append(prompt) or "typed-pw")
    assert s.password == "typed-pw" and "neo4j at neo4j://localhost:7687" in asked[0]
    with pytest.raises(KgError, match="NEO4J_PASSWORD is not set"):
        Neo4jSettings.from_env(environ={})  # pytest's stdin is not a terminal


# --------------------------------------------------------------------------- dry run and values

def test_describe_plan_lists_statements_with_row_and_batch_counts() -> None:
    G = sample_graph()
    text = describe_plan(G, batch_size=2)
    rows = graph_to_rows(G)
    for name, expected in rows.items():
        assert f"// {name}: {len(expected)} rows in {math.ceil(len(expected) / 2)} batches of <= 2" in text
    assert all(s in text for s in schema_statements())
    assert f"// total: {sum(map(len, rows.values()))} rows" in text
    assert "LoRA" not in text  # parameters are not printed, only the statements


def test_plain_value_converts_driver_types() -> None:
    from neo4j.graph import Graph, Node
    from neo4j.time import Date

    node = Node(Graph(), "e1", 1, ["Author"], {"name": "Ann", "first": Date(2026, 1, 5)})
    assert plain_value([node, {"d": Date(2026, 1, 6)}, 3]) == [
        {"_labels": ["Author"], "name": "Ann", "first": "2026-01-05"}, {"d": "2026-01-06"}, 3]


def test_sample_graph_covers_every_label_and_type() -> None:
    G = sample_graph()
    assert set(count_by_label(G)) == set(NODE_KEYS)
    assert set(count_by_type(G)) == {*REL_ORDER, *DERIVED_RELS}
    assert Counter(k for _, _, k in G.edges(keys=True))["CO_AUTHORED"] == len(list(edges_of(G, "CO_AUTHORED")))
    assert len(both_days()[0]) == len(day_one()[0]) + len(day_two()[0]) - 1
