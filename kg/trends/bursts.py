"""Kleinberg's two-state burst detection for batched arrivals (Kleinberg 2003, section 4).

Each day with papers is one batch: ``d_t`` papers, ``r_t`` of them mention the entity.
The base state emits mentions at the rate ``p0_t``, the burst state at ``p1_t = s * p0_t``.
A state's cost on day ``t`` is the binomial negative log-likelihood
``-ln[C(d_t, r_t) p^r_t (1 - p)^(d_t - r_t)]``; entering the burst state costs
``gamma * ln(n)`` (``n`` = number of batches), leaving it is free. The Viterbi path of least
total cost marks the burst days; a burst's strength is the likelihood it gains,
``sum over its days of cost(base) - cost(burst)`` (the weight Kleinberg uses to rank bursts).

The base rate is **adjusted for the category mix** by default: ``p0_t = sum_k d_tk p_k / d_t``,
where ``d_tk`` is the day's papers of primary category ``k`` and ``p_k`` the entity's share of
category ``k`` over all days. When a category joins the digests (cs.IT in January 2026), the
expected mentions of its methods rise with it, and MIMO or LDPC do not "burst" for months.
With ``adjust="none"`` the rate is the plain overall share (Kleinberg's model as published).

Days without any paper (weekends, holidays) carry no information and are not batches:
they neither extend nor break a burst, and do not count in ``n``. Bursts shorter than
``min_duration`` batches (default 2) are dropped; bursts touching the first or last batch
are **censored** (the burst may have begun before the data, or go on after it).

**Significance** of a burst ``[a, b]``: given the entity's ``m`` mentions in all, each falls
inside the burst with probability ``pi`` = the burst's share of the expected mentions (its
days' papers weighted by ``p0_t``), so the count inside is Binomial(m, pi) when nothing
bursts. ``p`` is that binomial tail times the number of intervals the detector could have
chosen (a Bonferroni bound for the search; capped at 1), and ``q`` the Benjamini–Hochberg
q-value over every entity examined (those without a burst count as ``p = 1``).

Written here because the PyPI packages (``pybursts``, ``burst-detection``) break on NumPy 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

import networkx as nx
import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import gammaln, xlog1py, xlogy

from kg.trends.data import Kind, TrendData, as_trend_data
from kg.trends.series import paper_periods
from kg.trends.stats import bh_q

__all__ = ["Burst", "burst_states", "burst_intervals", "bursts", "burst_p", "BURST_COLUMNS", "MIN_DURATION"]

BURST_COLUMNS = ["entity", "name", "group", "kind", "begin", "end", "days", "papers", "total", "expected",
                 "strength", "censored", "p", "q"]
#: the shortest burst kept by default, in days with papers: a one-day "burst" is one busy day
MIN_DURATION = 2
_MAX_P = 1 - 1e-9  # a burst rate of 1 would make any unmentioning paper impossible (infinite cost)
_ROWS_PER_CHUNK = 4096  # entities whose expected counts are computed together (bounds the (entities x days) arrays)
_ROWS_PER_BLOCK = 256  # of those, entities decoded together (the decoding's temporaries)


@dataclass(frozen=True)
class Burst:
    """A run of burst-state batches ``[start, end]`` (inclusive indices) and its strength."""

    start: int
    end: int
    strength: float


def _costs(r: np.ndarray, d: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Binomial negative log-likelihood of ``r`` of ``d`` at rate ``p`` (broadcast; rows = entities)."""
    log_choose = gammaln(d + 1) - gammaln(r + 1) - gammaln(d - r + 1)
    # xlogy/xlog1py make 0 * log(0) = 0: no mentions at rate 0 (or all at rate 1) is certain.
    ll = log_choose + xlogy(r, p) + xlog1py(d - r, -p)
    return -ll


