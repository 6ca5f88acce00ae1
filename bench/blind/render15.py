#!/usr/bin/env python3
"""Render a daily JSONL of AI-enhanced arXiv records into one upstream-style
JSONL digest plus three fork-style digests (Swedish Markdown, Hebrew HTML,
Finnish reStructuredText).

usage: python render15.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import html
import json
import os
import sys
import textwrap
from collections import OrderedDict

AI_KEYS = ("tldr", "motivation", "method", "result", "conclusion")


def ws(s):
    """Collapse all whitespace runs to single spaces."""
    return " ".join((s or "").split())


def ai_fields(r):
    ai = r.get("AI") or {}
    out = []
    for k in AI_KEYS:
        v = ai.get(k)
        if isinstance(v, str) and v.strip():
            out.append((k, ws(v)))
    return out


def comment_of(r):
    c = r.get("comment")
    if isinstance(c, str) and c.strip():
        return ws(c)
    return None


def abs_url(r):
    return r.get("abs") or "https://arxiv.org/abs/%s" % r["id"]


def pdf_url(r):
    return r.get("pdf") or "https://arxiv.org/pdf/%s" % r["id"]


def cat_counts(recs):
    c = OrderedDict()
    for r in recs:
        k = r["categories"][0] if r.get("categories") else "other"
        c[k] = c.get(k, 0) + 1
    return c


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# Fork 1: Swedish, Jekyll post (Markdown + YAML front matter), metadata tables
# ---------------------------------------------------------------------------

SV = {
    "tldr": "Kortfattat",
    "motivation": "Bakgrund",
    "method": "Metod",
    "result": "Resultat",
    "conclusion": "Slutsats",
}


def md_cell(s):
    return s.replace("|", "\\|")


def render_sv(recs, date):
    L = []
    L.append("---")
    L.append("layout: post")
    L.append('title: "arXiv-sammandrag %s"' % date)
    L.append("date: %s 07:30:00 +0200" % date)
    L.append("lang: sv")
    L.append("categories: [arxiv, sammandrag]")
    L.append("tags: [%s]" % ", ".join(cat_counts(recs).keys()))
    L.append("antal_artiklar: %d" % len(recs))
    L.append("---")
    L.append("")
    L.append("Dagens urval från arXiv: **%d artiklar**. Sammanfattningarna är "
             "maskingenererade på kinesiska; originalsammanfattningen på engelska "
             "finns under varje artikel." % len(recs))
    L.append("")
    L.append("**Per huvudkategori:** " + " · ".join(
        "`%s` %d" % (k, v) for k, v in cat_counts(recs).items()))
    L.append("")
    L.append("* TOC")
    L.append("{:toc}")
    L.append("")
    for n, r in enumerate(recs, 1):
        L.append("## %d. %s" % (n, ws(r["title"])))
        L.append("")
        L.append("| Fält | Värde |")
        L.append("|:-----|:------|")
        L.append("| Författare | %s |" % md_cell(", ".join(ws(a) for a in r.get("authors") or [])))
        L.append("| Kategorier | %s |" % " ".join("`%s`" % c for c in r.get("categories") or []))
        L.append("| arXiv | [%s](%s) · [PDF](%s) · [alphaXiv](https://www.alphaxiv.org/abs/%s) |"
                 % (r["id"], abs_url(r), pdf_url(r), r["id"]))
        c = comment_of(r)
        if c:
            L.append("| Kommentar | %s |" % md_cell(c))
        if r.get("code_url"):
            extra = ""
            if r.get("code_stars") is not None:
                extra = " (★ %s" % r["code_stars"]
                if r.get("code_last_update"):
                    extra += ", uppdaterad %s" % r["code_last_update"]
                extra += ")"
            L.append("| Kod | <%s>%s |" % (r["code_url"], extra))
        L.append("")
        fields = ai_fields(r)
        for k, v in fields:
            if k == "tldr":
                L.append("> **%s:** %s" % (SV[k], v))
                L.append("")
        rest = [(k, v) for k, v in fields if k != "tldr"]
        for k, v in rest:
            L.append("- **%s:** %s" % (SV[k], v))
        if rest:
            L.append("")
        L.append('<details markdown="1">')
        L.append("<summary>Sammanfattning (engelska)</summary>")
        L.append("")
        L.append(ws(r.get("summary")))
        L.append("")
        L.append("</details>")
        L.append("")
        L.append("[↑ Till början](#)")
        L.append("")
        L.append("---")
        L.append("")
    return "\n".join(L)


# ---------------------------------------------------------------------------
# Fork 2: Hebrew, standalone RTL HTML page with cards
# ---------------------------------------------------------------------------

HE = {
    "tldr": "בקצרה",
    "motivation": "מוטיבציה",
    "method": "שיטה",
    "result": "תוצאות",
    "conclusion": "מסקנה",
}

HE_CSS = """body{font-family:"Segoe UI",Arial,sans-serif;max-width:980px;margin:0 auto;padding:1rem;background:#f6f7f9;color:#222}
header{border-bottom:2px solid #b31b1b;margin-bottom:1rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
nav li{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.1rem .5rem}
.card{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.card h2{font-size:1.15rem;margin:.2rem 0 .5rem}
.num{color:#888;font-weight:normal}
.meta{font-size:.9rem;color:#555;margin:.2rem 0}
.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 .35rem;margin-inline-end:.25rem;font-family:monospace}
.links a{margin-inline-end:.75rem}
dl.ai dt{font-weight:bold;margin-top:.4rem}
dl.ai dd{margin-inline-start:1rem}
.tldr{background:#fff8e1;border-inline-start:4px solid #f0b400;padding:.4rem .6rem}
.abstract{text-align:left;line-height:1.5}
footer{color:#888;font-size:.8rem;margin-top:2rem}"""


def e(s):
    return html.escape(s, quote=True)


def render_he(recs, date):
    L = []
    L.append("<!DOCTYPE html>")
    L.append('<html lang="he" dir="rtl">')
    L.append("<head>")
    L.append('<meta charset="utf-8">')
    L.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    L.append("<title>סקירת arXiv יומית – %s</title>" % date)
    L.append("<style>")
    L.append(HE_CSS)
    L.append("</style>")
    L.append("</head>")
    L.append("<body>")
    L.append("<header>")
    L.append("<h1>סקירת arXiv יומית <bdi>%s</bdi></h1>" % date)
    L.append("<p>%d מאמרים היום. הסיכומים נוצרו אוטומטית; התקציר המקורי באנגלית מופיע בכל כרטיס.</p>" % len(recs))
    L.append("<nav><ul>")
    for k, v in cat_counts(recs).items():
        L.append('<li><bdi class="tag">%s</bdi> %d</li>' % (e(k), v))
    L.append("</ul></nav>")
    L.append("</header>")
    L.append("<main>")
    for n, r in enumerate(recs, 1):
        pid = r["id"]
        L.append('<article class="card" id="paper-%s" data-arxiv="%s">' % (e(pid), e(pid)))
        L.append('<h2><span class="num">#%d</span> <a dir="ltr" href="%s">%s</a></h2>'
                 % (n, e(abs_url(r)), e(ws(r["title"]))))
        L.append('<p class="meta"><strong>מחברים:</strong> <bdi dir="ltr">%s</bdi></p>'
                 % e(", ".join(ws(a) for a in r.get("authors") or [])))
        L.append('<p class="meta"><strong>קטגוריות:</strong> %s</p>'
                 % " ".join('<span class="tag" dir="ltr">%s</span>' % e(c) for c in r.get("categories") or []))
        c = comment_of(r)
        if c:
            L.append('<p class="meta"><strong>הערה:</strong> <bdi dir="ltr">%s</bdi></p>' % e(c))
        links = [
            '<a href="%s">arXiv:%s</a>' % (e(abs_url(r)), e(pid)),
            '<a href="%s">PDF</a>' % e(pdf_url(r)),
            '<a href="https://huggingface.co/papers/%s">Hugging Face</a>' % e(pid),
            '<a href="https://papers.cool/arxiv/%s">Cool Papers</a>' % e(pid),
        ]
        if r.get("code_url"):
            t = "קוד"
            if r.get("code_stars") is not None:
                t += " (★%s)" % e(str(r["code_stars"]))
            links.append('<a href="%s">%s</a>' % (e(r["code_url"]), t))
        L.append('<p class="meta links"><strong>קישורים:</strong> %s</p>' % " ".join(links))
        fields = ai_fields(r)
        for k, v in fields:
            if k == "tldr":
                L.append('<p class="tldr"><strong>%s:</strong> %s</p>' % (HE[k], e(v)))
        rest = [(k, v) for k, v in fields if k != "tldr"]
        if rest:
            L.append('<dl class="ai">')
            for k, v in rest:
                L.append("<dt>%s</dt>" % HE[k])
                L.append("<dd>%s</dd>" % e(v))
            L.append("</dl>")
        L.append("<details>")
        L.append("<summary>תקציר (באנגלית)</summary>")
        L.append('<p class="abstract" dir="ltr" lang="en">%s</p>' % e(ws(r.get("summary"))))
        L.append("</details>")
        L.append("</article>")
    L.append("</main>")
    L.append('<footer>נבנה אוטומטית מתוך <bdi>%s_AI_enhanced_Chinese.jsonl</bdi> · <a href="#">חזרה למעלה</a></footer>' % date)
    L.append("</body>")
    L.append("</html>")
    L.append("")
    return "\n".join(L)


# ---------------------------------------------------------------------------
# Fork 3: Finnish, Sphinx reStructuredText with field lists and directives
# ---------------------------------------------------------------------------

FI = {
    "tldr": "Lyhyesti",
    "motivation": "Taustaa",
    "method": "Menetelmä",
    "result": "Tulokset",
    "conclusion": "Johtopäätös",
}


def wrap(text, indent, width=78):
    return textwrap.fill(
        ws(text),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def rst_heading(text, ch):
    return [text, ch * max(len(text), 4)]


def render_fi(recs, date):
    L = []
    L.append(".. meta::")
    L.append("   :description: arXiv-päiväkatsaus %s" % date)
    L.append("   :keywords: arXiv, %s" % ", ".join(cat_counts(recs).keys()))
    L.append("")
    L.append(":orphan:")
    L.append("")
    top = "arXiv-päiväkatsaus %s" % date
    L.append("=" * len(top))
    L.append(top)
    L.append("=" * len(top))
    L.append("")
    L.append(wrap("Tänään %d artikkelia. Tiivistelmät on koottu automaattisesti; "
                  "alkuperäinen englanninkielinen tiivistelmä on jokaisen artikkelin "
                  "lopussa." % len(recs), ""))
    L.append("")
    L.append(".. list-table:: Pääkategoriat")
    L.append("   :header-rows: 1")
    L.append("")
    L.append("   * - Kategoria")
    L.append("     - Artikkeleita")
    for k, v in cat_counts(recs).items():
        L.append("   * - ``%s``" % k)
        L.append("     - %d" % v)
    L.append("")
    L.append(".. contents:: Sisällys")
    L.append("   :local:")
    L.append("   :depth: 1")
    L.append("")
    for n, r in enumerate(recs, 1):
        pid = r["id"]
        L.append(".. _arxiv-%s:" % pid)
        L.append("")
        L.extend(rst_heading("%d. %s" % (n, ws(r["title"])), "-"))
        L.append("")
        L.append(":Tekijät: %s" % ws(", ".join(ws(a) for a in r.get("authors") or [])))
        L.append(":Kategoriat: %s" % ", ".join(r.get("categories") or []))
        L.append(":arXiv: `%s <%s>`__ (`PDF <%s>`__, `Cool Papers <https://papers.cool/arxiv/%s>`__)"
                 % (pid, abs_url(r), pdf_url(r), pid))
        c = comment_of(r)
        if c:
            L.append(":Kommentti: %s" % c)
        if r.get("code_url"):
            s = ":Lähdekoodi: %s" % r["code_url"]
            if r.get("code_stars") is not None:
                s += " (%s tähteä" % r["code_stars"]
                if r.get("code_last_update"):
                    s += ", päivitetty %s" % r["code_last_update"]
                s += ")"
            L.append(s)
        L.append("")
        fields = ai_fields(r)
        for k, v in fields:
            if k == "tldr":
                L.append(".. admonition:: %s" % FI[k])
                L.append("")
                L.append("   " + v)
                L.append("")
        for k, v in fields:
            if k == "tldr":
                continue
            L.append("**%s**" % FI[k])
            L.append("   " + v)
            L.append("")
        L.append(".. rubric:: Tiivistelmä (englanniksi)")
        L.append("")
        L.append(".. container:: abstract")
        L.append("")
        L.append(wrap(r.get("summary"), "   "))
        L.append("")
    return "\n".join(L)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: python render15.py RECORDS_JSONL OUT_DIGESTS_DIR\n")
        return 2
    src, out = argv[1], argv[2]
    with open(src, encoding="utf-8") as f:
        lines = [ln for ln in f.read().split("\n") if ln.strip()]
    recs = [json.loads(ln) for ln in lines]
    os.makedirs(out, exist_ok=True)
    # set 0: unchanged upstream JSONL (original lines kept byte for byte)
    write(os.path.join(out, "2026-04-20_AI_enhanced_Chinese.jsonl"),
          "".join(ln.rstrip("\r") + "\n" for ln in lines[0::4]))
    write(os.path.join(out, "2026-04-21-arxiv-sammandrag.md"),
          render_sv(recs[1::4], "2026-04-21"))
    write(os.path.join(out, "2026-04-22.he.html"),
          render_he(recs[2::4], "2026-04-22"))
    write(os.path.join(out, "2026-04-23_paivakatsaus.rst"),
          render_fi(recs[3::4], "2026-04-23"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
