#!/usr/bin/env python3
"""Render daily-arXiv JSONL records into one JSONL digest and three fork-style digests.

usage: python render11.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import html
import json
import os
import sys
import textwrap
from collections import OrderedDict

CAT_PT = {
    "cs.CV": "Visão Computacional e Reconhecimento de Padrões",
    "cs.CL": "Computação e Linguagem",
    "cs.AI": "Inteligência Artificial",
    "cs.LG": "Aprendizado de Máquina",
    "cs.GR": "Computação Gráfica",
    "cs.GT": "Ciência da Computação e Teoria dos Jogos",
    "cs.RO": "Robótica",
}


def load(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                recs.append(json.loads(line))
    return recs


def flat(s):
    return " ".join((s or "").split())


def slug(cat):
    return cat.lower().replace(".", "-")


# ---------------------------------------------------------------- JSONL
def write_jsonl(recs, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- fork A (Portuguese, grouped by category)
def render_pt(recs, date):
    groups = OrderedDict()
    for r in recs:
        groups.setdefault(r["categories"][0], []).append(r)
    out = []
    out.append("# 📰 Resumo diário do arXiv — %s\n" % date)
    out.append("Artigos de hoje com resumos gerados por IA (texto da IA em chinês, "
               "abstract original em inglês). Total: **%d** artigos.\n" % len(recs))
    out.append("## Índice\n")
    for cat, items in groups.items():
        out.append("- [%s — %s](#%s) (%d)" % (cat, CAT_PT.get(cat, cat), slug(cat), len(items)))
    out.append("")
    n = 0
    for cat, items in groups.items():
        out.append("## %s\n" % cat)
        out.append("*%s*\n" % CAT_PT.get(cat, cat))
        for r in items:
            n += 1
            aid = r["id"]
            ai = r.get("AI") or {}
            cats = r["categories"]
            cat_txt = "**%s** (principal)" % cats[0]
            if len(cats) > 1:
                cat_txt += ", " + ", ".join(cats[1:])
            out.append("%d. **[%s](https://papers.cool/arxiv/%s)**" % (n, flat(r["title"]), aid))
            out.append("   - 🆔 `arXiv:%s` — [abs](https://arxiv.org/abs/%s) | [pdf](https://arxiv.org/pdf/%s)"
                       % (aid, aid, aid))
            out.append("   - 👥 Autores: %s" % ", ".join(r["authors"]))
            out.append("   - 🏷️ Categorias: %s" % cat_txt)
            out.append("   - 💡 **Em poucas palavras:** %s" % flat(ai.get("tldr")))
            out.append("   - 🎯 **Motivação:** %s" % flat(ai.get("motivation")))
            out.append("   - 🛠️ **Método:** %s" % flat(ai.get("method")))
            out.append("   - 📊 **Resultados:** %s" % flat(ai.get("result")))
            out.append("   - ✅ **Conclusão:** %s" % flat(ai.get("conclusion")))
            out.append("   - 📄 **Abstract (inglês):**")
            out.append("")
            out.append("     %s" % flat(r["summary"]))
            out.append("")
        out.append("[⬆ voltar ao índice](#índice)\n")
    out.append("---\n")
    out.append("Gerado automaticamente a partir do arXiv. Obrigado ao arXiv pelo uso da "
               "interoperabilidade de acesso aberto.")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- fork B (Russian, badges + code block abstract)
def render_ru(recs, date):
    d = date.split("-")
    out = []
    out.append("# Ежедневный дайджест arXiv · %s.%s.%s\n" % (d[2], d[1], d[0]))
    out.append("Статей за день: %d · рубрики: %s\n"
               % (len(recs), ", ".join(sorted({r["categories"][0] for r in recs}))))
    out.append("***\n")
    for r in recs:
        aid = r["id"]
        ai = r.get("AI") or {}
        cats = r["categories"]
        out.append("### 📌 %s\n" % flat(r["title"]))
        out.append("[![arXiv](https://img.shields.io/badge/arXiv-%s-b31b1b.svg)](https://arxiv.org/abs/%s) "
                   "[![PDF](https://img.shields.io/badge/PDF-download-blue.svg)](https://arxiv.org/pdf/%s) "
                   "[![HF](https://img.shields.io/badge/%%F0%%9F%%A4%%97-Papers-yellow.svg)](https://hf.co/papers/%s)\n"
                   % (aid.replace("-", "--"), aid, aid, aid))
        line = "**Основная рубрика:** `%s`" % cats[0]
        if len(cats) > 1:
            line += " · **Доп.:** " + ", ".join("`%s`" % c for c in cats[1:])
        out.append(line + "\n")
        out.append("**Авторы:** %s\n" % "; ".join(r["authors"]))
        if r.get("comment"):
            out.append("**Комментарий:** %s\n" % flat(r["comment"]))
        out.append("**Аннотация (оригинал):**\n")
        out.append("```text")
        out.append(textwrap.fill(flat(r["summary"]), width=88, break_long_words=False,
                                 break_on_hyphens=False))
        out.append("```\n")
        out.append("**🤖 Разбор от ИИ**\n")
        out.append("- **Коротко:** %s" % flat(ai.get("tldr")))
        out.append("- **Мотивация:** %s" % flat(ai.get("motivation")))
        out.append("- **Метод:** %s" % flat(ai.get("method")))
        out.append("- **Результаты:** %s" % flat(ai.get("result")))
        out.append("- **Выводы:** %s" % flat(ai.get("conclusion")))
        out.append("")
        out.append("***\n")
    return "\n".join(out)


# ---------------------------------------------------------------- fork C (Vietnamese HTML page)
CSS = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}
header.top{border-bottom:3px solid #b31b1b;margin-bottom:1.5rem}
nav.toc ol{columns:2;font-size:.9rem}
article.entry{border-top:1px solid #ddd;padding:1rem 0}
article.entry h2{font-size:1.25rem;margin:.2rem 0}
article.entry h2 a{color:#1a0dab;text-decoration:none}
ul.meta{list-style:none;padding:0;margin:.4rem 0;font-size:.92rem;color:#555}
ul.meta li{display:inline;margin-right:1rem}
section.abstract p{text-align:justify}
dl.ai dt{font-weight:600;color:#b31b1b;margin-top:.4rem}
dl.ai dd{margin-left:1.2rem}
footer{margin-top:2rem;font-size:.8rem;color:#888}"""


