"""Serializing the dataset for linked-data consumers, byte for byte the same for the same data.

The quads are first put in canonical form (:class:`Canonical`: sorted N-Quads, and the
union of the graphs as sorted N-Triples), which the store loads and from which Oxigraph
writes every export. Turtle and N-Triples hold the union of all sources; TriG, N-Quads
and JSON-LD keep one named graph per source. Files are written to a temporary name and
renamed into place, so a reader never sees half a file and a failed run leaves the old one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .namespaces import PREFIXES
from .rdfize import Quad

#: format name -> (Oxigraph format, file extension, keeps named graphs)
FORMATS: dict[str, tuple[RdfFormat, str, bool]] = {
    "turtle": (RdfFormat.TURTLE, "ttl", False),
    "trig": (RdfFormat.TRIG, "trig", True),
    "nquads": (RdfFormat.N_QUADS, "nq", True),
    "ntriples": (RdfFormat.N_TRIPLES, "nt", False),
    "jsonld": (RdfFormat.JSON_LD, "jsonld", True),
}

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


def union_ntriples(quads: Quads) -> bytes:
    """The triples of ``quads`` as N-Triples, graph names dropped, in no particular order and
    with repeats: enough to load a store, quicker than :func:`canonical`."""
    return pyoxigraph.serialize((quad.triple for quad in _oxigraph_quads(quads)), format=RdfFormat.N_TRIPLES)


def serialize(data: Canonical, format_name: str) -> bytes:
    """The data in ``format_name``, one of :data:`FORMATS`.

    Oxigraph writes triples in the order given; sorted input groups each subject's triples
    (and for TriG and JSON-LD each graph's), so the output is readable and deterministic."""
    if format_name not in FORMATS:
        raise ValueError(f"unknown export format '{format_name}'; expected one of {', '.join(FORMATS)}")
    oxigraph_format, _, keeps_graphs = FORMATS[format_name]
    if format_name in ("nquads", "ntriples"):
        return data.nquads if keeps_graphs else data.ntriples
    if not keeps_graphs:
        triples = pyoxigraph.parse(data.ntriples, format=RdfFormat.N_TRIPLES)
        return pyoxigraph.serialize(triples, format=oxigraph_format, prefixes=PREFIXES)
    quads = pyoxigraph.parse(data.nquads, format=RdfFormat.N_QUADS)
    by_graph = sorted(quads, key=lambda quad: str(quad.graph_name))
    serialized = pyoxigraph.serialize(by_graph, format=oxigraph_format, prefixes=PREFIXES)
    if format_name == "jsonld":
        # Oxigraph writes expanded JSON-LD; the context gives consumers the project's prefixes to compact with.
        return b'{"@context": ' + json.dumps(PREFIXES).encode() + b',\n"@graph": ' + serialized + b"}\n"
    return serialized


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    with staged_files({path: data}):
        pass


@contextmanager
def staged_files(files: Mapping[Path, bytes]) -> Iterator[None]:
    """Write every file to a temporary name first; when the block ends without error, rename
    them all into place. If writing or the block fails, no file is replaced: the temporaries
    are removed, so the old files stay whole and none of the new ones appears."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            temporaries.append((_write_temporary(path, data), path))
        yield
        for temporary, path in temporaries:
            os.replace(temporary, path)
    finally:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)


def temporary_names(path: Path) -> Iterator[Path]:
    """Temporaries of ``path`` that a killed run may have left behind."""
    return path.parent.glob(f".{path.name}.*.tmp")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _write_temporary(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0600); exports are for everyone the umask allows.
        os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


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
