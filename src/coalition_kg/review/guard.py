"""What keeps the review's write path to its curator: it writes to ``data/``, so a page of another
site must not be able to drive it.

- Where it listens: loopback unless told otherwise; another address only with an explicit option
  and a token (:func:`check_listening`).
- Which requests reach it (:class:`Guard`, around the whole application): on loopback, only those
  whose ``Host`` names the loopback address it listens on (a DNS-rebinding page, whose name
  resolves to 127.0.0.1, is refused); with a token, only those that carry it (the URL's
  ``?token=``, once, then an HttpOnly, SameSite=Strict cookie).
- Which changes it takes: a POST must come from its own pages — ``Sec-Fetch-Site``, when the
  browser sends it, same-origin; ``Origin``, when sent, its own; and the form's CSRF token the one
  made for the session cookie (an HMAC of it with the server's secret: :func:`csrf_token`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "ckg_review_session"
TOKEN_COOKIE = "ckg_review_token"
MIN_TOKEN_LENGTH = 16
_COOKIE = "; Path=/; HttpOnly; SameSite=Strict"


class GuardError(ValueError):
    """How the review may not listen, in one line."""


class Refused(Exception):
    """A request the guard refuses: its status and why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_listening(host: str, allow_remote: bool, token: str | None) -> None:
    """Refuse a non-loopback address without ``allow_remote`` and a token long enough to guess at."""
    if is_loopback(host):
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            raise GuardError(f"--token must be at least {MIN_TOKEN_LENGTH} characters")
        return
    if not allow_remote:
        raise GuardError(f"{host} is not a loopback address: the review writes to data/, so it listens on 127.0.0.1 "
                         "unless --allow-remote is given, with a --token")
    if not token or len(token) < MIN_TOKEN_LENGTH:
        raise GuardError(f"listening on {host} needs a --token of at least {MIN_TOKEN_LENGTH} characters "
                         "(or COALITION_KG_REVIEW_TOKEN), which every request must carry")


def csrf_token(secret: bytes, session: str) -> str:
    return hmac.new(secret, session.encode(), hashlib.sha256).hexdigest()


def check_post(headers: dict[str, str], own_origins: set[str], secret: bytes, session: str, form_token: str) -> None:
    """Refuse a change that does not come from the review's own page of this session."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise Refused(403, f"a cross-site request ({site}) may not change the review")
    origin = headers.get("origin")
    if origin is not None and origin not in own_origins:
        raise Refused(403, f"a request from {origin} may not change the review")
    if not session or not hmac.compare_digest(form_token, csrf_token(secret, session)):
        raise Refused(403, "the form's CSRF token does not match this session: reload the page and try again")


class Guard:
    """The ASGI middleware that admits requests (Host, token) and gives each browser its session."""

    def __init__(self, app: ASGIApp, *, hosts: set[str] | None, token: str | None) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        cookies = {name: morsel.value for name, morsel in SimpleCookie(headers.get("cookie", "")).items()}
        set_cookies = []
        try:
            self._check_host(headers.get("host", ""))
            if self.token is not None:
                given = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))).get("token")
                if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
                    await _redirect_without_token(scope, send, given)
                    return
                if not hmac.compare_digest(cookies.get(TOKEN_COOKIE, "").encode(), self.token.encode()):
                    raise Refused(403, "this review needs its token: open the address the command printed")
        except Refused as refused:
            await _plain(send, refused.status, refused.message)
            return
        session = cookies.get(SESSION_COOKIE, "")
        if len(session) != 43:
            session = secrets.token_urlsafe(32)
            set_cookies.append(f"{SESSION_COOKIE}={session}{_COOKIE}")
        scope.setdefault("state", {})["session"] = session

        async def with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start" and set_cookies:
                extra = [(b"set-cookie", cookie.encode()) for cookie in set_cookies]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_cookies)

    def _check_host(self, host: str) -> None:
        if self.hosts is not None and host.lower() not in self.hosts:
            raise Refused(421, f"this review answers only as {', '.join(sorted(self.hosts))}, not {host!r}")


def loopback_hosts(host: str, port: int) -> set[str]:
    """The ``Host`` headers a browser sends to a review on loopback ``host``:``port``."""
    names = {host, "localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else {host}
    return {f"{name if ':' not in name or name.startswith('[') else f'[{name}]'}:{port}".lower() for name in names}


async def _redirect_without_token(scope: Scope, send: Send, token: str) -> None:
    """The token moves from the URL into a cookie, so that it is not left in the address bar or history."""
    rest = [(name, value) for name, value in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
            if name != "token"]
    location = scope["path"] + (f"?{urlencode(rest)}" if rest else "")
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode("latin-1")), (b"content-length", b"0"),
        (b"set-cookie", f"{TOKEN_COOKIE}={token}{_COOKIE}".encode("latin-1"))]})
    await send({"type": "http.response.body", "body": b""})


async def _plain(send: Send, status: int, message: str) -> None:
    body = (message + "\n").encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
