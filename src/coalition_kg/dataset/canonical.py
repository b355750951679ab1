"""The dataset in canonical form: the same bytes for the same data.

The quads are written as sorted N-Quads, and the union of their graphs as sorted
N-Triples, each line once (:class:`Canonical`). The store loads that form and every
export is written from it, so a build is deterministic from end to end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph
from pyoxigraph import RdfFormat
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from coalition_kg.dataset.rdfize import Quad

Quads = Iterable[Quad]


@dataclass(frozen=True)
class Canonical:
    """The data in the form the store and every export are made from, the same bytes for the
    same data: its quads as N-Quads, and the union of its graphs as N-Triples, each line once,
    sorted."""

    nquads: bytes
    ntriples: bytes


def canonical(quads: Quads) -> Canonical:
    """``quads`` (rdflib terms) in canonical form."""
    as_oxigraph = list(_oxigraph_quads(quads))
    nquads = pyoxigraph.serialize(as_oxigraph, format=RdfFormat.N_QUADS)
    ntriples = pyoxigraph.serialize((quad.triple for quad in as_oxigraph), format=RdfFormat.N_TRIPLES)
    return Canonical(_sorted_lines(set(nquads.split(b"\n"))), _sorted_lines(set(ntriples.split(b"\n"))))


def stored(store: pyoxigraph.Store) -> Canonical:
    """What a store built from canonical data holds (each source's graph, and their union in the
    default graph), in canonical form again: the same bytes the build loaded it from."""
    named = (quad for quad in store if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph))
    nquads = pyoxigraph.serialize(named, format=RdfFormat.N_QUADS)
    ntriples = store.dump(format=RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    return Canonical(_sorted_lines(set(nquads.split(b"\n"))), _sorted_lines(set(ntriples.split(b"\n"))))


def union_ntriples(quads: Quads) -> bytes:
    """The triples of ``quads`` as N-Triples, graph names dropped, in no particular order and
    with repeats: enough to load a store, quicker than :func:`canonical`."""
    return pyoxigraph.serialize((quad.triple for quad in _oxigraph_quads(quads)), format=RdfFormat.N_TRIPLES)


def _oxigraph_quads(quads: Quads) -> Iterator[pyoxigraph.Quad]:
    terms: dict[Node, object] = {}

    def term(node: Node) -> object:
        if node not in terms:
            terms[node] = _oxigraph_term(node)
        return terms[node]

    for subject, predicate, obj, graph in quads:
        yield pyoxigraph.Quad(term(subject), term(predicate), term(obj), term(graph))


def _oxigraph_term(node: Node) -> object:
    if isinstance(node, URIRef):
        return pyoxigraph.NamedNode(str(node))
    if isinstance(node, BNode):
        return pyoxigraph.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        datatype = pyoxigraph.NamedNode(str(node.datatype)) if node.datatype else None
        return pyoxigraph.Literal(str(node), datatype=datatype)
    return pyoxigraph.DefaultGraph()


def _sorted_lines(lines: set[bytes]) -> bytes:
    lines.discard(b"")
    return b"\n".join(sorted(lines)) + b"\n" if lines else b""
