"""Fork layouts: bracketed labels (``【标题】``, ``[TL;DR]``), paper links to reading sites, HTML tables and definition
lists, HTML files in a folder, fields under unknown labels placed by content."""
import textwrap

from kg.arxiv import is_paper_url
from kg.ingest import read_file, read_inputs
from kg.ingest.entry import looks_like_names

ABSTRACT = ("We study sparse mixtures of experts for speech recognition and show that routing by phoneme "
            "classes halves the compute of dense transformers at equal word error rate on three benchmarks. "
            "The router is trained jointly with the experts, and an ablation over router sizes and expert counts shows where the savings come from.")
ABSTRACT2 = ("Gaussian splatting reconstructs scenes from casual videos; we add a learned deformation field "
             "so that moving objects stay sharp, and evaluate on two dynamic scene benchmarks with real captures. "
             "The field is regularised over time, which keeps the splats stable when the camera moves quickly and when the light changes between frames of one capture.")


def _read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_file(str(path))


def _bracket_entry(n, arxiv_id, title, authors, abstract):
    return (f"【标题】{title}\n【链接】https://arxiv.org/abs/{arxiv_id}\n【作者】{authors}\n【分类】cs.CL\n"
            f"【一句话总结】第{n}篇的总结。\n【摘要】{abstract}\n")


def test_bracket_labels_between_rules_and_without_any_separator(tmp_path):
    first = _bracket_entry(1, "2602.11001", "Phoneme Routing: Sparse Experts for ASR", "Ann Lee, Bo Li", ABSTRACT)
    second = _bracket_entry(2, "2602.11002", "Deformable Splats", "Cy Zhou, Dee Park", ABSTRACT2)
    for name, text in (("ruled.md", f"# 每日论文速递\n\n{first}\n* * *\n\n{second}"),
                       ("packed.md", f"# 每日论文速递\n\n{first}{second}")):  # one line a field, no blank line
        result = _read(tmp_path, name, text)
        assert result.format == "markdown" and result.problems == [], name
        a, b = result.records
        assert (a.arxiv_id, a.title, a.authors, a.categories) == (
            "2602.11001", "Phoneme Routing: Sparse Experts for ASR", ("Ann Lee", "Bo Li"), ("cs.CL",))
        assert a.abstract == ABSTRACT and a.summary.tldr == "第1篇的总结。"
        assert (b.arxiv_id, b.title, b.authors, b.abstract) == ("2602.11002", "Deformable Splats", ("Cy Zhou", "Dee Park"), ABSTRACT2)


def test_bracket_labels_under_a_heading_and_ascii_brackets_only_for_known_labels(tmp_path):
    text = ("## [Phoneme Routing](https://arxiv.org/abs/2602.11001)\n\n*Ann Lee, Bo Li*\n\n"
            "[TL;DR] Sparse experts for ASR.\n\n"
            "［摘要］：" + ABSTRACT + "\n\n"
            "[Note] this line is text of the abstract's paragraph, not a field\n")
    (rec,) = _read(tmp_path, "h.md", text).records
    assert rec.summary.tldr == "Sparse experts for ASR."
    assert rec.abstract == ABSTRACT + " [Note] this line is text of the abstract's paragraph, not a field"


def test_links_to_reading_sites_carry_the_paper_id(tmp_path):
    assert is_paper_url("https://huggingface.co/papers/2602.11001") and is_paper_url("https://www.alphaxiv.org/abs/2602.11001v2")
    assert is_paper_url("https://papers.cool/arxiv/2602.11001") and not is_paper_url("https://github.com/x/2602.11001")
    text = (f"## [Phoneme Routing](https://huggingface.co/papers/2602.11001)\n\n*Ann Lee, Bo Li*\n\nAbstract: {ABSTRACT}\n\n"
            f"## Deformable Splats\n\n- Authors: Cy Zhou\n- Link: [alphaXiv](https://www.alphaxiv.org/abs/2602.11002v2)\n\n> {ABSTRACT2}\n")
    a, b = _read(tmp_path, "m.md", text).records
    assert (a.arxiv_id, a.title, a.url) == ("2602.11001", "Phoneme Routing", "https://huggingface.co/papers/2602.11001")
    assert (b.arxiv_id, b.version, b.title, b.abstract) == ("2602.11002", "v2", "Deformable Splats", ABSTRACT2)


