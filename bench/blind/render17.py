#!/usr/bin/env python3
"""render17.py -- build four daily-arXiv digest fixtures from one records file.

Usage: python render17.py RECORDS_JSONL OUT_DIGESTS_DIR

Writes (deterministically, stdlib only):
  2026-05-04_AI_enhanced_Chinese.jsonl   upstream JSONL, records[0::4], lines copied verbatim
  2026-05-05-arxiv-digest.de.md          German Hugo page (TOML front matter, tables, shortcodes)
  arxiv_20260506.rst                     Japanese Sphinx/reStructuredText page
  veille-arxiv-07-05-2026.html           French standalone HTML page with cards
"""
import html
import json
import os
import re
import sys
import textwrap
import unicodedata

AI_KEYS = ("tldr", "motivation", "method", "result", "conclusion")


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def load(path):
    with open(path, "rb") as fh:
        raw = fh.read()
    lines = [ln for ln in raw.splitlines(keepends=True) if ln.strip()]
    recs = [json.loads(ln.decode("utf-8")) for ln in lines]
    return lines, recs


def paragraphs(text):
    """Split an arXiv abstract into paragraphs (arXiv uses '\\n  ' for breaks)."""
    paras = [" ".join(p.split()) for p in text.split("\n")]
    return [p for p in paras if p]


def ai_lines(text):
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# --------------------------------------------------------------------------
# 1. upstream JSONL
# --------------------------------------------------------------------------
def render_jsonl(lines):
    out = []
    for ln in lines:
        out.append(ln if ln.endswith(b"\n") else ln + b"\n")
    return b"".join(out)


# --------------------------------------------------------------------------
# 2. German Hugo markdown
# --------------------------------------------------------------------------
MD_SPECIAL = "\\`*_[]<"


def md_esc(s):
    return "".join("\\" + c if c in MD_SPECIAL else c for c in s)


def md_cell(s):
    return md_esc(s).replace("|", "\\|")


def render_hugo_de(recs):
    cats = sorted({c for r in recs for c in r["categories"]})
    o = []
    o.append("+++")
    o.append('title = "arXiv-Tagesübersicht vom 5. Mai 2026"')
    o.append("date = 2026-05-05T08:00:00+02:00")
    o.append("draft = false")
    o.append('categories = ["arxiv-daily"]')
    o.append("tags = [" + ", ".join('"%s"' % c for c in cats) + "]")
    o.append('summary = "%d neue Arbeiten mit KI-Zusammenfassung"' % len(recs))
    o.append("+++")
    o.append("")
    o.append("Heute gibt es **%d** neue Arbeiten. Die KI-Felder (TL;DR, Motivation, "
             "Methode, Ergebnisse, Fazit) wurden automatisch erzeugt und sind auf "
             "Chinesisch; Titel und Abstract stehen im englischen Original." % len(recs))
    o.append("")
    o.append("<!--more-->")
    o.append("")
    for n, r in enumerate(recs, 1):
        aid = r["id"]
        o.append("---")
        o.append("")
        o.append("### %d. %s" % (n, md_esc(r["title"])))
        o.append("")
        o.append("| Feld | Angabe |")
        o.append("| :--- | :--- |")
        o.append("| arXiv | [%s](https://arxiv.org/abs/%s) · [PDF](https://arxiv.org/pdf/%s) |"
                 % (aid, aid, aid))
        o.append("| Autoren | %s |" % md_cell(", ".join(r["authors"])))
        o.append("| Kategorien | %s |" % " ".join("`%s`" % c for c in r["categories"]))
        if r.get("comment"):
            o.append("| Kommentar | %s |" % md_cell(r["comment"]))
        if r.get("code_url"):
            cell = "[%s](%s)" % (r["code_url"], r["code_url"])
            extra = []
            if r.get("code_stars") is not None:
                extra.append("★ %d" % r["code_stars"])
            if r.get("code_last_update"):
                extra.append("Stand %s" % r["code_last_update"])
            if extra:
                cell += " (" + ", ".join(extra) + ")"
            o.append("| Code | %s |" % cell)
        o.append("")
        ai = r.get("AI") or {}
        if ai.get("tldr"):
            o.append("> **TL;DR:** " + "<br>".join(md_esc(x) for x in ai_lines(ai["tldr"])))
            o.append("")
        for key, label in (("motivation", "Motivation"), ("method", "Methode"),
                           ("result", "Ergebnisse"), ("conclusion", "Fazit")):
            if ai.get(key):
                o.append("- **%s:** %s" % (label, "<br>".join(md_esc(x) for x in ai_lines(ai[key]))))
        o.append("")
        o.append('{{< details summary="Abstract (englisches Original)" >}}')
        o.append("")
        o.append("\n\n".join(md_esc(p) for p in paragraphs(r["summary"])))
        o.append("")
        o.append("{{< /details >}}")
        o.append("")
    o.append("---")
    o.append("")
    o.append("*Automatisch erstellt mit einem Fork von daily-arXiv-ai-enhanced.*")
    o.append("")
    return "\n".join(o)


