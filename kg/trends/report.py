"""All trend tables at once, and the files ``kg trends`` / ``kg build`` write.

:func:`compute_trends` is pure (graph in, DataFrames out); :func:`write_trends` adds the files:

- ``trends.csv``: sparse counts, one row per (entity, kind, freq, period) with ``count > 0``;
  ``periods.csv``: one row per (freq, period) with papers, its ``total`` (the denominator of
  every share) and whether the period is ``complete``. A period missing from trends.csv for an
  entity means a count of 0 (its share is 0 / total from periods.csv).
- ``rising.csv``, ``emerging.csv``, ``bursts.csv``, ``long_trends.csv``: the ranked tables, each
  with its ``p`` and Benjamini–Hochberg ``q``.
- ``trends.md``: what was counted, the coverage of the data, and the top rows of each table.
- ``rising.png``, ``categories.png``, ``bursts.png`` (CiteSpace-style timeline),
  ``trend_topics.png`` (bibliometrix-style), ``groups.png`` (stacked shares within method groups).

Text from papers (titles, method names) is escaped with :mod:`kg.safetext` in trends.md
(``markdown_text``) and in the CSV files (``csv_cell``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

from kg.graph import gc_paused
from kg.safetext import csv_cell, markdown_text
from kg.trends.bursts import MIN_DURATION, bursts
from kg.trends.charts import (
    MIN_POINT_PAPERS, chart_freq, plot_burst_timeline, plot_group_shares, plot_shares, plot_trend_topics,
    save_figure, trend_topic_rows,
)
from kg.trends.coverage import Coverage, coverage
from kg.trends.data import KINDS, TrendData, as_trend_data
from kg.trends.longterm import MIN_WEEKS, long_trends
from kg.trends.rising import (
    AUTO, MIN_LOOKBACK_DAYS, PRIOR, Compare, KnownFn, Window, Windows, coverage_note, emerging_methods,
    resolve_window, rising_methods, windows,
)
from kg.trends.series import FREQS, PERIOD_COLUMNS, SERIES_COLUMNS, method_dates, period_totals, time_series

__all__ = [
    "TrendsReport", "compute_trends", "write_trends", "trends_markdown", "rising_figure", "categories_figure",
    "bursts_figure", "trend_topics_figure", "groups_figure", "CSV_COLUMNS", "SIGNIFICANT",
]

#: column order of trends.csv (long format: one row per entity, period and granularity, count > 0)
CSV_COLUMNS = ["entity", "kind", "freq", "period", "start", "count", "total", "share", "name"]
#: the q-value below which trends.md calls a row significant
SIGNIFICANT = 0.05


@dataclass
class TrendsReport:
    """Every trend table of one graph, the parameters used, and the files written (if any).

    Attributes:
        series: sparse time series, long format (:data:`kg.trends.series.SERIES_COLUMNS`), for every
            kind ("method", "dataset", "category") and freq ("D", "W", "M"); only ``count > 0``.
        periods: :func:`kg.trends.series.period_totals` of every freq (the denominators).
        rising: :func:`kg.trends.rising_methods` (rising only; ``q`` over every method tested).
        emerging: :func:`kg.trends.emerging_methods` (known methods included, marked in ``known``).
        bursts: :func:`kg.trends.bursts` of methods.
        long_trends: :func:`kg.trends.long_trends` of methods (empty when the series is too short).
        coverage: the :class:`kg.trends.coverage.Coverage` of the data.
        windows: the two windows compared (``None`` when no paper has a day).
        params: the parameters used (window, min_support, ...); ``window`` as given ("auto", "4w").
        notes: warnings about the data worth reading before the tables.
        papers, month_only, undated, outlying: papers with a first-seen date; of them, known only to
            the month; papers without any date; papers left out for an outlying date.
        files: name -> path of every file written by :func:`write_trends`.
    """

    series: pd.DataFrame
    periods: pd.DataFrame
    rising: pd.DataFrame
    emerging: pd.DataFrame
    bursts: pd.DataFrame
    long_trends: pd.DataFrame
    coverage: Coverage
    windows: Windows | None
    params: dict[str, object]
    papers: int = 0
    month_only: int = 0
    undated: int = 0
    outlying: pd.Series | None = None
    dates: pd.DataFrame | None = None
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def kind_series(self, kind: str, freq: str) -> pd.DataFrame:
        """The (sparse) rows of :attr:`series` for one kind and freq."""
        s = self.series
        return s[(s["kind"] == kind) & (s["freq"] == freq)].reset_index(drop=True)

    def freq_periods(self, freq: str) -> pd.DataFrame:
        """The rows of :attr:`periods` for one freq."""
        return self.periods[self.periods["freq"] == freq]

    @property
    def empty_window(self) -> str | None:
        """"previous" or "recent" when that window has no papers (then nothing is compared)."""
        return self.rising.attrs.get("empty_window") if self.windows is not None else None


def compute_trends(
    source: Union[nx.MultiDiGraph, TrendData],
    *,
    window: Window = AUTO,
    compare: Compare = "previous",
    min_support: int = 5,
    min_papers: int = 2,
    prior: float = PRIOR,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = MIN_DURATION,
    lookback: int = MIN_LOOKBACK_DAYS,
    known: KnownFn | None = None,
) -> TrendsReport:
    """Every trend table of a graph (no files). Parameters as in :func:`write_trends`."""
    data = as_trend_data(source)
    cover = coverage(data)
    parts = [time_series(data, kind, freq) for kind in KINDS for freq in FREQS]
    parts = [p for p in parts if not p.empty]
    series = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SERIES_COLUMNS)
    per = [period_totals(data, freq, cover) for freq in FREQS]
    per = [p for p in per if not p.empty]
    periods = pd.concat(per, ignore_index=True) if per else pd.DataFrame(columns=PERIOD_COLUMNS)
    params: dict[str, object] = dict(window=window, compare=compare, min_support=min_support, min_papers=min_papers,
                                     prior=prior, s=s, gamma=gamma, min_duration=min_duration, lookback=lookback)
    notes: list[str] = []
    if data.outlying is not None and len(data.outlying):
        days = ", ".join(str(d.date()) for d in data.outlying.index[:5]) + (" ..." if len(data.outlying) > 5 else "")
        notes.append(f"{int(data.outlying.sum())} paper(s) dated far from all the others ({days}) are left out of"
                     f" every trend (the other dates run {data.first_day} .. {data.last_day}); check those file names")
    last = data.last_day
    if last is None:
        rising = emerging = pd.DataFrame()
        win = None
        notes.append("no paper has a first-listed day: no rising, emerging or bursting methods")
    else:
        days = resolve_window(window, data)
        win = windows(days, last, compare)
        rising = rising_methods(data, days, min_support=min_support, prior=prior, compare=compare)
        emerging = emerging_methods(data, days, min_papers=min_papers, known=known)
        if rising.attrs.get("empty_window"):
            which = rising.attrs["empty_window"]
            lo, hi = (win.prev_start, win.prev_end) if which == "previous" else (win.recent_start, win.end)
            notes.append(f"the {which} window ({lo} .. {hi}) has no papers: nothing to compare"
                         + ("; use a shorter --window" if which == "previous" else ""))
        else:
            note = coverage_note(data, win)
            if note:
                notes.append(note)
        look = emerging.attrs.get("lookback_days", 0)
        if look < lookback:
            notes.append(f"only {look} days of data before the recent window (at least {lookback} wanted):"
                         f" 'emerging' means first seen since {data.first_day}, not new to the field")
    burst_table = bursts(data, "method", s=s, gamma=gamma, min_duration=min_duration, min_papers=min_papers)
    long = long_trends(data, "method", min_papers=max(10, min_support))
    month_only = int((data.papers["precision"] != "day").sum())
    return TrendsReport(series, periods, rising, emerging, burst_table, long, cover, win, params, len(data.papers),
                        month_only, data.undated, data.outlying, method_dates(data), notes=notes)


def _chart_freq(report: TrendsReport) -> str:
    return chart_freq(report.freq_periods("W"))


def rising_figure(report: TrendsReport, top: int = 8) -> Figure:
    """Share over time of the ``top`` highest-scoring rising methods (weekly, or daily with too few weeks)."""
    freq = _chart_freq(report)
    entities = list(report.rising["entity"].head(top)) if not report.rising.empty else []
    window = f"{report.windows.days}-day windows" if report.windows else "no windows"
    shade = (report.windows.recent_start, report.windows.end) if report.windows else None
    significant = int((report.rising["q"] < SIGNIFICANT).sum()) if not report.rising.empty else 0
    verdict = f"{significant} with q < {SIGNIFICANT}" if significant else "none significant"
    return plot_shares(report.kind_series("method", freq), report.freq_periods(freq), entities,
                       title=f"Top {len(entities)} rising methods ({window}; {verdict}): share of papers", shade=shade)


def categories_figure(report: TrendsReport, top: int = 8) -> Figure:
    """Share over time of the ``top`` categories with the most papers (a paper counts in each of its categories)."""
    freq = _chart_freq(report)
    series = report.kind_series("category", freq)
    biggest = series.groupby("entity")["count"].sum().sort_values(ascending=False, kind="stable").head(top)
    return plot_shares(series, report.freq_periods(freq), list(biggest.index),
                       title=f"Category mix: the {len(biggest)} largest categories",
                       ylabel="share of papers (cross-lists count in each category)")


def bursts_figure(report: TrendsReport, top: int = 20) -> Figure:
    """The burst timeline (CiteSpace style) of the ``top`` strongest bursts."""
    cover = report.coverage
    return plot_burst_timeline(report.bursts, cover.first, cover.last, top=top,
                               title=f"Top {min(top, len(report.bursts))} bursts (Kleinberg, category-adjusted)")


def trend_topics_figure(report: TrendsReport, max_rows: int = 30) -> Figure:
    """Trend topics (bibliometrix style): median first-seen date and IQR of the most mentioned methods per period."""
    freq = "M" if report.coverage.first and report.coverage.last and (
        report.coverage.last - report.coverage.first).days > 180 else "W"
    dates = report.dates if report.dates is not None else pd.DataFrame()
    rows = trend_topic_rows(dates, freq=freq, max_rows=max_rows) if not dates.empty else dates
    return plot_trend_topics(rows)


def groups_figure(report: TrendsReport, groups: list[str] | None = None) -> Figure:
    """Stacked shares within the four method groups with the most papers (or the ``groups`` given)."""
    freq = _chart_freq(report)
    series = report.kind_series("method", freq)
    dates = report.dates if report.dates is not None else pd.DataFrame(columns=["group", "papers", "name"])
    sized = dates[~dates["group"].isin(["", "other"])].groupby("group")["papers"].sum().sort_values(
        ascending=False, kind="stable")
    chosen = groups if groups is not None else list(sized.index[:4])
    members = {g: list(dates.index[dates["group"] == g]) for g in chosen}
    return plot_group_shares(series, report.freq_periods(freq), members, names=dates["name"].to_dict())


@gc_paused(collect=True)  # pandas and matplotlib make cycles: one collection at the end, not dozens
def write_trends(
    G: Union[nx.MultiDiGraph, TrendData],
    out_dir: Union[str, Path],
    *,
    window: Window = AUTO,
    compare: Compare = "previous",
    min_support: int = 5,
    min_papers: int = 2,
    top: int = 10,
    prior: float = PRIOR,
    s: float = 2.0,
    gamma: float = 1.0,
    min_duration: int = MIN_DURATION,
    lookback: int = MIN_LOOKBACK_DAYS,
    known: KnownFn | None = None,
) -> TrendsReport:
    """Compute every trend table and write the files listed in the module docstring.

    Args:
        G: the knowledge graph (or its trend data).
        out_dir: directory for the files (created if missing; files are overwritten).
        window: length of the recent and the previous window, whole weeks ("4w", "14d"), or "auto"
            (half the data's span, 1 to 4 weeks; see :func:`kg.trends.rising.auto_window`).
        compare: "previous" window, or the same weeks a "year" before.
        min_support: rising methods need this many papers in the two windows together.
        min_papers: emerging methods need this many uptake papers in the window; bursts are only
            looked for in methods with this many papers overall.
        top: rows per table in trends.md (lines in the charts: at most 8 of them).
        prior: strength of the Beta prior of the rising score, in pseudo-papers.
        s, gamma, min_duration: burst detection parameters (see :func:`kg.trends.bursts`).
        lookback: days of data wanted before the recent window for "emerging" (else a warning).
        known: how to tell known methods (default: the gazetteer; see :func:`kg.trends.known_methods`).

    Returns:
        The :class:`TrendsReport`, with ``files`` filled in.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = compute_trends(G, window=window, compare=compare, min_support=min_support, min_papers=min_papers,
                            prior=prior, s=s, gamma=gamma, min_duration=min_duration, lookback=lookback, known=known)
    files: dict[str, Path] = {}
    series = report.series.assign(start=report.series["start"].dt.date) if not report.series.empty else report.series
    files["trends.csv"] = _write_csv(series.reindex(columns=CSV_COLUMNS), out / "trends.csv")
    periods = report.periods.assign(start=report.periods["start"].dt.date) if not report.periods.empty else report.periods
    files["periods.csv"] = _write_csv(periods.reindex(columns=PERIOD_COLUMNS), out / "periods.csv")
    for name, table in (("rising.csv", report.rising), ("emerging.csv", report.emerging),
                        ("bursts.csv", report.bursts), ("long_trends.csv", report.long_trends)):
        files[name] = _write_csv(table, out / name)
    (out / "trends.md").write_text(trends_markdown(report, top), encoding="utf-8")
    files["trends.md"] = out / "trends.md"
    lines = min(top, 8)
    for name, fig in (("rising.png", rising_figure(report, lines)), ("categories.png", categories_figure(report, lines)),
                      ("bursts.png", bursts_figure(report)), ("trend_topics.png", trend_topics_figure(report)),
                      ("groups.png", groups_figure(report))):
        files[name] = save_figure(fig, out / name)
    report.files = files
    return report


def _write_csv(table: pd.DataFrame, path: Path) -> Path:
    """A CSV a spreadsheet can open safely: text cells that look like formulas are neutralised."""
    table = table.copy()
    for col in table.columns:
        if table[col].dtype == object or pd.api.types.is_string_dtype(table[col]):
            table[col] = table[col].map(csv_cell)
    table.to_csv(path, index=False, float_format="%.6g")
    return path


# -- trends.md ---------------------------------------------------------------------------------

def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in rows]
    return lines + [""]


