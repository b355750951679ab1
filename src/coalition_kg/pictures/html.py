"""One self-contained interactive HTML page of a view: inline SVG drawn by inline script.

Works offline: no script, style sheet, font or image is loaded from anywhere. The
page shows the same positions, colours and line styles as the pictures; drag the
background to pan, use the wheel to zoom, drag a node to move it, hover a node or
an edge to read all its attributes.
"""

from __future__ import annotations

import html
import json
import re

import networkx as nx

from coalition_kg.pictures.layout import bent_edges, label_along, positions
from coalition_kg.pictures.style import ink, legend, line_style, type_colour, type_title

#: Screen pixels per inch of layout.
PIXELS_PER_INCH = 72
#: Longer attribute values (a source's whole text) are cut in tooltips.
TOOLTIP_CHARACTERS = 400
_DASHES = {"solid": "", "dashed": "7 4", "dotted": "2 3"}
_PLACEHOLDER = re.compile(r"@(TITLE|LEGEND|DATA|SCRIPT)@")


def to_html(graph: nx.MultiDiGraph, title: str) -> bytes:
    """The page: ``title``, a legend, and the graph with pan, zoom, drag and tooltips."""
    data = {"nodes": _nodes(graph), "edges": _edges(graph)}
    # "<" escaped so that no value can close the script element that holds the data
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    parts = {"TITLE": html.escape(title), "LEGEND": _legend(graph), "DATA": payload, "SCRIPT": _SCRIPT}
    # one pass, so that no part's text is taken for a placeholder
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], _PAGE).encode("utf-8")


def _nodes(graph: nx.MultiDiGraph) -> list[dict]:
    placed = positions(graph)
    nodes = []
    for node, data in sorted(graph.nodes(data=True)):
        fill = type_colour(str(data.get("type", "")))
        x, y = placed[node]
        nodes.append(
            {
                "id": node,
                "label": str(data.get("label", node)),
                "colour": fill,
                "ink": ink(fill),
                # SVG's y axis points down
                "x": round(x * PIXELS_PER_INCH, 2),
                "y": round(-y * PIXELS_PER_INCH, 2),
                "details": _details({"node": node, **data}),
            }
        )
    return nodes


def _edges(graph: nx.MultiDiGraph) -> list[dict]:
    edges = []
    for u, v, data, bend in bent_edges(graph):
        style = line_style(data.get("relation"))
        edges.append(
            {
                "source": u,
                "target": v,
                "label": str(data.get("label", "")),
                "colour": style.colour,
                "dash": _DASHES.get(style.dash, ""),
                "width": style.width,
                "bend": bend,
                "along": round(label_along(graph, u, v), 3),
                "details": _details({"from": u, "to": v, **data}),
            }
        )
    return edges


def _details(attributes: dict) -> list[list[str]]:
    def cut(text: str) -> str:
        return text if len(text) <= TOOLTIP_CHARACTERS else text[:TOOLTIP_CHARACTERS] + "…"

    return [[str(name), cut(str(value))] for name, value in attributes.items() if str(value) != ""]


def _legend(graph: nx.MultiDiGraph) -> str:
    types, styles = legend(graph)
    items = [
        f'<li><span class="swatch" style="background:{type_colour(name)}"></span>{html.escape(type_title(name))}</li>'
        for name in types
    ]
    items += [
        f'<li><span class="line" style="border-top:3px {style.dash} {style.colour}"></span>{html.escape(style.legend)}</li>'
        for style in styles
    ]
    return "\n".join(items)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
  html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", Verdana, Arial, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { padding: 8px 16px; border-bottom: 1px solid #ddd; }
  h1 { font-size: 18px; margin: 0 0 4px 0; }
  header p { margin: 0; font-size: 13px; color: #555; }
  #legend { list-style: none; margin: 6px 0 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
  #legend li { display: flex; align-items: center; gap: 6px; }
  .swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #333; border-radius: 3px; }
  .line { display: inline-block; width: 28px; height: 0; }
  #view { flex: 1; width: 100%; cursor: grab; background: #fff; touch-action: none; }
  #view.panning { cursor: grabbing; }
  .node { cursor: move; }
  .node rect { stroke: #333; stroke-width: 0.8; }
  .node text { font-size: 12px; pointer-events: none; }
  .edge path { fill: none; }
  .edge .hit { stroke: transparent; stroke-width: 10; }
  .edge text { font-size: 10px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; pointer-events: none; }
  #tooltip { position: fixed; max-width: 420px; background: #fffff5; border: 1px solid #999; border-radius: 4px;
             padding: 6px 8px; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.2); pointer-events: none; }
  #tooltip table { border-collapse: collapse; }
  #tooltip th { text-align: left; vertical-align: top; padding-right: 8px; color: #555; font-weight: normal; }
  #tooltip td { word-break: break-word; }
