import datetime as dt

import networkx as nx

from kg.graph import add_coauthorship, add_cooccurrence, build_graph, count_by_label, count_by_type, edges_of, nodes_of
from kg.records import Digest, Listing, MethodMention, Paper, PaperExtraction, SourceRef, Summary

D = dt.date


def paper(pid, authors, day, cats=("cs.LG",), digest="zh/d.md"):
    listing = Listing(day, "day", digest, SourceRef(digest, 1))
    return Paper(pid, f"Title {pid}", authors=authors, categories=cats, primary_category=cats[0],
                 first_seen=day, last_seen=day, listings=(listing,), summary=Summary("zh", tldr="要点"))


def mention(key, **kw):
    return MethodMention(key=key, name=key.upper(), surface=kw.pop("surface", key), **kw)


PAPERS = [
    paper("2601.1", ("Ann Lee", "Bo Li", "Cy Wu"), D(2026, 1, 5)),
    paper("2601.2", ("ann  lee", "Bo Li"), D(2026, 1, 9), cats=("cs.CV", "cs.LG")),
    paper("2601.3", ("Dee Ode",), D(2026, 1, 7)),
]
EXTRACTIONS = [
    PaperExtraction("2601.1", methods=(mention("lora", surfaces=("LoRA", "low-rank adaptation")), mention("moe"))),
    PaperExtraction("2601.2", methods=(mention("lora", proposed=False), mention("moe"), mention("grpo", proposed=True))),
    PaperExtraction("2601.9", methods=(mention("dpo"),)),  # a paper not in the graph: ignored
]


def graph():
    return build_graph(PAPERS, [Digest("zh/d.md", D(2026, 1, 5), "corpus/zh/d.md", "markdown")], EXTRACTIONS)


def test_counts_per_label_and_type():
    G = graph()
    assert count_by_label(G) == {"Author": 4, "Category": 2, "Digest": 1, "Method": 3, "Paper": 3}
    assert count_by_type(G)["AUTHORED"] == 6
    assert count_by_type(G)["IN_CATEGORY"] == 4
    assert count_by_type(G)["PROPOSES"] == 1


def test_one_author_node_per_person_with_first_display_name_and_positions():
    G = graph()
    assert G.nodes["Author:ann lee"]["name"] == "Ann Lee"
    positions = {(u, v): d["position"] for u, v, d in edges_of(G, "AUTHORED")}
    assert positions[("Author:bo li", "Paper:2601.1")] == 2
    assert positions[("Author:ann lee", "Paper:2601.2")] == 1


def test_coauthored_weight_first_and_last():
    G = graph()
    co = {(u, v): d for u, v, d in edges_of(G, "CO_AUTHORED")}
    assert co[("Author:ann lee", "Author:bo li")] == {"type": "CO_AUTHORED", "weight": 2, "first": D(2026, 1, 5), "last": D(2026, 1, 9)}
    assert co[("Author:ann lee", "Author:cy wu")]["weight"] == 1
    assert all(u < v for u, v in co)  # stored once, smaller id first


def test_cooccurs_counts_papers_mentioning_both_and_is_recomputed_not_added():
    G = graph()
    before = {(u, v): d["weight"] for u, v, d in edges_of(G, "CO_OCCURS")}
    assert before[("Method:lora", "Method:moe")] == 2
    assert before[("Method:grpo", "Method:lora")] == 1
    add_cooccurrence(G)
    add_coauthorship(G)
    assert {(u, v): d["weight"] for u, v, d in edges_of(G, "CO_OCCURS")} == before
    assert count_by_type(G)["CO_AUTHORED"] == 3


def test_method_node_keeps_aliases_from_every_paper():
    G = graph()
    assert set(G.nodes["Method:lora"]["aliases"]) >= {"LoRA", "low-rank adaptation", "lora"}


def test_categories_have_human_names_and_primary_flag():
    G = graph()
    assert G.nodes["Category:cs.CV"]["name"] == "Computer Vision and Pattern Recognition"
    primary = {(u, v): d["primary"] for u, v, d in edges_of(G, "IN_CATEGORY")}
    assert primary[("Paper:2601.2", "Category:cs.CV")] is True
    assert primary[("Paper:2601.2", "Category:cs.LG")] is False


