"""Ad-hoc SPARQL is read-only and calls no other endpoint unless allowed, however it is spelled:
refused before anything runs, locally or on an endpoint, and nothing is contacted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from oxigraph_server import OxigraphServer
from test_bad_inputs import listening

from coalition_kg import sparql
from coalition_kg.cli import main
from coalition_kg.queries.engine import QueryFailed
from coalition_kg.queries.sparql_guard import MAX_NESTING, check_ad_hoc, parsed_service_call
from coalition_kg.queries.sparql_text import SERVICE_REFUSED, UnsafeQuery, check_read_only
from coalition_kg.remote.endpoint import RemoteError

SINK = "{sink}/sparql"  # where the queries below would call: a local server that records connections
SERVICE_FORMS = {
    "plain": "SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }",
    "lowercase": "select * where { service <%s> { ?s ?p ?o } }",
    "mixed case": "SELECT * WHERE { SeRvIcE <%s> { ?s ?p ?o } }",
    "silent": "SELECT * WHERE { SERVICE SILENT <%s> { ?s ?p ?o } }",
    "comment inside": "SELECT * WHERE { SERVICE # the other one\n  <%s> { ?s ?p ?o } }",
    "subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <%s> { ?s ?p ?o } } } }",
    "prefixed name": "PREFIX far: <%s#> SELECT * WHERE { SERVICE far:endpoint { ?s ?p ?o } }",
    "variable": "SELECT * WHERE { VALUES ?where { <%s> } SERVICE ?where { ?s ?p ?o } }",
    "optional": "SELECT * WHERE { ?s a ckg:State OPTIONAL { SERVICE <%s> { ?s ?p ?o } } }",
    "union": "SELECT * WHERE { { ?s a ckg:State } UNION { SERVICE <%s> { ?s ?p ?o } } }",
    "minus": "SELECT * WHERE { ?s a ckg:State MINUS { SERVICE <%s> { ?s ?p ?o } } }",
    "filter exists": "SELECT * WHERE { ?s a ckg:State FILTER EXISTS { SERVICE <%s> { ?s ?p ?o } } }",
    "graph": "SELECT * WHERE { GRAPH ?g { SERVICE <%s> { ?s ?p ?o } } }",
    "ask": "ASK { SERVICE <%s> { ?s ?p ?o } }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <%s> { ?s ?p ?o } }",
    "codepoint escapes": "SELECT * WHERE { \\u0053ERVICE <%s> { ?s ?p ?o } }",
    "oxigraph's lateral": "SELECT * WHERE { ?s a ckg:State LATERAL { SERVICE <%s> { ?s ?p ?o } } }",
}
UPDATES = {
    "insert data": "INSERT DATA { state:GTM ckg:iso3166Alpha3 'XXX' }",
    "delete data": "DELETE DATA { state:GTM ckg:iso3166Alpha3 'GTM' }",
    "delete where": "DELETE WHERE { ?s ?p ?o }",
    "delete insert": "DELETE { ?s ?p ?o } INSERT { ?s ?p 'x' } WHERE { ?s ?p ?o }",
    "with": "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "load": "LOAD <{sink}/data.ttl>",
    "load into": "LOAD SILENT <{sink}/data.ttl> INTO GRAPH <urn:g>",
    "clear": "CLEAR ALL",
    "clear graph": "CLEAR GRAPH <urn:g>",
    "drop": "DROP ALL",
    "drop silent": "DROP SILENT DEFAULT",
    "create": "CREATE GRAPH <urn:g>",
    "add": "ADD DEFAULT TO <urn:g>",
    "move": "MOVE DEFAULT TO <urn:g>",
    "copy": "COPY DEFAULT TO <urn:g>",
    "lowercase": "drop all",
    "after a prologue and a comment": "PREFIX x: <urn:x#>\n# tidy up\nCLEAR DEFAULT",
    "two operations": "CLEAR ALL ; INSERT DATA { <urn:a> <urn:b> <urn:c> }",
}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture
def sink() -> Iterator[tuple[str, list]]:
    with listening() as (base, connections):
        yield base, connections


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_a_service_call_is_refused_and_nothing_is_contacted(sink, built: Path, form: str) -> None:
    base, connections = sink
    text = SERVICE_FORMS[form] % SINK.format(sink=base)
    for endpoint in (None, f"{base}/query"):
        with pytest.raises(UnsafeQuery) as error:
            sparql(text, endpoint=endpoint, build_dir=built, timeout=1)
        assert str(error.value) == SERVICE_REFUSED
    assert connections == []


def test_escaped_service_is_found_by_the_parser_and_lateral_by_the_tokens() -> None:
    """Each check finds what the other cannot: both are needed."""
    escaped = SERVICE_FORMS["codepoint escapes"] % "http://example.org/sparql"
    lateral = SERVICE_FORMS["oxigraph's lateral"] % "http://example.org/sparql"
    assert (check_read_only(escaped), parsed_service_call(escaped)) == ("SELECT", True)
    with pytest.raises(UnsafeQuery):
        check_read_only(lateral)
    assert parsed_service_call(lateral) is False  # rdflib does not know LATERAL


def test_rdflib_parses_only_queries_with_codepoint_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an escape the grammar reads the text as written and the token scan is enough; the
    parse, a tenth of a second or more, was most of what the server spent on a canned question."""
    from coalition_kg.queries import sparql_guard
    from coalition_kg.queries.catalog import load_catalog

    parsed: list[str] = []
    monkeypatch.setattr(sparql_guard, "parsed_service_call", lambda text: parsed.append(text) or parsed_service_call(text))
    assert [check_ad_hoc(query.text) for query in load_catalog()] == ["SELECT"] * 13 and parsed == []
    escaped = SERVICE_FORMS["codepoint escapes"] % "http://example.org/sparql"
    with pytest.raises(UnsafeQuery, match="SERVICE"):
        check_ad_hoc(escaped)
    assert parsed == [escaped]
    upper = "SELECT * WHERE { \\U00000053ERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(UnsafeQuery, match="SERVICE"):
        check_ad_hoc(upper)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?service WHERE { ?s ?p "SERVICE <http://example.org/>" }',
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://example.org/>",
        "PREFIX service: <urn:s#> SELECT * WHERE { ?s service:endpoint ?o }",
        "SELECT * WHERE { ?s ?p '''\\u0053ERVICE <http://example.org/> { }''' }",
    ],
)
def test_the_word_service_elsewhere_is_no_call(text: str) -> None:
    assert check_ad_hoc(text) == "SELECT"


