"""PNG charts of the trend tables (matplotlib).

Figures are made with :class:`matplotlib.figure.Figure` directly, not through pyplot: no
global figure registry to leak into, no backend switch that would break a notebook's inline
display, and ``savefig`` renders PNGs with Agg whatever backend is active (no display needed).
Every function returns the figure it drew so a caller (or a test) can check that what is
plotted is exactly the DataFrame's values.

Shares over time are drawn **per ISO week** when the data hold at least :data:`MIN_WEEKS`
complete weeks, else per day; either way a point needs :data:`MIN_POINT_PAPERS` papers (a day
listing three new papers would swing a share from 0% to 100%), and weeks cut by the first or
last day of the data are not drawn (a Monday-and-Tuesday week is not a week).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__all__ = [
    "MIN_POINT_PAPERS", "MIN_WEEKS", "chart_freq", "chart_periods", "filled_series", "plotted_series",
    "plot_shares", "plot_burst_timeline", "plot_trend_topics", "plot_group_shares", "save_figure",
]

#: a point of a share chart needs at least this many papers in its period
MIN_POINT_PAPERS = 30
#: share charts are weekly when the data hold at least this many complete, large-enough weeks
MIN_WEEKS = 4
_FREQ_WORD = {"D": "daily", "W": "per ISO week, drawn at its Thursday", "M": "per month, drawn at its 15th"}
#: where a period's point is drawn: the middle of the period, so a week's point sits inside the week
_MIDDLE = {"D": pd.Timedelta(0), "W": pd.Timedelta(days=3), "M": pd.Timedelta(days=14)}
_BURST_COLOUR = "#c0392b"


def chart_periods(periods: pd.DataFrame, min_papers: int = MIN_POINT_PAPERS) -> pd.DataFrame:
    """The periods a share chart draws: complete ones with at least ``min_papers`` papers."""
    if periods.empty:
        return periods
    return periods[periods["complete"].astype(bool) & (periods["total"] >= min_papers)]


def chart_freq(weekly_periods: pd.DataFrame, min_weeks: int = MIN_WEEKS, min_papers: int = MIN_POINT_PAPERS) -> str:
    """"W" when at least ``min_weeks`` complete weeks have ``min_papers`` papers, else "D"."""
    return "W" if len(chart_periods(weekly_periods, min_papers)) >= min_weeks else "D"


def filled_series(series: pd.DataFrame, periods: pd.DataFrame, entities: Sequence[str]) -> pd.DataFrame:
    """Sparse rows of ``entities`` zero-filled over ``periods``: columns ``entity, start, count, total, share``."""
    starts = pd.DatetimeIndex(periods["start"]) if not periods.empty else pd.DatetimeIndex([])
    full = pd.MultiIndex.from_product([list(entities), starts], names=["entity", "start"])
    rows = series[series["entity"].isin(entities)].set_index(["entity", "start"])["count"] if not series.empty else None
    counts = (rows.reindex(full, fill_value=0) if rows is not None else pd.Series(0, index=full)).rename("count")
    out = counts.reset_index()
    out["total"] = out["start"].map(periods.set_index("start")["total"]) if not periods.empty else 0
    out["share"] = out["count"] / out["total"]
    return out


def plotted_series(series: pd.DataFrame, periods: pd.DataFrame, entities: Sequence[str],
                   min_papers: int = MIN_POINT_PAPERS) -> dict[str, pd.DataFrame]:
    """The points each line shows: ``start``, ``x`` (where it is drawn: the period's middle) and
    ``share`` of every drawable period (see :func:`chart_periods`)."""
    shown = filled_series(series, chart_periods(periods, min_papers), entities)
    freq = periods["freq"].iloc[0] if not periods.empty else "D"
    shown["x"] = shown["start"] + _MIDDLE.get(freq, pd.Timedelta(0))
    return {e: g[["start", "x", "share"]].reset_index(drop=True) for e, g in shown.groupby("entity", sort=False)}


def _titles(fig: Figure, ax: object, title: str, caption: str) -> None:
    """The title on top, a one-line grey caption (what a point is) just under it."""
    fig.suptitle(title, fontsize=13, x=0.01, ha="left")
    ax.set_title(caption, fontsize=8.5, loc="left", color="0.35")  # type: ignore[attr-defined]


def plot_shares(
    series: pd.DataFrame,
    periods: pd.DataFrame,
    entities: Sequence[str],
    *,
    title: str,
    ylabel: str = "share of papers",
    shade: tuple[dt.date, dt.date] | None = None,
    shade_label: str = "recent window",
    min_papers: int = MIN_POINT_PAPERS,
) -> Figure:
    """One line per entity (in the given order): its share of papers per period.

    Args:
        series: sparse rows of :func:`kg.trends.time_series` for one kind and one freq.
        periods: :func:`kg.trends.series.period_totals` of the same freq.
        entities: the entities to draw (keys/codes); the legend shows their names.
        title: the chart title.
        ylabel: the y-axis label.
        shade: a date range to shade (the recent window), drawn as a patch, not a line.
        shade_label: its legend entry.
        min_papers: periods with fewer papers are not drawn.

    Returns:
        The figure (not yet saved); nothing to draw gives an axes saying "no data".
    """
    fig = Figure(figsize=(10, 5.5), dpi=100, layout="constrained")
    ax = fig.subplots()
    lines = plotted_series(series, periods, entities, min_papers)
    names = series.drop_duplicates("entity").set_index("entity")["name"] if not series.empty else pd.Series(dtype=object)
    freq = periods["freq"].iloc[0] if not periods.empty else "D"
    for entity in entities:
        if entity in lines and not lines[entity].empty:
            pts = lines[entity]
            ax.plot(pts["x"], pts["share"], marker="o", markersize=3, linewidth=1.6,
                    label=str(names.get(entity, entity)))
    drawn = any(not pts.empty for pts in lines.values())
    if shade is not None and drawn:
        # a patch, not a Line2D: ax.get_lines() stays exactly the data series
        ax.axvspan(pd.Timestamp(shade[0]), pd.Timestamp(shade[1]) + pd.Timedelta(hours=23), color="0.5", alpha=0.12,
                   label=shade_label)
    if not drawn:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    points = len(chart_periods(periods, min_papers))
    locator = _locator(freq, points)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(mticker.PercentFormatter(xmax=1.0))
    ax.set_ylim(bottom=0)
    cut = "complete weeks" if freq == "W" else "days"
    _titles(fig, ax, title, f"date first listed, {_FREQ_WORD.get(freq, freq)}; only {cut} with at least"
                            f" {min_papers} papers are drawn")
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3)
    if drawn:
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def _locator(freq: str, periods: int, max_ticks: int = 16) -> mdates.DateLocator:
    """Ticks on period starts (Mondays of ISO weeks, 1sts of months) while they are few enough to read;
    matplotlib's automatic ticks (month names, years) on longer spans and for days."""
    if freq == "W" and 0 < periods <= max_ticks:
        return mdates.WeekdayLocator(byweekday=mdates.MO)
    if freq == "M" and 0 < periods <= max_ticks:
        return mdates.MonthLocator()
    return mdates.AutoDateLocator()


def plot_burst_timeline(table: pd.DataFrame, first: dt.date | None, last: dt.date | None, *, top: int = 20,
                        title: str = "Strongest bursts") -> Figure:
    """CiteSpace-style burst timeline: one row per burst, a bar over its days on the data's time axis.

    Rows are the ``top`` strongest bursts, listed by begin date; each shows the method, the
    strength and q. Censored bursts (touching the first or last day of the data) are hatched.
    The bars (``ax.patches`` with ``gid="burst"``) span ``begin`` to the end of ``end``.
    """
    rows = table.head(top).sort_values(["begin", "strength"], ascending=[True, False]).reset_index(drop=True)
    height = max(2.5, 0.34 * len(rows) + 1.4)
    fig = Figure(figsize=(11, height), dpi=100, layout="constrained")
    ax = fig.subplots()
    if rows.empty or first is None or last is None:
        ax.text(0.5, 0.5, "no bursts", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title, fontsize=13)
        return fig
    lo, hi = pd.Timestamp(first), pd.Timestamp(last) + pd.Timedelta(days=1)
    for i, x in enumerate(rows.itertuples()):
        y = len(rows) - 1 - i
        ax.plot([lo, hi], [y, y], color="0.82", linewidth=2.5, solid_capstyle="butt", zorder=1)
        begin, end = pd.Timestamp(x.begin), pd.Timestamp(x.end) + pd.Timedelta(days=1)
        bar = ax.barh(y, end - begin, left=begin, height=0.5, color=_BURST_COLOUR, zorder=2,
                      hatch="////" if x.censored else None, edgecolor="white" if x.censored else _BURST_COLOUR)
        bar.patches[0].set_gid("burst")
        q = "" if pd.isna(x.q) else f"q {x.q:.2g}"
        ax.text(1.005, y, f"{x.strength:.1f}  {q}", transform=ax.get_yaxis_transform(), va="center", fontsize=8.5)
    ax.set_yticks(range(len(rows)), [str(n) for n in rows["name"][::-1]], fontsize=9)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.8, len(rows) - 0.2)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(True, axis="x", alpha=0.3)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    _titles(fig, ax, title, "date first listed; red bar: burst, hatched: censored (touches the first or last day"
                            " of the data); right: strength, q")
    return fig


