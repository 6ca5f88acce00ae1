"""``kg viz coauthors|topics|ego``: interactive HTML networks (thin over :mod:`kg.viz`)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS
from kg.cli.options import parse_date
from kg.safetext import terminal_text
from kg.viz import (
    COAUTHOR_MIN_PAPERS, DEFAULT_TOP, TOPIC_MIN_PAPERS, ProjectionReport, write_coauthor_html, write_ego_html,
    write_topic_html,
)

viz = typer.Typer(help="Interactive networks as self-contained HTML pages (work offline, from file://).",
                  no_args_is_help=True)
app.add_typer(viz, name="viz")


def min_papers_option(default: int, what: str) -> typer.models.OptionInfo:
    """``--min-papers`` with a per-command default (the page defaults live in :mod:`kg.viz`)."""
    return typer.Option(default, "--min-papers", min=1, help=f"Keep {what} with at least this many papers.")


MIN_WEIGHT = typer.Option(1, "--min-weight", min=1, help="Keep edges with at least this many joint papers / co-mentions.")
TOP = typer.Option(DEFAULT_TOP, "--top", min=0, help="At most this many nodes, busiest first (0: no cap).")
CATEGORY = typer.Option(None, "--category", help="Only papers in this category (cs.CL) or archive (cs).")
SINCE = typer.Option(None, "--since", help="Only papers first seen on or after this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only papers first seen on or before this date (YYYY-MM-DD).")
LARGEST = typer.Option(False, "--largest-component", help="Keep only the largest connected component.")
OVERLAY = typer.Option(False, "--overlay", help="Open coloured by mean first-seen date (VOSviewer's overlay view).")


def _graph(inputs: list[str], date: str | None, *, extract: bool = True) -> nx.MultiDiGraph:
    return options.build(inputs, date, extract=extract).graph


def done(report: ProjectionReport, out: Path) -> None:
    """Print the one-line result, the report's notes, and a warning for an empty picture."""
    print(f"wrote {out}: {report.summary()}")
    for note in report.notes:
        options.info(f"kg: note: {terminal_text(note)}")
    if report.nodes == 0:
        options.warn("the picture is empty: loosen --min-papers/--min-weight/--category/--since/--until")


def filters(min_papers: int, min_weight: int, top: int, category: str | None, since: str | None,
            until: str | None, largest_component: bool) -> dict[str, object]:
    """The projection keyword arguments of the shared options (``--top 0``: no cap)."""
    return {"min_papers": min_papers, "min_weight": min_weight, "top": top or None, "category": category,
            "since": parse_date(since, "--since"), "until": parse_date(until, "--until"), "largest_component": largest_component}


@viz.command("coauthors")
def coauthors_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("coauthors.html"), "--out", "-o", help="HTML file to write."),
    min_papers: int = min_papers_option(COAUTHOR_MIN_PAPERS, "authors"),
    min_weight: int = MIN_WEIGHT, top: int = TOP, category: str = CATEGORY,
    since: str = SINCE, until: str = UNTIL, largest_component: bool = LARGEST, date: str = DATE,
    one_paper_groups: bool = typer.Option(False, "--one-paper-groups",
                                          help="Keep groups whose authors share one paper and have no other."),
    overlay: bool = OVERLAY,
    no_extract: bool = typer.Option(False, "--no-extract", help="Skip method extraction (faster; no methods in tooltips)."),
) -> None:
    """Co-author network: authors sized by papers, coloured by community, edges by joint papers.

    By default authors with at least 2 papers, one-paper groups left out (counts in the subtitle).

    Example: kg viz coauthors examples/ --out coauthors.html --min-papers 1 --one-paper-groups
    """
    chosen = filters(min_papers, min_weight, top, category, since, until, largest_component)
    G = _graph(inputs, date, extract=not no_extract)
    done(write_coauthor_html(G, out, overlay=overlay, one_paper_groups=one_paper_groups, **chosen), out)


@viz.command("topics")
def topics_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("topics.html"), "--out", "-o", help="HTML file to write."),
    min_papers: int = min_papers_option(TOPIC_MIN_PAPERS, "methods"),
    min_weight: int = MIN_WEIGHT, top: int = TOP, category: str = CATEGORY,
    since: str = SINCE, until: str = UNTIL, largest_component: bool = LARGEST, date: str = DATE,
    with_categories: bool = typer.Option(False, "--with-categories", help="Add category nodes linked to their methods."),
    overlay: bool = OVERLAY,
) -> None:
    """Topic network: methods sized by papers, coloured by group, edges by association strength.

    By default methods mentioned by at least 2 papers (kg build's topics.html uses the same default).

    Example: kg viz topics examples/ --out topics.html --with-categories --overlay
    """
    chosen = filters(min_papers, min_weight, top, category, since, until, largest_component)
    G = _graph(inputs, date)
    done(write_topic_html(G, out, with_categories=with_categories, overlay=overlay, **chosen), out)


@viz.command("ego")
def ego_command(
    name: str = typer.Argument(..., help="Author or method: key, alias, or a close spelling."),
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("ego.html"), "--out", "-o", help="HTML file to write."),
    depth: int = typer.Option(1, "--depth", min=1, max=2, help="1: direct neighbours; 2: theirs too."),
    min_weight: int = MIN_WEIGHT, top: int = TOP, date: str = DATE, overlay: bool = OVERLAY,
) -> None:
    """Neighbourhood of one author (co-authors) or one method (co-mentioned methods).

    A name matched loosely is reported ("'Xipeng Qu' matched author 'Xipeng Qiu' ... by close spelling");
    an ambiguous one is an error listing the candidates.

    Example: kg viz ego LoRA examples/ --depth 2 --out lora.html
    """
    G = _graph(inputs, date)
    done(write_ego_html(G, out, name, depth, min_weight=min_weight, top=top or None, overlay=overlay), out)


from kg.cli import export_cmd  # noqa: E402,F401  (kg export gexf|vosviewer|edges|image)
