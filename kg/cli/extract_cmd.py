"""``kg extract``: methods, datasets and code links of each paper (JSON lines or a table); ``kg eval``."""
from __future__ import annotations

import json

import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS


@app.command("extract")
def extract_command(
    inputs: list[str] = INPUTS,
    jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object per paper: id, methods, summary_methods, datasets, repos."),
    date: str = DATE,
    n_process: int = typer.Option(None, "--jobs", "--processes", "-j", min=1,
                                  help="Extraction processes (default: every available core; the output is the same whatever the number)."),
) -> None:
    """Find the named methods, datasets and code links of every paper in INPUTS.

    Example: kg extract digests/ --jsonl > methods.jsonl
    """
    from kg.extract.output import extraction_json, table_row

    extractions, report = options.read_and_extract(inputs, date, n_process=n_process)
    for e in extractions:
        print(json.dumps(extraction_json(e), ensure_ascii=False) if jsonl else table_row(e))
    skipped = report.skipped_by_kind()
    if skipped:
        options.warn("skipped: " + ", ".join(f"{n} {kind}" for kind, n in skipped.items()))
    options.info(f"{len(extractions)} papers")


@app.command("eval")
def eval_command(
    gold: str = typer.Argument(..., help="Gold file: one JSON object per paper (id, methods, optional)."),
    inputs: list[str] = INPUTS,
    show: bool = typer.Option(False, "--show", help="List every false positive and false negative."),
) -> None:
    """Precision, recall and F1 of method extraction against a gold file.

    Example: kg eval tests/fixtures/eval/gold-methods-dev.jsonl tests/fixtures/eval/papers
    """
    from kg.extract.evaluate import evaluate, load_gold

    gold_papers = load_gold(gold)  # a missing or malformed gold file fails before any input is read
    extractions, _ = options.read_and_extract(inputs, None)
    result = evaluate(gold_papers, extractions)
    if show:
        for pid, name in result.false_positives:
            print(f"FP {pid} {name}")
        for pid, name in result.false_negatives:
            print(f"FN {pid} {name}")
    print(result.line())
    if result.missing:
        options.warn(f"{len(result.missing)} gold papers are not in the inputs: {' '.join(result.missing[:5])}")
