"""kg.outdir: --out replaced as a whole, under a lock, unrelated files kept, leftovers of killed builds tidied."""
from __future__ import annotations

import subprocess
import sys

import pytest

import kg.outdir
from kg.errors import KgError
from kg.outdir import OutputBusy, OutputFolder


def _write(folder, names):
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"new {name}\n")


@pytest.fixture(params=[True, False], ids=["exchange", "two-renames"])
def exchange(request, monkeypatch):
    if not request.param:  # the fallback where renameat2(RENAME_EXCHANGE) is missing
        monkeypatch.setattr(kg.outdir, "_exchange", lambda a, b: False)
    return request.param


def test_a_build_replaces_its_own_entries_and_keeps_unrelated_ones(tmp_path, exchange):
    out = tmp_path / "out"
    out.mkdir()
    _write(out, ["graph.json", "coauthors.html", "trends/old.csv", "mine.txt", "mine/deep.txt"])
    (out / "summary.json").symlink_to(tmp_path / "target")
    with OutputFolder(out).replace() as staging:
        assert staging.parent == tmp_path and staging.name.startswith(".out.kg-new-")
        _write(staging, ["graph.json", "summary.json", "trends/new.csv"])
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "graph.json", "mine.txt", "mine/deep.txt", "summary.json", "trends/new.csv"]  # coauthors.html: not this build's
    assert (out / "graph.json").read_text() == "new graph.json\n"
    assert (out / "mine.txt").read_text() == "new mine.txt\n" and not (tmp_path / "target").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # the lock file goes at the end


def test_an_exception_while_writing_leaves_out_as_it_was(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _write(out, ["graph.json"])
    with pytest.raises(KeyboardInterrupt), OutputFolder(out).replace() as staging:
        _write(staging, ["graph.json", "summary.json"])
        raise KeyboardInterrupt
    assert sorted(p.name for p in out.iterdir()) == ["graph.json"]
    assert (out / "graph.json").read_text() == "new graph.json\n" and not list(tmp_path.glob(".out.kg-new-*"))


def test_the_lock_is_held_for_the_whole_build_and_reentrant_in_one_process(tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out):
        with OutputFolder(out).replace() as staging:  # write_outputs inside a CLI build: the same lock
            _write(staging, ["graph.json"])
        assert _locked_elsewhere(out)
    assert not _locked_elsewhere(out)


def _locked_elsewhere(out) -> bool:
    """Whether another process would find the lock taken (a fresh interpreter tries it)."""
    code = ("import sys\nfrom kg.outdir import OutputBusy, OutputFolder\n"
            "try:\n    OutputFolder(sys.argv[1]).__enter__()\nexcept OutputBusy:\n    sys.exit(3)\n")
    return subprocess.run([sys.executable, "-c", code, str(out)], timeout=60).returncode == 3


def test_out_that_is_a_file_is_an_error(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(KgError, match="is a file"), OutputFolder(tmp_path / "out"):
        pass


def test_leftovers_of_a_killed_build_are_tidied_and_a_renamed_away_build_restored(tmp_path):
    out = tmp_path / "out"
    (tmp_path / ".out.kg-new-abc").mkdir()
    _write(tmp_path / ".out.kg-new-abc", ["graph.json"])
    old = tmp_path / ".out.kg-old-def" / "out"
    old.mkdir(parents=True)
    _write(old, ["graph.json", "mine.txt"])  # killed between the two renames of the fallback: out/ is missing
    with OutputFolder(out):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["graph.json", "mine.txt"]
