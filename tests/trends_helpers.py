"""Synthetic knowledge graphs with known counts, for the trends tests (tests/test_trends_*.py)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import networkx as nx

from kg.graph import build_graph
from kg.records import MethodMention, Paper, PaperExtraction

GROUPS = {"grpo": "rl-alignment", "dpo": "rl-alignment", "lora": "peft"}


def day_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def synthetic_graph(
    totals: Mapping[dt.date, int],
    mentions: Mapping[str, Mapping[dt.date, int]],
    *,
    proposed: Mapping[str, int] | None = None,
    month_papers: Mapping[dt.date, tuple[str, ...]] | None = None,
    categories: Mapping[dt.date, tuple[str, ...]] | None = None,
) -> nx.MultiDiGraph:
    """A graph with ``totals[day]`` papers first seen on each day.

    Args:
        totals: papers per day.
        mentions: method key -> day -> number of that day's papers mentioning it (the first n papers).
        proposed: method key -> how many of its papers (the earliest) propose it.
        month_papers: date (only its month is meaningful) -> methods of one month-precision paper.
        categories: day -> the categories of that day's papers (all of them share these; primary = first).
    """
    papers, extractions = [], []
    to_propose = dict(proposed or {})
    for day in sorted(totals):
        cats = (categories or {}).get(day, ("cs.LG",))
        for i in range(totals[day]):
            pid = f"{day:%Y%m%d}.{i:05d}"
            papers.append(Paper(pid, f"paper {pid}", first_seen=day, last_seen=day,
                                categories=cats, primary_category=cats[0]))
            methods = []
            for key in sorted(mentions):
                n = mentions[key].get(day, 0)
                assert n <= totals[day], f"{key} on {day}: {n} mentions > {totals[day]} papers"
                if i < n:
                    propose = to_propose.get(key, 0) > 0
                    to_propose[key] = to_propose.get(key, 0) - 1
                    methods.append(MethodMention(key, key.upper(), key, group=GROUPS.get(key, "other"), proposed=propose))
            if methods:
                extractions.append(PaperExtraction(pid, methods=tuple(methods)))
    for j, (month, keys) in enumerate(sorted((month_papers or {}).items())):
        pid = f"{month:%y%m}.9{j:04d}"
        papers.append(Paper(pid, f"month paper {pid}", first_seen=month.replace(day=1), date_precision="month",
                            categories=("cs.LG",), primary_category="cs.LG"))
        extractions.append(PaperExtraction(pid, methods=tuple(MethodMention(k, k.upper(), k) for k in keys)))
    return build_graph(papers, [], extractions)


def synthetic_graph_by_category(rows: list[tuple[dt.date, str, int, Mapping[str, int]]]) -> nx.MultiDiGraph:
    """A graph from ``(day, primary category, papers, {method: papers mentioning it})`` rows.

    Each row adds ``papers`` papers first seen on ``day`` in that one category; the first ``n``
    of them mention each method (so methods overlap in the same papers).
    """
    papers, extractions = [], []
    for j, (day, category, n, mentions) in enumerate(rows):
        for i in range(n):
            pid = f"{day:%y%m%d}.{j:03d}{i:03d}"
            papers.append(Paper(pid, f"paper {pid}", first_seen=day, last_seen=day, categories=(category,),
                                primary_category=category))
            methods = tuple(MethodMention(k, k.upper(), k, group=GROUPS.get(k, "other"))
                            for k, m in sorted(mentions.items()) if i < m)
            if methods:
                extractions.append(PaperExtraction(pid, methods=methods))
    return build_graph(papers, [], extractions)
