"""Where a cached ``kg build`` spends its time: the +1 day case, stage by stage, in one process.

Usage:
    python bench/daily_stages.py CORPUS --out DIR [--cache DIR] [--jobs N]

Runs what ``kg build CORPUS --out DIR`` runs (the build key of :mod:`kg.reuse`, reading through the
build cache, merging, extraction, the corpus link step, the graph, then each writer), but the
writers one after the other in this process (``kg build`` runs half of them in a forked child), so
each gets its own wall and CPU time. Build DIR once from the corpus without its latest day
(``kg build``), add the day, then run this: the table is the +1 day re-run's. The files are
written into a scratch folder, not DIR: run it again on the same state as often as needed.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path


class Clock:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []

    def run(self, name: str, fn, *args, **kwargs):  # noqa: ANN001, ANN201
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn(*args, **kwargs)
        self.rows.append((name, time.perf_counter() - wall, time.process_time() - cpu))
        return value


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    clock = Clock()
    import kg.pipeline
    from kg import reuse
    from kg.cache import default_cache_dir
    from kg.graph import gc_paused

    clock.rows.append(("import kg", time.perf_counter() - start, time.process_time()))
    cache = args.cache or default_cache_dir(args.out)
    options = {"extract": True, "html": True, "trends": True, "neo4j_import": True}
    clock.run("build key", reuse.build_key, [args.corpus], None, options)
    with gc_paused():
        result = clock.run("build (read..graph)", kg.pipeline.build, [args.corpus], n_process=args.jobs, cache=cache)
        kg.pipeline.freeze_heap()
    for name, seconds in result.timings.items():
        clock.rows.append((f"  {name}", seconds, float("nan")))
    print(result.cache, file=sys.stderr)
    G = result.graph
    from kg.export import write_graphml, write_node_link, write_summary
    from kg.store.csv_bulk import export_neo4j_import
    from kg.trends import write_trends
    from kg.viz import write_coauthor_html, write_topic_html

    scratch = Path(tempfile.mkdtemp(prefix="kg-daily-stages-"))
    try:
        clock.run("graphml", write_graphml, G, scratch / "graph.graphml")
        clock.run("node-link", write_node_link, G, scratch / "graph.json")
        clock.run("summary", lambda: write_summary(result.summary(), scratch / "summary.json"))
        clock.run("neo4j-csv", export_neo4j_import, G, scratch / "neo4j-import")
        clock.run("coauthors.html", write_coauthor_html, G, scratch / "coauthors.html")
        clock.run("topics.html", write_topic_html, G, scratch / "topics.html")
        clock.run("trends", write_trends, G, scratch / "trends")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    total = time.perf_counter() - start
    print(f"{'stage':<22}{'wall s':>8}{'CPU s':>8}")
    for name, wall, cpu in clock.rows:
        print(f"{name:<22}{wall:>8.2f}{cpu:>8.2f}")
    print(f"{'total (writers serial)':<22}{total:>8.2f}")
    print(json.dumps({"papers": len(result.papers), "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
