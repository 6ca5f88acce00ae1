import datetime as dt
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export import _BATCH, _json_default, flat_graph, write_graphml, write_node_link
from kg.graph import display_name
from tests.test_graph import graph


def reference_graphml(G, tmp_path):
    H = nx.MultiDiGraph(**{k: v for k, v in flat_graph(G).graph.items()})
    for n, attrs in G.nodes(data=True):
        flat = flat_graph(G).nodes[n]
        if "label" in attrs and "type" not in attrs:
            flat = {"label": display_name(attrs), "type": attrs["label"], **{k: v for k, v in flat.items() if k != "label"}}
        H.add_node(n, **flat)
    F = flat_graph(G)
    H.add_edges_from(F.edges(keys=True, data=True))
    path = tmp_path / "reference.graphml"
    nx.write_graphml(H, path, encoding="utf-8")
    return path.read_bytes()


def reference_node_link(G):
    data = nx.node_link_data(G, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1, default=_json_default) + "\n").encode("utf-8")


def test_graphml_is_networkx_layout_with_display_name_captions(tmp_path):
    G = graph()
    assert write_graphml(G, tmp_path / "g.graphml").read_bytes() == reference_graphml(G, tmp_path)


def test_graphml_captions_are_display_names_and_type_is_the_label(tmp_path):
    G = graph()
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert H.nodes["Paper:2601.2"]["label"] == "Title 2601.2" and H.nodes["Paper:2601.2"]["type"] == "Paper"
    assert H.nodes["Author:ann lee"]["label"] == "Ann Lee" and H.nodes["Author:ann lee"]["type"] == "Author"
    assert H.nodes["Category:cs.LG"]["label"] == "cs.LG" and H.nodes["Category:cs.LG"]["type"] == "Category"
    assert H.nodes["Method:lora"]["label"] == "LORA" and H.nodes["Digest:zh/d.md"]["label"] == "zh/d.md"
    assert H.nodes["Paper:2601.2"]["categories"] == "cs.CV;cs.LG"
    assert H.nodes["Paper:2601.2"]["first_seen"] == "2026-01-09"
    # edges keep their relationship type as id and as the `type` attribute
    assert {k for _, _, k in H.edges(keys=True)} >= {"AUTHORED", "CO_AUTHORED", "MENTIONS"}


def test_graphml_without_captions_is_networkx_byte_for_byte(tmp_path):
    G = graph()
    ours = write_graphml(G, tmp_path / "g.graphml", captions=False).read_bytes()
    nx.write_graphml(flat_graph(G), tmp_path / "nx.graphml", encoding="utf-8")
    assert ours == (tmp_path / "nx.graphml").read_bytes()


@pytest.mark.parametrize("make", [nx.MultiDiGraph, nx.Graph, nx.DiGraph])
def test_graphml_of_other_graph_kinds_and_empty_graphs(tmp_path, make):
    for G in (make(), make(name="x"), nx.path_graph(3, create_using=make)):
        ours = write_graphml(G, tmp_path / "g.graphml").read_bytes()
        nx.write_graphml(G, tmp_path / "nx.graphml", encoding="utf-8")
        assert ours == (tmp_path / "nx.graphml").read_bytes(), G


HOSTILE = "a\x00b\x1b[31m\x07c\ud800d\ufffe & <b>\"quoted\"</b> 'single' tab\there\r\nCRLF \u2028 中文 ½"


def hostile_graph():
    G = nx.MultiDiGraph(name="hostile & <graph>")
    G.add_node('Paper:1"&<x>', label="Paper", arxiv_id="1", title=HOSTILE, categories=["cs.LG", HOSTILE], count=3)
    G.add_node("Author:\x01odd", label="Author", key="odd", name=HOSTILE)
    G.add_edge("Author:\x01odd", 'Paper:1"&<x>', key="AUTHORED", type="AUTHORED", position=1, note=HOSTILE)
    return G


