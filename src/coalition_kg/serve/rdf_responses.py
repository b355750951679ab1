"""Responses of RDF and of errors, written the same way by every router."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import PlainTextResponse, Response
from pyoxigraph import Triple

from coalition_kg.queries.results import GraphAnswer
from coalition_kg.serve.negotiation import Offer
from coalition_kg.serve.worker import written


def graph_response(triples: Iterable[Triple], offer: Offer, status: int = 200) -> Response:
    """``triples`` in the negotiated RDF format, sorted so that the same data gives the same bytes."""
    ordered = tuple(sorted(set(triples), key=str))
    if offer.serialization == "jsonld":
        from coalition_kg.dataset.context import compacted

        body = compacted(f"{triple} ." for triple in ordered)
    else:
        body = written(GraphAnswer(ordered), offer.serialization)
    return Response(body, status_code=status, media_type=offer.media_type, headers={"Vary": "Accept"})


def text_error(status: int, message: str) -> Response:
    """An error as one line of plain text."""
    return PlainTextResponse(message + "\n", status_code=status, headers={"Vary": "Accept"})
