"""Per-period paper counts and shares of every method, dataset and category.

Periods are days, ISO weeks (Monday to Sunday, labelled ``2026-W01`` by ISO year:
2025-12-29..2026-01-04 is ``2026-W01``) or calendar months, all by the date a paper
was first listed. Papers known only to the month (``date_precision == "month"``)
count at month granularity only: placing them on a day or week would invent a date.
"""
from __future__ import annotations

from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.trends.data import Kind, TrendData, as_trend_data

__all__ = ["Freq", "FREQS", "SERIES_COLUMNS", "time_series", "period_starts", "period_labels", "paper_periods"]

Freq = Literal["D", "W", "M"]
FREQS: tuple[Freq, ...] = ("D", "W", "M")
SERIES_COLUMNS = ["entity", "name", "kind", "freq", "period", "start", "count", "total", "share"]
_LABEL_FORMAT = {"D": "%Y-%m-%d", "W": "%G-W%V", "M": "%Y-%m"}


def _check_freq(freq: str) -> None:
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")


def period_starts(dates: pd.Series | pd.DatetimeIndex, freq: Freq) -> pd.DatetimeIndex:
    """The first day of the period each date falls in (the day, the ISO week's Monday, the month's 1st)."""
    _check_freq(freq)
    idx = pd.DatetimeIndex(dates).normalize()
    if freq == "W":
        return idx - pd.to_timedelta(idx.day_of_week, unit="D")
    if freq == "M":
        return idx.to_period("M").to_timestamp()
    return idx


def period_range(first: pd.Timestamp, last: pd.Timestamp, freq: Freq) -> pd.DatetimeIndex:
    """Every period start from the period of ``first`` to that of ``last`` (no gaps)."""
    lo, hi = period_starts(pd.DatetimeIndex([first, last]), freq)
    step = {"D": "D", "W": "7D", "M": "MS"}[freq]
    return pd.date_range(lo, hi, freq=step)


def period_labels(starts: pd.DatetimeIndex, freq: Freq) -> pd.Index:
    """Readable labels: ``2026-01-05``, ``2026-W02`` (ISO year and week), ``2026-01``."""
    _check_freq(freq)
    return starts.strftime(_LABEL_FORMAT[freq])


def paper_periods(data: TrendData, freq: Freq) -> pd.Series:
    """Period start of every paper that can be placed at this granularity (index: paper id).

    Month-precision papers are left out of days and weeks.
    """
    papers = data.papers if freq == "M" else data.papers[data.papers["precision"] == "day"]
    return pd.Series(period_starts(papers["date"], freq), index=papers.index, name="start")


def time_series(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    freq: Freq = "W",
    *,
    primary_only: bool = False,
) -> pd.DataFrame:
    """Number and share of papers per period for every entity of one kind, zero-filled.

    Args:
        source: the knowledge graph (or its :func:`~kg.trends.data.trend_data`).
        kind: "method" (MENTIONS), "dataset" (USES_DATASET) or "category" (IN_CATEGORY).
        freq: "D" (day), "W" (ISO week) or "M" (calendar month).
        primary_only: for categories, count a paper only in its primary category
            (shares then sum to at most 1); by default cross-lists count in every category.

    Returns:
        DataFrame with columns ``entity, name, kind, freq, period, start, count, total, share``,
        one row per entity that occurs in at least one countable paper and per period from
        the first to the last period with papers (gaps filled with ``count`` 0).
        ``total`` is the number of papers first seen in that period, ``share = count / total``
        (NaN when the period has no papers at all, e.g. a weekend day). Sorted by entity, start.
        ``attrs["month_only_papers"]`` counts papers left out of "D"/"W" for lack of a day.
    """
    _check_freq(freq)
    data = as_trend_data(source)
    starts = paper_periods(data, freq)
    links = data.links[data.links["kind"] == kind]
    if primary_only and kind == "category":
        links = links[links["primary"]]
    placed = links[["paper", "entity"]].join(starts, on="paper", how="inner")
    month_only = int((data.papers["precision"] != "day").sum()) if freq != "M" else 0
    if starts.empty or placed.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in SERIES_COLUMNS})
        empty.attrs["month_only_papers"] = month_only
        return empty
    periods = period_range(starts.min(), starts.max(), freq)
    totals = starts.value_counts().reindex(periods, fill_value=0)
    counts = placed.groupby(["entity", "start"]).size()
    entities = counts.index.get_level_values(0).unique().sort_values()
    full = pd.MultiIndex.from_product([entities, periods], names=["entity", "start"])
    counts = counts.reindex(full, fill_value=0)
    out = counts.rename("count").reset_index()
    out["total"] = np.tile(totals.to_numpy(), len(entities))
    out["share"] = out["count"] / out["total"].where(out["total"] > 0)  # NaN where the period has no papers
    names = data.entities.loc[kind, "name"] if kind in data.entities.index.get_level_values(0) else pd.Series(dtype=object)
    out["name"] = out["entity"].map(names).fillna(out["entity"])
    out["kind"] = kind
    out["freq"] = freq
    out["period"] = np.tile(np.asarray(period_labels(periods, freq)), len(entities))
    out = out[SERIES_COLUMNS].astype({"count": "int64", "total": "int64", "share": "float64"})
    out.attrs["month_only_papers"] = month_only
    return out