def test_graphml_is_well_formed_xml_whatever_the_text_holds(tmp_path):
    path = write_graphml(hostile_graph(), tmp_path / "g.graphml")
    ET.parse(path)  # raises on anything not well-formed
    H = nx.read_graphml(path, force_multigraph=True)
    title = H.nodes['Paper:1"&<x>']["title"]
    assert "\x00" not in title and "\ud800" not in title and "\x1b" not in title
    assert title.count("\ufffd") == 5  # NUL, ESC, BEL, the lone surrogate, U+FFFE
    assert "& <b>\"quoted\"</b> 'single' tab\there\r\nCRLF \u2028 中文 ½" in title  # the rest exactly, CR included
    assert H.nodes['Paper:1"&<x>']["label"] == title
    assert "Author:\ufffdodd" in H


def test_node_link_is_byte_for_byte_what_json_dumps_wrote(tmp_path):
    G = graph()
    assert write_node_link(G, tmp_path / "g.json").read_bytes() == reference_node_link(G)


def test_node_link_is_valid_utf8_json_whatever_the_text_holds(tmp_path):
    data = json.loads(write_node_link(hostile_graph(), tmp_path / "g.json").read_bytes().decode("utf-8"))
    H = nx.node_link_graph(data, edges="edges", multigraph=True, directed=True)
    title = H.nodes['Paper:1"&<x>']["title"]
    assert title == HOSTILE.replace("\ud800", "\ufffd").replace("\ufffe", "\ufffd")  # control characters kept, escaped


def test_node_link_round_trip(tmp_path):
    G = graph()
    data = json.loads(write_node_link(G, tmp_path / "g.json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges", multigraph=True, directed=True)
    assert sorted(H.nodes) == sorted(G.nodes)
    assert H.nodes["Method:lora"]["aliases"] == G.nodes["Method:lora"]["aliases"]
    assert H.number_of_edges() == G.number_of_edges()


def test_node_link_across_batches_sets_floats_and_other_kinds(tmp_path):
    G = nx.MultiDiGraph(name="big")
    for i in range(2 * _BATCH + 7):  # several encoder batches
        G.add_node(f"n{i}", label="X", i=i, tags=["a", f"t{i}"] if i % 3 else [], day=dt.date(2026, 1, 1 + i % 28))
    G.add_node("s", label="X", members={"b", "a", "c"}, ratio=0.1, big=2**70, when=dt.datetime(2026, 1, 2, 3, 4, 5))
    G.add_edge("n0", "n1", key="K", type="K", weight=2)
    assert write_node_link(G, tmp_path / "g.json").read_bytes() == reference_node_link(G)
    for other in (nx.Graph(), nx.DiGraph(), nx.path_graph(4), nx.MultiDiGraph()):
        assert write_node_link(other, tmp_path / "o.json").read_bytes() == reference_node_link(other)


json_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(json_text, st.lists(json_text, max_size=3), st.booleans(), st.integers(-2**63, 2**63 - 1)),
                min_size=1, max_size=8))
def test_node_link_equals_json_dumps_on_any_text(tmp_path_factory, rows):
    G = nx.MultiDiGraph(name="fuzz")
    for i, (text, tags, flag, number) in enumerate(rows):
        G.add_node(f"{text}#{i}", label="X", text=text, tags=tags, flag=flag, number=number)
    nodes = list(G)
    for u, v in zip(nodes, nodes[1:]):
        G.add_edge(u, v, key="E", type="E", note=G.nodes[u]["text"])
    path = tmp_path_factory.mktemp("fuzz") / "g.json"
    assert write_node_link(G, path).read_bytes() == reference_node_link(G)


def test_writing_twice_gives_identical_bytes(tmp_path):
    for name, writer in (("g.graphml", write_graphml), ("g.json", write_node_link)):
        first = writer(graph(), tmp_path / ("1" + name)).read_bytes()
        assert writer(graph(), tmp_path / ("2" + name)).read_bytes() == first
