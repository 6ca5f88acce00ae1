"""What the extraction tests of a single paper share: its method mentions, read by the packaged pipeline."""
from __future__ import annotations

from kg.extract import extract_papers, load_pipeline
from kg.records import MethodMention, Paper


def paper_methods(title: str, abstract: str, category: str = "cs.LG") -> tuple[MethodMention, ...]:
    """The method mentions of one paper with this title, abstract and main category (the pipeline is cached)."""
    (e,) = extract_papers([Paper(arxiv_id="2600.00001", title=title, abstract=abstract, primary_category=category)],
                          nlp=load_pipeline())
    return e.methods
