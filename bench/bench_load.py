"""Benchmark: loading the largest corpus into a real Neo4j 5 (the test server of tests/neo4j/server).

Usage:
    tests/neo4j/server start          # or point NEO4J_URI / NEO4J_PASSWORD at a scratch server
    python bench/bench_load.py [--batch-size 1000 5000 ...] [--ref GITREF] [--no-bulk] [--json FILE] [CORPUS ...]

Default corpus: ../shared/corpus (every dialect, winter/ included). It EMPTIES the database it is pointed at.

Measures, in one run (machines are noisy: compare inside a run):
* ``kg load`` (batched UNWIND/MERGE) of everything but the last day, per batch size: rows/s (all rows sent,
  nodes + relationships + derived pairs) and seconds per statement;
* the daily incremental load: one more day (the last digest) on top: seconds (goal <= 10 s);
* the bulk import: ``kg export neo4j-import`` + ``neo4j-admin database import full`` (run by
  ``tests/neo4j/server admin``) into a scratch NEO4J_HOME: rows/s (nodes + relationships written).
With ``--ref GITREF`` (e.g. ``main``) the same graph is also loaded, right after, by the loader of that commit
(``git archive`` into a temporary folder, run in a subprocess on the same server): before and after in one run.
Goals (issue 13): >= 50,000 rows/s for kg load, one more day in <= 10 s. Building the graph is not timed here
(bench_build.py / bench_extract.py measure it).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus import corpus_inputs  # noqa: E402  (bench/corpus.py; scripts run as python bench/NAME.py)

TEST_SERVER = ROOT / "tests" / "neo4j" / "server"
TEST_SERVER_ENV = ROOT / "tests" / "neo4j" / "target" / "run" / "default" / "env"


def _settings():
    from kg.store.neo4j import Neo4jSettings

    if not os.environ.get("NEO4J_URI") and TEST_SERVER_ENV.is_file():
        for line in TEST_SERVER_ENV.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            os.environ.setdefault(key, value)
    if not os.environ.get("NEO4J_URI"):
        sys.exit("no Neo4j: start tests/neo4j/server or set NEO4J_URI and NEO4J_PASSWORD")
    return Neo4jSettings.from_env()


def _wipe(settings) -> None:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        with driver.session(database=settings.database) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _days(inputs: list[str]) -> tuple[list[Path], Path]:
    """Every input file, and the last dated digest (the "one more day")."""
    files = sorted({p for i in inputs for p in ([Path(i)] if Path(i).is_file() else Path(i).rglob("*")) if p.is_file()
                    and p.suffix in (".md", ".jsonl", ".json", ".txt", ".gz", ".xml")})
    dated = sorted((m.group(0), p) for p in files if (m := re.search(r"\d{4}-\d{2}-\d{2}", p.name)) and p.suffix == ".md")
    last = dated[-1][1]
    return [p for p in files if p != last], last


def _load(settings, G, batch_size: int) -> dict:
    from kg.store.neo4j import Neo4jLoader

    with Neo4jLoader(settings, batch_size=batch_size) as loader:
        report = loader.load(G)
    return {"rows": report.total_rows, "seconds": round(report.seconds, 2),
            "rows_per_s": round(report.total_rows / report.seconds), "problems": report.problems,
            "step_seconds": {k: round(v, 2) for k, v in report.step_seconds.items()},
            "nodes_created": report.nodes_created, "relationships_created": report.relationships_created}


#: Run in a subprocess inside another commit's tree: load the pickled graphs with that commit's loader.
_REF_LOADER = """
import json, pickle, sys
from kg.store.neo4j import Neo4jLoader, Neo4jSettings
graphs = pickle.load(open(sys.argv[1], "rb"))
out = []
for G in graphs:
    with Neo4jLoader(Neo4jSettings.from_env(), batch_size=int(sys.argv[2])) as loader:
        r = loader.load(G)
    out.append({"rows": r.total_rows, "seconds": round(r.seconds, 2), "rows_per_s": round(r.total_rows / r.seconds),
                "problems": r.problems, "step_seconds": {k: round(v, 2) for k, v in r.step_seconds.items()}})
