"""The SPARQL 1.1 Protocol at /sparql, over real HTTP: every way of asking, every format (each
body parsed by rdflib), every refusal with its status, and the server answering after each."""

from __future__ import annotations

import io
import json
import socket
import time
import urllib.parse

import pytest
import rdflib
from coalition_server import get
from rdflib.query import Result

MEMBERS = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?state WHERE { ?state org:memberOf <https://w3id.org/coalition-kg/id/mission/mss-haiti> } ORDER BY ?state"""
MEMBER_CODES = ["BHS", "BLZ", "GTM", "JAM", "KEN", "SLV"]
CONSTRUCT = """PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?state org:memberOf ?mission } WHERE { ?state org:memberOf ?mission }"""
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "application/rdf+xml": "xml",
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}


def ask(base: str, query: str, accept: str | None = None, **fields: str):
    return get(f"{base}/sparql?" + urllib.parse.urlencode({"query": query, **fields}), accept)


def codes(rows) -> list[str]:
    return sorted(str(row[0]).rsplit("/", 1)[-1] for row in rows)


def still_answering(base: str) -> None:
    status, _, body = ask(base, "ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert (status, json.loads(body)["boolean"]) == (200, True)


@pytest.mark.parametrize("media_type", RESULT_TYPES)
def test_select_in_every_results_format_by_accept(served, media_type):
    status, headers, body = ask(served, MEMBERS, f"{media_type}, */*;q=0.1")
    assert status == 200 and headers["content-type"].startswith(media_type) and headers["vary"] == "Accept"
    parsed = Result.parse(io.BytesIO(body), format=RESULT_TYPES[media_type])
    assert codes(parsed) == MEMBER_CODES


@pytest.mark.parametrize("media_type", GRAPH_TYPES)
def test_construct_in_every_graph_format_by_accept(served, media_type):
    status, headers, body = ask(served, CONSTRUCT, media_type)
    assert status == 200 and headers["content-type"].startswith(media_type)
    graph = rdflib.Dataset() if media_type in ("application/trig", "application/n-quads") else rdflib.Graph()
    graph.parse(data=body, format=GRAPH_TYPES[media_type])
    members = graph.subjects(rdflib.URIRef("http://www.w3.org/ns/org#memberOf"), None)
    assert sorted(str(s).rsplit("/", 1)[-1] for s in set(members)) == MEMBER_CODES


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize(("name", "media_type"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                                  ("xml", "application/sparql-results+xml"), ("json", "application/sparql-results+json")])
def test_the_format_parameter_chooses_what_accept_leaves_open(served, name, media_type):
    status, headers, body = ask(served, MEMBERS, "*/*", format=name)
    assert status == 200 and headers["content-type"].startswith(media_type)
    assert codes(Result.parse(io.BytesIO(body), format=RESULT_TYPES[media_type])) == MEMBER_CODES


def test_an_accept_header_that_names_a_type_wins_over_the_format_parameter(served):
    _, headers, _ = ask(served, MEMBERS, "application/sparql-results+json", format="csv")
    assert headers["content-type"].startswith("application/sparql-results+json")
    _, headers, _ = ask(served, MEMBERS, BROWSER, format="csv")  # a browser's link: Accept names no results type
    assert headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(("names", "media_type"), [
    ({"format": "json-ld"}, "application/ld+json"),
    ({"format": "n3"}, "text/turtle"),
    ({"format": "rdf+xml"}, "application/rdf+xml"),
    ({"output": "xml", "results": "xml"}, "application/rdf+xml"),
    ({"format": "csv"}, "text/turtle"),  # meant for results: passed over, and Accept's */* decides
])
def test_the_format_names_sparqlwrapper_sends_for_a_graph(served, names, media_type):
    status, headers, _ = ask(served, CONSTRUCT, "*/*", **names)
    assert status == 200 and headers["content-type"].startswith(media_type)


@pytest.mark.parametrize(("query", "accept", "media_type"), [
    (MEMBERS, "application/json", "application/sparql-results+json"),
    (MEMBERS, "application/xml", "application/sparql-results+xml"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "application/xml", "application/rdf+xml"),
    (CONSTRUCT, "text/plain", "application/n-triples"),
])
def test_the_other_names_of_a_type_are_understood_as_oxigraph_understands_them(served, query, accept, media_type):
    status, headers, _ = ask(served, query, accept)
    assert status == 200 and headers["content-type"].startswith(media_type)


def test_q_values_choose_the_preferred_type(served):
    _, headers, _ = ask(served, MEMBERS, "application/sparql-results+json;q=0.5, text/csv;q=0.9, text/html")
    assert headers["content-type"].startswith("text/csv")
    _, headers, _ = ask(served, CONSTRUCT, "text/turtle;q=0.2, application/n-triples")
    assert headers["content-type"].startswith("application/n-triples")


def test_empty_format_parameters_name_nothing(served):
    """SPARQLWrapper sends each format parameter twice, the second time empty: a SELECT it asks
    with a graph format (RDF/XML) gets what Accept allows, as with no format at all."""
    fields = urllib.parse.urlencode([("query", MEMBERS), *((name, value) for name in ("format", "output", "results")
                                                            for value in ("rdf+xml", ""))])
    status, headers, body = get(f"{served}/sparql?{fields}", "*/*")
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    assert codes(Result.parse(io.BytesIO(body), format="json")) == MEMBER_CODES


def test_ask_answers_a_boolean(served):
    status, _, body = ask(served, "ASK { <https://w3id.org/coalition-kg/id/state/KEN> ?p ?o }", "application/sparql-results+xml")
    assert status == 200 and Result.parse(io.BytesIO(body), format="xml").askAnswer is True


def test_post_form_and_post_direct_answer_as_get(served):
    form = urllib.parse.urlencode({"query": MEMBERS}).encode()
    status, _, body = get(f"{served}/sparql", "text/csv", form, "application/x-www-form-urlencoded")
    assert status == 200 and codes(Result.parse(io.BytesIO(body), format="csv")) == MEMBER_CODES
    status, _, body = get(f"{served}/sparql", "text/csv", MEMBERS.encode(), "application/sparql-query")
    assert status == 200 and codes(Result.parse(io.BytesIO(body), format="csv")) == MEMBER_CODES


def test_dataset_parameters_choose_the_graphs(served):
    source = "https://w3id.org/coalition-kg/id/source/000_f53fdc1be9ced35d"
    # Article 000 names Kenya, Jamaica, Belize, Guatemala and El Salvador as members; the Bahamas only in 004.
    _, _, body = ask(served, MEMBERS, "text/csv", **{"default-graph-uri": source})
    assert codes(Result.parse(io.BytesIO(body), format="csv")) == ["BLZ", "GTM", "JAM", "KEN", "SLV"]
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    _, _, body = ask(served, query, "text/csv", **{"named-graph-uri": source})
    assert [str(row[0]) for row in Result.parse(io.BytesIO(body), format="csv")] == [source]
    status, _, body = ask(served, MEMBERS, "text/csv", **{"default-graph-uri": "not an iri"})
    assert status == 400 and b"default-graph-uri" in body


def test_service_description_and_void(served):
    status, headers, body = get(f"{served}/sparql", "text/turtle")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    assert (rdflib.URIRef(f"{served}/sparql"), sd.endpoint, rdflib.URIRef(f"{served}/sparql")) in graph
    assert "union of the named graphs" in str(graph.value(next(graph.objects(None, sd.defaultGraph)), rdflib.DCTERMS.description))
    names = {str(name) for name in graph.objects(None, sd.name)}
    assert "https://w3id.org/coalition-kg/id/source/004_488f5bce62634bfc" in names
    _, _, body = get(f"{served}/.well-known/void", "application/n-triples")
    graph = rdflib.Graph().parse(data=body, format="nt")
    dataset = rdflib.URIRef("https://w3id.org/coalition-kg/dataset")
    assert int(graph.value(dataset, void.triples)) == 546
    per_graph = {str(graph.value(s, sd.name)): int(graph.value(s, void.triples)) for s in graph.objects(dataset, void.subset)}
    assert per_graph["https://w3id.org/coalition-kg/id/source/004_488f5bce62634bfc"] == 292
    classes = {str(graph.value(p, void["class"])): int(graph.value(p, void.entities)) for p in graph.objects(dataset, void.classPartition)}
    assert classes["https://w3id.org/coalition-kg/ontology#State"] == 8


def test_healthz_names_the_build(served, built):
    status, _, body = get(f"{served}/healthz")
    manifest = json.loads((built / "manifest.json").read_text())
    assert status == 200 and json.loads(body) == {"status": "ok", "fingerprint": manifest["fingerprint"], "triples": 546, "network": "closed"}


@pytest.mark.parametrize(("query", "accept", "status", "message"), [
    (MEMBERS, "image/png", 406, "available: application/sparql-results+json"),
    (CONSTRUCT, "application/sparql-results+json", 406, "available: text/turtle"),
    ("SELECT * WHERE { ?s ?p }", None, 400, "invalid SPARQL"),
    ("not a query at all", None, 400, "invalid SPARQL: error at 1:1"),
    ("INSERT DATA { <a:b> <a:c> <a:d> }", None, 403, "read-only"),
    ("DELETE WHERE { ?s ?p ?o }", None, 403, "read-only"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", None, 403, "SERVICE"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", None, 403, "SERVICE"),
])
def test_refusals_have_their_status_and_message(served, query, accept, status, message):
    answer = ask(served, query, accept)
    assert (answer[0], message in answer[2].decode()) == (status, True)
    still_answering(served)


def test_updates_by_post_are_forbidden(served):
    status, _, body = get(f"{served}/sparql", None, b"INSERT DATA { <a:b> <a:c> <a:d> }", "application/sparql-update")
    assert status == 403 and b"read-only" in body
    form = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    assert get(f"{served}/sparql", None, form, "application/x-www-form-urlencoded")[0] == 403
    assert get(f"{served}/sparql", None, b"x", "text/plain")[0] == 415
    still_answering(served)


def test_no_file_is_read_through_the_query(served):
    status, _, body = ask(served, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "text/csv")
    assert status == 200 and list(Result.parse(io.BytesIO(body), format="csv")) == []


def raw_exchange(base: str, head: bytes, body: bytes = b"") -> bytes:
    """Send a request by hand; the server may answer, and close, before the body is all sent."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(head)
        try:
            connection.sendall(body)
        except OSError:  # the server answered without reading the rest: what is tested
            pass
        reply = b""
        while b"\r\n\r\n" not in reply or len(reply.partition(b"\r\n\r\n")[2]) < _length(reply):
            chunk = connection.recv(4096)
            if not chunk:
                break
            reply += chunk
        return reply


def _length(reply: bytes) -> int:
    for line in reply.partition(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def test_an_oversized_body_is_refused_unread(served):
    declared = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 2097152\r\n\r\n"
    reply = raw_exchange(served, declared)  # not one byte of the body sent: refused on its declared size
    assert reply.startswith(b"HTTP/1.1 413") and b"at most 1048576" in reply
    chunked = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"#" * 65536
    reply = raw_exchange(served, chunked, (b"10000\r\n" + chunk + b"\r\n") * 24 + b"0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 413") and b"over 1048576 bytes" in reply
    still_answering(served)


def test_a_slow_client_is_cut_off_and_others_are_served(served):
    host, port = served.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as slow:
        slow.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK")
        still_answering(served)  # while the slow client keeps its body back
        slow.settimeout(30)
        started = time.monotonic()
        reply = slow.recv(4096)
    assert reply.startswith(b"HTTP/1.1 408") and time.monotonic() - started < 15


def test_a_query_that_runs_forever_is_stopped(served):
    started = time.monotonic()
    status, _, body = ask(served, FOREVER, "application/sparql-results+json")
    assert status == 503 and b"was stopped" in body and time.monotonic() - started < 10
    still_answering(served)


def test_the_row_cap_cuts_the_answer_and_says_so(built):
    from coalition_server import serving

    with serving(built, "--limit", "3", "--workers", "1") as base:
        status, headers, body = ask(base, "SELECT ?s WHERE { ?s ?p ?o }", "text/csv")
    assert status == 200 and len(list(Result.parse(io.BytesIO(body), format="csv"))) == 3
    assert headers["x-result-truncated"] == "stopped after 3 rows"


def test_cors_is_off_unless_an_origin_is_named(served, built):
    from coalition_server import serving

    request = urllib.request.Request(f"{served}/sparql?query=ASK%7B%7D", headers={"Origin": "https://example.org"})
    with urllib.request.urlopen(request) as response:
        assert "access-control-allow-origin" not in {k.lower() for k in response.headers}
    with serving(built, "--cors", "https://example.org", "--workers", "1") as base:
        request = urllib.request.Request(f"{base}/sparql?query=ASK%7B%7D", headers={"Origin": "https://example.org"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["access-control-allow-origin"] == "https://example.org"


import urllib.request  # noqa: E402 - used by the CORS test only
