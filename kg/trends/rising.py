"""Rising and emerging methods: the recent window against the window before it.

**Windows** are whole weeks (7, 14, 21, 28 days ...) ending on the last day with papers, so
each window holds every weekday equally often: arXiv's weekly cycle (cs.AI is 12% of a
Thursday's papers and 28% of a Friday's) cannot tip the comparison. With ``compare="year"``
the previous window is the same weeks one year (52 weeks) earlier.

**Rising** scores each method by the log-odds ratio of its share of papers, recent vs
previous window, with an informative Beta prior (Monroe, Colaresi & Quinn 2008, "Fightin'
Words", section 3.5), computed within each primary category and pooled by inverse variance
(:func:`kg.trends.stats.stratified_log_odds_z`). The prior adds ``prior * s`` pseudo-papers
mentioning the method to each window, ``s`` its share over the whole history (within the
category), out of ``prior`` pseudo-papers in all (:data:`PRIOR`, 500). Why hundreds: a
method absent from the previous window then gets a modest, finite variance instead of a
huge one (with 10 pseudo-papers, 0 -> 50 papers scored below 42 -> 66), and why not
thousands: a two-week window of a 30-day digest folder holds about 1,200 papers, and a
prior larger than the data would hide real changes. ``z`` is the pooled log-odds over its
standard error: the ranking. ``p`` comes from the exact conditional test of the same
stratified tables (:func:`kg.trends.stats.stratified_exact_p`, the exact form of the
Cochran–Mantel–Haenszel test: given each category's papers and the method's mentions in the
two windows, how likely is a recent count this high?) and ``q`` is its Benjamini–Hochberg
q-value over every method tested. The p-value is widened by the method's ``dispersion``: how much
noisier than binomial its daily counts are inside the windows (several papers of one lab, or of one
digest source that extracts differently, arriving on the same day), shrunk towards the value over
all methods and never below 1 (quasi-likelihood; without it, shuffling whole days of real digests
gave a "significant" method in 2 runs of 20). The shrunken score ranks, the unshrunken test decides
(as DESeq2 ranks by shrunken fold changes and tests the unshrunken ones): a shrunken ``z``
turned into a p-value would be needlessly conservative for 0 -> 15 papers. ``z_unadjusted`` is the same score without strata: a method with a large
``z_unadjusted`` and a small ``z`` rose only because its categories grew.

**Support** is counted in the union of both windows (``min_support``): filtering on the
recent window alone keeps the methods that happened to be high there and biases ``z`` up.

**Emerging** methods are first mentioned inside the recent window; see :func:`emerging_methods`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd

from kg.trends.data import Kind, TrendData, as_trend_data
from kg.trends.stats import (
    bh_q, inflate_p, log_odds_z, pearson_dispersion, stratified_exact_p, stratified_log_odds_z,
)

__all__ = [
    "AUTO", "PRIOR", "MIN_LOOKBACK_DAYS", "Windows", "auto_window", "resolve_window", "coverage_note",
    "parse_window", "windows", "rising", "rising_methods", "emerging_methods", "log_odds_z", "known_methods",
    "RISING_COLUMNS", "EMERGING_COLUMNS",
]

_WINDOW = re.compile(r"^\s*(\d+)\s*([dw])\s*$", re.IGNORECASE)
RISING_COLUMNS = [
    "entity", "name", "group", "count_prev", "count_recent", "total_prev", "total_recent",
    "share_prev", "share_recent", "log_odds", "z", "z_unadjusted", "dispersion", "p", "q",
]
EMERGING_COLUMNS = [
    "entity", "name", "group", "first_seen", "papers", "independent", "proposed_by", "known", "homonym",
    "first_paper", "first_title", "p", "q",
]

AUTO = "auto"
#: the longest window "auto" picks, in weeks
AUTO_MAX_WEEKS = 4
#: prior strength of the rising score, in pseudo-papers (see the module docstring)
PRIOR = 500.0
#: emerging methods need this much data before the window, or the report says how little there is
MIN_LOOKBACK_DAYS = 90
#: primary categories with fewer papers in the two windows are pooled into one stratum
MIN_STRATUM_PAPERS = 10
_OTHER = "(other)"

Window = Union[str, int, dt.timedelta]
Compare = Literal["previous", "year"]
Adjust = Literal["category", "none"]


def parse_window(window: Window) -> int:
    """Window length in days, a whole number of weeks: ``"4w"`` -> 28, ``"14d"`` -> 14, ``21`` -> 21.

    Raises:
        ValueError: for anything else (including "auto", see :func:`resolve_window`), and for
            lengths that are not a positive multiple of 7 days (a window of 10 days holds two
            Mondays and one Thursday, and the weekly cycle of arXiv would leak into the result).

    >>> parse_window("2w"), parse_window("14d")
    (14, 14)
    """
    if isinstance(window, dt.timedelta):
        days = window.days
    elif isinstance(window, (int, np.integer)):
        days = int(window)
    else:
        m = _WINDOW.match(str(window))
        if not m:
            raise ValueError(f"window must look like '4w' or '14d' (or be 'auto'), not {window!r}")
        days = int(m.group(1)) * (7 if m.group(2).lower() == "w" else 1)
    if days < 7 or days % 7:
        raise ValueError(f"window must be a whole number of weeks (7d, 14d, 2w, ...), not {window!r}")
    return days


def auto_window(first: dt.date, last: dt.date) -> int:
    """The "auto" window: half the days from ``first`` to ``last`` in whole weeks, 1 to 4 weeks.

    >>> auto_window(dt.date(2026, 1, 5), dt.date(2026, 2, 3))  # 30 days: two 14-day windows
    14
    """
    span = (last - first).days + 1
    return 7 * max(1, min(AUTO_MAX_WEEKS, span // 14))


def resolve_window(window: Window, data: TrendData) -> int:
    """Window length in days, with "auto" resolved against the data (see :func:`auto_window`)."""
    if isinstance(window, str) and window.strip().lower() == AUTO:
        first, last = data.first_day, data.last_day
        if first is None or last is None:
            return 7 * AUTO_MAX_WEEKS
        return auto_window(first, last)
    return parse_window(window)


@dataclass(frozen=True)
class Windows:
    """The recent window ``[recent_start, end]`` and the previous one (inclusive dates)."""

    prev_start: dt.date
    prev_end: dt.date
    recent_start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        """Length of each window in days."""
        return (self.end - self.recent_start).days + 1

    @property
    def compare(self) -> str:
        """"previous" (the windows touch) or "year" (the previous window is a year earlier)."""
        return "previous" if self.prev_end + dt.timedelta(days=1) == self.recent_start else "year"

    def describe(self) -> str:
        return f"{self.prev_start}..{self.prev_end} vs {self.recent_start}..{self.end} ({self.days} days each)"


def windows(window: Window, end: dt.date, compare: Compare = "previous") -> Windows:
    """Two windows of ``window`` days (not "auto"), the recent one ending on ``end`` (inclusive).

    ``compare="previous"``: the previous window ends the day before the recent one starts;
    ``compare="year"``: it is the recent window moved 52 weeks (364 days) back, so weekdays align.
    """
    days = parse_window(window)
    recent_start = end - dt.timedelta(days=days - 1)
    if compare == "year":
        shift = dt.timedelta(days=364)
        return Windows(recent_start - shift, end - shift, recent_start, end)
    if compare != "previous":
        raise ValueError(f"compare must be 'previous' or 'year', not {compare!r}")
    prev_end = recent_start - dt.timedelta(days=1)
    return Windows(prev_end - dt.timedelta(days=days - 1), prev_end, recent_start, end)


def _resolve_end(data: TrendData, end: dt.date | None) -> dt.date:
    end = end or data.last_day
    if end is None:
        raise ValueError("no paper has a first-seen day: nothing to compare")
    return end


def _between(dates: pd.Series, lo: dt.date, hi: dt.date) -> pd.Series:
    return (dates >= pd.Timestamp(lo)) & (dates <= pd.Timestamp(hi))


def _window_papers(data: TrendData, win: Windows) -> pd.DataFrame:
    """Day-precision papers of either window: columns ``window`` (0 previous, 1 recent) and ``stratum``."""
    papers = data.day_papers
    recent = _between(papers["date"], win.recent_start, win.end)
    prev = _between(papers["date"], win.prev_start, win.prev_end)
    inside = papers[recent | prev]
    out = pd.DataFrame({"window": recent[recent | prev].astype("int64"), "stratum": inside["primary"].replace("", _OTHER)},
                       index=inside.index)
    sizes = out["stratum"].value_counts()
    small = sizes.index[sizes < MIN_STRATUM_PAPERS]
    out.loc[out["stratum"].isin(small), "stratum"] = _OTHER
    return out


def rising(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    window: Window = AUTO,
    *,
    min_support: int = 5,
    prior: float = PRIOR,
    end: dt.date | None = None,
    compare: Compare = "previous",
    adjust: Adjust = "category",
    include_falling: bool = False,
) -> pd.DataFrame:
    """Entities whose share of papers grew from the previous window to the recent one.

    Args:
        source: the knowledge graph (or its trend data).
        kind: "method", "dataset" or "category" (categories are never stratified by category).
        window: length of each window ("4w", "14d", days, or "auto": see :func:`auto_window`).
        min_support: test only entities with at least this many papers in the two windows together.
        prior: strength of the Beta prior in pseudo-papers (see the module docstring).
        end: last day of the recent window (default: the last first-seen day in the data).
        compare: "previous" (the window before) or "year" (the same weeks a year before).
        adjust: "category" compares within primary categories; "none" compares all papers.
        include_falling: keep entities whose score is <= 0 too.

    Returns:
        DataFrame with columns of :data:`RISING_COLUMNS`, sorted by ``z`` (highest first).
        ``q`` is over every entity tested (falling ones included). ``attrs``: ``windows``
        (the :class:`Windows`), ``tested`` (entities tested), ``strata`` (strata used).
        An empty window gives an empty table (``attrs["empty_window"]`` names it).
    """
    data = as_trend_data(source)
    win = windows(resolve_window(window, data), _resolve_end(data, end), compare)
    papers = _window_papers(data, win)
    n_prev, n_recent = int((papers["window"] == 0).sum()), int((papers["window"] == 1).sum())
    attrs: dict[str, object] = {"windows": win, "tested": 0, "strata": 0, "empty_window": None}
    if n_prev == 0 or n_recent == 0:
        attrs["empty_window"] = "previous" if n_prev == 0 else "recent"
        return _frame(pd.DataFrame(columns=RISING_COLUMNS), attrs)
    links = data.kind_links(kind)[["paper", "entity"]]
    inside = links.join(papers, on="paper", how="inner")
    counts = inside.groupby(["entity", "window"]).size().unstack(fill_value=0).reindex(columns=[0, 1], fill_value=0)
    counts = counts[counts.sum(axis=1) >= max(min_support, 1)]
    if counts.empty:
        return _frame(pd.DataFrame(columns=RISING_COLUMNS), attrs)
    entities = counts.index
    # prior centre: the whole-history share (all papers, not just the two windows)
    all_links = links[links["entity"].isin(entities)]
    history_share = all_links.groupby("entity").size().reindex(entities).to_numpy() / len(data.papers)
    y_p, y_r = counts[0].to_numpy(), counts[1].to_numpy()
    delta_u, _, z_u = log_odds_z(y_p, n_prev, y_r, n_recent, prior, history_share)
    if adjust not in ("category", "none"):
        raise ValueError(f"adjust must be 'category' or 'none', not {adjust!r}")
    if adjust == "none" or kind == "category":
        papers = papers.assign(stratum=_OTHER)
    cells = _strata_cells(data, all_links, inside, papers, entities)
    if cells["strata"] > 1:
        delta, _, z = stratified_log_odds_z(cells["y_prev"], cells["n_prev"], cells["y_recent"], cells["n_recent"],
                                            prior, cells["share"])
    else:
        delta, z = delta_u, z_u
    # the p-value: the exact conditional (stratified) test, not the shrunken z (see the module docstring),
    # widened by how much noisier than binomial each method's daily counts are within the windows
    p_exact = stratified_exact_p(y_r, cells["n_prev"] + cells["n_recent"], cells["n_recent"],
                                 cells["y_prev"] + cells["y_recent"])
    dispersion = _daily_dispersion(data, inside, papers, entities)
    p = inflate_p(p_exact, dispersion)
    n_strata = cells["strata"]
    table = pd.DataFrame({
        "entity": entities, "count_prev": y_p, "count_recent": y_r, "total_prev": n_prev, "total_recent": n_recent,
        "share_prev": y_p / n_prev, "share_recent": y_r / n_recent, "log_odds": delta, "z": z,
        "z_unadjusted": z_u, "dispersion": dispersion, "p": p, "q": bh_q(p),
    })
    attrs.update(tested=len(table), strata=n_strata)
    if not include_falling:
        table = table[table["z"] > 0]
    table = _with_names(table, data, kind)
    table = table.sort_values(["z", "count_recent", "entity"], ascending=[False, False, True], ignore_index=True)
    return _frame(table[RISING_COLUMNS], attrs)


def _strata_cells(data: TrendData, all_links: pd.DataFrame, inside: pd.DataFrame, papers: pd.DataFrame,
                  entities: pd.Index) -> dict[str, object]:
    """Per entity and stratum: mentions in each window, the strata's papers, the whole-history share."""
    strata = pd.Index(sorted(papers["stratum"].unique()))
    sizes = papers.groupby(["window", "stratum"]).size().unstack(fill_value=0).reindex(
        index=[0, 1], columns=strata, fill_value=0)
    cells = inside.drop(columns="stratum").join(papers["stratum"], on="paper").groupby(
        ["entity", "window", "stratum"]).size()
    y = cells.unstack(["window", "stratum"], fill_value=0)
    y = y.reindex(index=entities, columns=pd.MultiIndex.from_product([[0, 1], strata]), fill_value=0)
    # whole-history share of each entity within each stratum (papers outside the windows included)
    if len(strata) > 1:
        hist_stratum = data.papers["primary"].replace("", _OTHER)
        hist_stratum = hist_stratum.where(hist_stratum.isin(strata), _OTHER)
    else:
        hist_stratum = pd.Series(strata[0], index=data.papers.index)
    hist_sizes = hist_stratum.value_counts().reindex(strata, fill_value=0).to_numpy()
    hist = all_links.join(hist_stratum.rename("stratum"), on="paper", how="inner")
    hist_y = hist.groupby(["entity", "stratum"]).size().unstack(fill_value=0).reindex(
        index=entities, columns=strata, fill_value=0).to_numpy()
    return {"strata": len(strata), "y_prev": y[0].to_numpy(), "y_recent": y[1].to_numpy(),
            "n_prev": sizes.loc[0].to_numpy(), "n_recent": sizes.loc[1].to_numpy(),
            "share": hist_y / np.maximum(hist_sizes, 1)}