def test_html_table_rows_and_definition_lists_in_a_folder(tmp_path):
    """A folder walk reads .html files (by content, as every file); a <table> is a markdown table, a
    <dt>/<dd> pair a field; unknown labels ("Tác giả", "Autori") are placed by what they hold."""
    table = ("<html><body><table><tr><th>Tiêu đề</th><th>Tác giả</th><th>Tóm tắt</th></tr>"
             "<tr><td><a href='https://arxiv.org/abs/2602.11001'>Phoneme Routing</a></td><td>Ann Lee, Bo Li, Xiang chen</td>"
             f"<td>{ABSTRACT} A | B.</td></tr>"
             "<tr><td><a href='https://arxiv.org/abs/2602.11002'>Deformable Splats</a></td><td>Cy Zhou, Dee Park</td>"
             f"<td>{ABSTRACT2}</td></tr></table></body></html>")
    cards = "".join(f"<section><h2>{t}</h2><dl><dt>Autori</dt><dd>{a}</dd><dt>arXiv</dt><dd><a href='https://arxiv.org/abs/{i}'>{i}</a></dd>"
                    f"<dt>Categoria</dt><dd>cs.CV</dd><dt>Sommario</dt><dd>{s}</dd></dl></section>"
                    for t, a, i, s in (("Phoneme Routing", "Ann Lee, Bo Li", "2602.11001", ABSTRACT),
                                       ("Deformable Splats", "Cy Zhou, Dee Park", "2602.11002", ABSTRACT2)))
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "2026-03-01-table.html").write_text(table, encoding="utf-8")
    (tmp_path / "d" / "2026-03-02-cards.htm").write_text(f"<html><body>{cards}</body></html>", encoding="utf-8")
    result = read_inputs([str(tmp_path / "d")])
    assert len(result.report.files_read) == 2 and result.report.problems == []
    by_file = {}
    for rec in result.records:
        by_file.setdefault(rec.source.path.rsplit("-", 1)[1], []).append(rec)
    for kind in ("table.html", "cards.htm"):
        a, b = by_file[kind]
        assert (a.arxiv_id, a.title, b.arxiv_id, b.title) == ("2602.11001", "Phoneme Routing", "2602.11002", "Deformable Splats"), kind
        assert a.authors[:2] == ("Ann Lee", "Bo Li") and b.authors == ("Cy Zhou", "Dee Park"), kind
        assert b.abstract == ABSTRACT2, kind
    assert by_file["table.html"][0].abstract == ABSTRACT + " A | B."  # a pipe in a cell stays text
    assert by_file["cards.htm"][0].categories == ("cs.CV",)


def test_author_lists_with_a_name_in_lower_case_but_not_sentences():
    assert looks_like_names("Jiayu Chen, Ruoyu Lin, Zihao Zheng, Jingxin Li, Xiang chen")
    assert not looks_like_names("Ann Lee, bob the builder")  # one odd name in two
    # clauses of a Chinese sentence are no names, even when most of them look like one
    assert not looks_like_names("该论文调查了叙事理论，提出了分类法，分析了数据集，任务，理论和方法趋势，并指出了未来研究方向。")


def test_sub_headings_fenced_abstracts_emoji_labels_and_a_comment_citing_another_paper(tmp_path):
    """Under a paper heading: a deeper heading labels the text below it ("### Tóm tắt gốc"); a fenced
    abstract loses its fence lines; a comment's "arXiv:ID" of another paper does not make the heading
    a section; "📌 Title" and "- 👥 Autores:" lose their emoji."""
    wrapped = "\n".join(textwrap.wrap(ABSTRACT, 60))
    text = ("# Дайджест\n\n## 📌 Phoneme Routing\n\n"
            "[![arXiv](https://img.shields.io/badge/arXiv-2602.11001-b31b1b.svg)](https://arxiv.org/abs/2602.11001)\n\n"
            "- 👥 Autores: Ann Lee, Bo Li\n- 💡 **TL;DR:** 稀疏专家。\n\n"
            "**Комментарий:** 8 pages. Text overlap with arXiv:2502.10645\n\n"
            f"**Аннотация (оригинал):**\n\n```text\n{wrapped}\n```\n\n"
            f"## [Deformable Splats](https://arxiv.org/abs/2602.11002)\n\n*Cy Zhou*\n\n### Tóm tắt gốc (tiếng Anh)\n\n{ABSTRACT2}\n\n"
            "### Động lực\n\n动机。\n")
    result = _read(tmp_path, "ru.md", text)
    assert result.problems == []
    a, b = result.records
    assert (a.arxiv_id, a.title, a.authors, a.summary.tldr) == ("2602.11001", "Phoneme Routing", ("Ann Lee", "Bo Li"), "稀疏专家。")
    assert a.abstract == ABSTRACT
    assert (b.arxiv_id, b.abstract) == ("2602.11002", ABSTRACT2)
    # a translated label of an AI field is that field (kg.ingest.label_translations), and the comment too
    assert (b.summary.motivation, b.summary.extra) == ("动机。", ())
    assert a.comment == "8 pages. Text overlap with arXiv:2502.10645"


def test_a_category_line_under_an_unknown_label():
    from kg.ingest.entry import Entry, build_record
    entry = Entry(1, "2602.11001", "", "T", "", "")
    entry.start("Chuyên mục chính", "`cs.CV` (cs.AI, cs.CL)", True)
    entry.start("Tác giả", "Ann Lee, Bo Li", True)
    record, _ = build_record(entry, "x.md", "x", None)
    assert record.categories == ("cs.CV", "cs.AI", "cs.CL") and record.authors == ("Ann Lee", "Bo Li")


