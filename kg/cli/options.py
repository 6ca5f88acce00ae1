"""State and helpers shared by the CLI modules: global flags, messages, ``.env``, the build every command runs."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.progress import SILENT, Progress, RichProgress, wants_progress
from kg.records import PaperExtraction, Problem, ReadReport
from kg.safetext import terminal_text

if TYPE_CHECKING:
    import networkx as nx

    from kg.pipeline import BuildResult
    from kg.store.neo4j import LoadReport, Neo4jSettings


@dataclass
class CliState:
    quiet: bool = False
    debug: bool = False
    #: What Ctrl-C leaves behind, said in the one line an interrupted command prints.
    interrupted: str = "interrupted"


STATE = CliState()


def error(message: str) -> None:
    """Print one error line to stderr (control characters from file names or papers escaped)."""
    print(f"kg: error: {terminal_text(message)}", file=sys.stderr)


def warn(message: str) -> None:
    """Print one warning line to stderr, unless ``--quiet``."""
    if not STATE.quiet:
        print(f"kg: warning: {terminal_text(message)}", file=sys.stderr)


def info(message: str) -> None:
    """Print an informational line to stderr, unless ``--quiet``."""
    if not STATE.quiet:
        print(terminal_text(message), file=sys.stderr)


@contextlib.contextmanager
def progress() -> Iterator[Progress]:
    """A progress bar on a terminal; silent in CI, with ``--quiet`` or when piped."""
    if wants_progress(STATE.quiet):
        with RichProgress() as bar:
            yield bar
    else:
        yield SILENT


@contextlib.contextmanager
def on_interrupt(message: str) -> Iterator[None]:
    """While the block runs, Ctrl-C prints ``kg: MESSAGE`` (say what was left behind).

    The message stays set when the block is left by an exception (that is when it is printed)
    and is restored when the block ends normally.
    """
    previous, STATE.interrupted = STATE.interrupted, message
    yield
    STATE.interrupted = previous


def load_env(path: str | os.PathLike[str] = ".env") -> dict[str, str]:
    """Read ``KEY=value`` settings from ``path`` (the current folder's ``.env``) into the environment.

    Variables already in the environment win (an ``export`` in the shell beats the file). The
    syntax is the one docker compose reads (python-dotenv: quotes, ``export``, comments, ``${VAR}``);
    a line that is not a setting is named in a warning and skipped. Returns what was set.
    """
    import io

    from dotenv import dotenv_values
    from dotenv.parser import parse_stream

    env = Path(path)
    try:
        text = env.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        warn(f"{env}: not read ({getattr(exc, 'strerror', None) or exc})")
        return {}
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            warn(f"{env}:{binding.original.line}: not a KEY=value setting, ignored")
    import logging

    logging.getLogger("dotenv.main").setLevel(logging.ERROR)  # the lines it cannot parse were named above
    values = {k: v for k, v in dotenv_values(stream=io.StringIO(text)).items() if v is not None and k not in os.environ}
    os.environ.update(values)
    return values


def parse_date(value: str | None, flag: str = "--date") -> dt.date | None:
    """A ``YYYY-MM-DD`` option value as a date (``None`` stays ``None``); a one-line error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KgError(f"{flag} must be YYYY-MM-DD, got {value!r}") from None


def report_problem(problem: Problem) -> None:
    """Print one input problem as a warning line (file:line: kind: message)."""
    warn(str(problem))


def build(inputs: Sequence[str], date: str | None, *, extract: bool = True, jobs: int | None = None,
          cache: "Path | None" = None) -> "BuildResult":
    """``kg.build`` as every command runs it: progress bars, warnings for bad input, ``--date`` parsed.

    ``jobs``: extraction processes (default: every available core); ``cache``: the build cache folder.
    """
    import kg.pipeline

    day = parse_date(date)
    with progress() as bar:
        result = kg.pipeline.build(inputs, date=day, extract=extract, n_process=jobs, cache=cache,
                                   progress=bar, on_problem=report_problem)
    if result.cache is not None:
        for why in result.cache.problems:
            warn(why)
    return result


def read_and_extract(inputs: Sequence[str], date: str | None, *, n_process: int | None = None) -> tuple[list[PaperExtraction], ReadReport]:
    """Read and merge the papers of ``inputs`` and extract them (``kg extract``, ``kg eval``), with bars;
    ``n_process``: extraction processes (default: every available core, as ``kg build``)."""
    import kg.pipeline

    day = parse_date(date)
    with progress() as bar:
        papers, _, report, _ = kg.pipeline.read_papers(inputs, date=day, progress=bar, on_problem=report_problem)
        return kg.pipeline.run_extraction(papers, n_process=n_process, progress=bar), report


def neo4j_settings(uri: str | None = None, user: str | None = None, database: str | None = None) -> "Neo4jSettings":
    """Neo4j connection settings, checked before any input is read (asks for the password on a terminal)."""
    from kg.store.neo4j import Neo4jSettings

    return Neo4jSettings.from_env(uri=uri, user=user, database=database)


def load_into_neo4j(graph: "nx.MultiDiGraph", settings: "Neo4jSettings", *, batch_size: int = 5000) -> "LoadReport":
    """Load ``graph`` with a progress bar; warns about each row that could not be written."""
    from kg.store.neo4j import Neo4jLoader

    note = "interrupted while loading into Neo4j: loading again completes it (loads are idempotent)"
    with on_interrupt(note), progress() as bar, Neo4jLoader(settings, batch_size=batch_size, progress=bar) as loader:
        report = loader.load(graph)
    for problem in report.problems:
        warn(problem)
    return report
