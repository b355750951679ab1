"""The ASGI application: FastAPI on uvicorn, as rdflib-endpoint serves SPARQL, with the routers of
the endpoint, the pages and the catalog, and the worker pools started and stopped with it.

Around the routers, from the outside in: every response's security headers and HEAD
(:mod:`.response_policy`), then each request's lane (:mod:`.admission`). uvicorn runs the
bounded h11 protocol of :mod:`.connections`.

FastAPI's own documentation pages load their scripts from a CDN, so they are off; the OpenAPI
document is at ``/openapi.json``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from coalition_kg import __version__
from coalition_kg.serve import catalog_router, pages_router, sparql_router
from coalition_kg.serve.admission import Admission
from coalition_kg.serve.protocol import ProtocolError
from coalition_kg.serve.rdf_responses import text_error
from coalition_kg.serve.response_policy import HeadAsGet, SecurityHeaders
from coalition_kg.serve.server import Server, Settings
from coalition_kg.serve.templating import SITE, Site

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings) -> FastAPI:
    """The application serving the build of ``settings``."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        server = Server.start(settings)
        app.state.server = server
        try:
            yield
        finally:
            server.close()

    app = FastAPI(
        title="coalition-kg",
        version=__version__,
        description="The coalition questions as JSON, with their parameters; the graph itself is at /sparql.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    if settings.cors:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.cors), allow_methods=["GET", "POST"], allow_headers=["*"],
            expose_headers=[sparql_router.TRUNCATED_HEADER],
        )
    app.add_middleware(SiteOfPages, site=Site(settings.static_site, settings.endpoint))
    app.add_middleware(Admission, settings=settings)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so that every response gets them
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(sparql_router.router)
    app.include_router(catalog_router.build_router(settings.queries_dir))
    app.include_router(pages_router.router)
    app.add_exception_handler(404, pages_router.not_found)
    app.add_exception_handler(ProtocolError, protocol_error)
    return app


class SiteOfPages:
    """ASGI middleware telling the templates, for each request, which site they render for."""

    def __init__(self, app: ASGIApp, site: Site) -> None:
        self.app = app
        self.site = site

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = SITE.set(self.site)
        try:
            await self.app(scope, receive, send)
        finally:
            SITE.reset(token)


async def protocol_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, ProtocolError)
    return text_error(error.status, error.message)


def uvicorn_config(settings: Settings, host: str = "127.0.0.1", port: int = 8000, access_log: bool = False):
    """How uvicorn runs the application: the bounded h11 protocol, its limits from ``settings``."""
    import uvicorn

    from coalition_kg.serve.connections import bounded_protocol

    return uvicorn.Config(
        create_app(settings), host=host, port=port, log_level="info" if access_log else "warning", access_log=access_log,
        http=bounded_protocol(settings.header_seconds), h11_max_incomplete_event_size=settings.header_bytes,
        timeout_keep_alive=settings.idle_seconds, lifespan="on",
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, access_log: bool = False) -> None:
    """Run the server until interrupted; it says where it listens once it does, and with
    ``access_log`` writes a line for every request."""
    import uvicorn

    class Announced(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            if self.started:
                print(announcement(self.servers[0].sockets[0].getsockname()), flush=True)

    Announced(uvicorn_config(settings, host, port, access_log)).run()


def announcement(address: tuple) -> str:
    """What the server says once it listens at ``address`` (a socket's name: host, port...)."""
    host, port = address[0], address[1]
    base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    return f"Serving coalition-kg on {base}/ (SPARQL endpoint: {base}/sparql)"
