"""The push benchmark: the built graph into real stores, against each store's own bulk loader,
and the canned questions on those stores next to the local store, all in one run.

    flock /work/bench.lock python -m benchmarks.push --scale 1m

For the scale's generated data (``make bench`` caches it in build/bench-data/<scale>/,
and this module generates and ingests it if missing) it measures, each in a fresh process
with its peak memory:

- Oxigraph: ``oxigraph load`` of the build's N-Quads (each source's graph) and of their union
  (into the default graph), into an empty store, against ``coalition-kg push`` into an empty
  ``oxigraph serve`` by SPARQL Update and by the Graph Store Protocol;
- Virtuoso: its bulk loader (``ld_dir`` of the same two files, the union into the graph
  queries name as default, then ``rdf_loader_run``) into an empty database, against the push
  into another one (digest authentication, as a real Virtuoso wants), by SPARQL Update and by
  the Graph Store Protocol;
- each canned question, on the local store and on both loaded stores (the push's), with
  its rows: the median of a few runs in this process.

The servers are started by the project's test helpers (tests/oxigraph_server.py,
tests/virtuoso_server.py) on free ports with temporary folders. The table is printed and
written to build/bench-push.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .measure import PROJECT_DIR, ProcessRun, run_process
from .run import ScaleData, Settings, measure, prepare, steps

sys.path.insert(0, str(PROJECT_DIR / "tests"))  # the project's own server helpers

import oxigraph_server  # noqa: E402
import server_process  # noqa: E402
import virtuoso_server  # noqa: E402

OUTPUT = PROJECT_DIR / "build" / "bench-push.json"
QUERY_RUNS = 3
PROTOCOL = {"SPARQL Update": "update", "Graph Store Protocol": "graph-store"}
VIRTUOSO_BUFFERS = 340_000  # Virtuoso's advice for 4 GiB of cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1m")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--skip-virtuoso", action="store_true")
    arguments = parser.parse_args()
    data = ensure_data(arguments.scale)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-push-", dir=data.root) as scratch:
        work = Path(scratch)
        rows += oxigraph_rows(data, work, arguments.timeout)
        if not arguments.skip_virtuoso:
            rows += virtuoso_rows(data, work, arguments.timeout)
    print_table(arguments.scale, rows)
    OUTPUT.write_text(json.dumps({"scale": arguments.scale, "rows": rows}, indent=1))


def ensure_data(scale: str) -> ScaleData:
    """The scale's generated data, ingested into its store (and its N-Quads and N-Triples)."""
    settings = Settings()
    data = prepare(scale, settings)
    if not (data.ingest_build / "store").exists() or not data.nquads.exists() or not data.ntriples.exists():
        measure(scale, steps(data, settings)[0], settings)
    return data


def push_command(data: ScaleData, endpoint: str, protocol: str, store: str, user: str = "", password: str = "") -> list[str]:
    """A fresh process pushing the scale's built store, as ``coalition-kg push`` does."""
    arguments = {"build": str(data.ingest_build), "endpoint": endpoint, "protocol": protocol, "store": store,
                 "user": user, "password": password}
    return [sys.executable, "-m", "benchmarks.push_child", json.dumps(arguments)]


def oxigraph_rows(data: ScaleData, work: Path, timeout: float) -> list[dict]:
    rows = []
    location = work / "oxigraph-load"
    loads = [run_process([str(oxigraph_server.OXIGRAPH), "load", "--location", str(location), "--file", str(path)], timeout)
             for path in (data.nquads, data.ntriples)]
    baseline = _row("oxigraph", "push", "oxigraph load (N-Quads, then the union)", _sum(loads))
    rows.append(baseline)
    shutil.rmtree(location, ignore_errors=True)
    for method in ("Graph Store Protocol", "SPARQL Update"):
        process, server = oxigraph_server.start(work / f"oxigraph-{len(rows)}")
        try:
            run = run_process(push_command(data, server.query, PROTOCOL[method], "oxigraph"), timeout)
            rows.append(_row("oxigraph", "push", f"coalition-kg push ({method})", run, baseline))
            if run.ok and method == "SPARQL Update":
                rows += question_rows(data, "oxigraph", server.query)
        finally:
            server_process.stop(process)
    return rows


