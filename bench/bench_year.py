"""Year-scale benchmark of ``kg build``: every stage's wall, CPU, peak RSS and GC; the +1 day re-run.

Usage:
    python bench/year_corpus.py /tmp/year                       # ~100k records (see that script)
    python bench/bench_year.py /tmp/year [--code before=DIR] [--code after=.] [--jobs N]
                               [--no-stages] [--no-build] [--no-daily] [--json FILE]

Each ``--code NAME=DIR`` is a checkout (a folder holding ``kg/``) measured in the same run,
so "before" and "after" share the machine's load: ``git archive main | tar -x -C /tmp/main``
gives one. Without ``--code`` only this checkout is measured. For each checkout:

* **stages** (a fresh child process): read, merge, extract, graph, then each writer of
  ``kg build`` (GraphML, node-link JSON, summary, Neo4j CSVs, HTML, trends), called one by
  one the way ``kg build`` calls them. Per stage: wall s, CPU s (this process and its
  workers), the stage's own peak RSS (the high-water mark is reset before each stage via
  ``/proc/self/clear_refs``) and the seconds spent in garbage collection.
* **build**: ``python -m kg --quiet build CORPUS --out DIR`` end to end (imports included):
  wall, CPU, the largest process's peak RSS (what ``/usr/bin/time`` reports) and the
  peak of the whole process tree's PSS (workers share the parent's pages, PSS counts them once).
* **daily**: the corpus without its latest day is built, then the day is added and ``kg build``
  runs again over the same ``--out`` (reusing the build cache where the code has one); the
  result is compared byte for byte with a clean build of the whole corpus.

The machine is shared: the load average is printed before and after; compare checkouts
within one run, and re-measure on a quiet machine before quoting a figure.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("read", "merge", "extract", "graph", "graphml", "node-link", "summary", "neo4j-csv", "html", "trends")


# --------------------------------------------------------------------------- the child: stages in-process

def _peak_rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:  # not Linux, or not allowed: the peak then only grows
        pass


class _Meter:
    """Wall, CPU (self + reaped children), own peak RSS and GC seconds of each stage."""

    def __init__(self) -> None:
        import gc

        self.rows: list[dict] = []
        self._gc_start = 0.0
        self._gc_total = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self._gc_total += time.perf_counter() - self._gc_start

    def run(self, name: str, fn, *args, **kwargs):  # noqa: ANN001, ANN201
        import resource

        _reset_peak()
        gc0, child0 = self._gc_total, resource.getrusage(resource.RUSAGE_CHILDREN)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        value = fn(*args, **kwargs)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_children = child.ru_utime + child.ru_stime - child0.ru_utime - child0.ru_stime
        self.rows.append({"stage": name, "wall": wall, "cpu": cpu + cpu_children, "peak_mib": _peak_rss_mib(),
                          "gc": self._gc_total - gc0})
        return value


def child_stages(corpus: str, out: str, jobs: int) -> dict:
    """Run the stages of ``kg build`` one by one in this process; a JSON-ready report."""
    import inspect

    import kg.pipeline
    from kg.extract import extract_papers, load_pipeline
    from kg.export import write_graphml, write_node_link, write_summary
    from kg.graph import build_graph
    from kg.ingest import read_inputs
    from kg.merge import merge_records
    from kg.store.csv_bulk import export_neo4j_import
    from kg.trends import write_trends
    from kg.viz import write_coauthor_html, write_topic_html

    import contextlib

    paused = getattr(__import__("kg.graph", fromlist=["gc_paused"]), "gc_paused", contextlib.nullcontext)
    meter = _Meter()
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = load_pipeline()
    with paused():  # kg.build pauses the collector until the graph is built (where the checkout has it)
        read = meter.run("read", read_inputs, [corpus])
        merged = meter.run("merge", merge_records, read.records)
        records, digests, report = len(read.records), read.digests, read.report
        del read  # kg build keeps the merged papers, not the records
        extractions = meter.run("extract", extract_papers, merged.papers, nlp=nlp, n_process=jobs)
        graph = meter.run("graph", build_graph, merged.papers, digests, extractions)
    after_graph = getattr(kg.pipeline, "freeze_heap", None)  # what kg build does to the collector there
    if after_graph is not None:
        after_graph()
    result = kg.pipeline.BuildResult(graph, merged.papers, digests, list(extractions), report, merged.duplicates)
    meter.run("graphml", write_graphml, graph, out_dir / "graph.graphml")
    meter.run("node-link", write_node_link, graph, out_dir / "graph.json")
    meter.run("summary", lambda: write_summary(result.summary(), out_dir / "summary.json"))
    meter.run("neo4j-csv", export_neo4j_import, graph, out_dir / "neo4j-import")

    def html() -> None:
        write_coauthor_html(graph, out_dir / "coauthors.html")
        write_topic_html(graph, out_dir / "topics.html", min_papers=2)

    meter.run("html", html)
    meter.run("trends", write_trends, graph, out_dir / "trends")
    return {
        "records": records, "papers": len(merged.papers), "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(), "jobs": jobs, "stages": meter.rows,
        "uses_n_process_default": "jobs" in inspect.signature(kg.pipeline.build).parameters,
    }


# --------------------------------------------------------------------------- the parent: processes and tables

def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc/PID/task/*/children: no scan of /proc)."""
    tree, frontier = [], [pid]
    while frontier:
        p = frontier.pop()
        tree.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    frontier += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return tree


