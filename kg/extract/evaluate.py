"""Score extracted methods against a gold file (the rules of the shared annotation guidelines).

A predicted method is correct when its name, key, surface or an alias matches the
canonical name or an alias of a gold method of the same paper, after normalisation
(case, spaces/hyphens/underscores/slashes, a final plural "s"). Each gold method is
matched once; a second spelling of a matched method, a match with the paper's
``optional`` list or a generic paradigm is neutral.

Run: ``python -m kg.extract.evaluate GOLD INPUTS... [--show]`` (prints P/R/F1; with
``--show`` every false positive and false negative).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.records import MethodMention, PaperExtraction

# The paradigms the guidelines call optional for every paper (the shared scorer's list).
GENERIC_OPTIONAL = """machine learning|deep learning|reinforcement learning|supervised learning|self supervised learning
|semi supervised learning|unsupervised learning|federated learning|transfer learning|meta learning|multi task learning
|active learning|continual learning|imitation learning|representation learning|large language model|llm|vision language model
|vlm|multimodal large language model|multimodal llm|mllm|foundation model|language model|neural network|deep neural network
|dnn|agent|multi agent system|fine tuning|finetuning|pretraining|pre training|prompting|prompt engineering|attention
|self attention|cross attention|embedding|encoder|decoder|tokenizer"""


def norm(s: str) -> str:
    """The scorer's normal form (identical to the shared ``score_methods.py``)."""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    s = re.sub(r"[\s\-_/]+", " ", s).strip()
    return re.sub(r"(?<=[a-z]{3})s$", "", s)


_GENERIC = frozenset(norm(x) for x in GENERIC_OPTIONAL.replace("\n", "").split("|"))


@dataclass(slots=True)
class GoldPaper:
    """The gold methods (each a set of normalised spellings) and optional spellings of one paper."""

    methods: list[set[str]]
    optional: set[str]
    raw: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Score:
    """Counts and the lists behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missing: list[str] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (paper id, predicted name)
    false_negatives: list[tuple[str, str]] = field(default_factory=list)  # (paper id, gold canonical)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        """``P=0.912 R=0.871 F1=0.891`` plus the counts."""
        return (f"papers missing {len(self.missing)}, tp {self.tp} fp {self.fp} fn {self.fn}\n"
                f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}")


def load_gold(path: str | Path) -> dict[str, GoldPaper]:
    """Read a gold file: one JSON object per line, ``{"id", "methods": [...], "optional": [...]}``.

    Raises:
        KgError: the file cannot be read, or a line is not such an object (the message names file and line).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"gold file {path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise KgError(f"gold file {path}: not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise KgError(f"gold file {path}: {exc.strerror or exc}") from None
    gold: dict[str, GoldPaper] = {}
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): U+2028 may sit inside a string
        if not line.strip():
            continue
        try:
            g = json.loads(line)
            gold[g["id"]] = GoldPaper(
                methods=[{norm(x["canonical"]), *map(norm, x.get("aliases", []))} for x in g["methods"]],
                optional={norm(x) for x in g.get("optional", [])} | _GENERIC,
                raw=g["methods"],
            )
        except json.JSONDecodeError as exc:
            raise KgError(f"{path}:{number}: not JSON ({exc.msg}, column {exc.colno})") from None
        except (KeyError, TypeError, AttributeError):
            raise KgError(f'{path}:{number}: expected {{"id": ..., "methods": [{{"canonical": ..., "aliases": [...]}}], '
                          f'"optional": [...]}}') from None
    if not gold:
        raise KgError(f"gold file {path}: no papers in it")
    return gold


def method_strings(m: MethodMention | Mapping[str, Any]) -> set[str]:
    """Normalised name, key, surface and aliases of one predicted method."""
    if isinstance(m, MethodMention):
        values: Iterable[str] = (m.name, m.key, m.surface, *m.aliases)
    else:
        values = [v for k in ("name", "key", "surface") if isinstance(v := m.get(k), str)]
        values = [*values, *(m.get("aliases") or [])]
    return {norm(v) for v in values}


def score(gold: Mapping[str, GoldPaper], predicted: Mapping[str, list[MethodMention] | list[dict[str, Any]]]) -> Score:
    """Score predictions (paper id -> methods) against the gold papers only."""
    result = Score()
    for pid, gp in gold.items():
        if pid not in predicted:
            result.missing.append(pid)
        used: set[int] = set()
        for m in predicted.get(pid, []):
            s = method_strings(m)
            hit = next((j for j, g in enumerate(gp.methods) if j not in used and s & g), None)
            if hit is not None:
                used.add(hit)
                result.tp += 1
            elif not (any(s & g for g in gp.methods) or s & gp.optional):
                result.fp += 1
                result.false_positives.append((pid, m.name if isinstance(m, MethodMention) else str(m.get("name"))))
        for j, raw in enumerate(gp.raw):
            if j not in used:
                result.fn += 1
                result.false_negatives.append((pid, raw["canonical"]))
    return result


def evaluate(gold: str | Path | Mapping[str, GoldPaper], extractions: Iterable[PaperExtraction]) -> Score:
    """Score extractions against a gold file (or gold papers :func:`load_gold` already read)."""
    from kg.extract.output import extraction_json

    gold = load_gold(gold) if isinstance(gold, (str, Path)) else gold
    # Score the very objects ``kg extract --jsonl`` prints, as the shared scorer does.
    return score(gold, {e.arxiv_id: extraction_json(e)["methods"] for e in extractions})


def extract_inputs(inputs: list[str]) -> list[PaperExtraction]:
    """Read, merge and extract papers from digest files/directories."""
    from kg.extract.pipeline import extract_papers
    from kg.ingest import read_inputs
    from kg.merge import merge_records

    return extract_papers(merge_records(read_inputs(inputs).records).papers)


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.extract.evaluate GOLD INPUTS... [--show] [--min-p P --min-r R]``."""
    ap = argparse.ArgumentParser(prog="python -m kg.extract.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--show", action="store_true", help="print every false positive and false negative")
    ap.add_argument("--min-p", type=float, default=0.0)
    ap.add_argument("--min-r", type=float, default=0.0)
    args = ap.parse_args(argv)
    result = evaluate(args.gold, extract_inputs(args.inputs))
    if args.show:
        for pid, name in result.false_positives:
            print(f"FP {pid} {name}")
        for pid, name in result.false_negatives:
            print(f"FN {pid} {name}")
    print(result.line())
    return 0 if result.precision >= args.min_p and result.recall >= args.min_r and not result.missing else 1


if __name__ == "__main__":
    sys.exit(main())
