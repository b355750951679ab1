"""A real SPARQL server gives the same answers as the local store (failures: test_endpoint_errors.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer
from query_samples import case_id, samples

from coalition_kg import query, sparql
from coalition_kg.queries.catalog import load_query
from coalition_kg.queries.engine import LocalEndpoint, ask, parameter_terms
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.remote.endpoint import RemoteError
from coalition_kg.store.disk import open_store


@pytest.mark.parametrize("case", samples(), ids=case_id)
def test_every_question_gives_the_same_rows_remotely(loaded_oxigraph: OxigraphServer, built: Path, case) -> None:
    name, params = case
    local = query(name, params, build_dir=built)
    remote = query(name, params, endpoint=loaded_oxigraph.query, build_dir=built)
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


def test_the_default_graph_there_is_the_union_once(loaded_oxigraph: OxigraphServer) -> None:
    """Oxigraph's default graph is not the union of the named graphs: the push wrote it."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
    in_default = sparql(count % "?s ?p ?o", endpoint=loaded_oxigraph.query).rows()
    in_graphs = sparql(count % "GRAPH ?g { ?s ?p ?o }", endpoint=loaded_oxigraph.query).rows()
    assert (in_default, in_graphs) == ([{"n": 546}], [{"n": 572}])


def test_ad_hoc_queries_of_every_form(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    for text in (
        "SELECT ?name WHERE { ?state ckg:iso3166Alpha3 ?code ; skos:prefLabel ?name } ORDER BY ?name",
        "ASK { state:KEN org:memberOf mission:mss-haiti }",
        "CONSTRUCT WHERE { state:GTM ?p ?o }",
        "DESCRIBE state:BHS",
    ):
        remote = sparql(text, endpoint=loaded_oxigraph.query)
        assert remote.to("ntriples" if text.startswith(("CONSTRUCT", "DESCRIBE")) else "json") == sparql(
            text, build_dir=built
        ).to("ntriples" if text.startswith(("CONSTRUCT", "DESCRIBE")) else "json")


@pytest.mark.parametrize("url", ["notaurl", "ftp://host/query", "http:///query"])
def test_an_endpoint_must_be_an_http_url(url: str) -> None:
    with pytest.raises(RemoteError) as error:
        query("members", endpoint=url)
    assert str(error.value) == f"{url}: not an HTTP URL; expected http://host:port/path, e.g. http://localhost:7878/query"
