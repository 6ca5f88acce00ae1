"""write_trends: the CSVs, the markdown, and the PNG charts (valid files, and what is drawn equals the data)."""
from __future__ import annotations

import datetime as dt
import struct

import numpy as np
import pandas as pd
import pytest

from kg.trends import (
    bursts_figure, categories_figure, compute_trends, groups_figure, rising_figure, trend_topics_figure, trends_markdown,
    write_trends,
)
from kg.trends.charts import MIN_POINT_PAPERS
from tests.trends_helpers import day_range, synthetic_graph

D = dt.date
UNKNOWN = lambda key, name: None  # noqa: E731


@pytest.fixture(scope="module")
def graph():
    # 6 weeks of weekdays, 20 papers a day; grpo grows week by week, lora is flat, dpo bursts in week 2.
    days = [d for d in day_range(D(2025, 12, 15), D(2026, 1, 25)) if d.weekday() < 5]
    week = {d: (d - days[0]).days // 7 for d in days}
    cats = {d: ("cs.CL", "cs.LG") if i % 3 else ("cs.CV", "cs.LG") for i, d in enumerate(days)}
    return synthetic_graph(
        {d: 20 for d in days},
        {"grpo": {d: 1 + week[d] for d in days}, "lora": {d: 4 for d in days},
         "dpo": {d: 8 if week[d] == 1 else 1 for d in days}},
        categories=cats,
    )


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_write_trends_writes_every_file(graph, tmp_path):
    report = write_trends(graph, tmp_path / "t", window="2w", top=5, known=UNKNOWN)
    assert set(report.files) == {"trends.csv", "periods.csv", "rising.csv", "emerging.csv", "bursts.csv",
                                 "long_trends.csv", "trends.md", "rising.png", "categories.png", "bursts.png",
                                 "trend_topics.png", "groups.png"}
    for name in ("rising.png", "categories.png", "bursts.png", "trend_topics.png", "groups.png"):
        width, height = png_size(report.files[name])
        assert 600 <= width <= 2000 and 200 <= height <= 2000, name
        assert report.files[name].stat().st_size > 10_000, name  # lines, labels and legend, not a blank canvas
    csv = pd.read_csv(report.files["trends.csv"])
    assert list(csv.columns) == ["entity", "kind", "freq", "period", "start", "count", "total", "share", "name"]
    assert set(csv["kind"]) == {"method", "category"} and set(csv["freq"]) == {"D", "W", "M"}
    weekly_grpo = csv[(csv["entity"] == "grpo") & (csv["freq"] == "W")]
    assert weekly_grpo["count"].tolist() == [5, 10, 15, 20, 25, 30]
    assert weekly_grpo["period"].tolist()[:3] == ["2025-W51", "2025-W52", "2026-W01"]
    periods = pd.read_csv(report.files["periods.csv"])
    assert list(periods.columns) == ["freq", "period", "start", "total", "days", "complete"]
    assert periods.loc[periods["freq"] == "W", "total"].tolist() == [100] * 6
    for name, column in (("rising.csv", "q"), ("emerging.csv", "q"), ("bursts.csv", "q"), ("long_trends.csv", "q")):
        assert column in pd.read_csv(report.files[name]).columns, name
    # trends.csv is sparse: one row per (entity, freq, period) with papers; weekends and unmentioned days have none
    assert (csv["count"] > 0).all()
    daily_lora = csv[(csv["entity"] == "lora") & (csv["freq"] == "D")]
    assert len(daily_lora) == 30 and "2025-12-20" not in set(daily_lora["period"])  # 30 weekdays, no Saturday
    assert not csv.duplicated(["entity", "kind", "freq", "period"]).any()


def md_of(G, **kw) -> tuple[object, str]:
    """The report and its trends.md text, without writing files or drawing charts."""
    report = compute_trends(G, known=UNKNOWN, **kw)
    return report, trends_markdown(report)


def test_markdown_lists_rising_emerging_and_bursts_with_q(graph):
    report = compute_trends(graph, window="2w", known=UNKNOWN)
    md = trends_markdown(report, 5)
    assert report.rising["entity"].iloc[0] == "grpo"
    rising_part = md.split("## Rising methods")[1].split("## Emerging")[0]
    assert "| # | method | papers before | papers recent | share before | share recent | z | z unadjusted | q |" in rising_part
    assert "| 1 | GRPO (rl-alignment) | 35 / 200 | 55 / 200 |" in rising_part
    bursts_part = md.split("## Strongest bursts")[1]
    top_burst = report.bursts.iloc[0]
    assert top_burst["entity"] == "dpo" and (top_burst["begin"], top_burst["end"]) == (D(2025, 12, 22), D(2025, 12, 26))
    assert "| 1 | DPO (rl-alignment) | 2025-12-22 | 2025-12-26 | 5 | 40 / 100 |" in bursts_part
    first_row = next(line for line in bursts_part.splitlines() if line.startswith("| 1 |"))
    assert top_burst["q"] < 0.05 and first_row.endswith("**|") or first_row.rstrip(" |").endswith("**")
    assert "recent 2026-01-10 .. 2026-01-23" in md  # 14 days ending on the last day with papers (a Friday)
    assert "## Coverage of the digests" in md and "## Long-term trends" in md


def test_markdown_says_plainly_when_nothing_is_significant():
    days = day_range(D(2026, 1, 1), D(2026, 1, 28))
    G = synthetic_graph({d: 30 for d in days}, {"lora": {d: 3 for d in days}, "dpo": {d: 1 + d.day % 2 for d in days}})
    _, md = md_of(G, window="2w")
    assert "**Nothing rose significantly**: no q < 0.05 among the 2 methods tested" in md
    assert "unlikely by chance" not in md


def test_rising_chart_lines_equal_the_dataframe(graph):
    report = compute_trends(graph, window="2w", known=UNKNOWN)
    fig = rising_figure(report, top=3)
    ax = fig.axes[0]
    weekly = report.kind_series("method", "W")
    expected = list(report.rising["entity"].head(3))
    names = dict(zip(weekly["entity"], weekly["name"]))
    assert [line.get_label() for line in ax.get_lines()] == [names[e] for e in expected]
    for entity, line in zip(expected, ax.get_lines()):
        rows = weekly[weekly["entity"] == entity]
        np.testing.assert_allclose(line.get_ydata(), rows["share"].to_numpy())
        # each week is drawn at its Thursday, inside the week
        assert [pd.Timestamp(x) for x in line.get_xdata()] == list(rows["start"] + pd.Timedelta(days=3))
    assert "rising" in fig.get_suptitle().lower()


def test_categories_chart_lines_equal_the_dataframe(graph):
    report = compute_trends(graph, window="2w", known=UNKNOWN)
    ax = categories_figure(report, top=2).axes[0]
    weekly = report.kind_series("category", "W")
    assert [line.get_label() for line in ax.get_lines()] == ["Machine Learning", "Computation and Language"]
    for code, line in zip(["cs.LG", "cs.CL"], ax.get_lines()):
        rows = weekly[weekly["entity"] == code]
        np.testing.assert_allclose(line.get_ydata(), rows["share"].to_numpy())


def test_partial_last_week_is_not_drawn():
    # five full weeks Mon..Sun and a last week with only its Monday and Tuesday
    days = day_range(D(2026, 1, 5), D(2026, 2, 10))
    G = synthetic_graph({d: 40 for d in days}, {"grpo": {d: 1 + (d - days[0]).days // 7 for d in days}})
    report = compute_trends(G, window="1w", min_support=1, known=UNKNOWN)
    (line,) = rising_figure(report).axes[0].get_lines()
    drawn = [pd.Timestamp(x) - pd.Timedelta(days=3) for x in line.get_xdata()]
    assert drawn == list(pd.date_range("2026-01-05", periods=5, freq="7D"))  # not the week of 2026-02-09
    assert not report.freq_periods("W").set_index("period").loc["2026-W07", "complete"]


def test_daily_chart_never_jumps_on_days_with_a_handful_of_papers():
    # three weeks only (too few for weekly lines): daily; the weekend days list 3 new papers each,
    # all mentioning grpo (100%), and must not be drawn as points
    weekdays = [d for d in day_range(D(2026, 1, 5), D(2026, 1, 23)) if d.weekday() < 5]
    weekends = [D(2026, 1, 10), D(2026, 1, 11), D(2026, 1, 17), D(2026, 1, 18)]
    totals = {d: 40 for d in weekdays} | {d: 3 for d in weekends}
    grpo = {d: 1 + (d - weekdays[0]).days // 7 for d in weekdays} | {d: 3 for d in weekends}
    G = synthetic_graph(totals, {"grpo": grpo})
    report = compute_trends(G, window="1w", min_support=1, known=UNKNOWN)
    (line,) = rising_figure(report).axes[0].get_lines()
    assert max(line.get_ydata()) == pytest.approx(3 / 40)  # at most 3 of 40, never 3 of 3
    assert len(line.get_xdata()) == len(weekdays)
    assert MIN_POINT_PAPERS > 3


def test_burst_timeline_bars_are_the_bursts(graph):
    report = compute_trends(graph, window="2w", known=UNKNOWN)
    fig = bursts_figure(report)
    bars = [p for p in fig.axes[0].patches if p.get_gid() == "burst"]
    assert len(bars) == len(report.bursts.head(20))
    spans = sorted((round(b.get_x(), 3), round(b.get_x() + b.get_width(), 3)) for b in bars)
    import matplotlib.dates as mdates

    expected = sorted((round(mdates.date2num(pd.Timestamp(x.begin)), 3),
                       round(mdates.date2num(pd.Timestamp(x.end) + pd.Timedelta(days=1)), 3))
                      for x in report.bursts.head(20).itertuples())
    assert spans == expected


def test_censored_bursts_are_hatched():
    days = [d for d in day_range(D(2026, 1, 5), D(2026, 2, 27)) if d.weekday() < 5]
    # a burst in the first five days: it may have begun before the data
    G = synthetic_graph({d: 50 for d in days}, {"grpo": {d: (15 if i < 5 else 2) for i, d in enumerate(days)}})
    report = compute_trends(G, window="2w", known=UNKNOWN)
    row = report.bursts.iloc[0]
    assert row["censored"] == "start"
    (bar,) = [p for p in bursts_figure(report).axes[0].patches if p.get_gid() == "burst"]
    assert bar.get_hatch()


def test_trend_topics_lines_run_from_q1_to_q3(graph):
    report = compute_trends(graph, window="2w", known=UNKNOWN)
    ax = trend_topics_figure(report).axes[0]
    dates = report.dates
    import matplotlib.dates as mdates

    labels = {round(y): t.get_text() for y, t in zip(ax.get_yticks(), ax.get_yticklabels())}
    assert len(ax.get_lines()) == len(labels) > 0
    for line in ax.get_lines():
        label = labels[round(line.get_ydata()[0])]
        key = dates.index[dates["name"] == label.rsplit(" (", 1)[0]][0]
        x0, x1 = line.get_xdata()
        assert mdates.date2num(pd.Timestamp(x0)) == mdates.date2num(dates.loc[key, "q1"])
        assert mdates.date2num(pd.Timestamp(x1)) == mdates.date2num(dates.loc[key, "q3"])


def test_group_shares_stack_to_one(graph):
    from kg.trends.charts import group_shares

    report = compute_trends(graph, window="2w", known=UNKNOWN)
    weekly = report.kind_series("method", "W")
    shares = group_shares(weekly, report.freq_periods("W"), ["grpo", "dpo"])
    assert list(shares.columns) == ["grpo", "dpo"] or list(shares.columns) == ["dpo", "grpo"]
    np.testing.assert_allclose(shares.sum(axis=1), 1.0)
    first = weekly[weekly["start"] == shares.index[0]].set_index("entity")["count"]
    assert shares.iloc[0]["grpo"] == pytest.approx(first["grpo"] / (first["grpo"] + first["dpo"]))
    fig = groups_figure(report)
    assert fig.axes[0].get_title(loc="left") == "rl-alignment"


def test_markdown_escapes_hostile_titles_and_names(tmp_path):
    from kg.graph import build_graph
    from kg.records import MethodMention, Paper, PaperExtraction

    hostile = "</script><script>alert(1)</script> *x* | y"
    days = day_range(D(2026, 1, 1), D(2026, 1, 28))
    papers = [Paper(f"p{i}", hostile if i == 21 else f"t{i}", first_seen=d) for i, d in enumerate(days)]
    ex = [PaperExtraction(p.arxiv_id, methods=(MethodMention("evil", hostile, "x"), MethodMention("calc", "=1+2", "y")))
          for p in papers[21:]]
    report = write_trends(build_graph(papers, [], ex), tmp_path, window="1w", min_support=1, known=UNKNOWN)
    md = report.files["trends.md"].read_text(encoding="utf-8")
    assert "<script>" not in md and "</script>" not in md
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| y" in md
    assert "p21: &lt;/script&gt;" in md  # the title of the first paper of an emerging method, escaped
    for name in ("rising.csv", "emerging.csv"):
        table = pd.read_csv(report.files[name])
        assert "'=1+2" in set(table["name"]), name  # a spreadsheet would run =1+2 as a formula
    assert "'=1+2" in set(pd.read_csv(report.files["trends.csv"])["name"])


def test_graph_without_dates_writes_empty_report(tmp_path):
    from kg.graph import build_graph
    from kg.records import Paper

    report = write_trends(build_graph([Paper("1", "t")]), tmp_path, known=UNKNOWN)
    assert report.windows is None and report.undated == 1
    assert png_size(report.files["rising.png"])[0] > 0
    assert "(no paper has a first-listed day)" in report.files["trends.md"].read_text(encoding="utf-8")


def test_empty_window_says_so_instead_of_zero_rows():
    # two weeks of data and 4-week windows: the previous window has no papers
    days = day_range(D(2026, 1, 5), D(2026, 1, 18))
    G = synthetic_graph({d: 10 for d in days}, {"lora": {d: 2 for d in days}})
    report, md = md_of(G, window="4w")
    assert report.empty_window == "previous"
    assert "The previous window (2025-11-24 .. 2025-12-21) has no papers: nothing to compare." in md
    assert "0 / 0" not in md and "z 0.00" not in md


def test_partly_covered_previous_window_is_noted(graph):
    # the data run Dec 15 .. Jan 23; 4-week windows put the previous one at Nov 29 .. Dec 26
    report, md = md_of(graph, window="4w")
    note = next(n for n in report.notes if "previous window" in n)
    assert "only 12 of the 28 days" in note
    assert f"**note**: {note}" in md
    assert not any("previous window" in n for n in compute_trends(graph, known=UNKNOWN).notes)


def test_outlying_dates_are_noted():
    days = {d: 10 for d in day_range(D(2026, 1, 5), D(2026, 1, 25))} | {D(1026, 1, 19): 2}
    G = synthetic_graph(days, {"lora": {d: 2 for d in days}})
    report, md = md_of(G, window="1w")
    assert any("1026-01-19" in n for n in report.notes) and "1026-01-19" in md
    assert report.periods["start"].min() >= pd.Timestamp("2026-01-01")
