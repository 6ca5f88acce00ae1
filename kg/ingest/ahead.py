"""Read input files in forked worker processes, ahead of the caller (``kg build`` on several cores).

Reading a year of digests is about 8 s of one core, and loading the extractor another 3-4 s in
which no file is read: :class:`ReadAhead` starts the workers on every file the build will read
and returns at once, so the caller can load the extractor while they read. Each worker writes a
file's :class:`~kg.ingest.common.FileResult` pickled (the bytes the build cache stores, so a first
cached build does not pickle it again) into a private temporary folder and says so on its pipe;
:meth:`ReadAhead.read` hands the results out in the order queued, which is the order
:func:`kg.ingest.read_inputs` asks for them. A file's result is the one :func:`kg.ingest.read_file`
gives in this process (the workers call it), so the records are the same whatever the number of
workers.

Why plain processes and files, not a ``multiprocessing.Pool``: a Ctrl-C that lands while the
parent waits on a pool's result (or while the pool forks) can leave its handler threads holding
locks, and ``terminate()`` then never returns (it hung a CI run). Here the parent holds no thread
and no shared lock: it blocks only on reading a pipe, and stopping is SIGKILL and ``waitpid``.
Results go through files so that a worker never blocks on a full pipe: the workers run ahead of
the parent by as many files as they can read.

The workers are forked before the extractor is loaded: they hold the readers only, and each
ends when its files are read (or when :meth:`ReadAhead.close` is called, on error too).
"""
from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from typing import Any

from kg.ingest.common import FileResult

__all__ = ["ReadAhead", "MIN_FILES_PER_PROCESS"]

#: Fewer files than this per worker and forking costs more than it saves (and small builds, tests
#: among them, stay in one process).
MIN_FILES_PER_PROCESS = 16

Task = tuple[int, str, str, "dt.date | None"]


def _read_pickled(path: str, digest_id: str, date: dt.date | None) -> bytes:
    from kg.ingest import read_file

    return pickle.dumps(read_file(path, date=date, digest_id=digest_id), protocol=pickle.HIGHEST_PROTOCOL)


def _work(tasks: Sequence[Task], folder: str, conn: Any) -> None:
    """A worker: read ``tasks`` in order, each into ``folder/<index>``, and send the index when written.

    A file whose reading raises sends ``-1 - index``: the parent reads it again itself, so the
    error is raised (and reported) where it would be without workers.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group: the parent stops us
    for index, path, digest_id, date in tasks:
        try:
            blob = _read_pickled(path, digest_id, date)
        except Exception:  # noqa: BLE001 - the parent re-reads the file and reports it
            conn.send(-1 - index)
            continue
        part = os.path.join(folder, f"{index}.part")
        with open(part, "wb") as f:
            f.write(blob)
        os.rename(part, os.path.join(folder, str(index)))
        conn.send(index)
    conn.close()


class ReadAhead:
    """The files ``paths`` (``{path: Digest id}`` in ``ids``) being read by ``jobs`` forked workers.

    Use as a context manager; :meth:`read` is ``read(path, digest_id)`` as
    :func:`kg.ingest.read_inputs` calls it, for the queued paths in their order. Worker ``k`` reads
    the files ``k, k + jobs, ...`` of the queue, so the parent always knows whom to wait for.
    """

    def __init__(self, paths: Sequence[str], ids: dict[str, str], date: dt.date | None, jobs: int) -> None:
        import multiprocessing as mp

        self._date = date
        self._paths = list(paths)
        self._next = 0  # index in _paths of the next result to hand out
        self._workers: list[tuple[Any, Any]] = []  # (process, receiving end of its pipe)
        self._folder: str | None = None
        if not self._paths:
            return
        self._folder = tempfile.mkdtemp(prefix="kg-read-")
        tasks: list[Task] = [(i, path, ids[path], date) for i, path in enumerate(self._paths)]
        ctx = mp.get_context("fork")
        n = max(1, min(jobs, len(tasks)))
        try:
            for k in range(n):
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_work, args=(tasks[k::n], self._folder, send), daemon=True)
                self._workers.append((process, receive))
                process.start()
                send.close()  # the worker holds the only sending end: EOF when it ends
        except BaseException:
            self.close()
            raise

    @staticmethod
    def worth_it(n_files: int, jobs: int) -> bool:
        """Whether reading ``n_files`` in ``jobs`` workers pays for the fork (and the system can fork)."""
        import multiprocessing as mp

        return jobs > 1 and n_files >= MIN_FILES_PER_PROCESS * jobs and "fork" in mp.get_all_start_methods()

    def _wait(self, index: int) -> bytes | None:
        """The pickled result of queued file ``index`` from its worker; None to read it here."""
        _, receive = self._workers[index % len(self._workers)]
        try:
            done = receive.recv()
        except (EOFError, OSError):  # the worker died: its remaining files are read here
            return None
        if done != index:  # -1 - index: its reading raised
            return None
        assert self._folder is not None
        name = os.path.join(self._folder, str(index))
        with open(name, "rb") as f:
            blob = f.read()
        os.unlink(name)
        return blob

    def pickled(self, path: str, digest_id: str) -> bytes:
        """The pickled result of ``path``: the next queued file's, else read here.

        A file asked for but not queued (a cache entry found when the files were queued that then
        could not be read) is read in this process: the result never depends on the queue.
        """
        if self._next < len(self._paths) and self._paths[self._next] == path:
            blob = self._wait(self._next)
            self._next += 1
            if blob is not None:
                return blob
        return _read_pickled(path, digest_id, self._date)

    def read(self, path: str, digest_id: str) -> FileResult:
        """The result of the next queued file, which must be ``path``."""
        result: FileResult = pickle.loads(self.pickled(path, digest_id))
        return result

    def close(self) -> None:
        """Stop the workers (SIGKILL: they hold nothing worth saving) and remove their folder."""
        for process, receive in self._workers:
            if process.pid is not None and process.exitcode is None:
                process.kill()
            if process.pid is not None:
                process.join()
            receive.close()
        self._workers = []
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
