"""Static pictures of any network page: SVG or PNG, made by the page itself in headless Chromium.

The page draws its own SVG (nodes, edges, the placed labels, the legend; see ``app.js``) and
rasterises it for PNG, so a picture and the page never disagree. Here Chromium opens the page
from ``file://`` with ``#kg-export=svg|png`` and ``--dump-dom``; the page writes the picture,
base64-encoded, into ``<pre id="kg-export-out">``, which we decode. Needs only a Chromium binary
(``KG_CHROMIUM`` or ``/usr/bin/chromium``), no Python browser driver.
"""
from __future__ import annotations

import base64
import os
import re
import subprocess
import tempfile
from pathlib import Path

from kg.errors import KgError
from kg.viz.browser import CHROMIUM, CHROMIUM_ARGS

__all__ = ["export_image"]

_OUT = re.compile(r'<pre id="kg-export-out" data-format="(svg|png|error)">([^<]*)</pre>')


def export_image(
    page: str | os.PathLike[str], out: str | os.PathLike[str], *, width: int = 1600, height: int = 1000,
    scale: float = 2.0, executable: str = CHROMIUM, timeout_s: float = 180.0,
) -> Path:
    """Write the picture of the network ``page`` (an HTML file ``kg viz`` wrote) to ``out`` (.svg or .png).

    Args:
        page: the HTML page.
        out: the picture; its suffix (``.svg`` or ``.png``) chooses the format.
        width: window width in pixels (the legend column is added to it).
        height: window height in pixels.
        scale: PNG pixels per page pixel (2 for slides and print).
        executable: the Chromium binary.
        timeout_s: give up after this long.

    Raises:
        KgError: unknown suffix, missing page or browser, or a page that made no picture.
    """
    page, out = Path(page), Path(out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise KgError(f"{out}: the picture must end in .svg or .png")
    if not page.is_file():
        raise KgError(f"{page}: no such page")
    if not Path(executable).exists():
        raise KgError(f"{executable} not found: install chromium or set KG_CHROMIUM (or use the page's Save buttons)")
    url = page.resolve().as_uri() + f"#kg-export={fmt}&scale={scale:g}"
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        command = [executable, *CHROMIUM_ARGS, f"--user-data-dir={profile}", f"--window-size={int(width)},{int(height)}",
                   "--virtual-time-budget=60000", "--dump-dom", url]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise KgError(f"{page}: chromium took more than {timeout_s:.0f} s to draw the picture") from None
    match = _OUT.search(done.stdout)
    if not match or match.group(1) != fmt:
        why = match.group(2) if match else f"exit status {done.returncode}"
        raise KgError(f"{page}: the page made no {fmt.upper()} ({why}); is it a kg network page?")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(base64.b64decode(match.group(2)))
    return out
