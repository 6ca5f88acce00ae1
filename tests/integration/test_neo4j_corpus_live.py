"""The 30 days of the shared corpus (``KG_CORPUS``/daily-arxiv/zh) against a live Neo4j 5.

Loading day by day equals loading all at once, exactly; loading again changes nothing; the counts
per label and type equal the networkx graph's. Skipped without ``KG_CORPUS`` (a failure in CI).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.graph import count_by_label, count_by_type
from tests.integration.helpers import counts, load, snapshot, wipe

pytestmark = pytest.mark.neo4j

BATCH = 5000


@pytest.fixture(scope="module")
def days() -> list[Path]:
    corpus = os.environ.get("KG_CORPUS")
    if not corpus:
        pytest.skip("set KG_CORPUS=/path/to/shared/corpus to load its 30 days of daily-arxiv/zh")
    found = sorted((Path(corpus) / "daily-arxiv" / "zh").glob("*.md"))
    assert len(found) == 30, f"expected the 30 days of daily-arxiv/zh, found {len(found)}"
    return found


@pytest.fixture(scope="module")
def all_at_once(days: list[Path]) -> nx.MultiDiGraph:
    import kg

    return kg.build(days).graph


def test_corpus_day_by_day_equals_all_at_once_and_reloading_changes_nothing(
        empty_db: Any, settings: Any, days: list[Path], all_at_once: nx.MultiDiGraph) -> None:
    import kg

    load(settings, all_at_once, batch_size=BATCH)
    assert counts(empty_db, settings) == (count_by_label(all_at_once), count_by_type(all_at_once))
    at_once = snapshot(empty_db, settings)
    report = load(settings, all_at_once, batch_size=BATCH)
    assert report.nodes_created == report.relationships_created == 0 and report.problems == []
    assert snapshot(empty_db, settings) == at_once

    wipe(empty_db, settings)
    for day in days:
        load(settings, kg.build([day]).graph, batch_size=BATCH)
    day_by_day = snapshot(empty_db, settings)
    only_daily = sorted(set(day_by_day[0]) - set(at_once[0])) + sorted(set(day_by_day[1]) - set(at_once[1]))
    only_once = sorted(set(at_once[0]) - set(day_by_day[0])) + sorted(set(at_once[1]) - set(day_by_day[1]))
    assert (only_daily, only_once) == ([], []), (
        f"{len(only_daily)} nodes/relationships only in the day-by-day load, {len(only_once)} only in the "
        f"all-at-once load; first: {only_daily[:3]} / {only_once[:3]}")
