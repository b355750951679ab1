"""The static site on a real Apache 2.4, compared path by path with the live server: every IRI
resolves on both, and both answer each ``Accept`` (with q-values) with the same type and the same
graph, or the same page.

Apache serves ``coalition-kg site -o DIR`` with its own configuration (``tests/apache_server.py``):
the site's ``.htaccess`` sends each resource to its type map, and mod_negotiation chooses."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from click.testing import CliRunner
from coalition_server import get

from coalition_kg.cli import main

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDF_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
               "application/rdf+xml": "xml", "application/trig": "trig", "application/n-quads": "nquads"}
#: Every resource is asked each of these; what needs the server (forms' answers, /sparql) is not in the site.
ACCEPTS = [BROWSER, "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
#: q-values, asked of a few resources: the issue's cases, and ties the server's order breaks.
WEIGHED = [
    "text/turtle;q=0, text/html",
    "application/ld+json, text/turtle;q=0.5",
    "text/turtle;q=0.5, application/rdf+xml;q=0.6",
    "application/n-triples;q=0.9, text/turtle",
    "text/turtle, application/ld+json",
    "*/*",
    "text/*",
    "application/*;q=0.8, text/html;q=0.1",
]


def site_paths(site: Path) -> list[str]:
    """The path of every page, and of every description negotiated by a type map."""
    pages = {"/" + str(path.relative_to(site).with_suffix("")) for path in site.rglob("*.html") if path.name not in ("404.html",)}
    maps = {"/" + str(path.relative_to(site).with_suffix("")) for path in site.rglob("*.var")}
    return sorted({"/" if page == "/index" else page for page in pages | maps})


def answer(url: str, accept: str) -> tuple[int, str, bytes]:
    status, headers, body = get(url, accept)
    return status, headers.get("content-type", "").split(";")[0].strip(), body


SPARQL_ENDPOINT = rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint")


def same(path: str, accept: str, ours: tuple[int, str, bytes], theirs: tuple[int, str, bytes]) -> None:
    """The same status; for an answer, the same type, and the same graph for RDF (but for the live
    server's VoID naming its own endpoint, which the site has not), the same title for a page.
    (A refusal's body is each server's own: Apache lists the variants it has.)"""
    assert theirs[0] == ours[0], (path, accept)
    if ours[0] != 200:
        return
    assert theirs[1] == ours[1], (path, accept)
    if ours[1] in RDF_FORMATS:
        graph_format = RDF_FORMATS[ours[1]]
        read = [rdflib.Dataset() if graph_format in ("trig", "nquads") else rdflib.Graph() for _ in range(2)]
        for graph, body in zip(read, (ours[2], theirs[2])):
            graph.parse(data=body, format=graph_format)
        read[0].remove((None, SPARQL_ENDPOINT, None))
        assert isomorphic(*read), (path, accept)
    elif ours[1] == "text/html":
        titles = [re.search(rb"<title>(.*?)</title>", body, re.S) for body in (ours[2], theirs[2])]
        assert titles[0] is not None and titles[1] is not None and titles[0].group(1) == titles[1].group(1), path


def test_every_path_of_the_site_answers_on_apache_as_on_the_server(apache, served):
    base, site = apache
    paths = site_paths(site)
    assert "/id/source/register" in paths and "/id/role" in paths and "/void" in paths  # no page links the register
    for path in paths:
        for accept in ACCEPTS:
            same(path, accept, answer(served + path, accept), answer(base + path, accept))


@pytest.mark.parametrize("accept", WEIGHED)
@pytest.mark.parametrize("path", ["/id/state/GTM", "/id/membership/jam-mss-haiti", "/id/role", "/ontology", "/.well-known/void"])
def test_q_values_choose_on_apache_as_on_the_server(apache, served, path, accept):
    base, _ = apache
    same(path, accept, answer(served + path, accept), answer(base + path, accept))


def test_a_concept_scheme_is_not_redirected_to_a_folder(apache):
    base, _ = apache
    request = urllib.request.Request(base + "/id/role", headers={"Accept": "text/html"}, method="GET")
    with urllib.request.urlopen(request) as response:  # a 301 to /id/role/ would be followed to a 404
        assert (response.status, response.url) == (200, base + "/id/role")


def test_the_site_names_no_endpoint_it_does_not_have(apache, built, tmp_path):
    base, _ = apache
    void = rdflib.Graph().parse(data=answer(base + "/.well-known/void", "text/turtle")[2], format="turtle")
    assert list(void.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))) == []
    site = tmp_path / "site"
    CliRunner().invoke(main, ["site", "-o", str(site), "--build-dir", str(built), "--endpoint", "https://example.org/sparql"])
    void = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    assert list(void.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))) == [rdflib.URIRef("https://example.org/sparql")]


def test_apache_sends_the_servers_security_headers_and_answers_head(apache, served):
    base, _ = apache
    request = urllib.request.Request(base + "/id/state/GTM", headers={"Accept": "text/turtle"}, method="HEAD")
    with urllib.request.urlopen(request) as response:
        assert response.read() == b"" and response.headers["content-type"].startswith("text/turtle")
        live = get(served + "/id/state/GTM", "text/turtle")[1]
        for name in ("content-security-policy", "x-content-type-options", "x-frame-options"):
            assert response.headers[name] == live[name]


def test_an_unknown_path_is_the_not_found_page(apache):
    base, _ = apache
    status, media_type, body = answer(base + "/id/state/NOWHERE", BROWSER)
    assert (status, media_type) == (404, "text/html") and b"<title>" in body



@pytest.mark.parametrize("suffix, request_of_the_api", [("csv", "?format=csv"), ("json", "?download=1")])
def test_a_questions_default_answer_downloads_from_apache_as_from_the_api(apache, served, suffix, request_of_the_api):
    """The CSV and JSON a static question page links are the API's answer, with its type."""
    base, _ = apache
    ours = answer(served + "/api/queries/members" + request_of_the_api, "*/*")
    theirs = answer(base + f"/api/queries/members.{suffix}", "*/*")
    assert ours[:2] == theirs[:2] == (200, {"csv": "text/csv", "json": "application/json"}[suffix]) and theirs[2] == ours[2]
