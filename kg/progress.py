"""Progress reporting that library code can use without knowing about terminals.

Library functions take an optional ``progress`` argument (a :class:`Progress`);
the CLI passes a rich progress bar when stderr is a terminal, and :data:`SILENT`
otherwise (CI, ``--quiet``, notebooks that do not ask for one).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol, TypeVar

T = TypeVar("T")


class Progress(Protocol):
    """Wraps an iterable and reports how far it got."""

    def track(self, items: Iterable[T], *, total: int | None = None, description: str = "", unit: str = "items") -> Iterator[T]: ...


class _Silent:
    def track(self, items: Iterable[T], *, total: int | None = None, description: str = "", unit: str = "items") -> Iterator[T]:
        yield from items


SILENT: Progress = _Silent()


class RichProgress(AbstractContextManager["RichProgress"]):
    """A rich progress bar on stderr showing count, rate (``unit``/s) and time."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as _P, TaskProgressColumn, TextColumn, TimeElapsedColumn

        self._progress = _P(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )

    def __enter__(self) -> "RichProgress":
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def track(self, items: Iterable[T], *, total: int | None = None, description: str = "", unit: str = "items") -> Iterator[T]:
        if total is None and hasattr(items, "__len__"):
            total = len(items)  # type: ignore[arg-type]
        task = self._progress.add_task(description, total=total, rate="")
        try:
            for item in items:
                yield item
                t = self._progress.tasks[task]
                speed = t.speed
                self._progress.update(task, advance=1, rate=f"{speed:,.0f} {unit}/s" if speed else "")
        finally:
            self._progress.remove_task(task)


def wants_progress(quiet: bool = False) -> bool:
    """True when a progress bar helps: a terminal on stderr, not quiet, not in CI."""
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()
