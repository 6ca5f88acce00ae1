"""The graph projections behind the HTML networks, tested without any HTML."""
from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from kg.errors import KgError
from kg.graph import build_graph, edges_of
from kg.records import PaperExtraction
from kg.viz import (
    PaperScope, association_strength, coauthor_network, ego_network, first_seen_dates, resolve_node, topic_network,
)
from kg.viz.render import FIXED_COLOURS, legend_colours
from tests.viz_helpers import mention, paper, synthetic_graph

D = dt.date


def small_world() -> nx.MultiDiGraph:
    """Ann+Bo write twice (Jan 5, Jan 20), Bo+Cy once (Jan 25, cs.CV), Dan alone; Eve+Fay in stat.ML."""
    papers = [
        paper("2601.00001", ("Ann Lee", "Bo Li"), D(2026, 1, 5), ("cs.CL", "cs.LG")),
        paper("2601.00002", ("Ann Lee", "Bo Li"), D(2026, 1, 20), ("cs.LG",)),
        paper("2601.00003", ("Bo Li", "Cy Zhou"), D(2026, 1, 25), ("cs.CV",)),
        paper("2601.00004", ("Dan Ng",), D(2026, 1, 26), ("cs.LG",)),
        paper("2601.00005", ("Eve Roe", "Fay Poe"), None, ("stat.ML",)),
    ]
    extractions = [
        PaperExtraction("2601.00001", (mention("lora", "LoRA", "peft", ("low-rank adaptation",)),
                                       mention("transformer", "Transformer", "architecture"))),
        PaperExtraction("2601.00002", (mention("lora", "LoRA", "peft"), mention("transformer", "Transformer", "architecture"))),
        PaperExtraction("2601.00003", (mention("lora", "LoRA", "peft"),)),
        PaperExtraction("2601.00004", (mention("grpo", "GRPO", "rl-alignment"),)),
    ]
    return build_graph(papers, (), extractions)


def weights(P: nx.Graph) -> dict[frozenset[str], int]:
    return {frozenset((u, v)): w for u, v, w in P.edges(data="weight")}


A, B, C, DAN = "Author:ann lee", "Author:bo li", "Author:cy zhou", "Author:dan ng"

# ----------------------------------------------------------------------------- co-authors


def test_coauthor_weights_match_the_graph_without_filters() -> None:
    G = synthetic_graph()
    P, report = coauthor_network(G, top=None)
    expected = {frozenset((u, v)): d["weight"] for u, v, d in edges_of(G, "CO_AUTHORED")}
    assert weights(P) == expected
    assert report.nodes == P.number_of_nodes() == sum(1 for _, d in G.nodes(data=True) if d["label"] == "Author")
    assert report.edges == P.number_of_edges() and report.dropped_nodes == 0


def test_coauthor_node_attributes() -> None:
    P, _ = coauthor_network(small_world())
    ann = P.nodes[A]
    assert (ann["kind"], ann["name"], ann["papers"]) == ("Author", "Ann Lee", 2)
    assert ann["details"] == ["methods: LoRA, Transformer"]
    assert [t for t, _, _ in ann["links"]] == ["Paper 2601.00002", "Paper 2601.00001"]  # newest first
    assert ann["links"][0][1] == "https://arxiv.org/abs/2601.00002"


def test_date_filter_recomputes_weights() -> None:
    P, report = coauthor_network(small_world(), since=D(2026, 1, 10))
    assert weights(P)[frozenset((A, B))] == 1  # the Jan 5 paper is out of scope
    assert P.nodes[A]["papers"] == 1
    assert report.papers == 3  # the undated stat.ML paper is out as soon as a date bound is given
    P, _ = coauthor_network(small_world(), until=D(2026, 1, 10))
    assert set(P) == {A, B}


