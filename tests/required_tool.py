"""A tool a test needs and the project installs (`.ci/run` apt-gets it): missing on a developer's
machine, the test is skipped with how to install it; missing in CI (``CI=true``), the test fails."""

from __future__ import annotations

import os

import pytest


def require(present: bool, missing: str) -> None:
    """Go on if ``present``; else skip, or fail under CI, saying what is ``missing`` and how to get it."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing} (CI installs it in .ci/run)")
    pytest.skip(missing)
