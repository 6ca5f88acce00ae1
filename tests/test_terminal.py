"""Every command as a person runs it: the real ``kg`` in a pseudo-terminal, progress bars on.

Until these tests existed, no test ever ran a command with bars on (they are off when stderr is
piped and in CI), so the second bar of every run crashed for users while the suite passed.

The commands run two at a time (the machine has two cores) in one module fixture; each test
then checks one command's exit code, its outputs and the bars it drew.
"""
from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES
from tests.terminal import BAR, TerminalRun, run_in_terminal

DIGEST = (EXAMPLES / "digests" / "2026-01-19.md").resolve()  # 103 papers: enough for every picture, quick
EXAMPLES_DIR = EXAMPLES.resolve()
GOLD, GOLD_PAPERS = (FIXTURES / "eval" / "gold-methods-dev.jsonl").resolve(), (FIXTURES / "eval" / "papers").resolve()

#: The README's first command after the install, as a new user types it (tests/test_docs.py leaves it to us).
README_BUILD = ".venv/bin/kg build examples/ --out out/"

#: name -> (arguments, files the command must write (relative to its folder), stdout to a file?)
COMMANDS: dict[str, tuple[list[object], list[str], bool]] = {
    "build": (README_BUILD.split()[1:],
              ["out/graph.graphml", "out/graph.json", "out/summary.json", "out/coauthors.html", "out/topics.html",
               "out/neo4j-import/nodes/Paper.csv", "out/trends/trends.csv"], False),
    "extract": (["extract", DIGEST, "--jsonl"], ["stdout"], True),  # kg extract ... --jsonl > file
    "trends": (["trends", EXAMPLES_DIR, "--out", "trends"], ["trends/trends.csv", "trends/trends.md"], False),
    "viz coauthors": (["viz", "coauthors", DIGEST, "--out", "coauthors.html"], ["coauthors.html"], False),
    "viz topics": (["viz", "topics", DIGEST, "--out", "topics.html"], ["topics.html"], False),
    "viz ego": (["viz", "ego", "LoRA", DIGEST, "--out", "ego.html"], ["ego.html"], False),
    "export neo4j-import": (["export", "neo4j-import", DIGEST, "--out", "import"],
                            ["import/nodes/Paper.csv", "import/import.sh"], False),
    "export gexf": (["export", "gexf", DIGEST, "--out", "networks"], ["networks/coauthors.gexf", "networks/topics.gexf"], False),
    "load --dry-run": (["load", "--dry-run", DIGEST], [], False),
    "eval": (["eval", GOLD, GOLD_PAPERS], [], False),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, tuple[TerminalRun, Path]]:
    folders = {name: tmp_path_factory.mktemp(name.replace(" ", "-")) for name in COMMANDS}  # made here: mktemp is not thread-safe

    def run(name: str) -> tuple[str, tuple[TerminalRun, Path]]:
        args, _, to_file = COMMANDS[name]
        cwd = folders[name]
        (cwd / "examples").symlink_to(EXAMPLES_DIR)  # the README's relative paths work here
        return name, (run_in_terminal(args, cwd, stdout=cwd / "stdout" if to_file else None), cwd)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, COMMANDS))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_in_a_terminal_exits_0_writes_its_outputs_and_draws_bars(runs, name):
    result, cwd = runs[name]
    assert result.returncode == 0, result.explain()
    assert "Traceback" not in result.text and "kg: error" not in result.text, result.explain()
    for rel in COMMANDS[name][1]:
        assert (cwd / rel).is_file() and (cwd / rel).stat().st_size > 0, f"{rel} missing\n{result.explain()}"
    # Two bars one after the other in one run (the case that crashed): reading, then extracting.
    reading, extracting = result.bars("reading"), result.bars("extracting")
    assert reading and extracting, result.explain()
    assert result.text.index("reading") < result.text.index("extracting")
    # The extraction bar counted papers up to the end: its last redraw reads N/N (or it got to work).
    counts = [tuple(map(int, m.groups())) for line in extracting for m in [re.search(r"(\d+)/(\d+)", line)] if m]
    assert counts and counts[-1][0] > 0 and {total for _, total in counts} == {counts[0][1]}, extracting


def test_bars_are_drawn_only_on_the_terminal_never_into_redirected_output(runs):
    result, cwd = runs["extract"]
    lines = (cwd / "stdout").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 103
    assert all(json.loads(line)["id"] for line in lines)  # clean JSON lines: no escape codes, no bar cells
    assert BAR not in (cwd / "stdout").read_text(encoding="utf-8")
    assert "103 papers" in result.text  # the count goes to the terminal (stderr)


def test_command_results_are_printed_after_the_bars(runs):
    build, _ = runs["build"]
    assert "wrote summary: out/summary.json" in build.text
    assert re.search(r"read 620 entries from 5 file\(s\): 619 papers", build.text)
    assert "// total:" in runs["load --dry-run"][0].text
    assert re.search(r"P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}", runs["eval"][0].text)
    # The terminal is left usable: the cursor rich hid while drawing is shown again.
    for result, _ in runs.values():
        assert result.raw.count("\x1b[?25l") <= result.raw.count("\x1b[?25h"), result.args
