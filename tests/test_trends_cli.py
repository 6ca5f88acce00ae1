"""``kg trends`` on the example digests: through the Typer app, and through the real entry point."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
from typer.testing import CliRunner

import kg
import kg.cli
from tests.conftest import EXAMPLES


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def test_kg_trends_writes_the_report(tmp_path):
    out = tmp_path / "trends"
    result = CliRunner().invoke(kg.cli.app, ["--quiet", "trends", str(EXAMPLES), "--out", str(out),
                                             "--window", "7d", "--min-support", "2", "--top", "5"])
    assert result.exit_code == 0, result.output
    assert "2026-01-15..2026-01-21 vs 2026-01-22..2026-01-28" in result.output
    assert "rising: " in result.output and "with q < 0.05 of" in result.output
    for name in ("trends.csv", "periods.csv", "rising.csv", "emerging.csv", "bursts.csv", "trends.md",
                 "rising.png", "categories.png", "bursts.png", "trend_topics.png", "groups.png"):
        assert (out / name).stat().st_size > 0, name
        assert f"wrote {name}" in result.output
    csv = pd.read_csv(out / "trends.csv")
    periods = pd.read_csv(out / "periods.csv")
    # the daily totals are the papers first listed each day (a paper listed again later counts once)
    papers = kg.build([EXAMPLES], extract=False).papers
    first_seen = pd.Series([p.first_seen.isoformat() for p in papers]).value_counts().sort_index()
    daily = periods[periods["freq"] == "D"].set_index("period")["total"]
    assert daily.to_dict() == first_seen.to_dict()
    assert set(csv.loc[csv["freq"] == "W", "period"]) == {"2026-W04", "2026-W05"}
    md = (out / "trends.md").read_text(encoding="utf-8")
    rising_rows = md.split("## Rising methods")[1].split("## Emerging")[0].count("\n| ") - 1
    assert 1 <= rising_rows <= 5  # --top 5 (minus the header row)


def test_malformed_window_is_a_usage_error_before_any_input_is_read(tmp_path):
    out = tmp_path / "out"
    # the real entry point: exit 2 and one line, about --window, not about the folder that does not exist
    proc = kg_cli("trends", tmp_path / "no-such-folder", "--out", out, "--window", "10d")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--window" in lines[0] and "whole number of weeks" in lines[0], lines
    assert "no-such-folder" not in lines[0]
    result = CliRunner().invoke(kg.cli.app, ["trends", str(tmp_path / "no-such-folder"), "--out", str(out),
                                             "--window", "3x"])
    assert result.exit_code == 2 and "--window" in result.output
    assert not out.exists()  # failed before reading or writing anything


def test_an_empty_window_is_said_to_be_empty(tmp_path):
    # the examples cover 10 days: the week before four-week windows has no papers
    result = CliRunner().invoke(kg.cli.app, ["--quiet", "trends", str(EXAMPLES), "--out", str(tmp_path), "--window", "4w"])
    assert result.exit_code == 0, result.output
    assert "rising: the previous window (2025-12-04 .. 2025-12-31) is empty: nothing to compare" in result.output
    md = (tmp_path / "trends.md").read_text(encoding="utf-8")
    assert "has no papers: nothing to compare" in md and "0 / 0" not in md and "z 0.00" not in md
