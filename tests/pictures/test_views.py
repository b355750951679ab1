"""The RDF dataset as networkx graphs: the generic conversion and the coalition, entities, provenance
and neighbourhood views."""

from __future__ import annotations

import pytest
from rdflib import RDF, Dataset, Literal, URIRef

from coalition_kg.core.inputfiles import InputError
from coalition_kg.core.namespaces import ID, ONTOLOGY, PREFIXES
from coalition_kg.pictures.views import GraphInputError, build_view, load_dataset, node_attributes, to_multidigraph

ORG = PREFIXES["org"]
SKOS = PREFIXES["skos"]
BOTH = "source/000_f53fdc1be9ced35d; source/004_488f5bce62634bfc"
A000 = "source/000_f53fdc1be9ced35d"
A004 = "source/004_488f5bce62634bfc"
MISSION = "mission/mss-haiti"


@pytest.fixture(scope="module")
def dataset(project) -> Dataset:
    return project.dataset


def edges_of(graph) -> dict[tuple[str, str, str], dict]:
    return {(u, v, key): data for u, v, key, data in graph.edges(keys=True, data=True)}


def member(kind: str, date: str, label: str, deployments: int, deployment_kinds: str, sources: str) -> dict:
    return {
        "relation": "member",
        "instrument_kind": kind,
        "date": date,
        "label": label,
        "deployments": deployments,
        "deployment_kinds": deployment_kinds,
        "sources": sources,
    }


def role(relation: str, name: str, sources: str) -> dict:
    return {"relation": relation, "role": name, "label": name, "sources": sources}


# --- the generic conversion -----------------------------------------------------------


def small_dataset() -> Dataset:
    """Two sources stating one triple alike; a literal, a concept and a label on the nodes."""
    dataset = Dataset(default_union=True)
    person, post, state = URIRef(ID + "person/ana"), URIRef(ID + "post/ana-minister"), URIRef(ID + "state/GTM")
    first, second = dataset.graph(URIRef(ID + "source/a")), dataset.graph(URIRef(ID + "source/b"))
    for graph in (first, second):
        graph.add((person, URIRef(ORG + "holds"), post))
    first.add((person, RDF.type, URIRef(PREFIXES["schema"] + "Person")))
    first.add((person, URIRef(SKOS + "prefLabel"), Literal("Ana", lang="en")))
    first.add((post, RDF.type, URIRef(ONTOLOGY + "Post")))
    first.add((post, URIRef(ORG + "postIn"), state))
    first.add((post, URIRef(ORG + "role"), URIRef(ID + "role/minister")))
    second.add((state, URIRef(ONTOLOGY + "iso3166Alpha3"), Literal("GTM")))
    second.add((state, URIRef(SKOS + "altLabel"), Literal("Guate")))
    second.add((state, URIRef(SKOS + "altLabel"), Literal("GT")))
    return dataset


def test_resources_become_nodes_and_literals_attributes():
    graph = to_multidigraph(small_dataset())
    assert dict(graph.nodes(data=True)) == {
        "person/ana": {"iri": ID + "person/ana", "label": "Ana", "type": "schema:Person"},
        "post/ana-minister": {"iri": ID + "post/ana-minister", "label": "post/ana-minister", "type": "ckg:Post", "role": "minister"},
        "state/GTM": {"iri": ID + "state/GTM", "label": "state/GTM", "type": "", "altLabel": "GT; Guate", "iso3166Alpha3": "GTM"},
    }


def test_edges_are_prefixed_predicates_keeping_every_source():
    assert edges_of(to_multidigraph(small_dataset())) == {
        ("person/ana", "post/ana-minister", "org:holds"): {"label": "org:holds", "sources": "source/a; source/b"},
        ("post/ana-minister", "state/GTM", "org:postIn"): {"label": "org:postIn", "sources": "source/a"},
    }


def test_a_filter_keeps_only_the_quads_it_accepts():
    graph = to_multidigraph(small_dataset(), keep=lambda quad: quad[1] != URIRef(ORG + "postIn"))
    assert list(edges_of(graph)) == [("person/ana", "post/ana-minister", "org:holds")]
    # the state stays a node: it is still the subject of kept (literal) statements
    assert sorted(graph) == ["person/ana", "post/ana-minister", "state/GTM"]


