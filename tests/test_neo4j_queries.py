"""The cypher/queries library: headers, parameters, and example values that exist in the sample data.

(Syntax and schema names are checked by tests/test_cypher_lint.py; running them needs a server:
tests/integration/test_neo4j_queries_live.py.)
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from kg.graph import edges_of, nodes_of
from kg.store.cypher_files import QueryFile, cypher_dir, parse_query, query_files, split_statements

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = [ROOT / "examples", ROOT / "tests" / "fixtures" / "neo4j" / "2026-01-14_AI_enhanced_Chinese.jsonl"]
REQUIRED = {
    "top_methods", "method_trend", "rising_methods", "new_methods", "cooccurring_methods", "proposing_papers",
    "method_authors", "prolific_authors", "collaborative_authors", "coauthor_network", "collaboration_path",
    "category_mix", "method_code", "cross_category_papers", "search_papers", "method_aliases",
}
QUERIES = query_files()


def _body(q: QueryFile) -> str:
    return "\n".join(line for line in q.text.splitlines() if not line.startswith("//"))


def test_library_has_the_required_queries() -> None:
    assert REQUIRED <= set(QUERIES) and len(QUERIES) >= 16


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_declares_exactly_the_parameters_used(name: str) -> None:
    q = QUERIES[name]
    header = q.text.split("\n" + _body(q).lstrip("\n").splitlines()[0])[0]
    assert q.title and "Parameters:" in header and "Example:" in header and ":params {" in header
    used = set(re.findall(r"\$(\w+)", _body(q)))
    assert used == set(q.defaults), f"declared {sorted(q.defaults)}, used {sorted(used)}"
    assert q.example == q.defaults  # the Browser example runs what `kg query` runs by default


def test_header_parsing() -> None:
    text = ("// What it answers,\n// over two lines.\n// Parameters:\n//   $limit (int, default 5): rows\n"
            "//   $name (string, default 'a, b'): a name\n//   $until (string, default null): day\n"
            "// Example:\n//   :params {limit: 5, name: 'a, b', until: null}\nRETURN $limit, $name, $until\n")
    q = parse_query("x", Path("x.cypher"), text)
    assert q.title == "What it answers, over two lines."
    assert q.defaults == {"limit": 5, "name": "a, b", "until": None}
    assert q.example == q.defaults


def test_split_statements_keeps_multiline_statements() -> None:
    text = (cypher_dir() / "schema.cypher").read_text(encoding="utf-8")
    statements = split_statements(text)
    ends = sum(1 for line in text.splitlines() if line.rstrip().endswith(";") and not line.startswith("//"))
    assert len(statements) == ends == 14 and all(s.startswith("CREATE ") for s in statements)
    assert split_statements("MATCH (n)\nRETURN n;\n// c\nRETURN 1") == ["MATCH (n)\nRETURN n", "RETURN 1"]


@pytest.fixture(scope="module")
def sample() -> nx.MultiDiGraph:
    import kg

    return kg.build(SAMPLE).graph


def _method_exists(G: nx.MultiDiGraph, text: str) -> bool:
    text = text.lower()
    mentioned = {v for _, v, _ in edges_of(G, "MENTIONS")}
    return any(n in mentioned and (d["key"] == text or d["name"].lower() == text
                                   or text in [a.lower() for a in d.get("aliases", [])])
               for n, d in nodes_of(G, "Method"))


def _author(G: nx.MultiDiGraph, text: str) -> str | None:
    return next((n for n, d in nodes_of(G, "Author") if d["key"] == text.lower() or d["name"].lower() == text.lower()),
                None)


def test_example_values_exist_in_the_sample(sample: nx.MultiDiGraph) -> None:
    """So the live test's "returns rows" holds: methods, authors, paths and search words are in the sample."""
    G = sample
    for q in QUERIES.values():
        if q.example.get("method"):
            assert _method_exists(G, q.example["method"]), q.name
        for key in ("author", "author_a", "author_b"):
            if key in q.example:
                assert _author(G, q.example[key]), (q.name, q.example[key])
    path = QUERIES["collaboration_path"].example
    coauthors = nx.Graph([(u, v) for u, v, _ in edges_of(G, "CO_AUTHORED")])
    hops = nx.shortest_path_length(coauthors, _author(G, path["author_a"]), _author(G, path["author_b"]))
    assert 1 <= hops <= 8
    text = QUERIES["search_papers"].example["text"].lower()
    assert any(text in (d["title"] + d.get("abstract", "")).lower() for _, d in nodes_of(G, "Paper"))
    assert any(len(d["categories"]) >= QUERIES["cross_category_papers"].example["min_categories"]
               for _, d in nodes_of(G, "Paper"))
    for rel_type in ("PROPOSES", "HAS_CODE", "USES_DATASET", "CO_OCCURS"):
        assert next(edges_of(G, rel_type), None) is not None, rel_type


def test_cypher_dir_is_found_and_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.errors import KgError

    assert cypher_dir() == ROOT / "cypher"  # a checkout: next to the package
    (tmp_path / "schema.cypher").write_text("RETURN 1;\n", encoding="utf-8")
    monkeypatch.setenv("KG_CYPHER_DIR", str(tmp_path))
    assert cypher_dir() == tmp_path
    import kg.store.cypher_files as cf

    monkeypatch.setenv("KG_CYPHER_DIR", str(tmp_path / "missing"))
    monkeypatch.setattr(cf, "_PACKAGE", tmp_path / "site-packages" / "kg")
    with pytest.raises(KgError, match="cypher/ folder not found"):
        cypher_dir()