# --------------------------------------------------------------------------
# 3. Japanese reStructuredText (Sphinx)
# --------------------------------------------------------------------------
RST_SPECIAL = "\\*`|_"


def rst_esc(s):
    return "".join("\\" + c if c in RST_SPECIAL else c for c in s)


ENUM_RE = re.compile(r"^(\d+|[A-Za-z]|\(\d+)[.)]\s")


def rst_para(s):
    """Escape a paragraph; a leading enumerator ("1." / "1)" / "(1)") gets a
    backslash so docutils does not turn the paragraph into a list."""
    e = rst_esc(s)
    if ENUM_RE.match(e):
        e = "\\" + e
    return e


def colwidth(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def rst_wrap(text, indent):
    w = textwrap.TextWrapper(width=79, initial_indent=indent, subsequent_indent=indent,
                             break_long_words=False, break_on_hyphens=False)
    return w.fill(text)


def render_rst_ja(recs):
    o = []
    title = "arXiv 日報 2026年05月06日"
    bar = "=" * (colwidth(title) + 2)
    o.append(".. _daily-20260506:")
    o.append("")
    o.append(bar)
    o.append(" " + title)
    o.append(bar)
    o.append("")
    o.append(":更新日: 2026-05-06")
    o.append(":件数: %d 件" % len(recs))
    o.append(":備考: AI 要約（TL;DR・研究動機・提案手法・実験結果・結論）は中国語で自動生成されています。")
    o.append("")
    o.append(".. contents:: 目次")
    o.append("   :local:")
    o.append("   :depth: 2")
    o.append("")
    groups = []
    index = {}
    for r in recs:
        prim = r["categories"][0]
        if prim not in index:
            index[prim] = len(groups)
            groups.append((prim, []))
        groups[index[prim]][1].append(r)
    for prim, items in groups:
        head = "%s（%d 件）" % (prim, len(items))
        o.append(head)
        o.append("=" * colwidth(head))
        o.append("")
        for r in items:
            aid = r["id"]
            t = rst_esc(r["title"])
            o.append(".. _arxiv-%s:" % aid)
            o.append("")
            o.append(t)
            o.append("-" * colwidth(t))
            o.append("")
            o.append(":arXiv: :arxiv:`%s` （`PDF <https://arxiv.org/pdf/%s>`__）" % (aid, aid))
            o.append(":著者: %s" % rst_esc(", ".join(r["authors"])))
            o.append(":分野: %s" % ", ".join(r["categories"]))
            if r.get("comment"):
                o.append(":コメント: %s" % rst_esc(r["comment"]))
            if r.get("code_url"):
                s = ":コード: `%s <%s>`__" % (r["code_url"], r["code_url"])
                extra = []
                if r.get("code_stars") is not None:
                    extra.append("★ %d" % r["code_stars"])
                if r.get("code_last_update"):
                    extra.append("最終更新 %s" % r["code_last_update"])
                if extra:
                    s += " （" + "、".join(extra) + "）"
                o.append(s)
            o.append("")
            ai = r.get("AI") or {}
            if ai.get("tldr"):
                o.append(".. admonition:: TL;DR")
                o.append("   :class: tip")
                o.append("")
                o.append("\n\n".join("   " + rst_para(x) for x in ai_lines(ai["tldr"])))
                o.append("")
            for key, label in (("motivation", "研究動機"), ("method", "提案手法"),
                               ("result", "実験結果"), ("conclusion", "結論")):
                if ai.get(key):
                    o.append(label)
                    o.append("\n\n".join("   " + rst_para(x) for x in ai_lines(ai[key])))
                    o.append("")
            o.append(".. topic:: 概要（英語原文）")
            o.append("")
            o.append("\n\n".join(rst_wrap(rst_para(p), "   ") for p in paragraphs(r["summary"])))
            o.append("")
    return "\n".join(o)


# --------------------------------------------------------------------------
# 4. French standalone HTML
# --------------------------------------------------------------------------
def h(s):
    return html.escape(s, quote=False)


def ha(s):
    return html.escape(s, quote=True)


def render_html_fr(recs):
    o = []
    o.append("<!DOCTYPE html>")
    o.append('<html lang="fr">')
    o.append("<head>")
    o.append('  <meta charset="utf-8">')
    o.append('  <meta name="viewport" content="width=device-width, initial-scale=1">')
    o.append("  <title>Veille arXiv – 7 mai 2026</title>")
    o.append('  <link rel="stylesheet" href="../assets/cartes.css">')
    o.append("</head>")
    o.append("<body>")
    o.append('<header class="entete">')
    o.append('  <h1>Veille arXiv du <time datetime="2026-05-07">7 mai 2026</time></h1>')
    o.append("  <p>%d articles du jour · analyses générées par IA (en chinois) · "
             "résumés originaux en anglais</p>" % len(recs))
    o.append("</header>")
    o.append('<main class="grille">')
    for n, r in enumerate(recs, 1):
        aid = r["id"]
        ai = r.get("AI") or {}
        o.append("")
        o.append('<article class="carte" id="arxiv-%s">' % ha(aid))
        o.append("  <header>")
        o.append('    <p class="numero">Article n° %d</p>' % n)
        o.append('    <h2 class="titre"><a href="https://arxiv.org/abs/%s">%s</a></h2>' % (ha(aid), h(r["title"])))
        o.append('    <p class="liens"><span class="ident">arXiv:%s</span> · '
                 '<a href="https://arxiv.org/pdf/%s">PDF</a> · '
                 '<a href="https://www.alphaxiv.org/abs/%s">alphaXiv</a> · '
                 '<a href="https://papers.cool/arxiv/%s">Cool Papers</a></p>'
                 % (h(aid), ha(aid), ha(aid), ha(aid)))
        o.append("  </header>")
        if ai.get("tldr"):
            o.append('  <p class="en-bref"><strong>En bref&nbsp;:</strong> %s</p>'
                     % "<br>".join(h(x) for x in ai_lines(ai["tldr"])))
        o.append('  <dl class="fiche">')
        o.append("    <dt>Auteurs</dt>")
        o.append("    <dd>%s</dd>" % h(", ".join(r["authors"])))
        o.append("    <dt>Catégories</dt>")
        o.append("    <dd>%s</dd>" % " ".join('<span class="cat">%s</span>' % h(c) for c in r["categories"]))
        if r.get("comment"):
            o.append("    <dt>Commentaire</dt>")
            o.append("    <dd>%s</dd>" % h(r["comment"]))
        if r.get("code_url"):
            s = '<a href="%s">%s</a>' % (ha(r["code_url"]), h(r["code_url"]))
            extra = []
            if r.get("code_stars") is not None:
                extra.append("%d étoile%s" % (r["code_stars"], "s" if r["code_stars"] > 1 else ""))
            if r.get("code_last_update"):
                extra.append("mis à jour le %s" % h(r["code_last_update"]))
            if extra:
                s += " (" + ", ".join(extra) + ")"
            o.append("    <dt>Code</dt>")
            o.append("    <dd>%s</dd>" % s)
        o.append("  </dl>")
        rows = [(k, lab) for k, lab in (("motivation", "Problématique"), ("method", "Méthode"),
                                         ("result", "Résultats"), ("conclusion", "Conclusion"))
                if ai.get(k)]
        if rows:
            o.append('  <details class="analyse">')
            o.append("    <summary>Analyse détaillée (IA)</summary>")
            o.append("    <table>")
            for k, lab in rows:
                o.append('      <tr><th scope="row">%s</th><td>%s</td></tr>'
                         % (lab, "<br>".join(h(x) for x in ai_lines(ai[k]))))
            o.append("    </table>")
            o.append("  </details>")
        o.append('  <details class="resume" open>')
        o.append("    <summary>Résumé original (anglais)</summary>")
        o.append('    <blockquote lang="en" cite="https://arxiv.org/abs/%s">' % ha(aid))
        for p in paragraphs(r["summary"]):
            o.append("      <p>%s</p>" % h(p))
        o.append("    </blockquote>")
        o.append("  </details>")
        o.append("</article>")
    o.append("")
    o.append("</main>")
    o.append('<footer class="pied">')
    o.append("  <p>Page générée automatiquement par un fork de "
             '<a href="https://github.com/dw-dengwei/daily-arXiv-ai-enhanced">daily-arXiv-ai-enhanced</a>.</p>')
    o.append("</footer>")
    o.append("</body>")
    o.append("</html>")
    o.append("")
    return "\n".join(o)


# --------------------------------------------------------------------------
def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: python render17.py RECORDS_JSONL OUT_DIGESTS_DIR\n")
        return 2
    lines, recs = load(argv[1])
    out = argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "2026-05-04_AI_enhanced_Chinese.jsonl"), "wb") as fh:
        fh.write(render_jsonl(lines[0::4]))
    write(os.path.join(out, "2026-05-05-arxiv-digest.de.md"), render_hugo_de(recs[1::4]))
    write(os.path.join(out, "arxiv_20260506.rst"), render_rst_ja(recs[2::4]))
    write(os.path.join(out, "veille-arxiv-07-05-2026.html"), render_html_fr(recs[3::4]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
