"""Loading the built graph into a SPARQL 1.1 store, so that the canned questions run there.

Each source's named graph is put in place as it is, replacing the graph of the same
name, and so is the union of all of them: in the store's default graph, or, where a
query's default graph is every graph of the store (Virtuoso), in the named graph
:data:`coalition_kg.remote.dialects.UNION_GRAPH` that queries name as their default
graph. Either way the canned questions, which use no GRAPH clause, give the same rows
as locally.

Two ways in: SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA``, sent as
``application/sparql-update``) or the Graph Store Protocol (PUT then POST of
N-Triples). Large graphs go in batches no larger than the store's dialect allows
(:mod:`coalition_kg.remote.dialects`), read from the local store as they are sent, so
the client's memory does not grow with the graph. Batching a graph is safe because the
build mints an IRI for every node: there are no blank nodes whose identity two requests
could split.

A push ends by counting each graph's triples on the store and comparing them with the
build. A push that fails says which graphs were loaded in full, which one partly and
which not at all, and exits non-zero; every graph is replaced whole, so pushing again
converges.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import NamedTuple
from urllib.parse import quote

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Triple

from coalition_kg.remote.dialects import Dialect
from coalition_kg.remote.endpoint import Access, RemoteEndpoint, RemoteStore
from coalition_kg.remote.http import RemoteError, http_url

PROTOCOLS = ("update", "graph-store")
SPARQL_UPDATE = "application/sparql-update"
NTRIPLES = "application/n-triples"
CHUNK_TRIPLES = 2000  # serialized together, then gathered into batches
ENVELOPE_BYTES = 4096  # room for the update text around a batch's triples

#: called after each request: triples sent so far, triples in all, graphs finished, graphs in all
Progress = Callable[[int, int, int, int], None]


class PushError(ValueError):
    """Nowhere to push to, or nothing that can be pushed as asked."""


class PushFailed(RemoteError):
    """A push stopped part-way, or the store does not hold what was pushed."""


@dataclass(frozen=True)
class PushSummary:
    """What was pushed where: each named graph's triples, and the union's, as counted on the store."""

    target: str
    method: str
    graphs: dict[str, int]
    default_graph_triples: int
    union_graph: str | None = None  # where the union went, when not into the default graph
    requests: int = 0
    checked: bool = True
    store_unites: bool = False  # the store's default graph is the union of its graphs: nothing written there

    def to_text(self) -> str:
        lines = [f"pushed to {self.target} ({self.method}, {self.requests} requests):"]
        lines += [f"  {count:>5} triples  graph <{name}>" for name, count in self.graphs.items()]
        if self.union_graph:
            where = f"graph <{self.union_graph}>, queried as the default graph (union of the graphs)"
        elif self.store_unites:
            where = "default graph (union of the graphs, as the store makes it)"
        else:
            where = "default graph (union of the graphs)"
        lines.append(f"  {self.default_graph_triples:>5} triples  {where}")
        if self.checked:
            lines.append("each graph on the store holds as many triples as the build")
        else:
            lines.append("not checked: no query endpoint to count with; give the store's --endpoint")
        return "\n".join(lines)


@dataclass
class Ledger:
    """How far a push got: the graphs loaded in full, the one under way, what is left."""

    names: list[str]
    union_label: str | None  # None when the store makes the union itself
    done: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    current: str | None = None
    current_triples: int = 0
    sent: int = 0
    requests: int = 0

    def state(self) -> str:
        partly = self.current if self.current and self.current_triples else None
        if not self.done and not partly:
            return "nothing was pushed"
        named = [name for name in self.done if name in self.names]
        parts = [f"pushed in full: {_graphs(named, len(self.names))}"]
        if partly:
            parts.append(f"partly: {_label(partly, self.union_label)}, {self.current_triples:,} triples")
        left = [name for name in self.names if name not in self.done and name != partly]
        missing = [f"{len(left)} named graph{'s' if len(left) != 1 else ''}"] if left else []
        if self.union_label and self.union_label not in self.done and self.union_label != partly:
            missing.append(self.union_label)
        if missing:
            parts.append(f"not pushed: {' and '.join(missing)}")
        return "; ".join(parts) + "; run push again to replace them all"


def _graphs(names: list[str], total: int) -> str:
    if not names:
        return f"0 of {total} named graphs"
    span = f"<{names[0]}>" if len(names) == 1 else f"<{names[0]}> to <{names[-1]}>, in IRI order"
    return f"{len(names)} of {total} named graphs ({span})"


def _label(name: str, union_label: str) -> str:
    return name if name == union_label else f"graph <{name}>"


class Writer(ABC):
    """Replaces one graph of the store with batches of N-Triples, by one protocol."""

    method = ""

    def __init__(self, store: RemoteStore, url: str) -> None:
        self.store, self.url = store, url

    @abstractmethod
    def send(self, name: str | None, data: bytes, first: bool) -> None:
        """Add ``data`` to graph ``name`` (None: the default graph), replacing it with the first batch."""

    @abstractmethod
    def clear(self, name: str | None) -> None:
        """Empty graph ``name``: a graph of the build that holds no triple, or the first small request that meets an authentication challenge."""


class UpdateWriter(Writer):
    method = "SPARQL Update"

    def send(self, name: str | None, data: bytes, first: bool) -> None:
        drop = (b"DROP SILENT DEFAULT ;\n" if name is None else f"DROP SILENT GRAPH <{name}> ;\n".encode()) if first else b""
        if name is None:
            body = drop + b"INSERT DATA {\n" + data + b"}\n"
        else:
            body = drop + f"INSERT DATA {{ GRAPH <{name}> {{\n".encode() + data + b"} }\n"
        self.store.client.send("POST", self.url, body, {"Content-Type": SPARQL_UPDATE})

    def clear(self, name: str | None) -> None:
        text = "DROP SILENT DEFAULT" if name is None else f"DROP SILENT GRAPH <{name}>"
        self.store.client.send("POST", self.url, text.encode(), {"Content-Type": SPARQL_UPDATE})


class GraphStoreWriter(Writer):
    method = "Graph Store Protocol"

    def send(self, name: str | None, data: bytes, first: bool) -> None:
        self.store.client.send(
            "PUT" if first else "POST", self._graph_url(name), data, {"Content-Type": NTRIPLES}, report_as=self.url
        )

    def clear(self, name: str | None) -> None:
        try:
            self.store.client.send("DELETE", self._graph_url(name), report_as=self.url)
        except RemoteError as error:
            if error.status != 404:  # a graph that is not there yet
                raise

    def _graph_url(self, name: str | None) -> str:
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}{'default' if name is None else 'graph=' + quote(name, safe='')}"


def push_to(
    local: pyoxigraph.Store,
    endpoint: str | None,
    graph_store: str | None,
    access: Access | None = None,
    timeout: float = 30.0,
    batch_bytes: int | None = None,
    progress: Progress | None = None,
    protocol: str | None = None,
) -> PushSummary:
    """Push ``local`` into the store at ``endpoint``, or at the Graph Store ``graph_store``: by
    ``protocol`` ("update" or "graph-store"), or by the Graph Store Protocol when a Graph Store
    is given or the store's dialect prefers it, else by SPARQL Update at its update service;
    then count the graphs at the store's query service (``endpoint``'s, or its dialect's)."""
    if protocol not in (None, *PROTOCOLS):
        raise PushError(f"unknown protocol '{protocol}'; expected one of: {', '.join(PROTOCOLS)}")
    if not endpoint and not graph_store:
        raise PushError("say where to push: the store's SPARQL endpoint (--endpoint) or its Graph Store (--graph-store)")
    access = replace(access or Access(), timeout=timeout)
    if not endpoint and access.store is None:
        access = replace(access, store="generic")  # a Graph Store serves graphs, not a service description
    remote = RemoteStore.connect(endpoint or graph_store or "", access)
    if protocol == "update" and graph_store:
        raise PushError("a Graph Store (--graph-store) takes no SPARQL Update; give --protocol graph-store or no --graph-store")
    if not graph_store and (protocol == "graph-store" or (protocol is None and remote.dialect.prefers_graph_store)):
        graph_store = remote.services.graph_store
        if graph_store is None:
            raise PushError(f"no Graph Store known for a {remote.dialect.name} store; give its URL with --graph-store")
    if graph_store:
        writer: Writer = GraphStoreWriter(remote, http_url(graph_store))
    else:
        writer = UpdateWriter(remote, remote.services.update)
    # a generic store's query service is known only when named: a Graph Store URL is not one
    counted = endpoint is not None or remote.dialect.name != "generic"
    check = RemoteEndpoint(remote.services.query, store=remote, own_default_graph=True) if counted else None
    return push_store(local, remote, writer, batch_bytes, progress, check)


