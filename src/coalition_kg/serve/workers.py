"""The pool of query worker processes: every query of the server runs in one of them.

Each worker (:mod:`coalition_kg.serve.worker`) holds the store open read-only. A request takes
an idle worker, sends it a job and waits for the outcome until the query's time is up; a worker
that has not answered by then is killed, which stops its query inside Oxigraph, and a fresh one
takes its place. A worker that dies on a query (a crash of the engine) is replaced the same way.
The pool is used from the server's request threads; waiting on a pipe releases the interpreter
lock, so the workers' queries run in parallel with the server.

When a new build replaces the store, the server starts a pool on it and retires the old one
(:meth:`WorkerPool.retire`): its idle workers end at once, its busy ones when their query is
answered, and a job still waiting for one of its workers is told to go to the new pool.
"""

from __future__ import annotations

import os
import pickle
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

from coalition_kg.serve.worker import HEADER, Error, Picture, Run, frame

WORKER_MODULE = "coalition_kg.serve.worker_process"
STARTUP_SECONDS = 60.0


class QueryTimeout(RuntimeError):
    """A query ran past its time and was stopped."""


class WorkerLost(RuntimeError):
    """A worker ended without an answer: the engine crashed on the query."""


class PoolBusy(RuntimeError):
    """No worker became free in time."""


class UserError(ValueError):
    """The engine refused the query: its message."""


class PoolRetired(RuntimeError):
    """The pool was retired while the job waited for a worker: the job belongs to the new pool."""


#: Put in a retired pool's queue of idle workers, so that every job waiting there learns of it.
_RETIRED = object()


class Worker:
    """One worker process and its pipes."""

    def __init__(self, build_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", WORKER_MODULE, str(build_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,  # a ^C at the terminal is the server's to handle
        )
        self.timeout = STARTUP_SECONDS
        if self._receive(time.monotonic() + STARTUP_SECONDS) != "ready":
            raise WorkerLost("a query worker did not start")

    def call(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job``; :class:`QueryTimeout` after ``timeout`` seconds."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(frame(job))
            self.process.stdin.flush()
        except BrokenPipeError:
            raise WorkerLost("the query worker had ended") from None
        self.timeout = timeout
        return self._receive(time.monotonic() + timeout)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def _receive(self, deadline: float) -> object:
        header = self._read(HEADER.size, deadline)
        return pickle.loads(self._read(HEADER.unpack(header)[0], deadline))

    def _read(self, size: int, deadline: float) -> bytes:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        chunks: list[bytes] = []
        while size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                raise QueryTimeout(f"{self.timeout:g} s")
            chunk = os.read(descriptor, min(size, 1 << 20))
            if not chunk:
                raise WorkerLost(f"the query engine ended on this query (exit status {self.process.poll()})")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)


class WorkerPool:
    """``size`` workers on the store of ``build_dir``; a job waits at most ``wait`` seconds for one."""

    def __init__(self, build_dir: Path, size: int, wait: float = 60.0) -> None:
        self.build_dir = build_dir
        self.wait = wait
        # The worker that finished last is taken first: its caches hold what was just asked (a
        # page's next query, a question asked again); under load every worker is busy anyway.
        self._idle: queue.LifoQueue[Worker | object] = queue.LifoQueue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._retired = False
        try:
            for _ in range(size):
                self._release(self._spawn())
        except BaseException:
            self.close()
            raise

    def run(self, job: Run | Picture, timeout: float) -> object:
        """The outcome of ``job`` in a worker: an answer, a :class:`~coalition_kg.serve.worker.Written`
        or picture bytes; :class:`UserError` for a refused query, :class:`QueryTimeout`,
        :class:`WorkerLost`, :class:`PoolBusy` or :class:`PoolRetired` otherwise."""
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise PoolBusy(f"every query worker stayed busy for {self.wait:g} s") from None
        if worker is _RETIRED:
            self._idle.put(worker)
            raise PoolRetired("the store was replaced")
        assert isinstance(worker, Worker)
        try:
            outcome = worker.call(job, timeout)
        except (QueryTimeout, WorkerLost):
            self._end(worker)
            if not self._retired:
                self._release(self._spawn())
            raise
        self._release(worker)
        if isinstance(outcome, Error):
            raise UserError(outcome.message)
        return outcome

    def retire(self) -> None:
        """End the idle workers now and the busy ones as they finish; jobs waiting for a worker
        raise :class:`PoolRetired`."""
        with self._lock:
            self._retired = True
            idle = []
            while True:
                try:
                    idle.append(self._idle.get_nowait())
                except queue.Empty:
                    break
            self._idle.put(_RETIRED)
        for worker in idle:
            if isinstance(worker, Worker):
                self._end(worker)

    @property
    def size(self) -> int:
        """The workers running now."""
        with self._lock:
            return len(self._all)

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()

    def _spawn(self) -> Worker:
        worker = Worker(self.build_dir)
        with self._lock:
            self._all.add(worker)
        return worker

    def _end(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def _release(self, worker: Worker) -> None:
        with self._lock:
            if not self._retired:
                self._idle.put(worker)
                return
        self._end(worker)
