"""Digests without paper headings (kg.ingest.blocks): list items, bold title lines, tables; what is no digest."""
import pytest

from kg.ingest import read_file
from kg.ingest.detect import detect_format
from tests.conftest import FIXTURES

FORKS = FIXTURES / "digests" / "forks"


def test_numbered_list_items_with_indented_fields():
    result = read_file(str(FORKS / "2026-01-11-list.md"))
    assert result.format == "markdown" and result.problems == []
    curriculum, probing, tabular = result.records
    assert curriculum.arxiv_id == "2601.03001" and curriculum.source.line == 7
    assert curriculum.title == "Curriculum Schedules for Offline Reinforcement Learning"
    assert curriculum.url == "https://arxiv.org/abs/2601.03001"
    assert curriculum.authors == ("Mara Jovanović", "Tariq Haddad")
    assert curriculum.categories == ("cs.LG",) and curriculum.listed_under == "cs.LG"
    # the abstract's wrapped line is joined; the next sub-item is a field of its own
    assert curriculum.abstract == ("We order offline transitions from easy to hard and show that a simple curriculum "
                                   "schedule speeds up value learning on standard benchmarks.")
    assert curriculum.summary is None
    # translated labels, a pdf link with a version, an unknown sub-item kept as extra
    assert (probing.arxiv_id, probing.version, probing.url) == ("2601.03002", "v2", "https://arxiv.org/pdf/2601.03002v2")
    assert probing.authors == ("王芳", "Lukas Berg") and probing.categories == ("cs.CV", "cs.LG")
    assert probing.abstract == "Sparse linear probes find object parts in a few heads of a vision transformer."
    assert probing.summary is not None and probing.summary.extra == (("Code", "https://github.com/example/sparse-probes"),)
    # the link text is the id: the title is the rest of the item's line; the abstract an unlabelled paragraph
    assert tabular.title == "Calibrated Uncertainty for Tabular Foundation Models"
    assert tabular.authors == ("Noor Aziz",)
    assert tabular.abstract.startswith("Tabular foundation models are overconfident") and tabular.abstract.endswith("wrapper.")


def test_bold_title_lines_separated_by_rules():
    result = read_file(str(FORKS / "2026-01-11-bold.md"))
    assert result.format == "markdown" and result.problems == []
    noise, photonic, topo = result.records
    assert (noise.arxiv_id, noise.title, noise.source.line) == ("2601.04001", "Quantum Error Mitigation with Learned Noise Models", 3)
    assert noise.categories == ("quant-ph",)  # written beside the id: "arXiv: ID | quant-ph"
    assert noise.url == ""  # a bare "arXiv: ID" gives no link
    assert noise.authors == ("Ines Duarte", "Kofi Mensah")
    assert noise.abstract.startswith("A neural noise model") and noise.abstract.endswith("energy estimates.")
    assert (photonic.arxiv_id, photonic.version, photonic.categories) == ("2601.04002", "v3", ("physics.optics",))
    assert photonic.authors == ("Olga Petrova",)
    assert photonic.abstract.startswith("We build a photonic lattice")  # unlabelled, after the bold author field
    assert topo.url == "https://arxiv.org/abs/2601.04003"
    assert topo.authors == ("Hana Sato", "Diego Ramos") and topo.comment == "9 pages, 4 figures"
    assert topo.abstract == "Periodic driving of a cold atom chain opens a topological gap that we detect by charge pumping."


def test_a_table_row_per_paper():
    result = read_file(str(FORKS / "2026-01-11-table.md"))
    assert result.format == "markdown" and result.problems == []  # the table of counts has no ids: not papers
    docking, speech, legal = result.records
    assert (docking.arxiv_id, docking.title, docking.source.line) == ("2601.05001", "Graph Kernels for Protein Docking", 5)
    assert docking.authors == ("Yara Haddad", "Ben Ortiz") and docking.categories == ("q-bio.BM",)
    assert docking.summary is None  # the "#" column is a number, not a field
    assert (speech.version, speech.url) == ("v1", "https://arxiv.org/pdf/2601.05002v1")
    assert legal.authors == ("Ada Byrne", "Kai Weber", "Ola Nilsen") and legal.url == "https://arxiv.org/abs/2601.05003"
    # a table gives no abstracts: that is the layout, not a fault of each row
    assert {r.abstract for r in result.records} == {""}