def push_store(
    local: pyoxigraph.Store,
    remote: RemoteStore,
    writer: Writer,
    batch_bytes: int | None = None,
    progress: Progress | None = None,
    check: RemoteEndpoint | None = None,
) -> PushSummary:
    """Put the graphs of ``local``, named graphs and their union, into ``remote`` by ``writer``,
    in batches of at most ``batch_bytes`` (the dialect's size by default), calling ``progress``
    after each request; then count each graph at the query endpoint ``check``, if any.

    The next batch is read and serialized while the store takes the one before (sent by one
    thread, which touches no pyoxigraph object), so that the client's work and the store's
    overlap; memory stays at three batches."""
    dialect = remote.dialect
    limit = _batch_size(dialect, batch_bytes) - ENVELOPE_BYTES
    most = dialect.batch_triples if isinstance(writer, UpdateWriter) else None
    names = sorted(name.value for name in local.named_graphs() if isinstance(name, NamedNode))
    union = dialect.union_graph  # None: the store's default graph
    unites = union is None and dialect.union_default_graph
    union_label = None if unites else f"graph <{union}> (the union)" if union else "the default graph (the union)"
    plan: list[tuple[str | None, str, NamedNode | DefaultGraph]] = [(name, name, NamedNode(name)) for name in names]
    if union_label:
        plan.append((union, union_label, DefaultGraph()))
    ledger = Ledger(names, union_label)
    union_triples = _count_default(local) if unites else 0
    total = len(local) - union_triples  # every quad of the store, but those of a default graph not pushed
    try:
        if remote.credentials.user:
            # a first small request, answered by the server's challenge, so no large body is sent twice
            writer.clear(plan[0][0])
            ledger.requests += 1
        sender = _Sender(writer, plan)
        with ThreadPoolExecutor(1, thread_name_prefix="push") as pool:
            in_flight: deque[tuple[Batch, Future]] = deque()
            for batch in _batches_of(local, plan, limit, most):  # read while the one before is sent
                in_flight.append((batch, pool.submit(sender, batch)))
                if len(in_flight) > 1:
                    _account(ledger, *in_flight.popleft(), plan, progress, total)
            while in_flight:
                _account(ledger, *in_flight.popleft(), plan, progress, total)
    except RemoteError as error:
        raise remote.client.error(f"{error}; {ledger.state()}", error.status, PushFailed) from None
    counts = {name: ledger.counts[name] for name in names}
    union_triples = ledger.counts[union_label] if union_label else union_triples
    if check is not None:
        _check_counts(remote, check, counts, union, union_triples)
    return PushSummary(
        writer.url, writer.method, counts, union_triples, union, ledger.requests, check is not None, unites
    )


