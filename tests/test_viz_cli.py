"""``kg viz``: commands over a small digest fixture (with hostile titles and authors)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.cli
from kg.errors import KgError
from tests.conftest import FIXTURES

DIGESTS = str(FIXTURES / "viz")
REPORT = re.compile(r"wrote (?P<path>.+?): (?P<nodes>[\d,]+) nodes, (?P<edges>[\d,]+) edges from (?P<papers>[\d,]+) papers")


def run(*args: str) -> tuple[dict[str, int], str]:
    """Run ``kg <args>``; return the counts it printed and its output."""
    result = CliRunner().invoke(kg.cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    match = REPORT.search(result.stdout)
    assert match, result.stdout
    return {k: int(v.replace(",", "")) for k, v in match.groupdict().items() if k != "path"}, result.stdout


def test_coauthors(tmp_path: Path) -> None:
    out = tmp_path / "co.html"
    counts, _ = run("viz", "coauthors", DIGESTS, "--out", str(out))
    assert counts == {"nodes": 8, "edges": 12, "papers": 5}  # 8 authors (one hostile), 5 papers
    assert out.stat().st_size > 400_000
    counts, stdout = run("viz", "coauthors", DIGESTS, "--out", str(out), "--min-papers", "2")
    assert counts["nodes"] == 5  # Ann 3, Bo 2, Cy 2, Eve 2, Fay 2
    assert "dropped 3 nodes (3 below --min-papers)" in stdout


def test_coauthor_filters(tmp_path: Path) -> None:
    out = str(tmp_path / "co.html")
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--category", "cs.CV")[0]["papers"] == 2
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--top", "3")[0]["nodes"] == 3
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--since", "2026-01-23")[0]["nodes"] == 0


def test_topics_and_ego(tmp_path: Path) -> None:
    counts, _ = run("viz", "topics", DIGESTS, "--out", str(tmp_path / "t.html"), "--with-categories")
    assert counts["nodes"] >= 5 and counts["papers"] == 5
    counts, stdout = run("viz", "ego", "ann lee", DIGESTS, "--out", str(tmp_path / "e.html"), "--depth", "1")
    assert counts["nodes"] == 6  # Ann, Bo, Cy, the hostile author, Fay, Gus
    assert "Neighbourhood of Ann Lee" in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    out = str(tmp_path / "x.html")
    with pytest.raises(KgError, match="matches 2 nodes"):
        run("viz", "ego", "lee", DIGESTS, "-o", out)  # Ann Lee and Gus Lee
    with pytest.raises(KgError, match="--since must be YYYY-MM-DD"):
        run("viz", "coauthors", DIGESTS, "-o", out, "--since", "yesterday")