def test_table_headers_in_other_languages(tmp_path):
    path = tmp_path / "2026-01-12.md"
    path.write_text(
        "| 标题 | 作者 | 分类 | 链接 |\n| :-- | :-- | :-: | --- |\n"
        "| 稀疏注意力 Sparse Attention at Scale | 张伟, Ana Lima | cs.LG | [论文](https://arxiv.org/abs/2601.06001) |\n"
        "| Title \\| with a pipe | Bo Chen | cs.CL | arXiv:2601.06002 |\n",
        encoding="utf-8",
    )
    first, second = read_file(str(path)).records
    assert (first.title, first.authors, first.categories) == ("稀疏注意力 Sparse Attention at Scale", ("张伟", "Ana Lima"), ("cs.LG",))
    assert (second.arxiv_id, second.title) == ("2601.06002", "Title | with a pipe")


def test_every_skipped_block_is_a_problem_with_its_line(tmp_path):
    path = tmp_path / "2026-01-12.md"
    path.write_text(
        "# Digest\n\n"
        "**Good Paper**\narXiv: 2601.07001\nAuthors: Ann Lee\n\n---\n\n"  # 3
        "- https://arxiv.org/abs/2601.07002\n"  # 9: an id, no title
        "- **[Two Papers](https://arxiv.org/abs/2601.07003)** and [Another](https://arxiv.org/abs/2601.07004)\n"  # 10
        "\n| Title | Authors | Link |\n|---|---|---|\n"
        "| Tabled | Bo Chen | https://arxiv.org/abs/2601.07005 |\n"  # 14
        "| Lost link | Cy Diaz | |\n",  # 15
        encoding="utf-8",
    )
    result = read_file(str(path))
    assert [r.arxiv_id for r in result.records] == ["2601.07001", "2601.07005"]
    assert [(p.source.line, p.kind) for p in result.problems] == [
        (9, "malformed-block"), (10, "malformed-block"), (15, "malformed-block"),
    ]
    assert "2601.07002: an entry without a title" in result.problems[0].message
    assert "several arXiv ids" in result.problems[1].message and "no arXiv id" in result.problems[2].message
    assert all(p.source.path == str(path) for p in result.problems)


def test_several_papers_in_one_block_are_cut_by_paragraphs():
    text = (
        "## Papers\n\n"
        "[First Paper](https://arxiv.org/abs/2601.08001)\nAuthors: Ann Lee\n\n"
        "We study the first problem in depth and give a linear-time algorithm for it.\n\n"
        "[Second Paper](https://arxiv.org/abs/2601.08002)\nAuthors: Bo Chen\n"
    )
    from kg.ingest.common import FileContext
    from kg.ingest.markdown import read_markdown

    first, second = read_markdown(text, FileContext("x.md", "x/x.md")).records
    assert (first.title, first.authors, second.title) == ("First Paper", ("Ann Lee",), "Second Paper")
    assert first.abstract == "We study the first problem in depth and give a linear-time algorithm for it."
    assert first.source.line == 3 and second.source.line == 8


@pytest.mark.parametrize(
    "text",
    [
        # a README that links the paper it implements
        "# FooNet\n\nCode for our paper [FooNet: Fast Nets](https://arxiv.org/abs/2601.09001).\n\n"
        "## Install\n\n```\npip install foonet\n```\n\nSee the docs for the training and evaluation scripts of all models.\n",
        # notes that cite one paper in prose
        "# Reading notes\n\nToday I read arXiv:2601.09002 about sparse routing, which balances the load of experts "
        "without an auxiliary loss and matches dense baselines.\n",
        # a list of many links without titles
        "# Links\n\n" + "".join(f"- https://arxiv.org/abs/2601.0900{i}\n" for i in range(3, 9)),
        # a reading list of titled links, with nothing about the papers
        "# To read\n\n- [Paper One](https://arxiv.org/abs/2601.09010)\n- [Paper Two](https://arxiv.org/abs/2601.09011)\n",
    ],
    ids=["readme", "notes", "bare-links", "reading-list"],
)
def test_files_that_mention_papers_are_no_digests(tmp_path, text):
    assert detect_format(text) is None
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    assert result.records == [] and [p.kind for p in result.problems] == ["unknown-format"]


