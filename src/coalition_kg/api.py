"""The public Python API: build and check the graph, ask it, locally or on any SPARQL 1.1
endpoint, and push it.

Import it from the package: ``from coalition_kg import query, sparql, build, validate, export,
push``. These names and their keyword arguments are the stable interface; everything else
in the package may change.

    >>> from coalition_kg import query
    >>> members = query("members")
    >>> members.rows()[0]["label"]
    'El Salvador'
    >>> query("state-profile", state="GTM").rows()[0]["state"]
    'state/GTM'

A local answer comes from the built store, built first when it is missing or older than the
data; an endpoint URL sends the same question to a remote store instead. An answer carries
the readable names of its IRIs: its tables show them, ``rows(iris="label")`` and
``to_dataframe(iris="label")`` give them, and ``iris="full"`` gives the whole IRIs.

Light on purpose: the pipeline (rdflib, pyshacl) is imported only to build, validate, export
or rebuild, the checks of ad-hoc SPARQL only for an ad-hoc query, and the remote client only
for an endpoint.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
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
from coalition_kg.queries.labels import label_map
from coalition_kg.queries.params import ParameterError, ParameterValue
from coalition_kg.queries.results import Answer, FormatError, GraphAnswer
from coalition_kg.store.disk import STORE_LINK, StoreMissing, open_store
from coalition_kg.store.manifest import data_fingerprint, data_stamps, is_current, record_refusal, refusal

if TYPE_CHECKING:  # loaded by the functions that need them only: the query path needs none of them
    from rdflib import Dataset

    from coalition_kg.pipeline import BuildSummary, Progress
    from coalition_kg.remote.endpoint import Access
    from coalition_kg.remote.push import Progress as PushProgress
    from coalition_kg.remote.push import PushSummary
    from coalition_kg.validation.report import ValidationReport

__all__ = ["DataNotValidated", "build", "export", "push", "query", "sparql", "validate", "validated_dataset"]


def user_errors() -> tuple[type[Exception], ...]:
    """The errors a user can cause and fix; each carries a one-line message. A function, called
    in ``except user_errors():`` clauses (evaluated only once something was raised), so that a
    local question never loads the modules of remote endpoints and ad-hoc query checks."""
    from coalition_kg.queries.sparql_text import UnsafeQuery
    from coalition_kg.remote.credentials import CredentialsError
    from coalition_kg.remote.endpoint import RemoteError
    from coalition_kg.remote.push import PushError

    return (
        CatalogError, ParameterError, UnsafeQuery, FormatError, QueryFailed, StoreMissing, RemoteError, PushError,
        CredentialsError,
    )


def connect(
    endpoint: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    access: Access | None = None,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> Endpoint:
    """The remote endpoint at ``endpoint`` (reached as ``access`` says: store, credentials,
    answer size), or else the local store (rebuilt if stale)."""
    if endpoint:
        from coalition_kg.remote.endpoint import RemoteEndpoint

        return RemoteEndpoint(endpoint, timeout, access)
    return LocalEndpoint(current_store(data_dir, build_dir))


def current_store(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> pyoxigraph.Store:
    """The built store, read-only; built first if it is missing or older than the data."""
    bring_up_to_date(data_dir, build_dir)
    return open_store(build_dir)


def bring_up_to_date(data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> None:
    """Build the graph if the build is missing or older than the data. While the changed data does
    not validate (or cannot be read), the last good build stays and answers, with a
    :class:`DataNotValidated` warning; with no build to fall back on, :class:`QueryFailed`."""
    if not is_current(data_dir, build_dir):
        _rebuild(data_dir, build_dir)


def query(
    name: str,
    params: Mapping[str, ParameterValue] | None = None,
    /,
    *,
    endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    labels: bool = True,
    evidence: bool = False,
    access: Access | None = None,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
    queries_dir: Path = QUERIES_DIR,
    **parameters: ParameterValue,
) -> Answer:
    """The answer to the canned question ``name`` (see ``coalition-kg queries``).

    Its parameters are keyword arguments, ``query("state-profile", state="GTM")``, or a
    mapping, for a parameter named like an option here. A state or mission is given by its
    name, ISO code, short id (``state/GTM``) or IRI; a date as ``YYYY-MM-DD`` or a
    :class:`datetime.date`. The answer comes from ``endpoint`` if given (reached as ``access``
    says: which store, credentials, largest answer), else from the store in ``build_dir``,
    built first if it is missing or older than ``data_dir``. With ``labels``, the names of its
    IRIs are looked up too (one more query). With ``evidence``, so are the sentences its sources
    quote for the facts each row rests on (``answer.evidence``, one or two queries more), unless
    the question gives them itself; its tables show them."""
    canned = load_query(name, queries_dir)
    target = connect(endpoint, timeout=timeout, access=access, data_dir=data_dir, build_dir=build_dir)
    answer = ask(target, canned, {**(params or {}), **parameters})
    if evidence and not answer.gives_evidence:
        from coalition_kg.queries.evidence import row_quotes

        answer = answer.with_evidence(row_quotes(target, answer))
    return answer.with_labels(label_map(target, answer.iris())) if labels else answer


def sparql(
    text: str,
    /,
    *,
    endpoint: str | None = None,
    allow_service: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
    labels: bool = True,
    access: Access | None = None,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> Answer | GraphAnswer:
    """The answer to an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE), which may use
    the project's prefixes (``ckg:``, ``state:``, ``prov:`` ...) without declaring them: its
    first ``limit`` rows (or triples; ``stopped_after`` says when there were more), within
    ``timeout`` seconds. Updates are refused, and SERVICE calls unless allowed. With
    ``labels``, the names of its IRIs are looked up too (one more query)."""
    if endpoint:
        from coalition_kg.remote.endpoint import RemoteEndpoint

        run_in_child(None, text, PREFIXES, timeout=timeout, limit=None, allow_service=allow_service)  # proven safe first
        target: Endpoint = RemoteEndpoint(endpoint, timeout, access)
        answer = target.execute(text, prefixes=PREFIXES).limited(limit)
    else:
        bring_up_to_date(data_dir, build_dir)
        answer = run_in_child(build_dir, text, PREFIXES, timeout=timeout, limit=limit, allow_service=allow_service)
        target = LocalEndpoint(open_store(build_dir))
    return answer.with_labels(label_map(target, answer.iris())) if labels else answer


def build(
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
    *,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    pictures: bool = True,
    full: bool = False,
) -> BuildSummary:
    """Build the graph from the curated data in ``data_dir``, validate it, and write the store,
    the exports, the ontology, the question catalog and (unless not ``pictures``: then the
    previous ones are removed, not left stale) the pictures to ``build_dir``. Unreadable data
    raises ``InputError``, data that does not conform ``InvalidData`` (with its ``report``);
    either way ``build_dir`` keeps its previous outputs. Input files over ``max_bytes`` are
    refused unread (64 MiB by default); ``progress`` is called with the name of each step as
    it starts. Only the sources and register entries that changed since the last build in
    ``build_dir`` are read and validated, unless ``full`` or the ontology, the shapes or the
    build code changed; the summary's ``redone`` says which."""
    from coalition_kg import pipeline

    return pipeline.build(data_dir, build_dir, max_bytes or pipeline.MAX_INPUT_BYTES, progress=progress,
                          pictures=pictures, full=full)


