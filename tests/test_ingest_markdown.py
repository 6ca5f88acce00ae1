"""The markdown reader on real digest excerpts (zh, ko, seed, zh-v2) and fork variants."""
import datetime as dt
import shutil

import pytest

from kg.ingest import read_file, read_inputs
from kg.records import PaperRecord
from tests.conftest import FIXTURES

DIGESTS = FIXTURES / "digests"


def by_id(records: list[PaperRecord]) -> dict[str, list[PaperRecord]]:
    out: dict[str, list[PaperRecord]] = {}
    for r in records:
        out.setdefault(r.arxiv_id, []).append(r)
    return out


def test_classic_zh_digest_fields():
    result = read_file(str(DIGESTS / "zh" / "2026-01-05.md"))
    assert result.format == "markdown"
    assert result.problems == []
    first = result.records[0]
    assert first.arxiv_id == "2601.00504" and first.version == ""
    assert first.title == "MotionPhysics: Learnable Motion Distillation for Text-Guided Simulation"
    assert first.authors == ("Miaowei Wang", "Jakub Zadrożny", "Oisin Mac Aodha", "Amir Vaxman")
    assert first.primary_category == "cs.CV" and first.listed_under == "cs.CV"
    assert first.url == "https://arxiv.org/abs/2601.00504"
    assert first.date == dt.date(2026, 1, 5) and first.date_precision == "day"
    assert first.digest == "zh/2026-01-05.md"
    assert first.source.line == 14
    assert first.abstract.startswith("Accurately simulating existing 3D objects")
    assert first.abstract.endswith("https://wangmiaowei.github.io/MotionPhysics.github.io/.")
    summary = first.summary
    assert summary is not None and summary.language == "zh"
    assert summary.tldr.startswith("MotionPhysics是一个端到端可微分框架")
    assert summary.motivation.startswith("现有3D对象")
    assert summary.method.startswith("1. 使用多模态大语言模型")
    assert summary.result.startswith("在30多个场景中评估")
    assert summary.conclusion.startswith("MotionPhysics框架能够")
    assert result.digest is not None and result.digest.date == dt.date(2026, 1, 5)


def test_cross_listed_paper_gives_one_record_per_listing():
    records = read_file(str(DIGESTS / "zh" / "2026-01-05.md")).records
    listings = by_id(records)["2601.00504"]
    assert [r.listed_under for r in listings] == ["cs.CV", "cs.AI"]
    # the section it stood under is one of its categories; the main category stays first
    assert listings[1].categories == ("cs.CV", "cs.AI") and listings[1].primary_category == "cs.CV"
    assert listings[0].source.line != listings[1].source.line


def test_toc_totals_agree_with_entries_read():
    result = read_file(str(DIGESTS / "zh" / "2026-01-05.md"))
    assert result.toc_total == len(result.records) == 4
    v2 = read_file(str(DIGESTS / "zh-v2" / "2025-06-28.md"))
    assert v2.toc_total == len(v2.records) == 4


def test_toc_mismatch_is_reported(tmp_path):
    text = (DIGESTS / "zh" / "2026-01-05.md").read_text(encoding="utf-8")
    path = tmp_path / "2026-01-05.md"
    path.write_text(text.replace("[Total: 2]", "[Total: 5]", 1), encoding="utf-8")
    report = read_inputs([str(path)]).report
    assert len(report.toc_mismatches) == 1
    assert "counts 7 papers, 4 entries were read" in report.toc_mismatches[0]


def test_ko_hard_wrapped_abstract_is_unwrapped_and_prose_labels_stay_text():
    records = by_id(read_file(str(DIGESTS / "ko" / "2025-08-07.md")).records)
    sav = records["2508.04260"][0]
    # "components: a SAM-based ..." is a wrapped line of the abstract, not a field
    assert "three core components: a SAM-based encoder-decoder, a vehicle part knowledge graph" in sav.abstract
    assert "\n" not in sav.abstract and "  " not in sav.abstract
    assert sav.abstract.endswith("will be released on https://github.com/Event-AHU/SAV")
    assert sav.summary is not None and sav.summary.extra == ()
    text2vr = records["2508.03699"][0]
    assert text2vr.abstract.startswith("Virtual Reality (VR) has emerged as a powerful tool for workforce training, offering")


