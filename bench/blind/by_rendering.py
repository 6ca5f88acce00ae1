"""Score a prediction per rendering of a blind set: python bench/blind/by_rendering.py GOLD PRED DIGESTS_DIR

Each digest file of the set holds one rendering; a paper belongs to the file its arXiv id appears in.
Prints the shared scorer's line for each file's papers (../shared/eval/score_methods.py beside the repo)."""
import json
import os
import re
import subprocess
import sys
import tempfile

gold_path, pred_path, digests = sys.argv[1:4]
SCORER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/eval/score_methods.py')
gold = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
pred = [json.loads(l) for l in open(pred_path, encoding='utf-8') if l.strip()]
for name in sorted(os.listdir(digests)):
    text = open(os.path.join(digests, name), encoding='utf-8').read()
    ids = {g['id'] for g in gold if re.search(re.escape(g['id']) + r'(?!\d)', text)}
    with tempfile.TemporaryDirectory() as tmp:
        for label, rows in (('g', gold), ('p', pred)):
            with open(f'{tmp}/{label}.jsonl', 'w', encoding='utf-8') as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + '\n' for r in rows if r['id'] in ids)
        out = subprocess.run([sys.executable, SCORER, f'{tmp}/g.jsonl', f'{tmp}/p.jsonl', '0', '0'],
                             capture_output=True, text=True).stdout.strip().splitlines()
    read = sum(1 for p in pred if p['id'] in ids)
    print(f'{name}: {len(ids)} papers, {read} read; {out[-1] if out else "?"}')
