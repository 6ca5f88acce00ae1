"""Rising and emerging methods on synthetic graphs whose answer is known."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kg.trends import emerging_methods, log_odds_z, parse_window, rising_methods, windows
from tests.trends_helpers import day_range, synthetic_graph

D = dt.date
PREV = day_range(D(2026, 1, 1), D(2026, 1, 14))
RECENT = day_range(D(2026, 1, 15), D(2026, 1, 28))
UNKNOWN = lambda key, name: None  # noqa: E731  (no gazetteer: every synthetic method counts as discovered)


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
    for bad in ("4", "w", "0d", "1y", "-1d", "10d", "15d", 20, "1d"):
        with pytest.raises(ValueError):
            parse_window(bad)
    with pytest.raises(ValueError, match="whole number of weeks"):
        parse_window("10d")
    w = windows("2w", D(2026, 1, 28))
    assert (w.prev_start, w.prev_end, w.recent_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14), D(2026, 1, 15), D(2026, 1, 28))
    assert w.compare == "previous"


def test_year_over_year_windows_are_52_weeks_back():
    w = windows("4w", D(2026, 2, 28), compare="year")
    assert (w.recent_start, w.end) == (D(2026, 2, 1), D(2026, 2, 28))
    assert (w.prev_start, w.prev_end) == (D(2025, 2, 2), D(2025, 3, 1))
    assert w.prev_start.weekday() == w.recent_start.weekday() and w.compare == "year"


def test_year_over_year_rising_compares_the_same_weeks():
    # two Januaries a year apart (and a December in between that must not count): lora doubles year on year
    last_year = day_range(D(2025, 1, 2), D(2025, 1, 29))
    this_year = day_range(D(2026, 1, 1), D(2026, 1, 28))
    december = day_range(D(2025, 12, 4), D(2025, 12, 31))
    totals = {d: 20 for d in last_year + december + this_year}
    lora = {d: 1 for d in last_year} | {d: 5 for d in december} | {d: 2 for d in this_year}
    G = synthetic_graph(totals, {"lora": lora})
    r = rising_methods(G, "4w", compare="year").set_index("entity")
    assert (r.loc["lora", "count_prev"], r.loc["lora", "count_recent"]) == (28, 56)
    assert r.attrs["windows"].prev_start == D(2025, 1, 2)
    assert r.loc["lora", "q"] < 0.05
    # against the (busier) December it fell
    assert rising_methods(G, "4w").empty


def test_doubling_method_ranks_above_flat_one():
    G = two_windows(50, prev={"dpo": 20, "lora": 20}, recent={"dpo": 40, "lora": 20})
    r = rising_methods(G, "2w", include_falling=True)
    assert list(r["entity"]) == ["dpo", "lora"]
    dpo, lora = r.iloc[0], r.iloc[1]
    assert (dpo.count_prev, dpo.count_recent, dpo.total_prev, dpo.total_recent) == (20, 40, 700, 700)
    assert dpo.share_recent == pytest.approx(40 / 700) and dpo.z > 1.5 and dpo.p < 0.01
    assert abs(lora.z) < 0.1 and lora.p > 0.4
    # without include_falling only rising methods are listed
    assert list(rising_methods(G, "2w")["entity"]) == ["dpo"]
    assert r.attrs["windows"].recent_start == D(2026, 1, 15) and r.attrs["tested"] == 2


def test_small_count_growth_does_not_outrank_large_steady_growth():
    # 1 -> 3 is a 3x growth but 3 papers of 1000 is what chance gives with a base rate of 2 per
    # window; 40 -> 80 doubles a method with enough papers for the doubling to be far outside chance.
    G = two_windows(72, prev={"grpo": 1, "lora": 40}, recent={"grpo": 3, "lora": 80})
    r = rising_methods(G, "2w", min_support=3).set_index("entity")
    assert list(r.index) == ["lora", "grpo"]
    assert r.loc["grpo", "q"] > 0.05 > r.loc["lora", "q"]
    assert 3 / 1 > 80 / 40  # raw growth would have ranked them the other way round


def test_zero_to_fifty_outranks_forty_two_to_sixty_six():
    # the case the old prior of 10 x share got wrong: a method absent before and in 50 papers now
    # is far stronger evidence than one going from 42 to 66
    G = two_windows(86, prev={"newnet": 0, "lora": 42}, recent={"newnet": 50, "lora": 66})
    r = rising_methods(G, "2w")
    assert list(r["entity"]) == ["newnet", "lora"]
    assert r.iloc[0]["q"] < 1e-6


def test_support_is_counted_in_both_windows_together():
    # 3 + 2 = 5 papers in the union: tested (and falling); 0 + 4: not tested with min_support 5
    G = two_windows(20, prev={"lora": 3, "grpo": 0}, recent={"lora": 2, "grpo": 4})
    r = rising_methods(G, "2w", include_falling=True)
    assert list(r["entity"]) == ["lora"] and r.attrs["tested"] == 1
    assert set(rising_methods(G, "2w", min_support=4, include_falling=True)["entity"]) == {"lora", "grpo"}


def test_q_values_are_benjamini_hochberg_over_every_method_tested():
    G = two_windows(40, prev={"a": 10, "b": 10, "c": 10, "d": 5}, recent={"a": 30, "b": 12, "c": 9, "d": 20})
    r = rising_methods(G, "2w", include_falling=True)
    p = r.set_index("entity")["p"].sort_values()
    m = len(p)
    expected = np.minimum.accumulate((p.to_numpy() * m / np.arange(1, m + 1))[::-1])[::-1]
    np.testing.assert_allclose(r.set_index("entity").loc[p.index, "q"].to_numpy(), np.minimum(expected, 1))


def test_category_mix_change_is_not_a_rise():
    # cs.CV grows from a quarter to three quarters of the papers; "diff" is in 30% of cs.CV papers and
    # 10% of cs.CL papers in both windows: its overall share rises (15% -> 25%), its share within each
    # category does not; "lora" is 10% of both categories throughout
    from tests.trends_helpers import synthetic_graph_by_category

    rows = []
    for day in PREV + RECENT:
        cv, cl = (10, 30) if day in PREV else (30, 10)
        rows.append((day, "cs.CV", cv, {"diff": cv * 3 // 10, "lora": cv // 10}))
        rows.append((day, "cs.CL", cl, {"diff": cl // 10, "lora": cl // 10}))
    G = synthetic_graph_by_category(rows)
    adjusted = rising_methods(G, "2w", include_falling=True).set_index("entity")
    raw = rising_methods(G, "2w", include_falling=True, adjust="none").set_index("entity")
    assert raw.loc["diff", "q"] < 0.05 and raw.loc["diff", "z"] > 2  # the mix alone makes it "rise"
    assert adjusted.loc["diff", "q"] > 0.5 and abs(adjusted.loc["diff", "z"]) < 1
    assert adjusted.loc["diff", "z_unadjusted"] == pytest.approx(raw.loc["diff", "z"])
    assert adjusted.attrs["strata"] == 2 and raw.attrs["strata"] == 1


def test_empty_previous_window_gives_an_empty_table_not_zero_rows():
    G = synthetic_graph({d: 10 for d in RECENT}, {"lora": {d: 2 for d in RECENT}})
    r = rising_methods(G, "2w")
    assert r.empty and r.attrs["empty_window"] == "previous"


def test_log_odds_z_matches_formula_and_is_finite_at_zero_counts():
    delta, var, z = log_odds_z(np.array([0, 10]), 100, np.array([5, 10]), 100, prior=10.0)
    a = 10 * 5 / 200
    b = 10 - a
    expected = np.log((5 + a) / (95 + b)) - np.log(a / (100 + b))
    assert delta[0] == pytest.approx(expected)
    assert var[0] == pytest.approx(1 / (5 + a) + 1 / (95 + b) + 1 / a + 1 / (100 + b))
    assert z[0] == pytest.approx(expected / np.sqrt(var[0]))
    assert delta[1] == pytest.approx(0) and np.isfinite(z).all()
    # a method in every paper of both windows is not rising
    _, _, z_all = log_odds_z(np.array([100]), 100, np.array([100]), 100, prior=10.0)
    assert z_all[0] == pytest.approx(0)


def test_emerging_methods_first_seen_in_window_with_uptake_and_proposals():
    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9, "grpo": 4, "dpo": 1, "newnet": 3},
                    proposed={"newnet": 1})
    e = emerging_methods(G, "2w", min_papers=2, known=UNKNOWN)
    assert list(e["entity"]) == ["grpo", "newnet"]  # lora is old, dpo has too few papers
    row = e.set_index("entity").loc["newnet"]
    # the proposing paper is not uptake: 3 papers mention newnet, 1 proposes it, 2 take it up
    assert row["papers"] == 2 and row["proposed_by"] == 1 and row["known"] == ""
    assert e.set_index("entity").loc["grpo", "first_seen"] == D(2026, 1, 15)
    assert e.set_index("entity").loc["grpo", "proposed_by"] == 0
    assert list(emerging_methods(G, "2w", min_papers=1, known=UNKNOWN)["entity"]) == ["grpo", "newnet", "dpo"]
    assert {"p", "q", "first_paper", "first_title", "homonym", "independent"} <= set(e.columns)


def test_a_method_proposed_by_one_paper_and_used_by_none_has_not_emerged():
    G = two_windows(10, prev={}, recent={"solo": 2}, proposed={"solo": 2})
    assert emerging_methods(G, "2w", min_papers=1, known=UNKNOWN).empty


def test_gazetteer_methods_are_marked_known():
    from kg.extract import load_gazetteer

    key = next(e.key for e in load_gazetteer().entries.values() if e.kind == "method")
    G = two_windows(10, prev={"lora": 5}, recent={key: 4, "zzqx-discovered": 3})
    e = emerging_methods(G, "2w").set_index("entity")
    assert e.loc[key, "known"] != "" and e.loc["zzqx-discovered", "known"] == ""
    assert key not in set(emerging_methods(G, "2w", include_known=False)["entity"])


def test_emerging_significance_needs_look_back():
    # 6 uptake papers all in the recent window: with two weeks of look-back p = (1/2)^6 and nothing
    # survives the family; with 12 weeks it is significant
    short = two_windows(10, prev={"lora": 5}, recent={"newnet": 6})
    e = emerging_methods(short, "2w", known=UNKNOWN).set_index("entity")
    assert e.attrs["lookback_days"] == 14
    assert e.loc["newnet", "p"] == pytest.approx(0.5 ** 6)
    long_days = day_range(D(2025, 10, 23), D(2026, 1, 28))
    totals = {d: 10 for d in long_days}
    mentions = {"newnet": {d: 1 for d in RECENT[:6]}, "lora": {d: 1 for d in long_days[::5]}}
    e = emerging_methods(synthetic_graph(totals, mentions), "2w", known=UNKNOWN).set_index("entity")
    assert e.attrs["lookback_days"] >= 84
    assert e.loc["newnet", "p"] == pytest.approx((14 / len(long_days)) ** 6) and e.loc["newnet", "q"] < 0.05


def test_emerging_ignores_a_category_that_joined_the_digests():
    # cs.IT joins in the recent window: its methods are all "first seen" there, but a paper of a
    # category with no papers before the window says nothing about novelty (pi = 1, p = 1)
    from tests.trends_helpers import synthetic_graph_by_category

    rows = [(d, "cs.CV", 20, {"lora": 2}) for d in PREV + RECENT]
    rows += [(d, "cs.IT", 10, {"mimo": 3}) for d in RECENT]
    e = emerging_methods(synthetic_graph_by_category(rows), "2w", known=UNKNOWN).set_index("entity")
    assert e.loc["mimo", "papers"] == 42 and e.loc["mimo", "p"] == 1.0


def test_homonyms_and_independent_uptake():
    from kg.graph import build_graph
    from kg.records import MethodMention, Paper, PaperExtraction

    def paper(pid, day, authors):
        return Paper(pid, f"title {pid}", authors=authors, first_seen=day, categories=("cs.LG",), primary_category="cs.LG")

    papers = [paper(f"p{i}", D(2026, 1, 1) + dt.timedelta(days=i), (f"Old Author{i}",)) for i in range(14)]
    papers += [paper("a1", D(2026, 1, 16), ("Ann Lee", "Bo Li")), paper("b1", D(2026, 1, 18), ("Cy Wu",)),
               paper("u1", D(2026, 1, 20), ("Ann Lee",)), paper("u2", D(2026, 1, 21), ("Dee Ng",))]
    ex = [PaperExtraction("a1", methods=(MethodMention("cortex", "CORTEX", "CORTEX", proposed=True),)),
          PaperExtraction("b1", methods=(MethodMention("cortex", "CORTEX", "CORTEX", proposed=True),)),
          PaperExtraction("u1", methods=(MethodMention("cortex", "CORTEX", "CORTEX"),)),
          PaperExtraction("u2", methods=(MethodMention("cortex", "CORTEX", "CORTEX"),))]
    G = build_graph(papers, [], ex)
    row = emerging_methods(G, "2w", known=UNKNOWN).set_index("entity").loc["cortex"]
    assert bool(row["homonym"])  # two proposing papers without a shared author
    assert (row["papers"], row["proposed_by"], row["independent"]) == (2, 2, 1)  # u1 shares Ann Lee with a1
    assert row["first_paper"] == "a1" and row["first_title"] == "title a1"


def test_a_month_precision_mention_before_the_window_means_not_new():
    G = two_windows(10, prev={}, recent={"grpo": 4, "dpo": 4}, month_papers={D(2025, 12, 1): ("grpo",)})
    assert list(emerging_methods(G, "2w", min_papers=2, known=UNKNOWN)["entity"]) == ["dpo"]
    # the month paper is in no window, so it changes no rising count either
    r = rising_methods(G, "2w", include_falling=True, min_support=1).set_index("entity")
    assert r.loc["grpo", "count_prev"] == 0 and r.loc["grpo", "total_prev"] == 140


def test_end_moves_the_windows():
    G = two_windows(10, prev={"lora": 7}, recent={"lora": 1})
    # lora's 7 early mentions fall on Jan 1..7: the week before an end of Jan 14
    r = rising_methods(G, "1w", end=D(2026, 1, 14), min_support=1, include_falling=True)
    w = r.attrs["windows"]
    assert (w.prev_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14))
    assert (r.iloc[0]["count_prev"], r.iloc[0]["count_recent"], r.iloc[0]["total_recent"]) == (7, 0, 70)
    assert r.iloc[0]["z"] < 0


def test_auto_window_is_half_the_span_in_whole_weeks_at_most_four():
    from kg.trends import auto_window

    assert auto_window(D(2026, 1, 5), D(2026, 2, 3)) == 14  # 30 days of digests: two 14-day windows
    assert auto_window(D(2026, 1, 19), D(2026, 1, 27)) == 7  # 9 days: one week is the least
    assert auto_window(D(2025, 1, 1), D(2025, 12, 31)) == 28
    assert auto_window(D(2026, 1, 5), D(2026, 1, 5)) == 7
    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9})
    w = rising_methods(G).attrs["windows"]  # default window: auto, over Jan 1..28
    assert (w.prev_start, w.prev_end, w.recent_start, w.end) == (D(2026, 1, 1), D(2026, 1, 14), D(2026, 1, 15), D(2026, 1, 28))


def test_windows_hold_every_weekday_equally():
    for window in ("1w", "2w", "3w", "4w"):
        w = windows(window, D(2026, 2, 3))
        for lo, hi in ((w.prev_start, w.prev_end), (w.recent_start, w.end)):
            weekdays = pd.Series([d.weekday() for d in day_range(lo, hi)]).value_counts()
            assert weekdays.nunique() == 1 and len(weekdays) == 7


def test_coverage_note_when_data_start_inside_or_after_the_previous_window():
    from kg.trends import coverage_note

    G = two_windows(10, prev={"lora": 5}, recent={"lora": 9})  # Jan 1..28
    assert coverage_note(G, windows("2w", D(2026, 1, 28))) is None
    partial = coverage_note(G, windows("3w", D(2026, 1, 28)))  # previous: Dec 18 .. Jan 7
    assert "only 7 of the 21 days" in partial and "2026-01-01" in partial
    assert "nothing to compare" in coverage_note(G, windows("4w", D(2026, 1, 28)))


def test_clustered_days_widen_the_p_value():
    # the same counts (6 -> 18 of 280), spread evenly over the days or arriving as three days of six papers
    # (one lab's series, one digest source extracting differently): the clustered one is weaker evidence
    even = two_windows(20, prev={"lora": 6, "grpo": 6}, recent={"lora": 18, "grpo": 6})
    clustered_mentions = {"lora": {PREV[3]: 6, RECENT[2]: 6, RECENT[7]: 6, RECENT[11]: 6},
                          "grpo": {d: 1 for d in PREV[:6] + RECENT[:6]}}
    clustered = synthetic_graph({d: 20 for d in PREV + RECENT}, clustered_mentions)
    r_even = rising_methods(even, "2w").set_index("entity").loc["lora"]
    r_clust = rising_methods(clustered, "2w").set_index("entity").loc["lora"]
    assert (r_even["count_prev"], r_even["count_recent"]) == (r_clust["count_prev"], r_clust["count_recent"]) == (6, 18)
    assert r_even["dispersion"] == pytest.approx(1.0, abs=0.3)
    assert r_clust["dispersion"] > 2 and r_clust["p"] > 10 * r_even["p"]