def _pct(x: float) -> str:
    return "–" if pd.isna(x) else f"{100 * x:.1f}%"


def _q(x: float) -> str:
    if pd.isna(x):
        return "–"
    return f"**{x:.2g}**" if x < SIGNIFICANT else f"{x:.2g}"


def _days(days: list, limit: int = 12) -> str:
    shown = ", ".join(str(d) for d in days[:limit])
    return shown + (f" and {len(days) - limit} more" if len(days) > limit else "")


def _md(value: object) -> str:
    return markdown_text(value)


def _coverage_lines(report: TrendsReport) -> list[str]:
    c = report.coverage
    if c.first is None:
        return ["(no paper has a first-listed day)", ""]
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    with_papers = int((c.days["papers"] > 0).sum())
    lines = [f"- {c.first} .. {c.last}: {with_papers} days with papers, median day {c.median:.0f} new papers;"
             f" usual weekdays {', '.join(names[w] for w in c.usual_weekdays) or '–'}"]
    missing = c.of_kind("missing")
    lines.append(f"- missing days (usual weekdays without any paper): {_days(missing) if missing else 'none'}")
    small = c.of_kind("small")
    if small:
        lines.append(f"- small days (under {100 * 0.25:.0f}% of the median day; counted in windows and weeks, never"
                     f" charted alone): {len(small)}, e.g. {_days(small, 6)}")
    partial = [f"{d} ({_md(why)})" for d, why in sorted(c.partial_reasons.items())]
    lines.append(f"- partial days (far below the median, or without a usual category): {_days(partial, 8) if partial else 'none'}")
    if c.category_changes:
        lines.append("- category-set changes: " + "; ".join(_md(ch.describe()) for ch in c.category_changes)
                     + ". Rising, emerging, bursts and long-term trends compare within primary categories, so a"
                       " category joining or leaving the digests is not counted as a trend of its methods.")
    else:
        lines.append("- category-set changes: none")
    weeks = report.freq_periods("W")
    cut = weeks[~weeks["complete"]]["period"].tolist() if not weeks.empty else []
    if cut:
        lines.append(f"- ISO weeks cut by the start or end of the data (not charted): {', '.join(cut)}")
    return lines + [""]