@pytest.mark.parametrize(
    "text",
    [
        # one paper with a title and authors: a day with one paper
        "# 2026-01-12\n\n**A Single Paper**\narXiv: 2601.09020\nAuthors: Ann Lee\n",
        # no authors, but two papers with an abstract each
        "1. [Paper One](https://arxiv.org/abs/2601.09021)\n   - Abstract: One.\n"
        "2. [Paper Two](https://arxiv.org/abs/2601.09022)\n   - Abstract: Two.\n",
    ],
    ids=["one-paper", "two-abstracts"],
)
def test_small_digests_are_digests(text):
    assert detect_format(text) == "markdown"


def test_a_heading_over_a_few_links_gives_no_records(tmp_path):
    """Format detection lets a heading with links below it through; the block reader still wants a digest."""
    path = tmp_path / "links.md"
    path.write_text("## Related work\n\n- [Paper One](https://arxiv.org/abs/2601.09030)\n"
                    "- [Paper Two](https://arxiv.org/abs/2601.09031)\n", encoding="utf-8")
    result = read_file(str(path))
    assert result.format == "markdown" and result.records == [] and result.problems == []


def test_a_numbered_bold_title_loses_its_number(tmp_path):
    path = tmp_path / "2026-01-12.md"
    path.write_text("**1. Graph Things: A Study**\narXiv: 2601.09040\nAuthors: Ann Lee\n\n"
                    "**[2] Other Things**\narXiv: 2601.09041\nAuthors: Bo Chen\n", encoding="utf-8")
    assert [r.title for r in read_file(str(path)).records] == ["Graph Things: A Study", "Other Things"]


def test_a_table_without_authors_is_a_digest_when_it_says_something_about_each_paper():
    text = ("| Title | Category | Link |\n|---|---|---|\n"
            "| Paper One | cs.LG | https://arxiv.org/abs/2601.09050 |\n| Paper Two | cs.CL | https://arxiv.org/abs/2601.09051 |\n")
    assert detect_format(text) == "markdown"
    titles_only = ("| Title | Link |\n|---|---|\n"
                   "| Paper One | https://arxiv.org/abs/2601.09050 |\n| Paper Two | https://arxiv.org/abs/2601.09051 |\n")
    assert detect_format(titles_only) is None


def test_headings_of_a_level_the_heading_reader_leaves_alone_open_blocks(tmp_path):
    path = tmp_path / "2026-01-12.md"
    path.write_text("# Digest\n\n##### [Paper One](https://arxiv.org/abs/2601.09060)\nAuthors: Ann Lee\n\n"
                    "##### [Paper Two](https://arxiv.org/abs/2601.09061)\nAuthors: Bo Chen\n", encoding="utf-8")
    result = read_file(str(path))
    assert [(r.title, r.authors, r.source.line) for r in result.records] == [
        ("Paper One", ("Ann Lee",), 3), ("Paper Two", ("Bo Chen",), 6)]


def test_html_details_blocks_with_summary_titles():
    """A fork that folds each paper into <details>: the <summary> line is the title."""
    result = read_file(str(FORKS / "2026-01-12-details.md"))
    assert result.format == "markdown" and result.problems == []
    moe, operator = result.records
    assert (moe.arxiv_id, moe.title, moe.source.line) == ("2601.06001", "Sparse Mixture-of-Experts for Streaming Speech Recognition", 4)
    assert moe.authors == ("Lena Fischer", "Omar Said") and moe.categories == ("eess.AS",)
    assert moe.abstract.startswith("We route streaming audio") and moe.abstract.endswith("by a third.")
    assert (operator.title, operator.version, operator.authors) == ("Graph Neural Operators for Porous Media Flow", "v2", ("Priya Nair",))
    assert operator.abstract.startswith("A graph neural operator")


