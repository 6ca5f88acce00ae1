"""``kg trends``: rising, emerging, bursting and long-term methods as CSV, markdown and PNG charts."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS


def _check_window(value: str) -> str:
    """Reject a malformed --window before any input is read (a usage error: exit 2)."""
    from kg.trends import AUTO, parse_window

    if value.strip().lower() != AUTO:
        try:
            parse_window(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


def _check_compare(value: str) -> str:
    if value not in ("previous", "year"):
        raise typer.BadParameter(f"must be 'previous' or 'year', not {value!r}")
    return value


@app.command("trends")
def trends_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("out/trends"), "--out", "-o", help="Output folder."),
    window: str = typer.Option("auto", "--window", "-w", callback=_check_window,
                               help="Length of the recent window and the one before it, whole weeks: 4w, 14d, or auto"
                                    " (half the data's span, 1 to 4 weeks)."),
    compare: str = typer.Option("previous", "--compare", callback=_check_compare,
                                help="Compare the recent window with the 'previous' one or with the same weeks a 'year' before."),
    min_support: int = typer.Option(5, "--min-support", min=1,
                                    help="Rising methods need this many papers in the two windows together."),
    min_papers: int = typer.Option(2, "--min-papers", min=1,
                                   help="Emerging methods need this many uptake papers (not proposing it) in the recent window."),
    lookback: int = typer.Option(90, "--lookback", min=0,
                                 help="Days of data wanted before the recent window for 'emerging' (a warning when fewer)."),
    prior: float = typer.Option(500.0, "--prior", min=0.0, help="Rising score: strength of the prior, in pseudo-papers."),
    top: int = typer.Option(10, "--top", min=1, help="Rows per table in trends.md."),
    gamma: float = typer.Option(1.0, "--gamma", min=0.0, help="Burst detection: cost of entering a burst (x ln days)."),
    s: float = typer.Option(2.0, "--burst-rate", min=1.01, help="Burst detection: burst rate as a multiple of the base rate."),
    min_duration: int = typer.Option(2, "--min-duration", min=1, help="Burst detection: shortest burst, in days with papers."),
    date: str = DATE,
) -> None:
    """Write trends.md, the CSV tables (with q-values) and the charts under --out.

    Example: kg trends examples/ --out out/trends --window 1w --min-support 2
    """
    from kg.trends import write_trends
    from kg.trends.report import SIGNIFICANT

    result = options.build(inputs, date)
    report = write_trends(result.graph, out, window=window, compare=compare,  # type: ignore[arg-type]
                          min_support=min_support, min_papers=min_papers, top=top, prior=prior, s=s, gamma=gamma,
                          min_duration=min_duration, lookback=lookback)
    for note in report.notes:
        options.warn(note)
    if report.windows is not None:
        print(f"windows: {report.windows.describe()}")
    print(f"papers: {report.papers} ({report.month_only} month-only, {report.undated} undated)")

    def found(table, family: int) -> str:  # noqa: ANN001
        sig = int((table["q"] < SIGNIFICANT).sum()) if len(table) else 0
        return f"{len(table)} listed, {sig} with q < {SIGNIFICANT} of {family} tested"

    if report.windows is None:
        print("rising, emerging: no paper has a first-listed day")
    elif report.empty_window:
        win = report.windows
        lo, hi = (win.prev_start, win.prev_end) if report.empty_window == "previous" else (win.recent_start, win.end)
        print(f"rising: the {report.empty_window} window ({lo} .. {hi}) is empty: nothing to compare")
    else:
        print(f"rising: {found(report.rising, int(report.rising.attrs.get('tested', 0)))}")
    if report.windows is not None:
        new = report.emerging[report.emerging["known"] == ""] if len(report.emerging) else report.emerging
        print(f"emerging: {found(new, int(report.emerging.attrs.get('family', 0)))}")
    print(f"bursts: {found(report.bursts, int(report.bursts.attrs.get('examined', 0)))}")
    for name, path in report.files.items():
        print(f"wrote {name}: {path}")
