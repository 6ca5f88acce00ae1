"""The false-merge audit: definitions a paper makes that end up on an unrelated gazetteer method.

A paper's "adverse events (AEs)" must not become the Autoencoder node. For every acronym
definition the extractor found, this looks up the key its long form was given; when that key
is a gazetteer entry whose long forms share less than half of their content words with the
paper's long form, the definition is a *false merge*. The check is looser than the merge rule
itself (:func:`kg.extract.canonical.definition_entry` asks for agreement), so it is not the rule
marking its own homework: it catches merges on the short form alone, whatever made them.

Usage: ``python -m kg.extract.audit CORPUS... [--before YYYY-MM-DD] [--show N]``
(``--before`` keeps only files whose name carries an earlier date).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from kg.extract.matching import doc_text, span_text, spans_of
from kg.extract.sections import paper_text
from kg.extract.text import content_signature, joined_form, looks_like_acronym
from kg.records import Paper


@dataclass(slots=True)
class AuditResult:
    """Definitions linked to a method, and those linked to an unrelated gazetteer entry."""

    linked: int = 0  # definitions whose long form carries a method key
    to_gazetteer: int = 0  # of those, keyed to a gazetteer entry
    false_merges: list[tuple[str, str, str, str]] = field(default_factory=list)  # (paper, short, long, key)

    @property
    def rate(self) -> float:
        return len(self.false_merges) / self.linked if self.linked else 0.0

    def line(self) -> str:
        return (f"definitions linked to a method: {self.linked} ({self.to_gazetteer} to gazetteer entries); "
                f"false merges: {len(self.false_merges)} = {100 * self.rate:.2f}%")


def overlap(long: str, entry: Entry) -> float:
    """The best share of ``long``'s content words found in one of the entry's long forms (1.0: no long forms)."""
    mine = content_signature(long)
    forms = [content_signature(s) for s in (entry.name, *entry.aliases) if not looks_like_acronym(s)]
    forms = [f for f in forms if f]
    if not mine or not forms:
        return 1.0  # nothing to compare: not counted as a false merge
    return max(len(mine & f) / max(len(mine), len(f)) for f in forms)


def is_false_merge(long: str, entry: Entry) -> bool:
    """A definition keyed to ``entry`` although its long form names something else."""
    if any(joined_form(long) == joined_form(s) for s in (entry.name, *entry.aliases)):
        return False  # "sparse auto-encoders" is "sparse autoencoder"
    return overlap(long, entry) < 0.5


def audit_docs(docs: Iterable[tuple[str, object]], gaz: Gazetteer) -> AuditResult:
    """Audit processed Docs (``(paper id, Doc)`` pairs) from the extraction pipeline."""
    result = AuditResult()
    for pid, doc in docs:
        text = doc_text(doc)  # type: ignore[arg-type]
        # the key on exactly the long form's (or the short form's) characters: a known name inside
        # a long form ("RoPE" in "RoPE-aware Selective Adaptation") is a mention of its own
        keys = {(sp.start_char, sp.end_char): sp.kb_id_ for sp in spans_of(doc, "methods")}  # type: ignore[arg-type]
        for s_span, l_span in zip(spans_of(doc, "acronym_short"), spans_of(doc, "acronym_long")):  # type: ignore[arg-type]
            eid = keys.get((l_span.start_char, l_span.end_char)) or keys.get((s_span.start_char, s_span.end_char))
            if eid is None:
                continue
            result.linked += 1
            entry = gaz.entries.get(eid)
            if entry is None:
                continue
            result.to_gazetteer += 1
            long = span_text(l_span, text)
            if gaz.lookup(long) is not entry and is_false_merge(long, entry):  # "GPT-3.5-turbo (GPT)" is listed
                result.false_merges.append((pid, span_text(s_span, text), long, entry.key))
    return result


def audit_papers(papers: Sequence[Paper], nlp: object = None) -> AuditResult:
    """Run the pipeline over ``papers`` and audit its definitions."""
    from kg.extract.pipeline import _data_dir, load_pipeline

    nlp = nlp or load_pipeline()
    docs = nlp.pipe((paper_text(p) for p in papers), batch_size=256)  # type: ignore[attr-defined]
    return audit_docs(((p.arxiv_id, d) for p, d in zip(papers, docs)), load_gazetteer(_data_dir(nlp)))  # type: ignore[arg-type]


_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def corpus_files(inputs: Sequence[str], before: str | None = None) -> list[Path]:
    """The digest files under ``inputs``; with ``before``, only those whose name has an earlier date."""
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in found:
            m = _DATE.search(f.name)
            if before is not None and (m is None or m.group(1) >= before):
                continue
            files.append(f)
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.extract.audit", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="digest files or folders")
    parser.add_argument("--before", help="only files dated before this day (YYYY-MM-DD in the file name)")
    parser.add_argument("--show", type=int, default=20, help="false merges to list (default 20)")
    args = parser.parse_args(argv)
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    files = corpus_files(args.inputs, args.before)
    if not files:
        print("no input files", file=sys.stderr)
        return 2
    papers = merge_records(read_inputs([str(f) for f in files]).records).papers
    result = audit_papers(papers)
    print(f"{len(files)} files, {len(papers)} papers")
    for pid, short, long, key in result.false_merges[: args.show]:
        print(f"  {pid}: {long} ({short}) -> {key}")
    print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
