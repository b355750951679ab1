"""A view of the graph as a file: a picture (PNG, SVG), a network file (GraphML, GEXF, node-link
JSON, Graphviz DOT) or a self-contained interactive HTML page.

Every writer is deterministic: the same data gives the same bytes.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
from rdflib import Dataset

from coalition_kg.pictures.style import line_style, type_colour
from coalition_kg.pictures.views import VIEWS, GraphInputError, build_view

TIMELINE = "timeline"
VIEW_NAMES = (*VIEWS, TIMELINE)
FORMATS = ("png", "svg", "graphml", "gexf", "json", "dot", "html")
TIMELINE_FORMATS = ("png", "svg")
SUFFIX_FORMATS = {".png": "png", ".svg": "svg", ".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".dot": "dot", ".gv": "dot", ".html": "html", ".htm": "html"}
TITLES = {
    "entities": "Entity graph: entities and the facts that link them",
    "provenance": "Provenance: which source states facts about whom",
    TIMELINE: "Timeline: states joining the mission and other dated events",
}
# GEXF writers stamp the day of writing; Gephi does not need it, and without it the file is stable.
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def render(view: str, format_name: str, dataset: Dataset) -> bytes:
    """The view ``view`` (one of :data:`VIEW_NAMES`) of ``dataset`` in ``format_name`` (one of :data:`FORMATS`)."""
    if view not in VIEW_NAMES:
        raise GraphInputError(f"unknown graph view '{view}'; expected one of {', '.join(VIEW_NAMES)}")
    if format_name not in FORMATS:
        raise GraphInputError(f"unknown graph format '{format_name}'; expected one of {', '.join(FORMATS)}")
    if view == TIMELINE:
        return _timeline(dataset, format_name)
    graph = build_view(view, dataset)
    return write_graph(graph, format_name, view_title(graph))


def format_for(format_name: str | None, output: Path | None) -> str:
    """The format asked for, else the one the suffix of ``output`` names."""
    if format_name:
        return format_name
    suffix = output.suffix.lower() if output else ""
    if suffix not in SUFFIX_FORMATS:
        named = f"{output} has the unknown suffix '{suffix}'" if output else "no --format and no output file"
        raise GraphInputError(f"{named}; expected --format or a file ending in {', '.join(SUFFIX_FORMATS)}")
    return SUFFIX_FORMATS[suffix]


def write_graph(graph: nx.MultiDiGraph, format_name: str, title: str) -> bytes:
    """``graph`` in one of the :data:`FORMATS`."""
    if format_name in ("png", "svg"):
        from coalition_kg.pictures.picture import draw_graph, picture

        return picture(lambda: draw_graph(graph, title), format_name)
    if format_name == "html":
        from coalition_kg.pictures.html import to_html

        return to_html(graph, title)
    writers = {"graphml": to_graphml, "gexf": to_gexf, "json": to_json, "dot": to_dot}
    return writers[format_name](graph)


def view_title(graph: nx.MultiDiGraph) -> str:
    """The title of a view's picture: the coalition's names its missions."""
    view = str(graph.graph.get("view", ""))
    if view == "coalition":
        missions = sorted(data["label"] for _, data in graph.nodes(data=True) if data.get("coalition_role") == "mission")
        return f"Coalition: {' and '.join(missions) or 'no mission'} — members, partners, officials"
    return TITLES.get(view, view or "graph")


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML for Gephi, Cytoscape or yEd: every attribute a typed GraphML key."""
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, named_key_ids=True)
    return buffer.getvalue()


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 for Gephi: labels as GEXF labels, the rest as attributes."""
    text = "\n".join(nx.generate_gexf(graph)) + "\n"
    return _GEXF_DATE.sub("", text).encode("utf-8")


def to_json(graph: nx.MultiDiGraph) -> bytes:
    """networkx node-link data (``nodes``, ``edges``), as D3 and ``networkx.node_link_graph`` read it."""
    data = nx.node_link_data(graph, edges="edges")
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def to_dot(graph: nx.MultiDiGraph) -> bytes:
    """Graphviz DOT, written here so that no Graphviz library is needed; colours and line styles as in the pictures."""
    lines = [
        f"digraph {dot_quote(str(graph.graph.get('view', 'graph')))} {{",
        '  graph [overlap="false", splines="true"];',
        '  node [shape="box", style="rounded,filled", fontname="DejaVu Sans"];',
        '  edge [fontname="DejaVu Sans", fontsize="10"];',
    ]
    for node, data in graph.nodes(data=True):
        lines.append(f"  {dot_quote(node)} [{_dot_attributes({**data, 'fillcolor': type_colour(str(data.get('type', '')))})}];")
    for u, v, key, data in graph.edges(keys=True, data=True):
        style = line_style(data.get("relation"))
        attributes = {"key": key, **data, "color": style.colour, "style": style.dash}
        lines.append(f"  {dot_quote(u)} -> {dot_quote(v)} [{_dot_attributes(attributes)}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def _dot_attributes(attributes: dict) -> str:
    return ", ".join(f"{dot_quote(str(name))}={dot_quote(str(value))}" for name, value in attributes.items())


def _timeline(dataset: Dataset, format_name: str) -> bytes:
    if format_name not in TIMELINE_FORMATS:
        raise GraphInputError(f"the timeline view is a chart: --format must be one of {', '.join(TIMELINE_FORMATS)}, not '{format_name}'")
    from coalition_kg.pictures.picture import picture
    from coalition_kg.pictures.timeline import timeline
    from coalition_kg.pictures.timeline_chart import draw_timeline

    entries = timeline(dataset)
    return picture(lambda: draw_timeline(entries, TITLES[TIMELINE]), format_name)
