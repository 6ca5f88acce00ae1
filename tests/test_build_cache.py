"""The build cache and -j: a cached or parallel build writes exactly what a clean one-process build writes."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
import kg.pipeline
from kg.cache import BuildCache, default_cache_dir
from kg.export import write_graphml, write_node_link
from kg.extract import load_pipeline
from tests.conftest import EXAMPLES

DIGESTS = sorted((EXAMPLES / "digests").glob("*.md"))
BAD = b"### [1] [A title without a link]\n*Someone*\n\nAbstract: broken \xff byte\n"


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("kg: warning:")]


def test_one_more_day_with_the_cache_equals_a_clean_build_byte_for_byte(tmp_path):
    folder = tmp_path / "digests"
    folder.mkdir()
    for path in DIGESTS[:-1]:
        shutil.copy(path, folder / path.name)
    (folder / "2026-01-20.md").write_bytes(BAD)  # a file with problems: cached, still reported
    out = tmp_path / "out"
    first = kg_cli("build", folder, "--out", out)
    assert first.returncode == 0, first.stderr
    assert "cache: 0 file(s) reused" in first.stderr
    shutil.copy(DIGESTS[-1], folder / DIGESTS[-1].name)  # the new day
    again = kg_cli("build", folder, "--out", out)
    assert again.returncode == 0, again.stderr
    assert f"cache: {len(DIGESTS)} file(s) reused, 1 read" in again.stderr  # every old file, the bad one too
    clean = kg_cli("build", folder, "--out", tmp_path / "clean", "--no-cache", "-j", "1")
    assert clean.returncode == 0, clean.stderr
    assert again.stdout.replace(str(out), "OUT") == clean.stdout.replace(str(tmp_path / "clean"), "OUT")
    assert warnings(again.stderr) == warnings(clean.stderr) != []  # the bad file's problems, from the cache
    assert files(out) == files(tmp_path / "clean")  # every output: graph files, summary, CSVs, HTML, trends
    assert default_cache_dir(out).is_dir() and not default_cache_dir(tmp_path / "clean").exists()


def test_a_changed_file_is_read_again_and_unused_entries_are_dropped(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    target = folder / DIGESTS[0].name
    shutil.copy(DIGESTS[0], target)
    cache = tmp_path / "cache"
    first = kg.build([folder], extract=False, cache=cache)
    target.write_bytes(DIGESTS[1].read_bytes())  # same name, other content
    second = kg.build([folder], extract=False, cache=cache)
    assert (second.cache.files_reused, second.cache.files_read) == (0, 1)
    clean = kg.build([folder], extract=False)
    assert second.summary() == clean.summary() != first.summary()
    with BuildCache(cache) as store:  # one build's worth: the first content's entry is gone
        assert store._db.execute("SELECT count(*) FROM files").fetchone()[0] == 1


def test_a_changed_gazetteer_invalidates_the_extractions_by_itself(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(Path(kg.__file__).parent / "data", data)
    cache = tmp_path / "cache"
    nlp = load_pipeline({"data_dir": str(data)})
    kg.build(DIGESTS[:1], nlp=nlp, cache=cache)
    assert kg.build(DIGESTS[:1], nlp=nlp, cache=cache).cache.papers_extracted == 0
    methods = data / "methods.yaml"
    methods.write_text(methods.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    from kg.extract.pipeline import _pipeline

    _pipeline.cache_clear()  # a new pipeline over the changed data, as a new process would build
    changed = kg.build(DIGESTS[:1], nlp=load_pipeline({"data_dir": str(data)}), cache=cache)
    assert changed.cache.papers_reused == 0 and changed.cache.papers_extracted == len(changed.papers)


def test_a_broken_cache_is_one_warning_and_the_same_result(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    result = kg.build(DIGESTS[:1], extract=False, cache=cache)
    assert result.cache.problems and "build cache" in result.cache.problems[0]
    assert result.summary() == kg.build(DIGESTS[:1], extract=False).summary()


def test_extraction_is_the_same_whatever_the_number_of_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.pipeline, "MIN_PAPERS_PER_PROCESS", 1)  # fork even for the examples
    one = kg.build(DIGESTS, n_process=1)
    three = kg.build(DIGESTS, n_process=3)  # more processes than cores: ranges still come back in order
    assert one.extractions == three.extractions
    for name, result in (("1", one), ("3", three)):
        write_graphml(result.graph, tmp_path / f"{name}.graphml")
        write_node_link(result.graph, tmp_path / f"{name}.json")
    for ext in ("graphml", "json"):
        assert (tmp_path / f"1.{ext}").read_bytes() == (tmp_path / f"3.{ext}").read_bytes()


def test_kg_extract_uses_every_core_unless_told_and_gives_the_same_output(monkeypatch):
    import kg.extract
    from kg.cli import options

    monkeypatch.setattr(kg.pipeline, "MIN_PAPERS_PER_PROCESS", 1)  # fork even for the examples
    monkeypatch.setattr(kg.pipeline, "available_cores", lambda: 2)
    asked, real = [], kg.extract.extract_papers

    def spy(papers, **kwargs):
        asked.append(kwargs["n_process"])
        return real(papers, **kwargs)

    monkeypatch.setattr(kg.extract, "extract_papers", spy)
    default, _ = options.read_and_extract([str(EXAMPLES)], None)
    one, _ = options.read_and_extract([str(EXAMPLES)], None, n_process=1)
    assert asked == [2, 1]
    assert default == one and default


def test_extract_jobs_flag_is_validated_and_documented():
    assert kg_cli("extract", "--jobs", "0", EXAMPLES).returncode == 2
    help_text = kg_cli("extract", "--help").stdout
    assert "--jobs" in help_text and "--processes" in help_text


def test_jobs_flag_is_validated_and_documented():
    assert kg_cli("build", "--jobs", "0", EXAMPLES).returncode == 2
    help_text = kg_cli("build", "--help").stdout
    assert "--jobs" in help_text and "--cache" in help_text and "--no-cache" in help_text


@pytest.mark.parametrize("n", [None, 1])
def test_summary_json_has_no_cache_or_timing_figures(tmp_path, n):
    result = kg.build(DIGESTS[:1], extract=False, cache=tmp_path / "c", n_process=n)
    text = json.dumps(result.summary(), default=str)
    assert "cache" not in text and "timings" not in text


def test_files_read_ahead_in_workers_give_the_same_build(tmp_path, monkeypatch):
    import kg.ingest.ahead

    monkeypatch.setattr(kg.ingest.ahead, "MIN_FILES_PER_PROCESS", 1)  # workers even for the examples
    (tmp_path / "d").mkdir()
    for path in DIGESTS:
        shutil.copy(path, tmp_path / "d" / path.name)
    (tmp_path / "d" / "2026-01-20.md").write_bytes(BAD)  # its problems come back from a worker too
    one = kg.build([tmp_path / "d"], n_process=1)
    ahead = kg.build([tmp_path / "d"], n_process=2)
    cached = kg.build([tmp_path / "d"], n_process=2, cache=tmp_path / "c")  # the workers' bytes are stored as read
    again = kg.build([tmp_path / "d"], n_process=2, cache=tmp_path / "c")
    assert cached.cache.files_read == len(DIGESTS) + 1 and again.cache.files_reused == len(DIGESTS) + 1
    for result in (ahead, cached, again):
        assert result.papers == one.papers and result.report == one.report and result.extractions == one.extractions
        assert result.summary() == one.summary()
    write_node_link(one.graph, tmp_path / "one.json")
    write_node_link(again.graph, tmp_path / "again.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "again.json").read_bytes()


def test_records_come_back_from_pickle_equal_field_for_field():
    """The cache pickles records as ``cls(*values)`` (kg.records): every field, nested records included."""
    import dataclasses
    import pickle

    from kg.records import Candidate, Problem, ReadReport, SourceRef

    result = kg.build(DIGESTS[:2])
    extraction = next(e for e in result.extractions if e.methods and e.datasets)
    samples = [result.papers[0], result.papers[-1], extraction, result.digests[0], result.report,
               Candidate("acronym", "KN", "k", "n", "abstract"), Problem(SourceRef("a.jsonl", 3), "bad-json", "m"),
               ReadReport(["a"], 2, [Problem(SourceRef("b", 1), "x", "y")], ["t"])]
    for obj in samples:
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is type(obj) and back == obj
        assert [getattr(back, f.name) for f in dataclasses.fields(obj)] == [getattr(obj, f.name) for f in dataclasses.fields(obj)]


def _forget_hashes(monkeypatch):
    """A new process's state: no content hash known."""
    import kg.cache

    monkeypatch.setattr(kg.cache, "_HASHED", {})
    monkeypatch.setattr(kg.cache, "_SETTLED_STAMPS", set())
    monkeypatch.setattr(kg.cache, "_USED_STAMPS", [])


