"""Fork layouts of round 7: a Sphinx (reStructuredText) digest, and a two-column table of fields under each
paper heading; both read by structure, their labels in a language the reader does not list."""
import textwrap

from kg.ingest import read_file, read_inputs
from kg.ingest.common import field_tables
from kg.ingest.rst_pages import to_markdown

ABSTRACT = ("We study sparse mixtures of experts for speech recognition and show that routing by phoneme "
            "classes halves the compute of dense transformers at equal word error rate on three benchmarks. "
            "The router is trained jointly with the experts, and an ablation over router sizes shows where the savings come from.")
ABSTRACT2 = ("Gaussian splatting reconstructs scenes from casual videos; we add a learned deformation field "
             "so that moving objects stay sharp, and evaluate on two dynamic scene benchmarks with real captures. "
             "The field is regularised over time, which keeps the splats stable when the camera moves quickly "
             "and when the light changes between the frames of one capture.")

RST = """\
.. meta::
   :description: arXiv-päiväkatsaus 2026-04-23

:orphan:

=============================
arXiv-päiväkatsaus 2026-04-23
=============================

.. list-table:: Pääkategoriat
   :header-rows: 1

   * - Kategoria
     - Artikkeleita
   * - ``cs.CL``
     - 2

.. _arxiv-2602.11001:

1. Phoneme Routing: Sparse Experts for ASR
------------------------------------------

:Tekijät: Ann Lee, Bo Li
:Kategoriat: cs.CL
:arXiv: `2602.11001 <https://arxiv.org/abs/2602.11001>`__ (`PDF <https://arxiv.org/pdf/2602.11001>`__)
:Kommentti: 8 pages

.. admonition:: Lyhyesti

   第一篇的总结。

.. rubric:: Tiivistelmä (englanniksi)

.. container:: abstract

{abstract}

.. _arxiv-2602.11002:

2. Deformable Splats
--------------------

:Tekijät: Cy Zhou, Dee Park
:Kategoriat: cs.CV, cs.GR
:arXiv: `2602.11002 <https://arxiv.org/abs/2602.11002>`__

.. rubric:: Tiivistelmä (englanniksi)

.. container:: abstract

{abstract2}
"""


def _wrapped(text):
    return textwrap.indent(textwrap.fill(text, 70), "   ")


def test_a_sphinx_digest_is_read_section_by_section(tmp_path):
    path = tmp_path / "2026-04-23_paivakatsaus.rst"
    path.write_text(RST.format(abstract=_wrapped(ABSTRACT), abstract2=_wrapped(ABSTRACT2)), encoding="utf-8")
    result = read_inputs([str(tmp_path)])  # a folder walk takes .rst files
    assert not result.report.problems
    first, second = result.records
    assert (first.arxiv_id, first.title, first.authors, first.categories) == (
        "2602.11001", "Phoneme Routing: Sparse Experts for ASR", ("Ann Lee", "Bo Li"), ("cs.CL",))
    assert first.abstract == ABSTRACT and second.abstract == ABSTRACT2
    assert second.categories == ("cs.CV", "cs.GR") and second.source.line == 44  # the rst file's own line
    assert read_file(str(path)).format == "rst"


def test_rst_to_markdown_keeps_one_line_per_line():
    text = RST.format(abstract=_wrapped(ABSTRACT), abstract2=_wrapped(ABSTRACT2))
    assert len(to_markdown(text).split("\n")) == len(text.split("\n"))
    assert "**Tekijät:** Ann Lee, Bo Li" in to_markdown(text)


def _table_entry(n, arxiv_id, title, authors, abstract):
    return (f"## {n}. {title}\n\n| Fält | Värde |\n|:-----|:------|\n| Författare | {authors} |\n| Kategorier | `cs.CL` |\n"
            f"| arXiv | [{arxiv_id}](https://arxiv.org/abs/{arxiv_id}) · [PDF](https://arxiv.org/pdf/{arxiv_id}) |\n\n"
            f"> **Kortfattat:** 总结。\n\n<details markdown=\"1\">\n<summary>Sammanfattning (engelska)</summary>\n\n"
            f"{abstract}\n\n</details>\n\n---\n\n")


def test_a_two_column_table_of_fields_under_a_paper_heading(tmp_path):
    text = ("---\nlayout: post\n---\n\n| Kategori | Antal |\n|---|---|\n| cs.CL | 2 |\n| cs.CV | 1 |\n\n"
            + _table_entry(1, "2602.11001", "Phoneme Routing", "Ann Lee, Bo Li", ABSTRACT)
            + _table_entry(2, "2602.11002", "Deformable Splats", "Cy Zhou, Dee Park", ABSTRACT2))
    path = tmp_path / "2026-04-21-arxiv-sammandrag.md"
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    assert not result.problems
    assert [(r.arxiv_id, r.authors, r.categories, r.abstract) for r in result.records] == [
        ("2602.11001", ("Ann Lee", "Bo Li"), ("cs.CL",), ABSTRACT), ("2602.11002", ("Cy Zhou", "Dee Park"), ("cs.CL",), ABSTRACT2)]


def test_a_two_column_table_that_lists_papers_is_no_table_of_fields():
    rows = "".join(f"| Paper {n} | [arXiv](https://arxiv.org/abs/2602.1100{n}) |\n" for n in range(1, 4))
    text = f"# Reading list\n\n| Title | Link |\n|---|---|\n{rows}"
    assert field_tables(text) == text  # a paper link in every row: a list of papers, left to the table reader