def validate(
    paths: Sequence[Path | str] = (),
    *,
    incremental: bool = False,
    shapes_file: Path | None = None,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> ValidationReport:
    """Validate the project data, or the curated YAML or RDF files ``paths``, against the SHACL
    shapes (the project's, or those of ``shapes_file``); with ``incremental``, check the
    curated facts files ``paths`` against the graph built in ``build_dir``, looking only at
    their neighbourhood, with the register of ``data_dir`` unless ``paths`` holds one (the
    verdict is the one a full validation of the same data gives). The report has ``conforms``,
    ``results`` (file, line, field, message, value, hint), ``to_text()`` and ``to_json()``. Files over ``max_bytes`` (64 MiB by default) are
    refused unread; ``progress`` is called with the name of each step as it starts."""
    from coalition_kg import pipeline

    files, limit = [Path(path) for path in paths], max_bytes or pipeline.MAX_INPUT_BYTES
    if incremental:
        return pipeline.validate_increment(files, build_dir, limit, progress=progress, data_dir=data_dir)
    return pipeline.validate_files(files, data_dir, shapes_file, limit, progress=progress)


def export(format: str = "turtle", *, data_dir: Path = DATA_DIR,  # noqa: A002 - the CLI's --format
           build_dir: Path = BUILD_DIR) -> bytes:
    """The validated project graph as ``turtle``, ``trig``, ``nquads``, ``ntriples`` or
    ``jsonld``, from the build that queries answer from (see :func:`bring_up_to_date`); the
    same data gives the same bytes."""
    from coalition_kg import pipeline

    bring_up_to_date(data_dir, build_dir)
    return pipeline.export(format, build_dir)


def validated_dataset(*, data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR) -> Dataset:
    """The validated graph as an rdflib dataset, one named graph per source, from the build that
    queries answer from: what ``coalition-kg graph`` draws."""
    from coalition_kg import pipeline

    bring_up_to_date(data_dir, build_dir)
    return pipeline.built_dataset(build_dir)


def push(
    endpoint: str | None = None,
    graph_store: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    access: Access | None = None,
    batch_bytes: int | None = None,
    progress: PushProgress | None = None,
    protocol: str | None = None,
    data_dir: Path = DATA_DIR,
    build_dir: Path = BUILD_DIR,
) -> PushSummary:
    """Put the built graph, named graphs and their union, into a store: through its Graph
    Store Protocol endpoint ``graph_store`` if given, else by the ``protocol`` ("update" or
    "graph-store") of the store at ``endpoint``, by default the one its dialect prefers (see
    :mod:`coalition_kg.remote.dialects`), in batches; then check each graph's count there
    against the build."""
    from coalition_kg.remote.push import push_to

    return push_to(
        current_store(data_dir, build_dir), endpoint, graph_store, access, timeout, batch_bytes, progress, protocol
    )


class DataNotValidated(UserWarning):
    """The data changed since the last good build and does not validate, or cannot be read: the
    answer comes from the last good build. Never unvalidated data, never silently."""


warnings.simplefilter("always", DataNotValidated)  # every answer from the last good build says so


def _rebuild(data_dir: Path, build_dir: Path) -> None:
    """Rebuild; if the data is refused (now, or by an earlier try of the same data), fall back on
    the last good build with a warning."""
    problem = refusal(data_dir, build_dir)
    if problem is None:
        from coalition_kg import pipeline

        stamps, fingerprint = data_stamps(data_dir), data_fingerprint(data_dir)
        try:
            pipeline.build(data_dir, build_dir, pictures=None)
            return
        except pipeline.InvalidData as invalid:
            problem = f"does not validate ({len(invalid.report.violations)} violation(s))"
        except pipeline.InputError as error:  # InputError covers curation errors
            problem = f"cannot be read ({first_line(error)})"
        record_refusal(build_dir, stamps, fingerprint, problem)
    if not (build_dir / STORE_LINK).exists():
        raise QueryFailed(f"the build in {build_dir} is missing or older than the data, and rebuilding failed: "
                          f"the data {problem}")
    warnings.warn(DataNotValidated(
        f"{_shown(data_dir)} changed since the last good build and {problem}; answering from the last good "
        f"build in {_shown(build_dir)} ('coalition-kg validate' says what is wrong)"), stacklevel=2)


def _shown(folder: Path) -> str:
    """A folder as a curator names it: relative to the working folder when inside it."""
    absolute, here = folder.absolute(), Path.cwd()
    return f"{absolute.relative_to(here)}/" if absolute.is_relative_to(here) and absolute != here else str(folder)