def _pss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_measured(cmd: list[str], env: dict[str, str], cwd: str | None = None) -> dict:
    """Run ``cmd``; wall, CPU of the tree, max single-process RSS and peak tree PSS (sampled each second).

    CPU and max RSS come from ``wait4`` on the command itself: its own usage and that of every
    process below it that it reaped (forked workers included), and of nothing else this
    benchmark ran (``RUSAGE_CHILDREN``'s high-water mark would carry over from earlier runs).
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:  # files: no pipe to drain
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err, text=True)
        peak_pss = 0.0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_pss
            while not done.wait(1.0):
                peak_pss = max(peak_pss, sum(_pss_mib(p) for p in _descendants(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "max_rss_mib": usage.ru_maxrss / 1024, "peak_pss_mib": peak_pss, "stdout": stdout, "stderr": stderr}


def _env(code: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(code), PYTHONHASHSEED="0")
    env.pop("CI", None)
    return env


def stages(code: Path, corpus: str, out: Path, jobs: int) -> dict:
    cmd = [sys.executable, str(HERE / "bench_year.py"), "--child-stages", corpus, "--out", str(out), "--jobs", str(jobs)]
    run = run_measured(cmd, _env(code), cwd=tempfile.gettempdir())
    report = json.loads(run["stdout"].strip().splitlines()[-1])
    report["process"] = {k: run[k] for k in ("wall", "cpu", "max_rss_mib", "peak_pss_mib")}
    return report


def kg_build(code: Path, inputs: list[str], out: Path, extra: list[str] = ()) -> dict:
    cmd = [sys.executable, "-m", "kg", "--quiet", "build", *inputs, "--out", str(out), *extra]
    run = run_measured(cmd, _env(code), cwd=tempfile.gettempdir())
    run.pop("stderr")
    return run


def _latest_day(corpus: Path) -> str:
    dates = sorted({m.group() for p in corpus.rglob("*") if p.is_file()
                    for m in [re.search(r"\d{4}-\d{2}-\d{2}", p.name)] if m})
    return dates[-1]


def _link_tree(src: Path, dst: Path, skip: str | None) -> list[Path]:
    """Hard-link ``src``'s files under ``dst`` (copy across devices), leaving out names with ``skip``; returns those left out."""
    left_out = []
    for path in sorted(p for p in src.rglob("*") if p.is_file()):
        target = dst / path.relative_to(src)
        if skip and skip in path.name:
            left_out.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
    return left_out


def _same_outputs(a: Path, b: Path) -> list[str]:
    """Relative paths of files that differ (or exist on one side only) between two --out folders."""
    def files(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and ".kg-cache" not in p.parts}

    fa, fb = files(a), files(b)
    diff = sorted(fa ^ fb)
    diff += [f for f in sorted(fa & fb) if not filecmp.cmp(a / f, b / f, shallow=False)]
    return diff


