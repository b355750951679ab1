"""What the client matrix compares: an answer as a client read it, and the local answer (the
session's build, queried in-process), both made rdflib terms: the variables and rows of a
SELECT answer, the boolean of an ASK, the graph of a CONSTRUCT or DESCRIBE.

A results document is read by rdflib in the format its Content-Type names; a format that
loses the terms' types (CSV, TSV) is compared with the local answer written in that same format.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import NamedTuple

import pyoxigraph
from query_samples import samples
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.query import Result

from coalition_kg.queries.catalog import load_query
from coalition_kg.queries.engine import LocalEndpoint, ask, parameter_terms
from coalition_kg.queries.results import W3C_FORMATS
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.store.disk import open_store

SITE = "https://w3id.org/coalition-kg"
ONTOLOGY = SITE + "/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
#: The W3C results formats by media type, as rdflib names their readers.
RESULTS_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: The RDF formats by media type, as rdflib names their parsers.
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
#: One question of each form about the build, whose answers are all non-empty.
QUESTIONS = {
    "SELECT": f"SELECT ?state ?label WHERE {{ ?state a <{ONTOLOGY}State> ; <{SKOS}prefLabel> ?label }} ORDER BY ?state",
    "ASK": f"ASK {{ <{SITE}/id/state/GTM> a <{ONTOLOGY}State> }}",
    "CONSTRUCT": f"CONSTRUCT {{ ?state a <{ONTOLOGY}State> }} WHERE {{ ?state a <{ONTOLOGY}State> }}",
    "DESCRIBE": f"DESCRIBE <{SITE}/id/state/GTM>",
}


class Rows(NamedTuple):
    """A SELECT answer: its variables, and each row's terms in their order (None: unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def read(body: bytes, content_type: str | None, form: str) -> Rows | bool | Graph:
    """The answer in ``body``, read by rdflib in the format ``content_type`` names."""
    kind = media_type(content_type)
    if kind in GRAPH_TYPES:
        return graph_of(body, GRAPH_TYPES[kind])
    if kind not in RESULTS_TYPES:
        raise AssertionError(f"not a SPARQL results or RDF type: {content_type!r}")
    if form == "ASK" and RESULTS_TYPES[kind] in ("csv", "tsv"):  # no boolean in the W3C formats: the word
        return body.decode("utf-8").split()[-1] == "true"
    return results_of(Result.parse(io.BytesIO(body), format=RESULTS_TYPES[kind]))


def results_of(result: Result) -> Rows | bool:
    if result.type == "ASK":
        return bool(result.askAnswer)
    variables = tuple(str(variable) for variable in result.vars or ())
    return Rows(variables, tuple(tuple(row.get(variable) for variable in result.vars or ()) for row in result.bindings))


def graph_of(body: bytes, rdf_format: str) -> Graph:
    """The triples of ``body``, of every graph in it (a TriG or N-Quads answer names none)."""
    dataset = Dataset()
    dataset.parse(data=body, format=rdf_format)
    graph = Graph()
    for named in dataset.graphs():
        graph += named
    return graph


def same(actual: Rows | bool | Graph, expected: Rows | bool | Graph) -> bool:
    if isinstance(expected, Graph):
        return isinstance(actual, Graph) and len(actual) == len(expected) and isomorphic(actual, expected)
    return actual == expected


class Local:
    """The session's build, queried in-process: the answers every client is compared with."""

    def __init__(self, build_dir: Path) -> None:
        self.store = open_store(build_dir)
        self.endpoint = LocalEndpoint(self.store)

    def answer(self, query: str, like: str | None = None) -> Rows | bool | Graph:
        """The answer to ``query``; a SELECT or ASK answer written as the client's was (the
        ``like`` Content-Type: CSV and TSV lose the terms' types), and read back."""
        answer = self.store.query(query)
        if isinstance(answer, pyoxigraph.QueryTriples):
            return graph_of(pyoxigraph.serialize(answer, format=pyoxigraph.RdfFormat.N_TRIPLES), "nt")
        kind = media_type(like) if media_type(like) in RESULTS_TYPES else "application/sparql-results+json"
        body = answer.serialize(format=W3C_FORMATS[RESULTS_TYPES[kind]])
        return read(body, kind, "ASK" if isinstance(answer, pyoxigraph.QueryBoolean) else "SELECT")

    def canned(self, name: str, params: dict[str, str]) -> tuple[str, Rows]:
        """A canned question's SPARQL with its parameters bound in a VALUES block, as the CLI
        binds them, and the local answer to it."""
        query = load_query(name)
        terms = parameter_terms(self.endpoint, query, params)
        text = with_values(query.text, {key: str(term) for key, term in terms.items()})
        answer = ask(self.endpoint, query, params)
        return text, results_of(Result.parse(io.BytesIO(answer.to("json").encode()), format="json"))

    def resources(self) -> list[str]:
        """Every resource of the build: each IRI of the site that the store holds facts about."""
        query = f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{SITE}/id/")) }}'
        rows = self.store.query(query)
        return sorted(row[0].value for row in rows if "#" not in row[0].value)


def canned_questions() -> list[tuple[str, dict[str, str]]]:
    """Each canned question once, with the first parameters the query samples give it."""
    first: dict[str, dict[str, str]] = {}
    for name, params in samples():
        first.setdefault(name, params)
    return list(first.items())


def path_of(iri: str) -> str:
    """The server's path for a resource of the site."""
    assert iri.startswith(SITE + "/"), iri
    return iri[len(SITE):]
