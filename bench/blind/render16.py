#!/usr/bin/env python3
"""Render daily-arXiv JSONL records as one upstream JSONL digest plus three
fork-style digests (Ukrainian Hugo markdown, Persian static HTML, Hungarian
Org-mode).

usage: python render16.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import html
import json
import os
import re
import sys

AI_KEYS = ("tldr", "motivation", "method", "result", "conclusion")


def ws(text):
    return re.sub(r"\s+", " ", text or "").strip()


def load(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                out.append((line, json.loads(line)))
    return out


def ai(rec):
    return rec.get("AI") or {}


# --------------------------------------------------------------------------
# Fork 1: Ukrainian, Hugo content page (TOML front matter, metadata tables,
# built-in {{< details >}} shortcode, blockquoted abstract)
# --------------------------------------------------------------------------
UK = {
    "authors": "Автори",
    "cats": "Категорії",
    "comment": "Коментар",
    "links": "Посилання",
    "code": "Код",
    "tldr": "Коротко (TL;DR)",
    "motivation": "Мотивація",
    "method": "Метод",
    "result": "Результати",
    "conclusion": "Висновок",
    "abstract": "Анотація (англ.)",
    "details": "Аналіз ШІ: мотивація, метод, результати, висновок",
    "toc": "Зміст",
    "top": "↑ до змісту",
    "stars": "зірок",
    "updated": "оновлено",
}


def md_cell(text):
    return ws(text).replace("|", "\\|")


def render_uk(recs, date):
    cats = []
    for r in recs:
        for c in r.get("categories") or []:
            if c not in cats:
                cats.append(c)
    out = []
    out.append("+++")
    out.append('title = "Щоденний дайджест arXiv — 28 квітня 2026"')
    out.append("date = %s" % date)
    out.append('slug = "arxiv-%s"' % date)
    out.append("draft = false")
    out.append("tags = [%s]" % ", ".join('"%s"' % c for c in cats))
    out.append('summary = "%d нових статей з короткими анотаціями від ШІ."' % len(recs))
    out.append("+++")
    out.append("")
    out.append(
        "Підбірка статей arXiv за %s. Короткі підсумки згенеровано мовною "
        "моделлю (китайською), оригінальні анотації наведено англійською. "
        "Усього статей: **%d**." % (date, len(recs))
    )
    out.append("")
    out.append("## %s {#zmist}" % UK["toc"])
    out.append("")
    for i, r in enumerate(recs, 1):
        out.append("%d. [%s](#arxiv-%s) — `%s`" % (
            i, ws(r["title"]), r["id"], (r.get("categories") or ["?"])[0]))
    out.append("")
    out.append("---")
    out.append("")
    for i, r in enumerate(recs, 1):
        aid = r["id"]
        a = ai(r)
        out.append("### %d. %s {#arxiv-%s}" % (i, ws(r["title"]), aid))
        out.append("")
        out.append("| | |")
        out.append("|:--|:--|")
        out.append("| **%s** | %s |" % (UK["authors"], md_cell(", ".join(r.get("authors") or []))))
        out.append("| **%s** | %s |" % (UK["cats"], " · ".join("`%s`" % c for c in r.get("categories") or [])))
        if r.get("comment"):
            out.append("| **%s** | %s |" % (UK["comment"], md_cell(r["comment"])))
        out.append("| **%s** | [arXiv:%s](https://arxiv.org/abs/%s) · [PDF](https://arxiv.org/pdf/%s) · [alphaXiv](https://www.alphaxiv.org/abs/%s) |" % (
            UK["links"], aid, aid, aid, aid))
        if r.get("code_url"):
            extra = []
            if r.get("code_stars") is not None:
                extra.append("★ %s %s" % (r["code_stars"], UK["stars"]))
            if r.get("code_last_update"):
                extra.append("%s %s" % (UK["updated"], r["code_last_update"]))
            out.append("| **%s** | <%s>%s |" % (
                UK["code"], r["code_url"], (" (" + ", ".join(extra) + ")") if extra else ""))
        out.append("")
        if a.get("tldr"):
            out.append("**%s:** %s" % (UK["tldr"], ws(a["tldr"])))
            out.append("")
        rest = [k for k in AI_KEYS[1:] if a.get(k)]
        if rest:
            out.append('{{< details summary="%s" >}}' % UK["details"])
            out.append("")
            for k in rest:
                out.append("- **%s:** %s" % (UK[k], ws(a[k])))
            out.append("")
            out.append("{{< /details >}}")
            out.append("")
        out.append("**%s:**" % UK["abstract"])
        out.append("")
        out.append("> " + ws(r.get("summary")))
        out.append("")
        out.append("[%s](#zmist)" % UK["top"])
        out.append("")
        out.append("---")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------
# Fork 2: Persian, hand-rolled static HTML page (RTL, cards, <details>)
# --------------------------------------------------------------------------
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
FA = {
    "authors": "نویسندگان",
    "cats": "دسته‌ها",
    "comment": "توضیحات",
    "links": "پیوندها",
    "code": "کد",
    "tldr": "خلاصه در یک نگاه",
    "motivation": "انگیزه",
    "method": "روش",
    "result": "نتایج",
    "conclusion": "نتیجه‌گیری",
    "abstract": "چکیدهٔ اصلی (انگلیسی)",
    "details": "تحلیل هوش مصنوعی",
    "paper": "مقاله",
    "stars": "ستاره",
}

FA_CSS = """    body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f6f7f9; color: #222; margin: 0; }
    header, main, footer { max-width: 920px; margin: 0 auto; padding: 0 1rem; }
    .card { background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); margin: 1.2rem 0; padding: 1rem 1.4rem; }
    .card h2 { font-size: 1.15rem; margin: .2rem 0 .6rem; }
    .badge { display: inline-block; background: #e8eefc; color: #2a4a9b; border-radius: 4px; padding: 0 .4rem; margin-inline-end: .3rem; font-size: .85rem; }
    .badge.main { background: #2a4a9b; color: #fff; }
    .tldr { background: #fff8e1; border-inline-start: 4px solid #f0b400; padding: .5rem .8rem; }
    [dir=ltr] { text-align: left; }
    dl dt { font-weight: bold; margin-top: .5rem; }
    .links a { margin-inline-end: .8rem; }"""


def e(text):
    return html.escape(text, quote=True)


def render_fa(recs, date):
    out = []
    out.append("<!DOCTYPE html>")
    out.append('<html lang="fa" dir="rtl">')
    out.append("<head>")
    out.append('  <meta charset="utf-8">')
    out.append('  <meta name="viewport" content="width=device-width, initial-scale=1">')
    out.append("  <title>گزیدهٔ روزانهٔ arXiv — %s</title>" % date)
    out.append("  <style>")
    out.append(FA_CSS)
    out.append("  </style>")
    out.append("</head>")
    out.append("<body>")
    out.append("<header>")
    out.append("  <h1>گزیدهٔ روزانهٔ arXiv</h1>")
    out.append('  <p class="date">۹ اردیبهشت ۱۴۰۵ (<time datetime="%s">%s</time>) · %s %s</p>' % (
        date, date, str(len(recs)).translate(FA_DIGITS), FA["paper"]))
    out.append("  <p>خلاصه‌ها به‌طور خودکار توسط مدل زبانی (به زبان چینی) تولید شده‌اند؛ چکیده‌ها به زبان اصلی آمده‌اند.</p>")
    out.append("</header>")
    out.append("<main>")
    for i, r in enumerate(recs, 1):
        aid = r["id"]
        a = ai(r)
        cats = r.get("categories") or []
        out.append('<article class="card" id="arxiv-%s">' % e(aid))
        out.append('  <div class="num">%s %s · <code dir="ltr">arXiv:%s</code></div>' % (
            FA["paper"], str(i).translate(FA_DIGITS), e(aid)))
        out.append('  <h2 dir="ltr" lang="en"><a href="https://arxiv.org/abs/%s">%s</a></h2>' % (
            e(aid), e(ws(r["title"]))))
        out.append('  <p class="authors"><strong>%s:</strong> <span dir="ltr" lang="en">%s</span></p>' % (
            FA["authors"], e(", ".join(r.get("authors") or []))))
        badges = " ".join(
            '<span class="badge%s">%s</span>' % (" main" if j == 0 else "", e(c))
            for j, c in enumerate(cats))
        out.append('  <p class="cats"><strong>%s:</strong> %s</p>' % (FA["cats"], badges))
        if r.get("comment"):
            out.append('  <p class="comment"><strong>%s:</strong> <span dir="ltr" lang="en">%s</span></p>' % (
                FA["comment"], e(ws(r["comment"]))))
        if a.get("tldr"):
            out.append('  <p class="tldr"><strong>%s:</strong> <span lang="zh">%s</span></p>' % (
                FA["tldr"], e(ws(a["tldr"]))))
        rest = [k for k in AI_KEYS[1:] if a.get(k)]
        if rest:
            out.append("  <details>")
            out.append("    <summary>%s</summary>" % FA["details"])
            out.append("    <dl>")
            for k in rest:
                out.append("      <dt>%s</dt>" % FA[k])
                out.append('      <dd lang="zh">%s</dd>' % e(ws(a[k])))
            out.append("    </dl>")
            out.append("  </details>")
        out.append("  <details>")
        out.append("    <summary>%s</summary>" % FA["abstract"])
        out.append('    <blockquote dir="ltr" lang="en">%s</blockquote>' % e(ws(r.get("summary"))))
        out.append("  </details>")
        links = [
            '<a href="https://huggingface.co/papers/%s">Hugging Face</a>' % e(aid),
            '<a href="https://papers.cool/arxiv/%s">papers.cool</a>' % e(aid),
            '<a href="https://arxiv.org/pdf/%s">PDF</a>' % e(aid),
        ]
        if r.get("code_url"):
            label = FA["code"]
            if r.get("code_stars") is not None:
                label += " (%s %s)" % (str(r["code_stars"]).translate(FA_DIGITS), FA["stars"])
            links.append('<a href="%s">%s</a>' % (e(r["code_url"]), label))
        out.append('  <p class="links"><strong>%s:</strong> %s</p>' % (FA["links"], " ".join(links)))
        out.append("</article>")
    out.append("</main>")
    out.append("<footer>")
    out.append('  <p>ساخته‌شده با <a href="https://github.com/dw-dengwei/daily-arXiv-ai-enhanced">daily-arXiv-ai-enhanced</a> · <a href="#">بازگشت به بالا</a></p>')
    out.append("</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Fork 3: Hungarian, Emacs Org-mode file (one heading per paper, property
# drawer, description list, sub-headings for AI fields, wrapped quote)
# --------------------------------------------------------------------------
HU = {
    "authors": "Szerzők",
    "cats": "Kategóriák",
    "main": "fő",
    "comment": "Megjegyzés",
    "links": "Linkek",
    "code": "Kód",
    "tldr": "Röviden (TL;DR)",
    "motivation": "Motiváció",
    "method": "Módszer",
    "result": "Eredmények",
    "conclusion": "Következtetés",
    "abstract": "Kivonat (angol eredeti)",
    "ai": "MI-összefoglaló",
    "stars": "csillag",
    "updated": "frissítve",
}


def org_wrap(text, width=78, indent=""):
    words = ws(text).split(" ")
    lines = []
    cur = ""
    for w in words:
        if not cur:
            cur = w
            continue
        # never start a wrapped line with something Org would read as markup
        bad_start = w.startswith(("*", "#", "-", "+", "|", ":")) or re.match(r"^\d+[.)]$", w)
        if len(cur) + 1 + len(w) > width and not bad_start:
            lines.append(cur)
            cur = w
        else:
            cur += " " + w
    if cur:
        lines.append(cur)
    return [indent + ln for ln in lines]


def org_tag(c):
    return re.sub(r"[^A-Za-z0-9_@]", "_", c)


def render_hu(recs, date):
    out = []
    out.append("#+TITLE: Napi arXiv-válogatás – 2026. április 30.")
    out.append("#+DATE: <%s cs>" % date)
    out.append("#+LANGUAGE: hu")
    out.append("#+OPTIONS: toc:1 num:nil ^:nil")
    out.append("#+STARTUP: overview")
    out.append("")
    out.append("A mai válogatás %d cikket tartalmaz. Az összefoglalókat nyelvi modell" % len(recs))
    out.append("készítette (kínaiul), a kivonatok az eredeti angol szövegek.")
    out.append("")
    for i, r in enumerate(recs, 1):
        aid = r["id"]
        a = ai(r)
        cats = r.get("categories") or []
        head = "* [%d/%d] %s" % (i, len(recs), ws(r["title"]))
        tags = ":" + ":".join(org_tag(c) for c in cats) + ":" if cats else ""
        if tags:
            pad = max(1, 77 - len(head) - len(tags))
            head = head + " " * pad + tags
        out.append(head)
        out.append(":PROPERTIES:")
        out.append(":CUSTOM_ID: arxiv-%s" % aid)
        out.append(":ARXIV_ID:  %s" % aid)
        out.append(":END:")
        out.append("- %s :: %s" % (HU["authors"], ", ".join(r.get("authors") or [])))
        if cats:
            cl = ["%s (%s)" % (cats[0], HU["main"])] + cats[1:]
            out.append("- %s :: %s" % (HU["cats"], ", ".join(cl)))
        if r.get("comment"):
            out.append("- %s :: %s" % (HU["comment"], ws(r["comment"])))
        out.append("- %s :: [[https://arxiv.org/abs/%s][arXiv:%s]] · [[https://arxiv.org/pdf/%s][PDF]] · [[https://papers.cool/arxiv/%s][papers.cool]]" % (
            HU["links"], aid, aid, aid, aid))
        if r.get("code_url"):
            extra = []
            if r.get("code_stars") is not None:
                extra.append("%s %s" % (r["code_stars"], HU["stars"]))
            if r.get("code_last_update"):
                extra.append("%s: %s" % (HU["updated"], r["code_last_update"]))
            out.append("- %s :: [[%s]]%s" % (
                HU["code"], r["code_url"], (" (" + ", ".join(extra) + ")") if extra else ""))
        out.append("")
        if a.get("tldr"):
            out.append("** %s" % HU["tldr"])
            out.append(ws(a["tldr"]))
            out.append("")
        rest = [k for k in AI_KEYS[1:] if a.get(k)]
        if rest:
            out.append("** %s" % HU["ai"])
            for k in rest:
                out.append("*** %s" % HU[k])
                out.append(ws(a[k]))
            out.append("")
        out.append("** %s" % HU["abstract"])
        out.append("#+begin_quote")
        out.extend(org_wrap(r.get("summary"), width=78))
        out.append("#+end_quote")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    rows = load(argv[1])
    outdir = argv[2]
    os.makedirs(outdir, exist_ok=True)
    recs = [r for _, r in rows]

    with open(os.path.join(outdir, "2026-04-27_AI_enhanced_Chinese.jsonl"), "w",
              encoding="utf-8", newline="\n") as fh:
        for line, _ in rows[0::4]:
            fh.write(line + "\n")

    forks = [
        ("2026-04-28-shchodennyi-arxiv.uk.md", render_uk, recs[1::4], "2026-04-28"),
        ("2026-04-29_arxiv-roozaneh.fa.html", render_fa, recs[2::4], "2026-04-29"),
        ("2026-04-30-napi-arxiv.org", render_hu, recs[3::4], "2026-04-30"),
    ]
    for name, fn, subset, date in forks:
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(fn(subset, date))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
