"""A query worker: one process of the pool (:mod:`coalition_kg.serve.workers`), holding the store open read-only.

Started as ``python -m coalition_kg.serve.worker_process BUILD_DIR``. It reads jobs from standard input and
writes each outcome to standard output, both as frames: eight bytes of length, then a pickle
(the pool and its workers are one program, so the pickles come from a trusted side). A job is a
:class:`Run` (a query, answered as terms or already written in a format) or a :class:`Picture`
(the neighbourhood of a resource, drawn). An error the user caused comes back as an :class:`Error`;
anything else ends the worker, which the pool replaces.

The worker is where queries can be stopped: Oxigraph has no time limit of its own, so the pool
kills a worker whose query outlives its time, which truly stops the work.
"""

from __future__ import annotations

import pickle
import signal
import struct
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, NamedTuple

import pyoxigraph
from pyoxigraph import NamedNode, RdfFormat

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.queries.engine import first_line
from coalition_kg.queries.results import Answer, GraphAnswer, Term, answer_of
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.store.disk import open_store

HEADER = struct.Struct(">Q")
#: Formats of a CONSTRUCT or DESCRIBE answer, by the name the negotiation gives them.
GRAPH_SERIALIZATIONS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
}
_WITH_PREFIXES = {"turtle", "trig"}


class Run(NamedTuple):
    """A query: ``text`` with ``bindings`` (variable -> term) on the given dataset (None: the
    store's default graph, the union of the sources, and all its named graphs); at most ``limit``
    rows or triples; written in ``serialization`` (a W3C results format name or a key of
    :data:`GRAPH_SERIALIZATIONS`), or returned as an answer of terms when None."""

    text: str
    bindings: dict[str, Term] | None = None
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    limit: int | None = None
    serialization: str | None = None
    prefixes: dict[str, str] | None = None


class Picture(NamedTuple):
    """The neighbourhood of the resource ``iri`` as an SVG picture, at most ``facts`` facts around it."""

    iri: str
    facts: int = 30


class Written(NamedTuple):
    """An answer written in a format: its bytes, and the row limit if rows were left out."""

    body: bytes
    stopped_after: int | None


class Error(NamedTuple):
    """A query the engine refused (its parser's message) or could not run."""

    message: str


def perform(store: pyoxigraph.Store, job: Run | Picture) -> object:
    """The outcome of one job on ``store``."""
    if isinstance(job, Picture):
        from coalition_kg.serve.neighbourhood import neighbourhood_svg

        return neighbourhood_svg(store, job.iri, job.facts)
    try:
        results = store.query(
            with_values(job.text, {name: str(term) for name, term in (job.bindings or {}).items()}),
            prefixes=job.prefixes,
            default_graph=_graphs(job.default_graph),
            named_graphs=_graphs(job.named_graphs),
        )
        answer = answer_of(results, job.limit)
    except SyntaxError as error:
        return Error(f"invalid SPARQL: {first_line(error)}")
    except (OSError, RuntimeError) as error:
        return Error(f"the query failed: {first_line(error)}")
    if job.serialization is None:
        return answer
    return Written(written(answer, job.serialization), answer.stopped_after)


def written(answer: Answer | GraphAnswer, serialization: str) -> bytes:
    """``answer`` in ``serialization``: a W3C results format for a SELECT or ASK answer, an RDF
    format for a graph."""
    if isinstance(answer, Answer):
        return answer.to(serialization).encode("utf-8")
    prefixes = PREFIXES if serialization in _WITH_PREFIXES else None
    return pyoxigraph.serialize(answer.triples, format=GRAPH_SERIALIZATIONS[serialization], prefixes=prefixes)


def _graphs(iris: Sequence[str] | None) -> list[NamedNode] | None:
    return None if iris is None else [NamedNode(iri) for iri in iris]


def read_frame(stream: BinaryIO) -> object | None:
    """The next object on ``stream``; None at its end."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    return pickle.loads(stream.read(HEADER.unpack(header)[0]))


def frame(value: object) -> bytes:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(body)) + body


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the pool stops its workers; ^C is for the server
    store = open_store(Path(argv[0]))
    output = sys.stdout.buffer
    output.write(frame("ready"))
    output.flush()
    while (job := read_frame(sys.stdin.buffer)) is not None:
        output.write(frame(perform(store, job)))
        output.flush()

