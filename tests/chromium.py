"""Debian's headless Chromium (``chromium``), driven by playwright, for the tests that use the pages
as a person does; no browser is downloaded. With ``CI=true`` a missing browser fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from required_tool import require

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> Iterator[object]:
    """A launched browser, closed when the generator is (a pytest fixture's body)."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()