def test_seed_digest_without_date_uses_date_argument_else_the_id_month():
    path = str(DIGESTS / "seed" / "000_a4ae24d728dc6f51.txt")
    undated = read_file(path).records
    assert {(r.date, r.date_precision) for r in undated} == {(dt.date(2026, 2, 1), "month")}
    dated = read_file(path, date=dt.date(2026, 2, 20)).records
    assert {(r.date, r.date_precision) for r in dated} == {(dt.date(2026, 2, 20), "day")}
    assert [r.listed_under for r in undated] == ["eess.SP", "cs.LG", "cs.LG"]


def test_zh_v2_dialect():
    result = read_file(str(DIGESTS / "zh-v2" / "2025-06-28.md"))
    assert result.problems == []  # the dialect carries no English abstract: not a fault per entry
    records = by_id(result.records)
    perry = records["2506.20770"][0]
    assert perry.translated_title == "Perry：一个加速网络欺骗实验的高级框架"
    assert perry.authors == ("Brian Singer", "Yusuf Saquib", "Lujo Bauer", "Vyas Sekar")
    assert perry.keywords == ("网络欺骗", "实验框架", "高级抽象", "安全评估", "蜜罐")
    assert perry.comment == ""
    assert perry.summary is not None and perry.summary.tldr.startswith("Perry是一个高级框架")
    assert perry.summary.motivation.startswith("现有网络欺骗工具")
    assert [label for label, _ in perry.summary.extra] == ["AI_Comments", "ai_Abstract", "摘要翻译"]
    assert perry.abstract == ""
    poster = records["2506.20806"][0]
    assert poster.categories == ("cs.CR", "cs.AI") and poster.primary_category == "cs.CR"
    # a comment wrapped onto the next line is joined
    assert poster.comment == "Poster accepted at the 10th IEEE European Symposium on Security and Privacy (Euro S&P 2025)"
    robot = records["2506.21322"][0]
    assert robot.title.startswith('"Who Should I Believe?"')
    # "摘要：" inside the translated abstract is Chinese text: kept as extra, never the abstract
    assert robot.abstract == "" and any(label == "摘要" for label, _ in robot.summary.extra)


def test_zh_v2_date_from_heading_when_the_name_has_none(tmp_path):
    path = tmp_path / "digest.md"
    shutil.copy(DIGESTS / "zh-v2" / "2025-06-28.md", path)
    result = read_file(str(path), date=dt.date(2030, 1, 1))
    assert result.digest is not None and result.digest.date == dt.date(2025, 6, 28)
    assert {r.date for r in result.records} == {dt.date(2025, 6, 28)}


def test_fork_with_numbered_headings_and_bulleted_labels():
    result = read_file(str(DIGESTS / "forks" / "2026-01-07-numbered.md"))
    assert result.problems == []
    moe, graph, sinks = result.records
    assert (moe.arxiv_id, moe.version) == ("2601.01234", "v2")
    assert moe.title == "Sparse Mixture-of-Experts Routing Without Auxiliary Losses"
    assert moe.authors == ("Alice Zhang", "Bob Müller", "Chen Wei")
    assert moe.categories == ("cs.LG", "cs.AI") and moe.listed_under == "cs.LG"
    assert moe.comment == "12 pages, accepted at ICLR 2026"
    assert moe.abstract.startswith("Mixture-of-experts models route each token")
    assert moe.abstract.endswith("removes the need for that loss.")
    assert moe.summary is not None and moe.summary.language == "en"
    assert moe.summary.result == "Matches dense baselines at a third of the compute."
    assert moe.summary.extra == (("Code", "https://github.com/example/balanced-moe"),)
    assert graph.arxiv_id == "2601.02345"
    assert graph.title == "Graph Transformers for Molecular Property Prediction"
    assert graph.authors == ("Dana Okafor", "Eun-ji Park")
    assert graph.primary_category == "q-bio.BM"
    assert (sinks.arxiv_id, sinks.version) == ("2601.03456", "v1")
    assert sinks.url == "https://arxiv.org/pdf/2601.03456v1.pdf"


def test_fork_with_korean_labels():
    result = read_file(str(DIGESTS / "forks" / "2026-01-08-korean.md"))
    assert result.problems == []
    rag, bytes_ = result.records
    assert rag.arxiv_id == "2601.04567"
    assert rag.title == "Retrieval-Augmented Decoding for Low-Resource Machine Translation"
    assert rag.authors == ("김민수", "이지은", "Joon Park")
    assert rag.categories == ("cs.CL", "cs.LG")
    assert rag.keywords == ("검색 증강", "기계 번역", "저자원 언어")
    assert rag.summary is not None and rag.summary.language == "ko"
    assert rag.summary.tldr.startswith("검색 증강 디코딩")
    assert rag.summary.conclusion.startswith("검색은 저자원 번역")
    assert rag.summary.extra == (("리뷰어 의견", "흥미로운 접근이지만 검색 비용 분석이 부족하다."),)
    # "Results:" in the wrapped abstract is prose: the Result field was already filled
    assert rag.abstract.endswith("Results: on 12 language pairs the method improves BLEU by 2.1 points on average.")
    assert bytes_.abstract == "We train language models directly on byte patches."


