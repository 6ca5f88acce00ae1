// The network page's script (inlined by kg/viz/template.py). Reads its data from the JSON block
// #kg-data and writes every string with textContent, vis-network's plain-text tooltips, canvas
// fillText or SVG text nodes: paper-derived text never passes through an HTML parser.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var groupColour = new Map(data.legend.map(function (g) { return [g.key, g.color]; }));
  var ARXIV = /^https:\/\/arxiv\.org\/abs\/[A-Za-z0-9.\/_-]+$/;
  var NO_DATE = "#c8c8c8";
  var exportMatch = /(?:^#|&)kg-export=(svg|png)(?:&scale=([0-9.]+))?/.exec(location.hash);
  if (exportMatch) { document.body.classList.add("kg-export"); }
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

  // ------------------------------------------------------------------ colours (group or first-seen overlay)
  var VIRIDIS = ["#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58",
                 "#b5de2b", "#fde725"];
  function day(iso) { return iso ? Date.parse(iso + "T00:00:00Z") / 86400000 : null; }
  // The colour scale spans the 5th to the 95th percentile of the nodes' dates (the rest take the end
  // colours), so that a few very early or late nodes do not wash the picture into one middle colour.
  var days = data.nodes.map(function (n) { return day(n.first_seen); }).filter(function (d) { return d !== null; })
    .sort(function (a, b) { return a - b; });
  var dayMin = days.length ? days[Math.floor(0.05 * (days.length - 1))] : 0;
  var dayMax = days.length ? days[Math.ceil(0.95 * (days.length - 1))] : 0;
  var clipped = days.length && (days[0] < dayMin || days[days.length - 1] > dayMax);
  function viridis(t) {
    var x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    var i = Math.min(Math.floor(x), VIRIDIS.length - 2), f = x - i;
    var a = VIRIDIS[i], b = VIRIDIS[i + 1];
    var rgb = [1, 3, 5].map(function (k) {
      return Math.round(parseInt(a.substr(k, 2), 16) * (1 - f) + parseInt(b.substr(k, 2), 16) * f);
    });
    return "#" + rgb.map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }
  var mode = data.overlay && days.length ? "overlay" : "group";
  function colourOf(n) {
    if (mode === "group") { return groupColour.get(n.group); }
    var d = day(n.first_seen);
    return d === null ? NO_DATE : viridis(dayMax > dayMin ? (d - dayMin) / (dayMax - dayMin) : 0.5);
  }
  function visNode(n) {
    var fill = colourOf(n);
    var border = n.center ? "#000000" : (n.merge ? "#333333" : fill);
    return { id: n.id, color: { background: fill, border: border, highlight: { background: fill, border: "#000000" },
                                hover: { background: fill, border: "#000000" } } };
  }

  // ------------------------------------------------------------------ the network
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign(visNode(n), {
      title: n.tooltip, x: n.x, y: n.y, size: n.size, shape: n.kind === "Category" ? "diamond" : "dot",
      borderWidth: n.center ? 4 : (n.merge ? 2 : 1), shapeProperties: { borderDashes: n.merge ? [4, 3] : false }
    });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, width: e.width, title: e.tooltip };
  }));
  var options = {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.edges.length > 3000 },
    nodes: { font: { size: 0 } },  // labels are ours (drawLabels): readable at every zoom, never overlapping
    edges: { smooth: false, selectionWidth: 1.5,
             color: { color: "#8a8a8a", highlight: "#333333", hover: "#333333", opacity: data.edge_opacity } }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.kgNetwork = network;  // for the browser test and for poking around in the console

  // ------------------------------------------------------------------ labels
  // After vis draws, label nodes in rank order (papers first) in screen pixels. Each label tries
  // 16 places around its node and takes the first that overlaps no label already placed and the
  // fewest other nodes, inside the canvas; a node with no such place gets no label. At the first
  // paint about data.label_budget nodes compete; zooming in lets more in (budget x zoom gain squared).
  var order = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  var hidden = new Set();
  var focus = { selected: null, hovered: null };
  var fitScale = 1;
  var widths = new Map();
  window.kgLabels = [];

  function textWidth(ctx, n) {
    var key = n.id + ":" + fontOf(n);
    if (!widths.has(key)) {
      ctx.font = fontOf(n);
      widths.set(key, ctx.measureText(n.short).width);
    }
    return widths.get(key);
  }
  function fontOf(n) {
    var bold = n.center || n.id === focus.selected || n.id === focus.hovered;
    return (bold ? "600 " : "") + n.font + "px system-ui, sans-serif";
  }
  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
  function hitsCircle(r, c) {
    var dx = Math.max(r.x - c.x, 0, c.x - (r.x + r.w)), dy = Math.max(r.y - c.y, 0, c.y - (r.y + r.h));
    return dx * dx + dy * dy < c.r * c.r;
  }
  function Grid(cell) { this.cell = cell; this.cells = new Map(); }
  Grid.prototype.keys = function (x0, y0, x1, y1) {
    var out = [], c = this.cell;
    for (var i = Math.floor(x0 / c); i <= Math.floor(x1 / c); i++) {
      for (var j = Math.floor(y0 / c); j <= Math.floor(y1 / c); j++) { out.push(i + "," + j); }
    }
    return out;
  };
  Grid.prototype.add = function (item, x0, y0, x1, y1) {
    var cells = this.cells;
    this.keys(x0, y0, x1, y1).forEach(function (k) {
      if (!cells.has(k)) { cells.set(k, []); }
      cells.get(k).push(item);
    });
  };
  Grid.prototype.near = function (r) {
    var seen = new Set(), cells = this.cells;
    this.keys(r.x, r.y, r.x + r.w, r.y + r.h).forEach(function (k) {
      (cells.get(k) || []).forEach(function (item) { seen.add(item); });
    });
    return seen;
  };

  function screenOf(n) {
    var body = network.body.nodes[n.id];
    var p = network.canvasToDOM({ x: body.x, y: body.y });
    return { x: p.x, y: p.y, r: n.size * network.getScale() };
  }

  function placeLabels(ctx) {
    var W = container.clientWidth, H = container.clientHeight;
    var gain = Math.max(1, network.getScale() / fitScale);
    var budget = Math.round(data.label_budget * gain * gain);
    var circles = new Grid(64), labels = new Grid(64), placed = [];
    var onScreen = [];
    order.forEach(function (n) {
      if (hidden.has(n.group)) { return; }
      var s = screenOf(n);
      if (s.x + s.r < 0 || s.y + s.r < 0 || s.x - s.r > W || s.y - s.r > H) { return; }
      var c = { id: n.id, x: s.x, y: s.y, r: Math.max(s.r, 2) };
      circles.add(c, c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r);
      onScreen.push([n, c]);
    });
    var first = [focus.selected, focus.hovered].filter(function (id) { return id !== null && byId.has(id); });
    var queue = first.map(function (id) { return onScreen.find(function (p) { return p[0].id === id; }); })
      .filter(Boolean).concat(onScreen);
    var done = new Set(), considered = 0;
    queue.forEach(function (pair) {
      var n = pair[0], c = pair[1];
      if (done.has(n.id)) { return; }
      done.add(n.id);
      var forced = first.indexOf(n.id) >= 0 || n.center;
      if (!forced && considered >= budget && c.r < 14) { return; }
      considered += 1;
      var w = textWidth(ctx, n) + 2, h = n.font + 4;
      var best = null, bestCost = Infinity;
      [3, 11].forEach(function (gap) {
        var g = c.r + gap;
        [[g, -h / 2], [-g - w, -h / 2], [-w / 2, -g - h], [-w / 2, g], [g * 0.7, -g * 0.7 - h],
         [g * 0.7, g * 0.7], [-g * 0.7 - w, -g * 0.7 - h], [-g * 0.7 - w, g * 0.7]].forEach(function (d) {
          if (bestCost === 0) { return; }
          var r = { x: c.x + d[0], y: c.y + d[1], w: w, h: h };
          if (r.x < 0 || r.y < 0 || r.x + r.w > W || r.y + r.h > H) { return; }
          var clash = false;
          labels.near(r).forEach(function (other) { clash = clash || overlaps(r, other); });
          if (clash) { return; }
          var cost = gap > 3 ? 0.5 : 0;
          circles.near(r).forEach(function (o) { if (o.id !== n.id && hitsCircle(r, o)) { cost += o.r > 4 ? 2 : 1; } });
          if (cost < bestCost) { best = r; bestCost = cost; }
        });
      });
      if (best) {
        var label = { id: n.id, text: n.short, font: fontOf(n), x: best.x, y: best.y, w: best.w, h: best.h };
        placed.push(label);
        labels.add(label, best.x, best.y, best.x + best.w, best.y + best.h);
      }
    });
    return placed;
  }

  function drawLabels(ctx) {
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var placed = placeLabels(ctx);
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    placed.forEach(function (label) {
      ctx.font = label.font;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(label.text, label.x + 1, label.y + label.h / 2);
      ctx.fillStyle = "#1a1a1a";
      ctx.fillText(label.text, label.x + 1, label.y + label.h / 2);
    });
    ctx.restore();
    window.kgLabels = placed;
  }
  network.on("afterDrawing", drawLabels);

  // ------------------------------------------------------------------ first paint, fit, resize
  var userMoved = false;
  function fit() { network.fit({ animation: false }); fitScale = network.getScale(); }
  fit();
  network.on("zoom", function () { userMoved = true; });
  network.on("dragEnd", function (p) { if (!p.nodes.length) { userMoved = true; } });
  if (window.ResizeObserver) {
    // a notebook iframe or a resized window: fit again until the reader has moved the view
    new ResizeObserver(function () { if (!userMoved) { network.setSize("100%", "100%"); fit(); } }).observe(container);
  }
  network.once("afterDrawing", function () {
    window.KG_READY_MS = performance.now();
    window.KG_READY = true;
    document.body.setAttribute("data-ready", "1");
    if (exportMatch) { setTimeout(runExport, 0); }
  });

  // ------------------------------------------------------------------ legend (groups, or the overlay's colour bar)
  var legend = document.getElementById("legend");
  function applyHidden() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: hidden.has(n.group) }; }));
  }
  function drawLegend() {
    legend.replaceChildren();
    if (mode === "overlay") {
      var bar = el("div");
      bar.className = "colour-bar";
      bar.style.background = "linear-gradient(to right, " + VIRIDIS.join(", ") + ")";
      legend.appendChild(el("div", "mean first-seen date of the papers"));
      legend.appendChild(bar);
      var ticks = el("div");
      ticks.className = "ticks";
      overlayTicks().forEach(function (t) { ticks.appendChild(el("span", t)); });
      legend.appendChild(ticks);
      var none = el("div", "grey: no dated paper");
      none.className = "note";
      legend.appendChild(none);
      return;
    }
    data.legend.forEach(function (g) {
      var row = el("div");
      row.className = "legend-item" + (hidden.has(g.key) ? " off" : "");
      var swatch = el("span");
      swatch.className = "swatch";
      swatch.style.background = g.color;
      row.appendChild(swatch);
      row.appendChild(el("span", g.label));
      row.addEventListener("click", function () {
        if (hidden.has(g.key)) { hidden.delete(g.key); } else { hidden.add(g.key); }
        drawLegend();
        applyHidden();
      });
      legend.appendChild(row);
    });
    if (data.nodes.some(function (n) { return n.merge; })) {
      var merge = el("div", "dashed ring: probably several people sharing one name");
      merge.className = "note";
      legend.appendChild(merge);
    }
  }
  function isoOf(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  function overlayTicks() {
    var ticks = [dayMin, (dayMin + dayMax) / 2, dayMax].map(function (d) { return isoOf(Math.round(d)); });
    if (clipped) { ticks[0] = "≤ " + ticks[0]; ticks[2] = "≥ " + ticks[2]; }
    return ticks;
  }
  var modeSelect = document.getElementById("colour-mode");
  if (!days.length) { modeSelect.disabled = true; }
  modeSelect.value = mode;
  modeSelect.addEventListener("change", function () {
    mode = modeSelect.value;
    nodes.update(data.nodes.map(visNode));
    drawLegend();
  });
  drawLegend();
  document.getElementById("show-all").addEventListener("click", function () {
    hidden.clear();
    drawLegend();
    applyHidden();
    userMoved = false;
    fit();
  });

  // ------------------------------------------------------------------ details panel
  function showInfo(id) {
    var n = byId.get(id);
    var info = document.getElementById("info");
    info.replaceChildren();
    if (!n) { info.textContent = "Click a node for details."; return; }
    info.appendChild(el("strong", n.label));
    info.appendChild(el("div", n.kind + " · " + n.papers + (n.papers === 1 ? " paper" : " papers") +
                        (n.first_seen ? " · first seen on average " + n.first_seen : "")));
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
  network.on("selectNode", function (params) { focus.selected = params.nodes[0]; showInfo(params.nodes[0]); });
  network.on("deselectNode", function () { focus.selected = null; showInfo(null); });
  network.on("hoverNode", function (params) { focus.hovered = params.node; network.redraw(); });
  network.on("blurNode", function () { focus.hovered = null; network.redraw(); });

  // ------------------------------------------------------------------ search: any name, alias or key
  var terms = data.nodes.map(function (n) {
    return [n.label].concat(n.search).map(function (t) { return String(t).toLowerCase(); });
  });
  function find(q) {
    var tests = [function (t) { return t === q; }, function (t) { return t.indexOf(q) === 0; },
                 function (t) { return t.indexOf(q) >= 0; }];
    for (var k = 0; k < tests.length; k++) {
      var best = null;
      for (var i = 0; i < data.nodes.length; i++) {  // the best-ranked node passing the test
        if (terms[i].some(tests[k]) && (best === null || data.nodes[i].rank < best.rank)) { best = data.nodes[i]; }
      }
      if (best) { return best; }
    }
    return null;
  }
  var names = document.getElementById("names");
  var offered = new Set();
  order.forEach(function (n) {
    [n.label, n.short].forEach(function (text) {
      if (offered.has(text)) { return; }
      offered.add(text);
      var option = el("option");
      option.value = text;
      names.appendChild(option);
    });
  });
  var search = document.getElementById("search");
  search.addEventListener("change", function () {
    var q = search.value.trim().toLowerCase();
    var status = document.getElementById("search-status");
    status.textContent = "";
    if (!q) { return; }
    var hit = find(q);
    if (!hit) { status.textContent = "not in this picture"; return; }
    if (hidden.has(hit.group)) { hidden.delete(hit.group); drawLegend(); applyHidden(); }
    network.selectNodes([hit.id]);
    focus.selected = hit.id;
    userMoved = true;
    network.focus(hit.id, { scale: Math.max(1.2, network.getScale()), animation: false });
    showInfo(hit.id);
  });

  // ------------------------------------------------------------------ static pictures: SVG (and PNG from it)
  // The SVG is built as DOM nodes and serialised by XMLSerializer (which escapes text and attributes):
  // what the canvas shows now, labels included, with the legend in a column on the right.
  var SVG_NS = "http://www.w3.org/2000/svg";
  var LEGEND_W = 300;
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function svgDocument() {
    var W = container.clientWidth, H = container.clientHeight, scale = network.getScale();
    var legendRows = mode === "overlay" ? 4 : data.legend.length;
    var height = Math.max(H, 70 + legendRows * 20);
    var svg = svgEl("svg", { xmlns: SVG_NS, width: W + LEGEND_W, height: height, viewBox: "0 0 " + (W + LEGEND_W) + " " + height,
                             "font-family": "system-ui, DejaVu Sans, Arial, sans-serif" });
    svg.appendChild(svgEl("title", {}, data.title));
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: W + LEGEND_W, height: height, fill: "#ffffff" }));
    var inView = function (p, r) { return p.x + r >= 0 && p.y + r >= 0 && p.x - r <= W && p.y - r <= H; };
    var where = new Map();
    data.nodes.forEach(function (n) { if (!hidden.has(n.group)) { where.set(n.id, screenOf(n)); } });
    var clip = svgEl("clipPath", { id: "view" });
    clip.appendChild(svgEl("rect", { x: 0, y: 0, width: W, height: H }));
    svg.appendChild(clip);
    var picture = svgEl("g", { "clip-path": "url(#view)" });
    var lines = svgEl("g", { stroke: "#8a8a8a", "stroke-opacity": data.edge_opacity, "stroke-linecap": "round" });
    data.edges.forEach(function (e) {
      var a = where.get(e.from), b = where.get(e.to);
      if (!a || !b || (!inView(a, 0) && !inView(b, 0))) { return; }
      lines.appendChild(svgEl("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
                                        "stroke-width": Math.max(0.3, e.width * scale).toFixed(2) }));
    });
    picture.appendChild(lines);
    var dots = svgEl("g", {});
    order.slice().reverse().forEach(function (n) {  // the busiest drawn last, on top
      var p = where.get(n.id);
      if (!p || !inView(p, p.r)) { return; }
      var fill = colourOf(n), attrs = { fill: fill, stroke: n.center ? "#000000" : (n.merge ? "#333333" : fill),
                                        "stroke-width": n.center ? 3 : (n.merge ? 1.5 : 0.8) };
      if (n.merge) { attrs["stroke-dasharray"] = "3 2"; }
      if (n.kind === "Category") {
        attrs.points = [[p.x, p.y - p.r], [p.x + p.r, p.y], [p.x, p.y + p.r], [p.x - p.r, p.y]]
          .map(function (q) { return q[0].toFixed(1) + "," + q[1].toFixed(1); }).join(" ");
        dots.appendChild(svgEl("polygon", attrs));
      } else {
        attrs.cx = p.x.toFixed(1); attrs.cy = p.y.toFixed(1); attrs.r = Math.max(p.r, 0.8).toFixed(2);
        dots.appendChild(svgEl("circle", attrs));
      }
    });
    picture.appendChild(dots);
    var texts = svgEl("g", { fill: "#1a1a1a", stroke: "#ffffff", "stroke-width": 3, "stroke-linejoin": "round",
                             "paint-order": "stroke", "dominant-baseline": "central" });
    window.kgLabels.forEach(function (label) {
      var n = byId.get(label.id);
      texts.appendChild(svgEl("text", { x: (label.x + 1).toFixed(1), y: (label.y + label.h / 2).toFixed(1),
                                        "font-size": n.font, "font-weight": /^600 /.test(label.font) ? 600 : 400 }, label.text));
    });
    picture.appendChild(texts);
    svg.appendChild(picture);
    svg.appendChild(svgEl("line", { x1: W + 0.5, y1: 0, x2: W + 0.5, y2: height, stroke: "#dddddd" }));
    var x = W + 14, y = 26;
    svg.appendChild(svgEl("text", { x: x, y: y, "font-size": 14, "font-weight": 600 }, data.title));
    y += 22;
    if (mode === "overlay") {
      var gradient = svgEl("linearGradient", { id: "viridis" });
      VIRIDIS.forEach(function (c, i) {
        gradient.appendChild(svgEl("stop", { offset: (i / (VIRIDIS.length - 1)).toFixed(3), "stop-color": c }));
      });
      svg.appendChild(gradient);
      svg.appendChild(svgEl("text", { x: x, y: y, "font-size": 12 }, "mean first-seen date"));
      svg.appendChild(svgEl("rect", { x: x, y: y + 8, width: LEGEND_W - 40, height: 12, fill: "url(#viridis)" }));
      overlayTicks().forEach(function (t, i) {
        svg.appendChild(svgEl("text", { x: x + i * (LEGEND_W - 40) / 2, y: y + 36, "font-size": 11,
                                        "text-anchor": ["start", "middle", "end"][i] }, t));
      });
    } else {
      data.legend.forEach(function (g) {
        svg.appendChild(svgEl("circle", { cx: x + 6, cy: y - 4, r: 5, fill: g.color, "fill-opacity": hidden.has(g.key) ? 0.3 : 1 }));
        var text = g.label.length > 44 ? g.label.slice(0, 43) + "…" : g.label;
        svg.appendChild(svgEl("text", { x: x + 18, y: y, "font-size": 11 }, text));
        y += 20;
      });
    }
    return new XMLSerializer().serializeToString(svg);
  }
  function base64(text) {
    var bytes = new TextEncoder().encode(text), chunks = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(chunks.join(""));
  }
  function pngDataUrl(scale) {
    var svg = svgDocument();
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(image.width * scale);
        canvas.height = Math.round(image.height * scale);
        var ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
        resolve(canvas.toDataURL("image/png"));
      };
      image.onerror = function () { reject(new Error("the SVG could not be rasterised")); };
      image.src = "data:image/svg+xml;base64," + base64(svg);
    });
  }
  window.kgSvg = svgDocument;
  window.kgPng = pngDataUrl;
  function download(href, suffix) {
    var a = el("a");
    a.href = href;
    a.download = (data.file_stem || "network") + suffix;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  document.getElementById("save-svg").addEventListener("click", function () {
    download("data:image/svg+xml;charset=utf-8;base64," + base64(svgDocument()), ".svg");
  });
  document.getElementById("save-png").addEventListener("click", function () {
    pngDataUrl(2).then(function (url) { download(url, ".png"); });
  });
  // Headless export (kg export image): write the picture, base64, into a <pre> that --dump-dom prints.
  function runExport() {
    var out = el("pre");
    out.id = "kg-export-out";
    var finish = function (format, text) {
      out.setAttribute("data-format", format);
      out.textContent = text;
      document.body.appendChild(out);
      document.title = "kg-export-done";
    };
    if (exportMatch[1] === "svg") { finish("svg", base64(svgDocument())); return; }
    pngDataUrl(parseFloat(exportMatch[2] || "2")).then(function (url) { finish("png", url.split(",")[1]); },
                                                       function (err) { finish("error", String(err)); });
  }
})();
