"""``coalition-kg review`` for the tests: the real command on a copy of data/ in a temporary folder,
on 127.0.0.1 and a port the command picks (it prints its URL), stopped at the end."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

from server_process import launch, stop

from coalition_kg.core.paths import BUILD_DIR_VARIABLE, DATA_DIR, DATA_DIR_VARIABLE

COMMAND = Path(sys.executable).parent / "coalition-kg"
ARTICLES = Path(__file__).parent / "review" / "articles"
STARTUP_SECONDS = 120.0


@dataclass
class Project:
    """A curator's working copy: data/ copied, built once."""

    folder: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def build(self) -> Path:
        return self.folder / "build"

    def environment(self) -> dict[str, str]:
        import os

        return {**os.environ, DATA_DIR_VARIABLE: str(self.data), BUILD_DIR_VARIABLE: str(self.build)}

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(COMMAND), *arguments], cwd=self.folder, env=self.environment(),
                              capture_output=True, text=True, timeout=300)

    def add_draft(self, name: str) -> Path:
        """The README's steps 1 and 2: the article in data/sources/, its draft in data/facts/ (the
        draft ``propose -o`` wrote when the fixture was made, so that the cards do not move with propose)."""
        article = self.data / "sources" / f"{name}.txt"
        shutil.copy(ARTICLES / f"{name}.txt", article)
        shutil.copy(ARTICLES / f"{name}.draft.yaml", self.data / "facts" / f"{name}.yaml")
        return article


def new_project(folder: Path) -> Project:
    shutil.copytree(DATA_DIR, folder / "data")
    project = Project(folder)
    built = project.run("build", "--no-pictures")
    assert built.returncode == 0, built.stderr
    return project


@contextmanager
def reviewing(project: Project, article: Path, *options: str) -> Iterator[str]:
    """The base URL of ``coalition-kg review ARTICLE`` while the context lasts."""
    log = project.folder / f"review-{article.stem}.log"
    process = launch([COMMAND, "review", article, "--port", "0", *options], log, cwd=project.folder,
                     env=project.environment())
    try:
        yield wait_for_url(process, log)
    finally:
        stop(process)


def wait_for_url(process: subprocess.Popen, log: Path) -> str:
    """The URL the command prints, once the page answers there."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"review exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        printed = re.search(r"open (http://127\.0\.0\.1:\d+/)", log.read_text(errors="replace"))
        if printed:
            try:
                with urllib.request.urlopen(printed[1], timeout=5):
                    return printed[1].rstrip("/")
            except urllib.error.HTTPError:  # it answers: a review with a token refuses a probe without it
                return printed[1].rstrip("/")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"review did not print its URL within {STARTUP_SECONDS:g} s: {log.read_text(errors='replace')}")


class Client:
    """A browser's requests without the browser: its cookies, and the page's CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect)

    def request(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict, str]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as answer:
                return answer.status, dict(answer.headers), answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf(self) -> str:
        _, _, page = self.request("/")
        return re.search(r'name="csrf" value="([0-9a-f]+)"', page)[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
