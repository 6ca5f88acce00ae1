"""Rising and emerging methods: the recent window against the window before it.

The score is the log-odds ratio with an informative prior of Monroe, Colaresi & Quinn
(2008, "Fightin' Words", section 3.5), adapted from words to papers: each method is a
yes/no property of a paper (a paper mentions several methods, so the methods do not share
one multinomial), so each gets its own Beta prior centred on its overall share,

    alpha = prior * s,  beta = prior * (1 - s),   s = (y_prev + y_recent) / (n_prev + n_recent)
    delta = log[(y_r + alpha) / (n_r - y_r + beta)] - log[(y_p + alpha) / (n_p - y_p + beta)]
    z     = delta / sqrt(1/(y_r + alpha) + 1/(n_r - y_r + beta) + 1/(y_p + alpha) + 1/(n_p - y_p + beta))

Why this and not raw growth or a ratio of shares: the z-score divides the change in log-odds
by its standard error, which is large when counts are small, so 1 -> 3 papers (a 3x
growth, but entirely compatible with chance) ranks below 40 -> 80 (2x, far outside chance).
The prior shrinks zero counts towards the method's overall share instead of giving an
infinite ratio, and unlike a binomial-test p-value the score keeps the direction and size
of the change. ``z`` is approximately standard normal when nothing changed (|z| > 1.96 ~ 5%).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.trends.data import Kind, TrendData, as_trend_data

__all__ = ["AUTO", "Windows", "auto_window", "resolve_window", "coverage_note", "parse_window", "windows", "rising", "rising_methods", "emerging_methods", "log_odds_z"]

_WINDOW = re.compile(r"^\s*(\d+)\s*([dw])\s*$", re.IGNORECASE)
RISING_COLUMNS = [
    "entity", "name", "group", "count_prev", "count_recent", "total_prev", "total_recent",
    "share_prev", "share_recent", "log_odds", "z",
]
EMERGING_COLUMNS = ["entity", "name", "group", "first_seen", "papers", "proposed", "proposed_by"]


AUTO = "auto"
#: the longest window "auto" picks (when the data cover at least twice that)
AUTO_MAX_DAYS = 28

Window = Union[str, int, dt.timedelta]


def parse_window(window: Window) -> int:
    """Window length in days: ``"4w"`` -> 28, ``"14d"`` -> 14, ``14`` -> 14.

    Raises:
        ValueError: for anything else (including "auto", see :func:`resolve_window`), or a
            length below one day.
    """
    if isinstance(window, dt.timedelta):
        days = window.days
    elif isinstance(window, int):
        days = window
    else:
        m = _WINDOW.match(window)
        if not m:
            raise ValueError(f"window must look like '4w' or '14d' (or be 'auto'), not {window!r}")
        days = int(m.group(1)) * (7 if m.group(2).lower() == "w" else 1)
    if days < 1:
        raise ValueError(f"window must be at least one day, not {window!r}")
    return days


def auto_window(first: dt.date, last: dt.date) -> int:
    """The "auto" window length: half the days from ``first`` to ``last`` (rounded up), at most 4 weeks.

    So the two windows together cover all the data when it spans less than 8 weeks
    (30 days of digests -> two 15-day windows) and compare the last two 4-week spans otherwise.
    """
    span = (last - first).days + 1
    return max(1, min(AUTO_MAX_DAYS, -(-span // 2)))


def resolve_window(window: Window, data: TrendData) -> int:
    """Window length in days, with "auto" resolved against the data (see :func:`auto_window`)."""
    if isinstance(window, str) and window.strip().lower() == AUTO:
        days = _day_papers(data)
        if days.empty:
            return AUTO_MAX_DAYS
        return auto_window(days.min().date(), days.max().date())
    return parse_window(window)


@dataclass(frozen=True)
class Windows:
    """The recent window ``[recent_start, end]`` and the previous one just before it (inclusive dates)."""

    prev_start: dt.date
    prev_end: dt.date
    recent_start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        """Length of each window in days."""
        return (self.end - self.recent_start).days + 1

    def describe(self) -> str:
        return f"{self.prev_start}..{self.prev_end} vs {self.recent_start}..{self.end} ({self.days} days each)"


def windows(window: str | int | dt.timedelta, end: dt.date) -> Windows:
    """Two adjacent windows of ``window`` days (not "auto"), the recent one ending on ``end`` (inclusive)."""
    days = parse_window(window)
    recent_start = end - dt.timedelta(days=days - 1)
    prev_end = recent_start - dt.timedelta(days=1)
    return Windows(prev_end - dt.timedelta(days=days - 1), prev_end, recent_start, end)


def log_odds_z(
    y_prev: np.ndarray, n_prev: int, y_recent: np.ndarray, n_recent: int, prior: float
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio (recent vs previous) with a Beta prior, and its z-score (see module docstring).

    Args:
        y_prev, y_recent: papers mentioning each entity in each window.
        n_prev, n_recent: papers in each window.
        prior: prior strength (pseudo-papers), spread by each entity's overall share.

    Returns:
        ``(delta, z)`` arrays.
    """
    y_p = np.asarray(y_prev, dtype=float)
    y_r = np.asarray(y_recent, dtype=float)
    pooled = (y_p + y_r) / max(n_prev + n_recent, 1)
    # Keep both pseudo-counts positive so an entity in every paper (or none) stays finite.
    alpha = np.clip(prior * pooled, 1e-3, None)
    beta = np.clip(prior * (1 - pooled), 1e-3, None)
    a_r, b_r = y_r + alpha, n_recent - y_r + beta
    a_p, b_p = y_p + alpha, n_prev - y_p + beta
    delta = np.log(a_r / b_r) - np.log(a_p / b_p)
    z = delta / np.sqrt(1 / a_r + 1 / b_r + 1 / a_p + 1 / b_p)
    return delta, z


