"""Extraction throughput: papers/s (1 and 2 processes) and peak RSS over the shared corpus.

Usage: python bench/bench_extract.py [INPUTS...]   (default: /work/shared/corpus when present)
Reading and merging are timed apart; only ``extract_papers`` counts for papers/s.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from kg.extract import extract_papers, load_pipeline
from kg.ingest import read_inputs
from kg.merge import merge_records

DEFAULT = Path("/work/shared/corpus")


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
    print(f"read+merge {len(papers)} papers in {t1 - t0:.2f}s; pipeline built in {t2 - t1:.2f}s")
    extract_papers(papers[:200], nlp=nlp)  # warm-up (lexeme cache)
    for n_process in (1, 2):
        start = time.perf_counter()
        out = extract_papers(papers, nlp=nlp, n_process=n_process)
        secs = time.perf_counter() - start
        mentions = sum(len(e.methods) for e in out)
        print(f"n_process={n_process}: {len(papers) / secs:,.0f} papers/s ({secs:.2f}s, {mentions} method mentions)")
    print(f"peak RSS {peak_rss_mb():.0f} MB (main process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
