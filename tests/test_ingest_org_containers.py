"""Fork layouts of round 8: Org-mode and AsciiDoc digests, the container syntax of static-site generators (MkDocs
admonitions and tabs, Hugo shortcodes, fenced divs), translated labels, authors as a list, heading
attributes and "[3/25]" numbering. Each is read by structure; the examples are the shapes blind13, 14 and
16 showed (`bench/blind/render13.py`, `render14.py`, `render16.py`)."""
import textwrap

from kg.ingest import read_file, read_inputs
from kg.ingest.common import containers
from kg.ingest.detect import ORG, detect_format
from kg.ingest.labels import canonical_label
from kg.ingest.org_pages import looks_like_org_digest, to_markdown

ABSTRACT = ("Real-world object detection must operate in evolving environments where new classes emerge, domains "
            "shift, and unseen objects must be identified as unknown. We introduce Evolving World Object Detection "
            "(EWOD), a paradigm coupling incremental learning and domain adaptation. To tackle EWOD, we propose the "
            "EW-DETR framework with three synergistic modules: Incremental LoRA Adapters for exemplar-free learning.")
ABSTRACT2 = ("Gaussian splatting reconstructs scenes from casual videos; we add a learned deformation field so that "
             "moving objects stay sharp, and evaluate on two dynamic scene benchmarks with real captures.")


def _org(abstract: str = ABSTRACT) -> str:
    wrapped = "\n".join(textwrap.wrap(abstract, 78))
    return (
        "#+TITLE: Napi arXiv-válogatás – 2026. április 30.\n#+DATE: <2026-04-30 cs>\n#+OPTIONS: toc:1 num:nil\n\n"
        "A mai válogatás 2 cikket tartalmaz.\n\n"
        "* [1/2] EW-DETR: Evolving World Object Detection :cs_CV:\n:PROPERTIES:\n:CUSTOM_ID: arxiv-2602.20985\n"
        ":ARXIV_ID:  2602.20985\n:END:\n- Szerzők :: Munish Monga, Vishal Chudasama, C. V. Jawahar\n"
        "- Kategóriák :: cs.CV (fő), cs.AI\n- Megjegyzés :: Accepted at CVPR 2026\n"
        "- Linkek :: [[https://arxiv.org/abs/2602.20985][arXiv:2602.20985]] · [[https://arxiv.org/pdf/2602.20985][PDF]]\n\n"
        "** Röviden (TL;DR)\nEW-DETR：首个解决演化世界目标检测的框架\n\n** MI-összefoglaló\n*** Motiváció\n现实世界目标检测。\n"
        "*** Módszer\n提出EW-DETR框架。\n\n** Kivonat (angol eredeti)\n#+begin_quote\n" + wrapped + "\n#+end_quote\n\n"
        "* [2/2] Deformable Splats :cs_GR:\n:PROPERTIES:\n:ARXIV_ID: 2602.11002\n:END:\n- Szerzők :: Cy Zhou\n\n"
        "** Kivonat (angol eredeti)\n#+begin_quote\n" + ABSTRACT2 + "\n#+end_quote\n"
    )


def test_an_org_digest_is_read_by_its_headings_drawers_and_description_lists(tmp_path):
    path = tmp_path / "2026-04-30-napi-arxiv.org"
    path.write_text(_org(), encoding="utf-8")
    result = read_file(str(path))
    assert result.format == "org" and result.problems == []
    a, b = result.records
    assert (a.arxiv_id, a.title, b.arxiv_id, b.title) == ("2602.20985", "EW-DETR: Evolving World Object Detection",
                                                          "2602.11002", "Deformable Splats")
    assert a.authors == ("Munish Monga", "Vishal Chudasama", "C. V. Jawahar") and b.authors == ("Cy Zhou",)
    assert a.categories == ("cs.CV", "cs.AI") and a.comment == "Accepted at CVPR 2026"
    assert (a.summary.tldr, a.summary.motivation, a.summary.method) == ("EW-DETR：首个解决演化世界目标检测的框架", "现实世界目标检测。", "提出EW-DETR框架。")
    # the wrapped quote has a line that reads "word word: ..."; no ">" is left inside the abstract
    assert any(": " in line and not line.endswith(":") for line in textwrap.wrap(ABSTRACT, 78))
    assert a.abstract == ABSTRACT and b.abstract == ABSTRACT2
    # one output line per input line: the record points at its heading in the Org file
    lines = _org().split("\n")
    assert lines[a.source.line - 1].startswith("* [1/2] EW-DETR") and lines[b.source.line - 1].startswith("* [2/2]")
    assert str(tmp_path / "2026-04-30-napi-arxiv.org") in {r.source.path for r in read_inputs([str(tmp_path)]).records}