def test_category_filter_by_code_and_archive() -> None:
    P, _ = coauthor_network(small_world(), category="cs.CV")
    assert set(P) == {B, C}
    P, report = coauthor_network(small_world(), category="cs")
    assert set(P) == {A, B, C, DAN} and report.papers == 4
    P, _ = coauthor_network(small_world(), category="stat")
    assert set(P) == {"Author:eve roe", "Author:fay poe"}


def test_min_papers_and_min_weight() -> None:
    P, report = coauthor_network(small_world(), min_papers=2)
    assert set(P) == {A, B}
    assert report.dropped_by == {"min_papers": 4} and report.dropped_nodes == 4
    P, report = coauthor_network(small_world(), min_weight=2)
    assert weights(P) == {frozenset((A, B)): 2}
    assert report.dropped_edges == 2 and C in P  # nodes stay, weak edges go


def test_top_cap_keeps_the_busiest_and_reports_the_rest() -> None:
    G = synthetic_graph()
    full, _ = coauthor_network(G, top=None)
    P, report = coauthor_network(G, top=50)
    assert P.number_of_nodes() == report.nodes == 50
    assert report.dropped_by == {"top": full.number_of_nodes() - 50}
    threshold = min(d["papers"] for _, d in P.nodes(data=True))
    assert all(d["papers"] <= threshold for n, d in full.nodes(data=True) if n not in P)


def test_largest_component() -> None:
    P, report = coauthor_network(small_world(), largest_component=True)
    assert set(P) == {A, B, C}
    assert report.dropped_by == {"largest_component": 3}


def test_big_collaborations_add_no_pairs() -> None:
    crowd = tuple(f"Member {i}" for i in range(60))
    G = build_graph([paper("2601.00001", crowd), paper("2601.00002", ("Member 0", "Member 1"))])
    P, _ = coauthor_network(G, top=None)
    assert P.number_of_edges() == 1 and P.nodes["Author:member 0"]["papers"] == 2


def test_communities_are_stable_and_separate_groups() -> None:
    team1 = ("A1", "A2", "A3", "A4")
    team2 = ("B1", "B2", "B3", "B4")
    papers = [paper(f"2601.0000{i}", team1) for i in range(3)] + [paper(f"2601.0001{i}", team2) for i in range(3)]
    papers.append(paper("2601.00020", ("A1", "B1")))
    G = build_graph(papers)
    P1, _ = coauthor_network(G)
    P2, _ = coauthor_network(G)
    groups = {n: d["group"] for n, d in P1.nodes(data=True)}
    assert groups == {n: d["group"] for n, d in P2.nodes(data=True)}
    assert len({groups[f"Author:{a.lower()}"] for a in team1}) == 1
    assert groups["Author:a1"] != groups["Author:b1"]
    assert [key for key, _ in P1.graph["groups"]] == ["c1", "c2"]


# ----------------------------------------------------------------------------- topics


def test_association_strength_hand_worked() -> None:
    # 4 papers in scope: LoRA in 3, Transformer in 2, both in 2: 2 * 4 / (3 * 2)
    P, report = topic_network(small_world(), category="cs")
    edge = P.edges["Method:lora", "Method:transformer"]
    assert edge["weight"] == 2
    assert edge["strength"] == pytest.approx(4 / 3)
    assert report.papers == 4
    assert association_strength(1, 1, 1, 10) == 10.0


def test_topic_nodes_and_groups() -> None:
    P, _ = topic_network(small_world())
    assert {n: d["papers"] for n, d in P.nodes(data=True)} == {"Method:lora": 3, "Method:transformer": 2, "Method:grpo": 1}
    assert P.nodes["Method:lora"]["group"] == "peft"
    assert "also: low-rank adaptation" in P.nodes["Method:lora"]["details"][1]
    assert [key for key, _ in P.graph["groups"]] == ["architecture", "peft", "rl-alignment"]


def test_topic_filters() -> None:
    P, report = topic_network(small_world(), min_papers=2)
    assert set(P) == {"Method:lora", "Method:transformer"} and report.dropped_by == {"min_papers": 1}
    P, _ = topic_network(small_world(), top=1)
    assert set(P) == {"Method:lora"}
    P, _ = topic_network(small_world(), min_weight=3)
    assert P.number_of_edges() == 0


