"""Read input files in forked worker processes, ahead of the caller (``kg build`` on several cores).

Reading a year of digests is about 8 s of one core, and loading the extractor another 3-4 s in
which no file is read: :class:`ReadAhead` starts the workers on every file the build will read
and returns at once, so the caller can load the extractor while they read. Each worker sends
back a file's :class:`~kg.ingest.common.FileResult` pickled (the bytes the build cache stores,
so a first cached build does not pickle it again); :meth:`ReadAhead.read` hands them out in the
order queued, which is the order :func:`kg.ingest.read_inputs` asks for them. A file's result is the one
:func:`kg.ingest.read_file` gives in this process (the workers call it), so the records are the
same whatever the number of workers.

The workers are forked before the extractor is loaded: they hold the readers only, and each
ends when the files are read (or when :meth:`ReadAhead.close` is called, on error too).
"""
from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterator, Sequence
from typing import Any

from kg.ingest.common import FileResult

__all__ = ["ReadAhead", "MIN_FILES_PER_PROCESS"]

#: Fewer files than this per worker and forking costs more than it saves (and small builds, tests
#: among them, stay in one process).
MIN_FILES_PER_PROCESS = 16


def _read_pickled(task: tuple[str, str, dt.date | None]) -> tuple[str, bytes]:
    from kg.ingest import read_file

    path, digest_id, date = task
    return path, pickle.dumps(read_file(path, date=date, digest_id=digest_id), protocol=pickle.HIGHEST_PROTOCOL)


def _ignore_ctrl_c() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so once.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ReadAhead:
    """The files ``paths`` (``{path: Digest id}`` in ``ids``) being read by ``jobs`` forked workers.

    Use as a context manager; :meth:`read` is ``read(path, digest_id)`` as
    :func:`kg.ingest.read_inputs` calls it, for the queued paths in their order.
    """

    def __init__(self, paths: Sequence[str], ids: dict[str, str], date: dt.date | None, jobs: int) -> None:
        import multiprocessing as mp

        self._pool = None
        self._date = date
        self._results: Iterator[tuple[str, bytes]] = iter(())
        self._next: tuple[str, bytes] | None = None
        tasks = [(path, ids[path], date) for path in paths]
        if tasks:
            self._pool = mp.get_context("fork").Pool(jobs, initializer=_ignore_ctrl_c)
            self._results = self._pool.imap(_read_pickled, tasks)

    @staticmethod
    def worth_it(n_files: int, jobs: int) -> bool:
        """Whether reading ``n_files`` in ``jobs`` workers pays for the fork (and the system can fork)."""
        import multiprocessing as mp

        return jobs > 1 and n_files >= MIN_FILES_PER_PROCESS * jobs and "fork" in mp.get_all_start_methods()

    def pickled(self, path: str, digest_id: str) -> bytes:
        """The pickled result of ``path``: the next queued file's, else read here.

        A file asked for but not queued (a cache entry found when the files were queued that then
        could not be read) is read in this process: the result never depends on the queue.
        """
        if self._next is None:
            self._next = next(self._results, None)
        if self._next is not None and self._next[0] == path:
            blob, self._next = self._next[1], None
            return blob
        return _read_pickled((path, digest_id, self._date))[1]

    def read(self, path: str, digest_id: str) -> FileResult:
        """The result of the next queued file, which must be ``path``."""
        result: FileResult = pickle.loads(self.pickled(path, digest_id))
        return result

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
