"""Sample blind13: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind12,
stratified CV 50, CL 30, AI 20 (the pool had left: CV 328, CL 135, AI 75).

This script only draws the papers: it writes ``records.jsonl`` (the drawn daily-JSONL records, in the
order the renderings use), ``papers.txt`` for annotators and ``ids.txt``. The fork renderings were
designed by someone who had not seen the reader's code or the earlier sets' templates: ``render11.py``
turns ``records.jsonl`` into ``digests/``.

usage: python bench/blind/sample11.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import flat, pool  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind/blind13'
pool = pool(BASE, tuple(f'blind{n}' for n in range(3, 13)))
Q = {"cs.CV": 50, "cs.CL": 30, "cs.AI": 20}
rng = random.Random(20261207)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
recs = [r for cat, q in Q.items() for r in rng.sample(by[cat], q)]
rng.shuffle(recs)
os.makedirs(OUT, exist_ok=True)
with open(f'{OUT}/records.jsonl', 'w', encoding='utf-8') as f:
    for r in recs:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(f'{OUT}/papers.txt', 'w', encoding='utf-8') as f:
    for r in sorted(recs, key=lambda r: r['id']):
        f.write(f"=== {r['id']}\nTITLE: {r['title']}\nABSTRACT: {flat(r['summary'])}\n\n")
with open(f'{OUT}/ids.txt', 'w') as f:
    f.write('\n'.join(sorted(r['id'] for r in recs)) + '\n')
print('blind13', len(recs), 'papers')
