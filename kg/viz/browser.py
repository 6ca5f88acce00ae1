"""Open generated pages in headless Chromium with the network cut off, and report what happened.

Used by the browser test and ``bench/bench_viz.py``. Needs Playwright (a test extra, imported
lazily) and a Chromium binary: Debian's ``/usr/bin/chromium``, since Playwright's own browser
download cannot work offline.
"""
from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "PageCheck", "check_pages", "offline_browser", "pixel_stdev"]

#: The browser: Debian's chromium unless ``KG_CHROMIUM`` names another binary.
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


@dataclass(slots=True)
class PageCheck:
    """What one page did in the browser.

    Attributes:
        path: the page.
        ready_ms: milliseconds from navigation start to ``window.KG_READY`` (the first draw).
        wall_s: seconds from ``goto`` to ready, as measured outside the browser.
        node_count: ``window.KG_NODE_COUNT``.
        console_errors: console errors and uncaught exceptions.
        requests: non-``file:``/``data:`` requests the page attempted (all were blocked).
        dialogs: messages of any ``alert``/``confirm``/``prompt`` (an executed payload).
        pwned: the value of ``window.KG_PWNED`` (``None`` when never set).
        canvas_stdev: standard deviation of the canvas screenshot's grey levels (0 = blank).
    """

    path: str
    ready_ms: float = 0.0
    wall_s: float = 0.0
    node_count: int | None = None
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pwned: Any = None
    canvas_stdev: float = 0.0


def pixel_stdev(png: bytes) -> float:
    """Standard deviation of the grey levels of a PNG (0.0 for a uniform image)."""
    from PIL import Image, ImageStat

    with Image.open(io.BytesIO(png)) as image:
        return float(ImageStat.Stat(image.convert("L")).stddev[0])


def _check_one(context: Any, path: Path, timeout_s: float, requests: list[str]) -> PageCheck:
    check = PageCheck(str(path))
    page = context.new_page()
    page.on("console", lambda msg: check.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: check.console_errors.append(f"uncaught: {exc}"))

    def on_dialog(dialog: Any) -> None:
        check.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    seen = len(requests)
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.KG_READY === true", timeout=timeout_s * 1000)
    check.wall_s = time.perf_counter() - start
    check.ready_ms = float(page.evaluate("window.KG_READY_MS"))
    check.node_count = page.evaluate("window.KG_NODE_COUNT")
    page.wait_for_timeout(200)  # give any injected handler (img onerror, ...) its chance to fire
    check.pwned = page.evaluate("window.KG_PWNED === undefined ? null : window.KG_PWNED")
    check.canvas_stdev = pixel_stdev(page.locator("#network canvas").screenshot())
    check.requests = requests[seen:]
    page.close()
    return check


@contextlib.contextmanager
def offline_browser(executable: str = CHROMIUM) -> Iterator[tuple[Any, list[str]]]:
    """A fresh headless Chromium profile (Playwright context) with every non-``file:``/``data:`` request aborted.

    Yields:
        ``(context, requests)``: the context, and the list the blocked URLs are appended to.
    """
    from playwright.sync_api import sync_playwright

    requests: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            requests.append(url)
            r.abort()

    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS, offline=True,
            viewport={"width": 1280, "height": 800})
        try:
            context.route("**/*", route)
            yield context, requests
        finally:
            context.close()


def check_pages(
    paths: Iterable[str | os.PathLike[str]], *, executable: str = CHROMIUM, timeout_s: float = 60.0,
) -> list[PageCheck]:
    """Open each page from ``file://`` in one fresh offline browser (see :func:`offline_browser`).

    Args:
        paths: HTML files.
        executable: the Chromium binary.
        timeout_s: how long to wait for ``window.KG_READY`` per page.

    Returns:
        One :class:`PageCheck` per page, in order.
    """
    with offline_browser(executable) as (context, requests):
        return [_check_one(context, Path(p), timeout_s, requests) for p in paths]
