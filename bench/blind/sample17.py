"""Sample blind17: 100 winter papers first listed on/after 2026-02-16, none of them in blind3..blind16,
stratified CV 80, CL 17, AI 3 (the pool had left: CV 118, CL 17, AI 3; this set spends the pool's cs.CL and cs.AI).

This script only draws the papers: it writes ``records.jsonl`` (the drawn daily-JSONL records, in the
order the renderings use), ``papers.txt`` for annotators and ``ids.txt``. The fork renderings were
designed by someone who had not seen the reader's code or the earlier sets' templates: ``render17.py``
turns ``records.jsonl`` into ``digests/``.

usage: python bench/blind/sample17.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import draw_papers  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind/blind17'
draw_papers(BASE, 'blind17', tuple(f'blind{k}' for k in range(3, 17)), {"cs.CV": 80, "cs.CL": 17, "cs.AI": 3}, 20261207, OUT)