def test_org_papers_under_category_headings_and_the_conversion():
    text = ("#+TITLE: Daily\n* cs.CV\n** TODO [#A] A Title :cs_CV:\n- Authors :: A. B\n"
            "Link: [[https://arxiv.org/abs/2601.00001]] =code= and ~x~\n*** Abstract\ntext\n"
            "#+begin_src python\nprint(1)\n#+end_src\n| a | b |\n|---+---|\n# a comment\n"
            "** Second Title\n:PROPERTIES:\n:ARXIV_ID: 2601.00002\n:END:\n")
    out = to_markdown(text).split("\n")
    assert len(out) == len(text.split("\n"))
    assert out[:6] == ["# Daily", "## cs.CV", "### A Title", "- **Authors:** A. B",
                       "Link: <https://arxiv.org/abs/2601.00001> `code` and `x`", "**Abstract**"]
    assert out[8] == "" and out[11] == "|---|---|" and out[12] == "" and out[13] == "### Second Title"
    assert out[15] == "**ARXIV_ID:** 2601.00002"
    assert looks_like_org_digest(text) and detect_format(text) == ORG


def test_markdown_with_star_bullets_is_not_org():
    text = "# Papers\n\n* [A](https://arxiv.org/abs/2601.00001)\n* [B](https://arxiv.org/abs/2601.00002)\n"
    assert not looks_like_org_digest(text) and detect_format(text) != ORG
    # "=" and "~" in prose are no code markers: "x = 1" and "~10% faster"
    org = "#+TITLE: t\n* T [[https://arxiv.org/abs/2601.00001][x]]\nwe get ~10% faster, x = 1 and y=2~3.\n"
    assert to_markdown(org).split("\n")[2] == "we get ~10% faster, x = 1 and y=2~3."


def test_mkdocs_admonitions_and_tabs_label_their_indented_text(tmp_path):
    wrapped = textwrap.indent("\n".join(textwrap.wrap(ABSTRACT2, 70)), "    ")
    text = ("# Denní přehled\n\n### 1. Deformable Splats { #clanek-1 }\n\n**Autoři:** Cy Zhou; Dee Park  \n"
            "**Kategorie:** cs.GR, cs.CV | **arXiv:** `2602.11002` | **Odkazy:** [abstrakt](https://arxiv.org/abs/2602.11002)\n\n"
            '!!! tip "Stručně"\n    一句话总结。\n\n=== "Motivace"\n\n    动机。\n\n=== "Metoda"\n\n    方法。\n\n'
            '??? quote "Abstrakt (anglicky)"\n' + wrapped + "\n")
    path = tmp_path / "2026-04-16_denni-prehled.markdown"
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    (r,) = result.records
    assert result.problems == []
    assert (r.title, r.authors, r.categories) == ("Deformable Splats", ("Cy Zhou", "Dee Park"), ("cs.GR", "cs.CV"))
    assert (r.summary.tldr, r.summary.motivation, r.summary.method) == ("一句话总结。", "动机。", "方法。")
    assert r.abstract == ABSTRACT2
    # prose with "???" is no admonition: nothing indented below it
    assert containers("??? what next\nplain text\n") == "??? what next\nplain text\n"


def test_hugo_shortcodes_and_fenced_divs_become_labels():
    text = ('{{< paper-card id="2602.18446" category="cs.CL" >}}\n{{< hint info >}}\n**TL;DR —** x\n{{< /hint >}}\n'
            '{{< expand "Abstrakt (oryginał, EN)" >}}\ntext\n{{< /expand >}}\n{{< details summary="Analiza" >}}\n'
            ':::tip Abstract\ntext\n:::\n::: {.note}\n')
    assert containers(text).split("\n") == ["", "", "**TL;DR —** x", "", "**Abstrakt (oryginał, EN)**", "text", "",
                                            "**Analiza**", "**Abstract**", "text", "", "", ""]


