"""Positions of the views: the coalition's rings in joining order, sources beside what they speak about, no overlaps."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from coalition_kg.pictures.layout import OFFICIAL_RADIUS, RING_RADIUS, bent_edges, positions
from coalition_kg.pictures.views import build_view


def clockwise_from_top(placed: dict[str, tuple[float, float]], nodes) -> list[str]:
    return sorted(nodes, key=lambda node: (math.pi / 2 - math.atan2(placed[node][1], placed[node][0])) % (2 * math.pi))


def test_coalition_mission_in_the_centre_members_by_joining_date_then_partners(project):
    graph = build_view("coalition", project.dataset)
    placed = positions(graph)
    assert placed["mission/mss-haiti"] == (0.0, 0.0)
    ring = [node for node in graph if math.isclose(math.hypot(*placed[node]), RING_RADIUS)]
    assert clockwise_from_top(placed, ring) == [
        "state/SLV", "state/JAM", "state/BHS", "state/BLZ", "state/GTM", "state/KEN",  # members, undated last
        "org/un", "org/haiti-government", "org/pnh", "state/HTI", "state/USA",  # partners by role
    ]  # fmt: skip
    for person in ("person/bernardo-arevalo", "person/claudia-escobar"):
        assert math.isclose(math.hypot(*placed[person]), OFFICIAL_RADIUS)
        assert math.dist(placed[person], placed["state/GTM"]) < OFFICIAL_RADIUS - RING_RADIUS + 1


def test_provenance_sources_flank_the_entities(project):
    placed = positions(build_view("provenance", project.dataset))
    assert placed["source/000_f53fdc1be9ced35d"][0] < 0 < placed["source/004_488f5bce62634bfc"][0]
    assert {x for node, (x, _) in placed.items() if not node.startswith("source/")} == {0.0}


@pytest.mark.parametrize("view", ["coalition", "entities", "provenance"])
def test_every_node_has_a_place_of_its_own_and_the_same_each_time(project, view):
    graph = build_view(view, project.dataset)
    placed = positions(graph)
    assert set(placed) == set(graph)
    assert placed == positions(build_view(view, project.dataset))
    closest = min(math.dist(placed[a], placed[b]) for a in placed for b in placed if a < b)
    assert closest > 0.5  # inches


def test_a_graph_of_no_known_view_is_laid_out_by_a_seeded_spring():
    graph = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    assert positions(graph) == positions(nx.MultiDiGraph([("c", "a"), ("a", "b"), ("b", "c")]))


def test_edges_between_the_same_nodes_fan_out():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="org:holds")
    graph.add_edge("b", "a", key="org:heldBy")
    graph.add_edge("b", "c", key="org:postIn")
    # the same bend, travelled in opposite directions, curves to opposite sides
    assert [(u, v, bend) for u, v, _, bend in bent_edges(graph)] == [("a", "b", -0.09), ("b", "a", -0.09), ("b", "c", 0.0)]
