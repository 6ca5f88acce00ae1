"""The HTML pages: self-contained, offline, and paper text never reaching an HTML parser."""
from __future__ import annotations

import json
import math
import re

import networkx as nx

from kg.graph import build_graph
from kg.records import Paper
from kg.viz import coauthor_network, page_data, render_html, topic_network, write_ego_html
from kg.viz.layout import layout
from kg.viz.render import script_json
from tests.viz_helpers import HOSTILE_AUTHOR, HOSTILE_METHOD, HOSTILE_TITLE, synthetic_graph

HOSTILE = [HOSTILE_TITLE, HOSTILE_AUTHOR, HOSTILE_METHOD, "a\u2028b\u2029c", "<!-- x", "&amp; 'q' \"dq\""]


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def test_script_json_cannot_break_out_and_round_trips() -> None:
    text = script_json({"s": HOSTILE})
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == {"s": HOSTILE}


def test_hostile_strings_are_data_not_markup() -> None:
    G = synthetic_graph(60, 40)
    pages = {kind: render_html(projection(G)[0], title="t")
             for kind, projection in (("coauthors", coauthor_network), ("topics", topic_network))}
    for page in pages.values():
        for raw in (HOSTILE_TITLE, HOSTILE_AUTHOR, HOSTILE_METHOD, "<b>Sons</b>"):
            assert raw not in page
        # three script elements (data, vis-network, ours): nothing in the data closed one early
        assert page.count("</script>") == 3
    # ... yet the page shows them verbatim, as text
    coauthors, topics = embedded_data(pages["coauthors"]), embedded_data(pages["topics"])
    assert HOSTILE_AUTHOR in {n["label"] for n in coauthors["nodes"]}
    assert HOSTILE_TITLE in {link["title"] for n in coauthors["nodes"] for link in n["links"]}
    assert HOSTILE_METHOD in {n["label"] for n in topics["nodes"]}


def test_page_is_self_contained_and_forbids_requests() -> None:
    P, _ = coauthor_network(synthetic_graph(60, 40))
    page = render_html(P, title="Co-authors")
    assert "<title>Co-authors</title>" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe)\b", page, re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"cdnjs|jsdelivr|unpkg|https://cdn", page, re.I)  # no CDN URL anywhere
    assert "vis.Network" in page and len(page) > 400_000  # vis-network inlined


def test_title_is_escaped(tmp_path) -> None:
    G = synthetic_graph(60, 40)
    write_ego_html(G, tmp_path / "ego.html", HOSTILE_AUTHOR)
    page = (tmp_path / "ego.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;/script&gt;" in title and "<" not in title


def test_only_arxiv_links_survive() -> None:
    G = build_graph([Paper("2601.1", "T", authors=("A B", "C D"), url="javascript:alert(1)"),
                     Paper("2601.2", "U", authors=("A B",), url="https://arxiv.org/abs/2601.2")])
    data = page_data(coauthor_network(G)[0], title="t")
    urls = {link["title"]: link["url"] for node in data["nodes"] for link in node["links"]}
    assert urls == {"T": "", "U": "https://arxiv.org/abs/2601.2"}


def test_page_data_counts_and_legend() -> None:
    P, report = coauthor_network(synthetic_graph(), top=100)
    data = page_data(P, title="t")
    assert len(data["nodes"]) == report.nodes == 100
    assert len(data["edges"]) == report.edges
    assert {n["group"] for n in data["nodes"]} <= {g["key"] for g in data["legend"]}
    assert len({g["color"] for g in data["legend"]}) == len(data["legend"])  # distinct colours


def test_layout_is_deterministic_and_spread_out() -> None:
    P = nx.disjoint_union(nx.karate_club_graph(), nx.path_graph(5))
    P.add_nodes_from(range(100, 110))
    first, second = layout(P, seed=3), layout(P, seed=3)
    assert first == second and set(first) == set(P)
    assert all(math.isfinite(c) for xy in first.values() for c in xy)
    assert len(set(first.values())) == P.number_of_nodes()  # no two nodes on the same spot
    assert layout(P, seed=4) != first


def test_page_data_sizes_labels_and_search() -> None:
    P, _ = coauthor_network(synthetic_graph(), top=100)
    data = page_data(P, title="t", overlay=True)
    nodes = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["papers"] for n in nodes] == sorted((n["papers"] for n in nodes), reverse=True)
    by_papers = sorted(nodes, key=lambda n: n["papers"])
    assert [n["size"] for n in by_papers] == sorted(n["size"] for n in by_papers)  # bigger for more papers
    assert [n["font"] for n in by_papers] == sorted(n["font"] for n in by_papers) and 11 <= by_papers[0]["font"] <= 16
    assert all(n["label"] in n["search"] for n in nodes)
    assert data["overlay"] is True and data["label_budget"] == 40 and 0.1 <= data["edge_opacity"] <= 0.5
    assert all(e["width"] >= 0.5 for e in data["edges"])


def test_drawn_text_has_no_xml_forbidden_characters() -> None:
    G = build_graph([Paper("2601.1", "T", authors=("Ann\x00 Lee\x1b", "Bo Li"))])
    labels = {n["label"] for n in page_data(coauthor_network(G)[0], title="bad\x0ctitle")["nodes"]}
    assert labels == {"Ann\ufffd Lee\ufffd", "Bo Li"}
