"""The SPARQL 1.1 Protocol's rules for a query request: where the query and its dataset come from
(GET, POST form-encoded, POST direct), what is refused and with which status.

Pure functions over what the router read from the request, so that each rule is tested alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple
from urllib.parse import parse_qs

from pyoxigraph import NamedNode

from coalition_kg.serve.negotiation import FORMAT_PARAMETERS

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
DATASET_FIELDS = ("default-graph-uri", "named-graph-uri")
READ_ONLY = "this endpoint is read-only: SPARQL updates are refused; ask SELECT, ASK, CONSTRUCT or DESCRIBE queries"
NO_SERVICE = "this endpoint does not call other endpoints: queries with SERVICE are refused"

Fields = Mapping[str, Sequence[str]]


class ProtocolError(Exception):
    """A request the protocol answers with an error ``status`` and a one-line ``message``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class QueryRequest(NamedTuple):
    """What a protocol request asks: the query, its dataset (None: the store's own) and the
    formats its ``format``, ``output`` and ``results`` parameters name, in that order. Whether the
    query may run is for its worker to prove."""

    query: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    format_names: tuple[str, ...] = ()


def form_fields(body: bytes) -> dict[str, list[str]]:
    """The fields of a form-encoded body."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"the form is not UTF-8 (byte {error.start})") from None
    return parse_qs(text, keep_blank_values=True)


def query_request(url_fields: Fields, method: str, content_type: str | None, body: bytes) -> QueryRequest | None:
    """The query a request asks, by the protocol's three ways; None for a GET with no query (the
    service description)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if method == "GET":
        fields: Fields = url_fields
    elif media == FORM:
        fields = _joined(url_fields, form_fields(body))
    elif media == DIRECT:
        try:
            fields = _joined(url_fields, {"query": [body.decode("utf-8")]})
        except UnicodeDecodeError as error:
            raise ProtocolError(400, f"the query is not UTF-8 (byte {error.start})") from None
    elif media == UPDATE:
        raise ProtocolError(403, READ_ONLY)
    else:
        raise ProtocolError(
            415, f"a POST must be {FORM} or {DIRECT}, not '{media or 'no Content-Type'}'"
        )
    if "update" in fields:
        raise ProtocolError(403, READ_ONLY)
    queries = fields.get("query", [])
    if not queries:
        if method == "GET":
            return None
        raise ProtocolError(400, "no query: give it as the 'query' parameter or as an application/sparql-query body")
    if len(queries) > 1:
        raise ProtocolError(400, "more than one 'query' parameter")
    return QueryRequest(
        queries[0],
        _graphs(fields, "default-graph-uri"),
        _graphs(fields, "named-graph-uri"),
        _format_names(fields),
    )


def _format_names(fields: Fields) -> tuple[str, ...]:
    """The formats the request names, in the order of :data:`FORMAT_PARAMETERS`. An empty value
    names none: SPARQLWrapper sends each of ``format``, ``output`` and ``results`` twice, the
    second time empty."""
    return tuple(name for parameter in FORMAT_PARAMETERS for name in fields.get(parameter, []) if name.strip())


def _joined(url_fields: Fields, body_fields: Fields) -> Fields:
    """The fields of the URL and of the body; a protocol field given in both is refused, as the
    protocol allows each only once (Oxigraph's server refuses it too)."""
    twice = sorted(name for name in ("query", "update", *DATASET_FIELDS) if name in url_fields and name in body_fields)
    if twice:
        raise ProtocolError(400, f"'{twice[0]}' is given both in the URL and in the body; give it once")
    return {**url_fields, **body_fields}


def _graphs(fields: Fields, name: str) -> tuple[str, ...] | None:
    """The graph IRIs of a dataset field. When either field is given, the request names the whole
    dataset, and the one not given is empty, as the protocol says."""
    if not any(field in fields for field in DATASET_FIELDS):
        return None
    iris = tuple(fields.get(name, []))
    for iri in iris:
        try:
            NamedNode(iri)
        except ValueError:
            raise ProtocolError(400, f"'{name}' must be an absolute IRI, got {iri!r}") from None
    return iris
