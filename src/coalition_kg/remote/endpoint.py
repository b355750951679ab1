"""Asking a SPARQL 1.1 store the same questions as the local store.

A query is one request, the protocol's own, as SPARQLWrapper writes it: an HTML-form POST of
``query=`` (and ``default-graph-uri=`` where the store's dialect needs it, see
:mod:`coalition_kg.remote.dialects`) with an ``Accept`` header for the result format, and
nothing else: content negotiation only (``setOnlyConneg``), without the ``format``,
``output`` and ``results`` parameters it otherwise adds, which Virtuoso obeys over the Accept
header (HTTP 406). The store's client sends it (:mod:`coalition_kg.remote.http`), not
SPARQLWrapper: it sends through urllib's process-wide opener, which follows a redirect with
a basic or bearer ``Authorization`` header to wherever it points (and which its digest
authentication replaces for the whole process), and its timeout is in whole seconds.

Parameter values are bound by a VALUES block of N-Triples-escaped terms opening the query's
WHERE group (see :func:`coalition_kg.queries.sparql_text.with_values`): the values are data
in the query, never pieces of its text. Answers are read back with pyoxigraph, so that local
and remote answers are written by the same code.

Which store it is comes from ``--store``, or from the service description the endpoint
serves on a GET (one request, once per process and endpoint).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import pyoxigraph
from pyoxigraph import Literal, NamedNode, QueryResultsFormat, RdfFormat
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from coalition_kg.queries.params import Term
from coalition_kg.queries.results import Answer, GraphAnswer
from coalition_kg.queries.sparql_text import GRAPH_FORMS, prefixes_used, query_form, with_values
from coalition_kg.remote.credentials import Credentials, credentials_for
from coalition_kg.remote.dialects import Dialect, Services, dialect_named, from_description
from coalition_kg.remote.http import MAX_ANSWER_BYTES, Client, RemoteError, Reply, first_line, http_url

ACCEPT_DESCRIPTION = "text/turtle, application/rdf+xml;q=0.8"
XSD_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_BOOLEAN_FORMS = {"1": "true", "0": "false"}

__all__ = ["Access", "RemoteEndpoint", "RemoteError", "RemoteStore", "http_url"]


@dataclass(frozen=True)
class Access:
    """How to reach a store: which one it is (None: ask its service description), the
    credentials as given (None: netrc), the time allowed and the largest answer read."""

    store: str | None = None
    user: str | None = None
    password: str | None = None
    token: str | None = None
    timeout: float = 30.0
    max_bytes: int = MAX_ANSWER_BYTES

    def __repr__(self) -> str:  # never the secrets
        return f"Access(store={self.store!r}, user={self.user!r}, timeout={self.timeout!r}, max_bytes={self.max_bytes!r})"


@dataclass(frozen=True)
class RemoteStore:
    """A store reached at one URL: its client (credentials, limits), its dialect and its services."""

    url: str
    client: Client
    dialect: Dialect
    services: Services

    @classmethod
    def connect(cls, url: str, access: Access = Access()) -> RemoteStore:
        url = http_url(url)
        credentials = credentials_for(url, access.user, access.password, access.token)
        client = Client(access.timeout, access.max_bytes, credentials)
        dialect = dialect_named(access.store) if access.store else discover(client, url)
        return cls(url, client, dialect, dialect.services(url, bool(credentials)))

    @property
    def credentials(self) -> Credentials:
        return self.client.credentials


_DISCOVERED: dict[str, Dialect] = {}


def discover(client: Client, url: str) -> Dialect:
    """The dialect of the store at ``url``, from the service description it serves on a GET
    (generic if it serves none); asked once per process."""
    if url not in _DISCOVERED:
        try:
            reply = client.send("GET", url, headers={"Accept": ACCEPT_DESCRIPTION})
        except RemoteError as error:
            if error.status is None:  # unreachable: the request that follows would fail the same way
                raise
            return dialect_named("generic")
        _DISCOVERED[url] = from_description(reply.server, reply.body, reply.media_type)
    return _DISCOVERED[url]


def canonical(term: Term | None) -> Term | None:
    """``term``, a boolean in its canonical form: Virtuoso writes ``true`` as ``"1"^^xsd:boolean``,
    a lexical form XML Schema allows, and RDF compares literals by their lexical form."""
    if isinstance(term, Literal) and term.datatype == XSD_BOOLEAN and term.value in _BOOLEAN_FORMS:
        return Literal(_BOOLEAN_FORMS[term.value], datatype=XSD_BOOLEAN)
    return term


class RemoteEndpoint:
    """A SPARQL 1.1 query endpoint, such as ``http://localhost:7878/query``."""

    def __init__(
        self,
        url: str,
        timeout: float = 30.0,
        access: Access | None = None,
        store: RemoteStore | None = None,
        own_default_graph: bool = False,
    ) -> None:
        """The endpoint at ``url`` of the store ``store``, or of the store reached there by ``access``.
        Its queries' default graph is the one the store's dialect names (where the push put the
        union), or with ``own_default_graph`` the store's own."""
        self.remote = store or RemoteStore.connect(url, replace(access or Access(), timeout=timeout))
        self.url = http_url(url)
        self.default_graph = None if own_default_graph else self.remote.dialect.default_graph

    def execute(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> Answer | GraphAnswer:
        """Run ``text`` on the endpoint, with ``bindings`` as a VALUES block and ``prefixes`` declared."""
        form = query_form(text)
        graph = form in GRAPH_FORMS
        if bindings:
            text = with_values(text, {name: str(term) for name, term in bindings.items()})
        if prefixes:
            # those the query uses, on its first line: the server's line numbers in errors are the user's
            used = prefixes_used(text)
            text = "".join(f"PREFIX {prefix}: <{iri}> " for prefix, iri in prefixes.items() if prefix in used) + text
        reply = self.send(text, form)
        try:
            if graph:
                rdf_format = RdfFormat.from_media_type(reply.media_type) or RdfFormat.TURTLE
                return GraphAnswer(tuple(quad.triple for quad in pyoxigraph.parse(reply.body, format=rdf_format)))
            answer = Answer.of(pyoxigraph.parse_query_results(reply.body, format=QueryResultsFormat.JSON))
            return answer._replace(solutions=tuple(tuple(map(canonical, row)) for row in answer.solutions))
        except (SyntaxError, ValueError) as error:
            client, expected = self.remote.client, "RDF" if graph else "SPARQL JSON results"
            begins = client.excerpt(reply.body, reply.media_type) or "(nothing)"
            raise client.error(
                f"{self.url}: the HTTP {reply.status} answer ({reply.media_type}) is not {expected}: "
                f"{client.line(first_line(error))}; it begins: {begins}"
            ) from None

    def send(self, text: str, form: str) -> Reply:
        """POST the query ``text``, of the form ``form`` (SELECT, ASK, CONSTRUCT or DESCRIBE)."""
        protocol = SPARQLWrapper(self.url)
        protocol.setMethod(POST)
        protocol.setOnlyConneg(True)
        protocol.setReturnFormat(TURTLE if form in GRAPH_FORMS else JSON)
        if self.default_graph:
            protocol.addDefaultGraph(self.default_graph)
        protocol.setQuery(text)
        # the form the project's SPARQL reader found: SPARQLWrapper's regular expression reads the
        # second of two comment lines as text, and a comment naming INSERT would make it an update
        protocol.queryType = form
        request = protocol._createRequest()  # its request, sent by the store's client (see above)
        headers = dict(request.header_items())
        return self.remote.client.send(request.get_method(), request.full_url, request.data, headers)
