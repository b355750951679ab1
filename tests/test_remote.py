"""A real SPARQL server gives the same answers as the local store, and failures read clearly."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer, free_port
from query_samples import case_id, samples

from coalition_kg.catalog import load_query
from coalition_kg.push import push
from coalition_kg.querying import LocalEndpoint, ask, parameter_terms, run_query, run_sparql
from coalition_kg.remote import RemoteEndpoint, RemoteError
from coalition_kg.sparql_text import with_values
from coalition_kg.store import open_store


@pytest.fixture(scope="module")
def server(oxigraph: OxigraphServer, built: Path) -> OxigraphServer:
    """The session's server, holding the built graph."""
    push(oxigraph.update, build_dir=built)
    return oxigraph


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_every_question_gives_the_same_rows_remotely(server: OxigraphServer, built: Path, case) -> None:
    name, params = case
    local = run_query(name, params, build_dir=built)
    remote = run_query(name, params, endpoint=server.query, build_dir=built)
    assert remote.terms() == local.terms()
    assert remote.to("csv") == local.to("csv")


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_a_values_block_binds_as_substitution_does(built: Path, case) -> None:
    """The remote way of binding, run by the local engine, agrees with the engine's own binding."""
    name, params = case
    query = load_query(name)
    local = LocalEndpoint(open_store(built))
    terms = {key: str(term) for key, term in parameter_terms(local, query, params).items()}
    assert local.execute(with_values(query.text, terms)).terms() == ask(local, query, params).terms()


def test_the_default_graph_there_is_the_union_once(server: OxigraphServer) -> None:
    """Oxigraph's default graph is not the union of the named graphs: the push wrote it."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
    in_default = run_sparql(count % "?s ?p ?o", endpoint=server.query).rows()
    in_graphs = run_sparql(count % "GRAPH ?g { ?s ?p ?o }", endpoint=server.query).rows()
    assert (in_default, in_graphs) == ([{"n": 527}], [{"n": 553}])


def test_ad_hoc_queries_of_every_form(server: OxigraphServer, built: Path) -> None:
    for text in (
        "SELECT ?name WHERE { ?state ckg:iso3166Alpha3 ?code ; skos:prefLabel ?name } ORDER BY ?name",
        "ASK { state:KEN org:memberOf mission:mss-haiti }",
        "CONSTRUCT WHERE { state:GTM ?p ?o }",
        "DESCRIBE state:BHS",
    ):
        remote = run_sparql(text, endpoint=server.query)
        assert remote.to("ntriples" if text.startswith(("CONSTRUCT", "DESCRIBE")) else "json") == run_sparql(
            text, build_dir=built
        ).to("ntriples" if text.startswith(("CONSTRUCT", "DESCRIBE")) else "json")


def test_an_error_of_the_server_is_one_line(server: OxigraphServer) -> None:
    with pytest.raises(RemoteError) as error:
        run_sparql("SELECT * WHERE { ?s ?p }", endpoint=server.query)
    assert str(error.value).startswith(f"{server.query}: HTTP error 400: error at 1:")


def test_a_server_that_is_down() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(RemoteError) as error:
        run_query("members", endpoint=url)
    assert str(error.value) == f"{url}: cannot reach the server: [Errno 111] Connection refused"


def test_a_server_that_does_not_answer_times_out() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(RemoteError) as error:
            run_query("members", endpoint=url, timeout=0.3)
    assert str(error.value) == f"{url}: no answer within 0.3 s (timeout)"


class _Canned(BaseHTTPRequestHandler):
    """Answers every request with the status and body its path names."""

    replies = {"/html": (200, b"<html>not results</html>"), "/busy": (503, b"busy\nretry later"), "/gone": (404, b"")}

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        status, body = self.replies[self.path]
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def canned() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/html", "answered with something that is not SPARQL JSON results: "),
        ("/busy", "HTTP error 503: busy"),
        ("/gone", "HTTP error 404: Not Found"),
    ],
)
def test_what_is_not_a_sparql_answer(canned: str, path: str, message: str) -> None:
    with pytest.raises(RemoteError) as error:
        RemoteEndpoint(canned + path).execute("ASK {}")
    assert str(error.value).startswith(f"{canned}{path}: {message}")


@pytest.mark.parametrize("url", ["notaurl", "ftp://host/query", "http:///query"])
def test_an_endpoint_must_be_an_http_url(url: str) -> None:
    with pytest.raises(RemoteError) as error:
        run_query("members", endpoint=url)
    assert str(error.value) == f"{url}: not an HTTP URL; expected http://host:port/path, e.g. http://localhost:7878/query"