def _method_cell(name: object, group: object) -> str:
    return _md(name) if not group else f"{_md(name)} ({_md(group)})"


def trends_markdown(report: TrendsReport, top: int = 10) -> str:
    """The ``trends.md`` text: what was counted, the data's coverage, then the top rows of each table."""
    p = report.params
    win = report.windows
    lines = ["# Research trends", "", "## What was counted", ""]
    outlying = int(report.outlying.sum()) if report.outlying is not None else 0
    lines.append(f"- papers with a first-listed date: {report.papers}"
                 f" ({report.month_only} known only to the month: counted in monthly series only;"
                 f" {report.undated} without any date and {outlying} with an outlying date: left out)")
    if win is not None:
        kind = "the same weeks a year before" if win.compare == "year" else "the window before"
        lines.append(f"- windows ({_md(p['window'])}: {win.days} days each, whole weeks so every weekday counts"
                     f" equally): recent {win.recent_start} .. {win.end} against {kind}, {win.prev_start} .. {win.prev_end}")
    lines += [f"- **note**: {_md(n)}" for n in report.notes]
    lines += ["", "## Coverage of the digests", ""] + _coverage_lines(report)
    lines += [
        "## How to read the tables", "",
        f"- **q** is the Benjamini–Hochberg q-value over every method tested for that table: among the rows with"
        f" q < {SIGNIFICANT}, about {100 * SIGNIFICANT:.0f}% are expected to be chance. Rows with a larger q are the"
        " largest changes, not findings. Significant q-values are in bold.",
        f"- **rising**: log-odds ratio of the share of papers, recent vs previous window, computed within each"
        f" primary category and pooled (so a category's growth is not its methods' rise), with a Beta prior of"
        f" {p['prior']:g} pseudo-papers centred on the method's whole-history share (Monroe et al. 2008), divided by its"
        f" standard error: z, the ranking. Hundreds of pseudo-papers keep a method absent from the previous window from"
        f" getting an absurd variance, and stay below a window's own papers so that real changes show. q comes from"
        f" the exact conditional test of the same within-category tables (exact Cochran–Mantel–Haenszel), widened"
        f" by the method's day-to-day dispersion (papers arriving in clusters are weaker evidence). Methods need {p['min_support']} papers in the two windows together (counting only the recent"
        f" window would favour what happened to be high there). 'z unadjusted' ignores the categories.",
        f"- **emerging**: first mentioned in the recent window, with at least {p['min_papers']} papers there that"
        " use it without proposing it ('uptake'; 'independent': no author shared with a proposing paper). q tests"
        " that the uptake is concentrated in the window, given each category's papers before it. Flags: 'known'"
        " (the curated gazetteer lists it: not new to the field), 'homonym?' (proposed by two or more papers with no"
        " author in common: probably different methods sharing a name).",
        f"- **bursts**: Kleinberg's two-state model on daily counts with the base rate set by each day's category"
        f" mix, s = {p['s']:g}, gamma = {p['gamma']:g}, at least {p['min_duration']} days with papers; strength ="
        " log-likelihood gained over the base rate. 'censored': the burst touches the first or last day of the data,"
        " so it may have begun earlier or go on. q tests the burst's papers against those expected in it, corrected"
        " for the number of intervals the detector could choose.",
        "",
    ]
    lines += _rising_lines(report, top)
    lines += _emerging_lines(report, top)
    lines += _burst_lines(report, top)
    lines += _long_lines(report, top)
    lines += [
        "## Files", "",
        "- `trends.csv`: sparse counts, one row per entity, kind, freq (D/W/M) and period with at least one paper;"
        " `periods.csv`: every period with papers, its `total` (the denominator of the shares) and `complete`."
        " A period missing for an entity in trends.csv has a count of 0.",
        "- `rising.csv`, `emerging.csv`, `bursts.csv`, `long_trends.csv`: the full tables, with `p` and `q`.",
        f"- charts: weekly when there are {4} complete weeks with {MIN_POINT_PAPERS}+ papers, else daily; a point"
        f" needs {MIN_POINT_PAPERS} papers (a day with a handful of new papers would swing a share from 0% to 100%).",
        "",
    ]
    return "\n".join(lines)


