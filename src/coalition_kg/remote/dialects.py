"""What differs from one SPARQL 1.1 store to another, in one table.

The protocols are standard; where a store puts them, and what its default graph is, are
not. Each :class:`Dialect` says:

- where its query, update and Graph Store Protocol services live, given the URL of any
  of them (Virtuoso takes authenticated requests on other paths than anonymous ones);
- what a query's default graph is: a graph of its own (Oxigraph, Fuseki), into which the
  push writes the union of the sources' graphs; the union of the store's named graphs, as
  its service description may declare (``sd:UnionDefaultGraph``: rdflib-endpoint, the
  project's own server), where the push writes no default graph; or, on Virtuoso, every
  graph of the store, its own system graphs included and a triple once per graph that
  holds it. There the push writes the union into the named graph :data:`UNION_GRAPH` and
  queries name it as their default graph, with the protocol's ``default-graph-uri``;
- how large a request it takes, and so how large a push's batches may be.

``--store`` chooses one; otherwise the server's service description (a GET of the
endpoint, as the SPARQL 1.1 Service Description says) tells: the ``Server`` header
names Oxigraph, Virtuoso or Fuseki, and whether any other store declares
``sd:UnionDefaultGraph``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple
from urllib.parse import urlsplit, urlunsplit

from coalition_kg.core.namespaces import ID

UNION_GRAPH = ID + "graph/union"
SD = "http://www.w3.org/ns/sparql-service-description#"
MiB = 1024 * 1024


class Services(NamedTuple):
    """The URLs of a store's services; ``graph_store`` is None when the store has none known."""

    query: str
    update: str
    graph_store: str | None


@dataclass(frozen=True)
class Dialect:
    """How one kind of store is used."""

    name: str
    locate: Callable[[str, bool], Services]  # (URL of any service, authenticated) -> its services
    union_default_graph: bool  # a query's default graph is the union of the store's graphs
    max_request_bytes: int  # the store refuses larger request bodies
    batch_bytes: int  # a push sends requests of at most this many bytes
    batch_triples: int | None = None  # and SPARQL updates of at most this many triples
    prefers_graph_store: bool = False  # a push given only the SPARQL endpoint writes graphs by the Graph Store Protocol
    union_graph: str | None = None  # where the push writes the union, which queries then name as their default graph

    @property
    def default_graph(self) -> str | None:
        """The graph a query names as its default graph, or None for the store's own."""
        return self.union_graph

    def services(self, url: str, authenticated: bool = False) -> Services:
        return self.locate(url, authenticated)


def _sibling(url: str, known: tuple[str, ...], path: str) -> str:
    """``url`` with its last path segment, one of ``known``, replaced by ``path``; ``url`` itself
    when its path ends otherwise (a store behind a proxy keeps the URLs the user gave)."""
    parts = urlsplit(url)
    base, _slash, last = parts.path.rstrip("/").rpartition("/")
    if last not in known:
        return url
    return urlunsplit(parts._replace(path=f"{base}/{path}", query=""))


def _oxigraph(url: str, _authenticated: bool) -> Services:
    known = ("query", "update", "store")
    return Services(_sibling(url, known, "query"), _sibling(url, known, "update"), _sibling(url, known, "store"))


def _virtuoso(url: str, authenticated: bool) -> Services:
    """Virtuoso answers anonymous queries on /sparql; updates and graph writes need a user with
    the SPARQL_UPDATE role, on /sparql-auth and /sparql-graph-crud-auth (digest)."""
    known = ("sparql", "sparql-auth", "sparql-graph-crud", "sparql-graph-crud-auth")
    suffix = "-auth" if authenticated else ""
    return Services(
        _sibling(url, known, "sparql" + suffix),
        _sibling(url, known, "sparql" + suffix),
        _sibling(url, known, "sparql-graph-crud" + suffix),
    )


def _fuseki(url: str, _authenticated: bool) -> Services:
    """Fuseki serves each dataset at /NAME, with /NAME/query (or /sparql), /NAME/update and /NAME/data."""
    known = ("query", "sparql", "update", "data", "get")
    return Services(_sibling(url, known, "query"), _sibling(url, known, "update"), _sibling(url, known, "data"))


def _generic(url: str, _authenticated: bool) -> Services:
    """One URL for queries and updates, as the SPARQL 1.1 Protocol allows; no Graph Store known."""
    return Services(url, url, None)


DIALECTS = {
    # Oxigraph refuses SPARQL bodies over 128 MiB (HTTP 400). At a million triples (benchmarks/push.py)
    # a push by SPARQL Update and one by its Graph Store took the same time (3.1x `oxigraph load`);
    # with `no_transaction` (its bulk loader, started once per request) the Graph Store was slower.
    "oxigraph": Dialect("oxigraph", _oxigraph, union_default_graph=False, max_request_bytes=128 * MiB, batch_bytes=16 * MiB),
    # Virtuoso's default graph is every graph, system graphs included. Its SPARQL compiler runs
    # out of memory on an INSERT DATA of some 5,000 triples (SP030), while its Graph Store takes
    # N-Triples into its bulk parser: a push goes there.
    "virtuoso": Dialect(
        "virtuoso", _virtuoso, union_default_graph=True, max_request_bytes=64 * MiB, batch_bytes=16 * MiB,
        batch_triples=2000, prefers_graph_store=True, union_graph=UNION_GRAPH,
    ),
    # Fuseki (TDB2) keeps a default graph of its own unless configured with unionDefaultGraph.
    "fuseki": Dialect("fuseki", _fuseki, union_default_graph=False, max_request_bytes=1024 * MiB, batch_bytes=16 * MiB),
    "generic": Dialect("generic", _generic, union_default_graph=False, max_request_bytes=16 * MiB, batch_bytes=4 * MiB),
}
STORE_NAMES = tuple(DIALECTS)
_SERVERS = {"virtuoso/": "virtuoso", "oxigraph/": "oxigraph", "fuseki": "fuseki"}


def dialect_named(name: str) -> Dialect:
    try:
        return DIALECTS[name]
    except KeyError:
        raise ValueError(f"unknown store '{name}'; expected one of: {', '.join(STORE_NAMES)}") from None


def from_description(server: str, description: bytes, media_type: str) -> Dialect:
    """The dialect a service description names: by the ``Server`` header, else by its declared
    features (``sd:UnionDefaultGraph``)."""
    for mark, name in _SERVERS.items():
        if mark in server.lower():
            return DIALECTS[name]
    if _declares_union_default_graph(description, media_type):
        return replace(DIALECTS["generic"], union_default_graph=True)
    return DIALECTS["generic"]


def _declares_union_default_graph(description: bytes, media_type: str) -> bool:
    import pyoxigraph

    rdf_format = pyoxigraph.RdfFormat.from_media_type(media_type)
    if rdf_format is None or not description:
        return False
    try:
        quads = pyoxigraph.parse(description, format=rdf_format, base_iri="http://service.invalid/")
        feature, union = pyoxigraph.NamedNode(SD + "feature"), pyoxigraph.NamedNode(SD + "UnionDefaultGraph")
        return any(quad.predicate == feature and quad.object == union for quad in quads)
    except (SyntaxError, ValueError):
        return False