def test_node_attributes_of_a_project_state(dataset):
    assert node_attributes(dataset, URIRef(ID + "state/GTM")) == {
        "iri": ID + "state/GTM",
        "label": "Guatemala",
        "type": "ckg:State",
        "exactMatch": "wd:Q774",
        "iso3166Alpha3": "GTM",
    }


def test_evidence_nodes_are_typed_by_the_project_class_first(dataset):
    evidence = dataset.value(URIRef(ID + "instrument/jam-adhesion"), URIRef(PREFIXES["prov"] + "qualifiedDerivation"))
    attributes = node_attributes(dataset, evidence)
    assert attributes["iri"] == str(evidence)
    assert attributes["type"] == "ckg:Evidence"
    assert attributes["quotedSentence"].startswith("Jamaica was the first to join")


# --- the coalition view -------------------------------------------------------------------


def test_coalition_nodes_and_their_parts(dataset):
    graph = build_view("coalition", dataset)
    assert {node: data["coalition_role"] for node, data in graph.nodes(data=True)} == {
        MISSION: "mission",
        **{f"state/{code}": "member" for code in ("BHS", "BLZ", "GTM", "JAM", "KEN", "SLV")},
        **{node: "partner" for node in ("state/HTI", "state/USA", "org/pnh", "org/haiti-government", "org/un")},
        "person/bernardo-arevalo": "official",
        "person/claudia-escobar": "official",
    }
    assert graph.nodes[MISSION]["label"] == "Multinational Security Support Mission"
    assert graph.nodes[MISSION]["altLabel"] == "MMAS; MSSM"
    assert graph.nodes["org/un"]["type"] == "ckg:InternationalOrganization"


def test_coalition_edges_fold_the_facts(dataset):
    assert edges_of(build_view("coalition", dataset)) == {
        ("state/BHS", MISSION, "member"): member("", "2024-09-26", "kind not stated, 2024-09-26", 0, "", A004),
        ("state/BLZ", MISSION, "member"): member("ratification", "2024-11-27", "ratification, 2024-11-27", 1, "personnel", BOTH),
        ("state/GTM", MISSION, "member"): member(
            "adhesion", "2024-12-06", "adhesion, 2024-12-06", 2, "military-police; troops", BOTH
        ),
        ("state/JAM", MISSION, "member"): member("adhesion", "2024-09-20", "adhesion, 2024-09-20", 1, "personnel", BOTH),
        ("state/KEN", MISSION, "member"): member("", "", "member, no instrument stated", 1, "personnel", A000),
        ("state/SLV", MISSION, "member"): member(
            "signature", "2024-08-03", "signature, 2024-08-03", 2, "medevac-helicopters; troops", BOTH
        ),
        ("state/HTI", MISSION, "partner"): role("partner", "host-state", A000),
        ("org/pnh", MISSION, "partner"): role("partner", "host-nation-force", BOTH),
        ("org/haiti-government", MISSION, "partner"): role("partner", "host-government", A004),
        ("org/un", MISSION, "partner"): role("partner", "backer", A000),
        ("state/USA", MISSION, "partner"): role("partner", "supporter", A000),
        ("person/bernardo-arevalo", "state/GTM", "official"): role("official", "president", BOTH),
        ("person/claudia-escobar", "state/GTM", "official"): role("official", "ambassador", A004),
    }


def test_the_coalition_view_of_the_trig_export_is_the_same(dataset, built):
    from_export = build_view("coalition", load_dataset(built / "coalition.trig"))
    from_data = build_view("coalition", dataset)
    assert dict(from_export.nodes(data=True)) == dict(from_data.nodes(data=True))
    assert edges_of(from_export) == edges_of(from_data)


# --- the entities and provenance views ---------------------------------------------------------