def test_topic_with_categories() -> None:
    P, report = topic_network(small_world(), with_categories=True)
    cat = P.nodes["Category:cs.LG"]
    assert (cat["kind"], cat["papers"], cat["group"]) == ("Category", 2, "category")  # primary categories only
    assert P.edges["Category:cs.LG", "Method:lora"]["weight"] == 1
    assert P.edges["Category:cs.CL", "Method:lora"]["weight"] == 1
    assert report.nodes == P.number_of_nodes()


# ----------------------------------------------------------------------------- ego networks and lookup


def chain() -> nx.MultiDiGraph:
    return build_graph([paper("2601.00001", ("Ann Lee", "Bo Li")), paper("2601.00002", ("Bo Li", "Cy Zhou")),
                        paper("2601.00003", ("Cy Zhou", "Dan Ng")), paper("2601.00004", ("Élodie Dupont", "Dan Ng"))])


def test_ego_depth() -> None:
    P, report = ego_network(chain(), "Bo Li", 1)
    assert set(P) == {A, B, C} and P.graph["center"] == B and P.nodes[B]["center"]
    assert report.kind == "ego"
    P, _ = ego_network(chain(), "Bo Li", 2)
    assert set(P) == {A, B, C, DAN}


def test_ego_cap_keeps_the_nearest() -> None:
    P, report = ego_network(chain(), "Bo Li", 2, top=3)
    assert B in P and DAN not in P and report.dropped_by == {"top": 1}


def test_ego_of_a_method() -> None:
    P, _ = ego_network(small_world(), "low-rank adaptation")
    assert set(P) == {"Method:lora", "Method:transformer"}
    assert P.nodes["Method:lora"]["center"]


def test_resolve_by_key_accent_alias_words_and_spelling() -> None:
    G = small_world()
    assert resolve_node(chain(), "elodie DUPONT") == "Author:elodie dupont"
    assert resolve_node(G, "LORA") == "Method:lora"
    assert resolve_node(G, "Low-Rank Adaptation") == "Method:lora"
    assert resolve_node(G, "zhou") == C
    assert resolve_node(G, "Ann Leee") == A


def test_resolve_ambiguous_lists_candidates() -> None:
    G = build_graph([paper("2601.00001", ("John Smith", "Jane Smith"))])
    with pytest.raises(KgError) as err:
        resolve_node(G, "smith")
    message = str(err.value)
    assert "matches 2 nodes" in message and "John Smith" in message and "Jane Smith" in message


def test_resolve_unknown_and_bad_depth() -> None:
    with pytest.raises(KgError, match="no author or method matches 'quantum kittens'"):
        resolve_node(small_world(), "quantum kittens")
    with pytest.raises(KgError, match="--depth must be 1 or 2"):
        ego_network(small_world(), "LoRA", 3)


def test_scope_matches() -> None:
    assert PaperScope(category="cs").matches({"categories": ["cs.LG"]})
    assert not PaperScope(category="cs").matches({"categories": ["csx.LG"]})
    assert not PaperScope(category="cs.L").matches({"categories": ["cs.LG"]})
    assert not PaperScope(since=D(2026, 1, 1)).matches({"categories": []})
    assert PaperScope(until=D(2026, 1, 1)).matches({"first_seen": D(2026, 1, 1)})


