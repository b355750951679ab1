"""Running SPARQL: canned questions and ad-hoc queries, on anything that implements :class:`Endpoint`.

:class:`LocalEndpoint` runs queries in-process on the built Oxigraph store, read-only. Its
default graph holds the union of the sources' named graphs, each triple once (see
:mod:`coalition_kg.store.disk`), and queries read it as it is: Oxigraph's own union
option would yield a triple once per graph that holds it. Parameter values are RDF terms
(see :mod:`coalition_kg.queries.params`), bound by a VALUES block of escaped terms in the
query (see :func:`coalition_kg.queries.sparql_text.with_values`), as on a remote endpoint
(:mod:`coalition_kg.remote.endpoint`), which implements the same protocol.

An ad-hoc query is proven safe, then run on the local store, in a child process
(:mod:`coalition_kg.queries.child`) that has no network and is stopped when its time is up:
parsing a large query takes seconds, Oxigraph has no time limit of its own, and a query
runs inside it without coming back to Python, so a thread could only stop waiting for it.
Killing the child truly stops the work, and the store, which the child opens read-only,
is left as it was. The child computes at most one row (or triple) more than the limit, to
tell whether the answer is complete, and sends back the rows within it.

On the query path: the standard library, pyoxigraph and the project's light modules only.
"""

from __future__ import annotations

import pickle
import selectors
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple, Protocol

import pyoxigraph
from pyoxigraph import NamedNode

from coalition_kg.core.paths import QUERIES_DIR
from coalition_kg.queries.catalog import CannedQuery, load_catalog
from coalition_kg.queries.params import (
    ENTITY_CHECK,
    ENTITY_LOOKUP,
    NAMED_ENTITY_LOOKUP,
    Candidate,
    Lookup,
    ParameterValue,
    Term,
    bind_parameters,
    iri_term,
)
from coalition_kg.queries.results import Answer, GraphAnswer, answer_of
from coalition_kg.queries.sparql_text import with_values
from coalition_kg.queries.tables import terminal_table

DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMIT = 10_000  # rows (or triples) of an ad-hoc answer
CHILD_MODULE = "coalition_kg.queries.child"
READY = b"!"  # what the child writes once it is ready for its request


class QueryFailed(RuntimeError):
    """A query could not be run: invalid SPARQL, an unreadable store, a failed rebuild, no time left."""


class Endpoint(Protocol):
    """Somewhere SPARQL queries run: the local store or a remote endpoint."""

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        """Run ``text`` with ``bindings`` (variable name -> RDF term) and default ``prefixes``."""
        ...


class LocalEndpoint:
    """The built store, queried in-process; its default graph is the union of the named graphs.
    With a ``limit``, answers hold their first ``limit`` rows (or triples), and no more are computed."""

    def __init__(self, store: pyoxigraph.Store, limit: int | None = None) -> None:
        self.store = store
        self.limit = limit

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        # Bound by the VALUES block endpoints get, not by pyoxigraph's substitutions: Oxigraph plans
        # a query before it substitutes, so a substituted value cannot steer the plan (provenance
        # about an entity the graph lacks took 2 s at a million triples), while a VALUES block is
        # part of the query it plans. One binding everywhere, so local and remote plans agree.
        if bindings:
            text = with_values(text, {name: str(term) for name, term in bindings.items()})
        try:
            results = self.store.query(text, prefixes=dict(prefixes) if prefixes else None)
            return answer_of(results, self.limit)
        except SyntaxError as error:
            raise QueryFailed(f"invalid SPARQL: {first_line(error)}") from None
        except (OSError, RuntimeError) as error:
            raise QueryFailed(f"the query failed: {first_line(error)}") from None


def ask(target: Endpoint, query: CannedQuery, params: Mapping[str, ParameterValue]) -> Answer:
    """The answer of ``target`` to a canned question."""
    answer = select(target, query.text, parameter_terms(target, query, params))
    return answer._replace(parameters=tuple(parameter.name for parameter in query.params))


def parameter_terms(target: Endpoint, query: CannedQuery, params: Mapping[str, ParameterValue]) -> dict[str, Term]:
    """The RDF term each parameter of ``query`` takes, states and missions looked up on ``target``."""
    return bind_parameters(query.name, query.params, params, _lookup(target))


