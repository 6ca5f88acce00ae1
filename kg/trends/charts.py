"""PNG line charts of shares over time (matplotlib).

Figures are made with :class:`matplotlib.figure.Figure` directly, not through pyplot: no
global figure registry to leak into, no backend switch that would break a notebook's inline
display, and ``savefig`` renders PNGs with Agg whatever backend is active (no display needed).
Every function returns the figure it drew so a caller (or a test) can check that the plotted
lines are exactly the DataFrame's values.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["plotted_series", "plot_shares", "save_figure", "chart_freq"]

_FREQ_WORD = {"D": "daily", "W": "per ISO week, at its Monday", "M": "per month, at its 1st"}


def chart_freq(series_w: pd.DataFrame, min_weeks: int = 4) -> str:
    """"W" when the weekly series has at least ``min_weeks`` weeks with papers, else "D" (too few points)."""
    if series_w.empty:
        return "D"
    weeks = series_w.loc[series_w["total"] > 0, "start"].nunique()
    return "W" if weeks >= min_weeks else "D"


def plotted_series(series: pd.DataFrame, entities: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The points each line shows: ``start`` and ``share`` of every period that had papers.

    Periods without any paper (weekends in a daily series) are left out rather than drawn
    as zero: the share is undefined there, not zero.
    """
    shown = series[(series["total"] > 0) & series["entity"].isin(entities)]
    return {e: g[["start", "share"]].reset_index(drop=True) for e, g in shown.groupby("entity", sort=False)}


def plot_shares(
    series: pd.DataFrame,
    entities: Sequence[str],
    *,
    title: str,
    ylabel: str = "share of papers",
    shade: tuple[dt.date, dt.date] | None = None,
    shade_label: str = "recent window",
) -> Figure:
    """One line per entity (in the given order): its share of papers per period.

    Args:
        series: rows of :func:`kg.trends.time_series` for one kind and one freq.
        entities: the entities to draw (keys/codes); the legend shows their names.
        title: the chart title.
        ylabel: the y-axis label.
        shade: a date range to shade (the recent window), drawn as a patch, not a line.
        shade_label: its legend entry.

    Returns:
        The figure (not yet saved); an empty series gives an axes saying "no data".
    """
    fig = Figure(figsize=(10, 5.5), dpi=100, layout="constrained")
    ax = fig.subplots()
    lines = plotted_series(series, entities)
    names = series.drop_duplicates("entity").set_index("entity")["name"] if not series.empty else pd.Series(dtype=object)
    freq = series["freq"].iloc[0] if not series.empty else "D"
    for entity in entities:
        if entity in lines:
            pts = lines[entity]
            ax.plot(pts["start"], pts["share"], marker="o", markersize=3, linewidth=1.6,
                    label=str(names.get(entity, entity)))
    if shade is not None and lines:
        # a patch, not a Line2D: ax.get_lines() stays exactly the data series
        ax.axvspan(pd.Timestamp(shade[0]), pd.Timestamp(shade[1]), color="0.5", alpha=0.12, label=shade_label)
    if not lines:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    locator = _locator(freq, series["start"].nunique() if not series.empty else 0)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(mticker.PercentFormatter(xmax=1.0))
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=13)
    ax.set_xlabel(f"date first listed ({_FREQ_WORD.get(freq, freq)})")
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3)
    if lines:
        ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def _locator(freq: str, periods: int, max_ticks: int = 16) -> mdates.DateLocator:
    """Ticks on period starts (Mondays of ISO weeks, 1sts of months) while they are few enough to read;
    matplotlib's automatic ticks (month names, years) on longer spans and for days."""
    if freq == "W" and periods <= max_ticks:
        return mdates.WeekdayLocator(byweekday=mdates.MO)
    if freq == "M" and periods <= max_ticks:
        return mdates.MonthLocator()
    return mdates.AutoDateLocator()


def save_figure(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a PNG (rendered by Agg); returns ``path``."""
    fig.savefig(path, format="png")
    return path
