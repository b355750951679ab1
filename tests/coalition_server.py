"""``coalition-kg serve`` for the tests: the real command, on 127.0.0.1 and a free port, started
on a build folder and stopped at the end."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from server_process import free_port, launch, stop, wait_until_ready

COMMAND = Path(sys.executable).parent / "coalition-kg"
STARTUP_SECONDS = 60.0
#: The process id of the server at each base URL, while it runs.
PROCESSES: dict[str, int] = {}


@contextmanager
def serving(build_dir: Path, *options: str) -> Iterator[str]:
    """The base URL of a server on ``build_dir`` while the context lasts."""
    port = free_port()
    log = build_dir.parent / f"serve-{port}.log"
    process = launch([COMMAND, "serve", "--port", str(port), "--build-dir", build_dir, *options], log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(process, "coalition-kg serve", f"{base}/healthz", log, STARTUP_SECONDS,
                         answers=lambda body: json.loads(body)["status"] == "ok")
        PROCESSES[base] = process.pid
        yield base
    finally:
        PROCESSES.pop(base, None)
        stop(process)


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


def workers_of(base: str) -> set[int]:
    """The process ids of the query workers of the server at ``base``."""
    # -ww: with no terminal, ps cuts each line at 80 columns, and in a checkout at a longer path the
    # module's name was cut off the workers' command lines
    listing = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(PROCESSES[base])],
                             capture_output=True, text=True).stdout
    return {int(line.split()[0]) for line in listing.splitlines() if "coalition_kg.serve.worker_process" in line}
