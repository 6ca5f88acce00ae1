"""Hostile and broken inputs beside the real examples (issue 14): one test per row of the issue's table.

Every test puts the five example digests and one bad input in a folder, builds, and checks that
the build ends normally, every good paper is read exactly once, ``graph.graphml`` is well-formed
XML and the summary names the bad input. Big inputs (a gzip bomb, a 1,000,000-character
abstract) are made at test time, never committed.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kg
import kg.cli
from kg.ingest import read_inputs
from tests.conftest import EXAMPLES, FIXTURES

GOOD = sorted((EXAMPLES / "digests").glob("*.md"))
FAST = ["--no-extract", "--no-html", "--no-import-files"]
JSONL_LINE = {"id": "2601.90001", "title": "A good JSONL paper", "authors": ["Ada Lovelace"],
              "categories": ["cs.CL"], "summary": "An abstract about LoRA."}


@pytest.fixture(scope="module")
def baseline():
    """What the good examples build to alone: listings per file name and the paper ids."""
    result = kg.build([str(p) for p in GOOD], extract=False)
    return _listings(result, {p.name for p in GOOD}), {p.arxiv_id for p in result.papers}


def _listings(result, names) -> dict[str, int]:
    per_file: dict[str, int] = {}
    for paper in result.papers:
        for listing in paper.listings:
            name = Path(listing.source.path).name
            if name in names:
                per_file[name] = per_file.get(name, 0) + 1
    return per_file


@pytest.fixture
def corpus(tmp_path):
    """A folder holding copies of the example digests, for a bad input to join."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in GOOD:
        shutil.copy(p, folder / p.name)
    return folder


def build_and_check(inputs, baseline, out: Path, *, extract: bool = False, nlp=None, trends: bool = False):
    """Build, write, and check the promises every row shares; returns ``(result, summary)``."""
    result = kg.build([str(i) for i in inputs], extract=extract, nlp=nlp)
    kg.write_outputs(result, out, neo4j_import=False, html=False, trends=trends)
    ET.parse(out / "graph.graphml")  # well-formed XML, whatever the input held
    per_file, ids = baseline
    assert _listings(result, set(per_file)) == per_file  # every good paper read exactly once
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert ids <= {p.arxiv_id for p in result.papers}
    good_records = sum(1 for f in summary["files"] if Path(f).name in per_file)
    assert good_records == len(per_file)  # each good file read once
    listed_in = sum(1 for _, _, k in result.graph.edges(keys=True) if k.startswith("LISTED_IN"))
    assert listed_in >= len(ids)
    return result, summary


def named(summary: dict, fragment: str, kind: str) -> list[str]:
    """The summary's problems of ``kind`` naming ``fragment``."""
    return [p for p in summary["problems"] if fragment in p and f": {kind}: " in p]


# --------------------------------------------------------------------------- rows of the table

