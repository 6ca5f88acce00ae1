"""Kleinberg's two-state burst detection for batched arrivals (Kleinberg 2003, section 4).

Each day with papers is one batch: ``d_t`` papers, ``r_t`` of them mention the entity.
The base state emits mentions at the overall rate ``p0 = sum(r) / sum(d)``, the burst
state at ``p1 = s * p0``. A state's cost on day ``t`` is the binomial negative
log-likelihood ``-ln[C(d_t, r_t) p^r_t (1 - p)^(d_t - r_t)]``; entering the burst state
costs ``gamma * ln(n)`` (``n`` = number of batches), leaving it is free. The Viterbi path
of least total cost marks the burst days; a burst's strength is the likelihood it gains,
``sum over its days of cost(base) - cost(burst)`` (the weight Kleinberg uses to rank bursts).

Days without any paper (weekends, holidays) carry no information and are not batches:
they neither extend nor break a burst, and do not count in ``n``.
Written here because the PyPI packages (``pybursts``, ``burst-detection``) break on NumPy 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

import networkx as nx
import numpy as np
import pandas as pd
from scipy.special import gammaln, xlog1py, xlogy

from kg.trends.data import Kind, TrendData, as_trend_data
from kg.trends.series import paper_periods

__all__ = ["Burst", "burst_states", "burst_intervals", "bursts", "BURST_COLUMNS"]

BURST_COLUMNS = ["entity", "name", "group", "kind", "begin", "end", "days", "papers", "total", "strength"]
_MAX_P = 1 - 1e-9  # a burst rate of 1 would make any unmentioning paper impossible (infinite cost)


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


def _rates(r: np.ndarray, d: np.ndarray, s: float) -> tuple[np.ndarray, np.ndarray]:
    total = d.sum(axis=-1, keepdims=True)
    p0 = np.where(total > 0, r.sum(axis=-1, keepdims=True) / np.where(total > 0, total, 1), 0.0)
    return p0, np.minimum(s * p0, _MAX_P)


def burst_states(r: np.ndarray, d: np.ndarray, *, s: float = 2.0, gamma: float = 1.0) -> np.ndarray:
    """The least-cost state sequence (True = burst) of each row of counts.

    Args:
        r: mentions per batch, shape ``(T,)`` or ``(entities, T)``.
        d: papers per batch, same shape as ``r`` or ``(T,)`` shared by every row.
        s: burst rate multiplier (> 1).
        gamma: weight of the cost ``gamma * ln(T)`` of entering a burst.

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
    p0, p1 = _rates(r2, d2, s)
    c0, c1 = _costs(r2, d2, p0), _costs(r2, d2, p1)
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


def burst_intervals(
    r: np.ndarray, d: np.ndarray, *, s: float = 2.0, gamma: float = 1.0, min_duration: int = 1
) -> list[Burst]:
    """Bursts of one series: maximal runs of burst-state batches, at least ``min_duration`` long.

    Args:
        r: mentions per batch, shape ``(T,)``.
        d: papers per batch, shape ``(T,)``.
        s, gamma: see :func:`burst_states`.
        min_duration: shortest burst kept, in batches.

    Returns:
        Bursts in time order; ``strength = sum(cost_base - cost_burst)`` over the run.
    """
    r1, d1 = np.asarray(r, dtype=float), np.asarray(d, dtype=float)
    states = burst_states(r1, d1, s=s, gamma=gamma)
    if not states.any():
        return []
    p0, p1 = _rates(r1, d1, s)
    gain = _costs(r1, d1, p0) - _costs(r1, d1, p1)
    edges = np.diff(np.concatenate([[0], states.astype(int), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [Burst(int(a), int(b), float(gain[a:b + 1].sum()))
            for a, b in zip(starts, ends) if b - a + 1 >= min_duration]


def bursts(
    source: Union[nx.MultiDiGraph, TrendData],
    kind: Kind = "method",
    *,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = 1,
    min_papers: int = 2,
) -> pd.DataFrame:
    """Bursts of every entity of one kind in its daily paper counts (day-precision papers only).

    Args:
        source: the knowledge graph (or its trend data).
        kind: "method", "dataset" or "category".
        s: burst rate multiplier (the burst state's rate is ``s`` times the base rate).
        gamma: cost of entering a burst, in units of ``ln(number of days with papers)``.
        min_duration: shortest burst kept, in days with papers.
        min_papers: leave out entities mentioned by fewer papers overall (no burst can be told apart).

    Returns:
        DataFrame with columns ``entity, name, group, kind, begin, end (dates), days (days with
        papers in the burst), papers (mentioning papers in it), total (papers in it), strength``,
        sorted by strength (strongest first).
    """
    data = as_trend_data(source)
    days = paper_periods(data, "D")
    links = data.links[data.links["kind"] == kind].join(days, on="paper", how="inner")
    totals = days.value_counts().sort_index()  # only days with papers: the batches
    counts = links.groupby(["entity", "start"]).size().unstack(fill_value=0).reindex(columns=totals.index, fill_value=0)
    counts = counts[counts.sum(axis=1) >= max(min_papers, 1)]
    rows = []
    d = totals.to_numpy()
    for entity, r in zip(counts.index, counts.to_numpy()):
        for b in burst_intervals(r, d, s=s, gamma=gamma, min_duration=min_duration):
            rows.append((entity, totals.index[b.start].date(), totals.index[b.end].date(), b.end - b.start + 1,
                         int(r[b.start:b.end + 1].sum()), int(d[b.start:b.end + 1].sum()), b.strength))
    table = pd.DataFrame(rows, columns=["entity", "begin", "end", "days", "papers", "total", "strength"])
    info = data.entities.loc[kind] if kind in data.entities.index.get_level_values(0) else None
    table["name"] = table["entity"].map(info["name"]).fillna(table["entity"]) if info is not None else table["entity"]
    table["group"] = table["entity"].map(info["group"]).fillna("") if info is not None else ""
    table["kind"] = kind
    return table.sort_values(["strength", "entity"], ascending=[False, True], ignore_index=True)[BURST_COLUMNS]
