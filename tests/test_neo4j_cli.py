"""`kg load`, `kg export neo4j-import`, `kg query` (no server: a driver double or a closed port)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kg.cli
import kg.store.neo4j as store
from kg.cli.neo4j_cmd import format_table, parse_param, query_params
from kg.errors import KgError
from kg.store.cypher_files import query_files
from tests.neo4j_doubles import FakeDriver

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ENV = {"NEO4J_URI": "neo4j://db.example:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "s3cret-pass",
       "NEO4J_DATABASE": "neo4j", "CI": "1"}


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> FakeDriver:
    fake = FakeDriver()
    monkeypatch.setattr(store, "_default_driver_factory", fake.factory)
    return fake


def invoke(args: list[str], **env: str) -> Any:
    return CliRunner().invoke(kg.cli.app, args, env={**ENV, **env})


def test_dry_run_prints_statements_and_batch_counts_without_connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_connection(*_: Any) -> None:
        raise AssertionError("--dry-run must not connect")

    monkeypatch.setattr(store, "_default_driver_factory", no_connection)
    result = invoke(["load", str(EXAMPLES), "--dry-run", "--no-extract", "--batch-size", "100"])
    assert result.exit_code == 0, result.output
    import kg

    papers = kg.build([EXAMPLES], extract=False).graph
    n = sum(1 for _, d in papers.nodes(data=True) if d["label"] == "Paper")
    assert f"// Paper: {n} rows in {-(-n // 100)} batches of <= 100" in result.stdout
    assert "CREATE CONSTRAINT paper_arxiv_id IF NOT EXISTS" in result.stdout
    assert "MERGE (p:Paper {arxiv_id: row.key})" in result.stdout


def test_load_reports_what_it_wrote(driver: FakeDriver) -> None:
    result = invoke(["load", str(EXAMPLES), "--no-extract", "--batch-size", "50", "--uri", "bolt://other:7687",
                     "--database", "arxiv"])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.stdout and "rows/s" in result.stdout
    assert driver.uri == "bolt://other:7687" and driver.auth == ("neo4j", "s3cret-pass")
    assert {c.database for c in driver.calls} == {"arxiv"}
    assert max(len(c.params["rows"]) for c in driver.writes() if "rows" in c.params) == 50


def test_load_unreachable_server_is_one_line_error() -> None:
    result = invoke(["load", str(EXAMPLES), "--no-extract"], NEO4J_URI="bolt://127.0.0.1:1")
    assert isinstance(result.exception, KgError)
    assert str(result.exception).startswith("cannot reach Neo4j at bolt://127.0.0.1:1")


def test_load_without_password_is_refused(monkeypatch: pytest.MonkeyPatch, driver: FakeDriver) -> None:
    result = CliRunner().invoke(kg.cli.app, ["load", str(EXAMPLES), "--no-extract"],
                                env={"NEO4J_PASSWORD": "", "CI": "1"})
    assert isinstance(result.exception, KgError) and "NEO4J_PASSWORD" in str(result.exception)
    assert driver.calls == []


def test_export_neo4j_import(tmp_path: Path) -> None:
    out = tmp_path / "import"
    result = invoke(["export", "neo4j-import", str(EXAMPLES), "--out", str(out), "--no-extract"])
    assert result.exit_code == 0, result.output
    assert (out / "nodes" / "Paper.csv").is_file() and (out / "import.sh").is_file()
    assert "neo4j-admin database import full neo4j" in result.stdout


def test_query_runs_a_library_file_with_header_defaults(driver: FakeDriver) -> None:
    driver.read_rows = [{"method": "LoRA", "key": "lora", "group": "peft", "papers": 3}]
    result = invoke(["query", "top_methods", "--param", "limit=3", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"method": "LoRA", "key": "lora", "group": "peft", "papers": 3}]
    (call,) = [c for c in driver.calls if c.kind == "read"]
    assert call.text == query_files()["top_methods"].text
    assert call.params == {"limit": 3, "min_papers": 1}


def test_query_table_output(driver: FakeDriver) -> None:
    driver.read_rows = [{"method": "LoRA", "papers": 3}, {"method": "Vision Transformer", "papers": 12}]
    result = invoke(["query", "top_methods"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["method", "papers"]
    assert lines[3].split() == ["Vision", "Transformer", "12"]


def test_query_unknown_parameter_or_name_is_an_error(driver: FakeDriver) -> None:
    result = invoke(["query", "top_methods", "--param", "limt=3"])
    assert isinstance(result.exception, KgError) and "limit, min_papers" in str(result.exception)
    result = invoke(["query", "no_such_query"])
    assert isinstance(result.exception, KgError) and "top_methods" in str(result.exception)


def test_query_list() -> None:
    result = invoke(["query", "--list"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(query_files()) >= 16
    assert any(line.startswith("rising_methods: Rising methods") for line in result.stdout.splitlines())


@pytest.mark.parametrize(("text", "expected"), [
    ("limit=10", ("limit", 10)), ("ratio=1.5", ("ratio", 1.5)), ("primary_only=false", ("primary_only", False)),
    ("until=null", ("until", None)), ("method=LoRA", ("method", "LoRA")), ("until=2026-01-20", ("until", "2026-01-20")),
    ('text="exact phrase"', ("text", '"exact phrase"')), ("author=a=b", ("author", "a=b")),
])
def test_parse_param(text: str, expected: tuple[str, Any]) -> None:
    assert parse_param(text) == expected


def test_parse_param_errors() -> None:
    with pytest.raises(KgError, match="key=value"):
        parse_param("limit")
    assert query_params({"a": 1, "b": None}, ["b=x"], "q") == {"a": 1, "b": "x"}


def test_format_table_renders_nodes_paths_and_newlines() -> None:
    node = {"_labels": ["Author"], "name": "Ann Lee"}
    text = format_table(["who", "path", "note"], [[node, {"_path": [node, {"_labels": ["Author"], "name": "Bo"}]}, "a\nb"]])
    assert text.splitlines()[2].split("  ")[0] == "(Author Ann Lee)"
    assert "(Author Ann Lee) - (Author Bo)" in text and "a b" in text
