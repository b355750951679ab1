"""Remote endpoints that fail or misbehave: each gives exit code 2 and one line on standard error
naming the endpoint and what went wrong (the HTTP status and a short excerpt of the answer
where there is one), never a traceback, within the timeout.

The misbehaving server is ``http.server`` in a thread on 127.0.0.1, answering each path its
own way; it stops at the end of the module, its slow answers cut short. The real Oxigraph
server of the session gives its own errors.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from oxigraph_server import OxigraphServer
from recording_proxy import Replying
from server_process import free_port
from test_bad_inputs import listening

from coalition_kg.cli import main

TIMEOUT = "0.5"
OUTSIDE = "http://192.0.2.10/sparql"  # TEST-NET-1: an address outside this machine
SERVER_ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>Oops</title><style>h1 { color: red }</style></head>"
    b"<body><h1>Internal error</h1><p>index &amp; cache unavailable</p></body></html>"
)
TRUNCATED = b'{"head":{"vars":["state"]},"results":{"bindings":[{"state":{"type":"uri","val'
JSON_RESULTS = "application/sparql-results+json"
NOT_RESULTS = json.dumps({"status": "ok", "items": [1, 2, 3]}).encode()


class Misbehaving(Replying):
    """Answers each path in its own wrong way."""

    stopping = threading.Event()  # set when the server stops: slow answers end at once

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        getattr(self, "answer_" + self.path.strip("/").replace("-", "_"))()

    def answer_bad_request(self) -> None:
        self.reply(400, b"Parse error on line 1:\nSELECT * WHERE { ?s ?p }\n------------------------^")

    def answer_terminal_codes(self) -> None:
        self.reply(400, b"\x1b[2J\x1b[31mbad\x07 query\x1b[0m")

    def answer_missing(self) -> None:
        self.reply(404, b"")

    def answer_crash(self) -> None:
        self.reply(500, SERVER_ERROR_PAGE, "text/html")

    def answer_busy(self) -> None:
        self.reply(503, b"busy\nretry later", Retry_After="120")

    def answer_slow(self) -> None:
        self.stopping.wait(10)
        self.reply(200, b"{}", "application/sparql-results+json")

    def answer_trickle(self, status: int = 200, header: tuple[str, str] = ("Content-Type", JSON_RESULTS)) -> None:
        """Headers at once, then a byte at a time: each read is quick, the whole answer is not."""
        self.send_response(status)
        self.send_header(*header)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        while not self.stopping.wait(0.05):
            self.wfile.write(b" ")
            self.wfile.flush()

    def answer_challenge_flood(self) -> None:
        """A challenge whose body goes on: 4 MiB with no length said, the connection's end its end."""
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="flood"')
        self.end_headers()
        for _ in range(64):
            self.wfile.write(b"x" * 65536)

    def answer_challenge_trickle(self) -> None:
        """A challenge whose body comes a byte at a time."""
        self.answer_trickle(401, ("WWW-Authenticate", 'Basic realm="trickle"'))

    def answer_html(self) -> None:
        self.reply(200, b"<html><body><h1>Welcome to our portal</h1></body></html>", "text/html")

    def answer_truncated(self) -> None:
        self.reply(200, TRUNCATED, "application/sparql-results+json")

    def answer_not_results(self) -> None:
        self.reply(200, NOT_RESULTS, "application/json")

    def answer_redirect_outside(self) -> None:
        self.reply(302, b"", Location=OUTSIDE)

    def answer_redirect_local(self) -> None:
        self.reply(307, b"", Location=self.server.sink)  # type: ignore[attr-defined]

    def answer_not_http(self) -> None:
        self.wfile.write(b"220 mail.example.org ESMTP ready\r\n")
        self.close_connection = True

    def answer_hang_up(self) -> None:
        self.close_connection = True


class MisbehavingServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up, as clients here do, is expected; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class Servers:
    """The misbehaving server, and a second local server where /redirect-local points, with
    the connections it received."""

    base: str
    sink: str
    connections: list[socket.socket]


