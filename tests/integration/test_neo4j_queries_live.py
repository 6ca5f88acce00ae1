"""Every query of cypher/queries runs against a live Neo4j 5 and returns rows on the sample data."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.store.cypher_files import query_files
from kg.store.neo4j import run_query
from tests.integration.helpers import load, run

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
# examples/ lists each paper under its main category only: six cross-listed JSONL entries give
# cross_category_papers something to find.
SAMPLE = [ROOT / "examples", ROOT / "tests" / "fixtures" / "neo4j" / "2026-01-14_AI_enhanced_Chinese.jsonl"]


@pytest.fixture(scope="module")
def loaded(empty_db_module: Any, settings: Any) -> Any:
    import kg

    load(settings, kg.build(SAMPLE).graph)
    run(empty_db_module, settings, "CALL db.awaitIndexes(300)")
    run(empty_db_module, settings, "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()")
    return empty_db_module


@pytest.mark.parametrize("name", sorted(query_files()))
def test_library_query_returns_rows_on_the_sample(loaded: Any, settings: Any, name: str) -> None:
    query = query_files()[name]
    columns, rows = run_query(settings, query.text, {**query.defaults, **query.example})
    assert columns and rows, f"{name} returned no rows with {query.example}"


@pytest.mark.parametrize("name", sorted(query_files()))
def test_library_query_runs_as_written_with_its_browser_params_line(loaded: Any, settings: Any, name: str) -> None:
    """The Browser runs `:params {limit: 25}` through JavaScript: every number arrives as a float (25.0).

    The real server refuses ``LIMIT 25.0``: the queries convert (``toInteger``). Every parameter must be on
    the `:params` line, since the Browser has no defaults.
    """
    query = query_files()[name]
    assert set(query.example) == set(query.defaults), f"{name}: the :params line must set every parameter"
    browser = {k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in query.example.items()}
    columns, rows = run_query(settings, query.text, browser)
    assert columns and rows, f"{name} returned no rows with the Browser's {browser}"
