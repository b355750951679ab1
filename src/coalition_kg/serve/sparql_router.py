"""The SPARQL 1.1 Protocol endpoint (``/sparql``), the Service Description (``/sparql`` with no
query), the VoID description (``/.well-known/void``) and ``/healthz``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from coalition_kg.serve.descriptions import service_description, void_description
from coalition_kg.serve.negotiation import GRAPHS, HTML, RESULTS, NotAcceptable, Offer, choose, negotiate
from coalition_kg.serve.protocol import ProtocolError, QueryRequest, query_request
from coalition_kg.serve.rdf_responses import graph_response, text_error
from coalition_kg.serve.server import Server
from coalition_kg.serve.worker import Picture, Run, Written
from coalition_kg.serve.workers import PoolBusy, QueryTimeout, UserError, WorkerLost

router = APIRouter()
TRUNCATED_HEADER = "X-Result-Truncated"
T = TypeVar("T")


def server_of(request: Request) -> Server:
    return request.app.state.server


@router.api_route("/sparql", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """A query by GET, POST form or POST direct; without one, the service description."""
    server = server_of(request)
    try:
        body = await read_body(request, server) if request.method == "POST" else b""
        asked = query_request(
            {key: request.query_params.getlist(key) for key in request.query_params},
            request.method,
            request.headers.get("content-type"),
            body,
        )
        if asked is None:
            return await describe_service(request, server)
        offer = choose(request.headers.get("accept"), asked.format_name, results_offers(asked))
        return await run_query(server, asked, offer)
    except ProtocolError as error:
        return text_error(error.status, error.message)
    except NotAcceptable as error:
        return text_error(406, str(error))


def results_offers(asked: QueryRequest) -> tuple[Offer, ...]:
    return GRAPHS if asked.form in ("CONSTRUCT", "DESCRIBE") else RESULTS


async def run_query(server: Server, asked: QueryRequest, offer: Offer) -> Response:
    job = Run(asked.query, None, asked.default_graphs, asked.named_graphs, server.settings.row_limit, offer.serialization)
    outcome = await run_job(server, job)
    assert isinstance(outcome, Written)
    headers = {"Vary": "Accept"}
    if outcome.stopped_after is not None:
        headers[TRUNCATED_HEADER] = f"stopped after {outcome.stopped_after} rows"
    return Response(outcome.body, media_type=offer.media_type, headers=headers)


#: A picture is bounded work (a few dozen facts), but a worker's first one loads networkx and
#: matplotlib, which alone can outlast a short query timeout.
PICTURE_SECONDS = 60.0


async def run_job(server: Server, job: Run | Picture) -> object:
    """The outcome of ``job`` in the pool, its failures as protocol errors."""
    timeout = server.settings.timeout if isinstance(job, Run) else max(server.settings.timeout, PICTURE_SECONDS)
    return await in_pool(server.run, job, timeout)


async def in_pool(function: Callable[..., T], *arguments: object) -> T:
    """``function`` called in a request thread; the failures of the pool's queries as protocol errors."""
    try:
        return await run_in_threadpool(function, *arguments)
    except UserError as error:
        raise ProtocolError(400, str(error)) from None
    except QueryTimeout as error:
        raise ProtocolError(503, f"the query ran longer than its time ({error}) and was stopped") from None
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
    return graph_response(void_description(endpoint_url(request), stats), offer)


@router.get("/healthz", include_in_schema=False)
async def healthz(request: Request) -> JSONResponse:
    """The build served: its fingerprint and triple count."""
    manifest = server_of(request).manifest
    return JSONResponse({"status": "ok", "fingerprint": manifest.get("fingerprint"), "triples": manifest.get("triples")})


def endpoint_url(request: Request) -> str:
    return str(request.url_for("sparql"))