@pytest.fixture(scope="module")
def misbehaving() -> Iterator[Servers]:
    with listening() as (sink, connections):
        httpd = MisbehavingServer(("127.0.0.1", 0), Misbehaving)
        httpd.sink = sink + "/query"  # type: ignore[attr-defined]
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield Servers(f"http://127.0.0.1:{httpd.server_address[1]}", httpd.sink, connections)  # type: ignore[attr-defined]
        finally:
            Misbehaving.stopping.set()
            httpd.shutdown()
            httpd.server_close()  # waits for the handlers, which the event has ended
            thread.join()


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--timeout", TIMEOUT], input=stdin)


def assert_one_line_error(result: Result, message: str) -> None:
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"error: {message}\n", "")
    assert isinstance(result.exception, SystemExit)  # not an uncaught exception


STATUS_CASES = {
    "bad-request": "HTTP error 400: Parse error on line 1: SELECT * WHERE { ?s ?p } ------------------------^",
    "terminal-codes": "HTTP error 400: [2J [31mbad query [0m",  # the escape characters are gone
    "missing": "HTTP error 404: Not Found",
    "crash": "HTTP error 500: Oops Internal error index & cache unavailable",
    "busy": "HTTP error 503: busy retry later",
    "slow": f"no complete answer within {TIMEOUT} s (timeout)",
    "trickle": f"no complete answer within {TIMEOUT} s (timeout)",
    "redirect-outside": f"HTTP 302 redirect to {OUTSIDE}, not followed; give that URL instead if you trust it",
    # httpx reads no status line before the blank line that ends the headers: the server hung up first
    "not-http": "the server's answer is not valid HTTP: Server disconnected without sending a response",
    "hang-up": "the server's answer is not valid HTTP: Server disconnected without sending a response",
}
ANSWER_CASES = {  # a 2xx answer whose body is not SPARQL results; an update needs no body
    "html": "the HTTP 200 answer (text/html) is not SPARQL JSON results: Parser error at line 1 column 1: "
    "Unexpected char: '<' (line 1); it begins: Welcome to our portal",
    "truncated": "the HTTP 200 answer (application/sparql-results+json) is not SPARQL JSON results: Parser error at "
    f"line 1 column 74: Unexpected end of file (line 1); it begins: {TRUNCATED.decode()}",
    "not-results": "the HTTP 200 answer (application/json) is not SPARQL JSON results: SPARQL JSON results must "
    f"contain a 'boolean' or a 'results' key; it begins: {NOT_RESULTS.decode()}",
}


@pytest.mark.parametrize("case", [*STATUS_CASES, *ANSWER_CASES])
def test_a_query_to_a_misbehaving_endpoint(misbehaving: Servers, case: str) -> None:
    url = f"{misbehaving.base}/{case}"
    started = time.monotonic()
    result = run("query", "members", "--endpoint", url)
    assert_one_line_error(result, f"{url}: {STATUS_CASES.get(case) or ANSWER_CASES[case]}")
    assert time.monotonic() - started < 3 * float(TIMEOUT)


@pytest.mark.parametrize("case", STATUS_CASES)
def test_a_push_to_a_misbehaving_endpoint(misbehaving: Servers, built: Path, case: str) -> None:
    url = f"{misbehaving.base}/{case}"
    result = run("push", "--endpoint", url, "--build-dir", str(built))
    assert_one_line_error(result, f"{url}: {STATUS_CASES[case]}; nothing was pushed")


@pytest.mark.parametrize("case", ANSWER_CASES)
def test_a_2xx_answer_to_an_update_is_success_whatever_its_body(misbehaving: Servers, built: Path, case: str) -> None:
    """The SPARQL Protocol gives an update's answer no body to check (Fuseki answers HTML): the
    updates pass, and it is the count that follows them that finds the endpoint answers no SPARQL."""
    url = f"{misbehaving.base}/{case}"
    result = run("push", "--endpoint", url, "--build-dir", str(built))
    assert_one_line_error(result, f"{url}: {ANSWER_CASES[case]}")


