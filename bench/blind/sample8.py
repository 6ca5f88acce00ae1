"""Sample blind8: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind7,
stratified CV 33, CL 25, AI 25, IT 7, GT 8, CE 2 (what the pool has left of CE; GR has one paper).

A quarter is rendered as daily JSONL and three quarters in fork templates no reader had seen when the set
was drawn: a front-matter fork with linked ``####`` titles and emoji labels, an HTML-card fork
(``<div class="paper">``, escaped text, the abstract in a ``<blockquote>``) and an italic-metadata fork
(PDF and abstract links on one line, ``- **Label** — text`` items, the abstract as a quote). Also a plain text file for annotators.

usage: python bench/blind/sample8.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ai, pool, write_set  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
pool = pool(BASE, ('blind3', 'blind4', 'blind5', 'blind6', 'blind7'))
Q = {'cs.CV': 33, 'cs.CL': 25, 'cs.AI': 25, 'cs.IT': 7, 'cs.GT': 8, 'cs.CE': 2}
rng = random.Random(20261209)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
recs = [r for cat, q in Q.items() for r in rng.sample(by[cat], q)]


def emoji_fields(recs):
    out = ['---', 'title: arXiv daily', 'date: 2026-03-16', '---', '']
    icons = {'tldr': '📌 TL;DR', 'motivation': '🎯 Motivation', 'method': '🛠️ Method', 'result': '📊 Result', 'conclusion': '💡 Conclusion'}
    for r in recs:
        out += [f"#### [{r['title']}](https://arxiv.org/abs/{r['id']})", '',
                f"👥 {', '.join(r['authors'])} · 🏷️ {r['categories'][0]}", '']
        out += [f"**{icons[k]}**: {v}" for k, _, v in ai(r)]
        out += ['', f"**📄 Abstract**: {' '.join(r['summary'].split())}", '']
    return '\n'.join(out) + '\n'


def html_cards(recs):
    import html
    out = ['# Papers of the day', '']
    for r in recs:
        e = html.escape
        out += ['<div class="paper">', f"<h3><a href=\"https://arxiv.org/abs/{r['id']}\">{e(r['title'])}</a></h3>",
                f"<p class=\"authors\">{e(', '.join(r['authors']))} — <code>{r['categories'][0]}</code></p>"]
        out += [f"<p><b>{lab}:</b> {e(v)}</p>" for _, lab, v in ai(r)]
        out += [f"<blockquote>{e(' '.join(r['summary'].split()))}</blockquote>", '</div>', '']
    return '\n'.join(out) + '\n'


def italic_meta(recs):
    out = ['# Daily arXiv notes', '']
    for r in recs:
        out += [f"## {r['title']}", '', f"*{', '.join(r['authors'])} · {r['categories'][0]}*  ",
                f"[PDF](https://arxiv.org/pdf/{r['id']}) | [Abstract page](https://arxiv.org/abs/{r['id']})", '']
        out += [f"- **{lab}** — {v}" for _, lab, v in ai(r)]
        out += ['', '> ' + ' '.join(r['summary'].split()), '']
    return '\n'.join(out) + '\n'


rng.shuffle(recs)
write_set(OUT, 'blind8', recs, (emoji_fields, html_cards, italic_meta), 15, 16)
