"""Extraction end to end through ``kg.build``: Method/Dataset/Repository nodes and their edges."""
from __future__ import annotations

from pathlib import Path

import kg
from kg.graph import edges_of, node_id, nodes_of

SEED = Path(__file__).parent / "fixtures" / "eval" / "papers" / "seed-gold.md"


def test_build_adds_methods_mentions_and_proposals():
    result = kg.build([str(SEED)])
    G = result.graph
    paper, method = node_id("Paper", "2602.16947"), node_id("Method", "symgraph")
    assert G.has_edge(paper, method, key="PROPOSES")
    gnn = next(v for u, v, a in edges_of(G, "MENTIONS") if u == paper and v != method)
    assert G.nodes[gnn]["label"] == "Method" and "GNN" in G.nodes[gnn]["aliases"]
    mentions = {(u, v): a for u, v, a in edges_of(G, "MENTIONS")}
    assert mentions[(paper, method)]["in_title"] is False and "abstract" in mentions[(paper, method)]["sources"]
    # one node per canonical key: every LoRA spelling in the seed papers lands on the same node
    lora = [n for n, a in nodes_of(G, "Method") if "LoRA" in a.get("aliases", []) or a.get("name") == "LoRA"]
    assert len(lora) == 1