def _significance_line(table: pd.DataFrame, tested: int, what: str) -> str:
    n = int((table["q"] < SIGNIFICANT).sum()) if not table.empty else 0
    if n == 0:
        return (f"**Nothing {what} significantly**: no q < {SIGNIFICANT} among the {tested} methods tested;"
                " the rows below are the largest changes, not findings.")
    return f"{n} of the {tested} methods tested {'has' if n == 1 else 'have'} q < {SIGNIFICANT}."


def _rising_lines(report: TrendsReport, top: int) -> list[str]:
    lines = ["## Rising methods", ""]
    if report.windows is None:
        return lines + ["(no paper has a first-listed day)", ""]
    if report.empty_window:
        win = report.windows
        lo, hi = (win.prev_start, win.prev_end) if report.empty_window == "previous" else (win.recent_start, win.end)
        return lines + [f"The {report.empty_window} window ({lo} .. {hi}) has no papers: nothing to compare.", ""]
    r = report.rising
    lines += [_significance_line(r, int(r.attrs.get("tested", 0)), "rose"), ""]
    lines += _table(["#", "method", "papers before", "papers recent", "share before", "share recent", "z",
                     "z unadjusted", "q"],
                    [[i + 1, _method_cell(x.name, x.group), f"{x.count_prev} / {x.total_prev}",
                      f"{x.count_recent} / {x.total_recent}", _pct(x.share_prev), _pct(x.share_recent),
                      f"{x.z:.2f}", f"{x.z_unadjusted:.2f}", _q(x.q)] for i, x in enumerate(r.head(top).itertuples())])
    mix = r[(r["z_unadjusted"] > 1.96) & (r["z"] < 1.96)] if not r.empty else r
    if not mix.empty:
        shown = "; ".join(f"{_md(x.name)} (z {x.z_unadjusted:.2f} -> {x.z:.2f})" for x in mix.head(8).itertuples())
        lines += [f"Rose only with the category mix (unadjusted z > 1.96, within categories below): {shown}.", ""]
    return lines


