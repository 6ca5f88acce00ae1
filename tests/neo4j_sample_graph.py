"""Hand-made records for the Neo4j tests: every label, relationship type and property, hostile text.

``day_one()`` and ``day_two()`` are two consecutive days' worth of papers (one paper appears on
both days, with an earlier listing on day two's file for the first-seen merge); ``sample_graph()``
builds the graph of both.
"""
from __future__ import annotations

import datetime as dt

import networkx as nx

from kg.graph import build_graph
from kg.records import DatasetMention, Digest, Listing, MethodMention, Paper, PaperExtraction, SourceRef, Summary

D1, D2 = dt.date(2026, 1, 5), dt.date(2026, 1, 6)
DIGEST1, DIGEST2 = "zh/2026-01-05.md", "zh/2026-01-06.md"

HOSTILE_TITLE = 'LoRA, "quoted"; and\nnewline: a title\'s worst case'


def _listing(day: dt.date, digest: str) -> Listing:
    return Listing(day, "day", digest, SourceRef(f"digests/{digest}", 10))


def day_one() -> tuple[list[Paper], list[Digest], list[PaperExtraction]]:
    papers = [
        Paper("2601.00001", HOSTILE_TITLE, abstract="We propose LoRA-X, a low-rank adapter; it works.",
              authors=("Ann Lee", "Bo Li", "Zoë Müller"), primary_category="cs.LG", categories=("cs.LG", "stat.ML"),
              first_seen=D1, last_seen=D1, version="v2", comment="12 pages, 3 figures",
              summary=Summary(language="zh", tldr="一个 TL;DR"), keywords=("low-rank; adapters", "PEFT"),
              translated_title="低秩", doi="10.1/abc", listings=(_listing(D1, DIGEST1),)),
        Paper("2601.00002", "Vision transformers at scale", abstract="A ViT trained on ImageNet.",
              authors=("Bo Li", "Cy Wu"), primary_category="cs.CV", categories=("cs.CV",),
              first_seen=D1, last_seen=D1, listings=(_listing(D1, DIGEST1),)),
    ]
    extractions = [
        PaperExtraction("2601.00001", methods=(
            MethodMention("lora", "LoRA", "LoRA", group="peft", proposed=True, count=3, in_title=True,
                          sources=("title", "abstract"), surfaces=("LoRA", "low-rank adaptation"),
                          aliases=("Low-Rank Adaptation",)),
            MethodMention("transformer", "Transformer", "transformer", group="architecture"),
        ), repos=("https://github.com/ann/lora-x",)),
        PaperExtraction("2601.00002", methods=(
            MethodMention("vision-transformer", "Vision Transformer", "ViT", group="architecture", count=2,
                          sources=("abstract",), aliases=("ViT",)),
            MethodMention("transformer", "Transformer", "transformers", group="architecture"),
        ), datasets=(DatasetMention("imagenet", "ImageNet", "ImageNet", aliases=("ILSVRC",)),)),
    ]
    return papers, [Digest(DIGEST1, D1, "digests/zh", "markdown")], extractions


def day_two() -> tuple[list[Paper], list[Digest], list[PaperExtraction]]:
    papers = [
        Paper("2601.00002", "Vision transformers at scale", abstract="A ViT trained on ImageNet.",
              authors=("Bo Li", "Cy Wu"), primary_category="cs.CV", categories=("cs.CV",),
              first_seen=D2, last_seen=D2, listings=(_listing(D2, DIGEST2),)),
        Paper("2601.00003", "LoRA for vision transformers", abstract="LoRA meets ViT.",
              authors=("Cy Wu", "Bo Li", "Dee Roy"), primary_category="cs.CV", categories=("cs.CV", "cs.LG"),
              first_seen=D2, last_seen=D2, listings=(_listing(D2, DIGEST2),)),
    ]
    extractions = [
        PaperExtraction("2601.00002", methods=(
            MethodMention("vision-transformer", "Vision Transformer", "ViT", group="architecture", count=2,
                          sources=("abstract",), aliases=("ViT",)),
            MethodMention("transformer", "Transformer", "transformers", group="architecture"),
        ), datasets=(DatasetMention("imagenet", "ImageNet", "ImageNet", aliases=("ILSVRC",)),)),
        PaperExtraction("2601.00003", methods=(
            MethodMention("lora", "LoRA", "LoRA", group="peft", in_title=True, sources=("title",),
                          surfaces=("LoRA",), aliases=("Low-Rank Adaptation", "LoRA adapters")),
            MethodMention("vision-transformer", "Vision Transformer", "vision transformers", group="architecture",
                          in_title=True, sources=("title",)),
        ), repos=("https://gitlab.com/cy/lora-vit",)),
    ]
    return papers, [Digest(DIGEST2, D2, "digests/zh", "markdown")], extractions


def both_days() -> tuple[list[Paper], list[Digest], list[PaperExtraction]]:
    """Day one and day two as one input (the shared paper merged by hand, as kg.merge would)."""
    p1, d1, e1 = day_one()
    p2, d2, e2 = day_two()
    shared = p1[1]
    merged = Paper(shared.arxiv_id, shared.title, shared.abstract, shared.authors, shared.primary_category,
                   shared.categories, first_seen=D1, last_seen=D2, listings=(*shared.listings, *p2[0].listings))
    return [p1[0], merged, p2[1]], [*d1, *d2], [*e1, e2[0], e2[1]]


def sample_graph() -> nx.MultiDiGraph:
    """The graph of both days."""
    return build_graph(*both_days())
