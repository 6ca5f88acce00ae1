"""arxiv-kg: turn daily arXiv digests into a research knowledge graph.

Library API (the CLI calls exactly these)::

    import kg
    result = kg.build(["examples/"])      # read → merge → extract → graph
    G = result.graph                      # networkx MultiDiGraph (schema: docs/architecture.md)
    kg.write_outputs(result, "out/")      # GraphML, node-link JSON, summary, Neo4j import, HTML, trends
    f = result.frames()                   # pandas DataFrames: f.papers, f.methods, f.mentions, ... (kg.frames)
"""
from kg.frames import Frames, frames
from kg.graph import build_graph, count_by_label, count_by_type, edges_of, node_id, nodes_of
from kg.pipeline import BuildResult, build, read_papers, write_outputs
from kg.records import DatasetMention, Digest, MethodMention, Paper, PaperExtraction, PaperRecord, Problem, Summary

__all__ = [
    "BuildResult", "DatasetMention", "Digest", "Frames", "MethodMention", "Paper", "PaperExtraction", "PaperRecord",
    "Problem", "Summary", "build", "build_graph", "count_by_label", "frames", "count_by_type", "edges_of", "node_id",
    "nodes_of", "read_papers", "write_outputs",
]
__version__ = "0.1.0"
