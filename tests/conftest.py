"""Shared fixtures: the project graph, built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

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
