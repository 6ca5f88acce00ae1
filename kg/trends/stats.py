"""The statistics behind every ranked trend table, vectorised over all methods at once.

- :func:`bh_q`: Benjamini–Hochberg q-values (scipy's ``false_discovery_control``).
- :func:`log_odds_z`: Monroe, Colaresi & Quinn's (2008) log-odds ratio with an informative
  Beta prior, and its z-score, for one 2 × 2 table per method.
- :func:`stratified_log_odds_z`: the same within each stratum (primary category), pooled
  by inverse variance (Woolf's fixed-effect estimate), so that a change in how many papers
  each category contributes cannot pass for a change within the categories.
- :func:`stratified_exact_p`: the exact conditional test of a stratified 2 × 2 table (the
  exact version of the Cochran–Mantel–Haenszel test): given each stratum's margins, the
  recent window's mentions are a sum of hypergeometric counts.
- :func:`pearson_dispersion` and :func:`inflate_p`: how much noisier than binomial a method's
  daily counts are (papers of one lab or one digest source arriving together), shrunk towards the
  value over all methods, and a one-sided p-value widened by it (quasi-likelihood).
- :func:`poisson_trend`: a quasi-Poisson regression of counts on time with an offset (the
  counts expected from the category mix), one slope per method, fitted by Newton's method
  on all methods together.

Why our own code for the last two: statsmodels' ``StratifiedTable`` and ``GLM`` fit one
table or one model per call; thousands of methods means thousands of calls (seconds to
minutes) for what is a handful of array operations here. Each is checked against an
independent computation in tests/test_trends_stats.py.
"""
from __future__ import annotations

import numpy as np
from scipy import stats

__all__ = ["bh_q", "log_odds_z", "stratified_log_odds_z", "stratified_exact_p", "pearson_dispersion", "inflate_p",
           "poisson_trend", "one_sided_p"]

_FLOOR = 1e-3  # smallest pseudo-count: keeps a method in every paper (or none) finite


def bh_q(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values) of a family of tests.

    NaN p-values are left out of the family and get NaN.

    >>> bh_q(np.array([0.01, 0.04, 0.03, 0.5])).round(3).tolist()
    [0.04, 0.053, 0.053, 0.5]
    """
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if ok.any():
        q[ok] = stats.false_discovery_control(np.clip(p[ok], 0.0, 1.0), method="bh")
    return q


def one_sided_p(z: np.ndarray) -> np.ndarray:
    """P(Z >= z) for a standard normal Z: the p-value of "rose" for a z-score."""
    return stats.norm.sf(np.asarray(z, dtype=float))


def log_odds_z(
    y_prev: np.ndarray, n_prev: np.ndarray | int, y_recent: np.ndarray, n_recent: np.ndarray | int,
    prior: float, share: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds ratio (recent vs previous) with a Beta prior, its variance and z-score.

    Each window gets ``alpha = prior * share`` pseudo-papers mentioning the method and
    ``beta = prior * (1 - share)`` not mentioning it (Monroe et al. 2008, section 3.5, for a
    yes/no property of a paper); ``share`` is the method's share of papers over the whole
    history (by default: over the two windows)::

        delta = log[(y_r + alpha) / (n_r - y_r + beta)] - log[(y_p + alpha) / (n_p - y_p + beta)]
        var   = 1/(y_r + alpha) + 1/(n_r - y_r + beta) + 1/(y_p + alpha) + 1/(n_p - y_p + beta)
        z     = delta / sqrt(var)

    Args:
        y_prev, y_recent: papers mentioning each method in each window.
        n_prev, n_recent: papers in each window (scalars or per-row arrays).
        prior: prior strength in pseudo-papers.
        share: each method's share of papers over the whole history.

    Returns:
        ``(delta, var, z)`` arrays.

    >>> d, v, z = log_odds_z(np.array([0, 42]), 1200, np.array([50, 66]), 1200, prior=500, share=np.array([50, 108]) / 2400)
    >>> bool(z[0] > z[1])  # 0 -> 50 papers is stronger evidence than 42 -> 66
    True
    """
    y_p = np.asarray(y_prev, dtype=float)
    y_r = np.asarray(y_recent, dtype=float)
    n_p = np.asarray(n_prev, dtype=float)
    n_r = np.asarray(n_recent, dtype=float)
    if share is None:
        share = (y_p + y_r) / np.maximum(n_p + n_r, 1)
    alpha = np.maximum(prior * share, _FLOOR)
    beta = np.maximum(prior * (1 - share), _FLOOR)
    a_r, b_r = y_r + alpha, n_r - y_r + beta
    a_p, b_p = y_p + alpha, n_p - y_p + beta
    delta = np.log(a_r / b_r) - np.log(a_p / b_p)
    var = 1 / a_r + 1 / b_r + 1 / a_p + 1 / b_p
    return delta, var, delta / np.sqrt(var)


