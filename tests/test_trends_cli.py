"""``kg trends`` on the example digests, through the Typer app."""
from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

import kg
import kg.cli
from kg.errors import KgError
from tests.conftest import EXAMPLES


def test_kg_trends_writes_the_report(tmp_path):
    out = tmp_path / "trends"
    result = CliRunner().invoke(kg.cli.app, ["--quiet", "trends", str(EXAMPLES), "--out", str(out),
                                             "--window", "7d", "--min-support", "2", "--top", "5"])
    assert result.exit_code == 0, result.output
    assert "2026-01-15..2026-01-21 vs 2026-01-22..2026-01-28" in result.output
    for name in ("trends.csv", "trends.md", "rising.png", "categories.png"):
        assert (out / name).stat().st_size > 0
        assert f"wrote {name}" in result.output
    csv = pd.read_csv(out / "trends.csv")
    # the daily totals are the papers first listed each day (a paper listed again later counts once)
    papers = kg.build([EXAMPLES], extract=False).papers
    first_seen = pd.Series([p.first_seen.isoformat() for p in papers]).value_counts().sort_index()
    daily = csv[(csv["freq"] == "D") & (csv["total"] > 0)].drop_duplicates("period").set_index("period")["total"]
    assert daily.to_dict() == first_seen.to_dict()
    assert set(csv.loc[csv["freq"] == "W", "period"]) == {"2026-W04", "2026-W05"}
    md = (out / "trends.md").read_text(encoding="utf-8")
    rising_rows = md.split("## Top rising methods")[1].split("## Emerging")[0].count("\n| ") - 1
    assert 1 <= rising_rows <= 5  # --top 5 (minus the header row)


def test_bad_window_is_one_readable_error(tmp_path):
    result = CliRunner().invoke(kg.cli.app, ["trends", str(EXAMPLES), "--out", str(tmp_path), "--window", "3x"])
    assert result.exit_code != 0
    assert isinstance(result.exception, KgError) and str(result.exception).startswith("--window:")
    assert not list(tmp_path.iterdir())  # failed before reading or writing anything
