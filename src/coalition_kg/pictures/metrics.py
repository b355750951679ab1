"""Who is central in a view: degree and betweenness centrality, and the connected components.

Centralities are computed on the undirected simple graph under the view — who is
linked to whom, whatever the direction and however many facts link them — and
normalised, so that views of different sizes compare. ``degree`` counts the view's
own edges.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rdflib import Dataset

from coalition_kg.pictures.views import build_view


@dataclass(frozen=True)
class NodeMetrics:
    """One node's centralities."""

    node: str
    label: str
    type: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass(frozen=True)
class GraphMetrics:
    """The centralities of every node, most central first, and the weakly connected components, largest first."""

    view: str
    edges: int
    nodes: list[NodeMetrics]
    components: list[list[str]]

    def to_text(self) -> str:
        """A table of the nodes, then one line per component."""
        header = ("node", "label", "type", "degree", "degree centrality", "betweenness")
        rows = [
            (m.node, m.label, m.type, str(m.degree), f"{m.degree_centrality:.3f}", f"{m.betweenness:.3f}")
            for m in self.nodes
        ]
        widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
        numeric = range(3, len(header))

        def line(row: tuple[str, ...]) -> str:
            cells = (cell.rjust(w) if i in numeric else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths)))
            return "  ".join(cells).rstrip()

        count = len(self.components)
        lines = [
            f"{self.view} view: {len(self.nodes)} nodes, {self.edges} edges, "
            f"{count} weakly connected component{'s' if count != 1 else ''}",
            "",
            line(header),
            line(tuple("-" * w for w in widths)),
            *(line(row) for row in rows),
            "",
            "components:",
            *(f"  {i}. ({len(nodes)} nodes) {', '.join(nodes)}" for i, nodes in enumerate(self.components, start=1)),
        ]
        return "\n".join(lines)


def graph_metrics(graph: nx.MultiDiGraph) -> GraphMetrics:
    """Degree and betweenness centrality of each node of ``graph``, and its weakly connected components."""
    simple = nx.Graph(graph)
    degree = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    nodes = [
        NodeMetrics(
            node,
            str(data.get("label", node)),
            str(data.get("type", "")),
            graph.degree(node),
            degree[node],
            betweenness[node],
        )
        for node, data in graph.nodes(data=True)
    ]
    nodes.sort(key=lambda m: (-round(m.betweenness, 9), -m.degree, m.node))
    components = sorted((sorted(c) for c in nx.weakly_connected_components(graph)), key=lambda c: (-len(c), c[0]))
    return GraphMetrics(str(graph.graph.get("view", "")), graph.number_of_edges(), nodes, components)


def view_metrics(view: str, dataset: Dataset) -> GraphMetrics:
    """The metrics of the network view ``view`` of ``dataset``."""
    return graph_metrics(build_view(view, dataset))
