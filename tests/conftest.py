"""Shared fixtures: the project graph, built once per test session into a temporary folder.

The suite never writes the project's own ``build/`` (see :mod:`build_isolation`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import OxigraphServer, start
from server_process import stop
from service_target import service_target

from coalition_kg import pipeline


@pytest.fixture(scope="session")
def project():
    """The project's curated data mapped to RDF (dataset and origins)."""
    return pipeline.load_project()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder holding the validated project graph: exports, ontology, shapes and store."""
    build_dir = tmp_path_factory.mktemp("build")
    pipeline.build(pipeline.DATA_DIR, build_dir)
    return build_dir


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A real SPARQL 1.1 server (``oxigraph serve``, defaults) for the session, empty at start."""
    process, server = start(tmp_path_factory.mktemp("oxigraph") / "data")
    yield server
    stop(process)


@pytest.fixture(scope="session")
def loaded_oxigraph(oxigraph: OxigraphServer, built: Path) -> OxigraphServer:
    """The session's server holding the built graph, pushed as ``coalition-kg push`` does."""
    from coalition_kg import push

    push(oxigraph.update, build_dir=built)
    return oxigraph


@pytest.fixture(scope="session")
def served(built: Path) -> Iterator[str]:
    """``coalition-kg serve`` on the session's build (a 3-second query timeout): its base URL."""
    from coalition_server import serving

    with serving(built, "--timeout", "3", "--workers", "2") as base:
        yield base


@pytest.fixture(scope="session")
def apache(built: Path) -> Iterator[tuple[str, Path]]:
    """Apache serving ``coalition-kg site`` of the session's build: its base URL and the site's folder."""
    from apache_server import apache_serving, world_readable_folder
    from click.testing import CliRunner

    from coalition_kg.cli import main

    with world_readable_folder() as root:
        site = root / "site"
        result = CliRunner().invoke(main, ["site", "-o", str(site), "--build-dir", str(built)])
        assert result.exit_code == 0, result.output
        with apache_serving(site, root) as base:
            yield base, site


@pytest.fixture(scope="module")
def unreachable() -> Iterator[tuple[str, list]]:
    """A SPARQL endpoint on loopback that no query may reach: its base URL, and what reached it."""
    with service_target() as (base, hits):
        yield base, hits
