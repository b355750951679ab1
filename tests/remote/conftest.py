"""Real stores for the remote tests, each started by the project's own files on free ports:
Virtuoso (Debian's package, a temporary database) and rdflib-endpoint (PyPI); Oxigraph's
server comes from the root conftest. Each store is started once per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import rdflib_endpoint_server
import virtuoso_server
from rdflib_endpoint_server import RdflibEndpoint
from server_process import stop
from virtuoso_server import VirtuosoServer


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """A real Virtuoso, empty at start; its DBA may update."""
    virtuoso_server.require()
    process, server = virtuoso_server.start(tmp_path_factory.mktemp("virtuoso"))
    yield server
    virtuoso_server.stop(process)


@pytest.fixture(scope="session")
def rdflib_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RdflibEndpoint]:
    """A real rdflib-endpoint, empty at start, taking updates with its bearer token."""
    process, server = rdflib_endpoint_server.start(tmp_path_factory.mktemp("rdflib-endpoint"))
    yield server
    stop(process)
