"""The review's pages and forms: FastAPI on uvicorn, as ``coalition-kg serve`` runs, with its
security headers, HEAD and bounded h11 connections (:mod:`coalition_kg.serve.response_policy`,
:mod:`coalition_kg.serve.connections`), and the review's own guard (:mod:`.guard`).

Every change is a form posted back (the page works without script) and answered with a
redirect to the page at the next open card; the page's script (``static/review.js``, the
project's own, allowed by the Content-Security-Policy as ``script-src 'self'`` and nothing else)
adds keys and a live register search. A form a change cannot take (a wrong id, a value the
model refuses) gets the page again with the form as typed and why (400).
"""

from __future__ import annotations

import asyncio
import json
import secrets
import socket
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from coalition_kg.core.inputfiles import InputError
from coalition_kg.review.article import sentence_at, visible
from coalition_kg.review.choices import fields_of
from coalition_kg.review.guard import Guard, Refused, check_post, csrf_token
from coalition_kg.review.session import ReviewError
from coalition_kg.review.views import Editing, page_view
from coalition_kg.review.workspace import Workspace
from coalition_kg.serve.app import protocol_error
from coalition_kg.serve.protocol import ProtocolError, form_fields
from coalition_kg.serve.response_policy import HeadAsGet, SecurityHeaders
from coalition_kg.serve.sparql_router import read_bounded_body

HERE = Path(__file__).parent
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
MAX_FORM_BYTES = 1 << 20
FORM_SECONDS = 10.0
_TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                         trim_blocks=True, lstrip_blocks=True)
_TEMPLATES.filters["visible"] = visible


@dataclass
class Settings:
    """How the review runs: the address it answers on, its token, and the serve it links to."""

    host: str = "127.0.0.1"
    port: int = 8001
    token: str | None = None
    hosts: set[str] | None = None
    serve_url: str = "http://127.0.0.1:8000"
    build: Callable[[], object] | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))


@dataclass
class Outcome:
    """What the last Save (and build) did, shown once on the page."""

    message: str = ""
    problem: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


def create_app(workspace: Workspace, settings: Settings) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.workspace, app.state.settings, app.state.outcome = workspace, settings, Outcome()
    app.add_middleware(Guard, hosts=settings.hosts, token=settings.token)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders, policy=CONTENT_SECURITY_POLICY)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(ProtocolError, protocol_error)
    app.add_api_route("/", page, methods=["GET"])
    app.add_api_route("/search", search, methods=["GET"])
    app.add_api_route("/facts/{key}/{action}", fact_form, methods=["POST"])
    app.add_api_route("/facts", add_fact, methods=["POST"])
    app.add_api_route("/entities/{key}/{action}", entity_form, methods=["POST"])
    app.add_api_route("/source", source_form, methods=["POST"])
    app.add_api_route("/save", save, methods=["POST"])
    app.add_api_route("/save-and-build", save_and_build, methods=["POST"])
    return app


# --- pages -----------------------------------------------------------------------------------


async def page(request: Request) -> HTMLResponse:
    return await run_in_threadpool(_render, request)


def _render(request: Request, editing: Editing | None = None, status: int = 200, problem: str = "") -> HTMLResponse:
    workspace: Workspace = request.app.state.workspace
    outcome: Outcome = request.app.state.outcome
    with workspace.lock:
        html = _TEMPLATES.get_template("review.html").render(
            view=page_view(workspace), session=workspace.session, workspace=workspace, verdict=workspace.verdict,
            editing=editing, problem=problem, outcome=outcome, fields_of=fields_of,
            csrf=csrf_token(request.app.state.settings.secret, request.state.session))
    request.app.state.outcome = Outcome()
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


async def search(request: Request, q: str = "", kinds: str = "") -> JSONResponse:
    """Register entries for a picker's search, as the page's script shows them."""
    workspace: Workspace = request.app.state.workspace
    wanted = tuple(kind for kind in kinds.split(",") if kind)
    with workspace.lock:
        found = workspace.register.search(q[:200], wanted)
    return JSONResponse([{"ref": m.ref, "label": m.label, "matched": m.matched, "proposed": m.proposed} for m in found],
                        headers={"Cache-Control": "no-store"})


