"""The page the networks are drawn in: our own template, not pyvis's (which loads Bootstrap from a CDN).

Kept as Python strings (not data files) so an installed wheel always has them.
The page takes its data from one ``<script type="application/json">`` block and builds every
piece of text with ``textContent`` / vis-network's plain-text tooltips: paper-derived strings
never pass through an HTML parser. A Content-Security-Policy forbids any network request.
"""
from __future__ import annotations

from string import Template

__all__ = ["PAGE", "APP_JS"]

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
  header .sub { color: #666; font-size: 12px; }
  main { flex: 1; display: flex; min-height: 0; }
  #network { flex: 1; min-width: 0; background: #fff; }
  aside { width: 300px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 12px; font-size: 13px; }
  aside h2 { font-size: 13px; margin: 10px 0 4px; }
  .legend-item { display: flex; gap: 6px; align-items: flex-start; cursor: pointer; padding: 2px 0; user-select: none; }
  .legend-item.off { opacity: 0.35; text-decoration: line-through; }
  .swatch { flex: none; width: 12px; height: 12px; border-radius: 50%; margin-top: 3px; }
  #info ul { padding-left: 16px; margin: 4px 0; }
  #info li { margin: 3px 0; }
  #search-status { color: #a33; font-size: 12px; }
  div.vis-tooltip { white-space: pre-wrap; max-width: 420px; }
</style>
</head>
<body>
<header>
  <h1 id="kg-title"></h1>
  <span class="sub" id="kg-subtitle"></span>
  <span><input id="search" list="names" placeholder="find a node…" size="28" autocomplete="off">
  <datalist id="names"></datalist> <button id="show-all" type="button">show all</button>
  <span id="search-status"></span></span>
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

APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var colour = new Map(data.legend.map(function (g) { return [g.key, g.color]; }));
  var ARXIV = /^https:\/\/arxiv\.org\/abs\/[A-Za-z0-9.\/_-]+$/;
  window.KG_NODE_COUNT = data.nodes.length;
  window.KG_EDGE_COUNT = data.edges.length;
  document.body.setAttribute("data-node-count", String(data.nodes.length));
  document.title = data.title;
  document.getElementById("kg-title").textContent = data.title;
  document.getElementById("kg-subtitle").textContent = data.subtitle;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {
      id: n.id, label: n.label, title: n.tooltip, value: n.value, x: n.x, y: n.y,
      shape: n.kind === "Category" ? "diamond" : "dot",
      color: { background: colour.get(n.group), border: n.center ? "#000000" : colour.get(n.group) },
      borderWidth: n.center ? 4 : 1
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, value: e.value, title: e.tooltip };
  }));
  var options = {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.edges.length > 3000 },
    nodes: {
      scaling: { min: 6, max: 40, label: { enabled: true, min: 11, max: 26, drawThreshold: 8, maxVisible: 26 } },
      font: { face: "system-ui, sans-serif" }
    },
    edges: { smooth: false, color: { color: "#9a9a9a", highlight: "#333333", hover: "#333333", opacity: 0.45 },
             scaling: { min: 0.5, max: 6 } }
  };
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, options);
  window.kgNetwork = network;  // for the browser test and for poking around in the console
  network.once("afterDrawing", function () {
    window.KG_READY_MS = performance.now();
    window.KG_READY = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.fit({ animation: false });

  // Legend: one row per colour; a click hides or shows that group (never everything silently).
  var hidden = new Set();
  function applyHidden() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: hidden.has(n.group) }; }));
  }
  var legend = document.getElementById("legend");
  data.legend.forEach(function (g) {
    var row = el("div");
    row.className = "legend-item";
    var swatch = el("span");
    swatch.className = "swatch";
    swatch.style.background = g.color;
    row.appendChild(swatch);
    row.appendChild(el("span", g.label));
    row.addEventListener("click", function () {
      if (hidden.has(g.key)) { hidden.delete(g.key); row.classList.remove("off"); }
      else { hidden.add(g.key); row.classList.add("off"); }
      applyHidden();
    });
    legend.appendChild(row);
  });
  document.getElementById("show-all").addEventListener("click", function () {
    hidden.clear();
    legend.querySelectorAll(".legend-item").forEach(function (r) { r.classList.remove("off"); });
    applyHidden();
    network.fit({ animation: false });
  });

  // Details of the selected node, built as DOM text; links only to validated arXiv pages.
  function showInfo(id) {
    var n = byId.get(id);
    var info = document.getElementById("info");
    info.replaceChildren();
    if (!n) { info.textContent = "Click a node for details."; return; }
    info.appendChild(el("strong", n.label));
    info.appendChild(el("div", n.kind + " · " + n.papers + (n.papers === 1 ? " paper" : " papers")));
    n.details.forEach(function (line) { info.appendChild(el("div", line)); });
    if (n.links.length) {
      var list = el("ul");
      n.links.forEach(function (link) {
        var item = el("li");
        if (ARXIV.test(link.url)) {
          var a = el("a", link.title);
          a.href = link.url;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          item.appendChild(a);
        } else {
          item.appendChild(el("span", link.title));
        }
        if (link.date) { item.appendChild(el("span", " (" + link.date + ")")); }
        list.appendChild(item);
      });
      info.appendChild(list);
    }
  }
  network.on("selectNode", function (params) { showInfo(params.nodes[0]); });
  network.on("deselectNode", function () { showInfo(null); });

  // Search: exact name first, then the first name containing the text.
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) { var option = el("option"); option.value = n.label; names.appendChild(option); });
  var search = document.getElementById("search");
  search.addEventListener("change", function () {
    var q = search.value.trim().toLowerCase();
    var status = document.getElementById("search-status");
    status.textContent = "";
    if (!q) { return; }
    var hit = data.nodes.find(function (n) { return n.label.toLowerCase() === q; }) ||
              data.nodes.find(function (n) { return n.label.toLowerCase().indexOf(q) >= 0; });
    if (!hit) { status.textContent = "not in this picture"; return; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.2, animation: false });
    showInfo(hit.id);
  });
})();
"""
