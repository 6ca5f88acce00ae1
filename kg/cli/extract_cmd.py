"""``kg extract``: methods, datasets and code links of each paper (JSON lines or a table)."""
from __future__ import annotations

import json

import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS, parse_date, report_problem
from kg.errors import InputError


@app.command("extract")
def extract_command(
    inputs: list[str] = INPUTS,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per paper: id, methods, datasets, repos."),
    date: str = DATE,
    n_process: int = typer.Option(1, "--processes", "-j", min=1, help="Worker processes for spaCy."),
) -> None:
    """Find the named methods, datasets and code links of every paper in INPUTS.

    Example: kg extract digests/ --jsonl > methods.jsonl
    """
    from kg.extract import extract_papers
    from kg.extract.output import extraction_json, table_row
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    with options.progress() as bar:
        read = read_inputs(inputs, date=parse_date(date), progress=bar, on_problem=report_problem)
    papers = merge_records(read.records).papers
    if not papers:
        raise InputError(f"no papers could be read from {' '.join(inputs)}")
    with options.progress() as bar:
        extractions = extract_papers(papers, n_process=n_process, progress=bar)
    for e in extractions:
        print(json.dumps(extraction_json(e), ensure_ascii=False) if jsonl else table_row(e))
    skipped = read.report.skipped_by_kind()
    if skipped:
        options.warn("skipped: " + ", ".join(f"{n} {kind}" for kind, n in skipped.items()))
    options.info(f"{len(papers)} papers")


@app.command("eval")
def eval_command(
    gold: str = typer.Argument(..., help="Gold file: one JSON object per paper (id, methods, optional)."),
    inputs: list[str] = INPUTS,
    show: bool = typer.Option(False, "--show", help="List every false positive and false negative."),
) -> None:
    """Precision, recall and F1 of method extraction against a gold file.

    Example: kg eval tests/fixtures/eval/gold-methods-dev.jsonl tests/fixtures/eval/papers
    """
    from kg.extract.evaluate import evaluate, extract_inputs

    result = evaluate(gold, extract_inputs(inputs))
    if show:
        for pid, name in result.false_positives:
            print(f"FP {pid} {name}")
        for pid, name in result.false_negatives:
            print(f"FN {pid} {name}")
    print(result.line())
    if result.missing:
        options.warn(f"{len(result.missing)} gold papers are not in the inputs: {' '.join(result.missing[:5])}")