def test_malformed_blocks_are_reported_and_the_rest_is_read(tmp_path):
    path = tmp_path / "2026-01-09.md"
    path.write_text(
        "## cs.CV\n\n"
        "### [1] [A paper whose link lost its id](https://arxiv.org/abs/)\n*A*\n\nAbstract: lost.\n\n"
        "### [2] [](https://arxiv.org/abs/2601.00002)\n*B*\n\n"
        "### [3] [Good paper](https://arxiv.org/abs/2601.00003)\n*C, D*\n\nAbstract: Fine.\n\n"
        "### [4] [No authors, no abstract](https://arxiv.org/abs/2601.00004)\n\nTL;DR: short.\n",
        encoding="utf-8",
    )
    problems: list = []
    result = read_inputs([str(path)], on_problem=problems.append)
    assert [r.arxiv_id for r in result.records] == ["2601.00003", "2601.00004"]
    assert [(p.source.line, p.kind) for p in problems] == [
        (3, "malformed-block"), (8, "malformed-block"), (16, "missing-field"), (16, "missing-field")
    ]
    assert "no authors" in problems[2].message and "no abstract" in problems[3].message
    assert result.report.problems == problems


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("### [7] [Title [with] brackets](https://arxiv.org/abs/2601.00007)", ("2601.00007", "Title [with] brackets")),
        ("## Title first [2601.00008](https://arxiv.org/abs/2601.00008)", ("2601.00008", "Title first")),
        ("#### 2601.00009v3: Bare id then title", ("2601.00009", "Bare id then title")),
        ("### [1] [Old style](http://arxiv.org/abs/math.GT/0309136v1)", ("math.GT/0309136", "Old style")),
    ],
)
def test_heading_variants(tmp_path, heading, expected):
    path = tmp_path / "x.md"
    path.write_text(f"{heading}\n*Ann Author*\n\nAbstract: Text.\n", encoding="utf-8")
    (record,) = read_file(str(path)).records
    assert (record.arxiv_id, record.title) == expected


@pytest.mark.parametrize("path", sorted(p for p in DIGESTS.glob("*/*.md") if "html" not in p.name)  # html: its own reader
                         + sorted(DIGESTS.glob("seed/*.txt")), ids=lambda p: p.parent.name + "/" + p.name)
def test_fast_path_and_line_walk_agree_on_the_fixtures(path):
    from kg.ingest.common import FileContext
    from kg.ingest.markdown import read_markdown

    text = path.read_text(encoding="utf-8")
    ctx = FileContext(str(path), "x/y.md")
    fast, walk = read_markdown(text, ctx, fast=True), read_markdown(text, ctx, fast=False)
    assert fast.records and fast.records == walk.records and fast.problems == walk.problems


def test_the_last_wrapped_field_of_a_file_is_read_to_the_end(tmp_path):
    # a numbered fork's digest: list-item fields, the abstract hard-wrapped, the file ending inside it
    (tmp_path / "2026-01-20.md").write_text(
        "# Daily arXiv digest\n\n## 1. [A Paper](http://arxiv.org/abs/2512.00001v1)\n\n"
        "**Authors:** A. Author\n**Categories:** cs.AI\n\n- **TL;DR**: 摘要\n"
        "- **Abstract**: We present Foo, a platform that consolidates\n  all data and uses GPT-5 and\n"
        "  Gemini for extraction.\n", encoding="utf-8")
    (record,) = read_inputs([str(tmp_path)]).records
    assert record.abstract == "We present Foo, a platform that consolidates all data and uses GPT-5 and Gemini for extraction."


