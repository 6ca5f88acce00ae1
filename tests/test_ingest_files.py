"""Input expansion, decoding, bad input and the read report (kg.ingest.read_inputs)."""
import builtins
import datetime as dt
import gzip
import os
import shutil
from pathlib import Path

import pytest

from kg.ingest import read_inputs
from kg.ingest.detect import detect_format
from kg.ingest.files import digest_id, expand_inputs
from tests.conftest import FIXTURES

DIGESTS = FIXTURES / "digests"
ZH = DIGESTS / "zh" / "2026-01-05.md"
# the reader fixtures (tests/fixtures/digests/README.md): 5 real excerpts with 4+2+3+4+3 records (zh, ko, seed,
# zh-v2, zh-jsonl) and the hand-written forks: numbered 3, korean 2, japanese 2, quoted 3, list 3, bold 3, table 3,
# details 2, setext 2, bare id 2, emoji 2, html 3, italic 2, id label 2, one-line details 2
DIGEST_FILES = 5 + 15
DIGEST_RECORDS = 4 + 2 + 3 + 4 + 3 + 3 + 2 + 2 + 3 + 3 + 3 + 3 + 2 + 2 + 2 + 2 + 3 + 2 + 2 + 2


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for rel in ["b/2026-01-02.md", "a/deep/2026-01-01.md", "a/2026-01-03.jsonl.gz", "a/README.md",
                ".hidden.md", "a/notes.png"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    files, problems = expand_inputs([str(tmp_path)])
    rel = [str(Path(f).relative_to(tmp_path)) for f in files]
    assert rel == ["a/2026-01-03.jsonl.gz", "a/deep/2026-01-01.md", "b/2026-01-02.md"]
    assert problems == []


def test_globs_explicit_files_duplicates_and_missing_inputs(tmp_path):
    for name in ["2026-01-01.md", "2026-01-02.md", "README.md"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    readme = str(tmp_path / "README.md")
    files, problems = expand_inputs([str(tmp_path / "2026-*.md"), str(tmp_path / "2026-01-01.md"), readme,
                                     str(tmp_path / "nope.md")])
    assert [Path(f).name for f in files] == ["2026-01-01.md", "2026-01-02.md", "README.md"]  # named files are read
    assert [(p.kind, p.source.path) for p in problems] == [("missing-input", str(tmp_path / "nope.md"))]


def test_gzip_digest_reads_like_the_plain_file(tmp_path):
    folder = tmp_path / "zh"
    folder.mkdir()
    gz = folder / "2026-01-05.md.gz"
    gz.write_bytes(gzip.compress(ZH.read_bytes()))
    plain = read_inputs([str(ZH)])
    packed = read_inputs([str(gz)])
    assert packed.report.problems == []
    assert [r.arxiv_id for r in packed.records] == [r.arxiv_id for r in plain.records]
    assert packed.digests[0].id == "zh/2026-01-05.md" and packed.digests[0].date == dt.date(2026, 1, 5)
    assert packed.digests[0].source == str(gz)


def test_truncated_gzip_keeps_what_was_readable(tmp_path):
    data = gzip.compress(ZH.read_bytes())
    path = tmp_path / "2026-01-05.md.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    result = read_inputs([str(path)])
    assert [p.kind for p in result.report.problems][:1] == ["truncated-file"]
    assert 1 <= len(result.records) < 4
    assert result.records[0].arxiv_id == "2601.00504"


def test_non_utf8_bytes_are_reported_by_line_and_the_file_is_still_read(tmp_path):
    raw = ZH.read_bytes()
    lines = raw.split(b"\n")
    lines[15] = lines[15] + b" \xff\xfe broken"  # inside the first entry's author line area
    path = tmp_path / "2026-01-05.md"
    path.write_bytes(b"\n".join(lines))
    seen = []
    result = read_inputs([str(path)], on_problem=seen.append)
    assert [(p.kind, p.source.path, p.source.line) for p in seen] == [("bad-encoding", str(path), 16)]
    assert len(result.records) == 4
    assert result.report.toc_mismatches == []


def test_empty_and_unknown_files(tmp_path):
    (tmp_path / "2026-01-01.md").write_text("", encoding="utf-8")
    (tmp_path / "2026-01-02.md").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("# Notes\n\nNothing about papers here.\n", encoding="utf-8")
    (tmp_path / "data.json").write_text('{"a": 1', encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    kinds = sorted((Path(p.source.path).name, p.kind) for p in result.report.problems)
    assert kinds == [("2026-01-01.md", "empty-file"), ("2026-01-02.md", "empty-file"),
                     ("data.json", "unknown-format"), ("notes.txt", "unknown-format")]
    assert result.records == [] and result.report.files_read == []


def test_report_counts_files_and_records_and_progress_sees_every_file():
    tracked = []

    class Recorder:
        def track(self, items, *, total=None, description="", unit="items"):
            items = list(items)
            tracked.append((description, unit, len(items)))
            yield from items

    result = read_inputs([str(DIGESTS)], progress=Recorder())
    assert tracked == [("reading", "files", DIGEST_FILES)]
    assert len(result.report.files_read) == DIGEST_FILES
    assert result.report.records_read == len(result.records) == DIGEST_RECORDS
    assert len(result.digests) == DIGEST_FILES and result.report.problems == []
    assert result.report.toc_mismatches == []


def test_date_rule_name_then_date_argument_then_id_month(tmp_path):
    undated = tmp_path / "digest.md"
    text = ZH.read_text(encoding="utf-8")
    undated.write_text(text, encoding="utf-8")
    assert {(r.date, r.date_precision) for r in read_inputs([str(undated)]).records} == {(dt.date(2026, 1, 1), "month")}
    given = read_inputs([str(undated)], date=dt.date(2026, 1, 7))
    assert {(r.date, r.date_precision) for r in given.records} == {(dt.date(2026, 1, 7), "day")}
    assert given.digests[0].date == dt.date(2026, 1, 7)
    named = read_inputs([str(ZH)], date=dt.date(2026, 1, 7))
    assert {r.date for r in named.records} == {dt.date(2026, 1, 5)}


@pytest.mark.parametrize(
    ("path", "expected"),
    [("corpus/zh/2026-01-05.md", "zh/2026-01-05.md"), ("zh/2026-01-05.md.gz", "zh/2026-01-05.md")],
)
def test_digest_id(path, expected):
    assert digest_id(path) == expected


def test_format_is_sniffed_from_content_not_the_name(tmp_path):
    md_named_jsonl = tmp_path / "2026-01-05.jsonl"
    shutil.copy(ZH, md_named_jsonl)
    assert detect_format(md_named_jsonl.read_text(encoding="utf-8")) == "markdown"
    assert read_inputs([str(md_named_jsonl)]).records[0].arxiv_id == "2601.00504"
    assert detect_format((FIXTURES / "atom" / "arxiv-api-query.xml").read_text(encoding="utf-8")) == "atom"
    assert detect_format((FIXTURES / "snapshot" / "arxiv-metadata-sample.jsonl").read_text(encoding="utf-8")) == "arxiv-snapshot"


def test_reading_never_needs_the_shared_corpus(monkeypatch):
    """Tests and fixtures are self-contained: any attempt to open ../shared fails this test."""
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if "shared" in Path(str(file)).resolve().parts:
            raise AssertionError(f"test touched the shared corpus: {file}")
        return real_open(file, *args, **kwargs)

    real_os_open = os.open

    def guarded_os_open(file, *args, **kwargs):  # kg.ingest.files.open_input opens inputs with os.open
        if "shared" in Path(os.fsdecode(file)).resolve().parts:
            raise AssertionError(f"test touched the shared corpus: {file}")
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    result = read_inputs([str(DIGESTS), str(FIXTURES / "atom"), str(FIXTURES / "snapshot")])
    assert result.report.records_read == DIGEST_RECORDS + 4 + 7
    here = Path(__file__).name
    for test_file in Path(__file__).parent.glob("test_ingest_*.py"):
        if test_file.name != here:
            assert "shared/corpus" not in test_file.read_text(encoding="utf-8"), test_file


def test_windows_line_ends_read_like_unix_ones(tmp_path):
    path = tmp_path / "2026-01-05.md"
    path.write_bytes(ZH.read_bytes().replace(b"\n", b"\r\n"))
    crlf, lf = read_inputs([str(path)]).records, read_inputs([str(ZH)]).records
    assert [(r.arxiv_id, r.title, r.abstract, r.summary, r.source.line) for r in crlf] == [
        (r.arxiv_id, r.title, r.abstract, r.summary, r.source.line) for r in lf
    ]


def test_json_lines_that_are_not_papers_are_an_unknown_format(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "2601.00001", "methods": ["lora"]}\n{"id": "2601.00002", "methods": []}\n', encoding="utf-8")
    result = read_inputs([str(path)])
    assert [(p.kind, p.source.line) for p in result.report.problems] == [("unknown-format", 1)]


def test_concatenated_gzip_members_are_all_read(tmp_path):
    lines = ZH.read_bytes().split(b"\n")
    half = len(lines) // 2
    path = tmp_path / "2026-01-05.md.gz"
    path.write_bytes(gzip.compress(b"\n".join(lines[:half]) + b"\n") + gzip.compress(b"\n".join(lines[half:])) + b"\0" * 8)
    result = read_inputs([str(path)])
    assert result.report.problems == []
    assert [r.arxiv_id for r in result.records] == [r.arxiv_id for r in read_inputs([str(ZH)]).records]


def test_a_file_over_the_input_limit_is_skipped_without_being_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_INPUT_MB", "0.001")  # about 1 KB
    result = read_inputs([str(ZH)])
    assert [(p.kind, p.source.path) for p in result.report.problems] == [("too-large", str(ZH))]
    assert result.records == []
