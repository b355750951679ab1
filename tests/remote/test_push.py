"""Pushing the built graph into a real SPARQL store (Oxigraph's server), by SPARQL Update or the
Graph Store Protocol: in bounded batches, with a count check, and a failure that says what was
loaded and converges when pushed again. A recording proxy in front of the server shows each
request and fails or swallows chosen ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer
from recording_proxy import Proxy, Recorded, backend_of, proxy_to
from server_process import free_port

from coalition_kg import push, sparql
from coalition_kg.cli.remote import ProgressLine
from coalition_kg.core.namespaces import entity_iri
from coalition_kg.remote.endpoint import Access, RemoteError
from coalition_kg.remote.http import Client
from coalition_kg.remote.push import PushError, PushFailed, PushSummary

SOURCE = "https://w3id.org/coalition-kg/id/source/"
GRAPHS = {
    SOURCE + "000_f53fdc1be9ced35d": 217,
    SOURCE + "004_488f5bce62634bfc": 292,
    SOURCE + "register": 63,
}
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
IN_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
OXIGRAPH = Access(store="oxigraph")
BATCH = 16 * 1024


def contents(server: OxigraphServer) -> tuple[dict[str, int], int]:
    """Triples per named graph, and in the default graph, on the server."""
    graphs = {entity_iri(row["g"]): row["n"] for row in sparql(PER_GRAPH, endpoint=server.query).rows()}
    return graphs, sparql(IN_DEFAULT, endpoint=server.query).rows()[0]["n"]


def clear(server: OxigraphServer) -> None:
    Client().send("POST", server.update, b"DROP ALL", {"Content-Type": "application/sparql-update"})


def stale(server: OxigraphServer) -> None:
    """A triple in one of the project's graphs and one in the default graph, that a push must replace."""
    update = "INSERT DATA { GRAPH <%sregister> { <urn:stale> <urn:p> 1 } <urn:stale> <urn:p> 2 }" % SOURCE
    Client().send("POST", server.update, update.encode(), {"Content-Type": "application/sparql-update"})


@pytest.mark.parametrize("method", ["SPARQL Update", "Graph Store Protocol"])
def test_push_replaces_each_graph_and_the_union(oxigraph: OxigraphServer, built: Path, method: str) -> None:
    stale(oxigraph)
    if method == "SPARQL Update":
        summary = push(oxigraph.update, protocol="update", build_dir=built)
    else:
        summary = push(oxigraph.query, oxigraph.store, build_dir=built)
    target = oxigraph.update if method == "SPARQL Update" else oxigraph.store
    assert summary == PushSummary(target, method, GRAPHS, 546, None, requests=4, checked=True)
    assert contents(oxigraph) == (GRAPHS, 546)


def test_the_store_services_are_found_from_the_query_endpoint(oxigraph: OxigraphServer, built: Path) -> None:
    """Oxigraph is recognized by its service description: updates go to its /update by default,
    graphs to its /store when asked."""
    summary = push(oxigraph.query, build_dir=built)
    assert (summary.target, summary.method) == (oxigraph.update, "SPARQL Update")
    summary = push(oxigraph.query, protocol="graph-store", build_dir=built)
    assert (summary.target, summary.method) == (oxigraph.store, "Graph Store Protocol")


def test_the_summary_reads() -> None:
    summary = PushSummary("http://127.0.0.1:7878/update", "SPARQL Update", GRAPHS, 546, None, 4)
    assert summary.to_text() == (
        "pushed to http://127.0.0.1:7878/update (SPARQL Update, 4 requests):\n"
        f"    217 triples  graph <{SOURCE}000_f53fdc1be9ced35d>\n"
        f"    292 triples  graph <{SOURCE}004_488f5bce62634bfc>\n"
        f"     63 triples  graph <{SOURCE}register>\n"
        "    546 triples  default graph (union of the graphs)\n"
        "each graph on the store holds as many triples as the build"
    )