# --- forms -----------------------------------------------------------------------------------


async def _form(request: Request) -> dict[str, str]:
    """The posted form, once the guard's checks pass: its last value for each name."""
    body = await read_bounded_body(request, MAX_FORM_BYTES, FORM_SECONDS)
    fields = {name: values[-1] for name, values in form_fields(body).items()}
    settings: Settings = request.app.state.settings
    own = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
    check_post(dict(request.headers), own, settings.secret, request.state.session, fields.get("csrf", ""))
    return fields


def _guarded(handler):
    """A form's handler, refused (403) unless it comes from the review's own page, and given the page
    again with the form as typed when the change is refused (400)."""

    async def handle(request: Request) -> Response:
        try:
            fields = await _form(request)
        except Refused as refused:
            return Response(refused.message + "\n", status_code=refused.status, media_type="text/plain")
        try:
            return await run_in_threadpool(handler, request, fields)
        except ReviewError as error:
            key = request.path_params.get("key", "")
            editing = Editing(key, _field_values(fields), error=str(error)) if request.path_params.get("action") == "edit" else None
            return _render(request, editing, 400, "" if editing else str(error))

    handle.__name__ = handler.__name__
    return handle


def _changed(request: Request, anchor: str = "") -> RedirectResponse:
    workspace: Workspace = request.app.state.workspace
    workspace.changed()
    return RedirectResponse(f"/#{anchor}" if anchor else "/", status_code=303)


def _field_values(fields: dict[str, str]) -> dict[str, str]:
    return {name.removeprefix("v-"): value for name, value in fields.items() if name.startswith("v-")}


