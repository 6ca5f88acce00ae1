"""``kg export gexf|vosviewer|edges|image``: the networks as files Gephi, VOSviewer and spreadsheets open,
and static pictures of any network page (thin over :mod:`kg.viz.exports` and :mod:`kg.viz.image`).

The subcommands join the ``export`` group that ``kg export neo4j-import`` (kg/cli/neo4j_cmd.py) created.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from kg.cli import options
from kg.cli.build_cmd import DATE, INPUTS
from kg.cli.neo4j_cmd import export_app
from kg.cli.viz_cmd import CATEGORY, LARGEST, MIN_WEIGHT, SINCE, UNTIL, filters
from kg.errors import KgError
from kg.viz import coauthor_network, topic_network, write_edge_lists, write_gexf, write_vosviewer

NETWORKS = ("coauthors", "topics")
NETWORK = typer.Option("all", "--network", help="coauthors, topics or all.")
OUT_DIR = typer.Option(Path("networks"), "--out", "-o", help="Folder for the files (created).")
MIN_PAPERS = typer.Option(1, "--min-papers", min=1, help="Keep nodes with at least this many papers (default: all).")
TOP = typer.Option(0, "--top", min=0, help="At most this many nodes per network, busiest first (default 0: no cap).")
WITH_CATEGORIES = typer.Option(False, "--with-categories", help="Topics: add category nodes linked to their methods.")
NO_EXTRACT = typer.Option(False, "--no-extract", help="Skip method extraction (co-authors only then).")


def _networks(choice: str) -> tuple[str, ...]:
    if choice == "all":
        return NETWORKS
    if choice not in NETWORKS:
        raise KgError(f"--network must be coauthors, topics or all, not {choice!r}")
    return (choice,)


def _export(write: Callable[[Any, Path], Any], suffix: str, inputs: list[str], out: Path, network: str,
            chosen: dict[str, Any], with_categories: bool, date: str | None, no_extract: bool) -> None:
    """Build once, project each network with the filters, write it with ``write(P, out/<name><suffix>)``."""
    names = _networks(network)
    if no_extract and "topics" in names:
        names = tuple(n for n in names if n != "topics")
        options.warn("--no-extract: no methods, so no topic network")
    G = options.build(inputs, date, extract=not no_extract).graph
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name == "coauthors":
            P, report = coauthor_network(G, **chosen)
        else:
            P, report = topic_network(G, with_categories=with_categories, **chosen)
        written = write(P, out / f"{name}{suffix}")
        paths = ", ".join(str(p) for p in (written if isinstance(written, tuple) else (written,)))
        print(f"wrote {paths}: {report.summary()}")


def _command(write: Callable[[Any, Path], Any], suffix: str, doc: str, name: str) -> None:
    def command(
        inputs: list[str] = INPUTS, out: Path = OUT_DIR, network: str = NETWORK, min_papers: int = MIN_PAPERS,
        min_weight: int = MIN_WEIGHT, top: int = TOP, category: str = CATEGORY, since: str = SINCE,
        until: str = UNTIL, largest_component: bool = LARGEST, with_categories: bool = WITH_CATEGORIES,
        date: str = DATE, no_extract: bool = NO_EXTRACT,
    ) -> None:
        chosen = filters(min_papers, min_weight, top, category, since, until, largest_component)
        _export(write, suffix, inputs, out, network, chosen, with_categories, date, no_extract)

    command.__doc__ = doc
    export_app.command(name)(command)


_command(write_gexf, ".gexf", """The co-author and topic networks as GEXF for Gephi (colours, sizes, positions, weights).

    Writes OUT/coauthors.gexf and OUT/topics.gexf; networkx.read_gexf reads them back. Every node by default.

    Example: kg export gexf examples/ --out out/networks
    """, "gexf")
_command(write_vosviewer, "", """VOSviewer map and network files of the co-author and topic networks (clusters, weights, scores).

    Writes OUT/coauthors_map.txt, OUT/coauthors_network.txt, OUT/topics_map.txt, OUT/topics_network.txt
    (columns: README "Networks"). In VOSviewer: Create map → based on network data → VOSviewer files.

    Example: kg export vosviewer examples/ --out out/vosviewer --min-papers 2
    """, "vosviewer")
_command(write_edge_lists, "", """Node and edge CSVs of the co-author and topic networks (for spreadsheets, pandas, R).

    Writes OUT/coauthors_nodes.csv, OUT/coauthors_edges.csv, OUT/topics_nodes.csv, OUT/topics_edges.csv.

    Example: kg export edges examples/ --out out/edges
    """, "edges")


@export_app.command("image")
def image_command(
    page: Path = typer.Argument(..., help="A network page written by kg viz or kg build (.html)."),
    out: Path = typer.Option(..., "--out", "-o", help="The picture: .svg or .png."),
    width: int = typer.Option(1600, "--width", min=200, help="Width of the network area in pixels (the legend is added)."),
    height: int = typer.Option(1000, "--height", min=200, help="Window height in pixels."),
    scale: float = typer.Option(2.0, "--scale", min=0.5, max=6.0, help="PNG pixels per page pixel."),
) -> None:
    """A static SVG or PNG of a network page, labels and legend included (for papers and slides).

    Drawn by the page itself in headless Chromium (KG_CHROMIUM or /usr/bin/chromium), as the page's
    own Save SVG / Save PNG buttons do.

    Example: kg export image out/topics.html --out topics.svg
    """
    from kg.viz.image import export_image

    written = export_image(page, out, width=width, height=height, scale=scale)
    print(f"wrote {written} ({written.stat().st_size:,} bytes)")
