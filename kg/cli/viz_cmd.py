"""``kg viz coauthors|topics|ego``: interactive HTML networks (thin over :mod:`kg.viz`)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import typer

from kg.cli import app, options
from kg.cli.build_cmd import DATE, INPUTS
from kg.cli.options import parse_date
from kg.viz import DEFAULT_TOP, ProjectionReport, write_coauthor_html, write_ego_html, write_topic_html

viz = typer.Typer(help="Interactive networks as self-contained HTML pages (work offline, from file://).",
                  no_args_is_help=True)
app.add_typer(viz, name="viz")

MIN_PAPERS = typer.Option(1, "--min-papers", min=1, help="Keep nodes with at least this many papers.")
MIN_WEIGHT = typer.Option(1, "--min-weight", min=1, help="Keep edges with at least this many joint papers / co-mentions.")
TOP = typer.Option(DEFAULT_TOP, "--top", min=0, help="At most this many nodes, busiest first (0: no cap).")
CATEGORY = typer.Option(None, "--category", help="Only papers in this category (cs.CL) or archive (cs).")
SINCE = typer.Option(None, "--since", help="Only papers first seen on or after this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only papers first seen on or before this date (YYYY-MM-DD).")
LARGEST = typer.Option(False, "--largest-component", help="Keep only the largest connected component.")


def _graph(inputs: list[str], date: str | None, *, extract: bool = True) -> nx.MultiDiGraph:
    return options.build(inputs, date, extract=extract).graph


def _done(report: ProjectionReport, out: Path) -> None:
    print(f"wrote {out}: {report.summary()}")
    if report.nodes == 0:
        options.warn("the picture is empty: loosen --min-papers/--min-weight/--category/--since/--until")


def _filters(min_papers: int, min_weight: int, top: int, category: str | None, since: str | None,
             until: str | None, largest_component: bool) -> dict[str, object]:
    return {"min_papers": min_papers, "min_weight": min_weight, "top": top or None, "category": category,
            "since": parse_date(since, "--since"), "until": parse_date(until, "--until"), "largest_component": largest_component}


@viz.command("coauthors")
def coauthors_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("coauthors.html"), "--out", "-o", help="HTML file to write."),
    min_papers: int = MIN_PAPERS, min_weight: int = MIN_WEIGHT, top: int = TOP, category: str = CATEGORY,
    since: str = SINCE, until: str = UNTIL, largest_component: bool = LARGEST, date: str = DATE,
    no_extract: bool = typer.Option(False, "--no-extract", help="Skip method extraction (faster; no methods in tooltips)."),
) -> None:
    """Co-author network: authors sized by papers, coloured by community, edges by joint papers.

    Example: kg viz coauthors examples/ --out coauthors.html --min-papers 2
    """
    filters = _filters(min_papers, min_weight, top, category, since, until, largest_component)
    G = _graph(inputs, date, extract=not no_extract)
    _done(write_coauthor_html(G, out, **filters), out)


@viz.command("topics")
def topics_command(
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("topics.html"), "--out", "-o", help="HTML file to write."),
    min_papers: int = MIN_PAPERS, min_weight: int = MIN_WEIGHT, top: int = TOP, category: str = CATEGORY,
    since: str = SINCE, until: str = UNTIL, largest_component: bool = LARGEST, date: str = DATE,
    with_categories: bool = typer.Option(False, "--with-categories", help="Add category nodes linked to their methods."),
) -> None:
    """Topic network: methods sized by papers, coloured by group, edges by association strength.

    Example: kg viz topics examples/ --out topics.html --with-categories
    """
    filters = _filters(min_papers, min_weight, top, category, since, until, largest_component)
    G = _graph(inputs, date)
    _done(write_topic_html(G, out, with_categories=with_categories, **filters), out)


@viz.command("ego")
def ego_command(
    name: str = typer.Argument(..., help="Author or method: key, alias, or a close spelling."),
    inputs: list[str] = INPUTS,
    out: Path = typer.Option(Path("ego.html"), "--out", "-o", help="HTML file to write."),
    depth: int = typer.Option(1, "--depth", min=1, max=2, help="1: direct neighbours; 2: theirs too."),
    min_weight: int = MIN_WEIGHT, top: int = TOP, date: str = DATE,
) -> None:
    """Neighbourhood of one author (co-authors) or one method (co-mentioned methods).

    Example: kg viz ego LoRA examples/ --depth 2 --out lora.html
    """
    G = _graph(inputs, date)
    _done(write_ego_html(G, out, name, depth, min_weight=min_weight, top=top or None), out)
