"""A page for every minted IRI, at its own path: HTML for browsers, RDF by Accept or suffix, 404 otherwise."""

from __future__ import annotations

import json

import pytest
import rdflib
from coalition_server import get

GTM = "https://w3id.org/coalition-kg/id/state/GTM"
RDF_TYPES = {"text/turtle": ("turtle", ".ttl"), "application/ld+json": ("json-ld", ".jsonld"), "application/n-triples": ("nt", ".nt"),
             "application/rdf+xml": ("xml", ".rdf")}


def parsed(served: str, body: bytes, rdf_format: str) -> rdflib.Graph:
    if rdf_format == "json-ld":  # the published context, written inline: nothing to fetch
        assert json.loads(body)["@context"] == json.loads(get(f"{served}/context.jsonld")[2])["@context"]
    return rdflib.Graph().parse(data=body, format=rdf_format)


@pytest.mark.parametrize("media_type", RDF_TYPES)
def test_a_resource_in_rdf_by_accept_and_by_suffix(served, media_type):
    rdf_format, suffix = RDF_TYPES[media_type]
    by_accept = get(f"{served}/id/state/GTM", media_type)
    by_suffix = get(f"{served}/id/state/GTM{suffix}")
    assert by_accept[0] == by_suffix[0] == 200 and by_accept[2] == by_suffix[2]
    assert by_accept[1]["content-type"].startswith(media_type) and by_accept[1]["vary"] == "Accept"
    graph = parsed(served, by_accept[2], rdf_format)
    gtm = rdflib.URIRef(GTM)
    assert str(graph.value(gtm, rdflib.SKOS.prefLabel)) == "Guatemala"
    assert graph.value(gtm, rdflib.SKOS.exactMatch) == rdflib.URIRef("http://www.wikidata.org/entity/Q774")
    assert (gtm, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/coalition-kg/ontology#State")) in graph


def test_the_compacted_json_ld_reads_as_the_turtle(served):
    turtle = parsed(served, get(f"{served}/id/membership/jam-mss-haiti.ttl")[2], "turtle")
    document = json.loads(get(f"{served}/id/membership/jam-mss-haiti.jsonld")[2])
    assert document["@type"] == "Membership" and document["member"] == "state:JAM"
    jsonld = parsed(served, json.dumps(document).encode(), "json-ld")
    assert set(jsonld) == set(turtle) and len(turtle) == 8


def test_a_browser_gets_the_page(served):
    status, headers, body = get(f"{served}/id/state/GTM", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert status == 200 and headers["content-type"].startswith("text/html") and headers["vary"] == "Accept"
    page = body.decode()
    assert "<h1>Guatemala</h1>" in page and 'href="https://www.wikidata.org/wiki/Q774"' in page
    assert "Guatemala formalized its involvement with an Instrument of Adhesion on December 6, 2024." in page


@pytest.mark.parametrize(("path", "expected"), [
    ("/ontology", ("https://w3id.org/coalition-kg/ontology#Mission", rdflib.RDFS.label, rdflib.Literal("mission", lang="en"))),
    ("/id/instrument-kind", ("https://w3id.org/coalition-kg/id/instrument-kind/adhesion", rdflib.SKOS.inScheme,
                             rdflib.URIRef("https://w3id.org/coalition-kg/id/instrument-kind"))),
    ("/id/query/members", ("https://w3id.org/coalition-kg/id/query/members", rdflib.DCTERMS.identifier, rdflib.Literal("members"))),
])
def test_ontology_schemes_and_questions_dereference(served, path, expected):
    subject, predicate, value = expected
    graph = parsed(served, get(f"{served}{path}.ttl")[2], "turtle")
    assert (rdflib.URIRef(subject), predicate, value) in graph
    assert get(f"{served}{path}", "text/html")[0] == 200


def test_unknown_iris_are_404(served):
    status, headers, body = get(f"{served}/id/state/NARNIA", "text/html")
    assert status == 404 and headers["content-type"].startswith("text/html") and b"/id/state/NARNIA" in body
    status, _, body = get(f"{served}/id/state/NARNIA", "text/turtle")
    assert status == 404 and b"nothing is known of <https://w3id.org/coalition-kg/id/state/NARNIA>" in body
    assert get(f"{served}/no/such/page", "text/html")[0] == 404
    assert get(f"{served}/id/state/GTM", "image/png")[0] == 406


def test_the_context_is_published(served, built):
    status, headers, body = get(f"{served}/context.jsonld")
    assert status == 200 and headers["content-type"].startswith("application/ld+json")
    context = json.loads(body)["@context"]
    assert context["member"] == {"@id": "http://www.w3.org/ns/org#member", "@type": "@id"}
    assert context["State"] == "https://w3id.org/coalition-kg/ontology#State"
    assert json.loads((built / "context.jsonld").read_bytes()) == json.loads(body)
