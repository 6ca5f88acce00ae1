"""Kleinberg two-state burst detection: hand-worked cases, exhaustive search, planted bursts."""
from __future__ import annotations

import datetime as dt
import itertools
import math

import numpy as np
import pytest

from kg.trends import burst_intervals, burst_states, bursts
from tests.trends_helpers import day_range, synthetic_graph

D = dt.date


def test_hand_worked_two_day_burst():
    # d = 10 papers a day, r = 0, 5, 5, 0: p0 = 10/40 = 1/4, p1 = 2 * p0 = 1/2, entering costs ln 4 = 1.386.
    # A day with 5 of 10 gains cost0 - cost1 = 5 ln(p1/p0) + 5 ln((1-p1)/(1-p0)) = 5 ln 2 + 5 ln(2/3) = 5 ln(4/3) = 1.438;
    # a day with 0 of 10 loses 10 ln((1-p0)/(1-p1)) = 10 ln 1.5 = 4.05 in the burst state.
    # So days 1-2 are a burst (2.877 gained > 1.386 to enter), days 0 and 3 are not.
    assert burst_states(np.array([0, 5, 5, 0]), np.array([10] * 4)).tolist() == [False, True, True, False]
    (b,) = burst_intervals([0, 5, 5, 0], [10] * 4)
    assert (b.start, b.end) == (1, 2)
    assert b.strength == pytest.approx(10 * math.log(4 / 3))


def test_hand_worked_gamma_threshold():
    # r = 2, 2, 6, 2 of 10 a day: p0 = 12/40 = 0.3, p1 = 0.6, four batches so entering costs gamma * ln 4.
    # Gain of the burst state on a day (cost0 - cost1) = r ln(p1/p0) + (d - r) ln((1-p1)/(1-p0)):
    r, d = [2, 2, 6, 2], [10] * 4
    gain_6 = 6 * math.log(2) + 4 * math.log(0.4 / 0.7)  # = +1.921: day 2 alone is worth a burst ...
    gain_2 = 2 * math.log(2) + 8 * math.log(0.4 / 0.7)  # = -3.09: ... the others never are
    assert gain_2 < 0 < gain_6
    # ... if entering costs less than it gains: gamma * ln 4 < 1.921 <=> gamma < 1.386
    threshold = gain_6 / math.log(4)
    assert burst_states(r, d, gamma=threshold - 0.01).tolist() == [False, False, True, False]
    assert not burst_states(r, d, gamma=threshold + 0.01).any()
    assert burst_intervals(r, d, gamma=1)[0].strength == pytest.approx(gain_6)


def _brute_force(r, d, s, gamma):
    """The least-cost state sequence by trying all 2^T of them (costs written out independently)."""
    r, d = np.asarray(r, float), np.asarray(d, float)
    p0 = r.sum() / d.sum()
    p = {0: p0, 1: min(s * p0, 1 - 1e-9)}

    def cost(q, t):
        ll = math.lgamma(d[t] + 1) - math.lgamma(r[t] + 1) - math.lgamma(d[t] - r[t] + 1)
        ll += (r[t] * math.log(p[q]) if r[t] else 0) + ((d[t] - r[t]) * math.log(1 - p[q]) if d[t] > r[t] else 0)
        return -ll

    enter = gamma * math.log(len(r))
    best = min(
        (sum(cost(q, t) + (enter if q > prev else 0) for t, (prev, q) in enumerate(zip((0, *seq), seq))), seq)
        for seq in itertools.product((0, 1), repeat=len(r))
    )
    return [bool(q) for q in best[1]]


def test_viterbi_equals_exhaustive_search():
    rng = np.random.default_rng(7)
    for _ in range(150):
        T = int(rng.integers(1, 9))
        d = rng.integers(1, 25, T)
        r = rng.binomial(d, rng.uniform(0.02, 0.5, T))
        if r.sum() == 0:
            continue
        s, gamma = float(rng.choice([1.5, 2, 3])), float(rng.choice([0.5, 1, 2]))
        assert burst_states(r, d, s=s, gamma=gamma).tolist() == _brute_force(r, d, s, gamma), (r, d, s, gamma)


def test_many_rows_at_once_equal_one_by_one():
    rng = np.random.default_rng(3)
    d = rng.integers(20, 60, 30)
    r = rng.binomial(d, 0.05, (6, 30))
    r[2, 10:15] = d[10:15] // 3
    together = burst_states(r, d)
    assert together[2, 10:15].all()
    for row in range(6):
        assert together[row].tolist() == burst_states(r[row], d).tolist()


