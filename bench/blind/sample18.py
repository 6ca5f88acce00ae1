"""Sample blind18: the last 38 winter papers first listed on/after 2026-02-16, none of them in blind3..blind17,
all cs.CV (the pool had nothing else left): this set spends the pool.

This script only draws the papers: it writes ``records.jsonl`` (the drawn daily-JSONL records, in the
order the renderings use), ``papers.txt`` for annotators and ``ids.txt``. The fork renderings were
designed by someone who had not seen the reader's code or the earlier sets' templates: ``render18.py``
turns ``records.jsonl`` into ``digests/``.

usage: python bench/blind/sample18.py [CORPUS_DAILY_ARXIV_DIR] [OUT_DIR]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import draw_papers  # noqa: E402

BASE = sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/daily-arxiv'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/tmp/blind/blind18'
draw_papers(BASE, 'blind18', tuple(f'blind{k}' for k in range(3, 18)), {"cs.CV": 38}, 20261208, OUT)