def test_reference_links_gender_colon_labels_and_a_bold_label_line(tmp_path):
    """"#### 1. [Title][1]" with "[1]: url" at the end; "**Autor:innen:**" (a colon inside the label);
    "**Abstract**" alone on its line labels the paragraphs below it."""
    text = ("# Tagesbericht\n\n#### 1. [Phoneme Routing][1]\n\n- **Autor:innen:** Ann Lee, Bo Li\n- **Kategorien:** **cs.CL**\n\n"
            f"**Abstract**\n\n{ABSTRACT}\n\n---\n\n#### 2. [Deformable Splats][2]\n\n- **Autor:innen:** Cy Zhou, Dee Park\n\n"
            f"**Abstract**\n\n{ABSTRACT2}\n\n<!-- Links -->\n[1]: https://arxiv.org/abs/2602.11001 \"arXiv:2602.11001\"\n"
            "[2]: https://arxiv.org/abs/2602.11002\n")
    result = _read(tmp_path, "de.md", text)
    assert result.problems == []
    a, b = result.records
    assert (a.arxiv_id, a.title, a.url, a.authors, a.categories) == (
        "2602.11001", "Phoneme Routing", "https://arxiv.org/abs/2602.11001", ("Ann Lee", "Bo Li"), ("cs.CL",))
    assert a.abstract == ABSTRACT and b.abstract == ABSTRACT2 and b.authors == ("Cy Zhou", "Dee Park")


def test_task_list_items_with_footnotes_and_dashed_labels(tmp_path):
    """"- [ ] **arXiv:ID** — **Title**[^1]": the title is the rest of the id's line, not the "[Abstrak](url)"
    link further down; "**Motivasi** — text" is a field."""
    entry = ("- [ ] **arXiv:{id}** — **{title}**[^{n}]\n  - 👥 **Penulis:** {authors}\n"
             "  - 🔗 [Abstrak](https://arxiv.org/abs/{id}) · [PDF](https://arxiv.org/pdf/{id})\n"
             "  - 🤖 **Ringkasan AI:**\n    1. **TL;DR** — 总结{n}。\n    2. **Motivasi** — 动机{n}。\n"
             "  - 📝 **Abstrak asli:**\n\n    > {wrapped}\n")
    text = "# Daftar Bacaan\n\n" + "".join(
        entry.format(id=i, title=t, n=n, authors=au, wrapped="\n    > ".join(textwrap.wrap(ab, 70)))
        for n, (i, t, au, ab) in enumerate((("2602.11001", "Phoneme Routing", "Ann Lee, Bo Li", ABSTRACT),
                                            ("2602.11002", "Deformable Splats", "Cy Zhou, Dee Park", ABSTRACT2)), 1))
    text += "\n---\n\n[^1]: Catatan penulis: accepted at a workshop.\n"
    a, b = _read(tmp_path, "id.md", text).records
    assert (a.title, b.title) == ("Phoneme Routing", "Deformable Splats")
    assert a.authors == ("Ann Lee", "Bo Li") and a.abstract == ABSTRACT and b.abstract == ABSTRACT2
    assert a.summary.tldr == "总结1。" and a.summary.motivation == "动机1。"  # Indonesian "Motivasi" is listed


def test_an_html_page_with_plain_labels_arabic_commas_and_a_quoted_abstract_under_a_heading(tmp_path):
    """Labels in <span>s (plain "Label: value" lines once converted), authors joined by "، ", the main and other
    categories in one line of cells, the abstract in a <blockquote> of several <p> under an <h4>."""
    half = len(ABSTRACT) // 2
    cut = ABSTRACT.rfind(" ", 0, half)
    cards = "".join(
        f"<li id='arxiv-{i}'><h2><a href='https://arxiv.org/abs/{i}'>{t}</a></h2>"
        f"<p class='meta'><span>المعرّف:</span> <code>arXiv:{i}</code> · <span>التصنيف الرئيسي:</span> cs.CL · "
        f"<span>تصنيفات أخرى:</span> cs.LG, cs.SD · <a href='https://arxiv.org/pdf/{i}'>PDF</a></p>"
        f"<p class='authors'><span>المؤلفون:</span> {au}</p><p>ملاحظة: 8 pages, accepted at a workshop</p>"
        f"<h4>📄 الملخص الأصلي</h4><blockquote><p>{ab[:cut]}</p><p>{ab[cut + 1:]}</p></blockquote></li>"
        for i, t, au, ab in (("2602.11001", "Phoneme Routing", "Ann Lee، Bo Li", ABSTRACT),
                             ("2602.11002", "Deformable Splats", "Cy Zhou", ABSTRACT)))
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "2026-04-04-ar.html").write_text(f"<html dir='rtl'><body><ol>{cards}</ol></body></html>", encoding="utf-8")
    result = read_inputs([str(tmp_path / "d")])
    assert result.report.problems == []
    a, b = result.records
    assert a.authors == ("Ann Lee", "Bo Li") and b.authors == ("Cy Zhou",)
    assert a.categories == ("cs.CL", "cs.LG", "cs.SD") and a.abstract == ABSTRACT and b.abstract == ABSTRACT