def test_content_hashes_are_kept_by_stamp_and_a_rewritten_file_is_hashed_again(tmp_path, monkeypatch):
    import hashlib
    import os

    import kg.cache
    from kg.cache import _file_key, code_version

    folder, cache = tmp_path / "d", tmp_path / "cache"
    folder.mkdir()
    for path in DIGESTS[:3]:
        shutil.copy(path, folder / path.name)
    fresh = folder / DIGESTS[3].name
    _forget_hashes(monkeypatch)
    monkeypatch.setattr(kg.cache, "_SETTLED", 0.0)  # the copies above count as settled, not the one below
    kg.build([folder], extract=False, cache=cache)
    keys = {p: _file_key(str(p), "x", None, code_version()) for p in sorted(folder.iterdir())}
    shutil.copy(DIGESTS[3], fresh)
    monkeypatch.setattr(kg.cache, "_SETTLED", 3600.0)  # written just now: its hash is not kept
    kg.build([folder], extract=False, cache=cache)

    _forget_hashes(monkeypatch)  # the next day's process: the settled hashes come from the cache folder
    kg.cache.recall_hashes(cache)
    hashed = []
    real = hashlib.file_digest
    monkeypatch.setattr(kg.cache.hashlib, "file_digest", lambda fh, algo: hashed.append(os.fstat(fh.fileno()).st_ino) or real(fh, algo))
    assert {p: _file_key(str(p), "x", None, code_version()) for p in keys} == keys
    assert hashed == []  # the three settled files: not read
    _file_key(str(fresh), "x", None, code_version())
    assert hashed == [fresh.stat().st_ino]  # too fresh when hashed: read again

    target = sorted(keys)[0]
    st = target.stat()
    data = bytearray(target.read_bytes())
    data[-2:-1] = b"#" if data[-2:-1] != b"#" else b"%"  # same size, other content, mtime set back
    target.write_bytes(bytes(data))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert _file_key(str(target), "x", None, code_version()) != keys[target]  # its ctime moved: hashed again
    assert hashed[-1] == target.stat().st_ino


