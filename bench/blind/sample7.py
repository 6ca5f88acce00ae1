"""Sample blind7: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind6,
stratified CV 32, CL 24, AI 24, IT 8, GT 8, CE 4 (GR has one paper left in the pool).

A quarter is rendered as daily JSONL and three quarters in fork templates no reader had seen when the set
was drawn: a Japanese-label fork (a numbered heading, ``著者``/``カテゴリ``/``要約`` labels, a versioned PDF
link), a markdown-table fork (one row a paper, the abstract in a cell) and a nested-list fork
(``1. **[Title](link)**`` with indented ``- Authors:`` items). Also a plain text file for annotators.

usage: python bench/blind/sample7.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import glob
import json
import os
import random
import sys

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
HERE = os.path.dirname(os.path.abspath(__file__))
spent = {json.loads(l)['id'] for n in ('blind3', 'blind4', 'blind5', 'blind6')
         for l in open(f'{HERE}/{n}-gold.jsonl', encoding='utf-8')}
first = {}
for f in sorted(glob.glob(f'{BASE}/winter/jsonl/*.jsonl') + glob.glob(f'{BASE}/zh-jsonl/*.jsonl')):
    d = os.path.basename(f)[:10]
    for line in open(f, encoding='utf-8'):
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r['id'] not in first or d < first[r['id']][0]:
            first[r['id']] = (d, r)
pool = [r for d, r in first.values() if d >= '2026-02-16' and r.get('summary') and r['id'] not in spent]
Q = {'cs.CV': 32, 'cs.CL': 24, 'cs.AI': 24, 'cs.IT': 8, 'cs.GT': 8, 'cs.CE': 4}
rng = random.Random(20261207)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
recs = [r for cat, q in Q.items() for r in rng.sample(by[cat], q)]

AI = (('tldr', 'TL;DR'), ('motivation', 'Motivation'), ('method', 'Method'), ('result', 'Result'), ('conclusion', 'Conclusion'))
JA = {'tldr': '要約', 'motivation': '動機', 'method': '手法', 'result': '結果', 'conclusion': '結論'}


def ai(r):
    return [(k, lab, (r.get('AI') or {}).get(k)) for k, lab in AI if (r.get('AI') or {}).get(k)]


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
d = f'{OUT}/blind7'
os.makedirs(f'{d}/digests', exist_ok=True)
parts = [recs[i::4] for i in range(4)]
with open(f'{d}/digests/2026-03-08_AI_enhanced_Chinese.jsonl', 'w', encoding='utf-8') as f:
    for r in parts[0]:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
for n, (render, part) in enumerate(zip((japanese, table, nested), parts[1:]), 9):
    open(f'{d}/digests/2026-03-{n:02d}-{render.__name__}.md', 'w', encoding='utf-8').write(render(part))
with open(f'{d}/papers.txt', 'w', encoding='utf-8') as f:
    for r in sorted(recs, key=lambda r: r['id']):
        f.write(f"=== {r['id']}\nTITLE: {r['title']}\nABSTRACT: {' '.join(r['summary'].split())}\n\n")
with open(f'{d}/ids.txt', 'w') as f:
    f.write('\n'.join(sorted(r['id'] for r in recs)) + '\n')
print('blind7', len(recs), 'papers;', ', '.join(f'{len(p)}' for p in parts), 'per rendering')
