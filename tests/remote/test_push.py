"""Pushing the built graph into a real SPARQL store, by SPARQL Update or the Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer, free_port
from pyoxigraph import Literal, NamedNode, Triple

from coalition_kg import push, sparql
from coalition_kg.core.namespaces import entity_iri
from coalition_kg.remote.endpoint import RemoteError, send_update
from coalition_kg.remote.push import PushError, PushSummary, replace_graph

SOURCE = "https://w3id.org/coalition-kg/id/source/"
GRAPHS = {
    SOURCE + "000_f53fdc1be9ced35d": 217,
    SOURCE + "004_488f5bce62634bfc": 281,
    SOURCE + "register": 55,
}
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
IN_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def contents(server: OxigraphServer) -> tuple[dict[str, int], int]:
    """Triples per named graph, and in the default graph, on the server."""
    graphs = {entity_iri(row["g"]): row["n"] for row in sparql(PER_GRAPH, endpoint=server.query).rows()}
    return graphs, sparql(IN_DEFAULT, endpoint=server.query).rows()[0]["n"]


@pytest.mark.parametrize("method", ["SPARQL Update", "Graph Store Protocol"])
def test_push_puts_each_graph_and_their_union(oxigraph: OxigraphServer, built: Path, method: str) -> None:
    stale = "INSERT DATA { GRAPH <%sregister> { <urn:stale> <urn:p> 1 } <urn:stale> <urn:p> 2 }" % SOURCE
    send_update(oxigraph.update, stale)
    if method == "SPARQL Update":
        summary = push(oxigraph.update, build_dir=built)
        target = oxigraph.update
    else:
        summary = push(graph_store=oxigraph.store, build_dir=built)
        target = oxigraph.store
    assert summary == PushSummary(target, method, GRAPHS, 527)
    assert contents(oxigraph) == (GRAPHS, 527)


def test_the_summary_reads() -> None:
    summary = PushSummary("http://127.0.0.1:7878/update", "SPARQL Update", GRAPHS, 527)
    assert summary.to_text() == (
        "pushed to http://127.0.0.1:7878/update (SPARQL Update):\n"
        f"    217 triples  graph <{SOURCE}000_f53fdc1be9ced35d>\n"
        f"    281 triples  graph <{SOURCE}004_488f5bce62634bfc>\n"
        f"     55 triples  graph <{SOURCE}register>\n"
        "    527 triples  default graph (union of the graphs)"
    )


def test_the_update_that_replaces_a_graph() -> None:
    triple = Triple(NamedNode("urn:s"), NamedNode("urn:p"), Literal('say "hi" }'))
    assert replace_graph(NamedNode("urn:g"), [triple]) == (
        "DROP SILENT GRAPH <urn:g> ;\n"
        'INSERT DATA { GRAPH <urn:g> {\n<urn:s> <urn:p> "say \\"hi\\" }" .\n} }\n'
    )
    assert replace_graph(None, [triple]) == 'DROP SILENT DEFAULT ;\nINSERT DATA {\n<urn:s> <urn:p> "say \\"hi\\" }" .\n}\n'


def test_push_needs_somewhere_to_go(built: Path) -> None:
    with pytest.raises(PushError) as error:
        push(build_dir=built)
    assert str(error.value) == (
        "say where to push: a SPARQL Update endpoint (--endpoint) or a Graph Store (--graph-store)"
    )


def test_a_store_that_is_down(built: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(RemoteError) as error:
        push(graph_store=url, build_dir=built)
    assert str(error.value) == f"{url}: cannot reach the server: [Errno 111] Connection refused"
