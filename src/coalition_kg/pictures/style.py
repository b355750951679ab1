"""How a view looks, whatever draws it (matplotlib, the HTML page): colours by type, lines by relation.

Colours are fixed per class, so that a state is the same blue in every view and
every run. Kept free of matplotlib so that the HTML writer need not import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from coalition_kg.core.namespaces import short_form
from coalition_kg.curation.model import ENTITY_CLASSES, FACT_KINDS, SOURCE_CLASS

_ENTITY_COLOURS = {
    "mission": "#d62728",
    "state": "#1f77b4",
    "international-organization": "#2ca02c",
    "government-body": "#17becf",
    "person": "#9467bd",
}
#: Facts are the links between entities: light colours, in the order of the data model.
_FACT_PALETTE = ("#ffbb78", "#aec7e8", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#e0e0e0")
TYPE_COLOURS: dict[str, str] = {
    **{short_form(ENTITY_CLASSES[kind]): colour for kind, colour in _ENTITY_COLOURS.items()},
    short_form(SOURCE_CLASS): "#7f7f7f",
    **{short_form(kind.rdf_class): _FACT_PALETTE[i % len(_FACT_PALETTE)] for i, kind in enumerate(FACT_KINDS.values())},
}
UNKNOWN_TYPE_COLOUR = "#bdbdbd"


@dataclass(frozen=True)
class LineStyle:
    """How an edge of one relation is drawn."""

    colour: str
    dash: str  # matplotlib's linestyle name: solid, dashed, dotted
    width: float
    legend: str


#: Coalition and provenance relations; any other edge (a predicate) is drawn thin and grey.
RELATION_STYLES: dict[str, LineStyle] = {
    "member": LineStyle("#1f3b73", "solid", 2.2, "member (instrument, date)"),
    "partner": LineStyle("#e6550d", "dashed", 1.6, "partner or supporter (role)"),
    "official": LineStyle("#6a51a3", "dotted", 1.8, "official of (role)"),
    "about": LineStyle("#636363", "solid", 1.2, "states facts about (count)"),
    "link": LineStyle("#5a6b82", "solid", 1.2, "linked by (property or facts)"),
}
PREDICATE_STYLE = LineStyle("#8c8c8c", "solid", 0.9, "predicate")


def type_colour(type_name: str) -> str:
    """The fill colour of a node of ``type_name`` (a prefixed class)."""
    return TYPE_COLOURS.get(type_name, UNKNOWN_TYPE_COLOUR)


def ink(fill: str) -> str:
    """The colour of text on ``fill`` (``#rrggbb``): black on light fills, white on dark ones."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.6 else "white"


def type_title(type_name: str) -> str:
    """``International organization`` for ``ckg:InternationalOrganization``; ``untyped`` for none."""
    local = type_name.split(":", 1)[-1]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).split()
    return " ".join([words[0], *(word.lower() for word in words[1:])]) if words else "untyped"


def line_style(relation: str | None) -> LineStyle:
    """The line of an edge whose ``relation`` attribute is ``relation`` (``None`` for a plain predicate)."""
    return RELATION_STYLES.get(relation or "", PREDICATE_STYLE)


def legend(graph: nx.MultiDiGraph) -> tuple[list[str], list[LineStyle]]:
    """The node types of ``graph`` (by title) and the line styles of its relations, for a legend."""
    types = sorted({str(data.get("type", "")) for _, data in graph.nodes(data=True)}, key=type_title)
    relations = sorted({str(data.get("relation", "")) for _, _, data in graph.edges(data=True)})
    return types, [line_style(relation or None) for relation in relations]