def virtuoso_rows(data: ScaleData, work: Path, timeout: float) -> list[dict]:
    if not virtuoso_server.available():
        return [{"store": "virtuoso", "operation": "push", "backend": "-", "status": "skipped",
                 "detail": "virtuoso-t not installed", "seconds": None, "peak_rss_mb": None}]
    from coalition_kg.remote.dialects import UNION_GRAPH

    rows = []
    files = work / "virtuoso-files"
    files.mkdir()
    for path in (data.nquads, data.ntriples):
        (files / path.name).symlink_to(path)
    process, server = virtuoso_server.start(work / "virtuoso-load", (files,), VIRTUOSO_BUFFERS)
    try:
        started = time.perf_counter()
        server.isql(
            f"ld_dir('{files}', '{data.nquads.name}', 'http://localhost/unused')",
            f"ld_dir('{files}', '{data.ntriples.name}', '{UNION_GRAPH}')",
            "rdf_loader_run()",
        )
        seconds = time.perf_counter() - started
        errors = server.isql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL").split("\n")
        failed = [line for line in errors if "union." in line]
        baseline = {"store": "virtuoso", "operation": "push", "backend": "Virtuoso bulk loader (ld_dir, rdf_loader_run)",
                    "seconds": seconds, "peak_rss_mb": None, "status": "error" if failed else "ok",
                    "detail": "; ".join(failed) or "both files loaded"}
        rows.append(baseline)
    finally:
        virtuoso_server.stop(process)
    for method in ("SPARQL Update", "Graph Store Protocol"):
        process, server = virtuoso_server.start(work / f"virtuoso-{len(rows)}", buffers=VIRTUOSO_BUFFERS)
        try:
            command = push_command(
                data, server.sparql, PROTOCOL[method], "virtuoso", virtuoso_server.USER, virtuoso_server.PASSWORD
            )
            run = run_process(command, timeout)
            rows.append(_row("virtuoso", "push", f"coalition-kg push ({method})", run, baseline))
            if run.ok and method == "Graph Store Protocol":
                rows += question_rows(data, "virtuoso", server.sparql)
        finally:
            virtuoso_server.stop(process)
    return rows


def question_rows(data: ScaleData, store: str, url: str) -> list[dict]:
    """Each canned question on the local store and on the store at ``url``: median seconds, and rows."""
    from coalition_kg.queries.catalog import load_catalog
    from coalition_kg.queries.engine import LocalEndpoint, ask
    from coalition_kg.remote.endpoint import Access, RemoteEndpoint
    from coalition_kg.store.disk import open_store

    from .project_side import parameter_values

    local = LocalEndpoint(open_store(data.ingest_build))
    remote = RemoteEndpoint(url, 600, Access(max_bytes=1 << 30))
    rows = []
    for query in load_catalog():
        given, missing = parameter_values(query, data.generated.query_parameters)
        if missing:
            continue
        for backend, endpoint in (("local", local), (store, remote)):
            times, answer_rows, failure = [], None, ""
            for _ in range(QUERY_RUNS):
                started = time.perf_counter()
                try:
                    answer_rows = len(ask(endpoint, query, given).terms())
                except Exception as error:  # noqa: BLE001 - a store's failure is a result of the benchmark
                    failure = str(error)[:200]
                    break
                times.append(time.perf_counter() - started)
            rows.append({"store": store, "operation": f"query:{query.name}", "backend": backend,
                         "seconds": statistics.median(times) if times and not failure else None,
                         "peak_rss_mb": None, "status": "error" if failure else "ok",
                         "detail": failure or f"{answer_rows} rows"})
    return rows


def _sum(runs: list[ProcessRun]) -> ProcessRun:
    peaks = [run.peak_rss_mb for run in runs if run.peak_rss_mb is not None]
    failed = next((run for run in runs if not run.ok), None)
    return ProcessRun(sum(run.seconds for run in runs), max(peaks) if peaks else None,
                      failed.returncode if failed else 0, "", failed.stderr if failed else "", bool(failed and failed.timed_out))


def _row(store: str, operation: str, backend: str, run: ProcessRun, baseline: dict | None = None) -> dict:
    row = {"store": store, "operation": operation, "backend": backend, "seconds": run.seconds,
           "peak_rss_mb": run.peak_rss_mb, "status": "ok" if run.ok else "error",
           "detail": (run.stdout.strip().splitlines() or [""])[-1] if run.ok else run.failure()}
    if baseline and baseline.get("seconds") and run.ok:
        row["ratio"] = run.seconds / baseline["seconds"]
    return row


def print_table(scale: str, rows: list[dict]) -> None:
    print(f"push benchmark, {scale}")
    header = f"{'store':9} {'operation':22} {'backend':48} {'seconds':>9} {'ratio':>6} {'peak MB':>8}  detail"
    print(header)
    print("-" * len(header))
    for row in rows:
        seconds = f"{row['seconds']:.3f}" if row.get("seconds") is not None else "-"
        ratio = f"{row['ratio']:.2f}x" if row.get("ratio") is not None else ""
        peak = f"{row['peak_rss_mb']:.0f}" if row.get("peak_rss_mb") is not None else ""
        print(f"{row['store']:9} {row['operation']:22} {row['backend']:48} {seconds:>9} {ratio:>6} {peak:>8}  {row['detail']}")


if __name__ == "__main__":
    main()
