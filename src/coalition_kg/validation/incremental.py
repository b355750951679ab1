"""Validating a new or changed facts file against the built graph, without re-validating it all.

The project's shapes look at most one hop from a focus node: a fact's own values, the
types of the nodes it names, an instrument's party, an evidence's source text. So a
source is validated with its own triples plus, from the built store (less the graph of
the source it replaces): what other sources say about its nodes, the nodes it names, and
the facts that name its nodes (a membership elsewhere joined by an instrument it states).
Results are kept for those facts only. The register's "not mentioned by any fact" warning
is a property of the whole graph and comes from a full validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Graph, URIRef

from coalition_kg.core.inputfiles import MAX_INPUT_BYTES
from coalition_kg.core.namespaces import entity_iri, short_form
from coalition_kg.curation.reader import Curation, read_files
from coalition_kg.dataset.rdfize import to_quads
from coalition_kg.validation.report import ValidationReport
from coalition_kg.validation.shacl import validate_graph
from coalition_kg.validation.sparql_constraints import to_rdflib_value


def validate_increment(paths: Sequence[Path], store: pyoxigraph.Store,
                       max_bytes: int = MAX_INPUT_BYTES) -> ValidationReport:
    """Validate curated facts files against the built graph in ``store``."""
    curation = read_files(paths, max_bytes)
    mapped = to_quads(Curation(None, curation.sources))
    new = mapped.union_graph()
    replaced = [entity_iri(f"source/{source.id}") for source in curation.sources]
    facts = {s for s in new.subjects(RDF.type, None) if isinstance(s, URIRef)}
    focus = {s for s in new.subjects() if isinstance(s, URIRef)} | _referrers(store, facts, replaced)
    data = Graph()
    for triple in (*new, *_triples_about(store, focus, replaced)):
        data.add(triple)
    for triple in _triples_about(store, _named(data), replaced):
        data.add(triple)
    report = validate_graph(data, mapped.origins)
    keep = {short_form(str(node)) for node in focus}
    return ValidationReport([result for result in report.results if result.focus in keep])


def _named(graph: Graph) -> set[URIRef]:
    """The nodes a graph's triples point to: one hop out."""
    return {o for o in graph.objects() if isinstance(o, URIRef)}


def _referrers(store: pyoxigraph.Store, nodes: set[URIRef], replaced: list[str]) -> set[URIRef]:
    if not nodes:
        return set()
    query = f"""SELECT DISTINCT ?s WHERE {{ VALUES ?node {{ {_values(nodes)} }}
        GRAPH ?g {{ ?s ?p ?node }} {_exclude(replaced)} }}"""
    return {URIRef(solution["s"].value) for solution in store.query(query)
            if isinstance(solution["s"], pyoxigraph.NamedNode)}


def _triples_about(store: pyoxigraph.Store, nodes: set[URIRef], replaced: list[str]) -> list[tuple]:
    if not nodes:
        return []
    query = f"""CONSTRUCT {{ ?node ?p ?o }} WHERE {{ VALUES ?node {{ {_values(nodes)} }}
        GRAPH ?g {{ ?node ?p ?o }} {_exclude(replaced)} }}"""
    return [(to_rdflib_value(t.subject), to_rdflib_value(t.predicate), to_rdflib_value(t.object)) for t in store.query(query)]


def _values(nodes: set[URIRef]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes))


def _exclude(graphs: list[str]) -> str:
    if not graphs:
        return ""
    return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in graphs) + "))"