def daily(code: Path, corpus: Path, work: Path, extra: list[str]) -> dict:
    """Build without the latest day, add it, build again; compare with a clean build of everything."""
    day = _latest_day(corpus)
    tree = work / "daily-corpus"
    held = _link_tree(corpus, tree, skip=day)
    out, clean = work / "daily-out", work / "clean-out"
    first = kg_build(code, [str(tree)], out, extra)
    previous = work / "previous-out"  # the outputs before the day, to say what one day changes in them
    _link_tree(out, previous, skip=None)
    for path in held:
        target = tree / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    again = kg_build(code, [str(tree)], out, extra)
    unchanged = kg_build(code, [str(tree)], out, extra)
    full = kg_build(code, [str(tree)], clean, [*extra, *(["--no-cache"] if "--no-cache" in _help(code) else [])])
    return {"day": day, "day_files": [str(p.relative_to(corpus)) for p in held], "first": first, "plus_one_day": again,
            "unchanged": unchanged, "clean": full, "differs": _same_outputs(out, clean), "changes": changes(previous, out)}


def _common_prefix(a: bytes, b: bytes, block: int = 1 << 16) -> int:
    n = min(len(a), len(b))
    start = 0
    while start < n and a[start:start + block] == b[start:start + block]:
        start += block
    end = min(start + block, n)
    return next((i for i in range(start, end) if a[i] != b[i]), end)


def changes(old: Path, new: Path) -> list[dict]:
    """Per output file: sizes, the unchanged leading bytes, and the share of the new file's lines already in the old one.

    What one more day changes in each output, i.e. what an incremental writer could keep: a file
    whose first difference is near its end could be appended to; one whose lines are mostly old
    ones but changed early would need splicing.
    """
    import hashlib
    from collections import Counter

    rows = []
    for path in sorted(p for p in new.rglob("*") if p.is_file()):
        rel = path.relative_to(new)
        before = old / rel
        a = before.read_bytes() if before.is_file() else b""
        b = path.read_bytes()
        prefix = _common_prefix(a, b)
        old_lines = Counter(hashlib.blake2b(line, digest_size=8).digest() for line in a.splitlines())
        kept = 0
        for line in b.splitlines():
            h = hashlib.blake2b(line, digest_size=8).digest()
            if old_lines[h] > 0:
                old_lines[h] -= 1
                kept += 1
        lines = b.count(b"\n") or 1
        rows.append({"file": str(rel), "old": len(a), "new": len(b), "same": a == b,
                     "prefix_share": prefix / max(len(b), 1), "old_lines_share": kept / lines})
    return rows


def _help(code: Path) -> str:
    return subprocess.run([sys.executable, "-m", "kg", "build", "--help"], env=_env(code), capture_output=True,
                          text=True, check=False).stdout


def _load() -> str:
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def _print_stages(reports: dict[str, dict]) -> None:
    names = list(reports)
    first = reports[names[0]]
    print(f"\ncorpus: {first['records']:,} records, {first['papers']:,} papers, "
          f"{first['nodes']:,} nodes, {first['edges']:,} edges")
    head = "stage       " + "".join(f"| {n + ' wall/CPU s':>18} {'peak MiB':>9} {'gc s':>6} " for n in names)
    print(head)
    print("-" * len(head))
    for i, stage in enumerate(STAGES):
        cells = ""
        for n in names:
            row = reports[n]["stages"][i]
            cells += f"| {row['wall']:>8.1f} /{row['cpu']:>7.1f}  {row['peak_mib']:>9,.0f} {row['gc']:>6.1f} "
        print(f"{stage:<12}{cells}")
    cells = ""
    for n in names:
        rows = reports[n]["stages"]
        cells += (f"| {sum(r['wall'] for r in rows):>8.1f} /{sum(r['cpu'] for r in rows):>7.1f}  "
                  f"{max(r['peak_mib'] for r in rows):>9,.0f} {sum(r['gc'] for r in rows):>6.1f} ")
    print(f"{'total':<12}{cells}")
    for n in names:
        p, papers = reports[n]["process"], reports[n]["papers"]
        extract = next(r for r in reports[n]["stages"] if r["stage"] == "extract")
        print(f"{n}: jobs {reports[n]['jobs']}; stage process {p['wall']:.1f} s wall, {p['cpu']:.1f} s CPU, "
              f"max RSS {p['max_rss_mib']:,.0f} MiB, tree PSS {p['peak_pss_mib']:,.0f} MiB; "
              f"extraction {papers / extract['wall']:,.0f} papers/s")


