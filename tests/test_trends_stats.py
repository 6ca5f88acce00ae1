"""The statistics of kg.trends.stats against independent computations."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import optimize, stats

from kg.trends.stats import bh_q, log_odds_z, poisson_trend, stratified_exact_p, stratified_log_odds_z


def test_bh_q_matches_the_definition():
    p = np.array([0.001, 0.2, 0.03, 0.04, np.nan, 0.5])
    q = bh_q(p)
    ok = p[~np.isnan(p)]
    order = np.argsort(ok)
    raw = ok[order] * len(ok) / np.arange(1, len(ok) + 1)
    expected = np.empty(len(ok))
    expected[order] = np.minimum.accumulate(raw[::-1])[::-1]
    np.testing.assert_allclose(q[~np.isnan(p)], expected)
    assert np.isnan(q[4])


def test_exact_test_with_one_stratum_is_fishers():
    # 2x2 table: recent window 30 of 100 papers mention it, previous window 15 of 120
    p = stratified_exact_p(np.array([30]), np.array([220]), np.array([100]), np.array([[45]]))[0]
    expected = stats.fisher_exact([[30, 70], [15, 105]], alternative="greater").pvalue
    assert p == pytest.approx(expected)


def test_exact_test_with_two_strata_equals_enumeration():
    N, n, m = np.array([12, 9]), np.array([5, 6]), np.array([4, 3])
    pmf = [stats.hypergeom.pmf(np.arange(k + 1), Nk, k, nk) for k, Nk, nk in zip(m, N, n)]
    for x in range(0, 8):
        brute = sum(pmf[0][a] * pmf[1][b] for a, b in itertools.product(range(5), range(4)) if a + b >= x)
        assert stratified_exact_p(np.array([x]), N, n, m[None, :])[0] == pytest.approx(min(brute, 1.0))


def test_exact_test_ignores_strata_seen_in_one_window_only():
    # stratum 2 has papers in the recent window only: its 5 mentions are recent for sure
    p_with = stratified_exact_p(np.array([8]), np.array([20, 10]), np.array([10, 10]), np.array([[6, 5]]))[0]
    p_without = stratified_exact_p(np.array([3]), np.array([20]), np.array([10]), np.array([[6]]))[0]
    assert p_with == pytest.approx(p_without)


def test_stratified_log_odds_with_one_stratum_is_monroe():
    y_p, y_r = np.array([[3], [40]]), np.array([[9], [44]])
    share = np.array([[0.01], [0.1]])
    d1, v1, z1 = stratified_log_odds_z(y_p, np.array([500]), y_r, np.array([600]), 300, share)
    d2, v2, z2 = log_odds_z(y_p[:, 0], 500, y_r[:, 0], 600, 300, share[:, 0])
    np.testing.assert_allclose(d1, d2)
    np.testing.assert_allclose(z1, z2)


def test_poisson_trend_slope_matches_a_generic_optimiser():
    rng = np.random.default_rng(2)
    t = np.arange(20) / 52
    e = rng.uniform(2, 6, 20)
    y = rng.poisson(e * np.exp(0.4 + 3.0 * t))
    b, se, z, disp = poisson_trend(y[None, :], e[None, :], t)

    def nll(theta):
        mu = e * np.exp(theta[0] + theta[1] * t)
        return float(np.sum(mu - y * np.log(mu)))

    fit = optimize.minimize(nll, [0.0, 0.0], method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12})
    assert b[0] == pytest.approx(fit.x[1], abs=1e-3)
    assert z[0] > 3 and disp[0] >= 1


def test_poisson_score_test_is_calibrated_under_no_trend():
    rng = np.random.default_rng(8)
    t = np.arange(26) / 52
    e = np.tile(rng.uniform(0.5, 4, 26), (2000, 1))
    y = rng.poisson(e)
    _, _, z, _ = poisson_trend(y, e, t)
    assert 0.03 < np.mean(np.abs(z) > 1.96) < 0.07


def test_poisson_trend_survives_all_papers_at_one_end():
    # separation: every paper in the last weeks, the slope runs off, the score test stays finite
    t = np.arange(12) / 52
    y = np.array([[0] * 8 + [3, 4, 5, 6]])
    b, se, z, _ = poisson_trend(y, np.full((1, 12), 1.5), t)
    assert np.isfinite(z[0]) and z[0] > 3