def trend_topic_rows(dates: pd.DataFrame, *, freq: str = "W", per_period: int = 3, min_papers: int = 5,
                     max_rows: int = 30) -> pd.DataFrame:
    """The methods a trend-topics chart shows: the ``per_period`` most mentioned ones per period of their median date.

    bibliometrix's rule (``fieldByYear``: the top terms per year of their median), with weeks or
    months for periods; at most ``max_rows`` rows (fewer per period when there are many periods).
    """
    cand = dates[dates["papers"] >= min_papers].copy()
    if cand.empty:
        return cand
    med = pd.DatetimeIndex(cand["median"])
    cand["period"] = (med - pd.to_timedelta(med.day_of_week, unit="D")) if freq == "W" else med.to_period("M").to_timestamp()
    n_periods = cand["period"].nunique()
    k = max(1, min(per_period, max_rows // max(n_periods, 1)))
    cand = cand.rename_axis("entity").reset_index()
    top = cand.sort_values(["papers", "entity"], ascending=[False, True]).groupby("period", sort=False).head(k)
    return top.sort_values(["median", "papers", "entity"], ascending=[True, False, True]).head(max_rows).set_index("entity")


def plot_trend_topics(rows: pd.DataFrame, *, title: str = "Trend topics: when each method's papers were listed") -> Figure:
    """bibliometrix-style trend topics: per method, the median first-seen date (dot, sized by papers)
    and the interquartile range (line), earliest median at the top.

    ``rows`` is :func:`trend_topic_rows` of :func:`kg.trends.series.method_dates`. The lines
    (``ax.get_lines()``) run from ``q1`` to ``q3``; the dots are one scatter at the medians.
    """
    height = max(2.5, 0.3 * len(rows) + 1.3)
    fig = Figure(figsize=(10, height), dpi=100, layout="constrained")
    ax = fig.subplots()
    if rows.empty:
        ax.text(0.5, 0.5, "no method with enough papers", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title, fontsize=13)
        return fig
    ys = np.arange(len(rows))[::-1]
    for y, x in zip(ys, rows.itertuples()):
        ax.plot([x.q1, x.q3], [y, y], color="#5b8db8", linewidth=2, alpha=0.8)
    sizes = 20 + 280 * (rows["papers"] / rows["papers"].max()).to_numpy()
    ax.scatter(pd.DatetimeIndex(rows["median"]), ys, s=sizes, color="#1f4e79", zorder=3, alpha=0.9)
    ax.set_yticks(ys, [f"{n} ({p})" for n, p in zip(rows["name"], rows["papers"])], fontsize=9)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(True, axis="x", alpha=0.3)
    _titles(fig, ax, title, "date first listed: dot = median paper (size: papers, in brackets), line = Q1 to Q3")
    return fig


def group_shares(series: pd.DataFrame, periods: pd.DataFrame, members: Sequence[str], *, top: int = 6,
                 min_mentions: int = 10) -> pd.DataFrame:
    """Each member's share of its group's mentions per drawable period (columns: methods, then "other").

    The ``top`` members with the most mentions get a column each, the rest are summed as
    "other"; periods with fewer than ``min_mentions`` mentions of the group are left out.
    Rows sum to 1.
    """
    drawable = chart_periods(periods, 1)
    sub = series[series["entity"].isin(members) & series["start"].isin(drawable["start"])]
    if sub.empty:
        return pd.DataFrame()
    table = sub.pivot_table(index="start", columns="entity", values="count", aggfunc="sum", fill_value=0)
    order = table.sum().sort_values(ascending=False, kind="stable").index
    keep = list(order[:top])
    out = table[keep].copy()
    if len(order) > top:
        out["other"] = table[order[top:]].sum(axis=1)
    total = out.sum(axis=1)
    out = out[total >= min_mentions]
    return out.div(out.sum(axis=1), axis=0)


def plot_group_shares(series: pd.DataFrame, periods: pd.DataFrame, groups: dict[str, Sequence[str]], *,
                      names: dict[str, str] | None = None, top: int = 6, min_mentions: int = 10) -> Figure:
    """Stacked shares within method groups: one panel per group, each method's share of the group's mentions.

    Args:
        series: sparse method rows of :func:`kg.trends.time_series` for one freq.
        periods: the period totals of the same freq.
        groups: group id -> its member method keys (at most four panels are drawn).
        names: method key -> display name.
        top, min_mentions: see :func:`group_shares`.
    """
    panels = list(groups.items())[:4]
    n = max(len(panels), 1)
    cols = 2 if n > 1 else 1
    rows = -(-n // cols)
    fig = Figure(figsize=(12 if cols == 2 else 9, 3.6 * rows + 0.6), dpi=100, layout="constrained")
    axes = np.atleast_1d(fig.subplots(rows, cols, squeeze=False)).ravel()
    names = names or {}
    freq = periods["freq"].iloc[0] if not periods.empty else "W"
    for ax in axes[len(panels):]:
        ax.set_axis_off()
    if not panels:
        axes[0].text(0.5, 0.5, "no method group", ha="center", va="center", transform=axes[0].transAxes)
    for ax, (group, members) in zip(axes, panels):
        shares = group_shares(series, periods, members, top=top, min_mentions=min_mentions)
        if shares.empty:
            ax.text(0.5, 0.5, "too few mentions", ha="center", va="center", transform=ax.transAxes)
            ax.set_title(group, fontsize=11, loc="left")
            continue
        labels = [names.get(c, c) for c in shares.columns]
        ax.stackplot(shares.index + _MIDDLE.get(freq, pd.Timedelta(0)), shares.T.to_numpy(), labels=labels,
                     alpha=0.9)
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(mticker.PercentFormatter(xmax=1.0))
        locator = _locator(freq, len(shares))
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_title(group, fontsize=11, loc="left")
        ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    fig.suptitle(f"Shares within method groups ({_FREQ_WORD.get(freq, freq)}; share of the group's mentions)",
                 fontsize=12)
    return fig


def save_figure(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a PNG (rendered by Agg); returns ``path``."""
    fig.savefig(path, format="png")
    return path
