"""The main job as one library call: read → merge → extract → graph (and the file sinks).

``kg build`` is a thin wrapper around :func:`build` and :func:`write_outputs`;
notebooks call the same functions.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import InputError
from kg.graph import build_graph, count_by_label, count_by_type, gc_paused
from kg.interrupts import ctrl_c_held
from kg.namesakes import merge_summary
from kg.progress import SILENT, Progress, phase
from kg.records import Digest, Paper, PaperExtraction, Problem, ReadReport

if TYPE_CHECKING:
    from kg.frames import Frames

__all__ = ["BuildResult", "available_cores", "build", "freeze_heap", "load_extractor", "read_papers", "run_extraction",
           "trim_heap"]

#: Fewer papers than this per extraction process and forking costs more than it saves.
MIN_PAPERS_PER_PROCESS = 500
#: From this many edges on, the writers run in two processes (:func:`write_outputs`); below, a fork costs more than it saves.
FORK_WRITERS_FROM_EDGES = 50_000


def available_cores() -> int:
    """The CPUs this process may run on (its affinity mask, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def freeze_heap() -> None:
    """Move every object alive now out of the garbage collector's reach (``gc.freeze``), then :func:`trim_heap`.

    After the build, the graph and its records are hundreds of thousands of objects that live
    until the process ends; without this every full collection during the writers walks them
    all, finding nothing. For a process that ends after writing (``kg build``): in a notebook,
    frozen objects in reference cycles are never collected.
    """
    import gc

    gc.freeze()
    trim_heap()  # what the build freed (records dropped by the merge, the extraction's temporaries, ~70 MB a year)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows): nothing to trim with
        return None


def trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; elsewhere nothing happens).

    glibc keeps what a stage freed (pickled cache entries, a writer's tables) mapped for later
    allocations: the process's RSS stays at its high-water mark, and the next stage's peak adds to
    it. A forked writer also starts from its parent's RSS. Cheap (tens of ms on a year's heap).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@dataclass(slots=True)
class BuildResult:
    """Everything one build produced: the graph and the records it was made from."""

    graph: nx.MultiDiGraph
    papers: list[Paper]
    digests: list[Digest]
    extractions: list[PaperExtraction]
    report: ReadReport
    duplicates: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    cache: Any = None  # kg.cache.CacheStats when the build used a cache

    def summary(self) -> dict[str, Any]:
        """Counts per node label and edge type, date range, files read, records skipped (JSON-ready)."""
        dated = [p for p in self.papers if p.first_seen and p.date_precision == "day"]
        days = [p.first_seen for p in dated] + [p.last_seen for p in dated]
        month_only = sum(1 for p in self.papers if p.first_seen and p.date_precision == "month")
        return {
            "papers": len(self.papers),
            "records_read": self.report.records_read,
            "duplicates_merged": self.duplicates,
            "nodes": count_by_label(self.graph),
            "edges": count_by_type(self.graph),
            "date_range": [min(days).isoformat(), max(days).isoformat()] if days else None,  # day-precision papers
            "month_only_papers": month_only,
            "undated_papers": sum(1 for p in self.papers if p.first_seen is None),
            "files_read": len(self.report.files_read),
            "files": list(self.report.files_read),
            "skipped": self.report.skipped_by_kind(),
            "problems": [str(p) for p in self.report.problems],
            "toc_mismatches": list(self.report.toc_mismatches),
            "probable_author_merges": merge_summary(self.graph),  # several people under one name (kg.namesakes)
        }

    def frames(self) -> "Frames":
        """The graph as pandas DataFrames: papers, authors, methods, ... and each relationship (:func:`kg.frames`)."""
        from kg.frames import frames

        return frames(self.graph)


def read_papers(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: dt.date | None = None,
    progress: Progress = SILENT,
    on_problem: Callable[[Problem], None] | None = None,
    read: Callable[[str, str], Any] | None = None,
) -> tuple[list[Paper], list[Digest], ReadReport, int]:
    """Read and merge: ``(papers, digests, report, duplicates)``; ``read`` as in :func:`kg.ingest.read_inputs`.

    Raises:
        InputError: when no paper could be read from any input.
    """
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    result = read_inputs([str(i) for i in inputs], date=date, progress=progress, on_problem=on_problem, read=read)
    merged = merge_records(result.records)
    if not merged.papers:
        problems = result.report.problems
        if problems and all(p.kind == "missing-input" for p in problems):  # say what each input was: "the folder is empty"
            reasons = "; ".join(p.message for p in problems[:5])
        else:
            reasons = "; ".join(f"{k}: {n}" for k, n in result.report.skipped_by_kind().items()) or "no input files found"
        raise InputError(f"no papers could be read from {', '.join(map(str, inputs)) or 'the inputs'} ({reasons})")
    return merged.papers, result.digests, result.report, merged.duplicates


def load_extractor(progress: Progress = SILENT) -> Any:
    """The packaged spaCy pipeline (:func:`kg.extract.load_pipeline`), loaded as a phase on ``progress``.

    Importing spaCy and building the pipeline take seconds before the first paper: reported as a phase
    so a terminal never sits blank, and with Ctrl-C held (:func:`kg.interrupts.ctrl_c_held`) so that a
    library's bare ``except:`` cannot swallow it.
    """
    with phase(progress, "loading the extractor"), ctrl_c_held():
        from kg.extract import load_pipeline

        return load_pipeline()


