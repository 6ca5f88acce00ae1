"""State and output helpers shared by the CLI modules (global flags, errors, warnings)."""
from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.progress import SILENT, Progress, RichProgress, wants_progress
from kg.records import Problem

if TYPE_CHECKING:
    from kg.pipeline import BuildResult


@dataclass
class CliState:
    quiet: bool = False
    debug: bool = False


STATE = CliState()


def error(message: str) -> None:
    """Print one error line to stderr."""
    print(f"kg: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    """Print one warning line to stderr, unless ``--quiet``."""
    if not STATE.quiet:
        print(f"kg: warning: {message}", file=sys.stderr)


def info(message: str) -> None:
    """Print an informational line to stderr, unless ``--quiet``."""
    if not STATE.quiet:
        print(message, file=sys.stderr)


@contextlib.contextmanager
def progress() -> Iterator[Progress]:
    """A progress bar on a terminal; silent in CI, with ``--quiet`` or when piped."""
    if wants_progress(STATE.quiet):
        with RichProgress() as bar:
            yield bar
    else:
        yield SILENT


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
    """``kg.build`` as every command runs it: progress bar, warnings for bad input, ``--date`` parsed.

    ``jobs``: extraction processes (default: every available core); ``cache``: the build cache folder.
    """
    import kg.pipeline

    with progress() as bar:
        result = kg.pipeline.build(inputs, date=parse_date(date), extract=extract, n_process=jobs, cache=cache,
                                   progress=bar, on_problem=report_problem)
    if result.cache is not None:
        for why in result.cache.problems:
            warn(why)
    return result
