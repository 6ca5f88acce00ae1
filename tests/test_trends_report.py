"""write_trends: the CSV, the markdown, and the PNG charts (valid files, and lines equal to the data)."""
from __future__ import annotations

import datetime as dt
import struct

import numpy as np
import pandas as pd
import pytest

from kg.trends import categories_figure, compute_trends, rising_figure, write_trends
from tests.trends_helpers import day_range, synthetic_graph

D = dt.date


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
    report = write_trends(graph, tmp_path / "t", window="2w", min_support=3, top=5)
    assert set(report.files) == {"trends.csv", "trends.md", "rising.png", "categories.png"}
    for name in ("rising.png", "categories.png"):
        width, height = png_size(report.files[name])
        assert 600 <= width <= 2000 and 400 <= height <= 1500
        assert report.files[name].stat().st_size > 10_000  # lines, labels and legend, not a blank canvas
    csv = pd.read_csv(report.files["trends.csv"])
    assert list(csv.columns) == ["entity", "kind", "freq", "period", "start", "count", "total", "share", "name"]
    assert set(csv["kind"]) == {"method", "category"} and set(csv["freq"]) == {"D", "W", "M"}
    weekly_grpo = csv[(csv["entity"] == "grpo") & (csv["freq"] == "W")]
    assert weekly_grpo["count"].tolist() == [5, 10, 15, 20, 25, 30]
    assert weekly_grpo["period"].tolist()[:3] == ["2025-W51", "2025-W52", "2026-W01"]


def test_markdown_lists_rising_emerging_and_bursts(graph, tmp_path):
    report = write_trends(graph, tmp_path, window="2w", top=5)
    md = report.files["trends.md"].read_text(encoding="utf-8")
    assert report.rising["entity"].iloc[0] == "grpo"
    rising_part = md.split("## Top rising methods")[1].split("## Emerging")[0]
    assert "| 1 | GRPO | rl-alignment | 35 / 200 | 55 / 200 |" in rising_part
    bursts_part = md.split("## Strongest bursts")[1]
    top_burst = report.bursts.iloc[0]
    assert top_burst["entity"] == "dpo" and (top_burst["begin"], top_burst["end"]) == (D(2025, 12, 22), D(2025, 12, 26))
    assert "| 1 | DPO | rl-alignment | 2025-12-22 | 2025-12-26 | 5 | 40 / 100 |" in bursts_part
    assert "recent 2026-01-10 .. 2026-01-23" in md  # 14 days ending on the last day with papers (a Friday)


def test_rising_chart_lines_equal_the_dataframe(graph):
    report = compute_trends(graph, window="2w")
    fig = rising_figure(report, top=3)
    ax = fig.axes[0]
    weekly = report.kind_series("method", "W")
    expected = list(report.rising["entity"].head(3))
    names = dict(zip(weekly["entity"], weekly["name"]))
    assert [line.get_label() for line in ax.get_lines()] == [names[e] for e in expected]
    for entity, line in zip(expected, ax.get_lines()):
        rows = weekly[(weekly["entity"] == entity) & (weekly["total"] > 0)]
        np.testing.assert_allclose(line.get_ydata(), rows["share"].to_numpy())
        assert [pd.Timestamp(x) for x in line.get_xdata()] == list(rows["start"])
    assert "rising" in ax.get_title().lower() and ax.get_ylabel()


def test_categories_chart_lines_equal_the_dataframe(graph):
    report = compute_trends(graph, window="2w")
    ax = categories_figure(report, top=2).axes[0]
    weekly = report.kind_series("category", "W")
    assert [line.get_label() for line in ax.get_lines()] == ["Machine Learning", "Computation and Language"]
    for code, line in zip(["cs.LG", "cs.CL"], ax.get_lines()):
        rows = weekly[weekly["entity"] == code]
        np.testing.assert_allclose(line.get_ydata(), rows["share"].to_numpy())


def test_short_data_is_charted_daily_without_empty_days(tmp_path):
    # two weeks only: too few weekly points, so the chart is daily; weekend days (no papers) are not drawn
    days = [D(2026, 1, 19), D(2026, 1, 20), D(2026, 1, 26), D(2026, 1, 27)]
    G = synthetic_graph({d: 10 for d in days}, {"grpo": {d: i + 1 for i, d in enumerate(days)}})
    report = compute_trends(G, window="1w", min_support=1)
    (line,) = rising_figure(report).axes[0].get_lines()
    np.testing.assert_allclose(line.get_ydata(), [0.1, 0.2, 0.3, 0.4])
    assert [pd.Timestamp(x).date() for x in line.get_xdata()] == days

def test_markdown_cells_escape_pipes(tmp_path):
    from kg.graph import build_graph
    from kg.records import MethodMention, Paper, PaperExtraction

    papers = [Paper(f"{i}", "t", first_seen=D(2026, 1, 5) + dt.timedelta(days=i)) for i in range(6)]
    ex = [PaperExtraction(p.arxiv_id, methods=(MethodMention("x", "A|B\nC", "x"),)) for p in papers[3:]]
    report = write_trends(build_graph(papers, [], ex), tmp_path, window="3d", min_support=1)
    assert "A\\|B C" in report.files["trends.md"].read_text(encoding="utf-8")


def test_graph_without_dates_writes_empty_report(tmp_path):
    from kg.graph import build_graph
    from kg.records import Paper

    report = write_trends(build_graph([Paper("1", "t")]), tmp_path)
    assert report.windows is None and report.undated == 1
    assert png_size(report.files["rising.png"])[0] > 0
    assert "(none)" in report.files["trends.md"].read_text(encoding="utf-8")


def test_partly_covered_previous_window_is_noted(graph, tmp_path):
    # the data run Dec 15 .. Jan 23; 4-week windows put the previous one at Nov 29 .. Dec 26
    report = write_trends(graph, tmp_path, window="4w")
    assert report.notes == [report.notes[0]] and "only 12 of the 28 days" in report.notes[0]
    assert f"**note**: {report.notes[0]}" in report.files["trends.md"].read_text(encoding="utf-8")
    assert write_trends(graph, tmp_path / "auto").notes == []  # auto: two 20-day windows over the 40 days
