#!/usr/bin/env bash
# score_all.sh OUTDIR: scores blind3..35 (digests of 3-10 under /tmp/blind, of 11+ under /work/blindNN: not committed) and the shared dev set with the current checkout; pooled line at the end
cd "$(dirname "$0")/../.."
out=${1:-/tmp/score}; mkdir -p $out
for n in ${SETS:-3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35}; do
  if [ $n -ge 11 ]; then d=/work/blind$n/digests; else d=/tmp/blind/blind$n/digests; fi
  kg extract $d --jsonl -q > $out/p$n.jsonl 2>$out/e$n.txt || echo "extract $n failed"
  printf 'blind%-3s ' $n; python ../shared/eval/score_methods.py bench/blind/blind$n-gold.jsonl $out/p$n.jsonl 0 0 | grep -E 'P=|tp ' | tr '\n' ' '; echo
done | tee $out/scores.txt
kg extract tests/fixtures/eval/papers --jsonl -q > $out/pdev.jsonl
printf 'dev      '; python ../shared/eval/score_methods.py ../shared/eval/methods-dev-gold.jsonl $out/pdev.jsonl 0 0 | tr '\n' ' '; echo
python - $out/scores.txt <<'PY'
import re,sys
tp=fp=fn=0
for l in open(sys.argv[1]):
    m=re.search(r"tp (\d+) fp (\d+) fn (\d+)",l)
    if m: a,b,c=map(int,m.groups()); tp+=a; fp+=b; fn+=c
print(f"pooled tp {tp} fp {fp} fn {fn} P={tp/(tp+fp):.4f} R={tp/(tp+fn):.4f}")
PY
