"""The generated pages in a real browser: headless Chromium, file://, network cut off.

Skipped when /usr/bin/chromium is missing, except in CI (``CI=true``), where it must be there.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.viz import write_coauthor_html, write_topic_html
from kg.viz.browser import CHROMIUM, PageCheck, check_pages, offline_browser
from tests.test_viz_cli import DIGESTS, run
from tests.viz_helpers import HOSTILE_AUTHOR, HOSTILE_TITLE, synthetic_graph

pytestmark = pytest.mark.browser

def _missing() -> str:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (python) is not installed"
    return ""


if _missing():
    if os.environ.get("CI", "").lower() == "true":  # CI installs both: a silent skip there would hide a regression
        pytest.fail(f"{_missing()} but CI=true", pytrace=False)
    pytest.skip(_missing(), allow_module_level=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, PageCheck]]:
    """Each page with the node count its command reported and what the browser saw."""
    out = tmp_path_factory.mktemp("pages")
    reported: dict[str, int] = {}
    commands = {
        "coauthors": ("viz", "coauthors", DIGESTS),
        "topics": ("viz", "topics", DIGESTS, "--with-categories"),
        "ego-author": ("viz", "ego", "ann lee", DIGESTS, "--depth", "2"),
        "ego-hostile": ("viz", "ego", "</script><script>window.KG_PWNED=1</script>", DIGESTS),
    }
    for name, args in commands.items():
        reported[name] = run(*args, "--out", str(out / f"{name}.html"))[0]["nodes"]
    G = synthetic_graph(1200, 900)  # a bigger picture, hostile strings included
    reported["synthetic-coauthors"] = write_coauthor_html(G, out / "synthetic-coauthors.html").nodes
    reported["synthetic-topics"] = write_topic_html(G, out / "synthetic-topics.html", with_categories=True).nodes
    checks = check_pages([out / f"{name}.html" for name in reported], timeout_s=30)
    return {name: (reported[name], check) for name, check in zip(reported, checks)}


NAMES = ["coauthors", "topics", "ego-author", "ego-hostile", "synthetic-coauthors", "synthetic-topics"]


@pytest.mark.parametrize("name", NAMES)
def test_page_draws_offline_without_errors(pages: dict[str, tuple[int, PageCheck]], name: str) -> None:
    reported, check = pages[name]
    assert check.console_errors == []
    assert check.requests == []  # nothing but file: and data: was even attempted
    assert check.node_count == reported > 0
    assert check.canvas_stdev > 3.0, "the canvas looks blank"


@pytest.mark.parametrize("name", NAMES)
def test_injected_markup_never_runs(pages: dict[str, tuple[int, PageCheck]], name: str) -> None:
    _, check = pages[name]
    assert check.dialogs == []  # alert(1) from the <img onerror> title
    assert check.pwned is None  # window.KG_PWNED from the </script> author, the onerror title, the svg method


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The detectors themselves: an unsafe page and a blank one are caught."""
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text('<html><body><div id="network"><canvas width="50" height="50"></canvas></div>'
                      '<img src="x" onerror="window.KG_PWNED=1"><img src="http://example.invalid/x.png">'
                      '<script>window.KG_NODE_COUNT=0;window.KG_READY_MS=1;window.KG_READY=true;'
                      'console.error("boom")</script></body></html>', encoding="utf-8")
    (check,) = check_pages([unsafe], timeout_s=10)
    assert check.pwned == 1
    assert check.canvas_stdev == 0.0
    assert "boom" in check.console_errors
    assert check.requests == ["http://example.invalid/x.png"]


def test_legend_search_and_details_panel(tmp_path: Path) -> None:
    """Hide a colour from the legend, find a node by name, read its papers in the side panel."""
    page_path = tmp_path / "co.html"
    write_coauthor_html(synthetic_graph(200, 120), page_path)
    with offline_browser() as (context, requests):
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.KG_READY === true")
        hidden = "kgNetwork.body.data.nodes.get({filter: n => n.hidden === true}).length"
        page.locator(".legend-item").first.click()
        assert page.evaluate(hidden) > 0
        page.click("#show-all")
        assert page.evaluate(hidden) == 0
        page.fill("#search", HOSTILE_AUTHOR)
        page.dispatch_event("#search", "change")
        assert page.evaluate("kgNetwork.getSelectedNodes().length") == 1
        info = page.locator("#info")
        assert info.locator("strong").inner_text() == HOSTILE_AUTHOR  # shown as text
        link = info.locator("a", has_text=HOSTILE_TITLE)
        assert link.get_attribute("href") == "https://arxiv.org/abs/2601.99999"
        page.wait_for_timeout(200)
        assert page.evaluate("window.KG_PWNED === undefined") and not errors and not requests
