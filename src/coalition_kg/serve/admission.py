"""Who may wait for a worker, and how many at once: the server's two lanes.

Ad-hoc SPARQL (``/sparql``, ``/query``) goes to a lane of its own, whose workers run at a lower
priority (:mod:`.server`): its queries can be as long as ``--timeout`` allows, and they must not
keep a page or a canned question waiting. In that lane a client (an IP address) runs at most
all but one of the lane's workers at once; its other queries wait their turn, so another
client always finds a worker. Every other request that may run a query (pages, questions, the
API, pictures) waits in the other lane, at most twice as many at once as it has workers.

The waiting is done here, on the event loop, before a request takes a thread: requests queued
behind busy workers hold no thread that another request needs. A request that waits longer than
``wait_seconds`` (a minute) for its turn is answered 503.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.types import ASGIApp, Receive, Scope, Send

from coalition_kg.serve.server import Settings

AD_HOC_PATHS = ("/sparql", "/query")
#: Paths that run no query: never kept waiting.
FREE_PATHS = ("/healthz", "/static/", "/context.jsonld", "/openapi.json", "/queries")


class NotAdmitted(Exception):
    """A request's turn did not come in time."""


class Lane:
    """``size`` requests at once; one client at most ``per_client`` of them (None: no such bound)."""

    def __init__(self, size: int, per_client: int | None = None) -> None:
        self.slots = asyncio.Semaphore(size)
        self.per_client = per_client
        self._clients: dict[str, tuple[asyncio.Semaphore, int]] = {}  # each client's slots, and its requests in or waiting

    @asynccontextmanager
    async def admitted(self, client: str, seconds: float) -> AsyncIterator[None]:
        """Admitted, ``client``'s turn come; :class:`NotAdmitted` after waiting ``seconds``."""
        own = self._enter(client)
        try:
            async with _acquired(own, seconds), _acquired(self.slots, seconds):
                yield
        finally:
            self._leave(client)

    def _enter(self, client: str) -> asyncio.Semaphore | None:
        if self.per_client is None:
            return None
        own, requests = self._clients.get(client) or (asyncio.Semaphore(self.per_client), 0)
        self._clients[client] = (own, requests + 1)
        return own

    def _leave(self, client: str) -> None:
        if self.per_client is None:
            return
        own, requests = self._clients[client]
        if requests == 1:
            del self._clients[client]  # the table holds only the clients with requests
        else:
            self._clients[client] = (own, requests - 1)


@asynccontextmanager
async def _acquired(slots: asyncio.Semaphore | None, seconds: float) -> AsyncIterator[None]:
    if slots is None:
        yield
        return
    try:
        await asyncio.wait_for(slots.acquire(), seconds)
    except TimeoutError:
        raise NotAdmitted from None
    try:
        yield
    finally:
        slots.release()


class Admission:
    """ASGI middleware that admits each request into its lane before the app sees it."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.seconds = settings.wait_seconds
        self.ad_hoc = Lane(settings.workers, settings.per_client)
        self.questions = Lane(2 * settings.workers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        lane = self.lane_of(scope)
        if lane is None:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown",))[0]
        try:
            async with lane.admitted(client, self.seconds):
                await self.app(scope, receive, send)
        except NotAdmitted:
            await busy(send, self.seconds)

    def lane_of(self, scope: Scope) -> Lane | None:
        if scope["type"] != "http":
            return None
        path = scope["path"]
        if path in AD_HOC_PATHS:
            return self.ad_hoc
        if path != "/" and path.startswith(FREE_PATHS):
            return None
        return self.questions


async def busy(send: Send, seconds: float) -> None:
    body = f"every query worker stayed busy for {seconds:g} s; try again later\n".encode()
    await send({"type": "http.response.start", "status": 503, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), (b"retry-after", b"5"),
    ]})
    await send({"type": "http.response.body", "body": body})
