"""The client matrix: clients the project did not write, each against ``coalition-kg serve`` on
a free loopback port (the session's ``served``), their answers compared with the local ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from client_answers import Local


@pytest.fixture(scope="session")
def local(built: Path) -> Local:
    """The session's build, queried in-process."""
    return Local(built)
