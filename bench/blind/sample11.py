"""Sample blind11: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind10,
stratified CV 50, CL 28, AI 20, GT 1, GR 1 (all the pool has left: CV 428, CL 193, AI 115, GT 1, GR 1).

This script only draws the papers: it writes ``records.jsonl`` (the drawn daily-JSONL records, in the
order the renderings use), ``papers.txt`` for annotators and ``ids.txt``. The fork renderings were
designed by someone who had not seen the reader's code or the earlier sets' templates: ``render11.py``
turns ``records.jsonl`` into ``digests/``.

usage: python bench/blind/sample11.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import draw_papers  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind/blind11'
draw_papers(BASE, 'blind11', tuple(f'blind{k}' for k in range(3, 11)), {'cs.CV': 50, 'cs.CL': 28, 'cs.AI': 20, 'cs.GT': 1, 'cs.GR': 1}, 20261205, OUT)
