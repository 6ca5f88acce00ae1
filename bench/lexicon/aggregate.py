"""Candidates for the gazetteer from helper-annotated field digests: python bench/lexicon/aggregate.py MINED.jsonl...

Each input line is one paper a helper read (prompt: ``bench/lexicon/mine.md``): its repository, path, commit, arXiv id
and the established methods it uses, each with its spellings in the title and abstract. This prints, most papers
first, every method name the packaged gazetteer does not know under its name or any spelling, with the number of
distinct papers and forks that use it and its spellings. A name used by one paper only is a weak candidate
(``--min-papers``, default 2): the lexicon takes what recurs, and a person reviews every line before it is added.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from kg.extract.gazetteer import load_gazetteer
# case, hyphens, spaces and a plural "s" folded, as the scorer does: "Monte-Carlo simulations" ~ "monte carlo simulation"
from kg.extract.text import norm_phrase as norm


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--min-papers", type=int, default=2)
    ap.add_argument("--all", action="store_true", help="also list names the gazetteer knows")
    args = ap.parse_args(argv)
    gaz = load_gazetteer()
    papers: dict[str, set[str]] = defaultdict(set)
    forks: dict[str, set[str]] = defaultdict(set)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    spellings: dict[str, set[str]] = defaultdict(set)
    bad = 0
    for path in args.files:
        for line in open(path, encoding="utf-8"):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            for m in row.get("methods", []):
                key = norm(m.get("name", ""))
                if not key:
                    continue
                papers[key].add(row.get("id", ""))
                forks[key].add(row.get("repo", ""))
                names[key][m["name"]] += 1
                spellings[key].update(m.get("surfaces", []))
    for key in sorted(papers, key=lambda k: (-len(papers[k]), k)):
        if len(papers[key]) < args.min_papers:
            continue
        known = [s for s in (*names[key], *spellings[key]) if gaz.lookup(s) is not None]
        if known and not args.all:
            continue
        name = max(names[key], key=names[key].get)
        print(f"{len(papers[key])}\t{len(forks[key])}\t{name}\t{'; '.join(sorted(spellings[key]))}"
              + (f"\tknown as {gaz.lookup(known[0]).key}" if known else ""))
    if bad:
        print(f"{bad} lines were not JSON", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
