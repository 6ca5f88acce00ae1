#!/usr/bin/env python3
"""Render daily-arXiv records into one JSONL digest plus three fork-style digests.

usage: python render12.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import html
import json
import os
import re
import sys
import textwrap


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def paragraphs(summary):
    """Split an arXiv abstract on its original line breaks into paragraphs."""
    parts = [" ".join(p.split()) for p in re.split(r"\n", summary)]
    return [p for p in parts if p]


def wrap(text, width):
    return textwrap.wrap(text, width=width, break_long_words=False,
                         break_on_hyphens=False)


def ai(r, key):
    return (r.get("AI") or {}).get(key) or ""


def abs_url(r):
    return r.get("abs") or "https://arxiv.org/abs/%s" % r["id"]


def pdf_url(r):
    return r.get("pdf") or "https://arxiv.org/pdf/%s" % r["id"]


# ---------------------------------------------------------------- JSONL
def write_jsonl(recs, path):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- German
DE_SECTIONS = {
    "cs.CV": "Maschinelles Sehen",
    "cs.CL": "Computerlinguistik",
    "cs.AI": "Künstliche Intelligenz",
    "cs.LG": "Maschinelles Lernen",
}


def short_authors(authors):
    last = lambda a: a.split()[-1] if a.split() else a
    if not authors:
        return "unbekannt"
    if len(authors) == 1:
        return last(authors[0])
    if len(authors) == 2:
        return "%s & %s" % (last(authors[0]), last(authors[1]))
    return "%s et al." % last(authors[0])


def write_german(recs, path):
    order = []
    groups = {}
    for r in recs:
        c = r["categories"][0]
        if c not in groups:
            groups[c] = []
            order.append(c)
        groups[c].append(r)
    pref = ["cs.CV", "cs.CL", "cs.AI"]
    order.sort(key=lambda c: (pref.index(c) if c in pref else 99, c))
    numbered = []
    for c in order:
        numbered.extend(groups[c])
    num = {r["id"]: i + 1 for i, r in enumerate(numbered)}

    out = []
    out.append("# 📰 arXiv-Tagesbericht · 2. April 2026")
    out.append("")
    out.append("Heute **%d** neue Arbeiten aus %s.  " % (
        len(recs), ", ".join("`%s`" % c for c in order)))
    out.append("KI-Zusammenfassungen auf Chinesisch (automatisch erzeugt), "
               "Originalabstracts unverändert übernommen.")
    out.append("")
    out.append("## Inhalt")
    out.append("")
    for r in numbered:
        n = num[r["id"]]
        out.append("%d. [%s][%d] — *%s*" % (n, r["title"], n,
                                           short_authors(r["authors"])))
    out.append("")
    out.append("---")
    out.append("")
    for c in order:
        name = DE_SECTIONS.get(c, c)
        out.append("## %s (`%s`) — %d Arbeiten" % (name, c, len(groups[c])))
        out.append("")
        for r in groups[c]:
            n = num[r["id"]]
            out.append("#### %d. [%s][%d]" % (n, r["title"], n))
            out.append("")
            out.append("- **Autor:innen:** %s" % ", ".join(r["authors"]))
            cats = ["**%s**" % r["categories"][0]] + r["categories"][1:]
            out.append("- **Kategorien:** %s" % " · ".join(cats))
            out.append("- **Kennung:** `%s` · [PDF](%s)" % (r["id"], pdf_url(r)))
            if r.get("comment"):
                out.append("- **Anmerkung:** %s" % " ".join(r["comment"].split()))
            if r.get("code_url"):
                stars = r.get("code_stars")
                s = " (⭐ %s)" % stars if stars is not None else ""
                out.append("- **Code:** <%s>%s" % (r["code_url"], s))
            out.append("")
            out.append("**In einem Satz:** %s" % ai(r, "tldr"))
            out.append("")
            out.append("**Motivation:** %s  " % ai(r, "motivation"))
            out.append("**Methode:** %s  " % ai(r, "method"))
            out.append("**Ergebnisse:** %s  " % ai(r, "result"))
            out.append("**Fazit:** %s" % ai(r, "conclusion"))
            out.append("")
            out.append("**Originalabstract (englisch):**")
            out.append("")
            paras = paragraphs(r["summary"])
            for i, p in enumerate(paras):
                out.extend(wrap(p, 100))
                if i < len(paras) - 1:
                    out.append("")
            out.append("")
            out.append("<sub>[↑ zurück zum Inhalt](#inhalt)</sub>")
            out.append("")
            out.append("---")
            out.append("")
    out.append("<!-- Linkverweise -->")
    for r in numbered:
        n = num[r["id"]]
        out.append('[%d]: %s "arXiv:%s"' % (n, abs_url(r), r["id"]))
    out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ---------------------------------------------------------------- Indonesian
def write_indonesian(recs, path):
    out = []
    notes = []
    out.append("# 📚 Daftar Bacaan arXiv Harian")
    out.append("")
    out.append("**Tanggal:** 3 April 2026 &nbsp;|&nbsp; **Jumlah makalah:** %d"
               % len(recs))
    out.append("")
    out.append("Centang makalah yang sudah dibaca ✅ — ringkasan AI dalam "
               "bahasa Mandarin, abstrak asli dalam bahasa Inggris.")
    out.append("")
    out.append("## Daftar")
    out.append("")
    for r in recs:
        head = "- [ ] **arXiv:%s** — **%s**" % (r["id"], r["title"])
        if r.get("comment"):
            notes.append(" ".join(r["comment"].split()))
            head += "[^%d]" % len(notes)
        out.append(head)
        out.append("  - 👥 **Penulis:** %s" % ", ".join(r["authors"]))
        main = r["categories"][0]
        rest = r["categories"][1:]
        line = "  - 🏷️ **Kategori utama:** `%s`" % main
        if rest:
            line += " (juga: %s)" % ", ".join(rest)
        out.append(line)
        links = "  - 🔗 [Abstrak](%s) · [PDF](%s) · [alphaXiv](https://www.alphaxiv.org/abs/%s)" % (
            abs_url(r), pdf_url(r), r["id"])
        if r.get("code_url"):
            links += " · [Kode](%s)" % r["code_url"]
        out.append(links)
        out.append("  - 🤖 **Ringkasan AI:**")
        out.append("    1. **TL;DR** — %s" % ai(r, "tldr"))
        out.append("    2. **Motivasi** — %s" % ai(r, "motivation"))
        out.append("    3. **Metode** — %s" % ai(r, "method"))
        out.append("    4. **Hasil** — %s" % ai(r, "result"))
        out.append("    5. **Kesimpulan** — %s" % ai(r, "conclusion"))
        out.append("  - 📝 **Abstrak asli:**")
        out.append("")
        paras = paragraphs(r["summary"])
        for i, p in enumerate(paras):
            for ln in wrap(p, 78):
                out.append("    > " + ln)
            if i < len(paras) - 1:
                out.append("    >")
        out.append("")
    out.append("---")
    out.append("")
    out.append("_Dibuat otomatis setiap hari. Semoga bermanfaat!_ 🙏")
    out.append("")
    for i, n in enumerate(notes, 1):
        out.append("[^%d]: Catatan penulis: %s" % (i, n))
    out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


# ---------------------------------------------------------------- Arabic HTML
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

CSS = """body{font-family:'Noto Naskh Arabic',Tahoma,sans-serif;max-width:920px;margin:auto;padding:1rem;line-height:1.7;background:#fafafa}
header{border-bottom:3px solid #b31b1b;margin-bottom:1rem}
ol.papers>li{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.5rem 1.2rem;margin:1rem 0}
ol.papers h2{font-size:1.15rem;text-align:left}
.label{color:#b31b1b;font-weight:bold}
code{background:#eee;padding:0 .3em}
blockquote{border-left:4px solid #ccc;margin:0;padding:0 1rem;text-align:justify;color:#333}
ul.ai li{margin:.2rem 0}"""


def write_arabic(recs, path):
    e = lambda s: html.escape(s, quote=False)
    out = []
    out.append("<!DOCTYPE html>")
    out.append('<html lang="ar" dir="rtl">')
    out.append("<head>")
    out.append('<meta charset="utf-8">')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    out.append("<title>ملخص arXiv اليومي — 2026-04-04</title>")
    out.append("<style>\n%s\n</style>" % CSS)
    out.append("</head>")
    out.append("<body>")
    out.append("<header>")
    out.append("<h1>📑 ملخص arXiv اليومي</h1>")
    out.append("<p>التاريخ: %s أبريل %s · عدد الأوراق: %s</p>" % (
        "4".translate(AR_DIGITS), "2026".translate(AR_DIGITS),
        str(len(recs)).translate(AR_DIGITS)))
    out.append("<p>الملخصات مولّدة آليًا بالذكاء الاصطناعي (باللغة الصينية)، "
               "والملخص الأصلي منقول كما هو من arXiv.</p>")
    out.append("</header>")
    out.append("<main>")
    out.append('<ol class="papers">')
    for r in recs:
        out.append('<li id="arxiv-%s">' % r["id"])
        out.append('  <h2 dir="ltr"><a href="%s">%s</a></h2>' % (
            abs_url(r), e(r["title"])))
        meta = ('  <p class="meta"><span class="label">المعرّف:</span> '
                '<code dir="ltr">arXiv:%s</code> · <span class="label">'
                'التصنيف الرئيسي:</span> <span dir="ltr">%s</span>' % (
                    r["id"], e(r["categories"][0])))
        if len(r["categories"]) > 1:
            meta += (' · <span class="label">تصنيفات أخرى:</span> '
                     '<span dir="ltr">%s</span>' % e(", ".join(r["categories"][1:])))
        meta += ' · <a href="%s">PDF</a></p>' % pdf_url(r)
        out.append(meta)
        out.append('  <p class="authors"><span class="label">المؤلفون:</span> '
                   '<span dir="ltr">%s</span></p>' % e("، ".join(r["authors"])))
        if r.get("comment"):
            out.append('  <p class="comment"><span class="label">ملاحظة:</span> '
                       '<span dir="ltr">%s</span></p>' % e(" ".join(r["comment"].split())))
        if r.get("code_url"):
            out.append('  <p class="code"><span class="label">الشيفرة المصدرية:</span> '
                       '<a href="%s" dir="ltr">%s</a></p>' % (
                           html.escape(r["code_url"]), e(r["code_url"])))
        out.append("  <h4>🤖 ملخص بالذكاء الاصطناعي</h4>")
        out.append('  <ul class="ai">')
        for label, key in (("باختصار", "tldr"), ("الدافع", "motivation"),
                           ("المنهجية", "method"), ("النتائج", "result"),
                           ("الاستنتاج", "conclusion")):
            out.append('    <li><b>%s:</b> <span lang="zh">%s</span></li>' % (
                label, e(ai(r, key))))
        out.append("  </ul>")
        out.append("  <h4>📄 الملخص الأصلي (بالإنجليزية)</h4>")
        out.append('  <blockquote lang="en" dir="ltr">')
        for p in paragraphs(r["summary"]):
            out.append("    <p>%s</p>" % e(p))
        out.append("  </blockquote>")
        out.append("</li>")
    out.append("</ol>")
    out.append("</main>")
    out.append("<footer><p>تم الإنشاء تلقائيًا · "
               '<a href="#">العودة إلى الأعلى ↑</a></p></footer>')
    out.append("</body>")
    out.append("</html>")
    out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    recs = load(sys.argv[1])
    outdir = sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    files = [
        ("2026-04-01_AI_enhanced_Chinese.jsonl", write_jsonl, recs[0::4]),
        ("2026-04-02-arxiv-tagesbericht.md", write_german, recs[1::4]),
        ("2026-04-03-bacaan-harian.md", write_indonesian, recs[2::4]),
        ("2026-04-04-arxiv-yawmi.html", write_arabic, recs[3::4]),
    ]
    for name, fn, sub in files:
        fn(sub, os.path.join(outdir, name))
        print("%s\t%d" % (name, len(sub)))


if __name__ == "__main__":
    main()
