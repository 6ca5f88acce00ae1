"""The page the networks are drawn in: our own template, not pyvis's (which loads Bootstrap from a CDN).

The page takes its data from one ``<script type="application/json">`` block and builds every
piece of text with ``textContent`` / vis-network's plain-text tooltips / canvas and SVG text:
paper-derived strings never pass through an HTML parser. A Content-Security-Policy forbids any
network request. The script is ``kg/viz/app.js`` (package data), inlined.
"""
from __future__ import annotations

import functools
import importlib.resources
from string import Template

__all__ = ["PAGE", "app_js"]


@functools.lru_cache(maxsize=1)
def app_js() -> str:
    """The page's script, checked safe to inline (it cannot end its own element)."""
    js = (importlib.resources.files("kg.viz") / "app.js").read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js:
        raise RuntimeError("kg/viz/app.js cannot be inlined safely")
    return js


PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>$title</title>
<style>$vis_css</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.35 system-ui, sans-serif; color: #222; }
  body { display: flex; flex-direction: column; }
  header { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0; }
  header .sub { color: #666; font-size: 12px; flex: 1 1 320px; }
  main { flex: 1; display: flex; min-height: 0; }
  #network { flex: 1; min-width: 0; background: #fff; }
  aside { width: 300px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 12px; font-size: 13px; }
  aside h2 { font-size: 13px; margin: 10px 0 4px; }
  .legend-item { display: flex; gap: 6px; align-items: flex-start; cursor: pointer; padding: 2px 0; user-select: none; }
  .legend-item.off { opacity: 0.35; text-decoration: line-through; }
  .swatch { flex: none; width: 12px; height: 12px; border-radius: 50%; margin-top: 3px; }
  .colour-bar { height: 12px; margin: 4px 0 2px; border-radius: 2px; }
  .ticks { display: flex; justify-content: space-between; color: #555; font-size: 11px; }
  .note { color: #666; font-size: 12px; margin-top: 6px; }
  #info ul { padding-left: 16px; margin: 4px 0; }
  #info li { margin: 3px 0; }
  #search-status { color: #a33; font-size: 12px; }
  div.vis-tooltip { white-space: pre-wrap; max-width: 420px; }
  body.kg-export header, body.kg-export aside { display: none; }
</style>
</head>
<body>
<header>
  <h1 id="kg-title"></h1>
  <span class="sub" id="kg-subtitle"></span>
  <span><input id="search" list="names" placeholder="find a node (name, alias, key)…" size="28" autocomplete="off">
  <datalist id="names"></datalist> <button id="show-all" type="button">show all</button>
  <span id="search-status"></span></span>
  <label>colour <select id="colour-mode"><option value="group">by group</option>
  <option value="overlay">by first-seen date</option></select></label>
  <span>save <button id="save-svg" type="button">SVG</button> <button id="save-png" type="button">PNG</button></span>
</header>
<main>
  <div id="network"></div>
  <aside>
    <h2>Colours (click to hide/show)</h2>
    <div id="legend"></div>
    <h2>Selected</h2>
    <div id="info">Click a node for details.</div>
  </aside>
</main>
<script type="application/json" id="kg-data">$data</script>
<script>$vis_js</script>
<script>$app_js</script>
</body>
</html>
""")
