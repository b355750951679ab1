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


@dataclass(frozen=True)
class Splice:
    """Canonical data with some graphs replaced, and the subjects (as N-Triples writes them,
    ``<IRI>``) whose triples in the union may have changed: any other subject's are as they were."""

    data: Canonical
    subjects: list[bytes]


def spliced(old: Canonical, removed: Iterable[str], added: Canonical) -> Splice:
    """The canonical form of the data ``old`` less its named graphs ``removed`` (their IRIs), plus
    ``added`` (canonical too, of graphs that ``old`` does not keep): the same bytes as
    :func:`canonical` of the whole, found in the text of ``old`` without reading all of it again.

    The union loses the triples of the removed graphs that no graph left holds, and gains those of
    the added graphs it did not hold."""
    ends = [f" <{graph}> .\n".encode() for graph in removed]
    cut = sorted(span for end in ends for span in _lines_ending(old.nquads, end))
    nquads = _edited(old.nquads, cut, _lines(added.nquads))
    added_triples = set(_lines(added.ntriples))
    removed_triples = {_triple(old.nquads[start:stop - 1]) for start, stop in cut}
    gone = [_span(old.ntriples, triple) for triple in sorted(removed_triples - added_triples)
            if not _holds_triple(nquads, triple)]
    new = [triple for triple in sorted(added_triples) if not _holds_line(old.ntriples, triple)]
    subjects = sorted({triple[:triple.index(b" ")] for triple in removed_triples | added_triples})
    return Splice(Canonical(nquads, _edited(old.ntriples, sorted(gone), new)), subjects)


def subject_lines(ntriples: bytes, subject: bytes) -> bytes:
    """The lines of canonical N-Triples whose subject is ``subject`` (as N-Triples writes it)."""
    start = _position(ntriples, subject + b" ")
    stop = start
    while ntriples.startswith(subject + b" ", stop):
        stop = ntriples.index(b"\n", stop) + 1
    return ntriples[start:stop]


def _lines(text: bytes) -> list[bytes]:
    return [line for line in text.split(b"\n") if line]


def _triple(quad_line: bytes) -> bytes:
    """An N-Quads line's triple as an N-Triples line: its graph, the last term, dropped."""
    return quad_line[:quad_line.rfind(b" <")] + b" ."


def _lines_ending(text: bytes, end: bytes) -> Iterator[tuple[int, int]]:
    """The start and end of each line of ``text`` that ends with ``end`` (newline included). A
    literal holds no line break, so a graph's name followed by one ends the quad's line."""
    found = text.find(end)
    while found >= 0:
        stop = found + len(end)
        yield text.rfind(b"\n", 0, found) + 1, stop
        found = text.find(end, stop)


def _position(text: bytes, line: bytes) -> int:
    """Where ``line`` is, or goes, among the sorted lines of ``text``: the start of the first line not before it."""
    low, high = 0, len(text)  # both the start of a line (or the end of the text)
    while low < high:
        middle = text.rfind(b"\n", low, (low + high) // 2) + 1 or low
        stop = text.index(b"\n", middle)
        if text[middle:stop] < line:
            low = stop + 1
        else:
            high = middle
    return low


def _holds_line(text: bytes, line: bytes) -> bool:
    at = _position(text, line)
    return text.startswith(line + b"\n", at)


def _holds_triple(nquads: bytes, triple: bytes) -> bool:
    """Whether some graph of ``nquads`` (sorted lines) holds ``triple`` (an N-Triples line)."""
    beginning = triple[:-1] + b"<"
    return nquads.startswith(beginning, _position(nquads, beginning))


def _span(text: bytes, line: bytes) -> tuple[int, int]:
    at = _position(text, line)
    assert text.startswith(line + b"\n", at), f"{line!r} is not a line of the text"
    return at, at + len(line) + 1


def _edited(text: bytes, cut: list[tuple[int, int]], inserted: list[bytes]) -> bytes:
    """The sorted lines of ``text`` less those at the spans ``cut`` (sorted), plus the sorted lines
    ``inserted``, each at its place."""
    # (where, inserted before cut at the same place, where the text resumes, what goes in)
    edits = sorted([(start, 1, stop, b"") for start, stop in cut]
                   + [(at, 0, at, line + b"\n") for line in inserted for at in [_position(text, line)]])
    parts, done = [], 0
    for at, _, resume, what in edits:
        parts += [text[done:at], what]
        done = resume
    parts.append(text[done:])
    return b"".join(parts)


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
    return _joined(sorted(lines))


def _joined(lines: Iterable[bytes]) -> bytes:
    text = b"\n".join(lines)
    return text + b"\n" if text else b""
