"""A real SPARQL 1.1 server for the tests: ``oxigraph serve`` from the virtualenv, on
127.0.0.1, a free port and a temporary folder, started with its defaults (its default
graph is not the union of the named graphs)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from server_process import free_port, launch, wait_until_ready

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
STARTUP_SECONDS = 20.0


@dataclass(frozen=True)
class OxigraphServer:
    """The URLs of a running server."""

    base: str

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def store(self) -> str:
        return f"{self.base}/store"


def start(location: Path) -> tuple[subprocess.Popen, OxigraphServer]:
    """Start a server storing its data in ``location``; returns once it answers queries."""
    port = free_port()
    log = location.with_name(location.name + ".log")
    process = launch([OXIGRAPH, "serve", "--location", location, "--bind", f"127.0.0.1:{port}"], log)
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    wait_until_ready(process, "oxigraph serve", f"{server.query}?query=ASK%7B%7D", log, STARTUP_SECONDS)
    return process, server
