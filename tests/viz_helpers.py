"""Hand-made records for the viz tests: a small research world plus hostile strings."""
from __future__ import annotations

import datetime as dt
import random

import networkx as nx

from kg.graph import build_graph
from kg.records import MethodMention, Paper, PaperExtraction

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_AUTHOR = "</script><script>window.KG_PWNED=1</script>"
HOSTILE_METHOD = "<svg onload=window.KG_PWNED=2>"

METHODS = [("lora", "LoRA", "peft"), ("transformer", "Transformer", "architecture"),
           ("grpo", "GRPO", "rl-alignment"), ("rag", "RAG", "retrieval"), ("dpo", "DPO", "rl-alignment"),
           ("diffusion-model", "Diffusion Model", "generative-model"), ("vit", "ViT", "architecture")]


def mention(key: str, name: str | None = None, group: str = "other", aliases: tuple[str, ...] = ()) -> MethodMention:
    return MethodMention(key=key, name=name or key, surface=name or key, group=group, aliases=aliases)


def paper(arxiv_id: str, authors: tuple[str, ...], day: dt.date | None = dt.date(2026, 1, 20),
          categories: tuple[str, ...] = ("cs.LG",), title: str = "") -> Paper:
    return Paper(arxiv_id, title or f"Paper {arxiv_id}", authors=authors, categories=categories,
                 primary_category=categories[0] if categories else "", first_seen=day, last_seen=day,
                 url=f"https://arxiv.org/abs/{arxiv_id}")


def synthetic_graph(n_papers: int = 400, n_authors: int = 300, seed: int = 7, hostile: bool = True) -> nx.MultiDiGraph:
    """A random but reproducible graph: teams of 2–6 authors, 0–3 methods per paper, 3 categories, 30 days."""
    rng = random.Random(seed)
    names = [f"Author {i:03d}" for i in range(n_authors)]
    papers, extractions = [], []
    for i in range(n_papers):
        arxiv_id = f"2601.{i:05d}"
        # teams drawn around a "home" author so groups exist for Louvain to find
        home = rng.randrange(n_authors)
        team = tuple(sorted({names[(home + rng.randrange(8)) % n_authors] for _ in range(rng.randint(2, 6))}))
        cats = rng.choice([("cs.LG",), ("cs.CL", "cs.LG"), ("cs.CV",), ("stat.ML", "cs.LG")])
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(30))
        papers.append(paper(arxiv_id, team, day, cats))
        chosen = rng.sample(METHODS, rng.randint(0, 3))
        extractions.append(PaperExtraction(arxiv_id, tuple(mention(k, n, g) for k, n, g in chosen)))
    if hostile:
        papers.append(paper("2601.99999", (HOSTILE_AUTHOR, names[0], "O'Brien & <b>Sons</b>"),
                            title=HOSTILE_TITLE))
        extractions.append(PaperExtraction("2601.99999", (mention("lora", "LoRA", "peft"),
                                                          mention("svg-evil", HOSTILE_METHOD, "other"))))
    return build_graph(papers, (), extractions)