def _daily_dispersion(data: TrendData, inside: pd.DataFrame, papers: pd.DataFrame, entities: pd.Index) -> np.ndarray:
    """Pearson dispersion of each entity's daily counts around its own rate in each window and stratum.

    Days are the batches the windows are made of; the expectation allows a different rate in each
    window (so a real change does not count as noise), and papers of one lab or one digest source
    arriving together show up as dispersion above 1 (see :func:`kg.trends.stats.pearson_dispersion`).
    """
    day = data.papers.loc[papers.index, "date"]
    frame = papers.assign(day=day)
    cols = pd.MultiIndex.from_frame(frame[["window", "stratum"]].drop_duplicates().sort_values(["window", "stratum"]))
    sizes = frame.groupby(["day", "window", "stratum"]).size().unstack(["window", "stratum"], fill_value=0)
    sizes = sizes.reindex(columns=cols, fill_value=0)  # (days, window x stratum)
    days = sizes.index
    cells = inside.assign(day=day.reindex(inside["paper"]).to_numpy())
    per_cell = cells.groupby(["entity", "window", "stratum"]).size().unstack(["window", "stratum"], fill_value=0)
    per_cell = per_cell.reindex(index=entities, columns=cols, fill_value=0).to_numpy(dtype=float)
    rate = per_cell / np.maximum(sizes.sum(axis=0).to_numpy(dtype=float), 1)  # (entities, cells)
    d = sizes.to_numpy(dtype=float)  # (days, cells)
    expected = rate @ d.T
    variance = (rate * (1 - rate)) @ d.T
    y = cells.groupby(["entity", "day"]).size().unstack(fill_value=0).reindex(
        index=entities, columns=days, fill_value=0).to_numpy(dtype=float)
    phi, _ = pearson_dispersion(y, expected, variance, params=2)
    return phi


