"""What every router of the server shares: its settings, and the build it serves (the worker pools
on its store, its manifest, its ontology and catalog, its statistics, kept once computed).

A build has two pools of workers, two lanes: one for the pages and the canned questions, one
for ad-hoc SPARQL, whose workers run at a lower priority, so that no page waits behind someone's
runaway query (:mod:`.admission` says who may wait for which). An ad-hoc query is proven safe in
its worker before it runs; the server remembers the texts proven safe (by digest), so that a
text asked again, a dashboard's query, is not parsed again.

The server serves the last validated build. A build writes its manifest last, by a rename, once
the new store is in place; so the server watches the manifest file (one ``stat`` a second, in a
thread of its own): when it is another file, the new build's workers are started, requests go to
them, and the old build's workers end as they finish what they were doing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coalition_kg.core.paths import ONTOLOGY_FILES, QUERIES_DIR
from coalition_kg.queries.engine import DEFAULT_LIMIT, DEFAULT_TIMEOUT, select
from coalition_kg.queries.results import Answer, GraphAnswer, Term
from coalition_kg.serve.answer_cache import AnswerCache, key_of
from coalition_kg.serve.descriptions import Statistics, statistics
from coalition_kg.serve.documentation import DOCS_FOLDER
from coalition_kg.serve.vocabulary import Vocabulary
from coalition_kg.serve.worker import Picture, Refused, Run, Written
from coalition_kg.serve.workers import PoolRetired, WorkerPool
from coalition_kg.store.manifest import MANIFEST, read_manifest

#: Statistics read the whole store: they may take longer than a query may.
STATISTICS_SECONDS = 600.0
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """How the server runs: the build it serves, its workers and its limits."""

    build_dir: Path
    workers: int = 2  # in each lane
    timeout: float = DEFAULT_TIMEOUT  # seconds a query may run
    row_limit: int = DEFAULT_LIMIT  # rows or triples of one answer
    max_bytes: int = 16 << 20  # bytes of one answer
    cache_bytes: int = 64 << 20  # bytes of answers kept for the build served (0: none)
    memory_limit: int = 2 << 30  # bytes of resident memory of one worker
    max_body: int = 1 << 20  # bytes of a request body
    body_seconds: float = 10.0  # seconds a client may take to send its body
    header_bytes: int = 32 << 10  # bytes of a request's line and headers
    header_seconds: float = 10.0  # seconds a client may take to send them, and may stay idle before
    idle_seconds: float = 5.0  # seconds a kept-alive connection may stay idle between requests
    wait_seconds: float = 60.0  # seconds a request may wait for a worker
    cors: tuple[str, ...] = ()
    queries_dir: Path = QUERIES_DIR
    reload_seconds: float = 1.0  # how often the manifest is looked at for a new build
    static_site: bool = False  # serving ``coalition-kg site``'s crawl: no server behind the pages, so forms say they need one
    endpoint: str | None = None  # the public SPARQL endpoint the descriptions name (None: this server's, if live)

    @property
    def per_client(self) -> int:
        """Ad-hoc queries one client may run at once: all but one of the lane's workers, so
        that another client always finds one."""
        return max(1, self.workers - 1)


#: Niceness of the ad-hoc lane's workers: under load, the pages' workers get the processors first.
AD_HOC_NICENESS = 10
#: Texts proven safe that the server remembers.
CHECKED_TEXTS = 4096
#: The outcomes kept in the cache: answers, not refusals.
ANSWERS = (Written, Answer, GraphAnswer)


@dataclass
class Build:
    """One validated build as the server serves it."""

    identity: tuple[int, int, int]  # the manifest file's inode, size and modification time
    manifest: dict
    pool: WorkerPool  # pages and canned questions
    ad_hoc_pool: WorkerPool  # ad-hoc SPARQL
    vocabulary: Vocabulary
    statistics: Statistics | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def manifest_identity(build_dir: Path) -> tuple[int, int, int]:
    """Which manifest file is there now: a build replaces it by a rename, so a new build gives a new one."""
    found = os.stat(build_dir / MANIFEST)
    return found.st_ino, found.st_size, found.st_mtime_ns


class Server:
    """The running server's shared state: its settings and the build it serves now."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._proven: OrderedDict[bytes, None] = OrderedDict()
        self._proven_lock = threading.Lock()
        self.cache = AnswerCache(settings.cache_bytes)
        self.build = self._open()
        self._stopped = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name="build-watcher", daemon=True)
        self._watcher.start()

    @classmethod
    def start(cls, settings: Settings) -> Server:
        from coalition_kg.store.disk import StoreMissing

        if not (settings.build_dir / "store").exists() or not (settings.build_dir / MANIFEST).exists():
            raise StoreMissing(f"no built graph in {settings.build_dir}; run 'coalition-kg build' first")
        return cls(settings)

    @property
    def manifest(self) -> dict:
        return self.build.manifest

    @property
    def vocabulary(self) -> Vocabulary:
        return self.build.vocabulary

    @property
    def network_open(self) -> str | None:
        """Why the workers can open network connections, if they can (None: they cannot)."""
        return self.build.pool.network_open or self.build.ad_hoc_pool.network_open

    def run(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job`` on the build served now: from the cache, if the same query was
        answered on this build; else from a worker (see :meth:`WorkerPool.run`), an ad-hoc query in
        the ad-hoc lane, checked there unless its text was proven safe before."""
        if not isinstance(job, Run):
            return self._run(job, timeout)
        key = key_of(self.build.identity, job)
        outcome = self.cache.get(key)
        if outcome is None:
            outcome = self._run(job, timeout)
            if isinstance(outcome, ANSWERS):
                self.cache.put(key, outcome)
        return outcome

    def _run(self, job: Run | Picture, timeout: float) -> object:
        ad_hoc = isinstance(job, Run) and job.ad_hoc
        digest = hashlib.sha256(job.text.encode("utf-8", "surrogatepass")).digest() if ad_hoc else b""
        if ad_hoc and self._was_proven(digest):
            job = job._replace(ad_hoc=False)
        while True:
            build = self.build
            try:
                outcome = (build.ad_hoc_pool if ad_hoc else build.pool).run(job, timeout)
            except PoolRetired:
                continue  # a new build came while the job waited: ask its workers
            if ad_hoc and not isinstance(outcome, Refused):
                self._remember_proven(digest)
            return outcome

    def _was_proven(self, digest: bytes) -> bool:
        with self._proven_lock:
            if digest in self._proven:
                self._proven.move_to_end(digest)
                return True
            return False

    def _remember_proven(self, digest: bytes) -> None:
        with self._proven_lock:
            self._proven[digest] = None
            while len(self._proven) > CHECKED_TEXTS:
                self._proven.popitem(last=False)

    def statistics(self) -> Statistics:
        build = self.build
        with build.lock:
            if build.statistics is None:
                endpoint = PoolEndpoint(self, STATISTICS_SECONDS)
                build.statistics = statistics(lambda text: select(endpoint, text, {}))
            return build.statistics

    def reload_if_replaced(self) -> bool:
        """Serve the build in the build folder if it is not the one served; whether it was replaced."""
        if manifest_identity(self.settings.build_dir) == self.build.identity:
            return False
        old, self.build = self.build, self._open()
        self.cache.clear()
        old.pool.retire()
        old.ad_hoc_pool.retire()
        return True

    def close(self) -> None:
        self._stopped.set()
        self._watcher.join()
        self.build.pool.close()
        self.build.ad_hoc_pool.close()

    def _open(self) -> Build:
        settings = self.settings
        identity = manifest_identity(settings.build_dir)
        vocabulary = Vocabulary(settings.build_dir / DOCS_FOLDER / ONTOLOGY_FILES[0], queries_dir=settings.queries_dir)
        pool = self._pool()
        try:
            ad_hoc_pool = self._pool(AD_HOC_NICENESS)
        except BaseException:
            pool.close()
            raise
        return Build(identity, read_manifest(settings.build_dir), pool, ad_hoc_pool, vocabulary)

    def _pool(self, niceness: int = 0) -> WorkerPool:
        settings = self.settings
        return WorkerPool(settings.build_dir, settings.workers, settings.wait_seconds, settings.memory_limit, niceness)

    def _watch(self) -> None:
        while not self._stopped.wait(self.settings.reload_seconds):
            try:
                self.reload_if_replaced()
            except (OSError, RuntimeError, SyntaxError, ValueError) as error:  # a store that will not open: keep this one
                LOG.warning("the new build in %s is not served yet: %s", self.settings.build_dir, error)


class PoolEndpoint:
    """The server's workers as an :class:`~coalition_kg.queries.engine.Endpoint`, so that the engine's
    functions (canned questions, parameter lookups, labels) run on them as on any endpoint."""

    def __init__(self, server: Server, timeout: float | None = None) -> None:
        self.server = server
        self.timeout = timeout or server.settings.timeout

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        job = Run(text, dict(bindings or {}), limit=self.server.settings.row_limit, prefixes=dict(prefixes) if prefixes else None)
        return self.server.run(job, self.timeout)
