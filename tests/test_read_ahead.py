"""kg.ingest.ahead.ReadAhead: forked readers that never change a result and always stop."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from kg.ingest import read_file
from kg.ingest.ahead import ReadAhead
from tests.conftest import EXAMPLES

FILES = [str(p) for p in sorted((EXAMPLES / "digests").glob("*.md"))]


def _ids() -> dict[str, str]:
    return {path: f"d/{os.path.basename(path)}" for path in FILES}


def test_results_are_read_files_in_queue_order():
    with ReadAhead(FILES, _ids(), None, 2) as ahead:
        results = [ahead.read(path, _ids()[path]) for path in FILES]
    assert results == [read_file(path, digest_id=_ids()[path]) for path in FILES]


def test_a_killed_worker_s_files_are_read_in_the_caller():
    with ReadAhead(FILES, _ids(), None, 2) as ahead:
        process, _ = ahead._workers[1]
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        results = [ahead.read(path, _ids()[path]) for path in FILES]
    assert results == [read_file(path, digest_id=_ids()[path]) for path in FILES]


def test_a_file_not_queued_is_read_here_and_the_queue_goes_on():
    queued = FILES[1:]
    with ReadAhead(queued, _ids(), None, 2) as ahead:
        first = ahead.read(FILES[0], _ids()[FILES[0]])
        rest = [ahead.read(path, _ids()[path]) for path in queued]
    assert [first, *rest] == [read_file(path, digest_id=_ids()[path]) for path in FILES]


def test_ctrl_c_while_waiting_stops_every_worker_and_removes_their_folder(monkeypatch):
    import kg.ingest.ahead as ahead_module

    real = ahead_module._read_pickled

    def slow(path, digest_id, date):  # the workers' reading takes long: the caller waits on them
        time.sleep(30)
        return real(path, digest_id, date)

    monkeypatch.setattr(ahead_module, "_read_pickled", slow)
    ahead = ReadAhead(FILES, _ids(), None, 2)
    workers = [process for process, _ in ahead._workers]
    folder = ahead._folder
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), ahead:
        ahead.read(FILES[0], _ids()[FILES[0]])
    assert time.monotonic() - started < 10
    assert all(process.exitcode is not None for process in workers)
    assert folder is not None and not os.path.exists(folder)
