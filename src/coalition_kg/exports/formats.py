"""The graph in the RDF formats linked-data consumers load, byte for byte the same for the same data.

Oxigraph writes every format from the canonical form (see :mod:`coalition_kg.dataset.canonical`).
Turtle and N-Triples hold the union of all sources; TriG, N-Quads and JSON-LD keep one
named graph per source. JSON-LD is compacted with the published context
(:mod:`coalition_kg.dataset.context`), which rdflib applies. In TriG, as in JSON-LD, each graph
is written on its own, so a build that replaces some graphs keeps the others' text
(:func:`spliced_trig`); in Turtle each subject is, so it keeps the text of the subjects whose
triples did not change (:func:`spliced_turtle`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph
from pyoxigraph import RdfFormat

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.dataset.canonical import Canonical, Splice, subject_lines
from coalition_kg.dataset.context import compacted_dataset

#: format name -> (Oxigraph format, file extension, keeps named graphs)
FORMATS: dict[str, tuple[RdfFormat, str, bool]] = {
    "turtle": (RdfFormat.TURTLE, "ttl", False),
    "trig": (RdfFormat.TRIG, "trig", True),
    "nquads": (RdfFormat.N_QUADS, "nq", True),
    "ntriples": (RdfFormat.N_TRIPLES, "nt", False),
    "jsonld": (RdfFormat.JSON_LD, "jsonld", True),
}


def serialize(data: Canonical, format_name: str) -> bytes:
    """The data in ``format_name``, one of :data:`FORMATS`.

    Oxigraph writes triples in the order given; sorted input groups each subject's triples
    (and for TriG and JSON-LD each graph's), so the output is readable and deterministic."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown export format '{format_name}'; expected one of {', '.join(FORMATS)}")
    oxigraph_format, _, keeps_graphs = FORMATS[format_name]
    if format_name in ("nquads", "ntriples"):
        return data.nquads if keeps_graphs else data.ntriples
    if format_name == "jsonld":
        # Compacted with the published context (readable terms, @type for classes), one @graph per source.
        return compacted_dataset(data.nquads)
    if not keeps_graphs:
        triples = pyoxigraph.parse(data.ntriples, format=RdfFormat.N_TRIPLES)
        return pyoxigraph.serialize(triples, format=oxigraph_format, prefixes=PREFIXES)
    quads = pyoxigraph.parse(data.nquads, format=RdfFormat.N_QUADS)
    by_graph = sorted(quads, key=lambda quad: str(quad.graph_name))
    return pyoxigraph.serialize(by_graph, format=oxigraph_format, prefixes=PREFIXES)


def spliced_trig(old: bytes, removed: Iterable[str], added: Canonical) -> bytes:
    """The TriG that :func:`serialize` wrote (``old``) less the named graphs ``removed`` (their
    IRIs), plus ``added``: the same bytes as :func:`serialize` of the whole, without writing the
    graphs that are kept again."""
    head, blocks = _trig_blocks(old)
    for graph in removed:
        blocks.pop(graph, None)
    if added.nquads:
        blocks |= _trig_blocks(serialize(added, "trig"))[1]
    # serialize sorts the quads by their graph's N-Triples form, <IRI>
    return head + b"".join(blocks[graph] for graph in sorted(blocks, key=lambda graph: f"<{graph}>"))


def _trig_blocks(trig: bytes) -> tuple[bytes, dict[str, bytes]]:
    """TriG as :func:`serialize` writes it: its prefixes, and each graph's block by the graph's IRI.
    A block opens with the graph's name on a line of its own and closes with a brace alone on a
    line: literals are written on one line, with their line breaks escaped."""
    at = _head_end(trig)
    head, blocks = trig[:at], {}
    while at < len(trig):
        opened = trig.index(b" {\n", at)
        closed = trig.index(b"\n}\n", opened) + 3
        blocks[_graph_iri(trig[at:opened].decode("utf-8"))] = trig[at:closed]
        at = closed
    return head, blocks


_ESCAPED = re.compile(r"\\(.)")


def _graph_iri(name: str) -> str:
    """An IRI from a name as Turtle and TriG write it: ``<IRI>``, or ``prefix:local`` with the
    local name's reserved characters escaped."""
    if name.startswith("<"):
        return name[1:-1]
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + _ESCAPED.sub(r"\1", local)


def spliced_turtle(old: bytes, splice: Splice) -> bytes:
    """The Turtle that :func:`serialize` wrote (``old``) of data whose union changed only in the
    triples of ``splice.subjects``: the same bytes as :func:`serialize` of ``splice.data``, those
    subjects' blocks written anew and the others' kept."""
    at = _head_end(old)
    head, starts = old[:at], [at, *(match.end() for match in _BLOCK_START.finditer(old, at)), len(old)]
    lines = {subject: subject_lines(splice.data.ntriples, subject) for subject in splice.subjects}
    written = b"".join(lines.values())
    fresh = _turtle_blocks(serialize(Canonical(b"", written), "turtle")) if written else {}
    keys: dict[int, bytes] = {}

    def key(block: int) -> bytes:  # the block's subject as N-Triples writes it
        if block not in keys:
            keys[block] = _subject_key(old[starts[block]:old.index(b" ", starts[block])])
        return keys[block]

    parts, done = [head], 0
    for subject in splice.subjects:  # in the order of the blocks: as N-Triples lines sort
        low, high = done, len(starts) - 1
        while low < high:
            middle = (low + high) // 2
            low, high = (middle + 1, high) if key(middle) + b" " < subject + b" " else (low, middle)
        parts.append(old[starts[done]:starts[low]])
        parts.append(fresh.get(subject, b""))
        done = low + 1 if low < len(starts) - 1 and key(low) == subject else low
    parts.append(old[starts[done]:])
    return b"".join(parts)


_BLOCK_START = re.compile(rb"\n(?=[^\t])")  # a subject's block starts a line; its other lines are indented


def _head_end(text: bytes) -> int:
    at = 0
    while text.startswith(b"@prefix ", at):
        at = text.index(b"\n", at) + 1
    return at


def _turtle_blocks(turtle: bytes) -> dict[bytes, bytes]:
    at = _head_end(turtle)
    starts = [at, *(match.end() for match in _BLOCK_START.finditer(turtle, at)), len(turtle)]
    return {_subject_key(turtle[start:turtle.index(b" ", start)]): turtle[start:stop]
            for start, stop in zip(starts, starts[1:]) if start < stop}


def _subject_key(name: bytes) -> bytes:
    return f"<{_graph_iri(name.decode('utf-8'))}>".encode()
