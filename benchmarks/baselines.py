"""The baselines each measurement is compared with: pyoxigraph used directly (the limit for an
engine in Python), rdflib's memory store, and pyshacl on a plain rdflib graph.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .project_side import parameter_values
from .timing import Result, repeated, result, timed

SHAPES_FILE = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"


def query_rdflib(nquads: str, values: dict[str, str], runs: int, budget: float) -> Iterator[Result]:
    """Each canned question's SPARQL run by rdflib on its memory store holding the same quads."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    for query, bindings in baseline_queries(values):
        if isinstance(bindings, str):
            yield result(None, bindings, query.name)
            continue
        init = {name: _rdflib_term(term) for name, term in bindings.items()}
        yield repeated(query.name, lambda: len(list(dataset.query(query.text, initBindings=init))), runs, budget)


def baseline_queries(values: dict[str, str]) -> Iterator[tuple[Any, dict | str]]:
    """Each canned question with its parameters as RDF terms (or why it cannot run); named
    entities are bound by IRI, without the project's lookup (a baseline runs only the
    question's own SPARQL)."""
    from coalition_kg.queries.catalog import load_catalog
    from coalition_kg.queries.params import Candidate, bind_parameters, iri_term

    def by_iri(_class: str, text: str) -> list[Candidate]:
        return [Candidate(iri_term(text), text, True)]

    for query in load_catalog():
        given, missing = parameter_values(query, values)
        yield query, (f"needs parameter '{missing}'" if missing else bind_parameters(query.name, query.params, given, by_iri))


def _rdflib_term(term):
    from pyoxigraph import NamedNode
    from rdflib import Literal, URIRef

    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def export_pyoxigraph(build_dir: str) -> Iterator[Result]:
    import pyoxigraph

    from coalition_kg.core.namespaces import PREFIXES

    store = pyoxigraph.Store.read_only(str((Path(build_dir) / "store").resolve()))

    def turtle() -> bytes:
        union = store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
        return pyoxigraph.serialize((quad.triple for quad in union), format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)

    seconds, data = timed(turtle)
    yield result(seconds, f"{len(data)} bytes of Turtle")


def export_rdflib(ntriples: str) -> Iterator[Result]:
    from rdflib import Graph

    from coalition_kg.core.namespaces import PREFIXES

    graph = Graph().parse(ntriples, format="nt")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    seconds, data = timed(lambda: graph.serialize(format="turtle", encoding="utf-8"))
    yield result(seconds, f"{len(data)} bytes of Turtle")


def ingest_pyoxigraph(ntriples: str, store_dir: str) -> Iterator[Result]:
    """Bulk load of the same triples, as N-Triples, into a new on-disk store."""
    import pyoxigraph

    store = pyoxigraph.Store(store_dir)
    seconds, _ = timed(lambda: store.bulk_load(path=ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES))
    yield result(seconds, f"{len(store)} triples")


def ingest_pyoxigraph_layout(nquads: str, ntriples: str, store_dir: str) -> Iterator[Result]:
    """The floor for the project's layout: bulk loads of its quads into their named graphs and
    of their union into the default graph of a new on-disk store, from files already written."""
    import pyoxigraph

    shutil.rmtree(store_dir, ignore_errors=True)
    store = pyoxigraph.Store(store_dir)

    def load() -> None:
        store.bulk_load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
        store.bulk_load(path=ntriples, format=pyoxigraph.RdfFormat.N_TRIPLES)

    seconds, _ = timed(load)
    yield result(seconds, f"{len(store)} quads")


def ingest_rdflib(ntriples: str) -> Iterator[Result]:
    from rdflib import Graph

    graph = Graph()
    seconds, _ = timed(lambda: graph.parse(ntriples, format="nt"))
    yield result(seconds, f"{len(graph)} triples")


def validate_pyshacl(data_dir: str) -> Iterator[Result]:
    """pyshacl with the project's shapes on a plain rdflib graph of the same data."""
    from pyshacl import validate
    from rdflib import RDF, Graph, Namespace

    from coalition_kg import pipeline

    graph = pipeline.load_project(Path(data_dir)).union_graph()
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    seconds, (_, report, _) = timed(lambda: validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=True, meta_shacl=False, advanced=False,
        do_owl_imports=False))
    results = len(set(report.subjects(RDF.type, Namespace("http://www.w3.org/ns/shacl#").ValidationResult)))
    yield result(seconds, f"{results} results")
