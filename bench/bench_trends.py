"""Benchmark: the trends stage (``write_trends``) on the year-scale case, before and after, in one run.

Usage: python bench/bench_trends.py [CORPUS ...] [--before REF] [--copies N] [--window auto]
       (default corpus: daily-arxiv/winter and daily-arxiv/zh of the shared corpus: Dec 2025 .. Feb 2026,
       ~7,900 papers; the shared corpus is $KG_CORPUS, else ../shared/corpus beside the checkout)

1. Builds the graph once, in this process (read, merge, extract: timed), and pickles it.
2. ``--copies N`` (default 4) stacks N re-keyed copies of it, each moved on by the span of the data (so 4
   copies of three months make a year, ~31,000 papers: the scale at which the zero-filled table of the old
   code reached millions of rows). ``--copies 1`` measures the corpus as it is.
3. Runs ``write_trends`` in a fresh child process for each implementation: ``before`` is the ``kg``
   package of git ``REF`` (default ``main``), exported with ``git archive`` to a temporary folder;
   ``after`` is this checkout. Each child reports wall and CPU seconds, its RSS with the graph loaded
   ("graph MiB"), its peak RSS during the stage ("peak MiB": the peak is reset after loading, Linux's
   /proc/self/clear_refs), the difference ("stage MiB": what the trends stage itself adds), and the
   sizes of trends.csv and of all files written.

4. ``--nulls N``: the calibration check, in this process with this checkout: N times, the days are
   shuffled (every paper of a day moves with it to another day's date), and the share of methods with
   p < 0.05 among those tested for rising (expected at most 5%) and the runs with any q < 0.05 in
   rising or bursts (expected about 5% or fewer) are printed.

Both run on the same machine minutes apart: compare them with each other, not with other runs, and
re-measure on a quiet machine for final figures.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import SHARED_CORPUS  # bench/corpus.py (scripts run as python bench/NAME.py)

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import gc, json, os, pickle, resource, sys, time
if sys.argv[3]:
    sys.path.insert(0, sys.argv[3])
import kg.trends
from kg.trends import write_trends

def status(key):  # VmRSS / VmHWM of this process, MiB (Linux)
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")

G = pickle.load(open(sys.argv[1], "rb"))
gc.collect()
try:  # reset the peak so that it measures the trends stage, not the unpickling
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
except OSError:
    pass
loaded = status("VmRSS")
cpu0, t0 = time.process_time(), time.perf_counter()
write_trends(G, sys.argv[2], window=sys.argv[4])
wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
files = {p: os.path.getsize(os.path.join(sys.argv[2], p)) for p in os.listdir(sys.argv[2])}
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mib": status("VmHWM"), "loaded_mib": loaded,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "files": files, "module": kg.trends.__file__}))
"""


def default_inputs() -> list[str]:
    shared = Path(os.environ.get("KG_CORPUS") or SHARED_CORPUS)
    found = [str(shared / "daily-arxiv" / name) for name in ("winter", "zh") if (shared / "daily-arxiv" / name).exists()]
    if not found:
        print(f"no corpus given and none under {shared}; nothing to measure")
    return found


