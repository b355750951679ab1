"""Readable names for the IRIs of an answer: entities from the graph, concepts from the ontology."""

from __future__ import annotations

from pathlib import Path

from coalition_kg.core.namespaces import ID, ONTOLOGY
from coalition_kg.queries.engine import LocalEndpoint
from coalition_kg.queries.labels import label_map
from coalition_kg.store.disk import open_store


def test_entities_are_named_from_the_graph_and_concepts_from_the_ontology(built: Path) -> None:
    iris = [ID + "state/GTM", ID + "mission/mss-haiti", ID + "instrument-kind/signature",
            ID + "deployment-status/serving", ID + "source/004_488f5bce62634bfc", ID + "membership/jam-mss-haiti",
            ONTOLOGY + "Membership", "urn:not-in-the-graph"]
    names = label_map(LocalEndpoint(open_store(built)), iris)
    assert names == {
        ID + "state/GTM": "Guatemala",
        ID + "mission/mss-haiti": "Multinational Security Support Mission",
        ID + "instrument-kind/signature": "signature of the agreement",
        ID + "deployment-status/serving": "serving",
        ID + "source/004_488f5bce62634bfc": "Article 004: Guatemala joins the Multinational Security Support Mission (MMAS)",
    }


def test_no_iris_ask_nothing(built: Path) -> None:
    assert label_map(LocalEndpoint(open_store(built)), []) == {}
