"""Talking to a SPARQL 1.1 store over HTTP: queries, updates and the Graph Store Protocol.

Queries and updates go through SPARQLWrapper, so any SPARQL 1.1 endpoint will do.
Parameter values are bound by a VALUES block of N-Triples-escaped terms opening the
query's WHERE group (see :func:`coalition_kg.sparql_text.with_values`): the values
are data in the query, never pieces of its text. Answers are read back with
pyoxigraph, so that local and remote answers are written by the same code.

A server that is down, an HTTP error or a timeout gives a :class:`RemoteError`
with a one-line message.

SPARQLWrapper and the HTTP client are imported when a request is made, so that the
local query path can know :class:`RemoteError` without loading them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import pyoxigraph
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat

from .params import Term
from .results import Answer, GraphAnswer
from .sparql_text import GRAPH_FORMS, query_form, with_values

if TYPE_CHECKING:
    from SPARQLWrapper import SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

NTRIPLES_TYPE = "application/n-triples"
_STATUS = {  # SPARQLWrapper raises these for the HTTP statuses it knows
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


class RemoteError(RuntimeError):
    """A remote store could not be reached, failed, or answered nonsense."""


class RemoteEndpoint:
    """A SPARQL 1.1 query endpoint, such as ``http://localhost:7878/query``."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url = http_url(url)
        self.timeout = timeout

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        """Run ``text`` on the endpoint, with ``bindings`` as a VALUES block and ``prefixes`` declared."""
        form = query_form(text)
        graph = form in GRAPH_FORMS
        if bindings:
            text = with_values(text, {name: str(term) for name, term in bindings.items()})
        if prefixes:
            # on the first line, so that the server's line numbers in errors are the user's
            text = "".join(f"PREFIX {prefix}: <{namespace}> " for prefix, namespace in prefixes.items()) + text
        body, media_type = self._post(text, form, "turtle" if graph else "json")
        try:
            if graph:
                rdf_format = RdfFormat.from_media_type(media_type) or RdfFormat.TURTLE
                return GraphAnswer(tuple(quad.triple for quad in pyoxigraph.parse(body, format=rdf_format)))
            return Answer.of(pyoxigraph.parse_query_results(body, format=QueryResultsFormat.JSON))
        except (SyntaxError, ValueError) as error:
            expected = "RDF" if graph else "SPARQL JSON results"
            message = f"answered with something that is not {expected}: {_first_line(error)}"
            raise RemoteError(f"{self.url}: {message}") from None

    def _post(self, text: str, form: str, return_format: str) -> tuple[bytes, str]:
        client = _client(self.url, text, form, self.timeout)
        client.setReturnFormat(return_format)
        with _reporting(self.url, self.timeout):
            response = client.query().response
            return response.read(), response.headers.get_content_type()


def send_update(url: str, update: str, timeout: float = 30.0) -> None:
    """Run a SPARQL 1.1 Update on the update endpoint ``url``."""
    client = _client(http_url(url), update, query_form(update), timeout)
    with _reporting(url, timeout):
        client.query().response.read()


def put_graph(graph_store: str, graph: NamedNode | None, ntriples: bytes, timeout: float = 30.0) -> None:
    """Replace one graph (the default graph for None) of a Graph Store Protocol endpoint."""
    import urllib.request

    separator = "&" if "?" in http_url(graph_store) else "?"
    target = "default" if graph is None else "graph=" + quote(graph.value, safe="")
    request = urllib.request.Request(
        f"{graph_store}{separator}{target}", data=ntriples, method="PUT", headers={"Content-Type": NTRIPLES_TYPE}
    )
    with _reporting(graph_store, timeout):
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()


def http_url(url: str) -> str:
    """``url`` if it is an HTTP(S) URL with a host; a :class:`RemoteError` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(f"{url}: not an HTTP URL; expected http://host:port/path, e.g. http://localhost:7878/query")
    return url


def _client(url: str, text: str, form: str, timeout: float) -> SPARQLWrapper:
    from SPARQLWrapper import POST, SPARQLWrapper

    client = SPARQLWrapper(url)
    client.setMethod(POST)
    client.setOnlyConneg(True)  # content negotiation only: no format=/output= parameters
    client.timeout = timeout  # setTimeout() would truncate to whole seconds, and 0 means none
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # its guess of the form is replaced below
        client.setQuery(text)
    # SPARQLWrapper guesses the form with a regular expression that long prologues confuse;
    # the form read by the tokenizer decides the Accept header and query-or-update instead.
    client.queryType = form
    return client


@contextmanager
def _reporting(url: str, timeout: float) -> Iterator[None]:
    """Turns what can go wrong over HTTP into a one-line :class:`RemoteError`."""
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    try:
        yield
    except (SPARQLWrapperException, OSError) as error:
        raise RemoteError(f"{url}: {_describe(error, timeout)}") from None


def _describe(error: SPARQLWrapperException | OSError, timeout: float) -> str:
    import urllib.error
    from http import HTTPStatus

    if not isinstance(error, OSError):
        status = _STATUS.get(type(error).__name__)
        if status is None:
            return f"the request failed: {_first_line(error)}"
        return f"HTTP error {status}: {_response_text(error) or HTTPStatus(status).phrase}"
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP error {error.code}: {_first_line_of(error.read()) or error.reason}"
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return f"no answer within {timeout:g} s (timeout)"
    if isinstance(error, urllib.error.URLError):
        return f"cannot reach the server: {error.reason}"
    return f"the connection failed: {_first_line(error)}"


def _response_text(error: SPARQLWrapperException) -> str:
    """The first line of the server's response, which SPARQLWrapper keeps only in its message."""
    import ast

    _, marker, response = str(error).partition("Response:\n")
    if not marker:
        return ""
    try:
        return _first_line_of(ast.literal_eval(response))
    except (ValueError, SyntaxError):
        return _first_line(response)


def _first_line_of(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0] if text else ""


def _first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