def test_allowed_the_engine_does_call_out_and_the_time_limit_stops_the_wait(sink, built: Path) -> None:
    base, connections = sink
    with pytest.raises(QueryFailed) as error:
        sparql(SERVICE_FORMS["silent"] % SINK.format(sink=base), allow_service=True, build_dir=built, timeout=1)
    assert str(error.value) == "the query ran longer than 1 s and was stopped; allow it more time with --timeout SECONDS"
    assert len(connections) == 1  # the refusal above is what kept it from calling


@pytest.mark.parametrize("kind", UPDATES)
def test_an_update_is_refused_locally_and_remotely(sink, loaded_oxigraph: OxigraphServer, built: Path, kind: str) -> None:
    base, connections = sink
    text = UPDATES[kind].replace("{sink}", base)
    keyword = text.split("\n")[-1].split()[0].upper()
    before = sparql(COUNT, endpoint=loaded_oxigraph.query).rows()
    for endpoint in (None, loaded_oxigraph.query):
        with pytest.raises(UnsafeQuery) as error:
            sparql(text, endpoint=endpoint, build_dir=built)
        assert str(error.value) == (
            f"this is a SPARQL update ({keyword}); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    assert sparql(COUNT, endpoint=loaded_oxigraph.query).rows() == before == [{"n": 546}]
    assert sparql(COUNT, build_dir=built).rows() == before
    assert connections == []


def test_an_update_hidden_by_escapes_or_after_a_query_does_not_run(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    with pytest.raises(UnsafeQuery, match="^not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE$"):
        sparql("\\u0044ROP ALL", endpoint=loaded_oxigraph.query)
    smuggled = "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"
    expected = "error at 1:35: expected one of HAVING, OFFSET, OPTIONAL, VALUES"
    with pytest.raises(QueryFailed) as local:
        sparql(smuggled, build_dir=built)
    with pytest.raises(RemoteError) as remote:
        sparql(smuggled, endpoint=loaded_oxigraph.query)
    assert (str(local.value), str(remote.value)) == (
        f"invalid SPARQL: {expected}", f"{loaded_oxigraph.query}: HTTP error 400: {expected}"
    )
    assert sparql(COUNT, endpoint=loaded_oxigraph.query).rows() == [{"n": 546}]


def test_the_sparql_command_refuses_an_update() -> None:
    result = CliRunner().invoke(main, ["sparql", "-"], input="LOAD <http://example.org/data.ttl>")
    assert (result.exit_code, result.stderr) == (
        2, "error: this is a SPARQL update (LOAD); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE\n"
    )


def test_brackets_nested_deep_enough_to_crash_the_engine_are_refused(built: Path) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    with pytest.raises(UnsafeQuery) as error:
        sparql(deep, build_dir=built)
    assert str(error.value) == (
        f"the query nests brackets 5000 deep; at most {MAX_NESTING} are allowed, as deeper ones can crash the engine"
    )
    nested = "SELECT * WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING
    assert sparql(nested, build_dir=built).rows() == [{}]
