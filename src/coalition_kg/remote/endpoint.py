"""Talking to a SPARQL 1.1 store over HTTP: queries, updates and the Graph Store Protocol.

Queries and updates are sent as the SPARQL 1.1 Protocol says (an HTML-form POST of
``query=`` or ``update=``), the request built by SPARQLWrapper, so any SPARQL 1.1
endpoint will do; Graph Store Protocol PUTs go through the standard library. Parameter values are bound by a VALUES block of N-Triples-escaped terms
opening the query's WHERE group (see :func:`coalition_kg.queries.sparql_text.with_values`): the
values are data in the query, never pieces of its text. Answers are read back with
pyoxigraph, so that local and remote answers are written by the same code.

Every request is bounded: connecting, and each wait for data, gives up after the timeout,
and so does an answer that has not arrived in full within it (a server that trickles).
Redirects are not followed: the endpoint would send the query, and the project data of a
push, to a host the user never named. The message says where it points instead.

Whatever goes wrong gives a :class:`RemoteError` with a one-line message naming the
endpoint, and the HTTP status with a short excerpt of the server's answer when there is one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, urlsplit

import pyoxigraph
from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat

from coalition_kg.queries.params import Term
from coalition_kg.queries.results import Answer, GraphAnswer
from coalition_kg.queries.sparql_text import GRAPH_FORMS, prefixes_used, query_form, with_values

if TYPE_CHECKING:  # the HTTP client is imported when a request is made: the local query path needs none
    import urllib.request
    from http.client import HTTPException, HTTPResponse
    from urllib.error import HTTPError

NTRIPLES_TYPE = "application/n-triples"
ACCEPT_RESULTS = "application/sparql-results+json"
ACCEPT_GRAPH = f"{NTRIPLES_TYPE}, text/turtle;q=0.9"
EXCERPT_CHARS = 160  # of a server's answer, in a message
_CHUNK = 1 << 16
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


class RemoteError(RuntimeError):
    """A remote store could not be reached, failed, or answered nonsense."""


class Reply(NamedTuple):
    """What a server answered: its status, the media type of the body, and the body."""

    status: int
    media_type: str
    body: bytes


class RemoteEndpoint:
    """A SPARQL 1.1 query endpoint, such as ``http://localhost:7878/query``."""

    def __init__(self, url: str, timeout: float = 30.0) -> None:
        self.url = http_url(url)
        self.timeout = timeout

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        """Run ``text`` on the endpoint, with ``bindings`` as a VALUES block and ``prefixes`` declared."""
        graph = query_form(text) in GRAPH_FORMS
        if bindings:
            text = with_values(text, {name: str(term) for name, term in bindings.items()})
        if prefixes:
            # those the query uses, on its first line: the server's line numbers in errors are the user's
            used = prefixes_used(text)
            text = "".join(f"PREFIX {prefix}: <{iri}> " for prefix, iri in prefixes.items() if prefix in used) + text
        reply = self.send(text, ACCEPT_GRAPH if graph else ACCEPT_RESULTS)
        try:
            if graph:
                rdf_format = RdfFormat.from_media_type(reply.media_type) or RdfFormat.TURTLE
                return GraphAnswer(tuple(quad.triple for quad in pyoxigraph.parse(reply.body, format=rdf_format)))
            return Answer.of(pyoxigraph.parse_query_results(reply.body, format=QueryResultsFormat.JSON))
        except (SyntaxError, ValueError) as error:
            expected = "RDF" if graph else "SPARQL JSON results"
            raise RemoteError(
                f"{self.url}: the HTTP {reply.status} answer ({reply.media_type}) is not {expected}: "
                f"{_one_line(_first_line(error))}; it begins: {excerpt(reply.body, reply.media_type) or '(nothing)'}"
            ) from None

    def send(self, text: str, accept: str) -> Reply:
        """POST the query ``text`` to the endpoint, accepting the media types ``accept``."""
        return _post(self.url, "query", text, accept, self.timeout)


def send_update(url: str, update: str, timeout: float = 30.0) -> None:
    """Run a SPARQL 1.1 Update on the update endpoint ``url``."""
    _post(http_url(url), "update", update, "*/*", timeout)


