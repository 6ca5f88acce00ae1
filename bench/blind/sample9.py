"""Sample blind9 and blind10: 2 x 100 winter papers first listed on/after 2026-02-16, none of them in
blind3..blind8, none in both, each stratified CV 50, CL 27, AI 20, GT 3 (all the pool has left: CV 528,
CL 247, AI 155, GT 7, GR 1 papers).

A quarter of each set is rendered as daily JSONL and three quarters in fork templates no reader had seen when
the sets were drawn:
- blind9: a Spanish-label fork (``**Autores:**``, ``**Resumen:**``), one two-column key|value table a paper,
  and bold-title paragraphs between rules with plain ``Label: text`` lines and the abstract on the lines
  after a lone ``Abstract:``;
- blind10: a French-label fork (``Auteurs :`` with the French space, ``## 📄`` titles), Chinese bracket
  labels (``【标题】``, ``【摘要】``), and one-line list entries with the fields quoted beneath.
Also a plain text file for annotators.

usage: python bench/blind/sample9.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ai, flat, pool, write_set  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind'
pool = pool(BASE, ('blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8'))
Q = {'cs.CV': 50, 'cs.CL': 27, 'cs.AI': 20, 'cs.GT': 3}
rng = random.Random(20261203)
by = collections.defaultdict(list)
for r in sorted(pool, key=lambda r: r['id']):
    by[r['categories'][0]].append(r)
drawn = {cat: rng.sample(by[cat], 2 * q) for cat, q in Q.items()}
sets = [[r for cat, q in Q.items() for r in drawn[cat][i * q:(i + 1) * q]] for i in (0, 1)]


ES = {'tldr': 'Resumen IA', 'motivation': 'Motivación', 'method': 'Método', 'result': 'Resultados',
      'conclusion': 'Conclusión'}


def spanish(recs):
    out = ['# Artículos de arXiv de hoy', '']
    for r in recs:
        out += [f"### {r['title']}", '', f"**Enlace:** https://arxiv.org/abs/{r['id']}  ",
                f"**Autores:** {', '.join(r['authors'])}  ", f"**Categoría:** {r['categories'][0]}", '']
        out += [f"**{ES[k]}:** {v}" for k, _, v in ai(r)]
        out += ['', f"**Resumen:** {flat(r['summary'])}", '']
    return '\n'.join(out) + '\n'


def cell(s):
    return flat(s).replace('|', '\\|')


def kv_table(recs):
    out = ['# Daily digest', '']
    for r in recs:
        out += [f"## {r['title']}", '', '| Field | Value |', '|:--|:--|',
                f"| arXiv | [{r['id']}](https://arxiv.org/abs/{r['id']}) |",
                f"| Authors | {cell(', '.join(r['authors']))} |", f"| Category | {r['categories'][0]} |"]
        out += [f"| {lab} | {cell(v)} |" for _, lab, v in ai(r)]
        out += [f"| Abstract | {cell(r['summary'])} |", '']
    return '\n'.join(out) + '\n'


def ruled(recs):
    out = ['Papers, newest first', '']
    for r in recs:
        out += ['---', '', f"**{r['title']}**", f"arXiv:{r['id']} · {', '.join(r['authors'])} · {r['categories'][0]}", '']
        out += [f"{lab}: {v}" for _, lab, v in ai(r)]
        out += ['', 'Abstract:', flat(r['summary']), '']
    return '\n'.join(out) + '\n'


FR = {'tldr': 'En bref', 'motivation': 'Motivation', 'method': 'Méthode', 'result': 'Résultats',
      'conclusion': 'Conclusion'}


def french(recs):
    out = ['# Veille arXiv du jour', '']
    for r in recs:
        out += [f"## 📄 {r['title']}", '', f"Lien : https://arxiv.org/abs/{r['id']}",
                f"Auteurs : {', '.join(r['authors'])}", f"Catégorie : {r['categories'][0]}", '']
        out += [f"**{FR[k]} :** {v}" for k, _, v in ai(r)]
        out += ['', f"**Résumé :** {flat(r['summary'])}", '']
    return '\n'.join(out) + '\n'


ZH = {'tldr': '【一句话总结】', 'motivation': '【动机】', 'method': '【方法】', 'result': '【结果】', 'conclusion': '【结论】'}


def brackets(recs):
    out = ['# 每日论文速递', '']
    for n, r in enumerate(recs, 1):
        out += [f"【标题】{r['title']}", f"【链接】https://arxiv.org/abs/{r['id']}",
                f"【作者】{', '.join(r['authors'])}", f"【分类】{r['categories'][0]}"]
        out += [f"{ZH[k]}{v}" for k, _, v in ai(r)]
        out += [f"【摘要】{flat(r['summary'])}", '', '* * *', '']
    return '\n'.join(out) + '\n'


def oneline(recs):
    out = ['# Today', '']
    for r in recs:
        out += [f"- [{r['title']}](https://arxiv.org/abs/{r['id']}) ({r['categories'][0]}) by {', '.join(r['authors'])}"]
        out += [f"  > **{lab}**: {v}" for _, lab, v in ai(r)]
        out += ['  >', f"  > **Abstract**: {flat(r['summary'])}", '']
    return '\n'.join(out) + '\n'


for recs in sets:
    rng.shuffle(recs)
write_set(OUT, 'blind9', sets[0], (spanish, kv_table, ruled), 17, 18)
write_set(OUT, 'blind10', sets[1], (french, brackets, oneline), 21, 22)
