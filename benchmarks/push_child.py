"""One push, in a process of its own so that its time and peak memory are its own:

    python -m benchmarks.push_child '{"build": DIR, "endpoint": URL, "protocol": "update" or "graph-store",
                                      "store": NAME, "user": NAME, "password": SECRET}'

It pushes the store built in DIR (the benchmark's ingest build, which has no manifest for
``coalition-kg push`` to check) through the same function as ``coalition-kg push``, and
prints the summary's last line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from coalition_kg.remote.endpoint import Access
from coalition_kg.remote.push import push_to
from coalition_kg.store.disk import open_store

if __name__ == "__main__":
    arguments = json.loads(sys.argv[1])
    access = Access(store=arguments["store"], user=arguments["user"] or None, password=arguments["password"] or None,
                    timeout=600)
    summary = push_to(
        open_store(Path(arguments["build"])), arguments["endpoint"], None, access, 600, protocol=arguments["protocol"]
    )
    print(f"{summary.requests} requests, {sum(summary.graphs.values()) + summary.default_graph_triples} triples, "
          f"{len(summary.graphs)} graphs; {summary.to_text().splitlines()[-1]}")
