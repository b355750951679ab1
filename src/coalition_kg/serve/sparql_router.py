"""The SPARQL 1.1 Protocol endpoint (``/sparql``), the Service Description (``/sparql`` with no
query), the VoID description (``/.well-known/void``) and ``/healthz``.

A query's work is all done in a worker of the ad-hoc lane, inside the query's deadline: proving
it safe, running it, writing it in the format negotiated for its form. The event loop only reads
the request (its body within ``body_seconds``) and negotiates both formats a query may need.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from coalition_kg.serve.descriptions import service_description, void_description
from coalition_kg.serve.negotiation import GRAPHS, HTML, RESULTS, NotAcceptable, Offer, choose, negotiate
from coalition_kg.serve.protocol import NO_SERVICE, READ_ONLY, ProtocolError, QueryRequest, query_request
from coalition_kg.serve.rdf_responses import graph_response, text_error
from coalition_kg.serve.server import Server
from coalition_kg.serve.worker import Picture, Refused, Run, Unacceptable, Writing, Written
from coalition_kg.serve.workers import JobFailed, MemoryExceeded, PoolBusy, QueryTimeout, WorkerLost

router = APIRouter()
TRUNCATED_HEADER = "X-Result-Truncated"
SMALL_BODY = 64 << 10  # bytes of a body read on the event loop: some tens of microseconds
LOG = logging.getLogger("coalition_kg.serve")
T = TypeVar("T")


def server_of(request: Request) -> Server:
    return request.app.state.server


@router.api_route("/sparql", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """A query by GET, POST form or POST direct; without one, the service description."""
    server = server_of(request)
    try:
        body = await read_body(request, server) if request.method == "POST" else b""
        url_fields = {key: request.query_params.getlist(key) for key in request.query_params}
        arguments = (url_fields, request.method, request.headers.get("content-type"), body)
        # Reading a form costs a thread's hop more than the reading itself, unless it is large.
        asked = query_request(*arguments) if len(body) <= SMALL_BODY else await run_in_threadpool(query_request, *arguments)
        if asked is None:
            return await describe_service(request, server)
        return await run_query(server, asked, request)
    except ProtocolError as error:
        return text_error(error.status, error.message)
    except ClientDisconnect:
        LOG.info("%s left before its request's body was sent", client_of(request))
        return text_error(400, "the client left before its request's body was sent")


def client_of(request: Request) -> str:
    return request.client.host if request.client else "a client"


class Offers:
    """The formats a client takes for each form of answer, or why it takes none."""

    def __init__(self, accept: str | None, format_names: tuple[str, ...]) -> None:
        self.results, self.results_refusal = _offer(accept, format_names, RESULTS)
        self.graph, self.graph_refusal = _offer(accept, format_names, GRAPHS)

    def writing(self, max_bytes: int) -> Writing:
        return Writing(_name(self.results), _name(self.graph), max_bytes)

    def for_form(self, form: str) -> tuple[Offer | None, str]:
        return (self.graph, self.graph_refusal) if form in ("CONSTRUCT", "DESCRIBE") else (self.results, self.results_refusal)


def _offer(accept: str | None, format_names: tuple[str, ...], offers: tuple[Offer, ...]) -> tuple[Offer | None, str]:
    try:
        return choose(accept, format_names, offers), ""
    except NotAcceptable as error:
        return None, str(error)


def _name(offer: Offer | None) -> str | None:
    return offer.serialization if offer else None


async def run_query(server: Server, asked: QueryRequest, request: Request) -> Response:
    offers = Offers(request.headers.get("accept"), asked.format_names)
    settings = server.settings
    job = Run(asked.query, None, asked.default_graphs, asked.named_graphs, settings.row_limit,
              offers.writing(settings.max_bytes), ad_hoc=True, base_iri=endpoint_url(request))
    outcome = await run_job(server, job)
    if isinstance(outcome, Unacceptable):
        return text_error(406, offers.for_form(outcome.form)[1])
    assert isinstance(outcome, Written)
    offer = offers.for_form(outcome.form)[0]
    assert offer is not None
    headers = {"Vary": "Accept"}
    if outcome.stopped_after is not None:
        headers[TRUNCATED_HEADER] = truncation(outcome)
    return Response(outcome.body, media_type=offer.media_type, headers=headers)


def truncation(outcome: Written) -> str:
    """What the truncation header says: after how many rows the answer stopped, and why."""
    if outcome.byte_limit is None:
        return f"stopped after {outcome.stopped_after} rows"
    return f"stopped after {outcome.stopped_after} rows: the answer reached {outcome.byte_limit} bytes, the most this server sends"


#: A picture is bounded work (a few dozen facts), but a worker's first one loads networkx and
#: matplotlib, which alone can outlast a short query timeout.
PICTURE_SECONDS = 60.0


async def run_job(server: Server, job: Run | Picture) -> object:
    """The outcome of ``job`` in the pool, its failures as protocol errors."""
    timeout = server.settings.timeout if isinstance(job, Run) else max(server.settings.timeout, PICTURE_SECONDS)
    outcome = await in_pool(server.run, job, timeout)
    if isinstance(outcome, Refused):
        raise refusal(outcome)
    return outcome


def refusal(refused: Refused) -> ProtocolError:
    """An ad-hoc query the server will not run: 403 for an update or a SERVICE call, else 400."""
    if refused.reason == "update":
        return ProtocolError(403, READ_ONLY)
    if refused.reason == "service":
        return ProtocolError(403, NO_SERVICE)
    return ProtocolError(400, refused.message)


async def in_pool(function: Callable[..., T], *arguments: object) -> T:
    """``function`` called in a request thread; the failures of the pool's queries as protocol errors."""
    try:
        return await run_in_threadpool(function, *arguments)
    except JobFailed as error:
        raise ProtocolError(error.status, str(error)) from None
    except QueryTimeout as error:
        raise ProtocolError(503, f"the query ran longer than its time ({error}) and was stopped") from None
    except MemoryExceeded as error:
        raise ProtocolError(503, f"the query needed more memory than a query may have ({error}) and was stopped") from None
    except WorkerLost as error:
        raise ProtocolError(500, str(error)) from None
    except PoolBusy as error:
        raise ProtocolError(503, str(error)) from None