@_guarded
def fact_form(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    key, action = request.path_params["key"], request.path_params["action"]
    with workspace.lock:
        card = workspace.session.fact(key)
        if action == "decide":
            workspace.session.decide(key, fields.get("status", ""))
            return _changed(request, f"card-{fields.get('next') or key}")
        if action != "edit":
            raise ReviewError(f"no such change: {action!r}")
        values = _field_values(fields)
        step = fields.get("step", "save")
        if step.startswith(("find:", "pick:")):
            return _render(request, _picked(workspace, key, values, fields, step))
        workspace.session.edit(key, fields.get("id", card.id), values, fields.get("evidence", card.evidence))
        return _changed(request, f"card-{key}")


def _picked(workspace: Workspace, key: str, values: dict[str, str], fields: dict[str, str], step: str) -> Editing:
    """The edit form again, a search's results under its field, or the value picked in its place."""
    editing = Editing(key, {**values, "id": fields.get("id", ""), "evidence": fields.get("evidence", "")})
    what, _, rest = step.partition(":")
    name, _, picked = rest.partition("=")
    choice = next((c for c in fields_of(workspace.session.fact(key).kind) if c.name == name), None)
    if choice is None:
        raise ReviewError(f"no field {name!r} to search")
    if what == "pick":
        editing.values[name] = picked
    else:
        editing.searched[name] = fields.get(f"q-{name}", "")
        editing.found[name] = workspace.register.search(editing.searched[name], choice.kinds)
    return editing


@_guarded
def add_fact(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    with workspace.lock:
        start = fields.get("sentence", "")
        span = sentence_at(workspace.text, int(start)) if start.isdigit() else None
        if span is None:
            raise ReviewError("choose the sentence that states the fact, in the article")
        card = workspace.session.add(fields.get("kind", ""), span, workspace.text)
        workspace.changed()
        return _render(request, Editing(card.key, dict(card.values)), 200)


@_guarded
def entity_form(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    key, action = request.path_params["key"], request.path_params["action"]
    session = workspace.session
    with workspace.lock:
        if action == "decide":
            session.decide_entity(key, fields.get("status", ""))
        elif action == "edit":
            session.edit_entity(key, fields.get("ref", ""), fields.get("label", ""), fields.get("wikidata", ""))
        elif action == "link" and fields.get("existing"):
            session.link_entity(key, fields["existing"], workspace.register.refs())
        elif action == "link":
            found = workspace.register.search(fields.get("q", ""), (session.entity(key).ref.split("/", 1)[0],))
            editing = Editing(key, {}, {"link": [m for m in found if not m.proposed]}, {"link": fields.get("q", "")})
            return _render(request, editing)
        else:
            raise ReviewError(f"no such change: {action!r}")
        return _changed(request, f"card-{key}")


@_guarded
def source_form(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    with workspace.lock:
        workspace.session.set_source(fields)
        return _changed(request, "source")


@_guarded
def save(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    with workspace.lock:
        request.app.state.outcome = Outcome(_saved_message(workspace))
    return RedirectResponse("/#saved", status_code=303)


@_guarded
def save_and_build(request: Request, fields: dict[str, str]) -> Response:
    workspace: Workspace = request.app.state.workspace
    settings: Settings = request.app.state.settings
    with workspace.lock:
        message = _saved_message(workspace)
        outcome = Outcome(message)
        try:
            summary = settings.build() if settings.build else None
        except Exception as error:  # the build's own errors (invalid or unreadable data) are told as they are
            report = getattr(error, "report", None)
            outcome.problem = "the build refused the data: " + (report.to_text() if report else str(error))
        else:
            outcome.message += f"; built: {summary.to_text().splitlines()[0]}" if summary else ""
            workspace.refresh()
            outcome.links = _served_links(workspace, settings.serve_url)
        request.app.state.outcome = outcome
    return RedirectResponse("/#saved", status_code=303)


def _saved_message(workspace: Workspace) -> str:
    try:
        saved = workspace.save()
    except InputError as error:
        raise ReviewError(str(error)) from None
    except OSError as error:
        raise ReviewError(f"could not write into {workspace.data_dir}: {error.strerror}") from None
    entries = f" and {saved.entries} register entries" if saved.entries else ""
    return f"saved {saved.facts} facts{entries}: " + ", ".join(str(path) for path in saved.files)


# --- serve's pages ----------------------------------------------------------------------------


def _served_links(workspace: Workspace, serve_url: str) -> list[tuple[str, str]]:
    """The new facts' pages, and their states', on ``serve`` if it runs and serves the new build."""
    from coalition_kg.store.manifest import built_fingerprint

    fingerprint = built_fingerprint(workspace.build_dir)
    if not serve_url or not _serves(serve_url.rstrip("/"), fingerprint):
        return []
    base = serve_url.rstrip("/")
    refs = [card.ref for card in workspace.session.accepted()]
    states = sorted({value for card in workspace.session.accepted() for value in card.values.values()
                     if value.startswith("state/")})
    return [(f"{base}/id/{ref}", workspace.register.label(ref) or ref) for ref in [*states, *refs]]


def _serves(base: str, fingerprint: str | None, wait: float = 5.0) -> bool:
    """Whether ``serve`` answers at ``base`` with the build of ``fingerprint`` (it looks for a new
    build once a second)."""
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                if json.loads(answer.read()).get("fingerprint") == fingerprint:
                    return True
        except (OSError, ValueError):
            return False
        if time.monotonic() > deadline:
            return False
        time.sleep(0.25)


# --- running ------------------------------------------------------------------------------------


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the review listens on (bound here, so that port 0 gives the port before it runs)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    return sock


def run(workspace: Workspace, settings: Settings, sock: socket.socket) -> None:
    """Serve the review on ``sock`` until interrupted."""
    import uvicorn

    from coalition_kg.serve.connections import bounded_protocol

    config = uvicorn.Config(create_app(workspace, settings), log_level="warning", access_log=False,
                            http=bounded_protocol(FORM_SECONDS), h11_max_incomplete_event_size=64 * 1024,
                            timeout_keep_alive=5, lifespan="off")
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))
