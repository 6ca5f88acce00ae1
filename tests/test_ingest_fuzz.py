"""Property tests: the markdown reader never raises, whatever the text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.common import FileContext
from kg.ingest.detect import detect_format
from kg.ingest.markdown import read_markdown
from kg.records import PaperRecord

CTX = FileContext("fuzz.md", "fuzz/fuzz.md")

# pieces of digest syntax, so that random text often looks like (broken) structure
FRAGMENTS = [
    "### [1] ", "## ", "# cs.CV [[Back]](#toc)\n", "[Title](https://arxiv.org/abs/2601.00504)",
    "(http://arxiv.org/abs/hep-th/9901001v2)", "arXiv:2601.0", "2601.00001v", "*A,B*", "*", "**", "> ", "- ",
    "**Abstract:** ", "Abstract: ", "TL;DR: ", "**Category: cs.CR**", " | ", "<details>", "</details>",
    "- [cs.CV](#cs.CV) [Total: 3]\n", "- [cs.CR](#cscr) (2 篇)\n", "---\n", "초록: ", "摘要：", "\n", "\n\n", ":", "]", "[", "(", ")",
]

structured = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=60).map("".join)


def check(text: str) -> None:
    result = read_markdown(text, CTX)
    for record in result.records:
        assert isinstance(record, PaperRecord)
        assert record.arxiv_id and record.title
        assert 1 <= record.source.line <= text.count("\n") + 1
    detect_format(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_markdown_reader_never_raises_on_arbitrary_text(text):
    check(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured)
def test_markdown_reader_never_raises_on_text_with_digest_syntax(text):
    check(text)


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=1, max_size=5))
def test_every_well_formed_heading_gives_one_record(titles):
    titles = [t.replace("\n", " ").replace("[", "").replace("]", "").strip() or "Untitled" for t in titles]
    text = "".join(f"### [{i}] [{t}](https://arxiv.org/abs/2601.{i:05d})\n*Ann*\n\nAbstract: x.\n\n" for i, t in enumerate(titles, 1))
    result = read_markdown(text, CTX)
    assert [r.arxiv_id for r in result.records] == [f"2601.{i:05d}" for i in range(1, len(titles) + 1)]


CLASSIC_FRAGMENTS = [
    "### [1] [T](https://arxiv.org/abs/2601.00001)\n", "*A,B*\n", "\n", "Main category: cs.CV\n", "TL;DR: t\n",
    "<details>\n", "  <summary>Details</summary>\n", "Motivation: m\n", "Method: x\n", "Result: r\n",
    "Conclusion: c\n", "Abstract: a b\n", "wrapped line\n", "Keywords: k\n", "**Code:** u\n", "</details>\n",
    "- [cs.CV](#cs.CV) [Total: 1]\n", "> quoted\n", "Results: prose\n", "  ", "# cs.AI\n",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(CLASSIC_FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join))
def test_fast_path_reads_exactly_what_the_line_walk_reads(text):
    fast, walk = read_markdown(text, CTX, fast=True), read_markdown(text, CTX, fast=False)
    assert (fast.records, fast.problems, fast.toc_total) == (walk.records, walk.problems, walk.toc_total)


PREFIXES = [b"", b"\x1f\x8b", b"{", b'{"id": "2601.00001", "title": "T"}\n', b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">',
            b"### [1] [T](https://arxiv.org/abs/2601.00001)\n", b"\xef\xbb\xbf"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=300))
def test_reading_arbitrary_bytes_never_raises(prefix, data):
    import tempfile
    from pathlib import Path

    from kg.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2026-01-05.md"
        path.write_bytes(prefix + data)
        result = read_inputs([str(path)])
    assert result.report.records_read == len(result.records)
    assert all(p.source.path == str(path) for p in result.report.problems)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(["2601.00001", "hep-th/9901001", "cs.CV cs.LG"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
PAPER_KEYS = ["id", "title", "authors", "authors_parsed", "categories", "summary", "abstract", "AI", "versions",
              "update_date", "comment", "comments", "doi", "abs", "code_url"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(st.sampled_from(PAPER_KEYS), JSON_VALUES), min_size=1, max_size=4))
def test_json_lines_readers_never_raise_on_odd_values(objects):
    import json

    from kg.ingest.jsonl import read_daily_jsonl, read_snapshot

    text = "\n".join(json.dumps({"id": "2601.00001", "title": "T", **o}) for o in objects)
    for reader in (read_daily_jsonl, read_snapshot):
        result = reader(text, CTX)
        skipped = [p for p in result.problems if p.message.endswith("line skipped")]
        assert len(result.records) + len(skipped) == len(objects)  # every line: a record or a reason
        assert all(isinstance(a, str) and a for r in result.records for a in r.authors)