def render_vi(recs, date):
    e = lambda s: html.escape(flat(s), quote=True)
    d = date.split("-")
    out = []
    out.append("<!DOCTYPE html>")
    out.append('<html lang="vi">')
    out.append("<head>")
    out.append('<meta charset="utf-8">')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    out.append("<title>Bản tin arXiv hằng ngày – %s/%s/%s</title>" % (d[2], d[1], d[0]))
    out.append("<style>\n%s\n</style>" % CSS)
    out.append("</head>")
    out.append("<body>")
    out.append('<header class="top">')
    out.append("  <h1>Bản tin arXiv hằng ngày</h1>")
    out.append("  <p>Ngày %s/%s/%s · %d bài báo · tóm tắt AI bằng tiếng Trung</p>"
               % (d[2], d[1], d[0], len(recs)))
    out.append("</header>")
    out.append('<nav class="toc">')
    out.append("  <h2>Mục lục</h2>")
    out.append("  <ol>")
    for r in recs:
        out.append('    <li><a href="#arxiv-%s">%s</a></li>' % (r["id"], e(r["title"])))
    out.append("  </ol>")
    out.append("</nav>")
    out.append("<main>")
    labels = [("tldr", "Tóm tắt nhanh"), ("motivation", "Động lực"), ("method", "Phương pháp"),
              ("result", "Kết quả"), ("conclusion", "Kết luận")]
    for r in recs:
        aid = r["id"]
        ai = r.get("AI") or {}
        cats = r["categories"]
        out.append('<article class="entry" id="arxiv-%s">' % aid)
        out.append('  <h2><a href="https://huggingface.co/papers/%s" target="_blank" rel="noopener">%s</a></h2>'
                   % (aid, e(r["title"])))
        out.append('  <ul class="meta">')
        out.append('    <li><b>Mã:</b> <a href="https://arxiv.org/abs/%s">arXiv:%s</a></li>' % (aid, aid))
        sub = ""
        if len(cats) > 1:
            sub = " <small>(%s)</small>" % ", ".join(html.escape(c) for c in cats[1:])
        out.append("    <li><b>Chuyên mục chính:</b> <code>%s</code>%s</li>" % (html.escape(cats[0]), sub))
        out.append('    <li><a href="https://arxiv.org/pdf/%s">PDF</a></li>' % aid)
        out.append("  </ul>")
        out.append('  <p class="authors"><b>Tác giả:</b> %s</p>'
                   % ", ".join('<span class="author">%s</span>' % e(a) for a in r["authors"]))
        out.append('  <section class="abstract">')
        out.append("    <h3>Tóm tắt gốc (tiếng Anh)</h3>")
        out.append("    <p>%s</p>" % e(r["summary"]))
        out.append("  </section>")
        out.append('  <dl class="ai">')
        for k, lab in labels:
            out.append("    <dt>%s</dt>" % lab)
            out.append("    <dd>%s</dd>" % e(ai.get(k)))
        out.append("  </dl>")
        out.append("</article>")
    out.append("</main>")
    out.append("<footer>Trang được tạo tự động từ arXiv API · Cảm ơn arXiv vì dữ liệu truy cập mở.</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python render11.py RECORDS_JSONL OUT_DIGESTS_DIR")
    recs = load(sys.argv[1])
    outdir = sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    write_jsonl(recs[0::4], os.path.join(outdir, "2026-03-25_AI_enhanced_Chinese.jsonl"))
    with open(os.path.join(outdir, "2026-03-26-resumo-diario.md"), "w", encoding="utf-8") as f:
        f.write(render_pt(recs[1::4], "2026-03-26"))
    with open(os.path.join(outdir, "2026-03-27-daidzhest.md"), "w", encoding="utf-8") as f:
        f.write(render_ru(recs[2::4], "2026-03-27"))
    with open(os.path.join(outdir, "2026-03-28-ban-tin.html"), "w", encoding="utf-8") as f:
        f.write(render_vi(recs[3::4], "2026-03-28"))


if __name__ == "__main__":
    main()
