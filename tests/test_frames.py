"""``kg.frames``: the graph as pandas DataFrames for notebooks, checked against the graph itself."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd
import pytest

import kg
from kg.frames import NODE_TABLES, REL_TABLES, end_columns
from kg.graph import count_by_label, count_by_type, edges_of, nodes_of
from kg.store.schema import NODE_KEYS, NODE_PROPERTIES, REL_PROPERTIES
from tests.conftest import EXAMPLES

DIGEST = EXAMPLES / "digests" / "2026-01-19.md"


@pytest.fixture(scope="module")
def result() -> kg.BuildResult:
    return kg.build([DIGEST])


@pytest.fixture(scope="module")
def f(result) -> kg.Frames:
    return result.frames()


def test_one_table_per_label_and_relationship_with_one_row_per_node_and_edge(result, f):
    labels, types = count_by_label(result.graph), count_by_type(result.graph)
    tables = f.tables()
    assert list(tables) == [*NODE_TABLES, *REL_TABLES]
    for name, label in NODE_TABLES.items():
        assert len(tables[name]) == labels.get(label, 0), name
    for name, rel_type in REL_TABLES.items():
        assert len(tables[name]) == types.get(rel_type, 0), name
    assert min(len(df) for df in tables.values()) > 0  # the digest has every kind of node and edge


def test_rows_hold_the_graphs_values(result, f):
    G = result.graph
    node, attrs = next(nodes_of(G, "Paper"))
    row = f.papers.set_index("arxiv_id").loc[attrs["arxiv_id"]]
    assert row["title"] == attrs["title"] and row["categories"] == attrs["categories"]
    assert row["first_seen"] == pd.Timestamp(attrs["first_seen"])
    mentions = sorted((G.nodes[u]["arxiv_id"], G.nodes[v]["key"], d["count"]) for u, v, d in edges_of(G, "MENTIONS"))
    assert sorted(f.mentions[["paper", "method", "count"]].itertuples(index=False, name=None)) == mentions
    positions = {(G.nodes[u]["key"], G.nodes[v]["arxiv_id"]): d["position"] for u, v, d in edges_of(G, "AUTHORED")}
    assert dict(zip(zip(f.authored["author"], f.authored["paper"]), f.authored["position"])) == positions


def test_papers_columns_count_linked_papers(result, f):
    G = result.graph
    per_method = Counter(G.nodes[v]["key"] for _, v, _ in edges_of(G, "MENTIONS"))
    assert dict(zip(f.methods["key"], f.methods["papers"])) == {k: per_method[k] for k in f.methods["key"]}
    per_author = Counter(G.nodes[u]["key"] for u, _, _ in edges_of(G, "AUTHORED"))
    assert dict(zip(f.authors["key"], f.authors["papers"])) == dict(per_author)
    assert f.digests["papers"].sum() == len(f.listed_in) == 103
    top = f.methods.nlargest(1, "papers").iloc[0]
    assert top["papers"] == max(per_method.values())


def test_dates_are_datetimes_and_lists_stay_lists(f):
    for df, column in [(f.papers, "first_seen"), (f.papers, "last_seen"), (f.digests, "date"),
                       (f.co_authored, "first"), (f.co_authored, "last")]:
        assert pd.api.types.is_datetime64_any_dtype(df[column]), column
    assert f.papers["first_seen"].dt.date.min().isoformat() == "2026-01-19"
    assert all(isinstance(x, list) for x in f.papers["categories"])
    assert all(isinstance(x, list) for x in f.mentions["sources"])


def test_symmetric_relationships_appear_once_per_pair(f):
    pairs = set(zip(f.co_authored["author_a"], f.co_authored["author_b"]))
    assert len(pairs) == len(f.co_authored) and not {(b, a) for a, b in pairs} & pairs
    assert (f.co_occurs["method_a"] != f.co_occurs["method_b"]).all()


def test_tables_join_on_their_keys(f):
    titled = f.mentions.merge(f.papers, left_on="paper", right_on="arxiv_id", validate="many_to_one")
    assert len(titled) == len(f.mentions) and titled["title"].notna().all()
    named = f.authored.merge(f.authors, left_on="author", right_on="key", validate="many_to_one")
    assert len(named) == len(f.authored)


def test_an_empty_graph_gives_empty_tables_with_every_column():
    f = kg.frames(nx.MultiDiGraph())
    for name, label in NODE_TABLES.items():
        df = getattr(f, name)
        assert df.empty and list(df.columns)[: len(NODE_PROPERTIES[label])] == list(NODE_PROPERTIES[label])
        assert NODE_KEYS[label] in df.columns
    for name, rel_type in REL_TABLES.items():
        df = getattr(f, name)
        assert df.empty and list(df.columns) == [*end_columns(rel_type), *REL_PROPERTIES[rel_type]]
    assert "papers=0" in repr(f)


def test_result_frames_is_kg_frames_of_the_graph(result, f):
    again = kg.frames(result.graph)
    for name, df in f.tables().items():
        pd.testing.assert_frame_equal(df, getattr(again, name), obj=name)
