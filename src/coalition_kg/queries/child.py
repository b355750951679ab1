"""The child process of :func:`coalition_kg.queries.engine.run_in_child`: one ad-hoc query on the local store.

Run as ``python -m coalition_kg.queries.child``: it reads the request, pickled, on standard
input and writes the answer, or the user error it met, pickled, on standard output.
"""

from __future__ import annotations

import pickle
import sys

from coalition_kg.queries.engine import LocalEndpoint, QueryFailed
from coalition_kg.store.disk import StoreMissing, open_store


def main() -> None:
    """The child: answer the request on standard input."""
    build_dir, text, prefixes, limit = pickle.load(sys.stdin.buffer)
    try:
        outcome: object = LocalEndpoint(open_store(build_dir), limit).execute(text, prefixes=prefixes)
    except (QueryFailed, StoreMissing) as error:
        outcome = error
    pickle.dump(outcome, sys.stdout.buffer)


if __name__ == "__main__":
    main()
