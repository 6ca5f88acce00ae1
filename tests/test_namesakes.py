"""Probable merges (kg.namesakes): a planted merge under a common name is flagged; one person is not."""
from __future__ import annotations

from kg.graph import build_graph
from kg.namesakes import expected_namesakes, merge_summary, probable_merges
from kg.pipeline import BuildResult
from kg.records import ReadReport
from tests.viz_helpers import paper

# 40 other authors called "Wei ..." and 40 called "... Wang" make "Wei Wang" a common name;
# nobody else shares a word with "Xipeng Qiu".
CROWD = [paper(f"2601.0900{i:02d}", (f"Wei Other{i}", f"Someone{i} Wang")) for i in range(40)]


def names_of(G) -> dict[str, str]:  # noqa: ANN001
    return {n: d["name"] for n, d in G.nodes(data=True) if d["label"] == "Author"}


def papers_of(G) -> list[tuple[list[str], str]]:  # noqa: ANN001
    return [(list(G.pred[n]), d["primary_category"]) for n, d in G.nodes(data=True) if d["label"] == "Paper"]


def test_expected_namesakes_counts_the_other_bearers_of_each_part() -> None:
    names = ["Wei Wang", "Wei Li", "Lei Wang", "Solo"]
    assert expected_namesakes(names, population=16) == {"Wei Wang": 1.0, "Wei Li": 0.0, "Lei Wang": 0.0, "Solo": 0.0}


def test_two_people_under_a_common_name_are_flagged() -> None:
    # planted: two unrelated teams publish as "Wei Wang", three papers each
    lab_a = [paper(f"2601.0000{i}", ("Wei Wang", "Ann A", f"Student A{i}")) for i in range(3)]
    lab_b = [paper(f"2601.0001{i}", ("Wei Wang", "Bob B", f"Student B{i}")) for i in range(3)]
    G = build_graph(lab_a + lab_b + CROWD)
    evidence = probable_merges(papers_of(G), names_of(G))["Author:wei wang"]
    assert evidence.circles == (3, 3) and evidence.namesakes >= 10 and evidence.probable_merge
    assert G.nodes["Author:wei wang"]["probable_merge"] is True
    assert "6 papers in 2 co-author circles" in G.nodes["Author:wei wang"]["merge_evidence"]
    assert G.nodes["Author:ann a"]["probable_merge"] is False  # every author carries the flag


def test_one_person_with_one_lab_or_a_rare_name_is_not_flagged() -> None:
    one_lab = [paper(f"2601.0000{i}", ("Wei Wang", "Ann A", f"Student {i}")) for i in range(6)]  # one circle
    rare = [paper(f"2601.0002{i}", ("Xipeng Qiu", f"Team{i} Member")) for i in range(6)]  # six circles, rare name
    G = build_graph(one_lab + rare + CROWD)
    assert not G.nodes["Author:wei wang"]["probable_merge"]
    evidence = probable_merges(papers_of(G), names_of(G))["Author:xipeng qiu"]
    assert len(evidence.circles) == 6 and evidence.namesakes == 0.0 and not evidence.probable_merge


def test_unrelated_fields_flag_even_a_rare_name() -> None:
    physics = [paper(f"2601.0000{i}", ("Xipeng Qiu", "Ann A", f"P{i}"), categories=("hep-th",)) for i in range(2)]
    vision = [paper(f"2601.0001{i}", ("Xipeng Qiu", "Bob B", f"V{i}"), categories=("cs.CV",)) for i in range(2)]
    G = build_graph(physics + vision)
    evidence = probable_merges(papers_of(G), names_of(G))["Author:xipeng qiu"]
    assert evidence.disjoint_fields and evidence.probable_merge
    same_field = build_graph([paper(p.arxiv_id, p.authors, categories=("cs.LG",)) for p in physics + vision])
    assert not probable_merges(papers_of(same_field), names_of(same_field))["Author:xipeng qiu"].probable_merge


def test_the_build_summary_counts_probable_merges() -> None:
    lab_a = [paper(f"2601.0000{i}", ("Wei Wang", "Ann A", f"Student A{i}")) for i in range(3)]
    lab_b = [paper(f"2601.0001{i}", ("Wei Wang", "Bob B", f"Student B{i}")) for i in range(3)]
    papers = lab_a + lab_b + CROWD
    G = build_graph(papers)
    assert merge_summary(G) == {"authors": 1, "examples": [
        {"name": "Wei Wang", "papers": 6, "evidence": G.nodes["Author:wei wang"]["merge_evidence"]}]}
    summary = BuildResult(G, papers, [], [], ReadReport()).summary()
    assert summary["probable_author_merges"]["authors"] == 1


def test_circles_and_namesakes_equal_the_graph_and_table_definitions():
    """Union-find circles = connected components of the shared-co-author graph; one-name namesakes = the table."""
    import random

    import networkx as nx

    from kg.namesakes import _namesake_counter, coauthor_circles, expected_namesakes

    rng = random.Random(11)
    people = [f"p{i}" for i in range(25)]
    for _ in range(40):
        papers = [["me", *rng.sample(people, rng.randint(0, 3))] for _ in range(rng.randint(1, 12))]
        H = nx.Graph()
        H.add_nodes_from(range(len(papers)))
        H.add_edges_from((i, j) for i in range(len(papers)) for j in range(i) if set(papers[i]) & set(papers[j]) - {"me"})
        expected = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
        assert coauthor_circles("me", papers) == expected
    names = [f"{rng.choice(['Wei', 'Lei', 'Ann', 'Bo Yu'])} {rng.choice(['Wang', 'Li', 'Lee'])}" for _ in range(60)] + ["Plato", ""]
    table, one = expected_namesakes(names), _namesake_counter(names)
    assert all(one(name) == table[name] for name in names) and max(table.values()) > 0
