"""Method, dataset and code-link extraction (spaCy, rule-based on ``spacy.blank("en")``).

``load_pipeline(config=None) -> Language`` and
``extract_papers(papers, *, nlp=None, n_process=1, batch_size=256, progress=SILENT) -> list[PaperExtraction]``
are the public API; see :mod:`kg.extract.pipeline`.
"""
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.pipeline import extract_papers, extract_text, load_pipeline

__all__ = ["Gazetteer", "extract_papers", "extract_text", "load_gazetteer", "load_pipeline"]
