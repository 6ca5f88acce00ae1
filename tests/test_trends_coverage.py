"""What the digests covered: missing, small, partial and empty days, category-set changes."""
from __future__ import annotations

import datetime as dt

from kg.graph import build_graph
from kg.records import Digest, Paper
from kg.trends import coverage
from tests.trends_helpers import day_range, synthetic_graph_by_category

D = dt.date
WEEKDAYS = [d for d in day_range(D(2026, 1, 5), D(2026, 2, 27)) if d.weekday() < 5]


def test_missing_small_and_partial_days():
    rows = []
    for d in WEEKDAYS:
        if d == D(2026, 1, 21):
            continue  # no digest at all that Wednesday
        if d == D(2026, 2, 10):
            rows.append((d, "cs.IT", 13, {}))  # a partial digest: 13 cs.IT papers, nothing else
            continue
        rows.append((d, "cs.CV", 60, {}))
        rows.append((d, "cs.CL", 40 if d != D(2026, 2, 4) else 0, {}))  # 2026-02-04: full size, no cs.CL
        rows.append((d, "cs.IT", 10, {}))
    rows += [(D(2026, 1, 10), "cs.CV", 3, {})]  # a Saturday with a handful of new papers
    c = coverage(synthetic_graph_by_category(rows))
    assert c.usual_weekdays == (0, 1, 2, 3, 4)
    assert c.of_kind("missing") == [D(2026, 1, 21)]
    assert c.of_kind("small") == [D(2026, 1, 10), D(2026, 2, 10)]
    assert c.of_kind("partial") == [D(2026, 2, 4)] and c.partial_reasons[D(2026, 2, 4)] == "no cs.CL"
    assert set(c.usual_categories) == {"cs.CV", "cs.CL", "cs.IT"}
    assert c.category_changes == []
    assert c.median == 110


def test_a_category_entering_the_digests_is_reported():
    rows = [(d, "cs.CV", 50, {}) for d in WEEKDAYS]
    rows += [(d, "cs.IT", 8, {}) for d in WEEKDAYS[15:]]
    (change,) = coverage(synthetic_graph_by_category(rows)).category_changes
    assert (change.category, change.change, change.day) == ("cs.IT", "enters", WEEKDAYS[15])
    assert change.describe().startswith(f"cs.IT enters on {WEEKDAYS[15]}")


def test_a_category_leaving_the_digests_is_reported():
    rows = [(d, "cs.CV", 50, {}) for d in WEEKDAYS]
    rows += [(d, "cs.GT", 6, {}) for d in WEEKDAYS[:20]]
    (change,) = coverage(synthetic_graph_by_category(rows)).category_changes
    assert (change.category, change.change, change.day) == ("cs.GT", "leaves", WEEKDAYS[19])


def test_a_digest_without_new_papers_is_an_empty_day_not_a_missing_one():
    # a digest on Tuesday 2026-01-06 that only re-lists Monday's papers
    papers = [Paper(f"p{i}", "t", first_seen=D(2026, 1, 5 + 2 * (i % 2)), categories=("cs.CV",), primary_category="cs.CV")
              for i in range(40)]
    digests = [Digest(f"zh/{d}.md", d, f"zh/{d}.md", "markdown") for d in (D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 7))]
    c = coverage(build_graph(papers, digests))
    assert c.days["kind"].tolist() == ["regular", "empty", "regular"]
    assert c.of_kind("missing") == []