def _frame(table: pd.DataFrame, attrs: dict[str, object]) -> pd.DataFrame:
    table = table.reset_index(drop=True)
    table.attrs.update(attrs)
    return table


def rising_methods(source: Union[nx.MultiDiGraph, TrendData], window: Window = AUTO, **kwargs: object) -> pd.DataFrame:
    """:func:`rising` for methods (the MENTIONS edges); keyword arguments as there."""
    return rising(source, "method", window, **kwargs)  # type: ignore[arg-type]


KnownFn = Callable[[str, str], Union[str, None]]


def known_methods(gazetteer: object | None = None) -> KnownFn:
    """``known(key, name)``: how the curated gazetteer knows a method, or ``None`` for a discovered name.

    Returns ``"since <year>"`` when the gazetteer entry carries a year (an optional ``since``
    field), else ``"gazetteer"``. Reads the gazetteer through :func:`kg.extract.load_gazetteer`
    (the package data unless ``gazetteer`` is given): a method it lists is an established one,
    whatever our data says about its first appearance.
    """
    if gazetteer is None:
        from kg.extract import load_gazetteer

        gazetteer = load_gazetteer()
    entries = getattr(gazetteer, "entries", {})
    lookup = getattr(gazetteer, "lookup", None)

    def known(key: str, name: str) -> str | None:
        entry = entries.get(f"method:{key}")
        if entry is None and lookup is not None and not key.endswith("-coined"):
            entry = lookup(name)
            entry = entry if entry is not None and getattr(entry, "kind", "method") == "method" else None
        if entry is None:
            return None
        since = getattr(entry, "since", None)
        return f"since {since}" if since else "gazetteer"

    return known


