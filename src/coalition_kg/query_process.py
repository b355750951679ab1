"""An ad-hoc query on the local store, run in a child process under a time limit and a row limit.

Oxigraph has no time limit of its own, and a query runs inside it without coming back to
Python, so a thread could only stop waiting for it. The query runs in a child process
instead, killed when the time is up: the work truly stops, and the store, which the child
opens read-only, is left as it was. The child computes at most one row (or triple) more
than the limit, to tell whether the answer is complete, and sends back the rows within it.

The child is ``python -m coalition_kg.query_process``: it reads the request, pickled, on
standard input and writes the answer, or the user error it met, pickled, on standard output.
"""

from __future__ import annotations

import pickle
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from .querying import LocalEndpoint, QueryFailed, user_errors
from .results import Answer, GraphAnswer
from .store import open_store


def run_in_child(
    build_dir: Path, text: str, prefixes: Mapping[str, str], *, timeout: float, limit: int
) -> Answer | GraphAnswer:
    """The answer of the store in ``build_dir`` to the query ``text``: its first ``limit`` rows
    (or triples), or a :class:`QueryFailed` if it takes longer than ``timeout`` seconds."""
    request = pickle.dumps((build_dir, text, dict(prefixes), limit))
    child = subprocess.Popen(
        [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        output, errors = child.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise QueryFailed(
            f"the query ran longer than {timeout:g} s and was stopped; allow it more time with --timeout SECONDS"
        ) from None
    if child.returncode != 0 or not output:
        raise QueryFailed(_no_answer(child.returncode, errors))
    outcome = pickle.loads(output)  # written by our own child process, from the request above
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _no_answer(exit_status: int, errors: bytes) -> str:
    if exit_status < 0:
        return f"the query engine crashed on this query ({signal.Signals(-exit_status).name})"
    last = errors.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no message"]
    return f"the query process ended without an answer (exit status {exit_status}): {last[0]}"


def main() -> None:
    """The child: answer the request on standard input."""
    build_dir, text, prefixes, limit = pickle.load(sys.stdin.buffer)
    try:
        outcome: object = LocalEndpoint(open_store(build_dir), limit).execute(text, prefixes=prefixes)
    except user_errors() as error:
        outcome = error
    pickle.dump(outcome, sys.stdout.buffer)


if __name__ == "__main__":
    main()
