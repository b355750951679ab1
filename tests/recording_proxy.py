"""A small HTTP proxy in front of a real store, for the tests: it records every request
(method, path, headers, body), can demand HTTP basic authentication, and can fail or
swallow chosen requests, so that tests see what the client really sends and how it
copes when a store refuses part of a push. ``http.server`` on 127.0.0.1, a free port."""

from __future__ import annotations

import base64
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: Message  # its names read in any case, as HTTP's are
    body: bytes


@dataclass
class Proxy:
    """What the proxy does: forward to ``backend``; ``basic`` is (user, password) to demand (the
    requests it challenged are ``challenged``, the others ``requests``); ``intercept(number,
    request)`` may answer a request itself with (status, body)."""

    backend: str
    basic: tuple[str, str] | None = None
    intercept: Callable[[int, Recorded], tuple[int, bytes] | None] | None = None
    requests: list[Recorded] = field(default_factory=list)
    challenged: list[Recorded] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


class Replying(BaseHTTPRequestHandler):
    """A test server's handler: one way to answer, and no log."""

    def reply(self, status: int, body: bytes, media_type: str = "text/plain", reason: str | None = None, **headers: str) -> None:
        """Answer ``status`` (with ``reason`` as its phrase if given) and ``body``; ``Retry_After="1"`` sends ``Retry-After``."""
        self.send_response(status, reason)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


class _Handler(BaseHTTPRequestHandler):
    proxy: Proxy

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        recorded = Recorded(self.command, self.path, self.headers, body)
        if self.proxy.basic and not self._authorized():
            self.proxy.challenged.append(recorded)
            self._reply(401, b"Unauthorized", {"WWW-Authenticate": 'Basic realm="store"'})
            return
        self.proxy.requests.append(recorded)
        answer = self.proxy.intercept(len(self.proxy.requests), recorded) if self.proxy.intercept else None
        if answer is not None:
            self._reply(*answer)
            return
        self._forward(recorded)

    do_GET = do_POST = do_PUT = do_DELETE = _handle  # noqa: N815 - the names http.server calls

    def _authorized(self) -> bool:
        user, password = self.proxy.basic or ("", "")
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        return self.headers.get("Authorization") == expected

    def _forward(self, recorded: Recorded) -> None:
        headers = {k: v for k, v in recorded.headers.items() if k.lower() in ("content-type", "accept")}
        request = urllib.request.Request(
            self.proxy.backend + recorded.path, data=recorded.body or None, method=recorded.method, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                self._reply(response.status, response.read(), {"Content-Type": response.headers.get("Content-Type", "")})
        except urllib.error.HTTPError as error:
            self._reply(error.code, error.read(), {"Content-Type": error.headers.get("Content-Type", "text/plain")})

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            if value:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@contextmanager
def proxy_to(proxy: Proxy) -> Iterator[Proxy]:
    """Run ``proxy`` until the end of the block."""
    handler = type("Handler", (_Handler,), {"proxy": proxy})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    proxy.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def backend_of(url: str) -> str:
    """The scheme and authority of ``url``: what a proxy forwards to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
