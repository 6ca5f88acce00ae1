"""``kg viz`` and ``kg export gexf|vosviewer|edges``: commands over a small digest fixture (with hostile titles and authors)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.cli
import kg.viz
from kg.errors import KgError
from tests.conftest import FIXTURES

DIGESTS = str(FIXTURES / "viz")
REPORT = re.compile(r"wrote (?P<path>.+?): (?P<nodes>[\d,]+) nodes, (?P<edges>[\d,]+) edges from (?P<papers>[\d,]+) papers")


def invoke(*args: str):  # noqa: ANN201 - click's Result
    """Run ``kg <args>``; re-raise what the command raised (the console script turns it into one line)."""
    result = CliRunner().invoke(kg.cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result


def run(*args: str) -> tuple[dict[str, int], str]:
    """Run ``kg <args>``; return the counts it printed and its standard output."""
    result = invoke(*args)
    match = REPORT.search(result.stdout)
    assert match, result.stdout
    return {k: int(v.replace(",", "")) for k, v in match.groupdict().items() if k != "path"}, result.stdout


def page_nodes(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))["nodes"]


def test_coauthors_default_is_authors_with_two_papers(tmp_path: Path) -> None:
    out = tmp_path / "co.html"
    counts, stdout = run("viz", "coauthors", DIGESTS, "--out", str(out))
    assert counts == {"nodes": 5, "edges": 6, "papers": 5}  # Ann 3, Bo 2, Cy 2, Eve 2, Fay 2
    assert "dropped 3 nodes (3 below --min-papers)" in stdout
    assert "authors with ≥ 2 papers" in out.read_text(encoding="utf-8")  # the threshold is on the page
    assert out.stat().st_size > 400_000
    counts, _ = run("viz", "coauthors", DIGESTS, "--out", str(out), "--min-papers", "1", "--one-paper-groups")
    assert counts == {"nodes": 8, "edges": 12, "papers": 5}  # 8 authors (one hostile), 5 papers


def test_coauthor_filters(tmp_path: Path) -> None:
    out = str(tmp_path / "co.html")
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--category", "cs.CV", "--min-papers", "1")[0]["papers"] == 2
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--top", "3")[0]["nodes"] == 3
    assert run("viz", "coauthors", DIGESTS, "-o", out, "--since", "2026-01-23")[0]["nodes"] == 0


def test_unknown_category_is_an_error_listing_the_categories_present(tmp_path: Path) -> None:
    for command in ("coauthors", "topics"):
        with pytest.raises(KgError, match=r"no paper is in category 'cs\.XX'.*categories present.*cs\.CL \(2\).*cs\.CV \(2\)"):
            run("viz", command, DIGESTS, "-o", str(tmp_path / "x.html"), "--category", "cs.XX")
    assert not (tmp_path / "x.html").exists()


def test_topics_and_ego(tmp_path: Path) -> None:
    counts, _ = run("viz", "topics", DIGESTS, "--out", str(tmp_path / "t.html"), "--with-categories", "--min-papers", "1")
    assert counts["nodes"] >= 5 and counts["papers"] == 5
    counts, stdout = run("viz", "ego", "ann lee", DIGESTS, "--out", str(tmp_path / "e.html"), "--depth", "1")
    assert counts["nodes"] == 6  # Ann, Bo, Cy, the hostile author, Fay, Gus
    assert "Neighbourhood of Ann Lee" in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_build_and_viz_topics_share_one_default_threshold(tmp_path: Path) -> None:
    invoke("build", DIGESTS, "--out", str(tmp_path / "out"), "--no-trends", "--no-import-files")
    run("viz", "topics", DIGESTS, "--out", str(tmp_path / "t.html"))
    built, viz = page_nodes(tmp_path / "out" / "topics.html"), page_nodes(tmp_path / "t.html")
    assert [n["label"] for n in built] == [n["label"] for n in viz]
    assert all(n["papers"] >= kg.viz.TOPIC_MIN_PAPERS for n in viz) and len(viz) >= 2


def test_ego_says_which_node_a_loose_name_matched(tmp_path: Path) -> None:
    result = invoke("viz", "ego", "Ann Leee", DIGESTS, "-o", str(tmp_path / "e.html"))
    assert "'Ann Leee' matched author 'Ann Lee' (3 papers) by close spelling" in result.stderr
    result = invoke("viz", "ego", "Ann Lee", DIGESTS, "-o", str(tmp_path / "e.html"))
    assert "matched" not in result.stderr  # an exact name needs no note


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    out = str(tmp_path / "x.html")
    with pytest.raises(KgError, match=r"matches 2 nodes: author 'Ann Lee' \(3 papers\); author 'Gus Lee' \(1 paper\)"):
        run("viz", "ego", "lee", DIGESTS, "-o", out)  # Ann Lee and Gus Lee, the busiest first
    with pytest.raises(KgError, match="--since must be YYYY-MM-DD"):
        run("viz", "coauthors", DIGESTS, "-o", out, "--since", "yesterday")


def test_export_commands_write_every_network(tmp_path: Path) -> None:
    for command, files in (("gexf", ["coauthors.gexf", "topics.gexf"]),
                           ("vosviewer", ["coauthors_map.txt", "coauthors_network.txt", "topics_map.txt", "topics_network.txt"]),
                           ("edges", ["coauthors_nodes.csv", "coauthors_edges.csv", "topics_nodes.csv", "topics_edges.csv"])):
        out = tmp_path / command
        stdout = invoke("export", command, DIGESTS, "--out", str(out)).stdout
        assert sorted(p.name for p in out.iterdir()) == sorted(files)
        assert "8 nodes, 12 edges from 5 papers" in stdout  # exports keep every author by default
    stdout = invoke("export", "gexf", DIGESTS, "--out", str(tmp_path / "one"), "--network", "topics",
                    "--min-papers", "2").stdout
    assert [p.name for p in (tmp_path / "one").iterdir()] == ["topics.gexf"] and "dropped" in stdout
    with pytest.raises(KgError, match="--network must be coauthors, topics or all"):
        invoke("export", "gexf", DIGESTS, "--out", str(tmp_path / "bad"), "--network", "papers")
