"""A year-sized digest corpus from the shared one: the real files plus re-keyed copies.

Usage: python bench/year_corpus.py OUT [--source DIR] [--records 100000]
(default source: $KG_CORPUS, else ../shared/corpus beside the checkout)

The shared corpus (``daily-arxiv/`` with ``winter/``, about 23,600 records over 146 files)
is a quarter of a year. This writes it to ``OUT/c0/`` unchanged, then copies ``c1``,
``c2``, ... until about ``--records`` records (the last copy holds its earliest days only,
so every copy covers a contiguous stretch of time). In copy ``k``:

* every ``YYYY-MM-DD`` (file names, headings, text) moves ``k`` x 91 days back (13 weeks:
  weekdays stay weekdays), so copy 1 is roughly Sep-Nov 2025, copy 2 Jun-Aug, ...;
* every arXiv id ``YYMM.NNNNN`` moves ``3k`` months back (``2601.00504`` -> ``2510.00504``),
  the number bumped when that id is taken, so ids stay distinct across copies while the
  same paper keeps one id within a copy (its markdown and JSONL entries still merge);
* every author gets a generational suffix (``Wei Wang`` -> ``Wei Wang II``): copies add
  new people, as a real year does (the upstream year had ~3.7 distinct authors per paper,
  the shared quarter 4.3), instead of piling weight on the same co-author pairs.

Titles, abstracts and summaries are kept, so extraction costs what it costs on real text.
The result matches the upstream digest's published history that issue 15 measured
(97,005 records, 46,472 papers, 228k nodes, 1.41M edges) in records, papers per record
and edges per paper; ``bench/bench_year.py`` prints the sizes it got.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys
from pathlib import Path

DEFAULT_SOURCE = Path(os.environ.get("KG_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
SHIFT_DAYS = 91
SHIFT_MONTHS = 3
_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ID = re.compile(r"(?<![\w.])(\d{2})(\d{2})\.(\d{4,5})(?![\d])")
_AUTHOR_LINE = re.compile(r"^\*(?!\*)([^*\n]+)\*", re.MULTILINE)
_NAME = re.compile(r"[^,]+")
_ROMAN = ["", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_SKIP = {"readme.md"}


class Rekey:
    """The text rewrites of one copy (dates, arXiv ids, author names); ids stay distinct across copies."""

    def __init__(self, copy: int, taken: set[str]) -> None:
        self.copy = copy
        self.taken = taken  # every id of the real corpus and of the copies made so far
        self.ids: dict[str, str] = {}

    def date(self, m: re.Match[str]) -> str:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return m[0]
        return (day - dt.timedelta(days=SHIFT_DAYS * self.copy)).isoformat()

    def arxiv_id(self, m: re.Match[str]) -> str:
        yy, mm, number = int(m[1]), int(m[2]), m[3]
        if not 1 <= mm <= 12:
            return m[0]
        old = m[0]
        if old not in self.ids:
            months = yy * 12 + mm - 1 - SHIFT_MONTHS * self.copy
            prefix = f"{months // 12 % 100:02d}{months % 12 + 1:02d}"
            n = int(number)
            while (new := f"{prefix}.{n:0{len(number)}d}") in self.taken:
                n += 1
            self.taken.add(new)
            self.ids[old] = new
        return self.ids[old]

    def author(self, name: str) -> str:
        core = name.strip()
        if not core:
            return name
        lead, trail = name[: len(name) - len(name.lstrip())], name[len(name.rstrip()):]
        return f"{lead}{core} {_ROMAN[self.copy]}{trail}"

    def text(self, text: str, jsonl: bool) -> str:
        text = _ID.sub(self.arxiv_id, _DATE.sub(self.date, text))
        if jsonl:
            return "".join(self._json_line(line) for line in text.splitlines(keepends=True))
        return _AUTHOR_LINE.sub(lambda m: "*" + _NAME.sub(lambda n: self.author(n[0]), m[1]) + "*", text)

    def _json_line(self, line: str) -> str:
        try:
            record = json.loads(line)
        except ValueError:
            return line
        if isinstance(record, dict) and isinstance(record.get("authors"), list):
            record["authors"] = [self.author(a) if isinstance(a, str) else a for a in record["authors"]]
            return json.dumps(record) + ("\n" if line.endswith("\n") else "")
        return line


def _files(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*") if p.is_file() and p.name.lower() not in _SKIP)


def _records(path: Path) -> int:
    from kg.ingest import read_file

    return len(read_file(str(path)).records)


def _first_date(path: Path) -> dt.date:
    m = _DATE.search(path.name)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else dt.date.max


def make_corpus(out: Path, source: Path = DEFAULT_SOURCE, records: int = 100_000) -> dict[str, int]:
    """Write the corpus under ``out`` (emptied first); returns ``{"files": n, "records": n, "copies": n}``."""
    files = _files(source)
    if not files:
        raise SystemExit(f"no files under {source}")
    counts = {p: _records(p) for p in files}
    taken = {m[0] for p in files for m in _ID.finditer(p.read_text(encoding="utf-8", errors="replace"))}
    if out.exists():
        shutil.rmtree(out)
    total = written = copy = 0
    by_date = sorted(files, key=lambda p: (_first_date(p), str(p)))
    while total < records:
        if copy >= len(_ROMAN):
            raise SystemExit(f"--records {records} needs more than {len(_ROMAN)} copies")
        rekey = Rekey(copy, taken)
        for path in by_date:
            if total >= records:
                break
            rel = path.relative_to(source)
            name = _DATE.sub(rekey.date, rel.name) if copy else rel.name
            if copy and name == rel.name:  # no date in the name: keep digest ids distinct anyway
                name = f"{Path(name).stem}-c{copy}{''.join(Path(name).suffixes)}"
            target = out / f"c{copy}" / rel.parent / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if copy == 0:
                shutil.copyfile(path, target)
            else:
                text = path.read_text(encoding="utf-8", errors="surrogateescape")
                is_jsonl = path.suffix.lower() in (".jsonl", ".ndjson")
                target.write_text(rekey.text(text, is_jsonl), encoding="utf-8", errors="surrogateescape")
            total += counts[path]
            written += 1
        copy += 1
    return {"files": written, "records": total, "copies": copy}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args(argv)
    made = make_corpus(args.out, args.source, args.records)
    print(f"{args.out}: {made['files']} files, {made['records']:,} records in {made['copies']} copies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
