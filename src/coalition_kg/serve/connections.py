"""HTTP/1.1 connections, bounded: uvicorn's h11 protocol, with limits on what one client can hold.

h11 rather than httptools: on a request with ``Upgrade: h2c`` (Java's HTTP client sends it on
POSTs over some 2 KB, so Jena's ``rsparql`` does) httptools stops reading and the body is
lost; h11 reads the request as HTTP/1.1, as RFC 9110 allows a server that does not upgrade.
h11 also bounds a request's line and headers (``header_bytes``; a request over it gets 400).

uvicorn has no deadline for a request's headers: a client sending a header line a second, or
connecting and sending nothing, held its connection for ever. Here a connection must send a
request's headers within ``header_seconds`` of its first byte (or of connecting), else it is
answered 408 and closed; between requests, a kept-alive connection is closed after uvicorn's
``timeout_keep_alive``. A body's own deadline is the routes' (:mod:`.sparql_router`).
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_LATE = b"the request's headers took too long to arrive\n"
REQUEST_TIMEOUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
    b"content-length: %d\r\n\r\n%s" % (len(_LATE), _LATE)
)


def bounded_protocol(header_seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, its requests' headers due within ``header_seconds``."""

    class BoundedH11Protocol(H11Protocol):
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._watch_headers()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._watch_headers()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_header_timer()
            super().connection_lost(exc)

        def _should_upgrade(self) -> bool:
            return False  # no WebSocket here; any other upgrade is declined by answering in HTTP/1.1

        def _watch_headers(self) -> None:
            """Arm the deadline while a request's headers are awaited; disarm it once they are in."""
            awaited = self.conn.their_state is h11.IDLE and self.cycle_idle()
            if awaited and self._header_timer is None and not self.transport.is_closing():
                self._header_timer = self.loop.call_later(header_seconds, self._headers_too_late)
            elif not awaited:
                self._stop_header_timer()

        def cycle_idle(self) -> bool:
            """Whether no response is being written: the keep-alive timer covers the wait after one."""
            return self.cycle is None or self.cycle.response_complete

        def _headers_too_late(self) -> None:
            self._header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.write(REQUEST_TIMEOUT)
                self.transport.close()

        def _stop_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

    return BoundedH11Protocol
