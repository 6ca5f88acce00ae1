"""Mine a lexicon of defined methods from a corpus: ``kg/data/methods_mined.yaml`` is made by this.

An acronym that several *different* papers define the same way ("Parameter-Efficient Fine-Tuning
(PEFT)") is an established name, not one paper's coinage. This runs the extractor over a corpus
(without the mined file itself, so it never feeds on its own output), collects the definitions it
keeps as methods but no gazetteer entry owns, and writes those that

- at least ``--min-papers`` distinct papers define (default 3),
- with one meaning: at least 90% of the definitions of the short form share its long form
  (compared by :func:`kg.extract.text.same_long_form`),
- with a short form of three or more characters,

as gazetteer entries (group by the long form's head noun, ``mined: N papers`` in a comment).
Papers listed in ``--exclude`` (one arXiv id per line, or JSON lines with an ``id``) are skipped:
evaluation sets must not teach the lexicon.

Usage: ``python -m kg.extract.mine CORPUS... [--before YYYY-MM-DD] [--exclude FILE]... > methods_mined.yaml``
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from kg.extract.text import content_signature, looks_like_acronym, slug

MIN_PAPERS = 3
AGREEMENT = 0.9
MINED_FILE = "methods_mined.yaml"


def read_ids(path: str) -> set[str]:
    """arXiv ids of a file: one per line, or JSON lines with an ``id`` field."""
    ids: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError):
                continue
        else:
            ids.add(line.split()[0])
    return ids


def mine(definitions: dict[str, list[tuple[str, str, str]]], min_papers: int = MIN_PAPERS) -> list[dict[str, object]]:
    """Entries from ``short -> [(paper id, long form, key)]``.

    Returns:
        Gazetteer entries (plus ``papers``: the count), most-defined first.
    """
    out = []
    for short, defs in definitions.items():
        if len(short) < 3 or not looks_like_acronym(short):
            continue
        by_sig: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
        for d in defs:
            by_sig[content_signature(d[1])].append(d)
        sig, best = max(by_sig.items(), key=lambda kv: len({p for p, _, _ in kv[1]}))
        papers = {p for p, _, _ in best}
        total = len({p for p, _, _ in defs})
        if len(papers) < min_papers or len(papers) < AGREEMENT * total:
            continue
        longs: dict[str, int] = defaultdict(int)
        for _, long, _ in best:
            longs[long] += 1
        name = max(longs, key=lambda k: (longs[k], k[:1].isupper(), k))
        aliases = sorted({lf.lower() for lf in longs} - {name.lower()})
        out.append({"key": slug(name), "name": name, "acronyms": [short], "aliases": aliases, "papers": len(papers)})
    out.sort(key=lambda e: (-int(e["papers"]), str(e["key"])))  # type: ignore[call-overload]
    return out


def _group(name: str) -> str:
    from kg.extract.filters import last_word

    head = last_word(name)
    for group, heads in (("architecture", "network net transformer architecture encoder decoder attention module layer block"),
                         ("training-technique", "training learning distillation regularization loss augmentation"),
                         ("rl-alignment", "optimization policy reward preference"),
                         ("inference-efficiency", "decoding quantization pruning caching inference"),
                         ("prompting-reasoning", "prompting reasoning thought"),
                         ("retrieval", "retrieval generation"),
                         ("generative-model", "diffusion flow gan model"),
                         ("statistics", "sampling estimation estimator test regression"),
                         ("vision-3d", "splatting rendering field reconstruction matching")):
        if head in heads.split():
            return group
    return "classical-ml"


def to_yaml(entries: list[dict[str, object]], provenance: str) -> str:
    """The entries as a reviewable YAML file, one comment of provenance each."""
    def q(s: str) -> str:
        return json.dumps(s, ensure_ascii=False)

    lines = [
        "# Mined by `python -m kg.extract.mine` (kg/extract/mine.py): acronyms that several different",
        "# papers define the same way. Review like methods.yaml (docs/gazetteer.md); delete an entry",
        "# rather than editing it by hand, or move it to methods.yaml once reviewed.",
        f"# Provenance: {provenance}",
        "",
    ]
    taken: set[str] = set()
    for e in entries:
        if e["key"] in taken:
            continue
        taken.add(str(e["key"]))
        lines += [
            f"- key: {e['key']}   # mined: {e['papers']} papers",
            f"  name: {q(str(e['name']))}",
            f"  acronyms: [{', '.join(q(a) for a in e['acronyms'])}]",  # type: ignore[attr-defined]
            f"  aliases: [{', '.join(q(a) for a in e['aliases'])}]",  # type: ignore[attr-defined]
            f"  group: {_group(str(e['name']))}",
            "  versioned: false",
            "  ambiguous: false",
            "",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.extract.mine", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--before", help="only files dated before this day (YYYY-MM-DD in the file name)")
    parser.add_argument("--exclude", action="append", default=[], help="arXiv ids to skip (file)")
    parser.add_argument("--min-papers", type=int, default=MIN_PAPERS)
    args = parser.parse_args(argv)
    import tempfile

    from kg.extract import extract_papers, load_pipeline
    from kg.extract.audit import corpus_files
    from kg.extract.gazetteer import data_dir, load_gazetteer
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    skip = set().union(*(read_ids(f) for f in args.exclude)) if args.exclude else set()
    files = corpus_files(args.inputs, args.before)
    papers = [p for p in merge_records(read_inputs([str(f) for f in files]).records).papers if p.arxiv_id not in skip]
    with tempfile.TemporaryDirectory() as tmp:  # the packaged data without the mined file: no feeding on itself
        for f in data_dir().iterdir():
            if f.name != MINED_FILE and f.is_file():
                (Path(tmp) / f.name).write_bytes(f.read_bytes())
        nlp = load_pipeline({"data_dir": tmp})
        found = extract_papers(papers, nlp=nlp, link=False)
        owned = load_gazetteer(tmp).lookup
    definitions: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for e in found:
        names = {m.key: m.name for m in e.methods}
        for c in e.candidates:
            if c.kind == "defined":
                long = names.get(c.key, c.name).partition(" (")[2].rstrip(")") or c.name
                definitions[c.surface].append((e.arxiv_id, long, c.key))
    # a short form a gazetteer entry owns is that entry's ("Policy Optimization (PPO)" is a clipped definition)
    entries = [e for e in mine(definitions, args.min_papers) if owned(str(e["acronyms"][0])) is None]  # type: ignore[index]
    provenance = (f"{len(files)} files ({', '.join(sorted({f.parent.name for f in files}))}), {len(papers)} papers"
                  f"{f' before {args.before}' if args.before else ''}, {len(skip)} evaluation ids excluded, "
                  f"min {args.min_papers} papers")
    sys.stdout.write(to_yaml(entries, provenance))
    print(f"{len(entries)} entries from {len(papers)} papers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
