"""``kg trends``: rising, emerging and bursting methods as CSV, markdown and PNG charts."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS
from kg.errors import KgError


@app.command("trends")
def trends_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("out/trends"), "--out", "-o", help="Output folder."),
    window: str = typer.Option("auto", "--window", "-w", help="Length of the recent window and the one before it: 4w, 14d, or auto (half the data's span, at most 4w)."),
    min_support: int = typer.Option(3, "--min-support", min=0, help="Rising methods need this many papers in the recent window."),
    min_papers: int = typer.Option(2, "--min-papers", min=1, help="Emerging methods need this many papers in the recent window."),
    top: int = typer.Option(10, "--top", min=1, help="Rows per table in trends.md."),
    gamma: float = typer.Option(1.0, "--gamma", min=0.0, help="Burst detection: cost of entering a burst (x ln days)."),
    s: float = typer.Option(2.0, "--burst-rate", min=1.01, help="Burst detection: burst rate as a multiple of the base rate."),
    min_duration: int = typer.Option(1, "--min-duration", min=1, help="Burst detection: shortest burst, in days with papers."),
    date: str = DATE,
) -> None:
    """Write trends.csv, trends.md, rising.png and categories.png under --out.

    Example: kg trends examples/ --out out/trends --window 1w --min-support 2
    """
    from kg.trends import parse_window, write_trends

    if window.strip().lower() != "auto":
        try:
            parse_window(window)
        except ValueError as exc:
            raise KgError(f"--window: {exc}") from None
    result = options.build(inputs, date)
    report = write_trends(result.graph, out, window=window, min_support=min_support, min_papers=min_papers,
                          top=top, s=s, gamma=gamma, min_duration=min_duration)
    for note in report.notes:
        options.warn(note)
    if report.windows is not None:
        print(f"windows: {report.windows.describe()}")
    print(f"papers: {report.papers} ({report.month_only} month-only, {report.undated} undated); "
          f"rising {len(report.rising)}, emerging {len(report.emerging)}, bursts {len(report.bursts)}")
    for name, path in report.files.items():
        print(f"wrote {name}: {path}")
