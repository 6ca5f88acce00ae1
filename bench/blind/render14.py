#!/usr/bin/env python3
"""Render daily arXiv JSONL records as one upstream JSONL file and three fork digests.

usage: python render14.py RECORDS_JSONL OUT_DIGESTS_DIR

records[0::4] -> 2026-04-13_AI_enhanced_Chinese.jsonl   (unchanged JSON lines)
records[1::4] -> 2026-04-14-arxiv-quotidiano.md          (Italian, Jekyll post)
records[2::4] -> 2026-04-15-dagelijks-overzicht.html     (Dutch, HTML cards)
records[3::4] -> 2026-04-16_denni-prehled-arxiv.markdown  (Czech, MkDocs Material)
"""
import html
import json
import os
import re
import sys
import textwrap
from collections import OrderedDict

AI_KEYS = ("tldr", "motivation", "method", "result", "conclusion")


def ws(text):
    return re.sub(r"\s+", " ", text or "").strip()


def ai_fields(rec):
    ai = rec.get("AI") or {}
    if not isinstance(ai, dict):
        return {}
    out = {}
    for k in AI_KEYS:
        v = ai.get(k)
        if isinstance(v, str) and v.strip():
            out[k] = v.strip()
    return out


def cat_counts(recs):
    counts = OrderedDict()
    for r in recs:
        cats = r.get("categories") or []
        main = cats[0] if cats else "misc"
        counts[main] = counts.get(main, 0) + 1
    return counts


def all_cats(recs):
    seen = []
    for r in recs:
        for c in r.get("categories") or []:
            if c not in seen:
                seen.append(c)
    return seen


def abs_url(rec):
    return rec.get("abs") or "https://arxiv.org/abs/%s" % rec["id"]


def pdf_url(rec):
    return rec.get("pdf") or "https://arxiv.org/pdf/%s" % rec["id"]


# ---------------------------------------------------------------- Italian / Jekyll
def render_italian(recs):
    date = "2026-04-14"
    counts = cat_counts(recs)
    out = []
    out.append("---")
    out.append("layout: post")
    out.append('title: "arXiv quotidiano — 14 aprile 2026"')
    out.append("date: %s 07:30:00 +0200" % date)
    out.append("categories: [arxiv, rassegna]")
    out.append("tags: [%s]" % ", ".join(all_cats(recs)))
    out.append("lang: it")
    out.append("articoli: %d" % len(recs))
    out.append("---")
    out.append("")
    out.append("{% raw %}")
    out.append("")
    out.append("Rassegna automatica dei nuovi articoli su arXiv, con sintesi generate "
               "da un modello linguistico. Il riassunto originale resta in inglese.")
    out.append("")
    out.append("**Articoli di oggi:** %d — %s" % (
        len(recs), " · ".join("%s (%d)" % (c, n) for c, n in counts.items())))
    out.append("")
    out.append("* indice")
    out.append("{:toc}")
    out.append("")
    for i, r in enumerate(recs, 1):
        ai = ai_fields(r)
        title = ws(r.get("title"))
        cats = r.get("categories") or []
        out.append("### %d. [%s](%s)" % (i, title, abs_url(r)))
        out.append("")
        out.append("**Autori:** %s  " % ", ".join(ws(a) for a in r.get("authors") or []))
        if cats:
            catline = "`%s` (principale)" % cats[0]
            if len(cats) > 1:
                catline += " · " + " · ".join("`%s`" % c for c in cats[1:])
        else:
            catline = "—"
        out.append("**Categorie:** %s  " % catline)
        out.append("**Identificativo:** arXiv:%s" % r["id"])
        if r.get("comment"):
            out.append("")
            out.append("_Nota degli autori:_ %s" % ws(r["comment"]))
        out.append("")
        if "tldr" in ai:
            out.append("> **In breve** — %s" % ws(ai["tldr"]))
            out.append("")
        rest = [("motivation", "Motivazione"), ("method", "Metodo"),
                ("result", "Risultati"), ("conclusion", "Conclusione")]
        present = [(k, lab) for k, lab in rest if k in ai]
        if present:
            out.append('<details markdown="1">')
            out.append("<summary>Analisi completa (%s)</summary>" %
                       " · ".join(lab for _, lab in present))
            out.append("")
            for k, lab in present:
                out.append("- **%s:** %s" % (lab, ws(ai[k])))
            out.append("")
            out.append("</details>")
            out.append("")
        out.append("**Riassunto originale (inglese):**")
        out.append(ws(r.get("summary")))
        out.append("")
        links = ["[Pagina arXiv](%s)" % abs_url(r), "[PDF](%s)" % pdf_url(r),
                 "[papers.cool](https://papers.cool/arxiv/%s)" % r["id"]]
        if r.get("code_url"):
            links.append("[Codice](%s)" % r["code_url"])
        out.append("**Collegamenti:** " + " · ".join(links))
        out.append("")
        out.append("---")
        out.append("")
    out.append("{% endraw %}")
    out.append("")
    out.append("_Pagina generata automaticamente. Segnalazioni e correzioni: aprire una "
               "issue sul repository._")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- Dutch / HTML cards
