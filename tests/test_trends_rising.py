"""Rising and emerging methods on synthetic graphs whose answer is known."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from kg.trends import emerging_methods, log_odds_z, parse_window, rising_methods, windows
from tests.trends_helpers import day_range, synthetic_graph

D = dt.date
PREV = day_range(D(2026, 1, 1), D(2026, 1, 14))
RECENT = day_range(D(2026, 1, 15), D(2026, 1, 28))


def two_windows(per_day: int, prev: dict[str, int], recent: dict[str, int], **kw):
    """``per_day`` papers every day for 28 days; method mentions spread over each 14-day window."""
    totals = {d: per_day for d in PREV + RECENT}
    mentions: dict[str, dict[dt.date, int]] = {}
    for key in set(prev) | set(recent):
        m: dict[dt.date, int] = {}
        for days, n in ((PREV, prev.get(key, 0)), (RECENT, recent.get(key, 0))):
            for i in range(n):  # round-robin over the window's days
                m[days[i % len(days)]] = m.get(days[i % len(days)], 0) + 1
        mentions[key] = m
    return synthetic_graph(totals, mentions, **kw)


def test_parse_window_and_windows():
    assert parse_window("4w") == 28 and parse_window("14d") == 14 and parse_window(" 2W ") == 14 and parse_window(7) == 7
    for bad in ("4", "w", "0d", "1y", "-1d"):
        with pytest.raises(ValueError):
            parse_window(bad)
    w = windows("2w", D(2026, 1, 28))
    assert (w.prev_start, w.prev_end, w.recent_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14), D(2026, 1, 15), D(2026, 1, 28))


def test_doubling_method_ranks_above_flat_one():
    G = two_windows(50, prev={"dpo": 20, "lora": 20}, recent={"dpo": 40, "lora": 20})
    r = rising_methods(G, "2w", min_support=3, include_falling=True)
    assert list(r["entity"]) == ["dpo", "lora"]
    dpo, lora = r.iloc[0], r.iloc[1]
    assert (dpo.count_prev, dpo.count_recent, dpo.total_prev, dpo.total_recent) == (20, 40, 700, 700)
    assert dpo.share_recent == pytest.approx(40 / 700) and dpo.z > 2.5
    assert abs(lora.z) < 0.1
    # without include_falling only rising methods are listed
    assert list(rising_methods(G, "2w", min_support=3)["entity"]) == ["dpo"]
    assert r.attrs["windows"].recent_start == D(2026, 1, 15)


def test_small_count_growth_does_not_outrank_large_steady_growth():
    # 1 -> 3 is a 3x growth but 3 papers of 1000 is what chance gives with a base rate of 2 per
    # window; 40 -> 80 doubles a method with enough papers for the doubling to be far outside
    # chance. The z-score divides the log-odds change by its standard error (about 1.1 for 1 -> 3,
    # 0.2 for 40 -> 80), so the statistic ranks 40 -> 80 first, as it should.
    G = two_windows(72, prev={"grpo": 1, "lora": 40}, recent={"grpo": 3, "lora": 80})
    r = rising_methods(G, "2w", min_support=3)
    assert list(r["entity"]) == ["lora", "grpo"]
    assert r.set_index("entity").loc["grpo", "z"] < 1.96 < r.set_index("entity").loc["lora", "z"]
    # raw growth would have ranked them the other way round
    assert 3 / 1 > 80 / 40


def test_min_support_filters_on_the_recent_window():
    G = two_windows(20, prev={"grpo": 0, "lora": 5}, recent={"grpo": 2, "lora": 12})
    assert list(rising_methods(G, "2w", min_support=3)["entity"]) == ["lora"]
    assert set(rising_methods(G, "2w", min_support=2)["entity"]) == {"lora", "grpo"}


def test_log_odds_z_matches_formula_and_is_finite_at_zero_counts():
    delta, z = log_odds_z(np.array([0, 10]), 100, np.array([5, 10]), 100, prior=10.0)
    a = 10 * 5 / 200
    b = 10 - a
    expected = np.log((5 + a) / (95 + b)) - np.log(a / (100 + b))
    assert delta[0] == pytest.approx(expected)
    assert z[0] == pytest.approx(expected / np.sqrt(1 / (5 + a) + 1 / (95 + b) + 1 / a + 1 / (100 + b)))
    assert delta[1] == pytest.approx(0) and np.isfinite(z).all()
    # a method in every paper of both windows is not rising
    _, z_all = log_odds_z(np.array([100]), 100, np.array([100]), 100, prior=10.0)
    assert z_all[0] == pytest.approx(0)


def test_emerging_methods_first_seen_in_window_with_min_papers_and_proposed_flag():
    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9, "grpo": 4, "dpo": 1, "newnet": 3},
                    proposed={"newnet": 1})
    e = emerging_methods(G, "2w", min_papers=2)
    assert list(e["entity"]) == ["grpo", "newnet"]  # lora is old, dpo has too few papers
    row = e.set_index("entity").loc["newnet"]
    assert row["papers"] == 3 and bool(row["proposed"]) and row["proposed_by"] == 1
    assert not bool(e.set_index("entity").loc["grpo", "proposed"])
    assert e.set_index("entity").loc["grpo", "first_seen"] == D(2026, 1, 15)
    assert list(emerging_methods(G, "2w", min_papers=1)["entity"]) == ["grpo", "newnet", "dpo"]


def test_a_month_precision_mention_before_the_window_means_not_new():
    G = two_windows(10, prev={}, recent={"grpo": 4, "dpo": 4}, month_papers={D(2025, 12, 1): ("grpo",)})
    assert list(emerging_methods(G, "2w", min_papers=2)["entity"]) == ["dpo"]
    # the month paper is in no window, so it changes no rising count either
    r = rising_methods(G, "2w", include_falling=True).set_index("entity")
    assert r.loc["grpo", "count_prev"] == 0 and r.loc["grpo", "total_prev"] == 140


def test_end_moves_the_windows():
    G = two_windows(10, prev={"lora": 7}, recent={"lora": 1})
    # lora's 7 early mentions fall on Jan 1..7: the week before an end of Jan 14
    r = rising_methods(G, "1w", end=D(2026, 1, 14), min_support=0, include_falling=True)
    w = r.attrs["windows"]
    assert (w.prev_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14))
    assert (r.iloc[0]["count_prev"], r.iloc[0]["count_recent"], r.iloc[0]["total_recent"]) == (7, 0, 70)
    assert r.iloc[0]["z"] < 0


def test_auto_window_is_half_the_span_at_most_four_weeks():
    from kg.trends import auto_window

    assert auto_window(D(2026, 1, 5), D(2026, 2, 3)) == 15  # 30 days of digests: two 15-day windows
    assert auto_window(D(2026, 1, 19), D(2026, 1, 27)) == 5  # 9 days: 5 + 5 covers them all
    assert auto_window(D(2025, 1, 1), D(2025, 12, 31)) == 28
    assert auto_window(D(2026, 1, 5), D(2026, 1, 5)) == 1
    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9})
    w = rising_methods(G).attrs["windows"]  # default window: auto, over Jan 1..28
    assert (w.prev_start, w.prev_end, w.recent_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14), D(2026, 1, 15), D(2026, 1, 28))


def test_coverage_note_when_data_start_inside_or_after_the_previous_window():
    from kg.trends import coverage_note

    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9})  # Jan 1..28
    assert coverage_note(G, windows("2w", D(2026, 1, 28))) is None
    partial = coverage_note(G, windows("3w", D(2026, 1, 28)))  # previous: Dec 18 .. Jan 7
    assert "only 7 of the 21 days" in partial and "2026-01-01" in partial
    assert "nothing to compare" in coverage_note(G, windows("4w", D(2026, 1, 28)))


def test_no_coverage_note_for_a_day_short():
    from kg.trends import coverage_note

    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9})  # Jan 1..28
    assert coverage_note(G, windows("15d", D(2026, 1, 28))) is None  # 13 of 15 days covered
    assert coverage_note(G, windows("20d", D(2026, 1, 28))) is not None  # 8 of 20