def test_fork_whose_heading_has_no_link_takes_the_one_paper_its_block_links():
    """A Japanese-label fork writes "### 1. Title" and the link on a line below it."""
    result = read_file(str(DIGESTS / "forks" / "2026-01-09-japanese.md"))
    assert result.problems == []
    routing, byte_lm = result.records  # the highlights section links two papers: no entry; "更新履歴" links none
    assert (routing.arxiv_id, routing.version) == ("2601.01234", "v3")
    assert routing.title == "Token-Level Routing for Sparse Mixture-of-Experts"
    assert routing.url == "https://arxiv.org/abs/2601.01234v3"
    assert routing.authors == ("佐藤 花子", "Kenji Tanaka", "Li Wei")
    assert routing.categories == ("cs.LG",)
    assert routing.abstract == "Mixture-of-experts models route each token to a few experts. We balance the load without an auxiliary loss."
    assert routing.summary is not None and routing.summary.tldr.startswith("専門家への割り当て")
    assert routing.source.line == 7
    assert (byte_lm.arxiv_id, byte_lm.url) == ("2601.05678", "https://arxiv.org/pdf/2601.05678")
    assert byte_lm.abstract == "We train language models directly on byte patches."


def test_a_plain_heading_over_several_papers_is_a_section_not_an_entry(tmp_path):
    path = tmp_path / "2026-01-09.md"
    path.write_text(
        "## Highlights\n\nSee https://arxiv.org/abs/2601.00001 and https://arxiv.org/abs/2601.00002.\n\n"
        "## 2026-01-09\n\nhttps://arxiv.org/abs/2601.00003\n\n"
        "### [3] [Good paper](https://arxiv.org/abs/2601.00004)\n*C, D*\n\nAbstract: Fine.\n",
        encoding="utf-8",
    )
    result = read_file(str(path))
    assert [r.arxiv_id for r in result.records] == ["2601.00004"]


def test_unlabelled_prose_under_an_entry_is_its_abstract():
    """An astro-ph fork writes the abstract as a "> " quote or a paragraph under the author line, unlabelled."""
    result = read_file(str(DIGESTS / "forks" / "2026-01-10-quoted.md"))
    assert result.problems == []
    dust, streams, rings = result.records
    assert dust.authors == ("Rosa Lindqvist", "Tomás Ferreira") and dust.listed_under == "astro-ph.GA"
    assert dust.abstract == ("We measure the dust lanes of forty barred spiral galaxies at redshift two with resolved "
                             "submillimetre imaging. The lanes are offset from the bars as in nearby galaxies, so "
                             "bar-driven inflow was already at work.")
    # a blank line ends the one-line "**Authors:**" field: the paragraph below is the abstract, not more names
    assert (streams.arxiv_id, streams.version) == ("2601.02002", "v2")
    assert streams.authors == ("Wen Hao", "Priya Natarajan")
    assert streams.abstract.startswith("We search wide-field photometry") and streams.abstract.endswith("satellites.")
    # a labelled abstract wins over a note in prose
    assert rings.abstract == "Ring galaxies keep their gas on expanding orbits for a gigayear."
    assert rings.summary is None


@pytest.mark.parametrize(
    ("body", "abstract"),
    [
        # a Chinese paragraph is no English abstract: the entry lacks one, and says so
        ("银河系中心附近分子云的动力学研究，我们发现了新的运动学特征，并讨论了其形成机制，并给出了观测证据和模型。", ""),
        # too short to be an abstract
        ("See the project page.", ""),
        # a long author list without the author markup is not prose
        ("Ann Lee, Bo Chen, Cy Diaz, Dee Evans, Eve Fox, Flo Gray, Gus Hill, Hal Ives, Ida Jones", ""),
        # a line that looked like a field, then a blank line: the paragraph below is prose of its own
        ("arXiv: 2601.00001 | astro-ph.GA\n\nWe present a survey of nearby dwarf galaxies and their faint satellites "
         "with deep imaging.",
         "We present a survey of nearby dwarf galaxies and their faint satellites with deep imaging."),
        # a quote whose first word looks like a label is still the abstract
        ("> Context: dwarf galaxies are dark-matter dominated, and their satellites are faint and rare.\n"
         "> We survey them.",
         "Context: dwarf galaxies are dark-matter dominated, and their satellites are faint and rare. We survey them."),
    ],
)
def test_what_unlabelled_text_counts_as_an_abstract(tmp_path, body, abstract):
    path = tmp_path / "2026-01-10.md"
    path.write_text(
        "### [Dwarf Satellites](https://arxiv.org/abs/2601.00001)\n*Ann Lee*\n\n" + body + "\n\n"
        "### [Ring Galaxies](https://arxiv.org/abs/2601.00002)\n*Bo Chen*\n\nAbstract: Rings keep their gas.\n",
        encoding="utf-8",
    )
    result = read_file(str(path))
    assert result.records[0].abstract == abstract
    missing = [p.message for p in result.problems]
    assert missing == ([] if abstract else ["2601.00001: no abstract"])


