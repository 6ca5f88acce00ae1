"""Benchmark: reading + merging + graph building (no extraction) over the shared corpus.

Usage: python bench/bench_build.py [CORPUS ...]   (default: ../shared/corpus when present)

Prints papers/s (entries read per second of read+merge+graph time, single process)
and peak RSS. Target (issue 2): >= 10,000 papers/s on one core.
"""
from __future__ import annotations

import gc
import resource
import sys
import time

from kg.graph import build_graph
from kg.ingest import read_inputs
from kg.merge import merge_records

from corpus import corpus_inputs  # bench/corpus.py (scripts run as python bench/NAME.py)


def main(argv: list[str]) -> int:
    inputs = corpus_inputs(argv)
    if not inputs:
        return 0
    best = None
    for _ in range(5):  # best of five: the machines are noisy
        result = merged = G = None  # free the previous round outside the timed part
        gc.collect()
        start = time.perf_counter()
        result = read_inputs(inputs)
        t_read = time.perf_counter() - start
        merged = merge_records(result.records)
        t_merge = time.perf_counter() - start - t_read
        G = build_graph(merged.papers, result.digests)
        total = time.perf_counter() - start
        if best is None or total < best[0]:
            best = (total, t_read, t_merge, len(result.records), len(merged.papers), G.number_of_nodes(), G.number_of_edges())
    total, t_read, t_merge, entries, papers, nodes, edges = best
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"inputs: {' '.join(inputs)}")
    print(f"entries read: {entries}, papers after merge: {papers}, graph: {nodes} nodes / {edges} edges")
    print(f"read {t_read:.2f}s, merge {t_merge:.2f}s, graph {total - t_read - t_merge:.2f}s, total {total:.2f}s")
    print(f"throughput: {entries / total:,.0f} entries/s ({papers / total:,.0f} merged papers/s)")
    print(f"peak RSS: {peak_mib:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
