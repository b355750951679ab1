"""What the server gives for a resource in JSON-LD and Turtle is the graph of its N-Triples, and
the ontology's is the graph of ``ontology/coalition.ttl``: read by rdflib and pyld, with no
network (the published context is the one consumer-held document, as the build writes it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from coalition_server import get
from offline_rdf import pyld_dataset, rdflib_dataset, union
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from coalition_kg.core.paths import ONTOLOGY_DIR
from coalition_kg.dataset.context import CONTEXT_IRI

SITE = "https://w3id.org/coalition-kg"
#: Minted, but with no page of its own yet: the catalog's prefix declarations (issue 18: every IRI reachable).
NO_PAGE = {SITE + "/id/query/prefixes"}


@pytest.fixture(scope="module")
def preloaded(built: Path) -> dict[str, object]:
    return {CONTEXT_IRI: json.loads((built / "context.jsonld").read_bytes())}


def readings(served: str, path: str, preloaded: dict[str, object]) -> dict[str, Graph]:
    """The resource at ``path`` as each parser reads each of its RDF forms."""
    bodies = {}
    for suffix in (".nt", ".ttl", ".jsonld"):
        status, _, bodies[suffix] = get(f"{served}{path}{suffix}")
        assert status == 200, f"{path}{suffix}: {status}"
    return {
        "N-Triples (rdflib)": union(rdflib_dataset(bodies[".nt"], "nt")),
        "Turtle (rdflib)": union(rdflib_dataset(bodies[".ttl"], "turtle")),
        "JSON-LD (rdflib)": union(rdflib_dataset(bodies[".jsonld"], "json-ld", preloaded)),
        "JSON-LD (pyld)": union(pyld_dataset(bodies[".jsonld"], preloaded)),
    }


def resources(built: Path) -> list[str]:
    """Every IRI the build mints that has a page: the data's resources, the concept schemes and
    their concepts, the questions (fragments are parts of their page), and the ontology."""
    graph = union(rdflib_dataset((built / "coalition.nq").read_bytes(), "nquads"))
    graph += Graph().parse(built / "ontology" / "coalition.ttl") + Graph().parse(built / "queries.ttl")
    minted = {str(s) for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(SITE + "/id/")}
    return sorted(iri for iri in minted - NO_PAGE if "#" not in iri) + [SITE + "/ontology"]


def test_the_ontology_in_every_format_is_the_ontology_file(served, preloaded):
    ontology = Graph().parse(ONTOLOGY_DIR / "coalition.ttl")
    for reading, graph in readings(served, "/ontology", preloaded).items():
        assert len(graph) == len(ontology) == 790 + 32 + 27, reading  # 32: the reused terms declared; 27: their names
        assert isomorphic(graph, ontology), reading


def test_the_union_classes_keep_their_order_in_json_ld(served):
    """``owl:unionOf ( schema:Person org:Organization )``: an RDF list is ordered."""
    document = json.loads(get(f"{served}/ontology.jsonld")[2])
    unions = [node["owl:unionOf"]["@list"] for node in document["@graph"] if "owl:unionOf" in node]
    assert unions == [[{"@id": "schema:Person"}, {"@id": "org:Organization"}]] * 2


def test_every_resource_in_json_ld_and_turtle_is_its_n_triples(served, built, preloaded):
    pages = resources(built)
    assert len(pages) == 107 + 6 + 71 + 13 + 1  # the data's, the 6 schemes and their concepts, the questions, the ontology
    differing = []
    for iri in pages:
        forms = readings(served, iri[len(SITE):], preloaded)
        expected = forms.pop("N-Triples (rdflib)")
        assert len(expected) > 0, iri
        differing += [f"{iri} {reading}" for reading, graph in forms.items() if not isomorphic(graph, expected)]
    assert differing == []