def _print_build(name: str, run: dict, papers: int | None = None) -> None:
    rate = f", {papers / run['wall']:,.0f} papers/s" if papers else ""
    print(f"{name}: {run['wall']:.1f} s wall, {run['cpu']:.1f} s CPU, max RSS {run['max_rss_mib']:,.0f} MiB, "
          f"tree PSS {run['peak_pss_mib']:,.0f} MiB{rate}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--code", action="append", default=[], metavar="NAME=DIR")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="extraction processes in the stage run")
    parser.add_argument("--before-jobs", type=int, default=1, help="jobs for a checkout whose kg build has no -j (it used 1)")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-daily", action="store_true")
    parser.add_argument("--json", type=Path, help="write every figure here too")
    parser.add_argument("--child-stages", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_stages:
        print(json.dumps(child_stages(str(args.corpus), args.out, args.jobs)))
        return 0
    args.corpus = args.corpus.resolve()
    codes = dict(c.split("=", 1) for c in args.code) or {"this": str(HERE.parent)}
    codes = {name: Path(d).resolve() for name, d in codes.items()}
    print(f"cpus {os.cpu_count()}, load average {_load()} at start; corpus {args.corpus}")
    results: dict[str, dict] = {"load_start": _load()}
    with tempfile.TemporaryDirectory(prefix="kg-bench-year-") as tmp:
        work = Path(tmp)
        if not args.no_stages:
            reports = {}
            for name, code in codes.items():
                has_jobs = "--jobs" in _help(code)
                reports[name] = stages(code, str(args.corpus), work / f"stages-{name}", args.jobs if has_jobs else args.before_jobs)
                shutil.rmtree(work / f"stages-{name}")
            _print_stages(reports)
            results["stages"] = reports
            print(f"load average {_load()}")
        papers = results.get("stages", {}).get(next(iter(codes)), {}).get("papers")
        if not args.no_build:
            print()
            for name, code in codes.items():
                run = kg_build(code, [str(args.corpus)], work / f"build-{name}", ["--no-cache"] if "--no-cache" in _help(code) else [])
                _print_build(f"kg build ({name})", run, papers)
                results.setdefault("build", {})[name] = {k: v for k, v in run.items() if k != "stdout"}
                shutil.rmtree(work / f"build-{name}")
            print(f"load average {_load()}")
        if not args.no_daily:
            print()
            for name, code in codes.items():
                (work / name).mkdir()
                d = daily(code, args.corpus, work / name, [])
                print(f"daily ({name}): +1 day = {d['day']} ({len(d['day_files'])} files)")
                for step in ("first", "plus_one_day", "unchanged", "clean"):
                    _print_build(f"  {step}", d[step])
                print(f"  outputs identical to the clean build: {'yes' if not d['differs'] else 'NO: ' + ', '.join(d['differs'][:10])}")
                print(f"  what the day changed: {'file':<34}{'MB':>8}{'same':>6}{'unchanged head':>16}{'old lines':>11}")
                for row in d["changes"]:
                    print(f"  {'':<22}{row['file']:<34}{row['new'] / 1e6:>8.1f}{'yes' if row['same'] else 'no':>6}"
                          f"{row['prefix_share']:>15.1%}{row['old_lines_share']:>11.1%}")
                results.setdefault("daily", {})[name] = {k: ({kk: vv for kk, vv in v.items() if kk != "stdout"} if isinstance(v, dict) else v)
                                                         for k, v in d.items()}
                shutil.rmtree(work / name)
            print(f"load average {_load()}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