def _count_default(local: pyoxigraph.Store) -> int:
    """The triples of the default graph of ``local``: the union of its named graphs."""
    [(number,)] = local.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(number.value)


class Batch(NamedTuple):
    """One request's worth of a graph: the graph's place in the plan, the batch's place in the
    graph, its N-Triples (None for a graph with none) and their number, and whether it is the last."""

    position: int
    index: int
    data: bytes | None
    triples: int
    last: bool


def _batches_of(
    local: pyoxigraph.Store, plan: list[tuple[str | None, str, NamedNode | DefaultGraph]], limit: int, most: int | None
) -> Iterator[Batch]:
    """Every graph of ``plan`` read from ``local``, in batches."""
    for position, (_target, _label, graph) in enumerate(plan):
        parts = batches((quad.triple for quad in local.quads_for_pattern(None, None, None, graph)), limit, most)
        current = next(parts, None)
        if current is None:
            yield Batch(position, 0, None, 0, True)
            continue
        index = 0
        for following in parts:
            yield Batch(position, index, *current, False)
            current, index = following, index + 1
        yield Batch(position, index, *current, True)


class _Sender:
    """Sends batches in the order given, in the push's one sending thread; after a failure it
    sends nothing more, so that no request follows the one that failed."""

    def __init__(self, writer: Writer, plan: list[tuple[str | None, str, NamedNode | DefaultGraph]]) -> None:
        self.writer, self.plan, self.failed = writer, plan, False

    def __call__(self, batch: Batch) -> bool:
        if self.failed:
            return False
        target = self.plan[batch.position][0]
        try:
            if batch.data is None:  # an empty graph: nothing to send, but what was there goes
                self.writer.clear(target)
            else:
                self.writer.send(target, batch.data, first=batch.index == 0)
        except BaseException:
            self.failed = True
            raise
        return True