def test_every_method_group_has_its_own_legend_entry_and_colour() -> None:
    # 24 groups (more than the palette's 20): none folds into grey "other", no two share a colour
    papers = [paper(f"2601.{i:05d}", ("A B",)) for i in range(24)]
    extractions = [PaperExtraction(f"2601.{i:05d}", tuple(mention(f"m{i}-{j}", group=f"g{i:02d}") for j in range(i + 1)))
                   for i in range(24)]
    extractions.append(PaperExtraction("2601.00000", (mention("rag", "RAG", "retrieval"),)))
    P, _ = topic_network(build_graph(papers, (), extractions))
    legend = dict(P.graph["groups"])
    assert list(legend)[:23] == [f"g{i:02d}" for i in range(23, 0, -1)]
    assert "retrieval" in legend and "other" not in legend and len(legend) == 25
    assert P.nodes["Method:rag"]["group"] == "retrieval" and P.nodes["Method:m0-0"]["group"] == "g00"
    colours = legend_colours(P.graph["groups"])
    assert len(set(colours.values())) == len(colours) and FIXED_COLOURS["other"] not in colours.values()


# ----------------------------------------------------------------------------- readability helpers


def test_one_paper_groups_are_left_out_and_counted() -> None:
    # Ann+Bo twice and Bo+Cy once form one group; Eve+Fay met on one paper only, and so did Dan alone
    P, report = coauthor_network(small_world(), one_paper_groups=False)
    assert set(P) == {A, B, C}
    assert report.dropped_by == {"one_paper_groups": 3} and "3 in one-paper groups" in report.summary()
    assert set(coauthor_network(small_world())[0]) == {A, B, C, DAN, "Author:eve roe", "Author:fay poe"}


def test_community_legend_names_top_authors_and_distinctive_methods() -> None:
    team1, team2 = ("A1", "A2", "A3"), ("B1", "B2", "B3")
    papers = [paper(f"2601.0000{i}", team1) for i in range(3)] + [paper(f"2601.0001{i}", team2) for i in range(3)]
    extractions = [PaperExtraction(f"2601.0000{i}", (mention("grpo", "Group Relative Policy Optimization", "rl",
                                                             ("GRPO",)), mention("transformer", "Transformer")))
                   for i in range(3)]
    extractions += [PaperExtraction(f"2601.0001{i}", (mention("lora", "LoRA", "peft"), mention("transformer", "Transformer")))
                    for i in range(3)]
    P, _ = coauthor_network(build_graph(papers, (), extractions))
    legend = [text for _, text in P.graph["groups"]]
    assert legend == ["A1, A2, A3; GRPO (3 authors)", "B1, B2, B3; LoRA (3 authors)"]  # not the shared Transformer


def test_unknown_category_lists_the_categories_present() -> None:
    with pytest.raises(KgError, match=r"no paper is in category 'cs\.CW' \(did you mean cs\.CV\?\); "
                                      r"categories present \(papers\): cs\.LG \(3\), cs\.CL \(1\), cs\.CV \(1\), stat\.ML \(1\)"):
        topic_network(small_world(), category="cs.CW")
    P, report = coauthor_network(small_world(), category="cs.CV", since=D(2026, 2, 1))  # known, but no paper then
    assert report.nodes == 0 and report.papers == 0


def test_nodes_carry_short_labels_search_terms_and_mean_first_seen() -> None:
    P, _ = topic_network(ego_world(), min_papers=1)
    grpo = P.nodes["Method:grpo"]
    assert grpo["short"] == "GRPO" and grpo["name"] == "Group Relative Policy Optimization"
    assert {"grpo", "GRPO", "group-relative policy optimization"} <= set(grpo["search"])
    assert grpo["first_seen"] == D(2026, 1, 11)  # the mean of Jan 2, 11 and 20
    ann = coauthor_network(ego_world())[0].nodes["Author:ann lee"]
    assert ann["search"] == ["Ann Lee", "ann lee"] and ann["short"] == "Ann Lee" and not ann["probable_merge"]
    assert first_seen_dates(ego_world())["Method:grpo"] == [D(2026, 1, 2), D(2026, 1, 11), D(2026, 1, 20)]


def ego_world() -> nx.MultiDiGraph:
    days = [D(2026, 1, 2), D(2026, 1, 11), D(2026, 1, 20)]
    papers = [paper(f"2601.0000{i}", ("Ann Lee", f"Co {i}"), day) for i, day in enumerate(days)]
    grpo = mention("grpo", "Group Relative Policy Optimization", "rl-alignment", ("GRPO", "group-relative policy optimization"))
    return build_graph(papers, (), [PaperExtraction(p.arxiv_id, (grpo,)) for p in papers])