def test_a_jsonl_line_nested_50000_deep_is_one_bad_line(corpus, baseline, tmp_path):
    path = corpus / "2026-01-29.jsonl"
    path.write_text(json.dumps(JSONL_LINE) + "\n" + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    assert named(summary, "2026-01-29.jsonl:2", "bad-json")
    assert "2601.90001" in {p.arxiv_id for p in result.papers}


@pytest.fixture(scope="module")
def nlp():
    from kg.extract import load_pipeline

    return load_pipeline()


def test_an_abstract_over_a_million_characters_is_cut_and_extracted(tmp_path, nlp):
    good = FIXTURES / "digests" / "zh" / "2026-01-05.md"
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(good, folder / good.name)
    line = dict(JSONL_LINE, summary="We fine-tune with LoRA. " + "word " * 220_000)
    (folder / "2026-01-29.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    alone = kg.build([str(good)], extract=False)
    base = (_listings(alone, {good.name}), {p.arxiv_id for p in alone.papers})
    result, summary = build_and_check([folder], base, tmp_path / "out", extract=True, nlp=nlp)
    assert named(summary, "2026-01-29.jsonl:1", "long-text")
    paper = next(p for p in result.papers if p.arxiv_id == "2601.90001")
    assert len(paper.abstract) == kg.ingest.bounds.MAX_FIELD_CHARS
    assert any(ex.arxiv_id == "2601.90001" and ex.methods for ex in result.extractions)


def test_a_gzip_bomb_is_skipped_at_the_limit_without_being_decompressed_whole(corpus, baseline, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_INPUT_MB", "2")  # the same code as the 512 MiB default, on a bomb a test can make
    bomb = corpus / "2026-01-30.md.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MiB of zeros in ~64 KB
            fh.write(chunk)
    assert bomb.stat().st_size < 1 << 20
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    assert named(summary, "2026-01-30.md.gz", "too-large")


def test_a_symlink_to_dev_zero_is_not_read(corpus, baseline, tmp_path):
    (corpus / "2026-01-31.md").symlink_to("/dev/zero")
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    assert named(summary, "2026-01-31.md", "not-a-regular-file")


def test_a_fifo_named_like_a_digest_does_not_hang(corpus, baseline, tmp_path):
    os.mkfifo(corpus / "2026-01-30.md")
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(build_and_check([corpus], baseline, tmp_path / "out")),
                              daemon=True)
    worker.start()
    worker.join(120)
    assert done, "the build hung on a FIFO"
    _, summary = done[0]
    assert named(summary, "2026-01-30.md", "not-a-regular-file")


def _timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def test_an_author_line_of_20000_spaces_reads_in_linear_time(corpus, baseline, tmp_path):
    text = GOOD[0].read_text(encoding="utf-8")
    heading = "### [1] [A paper with a wide author line](https://arxiv.org/abs/2601.90002)\n"
    entry = heading + "*Ada Lovelace," + " " * 20_000 + "and Alan Turing*\n\nAbstract: An abstract.\n\n"
    (corpus / "2026-01-30.md").write_text(entry, encoding="utf-8")
    jsonl = dict(JSONL_LINE, authors="A. Author," + " " * 20_000 + "B. Author and" + " " * 3000 + "C")
    (corpus / "2026-01-31.jsonl").write_text(json.dumps(jsonl) + "\n", encoding="utf-8")
    (result, summary), seconds = _timed(build_and_check, [corpus], baseline, tmp_path / "out")
    assert seconds < 60  # was hours; a generous bound that only a blow-up can pass
    papers = {p.arxiv_id: p for p in result.papers}
    assert papers["2601.90002"].authors == ("Ada Lovelace", "Alan Turing")
    assert papers["2601.90001"].authors == ("A. Author", "B. Author", "C")
    assert text  # the good digests were beside them


def test_hashes_and_50000_spaces_are_detected_in_linear_time(corpus, baseline, tmp_path):
    (corpus / "2026-01-30.md").write_text("##" + " " * 50_000 + "\n" + "## " + "[" * 20_000 + "\n", encoding="utf-8")
    (_, summary), seconds = _timed(build_and_check, [corpus], baseline, tmp_path / "out")
    assert seconds < 60
    assert named(summary, "2026-01-30.md:1", "unknown-format")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_line_separators_inside_a_json_string_keep_the_paper(corpus, baseline, tmp_path, separator):
    line = dict(JSONL_LINE, title=f"A title{separator}with a separator")
    text = json.dumps(line, ensure_ascii=False)
    assert separator in text or separator in ("\x0b", "\x0c", "\x1c")  # json escapes the C0 ones
    (corpus / "2026-01-29.jsonl").write_text(text + "\n" + json.dumps(dict(JSONL_LINE, id="2601.90003")) + "\n",
                                             encoding="utf-8")
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    ids = {p.arxiv_id for p in result.papers}
    assert {"2601.90001", "2601.90003"} <= ids
    assert not named(summary, "2026-01-29.jsonl", "bad-json")


def test_an_unreadable_subdirectory_is_a_counted_problem_and_fails_strict(corpus, baseline, tmp_path, monkeypatch,
                                                                        capsys):
    locked = corpus / "locked"
    locked.mkdir()
    shutil.copy(GOOD[0], locked / "2026-02-01.md")
    if os.geteuid() == 0:  # root reads any folder: make listing this one fail as it does for other users
        real_scandir = os.scandir

        def scandir(path="."):
            if os.fspath(path) == os.fspath(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
        monkeypatch.setattr(locked, "chmod", locked.chmod)  # restored below
    try:
        _, summary = build_and_check([corpus], baseline, tmp_path / "out")
        assert summary["skipped"].get("unreadable-dir") == 1
        assert named(summary, "locked", "unreadable-dir")
        monkeypatch.chdir(tmp_path)
        code = kg.cli.run(["build", str(corpus), "--out", str(tmp_path / "strict"), "--strict", *FAST, "--no-trends"])
        err = capsys.readouterr().err
        assert code == 1 and "unreadable-dir" in err and "(--strict)" in err
    finally:
        if os.geteuid() != 0:
            locked.chmod(0o755)


def test_nul_and_control_characters_in_a_title_are_replaced_with_a_warning(corpus, baseline, tmp_path):
    line = dict(JSONL_LINE, title="Nul\u0000and\u001bescape", authors=["Bell\u0007 Ringer"])
    (corpus / "2026-01-29.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    raw = ("### [1] [Raw \x01control \x08chars](https://arxiv.org/abs/2601.90004)\n*Some One*\n\n"
           "Abstract: text with a \x00 NUL.\n")
    (corpus / "2026-01-30.md").write_text(raw, encoding="utf-8")
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    papers = {p.arxiv_id: p for p in result.papers}
    assert papers["2601.90001"].title == "Nul\ufffdand\ufffdescape"
    assert papers["2601.90004"].title == "Raw \ufffdcontrol \ufffdchars"
    assert named(summary, "2026-01-29.jsonl:1", "control-characters")
    assert named(summary, "2026-01-30.md:1", "control-characters") and named(summary, "2026-01-30.md:4", "control-characters")


@pytest.mark.parametrize("name", ["1026-01-19.md", "0001-01-19.md", "9999-01-19.md"])
def test_a_file_name_date_out_of_range_is_ignored_with_a_warning(corpus, baseline, tmp_path, name):
    shutil.copy(FIXTURES / "digests" / "zh" / "2026-01-05.md", corpus / name)
    result, summary = build_and_check([corpus], baseline, tmp_path / "out", trends=True)
    assert named(summary, name, "bad-date")
    digest = next(d for d in result.digests if d.source.endswith(name))
    assert digest.date is None
    first, last = summary["date_range"]
    assert first >= "1991-01-01" and last <= "2100-01-01"
    assert (tmp_path / "out" / "trends").is_dir()


def test_ctrl_c_during_a_build_exits_130_with_one_line(tmp_path):
    # The real console script in a terminal (tests/test_build_interrupts.py stops it while reading, extracting
    # and writing, with an earlier build in --out).
    from tests.terminal import run_in_terminal

    result = run_in_terminal(["build", EXAMPLES.resolve(), "--out", "out/", "--no-cache"], tmp_path,
                             when=lambda out: "extracting" in out)
    assert result.returncode == 130, result.explain()
    assert [line for line in result.lines() if line.startswith("kg:")] == ["kg: interrupted; out/ left as it was"]
    assert not (tmp_path / "out").exists()


def test_sigkill_while_writing_leaves_the_previous_build(tmp_path):
    out = tmp_path / "out"
    assert kg.cli.run(["build", str(GOOD[0]), "--out", str(out), "--no-extract", "--no-html"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # Killed by the system in the middle of writing: after the graph files, while writing the trends.
    script = ("import os, signal, kg.trends\n"
              "kg.trends.write_trends = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
              "import kg.cli, sys\nsys.exit(kg.cli.run(sys.argv[1:]))\n")
    proc = subprocess.run([sys.executable, "-c", script, "build", *map(str, GOOD), "--out", str(out),
                           "--no-extract", "--no-html"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    # The next build cleans up the half-written folder and writes a complete one.
    assert kg.cli.run(["build", *map(str, GOOD), "--out", str(out), "--no-extract", "--no-html"]) == 0
    assert not [p for p in tmp_path.iterdir() if ".kg-new-" in p.name or ".kg-old-" in p.name]
    assert json.loads((out / "summary.json").read_text())["files_read"] == len(GOOD)


def test_a_second_build_into_the_same_out_fails_fast(tmp_path):
    from kg.outdir import OutputFolder
    from tests.terminal import KG

    out = tmp_path / "out"
    with OutputFolder(out):  # a build in progress holds the lock
        start = time.monotonic()
        proc = subprocess.run([KG, "build", str(GOOD[0]), "--out", str(out), *FAST], capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)
        assert proc.returncode == 1
        assert proc.stderr.splitlines()[-1].startswith("kg: error: another kg build is writing")
        assert time.monotonic() - start < 60 and not out.exists()
    assert kg.cli.run(["build", str(GOOD[0]), "--out", str(out), *FAST]) == 0  # released when the holder ends


def test_a_symlink_already_in_out_is_replaced_not_followed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me\n")
    (out / "summary.json").symlink_to(elsewhere)
    (out / "notes.md").write_text("mine\n")
    (out / "link-to-mine").symlink_to(elsewhere)
    assert kg.cli.run(["build", str(GOOD[0]), "--out", str(out), *FAST]) == 0
    assert elsewhere.read_text() == "keep me\n"
    assert not (out / "summary.json").is_symlink() and json.loads((out / "summary.json").read_text())["papers"] > 0
    assert (out / "notes.md").read_text() == "mine\n"  # unrelated files are left alone
    assert (out / "link-to-mine").is_symlink() and os.readlink(out / "link-to-mine") == str(elsewhere)


def test_one_folder_named_three_ways_is_one_set_of_digests(tmp_path, baseline):
    parent = tmp_path / "p"
    x = parent / "x"
    x.mkdir(parents=True)
    for p in GOOD:
        shutil.copy(p, x / p.name)
    (tmp_path / "link").symlink_to(x)
    os.chdir(parent)
    try:
        result, _ = build_and_check(["./x/", "../p/x", str(tmp_path / "link")], baseline, tmp_path / "out")
    finally:
        os.chdir(tmp_path)
    assert sorted(d.id for d in result.digests) == sorted(f"x/{p.name}" for p in GOOD)
    assert result.report.records_read == sum(baseline[0].values())
    listed = sum(1 for _, _, k in result.graph.edges(keys=True) if k.startswith("LISTED_IN"))
    assert listed == sum(baseline[0].values())  # one LISTED_IN per listing, not one per way of naming the folder


def test_same_folder_and_name_in_two_places_are_two_digests(tmp_path):
    for side, source in (("a", GOOD[0]), ("b", GOOD[1])):
        (tmp_path / side / "data").mkdir(parents=True)
        shutil.copy(source, tmp_path / side / "data" / "2026-01-19.md")
    result = kg.build([str(tmp_path / "a"), str(tmp_path / "b")], extract=False)
    assert sorted(d.id for d in result.digests) == ["a/data/2026-01-19.md", "b/data/2026-01-19.md"]
    digests = [n for n, a in result.graph.nodes(data=True) if a.get("label") == "Digest"]
    assert len(digests) == 2
    # stable: the same ids from another working directory and a second run
    again = kg.build([str(tmp_path / "b"), str(tmp_path / "a")], extract=False)
    assert sorted(d.id for d in again.digests) == ["a/data/2026-01-19.md", "b/data/2026-01-19.md"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_utf32_with_a_bom_are_read(corpus, baseline, tmp_path, encoding):
    source = FIXTURES / "digests" / "zh" / "2026-01-05.md"
    data = source.read_text(encoding="utf-8").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (corpus / "2026-01-05.md").write_bytes(data)
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    assert not [p for p in summary["problems"] if "2026-01-05.md" in p]
    assert {r.arxiv_id for r in read_inputs([str(source)]).records} <= {p.arxiv_id for p in result.papers}


def test_csv_cells_starting_with_formula_characters_are_neutralised(tmp_path):
    line = dict(JSONL_LINE, title="=HYPERLINK(\"http://evil\")", authors=["=cmd|' /C calc'!A0", "@SUM(1)", "+1 Author"])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2026-01-29.jsonl").write_text(json.dumps(line) + "\n" + json.dumps(
        dict(line, id="2601.90005", authors=["=cmd|' /C calc'!A0", "-2 Author"])) + "\n", encoding="utf-8")
    assert kg.cli.run(["build", str(folder), "--out", str(tmp_path / "out"), "--no-extract", "--no-html"]) == 0
    assert kg.cli.run(["export", "edges", str(folder), "--out", str(tmp_path / "edges"), "--no-extract"]) == 0
    people_csvs = list((tmp_path / "edges").rglob("*.csv")) + list((tmp_path / "out" / "trends").rglob("*.csv"))
    assert people_csvs
    import csv

    for path in people_csvs:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@")) or _is_number(cell), (path, cell)
    edges_text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "edges").rglob("*.csv"))
    assert "'=cmd" in edges_text


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_escape_sequences_in_a_file_name_are_escaped_in_warnings(corpus, tmp_path, capsys, monkeypatch):
    bad = corpus / "2026-01-30\x1b]0;owned\x07\x1b[2J.md"
    bad.write_text("not a digest\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = kg.cli.run(["build", str(corpus), "--out", str(tmp_path / "out"), *FAST, "--no-trends"])
    err = capsys.readouterr().err
    assert code == 0
    assert "\x1b" not in err and "\x07" not in err
    assert "2026-01-30\\x1b]0;owned\\x07\\x1b[2J.md" in err


@pytest.mark.parametrize("dot", ["．", "."])
def test_full_width_digits_in_an_arxiv_id_are_the_same_paper(corpus, baseline, tmp_path, dot):
    known = sorted(baseline[1])[0]
    wide = known.translate(str.maketrans("0123456789.", "０１２３４５６７８９" + dot))
    (corpus / "2026-01-29.jsonl").write_text(json.dumps(dict(JSONL_LINE, id=wide)) + "\n", encoding="utf-8")
    result, summary = build_and_check([corpus], baseline, tmp_path / "out")
    assert not named(summary, "2026-01-29.jsonl", "missing-field")  # the line was read, as the known paper
    assert len(result.papers) == len(baseline[1])
    assert all(p.arxiv_id.isascii() for p in result.papers)
    paper = next(p for p in result.papers if p.arxiv_id == known)
    assert "2026-01-29.jsonl" in {Path(s.path).name for s in paper.sources}


# --------------------------------------------------------------------------- issue 10, item 3

def test_an_empty_folder_says_so(tmp_path, capsys, monkeypatch):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.png").write_bytes(b"\x89PNG")
    monkeypatch.chdir(tmp_path)
    assert kg.cli.run(["build", "empty/", "--out", "out/", *FAST]) == 1
    assert "no digest files in empty/ (the folder is empty)" in capsys.readouterr().err
    assert kg.cli.run(["build", "other", "--out", "out/", *FAST]) == 1
    assert "no digest files in other/ (nothing ending in" in capsys.readouterr().err


def test_a_toc_promising_more_papers_than_read_is_a_problem_and_fails_strict(tmp_path, capsys, monkeypatch):
    text = GOOD[0].read_text(encoding="utf-8")
    cut = text.index("### [5]")
    (tmp_path / "2026-01-19.md").write_text(text[:cut], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = kg.cli.run(["build", "2026-01-19.md", "--out", "out/", *FAST, "--no-trends", "--strict"])
    err = capsys.readouterr().err
    assert code == 1
    assert "kg: warning: 2026-01-19.md:5: toc-mismatch: the table of contents counts 103 papers, 4 entries were read" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["skipped"] == {"toc-mismatch": 1}


def test_a_hard_link_is_the_same_file(corpus, baseline, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    os.link(corpus / GOOD[0].name, other / GOOD[0].name)
    result, _ = build_and_check([corpus, other], baseline, tmp_path / "out")
    assert result.report.records_read == sum(1 for _ in read_inputs([str(p) for p in GOOD]).records)
