"""The public Python API: ask the graph, locally or on any SPARQL 1.1 endpoint, and push it.

These functions put the stages together for a caller: a local answer comes from the
built store, built first when it is missing or older than the data; an endpoint URL
sends the same question to a remote store instead.

    >>> answer = run_query("members")
    >>> answer.rows()[0]["label"]
    'El Salvador'

Light on purpose: the pipeline (rdflib, pyshacl) is imported only to rebuild, the checks
of ad-hoc SPARQL only for an ad-hoc query, and the remote client only for an endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from coalition_kg.core.namespaces import PREFIXES
from coalition_kg.core.paths import BUILD_DIR, DATA_DIR, QUERIES_DIR
from coalition_kg.queries.catalog import CatalogError, load_query
from coalition_kg.queries.engine import (
    DEFAULT_LIMIT,
    DEFAULT_TIMEOUT,
    Endpoint,
    LocalEndpoint,
    QueryFailed,
    ask,
    first_line,
    run_in_child,
)
from coalition_kg.queries.params import ParameterError, ParameterValue
from coalition_kg.queries.results import Answer, FormatError, GraphAnswer
from coalition_kg.store.disk import StoreMissing, open_store
from coalition_kg.store.manifest import is_current

if TYPE_CHECKING:  # the push module is loaded by push() only: the query path needs none of it
    from coalition_kg.remote.push import PushSummary


def user_errors() -> tuple[type[Exception], ...]:
    """The errors a user can cause and fix; each carries a one-line message. A function, called
    in ``except user_errors():`` clauses (evaluated only once something was raised), so that a
    local question never loads the modules of remote endpoints and ad-hoc query checks."""
    from coalition_kg.queries.sparql_text import UnsafeQuery
    from coalition_kg.remote.endpoint import RemoteError
    from coalition_kg.remote.push import PushError

    return (CatalogError, ParameterError, UnsafeQuery, FormatError, QueryFailed, StoreMissing, RemoteError, PushError)


def connect(
    endpoint: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> Endpoint:
    """The remote endpoint at ``endpoint``, or else the local store (rebuilt if stale)."""
    if endpoint:
        from coalition_kg.remote.endpoint import RemoteEndpoint

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
    from coalition_kg.queries.sparql_guard import check_ad_hoc

    check_ad_hoc(text, allow_service)
    if endpoint:
        from coalition_kg.remote.endpoint import RemoteEndpoint

        return RemoteEndpoint(endpoint, timeout).execute(text, prefixes=PREFIXES).limited(limit)
    bring_up_to_date(data_dir, build_dir)
    return run_in_child(build_dir, text, PREFIXES, timeout=timeout, limit=limit)


def push(
    endpoint: str | None = None,
    graph_store: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> PushSummary:
    """Put the built graph, named graphs and their union as default graph, into a store:
    through its Graph Store Protocol endpoint ``graph_store`` if given, else through its
    SPARQL Update endpoint ``endpoint``."""
    from coalition_kg.remote.push import push_store, target

    where = target(endpoint, graph_store, timeout)
    return push_store(current_store(data_dir, build_dir), where)


def _rebuild(data_dir: Path, build_dir: Path) -> None:
    from coalition_kg import pipeline

    try:
        pipeline.build(data_dir, build_dir)
    except (pipeline.InvalidData, pipeline.InputError) as error:  # InputError covers curation errors
        raise QueryFailed(
            f"the build in {build_dir} is missing or older than the data, and rebuilding failed: {first_line(error)}"
        ) from None
