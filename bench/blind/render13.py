#!/usr/bin/env python3
"""Render daily-arXiv records into one JSONL digest and three fork-style digests.

usage: python render13.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import json
import os
import re
import sys
import textwrap

CAT_NAMES = {
    "cs.CV": "Computer Vision and Pattern Recognition",
    "cs.CL": "Computation and Language",
    "cs.AI": "Artificial Intelligence",
    "cs.LG": "Machine Learning",
    "cs.RO": "Robotics",
    "cs.IR": "Information Retrieval",
    "cs.MM": "Multimedia",
    "cs.HC": "Human-Computer Interaction",
    "cs.SD": "Sound",
    "eess.AS": "Audio and Speech Processing",
    "eess.IV": "Image and Video Processing",
}


def ai(r, key):
    return ((r.get("AI") or {}).get(key) or "").strip()


def wrap(text, width):
    return textwrap.wrap(text, width=width, break_long_words=False,
                         break_on_hyphens=False)


# --------------------------------------------------------------------------
# Template T (2026-04-07): Turkish, TOC + numbered h2 + definition lists
# --------------------------------------------------------------------------

def gh_slug(heading):
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def render_tr(recs):
    out = []
    cats = {}
    for r in recs:
        cats[r["categories"][0]] = cats.get(r["categories"][0], 0) + 1
    out.append("# 📰 Günlük arXiv Özeti — 7 Nisan 2026")
    out.append("")
    out.append("> Yapay zekâ destekli günlük makale bülteni. Özetler otomatik "
               "olarak üretilmiştir; ayrıntılar için orijinal makaleye bakınız.")
    out.append(">")
    out.append("> **Toplam:** %d makale · %s" % (
        len(recs), " · ".join("%s (%d)" % (c, n) for c, n in sorted(cats.items()))))
    out.append("")
    out.append("## İçindekiler")
    out.append("")
    seen = {}
    anchors = []
    for i, r in enumerate(recs, 1):
        h = "%d. %s" % (i, r["title"])
        a = gh_slug(h)
        if a in seen:
            seen[a] += 1
            a = "%s-%d" % (a, seen[a])
        else:
            seen[a] = 0
        anchors.append(a)
        out.append("%d. [%s](#%s) — `%s`" % (i, r["title"], a, r["categories"][0]))
    out.append("")
    labels = [("motivation", "Motivasyon"), ("method", "Yöntem"),
              ("result", "Bulgular"), ("conclusion", "Sonuç")]
    for i, r in enumerate(recs, 1):
        rid = r["id"]
        out.append("## %d. %s" % (i, r["title"]))
        out.append("")
        extra = r["categories"][1:]
        cat = "**%s**" % r["categories"][0]
        if extra:
            cat += " (%s)" % ", ".join(extra)
        out.append("`%s` · %s · [arXiv](https://arxiv.org/abs/%s) · "
                   "[PDF](https://arxiv.org/pdf/%s) · "
                   "[alphaXiv](https://www.alphaxiv.org/overview/%s)"
                   % (rid, cat, rid, rid, rid))
        out.append("")
        out.append("**Yazarlar:** " + ", ".join(r["authors"]))
        if r.get("comment"):
            out.append("")
            out.append("**Not:** " + r["comment"].strip())
        out.append("")
        out.append("> [!TIP]")
        out.append("> **Kısaca:** " + ai(r, "tldr"))
        out.append("")
        for key, lab in labels:
            val = ai(r, key)
            if not val:
                continue
            lines = val.split("\n")
            out.append(lab)
            out.append(": " + lines[0])
            for ln in lines[1:]:
                out.append("  " + ln)
            out.append("")
        out.append("#### Özet (İngilizce)")
        out.append("")
        out.extend(wrap(r["summary"], 80))
        out.append("")
        out.append("<sub>[⬆ İçindekilere dön](#%s)</sub>" % gh_slug("İçindekiler"))
        out.append("")
    out.append("*Bu dosya GitHub Actions tarafından otomatik olarak oluşturulmuştur.*")
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------
# Template P (2026-04-08): Polish Hugo content page with shortcodes
# --------------------------------------------------------------------------

def render_pl(recs):
    out = []
    cats = sorted({r["categories"][0] for r in recs})
    out.append("---")
    out.append('title: "Przegląd arXiv: 8 kwietnia 2026"')
    out.append("date: 2026-04-08T08:00:00+02:00")
    out.append("draft: false")
    out.append("tags: [%s]" % ", ".join('"%s"' % c for c in cats))
    out.append('description: "Codzienny przegląd nowych prac z arXiv, '
               'streszczenia wygenerowane przez AI"')
    out.append("weight: 20260408")
    out.append("---")
    out.append("")
    out.append("Dzisiejszy przegląd obejmuje **%d** prac. Streszczenia po polsku "
               "wygenerował model językowy, teksty oryginalne pozostawiono bez zmian."
               % len(recs))
    out.append("")
    out.append("<!--more-->")
    out.append("")
    labels = [("motivation", "Motywacja"), ("method", "Metoda"),
              ("result", "Wyniki"), ("conclusion", "Wnioski")]
    for i, r in enumerate(recs, 1):
        rid = r["id"]
        main = r["categories"][0]
        out.append('{{< paper-card id="%s" category="%s" >}}' % (rid, main))
        out.append("")
        out.append("### %s" % r["title"])
        out.append("")
        out.append("👥 **Autorzy:** " + ", ".join(r["authors"]) + "  ")
        line = "🏷️ **Kategoria główna:** %s" % main
        if r["categories"][1:]:
            line += " · *także:* " + ", ".join(r["categories"][1:])
        out.append(line + "  ")
        if r.get("comment"):
            out.append("💬 **Uwagi:** " + r["comment"].strip() + "  ")
        out.append("🔗 **Czytaj:** [papers.cool](https://papers.cool/arxiv/%s) · "
                   "[HF Papers](https://huggingface.co/papers/%s) · "
                   "[PDF](https://arxiv.org/pdf/%s)" % (rid, rid, rid))
        out.append("")
        out.append("{{< hint info >}}")
        out.append("**W skrócie —** " + ai(r, "tldr"))
        out.append("{{< /hint >}}")
        out.append("")
        for key, lab in labels:
            val = ai(r, key)
            if not val:
                continue
            val = val.replace("\n", "\n  ")
            out.append("- *%s:* %s" % (lab, val))
        out.append("")
        out.append('{{< expand "Abstrakt (oryginał, EN)" >}}')
        out.append(r["summary"])
        out.append("{{< /expand >}}")
        out.append("")
        out.append("{{< /paper-card >}}")
        out.append("")
    out.append("{{< footer-note >}}Wygenerowano automatycznie · "
               "dane: arXiv.org{{< /footer-note >}}")
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------
# Template G (2026-04-09): Greek static HTML page (Jinja-style escaping)
# --------------------------------------------------------------------------

def esc(s):
    # markupsafe / Jinja2 autoescape style
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def render_el(recs):
    o = []
    o.append("<!DOCTYPE html>")
    o.append('<html lang="el">')
    o.append("<head>")
    o.append('  <meta charset="utf-8">')
    o.append('  <meta name="viewport" content="width=device-width, initial-scale=1">')
    o.append("  <title>Ημερήσια σύνοψη arXiv · 9 Απριλίου 2026</title>")
    o.append('  <link rel="stylesheet" href="../assets/css/digest.css">')
    o.append("</head>")
    o.append("<body>")
    o.append('<header class="site-header">')
    o.append("  <h1>Ημερήσια σύνοψη arXiv</h1>")
    o.append('  <p class="subtitle">Πέμπτη, 9 Απριλίου 2026 · %d εργασίες · '
             'περιλήψεις με τεχνητή νοημοσύνη</p>' % len(recs))
    o.append("</header>")
    o.append('<nav class="toc" aria-label="Περιεχόμενα">')
    o.append("  <h2>Περιεχόμενα</h2>")
    o.append("  <ol>")
    for r in recs:
        o.append('    <li><a href="#arxiv-%s">%s</a></li>'
                 % (r["id"], esc(r["title"])))
    o.append("  </ol>")
    o.append("</nav>")
    o.append('<main class="entries">')
    labels = [("motivation", "Κίνητρο"), ("method", "Μέθοδος"),
              ("result", "Αποτελέσματα"), ("conclusion", "Συμπέρασμα")]
    for i, r in enumerate(recs, 1):
        rid = r["id"]
        main = r["categories"][0]
        o.append('<section class="entry" id="arxiv-%s" data-category="%s">'
                 % (rid, esc(main)))
        o.append("  <header>")
        o.append('    <span class="entry-no">#%d</span>' % i)
        o.append('    <h2 class="entry-title"><a href="https://arxiv.org/abs/%s">%s</a></h2>'
                 % (rid, esc(r["title"])))
        cats = '<abbr title="%s">%s</abbr>' % (esc(CAT_NAMES.get(main, main)), esc(main))
        if r["categories"][1:]:
            cats += ' <small>(%s)</small>' % ", ".join(esc(c) for c in r["categories"][1:])
        o.append('    <p class="entry-meta"><code>%s</code> · %s</p>' % (rid, cats))
        o.append("  </header>")
        o.append('  <div class="authors">')
        o.append("    <h3>Συγγραφείς</h3>")
        o.append('    <ul class="author-list">')
        for a in r["authors"]:
            o.append("      <li>%s</li>" % esc(a))
        o.append("    </ul>")
        o.append("  </div>")
        o.append('  <p class="tldr"><mark>Με μια ματιά</mark> %s</p>' % esc(ai(r, "tldr")))
        o.append('  <table class="ai-summary">')
        o.append("    <tbody>")
        for key, lab in labels:
            val = ai(r, key)
            if not val:
                continue
            o.append('      <tr><th scope="row">%s</th><td>%s</td></tr>'
                     % (lab, esc(val).replace("\n", "<br>")))
        o.append("    </tbody>")
        o.append("  </table>")
        o.append('  <p class="abstract" lang="en"><b>Περίληψη (πρωτότυπο).</b> %s</p>'
                 % esc(r["summary"]))
        o.append('  <footer class="entry-links">')
        links = ('<a href="https://arxiv.org/pdf/%s">PDF</a> | '
                 '<a href="https://www.semanticscholar.org/arxiv/%s">Semantic Scholar</a>'
                 % (rid, rid))
        if r.get("comment"):
            links += ' | <span class="comment">Σχόλια: %s</span>' % esc(r["comment"].strip())
        o.append("    " + links)
        o.append("  </footer>")
        o.append("</section>")
        o.append("<hr>")
    o.append("</main>")
    o.append('<footer class="site-footer"><p>Δημιουργήθηκε αυτόματα μέσω GitHub Actions · '
             'Πηγή δεδομένων: arXiv.org</p></footer>')
    o.append("</body>")
    o.append("</html>")
    o.append("")
    return "\n".join(o)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, outdir = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    os.makedirs(outdir, exist_ok=True)
    files = [
        ("2026-04-06_AI_enhanced_Chinese.jsonl",
         "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs[0::4])),
        ("2026-04-07-arxiv-ozet.md", render_tr(recs[1::4])),
        ("2026-04-08-przeglad-arxiv.md", render_pl(recs[2::4])),
        ("2026-04-09-arxiv-synopsi.html", render_el(recs[3::4])),
    ]
    for name, text in files:
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(text)
        print(name)


if __name__ == "__main__":
    main()
