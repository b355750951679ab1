"""A real rdflib-endpoint for the tests (from PyPI, in the dev extra): ``rdflib-endpoint serve``
from the virtualenv on 127.0.0.1 and a free port, empty, with SPARQL Update enabled and
guarded by a bearer token (its ``RDFLIB_APIKEY``). Its default graph is the union of its
graphs, as its service description says."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from server_process import free_port, launch, wait_until_ready

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
    process = launch([RDFLIB_ENDPOINT, "serve", "--enable-update", "--host", "127.0.0.1", "--port", str(port)],
                     log, env={**os.environ, "RDFLIB_APIKEY": TOKEN}, cwd=folder)
    server = RdflibEndpoint(f"http://127.0.0.1:{port}")
    wait_until_ready(process, "rdflib-endpoint", f"{server.sparql}?query=ASK%7B%7D", log, STARTUP_SECONDS)
    return process, server