@pytest.mark.parametrize("line", ["- カテゴリ: cs.GT", "   - Category: `cs.GT`", "**Category:** **cs.GT**"])
def test_category_in_japanese_or_in_code_marks(tmp_path, line):
    path = tmp_path / "2026-03-01.md"
    path.write_text(f"### [T](https://arxiv.org/abs/2602.20074)\n\n- Authors: A. B\n{line}\n- Abstract: Text of it.\n",
                    encoding="utf-8")
    (record,) = read_file(str(path)).records
    assert record.categories == ("cs.GT",)


# Swahili labels: a language the label table lacks
_UNKNOWN_LABELS = """# Makala za arXiv za leo

### Sparse Mixture Routing for Long-Context Retrieval

**Link:** https://arxiv.org/abs/2602.09001
**Waandishi:** Lena Vogt, Ravi Menon, Chen Wei
**Kundi:** cs.CL

**Kurz:** Ein kurzer englischer Satz ist kein Abstract, auch wenn er Latein ist: routing helps retrieval.
**Mbinu:** 提出稀疏混合路由方法。

**Muhtasari:** Long-context retrieval suffers when every token attends to every other token. We
propose sparse mixture routing, which sends each query to a few experts chosen by a learned router, and
train it with a load-balancing loss. On three retrieval benchmarks it matches dense attention while
using a third of the compute, and it degrades gracefully as the context grows to a million tokens.
"""

# the same entry with German labels, which kg.ingest.label_translations lists
_GERMAN_LABELS = """# Heutige arXiv-Papiere

### Sparse Mixture Routing for Long-Context Retrieval

**Link:** https://arxiv.org/abs/2602.09001
**Autoren:** Lena Vogt, Ravi Menon, Chen Wei
**Kategorie:** cs.CL

**Kurz:** Ein kurzer englischer Satz ist kein Abstract, auch wenn er Latein ist: routing helps retrieval.
**Methode:** 提出稀疏混合路由方法。

**Zusammenfassung:** Long-context retrieval suffers when every token attends to every other token. We
propose sparse mixture routing, which sends each query to a few experts chosen by a learned router, and
train it with a load-balancing loss. On three retrieval benchmarks it matches dense attention while
using a third of the compute, and it degrades gracefully as the context grows to a million tokens.
"""


def test_fields_under_labels_in_an_unknown_language_are_placed_by_what_they_hold(tmp_path):
    """A fork writes its labels in a language the label table lacks: the names line is the
    authors, the category code the category, and the long English prose the abstract; the short
    fields stay in ``Summary.extra`` as written, and nothing is reported missing."""
    path = tmp_path / "2026-02-20.md"
    path.write_text(_UNKNOWN_LABELS, encoding="utf-8")
    result = read_file(str(path))
    (record,) = result.records
    assert record.authors == ("Lena Vogt", "Ravi Menon", "Chen Wei")
    assert record.primary_category == "cs.CL"
    assert record.abstract.startswith("Long-context retrieval suffers") and record.abstract.endswith("million tokens.")
    assert [label for label, _ in record.summary.extra] == ["Link", "Kurz", "Mbinu"]
    assert not result.problems


def test_translated_labels_name_their_fields(tmp_path):
    """German labels are in the table: "Methode" is the method field, "Zusammenfassung" the abstract;
    "Kurz" is not listed (too vague) and stays an extra."""
    path = tmp_path / "2026-02-20.md"
    path.write_text(_GERMAN_LABELS, encoding="utf-8")
    result = read_file(str(path))
    (record,) = result.records
    assert record.authors == ("Lena Vogt", "Ravi Menon", "Chen Wei") and record.primary_category == "cs.CL"
    assert record.abstract.startswith("Long-context retrieval suffers") and record.abstract.endswith("million tokens.")
    assert record.summary.method == "提出稀疏混合路由方法。"
    assert [label for label, _ in record.summary.extra] == ["Link", "Kurz"]
    assert not result.problems


def test_a_short_english_field_under_an_unknown_label_is_not_taken_for_the_abstract(tmp_path):
    path = tmp_path / "2026-02-20.md"
    path.write_text(_UNKNOWN_LABELS.split("**Muhtasari:**")[0], encoding="utf-8")
    (record,) = read_file(str(path)).records
    assert record.abstract == ""
    assert "Kurz" in dict(record.summary.extra)