def stacked(result, copies: int):
    """A graph of ``copies`` re-keyed copies of the build, each moved on by the span of the data."""
    from kg.graph import build_graph

    if copies <= 1:
        return result.graph
    days = [p.first_seen for p in result.papers if p.first_seen]
    span = (max(days) - min(days)).days + 1
    shift_days = 7 * -(-span // 7)  # whole weeks: weekdays stay weekdays

    def move(day, k):
        return day + dt.timedelta(days=shift_days * k) if isinstance(day, dt.date) else day

    papers, digests, extractions = [], [], []
    for k in range(copies):
        tag = "" if k == 0 else f"c{k}"
        for p in result.papers:
            listings = tuple(dataclasses.replace(x, date=move(x.date, k), digest=x.digest + tag) for x in p.listings)
            papers.append(dataclasses.replace(p, arxiv_id=p.arxiv_id + tag, first_seen=move(p.first_seen, k),
                                              last_seen=move(p.last_seen, k), listings=listings))
        digests += [dataclasses.replace(d, id=d.id + tag, date=move(d.date, k)) for d in result.digests]
        extractions += [dataclasses.replace(ex, arxiv_id=ex.arxiv_id + tag) for ex in result.extractions]
    return build_graph(papers, digests, extractions)


def export_ref(ref: str, dest: Path) -> Path:
    """The ``kg`` package of git ``ref``, exported into ``dest`` (returns the folder to put on sys.path)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "kg"], capture_output=True, check=True).stdout
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def run_child(graph_file: Path, out: Path, path: str, window: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(graph_file), str(out), path, window],
                          capture_output=True, text=True, check=False, cwd=out.parent)
    if done.returncode != 0:
        raise SystemExit(f"write_trends failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def shuffled_nulls(G, runs: int, window: str) -> None:
    """Whole days moved to random other days' dates: what rising and bursts find by chance."""
    import random

    import numpy as np
    import pandas as pd

    sys.path.insert(0, str(ROOT))
    from kg.trends import bursts, rising_methods, trend_data

    base = trend_data(G)
    days = sorted(base.papers["date"].unique())
    fractions, rising_any, burst_any = [], 0, 0
    for seed in range(runs):
        order = list(days)
        random.Random(seed).shuffle(order)
        move = dict(zip(days, order))
        data = dataclasses.replace(base, papers=base.papers.assign(date=base.papers["date"].map(move)),
                                   digest_days=pd.DatetimeIndex(sorted(move[d] for d in base.digest_days if d in move)))
        r = rising_methods(data, window, include_falling=True)
        b = bursts(data, "method")
        fractions.append(float((r["p"] < 0.05).mean()) if len(r) else 0.0)
        rising_any += int((r["q"] < 0.05).any())
        burst_any += int((b["q"] < 0.05).any())
    print(f"\nday-shuffle nulls ({runs} runs): methods with p < 0.05 in rising {100 * np.mean(fractions):.1f}%"
          f" (at most 5% expected); runs with any q < 0.05: rising {rising_any}, bursts {burst_any}")


def section(markdown: str, title: str, rows: int = 10) -> str:
    """The first ``rows`` table rows of the ``## title...`` section of trends.md."""
    match = re.search(rf"^## {re.escape(title)}.*?(?=^## |\Z)", markdown, re.S | re.M)
    if not match:
        return "(missing)"
    lines = match.group(0).strip().splitlines()
    return "\n".join(lines[: 6 + rows])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--before", default="main", help="git ref of the 'before' code ('' to skip)")
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--window", default="auto")
    parser.add_argument("--graph", type=Path, help="a pickled graph to reuse (written there by a first run)")
    parser.add_argument("--nulls", type=int, default=0, help="day-shuffle calibration runs (after the timings)")
    args = parser.parse_args(argv)
    inputs = args.inputs or default_inputs()
    if not inputs:
        return 0
    print(f"inputs: {' '.join(inputs)}")
    with tempfile.TemporaryDirectory() as tmp:
        graph_file = args.graph or Path(tmp) / "graph.pickle"
        if args.graph and args.graph.exists():
            print(f"graph: reusing {args.graph} (built by an earlier run; --copies taken from it)")
        else:
            import kg

            start = time.perf_counter()
            result = kg.build(inputs, n_process=min(2, os.cpu_count() or 1))
            build_s = time.perf_counter() - start
            G = stacked(result, args.copies)
            print(f"build: {build_s:.1f} s ({', '.join(f'{k} {v:.1f}s' for k, v in result.timings.items())});"
                  f" {len(result.papers):,} papers x {args.copies} copies")
            with graph_file.open("wb") as fh:
                pickle.dump(G, fh, protocol=pickle.HIGHEST_PROTOCOL)
            del G, result
        with graph_file.open("rb") as fh:
            G = pickle.load(fh)
        papers = sum(1 for _, d in G.nodes(data=True) if d.get("label") == "Paper")
        print(f"graph: {papers:,} papers, {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
        del G
        runs = []
        if args.before:
            before_src = export_ref(args.before, Path(tmp) / "before-src")
            runs.append((f"before ({args.before})", str(before_src)))
        runs.append(("after (this checkout)", str(ROOT)))
        reports = {}
        print(f"\n{'':24} {'wall s':>8} {'CPU s':>8} {'graph MiB':>10} {'peak MiB':>9} {'stage MiB':>10}"
              f" {'trends.csv MB':>14} {'all files MB':>13}")
        for label, path in runs:
            out = Path(tmp) / label.split()[0]
            r = run_child(graph_file, out, path, args.window)
            reports[label] = out
            csv_mb = r["files"].get("trends.csv", 0) / 1e6
            print(f"{label:24} {r['wall']:8.1f} {r['cpu']:8.1f} {r['loaded_mib']:10,.0f} {r['peak_mib']:9,.0f}"
                  f" {r['peak_mib'] - r['loaded_mib']:10,.0f} {csv_mb:14.2f} {sum(r['files'].values()) / 1e6:13.2f}")
        markdown = (reports[runs[-1][0]] / "trends.md").read_text(encoding="utf-8")
        if args.nulls:
            with graph_file.open("rb") as fh:
                shuffled_nulls(pickle.load(fh), args.nulls, args.window)
    print("\n(the same machine, minutes apart: compare the rows with each other; re-measure on a quiet machine)")
    for title in ("Rising methods", "Emerging methods", "Strongest bursts", "Long-term trends"):
        print()
        print(section(markdown, title))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
