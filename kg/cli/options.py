"""State and output helpers shared by the CLI modules (global flags, errors, warnings)."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from kg.progress import SILENT, Progress, RichProgress, wants_progress


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