def _day_papers(data: TrendData) -> pd.Series:
    """First-seen day of every day-precision paper (month-precision papers cannot be placed in a window)."""
    return data.papers.loc[data.papers["precision"] == "day", "date"]


def _resolve_end(data: TrendData, end: dt.date | None) -> dt.date:
    end = end or data.last_day
    if end is None:
        raise ValueError("no paper has a first-seen day: nothing to compare")
    return end


def _counts_in(links: pd.DataFrame, days: pd.Series, lo: dt.date, hi: dt.date) -> tuple[pd.Series, int]:
    inside = days[(days >= pd.Timestamp(lo)) & (days <= pd.Timestamp(hi))]
    counts = links[links["paper"].isin(inside.index)].groupby("entity").size()
    return counts, len(inside)


def rising(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    window: Window = AUTO,
    *,
    min_support: int = 3,
    prior: float = 10.0,
    end: dt.date | None = None,
    include_falling: bool = False,
) -> pd.DataFrame:
    """Entities whose share of papers grew from the previous window to the recent one.

    Args:
        source: the knowledge graph (or its trend data).
        kind: "method", "dataset" or "category".
        window: length of each window ("4w", "14d", days, or "auto": see :func:`auto_window`).
        min_support: leave out entities mentioned by fewer papers than this in the recent window.
        prior: strength of the Beta prior in pseudo-papers (larger = more shrinkage of small counts).
        end: last day of the recent window (default: the last first-seen day in the data).
        include_falling: keep entities whose score is <= 0 too.

    Returns:
        DataFrame with columns ``entity, name, group, count_prev, count_recent, total_prev,
        total_recent, share_prev, share_recent, log_odds, z``, sorted by ``z`` (highest first).
        ``attrs["windows"]`` holds the :class:`Windows` compared.
    """
    data = as_trend_data(source)
    win = windows(resolve_window(window, data), _resolve_end(data, end))
    days = _day_papers(data)
    links = data.links[data.links["kind"] == kind]
    prev, n_prev = _counts_in(links, days, win.prev_start, win.prev_end)
    recent, n_recent = _counts_in(links, days, win.recent_start, win.end)
    table = pd.DataFrame({"count_prev": prev, "count_recent": recent}).fillna(0).astype("int64")
    table = table[table["count_recent"] >= min_support]
    delta, z = log_odds_z(table["count_prev"].to_numpy(), n_prev, table["count_recent"].to_numpy(), n_recent, prior)
    table = table.assign(
        total_prev=n_prev, total_recent=n_recent,
        share_prev=table["count_prev"] / n_prev if n_prev else np.nan,
        share_recent=table["count_recent"] / n_recent if n_recent else np.nan,
        log_odds=delta, z=z,
    )
    if not include_falling:
        table = table[table["z"] > 0]
    table = _with_names(table.rename_axis("entity").reset_index(), data, kind)
    out = table.sort_values(["z", "count_recent", "entity"], ascending=[False, False, True], ignore_index=True)
    out = out[RISING_COLUMNS]
    out.attrs["windows"] = win
    return out