</style>
</head>
<body>
<header>
<h1>@TITLE@</h1>
<p>Drag the background to pan, turn the wheel to zoom, drag a node to move it; hover a node or an edge for its details.</p>
<ul id="legend">
@LEGEND@
</ul>
</header>
<svg id="view" role="img" aria-label="@TITLE@">
<defs id="markers"></defs>
<g id="viewport"><g id="edges"></g><g id="nodes"></g></g>
</svg>
<div id="tooltip" hidden></div>
<script type="application/json" id="graph-data">@DATA@</script>
<script>
@SCRIPT@
</script>
</body>
</html>
"""

_SCRIPT = """"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const svg = document.getElementById("view");
  const NS = svg.namespaceURI;
  const viewport = document.getElementById("viewport");
  const tooltip = document.getElementById("tooltip");
  const nodes = new Map();
  const view = { x: 0, y: 0, scale: 1 };

  function make(tag, attributes, parent) {
    const element = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (parent) parent.appendChild(element);
    return element;
  }

  function marker(colour) {
    const id = "arrow-" + colour.slice(1);
    if (!document.getElementById(id)) {
      const m = make("marker", { id: id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7,
                                 orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" }, document.getElementById("markers"));
      make("path", { d: "M0,0 L10,5 L0,10 z", fill: colour }, m);
    }
    return "url(#" + id + ")";
  }

  function showTooltip(event, details) {
    const table = document.createElement("table");
    for (const [name, value] of details) {
      const row = table.insertRow();
      const head = document.createElement("th");
      head.textContent = name;
      row.appendChild(head);
      row.insertCell().textContent = value;
    }
    tooltip.replaceChildren(table);
    tooltip.hidden = false;
    tooltip.style.left = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8) + "px";
    tooltip.style.top = Math.min(event.clientY + 14, window.innerHeight - tooltip.offsetHeight - 8) + "px";
  }

  function hideTooltip() { tooltip.hidden = true; }

  function hover(element, details) {
    element.addEventListener("pointermove", event => showTooltip(event, details));
    element.addEventListener("pointerleave", hideTooltip);
  }

  // Where the line from a node's centre towards (x, y) leaves its box.
  function border(node, x, y) {
    const dx = x - node.x, dy = y - node.y;
    if (dx === 0 && dy === 0) return [node.x, node.y];
    const t = Math.min(dx ? node.w / 2 / Math.abs(dx) : Infinity, dy ? node.h / 2 / Math.abs(dy) : Infinity);
    return [node.x + Math.min(t, 1) * dx, node.y + Math.min(t, 1) * dy];
  }

  function drawEdge(edge) {
    const a = nodes.get(edge.source), b = nodes.get(edge.target);
    const dx = b.x - a.x, dy = b.y - a.y;
    // the control point of the curve, as in the pictures (y grows downwards here)
    const cx = (a.x + b.x) / 2 - edge.bend * dy, cy = (a.y + b.y) / 2 + edge.bend * dx;
    const [x1, y1] = border(a, cx, cy), [x2, y2] = border(b, cx, cy);
    const d = "M" + x1 + "," + y1 + " Q" + cx + "," + cy + " " + x2 + "," + y2;
    edge.path.setAttribute("d", d);
    edge.hit.setAttribute("d", d);
    const t = edge.along, u = 1 - t;
    edge.text.setAttribute("x", u * u * x1 + 2 * u * t * cx + t * t * x2);
    edge.text.setAttribute("y", u * u * y1 + 2 * u * t * cy + t * t * y2);
  }

  function redrawEdgesOf(id) {
    for (const edge of data.edges) if (edge.source === id || edge.target === id) drawEdge(edge);
  }

  function setView() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.scale + ")");
  }

  function toGraph(event) {
    const box = svg.getBoundingClientRect();
    return [(event.clientX - box.left - view.x) / view.scale, (event.clientY - box.top - view.y) / view.scale];
  }

  const nodeLayer = document.getElementById("nodes"), edgeLayer = document.getElementById("edges");
  for (const node of data.nodes) {
    const group = make("g", { class: "node" }, nodeLayer);
    const rect = make("rect", { rx: 5, ry: 5, fill: node.colour }, group);
    const text = make("text", { "text-anchor": "middle", "dominant-baseline": "central", fill: node.ink }, group);
    text.textContent = node.label;
    const size = text.getBBox();
    node.w = size.width + 14;
    node.h = size.height + 8;
    rect.setAttribute("x", -node.w / 2);
    rect.setAttribute("y", -node.h / 2);
    rect.setAttribute("width", node.w);
    rect.setAttribute("height", node.h);
    node.group = group;
    group.setAttribute("transform", "translate(" + node.x + "," + node.y + ")");
    nodes.set(node.id, node);
    hover(group, node.details);
    group.addEventListener("pointerdown", event => {
      event.stopPropagation();
      group.setPointerCapture(event.pointerId);
      const [gx, gy] = toGraph(event);
      const offset = [node.x - gx, node.y - gy];
      const move = moveEvent => {
        const [mx, my] = toGraph(moveEvent);
        node.x = mx + offset[0];
        node.y = my + offset[1];
        group.setAttribute("transform", "translate(" + node.x + "," + node.y + ")");
        redrawEdgesOf(node.id);
      };
      const stop = () => { group.removeEventListener("pointermove", move); group.removeEventListener("pointerup", stop); };
      group.addEventListener("pointermove", move);
      group.addEventListener("pointerup", stop);
    });
  }

  for (const edge of data.edges) {
    const group = make("g", { class: "edge" }, edgeLayer);
    edge.path = make("path", { stroke: edge.colour, "stroke-width": edge.width, "stroke-dasharray": edge.dash,
                               "marker-end": marker(edge.colour) }, group);
    edge.hit = make("path", { class: "hit" }, group);
    edge.text = make("text", { "text-anchor": "middle", "dominant-baseline": "central" }, group);
    edge.text.textContent = edge.label;
    hover(edge.hit, edge.details);
    drawEdge(edge);
  }

  function fit() {
    const box = viewport.getBBox(), width = svg.clientWidth, height = svg.clientHeight;
    view.scale = Math.min(width / (box.width + 40), height / (box.height + 40), 2);
    view.x = (width - box.width * view.scale) / 2 - box.x * view.scale;
    view.y = (height - box.height * view.scale) / 2 - box.y * view.scale;
    setView();
  }
  fit();

  svg.addEventListener("wheel", event => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const px = event.clientX - box.left, py = event.clientY - box.top;
    const factor = Math.exp(-event.deltaY * 0.0015);
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.scale *= factor;
    setView();
  }, { passive: false });

  svg.addEventListener("pointerdown", event => {
    svg.setPointerCapture(event.pointerId);
    svg.classList.add("panning");
    const start = [event.clientX - view.x, event.clientY - view.y];
    const move = moveEvent => { view.x = moveEvent.clientX - start[0]; view.y = moveEvent.clientY - start[1]; setView(); };
    const stop = () => {
      svg.classList.remove("panning");
      svg.removeEventListener("pointermove", move);
      svg.removeEventListener("pointerup", stop);
    };
    svg.addEventListener("pointermove", move);
    svg.addEventListener("pointerup", stop);
  });
  svg.addEventListener("dblclick", fit);
})();"""
