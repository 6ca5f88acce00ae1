"""Plain-data views of extractions: the ``kg extract --jsonl`` objects and a short table.

``methods`` in the JSON holds what the paper's title and abstract mention (the
evaluation reads this); methods found only in the LLM summary or the keywords go
to ``summary_methods`` (they are still in the graph, as MENTIONS with
``sources=["summary"]``).
"""
from __future__ import annotations

from typing import Any

from kg.records import MethodMention, PaperExtraction

MAIN_SOURCES = frozenset({"title", "abstract"})


def in_main_text(m: MethodMention) -> bool:
    """Whether the title or the English abstract mentions the method."""
    return bool(MAIN_SOURCES.intersection(m.sources)) or not m.sources


def method_json(m: MethodMention) -> dict[str, Any]:
    """``{"key", "name", "surface", "proposed", "aliases"?, "group"?, "count", "sources"}``."""
    out: dict[str, Any] = {"key": m.key, "name": m.name, "surface": m.surface, "proposed": m.proposed}
    if m.aliases:
        out["aliases"] = list(m.aliases)
    if m.group:
        out["group"] = m.group
    out["count"] = m.count
    out["sources"] = list(m.sources)
    return out


def extraction_json(e: PaperExtraction) -> dict[str, Any]:
    """The JSON object of one paper (see the module docstring)."""
    return {
        "id": e.arxiv_id,
        "methods": [method_json(m) for m in e.methods if in_main_text(m)],
        "summary_methods": [method_json(m) for m in e.methods if not in_main_text(m)],
        "datasets": [{"key": d.key, "name": d.name, "surface": d.surface, **({"aliases": list(d.aliases)} if d.aliases else {})}
                     for d in e.datasets],
        "repos": list(e.repos),
    }


def table_row(e: PaperExtraction, width: int = 100) -> str:
    """One line per paper: id, methods (``*`` = proposed), datasets, repos."""
    methods = ", ".join(("*" if m.proposed else "") + m.name for m in e.methods if in_main_text(m))
    extra = f" | data: {', '.join(d.name for d in e.datasets)}" if e.datasets else ""
    repos = f" | code: {' '.join(e.repos)}" if e.repos else ""
    line = f"{e.arxiv_id:<12} {methods}{extra}{repos}"
    return line if len(line) <= width else line[: width - 1] + "…"