def test_setext_headings_and_a_line_of_cells_beside_the_id():
    """"Title" over "====" or "----" opens an entry; "[id](url) | A, B | cs.LG" gives authors and category, not the abstract."""
    result = read_file(str(FORKS / "2026-01-12-setext.md"))
    assert result.format == "markdown" and result.problems == []
    tabular, laser = result.records
    assert (tabular.arxiv_id, tabular.title, tabular.source.line) == ("2601.06101", "Contrastive Pretraining for Tabular Anomaly Detection", 4)
    assert tabular.authors == ("Mei Tanaka", "Jonas Berg") and tabular.categories == ("cs.LG",)
    assert tabular.abstract.startswith("Tabular anomaly detectors")
    assert (laser.arxiv_id, laser.title) == ("2601.06102", "Bayesian Optimisation of Laser Pulse Shapes")
    assert laser.authors == ("Carla Mendes",) and laser.categories == ("physics.optics",)
    assert laser.abstract.startswith("We tune laser pulse shapes")


def test_heading_over_a_bare_arxiv_id_line_and_run_in_bold_labels():
    """"### Title" then "arXiv:ID · cs.CL · A, B" (no URL anywhere); "**Abstract** text" without a colon."""
    assert detect_format((FORKS / "2026-01-12-bareid.md").read_text(encoding="utf-8")) == "markdown"
    result = read_file(str(FORKS / "2026-01-12-bareid.md"))
    assert result.problems == []
    rag, lora = result.records
    assert (rag.arxiv_id, rag.title, rag.url) == ("2601.06201", "Retrieval-Augmented Generation for Clinical Notes", "")
    assert rag.authors == ("Ana Costa", "Wei Zhang") and rag.categories == ("cs.CL",)
    assert rag.abstract.startswith("We combine retrieval-augmented generation") and rag.summary.tldr == "检索增强生成用于临床笔记。"
    assert (lora.version, lora.authors) == ("v3", ("Tom Weber",))
    assert lora.abstract.startswith("Low-rank adaptation of a segmentation")


def test_emoji_labels_and_a_meta_line_of_cells_without_the_id():
    """"**📝 Abstract**:" is the abstract label; "✍️ A, B · 🏷️ cs.LG" under the heading gives authors and category."""
    result = read_file(str(FORKS / "2026-01-13-emoji.md"))
    assert result.problems == []
    tabular, moe = result.records
    assert (tabular.arxiv_id, tabular.source.line) == ("2601.06301", 6)
    assert tabular.authors == ("Lea Roth", "Kenji Mori") and tabular.categories == ("cs.LG",)
    assert tabular.abstract.startswith("We pretrain a tabular encoder") and tabular.summary.tldr == "用对比预训练做表格异常检测。"
    assert tabular.summary.method == "对比学习预训练编码器。"
    assert (moe.version, moe.authors, moe.categories) == ("v2", ("Omar Haddad",), ("cs.CL",))


def test_italic_author_cells_and_a_quoted_abstract_under_a_field():
    """"*A, B · cs.CV*" is authors and category; a "> " quote after a blank line under "- **TL;DR** — ..." is the abstract."""
    result = read_file(str(FORKS / "2026-01-13-italic.md"))
    assert result.problems == []
    splatting, dpo = result.records
    assert (splatting.arxiv_id, splatting.title) == ("2601.06321", "Gaussian Splatting for Underwater Scenes")
    assert splatting.authors == ("Mia Laine", "Noah Park") and splatting.categories == ("cs.CV",)
    assert splatting.summary.tldr == "水下场景的高斯溅射。"  # the dash after the run-in label is not the value's
    assert splatting.abstract == ("We extend 3D Gaussian splatting with a medium model for light absorption and "
                                  "backscatter and render underwater scenes in real time.")
    assert (dpo.version, dpo.authors, dpo.categories) == ("v2", ("Ravi Menon",), ("cs.CL",))
    assert dpo.abstract.startswith("Direct preference optimization degrades")


