"""All trend tables at once, and the files ``kg trends`` / ``kg build`` write.

:func:`compute_trends` is pure (graph in, DataFrames out); :func:`write_trends` adds the
files: ``trends.csv``, ``trends.md``, ``rising.png``, ``categories.png``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

from kg.trends.bursts import bursts
from kg.trends.charts import chart_freq, plot_shares, save_figure
from kg.trends.data import KINDS, TrendData, as_trend_data
from kg.trends.rising import (
    AUTO, Window, Windows, coverage_note, emerging_methods, resolve_window, rising_methods, windows,
)
from kg.trends.series import FREQS, SERIES_COLUMNS, time_series

__all__ = ["TrendsReport", "compute_trends", "write_trends", "trends_markdown", "rising_figure", "categories_figure"]

#: column order of trends.csv (long format: one row per entity, period and granularity)
CSV_COLUMNS = ["entity", "kind", "freq", "period", "start", "count", "total", "share", "name"]


@dataclass
class TrendsReport:
    """Every trend table of one graph, the parameters used, and the files written (if any).

    Attributes:
        series: all time series, long format (columns of :data:`kg.trends.series.SERIES_COLUMNS`),
            for every kind ("method", "dataset", "category") and freq ("D", "W", "M").
        rising: :func:`kg.trends.rising_methods` (rising only).
        emerging: :func:`kg.trends.emerging_methods`.
        bursts: :func:`kg.trends.bursts` of methods.
        windows: the two windows compared (``None`` when no paper has a day).
        params: the parameters used (window, min_support, ...); ``window`` as given ("auto", "4w").
        notes: warnings about the data worth reading before the tables (e.g. a previous window
            the data do not cover).
        papers: papers with a first-seen date; ``month_only``: of them, known only to the month;
            ``undated``: papers without any date (in no table).
        files: name -> path of every file written by :func:`write_trends`.
    """

    series: pd.DataFrame
    rising: pd.DataFrame
    emerging: pd.DataFrame
    bursts: pd.DataFrame
    windows: Windows | None
    params: dict[str, object]
    papers: int = 0
    month_only: int = 0
    undated: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def kind_series(self, kind: str, freq: str) -> pd.DataFrame:
        """The rows of :attr:`series` for one kind and freq."""
        s = self.series
        return s[(s["kind"] == kind) & (s["freq"] == freq)].reset_index(drop=True)


def compute_trends(
    source: Union[nx.MultiDiGraph, TrendData],
    *,
    window: Window = AUTO,
    min_support: int = 3,
    min_papers: int = 2,
    prior: float = 10.0,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = 1,
) -> TrendsReport:
    """Every trend table of a graph (no files). Parameters as in :func:`write_trends`."""
    data = as_trend_data(source)
    parts = [time_series(data, kind, freq) for kind in KINDS for freq in FREQS]
    parts = [p for p in parts if not p.empty]
    series = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SERIES_COLUMNS)
    params: dict[str, object] = dict(window=window, min_support=min_support, min_papers=min_papers, prior=prior,
                                     s=s, gamma=gamma, min_duration=min_duration)
    last = data.last_day
    notes: list[str] = []
    if last is None:
        rising = emerging = pd.DataFrame()
        win = None
        notes.append("no paper has a first-listed day: no rising, emerging or bursting methods")
    else:
        days = resolve_window(window, data)
        win = windows(days, last)
        rising = rising_methods(data, days, min_support=min_support, prior=prior)
        emerging = emerging_methods(data, days, min_papers=min_papers)
        note = coverage_note(data, win)
        if note:
            notes.append(note)
    burst_table = bursts(data, "method", s=s, gamma=gamma, min_duration=min_duration, min_papers=min_papers)
    month_only = int((data.papers["precision"] != "day").sum())
    return TrendsReport(series, rising, emerging, burst_table, win, params, len(data.papers), month_only, data.undated,
                        notes=notes)


def rising_figure(report: TrendsReport, top: int = 8) -> Figure:
    """Share over time of the ``top`` highest-scoring rising methods (weekly, or daily if < 4 weeks)."""
    freq = chart_freq(report.kind_series("method", "W"))
    series = report.kind_series("method", freq)
    entities = list(report.rising["entity"].head(top)) if not report.rising.empty else []
    window = f"{report.windows.days}-day windows" if report.windows else "no windows"
    shade = (report.windows.recent_start, report.windows.end) if report.windows else None
    return plot_shares(series, entities, title=f"Top {len(entities)} rising methods ({window}): share of papers",
                       shade=shade)


def categories_figure(report: TrendsReport, top: int = 8) -> Figure:
    """Share over time of the ``top`` categories with the most papers (a paper counts in each of its categories)."""
    freq = chart_freq(report.kind_series("category", "W"))
    series = report.kind_series("category", freq)
    biggest = series.groupby("entity")["count"].sum().sort_values(ascending=False, kind="stable").head(top)
    return plot_shares(series, list(biggest.index), title=f"Category mix: the {len(biggest)} largest categories",
                       ylabel="share of papers (cross-lists count in each category)")


def write_trends(
    G: Union[nx.MultiDiGraph, TrendData],
    out_dir: Union[str, Path],
    *,
    window: Window = AUTO,
    min_support: int = 3,
    min_papers: int = 2,
    top: int = 10,
    prior: float = 10.0,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = 1,
) -> TrendsReport:
    """Compute every trend table and write ``trends.csv``, ``trends.md``, ``rising.png``, ``categories.png``.

    Args:
        G: the knowledge graph (or its trend data).
        out_dir: directory for the files (created if missing; files are overwritten).
        window: length of the recent and the previous window ("4w", "14d", or "auto": half the
            data's span, at most 4 weeks; see :func:`kg.trends.rising.auto_window`).
        min_support: rising methods need this many papers in the recent window.
        min_papers: emerging methods need this many papers in the window; bursts are only
            looked for in methods with this many papers overall.
        top: rows per table in trends.md (lines in the charts: at most 8 of them).
        prior: strength of the Beta prior of the rising score, in pseudo-papers.
        s, gamma, min_duration: burst detection parameters (see :func:`kg.trends.bursts`).

    Returns:
        The :class:`TrendsReport`, with ``files`` filled in.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = compute_trends(G, window=window, min_support=min_support, min_papers=min_papers, prior=prior,
                            s=s, gamma=gamma, min_duration=min_duration)
    csv = report.series.assign(start=report.series["start"].dt.date if not report.series.empty else None)
    csv[CSV_COLUMNS].to_csv(out / "trends.csv", index=False, float_format="%.6g")
    (out / "trends.md").write_text(trends_markdown(report, top), encoding="utf-8")
    report.files = {
        "trends.csv": out / "trends.csv",
        "trends.md": out / "trends.md",
        "rising.png": save_figure(rising_figure(report, min(top, 8)), out / "rising.png"),
        "categories.png": save_figure(categories_figure(report, min(top, 8)), out / "categories.png"),
    }
    return report


def _cell(value: object) -> str:
    """A markdown table cell: names come from papers and gazetteers, so pipes and newlines are escaped."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines + [""]


def _pct(x: float) -> str:
    return "–" if pd.isna(x) else f"{100 * x:.1f}%"


def trends_markdown(report: TrendsReport, top: int = 10) -> str:
    """The ``trends.md`` text: what was counted, then the top rising, emerging and bursting methods."""
    p = report.params
    win = report.windows
    lines = ["# Research trends", ""]
    lines.append(f"- papers with a first-listed date: {report.papers}"
                 f" ({report.month_only} known only to the month: counted in monthly series only;"
                 f" {report.undated} without any date: left out)")
    if win is not None:
        lines.append(f"- windows ({p['window']}: {win.days} days each): previous {win.prev_start} .. {win.prev_end},"
                     f" recent {win.recent_start} .. {win.end}")
    lines += [f"- **note**: {n}" for n in report.notes]
    lines += [
        f"- rising score: log-odds ratio of the share of papers, recent vs previous window, with a Beta prior"
        f" of {p['prior']} pseudo-papers centred on the method's overall share, divided by its standard error"
        f" (Monroe et al. 2008); |z| > 2 is unlikely by chance. Minimum {p['min_support']} papers in the recent window.",
        f"- bursts: Kleinberg two-state model on daily counts, s = {p['s']}, gamma = {p['gamma']},"
        f" minimum {p['min_duration']} day(s) with papers; strength = log-likelihood gained over the base rate.",
        "",
        "## Top rising methods", "",
    ]
    r = report.rising.head(top)
    lines += _table(["#", "method", "group", "papers before", "papers recent", "share before", "share recent", "z"],
                    [[i + 1, x.name, x.group, f"{x.count_prev} / {x.total_prev}", f"{x.count_recent} / {x.total_recent}",
                      _pct(x.share_prev), _pct(x.share_recent), f"{x.z:.2f}"] for i, x in enumerate(r.itertuples())])
    lines += [f"## Emerging methods (first seen in the recent window, at least {p['min_papers']} papers)", ""]
    e = report.emerging.head(top)
    lines += _table(["#", "method", "group", "first seen", "papers", "proposed by"],
                    [[i + 1, x.name, x.group, x.first_seen, x.papers, x.proposed_by if x.proposed else ""]
                     for i, x in enumerate(e.itertuples())])
    lines += ["## Strongest bursts", ""]
    b = report.bursts.head(top)
    lines += _table(["#", "method", "group", "begin", "end", "days", "papers / all papers", "strength"],
                    [[i + 1, x.name, x.group, x.begin, x.end, x.days, f"{x.papers} / {x.total}", f"{x.strength:.2f}"]
                     for i, x in enumerate(b.itertuples())])
    return "\n".join(lines)
