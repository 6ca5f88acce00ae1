"""Time series: zero-filled periods by day, ISO week and month, shares, month-precision papers."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kg.trends import time_series, trend_data
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


def test_daily_series_zero_filled_across_year_boundary(across_new_year):
    df = time_series(across_new_year, "method", "D")
    lora = rows(df, "lora")
    assert list(lora["period"]) == [f"2025-12-{d}" for d in (30, 31)] + [f"2026-01-0{d}" for d in range(1, 7)]
    assert list(lora["count"]) == [1, 0, 0, 0, 0, 0, 0, 2]
    assert list(lora["total"]) == [4, 0, 0, 0, 0, 0, 0, 2]
    # a day without any paper has no share (undefined), a day with papers and no mention has 0
    assert lora["share"].iloc[0] == 0.25 and lora["share"].iloc[-1] == 1.0
    assert lora["share"].iloc[1:7].isna().all()
    dpo = rows(df, "dpo")
    assert list(dpo["count"]) == [0, 0, 0, 0, 0, 0, 0, 1] and dpo["share"].iloc[0] == 0.0
    assert set(df["kind"]) == {"method"} and set(df["freq"]) == {"D"}


def test_iso_weeks_use_the_iso_year():
    # 2025-12-29 (Mon) .. 2026-01-04 (Sun) is ISO week 2026-W01; 2025-12-28 (Sun) is 2025-W52.
    G = synthetic_graph({D(2025, 12, 28): 1, D(2025, 12, 29): 1, D(2026, 1, 4): 1, D(2026, 1, 19): 1},
                        {"lora": {D(2025, 12, 29): 1, D(2026, 1, 4): 1, D(2026, 1, 19): 1}})
    lora = rows(time_series(G, "method", "W"), "lora")
    assert list(lora["period"]) == ["2025-W52", "2026-W01", "2026-W02", "2026-W03", "2026-W04"]
    assert list(lora["start"].dt.date) == [D(2025, 12, 22), D(2025, 12, 29), D(2026, 1, 5), D(2026, 1, 12), D(2026, 1, 19)]
    assert list(lora["count"]) == [0, 2, 0, 0, 1]
    assert list(lora["total"]) == [1, 2, 0, 0, 1]


def test_months_zero_filled_across_year_and_month_precision_counted_only_monthly():
    G = synthetic_graph({D(2025, 11, 30): 2, D(2026, 2, 1): 1}, {"lora": {D(2025, 11, 30): 1, D(2026, 2, 1): 1}},
                        month_papers={D(2026, 1, 1): ("lora",)})
    monthly = rows(time_series(G, "method", "M"), "lora")
    assert list(monthly["period"]) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert list(monthly["count"]) == [1, 0, 1, 1]
    assert list(monthly["total"]) == [2, 0, 1, 1]
    daily = time_series(G, "method", "D")
    # the January paper has no day: it is in no daily or weekly row, and the frame says so
    assert rows(daily, "lora")["count"].sum() == 2 and daily.attrs["month_only_papers"] == 1
    assert time_series(G, "method", "W").attrs["month_only_papers"] == 1
    new_year = daily.loc[daily["period"] == "2026-01-01", "total"]
    assert len(new_year) == 1 and new_year.iloc[0] == 0  # the month paper was not put on the 1st


def test_every_entity_gets_every_period_and_share_is_count_over_total():
    days = {D(2026, 1, 5) + dt.timedelta(days=i): 3 + i for i in range(10)}
    G = synthetic_graph(days, {"lora": {d: 1 for d in days}, "grpo": {D(2026, 1, 9): 2}})
    for freq in ("D", "W", "M"):
        df = time_series(G, "method", freq)
        per_entity = df.groupby("entity")["period"].apply(list)
        assert per_entity["lora"] == per_entity["grpo"]
        ok = df["total"] > 0
        assert np.allclose(df.loc[ok, "share"], df.loc[ok, "count"] / df.loc[ok, "total"])
        # the totals are the papers of each period, whatever the entity
        assert df.groupby("period")["total"].nunique().eq(1).all()
        assert df.drop_duplicates("period")["total"].sum() == sum(days.values())


def test_categories_count_cross_lists_unless_primary_only():
    G = synthetic_graph({D(2026, 1, 5): 2, D(2026, 1, 6): 1}, {},
                        categories={D(2026, 1, 5): ("cs.CV", "cs.LG"), D(2026, 1, 6): ("cs.LG",)})
    all_cats = time_series(G, "category", "D")
    assert rows(all_cats, "cs.LG")["count"].tolist() == [2, 1]
    assert rows(all_cats, "cs.CV")["count"].tolist() == [2, 0]
    assert rows(all_cats, "cs.CV")["name"].iloc[0] == "Computer Vision and Pattern Recognition"
    primary = time_series(G, "category", "D", primary_only=True)
    assert rows(primary, "cs.LG")["count"].tolist() == [0, 1]
    assert primary.groupby("period")["share"].sum().le(1).all()


def test_datasets_and_empty_graph():
    from kg.graph import build_graph
    from kg.records import DatasetMention, Paper, PaperExtraction

    G = build_graph([Paper("1", "a", first_seen=D(2026, 1, 5)), Paper("2", "b", first_seen=D(2026, 1, 7))], [],
                    [PaperExtraction("2", datasets=(DatasetMention("imagenet", "ImageNet", "ImageNet"),))])
    ds = time_series(G, "dataset", "D")
    assert ds["count"].tolist() == [0, 0, 1] and ds["name"].iloc[0] == "ImageNet"
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