def _emerging_lines(report: TrendsReport, top: int) -> list[str]:
    p = report.params
    lines = [f"## Emerging methods (first seen in the recent window, at least {p['min_papers']} uptake papers)", ""]
    e = report.emerging
    if report.windows is None:
        return lines + ["(no paper has a first-listed day)", ""]
    look = e.attrs.get("lookback_days", 0)
    if look < int(p["lookback"]):
        lines += [f"**Short look-back**: only {look} days of data before the window (at least {p['lookback']} wanted);"
                  " a method older than that can look new.", ""]
    new = e[e["known"] == ""] if not e.empty else e
    family = int(e.attrs.get("family", 0))
    if not new.empty:
        lines += [_significance_line(new, family, "emerged"), ""]

    def flags(x: object) -> str:
        return "homonym?" if getattr(x, "homonym") else ""

    lines += _table(["#", "method", "first seen", "uptake", "independent", "proposed by", "flags", "first paper", "q"],
                    [[i + 1, _method_cell(x.name, x.group), x.first_seen, x.papers, x.independent, x.proposed_by,
                      flags(x), f"{_md(x.first_paper)}: {_md(x.first_title)}", _q(x.q)]
                     for i, x in enumerate(new.head(top).itertuples())])
    known = e[e["known"] != ""] if not e.empty else e
    if not known.empty:
        shown = ", ".join(f"{_md(x.name)} ({_md(x.known)})" for x in known.head(15).itertuples())
        more = f" and {len(known) - 15} more" if len(known) > 15 else ""
        lines += [f"First seen in the window but known, so not listed above: {shown}{more}.", ""]
    return lines


