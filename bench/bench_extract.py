"""Extraction throughput: papers/s (1 and 2 processes) and peak RSS over the shared corpus.

Usage: python bench/bench_extract.py [INPUTS...]   (default: /work/shared/corpus when present)
Reading and merging are timed apart; only ``extract_papers`` counts for papers/s
(best and median of five runs). ``nproc`` and the load average are printed because the
figures depend on them.
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

from kg.extract import extract_papers, load_pipeline
from kg.ingest import read_inputs
from kg.merge import merge_records

DEFAULT = Path("/work/shared/corpus")
REPEATS = 5  # the machine is shared and noisy: best of five, median shown beside it


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    inputs = argv or ([str(DEFAULT)] if DEFAULT.exists() else [])
    if not inputs:
        print("no inputs (pass digest folders; /work/shared/corpus not found)")
        return 1
    t0 = time.perf_counter()
    papers = merge_records(read_inputs(inputs).records).papers
    t1 = time.perf_counter()
    nlp = load_pipeline()
    t2 = time.perf_counter()
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    print(f"read+merge {len(papers)} papers in {t1 - t0:.2f}s; pipeline built in {t2 - t1:.2f}s")
    extract_papers(papers[:200], nlp=nlp)  # warm-up (lexeme cache)
    for n_process in (1, 2):
        times, cpu = [], []
        for _ in range(REPEATS):  # best of several: the figure is the code's, not a busy machine's
            start, cpu_start = time.perf_counter(), time.process_time()
            out = extract_papers(papers, nlp=nlp, n_process=n_process)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
        mentions = sum(len(e.methods) for e in out)
        best, median = min(times), sorted(times)[len(times) // 2]
        print(f"n_process={n_process}: best {len(papers) / best:,.0f} papers/s, median {len(papers) / median:,.0f} "
              f"({best:.2f}s best of {REPEATS}, {mentions} method mentions)")
        if n_process == 1:  # CPU time of this process: the rate on an idle core
            print(f"n_process=1: {len(papers) / min(cpu):,.0f} papers per CPU-second")
    print(f"peak RSS {peak_rss_mb():.0f} MB (main process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
