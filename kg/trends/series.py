"""Per-period paper counts and shares of every method, dataset and category: sparse.

Periods are days, ISO weeks (Monday to Sunday, labelled ``2026-W01`` by ISO year:
2025-12-29..2026-01-04 is ``2026-W01``) or calendar months, all by the date a paper
was first listed. Papers known only to the month (``date_precision == "month"``)
count at month granularity only: placing them on a day or week would invent a date.

Counts are kept sparse: one row per (entity, period) with at least one paper, and one
row per period with papers in :func:`period_totals` (the denominators). A year of digests
has ~50,000 entities and ~250 days; the zero-filled grid (12 million rows, 99% zeros) is
only built for the few entities a chart draws (:func:`time_series` with ``zero_fill``).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.trends.coverage import Coverage, coverage
from kg.trends.data import Kind, TrendData, as_trend_data

__all__ = [
    "Freq", "FREQS", "SERIES_COLUMNS", "PERIOD_COLUMNS", "time_series", "period_totals", "period_starts",
    "period_labels", "paper_periods", "method_dates",
]

Freq = Literal["D", "W", "M"]
FREQS: tuple[Freq, ...] = ("D", "W", "M")
SERIES_COLUMNS = ["entity", "name", "kind", "freq", "period", "start", "count", "total", "share"]
PERIOD_COLUMNS = ["freq", "period", "start", "total", "days", "complete"]
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


def period_labels(starts: pd.DatetimeIndex, freq: Freq) -> pd.Index:
    """Readable labels: ``2026-01-05``, ``2026-W02`` (ISO year and week), ``2026-01``."""
    _check_freq(freq)
    return pd.DatetimeIndex(starts).strftime(_LABEL_FORMAT[freq])


def paper_periods(data: TrendData, freq: Freq) -> pd.Series:
    """Period start of every paper that can be placed at this granularity (index: paper id).

    Month-precision papers are left out of days and weeks.
    """
    papers = data.papers if freq == "M" else data.day_papers
    return pd.Series(period_starts(papers["date"], freq), index=papers.index, name="start")


def period_totals(source: Union[nx.MultiDiGraph, TrendData], freq: Freq, cover: Coverage | None = None) -> pd.DataFrame:
    """Papers first listed in each period that has any (the denominators of every share).

    Returns:
        DataFrame indexed by ``start`` with columns ``freq, period, start, total`` (papers),
        ``days`` (days with papers in it) and ``complete`` (the period's usual weekdays all lie
        inside the data: the first and last ISO week or month are usually cut; see
        :meth:`kg.trends.coverage.Coverage.complete_periods`).
    """
    _check_freq(freq)
    data = as_trend_data(source)
    starts = paper_periods(data, freq)
    if starts.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PERIOD_COLUMNS}).set_index("start", drop=False)
    papers = data.papers.loc[starts.index]
    frame = pd.DataFrame({"start": starts, "day": papers["date"].dt.normalize()})
    grouped = frame.groupby("start")
    out = pd.DataFrame({"total": grouped.size(), "days": grouped["day"].nunique()})
    out["start"] = out.index
    out["freq"] = freq
    out["period"] = np.asarray(period_labels(out.index, freq))
    cover = cover if cover is not None else coverage(data)
    out["complete"] = cover.complete_periods(out.index, freq) if freq != "M" or len(data.day_papers) else True
    return out[PERIOD_COLUMNS].astype({"total": "int64", "days": "int64", "complete": bool})


def time_series(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    freq: Freq = "W",
    *,
    primary_only: bool = False,
    zero_fill: bool = False,
    entities: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Number and share of papers per period for the entities of one kind (sparse by default).

    Args:
        source: the knowledge graph (or its :func:`~kg.trends.data.trend_data`).
        kind: "method" (MENTIONS), "dataset" (USES_DATASET) or "category" (IN_CATEGORY).
        freq: "D" (day), "W" (ISO week) or "M" (calendar month).
        primary_only: for categories, count a paper only in its primary category
            (shares then sum to at most 1); by default cross-lists count in every category.
        zero_fill: add ``count`` 0 rows for every period with papers in which an entity has
            none (what a line chart needs). Periods without any paper get no row either way.
        entities: only these entities (keys/codes); with ``zero_fill``, entities with no
            paper at all get all-zero rows.

    Returns:
        DataFrame with columns ``entity, name, kind, freq, period, start, count, total, share``:
        one row per (entity, period) with ``count > 0`` (with ``zero_fill``: per entity and
        period with papers). ``total`` is the number of papers first seen in that period,
        ``share = count / total``. Sorted by entity, start.
        ``attrs["month_only_papers"]`` counts papers left out of "D"/"W" for lack of a day.
    """
    _check_freq(freq)
    data = as_trend_data(source)
    starts = paper_periods(data, freq)
    links = data.kind_links(kind)
    if primary_only and kind == "category":
        links = links[links["is_primary"]]
    wanted = None if entities is None else list(dict.fromkeys(entities))
    if wanted is not None:
        links = links[links["entity"].isin(wanted)]
    month_only = int((data.papers["precision"] != "day").sum()) if freq != "M" else 0
    placed = links[["paper", "entity"]].join(starts, on="paper", how="inner")
    counts = placed.groupby(["entity", "start"]).size().rename("count")
    if zero_fill and not starts.empty:
        periods = pd.DatetimeIndex(sorted(starts.unique()), name="start")
        keys = wanted if wanted is not None else sorted(counts.index.get_level_values(0).unique())
        full = pd.MultiIndex.from_product([keys, periods], names=["entity", "start"])
        counts = counts.reindex(full, fill_value=0)
    out = counts.reset_index()
    if out.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in SERIES_COLUMNS})
        empty.attrs["month_only_papers"] = month_only
        return empty
    totals = starts.value_counts()
    out["total"] = out["start"].map(totals).astype("int64")
    out["share"] = out["count"] / out["total"]
    out["name"] = out["entity"].map(data.names(kind)["name"]).fillna(out["entity"])
    out["kind"] = kind
    out["freq"] = freq
    out["period"] = np.asarray(period_labels(pd.DatetimeIndex(out["start"]), freq))
    out = out.sort_values(["entity", "start"], ignore_index=True)
    out = out[SERIES_COLUMNS].astype({"count": "int64", "total": "int64", "share": "float64"})
    out.attrs["month_only_papers"] = month_only
    return out