def emerging_methods(
    source: Union[nx.MultiDiGraph, TrendData],
    window: Window = AUTO,
    *,
    min_papers: int = 2,
    end: dt.date | None = None,
    known: KnownFn | None = None,
    include_known: bool = True,
) -> pd.DataFrame:
    """Methods first mentioned within the recent window and already taken up there.

    "First mentioned" is the earliest first-seen date of any paper mentioning the method; a
    month-precision paper counts from the 1st of its month. **Uptake** counts the papers in
    the window that mention the method without proposing it (a paper introducing its own
    method is not a sign that others use it); ``independent`` counts those that share no
    author with a proposing paper. ``homonym`` flags names proposed by two or more papers
    with no author in common (two unrelated "CORTEX" are not one method spreading).
    ``known`` marks methods the curated gazetteer lists: they may be first seen in the data
    loaded, but they are not new (SIFT, LASSO, EM).

    Significance: under a constant rate (within primary categories), each uptake paper falls
    in the recent window with probability ``pi_k`` = the window's share of the papers of its
    category from the start of the data to the window's end; all ``x`` of them doing so has
    probability ``p = prod pi_k``. ``q`` is the Benjamini–Hochberg q-value over the family of
    every method with ``min_papers`` uptake papers in that period (those not new get ``p = 1``:
    conservative). With little data before the window ``pi_k`` is large and nothing is
    significant: that is the honest answer (see ``attrs["lookback_days"]``).

    Args:
        source: the knowledge graph (or its trend data).
        window: length of the recent window ("4w", "14d", days, or "auto").
        min_papers: uptake papers needed in the window (at least 1).
        end: last day of the window (default: the last first-seen day in the data).
        known: ``known(key, name)`` -> mark or ``None`` (default: :func:`known_methods`).
        include_known: keep the methods ``known`` marks (else leave them out of the rows).

    Returns:
        DataFrame with columns of :data:`EMERGING_COLUMNS`, sorted by ``p``, then uptake.
        ``attrs``: ``windows``, ``lookback_days`` (days of data before the window),
        ``family`` (methods in the q-value family).
    """
    data = as_trend_data(source)
    win = windows(resolve_window(window, data), _resolve_end(data, end))
    first_day = data.first_day
    lookback = max(0, (win.recent_start - first_day).days) if first_day else 0
    attrs: dict[str, object] = {"windows": win, "lookback_days": lookback, "family": 0}
    papers = data.papers[["date", "precision", "primary"]].rename(columns={"primary": "stratum"})
    links = data.kind_links("method").join(papers, on="paper")
    if links.empty:
        return _frame(pd.DataFrame(columns=EMERGING_COLUMNS), attrs)
    first = links.groupby("entity")["date"].min()
    # the period of the test: day papers from the start of the data to the window's end
    day_links = links[(links["precision"] == "day") & (links["date"] <= pd.Timestamp(win.end))]
    uptake = day_links[~day_links["proposed"]].copy()
    uptake["recent"] = uptake["date"] >= pd.Timestamp(win.recent_start)
    family = uptake.groupby("entity").size()
    family = family[family >= max(min_papers, 1)]
    attrs["family"] = len(family)
    new = first.index[(first >= pd.Timestamp(win.recent_start)) & (first <= pd.Timestamp(win.end))]
    in_window = uptake[uptake["recent"] & uptake["entity"].isin(new)]
    papers_in = in_window.groupby("entity").size()
    candidates = papers_in.index[papers_in >= max(min_papers, 1)]
    if candidates.empty:
        return _frame(pd.DataFrame(columns=EMERGING_COLUMNS), attrs)
    # pi_k per stratum: the recent window's share of the period's papers
    period = data.day_papers[data.day_papers["date"] <= pd.Timestamp(win.end)]
    in_recent = period["date"] >= pd.Timestamp(win.recent_start)
    per = pd.DataFrame({"recent": in_recent, "stratum": period["primary"]}).groupby("stratum")["recent"].mean()
    log_pi = np.log(in_window["stratum"].map(per).fillna(1.0).clip(lower=1e-300))
    log_p = log_pi.groupby(in_window["entity"]).sum().reindex(candidates)
    p_family = pd.Series(1.0, index=family.index.union(candidates))
    p_family.loc[candidates] = np.exp(log_p.to_numpy())
    q_family = pd.Series(bh_q(p_family.to_numpy()), index=p_family.index)
    table = pd.DataFrame({"entity": candidates, "papers": papers_in.reindex(candidates).to_numpy(),
                          "p": p_family.reindex(candidates).to_numpy(), "q": q_family.reindex(candidates).to_numpy()})
    table["first_seen"] = first.reindex(candidates).dt.date.to_numpy()
    table = table.merge(_proposals(data, links[links["entity"].isin(candidates)], in_window), on="entity", how="left")
    table = _with_names(table, data, "method")
    known = known if known is not None else known_methods()
    table["known"] = [known(k, n) or "" for k, n in zip(table["entity"], table["name"])]
    if not include_known:
        table = table[table["known"] == ""]
    table = table.sort_values(["p", "papers", "first_seen", "entity"], ascending=[True, False, True, True],
                              ignore_index=True)
    table = table[EMERGING_COLUMNS].astype({"papers": "int64", "independent": "int64", "proposed_by": "int64",
                                            "homonym": bool})
    return _frame(table, attrs)


