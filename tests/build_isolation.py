"""A pytest plugin, loaded before the conftest files and anything of the package
(``-p build_isolation`` in ``pyproject.toml``): ``COALITION_KG_BUILD_DIR`` points the default
build folder, for the test process and every command it starts, to a temporary folder
removed at the end of the session, so that ``make test`` never rewrites the project's own
``build/``. Set on import: the package reads it when it is first imported."""

from __future__ import annotations

import os
import shutil
import tempfile

BUILD_DIR_VARIABLE = "COALITION_KG_BUILD_DIR"
FOLDER = tempfile.mkdtemp(prefix="coalition-kg-build-")
os.environ[BUILD_DIR_VARIABLE] = FOLDER


def pytest_unconfigure() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
