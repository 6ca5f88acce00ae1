"""Live Neo4j tests: run when NEO4J_URI is set, skipped with a reason otherwise.

They EMPTY the database they are pointed to (NEO4J_DATABASE, default "neo4j"): use the
docker-compose server or a scratch database, never one you care about. As a guard they refuse
a database holding more than ``helpers.MAX_NODES_TO_WIPE`` nodes.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.helpers import MAX_NODES_TO_WIPE, node_count, wipe

SKIP_REASON = "set NEO4J_URI (and NEO4J_PASSWORD) to run against a live Neo4j 5; see README"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("NEO4J_URI"):
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if "neo4j" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def settings() -> Any:
    from kg.store.neo4j import Neo4jSettings

    if not os.environ.get("NEO4J_PASSWORD"):
        pytest.fail("NEO4J_URI is set but NEO4J_PASSWORD is not")
    return Neo4jSettings.from_env()


@pytest.fixture(scope="session")
def driver(settings: Any) -> Iterator[Any]:
    """A plain driver for the tests' own checks; loading goes through kg.store.neo4j."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as drv:
        drv.verify_connectivity()
        yield drv


def _empty(driver: Any, settings: Any) -> Any:
    n = node_count(driver, settings)
    if n > MAX_NODES_TO_WIPE:
        pytest.skip(f"refusing to empty {settings.database!r} with {n} nodes; point NEO4J_DATABASE at a scratch database")
    wipe(driver, settings)
    return driver


@pytest.fixture
def empty_db(driver: Any, settings: Any) -> Any:
    """The database, emptied before the test."""
    return _empty(driver, settings)


@pytest.fixture(scope="module")
def empty_db_module(driver: Any, settings: Any) -> Any:
    """The database, emptied once for a module that loads once and then only reads."""
    return _empty(driver, settings)