def select(target: Endpoint, text: str, bindings: Mapping[str, Term]) -> Answer:
    """The answer of ``target`` to a SELECT or ASK query."""
    answer = target.execute(text, bindings)
    if not isinstance(answer, Answer):
        raise QueryFailed("expected a SELECT or ASK query, got a CONSTRUCT or DESCRIBE query")
    return answer


def catalog_listing(width: int | None = None, queries_dir: Path = QUERIES_DIR) -> str:
    """The canned questions as a table: name, summary, parameters."""
    rows = [
        [query.name, query.summary, "; ".join(p.usage() for p in query.params) or "—"]
        for query in load_catalog(queries_dir)
    ]
    return terminal_table(("name", "summary", "parameters"), rows, width).text


def _lookup(target: Endpoint) -> Lookup:
    """Entity lookup for parameters that name entities, run by ``target`` itself. An IRI of an
    entity of the class is checked only; other text (and an IRI of none, so that the error
    lists the candidates) is looked up among every entity of the class; with no class, among
    the named entities."""

    def lookup(class_iri: str | None, text: str) -> list[Candidate]:
        if class_iri is None:
            named = select(target, NAMED_ENTITY_LOOKUP, {"text": pyoxigraph.Literal(text)}).terms()
            return [Candidate(entity, name.value, True) for entity, name, *_ in named if isinstance(entity, NamedNode)]
        iri = iri_term(text)
        if iri is not None and select(target, ENTITY_CHECK, {"entity": iri, "class": NamedNode(class_iri)}).boolean:
            return [Candidate(iri, text, True)]
        bindings = {"class": NamedNode(class_iri), "text": pyoxigraph.Literal(text)}
        return [
            Candidate(entity, name.value, matches.value == "true")
            for entity, name, matches, *_ in select(target, ENTITY_LOOKUP, bindings).terms()
            if isinstance(entity, NamedNode)
        ]

    return lookup


def first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


class ChildRequest(NamedTuple):
    """What a child process is asked: to prove ``text`` safe (SERVICE allowed or not), then,
    given a ``build_dir``, to answer it on that build's store with its first ``limit`` rows."""

    build_dir: Path | None
    text: str
    prefixes: dict[str, str]
    limit: int | None
    allow_service: bool = False


def run_in_child(
    build_dir: Path | None, text: str, prefixes: Mapping[str, str], *, timeout: float, limit: int | None,
    allow_service: bool = False,
) -> Answer | GraphAnswer | str:
    """The answer of the store in ``build_dir`` to the ad-hoc query ``text``, once proven safe
    (:mod:`coalition_kg.queries.sparql_guard`): its first ``limit`` rows (or triples); with no
    ``build_dir``, only the proof: the query's form. An :class:`UnsafeQuery` if it may not run,
    a :class:`QueryFailed` if proving and answering take longer than ``timeout`` seconds (the
    child's start, which loads the parser, is not counted)."""
    request = pickle.dumps(ChildRequest(build_dir, text, dict(prefixes), limit, allow_service))
    child = subprocess.Popen(
        [sys.executable, "-m", CHILD_MODULE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        _wait_until_ready(child)
        output, errors = child.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise QueryFailed(
            f"the query ran longer than {timeout:g} s and was stopped; allow it more time with --timeout SECONDS"
        ) from None
    if child.returncode != 0 or not output:
        raise QueryFailed(_no_answer(child.returncode, errors))
    outcome = pickle.loads(output)  # written by our own child process, from the request above
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


#: Seconds a child may take to start (load Python, pyoxigraph and the SPARQL parser).
CHILD_START_SECONDS = 60.0


def _wait_until_ready(child: subprocess.Popen) -> None:
    """Wait for the child's first byte, which it writes once it has loaded what it needs."""
    assert child.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(child.stdout, selectors.EVENT_READ)
        started = bool(selector.select(CHILD_START_SECONDS))
    if not started or child.stdout.read(1) != READY:
        raise subprocess.TimeoutExpired(child.args, CHILD_START_SECONDS)


def _no_answer(exit_status: int, errors: bytes) -> str:
    if exit_status < 0:
        return f"the query engine crashed on this query ({signal.Signals(-exit_status).name})"
    last = errors.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no message"]
    return f"the query process ended without an answer (exit status {exit_status}): {last[0]}"
