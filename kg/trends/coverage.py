"""What the digests covered, day by day: the facts a trend must not be confused with.

A digest tool lists the papers of a few categories each day. Its coverage changes: a
category joins the digests ("cs.IT enters on 2026-01-05"), a day's digest is cut short
(26 papers, no cs.CL), a day is missing, the weekend days list a handful of papers. Each
of these moves shares without any change in research. :func:`coverage` finds them so the
report can say so, and so that charts and tests can avoid them:

- **usual weekdays**: weekdays with papers on at least half of their dates in the span;
- **missing days**: usual weekdays inside the span without any paper (and without a digest:
  a digest that lists only papers seen before makes an "empty" day, not a missing one);
- **small days**: fewer than :data:`SMALL_DAY_FRACTION` of the median day's papers (the
  days that list a handful of new papers: weekends, re-listing days);
- **partial days**: other days below :data:`PARTIAL_DAY_FRACTION` of the median, or
  without any paper of a usual category (one with several papers on most days);
- **category changes**: a primary category whose papers start (or stop) well inside the span
  and that is regular on the other side.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.trends.data import TrendData, as_trend_data

__all__ = ["Coverage", "CategoryChange", "coverage", "SMALL_DAY_FRACTION", "PARTIAL_DAY_FRACTION"]

#: a day with fewer papers than this fraction of the median day is "small"
SMALL_DAY_FRACTION = 0.25
#: a day with fewer papers than this fraction of the median day (and not small) is "partial"
PARTIAL_DAY_FRACTION = 0.5
#: a category is "usual" when it has papers on at least this fraction of the regular days ...
USUAL_CATEGORY_FRACTION = 0.8
#: ... and at least this many on the median regular day (a day without a 2-a-day category is chance)
USUAL_CATEGORY_PAPERS = 5
#: a category that starts (stops) more than this many days after the start (before the end) has entered (left)
CHANGE_MARGIN_DAYS = 14
#: a category needs this many papers to be considered for a category change
CHANGE_MIN_PAPERS = 20


@dataclass(frozen=True)
class CategoryChange:
    """A primary category that enters or leaves the digests inside the span."""

    category: str
    change: str  # "enters" or "leaves"
    day: dt.date  # its first (enters) or last (leaves) day with papers
    presence: float  # fraction of regular days it has papers on, after entering (before leaving)

    def describe(self) -> str:
        when = "on" if self.change == "enters" else "after"
        side = "after" if self.change == "enters" else "before"
        return f"{self.category} {self.change} {when} {self.day} (papers on {100 * self.presence:.0f}% of regular days {side})"


@dataclass(frozen=True)
class Coverage:
    """Day-by-day coverage of the day-precision papers (see the module docstring).

    Attributes:
        days: index ``day`` (every date from first to last); columns ``papers`` (first listed
            that day) and ``kind`` ("regular", "small", "partial", "empty": a digest without new
            papers, "missing", or "none": a day without papers that is not a usual weekday).
        strata: papers per day (rows, days with papers) and primary category (columns).
        usual_weekdays: weekday numbers (Monday 0).
        usual_categories: primary categories with papers on most regular days.
        median: papers on the median day with papers.
        category_changes: :class:`CategoryChange` list, by day.
        partial_reasons: day -> why it is partial ("26 papers", "no cs.CL").
    """

    days: pd.DataFrame
    strata: pd.DataFrame
    usual_weekdays: tuple[int, ...] = ()
    usual_categories: tuple[str, ...] = ()
    median: float = 0.0
    category_changes: list[CategoryChange] = field(default_factory=list)
    partial_reasons: dict[dt.date, str] = field(default_factory=dict)

    @property
    def first(self) -> dt.date | None:
        return None if self.days.empty else self.days.index[0].date()

    @property
    def last(self) -> dt.date | None:
        return None if self.days.empty else self.days.index[-1].date()

    def of_kind(self, kind: str) -> list[dt.date]:
        """The days of one kind ("missing", "small", "partial", ...), in order."""
        return [d.date() for d in self.days.index[self.days["kind"] == kind]]

    def complete_periods(self, starts: pd.DatetimeIndex, freq: str) -> np.ndarray:
        """True for each period (by start) whose usual weekdays all lie inside the span.

        Days are always complete; an ISO week or a month cut by the first or last day of
        the data is not (a missing day inside the span does not make it incomplete: it is
        reported as missing instead).
        """
        if freq == "D" or self.days.empty:
            return np.ones(len(starts), dtype=bool)
        first, last = self.days.index[0], self.days.index[-1]
        usual = set(self.usual_weekdays) or set(range(7))
        out = np.empty(len(starts), dtype=bool)
        for i, start in enumerate(starts):
            end = start + (pd.Timedelta(days=6) if freq == "W" else pd.offsets.MonthEnd(0))
            expected = [d for d in pd.date_range(start, end) if d.weekday() in usual]
            out[i] = bool(expected) and expected[0] >= first and expected[-1] <= last
        return out


def coverage(source: Union[nx.MultiDiGraph, TrendData]) -> Coverage:
    """The coverage facts of the day-precision papers (see the module docstring)."""
    data = as_trend_data(source)
    papers = data.day_papers
    if papers.empty:
        return Coverage(pd.DataFrame({"papers": pd.Series(dtype="int64"), "kind": pd.Series(dtype=object)}),
                        pd.DataFrame())
    strata = pd.crosstab(papers["date"], papers["primary"].replace("", "(none)"))
    strata.index.name = "day"
    per_day = strata.sum(axis=1)
    first, last = pd.Timestamp(data.first_day), pd.Timestamp(data.last_day)
    calendar = pd.date_range(first, last, freq="D", name="day")
    days = pd.DataFrame({"papers": per_day.reindex(calendar, fill_value=0).astype("int64")})
    weekday = days.index.day_of_week
    has = days["papers"] > 0
    median = float(per_day.median())
    digest = days.index.isin(data.digest_days)
    has_any = has | digest
    usual = tuple(int(w) for w in range(7) if (weekday == w).any() and has_any[weekday == w].mean() >= 0.5)
    kind = np.where(has, "regular", np.where(digest, "empty", np.where(np.isin(weekday, usual), "missing", "none")))
    kind = kind.astype(object)
    small = has & (days["papers"] < SMALL_DAY_FRACTION * median)
    kind[small.to_numpy()] = "small"
    regular_days = days.index[kind == "regular"]
    present = strata.loc[strata.index.isin(regular_days)] > 0
    counts = strata.loc[strata.index.isin(regular_days)]
    usual_cats = tuple(c for c in present.columns if present[c].mean() >= USUAL_CATEGORY_FRACTION
                       and counts[c].median() >= USUAL_CATEGORY_PAPERS) if len(present) else ()
    reasons: dict[dt.date, str] = {}
    for day in regular_days:
        why = []
        n = int(days.at[day, "papers"])
        if n < PARTIAL_DAY_FRACTION * median:
            why.append(f"{n} papers, median day {median:.0f}")
        absent = [c for c in usual_cats if strata.at[day, c] == 0]
        if absent:
            why.append("no " + ", ".join(absent))
        if why:
            reasons[day.date()] = "; ".join(why)
    for day in reasons:
        kind[days.index.get_loc(pd.Timestamp(day))] = "partial"
    days["kind"] = kind
    changes = _category_changes(strata, days)
    return Coverage(days, strata, usual, usual_cats, median, changes, reasons)


def _category_changes(strata: pd.DataFrame, days: pd.DataFrame) -> list[CategoryChange]:
    regular = days.index[days["kind"].isin(["regular", "partial"])]
    first, last = days.index[0], days.index[-1]
    out: list[CategoryChange] = []
    for cat in strata.columns:
        col = strata[cat]
        if col.sum() < CHANGE_MIN_PAPERS:
            continue
        on = col.index[col > 0]
        begin, end = on[0], on[-1]
        if (begin - first).days > CHANGE_MARGIN_DAYS:
            after = regular[regular >= begin]
            presence = float((col.reindex(after, fill_value=0) > 0).mean()) if len(after) else 0.0
            if presence >= 0.5:
                out.append(CategoryChange(cat, "enters", begin.date(), presence))
        if (last - end).days > CHANGE_MARGIN_DAYS:
            before = regular[regular <= end]
            presence = float((col.reindex(before, fill_value=0) > 0).mean()) if len(before) else 0.0
            if presence >= 0.5:
                out.append(CategoryChange(cat, "leaves", end.date(), presence))
    return sorted(out, key=lambda c: (c.day, c.category))
