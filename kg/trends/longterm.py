"""Trends over the whole series: does a method's share grow or shrink week after week?

Two windows see only the end of a long series (and a conference-deadline surge in one of
them can decide the answer). For data with at least :data:`MIN_WEEKS` complete ISO weeks,
:func:`long_trends` fits, per method, a Poisson regression of its weekly papers on time,

    log E[y_w] = log(e_w) + a + b * t_w,

where ``e_w`` is what the method would have in week ``w`` at its overall share *within each
primary category* given that week's category mix (so a growing category does not make its
methods "trend"), and ``t_w`` is in years. ``b`` is the log change per year (``growth`` =
``exp(b)`` per year; ``change`` = the fitted ratio between the last and the first week). The
test of ``b = 0`` is the score test, scaled by the Pearson dispersion (quasi-Poisson: papers of
one lab arriving together make weekly counts noisier than Poisson), two-sided; ``q`` is its
Benjamini–Hochberg q-value over every method tested.

Why not Mann–Kendall / Theil–Sen on weekly shares: most methods have a few papers a week, so
the shares are mostly zeros (ties everywhere) and every week weighs the same whatever its size;
the regression uses the counts and the weekly totals as they are.
"""
from __future__ import annotations

from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd
from scipy import stats

from kg.trends.coverage import coverage
from kg.trends.data import Kind, TrendData, as_trend_data
from kg.trends.series import paper_periods, period_totals
from kg.trends.stats import bh_q, poisson_trend

__all__ = ["long_trends", "LONG_COLUMNS", "MIN_WEEKS"]

LONG_COLUMNS = ["entity", "name", "group", "papers", "weeks", "slope", "growth", "change", "dispersion", "z", "p", "q"]
#: the series needs this many complete weeks for a trend over it
MIN_WEEKS = 8


def long_trends(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    *,
    min_papers: int = 10,
    min_weeks: int = MIN_WEEKS,
    adjust: Literal["category", "none"] = "category",
) -> pd.DataFrame:
    """The whole-series trend of every entity with ``min_papers`` papers in the complete weeks.

    Returns:
        DataFrame with columns of :data:`LONG_COLUMNS`, sorted by ``z`` (strongest growth first;
        falling methods last). ``attrs``: ``weeks`` (complete weeks used), ``first`` and
        ``last`` (their Mondays), ``enough`` (at least ``min_weeks`` of them).
    """
    data = as_trend_data(source)
    cover = coverage(data)
    weeks = period_totals(data, "W", cover)
    weeks = weeks[weeks["complete"]] if not weeks.empty else weeks
    attrs: dict[str, object] = {"weeks": len(weeks), "first": None, "last": None, "enough": len(weeks) >= min_weeks}
    if weeks.empty:
        return _empty(attrs)
    attrs.update(first=weeks.index[0].date(), last=weeks.index[-1].date())
    if len(weeks) < min_weeks:
        return _empty(attrs)
    starts = paper_periods(data, "W")
    starts = starts[starts.isin(weeks.index)]
    papers = pd.DataFrame({"start": starts, "stratum": data.papers.loc[starts.index, "primary"]})
    links = data.kind_links(kind)[["paper", "entity"]].join(papers, on="paper", how="inner")
    n = links.groupby("entity").size()
    entities = n.index[n >= min_papers].sort_values()
    if entities.empty:
        return _empty(attrs)
    links = links[links["entity"].isin(entities)]
    y = links.groupby(["entity", "start"]).size().unstack(fill_value=0).reindex(
        index=entities, columns=weeks.index, fill_value=0).to_numpy(dtype=float)
    if adjust == "category" and kind != "category":
        mix = pd.crosstab(papers["start"], papers["stratum"]).reindex(weeks.index, fill_value=0)  # (W, K)
        per = links.groupby(["entity", "stratum"]).size().unstack(fill_value=0).reindex(
            index=entities, columns=mix.columns, fill_value=0)
        share = per.to_numpy() / np.maximum(mix.sum(axis=0).to_numpy(), 1)
        expected = share @ mix.to_numpy().T
    elif adjust in ("category", "none"):
        expected = (y.sum(axis=1, keepdims=True) / weeks["total"].sum()) * weeks["total"].to_numpy()[None, :]
    else:
        raise ValueError(f"adjust must be 'category' or 'none', not {adjust!r}")
    t = ((weeks.index - weeks.index[0]).days / 365.25).to_numpy()
    b, _, z, disp = poisson_trend(y, expected, t)
    span = t[-1] - t[0]
    p = 2 * stats.norm.sf(np.abs(z))
    table = pd.DataFrame({
        "entity": entities, "papers": y.sum(axis=1).astype("int64"), "weeks": (y > 0).sum(axis=1).astype("int64"),
        "slope": b, "growth": np.exp(b), "change": np.exp(b * span), "dispersion": disp, "z": z, "p": p, "q": bh_q(p),
    })
    info = data.names(kind)
    table["name"] = table["entity"].map(info["name"]).fillna(table["entity"])
    table["group"] = table["entity"].map(info["group"]).fillna("")
    table = table.sort_values(["z", "entity"], ascending=[False, True], ignore_index=True)[LONG_COLUMNS]
    table.attrs.update(attrs)
    return table


def _empty(attrs: dict[str, object]) -> pd.DataFrame:
    table = pd.DataFrame({c: pd.Series(dtype=object) for c in LONG_COLUMNS})
    table.attrs.update(attrs)
    return table
