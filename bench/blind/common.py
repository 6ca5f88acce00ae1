"""What the blind-set samplers share: the pool of winter papers, the AI fields, and writing a set out."""
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
AI = (('tldr', 'TL;DR'), ('motivation', 'Motivation'), ('method', 'Method'), ('result', 'Result'), ('conclusion', 'Conclusion'))


def pool(base, spent_sets):
    """Papers first listed on/after 2026-02-16 (in the winter and zh-jsonl files of ``base``) with an
    abstract, none in the gold files of ``spent_sets`` (e.g. ``('blind3', 'blind4')``)."""
    spent = {json.loads(l)['id'] for n in spent_sets for l in open(f'{HERE}/{n}-gold.jsonl', encoding='utf-8')}
    first = {}
    for f in sorted(glob.glob(f'{base}/winter/jsonl/*.jsonl') + glob.glob(f'{base}/zh-jsonl/*.jsonl')):
        d = os.path.basename(f)[:10]
        for line in open(f, encoding='utf-8'):
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if r['id'] not in first or d < first[r['id']][0]:
                first[r['id']] = (d, r)
    return [r for d, r in first.values() if d >= '2026-02-16' and r.get('summary') and r['id'] not in spent]


def ai(r):
    """``(key, English label, text)`` of each AI field the record has."""
    return [(k, lab, (r.get('AI') or {}).get(k)) for k, lab in AI if (r.get('AI') or {}).get(k)]


def flat(text):
    """``text`` on one line, runs of whitespace as single spaces (abstracts are hard-wrapped)."""
    return ' '.join(str(text).split())


def write_set(out, name, recs, renders, jsonl_day, first_day):
    """Write ``recs`` as ``out/name``: a quarter as daily JSONL (dated ``2026-03-<jsonl_day>``), a quarter
    per render function (dated from ``first_day`` on), ``papers.txt`` for annotators and ``ids.txt``."""
    d = f'{out}/{name}'
    os.makedirs(f'{d}/digests', exist_ok=True)
    parts = [recs[i::4] for i in range(4)]
    with open(f'{d}/digests/2026-03-{jsonl_day:02d}_AI_enhanced_Chinese.jsonl', 'w', encoding='utf-8') as f:
        for r in parts[0]:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    for n, (render, part) in enumerate(zip(renders, parts[1:]), first_day):
        open(f'{d}/digests/2026-03-{n:02d}-{render.__name__}.md', 'w', encoding='utf-8').write(render(part))
    with open(f'{d}/papers.txt', 'w', encoding='utf-8') as f:
        for r in sorted(recs, key=lambda r: r['id']):
            f.write(f"=== {r['id']}\nTITLE: {r['title']}\nABSTRACT: {flat(r['summary'])}\n\n")
    with open(f'{d}/ids.txt', 'w') as f:
        f.write('\n'.join(sorted(r['id'] for r in recs)) + '\n')
    print(name, len(recs), 'papers;', ', '.join(f'{len(p)}' for p in parts), 'per rendering')


def draw_papers(base, name, spent_sets, quotas, seed, out):
    """Draw ``name``'s papers only (round 6: the fork renderings are made by someone else, from the records):
    ``quotas`` papers per main category from the pool (:func:`pool`, none in ``spent_sets``), shuffled, written
    to ``out`` as ``records.jsonl`` (in rendering order), ``papers.txt`` for annotators and ``ids.txt``."""
    import collections
    import random
    rng = random.Random(seed)
    by = collections.defaultdict(list)
    for r in sorted(pool(base, spent_sets), key=lambda r: r['id']):
        by[r['categories'][0]].append(r)
    recs = [r for cat, q in quotas.items() for r in rng.sample(by[cat], q)]
    rng.shuffle(recs)
    os.makedirs(out, exist_ok=True)
    with open(f'{out}/records.jsonl', 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    with open(f'{out}/papers.txt', 'w', encoding='utf-8') as f:
        for r in sorted(recs, key=lambda r: r['id']):
            f.write(f"=== {r['id']}\nTITLE: {r['title']}\nABSTRACT: {flat(r['summary'])}\n\n")
    with open(f'{out}/ids.txt', 'w') as f:
        f.write('\n'.join(sorted(r['id'] for r in recs)) + '\n')
    print(name, len(recs), 'papers')
