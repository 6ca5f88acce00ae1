"""Benchmark: the HTML networks of the whole corpus, with the default caps, in headless Chromium.

Usage: python bench/bench_viz.py [CORPUS ...]   (default: ../shared/corpus when present)

Builds the graph (with extraction), writes coauthors.html, topics.html and the ego network
(depth 2) of the author with most papers, then opens each page from file:// with the network
cut off and measures the time to ``window.KG_READY`` (first draw of the positioned network).
Target (issue 5): every page ready in under 10 s. Exit status 1 when a page misses it or
shows an error.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import kg
import kg.viz
from kg.viz.browser import CHROMIUM, check_pages

from corpus import corpus_inputs  # bench/corpus.py (scripts run as python bench/NAME.py)

TARGET_S = 10.0


def _busiest_author(G) -> str:  # noqa: ANN001 - a networkx graph
    P, _ = kg.viz.coauthor_network(G, top=1)
    return P.nodes[next(iter(P))]["name"]


def main(argv: list[str]) -> int:
    inputs = corpus_inputs(argv)
    if not inputs:
        return 0
    start = time.perf_counter()
    result = kg.build(inputs)
    print(f"graph: {result.graph.number_of_nodes():,} nodes, {result.graph.number_of_edges():,} edges "
          f"from {len(result.papers):,} papers in {time.perf_counter() - start:.1f} s")
    out = Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    G = result.graph
    writers = {
        "coauthors.html": lambda path: kg.viz.write_coauthor_html(G, path),
        "topics.html": lambda path: kg.viz.write_topic_html(G, path),
        "topics-categories.html": lambda path: kg.viz.write_topic_html(G, path, with_categories=True),
        "ego.html": lambda path: kg.viz.write_ego_html(G, path, _busiest_author(G), depth=2),
    }
    reports = {}
    for name, write in writers.items():
        start = time.perf_counter()
        reports[name] = write(out / name)
        size = (out / name).stat().st_size / 2**20
        print(f"{name}: written in {time.perf_counter() - start:.2f} s, {size:.1f} MiB; {reports[name].summary()}")
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: pages written to {out}, not opened")
        return 0
    failed = False
    for name, check in zip(writers, check_pages([out / name for name in writers])):
        ok = (check.ready_ms / 1000 < TARGET_S and not check.console_errors and not check.requests
              and check.node_count == reports[name].nodes)
        failed |= not ok
        print(f"{name}: ready {check.ready_ms / 1000:.2f} s after navigation ({check.wall_s:.2f} s wall), "
              f"{check.node_count:,} nodes, canvas stdev {check.canvas_stdev:.1f}, "
              f"errors {len(check.console_errors)}, requests {len(check.requests)} -> {'OK' if ok else 'FAIL'}")
    print(f"target: every page ready in < {TARGET_S:.0f} s: {'FAIL' if failed else 'OK'}  (pages in {out})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
