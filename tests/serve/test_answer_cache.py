"""Answers kept for the build served: a query asked again is answered from memory, the same bytes,
with no worker asked; a new build empties the cache (tests/serve/test_server.py); --cache 0 keeps none."""

from __future__ import annotations

import os
import signal
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coalition_server import get, serving, workers_of
from pyoxigraph import Literal, NamedNode

from coalition_kg.serve.answer_cache import AnswerCache, key_of
from coalition_kg.serve.worker import Run, Writing, Written

MEMBERS = "SELECT ?state WHERE { ?state <http://www.w3.org/ns/org#memberOf> ?mission } ORDER BY ?state"
BUILD = (1, 2, 3)


@contextmanager
def workers_stopped(base: str) -> Iterator[None]:
    """Every query worker of the server stopped (SIGSTOP) while the context lasts."""
    workers = workers_of(base)
    for pid in workers:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in workers & workers_of(base):  # a worker that outlived its time was killed and replaced
            os.kill(pid, signal.SIGCONT)


def ask(base: str, query: str) -> tuple[int, bytes]:
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": query}), "text/csv", timeout=30)
    return status, body


def test_an_answer_asked_again_needs_no_worker(served):
    first = ask(served, MEMBERS)
    with workers_stopped(served):
        assert ask(served, MEMBERS) == first and first[0] == 200 and first[1].count(b"\n") == 7


def test_with_no_cache_every_query_goes_to_a_worker(built: Path):
    with serving(built, "--cache", "0", "--timeout", "2", "--workers", "1") as base:
        assert ask(base, MEMBERS)[0] == 200
        with workers_stopped(base):
            status, body = ask(base, MEMBERS)
    assert status == 503 and b"was stopped" in body


def test_the_key_is_the_query_and_everything_that_shapes_its_answer():
    job = Run(MEMBERS, {"s": NamedNode("urn:a")}, None, None, 10, Writing("csv", "turtle", 1000))
    assert key_of(BUILD, job) == key_of(BUILD, job._replace(ad_hoc=True))  # checked or not, the same answer
    others = [job._replace(text=MEMBERS + " "), job._replace(bindings={"s": NamedNode("urn:b")}),
              job._replace(bindings={"s": Literal("urn:a")}), job._replace(default_graph=("urn:g",)), job._replace(limit=11),
              job._replace(writing=Writing("json", "turtle", 1000)), job._replace(base_iri="http://example.org/")]
    keys = {key_of(BUILD, job), *(key_of(BUILD, other) for other in others), key_of((1, 2, 4), job)}
    assert len(keys) == len(others) + 2


def test_the_least_recently_used_go_first_and_no_answer_takes_more_than_an_eighth():
    cache = AnswerCache(8000)
    for name in "abcdefgh":
        cache.put(name.encode(), Written(b"x" * 1000, "SELECT", None))
    assert cache.size == 8000
    cache.get(b"a")
    cache.put(b"i", Written(b"x" * 1000, "SELECT", None))
    assert cache.get(b"b") is None and cache.get(b"a") is not None and cache.size == 8000
    cache.put(b"big", Written(b"x" * 1001, "SELECT", None))
    assert cache.get(b"big") is None
    cache.clear()
    assert (cache.size, cache.get(b"a")) == (0, None)
    none = AnswerCache(0)
    none.put(b"a", Written(b"x", "SELECT", None))
    assert none.get(b"a") is None
