"""kg build with nothing changed since the last build keeps --out as it is; anything changed builds again."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kg.cache import default_cache_dir
from kg.reuse import MANIFEST
from tests.conftest import EXAMPLES

DIGESTS = sorted((EXAMPLES / "digests").glob("*.md"))
BAD = b"### [1] [A title without a link]\n*Someone*\n\nAbstract: broken \xff byte\n"
KEPT = "nothing changed since the last build"


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(root.rglob("*")) if p.is_file()}


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "digests"
    folder.mkdir(exist_ok=True)
    for path in DIGESTS[:n]:
        shutil.copy(path, folder / path.name)
    return folder


def test_an_unchanged_rerun_keeps_out_and_says_what_the_last_build_said(tmp_path):
    folder = corpus(tmp_path, 2)
    (folder / "2026-01-20.md").write_bytes(BAD)  # input problems: warned again, counted for --strict
    out = tmp_path / "out"
    first = kg_cli("build", folder, "--out", out, "--no-trends")
    assert first.returncode == 0, first.stderr
    before = stamps(out)
    again = kg_cli("build", folder, "--out", out, "--no-trends")
    assert again.returncode == 0, again.stderr
    assert KEPT in again.stderr
    assert stamps(out) == before  # not one file rewritten
    assert again.stdout == first.stdout
    warned = [line for line in first.stderr.splitlines() if line.startswith("kg: warning:")]
    assert warned and warned == [line for line in again.stderr.splitlines() if line.startswith("kg: warning:")]
    strict = kg_cli("build", folder, "--out", out, "--no-trends", "--strict")
    assert strict.returncode == 1 and KEPT in strict.stderr and "input problem(s) found" in strict.stderr
    clean = kg_cli("build", folder, "--out", tmp_path / "clean", "--no-trends", "--no-cache")
    assert files(out) == files(tmp_path / "clean")


def test_a_new_day_a_changed_file_other_options_or_a_touched_output_build_again(tmp_path):
    folder = corpus(tmp_path, 1)
    out = tmp_path / "out"
    args = ["build", folder, "--out", out, "--no-extract", "--no-html", "--no-trends"]
    assert kg_cli(*args).returncode == 0

    def rebuilt(*extra):
        run = kg_cli(*args, *extra)
        assert run.returncode == 0, run.stderr
        return KEPT not in run.stderr

    assert not rebuilt()
    shutil.copy(DIGESTS[1], folder / DIGESTS[1].name)  # a new day
    assert rebuilt() and not rebuilt()
    day = folder / DIGESTS[0].name
    day.write_bytes(day.read_bytes() + b"\n")  # one byte more in an old day
    assert rebuilt() and not rebuilt()
    assert rebuilt("--no-import-files") and rebuilt()  # other outputs asked for
    summary = out / "summary.json"
    summary.write_text(summary.read_text() + " ")  # someone edited an output
    assert rebuilt() and not rebuilt()
    (out / "neo4j-import" / "extra.csv").write_text("x\n")  # a file a clean build would not leave there
    assert rebuilt() and not (out / "neo4j-import" / "extra.csv").exists() and not rebuilt()
    (out / "notes.txt").write_text("mine\n")  # unrelated files do not matter, and stay
    assert not rebuilt() and (out / "notes.txt").exists()
    assert rebuilt("--date", "2026-01-01") and not rebuilt("--date", "2026-01-01")
    assert rebuilt("--no-cache") and rebuilt()  # --no-cache builds, and leaves no record of the build
    shutil.rmtree(default_cache_dir(out))
    assert rebuilt() and not rebuilt()


def test_the_record_names_this_out_only(tmp_path):
    folder = corpus(tmp_path, 1)
    cache = tmp_path / "shared-cache"
    args = [folder, "--no-extract", "--no-html", "--no-trends", "--cache", cache]
    assert kg_cli("build", *args, "--out", tmp_path / "a").returncode == 0
    other = kg_cli("build", *args, "--out", tmp_path / "b")
    assert other.returncode == 0 and KEPT not in other.stderr and (tmp_path / "b" / "graph.json").exists()
    assert (cache / MANIFEST).exists()
