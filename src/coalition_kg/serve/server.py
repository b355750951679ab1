"""What every router of the server shares: its settings, and the build it serves (the worker pool
on its store, its manifest, its ontology and catalog, its statistics, kept once computed).

The server serves the last validated build. A build writes its manifest last, by a rename, once
the new store is in place; so the server watches the manifest file (one ``stat`` a second, in a
thread of its own): when it is another file, the new build's workers are started, requests go to
them, and the old build's workers end as they finish what they were doing.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coalition_kg.core.paths import ONTOLOGY_FILES, QUERIES_DIR
from coalition_kg.queries.engine import DEFAULT_LIMIT, DEFAULT_TIMEOUT, select
from coalition_kg.queries.results import Answer, GraphAnswer, Term
from coalition_kg.serve.descriptions import Statistics, statistics
from coalition_kg.serve.documentation import DOCS_FOLDER
from coalition_kg.serve.vocabulary import Vocabulary
from coalition_kg.serve.worker import Picture, Run
from coalition_kg.serve.workers import PoolRetired, WorkerPool
from coalition_kg.store.manifest import MANIFEST, read_manifest

#: Statistics read the whole store: they may take longer than a query may.
STATISTICS_SECONDS = 600.0
LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """How the server runs: the build it serves, its workers and its limits."""

    build_dir: Path
    workers: int = 2
    timeout: float = DEFAULT_TIMEOUT  # seconds a query may run
    row_limit: int = DEFAULT_LIMIT  # rows or triples of one answer
    max_body: int = 1 << 20  # bytes of a request body
    body_seconds: float = 10.0  # seconds a client may take to send its body
    cors: tuple[str, ...] = ()
    queries_dir: Path = QUERIES_DIR
    reload_seconds: float = 1.0  # how often the manifest is looked at for a new build


@dataclass
class Build:
    """One validated build as the server serves it."""

    identity: tuple[int, int, int]  # the manifest file's inode, size and modification time
    manifest: dict
    pool: WorkerPool
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

    def run(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job`` on the build served now (see :meth:`WorkerPool.run`)."""
        while True:
            try:
                return self.build.pool.run(job, timeout)
            except PoolRetired:
                continue  # a new build came while the job waited: ask its workers

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
        old.pool.retire()
        return True

    def close(self) -> None:
        self._stopped.set()
        self._watcher.join()
        self.build.pool.close()

    def _open(self) -> Build:
        build_dir = self.settings.build_dir
        identity = manifest_identity(build_dir)
        vocabulary = Vocabulary(build_dir / DOCS_FOLDER / ONTOLOGY_FILES[0], queries_dir=self.settings.queries_dir)
        return Build(identity, read_manifest(build_dir), WorkerPool(build_dir, self.settings.workers), vocabulary)

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
