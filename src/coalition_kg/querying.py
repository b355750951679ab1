"""Asking the graph: canned questions and ad-hoc SPARQL, locally or on a SPARQL endpoint.

Locally, queries run on the built Oxigraph store, read-only. Its default graph holds
the union of the sources' named graphs, each triple once (see :mod:`coalition_kg.store`),
and queries read it as it is: Oxigraph's own union option would yield a triple once per
graph that holds it. Parameter values are bound as RDF terms by the engine. A build
that is missing or older than the data is rebuilt first. With an endpoint URL, the
same queries go to any SPARQL 1.1 endpoint (see :mod:`coalition_kg.remote`) and give
the same answers.

Ad-hoc SPARQL is checked first (see :mod:`coalition_kg.sparql_guard`: read-only, no SERVICE
unless allowed) and runs under a time limit and a row limit: locally in a child process
that is stopped when the time is up (see :mod:`coalition_kg.query_process`).

This module is on the query path: it imports the standard library, pyoxigraph
and the project's light modules only; the pipeline is imported to rebuild, the
checks of ad-hoc SPARQL for an ad-hoc query, and the remote client only for an endpoint.

    >>> answer = run_query("members")
    >>> answer.rows()[0]["label"]
    'El Salvador'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph
from pyoxigraph import NamedNode, Variable

from .catalog import QUERIES_DIR, CannedQuery, CatalogError, load_catalog, load_query
from .layout import BUILD_DIR, DATA_DIR, is_current
from .namespaces import PREFIXES
from .params import (
    ENTITY_CHECK,
    ENTITY_LOOKUP,
    Candidate,
    Lookup,
    ParameterError,
    ParameterValue,
    Term,
    bind_parameters,
    iri_term,
)
from .results import Answer, FormatError, GraphAnswer, answer_of
from .store import StoreMissing, open_store
from .tables import render_table

DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMIT = 10_000  # rows (or triples) of an ad-hoc answer


class QueryFailed(RuntimeError):
    """A query could not be run: invalid SPARQL, an unreadable store, a failed rebuild."""


def user_errors() -> tuple[type[Exception], ...]:
    """The errors a user can cause and fix; each carries a one-line message. A function, called
    in ``except user_errors():`` clauses (evaluated only once something was raised), so that a
    local question never loads the modules of remote endpoints and ad-hoc query checks."""
    from .remote import RemoteError
    from .sparql_text import UnsafeQuery

    return (CatalogError, ParameterError, UnsafeQuery, FormatError, QueryFailed, StoreMissing, RemoteError)


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
        substitutions = {Variable(name): term for name, term in (bindings or {}).items()}
        try:
            results = self.store.query(
                text,
                substitutions=substitutions,
                prefixes=dict(prefixes) if prefixes else None,
            )
            return answer_of(results, self.limit)
        except SyntaxError as error:
            raise QueryFailed(f"invalid SPARQL: {_first_line(error)}") from None
        except (OSError, RuntimeError) as error:
            raise QueryFailed(f"the query failed: {_first_line(error)}") from None


def connect(
    endpoint: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> Endpoint:
    """The remote endpoint at ``endpoint``, or else the local store (rebuilt if stale)."""
    if endpoint:
        from .remote import RemoteEndpoint

        return RemoteEndpoint(endpoint, timeout)
    return LocalEndpoint(current_store(data_dir, build_dir))


def current_store(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> pyoxigraph.Store:
    """The built store, read-only; built first if it is missing or older than the data."""
    bring_up_to_date(data_dir, build_dir)
    return open_store(build_dir)


def bring_up_to_date(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> None:
    """Build the graph if the build is missing or older than the data."""
    if not is_current(data_dir, build_dir):
        _rebuild(data_dir, build_dir)


def run_query(
    name: str,
    params: Mapping[str, ParameterValue] | None = None,
    *,
    endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
    queries_dir: Path = QUERIES_DIR,
) -> Answer:
    """The answer to the canned question ``name`` with ``params`` (name -> value)."""
    query = load_query(name, queries_dir)
    target = connect(endpoint, timeout=timeout, data_dir=data_dir, build_dir=build_dir)
    return ask(target, query, params or {})


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


def run_sparql(
    text: str,
    *,
    endpoint: str | None = None,
    allow_service: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> Answer | GraphAnswer:
    """The answer to an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE), with the
    project's prefixes declared: its first ``limit`` rows (or triples; ``stopped_after`` says
    when there were more), within ``timeout`` seconds. Updates are refused, and SERVICE calls
    unless allowed."""
    from .sparql_guard import check_ad_hoc

    check_ad_hoc(text, allow_service)
    if endpoint:
        from .remote import RemoteEndpoint

        return RemoteEndpoint(endpoint, timeout).execute(text, prefixes=PREFIXES).limited(limit)
    from .query_process import run_in_child

    bring_up_to_date(data_dir, build_dir)
    return run_in_child(build_dir, text, PREFIXES, timeout=timeout, limit=limit)


def catalog_listing(width: int | None = None, queries_dir: Path = QUERIES_DIR) -> str:
    """The canned questions as a table: name, summary, parameters."""
    rows = [
        [query.name, query.summary, "; ".join(p.usage() for p in query.params) or "—"]
        for query in load_catalog(queries_dir)
    ]
    return render_table(("name", "summary", "parameters"), rows, width)


def _lookup(target: Endpoint) -> Lookup:
    """Entity lookup for state and mission parameters, run by ``target`` itself. An IRI of an
    entity of the class is checked only; other text (and an IRI of none, so that the error
    lists the candidates) is looked up among every entity of the class."""

    def lookup(class_iri: str, text: str) -> list[Candidate]:
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


def _rebuild(data_dir: Path, build_dir: Path) -> None:
    from . import pipeline

    try:
        pipeline.build(data_dir, build_dir)
    except (pipeline.InvalidData, pipeline.InputError) as error:  # InputError covers curation errors
        raise QueryFailed(
            f"the build in {build_dir} is missing or older than the data, and rebuilding failed: {_first_line(error)}"
        ) from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
