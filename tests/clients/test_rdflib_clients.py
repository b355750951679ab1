"""rdflib as a client of ``coalition-kg serve``: its ``SPARQLStore`` asking a question of each form
by each of its methods and return formats, and ``Graph().parse(url, format=...)`` reading every
resource of the build in every RDF format rdflib asks for by name (it sends the format's media
type as ``Accept``), each compared with the resource's own N-Triples.

``SPARQLStore``'s return format sets its ``Accept``: the results format for SELECT and ASK,
an RDF format for CONSTRUCT and DESCRIBE (``xml``, its default, asks for both SPARQL XML and
RDF/XML). The W3C CSV and TSV formats have no form for a boolean, so ASK is asked in the others.
"""

from __future__ import annotations

import pytest
from client_answers import QUESTIONS, graph_of, path_of, results_of, same
from coalition_server import get
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore

METHODS = ("GET", "POST", "POST_FORM")
RETURN_FORMATS = {
    "SELECT": ("xml", "json", "csv", "tsv"),
    "ASK": ("xml", "json"),
    "CONSTRUCT": ("xml", "turtle", "nt", "json-ld", "trig", "nquads"),
    "DESCRIBE": ("xml", "turtle", "nt", "json-ld", "trig", "nquads"),
}
CASES = [(form, return_format) for form, formats in RETURN_FORMATS.items() for return_format in formats]
#: rdflib's names of the RDF formats a resource is served in.
RESOURCE_FORMATS = ("turtle", "nt", "xml", "json-ld")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("form", "return_format"), CASES, ids=[f"{form}-{name}" for form, name in CASES])
def test_sparqlstore_asks_by_every_method_and_return_format(served, local, method, form, return_format):
    store = SPARQLStore(f"{served}/sparql", method=method, returnFormat=return_format)
    result = Graph(store).query(QUESTIONS[form])
    answer = result.graph if form in ("CONSTRUCT", "DESCRIBE") else results_of(result)
    like = {"csv": "text/csv", "tsv": "text/tab-separated-values"}.get(return_format)
    assert same(answer, local.answer(QUESTIONS[form], like=like))


@pytest.fixture(scope="module")
def resource_triples(served, local) -> dict[str, Graph]:
    """Every resource of the build, by IRI, as its own N-Triples (``.nt``) say."""
    described = {}
    for iri in local.resources():
        status, headers, body = get(f"{served}{path_of(iri)}.nt")
        assert status == 200 and headers["content-type"].startswith("application/n-triples"), iri
        described[iri] = graph_of(body, "nt")
        assert len(described[iri]), iri
    return described


def test_the_build_holds_107_resources(resource_triples):
    assert len(resource_triples) == 107


@pytest.mark.parametrize("rdf_format", RESOURCE_FORMATS)
def test_graph_parse_reads_every_resource_by_its_url(served, resource_triples, rdf_format):
    differing = []
    for iri, expected in resource_triples.items():
        graph = Graph().parse(f"{served}{path_of(iri)}", format=rdf_format)
        if not isomorphic(graph, expected):
            differing.append(iri)
    assert differing == []
