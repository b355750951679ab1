"""A hostile client against ``coalition-kg serve`` on loopback: each attack of issue 17, replayed as
it was written, is refused or bounded, and the server keeps answering everyone else.

The measured side (health latency under each attack, peak memory, restarts, the canned questions'
latency beside runaway queries) is in ``benchmarks/hostile.py``; these tests assert what each
attack gets back and that nothing else breaks."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from coalition_server import get, serving, workers_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from required_tool import require
from service_disguises import hidden_service_query

from coalition_kg.serve.response_policy import CONTENT_SECURITY_POLICY

ISSUE_ATTACKS = {
    "escaped local name": "PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) SERVICE <{target}/x> { ?x ?y ?z } }",
    "escape in an IRI": "SELECT * WHERE { BIND(<http://x/\\u0041#> AS ?a) SERVICE <{target}/x> { ?x ?y ?z } }",
    "version in front": 'VERSION "1.2" PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) SERVICE <{target}/x> { ?x ?y ?z } }',
}
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"
ASK_ALL = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def hostile(built: Path) -> Iterator[str]:
    """A server with small limits, so that each attack reaches them quickly."""
    with serving(built, "--timeout", "5", "--workers", "2", "--memory-limit", "400M", "--max-bytes", "256K") as base:
        yield base


def by_every_route(base: str, query: str) -> list[tuple[str, int, bytes]]:
    """The status and body of ``query`` asked by GET /sparql, POST form, POST direct and GET /query."""
    form = urllib.parse.urlencode({"query": query}).encode()
    answers = [
        ("GET /sparql", *get(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}), "application/sparql-results+json")),
        ("POST form", *get(f"{base}/sparql", "application/sparql-results+json", form, "application/x-www-form-urlencoded")),
        ("POST direct", *get(f"{base}/sparql", "application/sparql-results+json", query.encode(), "application/sparql-query")),
        ("GET /query", *get(f"{base}/query?" + urllib.parse.urlencode({"query": query}), "text/html")),
    ]
    return [(route, status, body) for route, status, _, body in answers]


def still_answering(base: str) -> None:
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": ASK_ALL}), "application/sparql-results+json", timeout=10)
    assert (status, json.loads(body)["boolean"]) == (200, True)


# 1. SERVICE: refused on every route, by a check that fails closed, in workers with no network.

@pytest.mark.parametrize("attack", ISSUE_ATTACKS)
def test_the_service_attacks_of_the_issue_reach_nothing(hostile, unreachable, attack):
    base, hits = unreachable
    for route, status, body in by_every_route(hostile, ISSUE_ATTACKS[attack].replace("{target}", base)):
        assert status in (400, 403) or (route == "GET /query" and status == 200), route
        assert b"reached" not in body, route
    assert hits == []
    still_answering(hostile)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_no_disguised_service_call_reaches_the_target_by_any_route(hostile, unreachable, data):
    base, hits = unreachable
    query = data.draw(hidden_service_query(base))
    for route, status, body in by_every_route(hostile, query):
        assert b"reached" not in body, (route, query)
    assert hits == []


def test_the_workers_have_no_network(hostile):
    status, _, body = get(f"{hostile}/healthz")
    network = json.loads(body)["network"]
    require(network == "closed", f"the query workers' network is {network}")
    assert status == 200


# 2. No link but to the web, and the headers that keep a page from being misused.

@pytest.mark.parametrize("query", [
    "SELECT ?x WHERE { BIND(<javascript:alert(document.domain)> AS ?x) }",
    "CONSTRUCT { <javascript:alert(1)> <javascript:alert(2)> <javascript:alert(3)> } WHERE {}",
    "SELECT ?x WHERE { BIND(<data:text/html,<script>alert(1)</script>> AS ?x) }",
])
def test_a_result_iri_of_another_scheme_is_text_not_a_link(hostile, query):
    status, headers, body = get(f"{hostile}/query?" + urllib.parse.urlencode({"query": query}), "text/html")
    page = body.decode()
    assert status == 200 and "alert(" in page  # shown...
    assert 'href="javascript:' not in page and 'href="data:' not in page and "<script>" not in page  # ...as text
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(("path", "accept", "status"), [
    ("/", "text/html", 200),
    ("/id/state/GTM", "text/turtle", 200),
    ("/api/queries/members", None, 200),
    ("/pictures/id/state/GTM.svg", None, 200),
    ("/static/style.css", None, 200),
    ("/healthz", None, 200),
    ("/nowhere", "text/plain", 404),
    ("/sparql?query=SELECT", "text/csv", 400),
    ("/sparql?query=ASK%7B%7D", "image/png", 406),
])
def test_every_response_carries_the_security_headers(hostile, path, accept, status):
    got, headers, _ = get(hostile + path, accept)
    assert got == status
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")


# 4-5. The work of a query is off the event loop, inside its deadline, within its limits.

def test_a_huge_query_is_checked_in_its_worker_and_health_stays_quick(hostile):
    values = " ".join(f'"value-{number:05d}"' for number in range(70_000))
    huge = f"SELECT * WHERE {{ VALUES ?v {{ {values} }} BIND(<http://x/\\u0041> AS ?a) }}".encode()
    assert len(huge) > 950_000
    outcome: list[tuple[int, dict, bytes]] = []
    sender = threading.Thread(target=lambda: outcome.append(get(f"{hostile}/sparql", "text/csv", huge, "application/sparql-query", timeout=60)))
    sender.start()
    time.sleep(0.5)  # the query has arrived and is being checked
    status, _, _ = get(f"{hostile}/healthz", timeout=5)  # was stalled for 109 s by the check on the event loop
    sender.join()
    assert status == 200
    assert outcome[0][0] in (200, 503) and (outcome[0][0] == 200 or b"was stopped" in outcome[0][2])


def test_fifty_thousand_nested_parentheses_are_refused_and_crash_nothing(hostile):
    before = workers_of(hostile)
    query = "SELECT * WHERE { FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }"
    status, _, body = get(f"{hostile}/sparql", "text/csv", query.encode(), "application/sparql-query")
    assert (status, b"nests brackets too deep" in body) == (400, True)
    assert workers_of(hostile) == before
    still_answering(hostile)


def test_a_query_that_outgrows_its_memory_is_stopped_and_its_worker_replaced(hostile):
    before = workers_of(hostile)
    status, _, body = get(f"{hostile}/sparql?" + urllib.parse.urlencode({"query": RUNAWAY}), "text/csv", timeout=60)
    assert status == 503 and b"needed more memory than a query may have (400 MiB)" in body
    still_answering(hostile)
    after = workers_of(hostile)
    assert len(after) == len(before) and after != before


def test_an_answer_is_cut_at_max_bytes_and_says_so(hostile):
    status, headers, body = get(f"{hostile}/sparql?" + urllib.parse.urlencode({"query": "SELECT ?s ?p ?o ?a ?b ?c WHERE { ?s ?p ?o . ?a ?b ?c }"}),
                                "text/csv", timeout=60)
    assert status == 200 and len(body) <= 256 * 1024
    assert headers["x-result-truncated"].endswith("the answer reached 262144 bytes, the most this server sends")
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0] == ["s", "p", "o", "a", "b", "c"] and len(rows) - 1 == int(headers["x-result-truncated"].split()[2])


def test_a_value_larger_than_an_answer_may_be_is_a_clean_refusal(hostile):
    before = workers_of(hostile)
    doubling = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(15))
    query = f'SELECT ?v15 WHERE {{ BIND("0123456789abcdef" AS ?v0) {doubling} }}'  # 512 KiB
    status, _, body = get(f"{hostile}/sparql?" + urllib.parse.urlencode({"query": query}), "text/csv", timeout=60)
    assert (status, body) == (400, b"the answer's first row alone is larger than this server sends (262144 bytes)\n")
    assert workers_of(hostile) == before


# 8. Pictures: a path that is not an IRI, or an IRI nothing is known of, is a 404, and kills no worker.

@pytest.mark.parametrize("path", ['/pictures/id/x%22onload=%22alert(1).svg', "/pictures/id/state/NOWHERE.svg"])
def test_a_picture_of_nothing_is_not_found(hostile, path):
    before = workers_of(hostile)
    for _ in range(5):
        status, headers, body = get(hostile + path)
        assert status == 404 and headers["content-type"].startswith("text/plain") and b"<svg" not in body
    assert workers_of(hostile) == before


# 9. HTTP: bounded headers, deadlines for headers and idle connections, HEAD, unknown parameters.

def raw(base: str, data: bytes, wait: float = 30) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        try:
            connection.sendall(data)
        except OSError:
            pass
        reply = b""
        while chunk := _receive(connection):
            reply += chunk
        return reply


def _receive(connection: socket.socket) -> bytes:
    try:
        return connection.recv(65536)
    except (ConnectionResetError, TimeoutError):
        return b""


def test_a_huge_header_is_refused(hostile):
    reply = raw(hostile, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (10 << 20) + b"\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 400")
    still_answering(hostile)


def test_headers_sent_a_line_at_a_time_are_cut_off(hostile):
    host, port = hostile.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=60) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        reply = b""
        for line in range(40):
            try:
                connection.sendall(b"X-Slow-%d: 1\r\n" % line)
            except OSError:
                break
            time.sleep(1)
            connection.setblocking(False)
            try:
                reply += connection.recv(4096)
            except BlockingIOError:
                pass
            connection.setblocking(True)
            if reply:
                break
    assert reply.startswith(b"HTTP/1.1 408") and time.monotonic() - started < 20


def test_an_idle_connection_is_closed(hostile):
    host, port = hostile.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        started = time.monotonic()
        reply = _receive(connection)
        closed_after = time.monotonic() - started
        rest = _receive(connection)
    assert reply.startswith(b"HTTP/1.1 408") and rest == b"" and closed_after < 20


GET_ROUTES = ["/", "/healthz", "/sparql", "/.well-known/void", "/void", "/query", "/queries", "/id/query/members",
              "/api/queries", "/api/queries/members", "/openapi.json", "/context.jsonld", "/id/state/GTM",
              "/id/state/GTM.ttl", "/ontology", "/id/instrument-kind", "/id/instrument-kind/adhesion",
              "/pictures/id/state/GTM.svg", "/static/style.css", "/nowhere"]


@pytest.mark.parametrize("path", GET_ROUTES)
def test_head_answers_as_get_without_a_body(hostile, path):
    host, port = hostile.removeprefix("http://").split(":")
    import http.client

    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.request("GET", path)
    got = connection.getresponse()
    got_body = got.read()
    connection.request("HEAD", path)
    head = connection.getresponse()
    assert (head.status, head.read()) == (got.status, b"")
    assert head.getheader("content-type") == got.getheader("content-type")
    assert head.getheader("content-length") in (None, str(len(got_body)))
    connection.close()


def test_an_unknown_parameter_of_a_question_is_refused(hostile):
    status, _, body = get(f"{hostile}/api/queries/members?nope=1")
    assert status == 400 and body.startswith(b"unknown parameter 'nope' for members; it takes: download, format, mission")


def test_a_client_leaving_mid_body_is_one_line_in_the_log(built):
    with serving(built, "--workers", "1") as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as connection:
            connection.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK")
            time.sleep(0.5)
        time.sleep(1)
        still_answering(base)
        log = (built.parent / f"serve-{port}.log").read_text()
    assert "Traceback" not in log


# 10. Fairness: runaway ad-hoc queries do not keep a canned question waiting.

def test_a_canned_question_is_answered_beside_runaway_queries(hostile):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    senders = [threading.Thread(target=get, args=(f"{hostile}/sparql?" + urllib.parse.urlencode({"query": runaway}), "text/csv"),
                                kwargs={"timeout": 60}) for _ in range(8)]
    for sender in senders:
        sender.start()
    time.sleep(0.5)
    status, _, body = get(f"{hostile}/api/queries/members", timeout=4)  # the runaway ones run for 5 s each
    for sender in senders:
        sender.join()
    assert status == 200 and len(json.loads(body)["rows"]) == 6
