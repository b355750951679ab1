"""``roqet`` (Rasqal, Debian's ``rasqal-utils``) as a client of ``coalition-kg serve``.

By the protocol (``roqet -p URL -e QUERY``): every canned question, its parameters bound in a
VALUES block as the CLI binds them, compared with the local answer. Rasqal's protocol client
sends every query by GET with ``Accept: application/sparql-results+xml`` and reads the answer
as rows only (``rasqal_service_execute`` makes a bindings result whatever the answer), so it
cannot ask an ASK or a CONSTRUCT of any endpoint. Those it runs itself, on a resource it loads
from the server by URL (``roqet -D URL``, sending the Accept of all the parsers Raptor has):
a SELECT, an ASK and a CONSTRUCT over each kind of resource, compared with the same query run
by rdflib on the resource's own N-Triples.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pyoxigraph
import pytest
from client_answers import ONTOLOGY, Rows, canned_questions, graph_of, results_of, same
from coalition_server import get
from rdflib.query import Result
from required_tool import require

ROQET = "roqet"
#: Resources of four kinds: a state, the mission, a membership, a person.
RESOURCES = ("/id/state/GTM", "/id/mission/mss-haiti", "/id/membership/jam-mss-haiti", "/id/person/claudia-escobar")
LOADED = {
    "SELECT": ("SELECT ?p ?o WHERE { ?s ?p ?o } ORDER BY ?p ?o", "xml"),
    "ASK": (f"ASK {{ ?s a <{ONTOLOGY}State> }}", "xml"),  # true of the state only
    "CONSTRUCT": ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle"),
}


@pytest.fixture(scope="module")
def roqet() -> str:
    require(shutil.which(ROQET) is not None, "roqet is missing (apt-get install rasqal-utils)")
    return ROQET


def run(*arguments: str) -> bytes:
    """What roqet prints; its warnings about the query's text (a variable used once) are off."""
    done = subprocess.run([ROQET, "-q", "-W", "0", *arguments], capture_output=True, timeout=120)
    assert done.returncode == 0 and not done.stderr, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout


def tsv_rows(printed: bytes) -> Rows:
    """Rows roqet wrote in the W3C TSV format. Rasqal writes the characters beyond ASCII as
    ``\\u`` escapes, which the format allows and rdflib's TSV reader does not read, and its SPARQL
    XML has ``<unbound/>`` cells of a draft of the format: Oxigraph's reader reads the TSV."""
    solutions = pyoxigraph.parse_query_results(printed, format=pyoxigraph.QueryResultsFormat.TSV)
    as_json = solutions.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
    return results_of(Result.parse(io.BytesIO(as_json), format="json"))


@pytest.mark.parametrize(("name", "params"), canned_questions(), ids=[name for name, _ in canned_questions()])
def test_every_canned_question_by_the_protocol(served, local, roqet, name, params):
    text, expected = local.canned(name, params)
    printed = run("-p", f"{served}/sparql", "-e", text, "-r", "tsv")
    assert tsv_rows(printed) == expected


@pytest.mark.parametrize("form", list(LOADED))
@pytest.mark.parametrize("path", RESOURCES)
def test_queries_on_a_resource_loaded_by_its_url(served, roqet, path, form):
    query, printed_as = LOADED[form]
    printed = run("-D", f"{served}{path}", "-e", query, "-r", printed_as)
    resource = graph_of(get(f"{served}{path}.nt")[2], "nt")
    expected = resource.query(query)
    if form == "CONSTRUCT":
        assert same(graph_of(printed, "turtle"), expected.graph)
    else:
        assert results_of(Result.parse(io.BytesIO(printed), format="xml")) == results_of(expected)
