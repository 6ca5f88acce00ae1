"""Time series: sparse counts by day, ISO week and month, period totals, zero-fill on request, outlying dates."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kg.trends import method_dates, period_totals, time_series, trend_data
from tests.trends_helpers import synthetic_graph

D = dt.date


@pytest.fixture
def across_new_year():
    # papers on 2025-12-30 (Tue) and 2026-01-06 (Tue): a week of nothing in between,
    # crossing a month and a year; lora on both days, dpo only in January.
    return synthetic_graph(
        {D(2025, 12, 30): 4, D(2026, 1, 6): 2},
        {"lora": {D(2025, 12, 30): 1, D(2026, 1, 6): 2}, "dpo": {D(2026, 1, 6): 1}},
    )


def rows(df: pd.DataFrame, entity: str) -> pd.DataFrame:
    return df[df["entity"] == entity].reset_index(drop=True)


def test_daily_series_is_sparse_across_year_boundary(across_new_year):
    df = time_series(across_new_year, "method", "D")
    # only (entity, day) pairs with papers: no rows for the empty days in between, none with count 0
    assert (df["count"] > 0).all()
    lora = rows(df, "lora")
    assert list(lora["period"]) == ["2025-12-30", "2026-01-06"]
    assert list(lora["count"]) == [1, 2] and list(lora["total"]) == [4, 2]
    assert lora["share"].tolist() == [0.25, 1.0]
    assert list(rows(df, "dpo")["period"]) == ["2026-01-06"]
    assert set(df["kind"]) == {"method"} and set(df["freq"]) == {"D"}


def test_zero_fill_covers_the_periods_with_papers_only(across_new_year):
    df = time_series(across_new_year, "method", "D", zero_fill=True)
    dpo = rows(df, "dpo")
    assert list(dpo["period"]) == ["2025-12-30", "2026-01-06"] and list(dpo["count"]) == [0, 1]
    assert dpo["share"].iloc[0] == 0.0
    only = time_series(across_new_year, "method", "D", zero_fill=True, entities=["dpo", "never-seen"])
    assert set(only["entity"]) == {"dpo", "never-seen"} and rows(only, "never-seen")["count"].sum() == 0


def test_period_totals_are_the_denominators(across_new_year):
    days = period_totals(across_new_year, "D")
    assert days["period"].tolist() == ["2025-12-30", "2026-01-06"] and days["total"].tolist() == [4, 2]
    weeks = period_totals(across_new_year, "W")
    assert weeks["period"].tolist() == ["2026-W01", "2026-W02"] and weeks["days"].tolist() == [1, 1]
    months = period_totals(across_new_year, "M")
    assert months["period"].tolist() == ["2025-12", "2026-01"] and months["total"].tolist() == [4, 2]


def test_iso_weeks_use_the_iso_year():
    # 2025-12-29 (Mon) .. 2026-01-04 (Sun) is ISO week 2026-W01; 2025-12-28 (Sun) is 2025-W52.
    G = synthetic_graph({D(2025, 12, 28): 1, D(2025, 12, 29): 1, D(2026, 1, 4): 1, D(2026, 1, 19): 1},
                        {"lora": {D(2025, 12, 29): 1, D(2026, 1, 4): 1, D(2026, 1, 19): 1}})
    lora = rows(time_series(G, "method", "W"), "lora")
    assert list(lora["period"]) == ["2026-W01", "2026-W04"]
    assert list(lora["start"].dt.date) == [D(2025, 12, 29), D(2026, 1, 19)]
    assert list(lora["count"]) == [2, 1] and list(lora["total"]) == [2, 1]
    assert period_totals(G, "W")["period"].tolist() == ["2025-W52", "2026-W01", "2026-W04"]


def test_weeks_cut_by_the_start_or_end_of_the_data_are_not_complete():
    # data from Wednesday 2026-01-07 to Tuesday 2026-01-27, every day: the first and last weeks are cut
    days = [D(2026, 1, 7) + dt.timedelta(days=i) for i in range(21)]
    G = synthetic_graph({d: 5 for d in days}, {"lora": {d: 1 for d in days}})
    weeks = period_totals(G, "W")
    assert weeks["period"].tolist() == ["2026-W02", "2026-W03", "2026-W04", "2026-W05"]
    assert weeks["complete"].tolist() == [False, True, True, False]
    assert period_totals(G, "D")["complete"].all()


def test_months_and_month_precision_counted_only_monthly():
    G = synthetic_graph({D(2025, 11, 30): 2, D(2026, 2, 1): 1}, {"lora": {D(2025, 11, 30): 1, D(2026, 2, 1): 1}},
                        month_papers={D(2026, 1, 1): ("lora",)})
    monthly = rows(time_series(G, "method", "M"), "lora")
    assert list(monthly["period"]) == ["2025-11", "2026-01", "2026-02"]
    assert list(monthly["count"]) == [1, 1, 1] and list(monthly["total"]) == [2, 1, 1]
    daily = time_series(G, "method", "D")
    # the January paper has no day: it is in no daily or weekly row, and the frame says so
    assert rows(daily, "lora")["count"].sum() == 2 and daily.attrs["month_only_papers"] == 1
    assert time_series(G, "method", "W").attrs["month_only_papers"] == 1
    assert "2026-01-01" not in set(period_totals(G, "D")["period"])  # the month paper was not put on the 1st


def test_share_is_count_over_total_and_totals_are_per_period():
    days = {D(2026, 1, 5) + dt.timedelta(days=i): 3 + i for i in range(10)}
    G = synthetic_graph(days, {"lora": {d: 1 for d in days}, "grpo": {D(2026, 1, 9): 2}})
    for freq in ("D", "W", "M"):
        df = time_series(G, "method", freq)
        assert np.allclose(df["share"], df["count"] / df["total"])
        totals = period_totals(G, freq).set_index("start")["total"]
        assert (df["total"].to_numpy() == totals.reindex(df["start"]).to_numpy()).all()
        assert totals.sum() == sum(days.values())


def test_categories_count_cross_lists_unless_primary_only():
    G = synthetic_graph({D(2026, 1, 5): 2, D(2026, 1, 6): 1}, {},
                        categories={D(2026, 1, 5): ("cs.CV", "cs.LG"), D(2026, 1, 6): ("cs.LG",)})
    all_cats = time_series(G, "category", "D")
    assert rows(all_cats, "cs.LG")["count"].tolist() == [2, 1]
    assert rows(all_cats, "cs.CV")["count"].tolist() == [2]
    assert rows(all_cats, "cs.CV")["name"].iloc[0] == "Computer Vision and Pattern Recognition"
    primary = time_series(G, "category", "D", primary_only=True)
    assert rows(primary, "cs.LG")["count"].tolist() == [1] and rows(primary, "cs.CV")["count"].tolist() == [2]
    assert primary.groupby("period")["share"].sum().le(1).all()


def test_datasets_and_empty_graph():
    from kg.graph import build_graph
    from kg.records import DatasetMention, Paper, PaperExtraction

    G = build_graph([Paper("1", "a", first_seen=D(2026, 1, 5)), Paper("2", "b", first_seen=D(2026, 1, 7))], [],
                    [PaperExtraction("2", datasets=(DatasetMention("imagenet", "ImageNet", "ImageNet"),))])
    ds = time_series(G, "dataset", "D")
    assert ds["count"].tolist() == [1] and ds["period"].tolist() == ["2026-01-07"] and ds["name"].iloc[0] == "ImageNet"
    empty = time_series(build_graph([]), "method", "W")
    assert empty.empty and "share" in empty.columns
    with pytest.raises(ValueError):
        time_series(G, "method", "Y")  # type: ignore[arg-type]


def test_trend_data_skips_undated_papers():
    from kg.graph import build_graph
    from kg.records import MethodMention, Paper, PaperExtraction

    G = build_graph([Paper("1", "a"), Paper("2", "b", first_seen=D(2026, 1, 5))], [],
                    [PaperExtraction(p, methods=(MethodMention("lora", "LoRA", "LoRA"),)) for p in ("1", "2")])
    data = trend_data(G)
    assert data.undated == 1 and list(data.papers.index) == ["2"]
    assert time_series(data, "method", "D")["count"].tolist() == [1]


def test_an_absurd_date_is_set_aside_not_zero_filled_over_a_millennium():
    # a digest file named 1026-01-19.md: its papers would stretch every series over 1,000 years
    days = {D(2026, 1, 5) + dt.timedelta(days=i): 10 for i in range(14)} | {D(1026, 1, 19): 3}
    G = synthetic_graph(days, {"lora": {d: 2 for d in days}})
    data = trend_data(G)
    assert data.first_day == D(2026, 1, 5) and data.outlying.to_dict() == {pd.Timestamp("1026-01-19"): 3}
    assert len(data.papers) == 140
    for freq in ("D", "W", "M"):
        assert period_totals(data, freq)["start"].min() >= pd.Timestamp("2026-01-01")
        assert len(time_series(data, "method", freq, zero_fill=True)) <= 14


def test_method_dates_quartiles():
    days = {D(2026, 1, 5) + dt.timedelta(days=i): 4 for i in range(8)}
    G = synthetic_graph(days, {"lora": {d: 1 for d in days}, "dpo": {D(2026, 1, 12): 3}})
    dates = method_dates(G)
    assert list(dates.index) == ["lora", "dpo"]  # by median date
    lora = dates.loc["lora"]
    assert (lora["papers"], lora["first"].date(), lora["last"].date()) == (8, D(2026, 1, 5), D(2026, 1, 12))
    assert lora["q1"].date() == D(2026, 1, 6) and lora["median"].date() == D(2026, 1, 8) and lora["q3"].date() == D(2026, 1, 11)
    assert lora["mean"] == pd.Timestamp("2026-01-08 12:00")
    assert list(method_dates(G, min_papers=4).index) == ["lora"]
