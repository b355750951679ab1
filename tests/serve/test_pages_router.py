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


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def texts(page: str, selector_tag: str) -> list[str]:
    """The text of every element ``selector_tag`` (h1, h3, li...) of a page, its markup and spaces left out."""
    import html
    import re

    found = re.findall(rf"<{selector_tag}\b[^>]*>(.*?)</{selector_tag}>", page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</t[dh]>", " ", text))).split()) for text in found]


def test_a_mission_page_sums_up_its_coalition_before_its_facts(served):
    page = get(f"{served}/id/mission/mss-haiti", BROWSER)[2].decode()
    headings = texts(page, "h2")
    assert headings.index("At a glance") < headings.index("Facts and their sources") < headings.index("Identifiers and properties")
    assert texts(page, "h3")[:4] == ["Members in order of joining", "Memberships 6", "Legal instruments 6", "Deployments 7"]
    members = page.split('aria-labelledby="summary-membership"')[1].split("</table>")[0]
    assert [row.split(" ")[0] for row in texts(members, "tr")[1:]] == ["El", "Jamaica", "Bahamas", "Belize", "Guatemala", "Kenya"]
    assert "El Salvador signature of the agreement 3 August 2024 2 sentences" in texts(members, "tr")
    conflicts = texts(page.split("Claims the other facts contradict")[1].split("</ul>")[0], "li")
    assert conflicts == [
        "Claim: 5 states back the Multinational Security Support Mission: claimed 5, the other facts give 6 (member states across all sources).",
        "Claim: Jamaica was the first to join the Multinational Security Support Mission: claimed 1, the other facts give 2 (rank among the dated joins).",
    ]
    officials = texts(page.split("Officials named in its facts")[1].split("</ul>")[0], "li")
    assert officials == ["Bernardo Arévalo, president of Guatemala",
                         "Claudia Escobar, ambassador of Guatemala, accredited to the Organization of American States"]
    assert "When each member joined, by the date of its instrument: El Salvador 3 August 2024, Jamaica 20 September 2024" in page


def test_a_fact_page_is_titled_by_its_sentence_with_its_values_and_every_source(served):
    page = get(f"{served}/id/membership/jam-mss-haiti", BROWSER)[2].decode()
    assert texts(page, "h1") == ["Jamaica joined the Multinational Security Support Mission by its instrument of adhesion, 20 September 2024"]
    assert texts(page, "dt")[:3] == ["member", "organization", "joined by"]
    assert texts(page, "blockquote") == [
        "The MSSM’s international makeup now includes personnel from Kenya, Jamaica, Belize, Guatemala, El Salvador, and other contributing nations.",
        "Jamaica was the first to join, submitting its Instrument of Adhesion on September 20, 2024, followed shortly by the Bahamas on September 26, 2024.",
    ]


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