def test_html_paper_cards():
    """<article>/<div> cards: a linked <h2>/<h3> title, a cell line or <b>Label:</b> fields, a <blockquote>
    or <p> abstract; entities decoded, scripts ignored, lines numbered as in the HTML file."""
    text = (FORKS / "2026-01-13-html.md").read_text(encoding="utf-8")
    assert detect_format(text) == "html"
    result = read_file(str(FORKS / "2026-01-13-html.md"))
    assert result.format == "html" and result.digest.format == "html" and result.problems == []
    kalman, chess, transit = result.records
    assert (kalman.arxiv_id, kalman.source.line) == ("2601.06311", 4)
    assert kalman.title == "Kalman Filtering for Event Cameras & Drones"
    assert kalman.authors == ("Ines Duarte", "Paul Novak") and kalman.categories == ("cs.RO",)
    assert kalman.summary.tldr == "事件相机的卡尔曼滤波。"
    assert kalman.abstract.startswith("An extended Kalman filter") and kalman.abstract.endswith("<1 ms after each event.")
    assert (chess.arxiv_id, chess.version, chess.source.line) == ("2601.06312", "v1", 11)
    assert chess.authors == ("Jan Kowalski",) and chess.categories == ("cs.LG",)
    assert chess.abstract == ("We train sparse autoencoders on the residual stream of a chess transformer "
                              "and find features for pins and forks.")
    assert (transit.arxiv_id, transit.authors, transit.categories) == ("2601.06313", ("Ana Lima",), ("astro-ph.EP",))
    assert transit.abstract.startswith("Nested sampling recovers") and transit.abstract.endswith("Monte Carlo stalls.")


def test_markdown_digests_with_inline_html_are_not_html():
    """The classic layout's <details>/<summary> and a heading with an arXiv link stay markdown."""
    for name in ("2026-01-12-details.md", "2026-01-10-quoted.md"):
        assert detect_format((FORKS / name).read_text(encoding="utf-8")) == "markdown"
    assert detect_format("## [T](https://arxiv.org/abs/2601.00001)\n<p><a href='https://arxiv.org/abs/2601.00002'>x</a></p>"
                         "<p><a href='https://arxiv.org/abs/2601.00003'>y</a></p>\n") == "markdown"


def test_labelled_bare_ids_and_an_english_paragraph_under_a_translated_field():
    """"**arXiv ID:** ID" (no URL); the English paragraph after a blank line below "**Summary:** 用..." is the abstract."""
    result = read_file(str(FORKS / "2026-01-14-idlabel.md"))
    assert result.problems == []
    spectral, forests = result.records
    assert (spectral.arxiv_id, spectral.title, spectral.categories) == ("2601.06401", "Spectral Clustering of Citation Graphs", ("cs.SI",))
    assert spectral.abstract.startswith("We cluster citation graphs") and spectral.abstract.endswith("subject codes.")
    assert spectral.summary.extra[-1] == ("Summary", "用谱聚类分析引文图。")
    assert (forests.arxiv_id, forests.version, forests.authors) == ("2601.06402", "v2", ("Noor Aziz",))
    assert forests.abstract.startswith("Quantile regression forests")


def test_quoted_author_names_and_a_one_line_details_abstract():
    """"> A, B and C" under the heading names the authors; "<details><summary>Abstract</summary>text</details>" is a field."""
    result = read_file(str(FORKS / "2026-01-14-oneline.md"))
    assert result.problems == []
    speculative, conformal = result.records
    assert speculative.authors == ("Ravi Menon", "Li Wei", "Sara Costa") and speculative.categories == ("cs.CL",)
    assert speculative.abstract.startswith("Speculative decoding with tree-structured drafts")
    assert speculative.summary.tldr == "树形草稿的推测解码。"
    assert conformal.authors == ("王芳", "Lukas Berg") and conformal.abstract.startswith("Conformal prediction sets")