def render_dutch(recs):
    e = lambda s: html.escape(s, quote=True)
    counts = cat_counts(recs)
    out = []
    out.append("<!DOCTYPE html>")
    out.append('<html lang="nl">')
    out.append("<head>")
    out.append('  <meta charset="utf-8">')
    out.append('  <meta name="viewport" content="width=device-width, initial-scale=1">')
    out.append("  <title>Dagelijks arXiv-overzicht – woensdag 15 april 2026</title>")
    out.append('  <link rel="stylesheet" href="../assets/overzicht.css">')
    out.append("</head>")
    out.append("<body>")
    out.append('<header class="pagina-kop">')
    out.append("  <h1>Dagelijks arXiv-overzicht</h1>")
    out.append('  <p class="datum"><time datetime="2026-04-15">woensdag 15 april 2026</time>'
               " &middot; %d artikelen</p>" % len(recs))
    out.append('  <nav class="filters" aria-label="Rubrieken">')
    out.append('    <span>Filter op hoofdrubriek:</span>')
    for c, n in counts.items():
        out.append('    <button type="button" data-filter="%s">%s <small>(%d)</small></button>'
                   % (e(c), e(c), n))
    out.append('    <button type="button" data-filter="*">alles</button>')
    out.append("  </nav>")
    out.append("</header>")
    out.append('<main class="kaarten">')
    labels = [("motivation", "Motivatie"), ("method", "Methode"),
              ("result", "Resultaten"), ("conclusion", "Conclusie")]
    for i, r in enumerate(recs, 1):
        ai = ai_fields(r)
        cats = r.get("categories") or []
        main = cats[0] if cats else "misc"
        pid = r["id"]
        out.append('<article class="kaart" id="artikel-%s" data-rubriek="%s">' % (e(pid), e(main)))
        out.append('  <header class="kaart-kop">')
        out.append('    <span class="volgnr">%d</span>' % i)
        out.append('    <h2 class="titel"><a href="https://www.alphaxiv.org/abs/%s">%s</a></h2>'
                   % (e(pid), e(ws(r.get("title")))))
        out.append('    <p class="auteurs"><strong>Auteurs:</strong> %s</p>'
                   % e(", ".join(ws(a) for a in r.get("authors") or [])))
        badges = []
        for j, c in enumerate(cats):
            cls = "label hoofd" if j == 0 else "label"
            badges.append('<span class="%s">%s</span>' % (cls, e(c)))
        out.append('    <p class="rubrieken"><strong>Categorieën:</strong> %s</p>' % " ".join(badges))
        out.append("  </header>")
        if "tldr" in ai:
            out.append('  <p class="tldr"><b>Kort samengevat:</b> %s</p>' % e(ws(ai["tldr"])))
        present = [(k, lab) for k, lab in labels if k in ai]
        if present:
            out.append('  <dl class="analyse">')
            for k, lab in present:
                out.append("    <dt>%s</dt>" % lab)
                out.append("    <dd>%s</dd>" % e(ws(ai[k])))
            out.append("  </dl>")
        out.append('  <details class="samenvatting">')
        out.append("    <summary>Oorspronkelijke samenvatting (Engels)</summary>")
        out.append('    <blockquote lang="en"><p>%s</p></blockquote>' % e(ws(r.get("summary"))))
        out.append("  </details>")
        if r.get("comment"):
            out.append('  <p class="opmerking"><strong>Opmerking:</strong> %s</p>' % e(ws(r["comment"])))
        links = ['<a href="%s">arXiv:%s</a>' % (e(abs_url(r)), e(pid)),
                 '<a href="%s">PDF</a>' % e(pdf_url(r)),
                 '<a href="https://huggingface.co/papers/%s">Hugging Face</a>' % e(pid)]
        if r.get("code_url"):
            code = '<a href="%s">Code</a>' % e(r["code_url"])
            if isinstance(r.get("code_stars"), int):
                code += ' <span class="sterren">&#9733; %d</span>' % r["code_stars"]
            links.append(code)
        out.append('  <footer class="koppelingen"><strong>Koppelingen:</strong> %s</footer>'
                   % " | ".join(links))
        out.append("</article>")
    out.append("</main>")
    out.append('<footer class="pagina-voet">')
    out.append("  <p>Samenvattingen automatisch gegenereerd; controleer altijd het oorspronkelijke artikel."
               ' <a href="#">Terug naar boven</a></p>')
    out.append("</footer>")
    out.append("<script>")
    out.append("document.querySelectorAll('.filters button').forEach(function (b) {")
    out.append("  b.addEventListener('click', function () {")
    out.append("    var f = b.dataset.filter;")
    out.append("    document.querySelectorAll('article.kaart').forEach(function (a) {")
    out.append("      a.hidden = !(f === '*' || a.dataset.rubriek === f);")
    out.append("    });")
    out.append("  });")
    out.append("});")
    out.append("</script>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- Czech / MkDocs Material
def indent_wrap(text, width=88):
    lines = textwrap.wrap(ws(text), width=width, break_long_words=False,
                          break_on_hyphens=False)
    return ["    " + ln for ln in lines] or ["    —"]


def render_czech(recs):
    counts = cat_counts(recs)
    out = []
    out.append("---")
    out.append("title: Denní přehled arXiv — 16. dubna 2026")
    out.append("description: Nové články z arXiv se souhrny vygenerovanými jazykovým modelem")
    out.append("tags:")
    out.append("  - arxiv")
    out.append("  - denní přehled")
    for c in counts:
        out.append("  - %s" % c)
    out.append("---")
    out.append("")
    out.append("# Denní přehled arXiv · čtvrtek 16. dubna 2026")
    out.append("")
    out.append("Počet článků: **%d** · %s" % (
        len(recs), " · ".join("%s: %d" % (c, n) for c, n in counts.items())))
    out.append("")
    out.append("## Obsah")
    out.append("")
    out.append("| č. | Název | Hlavní kategorie | arXiv |")
    out.append("|---:|:------|:-----------------|:------|")
    for i, r in enumerate(recs, 1):
        cats = r.get("categories") or []
        t = ws(r.get("title")).replace("|", "\\|")
        out.append("| %d | [%s](#clanek-%d) | %s | [%s](%s) |" % (
            i, t, i, cats[0] if cats else "—", r["id"], abs_url(r)))
    out.append("")
    out.append("## Články")
    out.append("")
    tabs = [("motivation", "Motivace"), ("method", "Metoda"),
            ("result", "Výsledky"), ("conclusion", "Závěr")]
    for i, r in enumerate(recs, 1):
        ai = ai_fields(r)
        cats = r.get("categories") or []
        out.append("### %d. %s { #clanek-%d }" % (i, ws(r.get("title")), i))
        out.append("")
        out.append("**Autoři:** %s  " % "; ".join(ws(a) for a in r.get("authors") or []))
        links = "[abstrakt](%s) · [PDF](%s) · [HTML](https://arxiv.org/html/%s)" % (
            abs_url(r), pdf_url(r), r["id"])
        if r.get("code_url"):
            links += " · [kód](%s)" % r["code_url"]
        out.append("**Kategorie:** %s | **arXiv:** `%s` | **Odkazy:** %s" % (
            ", ".join(cats) or "—", r["id"], links))
        out.append("")
        if r.get("comment"):
            out.append('!!! info "Poznámka autorů"')
            out.extend(indent_wrap(r["comment"]))
            out.append("")
        if "tldr" in ai:
            out.append('!!! tip "Stručně"')
            out.append("    " + ws(ai["tldr"]))
            out.append("")
        for k, lab in tabs:
            if k in ai:
                out.append('=== "%s"' % lab)
                out.append("")
                out.append("    " + ws(ai[k]))
                out.append("")
        out.append('??? quote "Abstrakt (anglicky)"')
        out.extend(indent_wrap(r.get("summary")))
        out.append("")
        out.append("[:material-arrow-up: Zpět na obsah](#obsah)")
        out.append("")
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: python render14.py RECORDS_JSONL OUT_DIGESTS_DIR\n")
        return 2
    src, outdir = argv[1], argv[2]
    raw_lines = []
    recs = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            raw_lines.append(line)
            recs.append(json.loads(line))
    os.makedirs(outdir, exist_ok=True)
    files = [
        ("2026-04-13_AI_enhanced_Chinese.jsonl",
         "".join(l + "\n" for l in raw_lines[0::4])),
        ("2026-04-14-arxiv-quotidiano.md", render_italian(recs[1::4])),
        ("2026-04-15-dagelijks-overzicht.html", render_dutch(recs[2::4])),
        ("2026-04-16_denni-prehled-arxiv.markdown", render_czech(recs[3::4])),
    ]
    for name, text in files:
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
