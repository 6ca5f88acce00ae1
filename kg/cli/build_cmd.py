"""``kg build``: the main job (read → merge → extract → graph → files)."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli import app, options
from kg.errors import KgError
from kg.safetext import terminal_text
from kg.cli.options import parse_date, report_problem  # noqa: F401  (kg extract imports them from here)


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
) -> None:
    """Build the knowledge graph from digests and write it, with a summary, under --out.

    Example: kg build examples/ --out out/
    """
    import kg

    result = options.build(inputs, date, extract=not no_extract)
    written = kg.write_outputs(result, out, neo4j_import=not no_import_files, html=not no_html, trends=not no_trends)
    summary = result.summary()
    print(_summary_text(summary, written))
    if neo4j:
        from kg.store.neo4j import load_from_env

        with options.progress() as bar:
            print(load_from_env(result.graph, progress=bar).summary())
    if strict and result.report.problems:
        raise KgError(f"{len(result.report.problems)} input problem(s) found (--strict)")


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
    lines += [f"toc: {m}" for m in summary["toc_mismatches"]]
    merges = summary["probable_author_merges"]
    if merges["authors"]:
        names = ", ".join(terminal_text(example["name"]) for example in merges["examples"][:5])
        lines.append(f"probable name merges: {merges['authors']} author key(s) probably stand for several people ({names}, ...)")
    lines += [f"wrote {name}: {path}" for name, path in written.items()]
    return "\n".join(lines)
