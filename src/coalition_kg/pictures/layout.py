"""Where each node of a view goes, in inches on the page; the same data always gives the same positions.

``coalition``: the mission at the centre; members on a ring in the order they
joined (undated last), then partners and supporters; officials outside the
state they serve. ``entities``: missions at the centre, the facts on a ring
around them and the other entities on an outer ring, each fact turned towards
the entities it is about. ``provenance``: sources in the side columns, the
entities they speak about in the middle, grouped by type. Any other graph: a
force-directed layout with a fixed seed over the nodes in sorted order.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from coalition_kg.core.namespaces import short_form
from coalition_kg.curation.model import ENTITY_CLASSES

Positions = dict[str, tuple[float, float]]
MISSION_TYPE = short_form(ENTITY_CLASSES["mission"])
ENTITY_TYPES = frozenset(short_form(iri) for iri in ENTITY_CLASSES.values())

RING_RADIUS = 3.6
OFFICIAL_RADIUS = 6.0
#: Radians between officials of the same state.
OFFICIAL_SPREAD = 0.3
#: Inches of ring per fact in the entities view, and between its two rings.
FACT_SPACING = 1.2
RING_GAP = 3.2
#: Boxes are wider than high: rings of many boxes are ellipses this much wider than high.
ELLIPSE = 1.4
#: Every other fact sits this much further out, so that neighbours on the ring do not touch.
STAGGER = 0.9
#: Rounds of turning facts towards their entities and entities towards their facts.
ORDERING_ROUNDS = 3
ROW_HEIGHT = 0.7
SOURCE_COLUMN = 5.5
#: Inches from a neighbourhood's centre to its side columns, and between the rows of a column.
SIDE_COLUMN = 3.9
SIDE_ROW = 0.75
#: A force-directed layout spreads over a disc whose radius grows with the square root of the node count.
SPRING_INCHES = 1.35
SPRING_SEED = 20240920
#: Curvature (matplotlib's arc3 ``rad``) between edges that join the same two nodes.
PARALLEL_BEND = 0.18


def positions(graph: nx.MultiDiGraph) -> Positions:
    """The position of each node of ``graph``, chosen by its ``view``."""
    layout = {"coalition": _coalition, "entities": _entities, "provenance": _provenance,
              "neighbourhood": _neighbourhood}.get(graph.graph.get("view", ""), _spring)
    return layout(graph)


def _coalition(graph: nx.MultiDiGraph) -> Positions:
    roles = {node: data.get("coalition_role", "") for node, data in graph.nodes(data=True)}
    missions = sorted(node for node, role in roles.items() if role == "mission")
    members = sorted((node for node, role in roles.items() if role == "member"), key=lambda n: (_joined(graph, n), n))
    partners = sorted((node for node, role in roles.items() if role == "partner"), key=lambda n: (_role(graph, n), n))
    others = sorted(node for node, role in roles.items() if role not in ("mission", "member", "partner", "official"))
    placed = {**_circle(missions, 0.0 if len(missions) == 1 else RING_RADIUS / 3), **_circle([*members, *partners, *others], RING_RADIUS)}
    by_organization: dict[str, list[str]] = defaultdict(list)
    for person, organization, key in sorted(graph.edges(keys=True)):
        if key == "official" and organization in placed and person not in by_organization[organization]:
            by_organization[organization].append(person)
    for organization, people in by_organization.items():
        x, y = placed[organization]
        base = math.atan2(y, x)
        for i, person in enumerate(people):
            if person not in placed:
                angle = base + (i - (len(people) - 1) / 2) * OFFICIAL_SPREAD
                placed[person] = (OFFICIAL_RADIUS * math.cos(angle), OFFICIAL_RADIUS * math.sin(angle))
    unplaced = sorted(set(graph) - set(placed))
    return {**placed, **_circle(unplaced, OFFICIAL_RADIUS + RING_RADIUS / 2)}


def _entities(graph: nx.MultiDiGraph) -> Positions:
    types = {node: data.get("type", "") for node, data in graph.nodes(data=True)}
    hubs = sorted(node for node, kind in types.items() if kind == MISSION_TYPE)
    entities = sorted((n for n, kind in types.items() if kind in ENTITY_TYPES and n not in hubs), key=lambda n: (types[n], n))
    facts = sorted(set(graph) - set(hubs) - set(entities))
    neighbours = {node: set(nx.all_neighbors(graph, node)) for node in graph}
    fact_radius = max(RING_RADIUS, len(facts) * FACT_SPACING / (2 * math.pi))
    for _ in range(ORDERING_ROUNDS):
        entity_angles = _ring_angles(entities)
        facts = sorted(facts, key=lambda n: (_mean_angle(entity_angles, neighbours[n]), n))
        fact_angles = _ring_angles(facts)
        entities = sorted(entities, key=lambda n: (_mean_angle(fact_angles, neighbours[n]), n))
    return {
        **_circle(hubs, 0.0 if len(hubs) == 1 else RING_RADIUS / 3),
        **_polar(facts[0::2], _ring_angles(facts), fact_radius, ELLIPSE),
        **_polar(facts[1::2], _ring_angles(facts), fact_radius + STAGGER, ELLIPSE),
        **_polar(entities, _ring_angles(entities), fact_radius + STAGGER + RING_GAP, ELLIPSE),
    }


def _provenance(graph: nx.MultiDiGraph) -> Positions:
    sources = sorted({u for u, _, key in graph.edges(keys=True) if key == "about"})
    entities = sorted(set(graph) - set(sources), key=lambda n: (graph.nodes[n].get("type", ""), graph.nodes[n].get("label", ""), n))
    placed = {node: (0.0, -ROW_HEIGHT * i) for i, node in enumerate(entities)}
    middle = -ROW_HEIGHT * (len(entities) - 1) / 2
    for side, column in ((-1.0, sources[0::2]), (1.0, sources[1::2])):
        for i, source in enumerate(column):
            placed[source] = (side * SOURCE_COLUMN, middle + (i - (len(column) - 1) / 2) * 4 * ROW_HEIGHT)
    return placed


def _neighbourhood(graph: nx.MultiDiGraph) -> Positions:
    centre = graph.graph["centre"]
    around = sorted((node for node in graph if node != centre),
                    key=lambda n: (graph.nodes[n].get("type", ""), graph.nodes[n].get("label", ""), n))
    half = (len(around) + 1) // 2
    placed = {centre: (0.0, 0.0)}
    for side, column in ((-1.0, around[:half]), (1.0, around[half:])):
        for i, node in enumerate(column):
            placed[node] = (side * SIDE_COLUMN, SIDE_ROW * ((len(column) - 1) / 2 - i))
    return placed


def _spring(graph: nx.MultiDiGraph) -> Positions:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    if not simple:
        return {}
    radius = SPRING_INCHES * math.sqrt(len(simple))
    found = nx.spring_layout(simple, k=2.2 / math.sqrt(len(simple)), iterations=400, seed=SPRING_SEED, scale=radius)
    return {node: (float(x), float(y)) for node, (x, y) in found.items()}


def _circle(nodes: list[str], radius: float) -> Positions:
    """Clockwise from the top."""
    return _polar(nodes, {node: math.pi / 2 - 2 * math.pi * i / len(nodes) for i, node in enumerate(nodes)}, radius)


def _polar(nodes: list[str], angles: dict[str, float], radius: float, stretch: float = 1.0) -> Positions:
    """On a circle, or an ellipse ``stretch`` times wider than high."""
    return {node: (stretch * radius * math.cos(angles[node]), radius * math.sin(angles[node])) for node in nodes}


def _ring_angles(nodes: list[str]) -> dict[str, float]:
    """Evenly round the ring, counter-clockwise from the left, the order in which :func:`_mean_angle` sorts."""
    return {node: -math.pi + 2 * math.pi * i / len(nodes) for i, node in enumerate(nodes)}


def _mean_angle(angles: dict[str, float], nodes: set[str]) -> float:
    """The circular mean of the angles of those of ``nodes`` that have one; after every angle when none has."""
    placed = [angles[node] for node in nodes if node in angles]
    if not placed:
        return 2 * math.pi
    return math.atan2(sum(math.sin(a) for a in placed), sum(math.cos(a) for a in placed))


def _joined(graph: nx.MultiDiGraph, node: str) -> str:
    """The earliest joining date of a member, or a sort key after every date."""
    dates = [data.get("date", "") for _, _, key, data in graph.out_edges(node, keys=True, data=True) if key == "member"]
    return min((date for date in dates if date), default="~")


def _role(graph: nx.MultiDiGraph, node: str) -> str:
    return min((str(data.get("role", "")) for _, _, data in graph.out_edges(node, data=True)), default="")


def bent_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict, float]]:
    """Each edge with its curvature: straight when alone, fanned out when others join the same two nodes.

    The curve is a quadratic Bézier whose control point lies ``bend`` times the chord away from the
    chord's middle, to the right of the direction of travel (matplotlib's arc3).
    """
    between: dict[tuple[str, str], list[tuple[str, str, dict]]] = defaultdict(list)
    for u, v, _, data in sorted(graph.edges(keys=True, data=True), key=lambda edge: edge[:3]):
        between[(min(u, v), max(u, v))].append((u, v, data))
    bent = []
    for (first, _), edges in sorted(between.items()):
        for i, (u, v, data) in enumerate(edges):
            bend = PARALLEL_BEND * (i - (len(edges) - 1) / 2)
            # a bend turns to the right of travel: flip it for edges from the second node to the first,
            # so that the fan spreads across the line between the two nodes whichever way each edge runs
            bent.append((u, v, data, bend if u == first else -bend))
    return bent


#: Where a neighbourhood's labels sit, from its centre: beside the resource each names the link to,
#: where the links have spread apart.
NEIGHBOUR_LABEL = 0.6


def label_along(graph: nx.MultiDiGraph, u: str, v: str) -> float:
    """Where an edge's label sits, from ``u`` (0) to ``v`` (1): nearer the end with fewer edges, where labels crowd less."""
    if graph.graph.get("view") == "neighbourhood":
        return NEIGHBOUR_LABEL if u == graph.graph["centre"] else 1 - NEIGHBOUR_LABEL
    return min(max(graph.degree(u) / (graph.degree(u) + graph.degree(v)), 0.38), 0.62)