def stratified_log_odds_z(
    y_prev: np.ndarray, n_prev: np.ndarray, y_recent: np.ndarray, n_recent: np.ndarray,
    prior: float, share: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`log_odds_z` within each stratum, pooled by inverse variance.

    Arrays are ``(methods, strata)``; ``n_prev``/``n_recent`` may be ``(strata,)``. The prior
    strength is shared out between the strata in proportion to their papers in the two
    windows (a stratum of 5% of the papers gets 5% of the pseudo-papers), centred on the
    method's whole-history share *within* the stratum (``share``). A stratum without papers
    in one of the windows says nothing about a change and is left out (weight 0).

    Returns:
        ``(delta, var, z)`` per method: ``delta = sum(w_k delta_k) / sum(w_k)``,
        ``var = 1 / sum(w_k)``, ``w_k = 1 / var_k``.
    """
    y_p, y_r = np.atleast_2d(y_prev).astype(float), np.atleast_2d(y_recent).astype(float)
    n_p = np.broadcast_to(np.asarray(n_prev, dtype=float), y_p.shape)
    n_r = np.broadcast_to(np.asarray(n_recent, dtype=float), y_r.shape)
    both = n_p + n_r
    strength = prior * both / np.maximum(both.sum(axis=1, keepdims=True), 1)
    alpha = np.maximum(strength * share, _FLOOR)
    beta = np.maximum(strength * (1 - share), _FLOOR)
    a_r, b_r = y_r + alpha, n_r - y_r + beta
    a_p, b_p = y_p + alpha, n_p - y_p + beta
    delta_k = np.log(a_r / b_r) - np.log(a_p / b_p)
    w = 1 / (1 / a_r + 1 / b_r + 1 / a_p + 1 / b_p)
    w = np.where((n_p > 0) & (n_r > 0), w, 0.0)
    total = w.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        delta = np.where(total > 0, (w * delta_k).sum(axis=1) / np.where(total > 0, total, 1), 0.0)
        var = np.where(total > 0, 1 / np.where(total > 0, total, 1), np.inf)
    return delta, var, delta / np.sqrt(var)


def stratified_exact_p(x: np.ndarray, papers: np.ndarray, recent: np.ndarray, mentions: np.ndarray,
                       *, exact_limit: int = 20_000) -> np.ndarray:
    """One-sided p-values ``P(X >= x)`` of the exact conditional stratified test, one per row.

    In stratum ``k`` there are ``papers[k]`` papers, ``recent[k]`` of them in the recent window,
    and ``mentions[i, k]`` mention method ``i``; with no change, the recent window's mentions
    ``X_k`` are hypergeometric given those margins and independent across strata, and
    ``X = sum_k X_k``. The distribution of ``X`` is the convolution of the strata's pmfs (exact;
    rows with more than ``exact_limit`` mentions use the normal approximation of the CMH test,
    with continuity correction).

    Args:
        x: observed recent mentions per row, ``(methods,)``.
        papers, recent: ``(strata,)`` margins.
        mentions: ``(methods, strata)`` mentions in both windows.

    >>> round(float(stratified_exact_p(np.array([3]), np.array([6]), np.array([3]), np.array([[3]]))[0]), 6)  # 1 / C(6, 3)
    0.05
    """
    x = np.asarray(x)
    N = np.asarray(papers, dtype=np.int64)
    n = np.asarray(recent, dtype=np.int64)
    M = np.atleast_2d(np.asarray(mentions, dtype=np.int64))
    out = np.ones(len(M))
    for i, (xi, row) in enumerate(zip(x, M)):
        use = (row > 0) & (n > 0) & (n < N)  # a stratum with papers in one window only is fixed: no information
        fixed = int(np.sum(np.where((row > 0) & (n >= N), row, 0)))  # all its mentions are recent for sure
        target = int(xi) - fixed
        if target <= 0:
            continue
        ks, Ns, ns = row[use], N[use], n[use]
        if ks.sum() > exact_limit:
            mean = float(np.sum(ks * ns / Ns))
            var = float(np.sum(ks * ns * (Ns - ns) * (Ns - ks) / (Ns.astype(float) ** 2 * np.maximum(Ns - 1, 1))))
            out[i] = stats.norm.sf((target - 0.5 - mean) / np.sqrt(var)) if var > 0 else float(target > mean)
            continue
        pmf = np.ones(1)
        for k, Nk, nk in zip(ks, Ns, ns):
            pmf = np.convolve(pmf, stats.hypergeom.pmf(np.arange(k + 1), Nk, k, nk))
        out[i] = float(min(1.0, pmf[target:].sum())) if target < len(pmf) else 0.0
    return out


def pearson_dispersion(y: np.ndarray, expected: np.ndarray, variance: np.ndarray, *, params: int = 2,
                       prior_days: float = 20.0) -> tuple[np.ndarray, float]:
    """Per-row Pearson dispersion of counts around their expectation, shrunk towards the pooled value.

    ``chi2 = sum (y - e)^2 / var`` over the periods with ``var > 0``, ``df`` = those periods minus
    ``params``; the pooled value is ``sum chi2 / sum df`` over all rows, and each row's estimate is
    ``(chi2 + prior_days * pooled) / (df + prior_days)`` (a row with few days leans on the pool).
    Both are at least 1: under-dispersed counts never make a test bolder.

    Returns:
        ``(per-row dispersion, pooled dispersion)``.

    >>> y = np.array([[5, 5, 5, 5], [0, 10, 0, 10]]); e = np.full((2, 4), 5.0)
    >>> phi, pooled = pearson_dispersion(y, e, e, prior_days=0)
    >>> phi.round(2).tolist(), round(pooled, 2)
    ([1.0, 10.0], 5.0)
    """
    y, e, v = (np.asarray(a, dtype=float) for a in (y, expected, variance))
    use = v > 0
    chi2 = np.where(use, (y - e) ** 2 / np.where(use, v, 1), 0.0).sum(axis=1)
    df = np.maximum(use.sum(axis=1) - params, 0)
    pooled = max(1.0, float(chi2.sum() / df.sum())) if df.sum() > 0 else 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        phi = np.where(df + prior_days > 0, (chi2 + prior_days * pooled) / (df + prior_days), pooled)
    return np.maximum(phi, 1.0), pooled


def inflate_p(p: np.ndarray, dispersion: np.ndarray) -> np.ndarray:
    """One-sided p-values with the variance of their statistic multiplied by ``dispersion``.

    The p-value is turned into its normal deviate, divided by ``sqrt(dispersion)`` and turned back;
    ``dispersion == 1`` leaves it as it is.

    >>> round(float(inflate_p(np.array([0.0005]), np.array([4.0]))[0]), 3)  # z 3.29 -> 1.65
    0.05
    """
    z = stats.norm.isf(np.clip(np.asarray(p, dtype=float), 1e-300, 1.0))
    return stats.norm.sf(z / np.sqrt(np.maximum(np.asarray(dispersion, dtype=float), 1.0)))


def poisson_trend(
    y: np.ndarray, expected: np.ndarray, t: np.ndarray, *, iterations: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Slope of ``log E[y] = log(expected) + a + b t`` per row, with a quasi-Poisson score test of ``b = 0``.

    Args:
        y: counts, ``(methods, periods)``.
        expected: the counts expected without a trend (periods with ``expected == 0`` carry no
            information and are ignored), same shape.
        t: period times, ``(periods,)`` (e.g. years since the first period).
        iterations: at most this many Newton steps for the slope (the log-likelihood is concave).

    Returns:
        ``(b, se, z, dispersion)``: the slope (maximum likelihood) and its standard error; ``z`` of
        the score test of no trend (it needs only the fit without a slope, so it stays
        well-behaved when all of a method's papers sit at one end, where the slope runs off to
        infinity); both scaled by the Pearson dispersion of the fit with a slope (at least 1:
        over-dispersed counts widen the interval, under-dispersed ones do not narrow it).
        Rows without two informative periods get NaN.
    """
    y = np.asarray(y, dtype=float)
    e = np.asarray(expected, dtype=float)
    use = e > 0
    t = np.broadcast_to(np.asarray(t, dtype=float), y.shape)
    n_use = use.sum(axis=1)
    # centre t per row on its informative periods: a and b are then nearly uncorrelated
    t0 = np.where(n_use > 0, (t * use).sum(axis=1) / np.maximum(n_use, 1), 0.0)
    tc = np.where(use, t - t0[:, None], 0.0)
    log_e = np.log(np.where(use, e, 1.0))
    y_use = np.where(use, y, 0.0)
    ratio = y_use.sum(axis=1) / np.maximum(np.where(use, e, 0.0).sum(axis=1), 1e-300)
    a0 = np.log(np.maximum(ratio, 1e-12))

    def fitted(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.where(use, np.exp(np.clip(log_e + a[:, None] + b[:, None] * tc, -700, 700)), 0.0)

    def information(mu: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return mu.sum(axis=1), (mu * tc).sum(axis=1), (mu * tc * tc).sum(axis=1)

    a, b = a0.copy(), np.zeros(len(y))
    for _ in range(iterations):
        mu = fitted(a, b)
        r = y_use - mu
        g_a, g_b = r.sum(axis=1), (r * tc).sum(axis=1)
        h_aa, h_ab, h_bb = information(mu)
        det = h_aa * h_bb - h_ab**2
        ok = det > 1e-12
        step_a = np.where(ok, (h_bb * g_a - h_ab * g_b) / np.where(ok, det, 1), 0.0)
        step_b = np.where(ok, (h_aa * g_b - h_ab * g_a) / np.where(ok, det, 1), 0.0)
        a, b = a + np.clip(step_a, -2, 2), b + np.clip(step_b, -2, 2)
        if np.all(np.abs(step_b) < 1e-9):
            break
    mu = fitted(a, b)
    h_aa, h_ab, h_bb = information(mu)
    det = h_aa * h_bb - h_ab**2
    with np.errstate(divide="ignore", invalid="ignore"):
        var_b = np.where(det > 1e-12, h_aa / det, np.nan)
        pearson = np.where(mu > 0, (y_use - mu) ** 2 / np.where(mu > 0, mu, 1), 0.0).sum(axis=1)
        dispersion = np.maximum(np.where(n_use > 2, pearson / np.maximum(n_use - 2, 1), 1.0), 1.0)
        # score test at b = 0 (a at its restricted maximum, a0): U = sum (y - mu0) t,
        # Var U = I_bb - I_ab^2 / I_aa
        mu0 = fitted(a0, np.zeros(len(y)))
        u = ((y_use - mu0) * tc).sum(axis=1)
        i_aa, i_ab, i_bb = information(mu0)
        var_u = (i_bb - np.where(i_aa > 0, i_ab**2 / np.where(i_aa > 0, i_aa, 1), 0.0)) * dispersion
        z = np.where(var_u > 0, u / np.sqrt(np.where(var_u > 0, var_u, 1)), 0.0)
    se = np.sqrt(var_b * dispersion)
    bad = n_use < 2
    return np.where(bad, np.nan, b), np.where(bad, np.nan, se), np.where(bad, np.nan, z), dispersion
