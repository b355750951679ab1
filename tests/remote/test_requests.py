"""What goes over the wire: a query is one request, the protocol's own (an HTML-form POST of
``query``, plus ``default-graph-uri`` where the store's default graph is every graph, and an
Accept header), with no stray parameters; an answer larger than ``--max-size`` is refused.
Recorded by a proxy in front of the real stores."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from click.testing import CliRunner
from oxigraph_server import OxigraphServer
from recording_proxy import Proxy, backend_of, proxy_to
from virtuoso_server import VirtuosoServer

from coalition_kg import query, sparql
from coalition_kg.cli import main
from coalition_kg.remote.dialects import UNION_GRAPH
from coalition_kg.remote.endpoint import Access

FORM = "application/x-www-form-urlencoded"
JSON_RESULTS = "application/sparql-results+json,application/json,text/javascript,application/javascript"  # SPARQLWrapper's


def fields(body: bytes) -> dict[str, list[str]]:
    return parse_qs(body.decode("utf-8"), keep_blank_values=True)


def test_a_query_is_one_clear_request(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    with proxy_to(Proxy(backend_of(loaded_oxigraph.base))) as proxy:
        answer = query("members", endpoint=proxy.url("/query"), access=Access(store="oxigraph"), build_dir=built)
    assert len(answer.terms()) == 6
    # the mission parameter is checked first (an ASK), then the question is asked, then the names of its IRIs
    assert [(r.method, r.path, r.headers["Content-Type"], r.headers["Accept"]) for r in proxy.requests] == [
        ("POST", "/query", FORM, JSON_RESULTS)
    ] * 3
    assert [set(fields(r.body)) for r in proxy.requests] == [{"query"}] * 3
    assert fields(proxy.requests[1].body)["query"][0].lstrip().startswith("#+ summary: States that joined a mission")


def test_without_store_the_service_description_is_asked_once(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    with proxy_to(Proxy(backend_of(loaded_oxigraph.base))) as proxy:
        for _ in range(2):
            query("officials", endpoint=proxy.url("/query"), build_dir=built)
    described = [r for r in proxy.requests if r.method == "GET"]
    assert [(r.path, r.headers["Accept"], r.body) for r in described] == [
        ("/query", "text/turtle, application/rdf+xml;q=0.8", b"")
    ]
    assert [set(fields(r.body)) for r in proxy.requests if r.method == "POST"] == [{"query"}] * 4  # answers and names


def test_virtuoso_is_asked_for_the_union_as_default_graph(virtuoso: VirtuosoServer, built: Path) -> None:
    with proxy_to(Proxy(backend_of(virtuoso.base))) as proxy:
        query("officials", endpoint=proxy.url("/sparql"), access=Access(store="virtuoso"), build_dir=built)
    assert [fields(r.body)["default-graph-uri"] for r in proxy.requests] == [[UNION_GRAPH]] * 2  # answer, names
    assert [set(fields(r.body)) for r in proxy.requests] == [{"query", "default-graph-uri"}] * 2
    assert proxy.requests[0].headers["Accept"] == JSON_RESULTS


def test_an_answer_over_max_size_is_refused(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    result = CliRunner().invoke(
        main, ["query", "deployments", "--endpoint", loaded_oxigraph.query, "--max-size", "2K", "--build-dir", str(built)]
    )
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {loaded_oxigraph.query}: the answer is over the limit of 2.0 KiB (2048 bytes); "
        "ask for less (a narrower query, a LIMIT) or allow more with --max-size\n",
    )


def test_an_announced_answer_over_max_size_is_refused_unread(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    with proxy_to(Proxy(backend_of(loaded_oxigraph.base))) as proxy:  # the proxy gives a Content-Length
        url = proxy.url("/query")
        result = CliRunner().invoke(
            main, ["sparql", "-", "--endpoint", url, "--max-size", "1K"], input="SELECT * WHERE { ?s ?p ?o }"
        )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {url}: the answer is ")
    assert result.stderr.endswith(
        " bytes), over the limit of 1.0 KiB (1024 bytes); ask for less (a narrower query, a LIMIT) or allow more with --max-size\n"
    )


def test_a_max_size_that_is_no_size(loaded_oxigraph: OxigraphServer) -> None:
    result = CliRunner().invoke(main, ["query", "members", "--endpoint", loaded_oxigraph.query, "--max-size", "lots"])
    assert result.exit_code == 2
    assert "Invalid value for '--max-size': 'lots' is not a size" in result.stderr


def test_a_query_whose_comments_name_an_update_goes_as_a_query(loaded_oxigraph: OxigraphServer) -> None:
    """SPARQLWrapper reads the second of two comment lines as text and takes the first form it
    names for the query's; the project's SPARQL reader says which form it is."""
    from SPARQLWrapper import SPARQLWrapper

    text = "# counted below\n# INSERT nothing here\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    misread = SPARQLWrapper("http://127.0.0.1/sparql")
    misread.setQuery(text)
    assert misread.queryType == "INSERT"
    with proxy_to(Proxy(backend_of(loaded_oxigraph.base))) as proxy:
        answer = sparql(text, endpoint=proxy.url("/query"), access=Access(store="oxigraph"), labels=False)
    assert answer.variables == ("n",) and answer.rows()[0]["n"] > 0
    [request] = proxy.requests
    assert (request.headers["Accept"], list(fields(request.body))) == (JSON_RESULTS, ["query"])
    assert fields(request.body)["query"] == [text]
