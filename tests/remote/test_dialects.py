"""The table of store dialects: where each store's services live, what its default graph is,
and how a store is told from its service description."""

from __future__ import annotations

import pytest

from coalition_kg.remote.dialects import DIALECTS, UNION_GRAPH, Services, dialect_named, from_description


@pytest.mark.parametrize(
    ("store", "url", "authenticated", "services"),
    [
        ("oxigraph", "http://h:7878/query", False, Services("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        ("oxigraph", "http://h:7878/update", False, Services("http://h:7878/query", "http://h:7878/update", "http://h:7878/store")),
        ("virtuoso", "http://h:8890/sparql", False,
         Services("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud")),
        ("virtuoso", "http://h:8890/sparql", True,
         Services("http://h:8890/sparql-auth", "http://h:8890/sparql-auth", "http://h:8890/sparql-graph-crud-auth")),
        ("fuseki", "http://h:3030/ds/sparql", False,
         Services("http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data")),
        ("generic", "http://h/any/endpoint", True, Services("http://h/any/endpoint", "http://h/any/endpoint", None)),
        # a path the store does not use (a proxy's) is kept as given
        ("oxigraph", "http://h/proxied/sparql", False,
         Services("http://h/proxied/sparql", "http://h/proxied/sparql", "http://h/proxied/sparql")),
    ],
)
def test_where_each_store_keeps_its_services(store: str, url: str, authenticated: bool, services: Services) -> None:
    assert dialect_named(store).services(url, authenticated) == services


def test_what_each_default_graph_is() -> None:
    assert {name: dialect.default_graph for name, dialect in DIALECTS.items()} == {
        "oxigraph": None, "virtuoso": UNION_GRAPH, "fuseki": None, "generic": None
    }


def test_no_batch_is_over_what_its_store_takes() -> None:
    assert all(dialect.batch_bytes <= dialect.max_request_bytes for dialect in DIALECTS.values())


UNION_DESCRIPTION = b"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
[] a sd:Service ; sd:endpoint <> ; sd:feature sd:UnionDefaultGraph ."""


@pytest.mark.parametrize(
    ("server", "description", "expected"),
    [
        ("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu", b"", ("virtuoso", True)),
        ("Oxigraph/0.5.13", b"", ("oxigraph", False)),
        ("Apache Jena Fuseki (5.1.0)", b"", ("fuseki", False)),
        ("uvicorn", UNION_DESCRIPTION, ("generic", True)),
        ("uvicorn", b"not turtle {", ("generic", False)),
    ],
)
def test_a_store_told_by_its_service_description(server: str, description: bytes, expected: tuple[str, bool]) -> None:
    dialect = from_description(server, description, "text/turtle")
    assert (dialect.name, dialect.union_default_graph) == expected


def test_an_unknown_store_name() -> None:
    with pytest.raises(ValueError, match="unknown store 'blazegraph'; expected one of: oxigraph, virtuoso, fuseki, generic"):
        dialect_named("blazegraph")
