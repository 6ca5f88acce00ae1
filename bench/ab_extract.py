"""Extraction A/B of two checkouts on a shared machine: papers/s and papers per CPU-second, runs interleaved.

Usage: python bench/ab_extract.py BEFORE_DIR AFTER_DIR [ROUNDS] [INPUTS...]
(checkout folders, e.g. from ``git archive REV | tar -x -C DIR``; default 6 rounds over /work/shared/corpus)

bench_extract.py runs one checkout after the other, so a load that changes between them (other jobs on the
machine) lands on one side only. Here each checkout gets a long-lived worker (pipeline built and warmed once),
and the runs alternate, the order flipped every round: both sides see the same load. CPU seconds (the process and
its extraction workers) move less with load than wall time; compare those.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

DEFAULT = "/work/shared/corpus"


def worker(inputs: list[str]) -> None:
    """Build the pipeline, extract once to warm it, then per stdin line ``n`` extract with n processes and
    print the wall and CPU seconds."""
    from kg.extract import extract_papers, load_pipeline
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    papers = merge_records(read_inputs(inputs).records).papers
    nlp = load_pipeline()
    extract_papers(papers, nlp=nlp)
    print(len(papers), flush=True)
    for line in sys.stdin:
        t, c, ch = time.perf_counter(), time.process_time(), os.times()
        extract_papers(papers, nlp=nlp, n_process=int(line))
        ch2 = os.times()
        cpu = time.process_time() - c + ch2.children_user - ch.children_user + ch2.children_system - ch.children_system
        print(f"{time.perf_counter() - t} {cpu}", flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        worker(argv[1:])
        return 0
    if len(argv) < 2:
        print(__doc__)
        return 1
    rounds = int(argv[2]) if len(argv) > 2 else 6
    inputs = argv[3:] or [DEFAULT]
    sides = {"before": argv[0], "after": argv[1]}
    procs = {name: subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", *inputs], cwd="/",
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                    env=dict(os.environ, PYTHONPATH=os.path.abspath(path)))
             for name, path in sides.items()}
    sizes = {int(p.stdout.readline()) for p in procs.values()}
    assert len(sizes) == 1, "the checkouts read different corpora"
    n_papers = sizes.pop()
    runs: dict[tuple[str, int], list[tuple[float, float]]] = {(s, n): [] for s in sides for n in (1, 2)}
    for r in range(rounds):
        for n in (1, 2):
            for side in list(sides) if r % 2 == 0 else list(sides)[::-1]:
                procs[side].stdin.write(f"{n}\n")
                procs[side].stdin.flush()
                wall, cpu = map(float, procs[side].stdout.readline().split())
                runs[(side, n)].append((wall, cpu))
                print(f"round {r} n_process={n} {side}: {n_papers / wall:,.0f} papers/s, {n_papers / cpu:,.0f} per CPU-second"
                      f" (load {os.getloadavg()[0]:.1f})", flush=True)
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print(f"cpus {os.cpu_count()}, {n_papers} papers, {rounds} rounds")
    for (side, n), v in runs.items():
        walls, cpus = [w for w, _ in v], [c for _, c in v]
        print(f"{side:6s} n_process={n}: best {n_papers / min(walls):,.0f} papers/s, median {n_papers / statistics.median(walls):,.0f};"
              f" best {n_papers / min(cpus):,.0f} per CPU-second")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
