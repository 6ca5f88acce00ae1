"""Where the daily re-run of ``kg build`` spends its time: one cached build, stage by stage.

Usage:
    python bench/bench_daily.py CORPUS --out OUT [--cache DIR] [--jobs N] [--json FILE]

Runs what ``kg build CORPUS --out OUT`` runs, in this process, with the build cache (default:
the one ``kg build`` uses beside ``--out``), and prints wall, CPU, peak RSS and GC seconds of
each stage: loading the extractor, read+merge, extraction, graph, then every writer. Run it
after a ``kg build`` of the corpus without its latest day (``bench/bench_year.py`` does that
end to end; this script says where the seconds of the +1 day run go).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_year import _Meter  # noqa: E402  (the same meter as the year benchmark)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    meter = _Meter()
    import importlib

    kg = meter.run("import", importlib.import_module, "kg")
    from kg.cache import default_cache_dir

    out, cache = args.out, args.cache or default_cache_dir(args.out)
    result = meter.run("build", kg.build, [args.corpus], n_process=args.jobs, cache=cache)
    kg.pipeline.freeze_heap()
    # The writers kg.write_outputs calls, one by one (as bench_year's stage run calls them).
    from kg.export import write_graphml, write_node_link, write_summary
    from kg.store.csv_bulk import export_neo4j_import
    from kg.trends import write_trends
    from kg.viz import write_coauthor_html, write_topic_html

    out.mkdir(parents=True, exist_ok=True)
    G = result.graph
    meter.run("graphml", write_graphml, G, out / "graph.graphml")
    meter.run("node-link", write_node_link, G, out / "graph.json")
    meter.run("summary", lambda: write_summary(result.summary(), out / "summary.json"))
    meter.run("neo4j-csv", export_neo4j_import, G, out / "neo4j-import")
    meter.run("coauthors", write_coauthor_html, G, out / "coauthors.html")
    meter.run("topics", write_topic_html, G, out / "topics.html")
    meter.run("trends", write_trends, G, out / "trends")
    rows = meter.rows
    build = next(r for r in rows if r["stage"] == "build")
    print(f"{result.cache}; build timings: " + ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items()))
    print(f"{'stage':<14}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}{'gc s':>7}")
    for r in rows:
        print(f"{r['stage']:<14}{r['wall']:>8.2f}{r['cpu']:>8.2f}{r['peak_mib']:>10,.0f}{r['gc']:>7.2f}")
    print(f"{'total':<14}{time.perf_counter() - start:>8.2f} (build {build['wall']:.2f})")
    if args.json:
        args.json.write_text(json.dumps({"stages": rows, "timings": result.timings, "cache": str(result.cache)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
