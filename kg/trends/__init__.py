"""Research trends from the knowledge graph: time series, rising, emerging and bursting methods.

Every public function takes the graph (from :func:`kg.build` or :func:`kg.graph.build_graph`,
or its :func:`trend_data` to flatten it once) and returns a pandas DataFrame;
:func:`write_trends` writes the files of ``kg trends`` (and ``kg build``)::

    import kg, kg.trends as tr
    G = kg.build(["examples/"]).graph
    tr.time_series(G, "method", "W")          # papers and share per ISO week, zero-filled
    tr.rising_methods(G, "2w", min_support=3)  # log-odds z-score, recent vs previous window
    tr.emerging_methods(G, "2w", min_papers=2)
    tr.bursts(G, "method", s=2, gamma=1)      # Kleinberg two-state bursts on daily counts
    tr.write_trends(G, "out/trends")           # trends.csv, trends.md, rising.png, categories.png
"""
from kg.trends.bursts import Burst, burst_intervals, burst_states, bursts
from kg.trends.data import TrendData, trend_data
from kg.trends.report import (
    TrendsReport, categories_figure, compute_trends, rising_figure, trends_markdown, write_trends,
)
from kg.trends.rising import (
    AUTO, Windows, auto_window, coverage_note, emerging_methods, log_odds_z, parse_window, resolve_window, rising,
    rising_methods, windows,
)
from kg.trends.series import time_series

__all__ = [
    "AUTO", "Burst", "TrendData", "TrendsReport", "Windows", "burst_intervals", "burst_states", "bursts",
    "auto_window", "categories_figure", "compute_trends", "coverage_note", "resolve_window", "emerging_methods", "log_odds_z", "parse_window", "rising",
    "rising_figure", "rising_methods", "time_series", "trend_data", "trends_markdown", "windows", "write_trends",
]