def test_a_cached_build_equals_a_clean_one_after_a_day_is_added_edited_removed_or_the_code_changes(tmp_path, monkeypatch):
    """Each step builds into the same --out with the same cache; each result is byte for byte a clean build's."""
    import kg.cache

    folder, cache, out = tmp_path / "d", tmp_path / "cache", tmp_path / "out"
    folder.mkdir()
    for path in DIGESTS[:-1]:
        shutil.copy(path, folder / path.name)

    def same_as_clean(step: str, **expect: int) -> None:
        cached = kg.build([folder], cache=cache)
        kg.write_outputs(cached, out)
        clean = kg.build([folder], n_process=1)
        kg.write_outputs(clean, tmp_path / f"clean-{step}", jobs=1)
        assert files(out) == files(tmp_path / f"clean-{step}"), step
        for name, value in expect.items():
            assert getattr(cached.cache, name) == value, (step, name, cached.cache)

    same_as_clean("first", files_reused=0)
    shutil.copy(DIGESTS[-1], folder / DIGESTS[-1].name)
    same_as_clean("one more day", files_reused=len(DIGESTS) - 1, files_read=1)
    edited = folder / DIGESTS[1].name
    text = edited.read_text(encoding="utf-8")
    title = text.index("### [1] [") + len("### [1] [")
    edited.write_text(text[:title] + "Edited: " + text[title:], encoding="utf-8")  # one title: one paper's text changes
    same_as_clean("a day edited", files_reused=len(DIGESTS) - 1, files_read=1)
    (folder / DIGESTS[0].name).unlink()
    same_as_clean("a day removed", files_reused=len(DIGESTS) - 1, files_read=0)
    monkeypatch.setattr(kg.cache, "code_version", lambda: "another extractor")  # as a changed module or gazetteer would
    same_as_clean("the code changed", files_reused=0, papers_reused=0)
