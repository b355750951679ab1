"""A bounded load test of the server on loopback, next to ``oxigraph serve-read-only`` on the same store.

    flock /work/bench.lock python -m benchmarks.serve_load --scale 100k 1m [--clients 8] [--requests N]

For each scale it builds the generated data (cached in build/bench-data/<scale>/serve-build), then
sends the canned questions (their SPARQL, parameters bound by a VALUES block, the same text to
both servers) over HTTP: ``clients`` threads with keep-alive connections share ``requests``
requests (400, and 104 at 1m), round-robin over the questions, first to Oxigraph's own server, then
to ``coalition-kg serve`` as it runs by default (the questions asked again are answered from its
cache of answers) and with ``--cache 0`` (every request a query), twice in turn; each server's
better round counts. The requests are
bounded in number and in time (``--seconds``), and go to 127.0.0.1 only. Then each kind of
entity page is timed against its underlying queries run by pyoxigraph on the same store, bound by
the same VALUES block as the server binds them (on the server with no cache, so that a page's queries run). The figures are printed and added to
build/bench.json under ``serve``: each scale keeps the runs measured, and the spread of their
ratios, so that the noise of a shared machine shows.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path

from .measure import PROJECT_DIR
from .run import OUTPUT, Settings, prepare

sys.path.insert(0, str(PROJECT_DIR / "tests"))  # the project's own server helpers

from server_process import free_port, launch, stop, wait_until_ready  # noqa: E402

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
COALITION_KG = Path(sys.executable).parent / "coalition-kg"
ACCEPT = "application/sparql-results+json"
TARGETS = {"throughput": 1.0, "p99": 1.5, "page": 2.0}
#: Requests per round: at a million triples a canned question takes seconds, so fewer (8 of each).
REQUESTS = {"10k": 400, "100k": 400, "1m": 104}


@dataclass
class Load:
    server: str
    requests: int
    errors: int
    seconds: float
    throughput: float  # requests per second
    p50_ms: float
    p99_ms: float


def canned_texts(values: dict[str, str]) -> list[str]:
    """Each canned question's SPARQL with its parameters bound by IRI in a VALUES block."""
    from coalition_kg.queries.sparql_text import with_values

    from .baselines import baseline_queries

    return [with_values(query.text, {name: str(term) for name, term in bindings.items()})
            for query, bindings in baseline_queries(values) if not isinstance(bindings, str)]


def load(name: str, port: int, path: str, texts: list[str], clients: int, requests: int, seconds: float) -> Load:
    """``requests`` POSTs of the texts, shared by ``clients`` keep-alive connections, stopped after ``seconds``."""
    latencies: list[float] = []
    errors = [0]
    counter = iter(range(requests))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        while time.monotonic() < deadline:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            body = urllib.parse.urlencode({"query": texts[index % len(texts)]})
            started = time.perf_counter()
            connection.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors[0] += response.status != 200
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = time.perf_counter() - started
    ordered = sorted(latencies)
    return Load(name, len(ordered), errors[0], total, len(ordered) / total, 1000 * statistics.median(ordered),
                1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))])


def running(command: list, probe: str, build_dir: Path) -> subprocess.Popen:
    """A server started as the tests start theirs, its output in a log beside the build; once ``probe`` answers."""
    name = Path(command[0]).name
    log = build_dir.parent / f"{name}-serve.log"
    process = launch(command, log)
    wait_until_ready(process, name, probe, log, 120)
    return process


