"""Running one measured operation in this process; the harness starts one process per operation:

    python -m benchmarks.worker NAME '{"argument": "value", ...}'

prints one JSON line per result: ``{"name", "seconds", "detail", "status"}`` (``name``
tells apart the queries of one run). Only the operation itself is timed; reading its
input is not. Heavy libraries are imported inside each operation, so that a pyoxigraph
baseline's peak memory does not include rdflib's.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator

from .timing import Result


def operations() -> dict[str, Callable[..., Iterator[Result]]]:
    """Each operation by name: the project's side and the baselines."""
    from . import baselines, project_side

    return {
        "ingest/project": project_side.ingest_project,
        "ingest/pyoxigraph": baselines.ingest_pyoxigraph,
        "ingest/pyoxigraph-layout": baselines.ingest_pyoxigraph_layout,
        "ingest/rdflib": baselines.ingest_rdflib,
        "build/project": project_side.build_project,
        "build-new-source/project": project_side.build_after_new_source,
        "validate/project": project_side.validate_project,
        "validate/pyshacl": baselines.validate_pyshacl,
        "validate-incremental/project": project_side.validate_incremental,
        "query/side-by-side": project_side.query_side_by_side,
        "query/rdflib": baselines.query_rdflib,
        "export/project": project_side.export_project,
        "export/pyoxigraph": baselines.export_pyoxigraph,
        "export/rdflib": baselines.export_rdflib,
        "networkx/project": project_side.networkx_project,
    }


def main(argv: list[str]) -> int:
    known = operations()
    if len(argv) != 2 or argv[0] not in known:
        print(f"usage: python -m benchmarks.worker NAME JSON; NAME is one of {', '.join(known)}", file=sys.stderr)
        return 2
    for item in known[argv[0]](**json.loads(argv[1])):
        print(json.dumps(item), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
