import json

import networkx as nx

from kg.export import write_graphml, write_node_link
from tests.test_graph import graph


def test_graphml_round_trip_keeps_every_node_and_edge(tmp_path):
    G = graph()
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["Paper:2601.2"]["categories"] == "cs.CV;cs.LG"
    assert H.nodes["Paper:2601.2"]["first_seen"] == "2026-01-09"


def test_node_link_json_round_trip(tmp_path):
    G = graph()
    data = json.loads(write_node_link(G, tmp_path / "g.json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges", multigraph=True, directed=True)
    assert sorted(H.nodes) == sorted(G.nodes)
    assert H.nodes["Method:lora"]["aliases"] == G.nodes["Method:lora"]["aliases"]


def test_writing_twice_gives_identical_bytes(tmp_path):
    for name, writer in (("g.graphml", write_graphml), ("g.json", write_node_link)):
        first = writer(graph(), tmp_path / ("1" + name)).read_bytes()
        assert writer(graph(), tmp_path / ("2" + name)).read_bytes() == first
