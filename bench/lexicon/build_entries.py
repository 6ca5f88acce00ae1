"""Gazetteer entries from reviewed candidates: python bench/lexicon/build_entries.py CANDIDATES.tsv REVIEW.tsv

CANDIDATES.tsv is the output of ``aggregate.py`` (papers, forks, name, spellings). REVIEW.tsv has one line per
candidate a person decided on: ``number<TAB>decision<TAB>group<TAB>acronyms<TAB>aliases<TAB>reason``, where number is
the candidate's line in CANDIDATES.tsv (1-based), decision is "add" or "skip", acronyms and aliases are
comma-separated (aliases replace the generated ones when given). For an "add" without aliases, the aliases are the
name and every spelling of two words or more without LaTeX, lower-cased: a one-word spelling ("homodyne",
"Lindblad") is too often another thing's word. Prints YAML entries for ``kg/data/methods_domain.yaml``.
"""
from __future__ import annotations

import sys

from kg.extract.text import slug


def generated_aliases(name: str, spellings: list[str]) -> list[str]:
    out = [name.lower()]
    for s in spellings:
        s = s.strip()
        if not s or any(c in s for c in "$\\()/") or len(s.split()) < 2:
            continue
        out.append(s.lower())
    return list(dict.fromkeys(out))


def main(argv: list[str]) -> int:
    cands = [line.rstrip("\n").split("\t") for line in open(argv[1], encoding="utf-8")]
    for line in open(argv[2], encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        num, decision, group, acronyms, aliases, reason = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
        if decision != "add":
            continue
        papers, forks, name, spellings = cands[int(num) - 1][:4]
        al = [a.strip() for a in aliases.split(",") if a.strip()] or generated_aliases(name, spellings.split("; "))
        ac = [a.strip() for a in acronyms.split(",") if a.strip()]
        print(f"- key: {slug(name)}")
        print(f"  name: {name[0].upper() + name[1:]}")
        print(f"  acronyms: [{', '.join(ac)}]")
        print(f"  aliases: [{', '.join(al)}]")
        print(f"  group: {group}")
        print("  versioned: false")
        print(f"  ambiguous: false   # mined: {papers} paper(s), {forks} fork(s)" + (f"; {reason}" if reason else ""))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
