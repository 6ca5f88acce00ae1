"""Sample blind7: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind6,
stratified CV 32, CL 24, AI 24, IT 8, GT 8, CE 4 (GR has one paper left in the pool).

A quarter is rendered as daily JSONL and three quarters in fork templates no reader had seen when the set
was drawn: a Japanese-label fork (a numbered heading, ``著者``/``カテゴリ``/``要約`` labels, a versioned PDF
link), a markdown-table fork (one row a paper, the abstract in a cell) and a nested-list fork
(``1. **[Title](link)**`` with indented ``- Authors:`` items). Also a plain text file for annotators.

usage: python bench/blind/sample7.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ai, pool, write_set  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
pool = pool(BASE, ('blind3', 'blind4', 'blind5', 'blind6'))
Q = {'cs.CV': 32, 'cs.CL': 24, 'cs.AI': 24, 'cs.IT': 8, 'cs.GT': 8, 'cs.CE': 4}
rng = random.Random(20261207)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
recs = [r for cat, q in Q.items() for r in rng.sample(by[cat], q)]

JA = {'tldr': '要約', 'motivation': '動機', 'method': '手法', 'result': '結果', 'conclusion': '結論'}


def japanese(recs):
    out = ['# 本日のarXiv論文', '']
    for n, r in enumerate(recs, 1):
        out += [f"### {n}. {r['title']}", '', f"- 論文: https://arxiv.org/pdf/{r['id']}v1",
                f"- 著者: {', '.join(r['authors'])}", f"- カテゴリ: {r['categories'][0]}", '']
        out += [f'**{JA[k]}**：{v}' for k, _, v in ai(r)]
        out += ['', f"**概要**：{' '.join(r['summary'].split())}", '', '---', '']
    return '\n'.join(out) + '\n'


def cell(s):
    return ' '.join(str(s).split()).replace('|', '\\|')


def table(recs):
    out = ['## Today in arXiv', '', '| # | Paper | Authors | Category | TL;DR | Abstract |',
           '|---|---|---|---|---|---|']
    for n, r in enumerate(recs, 1):
        tldr = (r.get('AI') or {}).get('tldr', '')
        out.append(f"| {n} | [{cell(r['title'])}](https://arxiv.org/abs/{r['id']}) | {cell(', '.join(r['authors']))} "
                   f"| {r['categories'][0]} | {cell(tldr)} | {cell(r['summary'])} |")
    return '\n'.join(out) + '\n'


def nested(recs):
    out = ['# Reading list', '']
    for n, r in enumerate(recs, 1):
        out += [f"{n}. **[{r['title']}](https://arxiv.org/abs/{r['id']})**",
                f"   - Authors: {', '.join(r['authors'])}", f"   - Category: `{r['categories'][0]}`"]
        out += [f'   - {lab}: {v}' for _, lab, v in ai(r)]
        out += [f"   - Abstract: {' '.join(r['summary'].split())}", '']
    return '\n'.join(out) + '\n'


rng.shuffle(recs)
write_set(OUT, 'blind7', recs, (japanese, table, nested), 8, 9)
