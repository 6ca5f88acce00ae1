"""Benchmark: how well the probable-merge rule (kg.namesakes) catches several people under one name.

Usage: python bench/bench_namesakes.py [CORPUS ...]   (default: ../shared/corpus/daily-arxiv/winter)

There is no ground truth for author identity in digests (names only), so the rule is measured
on what can be known:

* **planted merges**: pairs of real authors (2+ papers each, different papers, never co-authors,
  not flagged themselves) are given one key, as a shared name would; the share of merged keys the
  rule flags is its recall on merges of that shape. The first author of a pair is drawn in
  proportion to the namesakes its name is expected to have, since people share a name in
  proportion to how common it is (two people called "Xipeng Qiu" are rarer than two "Wei Wang").
* **rare names**: authors with at least MIN_PAPERS papers whose name is rare (< 1 namesake on arXiv
  expected) are almost surely one person each; the share whose co-author circles alone would
  look like several people is the false-alarm rate the name statistics protect against.

Three seeds of 200 planted pairs each.
"""
from __future__ import annotations

import random
import sys
import time
from collections import defaultdict

import kg
from kg.graph import nodes_of
from kg.namesakes import MAX_LARGEST_SHARE, MIN_CIRCLES, MIN_NAMESAKES, MIN_PAPERS, expected_namesakes, probable_merges

from corpus import corpus_inputs  # bench/corpus.py (scripts run as python bench/NAME.py)

PAIRS = 200
SEEDS = (1, 2, 3)


def _inputs(G):  # noqa: ANN001, ANN202 - a networkx graph
    names = {n: str(d.get("name", "")) for n, d in nodes_of(G, "Author")}
    papers = [(list(G.pred[p]), str(d.get("primary_category", ""))) for p, d in nodes_of(G, "Paper")]
    return papers, names


def _plant(papers, names, seed, namesakes):  # noqa: ANN001, ANN202
    """Merge PAIRS random pairs of authors (B's papers get A's id); returns (papers, [A ids]).

    A is drawn with a probability proportional to the namesakes its name is expected to have
    (two people share a name in proportion to how common it is); B uniformly.
    """
    rng = random.Random(seed)
    by_author = defaultdict(set)
    coauthors = defaultdict(set)
    for i, (authors, _) in enumerate(papers):
        for a in authors:
            by_author[a].add(i)
            coauthors[a].update(authors)
    flagged = {a for a, e in probable_merges(papers, names).items() if e.probable_merge}
    pool = sorted(a for a, ps in by_author.items() if len(ps) >= 2 and a not in flagged)
    rng.shuffle(pool)
    weights = [namesakes.get(names[a], 0.0) for a in pool]
    firsts = list(dict.fromkeys(rng.choices(pool, weights, k=20 * PAIRS))) if any(weights) else []
    used, pairs = set(), []
    for a in firsts:
        if len(pairs) == PAIRS:
            break
        if a in used:
            continue
        for b in pool:
            if b != a and b not in used and b not in coauthors[a] and not by_author[a] & by_author[b]:
                pairs.append((a, b))
                used.update((a, b))
                break
    rename = {b: a for a, b in pairs}
    merged = [(list(dict.fromkeys(rename.get(x, x) for x in authors)), code) for authors, code in papers]
    return merged, [a for a, _ in pairs]


def main(argv: list[str]) -> int:
    inputs = corpus_inputs(argv, "daily-arxiv/winter")
    if not inputs:
        return 0
    start = time.perf_counter()
    G = kg.build(inputs).graph
    papers, names = _inputs(G)
    print(f"graph of {len(papers):,} papers and {len(names):,} authors in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    evidence = probable_merges(papers, names)
    print(f"rule: {sum(e.probable_merge for e in evidence.values())} probable merges among "
          f"{len(evidence):,} authors with >= {MIN_PAPERS} papers ({time.perf_counter() - start:.2f} s)")
    namesakes = expected_namesakes(names.values())
    for seed in SEEDS:
        merged, planted = _plant(papers, names, seed, namesakes)
        found = probable_merges(merged, names)
        eligible = [a for a in planted if a in found]  # the merged key reaches MIN_PAPERS
        caught = [a for a in eligible if found[a].probable_merge]
        print(f"planted, seed {seed}: {len(planted)} merges, {len(eligible)} with >= {MIN_PAPERS} "
              f"papers, flagged {len(caught)} ({len(caught) / max(len(eligible), 1):.0%})")
    rare = [e for a, e in evidence.items() if namesakes.get(names[a], 0) < 1.0]
    crowded = [e for e in rare if len(e.circles) >= MIN_CIRCLES and e.circles[0] <= MAX_LARGEST_SHARE * e.papers]
    print(f"rare names: {len(rare)} authors with >= {MIN_PAPERS} papers; co-author circles alone would flag "
          f"{len(crowded)} ({len(crowded) / max(len(rare), 1):.0%}); the rule flags "
          f"{sum(e.probable_merge for e in rare)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
