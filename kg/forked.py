"""Run some writers in a forked child while this process runs the others (``kg build``'s two cores).

The writers of a build only read the graph and each writes its own files, so they can run side by
side. A forked child shares the parent's memory pages (the graph is not copied, nor pickled), and
after :func:`kg.pipeline.freeze_heap` its collector does not touch them; only the pages whose
reference counts it changes are copied. Threads would not help: the writers are pure Python.

The child reports failure through a pipe (the traceback's text) and ends with ``os._exit``: it runs
no ``finally`` block, ``atexit`` hook or context manager of the parent (the ``--out`` lock, the
staging folder) and flushes none of its buffers. Ctrl-C reaches both processes (same process group);
either way the parent kills and reaps the child before raising, so nothing keeps writing into a
staging folder that is being removed.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence

__all__ = ["ChildFailed", "can_fork", "run_beside"]


class ChildFailed(RuntimeError):
    """A task run in the forked child raised; the message holds the child's traceback."""


def can_fork() -> bool:
    """Whether :func:`run_beside` can really run tasks in a second process here (POSIX ``fork``)."""
    return hasattr(os, "fork") and sys.platform != "win32"


def run_beside(here: Sequence[Callable[[], object]], there: Sequence[Callable[[], object]], *, fork: bool = True) -> None:
    """Run the ``here`` tasks in this process and the ``there`` tasks in a forked child, both in order.

    Returns when both are done. With ``fork=False`` (or no ``fork`` on this system) every task
    runs here, ``there`` after ``here``: the same work, one process.

    Raises:
        ChildFailed: a ``there`` task raised in the child (after the ``here`` tasks finished).
        Whatever a ``here`` task raised (the child is killed first).
    """
    if not (fork and there and can_fork()):
        for task in (*here, *there):
            task()
        return
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        with contextlib.suppress(Exception):
            stream.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        status = 0
        try:
            for task in there:
                task()
        except BaseException:  # noqa: BLE001  (Ctrl-C included: the parent decides what to say)
            status = 1
            with contextlib.suppress(Exception):
                os.write(write_end, traceback.format_exc().encode("utf-8", "replace"))
        finally:
            os._exit(status)  # noqa: B012  (no cleanup of the parent's state may run in the child)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        try:
            for task in here:
                task()
            message = pipe.read().decode("utf-8", "replace")  # until EOF: the child has ended
        except BaseException:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            _reap(pid)
            raise
    status = _reap(pid)
    if status != 0:
        raise ChildFailed(message.strip() or f"the writer process ended with status {status}")


def _reap(pid: int) -> int:
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:
            return 0
        except InterruptedError:
            continue
        return os.waitstatus_to_exitcode(status)
