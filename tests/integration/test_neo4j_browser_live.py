"""The Neo4j Browser, served by the test server at /browser (org.neo4j.client:neo4j-browser 5.24.0 on the class
path), driven in headless Chromium: connect, run a library query as a user would (its `:params` line first, then
the file as written) and see its rows. Needs NEO4J_HTTP_URL (the test server's settings file has it)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from kg.store.cypher_files import query_files
from kg.store.neo4j import run_query
from kg.viz.browser import CHROMIUM, CHROMIUM_ARGS
from tests.integration.helpers import load

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:")


@pytest.fixture(scope="module")
def loaded(empty_db_module: Any, settings: Any) -> Any:
    import kg

    load(settings, kg.build([ROOT / "examples"]).graph)  # the :params defaults name its authors and methods
    return empty_db_module


def _params_line(text: str) -> str:
    return next(line[2:].strip() for line in text.splitlines() if line.startswith("//   :params"))


@pytest.mark.parametrize("name", ["top_methods", "coauthor_network"])
def test_browser_connects_and_runs_a_library_query(loaded: Any, settings: Any, name: str) -> None:
    http = os.environ.get("NEO4J_HTTP_URL")
    if not http:
        pytest.skip("set NEO4J_HTTP_URL (the Browser's server), as tests/neo4j/server's settings file does")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    query = query_files()[name]
    _, rows = run_query(settings, query.text, {**query.defaults, **query.example})
    assert rows, name
    expect = str(rows[0][0] if name == "top_methods" else rows[0][2]["name"])  # a method / a co-author
    blocked: list[str] = []

    def route(r: Any) -> None:  # the Browser asks for web fonts; nothing leaves this machine
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    host_port = settings.uri.split("://", 1)[1]
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-browser-") as profile:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                        viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            context.route("**/*", route)
            page.goto(f"{http.rstrip('/')}/browser/?dbms=bolt://{settings.user}@{host_port}", timeout=120_000)
            page.fill('[data-testid="password"]', settings.password, timeout=60_000)
            page.click('[data-testid="connect"]')
            page.wait_for_selector('[data-testid="disconnectedBanner"]', state="detached", timeout=60_000)
            for text in (_params_line(query.text), query.text):  # as a user pastes them
                page.click('[data-testid="activeEditor"]')
                page.keyboard.insert_text(text)
                page.click('[data-testid="editor-Run"]')
                page.wait_for_timeout(500)
            # the query's own frame (the Browser may add a welcome frame above it after connecting)
            header = query.text.splitlines()[0].lstrip("/ ")[:30]
            frame = page.locator('[data-testid="frame"]').filter(has_text=header).first
            # the result frame: a graph is drawn for nodes, the rows are in its table view
            table = frame.get_by_text("Table", exact=True).first
            table.wait_for(timeout=120_000)
            table.click()
            frame.get_by_text("Started streaming", exact=False).first.wait_for(timeout=60_000)
            content = frame.inner_text()
        finally:
            page.screenshot(path=os.path.join(tempfile.gettempdir(), f"kg-browser-{name}.png"))
            context.close()
    assert "ERROR" not in content, content[:500]
    assert expect in content, content[:800]
