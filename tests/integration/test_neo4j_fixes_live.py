"""What a real Neo4j 5 showed that the linter and the driver double could not: each fix, confirmed live."""
from __future__ import annotations

import dataclasses
import threading
from typing import Any

import networkx as nx
import pytest

from kg.graph import build_graph
from kg.records import MethodMention, Paper, PaperExtraction
from kg.store.cypher_files import query_files
from kg.store.neo4j import run_query
from tests.integration.helpers import load, run, wipe
from tests.neo4j_sample_graph import both_days, day_one, day_two

pytestmark = pytest.mark.neo4j


def _plan(driver: Any, settings: Any, text: str, params: dict[str, Any]) -> list[str]:
    """The operators of the query's EXPLAIN plan, with their details."""
    with driver.session(database=settings.database) as session:
        plan = session.run("EXPLAIN " + text, params).consume().plan
    ops: list[str] = []

    def walk(p: Any) -> None:
        ops.append(f"{p['operatorType']} {p.get('args', {}).get('Details', '')}")
        for child in p.get("children", []):
            walk(child)
    walk(plan)
    return ops


@pytest.mark.parametrize("name, index", [
    ("author_papers", "NodeUniqueIndexSeek@neo4j UNIQUE a:Author(key)"),
    ("coauthor_network", "NodeUniqueIndexSeek@neo4j UNIQUE ego:Author(key)"),
    ("collaboration_path", "NodeUniqueIndexSeek@neo4j UNIQUE b:Author(key)"),
    ("method_trend", "NodeUniqueIndexSeek@neo4j UNIQUE k:Method(key)"),
    ("cooccurring_methods", "NodeUniqueIndexSeek@neo4j UNIQUE k:Method(key)"),
    ("method_authors", "NodeUniqueIndexSeek@neo4j UNIQUE k:Method(key)"),
    ("search_papers", "db.index.fulltext.queryNodes"),
    ("method_aliases", "db.index.fulltext.queryNodes"),
])
def test_lookups_use_their_index_not_a_label_scan(empty_db: Any, settings: Any, name: str, index: str) -> None:
    load(settings, build_graph(*both_days()))
    query = query_files()[name]
    ops = _plan(empty_db, settings, query.text, {**query.defaults, **query.example})
    assert any(index in op for op in ops), ops
    assert not [op for op in ops if op.startswith(("NodeByLabelScan", "AllNodesScan"))
                and (":Author" in op or ":Method" in op or "AllNodes" in op)], ops
    if "fulltext" in index:  # the method queries find names and aliases through the full-text index too
        return
    if name.startswith(("method", "cooccurring")):
        assert any("db.index.fulltext.queryNodes" in op for op in ops), ops


def test_graph_stats_reads_the_count_store(empty_db: Any, settings: Any) -> None:
    load(settings, build_graph(*both_days()))
    ops = _plan(empty_db, settings, query_files()["graph_stats"].text, {})
    assert sum(op.startswith("NodeCountFromCountStore") for op in ops) == 7
    assert sum(op.startswith("RelationshipCountFromCountStore") for op in ops) == 9
    assert not [op for op in ops if "Scan" in op], ops


def test_full_text_search_escapes_lucene_syntax(empty_db: Any, settings: Any) -> None:
    papers, digests, extractions = day_one()
    papers = [dataclasses.replace(papers[0], title="Compiling C++ (and C) with LLMs: a study")] + papers[1:]
    load(settings, build_graph(papers, digests, extractions))
    run(empty_db, settings, "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()")
    query = query_files()["search_papers"]
    for text in ("C++", "(and C)", 'a "quote', "study:", "x AND"):
        _, rows = run_query(settings, query.text, {**query.defaults, "text": text})
        if text in ("C++", "(and C)", "study:"):
            assert [r[0] for r in rows] == ["2601.00001"], text
    _, rows = run_query(settings, query.text, {**query.defaults, "text": "compil*", "lucene": True})
    assert [r[0] for r in rows] == ["2601.00001"]
    aliases = query_files()["method_aliases"]
    run_query(settings, aliases.text, {**aliases.defaults, "method": "C++ [x"})  # no parse error


