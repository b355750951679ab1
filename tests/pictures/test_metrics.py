"""Degree and betweenness centrality, and connected components, of a view."""

from __future__ import annotations

import pytest

from coalition_kg.pictures.metrics import view_metrics
from coalition_kg.pictures.views import GraphInputError


def test_the_coalition_centres_on_the_mission_then_guatemala(project):
    metrics = view_metrics("coalition", project.dataset)
    assert metrics.view == "coalition"
    assert metrics.edges == 13
    assert [(m.node, m.label, m.type, m.degree) for m in metrics.nodes[:3]] == [
        ("mission/mss-haiti", "Multinational Security Support Mission", "ckg:Mission", 11),
        ("state/GTM", "Guatemala", "ckg:State", 3),
        ("org/haiti-government", "Government of Haiti", "ckg:GovernmentBody", 1),
    ]
    # 78 pairs of the 13 other nodes; the mission lies between 75 of them, Guatemala between 23 (its officials and the rest)
    centralities = [value for m in metrics.nodes[:3] for value in (m.degree_centrality, m.betweenness)]
    assert centralities == pytest.approx([11 / 13, 75 / 78, 3 / 13, 23 / 78, 1 / 13, 0.0])
    assert len(metrics.nodes) == 14
    assert metrics.components == [sorted(node.node for node in metrics.nodes)]


def test_the_table_lists_every_node_and_the_components(project):
    lines = view_metrics("coalition", project.dataset).to_text().splitlines()
    assert lines[0] == "coalition view: 14 nodes, 13 edges, 1 weakly connected component"
    assert lines[2].split() == ["node", "label", "type", "degree", "degree", "centrality", "betweenness"]
    assert lines[4].split() == ["mission/mss-haiti", "Multinational", "Security", "Support", "Mission", "ckg:Mission", "11", "0.846", "0.962"]
    assert lines[5].split() == ["state/GTM", "Guatemala", "ckg:State", "3", "0.231", "0.295"]
    assert lines[-2] == "components:"
    assert lines[-1].startswith("  1. (14 nodes) mission/mss-haiti, org/haiti-government,")


def test_the_provenance_view_centres_on_its_two_sources(project):
    metrics = view_metrics("provenance", project.dataset)
    assert [(node.node, node.degree) for node in metrics.nodes[:2]] == [
        ("source/004_488f5bce62634bfc", 14),
        ("source/000_f53fdc1be9ced35d", 11),
    ]
    assert len(metrics.components) == 1


def test_the_timeline_has_no_network_to_measure(project):
    with pytest.raises(GraphInputError, match="'timeline' is not a network view"):
        view_metrics("timeline", project.dataset)
