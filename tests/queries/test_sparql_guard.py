"""Ad-hoc SPARQL is read-only and calls no other endpoint unless allowed, however it is spelled:
proven on a parse before anything runs, locally or on an endpoint; nothing is contacted; and the
processes that run it have no network besides.

The differential test holds the check against Oxigraph itself: hypothesis builds queries that
hide a SERVICE behind every lexical device of the grammar, Oxigraph runs each with nothing in
its way against an endpoint on loopback, and whenever Oxigraph calls out, the check must have
refused the text."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from oxigraph_server import OxigraphServer
from required_tool import require
from service_disguises import hidden_service_query, oxigraph_calls
from service_target import service_target

from coalition_kg import sparql
from coalition_kg.cli import main
from coalition_kg.queries.engine import QueryFailed
from coalition_kg.queries.sparql_guard import MAX_NESTING, SERVICE_REFUSED, UNREADABLE, check_ad_hoc, engine_reading
from coalition_kg.queries.sparql_text import UnsafeQuery

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
    # Issue 17: a scanner lost track after an escaped local name or an IRI holding an escape.
    "escaped local name before it": "PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) SERVICE <%s> { ?x ?y ?z } }",
    "escape in an IRI before it": "SELECT * WHERE { BIND(<http://x/\\u0041#> AS ?a) SERVICE <%s> { ?x ?y ?z } }",
    # Found by the differential test: readers that end a string or a comment in different places.
    "escaped quotes around it": 'SELECT * WHERE { BIND(CONCAT("\\u0022, ") AS ?x) SERVICE <%s> { ?s ?p ?o } BIND(CONCAT(", \\u0022") AS ?z) }',
    "carriage return ending a comment": "SELECT * WHERE { BIND(1 AS ?a) #c\r SERVICE <%s> { ?s ?p ?o } \n }",
}
#: Refused too, as what the parser cannot read as SPARQL 1.1: nothing unproven runs.
UNREADABLE_FORMS = {
    "version in front": 'VERSION "1.2" PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) SERVICE <%s> { ?x ?y ?z } }',
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
    "hidden by escapes": "\\u0044ROP ALL",
}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def oracle_target() -> Iterator[tuple[str, list]]:
    """An endpoint for Oxigraph, the oracle, to call."""
    with service_target() as (base, hits):
        yield base, hits


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_a_service_call_is_refused_and_nothing_is_contacted(unreachable, built: Path, form: str) -> None:
    base, hits = unreachable
    text = SERVICE_FORMS[form] % f"{base}/sparql"
    for endpoint in (None, f"{base}/query"):
        with pytest.raises(UnsafeQuery) as error:
            sparql(text, endpoint=endpoint, build_dir=built, timeout=10)
        assert str(error.value) == SERVICE_REFUSED
    assert hits == []


@pytest.mark.parametrize("form", UNREADABLE_FORMS)
def test_what_the_parser_cannot_read_is_refused_and_nothing_is_contacted(unreachable, built: Path, form: str) -> None:
    base, hits = unreachable
    text = UNREADABLE_FORMS[form] % f"{base}/sparql"
    with pytest.raises(UnsafeQuery) as error:
        sparql(text, build_dir=built, timeout=10)
    assert str(error.value).startswith(f"{UNREADABLE}: the parser stops at line 1, column ")
    assert hits == []


@pytest.mark.parametrize("form", ["escaped local name before it", "escape in an IRI before it"])
def test_the_attack_of_the_issue_through_the_sparql_command(unreachable, built: Path, tmp_path: Path, form: str) -> None:
    base, hits = unreachable
    query = tmp_path / "query.rq"
    query.write_text(SERVICE_FORMS[form] % f"{base}/x")
    result = CliRunner().invoke(main, ["sparql", str(query), "--build-dir", str(built)])
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"error: {SERVICE_REFUSED}\n", "")
    assert hits == []


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_whenever_oxigraph_would_call_out_the_check_refuses(oracle_target, data: st.DataObject) -> None:
    """The differential test: Oxigraph, the engine that runs the query, is the oracle."""
    base, hits = oracle_target
    text = data.draw(hidden_service_query(base))
    calls = oxigraph_calls(text, hits)
    event("Oxigraph calls out" if calls else "Oxigraph does not call out")
    if calls:
        with pytest.raises(UnsafeQuery):
            check_ad_hoc(text)


def test_oxigraph_and_the_spec_read_escapes_differently() -> None:
    """What the engine reads, the check parses: escapes plain letters, carriage returns line feeds;
    an escaped backslash before a ``u`` escapes nothing."""
    assert engine_reading('"\\u0022, " #\r\\U00000041 "\\\\u0041"') == '"x, " #\nx "\\\\u0041"'


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?service WHERE { ?s ?p "SERVICE <http://example.org/>" }',
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://example.org/>",
        "PREFIX service: <urn:s#> SELECT * WHERE { ?s service:endpoint ?o }",
        "SELECT * WHERE { ?s ?p '''\\u0053ERVICE <http://example.org/> { }''' }",
        "PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?a) ?s ?p ?o }",
    ],
)
def test_the_word_service_elsewhere_is_no_call(text: str) -> None:
    assert check_ad_hoc(text) == "SELECT"


def test_every_canned_question_passes_the_check() -> None:
    from coalition_kg.queries.catalog import load_catalog

    assert [check_ad_hoc(query.text) for query in load_catalog()] == ["SELECT"] * 13


def test_allowed_the_engine_does_call_out(built: Path) -> None:
    with service_target() as (base, hits):
        answer = sparql(f"SELECT ?leak WHERE {{ SERVICE <{base}/sparql> {{ ?leak ?p ?o }} }}", allow_service=True, build_dir=built, timeout=30)
        assert answer.rows() == [{"leak": "reached"}] and len(hits) == 1  # the refusals above are what kept it from calling


def test_the_processes_that_run_queries_have_no_network() -> None:
    """The second wall: with the check out of the way, Oxigraph's call fails in the kernel."""
    with service_target() as (base, hits):
        script = (
            "import pyoxigraph\n"
            "from coalition_kg.queries.sandbox import SandboxUnavailable, forbid_network\n"
            "try:\n    forbid_network()\nexcept SandboxUnavailable as error:\n    print('unavailable', error); raise SystemExit\n"
            f"try:\n    list(pyoxigraph.Store().query('SELECT * WHERE {{ SERVICE <{base}/x> {{ ?s ?p ?o }} }}'))\n"
            "except OSError as error:\n    print(error)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    require(not done.stdout.startswith("unavailable"), f"seccomp is not available here: {done.stdout.strip()}")
    assert (done.stdout.strip(), hits) == ("Permission denied (os error 13)", [])


@pytest.mark.parametrize("kind", UPDATES)
def test_an_update_is_refused_locally_and_remotely(unreachable, loaded_oxigraph: OxigraphServer, built: Path, kind: str) -> None:
    base, hits = unreachable
    text = UPDATES[kind].replace("{sink}", base)
    keyword = "DROP" if kind == "hidden by escapes" else text.split("\n")[-1].split()[0].upper()
    before = sparql(COUNT, endpoint=loaded_oxigraph.query).rows()
    for endpoint in (None, loaded_oxigraph.query):
        with pytest.raises(UnsafeQuery) as error:
            sparql(text, endpoint=endpoint, build_dir=built)
        assert str(error.value) == (
            f"this is a SPARQL update ({keyword}); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE"
        )
    assert sparql(COUNT, endpoint=loaded_oxigraph.query).rows() == before == [{"n": 546}]
    assert sparql(COUNT, build_dir=built).rows() == before
    assert hits == []


def test_an_update_after_a_query_does_not_run(loaded_oxigraph: OxigraphServer, built: Path) -> None:
    """Neither the check nor the engine reads it; the engine, asked in the query's process (which
    has no network), says where it stops."""
    smuggled = "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"
    for endpoint in (None, loaded_oxigraph.query):
        with pytest.raises(QueryFailed) as error:
            sparql(smuggled, endpoint=endpoint, build_dir=built)
        assert str(error.value) == "invalid SPARQL: error at 1:35: expected one of HAVING, OFFSET, OPTIONAL, VALUES"
    assert sparql(COUNT, endpoint=loaded_oxigraph.query).rows() == [{"n": 546}]


def test_the_sparql_command_refuses_an_update() -> None:
    result = CliRunner().invoke(main, ["sparql", "-"], input="LOAD <http://example.org/data.ttl>")
    assert (result.exit_code, result.stderr) == (
        2, "error: this is a SPARQL update (LOAD); only read-only queries run here: SELECT, ASK, CONSTRUCT or DESCRIBE\n"
    )


def test_brackets_nested_deep_enough_to_crash_the_engine_are_refused(built: Path) -> None:
    deep = "SELECT * WHERE " + "{" * 50_000 + "}" * 50_000
    with pytest.raises(UnsafeQuery) as error:
        sparql(deep, build_dir=built)
    assert str(error.value) == f"the query nests brackets too deep; at most {MAX_NESTING} are allowed, as deeper ones can crash the engine"
    parentheses = "SELECT * WHERE { FILTER(" + "(" * 50_000 + "1" + ")" * 50_000 + ") }"
    with pytest.raises(UnsafeQuery, match="nests brackets too deep"):
        sparql(parentheses, build_dir=built)
    nested = "SELECT * WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING
    assert sparql(nested, build_dir=built).rows() == [{}]
    over = "SELECT * WHERE " + "{" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1)
    with pytest.raises(UnsafeQuery, match=f"nests brackets more than {MAX_NESTING} deep"):
        sparql(over, build_dir=built)


def test_the_check_of_a_huge_query_is_inside_the_time_limit(built: Path) -> None:
    """Parsing takes time: it is done in the query's process, which the time limit stops."""
    values = " ".join(f'"{number}"' for number in range(70_000))
    huge = f"SELECT * WHERE {{ VALUES ?v {{ {values} }} BIND(<http://x/\\u0041> AS ?a) }}"
    with pytest.raises(QueryFailed, match="^the query ran longer than 1 s and was stopped"):
        sparql(huge, build_dir=built, timeout=1)
