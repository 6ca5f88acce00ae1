"""A planted trend and a null, on real digests (tests/fixtures/trends/zh: 4 weeks of excerpts of daily-arxiv/zh).

The planted corpus: the same digests with one method written into the abstracts of papers newly
listed in the last two weeks, more of them each day (2 on the first regular day, 8 on the last),
0 before. It must rank first among rising methods with q < 0.05, and be found as emerging and
as a burst. The null: the same digests with their dates shuffled (the files renamed), five
times; across rising and bursts at most one method may have q < 0.05.

The planted name is nobody's: "Quintic Lattice Policy Optimization (QLPO)". The test adds it to
its own copy of the gazetteer data (so the extractor finds it whatever its discovery rules) and
defines it in the text; no assertion depends on any other method key.
"""
from __future__ import annotations

import datetime as dt
import gzip
import random
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

import kg
from kg.graph import build_graph
from kg.trends import bursts, emerging_methods, rising_methods, trend_data
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "trends" / "zh"
NAME, ACRONYM, KEY = "Quintic Lattice Policy Optimization", "QLPO", "qlpo-planted"
RECENT_START = dt.date(2026, 1, 19)  # the last two ISO weeks of the corpus: 2026-01-19 .. 2026-02-01
WINDOW = "2w"
ENTRY = re.compile(r"^### \[\d+\] \[[^\]]*\]\(https?://arxiv\.org/abs/([^)\s]+)\)", re.M)


def _files() -> list[tuple[dt.date, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.md.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            out.append((dt.date.fromisoformat(path.name[:10]), fh.read()))
    return out


def plant(dst: Path) -> set[str]:
    """Write the planted corpus into ``dst``; returns the arXiv ids of the planted papers."""
    dst.mkdir(parents=True)
    seen: set[str] = set()
    planted: set[str] = set()
    regular_days = 0
    for day, text in _files():
        starts = [m.start() for m in ENTRY.finditer(text)]
        ids = [m.group(1) for m in ENTRY.finditer(text)]
        new = [i for i in dict.fromkeys(ids) if i not in seen]
        chosen: set[str] = set()
        if day >= RECENT_START and len(new) >= 10:  # a regular day, not a weekend re-listing
            chosen = set(new[: 2 + regular_days])
            regular_days += 1
        pieces, last = [], 0
        for start, pid in zip(starts, ids):
            pieces.append(text[last:start])
            last = start
            if pid in chosen:
                end = text.find("\n### ", start + 1)
                end = len(text) if end < 0 else end
                entry = text[start:end]
                sentence = (f"We propose {NAME} ({ACRONYM}), a new policy optimization method. " if not planted
                            else f"We train the policy with {NAME} ({ACRONYM}). ")
                entry = entry.replace("Abstract: ", "Abstract: " + sentence, 1)
                assert sentence in entry, f"no abstract in the entry of {pid}"
                pieces.append(entry)
                last = end
                planted.add(pid)
        pieces.append(text[last:])
        (dst / f"{day}.md").write_text("".join(pieces), encoding="utf-8")
        seen.update(ids)
    return planted


def gazetteer_dir(tmp: Path) -> Path:
    """The package's gazetteer data plus the planted method (the extractor's own rules stay as they are)."""
    data = tmp / "gazetteer"
    shutil.copytree(Path(str(resources.files("kg") / "data")), data)
    with (data / "methods_extra.yaml").open("a", encoding="utf-8") as fh:
        fh.write(f"\n- key: {KEY}\n  name: {NAME}\n  acronyms: [{ACRONYM}]\n  aliases: []\n  group: rl-alignment\n")
    return data


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("planted")
    ids = plant(tmp / "digests")
    from kg.extract import load_pipeline

    nlp = load_pipeline({"data_dir": str(gazetteer_dir(tmp))})
    result = kg.build([tmp / "digests"], nlp=nlp)
    return tmp, ids, result


def _planted_key(result) -> str:
    keys = {m.key for ex in result.extractions for m in ex.methods if m.name.lower() == NAME.lower() or m.key == KEY}
    assert len(keys) == 1, f"the extractor should give the planted method one key, not {keys}"
    return keys.pop()


def test_the_planted_method_is_extracted_from_every_planted_paper(planted):
    _, ids, result = planted
    key = _planted_key(result)
    found = {ex.arxiv_id for ex in result.extractions if any(m.key == key for m in ex.methods)}
    assert found == ids and len(ids) >= 30


def test_planted_method_rises_first_and_significantly(planted):
    _, _, result = planted
    key = _planted_key(result)
    data = trend_data(result.graph)
    rising = rising_methods(data, WINDOW)
    assert rising.attrs["windows"].recent_start == RECENT_START
    top = rising.iloc[0]
    assert top["entity"] == key, rising.head(5)
    assert top["count_prev"] == 0 and top["q"] < 0.05


def test_planted_method_is_emerging_and_bursts(planted):
    _, ids, result = planted
    key = _planted_key(result)
    data = trend_data(result.graph)
    emerging = emerging_methods(data, WINDOW)
    row = emerging.set_index("entity").loc[key]
    assert row["known"] == "" and row["q"] < 0.05
    # uptake leaves out the proposing paper (whether the extractor marks it as proposing is its business)
    assert row["papers"] + row["proposed_by"] == len(ids)
    found = bursts(data, "method")
    mine = found[found["entity"] == key]
    assert len(mine) >= 1 and mine["q"].min() < 0.05
    assert mine.iloc[0]["begin"] >= RECENT_START


def _shuffled(tmp: Path, seed: int) -> Path:
    """The planted digests with their dates shuffled (each file renamed to another file's date)."""
    src = tmp / "digests"
    dst = tmp / f"shuffled-{seed}"
    dst.mkdir()
    files = sorted(src.glob("*.md"))
    days = [f.name for f in files]
    random.Random(seed).shuffle(days)
    for f, name in zip(files, days):
        shutil.copy(f, dst / name)
    return dst


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_dates_show_almost_nothing(planted, seed):
    tmp, _, result = planted
    papers, digests, _, _ = kg.read_papers([_shuffled(tmp, seed)])
    G = build_graph(papers, digests, result.extractions)  # same papers and text: the extraction is reused
    data = trend_data(G)
    significant = set(rising_methods(data, WINDOW).query("q < 0.05")["entity"])
    significant |= set(bursts(data, "method").query("q < 0.05")["entity"])
    assert len(significant) <= 1, significant