print(json.dumps(out))
"""


def _load_with_ref(tree: Path, graphs_pickle: Path, batch_size: int) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", _REF_LOADER, str(graphs_pickle), str(batch_size)], cwd=tree, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the loader of the reference commit failed: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _bulk(G) -> dict:
    from kg.store.csv_bulk import export_neo4j_import

    with tempfile.TemporaryDirectory(prefix="kg-bench-import-") as work:
        start = time.perf_counter()
        report = export_neo4j_import(G, Path(work) / "csv")
        t_export = time.perf_counter() - start
        env = {**os.environ, "NEO4J_HOME": f"{work}/home", "NEO4J_ADMIN": f"{TEST_SERVER} admin",
               "NEO4J_IMPORT_REPORT": f"{work}/import.report"}
        start = time.perf_counter()
        done = subprocess.run(["sh", f"{work}/csv/import.sh"], env=env, capture_output=True, text=True)
        t_import = time.perf_counter() - start
        if done.returncode:
            return {"error": (done.stdout + done.stderr)[-1500:]}
        rows = sum(report.nodes.values()) + sum(report.relationships.values())
        took = re.search(r"IMPORT DONE in ([^.\n]+)", done.stdout)
        return {"rows": rows, "export_seconds": round(t_export, 2), "import_seconds": round(t_import, 2),
                "rows_per_s_import": round(rows / t_import), "rows_per_s_export_and_import": round(rows / (t_export + t_import)),
                "neo4j_admin_says": took.group(1) if took else ""}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--batch-size", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--ref", help="also load with the loader of this git commit (before/after in one run)")
    ap.add_argument("--no-bulk", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    inputs = corpus_inputs(args.inputs)
    if not inputs:
        return 0
    import kg
    from kg.graph import count_by_label, count_by_type

    settings = _settings()
    try:
        import neo4j_rust_ext  # noqa: F401
        rust = True
    except ImportError:
        rust = False
    files, last = _days(inputs)
    start = time.perf_counter()
    G = kg.build(files).graph
    G_day = kg.build([last]).graph
    results: dict = {"files": len(files), "one_more_day": last.name, "neo4j_rust_ext": rust,
                     "build_seconds": round(time.perf_counter() - start, 1),
                     "nodes": sum(count_by_label(G).values()), "relationships": sum(count_by_type(G).values()),
                     "kg_load": {}, "one_more_day_load": {}}
    print(f"graph: {results['nodes']:,} nodes, {results['relationships']:,} relationships from {len(files)} files "
          f"(built in {results['build_seconds']} s); neo4j-rust-ext: {rust}", flush=True)
    ref_work = tempfile.TemporaryDirectory(prefix="kg-bench-ref-") if args.ref else None
    if ref_work is not None:
        import pickle

        tree = Path(ref_work.name) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        graphs_pickle = Path(ref_work.name) / "graphs.pickle"
        graphs_pickle.write_bytes(pickle.dumps((G, G_day)))
        results["ref"] = args.ref
        results["ref_kg_load"], results["ref_one_more_day_load"] = {}, {}
    for size in args.batch_size:
        runs = [("this tree", None)] + ([(f"--ref {args.ref}", "ref")] if ref_work is not None else [])
        for label, which in runs:
            _wipe(settings)
            if which is None:
                full, day = _load(settings, G, size), _load(settings, G_day, size)
                results["kg_load"][size], results["one_more_day_load"][size] = full, day
            else:
                full, day = _load_with_ref(tree, graphs_pickle, size)
                results["ref_kg_load"][size], results["ref_one_more_day_load"][size] = full, day
            print(f"{label}: kg load, batch {size}: {full['rows']:,} rows in {full['seconds']} s = "
                  f"{full['rows_per_s']:,} rows/s; one more day ({last.name}): {day['rows']:,} rows in {day['seconds']} s",
                  flush=True)
            print(f"  slowest statements: {sorted(full['step_seconds'].items(), key=lambda kv: -kv[1])[:4]}", flush=True)
    if ref_work is not None:
        ref_work.cleanup()
    if not args.no_bulk:
        results["bulk_import"] = bulk = _bulk(G)
        print(f"bulk import: {bulk}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