def _proposals(data: TrendData, links: pd.DataFrame, uptake: pd.DataFrame) -> pd.DataFrame:
    """Per candidate: proposing papers, independent uptake, homonym flag, first paper and its title."""
    authors = data.authorships.groupby("paper")["author"].agg(frozenset) if not data.authorships.empty else pd.Series(dtype=object)
    rows = []
    for entity, group in links.sort_values(["date", "paper"]).groupby("entity", sort=False):
        proposers = group.loc[group["proposed"], "paper"].tolist()
        proposer_sets = [authors.get(p, frozenset()) for p in proposers]
        proposer_authors = frozenset().union(*proposer_sets) if proposer_sets else frozenset()
        users = uptake.loc[uptake["entity"] == entity, "paper"]
        independent = sum(1 for p in users if not (authors.get(p, frozenset()) & proposer_authors))
        homonym = len(proposers) >= 2 and _disjoint(proposer_sets)
        first_paper = proposers[0] if proposers else group["paper"].iloc[0]
        rows.append((entity, len(proposers), independent, homonym, first_paper,
                     data.papers["title"].get(first_paper, "")))
    return pd.DataFrame(rows, columns=["entity", "proposed_by", "independent", "homonym", "first_paper", "first_title"])


def _disjoint(author_sets: list[frozenset[str]]) -> bool:
    """True when some two of the sets share no author (two unrelated papers coined the same name)."""
    return any(a and b and not (a & b) for i, a in enumerate(author_sets) for b in author_sets[i + 1:])


def _with_names(table: pd.DataFrame, data: TrendData, kind: Kind) -> pd.DataFrame:
    info = data.names(kind)
    table["name"] = table["entity"].map(info["name"]).fillna(table["entity"])
    table["group"] = table["entity"].map(info["group"]).fillna("")
    return table


#: the previous window needs data on at least this fraction of its days for a fair comparison
MIN_COVERAGE = 0.75


def coverage_note(source: Union[nx.MultiDiGraph, TrendData], win: Windows) -> str | None:
    """A warning when the data start well after the previous window does: the comparison is then lopsided.

    Returns:
        One sentence, or ``None`` when the data cover enough of the previous window.
    """
    first = as_trend_data(source).first_day
    if first is None or first <= win.prev_start:
        return None
    covered = (win.prev_end - first).days + 1
    if covered >= MIN_COVERAGE * win.days:
        return None
    if covered <= 0:
        return (f"the data start on {first}, after the previous window ({win.prev_start}..{win.prev_end}):"
                " nothing to compare with; use a shorter --window")
    return (f"the data start on {first}: only {covered} of the {win.days} days of the previous window"
            f" ({win.prev_start}..{win.prev_end}) have data; a shorter --window (or 'auto') compares like with like")