@pytest.mark.parametrize("command", ["query", "push"])
def test_a_redirect_is_not_followed_even_to_this_machine(misbehaving: Servers, built: Path, command: str) -> None:
    url = f"{misbehaving.base}/redirect-local"
    args = ["members"] if command == "query" else ["--build-dir", str(built)]
    result = run(command, *args, "--endpoint", url)
    pushed = "; nothing was pushed" if command == "push" else ""
    assert_one_line_error(
        result,
        f"{url}: HTTP 307 redirect to {misbehaving.sink}, not followed; give that URL instead if you trust it{pushed}",
    )
    assert misbehaving.connections == []


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("challenge-flood", "the answer is over the limit of 1.0 MiB (1048576 bytes); ask for less (a narrower query, "
         "a LIMIT) or allow more with --max-size"),
        ("challenge-trickle", f"no complete answer within {TIMEOUT} s (timeout)"),
    ],
)
def test_a_challenge_is_read_within_the_limits(misbehaving: Servers, case: str, message: str) -> None:
    """httpx reads a challenge's body before it answers it: within --max-size and the timeout too."""
    url = f"{misbehaving.base}/{case}"
    started = time.monotonic()
    result = run("query", "members", "--endpoint", url, "--store", "generic", "--user", "u", "--password", "p",
                 "--max-size", "1M")
    assert_one_line_error(result, f"{url}: {message}")
    assert time.monotonic() - started < 3 * float(TIMEOUT)


@pytest.mark.parametrize("command", ["query", "push"])
def test_an_endpoint_where_nothing_listens(built: Path, command: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    args = ["members"] if command == "query" else ["--build-dir", str(built)]
    result = run(command, *args, "--endpoint", url)
    assert_one_line_error(result, f"{url}: cannot reach the server: [Errno 111] Connection refused")


def test_the_real_server_refuses_a_query_it_cannot_run(oxigraph: OxigraphServer) -> None:
    """The query is SPARQL 1.1 (the local check reads it and lets it go); the store refuses it."""
    result = run("sparql", "-", "--endpoint", oxigraph.query, stdin="SELECT * WHERE { ?s nowhere:p ?o }")
    assert (result.exit_code, result.stdout, len(result.stderr.splitlines())) == (2, "", 1)
    assert result.stderr.startswith(f"error: {oxigraph.query}: HTTP error 400: error at 1:30: expected one of Prefix not found")


def test_a_malformed_query_is_refused_before_it_is_sent(oxigraph: OxigraphServer) -> None:
    result = run("sparql", "-", "--endpoint", oxigraph.query, stdin="SELECT * WHERE { ?s ?p }")
    assert_one_line_error(result, "invalid SPARQL: error at 1:25: expected one of LATERAL, SERVICE, [_]")


def test_the_real_server_answers_a_query_sent_to_its_update_endpoint(oxigraph: OxigraphServer) -> None:
    result = run("query", "members", "--endpoint", oxigraph.update)
    assert_one_line_error(result, f"{oxigraph.update}: HTTP error 400: The URL query parameter update must be set")


def test_the_real_server_refuses_an_update_sent_to_its_query_endpoint(oxigraph: OxigraphServer, built: Path) -> None:
    """As a generic store, nothing says where Oxigraph takes updates: the one URL given gets them."""
    result = run("push", "--endpoint", oxigraph.query, "--store", "generic", "--build-dir", str(built))
    assert_one_line_error(result, f"{oxigraph.query}: HTTP error 415: No supported content Content-Type given: application/sparql-update; nothing was pushed")


@pytest.mark.parametrize("command", ["query", "push"])
def test_the_real_server_has_no_such_path(oxigraph: OxigraphServer, built: Path, command: str) -> None:
    url = f"{oxigraph.base}/nothing"
    args = ["members"] if command == "query" else ["--build-dir", str(built)]
    result = run(command, *args, "--endpoint", url)
    pushed = "; nothing was pushed" if command == "push" else ""
    assert_one_line_error(result, f"{url}: HTTP error 404: POST /nothing is not supported by this server{pushed}")