def test_entities_view_holds_entities_and_facts_but_no_sources_or_evidence(dataset):
    graph = build_view("entities", dataset)
    kinds = {node.split("/")[0] for node in graph}
    assert kinds == {
        "mission", "state", "org", "person",
        "membership", "instrument", "deployment", "statement", "post", "event", "partnership",
        "ordinal-claim", "count-claim", "name",
    }  # fmt: skip
    assert graph.number_of_nodes() == 58
    assert graph.number_of_edges() == 97
    assert edges_of(graph)[("membership/jam-mss-haiti", "instrument/jam-adhesion", "ckg:joinedBy")] == {
        "label": "ckg:joinedBy",
        "sources": A004,
    }
    assert edges_of(graph)[("org/pnh", "state/HTI", "org:subOrganizationOf")]["sources"] == "source/register"
    assert graph.nodes["instrument/jam-adhesion"]["instrumentKind"] == "adhesion"
    assert graph.nodes["instrument/jam-adhesion"]["date"] == "2024-09-20"


def test_provenance_view_links_each_source_to_what_it_speaks_about(dataset):
    edges = edges_of(build_view("provenance", dataset))
    assert {(u, v) for u, v, _ in edges if u == A000} == {
        (A000, node)
        for node in (MISSION, "org/pnh", "org/un", "person/bernardo-arevalo", "state/BLZ", "state/GTM", "state/HTI")
        + ("state/JAM", "state/KEN", "state/SLV", "state/USA")
    }
    assert len(edges) == 25
    assert edges[(A004, "state/GTM", "about")] == {
        "relation": "about",
        "label": "8 facts",
        "facts": 8,
        "fact_kinds": "deployment, event, instrument, membership, ordinal-claim, post ×2, statement",
        "sources": A004,
    }
    assert edges[(A000, "org/un", "about")]["label"] == "1 fact"


# --- errors ---------------------------------------------------------------------------------


def test_an_unknown_view_is_refused_by_name(dataset):
    with pytest.raises(GraphInputError, match="'timeline' is not a network view; expected one of coalition, entities, provenance"):
        build_view("timeline", dataset)


def test_a_file_without_named_graphs_is_refused(built):
    with pytest.raises(GraphInputError, match=r"coalition\.ttl: cannot draw from '\.ttl' files; expected TriG"):
        load_dataset(built / "coalition.ttl")


def test_a_broken_trig_file_names_its_line(tmp_path):
    broken = tmp_path / "broken.trig"
    broken.write_text("<https://example.org/g> {\n  <https://example.org/a> <https://example.org/b> .\n}\n")
    with pytest.raises(InputError, match=r"broken\.trig:2"):
        load_dataset(broken)


def test_a_neighbourhood_draws_at_most_24_around_its_centre_the_most_linked_first_and_counts_the_rest():
    from coalition_kg.pictures.layout import positions
    from coalition_kg.pictures.views import NEIGHBOURS_DRAWN, Linked, neighbourhood_view

    centre = Linked("https://w3id.org/coalition-kg/id/mission/m", "A mission", "ckg:Mission", "")
    linked = [Linked(f"https://w3id.org/coalition-kg/id/state/S{i:02}", f"State {i:02}", "ckg:State", f"{i} deployments",
                     outgoing=i % 2 == 0, weight=i) for i in range(1, 31)]
    view = neighbourhood_view(centre, linked)
    assert view.number_of_nodes() == NEIGHBOURS_DRAWN + 1 == 25 and view.graph["more"] == 6
    assert "state/S30" in view and "state/S06" not in view  # the least linked are counted, not drawn
    assert view.has_edge("mission/m", "state/S30") and view.has_edge("state/S29", "mission/m")
    assert view.edges["mission/m", "state/S30", "link"]["label"] == "30 deployments"
    placed = positions(view)
    assert placed["mission/m"] == (0.0, 0.0)
    left = sorted((y, node) for node, (x, y) in placed.items() if x < 0)
    right = sorted((y, node) for node, (x, y) in placed.items() if x > 0)
    assert len(left) == len(right) == 12  # a column on each side, read top to bottom by name
    assert [node for _, node in reversed(left)] == sorted(node for _, node in left)
