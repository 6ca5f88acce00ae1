"""Live Neo4j tests (marked ``neo4j``): they run against a real Neo4j 5 server.

Which server:

* ``NEO4J_URI`` (with ``NEO4J_PASSWORD``, ``NEO4J_USER``, ``NEO4J_DATABASE``) when set, e.g. the
  docker-compose server or the one ``.ci/run`` starts;
* otherwise the test server of ``tests/neo4j/server start`` when it runs (its settings file
  ``tests/neo4j/target/run/default/env`` is read);
* otherwise the live tests are skipped, with the reason. With ``CI=true`` a skipped live test is a
  failure: CI must never pass without having talked to a real server.

They EMPTY the database they are pointed to: use the test server, the docker-compose server or a
scratch database, never one you care about. As a guard they refuse a database holding more than
``helpers.MAX_NODES_TO_WIPE`` nodes.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.helpers import MAX_NODES_TO_WIPE, TEST_SERVER_ENV, node_count, wipe


def _test_server_settings() -> dict[str, str]:
    """The settings of a running ``tests/neo4j/server`` (empty when it does not run)."""
    pid = TEST_SERVER_ENV.parent / "pid"
    if not (TEST_SERVER_ENV.is_file() and pid.is_file()):
        return {}
    try:
        os.kill(int(pid.read_text().strip()), 0)
    except (OSError, ValueError):
        return {}
    pairs = (line.partition("=") for line in TEST_SERVER_ENV.read_text(encoding="utf-8").splitlines())
    return {k: v for k, sep, v in pairs if sep}


def _skip_reason() -> str:
    if shutil.which("java") is None:
        return ("no live Neo4j: NEO4J_URI is not set and java is not installed for the test server "
                "(tests/neo4j/server needs JDK 17+ and Maven); see README, Tests")
    return ("no live Neo4j: set NEO4J_URI (and NEO4J_PASSWORD), or start the test server with "
            "`tests/neo4j/server start`; see README, Tests")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("NEO4J_URI"):
        for key, value in _test_server_settings().items():
            os.environ.setdefault(key, value)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("NEO4J_URI"):
        return
    skip = pytest.mark.skip(reason=_skip_reason())
    for item in items:
        if "neo4j" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _in_ci() and "neo4j" in item.keywords:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = (f"CI=true: a live Neo4j test must run, but it was skipped ({reason}). "
                           f".ci/run starts the test server; locally: `tests/neo4j/server start`")


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
