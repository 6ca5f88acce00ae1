"""A day published as one JSON document (an array, an object holding the papers, pretty-printed objects)."""
from __future__ import annotations

import json

import pytest

from kg.ingest import read_file
from kg.ingest.detect import detect_format

PAPERS = [
    {"id": "2601.00001", "title": "Low-Rank Adaptation Revisited", "authors": ["Ann Lee", "Bo Li"], "categories": ["cs.LG"],
     "summary": "We revisit LoRA.", "AI": {"tldr": "重新审视LoRA。"}},
    {"id": "2601.00002v2", "title": "Diffusion Policies", "authors": ["Cy Zhou"], "categories": ["cs.RO", "cs.LG"],
     "summary": "Diffusion policies for robots."},
]


def _jsonl_records(tmp_path):
    path = tmp_path / "2026-01-05.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAPERS), encoding="utf-8")
    return read_file(str(path)).records


@pytest.mark.parametrize("render", [
    lambda: json.dumps(PAPERS, ensure_ascii=False, indent=2),
    lambda: json.dumps({"date": "2026-01-05", "count": 2, "papers": PAPERS}, ensure_ascii=False, indent=1),
    lambda: "\n".join(json.dumps(p, ensure_ascii=False, indent=4) for p in PAPERS),
], ids=["array", "object-with-papers", "pretty-printed-objects"])
def test_a_json_document_reads_like_the_json_lines(tmp_path, render):
    text = render()
    assert detect_format(text) == "daily-jsonl"
    path = tmp_path / "d" / "2026-01-05.jsonl"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    assert result.problems == []
    lines = text.split("\n")
    expected = _jsonl_records(tmp_path)
    assert [(r.arxiv_id, r.version, r.title, r.authors, r.categories, r.abstract, r.summary) for r in result.records] == \
        [(r.arxiv_id, r.version, r.title, r.authors, r.categories, r.abstract, r.summary) for r in expected]
    # each record points at the line of its id
    assert [lines[r.source.line - 1].count(r.arxiv_id) for r in result.records] == [1, 1]


def test_a_document_that_stops_being_json_keeps_its_papers_and_says_where(tmp_path):
    path = tmp_path / "2026-01-05.json"
    first = json.dumps(PAPERS[0], indent=2)
    path.write_text(first + "\n{\"id\": \"2601.0000", encoding="utf-8")
    result = read_file(str(path))
    assert [r.arxiv_id for r in result.records] == ["2601.00001"]
    assert [(p.kind, p.source.line) for p in result.problems] == [("bad-json", first.count("\n") + 2)]


def test_arrays_that_are_not_papers_are_no_format():
    assert detect_format("[1, 2, 3]") is None
    assert detect_format("[" * 100_000) is None
    assert detect_format('[{"name": "x"}]') is None