def test_min_duration_and_bad_input():
    assert burst_intervals([0, 5, 5, 0], [10] * 4, min_duration=3) == []
    assert burst_intervals([0, 0, 0], [10] * 3) == []
    with pytest.raises(ValueError):
        burst_states([5], [3])
    with pytest.raises(ValueError):
        burst_states([1], [3], s=1.0)


def test_planted_burst_found_with_its_interval():
    # 60 weekdays with 100 papers each; grpo is in 2 papers a day, except 10 a day on days 30..39.
    days = [d for d in day_range(D(2026, 1, 5), D(2026, 4, 30)) if d.weekday() < 5][:60]
    planted = days[30:40]
    G = synthetic_graph({d: 100 for d in days},
                        {"grpo": {d: 10 if d in planted else 2 for d in days},
                         "lora": {d: 3 for d in days}})
    table = bursts(G, "method")
    assert list(table["entity"]) == ["grpo"]  # the flat method never bursts
    row = table.iloc[0]
    assert (row["begin"], row["end"]) == (planted[0], planted[-1])
    # weekends inside the burst are not batches: 10 days with papers, 100 mentions of 1,000 papers
    assert (row["days"], row["papers"], row["total"]) == (10, 100, 1000)
    assert row["name"] == "GRPO" and row["group"] == "rl-alignment" and row["strength"] > 0
    # a higher gamma raises the bar; at some point even this burst is not worth entering
    assert bursts(G, "method", gamma=1000).empty
    assert row["q"] < 1e-6 and row["censored"] == "" and row["expected"] == pytest.approx(1000 * 200 / 6000)


def test_one_day_bursts_are_dropped_by_default():
    # one busy day (a lab posting five papers at once) is not a burst; a week of them is
    days = [d for d in day_range(D(2026, 1, 5), D(2026, 3, 27)) if d.weekday() < 5]
    G = synthetic_graph({d: 50 for d in days},
                        {"grpo": {d: 12 if d == days[20] else 1 for d in days},
                         "dpo": {d: 6 if 30 <= i < 35 else 1 for i, d in enumerate(days)}})
    table = bursts(G, "method")
    assert list(table["entity"]) == ["dpo"] and table.iloc[0]["days"] == 5
    assert "grpo" in set(bursts(G, "method", min_duration=1)["entity"])


def test_bursts_at_the_edges_are_censored():
    days = [d for d in day_range(D(2026, 1, 5), D(2026, 3, 27)) if d.weekday() < 5]
    G = synthetic_graph({d: 50 for d in days},
                        {"grpo": {d: 10 if i < 4 else 1 for i, d in enumerate(days)},
                         "dpo": {d: 10 if i >= len(days) - 4 else 1 for i, d in enumerate(days)}})
    table = bursts(G, "method").set_index("entity")
    assert table.loc["grpo", "censored"] == "start" and table.loc["grpo", "begin"] == days[0]
    assert table.loc["dpo", "censored"] == "end" and table.loc["dpo", "end"] == days[-1]


def test_a_category_joining_the_digests_is_not_a_burst_of_its_methods():
    # cs.IT joins on day 30 of 60 and stays; "mimo" is in 30% of cs.IT papers from the start
    from tests.trends_helpers import synthetic_graph_by_category

    days = [d for d in day_range(D(2026, 1, 5), D(2026, 3, 27)) if d.weekday() < 5][:60]
    rows = [(d, "cs.CV", 40, {"lora": 4}) for d in days]
    rows += [(d, "cs.IT", 10, {"mimo": 3}) for d in days[30:]]
    G = synthetic_graph_by_category(rows)
    assert "mimo" in set(bursts(G, "method", adjust="none")["entity"])  # the plain model sees a 30-day "burst"
    assert bursts(G, "method").empty  # the category-adjusted base rate expects it


def test_burst_q_values_do_not_fire_on_noise():
    rng = np.random.default_rng(11)
    days = [d for d in day_range(D(2026, 1, 5), D(2026, 4, 24)) if d.weekday() < 5]
    mentions = {f"m{k}": {d: int(x) for d, x in zip(days, rng.binomial(60, 0.05, len(days)))} for k in range(30)}
    table = bursts(synthetic_graph({d: 60 for d in days}, mentions), "method")
    assert (table["q"] >= 0.05).all() and table.attrs["examined"] == 30


def test_burst_p_is_a_binomial_tail_times_the_intervals():
    from scipy import stats

    from kg.trends import burst_p

    # 12 of 20 mentions inside a stretch expected to hold a quarter of them, 40 batches
    tail = stats.binom.sf(11, 20, 0.25)
    assert burst_p(12, 20, 0.25, 40, min_duration=2) == pytest.approx(tail * 39 * 40 / 2)
    assert burst_p(1, 20, 0.25, 40) == 1.0  # capped