def test_translated_and_glossed_labels():
    assert [canonical_label(x) for x in ("Röviden (TL;DR)", "Kivonat (angol eredeti)", "Anotace (anglicky):", "Motivace",
                                         "نتیجه‌گیری", "Συγγραφείς", "W skrócie —", "Palabras clave")] == \
        ["tldr", "abstract", None, "motivation", "conclusion", "authors", "tldr", "keywords"]


def test_authors_as_a_list_under_a_label_heading_attributes_and_counted_numbering(tmp_path):
    """"<h3>Συγγραφείς</h3><ul><li>A</li><li>B</li></ul>" is one author field; a Hugo "{#arxiv-ID}" heading
    attribute and "[1/25]" numbering are not part of the title."""
    html = ('<html><body><section class="entry" id="arxiv-2602.11002"><h2><a href="https://arxiv.org/abs/2602.11002">'
            'Deformable Splats</a></h2><p><code>2602.11002</code> · cs.GR</p><div class="authors"><h3>Συγγραφείς</h3>\n'
            '<ul>\n<li>Cy Zhou</li>\n<li>Dee Park</li>\n</ul></div>\n<h3>Περίληψη</h3>\n<p>' + ABSTRACT2 + '</p></section>'
            '<section><h2><a href="https://arxiv.org/abs/2602.11003">Solo</a></h2><h3>Συγγραφείς</h3><ul><li>Ann Lee</li></ul>'
            '<p>' + ABSTRACT + '</p></section></body></html>\n')
    path = tmp_path / "2026-04-09-synopsi.html"
    path.write_text(html, encoding="utf-8")
    a, b = read_file(str(path)).records
    assert a.authors == ("Cy Zhou", "Dee Park") and a.abstract == ABSTRACT2 and b.authors == ("Ann Lee",)
    md = ("# Digest\n\n### 1. Deformable Splats {#arxiv-2602.11002}\n\n**Authors:** Cy Zhou\n\n" + ABSTRACT2 + "\n\n"
          "### [2/25] [Solo](https://arxiv.org/abs/2602.11003)\n\n**Authors:** Ann Lee\n\n" + ABSTRACT + "\n")
    path = tmp_path / "2026-04-28.md"
    path.write_text(md, encoding="utf-8")
    a, b = read_file(str(path)).records
    assert (a.arxiv_id, a.title, b.title) == ("2602.11002", "Deformable Splats", "Solo")


def test_a_folder_reads_files_of_unlisted_kinds_that_link_papers_and_reports_what_it_cannot_read(tmp_path):
    """A fork's page in a markup the suffix list lacks (".adoc") is read when its first bytes link arXiv
    papers; one with papers but no known layout is reported (one line), code and other files are not opened."""
    (tmp_path / "2026-04-30.adoc").write_text(_org(), encoding="utf-8")  # Org content under another name
    (tmp_path / "2026-05-01.bib").write_text("@misc{a, url={https://arxiv.org/abs/2601.00001}}\n"
                                            "@misc{b, url={https://arxiv.org/abs/2601.00002}}\n", encoding="utf-8")
    (tmp_path / "fetch.py").write_text('URLS = ["https://arxiv.org/abs/2601.00001", "https://arxiv.org/abs/2601.00002"]\n')
    (tmp_path / "notes.yml").write_text("title: no papers here\n")
    (tmp_path / "logo.dat").write_bytes(b"\x00\x01arxiv.org/abs/ arxiv.org/abs/")
    result = read_inputs([str(tmp_path)])
    assert sorted({r.arxiv_id for r in result.records}) == ["2602.11002", "2602.20985"]
    assert [(p.source.path.rsplit("/", 1)[-1], p.kind) for p in result.report.problems] == [("2026-05-01.bib", "unknown-format")]


