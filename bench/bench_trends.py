"""Benchmark: ``kg trends`` end to end (read, merge, extract, graph, trend tables, charts).

Usage: python bench/bench_trends.py [CORPUS ...] [--window auto]
       (default corpus: ../shared/corpus/daily-arxiv/zh, 30 days of digests)

Runs the real command in a child process (imports and spaCy start-up included) and prints
wall and CPU seconds, papers/s and the child's peak RSS, then the stage times of the same work done
in this process, then the top rising and emerging methods from the written trends.md.
Target (issue 6): under 30 s on the 30 days.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import corpus_inputs  # bench/corpus.py (scripts run as python bench/NAME.py)

TARGET_SECONDS = 30.0


def run_cli(inputs: list[str], out: Path, window: str) -> tuple[float, str]:
    """Run ``kg trends`` in a child process; ``(wall seconds, stdout)``."""
    cmd = [sys.executable, "-m", "kg", "--quiet", "trends", *inputs, "--out", str(out), "--window", window]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"kg trends failed ({done.returncode}):\n{done.stderr}")
    return seconds, done.stdout


def stage_times(inputs: list[str], out: Path, window: str) -> dict[str, float]:
    """The same work in-process, timed per stage (read+merge, extract, graph, trends)."""
    import kg
    from kg.trends import write_trends

    start = time.perf_counter()
    result = kg.build(inputs)
    timings = dict(result.timings)
    start_trends = time.perf_counter()
    write_trends(result.graph, out, window=window)
    timings["trends"] = time.perf_counter() - start_trends
    timings["total"] = time.perf_counter() - start
    return timings


def section(markdown: str, title: str, rows: int = 10) -> str:
    """The first ``rows`` table rows of the ``## title...`` section of trends.md."""
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", markdown, re.S | re.M)
    if not match:
        return "(missing)"
    lines = match.group(0).strip().splitlines()
    return "\n".join(lines[: 4 + rows])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--window", default="auto")
    args = parser.parse_args(argv)
    inputs = corpus_inputs(args.inputs, "daily-arxiv/zh")
    if not inputs:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "trends"
        seconds, stdout = run_cli(inputs, out, args.window)
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mib, cpu = child.ru_maxrss / 1024, child.ru_utime + child.ru_stime
        papers = int(m.group(1)) if (m := re.search(r"papers: (\d+)", stdout)) else 0
        print(f"inputs: {' '.join(inputs)}")
        print(stdout.strip())
        verdict = "ok" if seconds < TARGET_SECONDS else f"OVER the {TARGET_SECONDS:.0f} s target"
        print(f"kg trends: {seconds:.2f} s wall ({verdict}), {cpu:.2f} s CPU (wall > CPU: a busy machine),"
              f" {papers / seconds:,.0f} papers/s, peak RSS {peak_mib:,.0f} MiB")
        stages = stage_times(inputs, Path(tmp) / "again", args.window)
        print("in-process stages: " + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()))
        markdown = (out / "trends.md").read_text(encoding="utf-8")
    print()
    print(section(markdown, "Top rising methods"))
    print()
    print(section(markdown, "Emerging methods"))
    print()
    print(section(markdown, "Strongest bursts"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