def run_extraction(
    papers: Sequence[Paper],
    *,
    nlp: Any = None,
    n_process: int | None = None,
    progress: Progress = SILENT,
    link: bool = True,
) -> list[PaperExtraction]:
    """Methods, datasets and code links of every paper (:func:`kg.extract.extract_papers`).

    ``n_process``: at most this many processes (default: :func:`available_cores`), and one per
    :data:`MIN_PAPERS_PER_PROCESS` papers; the result is the same whatever the number.
    ``link=False`` leaves the corpus link step to the caller (the build links cached and new papers together).
    """
    if nlp is None:
        nlp = load_extractor(progress)
    from kg.extract import extract_papers

    most = available_cores() if n_process is None else max(1, n_process)
    n = min(most, max(1, len(papers) // MIN_PAPERS_PER_PROCESS))
    return extract_papers(papers, nlp=nlp, n_process=n, progress=progress, link=link)


def build(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: dt.date | None = None,
    extract: bool = True,
    nlp: Any = None,
    n_process: int | None = None,
    cache: str | os.PathLike[str] | None = None,
    progress: Progress = SILENT,
    on_problem: Callable[[Problem], None] | None = None,
    link: bool = True,
) -> BuildResult:
    """Read every input, merge papers, extract methods/datasets/code links and build the graph.

    Args:
        inputs: files, directories, globs (``.gz`` accepted) in any supported format.
        date: the digest date for files whose name carries none.
        extract: run the spaCy extractor (``False`` gives papers, authors, categories, digests only).
        nlp: a pipeline from :func:`kg.extract.load_pipeline` to reuse (loaded once when ``None``).
        n_process: extraction processes (default: :func:`available_cores`; one when there are
            fewer than :data:`MIN_PAPERS_PER_PROCESS` papers per process). The result is the
            same whatever the number.
        cache: a folder for the build cache (:mod:`kg.cache`): unchanged files are not read
            again nor unchanged papers extracted again. The result is the same as without.
        progress: a :class:`kg.progress.Progress` (the CLI passes a bar).
        on_problem: called with each input problem as it is found (the CLI prints a warning).
        link: let the papers of the input inform each other (:func:`kg.extract.corpus.link_corpus`:
            a definition in one paper names the bare form in another; weak phrases need several
            papers). ``False`` links each paper on its own, so the graph of several days is exactly
            the union of the days' graphs (what loading day by day into Neo4j composes).

    Returns:
        A :class:`BuildResult` (``timings``: seconds per stage; ``cache``: what the cache gave).
    """
    import time

    from kg.cache import BuildCache

    inputs = list(inputs)  # expanded twice: for the read-ahead workers, then by the readers
    jobs = available_cores() if n_process is None else max(1, n_process)
    store = BuildCache(cache) if cache is not None else None
    timings: dict[str, float] = {}
    # The heap only grows until the graph is built: collections would walk it again and again for nothing.
    with gc_paused(), (store or contextlib.nullcontext()):
        start = time.perf_counter()
        with _reading(inputs, date, store, jobs) as (read, ahead):  # the read-ahead workers end with the reading
            if ahead and extract and nlp is None:  # while the workers read
                nlp = load_extractor(progress)
            papers, digests, report, duplicates = read_papers(inputs, date=date, progress=progress, on_problem=on_problem,
                                                              read=read)
        timings["read_merge"] = time.perf_counter() - start
        extractions: Sequence[PaperExtraction] = ()
        if extract:
            start = time.perf_counter()
            if nlp is None:
                nlp = load_extractor(progress)

            def run(todo: list[Paper]) -> list[PaperExtraction]:
                return run_extraction(todo, nlp=nlp, n_process=jobs, progress=progress, link=False)

            from kg.extract.corpus import link_corpus
            from kg.extract.pipeline import _data_dir
            from kg.extract.gazetteer import load_gazetteer

            # the cache keeps per-paper records; the corpus link step sees cached and new papers together
            raw = store.extract(papers, nlp, run) if store is not None else run(papers)
            gaz = load_gazetteer(_data_dir(nlp))
            extractions = link_corpus(raw, gaz) if link else [e for r in raw for e in link_corpus([r], gaz)]
            timings["extract"] = time.perf_counter() - start
        if store is not None:  # before the graph: the pickled new entries (300 MB on a first year) are gone by its peak
            store.save()
            trim_heap()  # ... and their pages too, else the graph is built on top of them (1.73 -> 1.50 GB)
        start = time.perf_counter()
        graph = build_graph(papers, digests, extractions)
        timings["graph"] = time.perf_counter() - start
    return BuildResult(graph, papers, digests, list(extractions), report, duplicates, timings,
                       store.stats if store is not None else None)


@contextlib.contextmanager
def _reading(inputs: Iterable[str | os.PathLike[str]], date: dt.date | None, store: Any,
             jobs: int) -> Iterator[tuple[Callable[[str, str], Any] | None, bool]]:
    """``(read, ahead)``: how the build reads each file (for :func:`read_papers`), and whether workers do.

    Files not in the cache ``store`` are read by forked workers (:class:`kg.ingest.ahead.ReadAhead`)
    when there are enough of them for ``jobs`` processes; ``ahead`` says so, and the caller can
    load the extractor meanwhile. The workers are stopped on leaving.
    """
    from kg.ingest import read_file
    from kg.ingest.ahead import ReadAhead
    from kg.ingest.files import digest_ids, expand_inputs

    files, _ = expand_inputs([os.fspath(i) for i in inputs])  # the files read_inputs will ask for, in its order
    ids = digest_ids(files)
    todo = store.unread(files, ids, date) if store is not None else files
    if not ReadAhead.worth_it(len(todo), jobs):
        yield (store.reader(read_file, date) if store is not None else None), False
        return
    with ReadAhead(todo, ids, date, jobs) as ahead:
        yield (store.reader(read_file, date, ahead.pickled) if store is not None else ahead.read), True


def write_outputs(
    result: BuildResult,
    out_dir: str | os.PathLike[str],
    *,
    neo4j_import: bool = True,
    html: bool = True,
    trends: bool = True,
    jobs: int | None = None,
) -> dict[str, Path]:
    """Write everything ``kg build`` produces under ``out_dir``, as a whole; returns ``{what: path}``.

    Always: ``graph.graphml``, ``graph.json`` (node-link) and ``summary.json``.
    Then, as asked: ``neo4j-import/`` (bulk-import CSVs), ``coauthors.html`` and
    ``topics.html`` (interactive networks), ``trends/`` (tables and charts).

    Everything is written into a fresh folder beside ``out_dir`` and swapped in at the end
    (:class:`kg.outdir.OutputFolder`): interrupted, ``out_dir`` keeps the previous build; a
    concurrent build into the same folder raises :class:`kg.outdir.OutputBusy`; files in
    ``out_dir`` that a build does not write are kept.

    ``jobs``: processes to write with (default: :func:`available_cores`; more than one and a large
    graph: half of the writers run in a forked child). The files are the same whatever the number.
    """
    from kg.outdir import OutputFolder

    folder = OutputFolder(out_dir)
    with folder.replace() as staging:
        written = _write_all(result, staging, neo4j_import=neo4j_import, html=html, trends=trends,
                             jobs=available_cores() if jobs is None else jobs)
    final = Path(out_dir)
    return {what: final / path.relative_to(staging) for what, path in written.items()}


def _write_all(result: BuildResult, out: Path, *, neo4j_import: bool, html: bool, trends: bool, jobs: int) -> dict[str, Path]:
    """Every writer, half of them in a forked child when there is a second core (:mod:`kg.forked`).

    The halves are about even on a year of digests (wall s on an idle machine, round 8): the co-author
    page 3, GraphML 5.7, node-link JSON 2.6 and the summary 0.5 here; trends 5.1, the topic page 1.3 and
    the Neo4j CSVs 5.2 in the child (with the CSVs here the parent ran 14.4 s to the child's 9).
    Each writer writes its own files from the same graph, so the bytes do not depend on where or in
    which order it ran.

    Peak memory: both processes start from the build's heap (1.39 GB on a year), and a writer's
    temporaries come on top of what the writers before it left mapped. So the two with the largest
    (trends: 135 MB, the co-author page: 130 MB) run first, one in each process, and the heap is
    trimmed after each writer (:func:`trim_heap`); the others stream and add little.
    """
    from kg.export import write_graphml, write_node_link, write_summary
    from kg.forked import run_beside

    G = result.graph
    written = {"graphml": out / "graph.graphml", "node-link": out / "graph.json", "summary": out / "summary.json"}
    here: list[Callable[[], object]] = [lambda: write_graphml(G, written["graphml"]),
                                        lambda: write_node_link(G, written["node-link"]),
                                        lambda: write_summary(result.summary(), written["summary"])]
    there: list[Callable[[], object]] = []
    if neo4j_import:
        from kg.store.csv_bulk import export_neo4j_import

        written["neo4j-import"] = out / "neo4j-import"
        there.append(lambda: export_neo4j_import(G, written["neo4j-import"]))
    if html:
        from kg.viz import write_coauthor_html, write_topic_html

        written["coauthors"], written["topics"] = out / "coauthors.html", out / "topics.html"
        here.insert(0, lambda: write_coauthor_html(G, written["coauthors"]))
        there.append(lambda: write_topic_html(G, written["topics"]))  # the same defaults as kg viz (kg.viz.pages)
    if trends:
        from kg.trends import write_trends

        written["trends"] = out / "trends"
        there.insert(0, lambda: write_trends(G, written["trends"]))
    # A small graph is written before a fork would pay for itself (and tests stay in one process).
    run_beside([_trimmed(task) for task in here], [_trimmed(task) for task in there],
               fork=jobs > 1 and G.number_of_edges() >= FORK_WRITERS_FROM_EDGES)
    return written


def _trimmed(task: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        task()
        trim_heap()

    return run
