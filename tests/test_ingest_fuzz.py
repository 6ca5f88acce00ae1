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
