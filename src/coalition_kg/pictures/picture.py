"""PNG and SVG pictures of a view, drawn with matplotlib.

Each node is a box holding its label, filled with the colour of its type; each
edge is an arrow clipped to the boxes it joins, styled by its relation and
labelled; boxes lie over edges and their labels. Positions are in inches (see :mod:`coalition_kg.pictures.layout`), so font
sizes read the same in every view. The output is byte for byte the same for the
same data: fixed layout, a fixed SVG hash salt, no dates or versions in the
file's metadata.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable

import matplotlib
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.text import Text

from coalition_kg.pictures.layout import Positions, bent_edges, label_along, positions
from coalition_kg.pictures.style import ink, legend, line_style, type_colour, type_title

Point = tuple[float, float]
DPI = 100
PICTURE_FORMATS = ("png", "svg")
#: Fonts bundled with matplotlib, so that the picture does not depend on the fonts of the machine.
STYLE = {"font.family": "DejaVu Sans", "svg.hashsalt": "coalition-kg", "svg.fonttype": "none"}
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
#: Room around the outermost positions for half a box (wide) and half a line of text (high).
MARGIN_X = 1.3
MARGIN_Y = 0.7
TITLE_BAND = 0.9
LEGEND_BAND = 1.1
NODE_FONT = 10
EDGE_FONT = 8
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_.-]")


def picture(draw: Callable[[], Figure], format_name: str) -> bytes:
    """The figure ``draw`` makes, as PNG or SVG bytes."""
    if format_name not in PICTURE_FORMATS:
        raise ValueError(f"unknown picture format '{format_name}'; expected one of {', '.join(PICTURE_FORMATS)}")
    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE):
        figure = draw()
        # Arrows lie under the boxes but are clipped to the boxes' outlines, which a text box knows
        # only once drawn: a first pass, in the same format and resolution, sizes the boxes.
        for target in (io.BytesIO(), buffer):
            figure.savefig(target, format=format_name, dpi=DPI, metadata=_METADATA[format_name])
    return buffer.getvalue()


def draw_graph(graph: nx.MultiDiGraph, title: str) -> Figure:
    """A figure of ``graph`` with a title and a legend of its types and relations."""
    placed = positions(graph)
    figure, axes = _page(placed, title)
    boxes = {node: _node_box(axes, placed[node], data, node) for node, data in sorted(graph.nodes(data=True))}
    for u, v, data, bend in bent_edges(graph):
        _edge(axes, (placed[u], placed[v]), (boxes[u], boxes[v]), data, bend, label_along(graph, u, v))
    _legend(figure, graph)
    return figure


def wrap(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters where it can be."""
    return textwrap.fill(text, width=width, break_long_words=False) or text


def _page(placed: Positions, title: str) -> tuple[Figure, Axes]:
    """A figure whose axes map one data unit to one inch, with room around for boxes, title and legend."""
    xs = [x for x, _ in placed.values()] or [0.0]
    ys = [y for _, y in placed.values()] or [0.0]
    width = max(xs) - min(xs) + 2 * MARGIN_X
    height = max(ys) - min(ys) + 2 * MARGIN_Y
    figure = Figure(figsize=(width, height + TITLE_BAND + LEGEND_BAND), dpi=DPI)
    total = height + TITLE_BAND + LEGEND_BAND
    axes = figure.add_axes((0.0, LEGEND_BAND / total, 1.0, height / total))
    axes.set_xlim(min(xs) - MARGIN_X, max(xs) + MARGIN_X)
    axes.set_ylim(min(ys) - MARGIN_Y, max(ys) + MARGIN_Y)
    axes.set_axis_off()
    figure.text(0.5, 1 - 0.45 / total, title, ha="center", va="center", fontsize=16, fontweight="bold")
    return figure, axes


def _node_box(axes: Axes, xy: tuple[float, float], data: dict, node: str) -> Text:
    """A node's box; in an SVG, its group's id is ``node-`` and the node's name, so that what a picture draws can be counted."""
    fill = type_colour(str(data.get("type", "")))
    return axes.text(
        *xy,
        wrap(str(data.get("label", "")), 22),
        ha="center",
        va="center",
        fontsize=NODE_FONT,
        color=ink(fill),
        zorder=3,
        bbox={"boxstyle": "round,pad=0.4", "facecolor": fill, "edgecolor": "#333333", "linewidth": 0.8},
        gid="node-" + _NOT_IN_ID.sub("-", node),
    )


def _edge(axes: Axes, ends: tuple[Point, Point], boxes: tuple[Text, Text], data: dict, bend: float, along: float) -> None:
    """An arrow between two boxes, clipped to their outlines, and its label ``along`` the way from the first."""
    start, end = ends
    style = line_style(data.get("relation"))
    # a provenance edge thickens with the number of facts it stands for
    thickness = 1 + min(int(data["facts"]), 20) / 10 if "facts" in data else 1
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            patchA=boxes[0].get_bbox_patch(),
            patchB=boxes[1].get_bbox_patch(),
            arrowstyle="-|>",
            mutation_scale=14,
            connectionstyle=f"arc3,rad={bend}",
            color=style.colour,
            linestyle=style.dash,
            linewidth=style.width * thickness,
            shrinkA=2,
            shrinkB=2,
            zorder=1,
        )
    )
    label = str(data.get("label", ""))
    if label:
        axes.text(
            *_on_arc(start, end, bend, along),
            wrap(label, 18),
            ha="center",
            va="center",
            fontsize=EDGE_FONT,
            color="#222222",
            zorder=2,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )


def _on_arc(start: Point, end: Point, bend: float, along: float) -> Point:
    """The point ``along`` matplotlib's arc3 curve: a quadratic Bézier whose control point is
    ``bend`` times the chord, turned a right angle, away from the chord's middle."""
    (x1, y1), (x2, y2) = start, end
    control = ((x1 + x2) / 2 + bend * (y2 - y1), (y1 + y2) / 2 - bend * (x2 - x1))
    weights = ((1 - along) ** 2, 2 * (1 - along) * along, along**2)
    return (
        sum(w * p[0] for w, p in zip(weights, (start, control, end))),
        sum(w * p[1] for w, p in zip(weights, (start, control, end))),
    )


def _legend(figure: Figure, graph: nx.MultiDiGraph) -> None:
    types, styles = legend(graph)
    handles = [Patch(facecolor=type_colour(name), edgecolor="#333333", label=type_title(name)) for name in types]
    handles += [Line2D([], [], color=s.colour, linestyle=s.dash, linewidth=s.width, label=s.legend) for s in styles]
    if handles:
        columns = min(len(handles), 5, max(2, int(figure.get_figwidth() // 2.2)))  # a column needs about 2.2 inches
        figure.legend(handles=handles, loc="lower center", ncol=columns, fontsize=10, bbox_to_anchor=(0.5, 0.01))
