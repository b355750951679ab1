"""A query worker: one process of a pool (:mod:`coalition_kg.serve.workers`), holding the store open read-only.

Started as ``python -m coalition_kg.serve.worker_process BUILD_DIR [MEMORY_LIMIT NICENESS]``.
It reads jobs from standard input and writes each outcome to standard output, both as frames:
eight bytes of length, then a pickle (the pool and its workers are one program, so the pickles
come from a trusted side). A job is a :class:`Run` (a query, answered as terms or already
written in a format) or a :class:`Picture` (the neighbourhood of a resource, drawn). Whatever a
job does wrong comes back as an :class:`Error`; the worker ends only when the pool kills it.

The worker is where all the work of a query is done, inside its deadline: an ad-hoc query is
proven safe here (:mod:`coalition_kg.queries.sparql_guard`: parsing a large query takes
seconds), then run, then written, at most ``max_bytes`` of it. Oxigraph has no time limit of its
own, so the pool kills a worker whose query outlives its time, or outgrows its memory, which
truly stops the work. Before its first job the worker gives up its network (a query's SERVICE
call cannot leave the machine, :mod:`coalition_kg.queries.sandbox`), caps the memory it may
map, and lowers its priority when it serves ad-hoc queries, so that the pages' workers come first.
"""

from __future__ import annotations

import os
import pickle
import resource
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
from coalition_kg.queries.sparql_text import UnsafeQuery, with_values
from coalition_kg.store.disk import open_store

HEADER = struct.Struct(">Q")
#: Formats of a CONSTRUCT or DESCRIBE answer, by the name the negotiation gives them.
GRAPH_SERIALIZATIONS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "rdfxml": RdfFormat.RDF_XML,
}
_WITH_PREFIXES = {"turtle", "trig", "rdfxml"}
#: What the memory cap leaves above the limit the pool enforces: the pool stops a worker at its
#: limit; the kernel's cap only catches an allocation too fast for the pool to see.
MEMORY_CAP_MARGIN = 256 << 20


class Writing(NamedTuple):
    """How an answer is to be written: ``results``, the format of a SELECT or ASK answer, and
    ``graph``, that of a CONSTRUCT or DESCRIBE answer (None: the client takes none of that
    kind), at most ``max_bytes`` of it (rows beyond are left out)."""

    results: str | None
    graph: str | None
    max_bytes: int


class Run(NamedTuple):
    """A query: ``text`` with ``bindings`` (variable -> term) on the given dataset (None: the
    store's default graph, the union of the sources, and all its named graphs); at most ``limit``
    rows or triples; written as ``writing`` says, or returned as an answer of terms when None.
    An ``ad_hoc`` query is proven safe first; relative IRIs resolve against ``base_iri``."""

    text: str
    bindings: dict[str, Term] | None = None
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    limit: int | None = None
    writing: Writing | None = None
    prefixes: dict[str, str] | None = None
    ad_hoc: bool = False
    base_iri: str | None = None


class Picture(NamedTuple):
    """The neighbourhood of the resource ``iri`` as an SVG picture, its classes, properties and
    concepts called by ``names``."""

    iri: str
    names: dict[str, str]


class Written(NamedTuple):
    """An answer written in a format: its bytes, the query's form (SELECT...), and, if rows were
    left out, after how many, and whether the byte limit (else the row limit) left them out."""

    body: bytes
    form: str
    stopped_after: int | None
    byte_limit: int | None = None


class Error(NamedTuple):
    """A job that could not be done: the message, and the HTTP status that says whose fault it is."""

    message: str
    status: int = 400


class Refused(NamedTuple):
    """An ad-hoc query that may not run here: an update (``reason`` "update"), a SERVICE call
    ("service"), or one that could not be proven safe ("unsafe", "unreadable"), with the check's message."""

    reason: str
    message: str


class Unacceptable(NamedTuple):
    """The client takes no format that answers of this ``form`` are written in."""

    form: str


GRAPH_FORMS = ("CONSTRUCT", "DESCRIBE")


def perform(store: pyoxigraph.Store, job: Run | Picture, network_closed: bool = False) -> object:
    """The outcome of one job on ``store``; whatever goes wrong is an :class:`Error`. Where the
    network is closed, a query the check cannot read gets the engine's syntax error, if it has one."""
    try:
        if isinstance(job, Picture):
            return _picture(store, job)
        return _run(store, job)
    except UnsafeQuery as error:
        from coalition_kg.queries.sparql_guard import syntax_error

        message = syntax_error(error, job.text, job.prefixes) if network_closed and isinstance(job, Run) else None
        return Error(f"invalid SPARQL: {message}") if message else Refused(error.reason, str(error))
    except SyntaxError as error:
        return Error(f"invalid SPARQL: {first_line(error)}")
    except MemoryError:
        return Error("the answer needs more memory than this server gives a query", 503)
    except Exception as error:  # a job must never end the worker: a client could end them all
        return Error(f"the query failed: {first_line(error)}", 500)


