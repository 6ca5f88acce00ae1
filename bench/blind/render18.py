#!/usr/bin/env python3
"""Render a daily-arXiv-ai-enhanced digest as published by a Brazilian fork.

The fork publishes its site with Antora/Asciidoctor, so the daily page is an
AsciiDoc file with Portuguese (pt-BR) labels.

usage: python render18.py RECORDS_JSONL OUT_DIGESTS_DIR
"""
import json
import os
import re
import sys

UPSTREAM_DATE = "2026-05-11"
FORK_DATE = "2026-05-12"

MESES = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
         "agosto", "setembro", "outubro", "novembro", "dezembro"]

AI_ROWS = [
    ("motivation", "Motivação"),
    ("method", "Método"),
    ("result", "Resultados"),
    ("conclusion", "Conclusão"),
]

ABBREV = ("e.g.", "i.e.", "et al.", "vs.", "Fig.", "Figs.", "Eq.", "Eqs.",
          "etc.", "cf.", "resp.", "approx.", "No.", "Sec.", "Tab.")


def data_extenso(iso):
    y, m, d = iso.split("-")
    return "%d de %s de %s" % (int(d), MESES[int(m) - 1], y)


def cell(text):
    """Escape text for a PSV table cell: only the cell separator matters."""
    return text.replace("|", "\\|")


def one_line(text):
    """Description-list items and admonition paragraphs are written on one line."""
    return " ".join(text.split("\n"))


def ventilate(text):
    """One sentence per line (AsciiDoc 'ventilated prose').

    A break replaces exactly one space after '.', '?' or '!' when the next
    sentence begins with an ASCII capital letter; common abbreviations are not
    treated as sentence ends.  Joining the lines with a single space gives the
    original abstract back.
    """
    out = []
    start = 0
    for m in re.finditer(r"[.?!] (?=[A-Z])", text):
        head = text[start:m.start() + 1]
        if head.endswith(ABBREV):
            continue
        out.append(head)
        start = m.end()
    out.append(text[start:])
    return out


def code_line(r):
    url = r.get("code_url")
    if not url:
        return None
    m = re.match(r"https?://github\.com/([^/\s]+/[^/\s#?]+?)/?$", url)
    label = m.group(1) if m else url.split("://", 1)[-1].rstrip("/")
    s = "%s[%s]" % (url, label)
    extra = []
    if r.get("code_stars") is not None:
        extra.append("★ %d" % r["code_stars"])
    if r.get("code_last_update"):
        extra.append("atualizado em %s" % r["code_last_update"])
    if extra:
        s += " (" + " · ".join(extra) + ")"
    return s


def render_paper(r, n, total):
    L = []
    pid = r["id"]
    abs_url = r.get("abs") or "https://arxiv.org/abs/%s" % pid
    pdf_url = r.get("pdf") or "https://arxiv.org/pdf/%s" % pid
    L.append("[[arxiv-%s]]" % pid.replace(".", "-"))
    L.append("=== %s" % one_line(r["title"]).strip())
    L.append("")
    L.append("[horizontal]")
    L.append("Artigo:: %d de %d" % (n, total))
    L.append("arXiv:: %s[arXiv:%s] · %s[PDF]" % (abs_url, pid, pdf_url))
    L.append("Autores:: %s" % ", ".join(r.get("authors") or []))
    cats = r.get("categories") or []
    L.append("Categorias:: %s" % ", ".join("`%s`" % c for c in cats))
    if r.get("comment"):
        L.append("Comentário:: %s" % one_line(r["comment"]))
    cl = code_line(r)
    if cl:
        L.append("Código:: %s" % cl)
    L.append("")
    ai = r.get("AI") or {}
    if ai.get("tldr"):
        L.append("TIP: *TL;DR:* %s" % one_line(ai["tldr"]))
        L.append("")
    rows = [(lab, ai[k]) for k, lab in AI_ROWS if ai.get(k)]
    if rows:
        L.append(".Análise gerada por IA")
        L.append('[cols="1h,5",frame=ends,grid=rows]')
        L.append("|===")
        for lab, txt in rows:
            L.append("| %s" % lab)
            L.append("| %s" % cell(one_line(txt)))
            L.append("")
        if L[-1] == "":
            L.pop()
        L.append("|===")
        L.append("")
    L.append(".Resumo original (inglês)")
    L.append("[%collapsible%open]")
    L.append("====")
    for para in r.get("summary", "").split("\n\n"):
        L.extend(ventilate(one_line(para)))
        L.append("")
    if L[-1] == "":
        L.pop()
    L.append("====")
    L.append("")
    L.append("link:#header[↑ voltar ao topo]")
    L.append("")
    L.append("'''")
    L.append("")
    return L


def render_fork(records):
    total = len(records)
    groups = {}
    order = []
    for r in records:
        c = (r.get("categories") or ["outros"])[0]
        if c not in groups:
            groups[c] = []
            order.append(c)
        groups[c].append(r)
    L = []
    L.append("= arXiv diário com IA — %s" % data_extenso(FORK_DATE))
    L.append(":page-layout: digest")
    L.append(":page-tags: arxiv, %s" % ", ".join(order))
    L.append(":revdate: %s" % FORK_DATE)
    L.append(":lang: pt-BR")
    L.append(":toc: left")
    L.append(":toc-title: Sumário")
    L.append(":toclevels: 2")
    L.append(":sectanchors:")
    L.append(":icons: font")
    L.append(":description: Artigos do arXiv de %s com resumos gerados por IA (em chinês)" % data_extenso(FORK_DATE))
    L.append("")
    L.append("Esta página é gerada automaticamente a partir do arquivo "
             "`%s_AI_enhanced_Chinese.jsonl`." % FORK_DATE)
    L.append("Títulos e resumos originais estão em inglês; as análises (TL;DR, motivação, método, "
             "resultados e conclusão) foram geradas por um modelo de linguagem e estão em chinês.")
    L.append("")
    L.append("*Total de artigos:* %d" % total)
    L.append("")
    n = 0
    for c in order:
        L.append("== %s (%d)" % (c, len(groups[c])))
        L.append("")
        for r in groups[c]:
            n += 1
            L.extend(render_paper(r, n, total))
    while L and L[-1] == "":
        L.pop()
    L.append("")
    L.append("_Gerado por daily-arXiv-ai-enhanced · fork pt-BR._")
    L.append("")
    return "\n".join(L)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python render18.py RECORDS_JSONL OUT_DIGESTS_DIR")
    src, out = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        raw = [ln for ln in f.read().splitlines(keepends=True) if ln.strip()]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "%s_AI_enhanced_Chinese.jsonl" % UPSTREAM_DATE), "wb") as f:
        for ln in raw[0::2]:
            f.write(ln if ln.endswith(b"\n") else ln + b"\n")
    fork = [json.loads(ln) for ln in raw[1::2]]
    with open(os.path.join(out, "arxiv-diario-%s.adoc" % FORK_DATE), "w",
              encoding="utf-8", newline="\n") as f:
        f.write(render_fork(fork))


if __name__ == "__main__":
    main()
