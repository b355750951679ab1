"""``coalition-kg serve`` for the tests: the real command, on 127.0.0.1 and a free port, started
on a build folder and stopped at the end."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from oxigraph_server import free_port

COMMAND = Path(sys.executable).parent / "coalition-kg"
STARTUP_SECONDS = 60.0
#: The process id of the server at each base URL, while it runs.
PROCESSES: dict[str, int] = {}


@contextmanager
def serving(build_dir: Path, *options: str) -> Iterator[str]:
    """The base URL of a server on ``build_dir`` while the context lasts."""
    port = free_port()
    log = build_dir.parent / f"serve-{port}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(COMMAND), "serve", "--port", str(port), "--build-dir", str(build_dir), *options],
            stdout=output, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(process, base, log)
        PROCESSES[base] = process.pid
        yield base
    finally:
        PROCESSES.pop(base, None)
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait(process: subprocess.Popen, base: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"coalition-kg serve exited with {process.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                if json.load(response)["status"] == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"coalition-kg serve did not answer on {base} within {STARTUP_SECONDS:g} s")


def get(url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None,
        timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a request; an HTTP error status is returned, not raised."""
    headers = {key: value for key, value in (("Accept", accept), ("Content-Type", content_type)) if value}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