def test_authors_are_found_by_any_spelling_through_the_key(empty_db: Any, settings: Any) -> None:
    from kg.cli.neo4j_cmd import query_params

    load(settings, build_graph(*both_days()))
    query = query_files()["author_papers"]
    for spelling in ("Zoë Müller", "ZOE MULLER", "zoe muller"):
        params = query_params(query.defaults, [f"author={spelling}"], "author_papers", query.kinds)
        _, rows = run_query(settings, query.text, params)
        assert [r[1] for r in rows] == ["2601.00001"], spelling
    _, rows = run_query(settings, query.text, {**query.defaults, "author": " Zoe Muller "})  # the Browser path
    assert [r[1] for r in rows] == ["2601.00001"]


def _method_paper(arxiv_id: str, name: str, surface: str, group: str) -> tuple[Paper, PaperExtraction]:
    paper = Paper(arxiv_id, f"Paper {arxiv_id}", authors=("Ann Lee", "Bo Li"), primary_category="cs.LG",
                  categories=("cs.LG",))
    ex = PaperExtraction(arxiv_id, methods=(MethodMention("xnet", name, surface, group=group, count=1,
                                                          sources=("abstract",), surfaces=(surface,)),))
    return paper, ex


def test_method_names_are_first_wins_like_networkx(empty_db: Any, settings: Any) -> None:
    early, ex_early = _method_paper("2601.00010", "XNet", "X-Net", "vision")
    late, ex_late = _method_paper("2601.00020", "XNET", "XNET", "other")  # acronym-found: the name is the surface
    both = build_graph([early, late], [], [ex_early, ex_late])
    expected = {k: v for k, v in both.nodes["Method:xnet"].items() if k != "label"}
    for order in ([late], [early]), ([early], [late]):  # either load order gives the networkx node
        wipe(empty_db, settings)
        for papers in order:
            extractions = [ex_early if papers[0] is early else ex_late]
            load(settings, build_graph(papers, [], extractions))
        stored = run(empty_db, settings, "MATCH (m:Method {key: 'xnet'}) RETURN properties(m) AS p")[0]["p"]
        assert stored == expected, order
        assert stored["name"] not in stored.get("aliases", [])


def test_pairs_dropping_to_zero_are_deleted(empty_db: Any, settings: Any) -> None:
    """A paper whose author list grows past the co-author limit stops counting: its pairs go."""
    small = Paper("2601.00030", "Small team", authors=("Ann Lee", "Bo Li"), primary_category="cs.LG",
                  categories=("cs.LG",))
    load(settings, build_graph([small], [], []))
    assert run(empty_db, settings, "MATCH ()-[r:CO_AUTHORED]->() RETURN count(r) AS n")[0]["n"] == 1
    crowd = dataclasses.replace(small, authors=tuple(f"Author {i}" for i in range(60)) + ("Ann Lee", "Bo Li"))
    load(settings, build_graph([crowd], [], []))
    assert run(empty_db, settings, "MATCH ()-[r:CO_AUTHORED]->() RETURN count(r) AS n")[0]["n"] == 0


def test_two_loads_at_the_same_time_lose_no_weight(empty_db: Any, settings: Any) -> None:
    """Day one and day two share authors and methods: loaded concurrently they give the sequential database."""
    load(settings, build_graph(*both_days()))
    expected = _weights(empty_db, settings)
    assert expected
    graphs = [build_graph(*day_one()), build_graph(*day_two())]
    for attempt in range(3):
        wipe(empty_db, settings)
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def worker(G: nx.MultiDiGraph) -> None:
            try:
                start.wait()
                load(settings, G, batch_size=1)  # many small transactions: the most interleaving
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)
        threads = [threading.Thread(target=worker, args=(G,)) for G in graphs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert not errors, errors
        # papers merge in load order (first non-empty value wins), so only the derived weights are compared
        assert _weights(empty_db, settings) == expected, f"attempt {attempt}"


def _weights(driver: Any, settings: Any) -> list[tuple[str, str, str, int]]:
    rows = run(driver, settings, "MATCH (a)-[r:CO_AUTHORED|CO_OCCURS]->(b) RETURN type(r) AS t, a.key AS a, "
                                 "b.key AS b, r.weight AS w ORDER BY t, a, b")
    return [(r["t"], r["a"], r["b"], r["w"]) for r in rows]


