"""Writers in a forked child: the same files as in one process, failures and Ctrl-C reported, nothing left running."""
import os
import time

import pytest

import kg
import kg.pipeline
from kg.forked import ChildFailed, can_fork, run_beside
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs os.fork")


def files(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_tasks_run_in_both_processes_and_in_order(tmp_path):
    log_here, log_there = tmp_path / "here", tmp_path / "there"

    def note(path, text):
        return lambda: path.open("a").write(f"{text} {os.getpid()}\n")

    run_beside([note(log_here, "a"), note(log_here, "b")], [note(log_there, "c"), note(log_there, "d")])
    here, there = log_here.read_text().split(), log_there.read_text().split()
    assert here[0::2] == ["a", "b"] and there[0::2] == ["c", "d"]
    assert set(here[1::2]) == {str(os.getpid())} and str(os.getpid()) not in there[1::2]


def test_a_failure_in_the_child_is_raised_with_its_traceback():
    def broken():
        raise ValueError("the child's own message")

    with pytest.raises(ChildFailed, match="the child's own message"):
        run_beside([lambda: None], [broken])


def test_a_failure_here_kills_the_child_first(tmp_path):
    pid_file = tmp_path / "pid"

    def slow():
        # written whole, then renamed: the parent must never see the file empty (it then kills us at once)
        (tmp_path / "pid.part").write_text(str(os.getpid()))
        os.replace(tmp_path / "pid.part", pid_file)
        time.sleep(60)

    def broken():
        while not pid_file.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_beside([broken], [slow])
    assert time.monotonic() - started < 30
    with pytest.raises(ProcessLookupError):  # killed and reaped: no such process any more
        os.kill(int(pid_file.read_text()), 0)


def test_without_fork_every_task_runs_here_in_order():
    order = []
    run_beside([lambda: order.append(1)], [lambda: order.append(2)], fork=False)
    assert order == [1, 2]


def test_forked_writers_write_the_same_bytes_as_one_process(tmp_path, monkeypatch):
    result = kg.build([EXAMPLES / "digests"], n_process=1)
    kg.write_outputs(result, tmp_path / "one", jobs=1)
    monkeypatch.setattr(kg.pipeline, "FORK_WRITERS_FROM_EDGES", 0)  # fork even for the examples' small graph
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    written = kg.write_outputs(result, tmp_path / "two", jobs=2)
    assert forks == [1]
    assert files(tmp_path / "one") == files(tmp_path / "two") != {}
    assert list(written) == ["graphml", "node-link", "summary", "neo4j-import", "coauthors", "topics", "trends"]
    assert all(path.exists() and tmp_path / "two" in path.parents for path in written.values())


def test_a_writer_failing_in_the_child_leaves_the_previous_output(tmp_path, monkeypatch):
    result = kg.build([EXAMPLES / "digests"], extract=False)
    out = tmp_path / "out"
    kg.write_outputs(result, out, jobs=1)
    before = files(out)
    monkeypatch.setattr(kg.pipeline, "FORK_WRITERS_FROM_EDGES", 0)

    def broken(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr("kg.store.csv_bulk.export_neo4j_import", broken)  # runs in the child
    with pytest.raises(ChildFailed, match="disk full"):
        kg.write_outputs(result, out, jobs=2)
    assert files(out) == before
    assert not list(tmp_path.glob(".out.kg-new-*"))  # the staging folder is gone