def _run(store: pyoxigraph.Store, job: Run) -> object:
    form = None
    if job.ad_hoc:
        from coalition_kg.queries.sparql_guard import check_ad_hoc

        form = check_ad_hoc(job.text)
    writing = job.writing
    if writing is not None and form is not None and _format_for(form, writing) is None:
        return Unacceptable(form)  # refused before the engine spends anything on it
    results = store.query(
        with_values(job.text, {name: str(term) for name, term in (job.bindings or {}).items()}),
        base_iri=job.base_iri,
        prefixes=job.prefixes,
        default_graph=_graphs(job.default_graph),
        named_graphs=_graphs(job.named_graphs),
    )
    answer = answer_of(results, job.limit, writing.max_bytes if writing else None)
    if writing is None:
        return answer
    form = form or _form_of(answer)
    serialization = _format_for(form, writing)
    if serialization is None:
        return Unacceptable(form)
    return written_within(answer, serialization, form, writing.max_bytes)


def _form_of(answer: Answer | GraphAnswer) -> str:
    if isinstance(answer, GraphAnswer):
        return "CONSTRUCT"
    return "ASK" if answer.boolean is not None else "SELECT"


def _format_for(form: str, writing: Writing) -> str | None:
    return writing.graph if form in GRAPH_FORMS else writing.results


def written_within(answer: Answer | GraphAnswer, serialization: str, form: str, max_bytes: int) -> Written | Error:
    """``answer`` written in ``serialization``, rows left out from the end until it fits in
    ``max_bytes`` (the size of a row was only estimated when it was read)."""
    byte_limit = answer.byte_limit
    body = written(answer, serialization)
    while len(body) > max_bytes:
        size = len(answer.solutions if isinstance(answer, Answer) else answer.triples)
        if size <= 1:
            return Error(f"the answer's first row alone is larger than this server sends ({max_bytes} bytes)", 400)
        kept = max(1, min(size - 1, int(size * max_bytes / len(body) * 0.9)))
        answer, byte_limit = _first_rows(answer, kept), max_bytes
        body = written(answer, serialization)
    return Written(body, form, answer.stopped_after, byte_limit)


def _first_rows(answer: Answer | GraphAnswer, kept: int) -> Answer | GraphAnswer:
    if isinstance(answer, Answer):
        return answer._replace(solutions=answer.solutions[:kept], stopped_after=kept)
    return answer._replace(triples=answer.triples[:kept], stopped_after=kept)


def written(answer: Answer | GraphAnswer, serialization: str) -> bytes:
    """``answer`` in ``serialization``: a W3C results format for a SELECT or ASK answer, an RDF
    format for a graph."""
    if isinstance(answer, Answer):
        return answer.to(serialization).encode("utf-8")
    prefixes = PREFIXES if serialization in _WITH_PREFIXES else None
    return pyoxigraph.serialize(answer.triples, format=GRAPH_SERIALIZATIONS[serialization], prefixes=prefixes)


def _picture(store: pyoxigraph.Store, job: Picture) -> bytes | None:
    """The picture's SVG; None when the store knows nothing of the resource (a 404, not a picture)."""
    from coalition_kg.serve.neighbourhood import neighbourhood_svg

    return neighbourhood_svg(store, job.iri, job.names)


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


class Ready(NamedTuple):
    """What a worker says once it is ready: whether its network is closed (None: yes; else why not)."""

    network_open: str | None


def confine(memory_limit: int, niceness: int) -> str | None:
    """Close this process's network, cap its memory and lower its priority; why the network
    stays open, if it does."""
    from coalition_kg.queries.sandbox import SandboxUnavailable, forbid_network

    if memory_limit:
        cap = memory_limit + MEMORY_CAP_MARGIN
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    if niceness:
        os.nice(niceness)
    try:
        forbid_network()
    except SandboxUnavailable as error:
        return str(error)
    return None


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the pool stops its workers; ^C is for the server
    build_dir, memory_limit, niceness = Path(argv[0]), *(int(value) for value in (argv[1:] + ["0", "0"])[:2])
    store = open_store(build_dir)
    network_open = confine(memory_limit, niceness)
    output = sys.stdout.buffer
    output.write(frame(Ready(network_open)))
    output.flush()
    while (job := read_frame(sys.stdin.buffer)) is not None:
        output.write(frame(perform(store, job, network_closed=network_open is None)))
        output.flush()