def page_times(build_dir: Path, port: int, runs: int = 5) -> list[dict]:
    """Each kind of entity page over HTTP (median of ``runs``) and its underlying queries by pyoxigraph."""
    from pyoxigraph import NamedNode

    from coalition_kg.queries.catalog import load_query
    from coalition_kg.queries.engine import LocalEndpoint
    from coalition_kg.queries.labels import label_map
    from coalition_kg.queries.sparql_text import with_values
    from coalition_kg.serve.resources import INCOMING_QUERY, OWN_QUERY, POSTS_QUERY, VALUES_QUERY, fact_kind
    from coalition_kg.store.disk import open_store

    store = open_store(build_dir)
    endpoint = LocalEndpoint(store)
    picks = {}
    for kind in ("mission", "state", "membership", "source"):
        row = next(iter(store.query(f"SELECT ?e WHERE {{ ?e ?p ?o FILTER(STRSTARTS(STR(?e), 'https://w3id.org/coalition-kg/id/{kind}/')) }} LIMIT 1")))
        picks[kind] = row["e"].value
    texts = (OWN_QUERY, load_query("provenance").text, INCOMING_QUERY)
    results = []
    for kind, iri in picks.items():
        bound = [with_values(text, {"entity": str(NamedNode(iri))}) for text in texts]  # as the server binds them
        conflicts = with_values(load_query("conflicts").text, {"mission": str(NamedNode(iri))})

        def _values_of(facts: set) -> list:
            return list(store.query(VALUES_QUERY % " ".join(sorted(map(str, facts))))) if facts else []

        def queries() -> None:
            """The page's queries: the resource's triples, its facts with their sentences, what else
            points at it, the facts' values and those of the facts they name; a mission's also the
            posts of the people its facts name and its claims checked; then the names of them all."""
            rows = [list(store.query(text)) for text in bound]
            facts = {row["fact"] for row in rows[1]}
            values = _values_of(facts)
            values += _values_of({row["value"] for row in values if isinstance(row["value"], NamedNode)
                                  and fact_kind(row["value"].value)} - facts)
            if kind == "mission":
                people = {row["value"] for row in values if isinstance(row["value"], NamedNode) and "/person/" in row["value"].value}
                if people:
                    values += _values_of({row["post"] for row in store.query(POSTS_QUERY % " ".join(map(str, people)))})
                rows.append(list(store.query(conflicts)))
            named = [t.value for found in rows for row in found for t in row if isinstance(t, NamedNode)]
            label_map(endpoint, named + [row["value"].value for row in values if isinstance(row["value"], NamedNode)])

        queries()
        query_seconds = statistics.median(_timed(queries) for _ in range(runs))
        path = iri.removeprefix("https://w3id.org/coalition-kg")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

        def fetch() -> None:
            connection.request("GET", path, headers={"Accept": "text/html"})
            response = connection.getresponse()
            response.read()
            assert response.status == 200, (path, response.status)

        fetch()
        page_seconds = statistics.median(_timed(fetch) for _ in range(runs))
        results.append({"page": path, "page_ms": 1000 * page_seconds, "queries_ms": 1000 * query_seconds,
                        "ratio": page_seconds / query_seconds})
    return results


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def build(scale: str) -> tuple[Path, dict[str, str]]:
    from coalition_kg import pipeline

    data = prepare(scale, Settings())
    build_dir = data.root / "serve-build"
    if not (build_dir / "manifest.json").exists():
        pipeline.build(data.clean, build_dir, pictures=False)  # the server draws none of them
    return build_dir, data.generated.query_parameters


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", nargs="+", default=["100k"])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=None,
                        help=f"requests per round (default by scale: {REQUESTS}; every round runs to its end)")
    parser.add_argument("--seconds", type=float, default=900.0, help="the most a round may take")
    parser.add_argument("--workers", type=int, default=4, help="query workers of coalition-kg serve")
    options = parser.parse_args(argv)
    previous = json.loads(OUTPUT.read_text()) if OUTPUT.exists() else {}
    document = previous if isinstance(previous, dict) else {"harness": previous}
    for scale in options.scale:
        requests = options.requests or REQUESTS.get(scale, REQUESTS["100k"])
        figures = measure_scale(scale, options.clients, requests, options.seconds, options.workers)
        print(json.dumps(figures, indent=2))
        document["serve"] = record(document.get("serve"), scale, figures)
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(json.dumps(document, indent=2) + "\n")
    return 0


