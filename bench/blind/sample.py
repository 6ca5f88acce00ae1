"""Sample two disjoint blind sets from winter papers first listed on/after 2026-02-16.
Papers first listed 2026-02-28 (outside the earlier blind2 window 02-16..27) are taken first in each stratum.
Renders each set as: JSONL daily file (1/3), a numbered English-label fork (1/3), a Japanese-label fork (1/3),
and a plain text file for annotators (id, title, abstract)."""
import json, glob, os, random, collections, sys
# usage: python bench/blind/sample.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]
BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
first = {}
for f in sorted(glob.glob(f'{BASE}/winter/jsonl/*.jsonl') + glob.glob(f'{BASE}/zh-jsonl/*.jsonl')):
    d = os.path.basename(f)[:10]
    for l in open(f, encoding='utf-8'):
        try: r = json.loads(l)
        except ValueError: continue
        if r['id'] not in first or d < first[r['id']][0]:
            first[r['id']] = (d, r)
pool = [(d, r) for d, r in first.values() if d >= '2026-02-16' and r.get('summary')]
Q = {'cs.CV': 30, 'cs.CL': 22, 'cs.AI': 22, 'cs.IT': 10, 'cs.GT': 8, 'cs.CE': 5, 'cs.GR': 3}
rng = random.Random(20261202)
by = collections.defaultdict(list)
for d, r in pool: by[r['categories'][0]].append((d, r))
sets = {'blind3': [], 'blind4': []}
for cat, q in Q.items():
    items = by[cat]; rng.shuffle(items)
    items.sort(key=lambda x: x[0] != '2026-02-28')   # stable: 02-28 first, random within
    take = items[:2 * q]
    rng.shuffle(take)
    sets['blind3'] += [r for _, r in take[:q]]; sets['blind4'] += [r for _, r in take[q:2 * q]]

def numbered(recs, cat='mixed'):
    out = ['# Daily arXiv digest', '', 'Papers collected by a fork that numbers its entries.', '']
    for n, r in enumerate(recs, 1):
        ai = r.get('AI') or {}
        out += [f"## {n}. [{r['title']}](http://arxiv.org/abs/{r['id']}v1)", '',
                f"**Authors:** {', '.join(r['authors'])}", f"**Categories:** {', '.join(r['categories'])}", '']
        for lab, k in (('TL;DR', 'tldr'), ('Motivation', 'motivation'), ('Method', 'method'), ('Results', 'result'), ('Conclusion', 'conclusion')):
            if ai.get(k): out.append(f"- **{lab}**: {ai[k]}")
        out += [f"- **Abstract**: {r['summary'].strip()}", '']
    return '\n'.join(out) + '\n'

def japanese(recs):
    out = ['# arXiv 日次ダイジェスト', '']
    for n, r in enumerate(recs, 1):
        ai = r.get('AI') or {}
        out += [f"### {n}. {r['title']}", '', f"- 論文: https://arxiv.org/abs/{r['id']}",
                f"- 著者: {'、'.join(r['authors'])}", f"- 分野: {r['categories'][0]}", '']
        for lab, k in (('要約', 'tldr'), ('動機', 'motivation'), ('手法', 'method'), ('結果', 'result'), ('結論', 'conclusion')):
            if ai.get(k): out.append(f"**{lab}**：{ai[k]}")
        out += ['', f"**概要**：{r['summary'].strip()}", '', '---', '']
    return '\n'.join(out) + '\n'

for name, recs in sets.items():
    rng.shuffle(recs)
    d = f'{OUT}/{name}'; os.makedirs(f'{d}/digests', exist_ok=True)
    a, b, c = recs[0::3], recs[1::3], recs[2::3]
    with open(f'{d}/digests/2026-02-28_AI_enhanced_Chinese.jsonl', 'w', encoding='utf-8') as f:
        for r in a: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    open(f'{d}/digests/2026-03-02-numbered.md', 'w', encoding='utf-8').write(numbered(b))
    open(f'{d}/digests/2026-03-03-japanese.md', 'w', encoding='utf-8').write(japanese(c))
    with open(f'{d}/papers.txt', 'w', encoding='utf-8') as f:
        for r in sorted(recs, key=lambda r: r['id']):
            f.write(f"=== {r['id']}\nTITLE: {r['title']}\nABSTRACT: {' '.join(r['summary'].split())}\n\n")
    with open(f'{d}/ids.txt', 'w') as f: f.write('\n'.join(sorted(r['id'] for r in recs)) + '\n')
    print(name, len(recs), sum(1 for r in recs if first[r['id']][0] == '2026-02-28'), 'first listed 02-28')
