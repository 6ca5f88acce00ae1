"""Sample blind5 and blind6: two more disjoint sets of 100 winter papers first listed on/after 2026-02-16,
none of them in blind3 or blind4, stratified as those were (CV 30, CL 22, AI 22, IT 10, GT 8, CE 5, GR 3).

Each set is rendered a quarter as daily JSONL and three quarters in fork templates no reader test had seen
when the sets were drawn, so the score also measures whether paper blocks are found by structure:
  blind5: <details>/<summary> fork, setext-heading fork, Korean-label fork
  blind6: bare "arXiv:ID" fork (no URL), plain "Key: value" text fork, bold "**Title**:" field fork
and a plain text file for annotators (id, title, abstract).

usage: python bench/blind/sample56.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ai, pool, write_set  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
pool = pool(BASE, ('blind3', 'blind4'))
Q = {'cs.CV': 30, 'cs.CL': 22, 'cs.AI': 22, 'cs.IT': 10, 'cs.GT': 8, 'cs.CE': 5, 'cs.GR': 3}
rng = random.Random(20261203)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
sets = {'blind5': [], 'blind6': []}
for cat, q in Q.items():
    take = rng.sample(by[cat], 2 * q)
    sets['blind5'] += take[:q]
    sets['blind6'] += take[q:]

KO = {'tldr': '요약', 'motivation': '동기', 'method': '방법', 'result': '결과', 'conclusion': '결론'}


def details(recs):
    out = ['# Daily Papers', '', 'Click a title to read the summary.', '']
    for r in recs:
        out += ['<details>', f"<summary><b>{r['title']}</b></summary>", '',
                f"Link: https://arxiv.org/abs/{r['id']}", f"Authors: {', '.join(r['authors'])}",
                f"Primary category: {r['categories'][0]}", '']
        out += [f'{lab}: {v}' for _, lab, v in ai(r)]
        out += ['', f"Abstract: {' '.join(r['summary'].split())}", '', '</details>', '']
    return '\n'.join(out) + '\n'


def setext(recs):
    out = ['Daily arXiv', '===========', '']
    for r in recs:
        out += [r['title'], '-' * min(len(r['title']), 60), '',
                f"[arxiv.org/abs/{r['id']}](https://arxiv.org/abs/{r['id']}) | {', '.join(r['authors'])} | {r['categories'][0]}", '']
        out += [f'*{lab}.* {v}' for _, lab, v in ai(r)]
        out += ['', r['summary'].strip(), '']
    return '\n'.join(out) + '\n'


def korean(recs):
    out = ['# 오늘의 arXiv 논문', '']
    for n, r in enumerate(recs, 1):
        out += [f"## {n}. {r['title']}", '', f"- 링크: https://arxiv.org/abs/{r['id']}",
                f"- 저자: {', '.join(r['authors'])}", f"- 분야: {r['categories'][0]}", '']
        out += [f'**{KO[k]}**: {v}' for k, _, v in ai(r)]
        out += ['', f"**초록**: {r['summary'].strip()}", '']
    return '\n'.join(out) + '\n'


def bare_id(recs):
    out = ['# arXiv picks of the day', '']
    for r in recs:
        out += [f"### {r['title']}", f"arXiv:{r['id']} · {r['categories'][0]} · {', '.join(r['authors'])}", '']
        out += [f'> **{lab}** {v}' for _, lab, v in ai(r)]
        out += ['', f"**Abstract** {' '.join(r['summary'].split())}", '']
    return '\n'.join(out) + '\n'


def plain(recs):
    out = ['Daily digest (plain text edition)', '']
    for n, r in enumerate(recs, 1):
        out += [f'[{n}]', f"Title: {r['title']}", f"URL: http://arxiv.org/abs/{r['id']}",
                f"Authors: {', '.join(r['authors'])}", f"Category: {r['categories'][0]}"]
        out += [f'{lab}: {v}' for _, lab, v in ai(r)]
        out += [f"Abstract: {' '.join(r['summary'].split())}", '']
    return '\n'.join(out) + '\n'


def bold_fields(recs):
    out = ['# Papers', '']
    for r in recs:
        out += [f"**Title**: {r['title']}  ", f"**Link**: https://arxiv.org/pdf/{r['id']}  ",
                f"**Authors**: {', '.join(r['authors'])}  "]
        out += [f'**{lab}**: {v}  ' for _, lab, v in ai(r)]
        out += [f"**Abstract**: {' '.join(r['summary'].split())}", '', '***', '']
    return '\n'.join(out) + '\n'


FORKS = {'blind5': (details, setext, korean), 'blind6': (bare_id, plain, bold_fields)}
for name, recs in sets.items():
    rng.shuffle(recs)
    write_set(OUT, name, recs, FORKS[name], 1, 2)
