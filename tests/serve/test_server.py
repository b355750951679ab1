"""The server serves the last validated build: a build that replaces the store while it runs is
served without a restart, its workers take over from the old ones, and no request fails meanwhile."""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.parse
from pathlib import Path

from coalition_server import get, serving, workers_of

from coalition_kg import pipeline

LABEL_QUERY = "SELECT ?label WHERE { <https://w3id.org/coalition-kg/id/state/USA> skos:prefLabel ?label }"


def health(base: str) -> dict:
    return json.loads(get(f"{base}/healthz")[2])


def label_by_sparql(base: str) -> str:
    query = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + LABEL_QUERY
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}), "application/sparql-results+json")
    assert status == 200
    return json.loads(body)["results"]["bindings"][0]["label"]["value"]


def test_a_new_build_is_served_without_a_restart(tmp_path: Path):
    data, build = tmp_path / "data", tmp_path / "build"
    shutil.copytree(pipeline.DATA_DIR, data)
    pipeline.build(data, build)
    with serving(build, "--workers", "2") as base:
        before = health(base)
        old_workers = workers_of(base)
        assert label_by_sparql(base) == "United States" and len(old_workers) == 4  # two in each lane
        register = data / "register.yaml"
        register.write_text(register.read_text().replace("    label: United States", "    label: United States of America"))

        failures: list[int] = []
        answered = [0]
        stop = threading.Event()

        def keep_asking() -> None:  # bounded: stops with the test, or after 120 s
            deadline = time.monotonic() + 120
            while not stop.is_set() and time.monotonic() < deadline:
                status = get(f"{base}/id/state/USA", "text/turtle")[0]
                answered[0] += 1
                if status != 200:
                    failures.append(status)

        asker = threading.Thread(target=keep_asking)
        asker.start()
        try:
            summary = pipeline.build(data, build)
            deadline = time.monotonic() + 30
            while health(base)["fingerprint"] == before["fingerprint"] and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            stop.set()
            asker.join()
        after = health(base)
        assert after["fingerprint"] != before["fingerprint"] and after["triples"] == summary.triples
        assert label_by_sparql(base) == "United States of America"
        assert "<h1>United States of America</h1>" in get(f"{base}/id/state/USA", "text/html")[2].decode()
        assert failures == [] and answered[0] > 10  # asked all through the build and the swap
        deadline = time.monotonic() + 30
        while workers_of(base) & old_workers and time.monotonic() < deadline:
            time.sleep(0.2)
        new_workers = workers_of(base)
        assert len(new_workers) == 4 and not new_workers & old_workers  # the old build's workers ended


def test_serve_says_where_it_listens_and_writes_an_access_log_when_asked(built: Path):
    with serving(built, "--workers", "1", "--access-log") as base:
        assert get(f"{base}/id/state/GTM", "text/html")[0] == 200
        assert get(f"{base}/id/state/NARNIA", "text/html")[0] == 404
        port = base.rsplit(":", 1)[1]
        log = (built.parent / f"serve-{port}.log").read_text()
    assert f"Serving coalition-kg on http://127.0.0.1:{port}/ (SPARQL endpoint: http://127.0.0.1:{port}/sparql)" in log.splitlines()
    assert '"GET /id/state/GTM HTTP/1.1" 200' in log and '"GET /id/state/NARNIA HTTP/1.1" 404' in log


def test_without_an_access_log_serve_says_only_where_it_listens(built: Path):
    with serving(built, "--workers", "1") as base:
        assert get(f"{base}/id/state/GTM", "text/html")[0] == 200
        port = base.rsplit(":", 1)[1]
        log = (built.parent / f"serve-{port}.log").read_text()
    assert log.splitlines() == [f"Serving coalition-kg on http://127.0.0.1:{port}/ (SPARQL endpoint: http://127.0.0.1:{port}/sparql)"]