def test_listed_in_digest_and_paper_properties():
    G = graph()
    assert {v for _, v, _ in edges_of(G, "LISTED_IN")} == {"Digest:zh/d.md"}
    p = G.nodes["Paper:2601.2"]
    assert p["first_seen"] == D(2026, 1, 9) and p["tldr"] == "要点" and p["url"] == "https://arxiv.org/abs/2601.2"
    assert None not in p.values()


def test_huge_author_lists_get_no_coauthor_pairs():
    big = paper("2601.7", tuple(f"Author {i}" for i in range(60)), D(2026, 1, 5))
    G = build_graph([big], max_coauthors=50)
    assert count_by_type(G).get("CO_AUTHORED", 0) == 0
    assert count_by_type(G)["AUTHORED"] == 60


def test_build_is_deterministic():
    a, b = graph(), graph()
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert [n for n, _ in nodes_of(a, "Paper")] == ["Paper:2601.1", "Paper:2601.2", "Paper:2601.3"]


def test_fast_edges_equal_add_edge():
    """The bulk edge insertion leaves the same graph as networkx's own add_edge."""
    from kg.graph import _add_edges

    fast = graph()
    slow = nx.MultiDiGraph()
    slow.add_nodes_from(fast.nodes(data=True))
    for u, v, k, d in fast.edges(keys=True, data=True):
        slow.add_edge(u, v, key=k, **d)
    assert nx.utils.edges_equal(fast.edges(keys=True, data=True), slow.edges(keys=True, data=True))
    assert dict(fast.adj) == dict(slow.adj) and dict(fast.pred) == dict(slow.pred)
    # adding an existing edge updates it, as add_edge does
    _add_edges(fast, [("Author:ann lee", "Paper:2601.1", "AUTHORED", {"type": "AUTHORED", "position": 9})])
    slow.add_edge("Author:ann lee", "Paper:2601.1", key="AUTHORED", type="AUTHORED", position=9)
    assert fast.edges["Author:ann lee", "Paper:2601.1", "AUTHORED"] == slow.edges["Author:ann lee", "Paper:2601.1", "AUTHORED"]
    assert fast.number_of_edges() == slow.number_of_edges()


def test_coauthor_edges_match_a_plain_count_in_order_weights_and_dates():
    """The one-pass CO_AUTHORED builder against a plain recount: same pairs, order, weights, first/last."""
    import random
    from itertools import combinations

    from kg.graph import coauthor_edges

    rng = random.Random(7)
    people = [f"Author:{c}" for c in "abcdefgh"]
    days = [None, D(2026, 1, 5), D(2026, 1, 6), D(2026, 2, 1)]
    papers = [(rng.choice(days), rng.sample(people, rng.randint(1, 4))) for _ in range(200)]
    papers.append((D(2026, 3, 1), people))  # more than max_authors below: no pairs
    ordered = sorted(papers[:-1], key=lambda pa: (pa[0] is None, pa[0] or D.min))
    expected = {}
    for day, authors in ordered:
        for pair in combinations(sorted(authors), 2):
            row = expected.setdefault(pair, {"weight": 0, "days": []})
            row["weight"] += 1
            if day is not None:
                row["days"].append(day)
    got = coauthor_edges(papers, max_authors=5)
    assert [(u, v) for u, v, _, _ in got] == list(expected)
    for u, v, key, attrs in got:
        row = expected[(u, v)]
        want = {"type": "CO_AUTHORED", "weight": row["weight"]}
        if row["days"]:
            want |= {"first": min(row["days"]), "last": max(row["days"])}
        assert key == "CO_AUTHORED" and attrs == want and list(attrs) == list(want)


def test_another_papers_name_for_a_method_is_an_alias():
    # two versions of one work name the same component differently ("Foo Fusion" / "FF (Foo Fusion)");
    # the first name is kept and the other is an alias, as a day-by-day Neo4j load (aliases unioned) keeps it
    papers = [Paper(arxiv_id="2601.1", title="A", abstract="x"),
              Paper(arxiv_id="2601.2", title="B", abstract="y")]
    exs = [PaperExtraction("2601.1", methods=(MethodMention("foofusion", "Foo Fusion", "Foo Fusion"),)),
           PaperExtraction("2601.2", methods=(MethodMention("foofusion", "FF (Foo Fusion)", "FF", surfaces=("FF", "Foo Fusion")),))]
    node = build_graph(papers, [], exs).nodes["Method:foofusion"]
    assert node["name"] == "Foo Fusion" and node["aliases"] == ["FF", "FF (Foo Fusion)"]