def test_large_pushes_go_in_bounded_batches(oxigraph: OxigraphServer, built: Path) -> None:
    clear(oxigraph)
    with proxy_to(Proxy(backend_of(oxigraph.base))) as proxy:
        summary = push(proxy.url("/update"), access=OXIGRAPH, batch_bytes=BATCH, protocol="update", build_dir=built)
    updates = [r for r in proxy.requests if r.path == "/update"]
    assert all(len(r.body) <= BATCH for r in updates)
    assert all(r.headers["Content-Type"] == "application/sparql-update" for r in updates)
    graph = f"<{SOURCE}000_f53fdc1be9ced35d>"
    assert updates[0].body.startswith(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n".encode())
    assert updates[1].body.startswith(f"INSERT DATA {{ GRAPH {graph} {{\n".encode())
    assert [r.body[:19] for r in updates].count(b"DROP SILENT DEFAULT") == 1
    assert summary.requests == len(updates) > 8
    assert contents(oxigraph) == (GRAPHS, 546)


def test_graph_store_batches_put_then_post(oxigraph: OxigraphServer, built: Path) -> None:
    clear(oxigraph)
    with proxy_to(Proxy(backend_of(oxigraph.base))) as proxy:
        push(None, proxy.url("/store"), access=OXIGRAPH, batch_bytes=BATCH, build_dir=built)
    writes = [(r.method, r.path.partition("?")[2]) for r in proxy.requests if r.path.startswith("/store")]
    register = "graph=" + (SOURCE + "register").replace(":", "%3A").replace("/", "%2F")
    assert [method for method, target in writes if target == register] == ["PUT"]
    default = [method for method, target in writes if target == "default"]
    assert default[0] == "PUT" and set(default[1:]) == {"POST"} and len(default) > 2
    assert all(len(r.body) <= BATCH for r in proxy.requests)
    assert contents(oxigraph) == (GRAPHS, 546)


def _fail_fourth(number: int, request: Recorded) -> tuple[int, bytes] | None:
    return (500, b"disk full") if number == 4 else None


def test_a_failed_push_says_what_was_loaded_and_a_rerun_converges(oxigraph: OxigraphServer, built: Path) -> None:
    clear(oxigraph)
    with proxy_to(Proxy(backend_of(oxigraph.base), intercept=_fail_fourth)) as proxy:
        with pytest.raises(PushFailed) as error:
            push(proxy.url("/update"), access=OXIGRAPH, batch_bytes=BATCH, protocol="update", build_dir=built)
    url = proxy.url("/update")
    assert str(error.value) == (
        f"{url}: HTTP error 500: disk full; pushed in full: 0 of 3 named graphs; "
        f"partly: graph <{SOURCE}000_f53fdc1be9ced35d>, 135 triples; "
        "not pushed: 2 named graphs and the default graph (the union); run push again to replace them all"
    )
    assert len(proxy.requests) == 4  # nothing was sent after the request that failed
    push(oxigraph.update, build_dir=built)
    assert contents(oxigraph) == (GRAPHS, 546)


def test_a_failure_after_whole_graphs_names_them(oxigraph: OxigraphServer, built: Path) -> None:
    clear(oxigraph)
    with proxy_to(Proxy(backend_of(oxigraph.base), intercept=_fail_fourth)) as proxy:
        with pytest.raises(PushFailed) as error:
            push(proxy.url("/update"), access=OXIGRAPH, protocol="update", build_dir=built)
    assert str(error.value).endswith(
        f"pushed in full: 3 of 3 named graphs (<{SOURCE}000_f53fdc1be9ced35d> to <{SOURCE}register>, in IRI order); "
        "not pushed: the default graph (the union); run push again to replace them all"
    )


def test_the_count_check_finds_a_batch_the_store_lost(oxigraph: OxigraphServer, built: Path) -> None:
    """A store that answers 204 to a batch it did not keep is caught by counting."""
    clear(oxigraph)
    lost = lambda number, request: (204, b"") if number == 2 else None  # noqa: E731
    with proxy_to(Proxy(backend_of(oxigraph.base), intercept=lost)) as proxy:
        with pytest.raises(PushFailed) as error:
            push(proxy.url("/update"), access=OXIGRAPH, batch_bytes=BATCH, protocol="update", build_dir=built)
        assert str(error.value) == (
            f"{proxy.url('/update')}: the store does not hold what was pushed: "
            f"graph <{SOURCE}000_f53fdc1be9ced35d>: 163 triples there, 217 in the build; run push again"
        )


def test_progress_is_reported_after_each_request(oxigraph: OxigraphServer, built: Path) -> None:
    calls: list[tuple[int, int, int, int]] = []
    push(oxigraph.update, batch_bytes=BATCH, progress=lambda *done: calls.append(done), build_dir=built)
    assert calls[-1] == (1118, 1118, 4, 4)
    assert [sent for sent, *_ in calls] == sorted(sent for sent, *_ in calls)
    terminal = io.StringIO()
    line = ProgressLine(terminal)
    line(540, 1080, 2, 4)
    line.end()
    assert terminal.getvalue() == "\rpushing: 540 of 1,080 triples (50%), 2 of 4 graphs done\r\x1b[K"


def test_push_needs_somewhere_to_go(built: Path) -> None:
    with pytest.raises(PushError) as error:
        push(build_dir=built)
    assert str(error.value) == (
        "say where to push: the store's SPARQL endpoint (--endpoint) or its Graph Store (--graph-store)"
    )


def test_a_batch_size_over_the_store_limit_is_refused(built: Path) -> None:
    with pytest.raises(PushError) as error:
        push("http://127.0.0.1:1/update", access=OXIGRAPH, batch_bytes=200 * 1024 * 1024, build_dir=built)
    assert str(error.value) == "a batch of 209715200 bytes is over the 134217728 bytes oxigraph takes in one request"


def test_a_store_that_is_down(built: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(RemoteError) as error:
        push(graph_store=url, build_dir=built)
    assert str(error.value) == f"{url}: cannot reach the server: [Errno 111] Connection refused; nothing was pushed"