def method_dates(source: Union[nx.MultiDiGraph, TrendData], *, min_papers: int = 1) -> pd.DataFrame:
    """When each method's papers were first listed: quartiles and mean of their first-seen dates.

    The numbers behind a trend-topics chart (bibliometrix's ``fieldByYear``: median and
    interquartile range per term) and behind a VOSviewer-style overlay that colours the
    topic network by mean first-seen date. Month-precision papers count at the 1st of their month.

    Args:
        source: the knowledge graph (or its trend data).
        min_papers: leave out methods mentioned by fewer papers.

    Returns:
        DataFrame indexed by method key with columns ``name, group, papers, first, q1, median,
        q3, last, mean`` (``datetime64``), sorted by median then key.

    >>> import datetime as dt
    >>> from kg.graph import build_graph
    >>> from kg.records import MethodMention, Paper, PaperExtraction
    >>> papers = [Paper(f"{i}", "t", first_seen=dt.date(2026, 1, 1 + i)) for i in range(5)]
    >>> G = build_graph(papers, [], [PaperExtraction(p.arxiv_id, methods=(MethodMention("lora", "LoRA", "LoRA"),)) for p in papers])
    >>> row = method_dates(G).loc["lora"]
    >>> int(row["papers"]), str(row["q1"].date()), str(row["median"].date()), str(row["q3"].date())
    (5, '2026-01-02', '2026-01-03', '2026-01-04')
    """
    data = as_trend_data(source)
    links = data.kind_links("method")[["paper", "entity"]].join(data.papers["date"], on="paper", how="inner")
    grouped = links.groupby("entity")["date"]
    ns = grouped.size()
    keep = ns.index[ns >= max(min_papers, 1)]
    grouped = links[links["entity"].isin(keep)].groupby("entity")["date"]
    out = pd.DataFrame({
        "papers": grouped.size(), "first": grouped.min(),
        "q1": grouped.quantile(0.25, interpolation="lower"), "median": grouped.quantile(0.5, interpolation="lower"),
        "q3": grouped.quantile(0.75, interpolation="higher"), "last": grouped.max(), "mean": grouped.mean(),
    })
    names = data.names("method")
    keys = pd.Series(out.index, index=out.index)
    out.insert(0, "name", keys.map(names["name"]).fillna(keys))
    out.insert(1, "group", keys.map(names["group"]).fillna(""))
    out = out.rename_axis("entity").reset_index().sort_values(["median", "entity"]).set_index("entity")
    return out.astype({"papers": "int64"})
