"""curl against ``coalition-kg serve`` with each ``Accept`` the server offers: every results and
RDF media type, the other names clients give them, and q-values that choose among them, for a
SELECT, a CONSTRUCT and a resource. The Content-Type must be the type chosen and the body must
be the answer (read by rdflib; a page must be the resource's HTML page).

The expectations are written out here, not read from the server's tables: a type the server
stops offering fails its case, and a type it starts offering fails the check that every type
of its tables has one. Also: HEAD, and the request Java's HTTP client sends with a POST
(``Upgrade: h2c``, which once lost the request's body).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from client_answers import QUESTIONS, graph_of, media_type, read, same
from coalition_server import get
from required_tool import require

from coalition_kg.serve.negotiation import GRAPHS, RESOURCE, RESULTS

JSON, XML = "application/sparql-results+json", "application/sparql-results+xml"
CSV, TSV = "text/csv", "text/tab-separated-values"
TURTLE, NTRIPLES, JSONLD, RDFXML = "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"
TRIG, NQUADS = "application/trig", "application/n-quads"
HTML = "text/html"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
#: Accept -> the Content-Type of a SELECT answer.
RESULTS_ACCEPTS = {
    JSON: JSON, "application/json": JSON, "text/json": JSON,
    XML: XML, "application/xml": XML, "text/xml": XML,
    CSV: CSV,
    TSV: TSV, "text/tsv": TSV,
    "*/*": JSON,
    "application/*": JSON,
    f"{CSV};q=0.5, {XML}": XML,
    f"{JSON};q=0.1, {TSV};q=0.2": TSV,
    f"{CSV}, */*;q=0.1": CSV,
    f"{JSON};q=0, */*": XML,
    BROWSER: JSON,  # a browser's application/xml;q=0.9 is no request for XML results
}
#: Accept -> the Content-Type of a CONSTRUCT answer.
GRAPH_ACCEPTS = {
    TURTLE: TURTLE, "application/turtle": TURTLE, "application/x-turtle": TURTLE, "text/n3": TURTLE,
    "text/rdf+n3": TURTLE, "application/n3": TURTLE,
    NTRIPLES: NTRIPLES, "text/plain": NTRIPLES,
    JSONLD: JSONLD, "application/json": JSONLD, "application/x-json+ld": JSONLD,
    RDFXML: RDFXML, "application/xml": RDFXML, "text/xml": RDFXML,
    TRIG: TRIG, "application/x-trig": TRIG,
    NQUADS: NQUADS, "text/x-nquads": NQUADS, "text/nquads": NQUADS,
    "*/*": TURTLE,
    f"{TURTLE};q=0, */*": NTRIPLES,
    f"{JSONLD};q=0.9, {RDFXML}": RDFXML,
    f"{NTRIPLES};q=0.5, {TRIG};q=0.6, {NQUADS};q=0.4": TRIG,
}
#: Accept -> the Content-Type of a resource.
RESOURCE_ACCEPTS = {
    HTML: HTML, "application/xhtml+xml": HTML, BROWSER: HTML,
    TURTLE: TURTLE, "application/turtle": TURTLE, "application/x-turtle": TURTLE, "text/n3": TURTLE,
    "text/rdf+n3": TURTLE, "application/n3": TURTLE,
    NTRIPLES: NTRIPLES, "text/plain": NTRIPLES,
    JSONLD: JSONLD, "application/json": JSONLD, "application/x-json+ld": JSONLD,
    RDFXML: RDFXML, "application/xml": RDFXML, "text/xml": RDFXML,
    "*/*": HTML,
    f"{TURTLE};q=0, {HTML}": HTML,
    f"{JSONLD}, {TURTLE};q=0.5": JSONLD,
    f"{HTML};q=0.1, {RDFXML}": RDFXML,
    f"{HTML};q=0, */*": TURTLE,
}
GTM = "/id/state/GTM"
#: Java's HTTP client's headers on a POST of over about 2 KB.
H2C = ("Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings",
       "HTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA")


def curl(*arguments: str, workdir: Path) -> tuple[int, str, bytes]:
    """Status, Content-Type and body of the request curl makes with ``arguments``."""
    require(shutil.which("curl") is not None, "curl is missing (apt-get install curl)")
    body = workdir / "body"
    done = subprocess.run(["curl", "-sS", "-o", str(body), "-w", "%{http_code}\n%{content_type}", *arguments],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    status, content_type = done.stdout.split("\n")
    return int(status), content_type, body.read_bytes() if body.exists() else b""


def asked(served: str, form: str, accept: str, tmp_path: Path, *options: str) -> tuple[int, str, bytes]:
    return curl("-G", "--data-urlencode", f"query={QUESTIONS[form]}", "-H", f"Accept: {accept}", *options,
                f"{served}/sparql", workdir=tmp_path)


def test_every_offered_type_is_asked_for():
    for cases, offers in ((RESULTS_ACCEPTS, RESULTS), (GRAPH_ACCEPTS, GRAPHS), (RESOURCE_ACCEPTS, RESOURCE)):
        assert {name for offer in offers for name in (offer.media_type, *offer.aliases)} <= set(cases), offers


@pytest.mark.parametrize(("accept", "expected"), RESULTS_ACCEPTS.items())
def test_select_by_accept(served, local, tmp_path, accept, expected):
    status, content_type, body = asked(served, "SELECT", accept, tmp_path)
    assert status == 200 and media_type(content_type) == expected
    assert read(body, content_type, "SELECT") == local.answer(QUESTIONS["SELECT"], like=content_type)


@pytest.mark.parametrize(("accept", "expected"), GRAPH_ACCEPTS.items())
def test_construct_by_accept(served, local, tmp_path, accept, expected):
    status, content_type, body = asked(served, "CONSTRUCT", accept, tmp_path)
    assert status == 200 and media_type(content_type) == expected
    assert same(read(body, content_type, "CONSTRUCT"), local.answer(QUESTIONS["CONSTRUCT"]))


@pytest.mark.parametrize(("accept", "expected"), RESOURCE_ACCEPTS.items())
def test_a_resource_by_accept(served, tmp_path, accept, expected):
    status, content_type, body = curl("-H", f"Accept: {accept}", f"{served}{GTM}", workdir=tmp_path)
    assert status == 200 and media_type(content_type) == expected
    if expected == HTML:
        assert body.lower().startswith(b"<!doctype html>") and b"<title>Guatemala" in body
    else:
        assert same(read(body, content_type, "DESCRIBE"), graph_of(get(f"{served}{GTM}.nt")[2], "nt"))


@pytest.mark.parametrize(("form", "accept"), [("SELECT", "image/png"), ("CONSTRUCT", CSV), ("SELECT", f"{JSON};q=0")])
def test_what_cannot_be_given_is_406(served, tmp_path, form, accept):
    status, content_type, body = asked(served, form, accept, tmp_path)
    assert status == 406 and media_type(content_type) == "text/plain"
    assert b"available:" in body


@pytest.mark.parametrize("path", ["/sparql?query=ASK%7B%7D", GTM, f"{GTM}.ttl"])
def test_head_answers_as_get_without_the_body(served, tmp_path, path):
    status, content_type, _ = curl(f"{served}{path}", workdir=tmp_path)
    written_out = "%{http_code} %{content_type} %{size_download}"
    head = subprocess.run(["curl", "-sS", "-I", "-o", "/dev/null", "-w", written_out, f"{served}{path}"],
                          capture_output=True, text=True, timeout=60)
    assert status == 200 and head.stdout == f"{status} {content_type} 0"


def test_a_post_with_upgrade_h2c_keeps_its_body(served, local, tmp_path):
    headers = [item for header in H2C for item in ("-H", header)]
    status, content_type, body = curl("-X", "POST", *headers, "-H", "Content-Type: application/sparql-query",
                                      "-H", f"Accept: {JSON}", "--data-binary", QUESTIONS["SELECT"], f"{served}/sparql",
                                      workdir=tmp_path)
    assert status == 200
    assert read(body, content_type, "SELECT") == local.answer(QUESTIONS["SELECT"])