def test_a_loose_ego_match_is_a_note_of_the_report() -> None:
    _, report = ego_network(chain(), "Bo Lii")
    assert report.notes == ("'Bo Lii' matched author 'Bo Li' (2 papers) by close spelling",)
    assert ego_network(chain(), "bo li")[1].notes == ()


def test_adjacency_shortcuts_equal_the_networkx_views():
    """_edges_among / _edge_count / _neighbours read the adjacency: same edges, order and counts as the views."""
    import random

    from kg.viz.projections import _edge_count, _edges_among, _neighbours

    rng = random.Random(3)
    base = nx.Graph()
    base.add_nodes_from(f"n{i}" for i in rng.sample(range(40), 40))
    nodes = list(base)
    for _ in range(150):
        base.add_edge(rng.choice(nodes), rng.choice(nodes), weight=rng.randint(1, 3))  # self-loops included
    kept = set(rng.sample(nodes, 15))
    assert list(_edges_among(base, kept)) == [(u, v, a) for u, v, a in base.edges(data=True) if u in kept and v in kept]
    assert _edge_count(base) == base.number_of_edges() and nx.number_of_selfloops(base) > 0
    G = nx.MultiDiGraph()
    G.add_edge("Author:b", "Paper:1", key="AUTHORED")
    G.add_edge("Author:a", "Paper:1", key="AUTHORED")
    G.add_edge("Paper:1", "Method:x", key="MENTIONS")
    G.add_edge("Paper:1", "Method:x", key="PROPOSES")
    G.add_edge("Paper:1", "Method:w", key="PROPOSES")
    assert _neighbours(G, "Paper:1", "AUTHORED", incoming=True) == ["Author:a", "Author:b"]
    assert _neighbours(G, "Paper:1", "MENTIONS", incoming=False) == ["Method:x"]
    assert _neighbours(G, "Paper:1", "PROPOSES", incoming=False) == ["Method:w", "Method:x"]


def test_coauthor_base_equals_counted_pairs_added_in_first_seen_order():
    """The base counts pairs in its adjacency and shares one dict per weight: the graph P.add_edge would give."""
    import random
    from collections import Counter
    from itertools import combinations

    from kg.viz.projections import _coauthor_base, _neighbours

    rng = random.Random(7)
    people = [f"Person {i}" for i in range(30)]
    papers = [paper(f"2601.{i:05d}", tuple(rng.sample(people, rng.randint(1, 7))), D(2026, 1, 1 + i % 28), ("cs.LG",))
              for i in range(120)]
    G = build_graph(papers)
    pids = [f"Paper:2601.{i:05d}" for i in range(120)]
    base = _coauthor_base(G, pids, max_coauthors=5)  # some papers over the cap: authors but no pairs
    expected = nx.Graph()
    pairs = Counter()
    for pid in pids:
        authors = _neighbours(G, pid, "AUTHORED", incoming=True)
        for aid in authors:
            if aid not in expected:
                expected.add_node(aid, kind="Author", name=G.nodes[aid]["name"], paper_ids=[])
            expected.nodes[aid]["paper_ids"].append(pid)
        if len(authors) <= 5:
            pairs.update(combinations(authors, 2))
    for _, attrs in expected.nodes(data=True):
        attrs["papers"] = len(attrs["paper_ids"])
    for (u, v), w in pairs.items():
        expected.add_edge(u, v, weight=w, strength=float(w))
    assert list(base.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(base.edges(data=True)) == list(expected.edges(data=True))
    assert {n: list(nbrs) for n, nbrs in base.adj.items()} == {n: list(nbrs) for n, nbrs in expected.adj.items()}
    assert max(a["weight"] for _, _, a in base.edges(data=True)) > 1