def _rates(r: np.ndarray, d: np.ndarray, s: float, p0: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    if p0 is None:
        total = d.sum(axis=-1, keepdims=True)
        p0 = np.where(total > 0, r.sum(axis=-1, keepdims=True) / np.where(total > 0, total, 1), 0.0)
    p0 = np.broadcast_to(p0, r.shape)
    return p0, np.minimum(s * p0, _MAX_P)


def burst_states(r: np.ndarray, d: np.ndarray, *, s: float = 2.0, gamma: float = 1.0,
                 p0: np.ndarray | None = None) -> np.ndarray:
    """The least-cost state sequence (True = burst) of each row of counts.

    Args:
        r: mentions per batch, shape ``(T,)`` or ``(entities, T)``.
        d: papers per batch, same shape as ``r`` or ``(T,)`` shared by every row.
        s: burst rate multiplier (> 1).
        gamma: weight of the cost ``gamma * ln(T)`` of entering a burst.
        p0: base rate per batch, shaped like ``r`` (default: each row's overall rate).

    Returns:
        Boolean array shaped like ``r``. Ties go to the base state (no burst without evidence).
    """
    if s <= 1:
        raise ValueError(f"s must be > 1, not {s}")
    r2 = np.atleast_2d(np.asarray(r, dtype=float))
    d2 = np.broadcast_to(np.asarray(d, dtype=float), r2.shape)
    if np.any(r2 > d2) or np.any(r2 < 0):
        raise ValueError("counts must satisfy 0 <= r <= d")
    n_rows, T = r2.shape
    states = np.zeros((n_rows, T), dtype=bool)
    if T == 0:
        return states.reshape(np.shape(r))
    p0_, p1_ = _rates(r2, d2, s, None if p0 is None else np.atleast_2d(np.asarray(p0, dtype=float)))
    c0, c1 = _costs(r2, d2, p0_), _costs(r2, d2, p1_)
    enter = gamma * np.log(T) if T > 1 else gamma * 0.0
    # cost of the best path ending in each state, and the state each came from
    best0, best1 = c0[:, 0].copy(), enter + c1[:, 0]
    from1_to0 = np.zeros((n_rows, T), dtype=bool)  # best predecessor of state 0 was the burst state
    from1_to1 = np.zeros((n_rows, T), dtype=bool)  # best predecessor of state 1 was the burst state
    for t in range(1, T):
        to0_from1 = best1 < best0
        to1_from1 = best1 <= best0 + enter
        new0 = np.where(to0_from1, best1, best0) + c0[:, t]
        new1 = np.where(to1_from1, best1, best0 + enter) + c1[:, t]
        from1_to0[:, t], from1_to1[:, t] = to0_from1, to1_from1
        best0, best1 = new0, new1
    current = best1 < best0
    for t in range(T - 1, -1, -1):
        states[:, t] = current
        current = np.where(current, from1_to1[:, t], from1_to0[:, t])
    return states.reshape(np.shape(r))


def _runs(states: np.ndarray, min_duration: int) -> list[tuple[int, int]]:
    edges = np.diff(np.concatenate([[0], states.astype(int), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [(int(a), int(b)) for a, b in zip(starts, ends) if b - a + 1 >= min_duration]


def burst_intervals(
    r: np.ndarray, d: np.ndarray, *, s: float = 2.0, gamma: float = 1.0, min_duration: int = 1,
    p0: np.ndarray | None = None,
) -> list[Burst]:
    """Bursts of one series: maximal runs of burst-state batches, at least ``min_duration`` long.

    Args:
        r: mentions per batch, shape ``(T,)``.
        d: papers per batch, shape ``(T,)``.
        s, gamma, p0: see :func:`burst_states`.
        min_duration: shortest burst kept, in batches.

    Returns:
        Bursts in time order; ``strength = sum(cost_base - cost_burst)`` over the run.
    """
    r1, d1 = np.asarray(r, dtype=float), np.asarray(d, dtype=float)
    states = burst_states(r1, d1, s=s, gamma=gamma, p0=p0)
    if not states.any():
        return []
    base, high = _rates(r1, d1, s, None if p0 is None else np.asarray(p0, dtype=float))
    gain = _costs(r1, d1, base) - _costs(r1, d1, high)
    return [Burst(a, b, float(gain[a:b + 1].sum())) for a, b in _runs(states, min_duration)]


def burst_p(inside: int, mentions: int, share: float, batches: int, min_duration: int = 1) -> float:
    """p-value of a burst holding ``inside`` of ``mentions`` when ``share`` of them were expected there.

    The binomial tail ``P(X >= inside)``, ``X ~ Binomial(mentions, share)``, times the number of
    intervals of at least ``min_duration`` of ``batches`` batches (the detector's choices), at most 1.

    >>> round(burst_p(10, 10, 0.5, 4), 4)  # 2^-10, times the 10 intervals of 4 batches
    0.0098
    """
    if mentions <= 0 or inside <= 0:
        return 1.0
    longest = batches - max(min_duration, 1) + 1
    intervals = max(longest, 0) * (longest + 1) / 2
    tail = float(stats.binom.sf(inside - 1, mentions, min(max(share, 0.0), 1.0)))
    return min(1.0, tail * max(intervals, 1.0))


def bursts(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    *,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = MIN_DURATION,
    min_papers: int = 2,
    adjust: Literal["category", "none"] = "category",
) -> pd.DataFrame:
    """Bursts of every entity of one kind in its daily paper counts (day-precision papers only).

    Args:
        source: the knowledge graph (or its trend data).
        kind: "method", "dataset" or "category" (categories are never adjusted by category).
        s: burst rate multiplier (the burst state's rate is ``s`` times the base rate).
        gamma: cost of entering a burst, in units of ``ln(number of days with papers)``.
        min_duration: shortest burst kept, in days with papers.
        min_papers: leave out entities mentioned by fewer papers overall (no burst can be told apart).
        adjust: "category" (base rate from each day's category mix) or "none".

    Returns:
        DataFrame with columns of :data:`BURST_COLUMNS`: ``begin, end`` (dates), ``days`` (days
        with papers in the burst), ``papers`` (mentioning papers in it), ``total`` (papers in it),
        ``expected`` (mentions expected in it at the base rate), ``strength``, ``censored``
        ("start"/"end"/"both"/"": the burst touches the first/last day of the data), ``p``, ``q``;
        sorted by strength (strongest first). ``attrs["examined"]``: entities examined.
    """
    if adjust not in ("category", "none"):
        raise ValueError(f"adjust must be 'category' or 'none', not {adjust!r}")
    data = as_trend_data(source)
    days = paper_periods(data, "D")
    links = data.kind_links(kind)[["paper", "entity"]].join(days, on="paper", how="inner")
    totals = days.value_counts().sort_index()  # only days with papers: the batches
    mentions = links.groupby("entity").size()
    examined = mentions.index[mentions >= max(min_papers, 1)].sort_values()
    links = links[links["entity"].isin(examined)]
    T = len(totals)
    if T == 0 or examined.empty:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in BURST_COLUMNS})
        empty.attrs["examined"] = len(examined)
        return empty
    day_pos = pd.Series(np.arange(T), index=totals.index)
    rows_ent = pd.Series(np.arange(len(examined)), index=examined)
    d = totals.to_numpy().astype(float)
    strata_days = None
    if adjust == "category" and kind != "category":
        stratum = data.day_papers["primary"].replace("", "(none)")
        per_day = pd.crosstab(days, stratum.reindex(days.index))
        per_day = per_day.reindex(totals.index, fill_value=0)
        strata_days = per_day  # (T, K)
        strata_sizes = per_day.sum(axis=0)
        ent_stratum = links.join(stratum.rename("stratum"), on="paper").groupby(["entity", "stratum"]).size()
    rows = []
    for lo in range(0, len(examined), _ROWS_PER_CHUNK):
        chunk = examined[lo:lo + _ROWS_PER_CHUNK]
        part = links[links["entity"].isin(chunk)]
        r = np.zeros((len(chunk), T))
        np.add.at(r, (rows_ent[part["entity"]].to_numpy() - lo, day_pos[part["start"]].to_numpy()), 1)
        if strata_days is not None:
            share = ent_stratum[ent_stratum.index.get_level_values(0).isin(chunk)].unstack(fill_value=0)
            share = share.reindex(index=chunk, columns=strata_days.columns, fill_value=0) / strata_sizes.to_numpy()
            expected = share.to_numpy() @ strata_days.to_numpy().T  # (entities, T): mentions expected per day
        else:
            expected = r.sum(axis=1, keepdims=True) / d.sum() * np.ones((1, T)) * d
        # The decoding below is elementwise and row by row: done a block of rows at a time, its dozen
        # (rows x T) temporaries stay small (a year: 135 MB for one chunk at once), with the same values.
        for blo in range(0, len(chunk), _ROWS_PER_BLOCK):
            rb, eb = r[blo:blo + _ROWS_PER_BLOCK], expected[blo:blo + _ROWS_PER_BLOCK]
            if strata_days is not None:
                p0 = np.clip(eb / d, 0.0, _MAX_P)
            else:
                p0 = rb.sum(axis=1, keepdims=True) / d.sum() * np.ones((1, T))
            states = burst_states(rb, d, s=s, gamma=gamma, p0=p0)
            base, high = _rates(rb, np.broadcast_to(d, rb.shape), s, p0)
            gain = _costs(rb, d, base) - _costs(rb, d, high)
            for i in np.flatnonzero(states.any(axis=1)):
                m = rb[i].sum()
                for a, b in _runs(states[i], min_duration):
                    inside, exp_in = int(rb[i, a:b + 1].sum()), float(eb[i, a:b + 1].sum())
                    censored = ("both" if a == 0 and b == T - 1 else "start" if a == 0 else "end" if b == T - 1 else "")
                    rows.append((chunk[blo + i], totals.index[a].date(), totals.index[b].date(), b - a + 1, inside,
                                 int(d[a:b + 1].sum()), exp_in, float(gain[i, a:b + 1].sum()), censored,
                                 burst_p(inside, int(m), exp_in / eb[i].sum(), T, min_duration)))
    table = pd.DataFrame(rows, columns=["entity", "begin", "end", "days", "papers", "total", "expected", "strength",
                                        "censored", "p"])
    # the family: every burst, and every examined entity without one (as p = 1)
    without = len(examined) - table["entity"].nunique()
    table["q"] = bh_q(np.concatenate([table["p"].to_numpy(), np.ones(without)]))[:len(table)]
    info = data.names(kind)
    table["name"] = table["entity"].map(info["name"]).fillna(table["entity"])
    table["group"] = table["entity"].map(info["group"]).fillna("")
    table["kind"] = kind
    out = table.sort_values(["strength", "entity"], ascending=[False, True], ignore_index=True)[BURST_COLUMNS]
    out.attrs["examined"] = len(examined)
    return out