def _account(
    ledger: Ledger,
    batch: Batch,
    sent: Future,
    plan: list[tuple[str | None, str, NamedNode | DefaultGraph]],
    progress: Progress | None,
    total: int,
) -> None:
    """Wait for ``batch`` to be sent (its failure is raised here), and enter it in ``ledger``."""
    label = plan[batch.position][1]
    if batch.index == 0:
        ledger.current, ledger.current_triples = label, 0
    sent.result()
    ledger.current_triples += batch.triples
    ledger.sent += batch.triples
    ledger.requests += 1
    if progress:
        progress(ledger.sent, total, len(ledger.done) + batch.last, len(plan))
    if batch.last:
        ledger.done.append(label)
        ledger.counts[label] = ledger.current_triples
        ledger.current, ledger.current_triples = None, 0


def _batch_size(dialect: Dialect, batch_bytes: int | None) -> int:
    size = batch_bytes or dialect.batch_bytes
    if size > dialect.max_request_bytes:
        raise PushError(
            f"a batch of {size} bytes is over the {dialect.max_request_bytes} bytes {dialect.name} takes in one request"
        )
    if size <= ENVELOPE_BYTES * 2:
        raise PushError(f"a batch of {size} bytes is too small; give at least {ENVELOPE_BYTES * 2 + 1} bytes")
    return size


def batches(triples: Iterator[Triple], limit: int, most: int | None = None) -> Iterator[tuple[bytes, int]]:
    """``triples`` as N-Triples, in pieces of at most ``limit`` bytes and ``most`` triples, with
    the number of triples in each."""
    pending: list[bytes] = []
    size = count = 0
    most = most or sys.maxsize
    while chunk := list(islice(triples, min(CHUNK_TRIPLES, most))):
        for data, number in _fitting(chunk, limit):
            if pending and (size + len(data) > limit or count + number > most):
                yield b"".join(pending), count
                pending, size, count = [], 0, 0
            pending.append(data)
            size += len(data)
            count += number
    if pending:
        yield b"".join(pending), count


def _fitting(triples: list[Triple], limit: int) -> Iterator[tuple[bytes, int]]:
    """``triples`` serialized, split in halves until each piece is within ``limit``."""
    data = pyoxigraph.serialize(triples, format=RdfFormat.N_TRIPLES)
    if len(data) <= limit:
        yield data, len(triples)
    elif len(triples) == 1:
        raise PushError(f"one triple is {len(data)} bytes, more than a request may hold ({limit}): {str(triples[0])[:200]}")
    else:
        half = len(triples) // 2
        yield from _fitting(triples[:half], limit)
        yield from _fitting(triples[half:], limit)


def _check_counts(
    remote: RemoteStore, endpoint: RemoteEndpoint, counts: dict[str, int], union: str | None, union_triples: int
) -> None:
    """Compare each graph's triples on the store, counted at ``endpoint``, with ``counts``; a
    :class:`PushFailed` if any differs."""
    expected = dict(counts)
    if union:
        expected[union] = union_triples
    found: dict[str, int] = {}
    if expected:
        values = " ".join(f"<{name}>" for name in expected)
        text = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        found = {graph.value: int(number.value) for graph, number in _terms(endpoint, text)}
    differences = [
        f"graph <{name}>: {found.get(name, 0):,} triples there, {number:,} in the build"
        for name, number in expected.items()
        if found.get(name, 0) != number
    ]
    if union is None:
        [(number,)] = _terms(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        there = int(number.value)
        if there != union_triples:
            differences.append(f"default graph: {there:,} triples there, {union_triples:,} in the build")
    if differences:
        more = f" (and {len(differences) - 5} more)" if len(differences) > 5 else ""
        raise remote.client.error(
            f"{remote.url}: the store does not hold what was pushed: {'; '.join(differences[:5])}{more}; run push again",
            kind=PushFailed,
        )


def _terms(endpoint: RemoteEndpoint, text: str) -> list:  # noqa: ANN401
    """The rows of a SELECT query."""
    return list(endpoint.execute(text).terms())
