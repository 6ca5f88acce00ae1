"""Whole-series trends: a growing method is found, a flat one and a category joining the digests are not."""
from __future__ import annotations

import datetime as dt

import numpy as np

from kg.trends import long_trends
from tests.trends_helpers import day_range, synthetic_graph, synthetic_graph_by_category

D = dt.date
WEEKDAYS = [d for d in day_range(D(2025, 10, 6), D(2026, 1, 30)) if d.weekday() < 5]  # 17 weeks


def test_growing_method_trends_up_and_flat_one_does_not():
    week = {d: (d - WEEKDAYS[0]).days // 7 for d in WEEKDAYS}
    rng = np.random.default_rng(5)
    G = synthetic_graph({d: 60 for d in WEEKDAYS},
                        {"grpo": {d: 1 + week[d] // 3 for d in WEEKDAYS},
                         "lora": {d: int(x) for d, x in zip(WEEKDAYS, rng.binomial(60, 0.05, len(WEEKDAYS)))}})
    t = long_trends(G).set_index("entity")
    assert t.attrs["enough"] and t.attrs["weeks"] == 17
    assert t.loc["grpo", "q"] < 0.001 and t.loc["grpo", "change"] > 3
    assert t.loc["lora", "q"] > 0.05 and abs(t.loc["lora", "z"]) < 2.5


def test_category_joining_the_digests_is_no_trend():
    rows = [(d, "cs.CV", 50, {"lora": 3}) for d in WEEKDAYS]
    rows += [(d, "cs.IT", 10, {"mimo": 3}) for d in WEEKDAYS[40:]]
    G = synthetic_graph_by_category(rows)
    assert long_trends(G, adjust="none").set_index("entity").loc["mimo", "q"] < 0.001
    assert long_trends(G).set_index("entity").loc["mimo", "q"] > 0.5


def test_short_series_gives_no_table():
    days = WEEKDAYS[:25]  # five weeks
    t = long_trends(synthetic_graph({d: 60 for d in days}, {"lora": {d: 3 for d in days}}))
    assert t.empty and t.attrs["weeks"] == 5 and not t.attrs["enough"]
