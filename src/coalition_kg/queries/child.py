"""The child process of :func:`coalition_kg.queries.engine.run_in_child`: one ad-hoc query, proven
safe (:mod:`.sparql_guard`), then run on the local store; or, for a remote endpoint, only proven safe.

Run as ``python -m coalition_kg.queries.child``: it reads the :class:`~coalition_kg.queries.engine.ChildRequest`,
pickled, on standard input and writes the answer (or the query's form, when there is no store to
ask), or the user error it met, pickled, on standard output. Unless SERVICE calls are allowed,
it gives up its network first (:mod:`.sandbox`).
"""

from __future__ import annotations

import pickle
import sys

from coalition_kg.queries.engine import READY, ChildRequest, LocalEndpoint, QueryFailed
from coalition_kg.queries.sandbox import SandboxUnavailable, forbid_network
from coalition_kg.queries.sparql_guard import check_ad_hoc, syntax_error
from coalition_kg.queries.sparql_text import UnsafeQuery
from coalition_kg.store.disk import StoreMissing, open_store


def answer(request: ChildRequest) -> object:
    """What the child sends back for ``request``."""
    network_closed = False
    if not request.allow_service:
        try:
            forbid_network()
            network_closed = True
        except SandboxUnavailable:
            pass  # the check below alone stands, as it does on systems without seccomp
    try:
        form = check_ad_hoc(request.text, request.allow_service)
    except UnsafeQuery as refused:
        message = syntax_error(refused, request.text, request.prefixes) if network_closed else None
        if message:
            raise QueryFailed(f"invalid SPARQL: {message}") from None
        raise
    if request.build_dir is None:
        return form
    return LocalEndpoint(open_store(request.build_dir), request.limit).execute(request.text, prefixes=request.prefixes)


def main() -> None:
    """The child: say it is ready, then answer the request on standard input."""
    import rdflib.plugins.sparql.parser  # noqa: F401 (loaded before the time limit starts)

    sys.stdout.buffer.write(READY)
    sys.stdout.buffer.flush()
    request = pickle.load(sys.stdin.buffer)
    try:
        outcome: object = answer(request)
    except (QueryFailed, StoreMissing, UnsafeQuery) as error:
        outcome = error
    pickle.dump(outcome, sys.stdout.buffer)


if __name__ == "__main__":
    main()
