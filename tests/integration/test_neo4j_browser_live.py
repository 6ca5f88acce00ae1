"""The Neo4j Browser, served by the test server at /browser (org.neo4j.client:neo4j-browser 5.24.0 on the class
path), driven in headless Chromium: connect, run a library query as a user would (its `:params` line first, then
the file as written) and see its rows. Needs NEO4J_HTTP_URL (the test server's settings file has it).

Every step waits for the state the Browser shows, never for a fixed time: on a loaded machine connecting takes
seconds, and a query typed before the Browser is connected (or before `:params` has been evaluated, which the
Browser does on the server) ends in an error frame instead of a table. On failure the page is saved as a PNG
under the test's tmp_path and the message names it."""
from __future__ import annotations

import os
import re
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
#: Generous: two cores shared by several test runs make the Browser's first connect take tens of seconds.
STEP_MS = 120_000


@pytest.fixture(scope="module")
def loaded(empty_db_module: Any, settings: Any) -> Any:
    import kg

    load(settings, kg.build([ROOT / "examples"]).graph)  # the :params defaults name its authors and methods
    return empty_db_module


def _params_line(text: str) -> str:
    return next(line[2:].strip() for line in text.splitlines() if line.startswith("//   :params"))


def _run_in_editor(page: Any, text: str) -> None:
    """Paste ``text`` into the Browser's main editor and run it, as a user does.

    The editor is emptied first and the text is seen in it before Run: the Browser clears the editor after a
    run on its own schedule, and a paste landing before that clearing would be lost or appended."""
    editor = page.locator('[data-testid="activeEditor"]')
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)
    editor.filter(has_text=text.strip().splitlines()[-1][:24]).wait_for()  # it scrolls to the pasted end
    page.click('[data-testid="editor-Run"]')


def _frame(page: Any, text: str) -> Any:
    """The newest frame (frames stack newest first) showing ``text``."""
    return page.locator('[data-testid="frame"]').filter(has_text=text).first


@pytest.mark.parametrize("name", ["top_methods", "coauthor_network"])
def test_browser_connects_and_runs_a_library_query(loaded: Any, settings: Any, name: str, tmp_path: Path) -> None:
    http = os.environ.get("NEO4J_HTTP_URL")
    if not http:
        pytest.skip("set NEO4J_HTTP_URL (the Browser's server), as tests/neo4j/server's settings file does")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM}")
    from playwright.sync_api import Error as PlaywrightError, sync_playwright

    query = query_files()[name]
    _, rows = run_query(settings, query.text, {**query.defaults, **query.example})
    assert rows, name
    expect = str(rows[0][0] if name == "top_methods" else rows[0][2]["name"])  # a method / a co-author
    params = _params_line(query.text)
    blocked: list[str] = []

    def route(r: Any) -> None:  # the Browser asks for web fonts; nothing leaves this machine
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    host_port = settings.uri.split("://", 1)[1]
    shot = tmp_path / f"browser-{name}.png"
    step = "open the Browser"
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-browser-") as profile:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                                                        viewport={"width": 1280, "height": 900})
        context.set_default_timeout(STEP_MS)
        page = context.new_page()
        try:
            context.route("**/*", route)
            page.goto(f"{http.rstrip('/')}/browser/?dbms=bolt://{settings.user}@{host_port}")
            step = "connect"
            page.fill('[data-testid="password"]', settings.password)
            page.click('[data-testid="connect"]')
            # The connect frame turns into this once Bolt is up (there is no banner to wait for going away).
            _frame(page, "You are connected as user").wait_for()
            step = f"set the parameters ({params})"
            _run_in_editor(page, params)
            # The Browser evaluates the map on the server, then prints it as JSON: keys in double quotes.
            evaluated = _frame(page, params)
            for key in query.example:
                evaluated.get_by_text(f'"{key}"', exact=False).first.wait_for()
            step = "run the query"
            _run_in_editor(page, query.text)
            # The query's own frame (a welcome frame can come above it): its header is the file's first line.
            frame = _frame(page, query.text.splitlines()[0].lstrip("/ ")[:30])
            # A result (the rows' Table view; nodes are drawn as a graph first) or an error, whichever comes
            # (the error badge reads "ERROR" on screen, "Error" in the DOM).
            table = frame.get_by_text("Table", exact=True).first
            error = frame.get_by_text(re.compile(r"^\s*error\s*$", re.IGNORECASE)).first
            table.or_(error).wait_for()
            assert not error.is_visible(), f"the Browser ran {name} into an error: {frame.inner_text()[-400:]}"
            step = "show the rows"
            table.click()
            frame.get_by_text("Started streaming", exact=False).first.or_(error).wait_for()
            assert not error.is_visible(), f"the Browser ran {name} into an error: {frame.inner_text()[-400:]}"
            content = frame.inner_text()
        except (PlaywrightError, AssertionError) as exc:
            page.screenshot(path=str(shot))
            raise AssertionError(f"Browser step '{step}' failed (screenshot: {shot}): {exc}") from exc
        finally:
            context.close()
    assert "ERROR" not in content, content[:500]
    assert expect in content, f"no row with {expect!r} in the Browser's table: {content[:800]}"
