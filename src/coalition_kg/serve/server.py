"""What every router of the server shares: its settings, the worker pool, and what it knows of the
build (the manifest, the ontology and catalog, the store's statistics, kept once computed)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coalition_kg.core.paths import QUERIES_DIR
from coalition_kg.queries.engine import DEFAULT_LIMIT, DEFAULT_TIMEOUT, select
from coalition_kg.queries.results import Answer, GraphAnswer, Term
from coalition_kg.serve.descriptions import Statistics, statistics
from coalition_kg.serve.worker import Run
from coalition_kg.serve.workers import WorkerPool
from coalition_kg.store.manifest import read_manifest

#: Statistics read the whole store: they may take longer than a query may.
STATISTICS_SECONDS = 600.0


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


@dataclass
class Server:
    """The running server's shared state."""

    settings: Settings
    pool: WorkerPool
    manifest: dict = field(default_factory=dict)
    _statistics: Statistics | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def start(cls, settings: Settings) -> Server:
        from coalition_kg.store.disk import StoreMissing

        if not (settings.build_dir / "store").exists():
            raise StoreMissing(f"no built graph in {settings.build_dir}; run 'coalition-kg build' first")
        return cls(settings, WorkerPool(settings.build_dir, settings.workers), read_manifest(settings.build_dir))

    def statistics(self) -> Statistics:
        with self._lock:
            if self._statistics is None:
                endpoint = PoolEndpoint(self, STATISTICS_SECONDS)
                self._statistics = statistics(lambda text: select(endpoint, text, {}))
            return self._statistics

    def close(self) -> None:
        self.pool.close()


class PoolEndpoint:
    """The worker pool as an :class:`~coalition_kg.queries.engine.Endpoint`, so that the engine's
    functions (canned questions, parameter lookups, labels) run on it as on any endpoint."""

    def __init__(self, server: Server, timeout: float | None = None) -> None:
        self.server = server
        self.timeout = timeout or server.settings.timeout

    def execute(
        self, text: str, bindings: Mapping[str, Term] | None = None, prefixes: Mapping[str, str] | None = None
    ) -> Answer | GraphAnswer:
        job = Run(text, dict(bindings or {}), limit=self.server.settings.row_limit, prefixes=dict(prefixes) if prefixes else None)
        return self.server.pool.run(job, self.timeout)