def _burst_lines(report: TrendsReport, top: int) -> list[str]:
    b = report.bursts
    lines = ["## Strongest bursts", ""]
    if not b.empty:
        lines += [_significance_line(b, int(b.attrs.get("examined", 0)), "burst"), ""]
    lines += _table(["#", "method", "begin", "end", "days", "papers / all papers", "expected", "strength", "censored", "q"],
                    [[i + 1, _method_cell(x.name, x.group), x.begin, x.end, x.days, f"{x.papers} / {x.total}",
                      f"{x.expected:.1f}", f"{x.strength:.2f}", x.censored, _q(x.q)]
                     for i, x in enumerate(b.head(top).itertuples())])
    return lines


def _long_lines(report: TrendsReport, top: int) -> list[str]:
    t = report.long_trends
    lines = ["## Long-term trends (the whole series, per complete ISO week)", ""]
    weeks = t.attrs.get("weeks", 0)
    if not t.attrs.get("enough"):
        return lines + [f"The data hold {weeks} complete weeks; a whole-series trend needs {MIN_WEEKS}.", ""]
    lines += [f"{weeks} complete weeks, {t.attrs['first']} .. {t.attrs['last']}: quasi-Poisson regression of weekly"
              " papers with the category mix as offset, score test scaled by the dispersion; 'change' is the fitted"
              " ratio of the last week to the first.", ""]
    lines += [_significance_line(t, len(t), "trended"), ""]
    ups = t[t["z"] > 0].head(top)
    downs = t[t["z"] < 0].sort_values("z").head(max(3, top // 2))
    for title, part in (("Growing", ups), ("Shrinking", downs)):
        lines += [f"{title}:", ""]
        lines += _table(["#", "method", "papers", "weeks with papers", "change", "z", "q"],
                        [[i + 1, _method_cell(x.name, x.group), x.papers, x.weeks, f"×{x.change:.2f}",
                          f"{x.z:.2f}", _q(x.q)] for i, x in enumerate(part.itertuples())])
    return lines
