"""Research trends from the knowledge graph: time series, rising, emerging, bursting and long-term methods.

Every public function takes the graph (from :func:`kg.build` or :func:`kg.graph.build_graph`,
or its :func:`trend_data` to flatten it once) and returns a pandas DataFrame; every ranked
table has a Benjamini–Hochberg ``q`` column; :func:`write_trends` writes the files of
``kg trends`` (and ``kg build``)::

    import kg, kg.trends as tr
    G = kg.build(["examples/"]).graph
    tr.time_series(G, "method", "W")          # sparse: papers and share per ISO week (zero_fill=True for charts)
    tr.rising_methods(G, "2w")                # within-category log-odds z, p and q, recent vs previous 2 weeks
    tr.emerging_methods(G, "2w")              # first seen in the window, uptake by non-proposing papers
    tr.bursts(G, "method")                    # Kleinberg bursts, category-adjusted, censored marks, q
    tr.long_trends(G)                         # whole-series quasi-Poisson trend per method (8+ weeks)
    tr.coverage(G).category_changes           # what the digests covered: missing/partial days, categories
    tr.method_dates(G)                        # first-seen date quartiles per method (trend topics, overlays)
    tr.write_trends(G, "out/trends")          # CSVs, trends.md and the charts
"""
from kg.trends.bursts import Burst, burst_intervals, burst_p, burst_states, bursts
from kg.trends.coverage import CategoryChange, Coverage, coverage
from kg.trends.data import TrendData, trend_data
from kg.trends.longterm import long_trends
from kg.trends.report import (
    TrendsReport, bursts_figure, categories_figure, compute_trends, groups_figure, rising_figure, trend_topics_figure,
    trends_markdown, write_trends,
)
from kg.trends.rising import (
    AUTO, PRIOR, Windows, auto_window, coverage_note, emerging_methods, known_methods, log_odds_z, parse_window,
    resolve_window, rising, rising_methods, windows,
)
from kg.trends.series import method_dates, period_totals, time_series
from kg.trends.stats import bh_q

__all__ = [
    "AUTO", "PRIOR", "Burst", "CategoryChange", "Coverage", "TrendData", "TrendsReport", "Windows", "auto_window",
    "bh_q", "burst_intervals", "burst_p", "burst_states", "bursts", "bursts_figure", "categories_figure",
    "compute_trends", "coverage", "coverage_note", "emerging_methods", "groups_figure", "known_methods",
    "log_odds_z", "long_trends", "method_dates", "parse_window", "period_totals", "resolve_window", "rising",
    "rising_figure", "rising_methods", "time_series", "trend_data", "trend_topics_figure", "trends_markdown",
    "windows", "write_trends",
]
