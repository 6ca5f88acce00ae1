"""`kg build` end to end: the user's main job, through the real console entry point."""
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import EXAMPLES

DIGEST = EXAMPLES / "digests" / "2026-01-19.md"


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def headings(path: Path) -> list[str]:
    return re.findall(r"^### \[\d+\] \[.*\]\(https?://arxiv\.org/abs/([^)]+)\)", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = kg("build", EXAMPLES, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return out, proc


def test_build_writes_every_output(built):
    out, _ = built
    for name in ("graph.graphml", "graph.json", "summary.json", "coauthors.html", "topics.html"):
        assert (out / name).stat().st_size > 0, name
    assert any((out / "neo4j-import").iterdir())
    assert any((out / "trends").iterdir())


def test_summary_accounts_for_every_paper_heading(built):
    out, proc = built
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    ids = [h for f in sorted((EXAMPLES / "digests").glob("*.md")) for h in headings(f)]
    assert summary["records_read"] == len(ids)
    assert summary["papers"] == len(set(ids)) == len(ids) - summary["duplicates_merged"]
    assert summary["nodes"]["Paper"] == len(set(ids))
    assert summary["nodes"]["Digest"] == 5
    assert summary["date_range"] == ["2026-01-19", "2026-01-28"]
    assert summary["skipped"] == {} and summary["toc_mismatches"] == []
    assert f"{len(set(ids))} papers" in proc.stdout


def test_graph_files_read_back(built):
    out, _ = built
    G = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert G.number_of_nodes() == sum(summary["nodes"].values())
    assert G.number_of_edges() == sum(summary["edges"].values())


def test_same_build_twice_gives_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        assert kg("build", DIGEST, "--out", out).returncode == 0  # every output: graph, import CSVs, HTML, trends
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_nothing_readable_is_one_error_line_and_exit_1(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    proc = kg("build", tmp_path, "--out", tmp_path / "out")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "no papers could be read" in errors[0]
    assert "Traceback" not in proc.stderr


def test_bad_input_is_reported_and_the_rest_is_read(tmp_path):
    good = tmp_path / "2026-01-19.md"
    good.write_bytes(DIGEST.read_bytes())
    bad = tmp_path / "2026-01-20.md"
    bad.write_bytes(b"### [1] [A title without a link]\n*Someone*\n\nAbstract: broken \xff byte\n")
    proc = kg("build", tmp_path, "--out", tmp_path / "out", "--no-html", "--no-trends", "--no-extract")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"2026-01-20\.md:\d+", proc.stderr)
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["papers"] == len(set(headings(DIGEST)))
    assert summary["skipped"]
    strict = kg("build", tmp_path, "--out", tmp_path / "out2", "--no-html", "--no-trends", "--no-extract", "--strict")
    assert strict.returncode == 1
    quiet = kg("--quiet", "build", tmp_path, "--out", tmp_path / "out3", "--no-html", "--no-trends", "--no-extract")
    assert quiet.returncode == 0 and "warning" not in quiet.stderr


def test_debug_shows_the_traceback(tmp_path):
    proc = kg("--debug", "build", tmp_path / "missing-dir", "--out", tmp_path / "out")
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr


def test_bad_date_option_is_one_line():
    proc = kg("build", DIGEST, "--date", "05/01/2026")
    assert proc.returncode == 1 and "--date must be YYYY-MM-DD" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["build", "--bogus"], ["nosuch"], ["build"]])
def test_usage_errors_are_one_line_with_exit_2(args):
    proc = kg(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("kg: error:") and len(proc.stderr.strip().splitlines()) == 1