def record(serve: object, scale: str, figures: dict) -> dict:
    """The serve figures with this run added to its scale's runs, and the spread of the ratios over them."""
    serve = serve if isinstance(serve, dict) else {}
    kept = serve.get(scale)
    runs = [*(kept.get("runs", []) if isinstance(kept, dict) else []), figures]
    spread = {name: [min(run[name] for run in runs), max(run[name] for run in runs)]
              for name in ("throughput_ratio", "p99_ratio", "worst_page_ratio")}
    return {**serve, scale: {"runs": runs, "spread": spread}}


#: The server as it runs by default (its answers kept for the build served), and with no cache,
#: where every request is a query: both are measured against Oxigraph's server in each round.
VARIANTS = {"coalition-kg": [], "coalition-kg --cache 0": ["--cache", "0"]}


def measure_scale(scale: str, clients: int, requests: int, seconds: float, workers: int) -> dict:
    build_dir, values = build(scale)
    texts = canned_texts(values)

    rounds: dict[str, list[Load]] = {"oxigraph": [], **{name: [] for name in VARIANTS}}
    for _ in range(2):
        oxigraph_port = free_port()
        process = running([OXIGRAPH, "serve-read-only", "--location", (build_dir / "store").resolve(), "--bind",
                           f"127.0.0.1:{oxigraph_port}"], f"http://127.0.0.1:{oxigraph_port}/query?query=ASK%7B%7D", build_dir)
        try:
            load("oxigraph", oxigraph_port, "/query", texts, clients, len(texts), seconds)  # warm-up
            rounds["oxigraph"].append(load("oxigraph", oxigraph_port, "/query", texts, clients, requests, seconds))
        finally:
            stop(process)
        for name, options in VARIANTS.items():
            ours = free_port()
            process = running([COALITION_KG, "serve", "--build-dir", build_dir, "--port", str(ours), "--timeout", "600",
                               "--limit", "1000000", "--workers", str(workers), *options], f"http://127.0.0.1:{ours}/healthz", build_dir)
            try:
                load(name, ours, "/sparql", texts, clients, len(texts), seconds)  # warm-up (and, with the cache, its filling)
                rounds[name].append(load(name, ours, "/sparql", texts, clients, requests, seconds))
                if options:
                    pages = page_times(build_dir, ours)  # pages timed without the cache, against their queries
            finally:
                stop(process)
    best = {name: max(loads, key=lambda item: item.throughput) for name, loads in rounds.items()}
    theirs = best["oxigraph"]
    ratios = {name: {"throughput_ratio": best[name].throughput / theirs.throughput, "p99_ratio": best[name].p99_ms / theirs.p99_ms}
              for name in VARIANTS}
    cached, cold = ratios["coalition-kg"], ratios["coalition-kg --cache 0"]
    return {
        "triples": json.loads((build_dir / "manifest.json").read_text())["triples"],
        "questions": len(texts),
        "clients": clients,
        "workers": workers,
        "loads": {name: [asdict(item) for item in loads] for name, loads in rounds.items()},
        "throughput_ratio": cached["throughput_ratio"],
        "p99_ratio": cached["p99_ratio"],
        "no_cache": cold,
        "pages": pages,
        "worst_page_ratio": max(page["ratio"] for page in pages),
        "targets": {
            "throughput >= 1.0x oxigraph": cached["throughput_ratio"] >= TARGETS["throughput"],
            "throughput >= 1.0x oxigraph, no cache": cold["throughput_ratio"] >= TARGETS["throughput"],
            "p99 <= 1.5x oxigraph": cached["p99_ratio"] <= TARGETS["p99"],
            "p99 <= 1.5x oxigraph, no cache": cold["p99_ratio"] <= TARGETS["p99"],
            "pages <= 2x their queries": all(page["ratio"] <= TARGETS["page"] for page in pages),
        },
    }

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
