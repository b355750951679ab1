"""A SPARQL endpoint on loopback that a SERVICE call could reach: it records every request and
answers at once with one row (``?leak`` = "reached"), so that a query that does call it ends
quickly and shows the row. The tests that must prove no query reaches it assert its list stays
empty; the oracle of the differential tests uses the same endpoint to learn which texts Oxigraph
itself turns into a call."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROW = b'{"head":{"vars":["leak"]},"results":{"bindings":[{"leak":{"type":"literal","value":"reached"}}]}}'


class _Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.server.hits.append((self.command, self.path, self.rfile.read(length)))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(ROW)))
        self.end_headers()
        self.wfile.write(ROW)

    do_GET = do_POST = _answer

    def log_message(self, *_: object) -> None:
        pass


@contextmanager
def service_target() -> Iterator[tuple[str, list]]:
    """The base URL of the endpoint (``http://127.0.0.1:PORT``) and the list of what reached it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.hits  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
