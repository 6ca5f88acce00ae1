"""GEXF, VOSviewer and edge-list exports round-trip: what the files hold is what the projection holds."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import networkx as nx
import pytest

from kg.authors import author_key
from kg.graph import build_graph
from kg.records import PaperExtraction
from kg.safetext import xml_text
from kg.viz import coauthor_network, topic_network, write_edge_lists, write_gexf, write_vosviewer
from kg.viz.exports import EDGE_COLUMNS, LAYOUT_LIMIT, MAP_COLUMNS, NODE_COLUMNS
from tests.viz_helpers import HOSTILE_AUTHOR, HOSTILE_METHOD, mention, paper, synthetic_graph

FORMULA = "=HYPERLINK(\"http://x\")"
ODD = "Semi;colon, Comma \"Quoted\"\x0b\x00"  # separators, a quote, XML-forbidden characters


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    G = synthetic_graph(300, 200)
    extra = build_graph([paper("2601.88888", (FORMULA, ODD, "Author 000"), dt.date(2026, 1, 9))], (),
                        [PaperExtraction("2601.88888", (mention("odd", ODD, "other"),))])
    return nx.compose(G, extra)


def test_gexf_round_trips_through_networkx(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    for P in (coauthor_network(G, top=None)[0], topic_network(G, with_categories=True, top=None)[0]):
        path = write_gexf(P, tmp_path / "n.gexf")
        H = nx.read_gexf(path)
        assert H.number_of_nodes() == P.number_of_nodes() and H.number_of_edges() == P.number_of_edges()
        for node, attrs in P.nodes(data=True):
            back = H.nodes[xml_text(node)[0]]  # ids and labels lose only the characters XML forbids
            assert back["label"] == xml_text(attrs["name"])[0]
            assert (back["kind"], back["papers"], back["group"]) == (attrs["kind"], attrs["papers"], attrs["group"])
            assert back["first_seen"] == (attrs["first_seen"].isoformat() if attrs["first_seen"] else "")
            assert set(back["viz"]) >= {"color", "size", "position"}  # small enough to carry our layout
        assert {frozenset((u, v)): w for u, v, w in H.edges(data="weight")} == {
            frozenset((xml_text(u)[0], xml_text(v)[0])): float(w) for u, v, w in P.edges(data="weight")}
    labels = {d["label"] for _, d in H.nodes(data=True)}
    assert HOSTILE_METHOD in labels  # markup is text in XML, escaped by the writer


def test_gexf_of_coauthors_keeps_communities_and_merges(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    P, _ = coauthor_network(G, top=None)
    H = nx.read_gexf(write_gexf(P, tmp_path / "c.gexf"))
    assert {H.nodes[n]["community"] for n in H} == {P.nodes[n]["community"] for n in P}
    assert H.nodes[f"Author:{author_key(HOSTILE_AUTHOR)}"]["label"] == HOSTILE_AUTHOR
    assert all(isinstance(H.nodes[n]["probable_merge"], bool) for n in H)


def _read_tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines(keepends=True)]


def test_vosviewer_files_have_the_documented_columns_and_every_network_id_is_in_the_map(
        G: nx.MultiDiGraph, tmp_path: Path) -> None:
    for name, P in (("co", coauthor_network(G, top=None)[0]), ("topics", topic_network(G, top=None)[0])):
        map_path, network_path = write_vosviewer(P, tmp_path / name)
        assert (map_path.name, network_path.name) == (f"{name}_map.txt", f"{name}_network.txt")
        rows = _read_tsv(map_path)
        assert tuple(rows[0]) == MAP_COLUMNS and all(len(r) == len(MAP_COLUMNS) for r in rows)
        items = {int(r[0]): dict(zip(MAP_COLUMNS, r)) for r in rows[1:]}
        assert sorted(items) == list(range(1, P.number_of_nodes() + 1))
        links = _read_tsv(network_path)
        assert len(links) == P.number_of_edges() and all(len(link) == 3 for link in links)
        assert {int(a) for a, b, _ in links} | {int(b) for a, b, _ in links} <= set(items)
        degree = {i: 0 for i in items}
        for a, b, w in links:
            assert float(w) >= 1
            degree[int(a)] += 1
            degree[int(b)] += 1
        for i, item in items.items():
            assert 1 <= int(item["cluster"]) <= 1000
            assert int(item["weight<Links>"]) == degree[i]
            assert int(item["weight<Documents>"]) >= 1
            assert float(item["x"]) ** 2 <= 1.0001 and float(item["y"]) ** 2 <= 1.0001
            year = item["score<Avg. first seen>"]
            assert year == "" or 2025.9 < float(year) < 2026.2
            assert item["url"].startswith("https://arxiv.org/search/?query=")
    labels = [r[1] for r in _read_tsv(tmp_path / "co_map.txt")[1:]] + [r[1] for r in _read_tsv(tmp_path / "topics_map.txt")[1:]]
    odd = [x for x in labels if "Semi;colon" in x]
    assert len(odd) == 2 and all(x.startswith('"Semi;colon, Comma ""Quoted""') and x.endswith('"') for x in odd)
    assert not any(c in x for x in labels for c in "\t\n\x00\x0b")
    assert '"\'=HYPERLINK(""http://x"")"' in labels  # a formula is neutralised, then quoted for its quotes


def test_vosviewer_clusters_are_communities_for_coauthors_and_groups_for_topics(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    P, _ = coauthor_network(G, top=None)
    rows = _read_tsv(write_vosviewer(P, tmp_path / "co")[0])[1:]
    assert [int(r[6]) for r in rows] == [min(P.nodes[n]["community"], 1000) for n in P]
    T, _ = topic_network(G, top=None)
    rows = _read_tsv(write_vosviewer(T, tmp_path / "t")[0])[1:]
    order = [key for key, _ in T.graph["groups"]]
    assert [int(r[6]) for r in rows] == [order.index(T.nodes[n]["group"]) + 1 for n in T]


def test_big_projections_leave_the_layout_to_the_tool(tmp_path: Path) -> None:
    teams = [paper(f"2601.{i:05d}", (f"A{i}", f"B{i}")) for i in range(LAYOUT_LIMIT // 2 + 1)]
    P, _ = coauthor_network(build_graph(teams), top=None)
    rows = _read_tsv(write_vosviewer(P, tmp_path / "big")[0])[1:]
    assert all(r[4] == r[5] == "" for r in rows)
    assert "position" not in nx.read_gexf(write_gexf(P, tmp_path / "big.gexf")).nodes["Author:a0"]["viz"]


def test_edge_lists_round_trip_and_neutralise_formulas(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    P, _ = coauthor_network(G, top=None)
    nodes_path, edges_path = write_edge_lists(P, tmp_path / "co")
    with nodes_path.open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with edges_path.open(encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    assert [r["id"] for r in nodes] == list(P)
    assert {(r["source"], r["target"]): int(r["weight"]) for r in edges} == {(u, v): w for u, v, w in P.edges(data="weight")}
    names = {r["name"] for r in nodes}
    assert "'" + FORMULA in names and FORMULA not in names
    assert HOSTILE_AUTHOR in names
