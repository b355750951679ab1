"""The catalog as RDF next to the data: one SHACL SPARQL executable per canned question."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SH

from coalition_kg.queries.catalog import load_catalog
from coalition_kg.queries.catalog_rdf import catalog_turtle

SCHEMA = Namespace("https://schema.org/")
QUERY = Namespace("https://w3id.org/coalition-kg/id/query/")


@pytest.fixture(scope="module")
def graph(built: Path) -> Graph:
    """build/queries.ttl as written by the build."""
    return Graph().parse(built / "queries.ttl")


def test_the_build_writes_the_catalog_next_to_the_data(built: Path) -> None:
    assert (built / "queries.ttl").read_bytes() == catalog_turtle()


def test_one_select_executable_per_question(graph: Graph) -> None:
    executables = set(graph.subjects(RDF.type, SH.SPARQLSelectExecutable))
    assert executables == {QUERY[query.name] for query in load_catalog()}
    assert executables == set(graph.subjects(RDF.type, SH.SPARQLExecutable))


def test_each_executable_carries_its_query_and_metadata(graph: Graph) -> None:
    for query in load_catalog():
        subject = QUERY[query.name]
        assert graph.value(subject, DCTERMS.identifier) == Literal(query.name)
        assert graph.value(subject, RDFS.label) == Literal(query.summary, lang="en")
        assert graph.value(subject, SH.select) == Literal(query.body)
        assert set(graph.objects(subject, SCHEMA.keywords)) == {Literal(tag) for tag in query.tags}


def test_the_comment_gives_the_description_and_parameters(graph: Graph) -> None:
    comment = str(graph.value(URIRef(QUERY["members-as-of"]), RDFS.comment))
    assert comment.startswith("The member states of the mission whose instrument of joining")
    assert comment.endswith(
        "Parameters (bind the variable of the same name): date (date, required); "
        "mission (mission, default mission/mss-haiti)."
    )


def test_each_executable_names_its_endpoint_and_its_parameters(graph: Graph) -> None:
    """The SIB sparql-examples convention: schema:target, and parameters a program can read."""
    for query in load_catalog():
        subject = QUERY[query.name]
        assert graph.value(subject, SCHEMA.target) == URIRef("https://w3id.org/coalition-kg/sparql")
        declared = {str(graph.value(node, SH.name)): node for node in graph.objects(subject, SH.parameter)}
        assert sorted(declared) == sorted(p.name for p in query.params)
    date = URIRef(QUERY["members-as-of"] + "#date")
    assert graph.value(date, SH.optional) == Literal(False)
    assert graph.value(date, SH.datatype) == URIRef("http://www.w3.org/2001/XMLSchema#date")
    mission = URIRef(QUERY["members-as-of"] + "#mission")
    assert graph.value(mission, SH["class"]) == URIRef("https://w3id.org/coalition-kg/ontology#Mission")
    assert graph.value(mission, SH.defaultValue) == URIRef("https://w3id.org/coalition-kg/id/mission/mss-haiti")
    prefixes = graph.value(QUERY["members"], SH.prefixes)
    declared = {str(graph.value(d, SH.prefix)): str(graph.value(d, SH.namespace)) for d in graph.objects(prefixes, SH.declare)}
    assert declared["org"] == "http://www.w3.org/ns/org#"
