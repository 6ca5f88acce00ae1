"""Ctrl-C sent to a real ``kg build`` while reading, extracting and writing (issue 14).

Each run starts from a complete earlier build in ``out/``: after the interrupt the exit code is
130, one line says ``out/`` was left as it was, and ``out/`` holds exactly the earlier build
(byte for byte, nothing added, nothing half-written beside it).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.cli
from tests.conftest import EXAMPLES
from tests.terminal import run_in_terminal

COPIES = 40  # folders of the example digests: enough that reading lasts a few seconds


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def previous_build(tmp_path):
    """``out/`` holding a complete build of one example digest; returns its files."""
    first = sorted((EXAMPLES / "digests").glob("*.md"))[0]
    assert kg.cli.run(["build", str(first), "--out", str(tmp_path / "out"), "--no-extract", "--no-html"]) == 0
    return _snapshot(tmp_path / "out")


@pytest.mark.parametrize(("point", "args"), [
    ("reading", ["--no-extract"]),
    ("extracting", []),
    ("writing out/", ["--no-extract"]),
])
def test_sigint_at_each_point_exits_130_and_out_keeps_the_previous_build(tmp_path, previous_build, point, args):
    corpus = tmp_path / "corpus"
    copies = COPIES if point == "reading" else 1
    for n in range(copies):
        shutil.copytree(EXAMPLES / "digests", corpus / f"c{n:02d}")
    result = run_in_terminal(["build", corpus, "--out", "out/", "--no-cache", *args], tmp_path,
                             when=lambda out: point in out, timeout=600)
    assert result.returncode == 130, result.explain()
    assert "Traceback" not in result.text
    assert [line for line in result.lines() if line.startswith("kg:")] == ["kg: interrupted; out/ left as it was"]
    assert _snapshot(tmp_path / "out") == previous_build
    assert not [p.name for p in tmp_path.iterdir() if ".kg-new-" in p.name or ".kg-old-" in p.name]