def rising_methods(
    source: Union[nx.MultiDiGraph, TrendData],
    window: Window = AUTO,
    *,
    min_support: int = 3,
    prior: float = 10.0,
    end: dt.date | None = None,
    include_falling: bool = False,
) -> pd.DataFrame:
    """:func:`rising` for methods (the MENTIONS edges)."""
    return rising(source, "method", window, min_support=min_support, prior=prior, end=end,
                  include_falling=include_falling)


def emerging_methods(
    source: Union[nx.MultiDiGraph, TrendData],
    window: Window = AUTO,
    *,
    min_papers: int = 2,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """Methods first seen within the recent window and already mentioned by ``min_papers`` papers there.

    "First seen" is the earliest first-seen date of any paper mentioning the method; a
    month-precision paper counts from the 1st of its month, so a method it mentions in an
    earlier month is never "new". Methods that papers propose (PROPOSES) are flagged; they
    pass the same ``min_papers`` bar (a method proposed by one paper and taken up by none
    has not emerged yet).

    Args:
        source: the knowledge graph (or its trend data).
        window: length of the recent window ("4w", "14d", days, or "auto": see :func:`auto_window`).
        min_papers: papers mentioning the method within the window (at least 1).
        end: last day of the window (default: the last first-seen day in the data).

    Returns:
        DataFrame with columns ``entity, name, group, first_seen (date), papers, proposed (bool),
        proposed_by (papers proposing it)``, sorted by papers (most first), then first_seen.
        ``attrs["windows"]`` holds the :class:`Windows` (only the recent one is used).
    """
    data = as_trend_data(source)
    win = windows(resolve_window(window, data), _resolve_end(data, end))
    links = data.links[data.links["kind"] == "method"].join(data.papers, on="paper")
    first = links.groupby("entity")["date"].min()
    new = first[(first >= pd.Timestamp(win.recent_start)) & (first <= pd.Timestamp(win.end))].index
    days = _day_papers(data)
    in_window = links[links["entity"].isin(new) & links["paper"].isin(
        days[(days >= pd.Timestamp(win.recent_start)) & (days <= pd.Timestamp(win.end))].index)]
    grouped = in_window.groupby("entity").agg(papers=("paper", "nunique"), proposed_by=("proposed", "sum"))
    grouped = grouped[grouped["papers"] >= max(min_papers, 1)]
    grouped["first_seen"] = first.reindex(grouped.index).dt.date
    grouped["proposed"] = grouped["proposed_by"] > 0
    table = _with_names(grouped.rename_axis("entity").reset_index(), data, "method")
    out = table.sort_values(["papers", "first_seen", "entity"], ascending=[False, True, True], ignore_index=True)
    out = out[EMERGING_COLUMNS].astype({"papers": "int64", "proposed_by": "int64", "proposed": bool})
    out.attrs["windows"] = win
    return out


def _with_names(table: pd.DataFrame, data: TrendData, kind: Kind) -> pd.DataFrame:
    if kind in data.entities.index.get_level_values(0):
        info = data.entities.loc[kind]
        table["name"] = table["entity"].map(info["name"]).fillna(table["entity"])
        table["group"] = table["entity"].map(info["group"]).fillna("")
    else:
        table["name"] = table["entity"]
        table["group"] = ""
    return table


#: the previous window needs data on at least this fraction of its days for a fair comparison
MIN_COVERAGE = 0.75


def coverage_note(source: Union[nx.MultiDiGraph, TrendData], win: Windows) -> str | None:
    """A warning when the data start well after the previous window does: the comparison is then lopsided.

    A day or so missing (e.g. "auto" halving an odd number of days) is not worth a warning;
    less than :data:`MIN_COVERAGE` of the window is.

    Returns:
        One sentence, or ``None`` when the data cover enough of the previous window.
    """
    days = _day_papers(as_trend_data(source))
    if days.empty:
        return None
    first = days.min().date()
    if first <= win.prev_start:
        return None
    covered = (win.prev_end - first).days + 1
    if covered >= MIN_COVERAGE * win.days:
        return None
    if covered <= 0:
        return (f"the data start on {first}, after the previous window ({win.prev_start}..{win.prev_end}):"
                " nothing to compare with; use a shorter --window")
    return (f"the data start on {first}: only {covered} of the {win.days} days of the previous window"
            f" ({win.prev_start}..{win.prev_end}) have data; a shorter --window (or 'auto') compares like with like")
