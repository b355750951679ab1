"""What every real server the tests (and benchmarks) start has in common: a free port on
127.0.0.1, its output in a log file, a probe until it answers, and a stop that waits for it.
Used by oxigraph_server, virtuoso_server, rdflib_endpoint_server and coalition_server."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def launch(command: Sequence[str], log: Path, **options) -> subprocess.Popen:
    """Start ``command`` with its output in ``log`` (a file, not a pipe, which a chatty server could fill)."""
    with open(log, "wb") as output:
        return subprocess.Popen([str(part) for part in command], stdout=output, stderr=subprocess.STDOUT, **options)


def wait_until_ready(
    process: subprocess.Popen,
    name: str,
    probe: str,
    log: Path,
    seconds: float,
    answers: Callable[[bytes], bool] = lambda body: True,
) -> None:
    """Return once a GET of ``probe`` gives a body that ``answers``; stop the server and raise,
    with the end of its log, if it exits or does not answer within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if answers(response.read()):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"{name} did not answer on {probe} within {seconds:g} s")


def stop(process: subprocess.Popen, seconds: float = 30) -> None:
    """Stop a server: terminate, then kill if it has not ended within ``seconds``."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