async def read_body(request: Request, server: Server) -> bytes:
    """The request's body: at most ``max_body`` bytes (413), sent within ``body_seconds`` (408)."""
    limit = server.settings.max_body
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"the request body is {declared} bytes; at most {limit} are accepted")
    chunks: list[bytes] = []

    async def collect() -> None:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise ProtocolError(413, f"the request body is over {limit} bytes; at most {limit} are accepted")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(collect(), server.settings.body_seconds)
    except TimeoutError:
        raise ProtocolError(408, f"the request body took longer than {server.settings.body_seconds:g} s to arrive") from None
    return b"".join(chunks)


async def describe_service(request: Request, server: Server) -> Response:
    """The service description; a browser is sent to the page for asking queries."""
    accept = request.headers.get("accept")
    offer = negotiate(accept, (*GRAPHS, HTML)) if accept and "text/html" in accept else negotiate(accept, GRAPHS)
    if offer is HTML:
        return RedirectResponse("/query", status_code=303, headers={"Vary": "Accept"})
    stats = await run_in_threadpool(server.statistics)
    return graph_response(service_description(endpoint_url(request), stats), offer)


@router.get("/.well-known/void", include_in_schema=False)
@router.get("/void", include_in_schema=False)
async def void(request: Request) -> Response:
    """The VoID description of the dataset, in the RDF format the client prefers."""
    server = server_of(request)
    try:
        offer = negotiate(request.headers.get("accept"), GRAPHS)
    except NotAcceptable as error:
        return text_error(406, str(error))
    stats = await run_in_threadpool(server.statistics)
    settings = server.settings
    endpoint = settings.endpoint or (None if settings.static_site else endpoint_url(request))
    return graph_response(void_description(endpoint, stats), offer)


@router.get("/healthz", include_in_schema=False)
async def healthz(request: Request) -> JSONResponse:
    """The build served (its fingerprint and triple count), and whether its workers' network is closed."""
    server = server_of(request)
    manifest = server.manifest
    return JSONResponse({"status": "ok", "fingerprint": manifest.get("fingerprint"), "triples": manifest.get("triples"),
                         "network": "open: " + server.network_open if server.network_open else "closed"})


def endpoint_url(request: Request) -> str:
    return str(request.url_for("sparql"))
