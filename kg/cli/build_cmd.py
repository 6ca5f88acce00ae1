"""``kg build``: the main job (read → merge → extract → graph → files)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from kg.cli import app, options
from kg.errors import KgError
from kg.outdir import OutputFolder
from kg.safetext import terminal_text


INPUTS = typer.Argument(..., help="Digest files or folders (markdown, JSONL, Atom XML, arXiv snapshot; globs and .gz accepted).")
DATE = typer.Option(None, "--date", help="Digest date (YYYY-MM-DD) for files whose name carries none.")


@app.command("build")
def build_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    date: str = DATE,
    no_extract: bool = typer.Option(False, "--no-extract", help="Skip method/dataset extraction."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write coauthors.html / topics.html."),
    no_trends: bool = typer.Option(False, "--no-trends", help="Do not write the trends/ report."),
    no_import_files: bool = typer.Option(False, "--no-import-files", help="Do not write neo4j-import/ CSVs."),
    neo4j: bool = typer.Option(False, "--neo4j", help="Also load the graph into Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input problem was found."),
    jobs: int = typer.Option(None, "--jobs", "-j", min=1, help="Processes for extraction and for writing (default: every available core)."),
    cache: Path = typer.Option(None, "--cache", help="Build cache folder (default: .OUT.kg-cache beside --out)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read and extract everything again; leave the cache alone."),
) -> None:
    """Build the knowledge graph from digests and write it, with a summary, under --out.

    Example: kg build examples/ --out out/
    """
    from kg.cache import default_cache_dir

    settings = options.neo4j_settings() if neo4j else None  # before any input is read
    cache_dir = None if no_cache else (cache or default_cache_dir(out))
    folder = f"{str(out).rstrip('/')}/"
    # Locked from the start, so a second build into the same --out fails before reading anything;
    # written into a folder beside it and swapped in at the end (kg.outdir): stopped at any point,
    # --out holds the previous complete build.
    with OutputFolder(out), options.on_interrupt(f"interrupted; {folder} left as it was"):
        # Nothing changed since the last build into --out (a day without a new digest): it is kept (kg.reuse).
        # Not with --neo4j, which needs the graph itself.
        key = kept = result = None
        if cache_dir is not None:
            from kg import reuse

            key = reuse.build_key(inputs, options.parse_date(date), {
                "extract": not no_extract, "html": not no_html, "trends": not no_trends,
                "neo4j_import": not no_import_files}, cache_dir)
            kept = reuse.unchanged(cache_dir, out, key) if not neo4j else None
        if kept is not None:
            summary, written = kept
            for problem in summary["problems"]:  # the warnings the last build gave, in the same words
                options.warn(problem)
            options.info(f"cache: nothing changed since the last build; {folder} kept as it is")
        else:
            summary, written, result = _build_and_write(inputs, out, date, jobs, cache_dir, no_extract=no_extract,
                                                        no_html=no_html, no_trends=no_trends,
                                                        no_import_files=no_import_files)
            if cache_dir is not None:
                reuse.record(cache_dir, out, key, written)
    print(_summary_text(summary, written))
    if settings is not None:
        print(options.load_into_neo4j(result.graph, settings).summary())
    if strict and summary["problems"]:
        raise KgError(f"{len(summary['problems'])} input problem(s) found (--strict)")


def _build_and_write(inputs: list[str], out: Path, date: str | None, jobs: int | None, cache_dir: Path | None, *,
                     no_extract: bool, no_html: bool, no_trends: bool, no_import_files: bool):  # noqa: ANN202
    """Build and write ``--out``: ``(summary, written, result)``."""
    import kg
    from kg.graph import gc_paused
    from kg.progress import phase

    # The graph lives until the process ends: frozen before the collector is back on, so that no
    # collection ever walks it (re-enabled first, the next allocations trigger collections of
    # every object the build made, about 1-2 s on a year of digests, for nothing).
    with gc_paused():
        result = options.build(inputs, date, extract=not no_extract, jobs=jobs, cache=cache_dir)
        # Nothing after the build reads the extraction records (the graph holds what they found) nor
        # the extractor: freed before the heap is trimmed and the writers fork, their 1.1M objects
        # and the pipeline's C memory (a year: -70 MB of RSS) are not carried to both writers' peaks.
        result.extractions.clear()
        if not no_extract:
            from kg.extract.pipeline import unload_pipelines

            unload_pipelines()
        kg.pipeline.freeze_heap()
    if result.cache is not None:
        options.info(str(result.cache))
    folder = f"{str(out).rstrip('/')}/"
    with options.progress() as bar, phase(bar, f"writing {folder}"):
        written = kg.write_outputs(result, out, neo4j_import=not no_import_files, html=not no_html,
                                   trends=not no_trends, jobs=jobs)
    # As written (summary.json): made again it would cost a walk of the graph (and a reused --out prints it too)
    summary = json.loads(written["summary"].read_text(encoding="utf-8"))
    return summary, written, result


def _summary_text(summary: dict, written: dict[str, Path]) -> str:
    nodes = ", ".join(f"{k} {v}" for k, v in summary["nodes"].items())
    edges = ", ".join(f"{k} {v}" for k, v in summary["edges"].items())
    skipped = ", ".join(f"{k} {v}" for k, v in summary["skipped"].items()) or "none"
    lines = [
        f"read {summary['records_read']} entries from {summary['files_read']} file(s): "
        f"{summary['papers']} papers ({summary['duplicates_merged']} duplicate listings merged)",
        f"dates: {' .. '.join(summary['date_range']) if summary['date_range'] else 'unknown'}"
        f" ({summary['month_only_papers']} papers known only to the month, {summary['undated_papers']} undated)",
        f"nodes: {nodes}",
        f"edges: {edges}",
        f"skipped: {skipped}",
    ]
    lines += [f"toc: {terminal_text(m)}" for m in summary["toc_mismatches"]]
    merges = summary["probable_author_merges"]
    if merges["authors"]:
        names = ", ".join(terminal_text(example["name"]) for example in merges["examples"][:5])
        lines.append(f"probable name merges: {merges['authors']} author key(s) probably stand for several people ({names}, ...)")
    lines += [f"wrote {name}: {terminal_text(path)}" for name, path in written.items()]
    return "\n".join(lines)
