"""A real rdflib-endpoint for the tests (from PyPI, in the dev extra): ``rdflib-endpoint serve``
from the virtualenv on 127.0.0.1 and a free port, empty, with SPARQL Update enabled and
guarded by a bearer token (its ``RDFLIB_APIKEY``). Its default graph is the union of its
graphs, as its service description says."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from oxigraph_server import free_port, stop

RDFLIB_ENDPOINT = Path(sys.executable).parent / "rdflib-endpoint"
STARTUP_SECONDS = 60.0
TOKEN = "ckg-test-token"


@dataclass(frozen=True)
class RdflibEndpoint:
    base: str

    @property
    def sparql(self) -> str:
        return f"{self.base}/"


def start(folder: Path) -> tuple[subprocess.Popen, RdflibEndpoint]:
    """Start an empty endpoint; returns once it answers queries."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(RDFLIB_ENDPOINT), "serve", "--enable-update", "--host", "127.0.0.1", "--port", str(port)],
            env={**os.environ, "RDFLIB_APIKEY": TOKEN}, cwd=folder, stdout=output, stderr=subprocess.STDOUT,
        )
    server = RdflibEndpoint(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"rdflib-endpoint exited with {process.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{server.sparql}?query=ASK%7B%7D", timeout=2) as response:
                response.read()
                return process, server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"rdflib-endpoint did not answer on {server.base} within {STARTUP_SECONDS:g} s")