def test_a_sphinx_page_with_an_arxiv_role_is_read_as_restructuredtext(tmp_path):
    """":arXiv: :arxiv:`ID`" fields under underlined titles (blind17's Japanese fork): reStructuredText, not
    markdown's setext headings; "\\*" is an escaped star, "\\pm" LaTeX kept; "概要（英語原文）" labels the abstract."""
    wrapped = textwrap.indent("\n".join(textwrap.wrap(ABSTRACT2 + r" It gains $4.45 \pm 0.30$.", 70)), "   ")
    text = ("===========================\n arXiv 日報 2026年05月06日\n===========================\n\n"
            ":更新日: 2026-05-06\n\ncs.CV（2 件）\n==============\n\n.. _arxiv-2602.11002:\n\n"
            "\\*-Splats: Deformable Splats\n----------------------------\n\n"
            ":arXiv: :arxiv:`2602.11002` （`PDF <https://arxiv.org/pdf/2602.11002>`__）\n:著者: Cy Zhou, Dee Park\n:分野: cs.GR\n\n"
            ".. admonition:: TL;DR\n   :class: tip\n\n   一句话。\n\n研究動機\n   \\1) 动机。\n\n"
            ".. topic:: 概要（英語原文）\n\n" + wrapped + "\n\n"
            "Second Paper\n------------\n\n:arXiv: :arxiv:`2602.11003`\n:著者: Ann Lee\n")
    path = tmp_path / "arxiv_20260506.rst"
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    assert result.format == "rst"
    a, b = result.records
    assert (a.title, a.authors, a.categories) == ("*-Splats: Deformable Splats", ("Cy Zhou", "Dee Park"), ("cs.GR",))
    assert a.abstract == ABSTRACT2 + r" It gains $4.45 \pm 0.30$." and a.summary.tldr == "一句话。"
    assert a.summary.motivation == "1) 动机。" and b.authors == ("Ann Lee",)


def _adoc() -> str:
    return (
        "= arXiv diário — 12 de maio de 2026\n:revdate: 2026-05-12\n:lang: pt-BR\n:toc: left\n\n"
        "Esta página é gerada automaticamente.\n\n*Total de artigos:* 2\n\n== cs.CV (2)\n\n"
        "[[arxiv-2602-22779]]\n=== TrajTok: Trajectory Tokens\n\n[horizontal]\nArtigo:: 1 de 2\n"
        "arXiv:: https://arxiv.org/abs/2602.22779[arXiv:2602.22779] · https://arxiv.org/pdf/2602.22779[PDF]\n"
        "Autores:: Chenhao Zheng, Jieyu Zhang\nCategorias:: `cs.CV`, `cs.GR`\nComentário:: CVPR 2026\n\n"
        "TIP: *TL;DR:* 一句话。\n\n.Análise gerada por IA\n[cols=\"1h,5\",frame=ends]\n|===\n| Motivação\n| 动机。\n\n"
        "| Método\n| 方法。\n|===\n\n.Resumo original (inglês)\n[%collapsible%open]\n====\n"
        + "\n".join(textwrap.wrap(ABSTRACT, 70)) + "\n====\n\nlink:#header[↑ voltar ao topo]\n\n'''\n\n"
        "=== Deformable Splats\n\narXiv:: https://arxiv.org/abs/2602.11002[2602.11002]\nAutores:: Cy Zhou\n\n"
        "[quote]\n____\n" + ABSTRACT2 + "\n____\n\n----\ncode that is not the abstract\n----\n"
    )


def test_an_asciidoc_digest_is_read_by_its_sections_description_lists_and_blocks(tmp_path):
    """blind18's Portuguese AsciiDoc fork: "=== Title" sections, "Label:: value" lists, an admonition with a bold
    label, a two-column table of the AI fields, the abstract in an example block under a block title."""
    path = tmp_path / "arxiv-diario-2026-05-12.adoc"
    path.write_text(_adoc(), encoding="utf-8")
    result = read_file(str(path))
    assert result.format == "adoc" and result.problems == []
    a, b = result.records
    assert (a.arxiv_id, a.title, a.authors) == ("2602.22779", "TrajTok: Trajectory Tokens", ("Chenhao Zheng", "Jieyu Zhang"))
    assert a.categories == ("cs.CV", "cs.GR") and a.comment == "CVPR 2026"
    assert (a.summary.tldr, a.summary.motivation, a.summary.method) == ("一句话。", "动机。", "方法。")
    assert a.abstract == ABSTRACT and b.abstract == ABSTRACT2 and b.authors == ("Cy Zhou",)
    lines = _adoc().split("\n")
    assert lines[a.source.line - 1].startswith("=== TrajTok") and lines[b.source.line - 1] == "=== Deformable Splats"
    # picked up in a folder by its suffix; markdown with "==" in prose is no AsciiDoc
    assert {r.arxiv_id for r in read_inputs([str(tmp_path)]).records} == {"2602.22779", "2602.11002"}
    md = "# Papers\n\n## [A](https://arxiv.org/abs/2601.00001)\n\nx == y\n\n## [B](https://arxiv.org/abs/2601.00002)\n"
    assert detect_format(md) == "markdown"