def put_graph(graph_store: str, graph: NamedNode | None, ntriples: bytes, timeout: float = 30.0) -> None:
    """Replace one graph (the default graph for None) of a Graph Store Protocol endpoint."""
    import urllib.request

    separator = "&" if "?" in http_url(graph_store) else "?"
    target = "default" if graph is None else "graph=" + quote(graph.value, safe="")
    request = urllib.request.Request(
        f"{graph_store}{separator}{target}", data=ntriples, method="PUT", headers={"Content-Type": NTRIPLES_TYPE}
    )
    _exchange(graph_store, request, timeout)


def http_url(url: str) -> str:
    """``url`` if it is an HTTP(S) URL with a host; a :class:`RemoteError` otherwise."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(f"{url}: not an HTTP URL; expected http://host:port/path, e.g. http://localhost:7878/query")
    return url


def _post(url: str, field: str, text: str, accept: str, timeout: float) -> Reply:
    """SPARQLWrapper builds the SPARQL 1.1 Protocol request (an HTML-form POST of ``query=`` or
    ``update=``); :func:`_exchange` sends it, because SPARQLWrapper's own sending follows
    redirects and bounds each read but not the whole answer."""
    from SPARQLWrapper import POST, URLENCODED, SPARQLWrapper

    client = SPARQLWrapper(url, updateEndpoint=url)
    client.setMethod(POST)
    client.setRequestMethod(URLENCODED)
    client.setQuery(text)
    if client.isSparqlUpdateRequest() != (field == "update"):
        raise RemoteError(f"{url}: expected a SPARQL {field}, got a {client.queryType} request")
    client.addCustomHttpHeader("Accept", accept)
    client.setOnlyConneg(True)  # no format=xml parameter, which endpoints that honour it (Fuseki, ours) obey over Accept
    return _exchange(url, client._createRequest(), timeout)  # noqa: SLF001 - see the docstring


def _exchange(endpoint: str, request: urllib.request.Request, timeout: float) -> Reply:
    """Send ``request`` and read the whole answer within ``timeout`` seconds; a failure, or a
    status other than 2xx, is a :class:`RemoteError` naming ``endpoint``."""
    from http.client import HTTPException
    from urllib.error import HTTPError

    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            body = _read_by(response, deadline)
            return Reply(response.status, response.headers.get_content_type(), body)
    except HTTPError as error:
        raise RemoteError(f"{endpoint}: {_status_message(error)}") from None
    except (OSError, HTTPException) as error:
        raise RemoteError(f"{endpoint}: {_failure_message(error, timeout)}") from None


@cache
def _opener() -> urllib.request.OpenerDirector:
    """An HTTP client that never follows a redirect: it comes back as an HTTP error, reported
    with its Location."""
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object) -> None:
            return None

    return urllib.request.build_opener(NoRedirects)


def _read_by(response: HTTPResponse, deadline: float) -> bytes:
    """The body, read as it arrives; a :class:`TimeoutError` once the deadline has passed."""
    chunks = []
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError("the answer did not arrive in full in time")
    return b"".join(chunks)


def _status_message(error: HTTPError) -> str:
    from http.client import HTTPException

    if 300 <= error.code < 400:
        location = _one_line(error.headers.get("Location") or "nowhere")
        return f"HTTP {error.code} redirect to {location}, not followed; give that URL instead if you trust it"
    try:
        body = error.read(_CHUNK)
    except (OSError, HTTPException):
        body = b""
    reason = error.reason if isinstance(error.reason, str) and error.reason else _phrase(error.code)
    return f"HTTP error {error.code}: {excerpt(body, error.headers.get_content_type()) or reason}"


def _failure_message(error: OSError | HTTPException, timeout: float) -> str:
    import urllib.error
    from http.client import HTTPException

    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"no complete answer within {timeout:g} s (timeout)"
    if isinstance(error, urllib.error.URLError):
        return f"cannot reach the server: {reason}"
    if isinstance(error, HTTPException):
        return f"the server's answer is not valid HTTP: {type(error).__name__} {_one_line(_first_line(error))}"
    return f"the connection failed: {_first_line(error)}"


def excerpt(body: bytes, media_type: str) -> str:
    """The start of a server's answer as one short line: HTML without its tags."""
    import html

    text = body[: EXCERPT_CHARS * 8].decode("utf-8", errors="replace")
    if "html" in media_type or text.lstrip().lower().startswith(("<!doctype html", "<html")):
        text = html.unescape(_TAGS.sub(" ", text))
    return _one_line(text)


def _one_line(text: str) -> str:
    """``text`` on one short line, without the control characters a server could send to the terminal."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…"


def _phrase(code: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "unknown status"


def _first_line(error: object) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
