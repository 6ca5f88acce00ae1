"""Progress reporting that library code can use without knowing about terminals.

Library functions take an optional ``progress`` argument (a :class:`Progress`);
the CLI passes a rich progress bar when stderr is a terminal, and :data:`SILENT`
otherwise (CI, ``--quiet``, notebooks that do not ask for one).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
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
    """A rich progress bar on stderr showing count, rate (``unit``/s) and time.

    Several bars may run one after another (read, then extract, then write) or nested;
    each ``track`` call adds its own task and removes it when the iterable is exhausted.
    """

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress as _P, TaskProgressColumn, TextColumn, TimeElapsedColumn

        self._progress = _P(
            TextColumn("{task.description}"),
            BarColumn(),  # pulses while the total is unknown (a phase)
            _count_column(),
            TaskProgressColumn(),
            _rate_column(),
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
        # The rate is rendered by a column from the task itself: rich's ``tasks`` is a list, not a
        # map from task id, so looking a task up there broke the second bar of every run.
        task = self._progress.add_task(description, total=total, unit=unit)
        self._progress.refresh()  # drawn at once: a step shorter than one auto-refresh is still seen
        try:
            for item in items:
                yield item
                self._progress.advance(task)
        finally:
            # the last count drawn before the bar goes: a loop shorter than one auto-refresh (103 papers take
            # about 70 ms) otherwise only ever shows its first frame, 0/N
            self._progress.refresh()
            self._progress.remove_task(task)


def phase(progress: Progress, description: str) -> AbstractContextManager[None]:
    """Report one step that has nothing to count (loading a model, writing files) on ``progress``.

    On a terminal it is a pulsing bar with the time so far, so a long step never looks like a hang::

        with phase(progress, "loading the extractor"):
            nlp = load_pipeline()
    """
    return _phase(progress, description)


@contextmanager
def _phase(progress: Progress, description: str) -> Iterator[None]:
    # One item of unknown total: the bar appears when the item is taken and goes when the loop ends.
    steps = progress.track(iter((None,)), total=None, description=description, unit="steps")
    next(steps)
    try:
        yield
    except BaseException:
        steps.close()
        raise
    next(steps, None)


def _count_column():  # type: ignore[no-untyped-def]
    from rich.progress import MofNCompleteColumn
    from rich.text import Text

    class CountColumn(MofNCompleteColumn):
        """``12/619``, or nothing for a phase (nothing to count)."""

        def render(self, task):  # type: ignore[no-untyped-def]
            return super().render(task) if task.total is not None else Text("")

    return CountColumn()


def _rate_column():  # type: ignore[no-untyped-def]
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """``1,234 papers/s`` from rich's own speed estimate (blank until it has one)."""

        def render(self, task):  # type: ignore[no-untyped-def]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} {task.fields.get('unit', 'items')}/s" if speed else "")

    return RateColumn()


def wants_progress(quiet: bool = False) -> bool:
    """True when a progress bar helps: a terminal on stderr, not quiet, not in CI."""
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()
