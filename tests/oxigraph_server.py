"""A real SPARQL 1.1 server for the tests: ``oxigraph serve`` from the virtualenv, on
127.0.0.1, a free port and a temporary folder, started with its defaults (its default
graph is not the union of the named graphs)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(location: Path) -> tuple[subprocess.Popen, OxigraphServer]:
    """Start a server storing its data in ``location``; returns once it answers queries."""
    port = free_port()
    log = location.with_name(location.name + ".log")
    with open(log, "wb") as output:  # a file, not a pipe, which a chatty server could fill
        process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    try:
        _wait_until_ready(process, server, log)
    except BaseException:
        stop(process)
        raise
    return process, server


def stop(process: subprocess.Popen) -> None:
    """Stop the server started as ``process``."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_ready(process: subprocess.Popen, server: OxigraphServer, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    probe = f"{server.query}?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text(errors="replace").strip()
            raise RuntimeError(f"oxigraph serve exited with {process.returncode}: {output}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph serve did not answer on {server.base} within {STARTUP_SECONDS:g} s")
