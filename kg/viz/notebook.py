"""Show a generated page inside a notebook (Jupyter, VS Code, nbviewer)."""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

__all__ = ["inline"]


def inline(page: str | os.PathLike[str], *, height: int = 650) -> Any:
    """An ``IPython.display.HTML`` holding the page in a sandboxed ``<iframe srcdoc>``.

    ``srcdoc`` keeps the output self-contained (no file served next to the notebook); the
    sandbox gives the page its own origin, so its script cannot reach the notebook.

    Args:
        page: a generated HTML file, or the HTML text itself.
        height: frame height in pixels.
    """
    from IPython.display import HTML

    text = str(page)
    if not text.lstrip().startswith("<"):
        text = Path(page).read_text(encoding="utf-8")
    # wrapped in a <div>: IPython warns about HTML that starts with <iframe
    return HTML(f'<div><iframe srcdoc="{html.escape(text, quote=True)}" '
                'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe></div>')
